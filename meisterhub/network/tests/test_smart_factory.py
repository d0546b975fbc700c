import re

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from meisterhub.core.errors import DomainError
from meisterhub.core.models import History
from meisterhub.network.models import Financing, Institution, SmartFactoryProject
from meisterhub.network.selectors import smart_factory_counts
from meisterhub.network.services import set_project_status

from .factories import make_council, make_institution, make_project

pytestmark = pytest.mark.django_db


def test_budget_that_does_not_add_up_is_refused_with_the_difference(staff_user, company_a):
    supplier = make_institution(staff_user, kind=Institution.Kind.SUPPLIER)
    before = History.objects.count()
    with pytest.raises(DomainError) as refused:
        make_project(staff_user, company_a, supplier=supplier, total_amount=110_000_000)
    assert refused.value.message == (
        "사업비가 맞지 않습니다. 총사업비 110,000,000원이(가) 정부 50,000,000원 + "
        "지자체 20,000,000원 + 기업 30,000,000원 = 100,000,000원보다 10,000,000원 많습니다."
    )
    assert SmartFactoryProject.objects.count() == 0 and History.objects.count() == before
    with pytest.raises(IntegrityError), transaction.atomic():  # the database says no too
        SmartFactoryProject.objects.create(
            company=company_a, year=2025, level="basic", title="x", supplier=supplier,
            government_amount=1, local_government_amount=1, company_amount=1, total_amount=4)


def test_project_form_shows_the_budget_message(client, staff_user, company_a):
    supplier = make_institution(staff_user, kind=Institution.Kind.SUPPLIER)
    client.force_login(staff_user)
    response = client.post(reverse("network:project_new"), {
        "company": company_a.pk, "year": 2025, "level": "intermediate1", "title": "MES 고도화",
        "supplier": supplier.pk, "government_amount": 100_000_000,
        "local_government_amount": 0, "company_amount": 50_000_000,
        "total_amount": 140_000_000, "status": "planned"})
    assert "10,000,000원 적습니다" in response.content.decode()
    assert SmartFactoryProject.objects.count() == 0


def test_supplier_and_member_bank_rules(staff_user, company_a):
    council = make_council(staff_user)
    member_bank = council.memberships.get(role="financing").institution
    outside_bank = make_institution(staff_user, kind=Institution.Kind.BANK, name="외부은행")
    not_a_supplier = make_institution(staff_user, kind=Institution.Kind.UNIVERSITY)
    with pytest.raises(DomainError, match="공급기업으로 등록된 기관이 아닙니다"):
        make_project(staff_user, company_a, supplier=not_a_supplier)
    with pytest.raises(DomainError, match="외부은행은\\(는\\) 협의회 회원 금융기관이 아닙니다"):
        make_project(staff_user, company_a, financings=[(outside_bank, 10_000_000)])
    assert SmartFactoryProject.objects.count() == 0
    project = make_project(staff_user, company_a, financings=[(member_bank, 30_000_000)])
    assert list(Financing.objects.values_list("project", "bank", "amount")) == [
        (project.pk, member_bank.pk, 30_000_000)]


def test_counts_per_year_and_level_leave_out_cancelled(staff_user, company_a, company_b):
    supplier = make_institution(staff_user, kind=Institution.Kind.SUPPLIER)
    for year, level in [(2024, "basic"), (2025, "basic"), (2025, "basic"),
                        (2025, "intermediate2"), (2025, "advanced")]:
        make_project(staff_user, company_a, year=year, level=level, supplier=supplier)
    cancelled = make_project(staff_user, company_b, year=2025, level="advanced",
                             supplier=supplier)
    set_project_status(actor=staff_user, project=cancelled, status="cancelled")
    counts = smart_factory_counts(2025)
    assert counts["total"] == 4
    assert [(row["label"], row["count"]) for row in counts["levels"]] == [
        ("기초", 2), ("고도화1", 0), ("고도화2", 1), ("고도화", 1)]
    assert smart_factory_counts(2023)["total"] == 0


def test_staff_page_table_in_fixed_queries_and_company_sees_own(
        client, staff_user, company_a, company_b, member_a, django_assert_num_queries):
    supplier = make_institution(staff_user, kind=Institution.Kind.SUPPLIER)
    ours = make_project(staff_user, company_a, year=2024, supplier=supplier)
    theirs = make_project(staff_user, company_b, year=2025, level="advanced", supplier=supplier)
    for year in (2023, 2024, 2025):
        make_project(staff_user, company_b, year=year, level="intermediate1", supplier=supplier)
    client.force_login(staff_user)
    url = reverse("network:projects")
    client.get(url)
    with django_assert_num_queries(4):  # session, user, table, projects
        body = client.get(url).content.decode()
    assert body.count("MES 구축") == 5
    row_2024 = body.split('?year=2024">2024</a></th>')[1].split("</tr>")[0]
    assert re.findall(r'"number">(?:<strong>)?([\d,]+)', row_2024) == [
        "1", "1", "0", "0", "2", "200,000,000", "140,000,000"]
    client.force_login(member_a)
    mine = client.get(url).content.decode()
    assert mine.count("MES 구축") == 1 and 'id="counts"' not in mine
    assert client.get(reverse("network:project_detail", args=[ours.pk])).status_code == 200
    assert client.get(reverse("network:project_detail", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("network:project_new")).status_code == 403
