"""Cached public pages show every write at once; lookups replace full selects on staff forms."""

import re

import pytest
from django.urls import reverse

from meisterhub.companies.tests.factories import CompanyFactory
from meisterhub.core import stamps
from meisterhub.events.tests.factories import make_event
from meisterhub.meisters.services import save_meister
from meisterhub.meisters.tests.factories import make_meister

pytestmark = pytest.mark.django_db


def test_home_counts_follow_a_new_company_and_meister_at_once(client, taxonomy):
    first = client.get(reverse("home")).content.decode()
    CompanyFactory()
    make_meister(name="새마이스터")
    page = client.get(reverse("home")).content.decode()
    assert page != first
    count = re.compile(r"<strong>(\d+)</strong><span>(?:활동 중인 마이스터|등록 기업)")
    assert [int(n) for n in count.findall(page)] == [
        int(n) + 1 for n in count.findall(first)
    ]


def test_meister_profile_and_list_follow_an_edit_at_once(client, taxonomy):
    meister = make_meister(name="김용접", fields=("WELD",))
    url = reverse("meisters:detail", args=[meister.pk])
    assert "김용접" in client.get(url).content.decode()
    assert "김용접" in client.get(reverse("meisters:list")).content.decode()
    save_meister(actor=None, roster_id=meister.roster_id, name="박용접", field_codes=["WELD"])
    assert "박용접" in client.get(url).content.decode()
    assert "박용접" in client.get(reverse("meisters:list")).content.decode()
    meister.refresh_from_db()
    meister.is_active = False
    meister.save()
    assert client.get(url).status_code == 404


def test_event_list_is_paged_and_follows_a_new_event(client):
    for n in range(21):
        make_event(title=f"세미나 {n:02d}")
    first = client.get(reverse("events:list")).content.decode()
    assert len(re.findall(r'href="/events/\d+/"', first)) == 20 and "1 / 2" in first
    second = client.get(reverse("events:list"), {"page": 2}).content.decode()
    assert len(re.findall(r'href="/events/\d+/"', second)) == 1
    make_event(title="새 행사")
    assert "2 / 2" in client.get(reverse("events:list"), {"page": 2}).content.decode()


def test_without_a_working_cache_pages_are_built_each_time(client, taxonomy, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    assert stamps.current("meisters") is None  # a cache that keeps nothing: build afresh
    make_meister(name="최초")
    assert "최초" in client.get(reverse("meisters:list")).content.decode()
    make_meister(name="두번째")
    assert "두번째" in client.get(reverse("meisters:list")).content.decode()


def test_the_walk_in_desk_ships_no_option_per_meister_or_company(client, staff_user, taxonomy):
    for n in range(30):
        make_meister(name=f"마이스터{n:02d}")
        CompanyFactory()
    client.force_login(staff_user)
    page = client.get(reverse("consultations:walk_in")).content.decode()
    for name in ("meister", "company"):
        select = re.search(rf'<select name="{name}".*?</select>', page, re.S).group(0)
        assert select.count("<option") <= 1
        assert f'id="id_{name}_lookup"' in page
    found = client.get(reverse("meisters:lookup"), {"q": "마이스터0"}).content.decode()
    assert found.count("<option") == 11  # the prompt and 마이스터00–09
    assert client.get(reverse("meisters:lookup"), {"q": ""}).content.decode().count(
        "<option"
    ) == 1
