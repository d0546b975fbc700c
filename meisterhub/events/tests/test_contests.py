import io
import zipfile
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.core.errors import DomainError
from meisterhub.events.contest_services import (
    assign_judge,
    publish_ranking,
    score_submission,
    submit_entry,
)
from meisterhub.events.files import OLE_MAGIC
from meisterhub.events.models import Score, Submission

from .factories import make_contest

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF"


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def upload(data: bytes, name="entry.pdf"):
    return SimpleUploadedFile(name, data, "application/octet-stream")


@pytest.mark.parametrize(("data", "content_type"), [
    (PDF, "application/pdf"),
    (OLE_MAGIC + b"\x00" * 64, "application/x-hwp"),
    (_zip({"mimetype": b"application/hwp+zip", "Contents/section0.xml": b"<x/>"}),
     "application/hwp+zip"),
    (_zip({"[Content_Types].xml": b"<x/>", "ppt/presentation.xml": b"<x/>"}),
     "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    (_zip({"a.txt": b"hello"}), "application/zip"),
])
def test_files_are_recognised_by_content(member_a, data, content_type):
    contest = make_contest()
    made = submit_entry(actor=member_a, contest=contest, title="스마트 용접 모니터링",
                        summary="용접 불량을 실시간으로 잡는다", upload=upload(data, "x.exe"))
    assert made.file_content_type == content_type
    assert made.file_name == "x.exe" and not made.file.name.endswith(".exe")


def test_bad_files_late_and_duplicate_entries_are_refused(member_a, member_b, settings):
    contest = make_contest()
    for data, message in [(b"MZ\x90\x00 windows program", "제출할 수 없는 파일 형식입니다"),
                          (b"PK\x03\x04 broken", "손상된 압축 파일입니다")]:
        with pytest.raises(DomainError, match=message):
            submit_entry(actor=member_a, contest=contest, title="t", summary="s",
                         upload=upload(data))
    from meisterhub.events import conf
    original = conf.CONTEST_FILE_MAX_BYTES
    conf.CONTEST_FILE_MAX_BYTES = 10
    try:
        with pytest.raises(DomainError, match="파일이 너무 큽니다"):
            submit_entry(actor=member_a, contest=contest, title="t", summary="s",
                         upload=upload(PDF))
    finally:
        conf.CONTEST_FILE_MAX_BYTES = original
    submit_entry(actor=member_a, contest=contest, title="t", summary="s", upload=upload(PDF))
    with pytest.raises(DomainError, match="이미 이 공모전에 제출했습니다"):
        submit_entry(actor=member_a, contest=contest, title="t2", summary="s", upload=upload(PDF))
    contest.submission_deadline = timezone.now() - timedelta(seconds=1)
    contest.save()
    with pytest.raises(DomainError, match="접수가 마감되었습니다"):
        submit_entry(actor=member_b, contest=contest, title="t", summary="s", upload=upload(PDF))
    assert Submission.objects.count() == 1


def test_judging_is_independent_weighted_and_published(client, member_a, member_b, staff_user):
    contest = make_contest()
    first = submit_entry(actor=member_a, contest=contest, title="수소 충전 안전 센서",
                         summary="요약", upload=upload(PDF))
    second = submit_entry(actor=member_b, contest=contest, title="방산 부품 검사 AI",
                          summary="요약", upload=upload(PDF))
    judge_1 = UserFactory(username="judge1", role="evaluator")
    judge_2 = UserFactory(username="judge2", role="evaluator")
    outsider = UserFactory(username="judge3", role="evaluator")
    with pytest.raises(DomainError, match="평가위원 역할"):
        assign_judge(actor=staff_user, contest=contest, judge=member_a)
    assign_judge(actor=staff_user, contest=contest, judge=judge_1)
    assign_judge(actor=staff_user, contest=contest, judge=judge_2)
    creativity, business = contest.criteria.all()
    with pytest.raises(DomainError, match="배정된 심사위원만"):
        score_submission(actor=outsider, submission=first,
                         values={creativity.pk: 5, business.pk: 5})
    with pytest.raises(DomainError, match="'사업성' 점수는 0~20점이어야 합니다"):
        score_submission(actor=judge_1, submission=first,
                         values={creativity.pk: 5, business.pk: 21})
    assert Score.objects.count() == 0
    score_submission(actor=judge_1, submission=first, values={creativity.pk: 10, business.pk: 10})
    score_submission(actor=judge_2, submission=first, values={creativity.pk: 5, business.pk: 20})
    score_submission(actor=judge_1, submission=second, values={creativity.pk: 8, business.pk: 18})
    # judge 1 sees only their own marks on the score page, not judge 2's
    client.force_login(judge_1)
    page = client.get(reverse("events:score", args=[first.pk])).content.decode()
    assert 'value="10"' in page and 'value="20"' not in page and 'value="5"' not in page
    client.force_login(outsider)
    assert client.get(reverse("events:score", args=[first.pk])).status_code == 404
    assert client.get(reverse("events:submission_file", args=[first.pk])).status_code == 404
    assert "배정된 공모전이 없습니다" in client.get(reverse("events:judging")).content.decode()
    with pytest.raises(DomainError, match="접수 마감 전에는"):
        publish_ranking(actor=staff_user, contest=contest, awards={})
    contest.submission_deadline = timezone.now() - timedelta(hours=1)
    contest.save()
    assert client.get(reverse("events:contest_results", args=[contest.event_id])
                      ).status_code == 404
    ranking = publish_ranking(actor=staff_user, contest=contest,
                              awards={second.pk: "대상", first.pk: "우수상"})
    # first: judge1 40*1 + 60*0.5 = 70, judge2 40*0.5 + 60*1 = 80 → 75; second: 32 + 54 = 86
    assert [(r["submission"].pk, r["total"], r["rank"]) for r in ranking] == [
        (second.pk, Decimal("86.00"), 1), (first.pk, Decimal("75.00"), 2)]
    with pytest.raises(DomainError, match="순위가 발표된 뒤에는"):
        score_submission(actor=judge_2, submission=second,
                         values={creativity.pk: 1, business.pk: 1})
    public = client.get(reverse("events:contest_results", args=[contest.event_id]))
    body = public.content.decode()
    assert body.index("대상") < body.index("우수상") and "방산 부품 검사 AI" in body


def test_submission_file_is_served_safely_to_its_owner(client, member_a):
    contest = make_contest()
    made = submit_entry(actor=member_a, contest=contest, title="t", summary="s",
                        upload=upload(PDF))
    client.force_login(member_a)
    response = client.get(reverse("events:submission_file", args=[made.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
