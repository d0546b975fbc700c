"""Every write to accounts; each one leaves a History row."""

from django.db import IntegrityError, transaction

from meisterhub.core import history
from meisterhub.core.errors import DomainError

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
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:  # a parallel sign-up took the id or the address after the form
        raise DomainError(
            "방금 다른 가입에서 같은 아이디나 이메일을 썼습니다. 다른 값으로 다시 가입해 주세요."
        ) from None
    Consent.objects.create(
        user=user,
        purpose=Consent.Purpose.MEMBERSHIP,
        items=MEMBERSHIP_ITEMS,
        retention=MEMBERSHIP_RETENTION,
    )
    history.record(actor=user, action="accounts.user.signed_up", instance=user)
    return user
