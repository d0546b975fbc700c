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


def test_inactive_or_passwordless_users_get_no_mail_and_the_same_answer(
        client, django_capture_on_commit_callbacks):
    UserFactory(email="active@example.kr")
    UserFactory(email="gone@example.kr", is_active=False)
    no_password = UserFactory(email="sso@example.kr")
    no_password.set_unusable_password()
    no_password.save()
    answers = [_ask(client, email, django_capture_on_commit_callbacks, ip=f"10.0.2.{i}")
               for i, email in enumerate(["active@example.kr", "gone@example.kr",
                                          "sso@example.kr"])]
    assert {(a.status_code, a["Location"]) for a in answers} == {
        (302, "/accounts/password-reset/sent/")}
    assert [m.to for m in mail.outbox] == [["active@example.kr"]]


def test_a_weak_new_password_is_refused_in_korean(client, django_capture_on_commit_callbacks):
    user = UserFactory(email="kim@example.kr")
    _ask(client, "kim@example.kr", django_capture_on_commit_callbacks)
    link = re.search(r"https://hub\.example\.kr(/accounts/password-reset/\S+/\S+/)",
                     mail.outbox[0].body)[1]
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "12345", "new_password2": "12345"})
    assert response.status_code == 200
    assert "이 비밀번호는 너무 짧습니다. 최소 10자 이상이어야 합니다." in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("test-pass-1234")


def test_the_sent_and_complete_pages_are_in_korean(client):
    sent = client.get("/accounts/password-reset/sent/").content.decode()
    assert "<h1>재설정 메일을 보냈습니다</h1>" in sent
    complete = client.get("/accounts/password-reset/complete/").content.decode()
    assert "<h1>비밀번호를 바꿨습니다</h1>" in complete
    assert reverse("accounts:login") in complete


def test_the_sixth_answer_looks_the_same_and_is_logged(
        client, django_capture_on_commit_callbacks, caplog):
    UserFactory(email="kim@example.kr")
    first = _ask(client, "nobody@example.kr", django_capture_on_commit_callbacks)
    for _ in range(4):
        _ask(client, "nobody@example.kr", django_capture_on_commit_callbacks)
    with caplog.at_level("WARNING", logger="meisterhub.accounts.password_reset"):
        sixth = _ask(client, "kim@example.kr", django_capture_on_commit_callbacks)
    assert (sixth.status_code, sixth["Location"]) == (first.status_code, first["Location"])
    assert mail.outbox == []
    assert "password reset throttled" in caplog.text
    assert "kim@example.kr" not in caplog.text


def _ask_via_proxy(client, email, forwarded, callbacks):
    with callbacks(execute=True):
        return client.post(RESET, {"email": email}, REMOTE_ADDR="127.0.0.1",
                           HTTP_X_FORWARDED_FOR=forwarded)


def test_behind_the_proxy_each_client_has_its_own_limit(
        client, django_capture_on_commit_callbacks):
    users = [UserFactory(email=f"user{i}@example.kr") for i in range(7)]
    for i, user in enumerate(users):  # seven people, one proxy: nobody is throttled
        _ask_via_proxy(client, user.email, f"203.0.113.{i}", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 7


def test_a_forged_forwarded_entry_does_not_dodge_the_limit(
        client, django_capture_on_commit_callbacks):
    users = [UserFactory(email=f"user{i}@example.kr") for i in range(6)]
    for i, user in enumerate(users):  # the proxy appends the real address on the right
        _ask_via_proxy(client, user.email, f"198.51.100.{i}, 203.0.113.9",
                       django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 5
