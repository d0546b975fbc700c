"""The public week schedule: bounded and paged, filtered, and never stale after a write."""

import re
from datetime import time

import pytest
from django.urls import reverse

from meisterhub.consultations.models import RotationBlock
from meisterhub.consultations.services import add_rotation_block
from meisterhub.consultations.week_schedule import PAGE_SIZE
from meisterhub.meisters.services import save_meister

from .factories import make_sitting_meister

pytestmark = pytest.mark.django_db
URL = reverse("consultations:week")


def rows(html: str) -> list[str]:
    return re.findall(r'<th scope="row"><a href="/consultations/meisters/(\d+)/month/">', html)


def test_a_page_holds_at_most_page_size_meisters_and_the_rest_is_on_the_next(client, taxonomy):
    sitting = [make_sitting_meister(weekday=n % 5, with_user=False) for n in range(PAGE_SIZE + 3)]
    first = client.get(URL).content.decode()
    second = client.get(URL, {"page": 2}).content.decode()
    assert len(rows(first)) == PAGE_SIZE and len(rows(second)) == 3
    assert sorted(map(int, rows(first) + rows(second))) == sorted(m.pk for m in sitting)
    assert f"마이스터 {PAGE_SIZE + 3}명" in first and "1 / 2" in first and "page=2" in first


def test_filters_by_weekday_and_field_and_keeps_them_in_the_page_links(client, taxonomy):
    tuesday = make_sitting_meister(weekday=1, fields=("NDT",), with_user=False)
    thursday = make_sitting_meister(weekday=3, fields=("WELD",), with_user=False)
    page = client.get(URL, {"weekday": "1"}).content.decode()
    assert rows(page) == [str(tuesday.pk)]
    page = client.get(URL, {"field": "WELD"}, headers={"HX-Request": "true"}).content.decode()
    assert rows(page) == [str(thursday.pk)] and "<html" not in page


def test_a_rotation_change_shows_at_once_and_only_that_row_is_rebuilt(
    client, taxonomy, django_assert_num_queries
):
    meister = make_sitting_meister(weekday=1, with_user=False)
    other = make_sitting_meister(weekday=2, with_user=False)
    assert "10:00–12:00" in client.get(URL).content.decode()
    with django_assert_num_queries(0):  # nothing changed: anonymous visitors share the stored page
        client.get(URL)
    add_rotation_block(
        actor=None, meister=meister, weekday=3, start_time=time(14), end_time=time(16)
    )
    # filter, count, page, then the changed meister's row only (meister, fields, blocks)
    with django_assert_num_queries(6):
        page = client.get(URL).content.decode()
    assert "14:00–16:00" in page and set(rows(page)) == {str(meister.pk), str(other.pk)}
    RotationBlock.objects.get(meister=meister, weekday=3).delete()
    assert "14:00–16:00" not in client.get(URL).content.decode()


def test_a_renamed_or_deactivated_meister_leaves_the_schedule_at_once(client, taxonomy):
    meister = make_sitting_meister(weekday=1, with_user=False)
    assert meister.name in client.get(URL).content.decode()
    save_meister(actor=None, roster_id=meister.roster_id, name="새이름", field_codes=["WELD"])
    assert "새이름" in client.get(URL).content.decode()
    meister.refresh_from_db()
    meister.is_active = False
    meister.save()
    assert rows(client.get(URL).content.decode()) == []
