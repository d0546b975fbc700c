"""Concurrent writes against a real database: one transfer request per company and technology,
one answer per inquiry."""

import threading

import pytest
from django.db import connections

from meisterhub.core.errors import DomainError
from meisterhub.meisters.models import Field
from meisterhub.network.models import Institution, TransferRequest
from meisterhub.network.services import (
    answer_inquiry,
    publish_technology,
    request_transfer,
    submit_inquiry,
)

from .factories import make_institution


def _race(count: int, action) -> list[str]:
    outcomes: list[str] = []
    barrier = threading.Barrier(count)

    def attempt(n: int):
        try:
            barrier.wait()
            action(n)
            outcomes.append("ok")
        except DomainError as error:
            outcomes.append(error.message)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_concurrent_transfer_requests_leave_one(staff_user, member_a, company_a, taxonomy):
    institute = make_institution(staff_user, kind=Institution.Kind.RESEARCH_INSTITUTE)
    technology = publish_technology(actor=staff_user, title="예지보전", trl=5, owner=institute,
                                    field=Field.objects.get(code="SMART"), summary="요약")
    outcomes = _race(6, lambda n: request_transfer(actor=member_a, company=company_a,
                                                   technology=technology, message=str(n)))
    assert outcomes.count("ok") == 1
    assert outcomes.count("이미 이 기술에 대한 요청이 진행 중입니다.") == 5
    assert TransferRequest.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_answers_keep_the_first(staff_user, member_a):
    inquiry = submit_inquiry(actor=member_a, channel="web", category="program", title="공고",
                             body="일정 문의")
    outcomes = _race(4, lambda n: answer_inquiry(actor=staff_user, inquiry=inquiry,
                                                 answer=f"답변 {n}"))
    assert outcomes.count("ok") == 1
    assert outcomes.count("이미 답변했거나 종결된 문의입니다.") == 3
    inquiry.refresh_from_db()
    assert inquiry.status == "answered" and inquiry.answer.startswith("답변 ")
