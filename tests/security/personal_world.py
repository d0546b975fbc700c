"""Personal data on the authorization world's records, and the forms a full value takes."""

from contextlib import suppress

from django.apps import apps

from meisterhub.accounts.models import User
from meisterhub.companies.models import Company
from meisterhub.core.phones import format_phone
from meisterhub.core.privacy import PERSONAL_FIELDS
from meisterhub.network.models import Inquiry

# Pages that still show a personal value in full without a log, with the reason: strict xfail,
# so a fix shows up as a pass to remove. None today.
KNOWN_UNMASKED: dict[str, str] = {}


def give_personal_data(w) -> None:
    """Every user and company gets a distinct mobile number; the inquiry keeps member A's."""
    for n, user in enumerate(User.objects.order_by("pk")):
        User.objects.filter(pk=user.pk).update(phone=f"+8210{7000 + n:04d}{1000 + n:04d}")
    for n, company in enumerate(Company.objects.order_by("pk")):
        Company.objects.filter(pk=company.pk).update(phone=f"+82552{60 + n:02d}{4000 + n:04d}")
    w.member_a.refresh_from_db()
    w.company_a.refresh_from_db()
    Inquiry.objects.filter(pk=w.inquiry.pk).update(phone=w.member_a.phone)
    w.inquiry.refresh_from_db()


def full_forms(value) -> set[str]:
    """The value as stored and as a page would print it (010-7000-1000 for +821070001000)."""
    value = str(value or "").strip()
    if not value:
        return set()
    forms = {value}
    if value.startswith("+"):
        with suppress(Exception):  # an address that is not a phone number
            forms.add(format_phone(value))
    elif value.replace("-", "").isdigit():
        forms.add(value.replace("-", ""))
    return forms


def personal_values(viewer) -> list[tuple[str, str, str, str]]:
    """(label, pk, field, full form) of every personal value in the database, but the
    viewer's own account: that one is theirs to see."""
    found = []
    for label, fields in PERSONAL_FIELDS.items():
        model = apps.get_model(label)
        for row in model.objects.values("pk", *fields):
            if label == "accounts.user" and row["pk"] == viewer.pk:
                continue
            for name in fields:
                for form in full_forms(row[name]):
                    found.append((label, str(row["pk"]), name, form))
    return found
