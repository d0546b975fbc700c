"""Staff onboarding of meisters: create, edit (optimistic lock) and invite to a login account.

The invitation is Django's password-reset token for an account without a usable password:
the link opens the same set-password page as a reset (accounts/password_reset.py), and the
mail goes through the outbox like the reset mail.
"""

import hashlib
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from meisterhub.accounts.models import Role
from meisterhub.accounts.roles import require_staff
from meisterhub.core import history
from meisterhub.core.errors import DomainError
from meisterhub.core.locking import bump, check_version
from meisterhub.core.uploads import stored_name, validate_image
from meisterhub.notifications.conf import site_url
from meisterhub.notifications.services import Recipient, notify

from .models import Meister, MeisterField
from .services import (
    PROFILE_FIELDS,
    _resolve_fields,
    _search_text,
    normalize_weekdays,
    save_meister,
)

HIDDEN_CHANGES = {"search_text", "updated_at"}


MANAGE_REFUSAL = "운영자만 마이스터를 관리할 수 있습니다."


def checked_photo(photo) -> None:
    """The photo check of every meister photo (content, size), as a message beside the field."""
    try:
        photo.name = stored_name(validate_image(photo))
    except ValidationError as error:
        raise DomainError(error.messages[0], field="photo") from None


def free_email(email: str, *, owner=None) -> str:
    """The address, normalised, if no other account uses it (as e-mail or as login id)."""
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise DomainError("이메일 주소 형식이 올바르지 않습니다.", field="email") from None
    users = get_user_model().objects.filter(email__iexact=email) | get_user_model().objects.filter(
        username__iexact=email)
    if owner is not None:
        users = users.exclude(pk=owner.pk)
    if users.exists():
        raise DomainError("이미 다른 계정에서 쓰고 있는 이메일입니다.", field="email")
    return email


def _new_roster_id() -> str:
    while True:
        roster_id = f"S{uuid.uuid4().hex[:6].upper()}"
        if not Meister.objects.filter(roster_id=roster_id).exists():
            return roster_id


def create_meister(
    *, actor, field_codes: list[str], roster_id: str = "", photo=None, email: str = "",
    **profile,
) -> Meister:
    """A new meister; with an e-mail address, also the account and the invitation mail."""
    require_staff(actor, MANAGE_REFUSAL)
    roster_id = (roster_id or "").strip() or _new_roster_id()
    if Meister.objects.filter(roster_id=roster_id).exists():
        raise DomainError("이미 쓰고 있는 명부 ID입니다.", field="roster_id")
    if email:
        email = free_email(email)
    if photo:
        checked_photo(photo)
    with transaction.atomic():
        meister = save_meister(actor=actor, roster_id=roster_id, field_codes=field_codes,
                               photo=photo, **profile)
        if email:
            meister = invite_meister(actor=actor, meister=meister, email=email)
    return meister


def update_meister(
    *, actor, meister: Meister, version: int | None, field_codes: list[str], photo=None,
    **profile,
) -> Meister:
    """Save the edit form; refuses (StaleEdit) when someone saved since `version` was loaded."""
    require_staff(actor, MANAGE_REFUSAL)
    unknown = set(profile) - set(PROFILE_FIELDS)
    if unknown:
        raise DomainError(f"알 수 없는 항목입니다: {', '.join(sorted(unknown))}")
    fields = _resolve_fields(field_codes)
    if photo:
        checked_photo(photo)
    if "weekdays" in profile and not isinstance(profile["weekdays"], str):
        profile["weekdays"] = normalize_weekdays(profile["weekdays"])
    if "name" in profile and not (profile["name"] or "").strip():
        raise DomainError("성명을 입력해 주세요.", field="name")
    with transaction.atomic():
        locked = Meister.objects.select_for_update().get(pk=meister.pk)
        check_version(locked, version)
        before = history.snapshot(locked)
        before_fields = locked.ordered_fields
        for name, value in profile.items():
            setattr(locked, name, value)
        if photo:
            locked.photo = photo
        locked.search_text = _search_text(locked, fields)
        changes = {k: v for k, v in history.diff(before, history.snapshot(locked)).items()
                   if k not in HIDDEN_CHANGES}
        fields_changed = [f.code for f in fields] != [f.code for f in before_fields]
        if not (changes or fields_changed):
            return locked
        bump(locked)
        locked.save()
        if fields_changed:
            locked.field_links.all().delete()
            MeisterField.objects.bulk_create(
                MeisterField(meister=locked, field=field, order=index)
                for index, field in enumerate(fields, start=1))
        changes = {k: v for k, v in history.diff(before, history.snapshot(locked)).items()
                   if k not in HIDDEN_CHANGES}
        if fields_changed:
            changes["fields"] = [[f.name_ko for f in before_fields], [f.name_ko for f in fields]]
        history.record(actor=actor, action="meisters.meister.updated", instance=locked,
                       changes=changes)
    return locked


def invite_meister(*, actor, meister: Meister, email: str = "") -> Meister:
    """Create (or reuse) the meister's account without a password and mail a set-password link.

    Inviting again is allowed until the person has set a password; a new address given then
    replaces a mistyped one.
    """
    require_staff(actor, MANAGE_REFUSAL)
    with transaction.atomic():
        # of=self: PostgreSQL cannot lock the nullable side of the outer join to the user.
        locked = (Meister.objects.select_for_update(of=("self",)).select_related("user")
                  .get(pk=meister.pk))
        user, before_user = locked.user, locked.user_id
        if user is None:
            if not (email or "").strip():
                raise DomainError("초대할 이메일 주소를 입력하세요.", field="email")
            address = free_email(email)
            user = get_user_model()(username=address[:150], email=address,
                                    full_name=locked.name, role=Role.MEISTER)
            user.set_unusable_password()
            user.save()
            locked.user = user
        elif user.has_usable_password():
            raise DomainError("이미 계정을 쓰고 있는 마이스터입니다. 비밀번호를 잊었다면 "
                              "로그인 화면의 비밀번호 재설정을 안내하세요.")
        elif (email or "").strip() and email.strip().lower() != (user.email or "").lower():
            address = free_email(email, owner=user)
            user.email, user.username = address, address[:150]
            user.save(update_fields=["email", "username"])
        if not user.email:
            raise DomainError("계정에 이메일 주소가 없습니다. 이메일을 입력하세요.", field="email")
        before_at = locked.invited_at
        locked.invited_at = timezone.now()
        locked.save(update_fields=["user", "invited_at"])
        changes = {"invited_at": [_when(before_at), _when(locked.invited_at)]}
        if before_user != user.pk:
            changes["user"] = [before_user, user.pk]
        history.record(actor=actor, action="meisters.meister.invited", instance=locked,
                       changes=changes)
        _send_invitation(user, locked)
    return locked


def _when(moment) -> str | None:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else None


def invitation_link(user) -> tuple[str, str]:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return site_url() + reverse("accounts:password_reset_confirm", args=[uid, token]), token


def _send_invitation(user, meister: Meister) -> None:
    link, token = invitation_link(user)
    text = render_to_string("meisters/invitation_email.txt",
                            {"meister": meister, "user": user, "link": link})
    # Mail only, no inbox copy of a live link; the key holds a hash of the token, never it.
    digest = hashlib.sha256(token.encode()).hexdigest()[:20]
    notify(recipients=[Recipient(email=user.email)], kind="account",
           template="meister_invitation", record=meister, event=f"meister_invitation.{digest}",
           subject="[마이스터 허브] 마이스터 계정 초대", text=text, link=link, sensitive=True)
