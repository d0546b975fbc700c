"""Smart-factory adoption projects: budget split, supplier, member-bank financing, milestones."""

from datetime import date

from django.db import transaction

from meisterhub.accounts.roles import require_staff
from meisterhub.companies.models import Company
from meisterhub.core.errors import DomainError
from meisterhub.core.history import record, snapshot

from ..models import CouncilMembership, Financing, Institution, Milestone, SmartFactoryProject
from .common import required_text, won


def check_budget(*, government: int, local_government: int, company: int, total: int) -> None:
    amounts = {"정부": government, "지자체": local_government, "기업": company, "총사업비": total}
    negative = [label for label, amount in amounts.items() if amount is None or amount < 0]
    if negative:
        raise DomainError(f"금액은 0원 이상이어야 합니다: {', '.join(negative)}",
                          field="total_amount")
    parts = government + local_government + company
    if total != parts:
        difference = total - parts
        more_or_less = "많습니다" if difference > 0 else "적습니다"
        raise DomainError(
            f"사업비가 맞지 않습니다. 총사업비 {won(total)}이(가) 정부 {won(government)} + "
            f"지자체 {won(local_government)} + 기업 {won(company)} = {won(parts)}보다 "
            f"{won(abs(difference))} {more_or_less}.",
            field="total_amount",
        )
    if total == 0:
        raise DomainError("총사업비를 입력해 주세요.", field="total_amount")


def _check_banks(financings: list[tuple[Institution, int]]) -> None:
    member_banks = set(
        CouncilMembership.objects.filter(institution__kind=Institution.Kind.BANK)
        .values_list("institution_id", flat=True)
    )
    for bank, amount in financings:
        if bank.kind != Institution.Kind.BANK or bank.pk not in member_banks:
            raise DomainError(f"{bank.name}은(는) 협의회 회원 금융기관이 아닙니다.",
                              field="financing")
        if amount is None or amount <= 0:
            raise DomainError(f"{bank.name} 금융 지원 금액은 0원보다 커야 합니다.",
                              field="financing")


@transaction.atomic
def create_project(*, actor, company: Company, year: int, level: str, title: str,
                   supplier: Institution, government_amount: int, local_government_amount: int,
                   company_amount: int, total_amount: int, started_on: date | None = None,
                   ends_on: date | None = None, status: str = SmartFactoryProject.Status.PLANNED,
                   financings: list[tuple[Institution, int]] | None = None,
                   milestones: list[tuple[str, date]] | None = None) -> SmartFactoryProject:
    require_staff(actor)
    if level not in SmartFactoryProject.Level.values:
        raise DomainError("구축 수준을 선택해 주세요.", field="level")
    if status not in SmartFactoryProject.Status.values:
        raise DomainError("사업 상태를 선택해 주세요.", field="status")
    if not 2000 <= (year or 0) <= 2100:
        raise DomainError("사업 연도를 확인해 주세요.", field="year")
    title = required_text(title, "과제명을 입력해 주세요.", field="title")
    if supplier.kind != Institution.Kind.SUPPLIER:
        raise DomainError(f"{supplier.name}은(는) 공급기업으로 등록된 기관이 아닙니다.",
                          field="supplier")
    check_budget(government=government_amount, local_government=local_government_amount,
                 company=company_amount, total=total_amount)
    if started_on and ends_on and ends_on < started_on:
        raise DomainError("종료 예정일은 시작일 이후여야 합니다.", field="ends_on")
    _check_banks(financings or [])
    project = SmartFactoryProject.objects.create(
        company=company, year=year, level=level, title=title, supplier=supplier,
        government_amount=government_amount, local_government_amount=local_government_amount,
        company_amount=company_amount, total_amount=total_amount, status=status,
        started_on=started_on, ends_on=ends_on, created_by=actor,
    )
    Financing.objects.bulk_create(
        Financing(project=project, bank=bank, amount=amount) for bank, amount in financings or []
    )
    Milestone.objects.bulk_create(
        Milestone(project=project, title=name[:100], due_on=due) for name, due in milestones or []
    )
    record(actor=actor, action="network.project.created", instance=project,
           changes={**snapshot(project, ["company", "year", "level", "supplier", "total_amount",
                                         "government_amount", "local_government_amount",
                                         "company_amount", "status"]),
                    "financings": [[bank.name, amount] for bank, amount in financings or []]})
    return project


@transaction.atomic
def set_project_status(*, actor, project: SmartFactoryProject, status: str) -> SmartFactoryProject:
    require_staff(actor)
    if status not in SmartFactoryProject.Status.values:
        raise DomainError("사업 상태를 선택해 주세요.", field="status")
    before = project.status
    project.status = status
    project.save(update_fields=["status"])
    record(actor=actor, action="network.project.status_changed", instance=project,
           changes={"status": [before, status]})
    return project


@transaction.atomic
def complete_milestone(*, actor, milestone: Milestone, done_on: date) -> Milestone:
    require_staff(actor)
    milestone.done_on = done_on
    milestone.save(update_fields=["done_on"])
    record(actor=actor, action="network.project.milestone_done", instance=milestone.project,
           changes={"milestone": milestone.title, "done_on": str(done_on)})
    return milestone
