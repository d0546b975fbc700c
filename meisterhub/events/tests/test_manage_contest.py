"""Staff setting up a contest: window, rubric, judges; publishing needs a rubric of 100."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.core.errors import DomainError
from meisterhub.core.history_text import readable_history_of
from meisterhub.core.locking import StaleEdit
from meisterhub.events.contest_manage_services import remove_judge, update_contest
from meisterhub.events.contest_services import assign_judge, score_submission, submit_entry
from meisterhub.events.manage_services import copy_event, publish_event, update_event
from meisterhub.events.models import Contest, Criterion, Event

from .factories import make_contest, make_event
from .test_contests import PDF, upload

pytestmark = pytest.mark.django_db
RUBRIC = [{"name": "창의성", "weight": 30, "max_score": 10},
          {"name": "사업성", "weight": 70, "max_score": 20}]


def rows(contest):
    return list(Criterion.objects.filter(contest=contest).values_list("name", "weight",
                                                                        "max_score"))


def settings_of(contest, **overrides):
    values = {"submission_opens_at": None, "submission_deadline": contest.submission_deadline,
              "criteria": RUBRIC}
    values.update(overrides)
    return values


def test_staff_set_the_window_and_replace_the_rubric(staff_user):
    contest = make_contest()
    opens = timezone.now() + timedelta(days=1)
    update_contest(actor=staff_user, contest=contest, expected_version=1,
                   **settings_of(contest, submission_opens_at=opens))
    assert rows(contest) == [("창의성", 30, 10), ("사업성", 70, 20)]
    assert (contest.submission_opens_at, contest.version) == (opens, 2)
    assert not contest.is_open_for_submissions  # not yet open
    text = readable_history_of(contest)[0]["text"]
    assert text.startswith("공모전 정보 수정: 접수 시작((없음) → ")
    assert "심사 기준(창의성 40%·10점, 사업성 60%·20점 → 창의성 30%·10점, 사업성 70%·20점)" in text


@pytest.mark.parametrize(("criteria", "message"), [
    ([{"name": "창의성", "weight": 40, "max_score": 10},
      {"name": "사업성", "weight": 50, "max_score": 10}],
     "심사 기준 가중치의 합계가 100이 되어야 합니다 (현재 90)."),
    ([], "심사 기준을 하나 이상 입력해 주세요."),
    ([{"name": "", "weight": 100, "max_score": 10}], "심사 기준의 이름을 입력해 주세요."),
    ([{"name": "창의성", "weight": 0, "max_score": 10},
      {"name": "사업성", "weight": 100, "max_score": 10}], "'창의성'의 가중치는 1~100 사이여야 합니다."),
    ([{"name": "창의성", "weight": 50, "max_score": 10},
      {"name": "창의성", "weight": 50, "max_score": 10}], "같은 이름의 심사 기준이 두 번 있습니다."),
])
def test_a_bad_rubric_is_refused_and_nothing_changes(staff_user, criteria, message):
    contest = make_contest()
    with pytest.raises(DomainError) as refused:
        update_contest(actor=staff_user, contest=contest, **settings_of(contest,
                                                                         criteria=criteria))
    assert (refused.value.field, refused.value.message) == ("criteria", message)
    assert rows(contest) == [("창의성", 40, 10), ("사업성", 60, 20)]
    assert Contest.objects.get(pk=contest.pk).version == 1


def test_deadline_before_opening_is_refused(staff_user):
    contest = make_contest()
    with pytest.raises(DomainError) as refused:
        update_contest(actor=staff_user, contest=contest, **settings_of(
            contest, submission_opens_at=contest.submission_deadline + timedelta(hours=1)))
    assert refused.value.field == "submission_deadline"


def test_a_stale_rubric_save_is_refused(staff_user):
    contest = make_contest()
    update_contest(actor=UserFactory(role="staff"), contest=contest, expected_version=1,
                   **settings_of(contest))
    with pytest.raises(StaleEdit, match="심사 기준"):
        update_contest(actor=staff_user, contest=contest, expected_version=1,
                       **settings_of(contest, criteria=[{"name": "완성도", "weight": 100,
                                                         "max_score": 10}]))
    assert rows(contest) == [("창의성", 30, 10), ("사업성", 70, 20)]


def test_the_rubric_is_fixed_once_a_judge_has_scored(staff_user, member_a):
    contest = make_contest()
    judge = UserFactory(role="evaluator")
    assign_judge(actor=staff_user, contest=contest, judge=judge)
    entry = submit_entry(actor=member_a, contest=contest, title="용접 지그", summary="자동화",
                         upload=upload(PDF))
    score_submission(actor=judge, submission=entry,
                     values={c.pk: 5 for c in contest.criteria.all()})
    with pytest.raises(DomainError, match="채점이 시작된 뒤에는 심사 기준을 바꿀 수 없습니다"):
        update_contest(actor=staff_user, contest=contest, **settings_of(contest))
    # The window may still move when the rubric stays as it is.
    later = contest.submission_deadline + timedelta(days=1)
    update_contest(actor=staff_user, contest=contest, **settings_of(
        contest, submission_deadline=later,
        criteria=[{"name": "창의성", "weight": 40, "max_score": 10},
                  {"name": "사업성", "weight": 60, "max_score": 20}]))
    assert contest.submission_deadline == later
    with pytest.raises(DomainError, match="이미 채점한 심사위원"):
        remove_judge(actor=staff_user, contest=contest, judge=judge)
    assert contest.assignments.filter(judge=judge).exists()


def test_remove_a_judge_who_has_not_scored(staff_user):
    contest = make_contest()
    judge = UserFactory(role="evaluator", full_name="김심사")
    assign_judge(actor=staff_user, contest=contest, judge=judge)
    remove_judge(actor=staff_user, contest=contest, judge=judge)
    assert not contest.assignments.exists()
    texts = [h["text"] for h in readable_history_of(contest)]
    assert texts[:2] == [f"공모전 심사위원 배정 해제: 심사위원({judge} → (없음))",
                         f"공모전 심사위원 배정: 심사위원({judge})"]
    with pytest.raises(DomainError) as refused:
        remove_judge(actor=UserFactory(role="company_member"), contest=contest, judge=judge)
    assert refused.value.code == "forbidden"


def test_a_contest_is_published_only_with_a_rubric_of_100(staff_user):
    contest = make_contest(status="draft")
    Criterion.objects.filter(contest=contest, name="사업성").update(weight=50)
    with pytest.raises(DomainError) as refused:
        publish_event(actor=staff_user, event=contest.event)
    assert refused.value.field == "criteria"
    assert "합계가 100이 되어야 합니다 (현재 90)" in refused.value.message
    Criterion.objects.filter(contest=contest, name="사업성").update(weight=60)
    publish_event(actor=staff_user, event=contest.event)
    assert contest.event.status == "published"


def test_a_copied_contest_keeps_the_rubric_but_not_the_judges(staff_user):
    contest = make_contest()
    assign_judge(actor=staff_user, contest=contest, judge=UserFactory(role="evaluator"))
    copy = copy_event(actor=staff_user, event=contest.event)
    assert rows(copy.contest) == rows(contest)
    assert copy.contest.submission_deadline == contest.submission_deadline
    assert not copy.contest.assignments.exists()


def test_the_kind_decides_whether_there_is_a_contest(staff_user, member_a):
    event = make_event(kind="briefing")
    update_event(actor=staff_user, event=event, values={"kind": "contest"})
    contest = Contest.objects.get(event=event)
    assert contest.submission_deadline == event.registration_closes_at
    update_event(actor=staff_user, event=event, values={"kind": "seminar"})
    assert not Contest.objects.filter(event=event).exists()
    entered = make_contest()
    submit_entry(actor=member_a, contest=entered, title="지그", summary="요약",
                 upload=upload(PDF))
    with pytest.raises(DomainError) as refused:
        update_event(actor=staff_user, event=entered.event, values={"kind": "seminar"})
    assert refused.value.field == "kind"
    assert Event.objects.get(pk=entered.event_id).kind == "contest"
    assert Contest.objects.filter(pk=entered.pk).exists()
