from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone


class Contest(models.Model):
    """The judging side of an event of kind contest (e.g. an idea contest)."""

    event = models.OneToOneField("events.Event", on_delete=models.CASCADE, related_name="contest")
    submission_opens_at = models.DateTimeField("접수 시작", null=True, blank=True)
    submission_deadline = models.DateTimeField("접수 마감")
    judges = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="ContestJudge", related_name="judged_contests",
        verbose_name="심사위원",
    )
    ranking_published_at = models.DateTimeField("순위 발표", null=True, blank=True)
    version = models.PositiveIntegerField("버전", default=1, editable=False)

    class Meta:
        verbose_name = "공모전"
        verbose_name_plural = "공모전"

    def __str__(self) -> str:
        return str(self.event)

    @property
    def is_open_for_submissions(self) -> bool:
        now = timezone.now()
        opened = self.submission_opens_at is None or self.submission_opens_at <= now
        return opened and now < self.submission_deadline

    @property
    def is_before_submissions(self) -> bool:
        return self.submission_opens_at is not None and timezone.now() < self.submission_opens_at

    @property
    def is_published(self) -> bool:
        return self.ranking_published_at is not None


class ContestJudge(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="assignments")
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contest_assignments"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "심사위원 배정"
        verbose_name_plural = "심사위원 배정"
        constraints = [models.UniqueConstraint(fields=["contest", "judge"],
                                               name="contest_judge_once")]

    def __str__(self) -> str:
        return f"{self.contest} · {self.judge}"


class Criterion(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField("심사 기준", max_length=60)
    weight = models.PositiveSmallIntegerField("가중치(%)", validators=[MinValueValidator(1)])
    max_score = models.PositiveSmallIntegerField("만점", default=10,
                                                 validators=[MinValueValidator(1)])
    order = models.PositiveSmallIntegerField("순서", default=0)

    class Meta:
        verbose_name = "심사 기준"
        verbose_name_plural = "심사 기준"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.weight}%)"


class Submission(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="submissions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contest_submissions"
    )
    company = models.ForeignKey("companies.Company", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    title = models.CharField("제목", max_length=120)
    summary = models.TextField("요약")
    file = models.FileField("제출 파일", upload_to="events/submissions/")
    file_content_type = models.CharField(max_length=80, editable=False)
    file_name = models.CharField("원래 파일명", max_length=200)
    submitted_at = models.DateTimeField(auto_now_add=True)
    rank = models.PositiveSmallIntegerField("순위", null=True, blank=True)
    total_score = models.DecimalField("총점", max_digits=6, decimal_places=2, null=True,
                                      blank=True)
    award = models.CharField("수상", max_length=60, blank=True)

    class Meta:
        verbose_name = "공모전 제출작"
        verbose_name_plural = "공모전 제출작"
        ordering = ["contest", "rank", "submitted_at"]
        constraints = [models.UniqueConstraint(fields=["contest", "user"],
                                               name="submission_one_per_user")]

    def __str__(self) -> str:
        return self.title


class Score(models.Model):
    """One judge's mark for one criterion of one submission; others never see it early."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="scores")
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                              related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField("점수")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "심사 점수"
        verbose_name_plural = "심사 점수"
        constraints = [models.UniqueConstraint(fields=["submission", "judge", "criterion"],
                                               name="score_once_per_criterion")]

    def __str__(self) -> str:
        return f"{self.submission} · {self.criterion}: {self.value}"
