from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language

WEEKDAYS = ["월", "화", "수", "목", "금", "토", "일"]
WEEKDAY_CHOICES = [(str(i), f"{name}요일") for i, name in enumerate(WEEKDAYS[:5])]
TITLE_SUGGESTIONS = [
    "기술사",
    "명장",
    "기능장",
    "퇴직 현장기술자",
    "교수",
    "연구원",
    "박사",
    "변리사",
    "회계사·투자전문가",
    "경영지도사",
]


class Field(models.Model):
    """One field of expertise (전문분야) of the taxonomy."""

    code = models.CharField("코드", max_length=10, primary_key=True)
    name_ko = models.CharField("분야명", max_length=50)
    name_en = models.CharField("English name", max_length=80)
    scope = models.TextField("범위", blank=True)
    order = models.PositiveSmallIntegerField("순서", default=0)

    class Meta:
        verbose_name = "전문분야"
        verbose_name_plural = "전문분야"
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The field's name in the language of the page."""
        return self.name_en if get_language() == "en" else self.name_ko


class Meister(models.Model):
    roster_id = models.CharField(
        "명부 ID",
        max_length=20,
        unique=True,
        help_text="가져오기에서 같은 사람을 찾는 ID (예: E001)",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="로그인 계정",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meister",
    )
    name = models.CharField("성명", max_length=50)
    title = models.CharField("직함", max_length=30, help_text="기술사, 명장, 기능장 등")
    career = models.TextField("경력", blank=True)
    keywords = models.JSONField("키워드", default=list, blank=True)
    certificates = models.JSONField("자격·인증", default=list, blank=True)
    photo = models.ImageField("사진", upload_to="meisters/photos/", blank=True)
    is_active = models.BooleanField("활동 중", default=True, db_index=True)
    weekdays = models.CharField(
        "센터 근무 요일", max_length=7, blank=True, help_text="0=월 … 4=금 (예: 024)"
    )
    fields = models.ManyToManyField(
        Field, through="MeisterField", related_name="meisters", verbose_name="전문분야"
    )
    search_text = models.TextField(editable=False, blank=True)
    invited_at = models.DateTimeField("초대 메일 발송", null=True, blank=True, editable=False)
    # Optimistic locking for the staff edit page (core/locking.py).
    version = models.PositiveIntegerField("버전", default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "마이스터"
        verbose_name_plural = "마이스터"
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["is_active", "name"])]

    def __str__(self) -> str:
        return f"{self.name} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("meisters:detail", args=[self.pk])

    @property
    def has_active_account(self) -> bool:
        """A login account whose password the meister has set."""
        return self.user_id is not None and self.user.has_usable_password()

    @property
    def invitation_status(self) -> str:
        """Where the login account stands: 계정 없음, 초대됨 (no password yet) or 계정 활성."""
        if self.user_id is None:
            return "계정 없음"
        if not self.has_active_account:
            return "초대됨"
        return "계정 활성"

    @property
    def weekday_names(self) -> list[str]:
        return [WEEKDAYS[int(d)] for d in sorted(set(self.weekdays)) if d.isdigit()]

    @property
    def ordered_fields(self) -> list[Field]:
        """Fields with the main one first; uses the prefetch when the list view made one."""
        links = getattr(self, "field_links_ordered", None)
        if links is None:
            links = self.field_links.select_related("field").order_by("order")
        return [link.field for link in links]


class MeisterField(models.Model):
    meister = models.ForeignKey(Meister, on_delete=models.CASCADE, related_name="field_links")
    field = models.ForeignKey(Field, on_delete=models.PROTECT, related_name="meister_links")
    order = models.PositiveSmallIntegerField("순서", default=1, help_text="1이 주 분야")

    class Meta:
        verbose_name = "마이스터 전문분야"
        verbose_name_plural = "마이스터 전문분야"
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["meister", "field"], name="meisterfield_unique"),
            models.UniqueConstraint(fields=["meister", "order"], name="meisterfield_unique_order"),
            models.CheckConstraint(
                condition=models.Q(order__gte=1, order__lte=3), name="meisterfield_order_1_3"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meister.name} · {self.field.name_ko}"
