"""The admin's masking of personal data: lists, change forms, inline rows, the reveal page and
its time limit, the History log, and who may reveal at all."""

import time

import pytest
from django.contrib.admin import AdminSite
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meisterhub.accounts.admin import UserAdmin
from meisterhub.accounts.models import User
from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.core import admin_privacy
from meisterhub.core.history import record
from meisterhub.core.models import History, PersonalDataAccess
from meisterhub.network.tests.factories import make_council

pytestmark = pytest.mark.django_db

EMAIL, PHONE = "hong.gildong@example.kr", "+821056781234"


@pytest.fixture
def institution(staff_user):
    council = make_council(staff_user, members=1)
    return council.memberships.get().institution


def test_inline_contacts_are_masked_until_the_parent_is_revealed(client, staff_user, institution):
    contact = institution.contacts.get()
    client.force_login(staff_user)
    change = reverse("admin:network_institution_change", args=[institution.pk])
    html = client.get(change).content.decode()
    assert contact.email not in html and "010-2345-6700" not in html and contact.phone not in html
    assert "010-****-6700" in html
    reveal = reverse("admin:network_institution_reveal", args=[institution.pk])
    assert reveal in html
    client.post(reveal, {"reason": "협의회 실무자 변경 확인"})
    full = client.get(change).content.decode()
    assert contact.email in full
    access = PersonalDataAccess.objects.get()  # the institution itself holds none
    assert (access.content_type.model, access.object_id) == ("institutioncontact", str(contact.pk))


def test_a_revealed_record_locks_again_after_ten_minutes(client, staff_user, member_a,
                                                         monkeypatch):
    User.objects.filter(pk=member_a.pk).update(email=EMAIL)
    client.force_login(staff_user)
    change = reverse("admin:accounts_user_change", args=[member_a.pk])
    client.post(reverse("admin:accounts_user_reveal", args=[member_a.pk]), {"reason": "정정"})
    assert EMAIL in client.get(change).content.decode()
    later = time.time() + admin_privacy.REVEAL_SECONDS + 1
    monkeypatch.setattr(admin_privacy.time, "time", lambda: later)
    assert EMAIL not in client.get(change).content.decode()
    assert PersonalDataAccess.objects.count() == 1


def test_only_staff_reach_the_reveal_page(client, member_a, member_b):
    client.force_login(member_b)
    url = reverse("admin:accounts_user_reveal", args=[member_a.pk])
    response = client.post(url, {"reason": "궁금해서"})
    assert response.status_code == 302 and response["Location"].startswith("/manage/login/")
    assert not PersonalDataAccess.objects.exists()


def test_history_in_the_admin_masks_personal_changes(client, staff_user, member_a):
    entry = record(actor=staff_user, action="accounts.user.updated", instance=member_a,
                   changes={"email": ["old.name@example.kr", EMAIL], "full_name": ["가", "나"]})
    client.force_login(staff_user)
    html = client.get(reverse("admin:core_history_change", args=[entry.pk])).content.decode()
    assert EMAIL not in html and "old.name@example.kr" not in html
    assert "ho**********@example.kr" in html
    assert History.objects.filter(pk=entry.pk).exists()


def test_a_personal_column_in_a_changelist_is_masked(staff_user):
    site = AdminSite(name="privacy_test")
    site.register(User, type("ListingUserAdmin", (UserAdmin,), {
        "list_display": ["username", "email", "phone"]}))
    admin_privacy.mask_personal_data_in_admin(site)
    request = RequestFactory().get("/")
    request.user = staff_user
    columns = site._registry[User].get_list_display(request)
    assert columns[0] == "username"
    user = UserFactory(email=EMAIL, phone=PHONE)
    assert [c(user) for c in columns[1:]] == ["ho**********@example.kr", "010-****-1234"]


def test_the_user_changelist_costs_the_same_queries_for_2_or_10_users(client, staff_user):
    client.force_login(staff_user)
    url = reverse("admin:accounts_user_changelist")
    client.get(url)  # warm the session and caches
    counts = []
    for total in (2, 10):
        while User.objects.exclude(pk=staff_user.pk).count() < total:
            n = User.objects.count()
            UserFactory(username=f"listed{n}", phone=f"+82105678{1000 + n}")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
