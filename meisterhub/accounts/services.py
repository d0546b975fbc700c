"""Every write to accounts; each one leaves a History row."""

from django.db import transaction

from meisterhub.core import history

from .models import Consent, Role, User

# What the sign-up form asks consent for (개인정보보호법 제15조: items and retention stated).
MEMBERSHIP_ITEMS = "성명, 이메일, 휴대전화"
MEMBERSHIP_RETENTION = "회원 탈퇴 또는 1년간 미이용 시까지"


@transaction.atomic
def register_company_member(
    *, username: str, password: str, full_name: str, email: str, phone: str = ""
) -> User:
    """Someone signs up: a company member with the membership consent they gave.

    Input is already validated by the sign-up form (password rules, e-mail not taken, phone
    normalised). Other roles are given by staff, never through sign-up. No mail is sent.
    """
    user = User(
        username=username, full_name=full_name, email=email, phone=phone,
        role=Role.COMPANY_MEMBER,
    )
    user.set_password(password)
    user.save()
    Consent.objects.create(
        user=user,
        purpose=Consent.Purpose.MEMBERSHIP,
        items=MEMBERSHIP_ITEMS,
        retention=MEMBERSHIP_RETENTION,
    )
    history.record(actor=user, action="accounts.user.signed_up", instance=user)
    return user
