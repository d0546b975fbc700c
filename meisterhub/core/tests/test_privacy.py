from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from meisterhub.accounts.models import Consent, User
from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.core.models import History, PersonalDataAccess
from meisterhub.core.privacy import mask_email, mask_value


def test_masks_for_lists():
    assert mask_email("hong.gildong@example.kr") == "ho**********@example.kr"
    assert mask_email("ab@x.kr") == "a*@x.kr"  # short local parts still hide a letter
    assert mask_email("") == ""
    assert mask_value("+821012345678") == "010-****-5678"
    assert mask_value("") == ""


def test_staff_full_view_needs_a_reason_and_is_logged(client, staff_user, member_a):
    member_a.phone = "+821012345678"
    member_a.save()
    client.force_login(staff_user)
    url = f"/privacy/reveal/accounts.user/{member_a.pk}/"

    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 400
    assert "열람 사유를 입력해 주세요" in refused.content.decode()
    assert PersonalDataAccess.objects.count() == 0

    shown = client.post(url, {"reason": "상담 일정 변경 안내"})
    assert "+821012345678" in shown.content.decode()
    log = PersonalDataAccess.objects.get()
    assert (log.actor, log.object_id, log.reason) == (
        staff_user,
        str(member_a.pk),
        "상담 일정 변경 안내",
    )
    assert log.fields == ["email", "phone"]


@pytest.mark.parametrize("who", ["member_b", "anonymous"])
def test_others_cannot_reveal_personal_data(client, member_a, member_b, who):
    if who == "member_b":
        client.force_login(member_b)
    response = client.post(f"/privacy/reveal/accounts.user/{member_a.pk}/", {"reason": "궁금해서"})
    assert response.status_code in {302, 404}
    assert PersonalDataAccess.objects.count() == 0


def test_retention_anonymises_long_unused_accounts_only(db, staff_user):
    old = UserFactory(username="old", email="old@example.kr", phone="+821011112222")
    Consent.objects.create(user=old, purpose="membership", items="성명", retention="1년")
    User.objects.filter(pk=old.pk).update(last_login=timezone.now() - timedelta(days=400))
    recent = UserFactory(username="recent")
    User.objects.filter(pk=recent.pk).update(last_login=timezone.now() - timedelta(days=10))
    User.objects.filter(pk=staff_user.pk).update(last_login=timezone.now() - timedelta(days=900))

    call_command("apply_retention")

    old.refresh_from_db()
    assert (old.username, old.email, old.phone, old.is_active) == (
        f"anonymised-{old.pk}",
        "",
        "",
        False,
    )
    assert old.consents.get().withdrawn_at is not None
    assert History.objects.filter(action="accounts.user.anonymised", object_id=str(old.pk)).exists()
    assert User.objects.get(pk=recent.pk).email == "recent@example.kr"
    assert User.objects.get(pk=staff_user.pk).is_active
