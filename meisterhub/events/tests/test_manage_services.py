"""Staff running events through the services: the rules, the refusals, the History."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.core.errors import DomainError
from meisterhub.core.history_text import readable_history_of
from meisterhub.core.locking import StaleEdit
from meisterhub.core.models import History
from meisterhub.events.manage_services import (
    cancel_event,
    close_registration,
    copy_event,
    create_event,
    publish_event,
    update_event,
)
from meisterhub.events.models import Contest, Event, Registration
from meisterhub.events.selectors import list_upcoming_events
from meisterhub.events.services import register_for_event
from meisterhub.notifications.models import Message

from .factories import make_event

pytestmark = pytest.mark.django_db


def event_values(**overrides) -> dict:
    now = timezone.now().replace(second=0, microsecond=0)
    values = {
        "title": "수출 바우처 설명회", "kind": "briefing", "area": "export", "description": "",
        "starts_at": now + timedelta(days=14), "ends_at": now + timedelta(days=14, hours=2),
        "place": "창원컨벤션센터 301호", "facility": None, "capacity": 30,
        "registration_opens_at": now - timedelta(hours=1),
        "registration_closes_at": now + timedelta(days=13),
        "eligible_org_types": [], "allow_individuals": True, "waitlist_enabled": True,
    }
    values.update(overrides)
    return values


def test_staff_create_a_draft_with_its_history(staff_user):
    event = create_event(actor=staff_user, values=event_values())
    assert (event.status, event.version) == ("draft", 1)
    entry = History.objects.get(action="events.event.created")
    assert entry.actor == staff_user and entry.changes["capacity"] == [None, 30]
    assert not list_upcoming_events().filter(pk=event.pk).exists()  # drafts are not public
    assert not Contest.objects.exists()


def test_a_contest_gets_its_judging_side_with_the_registration_window(staff_user):
    values = event_values(kind="contest")
    event = create_event(actor=staff_user, values=values)
    contest = Contest.objects.get(event=event)
    assert contest.submission_opens_at == values["registration_opens_at"]
    assert contest.submission_deadline == values["registration_closes_at"]


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"capacity": 0}, "capacity", "정원은 1명 이상이어야 합니다."),
    ({"capacity": -3}, "capacity", "정원은 1명 이상이어야 합니다."),
    ({"ends_at": timezone.now() + timedelta(days=13)}, "ends_at",
     "종료 일시는 시작 일시보다 뒤여야 합니다."),
    ({"registration_closes_at": timezone.now() + timedelta(days=15)}, "registration_closes_at",
     "신청 마감은 행사 시작 전이어야 합니다."),
    ({"registration_closes_at": timezone.now() - timedelta(days=1)}, "registration_closes_at",
     "신청 마감은 신청 시작보다 뒤여야 합니다."),
    ({"place": "  "}, "place", "장소를 입력하거나 시설을 골라 주세요."),
    ({"title": ""}, "title", "필수 항목을 입력해 주세요."),
    ({"kind": "party"}, "kind", "행사 유형을 목록에서 골라 주세요."),
    ({"eligible_org_types": ["sme", "bank"]}, "eligible_org_types",
     "참가 가능 기업 유형을 목록에서 골라 주세요."),
])
def test_bad_settings_are_refused_beside_their_field_and_nothing_is_saved(
        staff_user, overrides, field, message):
    with pytest.raises(DomainError) as refused:
        create_event(actor=staff_user, values=event_values(**overrides))
    assert (refused.value.field, refused.value.message) == (field, message)
    assert not Event.objects.exists() and not History.objects.exists()


@pytest.mark.parametrize("role", ["company_member", "meister", "evaluator", "council_member"])
def test_only_staff_manage_events(role):
    someone = UserFactory(role=role)
    event = make_event(status="draft")
    with pytest.raises(DomainError) as refused:
        create_event(actor=someone, values=event_values())
    assert refused.value.code == "forbidden"
    for action in (publish_event, copy_event, cancel_event):
        with pytest.raises(DomainError):
            action(actor=someone, event=event)
    event.refresh_from_db()
    assert (Event.objects.count(), event.status, History.objects.count()) == (1, "draft", 0)


def test_edit_bumps_the_version_and_reads_as_a_korean_sentence(staff_user):
    event = create_event(actor=staff_user, values=event_values())
    update_event(actor=staff_user, event=event, values={"capacity": 40}, expected_version=1)
    event.refresh_from_db()
    assert (event.capacity, event.version) == (40, 2)
    assert readable_history_of(event)[0]["text"] == "행사 정보 수정: 정원(30 → 40)"


def test_a_stale_save_is_refused_with_what_changed(staff_user):
    event = create_event(actor=staff_user, values=event_values())
    other = UserFactory(role="staff")
    update_event(actor=other, event=event, values={"capacity": 50, "place": "창업지원센터"},
                 expected_version=1)
    with pytest.raises(StaleEdit) as refused:
        update_event(actor=staff_user, event=event, values={"title": "바뀐 제목"},
                     expected_version=1)
    assert refused.value.code == "conflict"
    assert "장소(창원컨벤션센터 301호 → 창업지원센터)" in refused.value.message
    assert "정원(30 → 50)" in refused.value.message
    event.refresh_from_db()
    assert (event.title, event.version) == ("수출 바우처 설명회", 2)
    assert History.objects.filter(action="events.event.updated").count() == 1


def test_capacity_below_the_seated_is_refused_and_a_larger_one_seats_the_waitlist(
        staff_user, member_a, member_b):
    event = make_event(capacity=1)
    register_for_event(actor=member_a, event=event)
    waiting = register_for_event(actor=member_b, event=event)
    assert waiting.status == "waitlisted"
    with pytest.raises(DomainError) as refused:
        update_event(actor=staff_user, event=event, values={"capacity": 0})
    assert refused.value.field == "capacity"
    update_event(actor=staff_user, event=event, values={"capacity": 2})
    waiting.refresh_from_db()
    assert waiting.status == "registered"
    assert Message.objects.filter(template="event_promoted", recipient=member_b).exists()


def test_publish_makes_a_draft_public_once(staff_user):
    event = create_event(actor=staff_user, values=event_values())
    publish_event(actor=staff_user, event=event)
    assert event.status == "published" and event.version == 2
    assert list(list_upcoming_events()) == [event]
    with pytest.raises(DomainError, match="준비 중인 행사만 게시할 수 있습니다"):
        publish_event(actor=staff_user, event=event)


def test_a_past_event_is_not_published(staff_user):
    event = make_event(status="draft", starts_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(DomainError) as refused:
        publish_event(actor=staff_user, event=event)
    assert refused.value.field == "starts_at"
    event.refresh_from_db()
    assert event.status == "draft"


def test_close_registration_now(staff_user, member_a):
    event = make_event()
    before = timezone.now()
    close_registration(actor=staff_user, event=event)
    assert before <= event.registration_closes_at <= timezone.now()
    with pytest.raises(DomainError, match="신청 기간이 지났습니다"):
        register_for_event(actor=member_a, event=event)
    with pytest.raises(DomainError, match="이미 신청이 마감되었습니다"):
        close_registration(actor=staff_user, event=event)


def test_cancel_cancels_the_registrations_and_tells_each_registrant(
        staff_user, member_a, member_b):
    event = make_event(capacity=1)
    seated = register_for_event(actor=member_a, event=event)
    waiting = register_for_event(actor=member_b, event=event)
    count = cancel_event(actor=staff_user, event=event, reason="강사 사정")
    assert count == 2
    assert (event.status, event.cancel_reason) == ("cancelled", "강사 사정")
    statuses = set(Registration.objects.filter(pk__in=[seated.pk, waiting.pk]).values_list(
        "status", flat=True))
    assert statuses == {"cancelled"}
    mails = Message.objects.filter(template="event_cancelled", channel="email")
    assert set(mails.values_list("recipient", flat=True)) == {member_a.pk, member_b.pk}
    assert "취소 사유: 강사 사정" in mails.first().body
    assert readable_history_of(event)[0]["text"].startswith("행사 취소: 상태(공개 → 취소)")
    with pytest.raises(DomainError, match="취소된 행사는 수정할 수 없습니다"):
        update_event(actor=staff_user, event=event, values={"capacity": 5})
    with pytest.raises(DomainError, match="이미 취소된 행사입니다"):
        cancel_event(actor=staff_user, event=event)


def test_copy_is_a_draft_that_needs_new_dates(staff_user):
    original = make_event(title="3D프린터 교육", kind="training", capacity=12,
                          eligible_org_types=["startup"], allow_individuals=False)
    copy = copy_event(actor=staff_user, event=original)
    assert (copy.title, copy.status, copy.copied_from) == ("3D프린터 교육 (사본)", "draft", original)
    assert (copy.capacity, copy.eligible_org_types, copy.allow_individuals) == (
        12, ["startup"], False)
    with pytest.raises(DomainError, match="사본의 일정"):
        publish_event(actor=staff_user, event=copy)
    later = timedelta(days=7)
    update_event(actor=staff_user, event=copy, values={
        "starts_at": copy.starts_at + later, "ends_at": copy.ends_at + later,
        "registration_closes_at": copy.registration_closes_at + later})
    publish_event(actor=staff_user, event=copy)
    assert copy.status == "published"
