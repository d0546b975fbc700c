"""The learning loop: staff decisions become evidence for new requests."""

from datetime import date, timedelta

import pytest

from meisterhub.matching.history import History, PastRequest
from meisterhub.matching.models import RoutedRequest
from meisterhub.matching.roster import match_request
from meisterhub.meisters.models import Field
from meisterhub.network.services import route_inquiry, submit_inquiry
from meisterhub.network.tests.factories import make_meister_user

# The matcher alone reads "컨베이어 구동축 키홈" as machine-tool/maintenance work; this agency's
# staff route such shaft-sizing questions to design.
ASKED = "컨베이어 구동축 키홈 부분이 자꾸 부러집니다. 어떻게 해야 하나요?"
PAST = "컨베이어 구동축 키홈에서 부러졌습니다. 봐 주실 분 있나요?"


def codes(result):
    return [f.code for f in result.fields]


def test_similar_past_requests_vote_for_their_field_and_say_so(matcher):
    before = matcher.rank(ASKED)
    assert codes(before)[0] != "DESIGN"
    past = [PastRequest(matcher.request_terms(PAST), "DESIGN", "M6")] * 3
    matcher.history = History(past)
    try:
        after = matcher.rank(ASKED)
    finally:
        matcher.history = None
    assert codes(after)[0] == "DESIGN"
    assert "비슷한 과거 상담 3건" in after.fields[0].reason
    assert after.meisters[0].id == "M6" and "비슷한 과거 상담 담당" in after.meisters[0].reason
    assert codes(matcher.rank(ASKED)) == codes(before)  # without history, as before


def test_unrelated_and_old_decisions_count_little(matcher):
    terms = matcher.request_terms(ASKED)
    unrelated = History([PastRequest(matcher.request_terms("투자 유치 IR 자료"), "BIZ")])
    assert not unrelated.evidence(terms)
    today = date(2026, 12, 1)
    fresh = History([PastRequest(terms, "DESIGN", decided_on=today)], today=today)
    old = History(
        [PastRequest(terms, "DESIGN", decided_on=today - timedelta(days=730))], today=today
    )
    assert old.evidence(terms).fields["DESIGN"] == pytest.approx(
        fresh.evidence(terms).fields["DESIGN"] / 4
    )


@pytest.mark.django_db
def test_staff_routing_is_kept_and_used_for_the_next_request(
    taxonomy, staff_user, member_a, django_capture_on_commit_callbacks
):
    meister, _user = make_meister_user("design_meister", fields=("DESIGN",))
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = submit_inquiry(
            actor=member_a,
            channel="web",
            category="technical",
            title="구동축 파손",
            body=f"홍길동 과장입니다. {PAST}",
        )
    inquiry.refresh_from_db()
    suggested = inquiry.suggested_field_id
    assert suggested and suggested != "DESIGN"
    assert "비슷한 과거 상담" not in match_request(ASKED).fields[0].reason

    with django_capture_on_commit_callbacks(execute=True):
        route_inquiry(
            actor=staff_user,
            inquiry=inquiry,
            owner_meister=meister,
            field=Field.objects.get(code="DESIGN"),
        )
    kept = RoutedRequest.objects.get(source="inquiry", source_id=inquiry.pk)
    assert (kept.field_id, kept.meister, kept.suggested_field_code) == (
        "DESIGN",
        meister,
        suggested,
    )
    assert kept.is_correction and kept.decided_by == staff_user
    assert "키홈" in kept.terms and "홍길동" not in kept.terms  # terms, not names or text

    result = match_request(ASKED)
    design = next(f for f in result.fields if f.code == "DESIGN")
    assert "비슷한 과거 상담 1건" in design.reason
