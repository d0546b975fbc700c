"""The staff 행사 관리 pages: forms with errors beside their fields, locking, history, counts."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.core.models import History
from meisterhub.events.models import Contest, Criterion, Event, Registration

from .factories import make_contest, make_event

pytestmark = pytest.mark.django_db
LOCAL = "%Y-%m-%dT%H:%M"


def form_data(**overrides) -> dict:
    now = timezone.localtime()
    data = {
        "title": "스마트공장 세미나", "kind": "seminar", "area": "enterprise",
        "description": "도입 사례", "place": "창원컨벤션센터 301호", "facility": "",
        "starts_at": (now + timedelta(days=20)).strftime(LOCAL),
        "ends_at": (now + timedelta(days=20, hours=3)).strftime(LOCAL),
        "capacity": "40",
        "registration_opens_at": (now - timedelta(hours=1)).strftime(LOCAL),
        "registration_closes_at": (now + timedelta(days=19)).strftime(LOCAL),
        "eligible_org_types": ["sme", "startup"], "allow_individuals": "on",
        "waitlist_enabled": "on",
    }
    data.update(overrides)
    return data


def error_beside(html: str, field: str) -> str:
    """The error text in the form group of one field (partials/form_field.html)."""
    groups = [g for g in html.split('<div class="form-group')[1:] if f'id="id_{field}' in g]
    assert groups and groups[0].startswith(" is-error"), f"no error beside {field}"
    return " ".join(re.findall(r'<p class="form-hint-invalid" role="alert">(.*?)</p>',
                               groups[0]))


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def test_staff_create_an_event_as_a_draft(staff_client):
    response = staff_client.post(reverse("events:manage_create"), form_data())
    event = Event.objects.get()
    assert response["Location"] == reverse("events:manage_event", args=[event.pk])
    assert (event.status, event.capacity, event.eligible_org_types) == (
        "draft", 40, ["sme", "startup"])
    assert timezone.localtime(event.starts_at).strftime(LOCAL) == form_data()["starts_at"]


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"capacity": "0"}, "capacity", "정원은 1명 이상이어야 합니다."),
    ({"ends_at": (timezone.localtime() + timedelta(days=19)).strftime(LOCAL)}, "ends_at",
     "종료 일시는 시작 일시보다 뒤여야 합니다."),
    ({"registration_closes_at": (timezone.localtime() + timedelta(days=21)).strftime(LOCAL)},
     "registration_closes_at", "신청 마감은 행사 시작 전이어야 합니다."),
    ({"registration_closes_at": (timezone.localtime() - timedelta(days=2)).strftime(LOCAL)},
     "registration_closes_at", "신청 마감은 신청 시작보다 뒤여야 합니다."),
    ({"place": ""}, "place", "장소를 입력하거나 시설을 골라 주세요."),
])
def test_bad_input_shows_beside_its_field_and_saves_nothing(staff_client, overrides, field,
                                                            message):
    response = staff_client.post(reverse("events:manage_create"), form_data(**overrides))
    assert response.status_code == 200
    assert error_beside(response.content.decode(), field) == message
    assert not Event.objects.exists() and not History.objects.exists()


def test_all_broken_rules_show_at_once(staff_client):
    response = staff_client.post(reverse("events:manage_create"), form_data(
        capacity="0", ends_at=(timezone.localtime() + timedelta(days=19)).strftime(LOCAL)))
    html = response.content.decode()
    assert error_beside(html, "capacity") == "정원은 1명 이상이어야 합니다."
    assert error_beside(html, "ends_at") == "종료 일시는 시작 일시보다 뒤여야 합니다."


def test_a_second_concurrent_save_is_refused_with_what_changed(staff_client):
    event = make_event(capacity=20)
    url = reverse("events:manage_event", args=[event.pk])
    page = staff_client.get(url).content.decode()
    assert 'name="version" value="1"' in page
    second = Client()
    second.force_login(UserFactory(role="staff"))
    second.post(url, form_data(capacity="30", version="1"))
    response = staff_client.post(url, form_data(title="내가 고친 제목", version="1"))
    html = response.content.decode()
    assert "다른 사용자가 먼저 저장했습니다. 바뀐 내용:" in html and "정원(20 → 30)" in html
    assert 'value="내가 고친 제목"' in html  # the input stays
    assert 'name="version" value="2"' in html  # the next save is made knowingly
    event.refresh_from_db()
    assert event.capacity == 30 and event.title == "스마트공장 세미나"


def test_event_page_shows_the_history_in_korean(staff_client):
    event = make_event(capacity=20)
    url = reverse("events:manage_event", args=[event.pk])
    staff_client.post(url, form_data(capacity="25", version="1"))
    html = staff_client.get(url).content.decode()
    history = html[html.index('class="history"'):]
    assert "정원(20 → 25)" in history and "행사 정보 수정" in history


def test_publish_close_copy_and_cancel_buttons(staff_client, member_a):
    event = make_event(status="draft", title="IR 데모데이", kind="investment_mart")
    staff_client.post(reverse("events:manage_publish", args=[event.pk]))
    assert Event.objects.get(pk=event.pk).status == "published"
    public = staff_client.get(reverse("events:list")).content.decode()
    assert "IR 데모데이" in public
    staff_client.post(reverse("events:manage_close", args=[event.pk]))
    assert Event.objects.get(pk=event.pk).registration_closes_at <= timezone.now()
    response = staff_client.post(reverse("events:manage_copy", args=[event.pk]))
    copy = Event.objects.get(copied_from=event)
    assert response["Location"] == reverse("events:manage_event", args=[copy.pk])
    Registration.objects.create(event=event, user=member_a, status="registered", position=1)
    response = staff_client.post(reverse("events:manage_cancel", args=[event.pk]),
                                 {"reason": "장소 사정"}, follow=True)
    assert "신청자 1명에게 취소 안내를 보냈습니다" in response.content.decode()
    assert Event.objects.get(pk=event.pk).status == "cancelled"


def test_a_refused_action_is_a_message(staff_client):
    event = make_event()  # already published
    response = staff_client.post(reverse("events:manage_publish", args=[event.pk]), follow=True)
    assert "준비 중인 행사만 게시할 수 있습니다." in response.content.decode()


def test_rubric_weights_not_adding_up_to_100_show_beside_the_rubric(staff_client):
    contest = make_contest(status="draft")
    url = reverse("events:manage_contest", args=[contest.event_id])
    deadline = timezone.localtime(contest.submission_deadline).strftime(LOCAL)
    data = {"submission_deadline": deadline, "version": "1",
            "criteria-TOTAL_FORMS": "3", "criteria-INITIAL_FORMS": "3",
            "criteria-0-name": "창의성", "criteria-0-weight": "50", "criteria-0-max_score": "10",
            "criteria-1-name": "사업성", "criteria-1-weight": "30", "criteria-1-max_score": "10",
            "criteria-2-name": "", "criteria-2-weight": "", "criteria-2-max_score": "10"}
    html = staff_client.post(url, data).content.decode()
    error = re.search(r'id="criteria-error">(.*?)</p>', html).group(1)
    assert error == "심사 기준 가중치의 합계가 100이 되어야 합니다 (현재 80)."
    assert 'value="50"' in html  # the input stays
    assert list(Criterion.objects.filter(contest=contest).values_list("weight", flat=True)) == [
        40, 60]
    data["criteria-1-weight"] = "50"
    assert staff_client.post(url, data).status_code == 302
    assert list(Criterion.objects.filter(contest=contest).values_list("name", "weight")) == [
        ("창의성", 50), ("사업성", 50)]
    assert Contest.objects.get(pk=contest.pk).version == 2


def test_judges_are_assigned_and_removed_on_the_event_page(staff_client):
    contest = make_contest(status="draft")
    judge = UserFactory(role="evaluator", full_name="박심사")
    staff_client.post(reverse("events:manage_judge_add", args=[contest.event_id]),
                      {"judge": judge.pk})
    page = staff_client.get(reverse("events:manage_event", args=[contest.event_id]))
    assert "박심사" in page.content.decode().split('id="judges"')[1].split("</ul>")[0]
    staff_client.post(reverse("events:manage_judge_remove", args=[contest.event_id, judge.pk]))
    assert not contest.assignments.exists()
    member = UserFactory(role="company_member")
    response = staff_client.post(reverse("events:manage_judge_add", args=[contest.event_id]),
                                 {"judge": member.pk})
    assert "평가위원을 목록에서 골라 주세요." in response.content.decode()


@pytest.mark.parametrize("role", ["company_member", "meister", "evaluator", "council_member"])
def test_other_roles_are_refused(client, role):
    event = make_event(status="draft")
    client.force_login(UserFactory(role=role))
    assert client.get(reverse("events:manage_list")).status_code == 403
    assert client.get(reverse("events:manage_event", args=[event.pk])).status_code == 403
    assert client.post(reverse("events:manage_publish", args=[event.pk])).status_code == 403
    assert Event.objects.get(pk=event.pk).status == "draft"


def test_anonymous_is_sent_to_log_in(client):
    response = client.get(reverse("events:manage_list"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("rows", [2, 10])
def test_list_shows_all_states_in_fixed_queries(staff_client, django_assert_num_queries, rows,
                                                member_a):
    for n in range(rows):
        event = make_event(title=f"행사 {n}", status=["draft", "published", "cancelled"][n % 3],
                           facility=None)
        Registration.objects.create(event=event, user=member_a, status="registered", position=1)
    staff_client.get(reverse("events:manage_list"))  # warm the session
    with django_assert_num_queries(3):  # session, user, events with their counts
        html = staff_client.get(reverse("events:manage_list")).content.decode()
    assert len(re.findall(r'href="/events/manage/\d+/"', html)) == rows
    assert "준비 중" in html and "1 / 2명" in html
