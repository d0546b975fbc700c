"""Numbers from the outside are finite and in range, or 400 with a Korean message: a score
posted as "NaN" once gave a server error (decimal.InvalidOperation)."""

import json

import pytest

from meisterhub.core.errors import DomainError
from meisterhub.core.numbers import decimal_number, whole_number
from meisterhub.programs import services
from meisterhub.programs.models import Score
from meisterhub.programs.tests.factories import make_call, make_evaluator, make_submitted

BAD = ["NaN", "nan", "-NaN", "sNaN", "Infinity", "-inf", "1e400", "9" * 40, "", "열", True]


@pytest.mark.parametrize("value", BAD)
def test_non_finite_or_unreadable_numbers_are_refused_in_korean(value):
    with pytest.raises(DomainError) as refused:
        decimal_number(value, label="점수", field="score", minimum=0, maximum=10)
    assert refused.value.field == "score" and "점수" in refused.value.message


def test_whole_numbers_accept_what_people_type_and_nothing_else():
    assert whole_number("1,200", label="수출액") == 1200
    assert whole_number(3.0, label="근로자 수") == 3
    for value in ("3.5", "-1", "NaN", "1e400"):
        with pytest.raises(DomainError):
            whole_number(value, label="근로자 수")


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["NaN", "Infinity", "-1", "1e400", "11"])
def test_the_evaluation_api_answers_400_for_a_bad_score(client, member_a, company_a, staff_user,
                                                        value):
    call = make_call()
    application = services.pass_screening(
        actor=staff_user, application=make_submitted(call, member_a, company_a))
    evaluator = make_evaluator()
    assignment = services.assign_evaluator(actor=staff_user, application=application,
                                           evaluator=evaluator)
    criterion = call.criteria.first()
    client.force_login(evaluator)
    response = client.post(
        f"/api/programs/evaluations/{assignment.pk}/scores",
        data=json.dumps({"scores": {str(criterion.pk): value}}),
        content_type="application/json",
    )
    assert response.status_code == 400, response.content
    assert "점수" in response.json()["detail"]
    assert Score.objects.count() == 0
