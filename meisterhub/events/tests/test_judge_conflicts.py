"""A judge never competes in, nor scores an entry of their own, in the contest they judge."""

import pytest

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.core.errors import DomainError
from meisterhub.events.contest_services import assign_judge, score_submission, submit_entry
from meisterhub.events.models import ContestJudge, Score, Submission

from .factories import make_contest
from .test_contests import PDF, upload

pytestmark = pytest.mark.django_db


def test_a_judge_cannot_submit_to_the_contest_they_judge(staff_user):
    contest = make_contest()
    judge = UserFactory(role="evaluator")
    assign_judge(actor=staff_user, contest=contest, judge=judge)
    with pytest.raises(DomainError, match="심사위원은 작품을 제출할 수 없습니다"):
        submit_entry(actor=judge, contest=contest, title="내 작품", summary="요약", upload=upload(PDF))
    assert Submission.objects.count() == 0


def test_an_entrant_cannot_become_a_judge_of_the_same_contest(staff_user):
    contest = make_contest()
    entrant = UserFactory(role="evaluator")
    submit_entry(actor=entrant, contest=contest, title="작품", summary="요약", upload=upload(PDF))
    with pytest.raises(DomainError, match="작품을 제출한 사람은 심사위원이 될 수 없습니다"):
        assign_judge(actor=staff_user, contest=contest, judge=entrant)
    assert not ContestJudge.objects.filter(contest=contest, judge=entrant).exists()


def test_a_judge_cannot_score_their_own_entry(staff_user):
    contest = make_contest()
    judge = UserFactory(role="evaluator")
    entry = Submission.objects.create(contest=contest, user=judge, title="몰래 낸 작품",
                                      summary="요약", file=upload(PDF))
    ContestJudge.objects.create(contest=contest, judge=judge)
    marks = {criterion.pk: 5 for criterion in contest.criteria.all()}
    with pytest.raises(DomainError, match="자신이 제출한 작품은 심사할 수 없습니다"):
        score_submission(actor=judge, submission=entry, values=marks)
    assert Score.objects.count() == 0
