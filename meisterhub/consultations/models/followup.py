"""After the sitting: the record (상담일지), on-site engagements and the survey."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from meisterhub.companies.models import Company
from meisterhub.meisters.models import Meister

from .booking import Booking


class FollowUp(models.TextChoices):
    NONE = "none", "없음"
    SITE_VISIT = "site_visit", "현장 방문"
    TESTING = "testing", "시험·분석"
    PROGRAM_REFERRAL = "program_referral", "지원사업 연계"


class ConsultationRecord(models.Model):
    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="record")
    diagnosis = models.TextField("진단")
    advice = models.TextField("자문 내용")
    follow_up = models.CharField(
        "후속 조치", max_length=20, choices=FollowUp.choices, default=FollowUp.NONE
    )
    hours = models.DecimalField("상담 시간(시간)", max_digits=3, decimal_places=1)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "상담일지"
        verbose_name_plural = "상담일지"
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0, hours__lte=12), name="record_hours_0_12"
            )
        ]

    def __str__(self) -> str:
        return f"상담일지 · {self.booking}"

    @property
    def has_follow_up(self) -> bool:
        """Lists leave the follow-up out when there is none, instead of printing "없음"."""
        return self.follow_up != FollowUp.NONE


class OnsiteEngagement(models.Model):
    """현장애로 지원: a problem one sitting could not solve, followed up with site visits."""

    class Status(models.TextChoices):
        OPEN = "open", "진행 중"
        CLOSED = "closed", "종결"

    company = models.ForeignKey(
        Company, on_delete=models.PROTECT, related_name="onsite_engagements", verbose_name="기업"
    )
    meister = models.ForeignKey(
        Meister,
        on_delete=models.PROTECT,
        related_name="onsite_engagements",
        verbose_name="마이스터",
    )
    origin_record = models.ForeignKey(
        ConsultationRecord,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="onsite_engagements",
    )
    problem = models.TextField("현장 애로")
    visit_quota = models.PositiveSmallIntegerField("현장 방문 횟수 한도")
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.OPEN)
    result = models.TextField("종결 결과", blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "현장애로 지원"
        verbose_name_plural = "현장애로 지원"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(visit_quota__gte=1, visit_quota__lte=20), name="onsite_quota_1_20"
            )
        ]

    def __str__(self) -> str:
        return f"현장애로 · {self.company} · {self.meister.name}"


class OnsiteVisit(models.Model):
    engagement = models.ForeignKey(
        OnsiteEngagement, on_delete=models.CASCADE, related_name="visits"
    )
    visited_on = models.DateField("방문일")
    report = models.TextField("방문 보고")
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "현장 방문"
        verbose_name_plural = "현장 방문"
        ordering = ["visited_on", "id"]

    def __str__(self) -> str:
        return f"{self.engagement} · {self.visited_on}"


class SatisfactionSurvey(models.Model):
    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="survey")
    score = models.PositiveSmallIntegerField("만족도", choices=[(i, f"{i}점") for i in range(1, 6)])
    comment = models.TextField("의견", blank=True)
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "만족도 조사"
        verbose_name_plural = "만족도 조사"
        constraints = [
            models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="survey_score_1_5")
        ]

    def __str__(self) -> str:
        return f"{self.booking} · {self.score}점"
