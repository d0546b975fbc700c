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
