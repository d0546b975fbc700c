from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.core.errors import DomainError
from meisterhub.core.models import History
from meisterhub.network.models import Decision, Institution
from meisterhub.network.services import (
    add_council_member,
    add_decision,
    record_minutes,
    seat_council_member,
)
from meisterhub.network.services.meetings import OWNER_MISSING

from .factories import make_council, make_council_member, make_institution, make_meeting

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_decision_without_owner_is_refused_and_nothing_saved(staff_user):
    meeting = make_meeting(staff_user, make_council(staff_user))
    before = History.objects.count()
    with pytest.raises(DomainError) as refused:
        add_decision(actor=staff_user, meeting=meeting, text="공동 홍보", due_on=date(2025, 6, 30))
    assert refused.value.message == OWNER_MISSING
    assert Decision.objects.count() == 0 and History.objects.count() == before
    with pytest.raises(IntegrityError), transaction.atomic():  # the database says no too
        Decision.objects.create(meeting=meeting, text="공동 홍보", due_on=date(2025, 6, 30))


def test_decision_page_form_shows_the_korean_message(client, staff_user):
    meeting = make_meeting(staff_user, make_council(staff_user))
    client.force_login(staff_user)
    response = client.post(reverse("network:decision_new", args=[meeting.pk]),
                           {"text": "공동 홍보", "due_on": "2025-06-30"})
    assert response.status_code == 400
    assert "담당(기관 또는 담당자)을 지정해 주세요" in response.content.decode()
    assert Decision.objects.count() == 0


def test_follow_up_status_turns_overdue_after_the_due_date(staff_user):
    council = make_council(staff_user)
    meeting = make_meeting(staff_user, council, held_on=date(2025, 1, 10))
    owner = council.memberships.first().institution
    decision = add_decision(actor=staff_user, meeting=meeting, text="금융 상품 안내",
                            owner_institution=owner, due_on=date(2025, 2, 28))
    assert decision.follow_up_status(today=date(2025, 2, 28)) == "open"
    assert decision.follow_up_status(today=date(2025, 3, 1)) == "overdue"
    decision.status = Decision.Status.DONE
    assert decision.follow_up_status(today=date(2025, 3, 1)) == "done"
    person = add_decision(actor=staff_user, meeting=meeting, text="현장 방문",
                          owner_person="경남도 스마트산업과 김주무관", due_on=date(2025, 3, 31))
    assert person.owner_display == "경남도 스마트산업과 김주무관"


def test_council_members_see_only_their_councils(client, staff_user, member_a):
    ours, theirs = make_council(staff_user, name="경남 스마트공장 민관협의체"), \
        make_council(staff_user, name="소부장 협의회")
    our_meeting, their_meeting = make_meeting(staff_user, ours), make_meeting(staff_user, theirs)
    seated = make_council_member(staff_user, ours)
    client.force_login(seated)
    listing = client.get(reverse("network:councils")).content.decode()
    assert "경남 스마트공장 민관협의체" in listing and "소부장 협의회" not in listing
    assert client.get(reverse("network:council_detail", args=[ours.pk])).status_code == 200
    assert client.get(reverse("network:council_detail", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("network:meeting_detail", args=[our_meeting.pk])).status_code == 200
    assert client.get(reverse("network:meeting_detail",
                              args=[their_meeting.pk])).status_code == 404
    client.force_login(member_a)
    assert client.get(reverse("network:councils")).status_code == 404
    assert client.get(reverse("network:meeting_detail", args=[our_meeting.pk])).status_code == 404


def test_council_page_masks_contacts_and_counts_plenaries(client, staff_user,
                                                          django_assert_num_queries):
    council = make_council(staff_user, members=6)
    make_meeting(staff_user, council, held_on=timezone.localdate())
    make_meeting(staff_user, council, kind="working", held_on=timezone.localdate())
    seated = make_council_member(staff_user, council)
    client.force_login(seated)
    url = reverse("network:council_detail", args=[council.pk])
    client.get(url)
    # session, user, seats, council, members, meetings, plenary count
    with django_assert_num_queries(7):
        body = client.get(url).content.decode()
    assert "010-****-6700" in body and "01023456700" not in body
    assert "wo*****@inst.kr" in body and "worker0@inst.kr" not in body
    assert f"{timezone.localdate().year}년 정기회의 1/2회" in body


def test_minutes_file_checked_by_content_and_served_with_nosniff(client, staff_user):
    council = make_council(staff_user)
    meeting = make_meeting(staff_user, council)
    fake = SimpleUploadedFile("회의록.pdf", b"<html><script>alert(1)</script>")
    with pytest.raises(DomainError, match="PDF 또는 한글"):
        record_minutes(actor=staff_user, meeting=meeting, text="", upload=fake)
    meeting.refresh_from_db()
    assert not meeting.minutes_file
    renamed = SimpleUploadedFile("회의록.hwp", PDF)
    with pytest.raises(DomainError, match="확장자"):
        record_minutes(actor=staff_user, meeting=meeting, text="", upload=renamed)
    record_minutes(actor=staff_user, meeting=meeting, text="1. 실적 보고",
                   upload=SimpleUploadedFile("상반기 회의록.pdf", PDF))
    url = reverse("network:minutes_file", args=[meeting.pk])
    seated = make_council_member(staff_user, council)
    client.force_login(seated)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF
    outsider = make_council_member(staff_user, make_council(staff_user))
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_membership_contact_must_belong_to_the_institution(staff_user):
    council = make_council(staff_user)
    stranger_contact = council.memberships.first().contact
    newcomer = make_institution(staff_user, kind=Institution.Kind.UNIVERSITY)
    with pytest.raises(DomainError, match="소속이 아닙니다"):
        add_council_member(actor=staff_user, council=council, institution=newcomer,
                           role="workforce", contact=stranger_contact)
    assert council.memberships.count() == 2
    with pytest.raises(DomainError, match="협의회 위원 역할"):
        seat_council_member(actor=staff_user, user=UserFactory(role="company_member"),
                            council=council)


def test_staff_creates_a_meeting_with_agenda_and_attendance(client, staff_user):
    council = make_council(staff_user, members=3)
    first, second = (m.institution for m in council.memberships.all()[:2])
    client.force_login(staff_user)
    response = client.post(reverse("network:meeting_new", args=[council.pk]), {
        "kind": "working", "title": "제3차 실무회의", "held_on": "2025-04-15",
        "place": "경남테크노파크", "agenda": "보급 현황\n\n금융 연계 방안",
        "attendees": [first.pk, second.pk]})
    meeting = council.meetings.get()
    assert response.status_code == 302
    assert [a.title for a in meeting.agenda.all()] == ["보급 현황", "금융 연계 방안"]
    assert meeting.attendances.count() == 2
    assert meeting.held_on == date(2025, 4, 15)
