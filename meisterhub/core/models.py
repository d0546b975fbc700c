from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class History(models.Model):
    """One change to a business record: who did what, when, with a diff of the fields."""

    created_at = models.DateTimeField("일시", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="변경자",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField("행위", max_length=80)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField("대상", max_length=200)
    changes = models.JSONField("변경 내용", default=dict, blank=True)

    class Meta:
        verbose_name = "변경 이력"
        verbose_name_plural = "변경 이력"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class PersonalDataAccess(models.Model):
    """Every full view of personal data by staff: who, when, which record, which items, why."""

    created_at = models.DateTimeField("열람 일시", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="열람자", on_delete=models.PROTECT, related_name="+"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField("대상", max_length=200)
    fields = models.JSONField("열람 항목", default=list)
    reason = models.CharField("열람 사유", max_length=200)

    class Meta:
        verbose_name = "개인정보 열람 기록"
        verbose_name_plural = "개인정보 열람 기록"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor} → {self.object_repr}"
