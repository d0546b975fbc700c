import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.notifications.models import Message

pytestmark = pytest.mark.django_db

RESET = "/accounts/password-reset/"


@pytest.fixture(autouse=True)
def _fresh_limits(settings):
    settings.SITE_URL = "https://hub.example.kr"
    cache.clear()
    yield
    cache.clear()


def _ask(client, email, django_capture_on_commit_callbacks, ip="10.0.0.1"):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(RESET, {"email": email}, REMOTE_ADDR=ip)


def test_reset_mail_has_an_absolute_single_use_link_that_sets_a_new_password(
        client, django_capture_on_commit_callbacks):
    user = UserFactory(email="kim@example.kr")
    user.set_password("old-password-2026!")
    user.save()
    page = client.get(RESET).content.decode()
    assert "<h1>비밀번호 재설정</h1>" in page
    response = _ask(client, "kim@example.kr", django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"] == "/accounts/password-reset/sent/"
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    link = re.search(r"https://hub\.example\.kr/accounts/password-reset/\S+/\S+/", sent.body)[0]
    assert link in sent.alternatives[0][0]
    row = Message.objects.get(template="password_reset")
    assert row.sensitive and row.status == "sent" and "token" not in row.key
    assert not Message.objects.filter(template="password_reset", channel="inapp").exists()

    form_page = client.get(link.removeprefix("https://hub.example.kr"), follow=True)
    assert "새 비밀번호 정하기" in form_page.content.decode()
    done = client.post(form_page.redirect_chain[-1][0], {
        "new_password1": "Brand-new-pass-77", "new_password2": "Brand-new-pass-77"})
    assert done.status_code == 302 and done["Location"] == "/accounts/password-reset/complete/"
    user.refresh_from_db()
    assert user.check_password("Brand-new-pass-77") and not user.check_password("old-password-2026!")
    again = client.get(link.removeprefix("https://hub.example.kr"), follow=True).content.decode()
    assert "이미 사용했거나 만료되었습니다" in again


def test_unknown_address_gets_the_same_answer_and_no_mail(
        client, django_capture_on_commit_callbacks):
    UserFactory(email="kim@example.kr")
    known = _ask(client, "kim@example.kr", django_capture_on_commit_callbacks, ip="10.0.0.2")
    unknown = _ask(client, "nobody@example.kr", django_capture_on_commit_callbacks, ip="10.0.0.3")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [m.to for m in mail.outbox] == [["kim@example.kr"]]


def test_one_address_is_throttled_after_five_requests(client, django_capture_on_commit_callbacks):
    users = [UserFactory(email=f"user{i}@example.kr") for i in range(6)]
    answers = [_ask(client, u.email, django_capture_on_commit_callbacks) for u in users]
    assert {a["Location"] for a in answers} == {"/accounts/password-reset/sent/"}
    assert len(mail.outbox) == 5
    assert mail.outbox[-1].to == ["user4@example.kr"]


def test_one_mailbox_gets_at_most_three_mails_an_hour(
        client, django_capture_on_commit_callbacks, monkeypatch):
    from datetime import datetime, timedelta

    from django.contrib.auth.tokens import default_token_generator

    UserFactory(email="kim@example.kr")
    start = datetime(2026, 12, 2, 9, 0)  # noqa: DTZ001 - Django's token clock is naive
    for i in range(5):  # a minute apart: each request has its own token
        monkeypatch.setattr(default_token_generator, "_now",
                            lambda i=i: start + timedelta(minutes=i))
        _ask(client, "kim@example.kr", django_capture_on_commit_callbacks, ip=f"10.0.1.{i}")
    assert len(mail.outbox) == 3


def test_the_login_page_links_to_the_reset(client):
    assert reverse("accounts:password_reset") in client.get("/accounts/login/").content.decode()
