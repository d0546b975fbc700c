from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meisterhub.core.errors import DomainError
from meisterhub.core.models import History, PersonalDataAccess
from meisterhub.reports.models import SkilledWorker
from meisterhub.reports.selectors import search_skilled_workers
from meisterhub.reports.workers import parse_certificates

from .factories import make_worker, worker_data


def test_certificate_levels_are_read_from_the_name():
    certs = parse_certificates("용접기능장(2015); 일반기계기사(2010) ; 전기산업기사; 금속가공기술사(2020)")
    assert [(c.name, c.level, c.acquired_year) for c in certs] == [
        ("용접기능장", "master_craftsman", 2015), ("일반기계기사", "engineer", 2010),
        ("전기산업기사", "industrial_engineer", None), ("금속가공기술사", "professional_engineer", 2020)]
    with pytest.raises(DomainError, match="등급을 알 수 없습니다"):
        parse_certificates("운전면허")


def test_register_writes_history_without_personal_data(taxonomy, staff_user):
    worker = make_worker(staff_user, fields=("WELD", "CAST"), name="박용접", phone="010-1234-5678")
    assert worker.phone == "+821012345678"
    assert sorted(worker.fields.values_list("code", flat=True)) == ["CAST", "WELD"]
    entry = History.objects.get(action="reports.skilledworker.created")
    assert entry.changes["phone"] == [None, "***"]
    assert "+821012345678" not in str(entry.changes)


def test_duplicate_person_is_refused_and_nothing_saved(taxonomy, staff_user):
    make_worker(staff_user, name="최주조", birth_year=1965, phone="010-2222-3333")
    with pytest.raises(DomainError, match="이미 등록된 사람입니다"):
        make_worker(staff_user, name="최주조", birth_year=1965, phone="01022223333")
    assert SkilledWorker.objects.count() == 1


@pytest.mark.parametrize(("overrides", "message"), [
    ({"consent_given_on": None}, "동의"),
    ({"consent_purpose": " "}, "동의"),
    ({"consent_expires_on": timezone.localdate()}, "만료"),
    ({"birth_year": 2020}, "출생 연도"),
    ({"phone": "12"}, "전화번호"),
])
def test_bad_input_is_refused_with_a_korean_reason(taxonomy, staff_user, overrides, message):
    with pytest.raises(DomainError, match=message):
        make_worker(staff_user, **overrides)
    assert SkilledWorker.objects.count() == 0


def test_search_by_skill_level_and_district_hides_expired_consent(taxonomy, staff_user, member_a):
    welder = make_worker(staff_user, fields=("WELD",), district="seongsan")
    make_worker(staff_user, fields=("CAST",), district="jinhae",
                certificates=(("craftsman", "주조기능사", 2001),))
    expiring = make_worker(staff_user, fields=("WELD",), district="seongsan")
    SkilledWorker.objects.filter(pk=expiring.pk).update(
        consent_expires_on=timezone.localdate() - timedelta(days=1),
        consent_given_on=timezone.localdate() - timedelta(days=400))
    found = search_skilled_workers(staff_user, field="WELD", level="master_craftsman",
                                   district="seongsan")
    assert list(found) == [welder]
    assert search_skilled_workers(staff_user, level="craftsman").count() == 1
    assert search_skilled_workers(member_a).count() == 0


def test_list_masks_personal_data_with_few_queries(client, taxonomy, staff_user,
                                                   django_assert_num_queries):
    for n in range(5):
        make_worker(staff_user, phone=f"010-7000-100{n}", email=f"kim{n}@example.kr")
    client.force_login(staff_user)
    url = reverse("reports:workers")
    client.get(url)  # warm the session
    # session, user, field filter, count, page, 2 prefetches, field choices: not one per row
    with django_assert_num_queries(8):
        response = client.get(url, {"field": "WELD"})
    html = response.content.decode()
    assert "010-****-1003" in html and "ki**@example.kr" in html
    assert "7000-1003" not in html and "kim3@example.kr" not in html
    assert "검색 결과 5명" in html


def test_full_view_only_through_reveal_and_logged(client, taxonomy, staff_user, member_a):
    worker = make_worker(staff_user, phone="010-3333-4444")
    client.force_login(member_a)
    assert client.get(reverse("reports:worker_detail", args=[worker.pk])).status_code == 404
    assert client.get(reverse("reports:workers")).status_code == 403
    client.force_login(staff_user)
    page = client.get(reverse("reports:worker_detail", args=[worker.pk])).content.decode()
    assert "010-****-4444" in page and "3333" not in page
    response = client.post(reverse("reveal_personal_data", args=["reports.skilledworker", worker.pk]),
                           {"reason": "멘토 연계 안내 전화"})
    assert "010-3333-4444" in response.content.decode() or "+821033334444" in response.content.decode()
    assert PersonalDataAccess.objects.get().fields == ["phone", "email"]


def test_form_registers_and_shows_errors(client, taxonomy, staff_user):
    client.force_login(staff_user)
    data = worker_data(name="정기능")
    post = {**{k: v for k, v in data.items() if v is not None}, "skills": ["WELD"],
            "certificates": "용접기능장(2012)", "willing_to_mentor": "on"}
    response = client.post(reverse("reports:worker_new"), post)
    worker = SkilledWorker.objects.get(name="정기능")
    assert response.status_code == 302
    assert worker.certificates.get().level == "master_craftsman"
    again = client.post(reverse("reports:worker_new"), post)
    assert again.status_code == 400
    assert "이미 등록된 사람입니다" in again.content.decode()
    bad = client.post(reverse("reports:worker_new"), {**post, "name": "새사람",
                                                      "certificates": "운전면허"})
    assert bad.status_code == 400 and "등급을 알 수 없습니다" in bad.content.decode()
    assert SkilledWorker.objects.count() == 1


def test_demo_seeds_searchable_workers_with_certificates(taxonomy, staff_user):
    import random

    from meisterhub.reports.demo import seed

    workers = seed(rng=random.Random(3), companies=[], meisters=[], staff=[staff_user], count=40)
    assert len(workers) == SkilledWorker.objects.count() == 40
    assert search_skilled_workers(staff_user).count() == 40
    assert all(w.certificates.exists() for w in workers)
