"""Staff onboarding of meisters: services, pages and API (create, edit with locking, invite)."""

import io
import json
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.core.errors import DomainError
from meisterhub.core.history import history_of
from meisterhub.core.locking import StaleEdit
from meisterhub.meisters.manage_services import create_meister, invite_meister, update_meister
from meisterhub.meisters.models import Meister
from meisterhub.notifications.models import Message

from .factories import make_meister

pytestmark = pytest.mark.django_db

PROFILE = {"name": "김용접", "title": "기술사", "career": "발전설비 용접 28년",
           "keywords": ["TIG"], "certificates": ["용접기술사"], "weekdays": ["월", "수"]}


@pytest.fixture(autouse=True)
def _site(settings, taxonomy):
    settings.SITE_URL = "https://hub.example.kr"


def jpeg() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "JPEG")
    return SimpleUploadedFile("me.jpg", buffer.getvalue(), "image/jpeg")


def form_data(**overrides) -> dict:
    data = {"name": "박금형", "title": "명장", "field_1": "MOLD", "field_2": "WELD",
            "career": "금형 30년", "keywords": "사출, 프레스", "certificates": "금형기능장",
            "weekdays": ["1", "3"]}
    data.update(overrides)
    return data


def sent_link(outbox) -> str:
    return re.search(r"https://hub\.example\.kr(/accounts/password-reset/\S+/\S+/)",
                     outbox[-1].body)[1]


# Services


def test_staff_create_and_invite_a_meister_in_one_step(
        staff_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        meister = create_meister(actor=staff_user, field_codes=["WELD", "NDT"],
                                 email="Kim@Example.kr", **PROFILE)
    user = meister.user
    assert (user.email, user.role, user.has_usable_password()) == ("kim@example.kr", "meister",
                                                                   False)
    assert meister.invitation_status == "초대됨" and meister.invited_at is not None
    assert [f.code for f in meister.ordered_fields] == ["WELD", "NDT"]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["kim@example.kr"]
    assert "/accounts/password-reset/" in mail.outbox[0].body
    row = Message.objects.get(template="meister_invitation")
    assert row.sensitive and row.status == "sent" and row.recipient is None
    assert [e.action for e in history_of(meister)] == [
        "meisters.meister.invited", "meisters.meister.created"]


@pytest.mark.parametrize(("values", "field", "message"), [
    ({"field_codes": []}, "fields", "전문분야는 1개 이상 3개 이하로 고르세요."),
    ({"email": "taken@example.kr"}, "email", "이미 다른 계정에서 쓰고 있는 이메일입니다."),
    ({"email": "not-an-address"}, "email", "이메일 주소 형식이 올바르지 않습니다."),
    ({"photo": SimpleUploadedFile("a.jpg", b"MZ\x90\x00 not a photo", "image/jpeg")}, "photo",
     "이미지 파일이 아닙니다. JPG, PNG, WEBP, GIF 사진만 올릴 수 있습니다."),
])
def test_bad_meister_input_is_refused_and_nothing_is_saved(
        staff_user, values, field, message, django_capture_on_commit_callbacks):
    UserFactory(email="Taken@example.kr")
    users = staff_user.__class__.objects.count()
    args = {"field_codes": ["WELD"], **PROFILE, **values}
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError) as caught:
        create_meister(actor=staff_user, **args)
    assert (caught.value.field, caught.value.message) == (field, message)
    assert not Meister.objects.exists() and staff_user.__class__.objects.count() == users
    assert not mail.outbox


def test_a_too_large_photo_is_refused(staff_user, settings):
    settings.MEISTER_PHOTO_MAX_BYTES = 100
    with pytest.raises(DomainError) as caught:
        create_meister(actor=staff_user, field_codes=["WELD"], photo=jpeg(), **PROFILE)
    assert caught.value.field == "photo" and "너무 큽니다" in caught.value.message
    assert not Meister.objects.exists()


