import pytest

from meisterhub.accounts import services
from meisterhub.accounts.models import Consent, User
from meisterhub.core.models import History

NEW_MEMBER = {
    "username": "newmember",
    "password": "창원-기계-2026!",
    "full_name": "신입사원",
    "email": "new@example.kr",
    "phone": "+821023456789",
}


def test_registering_writes_the_member_their_consent_and_the_history(db):
    user = services.register_company_member(**NEW_MEMBER)

    user.refresh_from_db()
    assert (user.username, user.full_name, user.email, user.phone, user.role) == (
        "newmember", "신입사원", "new@example.kr", "+821023456789", "company_member")
    assert (user.is_staff, user.is_superuser) == (False, False)
    assert user.check_password("창원-기계-2026!")
    consent = user.consents.get()
    assert (consent.purpose, consent.items, consent.retention, consent.withdrawn_at) == (
        "membership", "성명, 이메일, 휴대전화", "회원 탈퇴 또는 1년간 미이용 시까지", None)
    entry = History.objects.get()
    assert (entry.actor, entry.action, entry.object_id, entry.changes) == (
        user, "accounts.user.signed_up", str(user.pk), {})


@pytest.mark.parametrize("failing", ["consent", "history"])
def test_a_failure_midway_leaves_no_user_no_consent_and_no_history(db, monkeypatch, failing):
    def boom(*args, **kwargs):
        raise RuntimeError("midway")

    if failing == "consent":
        monkeypatch.setattr(Consent.objects, "create", boom)
    else:
        monkeypatch.setattr(services.history, "record", boom)

    with pytest.raises(RuntimeError, match="midway"):
        services.register_company_member(**NEW_MEMBER)

    assert not User.objects.exists()
    assert not Consent.objects.exists()
    assert not History.objects.exists()


def test_the_database_keeps_one_account_per_address_whatever_its_case(db):
    """The form checks first; under a race both sign-ups pass it, and the constraint decides."""
    from django.db import IntegrityError, transaction

    services.register_company_member(**NEW_MEMBER)
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="other", email="NEW@example.kr")
    User.objects.create(username="no_mail_1", email="")  # accounts without mail stay possible
    User.objects.create(username="no_mail_2", email="")
    assert User.objects.count() == 3


def test_a_sign_up_that_loses_the_race_is_told_so_and_writes_nothing(db):
    from meisterhub.core.errors import DomainError

    services.register_company_member(**NEW_MEMBER)
    # the second sign-up's form ran before the first committed: it saw the address free
    with pytest.raises(DomainError) as refused:
        services.register_company_member(**{**NEW_MEMBER, "username": "second"})
    assert "같은 아이디나 이메일" in refused.value.message
    assert list(User.objects.values_list("username", flat=True)) == ["newmember"]
    assert Consent.objects.count() == 1 and History.objects.count() == 1
