"""Anonymous visitors share one stored answer per public page; nobody gets another's page."""

import re

import pytest
from django.contrib.messages import info
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import Client, RequestFactory
from django.urls import reverse

from meisterhub.core.page_cache import CSRF_PLACEHOLDER, CSRF_TOKEN
from meisterhub.meisters.tests.factories import make_meister
from meisterhub.meisters.views import meister_list

pytestmark = pytest.mark.django_db
PUBLIC = ["home", "meisters:list", "programs:calls", "consultations:week", "events:list"]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


@pytest.mark.parametrize("name", PUBLIC)
def test_an_anonymous_repeat_visit_costs_no_query(name, taxonomy, django_assert_num_queries):
    make_meister(name="김용접")
    url = reverse(name)
    first = Client().get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = Client().get(url)
    assert again.status_code == 200
    assert _without_tokens(again) == _without_tokens(first)
    assert CSRF_PLACEHOLDER not in again.content.decode()


def _without_tokens(response) -> str:
    return CSRF_TOKEN.sub(lambda m: m.group(1), response.content.decode())


def test_a_stored_page_carries_the_visitors_own_csrf_token(taxonomy):
    Client().get(reverse("home"))  # stores the page under the first visitor's token
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(reverse("home")).content.decode()
    token = TOKEN.search(page).group(1)
    assert visitor.post(reverse("set_language"), {"language": "en", "next": "/",
                                                  "csrfmiddlewaretoken": token}).status_code == 302
    stranger = Client(enforce_csrf_checks=True)
    stranger.get(reverse("meisters:list"))  # has a CSRF cookie of its own
    assert stranger.post(reverse("set_language"), {"language": "en", "next": "/",
                                                   "csrfmiddlewaretoken": token}).status_code == 403


def test_signed_in_visitors_never_get_the_anonymous_page(client, taxonomy, member_a):
    Client().get(reverse("meisters:list"))
    client.force_login(member_a)
    page = client.get(reverse("meisters:list")).content.decode()
    assert "로그아웃" in page
    assert "로그아웃" not in Client().get(reverse("meisters:list")).content.decode()


def test_a_write_shows_on_the_next_anonymous_visit(taxonomy):
    assert "새마이스터" not in Client().get(reverse("meisters:list")).content.decode()
    make_meister(name="새마이스터")
    assert "새마이스터" in Client().get(reverse("meisters:list")).content.decode()


def test_a_visitor_with_a_message_waiting_gets_a_page_of_their_own(taxonomy):
    Client().get(reverse("meisters:list"))  # stored
    request = RequestFactory().get(reverse("meisters:list"))
    SessionMiddleware(lambda r: None).process_request(request)
    MessageMiddleware(lambda r: None).process_request(request)
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    info(request, "로그아웃했습니다.")
    page = meister_list(request).content.decode()
    assert "로그아웃했습니다." in page
    assert "로그아웃했습니다." not in Client().get(reverse("meisters:list")).content.decode()
