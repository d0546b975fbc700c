"""Staff pages for programs and calls: forms, errors beside their fields, htmx parts, locking."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meisterhub.companies.tests.factories import CompanyFactory
from meisterhub.programs import services
from meisterhub.programs.models import Beneficiary, Call, Program
from tests.support.a11y import problems

from .factories import make_call, make_evaluator, make_submitted

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}
FORM_TIME = "%Y-%m-%dT%H:%M"


def _when(days: int) -> str:
    return timezone.localtime(timezone.now() + timedelta(days=days)).strftime(FORM_TIME)


def _call_form(program, **extra) -> dict:
    return {"program": program.pk, "title": "스마트공장 2차 공고", "budget": "100000000",
            "selection_count": "3", "trim_extremes_min_evaluators": "5",
            "opens_at": _when(1), "closes_at": _when(20), **extra}


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def _queries(client, url, **kwargs) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, **kwargs).status_code == 200
    return len(captured)


def test_call_list_shows_every_call_with_counts_in_constant_queries(staff_client, staff_user,
                                                                    member_a, company_a):
    call = make_call(title="접수 중 공고")
    make_submitted(call, member_a, company_a)
    make_call(title="두 번째")
    url = reverse("programs:manage_calls")
    two = _queries(staff_client, url)
    for _ in range(8):
        make_call()
    services.create_call(actor=staff_user, program=call.program, title="초안 공고")
    assert _queries(staff_client, url) == two
    response = staff_client.get(url)
    rows = {c.title: c for c in response.context["page"].object_list}
    assert rows["접수 중 공고"].submitted_count == 1
    assert rows["초안 공고"].stage_label == "작성 중(미게시)"
    assert response.context["page"].paginator.count == 11
    drafts = staff_client.get(url, {"stage": "draft"}).context["page"].object_list
    assert [c.title for c in drafts] == ["초안 공고"]


def test_staff_pages_are_403_for_others_and_login_for_anonymous(client, member_a, staff_user):
    call = make_call()
    urls = [reverse("programs:manage_calls"), reverse("programs:manage_call_create"),
            reverse("programs:manage_call_edit", args=[call.pk]),
            reverse("programs:manage_programs"), reverse("programs:manage_call_preview")]
    for url in urls:
        assert client.get(url).status_code == 302
    client.force_login(member_a)
    for url in urls:
        assert client.get(url).status_code == 403
    response = client.post(reverse("programs:manage_call_close", args=[call.pk]))
    assert response.status_code == 403
    assert Call.objects.get(pk=call.pk).closed_early_at is None


def test_create_program_then_call_as_draft(staff_client):
    response = staff_client.post(reverse("programs:manage_program_create"),
                                 {"area": "export", "name": "수출 바우처", "year": "2026"})
    program = Program.objects.get()
    assert response.url == f"{reverse('programs:manage_call_create')}?program={program.pk}"
    response = staff_client.post(reverse("programs:manage_call_create"), _call_form(
        program, allowed_size_classes=["sme", "micro"], allowed_ksic_prefixes="25, 29",
        min_employees="5"))
    call = Call.objects.get()
    assert response.url == reverse("programs:manage_call_edit", args=[call.pk])
    assert (call.is_published, call.allowed_size_classes, call.allowed_ksic_prefixes,
            call.min_employees) == (False, ["sme", "micro"], ["25", "29"], 5)
    assert staff_client.get(reverse("programs:calls")).context["page"].paginator.count == 0


def test_deadline_before_opening_shows_message_beside_the_deadline(staff_client):
    program = Program.objects.create(area="export", name="수출", year=2026)
    response = staff_client.post(reverse("programs:manage_call_create"), _call_form(
        program, opens_at=_when(5), closes_at=_when(2)))
    assert response.status_code == 200
    assert response.context["form"].errors["closes_at"] == ["접수 마감은 접수 시작보다 뒤여야 합니다."]
    html = response.content.decode()
    group = html[html.index('id="id_closes_at"'):]
    group = group[:group.index('<div class="form-group')]
    assert "접수 마감은 접수 시작보다 뒤여야 합니다." in group
    assert 'value="스마트공장 2차 공고"' in html  # the input stays
    assert not Call.objects.exists()


def test_bad_ksic_and_employee_range_show_beside_their_fields(staff_client):
    program = Program.objects.create(area="export", name="수출", year=2026)
    response = staff_client.post(reverse("programs:manage_call_create"), _call_form(
        program, allowed_ksic_prefixes="25, C10", min_employees="50", max_employees="10"))
    errors = response.context["form"].errors
    assert errors["allowed_ksic_prefixes"] == [
        "업종 코드는 KSIC 숫자 1~5자리로 입력해 주세요 (잘못된 값: C10)."]
    assert errors["max_employees"] == ["상시 근로자 수의 최대값은 최소값보다 작을 수 없습니다."]
    assert not Call.objects.exists()


def test_two_staff_editing_the_same_call(client, staff_user):
    other = type(staff_user).objects.create_user(username="staff2", password="x", role="staff",
                                                 is_staff=True, full_name="박운영")
    call = make_call(title="원래 제목")
    url = reverse("programs:manage_call_edit", args=[call.pk])
    client.force_login(staff_user)
    loaded = client.get(url).context["form"].initial["version"]
    data = _call_form(call.program, title="첫 번째 저장", version=loaded)
    assert client.post(url, data).status_code == 302
    client.force_login(other)
    response = client.post(url, {**data, "title": "두 번째 저장", "budget": "7"})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.non_field_errors()[0].startswith(
        "다른 사용자가 먼저 저장했습니다. 바뀐 내용: 공고명(원래 제목 → 첫 번째 저장)")
    html = response.content.decode()
    assert 'value="두 번째 저장"' in html
    assert 'name="version" value="2"' in html  # the next save knows what it overwrites
    call.refresh_from_db()
    assert (call.title, call.budget, call.version) == ("첫 번째 저장", 100_000_000, 2)


def test_history_table_on_the_call_page(staff_client, staff_user):
    call = make_call()
    services.add_required_document(actor=staff_user, call=call, name="수출 실적",
                                   accepted_kinds=["pdf"])
    html = staff_client.get(reverse("programs:manage_call_edit", args=[call.pk])).content.decode()
    assert "변경 이력" in html and "제출 서류 추가: 제출 서류(수출 실적 (PDF, 필수))" in html


def test_publish_close_and_copy_buttons(staff_client, staff_user):
    program = Program.objects.create(area="export", name="수출", year=2026)
    now = timezone.now()
    call = services.create_call(actor=staff_user, program=program, title="게시 전",
                                opens_at=now - timedelta(hours=1), closes_at=now + timedelta(days=3))
    response = staff_client.post(reverse("programs:manage_call_publish", args=[call.pk]),
                                 {"version": "1"}, follow=True)
    assert "공고를 게시했습니다." in response.content.decode()
    assert staff_client.get(reverse("programs:calls")).context["page"].paginator.count == 1
    response = staff_client.post(reverse("programs:manage_call_close", args=[call.pk]),
                                 {"version": "1"}, follow=True)
    assert "다른 사용자가 먼저 저장했습니다" in response.content.decode()  # the stale button
    staff_client.post(reverse("programs:manage_call_close", args=[call.pk]), {"version": "2"})
    assert Call.objects.get(pk=call.pk).stage == "closed_early"
    response = staff_client.post(reverse("programs:manage_call_copy", args=[call.pk]))
    copy = Call.objects.exclude(pk=call.pk).get()
    assert response.url == reverse("programs:manage_call_edit", args=[copy.pk])
    assert copy.title == "게시 전 (사본)" and copy.opens_at is None


def test_criteria_not_adding_up_shows_message_beside_the_criteria(staff_client):
    call = make_call()
    url = reverse("programs:manage_call_criteria", args=[call.pk])
    data = {"criteria-TOTAL_FORMS": "3", "criteria-INITIAL_FORMS": "0",
            "criteria-0-name": "기술성", "criteria-0-weight": "50", "criteria-0-max_score": "10",
            "criteria-1-name": "사업성", "criteria-1-weight": "30", "criteria-1-max_score": "10",
            "criteria-2-name": "", "criteria-2-weight": "", "criteria-2-max_score": ""}
    response = staff_client.post(url, data, headers=HTMX)
    html = response.content.decode()
    assert html.startswith('<section id="call-criteria"')
    assert re.search(r'id="criteria-error">평가 항목 가중치의 합이 100이어야 합니다 \(지금 합계: 80\)',
                     html)
    assert 'value="사업성"' in html
    assert list(call.criteria.values_list("weight", flat=True)) == [40, 35, 25]
    response = staff_client.post(url, data)  # without htmx: the whole page, the same message
    assert "지금 합계: 80" in response.content.decode() and "<html" in response.content.decode()
    data |= {"criteria-2-name": "파급효과", "criteria-2-weight": "20"}
    response = staff_client.post(url, data, headers=HTMX)
    assert "평가 항목을 저장했습니다." in response.content.decode()
    assert list(call.criteria.values_list("name", "weight")) == [
        ("기술성", 50), ("사업성", 30), ("파급효과", 20)]


def test_documents_and_pool_by_htmx(staff_client):
    call = make_call()
    response = staff_client.post(reverse("programs:manage_call_document_add", args=[call.pk]),
                                 {"name": "수출 실적", "accepted_kinds": ["pdf", "xlsx"]},
                                 headers=HTMX)
    assert "&#x27;수출 실적&#x27; 서류를 넣었습니다." in response.content.decode()
    document = call.required_documents.get(name="수출 실적")
    assert (document.accepted_kinds, document.is_required) == (["pdf", "xlsx"], False)
    response = staff_client.post(reverse("programs:manage_call_document_add", args=[call.pk]),
                                 {"name": "수출 실적"}, headers=HTMX)
    assert "허용 형식을 하나 이상 고르세요." in response.content.decode()
    staff_client.post(reverse("programs:manage_call_document_remove",
                              args=[call.pk, document.pk]), headers=HTMX)
    assert not call.required_documents.filter(name="수출 실적").exists()
    evaluator = make_evaluator()
    response = staff_client.post(reverse("programs:manage_call_pool_add", args=[call.pk]),
                                 {"evaluator": evaluator.pk}, headers=HTMX)
    assert response.content.decode().startswith('<section id="call-pool"')
    assert list(call.evaluators.all()) == [evaluator]
    staff_client.post(reverse("programs:manage_call_pool_remove", args=[call.pk, evaluator.pk]))
    assert not call.evaluators.exists()


def test_preview_lists_who_passes_and_why_others_fail_in_bounded_queries(staff_client):
    program = Program.objects.create(area="export", name="수출", year=2026)
    CompanyFactory(name="가 통과기업", size_class="sme", employees=20)
    CompanyFactory(name="나 큰기업", size_class="midsize", employees=300)
    url = reverse("programs:manage_call_preview")
    params = {"program": program.pk, "allowed_size_classes": ["sme"], "max_employees": "100",
              "title": ""}
    few = _queries(staff_client, url, data=params, headers=HTMX)
    for _ in range(8):
        CompanyFactory(size_class="micro")
    assert _queries(staff_client, url, data=params, headers=HTMX) == few
    response = staff_client.get(url, params, headers=HTMX)
    preview = response.context["preview"]
    assert (preview.total, preview.passing_count, preview.failing_count) == (10, 1, 9)
    assert [c.name for c in preview.passing] == ["가 통과기업"]
    html = response.content.decode()
    assert "등록 기업 10곳 중 신청 가능 1곳, 신청 불가 9곳" in html
    assert "중소기업만 신청할 수 있습니다 (귀사: 중견기업)" in html
    assert "상시 근로자 100명 이하인 기업만 신청할 수 있습니다 (귀사: 300명)" in html
    assert not Call.objects.exists()  # a preview saves nothing


def test_public_pages_hide_drafts(client, staff_user, member_a):
    draft = services.create_call(actor=staff_user, program=make_call().program, title="비공개 초안",
                                 opens_at=timezone.now(), closes_at=timezone.now() + timedelta(1))
    assert "비공개 초안" not in client.get(reverse("programs:calls")).content.decode()
    client.force_login(member_a)
    assert client.get(reverse("programs:call_detail", args=[draft.pk])).status_code == 404
    client.force_login(staff_user)
    response = client.get(reverse("programs:call_detail", args=[draft.pk]))
    assert "게시하지 않은 공고입니다." in response.content.decode()


def test_outcome_report_link_only_for_whom_it_works(client, member_a, member_b, company_a,
                                                    staff_user):
    Beneficiary.objects.create(program=make_call().program, company=company_a, year=2025)
    report = reverse("programs:outcome_report")
    for user, sees in ((None, False), (member_b, False), (staff_user, False), (member_a, True)):
        client.logout()
        if user:
            client.force_login(user)
        html = client.get(reverse("programs:outcomes")).content.decode()
        assert (f'href="{report}"' in html) is sees, user
        if sees:
            assert client.get(report).status_code == 200
    client.force_login(staff_user)
    assert reverse("programs:outcome_import") in client.get(reverse("programs:outcomes")).content.decode()


def test_staff_pages_are_structurally_accessible(staff_client):
    call = make_call()
    for url in [reverse("programs:manage_calls"), reverse("programs:manage_call_create"),
                reverse("programs:manage_call_edit", args=[call.pk]),
                reverse("programs:manage_programs"), reverse("programs:manage_program_create"),
                reverse("programs:manage_program_edit", args=[call.program.pk])]:
        assert problems(staff_client.get(url).content.decode()) == [], url


def test_program_list_in_constant_queries_and_program_edit_conflict(staff_client, staff_user):
    from meisterhub.core.locking import StaleEdit

    make_call()
    make_call()
    url = reverse("programs:manage_programs")
    two = _queries(staff_client, url)
    for _ in range(8):
        make_call()
    assert _queries(staff_client, url) == two
    program = Program.objects.first()
    services.update_program(actor=staff_user, program=program, version=1, name="새 이름")
    with pytest.raises(StaleEdit, match="사업명"):
        services.update_program(actor=staff_user, program=program, version=1, year=2020)
    response = staff_client.post(reverse("programs:manage_program_edit", args=[program.pk]), {
        "area": program.area, "name": "세 번째 이름", "year": program.year, "version": 1})
    assert "다른 사용자가 먼저 저장했습니다" in response.content.decode()
    assert Program.objects.get(pk=program.pk).name == "새 이름"
