"""Retention of personal data: accounts unused past the period are anonymised (not deleted, so
that the business records they touched keep their integrity)."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from meisterhub.core import history

from .models import Role, User


def retention_days() -> int:
    return getattr(settings, "PERSONAL_DATA_RETENTION_DAYS", 365)


def expired_accounts(now=None) -> QuerySet[User]:
    cutoff = (now or timezone.now()) - timedelta(days=retention_days())
    return (
        User.objects.filter(is_active=True, is_superuser=False)
        .exclude(role=Role.STAFF)
        .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
    )


@transaction.atomic
def anonymise(user: User, *, actor=None) -> None:
    user.username = f"anonymised-{user.pk}"
    user.full_name = "휴면·탈퇴 회원"
    user.first_name = user.last_name = ""
    user.email = ""
    user.phone = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    user.consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())
    history.record(
        actor=actor,
        action="accounts.user.anonymised",
        instance=user,
        changes={"reason": f"{retention_days()}일 이상 미이용"},
    )
