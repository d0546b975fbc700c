from meisterhub.accounts.models import User
from meisterhub.core.models import History

FORM = {
    "username": "newmember",
    "full_name": "신입사원",
    "email": "new@example.kr",
    "phone": "010-2345-6789",
    "password1": "창원-기계-2026!",
    "password2": "창원-기계-2026!",
    "agree_privacy": "on",
}


def test_signup_creates_a_company_member_and_logs_in(client, db):
    response = client.post("/accounts/signup/", FORM)
    assert response.status_code == 302
    assert response["Location"] == "/companies/start/"
    user = User.objects.get(username="newmember")
    assert (user.role, user.phone, user.is_staff) == ("company_member", "+821023456789", False)
    assert History.objects.filter(action="accounts.user.signed_up", object_id=str(user.pk)).exists()
    assert client.get("/accounts/me/").status_code == 200
    consent = user.consents.get()
    assert (consent.purpose, consent.items) == ("membership", "성명, 이메일, 휴대전화")


def test_signup_without_privacy_consent_saves_nothing(client, db):
    response = client.post("/accounts/signup/", {**FORM, "agree_privacy": ""})
    assert "개인정보 수집·이용에 동의해야" in response.content.decode()
    assert not User.objects.filter(username="newmember").exists()


def test_weak_password_and_duplicate_email_are_refused(client, member_a):
    response = client.post(
        "/accounts/signup/",
        {**FORM, "email": member_a.email.upper(), "password1": "1234", "password2": "1234"},
    )
    body = response.content.decode()
    assert "이미 가입된 이메일입니다" in body
    assert response.context["form"].errors["password2"]
    assert User.objects.count() == 1


def test_login_failure_is_explained_in_korean(client, member_a):
    response = client.post("/accounts/login/", {"username": "member_a", "password": "wrong"})
    assert "아이디 또는 비밀번호가 올바르지 않습니다" in response.content.decode()


def test_my_page_requires_login(client, db):
    response = client.get("/accounts/me/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def _my_links(client) -> list[str]:
    groups = client.get("/accounts/me/").context["link_groups"]
    return [link["url"] for group in groups for link in group["links"]]


def test_my_page_links_to_each_roles_work(client, member_a, staff_user):
    client.force_login(member_a)
    member_links = _my_links(client)
    assert "/consultations/my/" in member_links
    assert not any(url.startswith("/manage/") for url in member_links)
    client.force_login(staff_user)
    staff_links = _my_links(client)
    assert "/manage/" in staff_links


def test_one_menu_item_is_current(client, taxonomy):
    from meisterhub.consultations.tests.factories import make_sitting_meister

    meister = make_sitting_meister(weekday=1)
    client.force_login(meister.user)
    menu = client.get("/consultations/meister/schedule/").context["main_menu"]
    assert [item["label"] for item in menu if item["current"]] == ["내 일정"]
