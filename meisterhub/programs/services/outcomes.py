"""Agreements with selected companies, yearly outcome reports, hidden champions and awards."""

from django.db import connection, transaction

from meisterhub.accounts.roles import is_staff, require_staff
from meisterhub.companies.permissions import can_act_for
from meisterhub.core import history
from meisterhub.core.errors import DomainError
from meisterhub.core.numbers import whole_number

from .. import conf
from ..models import (
    OUTCOME_FIGURES,
    Agreement,
    Application,
    ApplicationStatus,
    Award,
    AwardCategory,
    Beneficiary,
    HiddenChampion,
    Milestone,
    OutcomeReport,
)


@transaction.atomic
def create_agreement(*, actor, application: Application, support_amount: int, signed_on,
                     milestones: list[tuple[str, object]] = ()) -> Agreement:
    require_staff(actor)
    if application.status != ApplicationStatus.SELECTED:
        raise DomainError("선정된 신청만 협약할 수 있습니다.")
    if Agreement.objects.filter(application=application).exists():
        raise DomainError("이미 협약을 맺은 신청입니다.")
    if not support_amount or support_amount <= 0:
        raise DomainError("지원 금액은 0원보다 커야 합니다.", field="support_amount")
    if application.call.budget and support_amount > application.call.budget:
        raise DomainError(f"지원 금액은 사업 예산({application.call.budget:,}원)을 넘을 수 없습니다.",
                          field="support_amount")
    agreement = Agreement.objects.create(application=application, support_amount=support_amount,
                                         signed_on=signed_on)
    Milestone.objects.bulk_create(Milestone(agreement=agreement, title=title, due_on=due_on)
                                  for title, due_on in milestones)
    history.record(actor=actor, action="programs.agreement.created", instance=agreement,
                   changes={"support_amount": [None, support_amount],
                            "milestones": [t for t, _ in milestones]})
    return agreement


@transaction.atomic
def complete_milestone(*, actor, milestone: Milestone, completed_on) -> Milestone:
    require_staff(actor)
    if milestone.completed_on:
        raise DomainError("이미 완료한 단계입니다.")
    milestone.completed_on = completed_on
    milestone.save(update_fields=["completed_on"])
    history.record(actor=actor, action="programs.milestone.completed", instance=milestone,
                   changes={"completed_on": [None, str(completed_on)]})
    return milestone


@transaction.atomic
def complete_agreement(*, actor, agreement: Agreement, completed_on) -> Agreement:
    require_staff(actor)
    if agreement.completed_on:
        raise DomainError("이미 완료한 협약입니다.")
    open_steps = list(agreement.milestones.filter(completed_on__isnull=True)
                      .values_list("title", flat=True))
    if open_steps:
        raise DomainError(f"끝나지 않은 단계가 있습니다: {', '.join(open_steps)}")
    agreement.completed_on = completed_on
    agreement.save(update_fields=["completed_on"])
    history.record(actor=actor, action="programs.agreement.completed", instance=agreement,
                   changes={"completed_on": [None, str(completed_on)]})
    return agreement


def validate_figures(figures: dict) -> dict:
    """Whole, non-negative numbers for every outcome figure; Korean message otherwise."""
    clean = {}
    for name, label in OUTCOME_FIGURES.items():
        value = figures.get(name, 0)
        if value in (None, ""):
            value = 0
        clean[name] = whole_number(value, label=label, field=name, minimum=0)
    return clean


@transaction.atomic
def report_outcome(*, actor, company, year: int, figures: dict,
                   source: str = OutcomeReport.Source.FORM) -> OutcomeReport:
    """A beneficiary reports (or staff record) one year's figures; the latest report wins."""
    if not is_staff(actor):
        if not can_act_for(actor, company):
            raise DomainError("소속된 기업의 성과만 입력할 수 있습니다.", code="forbidden")
        if not Beneficiary.objects.filter(company=company).exists():
            raise DomainError("지원사업 수혜기업만 성과를 입력할 수 있습니다.", code="forbidden")
    if not 2000 <= int(year) <= 2100:
        raise DomainError(f"연도를 확인해 주세요 (입력: {year}).", field="year")
    clean = validate_figures(figures)
    report = OutcomeReport.objects.filter(company=company, year=year).first()
    before = history.snapshot(report, list(OUTCOME_FIGURES)) if report else {}
    report = report or OutcomeReport(company=company, year=year)
    for name, value in clean.items():
        setattr(report, name, value)
    report.source = source
    report.reported_by = actor if getattr(actor, "is_authenticated", False) else None
    report.save()
    history.record(actor=actor, action="programs.outcome.reported", instance=report,
                   changes=history.diff(before, history.snapshot(report, list(OUTCOME_FIGURES))))
    return report


def _lock_champion_year(year: int) -> None:
    """Serialise designations of one year (SQLite's IMMEDIATE transactions already do)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [7_000_007, year])


@transaction.atomic
def designate_hidden_champion(*, actor, company, year: int, citation: str = "") -> HiddenChampion:
    require_staff(actor)
    _lock_champion_year(year)
    existing = HiddenChampion.objects.filter(company=company).first()
    if existing:
        raise DomainError(f"{company.name}은(는) 이미 {existing.year}년에 강소기업으로 지정되었습니다.")
    limit = conf.CHAMPIONS_PER_YEAR
    if HiddenChampion.objects.filter(year=year).count() >= limit:
        raise DomainError(f"{year}년에는 이미 강소기업 {limit}개사를 지정했습니다. "
                          f"강소기업은 한 해에 {limit}개사까지 지정할 수 있습니다.")
    champion = HiddenChampion.objects.create(company=company, year=year, citation=citation,
                                             designated_by=actor)
    history.record(actor=actor, action="programs.hidden_champion.designated", instance=champion,
                   changes={"year": [None, year]})
    return champion


@transaction.atomic
def give_award(*, actor, year: int, category: str, title: str, company=None, meister=None,
               citation: str = "") -> Award:
    require_staff(actor)
    if category not in AwardCategory.values:
        raise DomainError("알 수 없는 시상 부문입니다.", field="category")
    if category == AwardCategory.BEST_MENTOR and (meister is None or company is not None):
        raise DomainError("우수 멘토 부문은 마이스터에게 시상합니다.", field="meister")
    if category != AwardCategory.BEST_MENTOR and (company is None or meister is not None):
        raise DomainError("이 부문은 기업에게 시상합니다.", field="company")
    award = Award.objects.create(year=year, category=category, title=title, company=company,
                                 meister=meister, citation=citation)
    history.record(actor=actor, action="programs.award.given", instance=award,
                   changes={"recipient": [None, str(award.recipient)]})
    return award