def test_reinvite_sends_a_new_mail_until_the_password_is_set(
        staff_user, client, django_capture_on_commit_callbacks):
    meister = make_meister(name="이도금")
    with django_capture_on_commit_callbacks(execute=True):
        invite_meister(actor=staff_user, meister=meister, email="lee@example.kr")
    first = sent_link(mail.outbox)
    # A corrected address replaces the first one while no password is set yet.
    with django_capture_on_commit_callbacks(execute=True):
        invite_meister(actor=staff_user, meister=meister, email="lee2@example.kr")
    assert len(mail.outbox) == 2 and mail.outbox[1].to == ["lee2@example.kr"]
    meister.refresh_from_db()
    assert meister.user.email == "lee2@example.kr"
    # The link to the mistyped address no longer works (the token covers the address).
    assert "이미 사용했거나 만료되었습니다" in client.get(first, follow=True).content.decode()
    form = client.get(sent_link(mail.outbox), follow=True)
    client.post(form.redirect_chain[-1][0],
                {"new_password1": "Meister-pass-2026", "new_password2": "Meister-pass-2026"})
    meister.refresh_from_db()
    assert meister.invitation_status == "계정 활성"
    with pytest.raises(DomainError) as caught:
        invite_meister(actor=staff_user, meister=meister)
    assert "이미 계정을 쓰고 있는 마이스터입니다" in caught.value.message
    assert len(mail.outbox) == 2


def test_only_staff_onboard_meisters(member_a):
    with pytest.raises(DomainError) as caught:
        create_meister(actor=member_a, field_codes=["WELD"], **PROFILE)
    assert caught.value.code == "forbidden" and not Meister.objects.exists()


def test_a_stale_meister_edit_is_refused_with_the_changes(staff_user):
    meister = create_meister(actor=staff_user, field_codes=["WELD"], **PROFILE)
    update_meister(actor=staff_user, meister=meister, version=1, field_codes=["WELD", "NDT"],
                   **{**PROFILE, "title": "명장"})
    with pytest.raises(StaleEdit) as caught:
        update_meister(actor=staff_user, meister=meister, version=1, field_codes=["WELD"],
                       **PROFILE)
    assert "직함(기술사 → 명장)" in caught.value.message
    assert "전문분야(용접 → 용접, 비파괴검사)" in caught.value.message
    meister.refresh_from_db()
    assert (meister.title, meister.version) == ("명장", 2)
    assert "ndt" in meister.search_text


# Pages


def test_staff_create_a_meister_in_the_page_and_invite(
        client, staff_user, django_capture_on_commit_callbacks):
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("meisters:manage_create"),
                               form_data(photo=jpeg(), email="park@example.kr"))
    meister = Meister.objects.get()
    assert response.status_code == 302
    assert [f.code for f in meister.ordered_fields] == ["MOLD", "WELD"]
    assert (meister.weekdays, meister.keywords) == ("13", ["사출", "프레스"])
    assert meister.photo.name.endswith(".jpg") and "me.jpg" not in meister.photo.name
    assert mail.outbox[0].to == ["park@example.kr"]
    page = client.get(response["Location"]).content.decode()
    assert 'data-invitation="초대됨"' in page and "다시 초대" in page
    assert "마이스터 초대" in page and "변경 이력" in page


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"field_1": ""}, "field_1", "전문분야를 하나 이상 고르세요."),
    ({"email": "taken@example.kr"}, "email", "이미 다른 계정에서 쓰고 있는 이메일입니다."),
    ({"photo": SimpleUploadedFile("x.png", b"plain text", "image/png")}, "photo",
     "이미지 파일이 아닙니다"),
    ({"field_2": "MOLD"}, "field_1", "같은 전문분야를 두 번 고를 수 없습니다."),
])
def test_bad_input_on_the_page_is_shown_beside_the_field(client, staff_user, data, field, message):
    UserFactory(email="taken@example.kr")
    client.force_login(staff_user)
    response = client.post(reverse("meisters:manage_create"), form_data(**data))
    body = response.content.decode()
    assert response.status_code == 200
    block = body[body.index(f'for="id_{field}"'):]
    end = block.find('class="form-group')
    assert block.index(message) < (end if end > 0 else block.index("</form>"))
    assert 'value="박금형"' in body
    assert not Meister.objects.exists()


def test_a_stale_edit_page_keeps_the_input_and_lists_the_changes(client, staff_user):
    meister = create_meister(actor=staff_user, field_codes=["WELD"], **PROFILE)
    update_meister(actor=staff_user, meister=meister, version=1, field_codes=["WELD"],
                   **{**PROFILE, "career": "새 경력"})
    client.force_login(staff_user)
    url = reverse("meisters:manage_edit", args=[meister.pk])
    response = client.post(url, form_data(name="김용접 수정", version="1", is_active="on"))
    body = response.content.decode()
    assert "다른 사용자가 먼저 저장했습니다" in body and "경력(발전설비 용접 28년 → 새 경력)" in body
    assert 'value="김용접 수정"' in body
    meister.refresh_from_db()
    assert meister.name == "김용접"


def test_meister_pages_are_for_staff_only(client, member_a):
    meister = make_meister()
    client.force_login(member_a)
    assert client.get(reverse("meisters:manage_list")).status_code == 403
    response = client.post(reverse("meisters:manage_invite", args=[meister.pk]),
                           {"email": "x@example.kr"})
    assert response.status_code == 403
    meister.refresh_from_db()
    assert meister.user is None


@pytest.mark.parametrize("rows", [2, 10])
def test_staff_list_runs_the_same_queries_for_2_or_10_meisters(
        client, staff_user, rows, django_assert_num_queries):
    for n in range(rows):
        meister = make_meister(fields=["WELD", "NDT"])
        if n % 2:
            meister.user = UserFactory(role="meister", email=f"m{n}@example.kr")
            meister.save(update_fields=["user"])
    client.force_login(staff_user)
    # session, user, count, page of meisters with accounts, their fields
    with django_assert_num_queries(5):
        response = client.get(reverse("meisters:manage_list"))
    assert response.content.decode().count("data-meister=") == rows


def test_list_search_finds_by_name_email_and_state(client, staff_user):
    kim = make_meister(name="김용접")
    kim.user = UserFactory(role="meister", email="kim@example.kr")
    kim.save(update_fields=["user"])
    make_meister(name="박열처리", is_active=False)
    client.force_login(staff_user)

    def names(**params):
        body = client.get(reverse("meisters:manage_list"), params,
                          HTTP_HX_REQUEST="true").content.decode()
        return [n for n in ("김용접", "박열처리") if n in body]

    assert names(q="kim@example") == ["김용접"]
    assert names(q="열처리") == ["박열처리"]
    assert names(state="no_account") == ["박열처리"]
    assert names(state="inactive") == ["박열처리"]


# API


def _json(client, method, url, body):
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


def test_api_create_edit_invite_and_conflict(client, staff_user, django_capture_on_commit_callbacks):
    client.force_login(staff_user)
    body = {"name": "최주조", "title": "명장", "fields": ["CAST"], "weekdays": ["1"]}
    created = _json(client, "post", "/api/meisters/manage/", body)
    assert created.status_code == 201 and created.json()["invitation_status"] == "계정 없음"
    url = f"/api/meisters/manage/{created.json()['id']}"
    assert _json(client, "put", url, {**body, "title": "기능장", "version": 1}).status_code == 200
    stale = _json(client, "put", url, {**body, "career": "x", "version": 1})
    assert stale.status_code == 409 and "직함(명장 → 기능장)" in stale.json()["detail"]
    with django_capture_on_commit_callbacks(execute=True):
        invited = _json(client, "post", f"{url}/invite", {"email": "choi@example.kr"})
    assert invited.status_code == 200 and invited.json()["invitation_status"] == "초대됨"
    assert mail.outbox[-1].to == ["choi@example.kr"]
    assert client.get(url).json()["history"][0]["text"].startswith("마이스터 초대")


def test_api_bad_input_is_400_with_a_korean_detail(client, staff_user):
    client.force_login(staff_user)
    response = _json(client, "post", "/api/meisters/manage/",
                     {"name": "최주조", "title": "명장", "fields": []})
    assert response.status_code == 400
    assert response.json()["detail"] == "전문분야는 1개 이상 3개 이하로 고르세요."
    assert not Meister.objects.exists()


def test_api_refuses_other_roles(client, member_a):
    meister = make_meister()
    assert client.get("/api/meisters/manage/").status_code == 401
    client.force_login(member_a)
    assert client.get("/api/meisters/manage/").status_code == 403
    response = _json(client, "post", f"/api/meisters/manage/{meister.pk}/invite",
                     {"email": "x@example.kr"})
    assert response.status_code == 403
    meister.refresh_from_db()
    assert meister.user is None
