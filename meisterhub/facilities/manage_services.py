"""Staff writes to rooms: create, edit (optimistic lock), deactivate/reactivate, copy, photos."""

from datetime import time

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from meisterhub.accounts.roles import require_staff
from meisterhub.core.errors import DomainError
from meisterhub.core.history import diff, record, snapshot
from meisterhub.core.history_text import register_action
from meisterhub.core.locking import bump, check_version
from meisterhub.core.uploads import stored_name, validate_image

from . import conf
from .models import WEEKDAY_LABELS, BookingPolicy, Center, Facility, FacilityKind, FacilityPhoto

FACILITY_FIELDS = [
    "center", "kind", "name", "location", "description", "capacity", "equipment",
    "opening_hours", "booking_policy", "approval_required", "buffer_minutes",
]

register_action("facilities.facility.deactivated", "시설 운영 중지")
register_action("facilities.facility.reactivated", "시설 운영 재개")
register_action("facilities.facility.photo_added", "시설 사진 추가")
register_action("facilities.facility.photo_removed", "시설 사진 삭제")


MANAGE_REFUSAL = "운영자만 시설을 관리할 수 있습니다."


def clean_opening_hours(hours) -> dict:
    """{"0": ["09:00", "18:00"], ...} in HH:MM; a weekday left out is closed that day.

    Errors name the weekday's closing-time field (`closes_<day>`), where the form shows them.
    """
    if not isinstance(hours, dict):
        raise DomainError("운영 시간 형식이 올바르지 않습니다.", field="opening_hours")
    result = {}
    for key, pair in hours.items():
        day = int(key) if str(key).isdigit() else -1
        if not 0 <= day <= 6:
            raise DomainError(f"알 수 없는 요일입니다: {key} (0=월 … 6=일)", field="opening_hours")
        if not pair:
            continue
        label = f"{WEEKDAY_LABELS[day]}요일"
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise DomainError(f"{label}: 여는 시간과 닫는 시간을 함께 입력하세요.",
                              field=f"closes_{day}")
        try:
            opens, closes = (v if isinstance(v, time) else time.fromisoformat(str(v))
                             for v in pair)
        except ValueError:
            raise DomainError(f"{label}: 시간 형식이 올바르지 않습니다(예: 09:00).",
                              field=f"closes_{day}") from None
        if closes <= opens:
            raise DomainError(f"{label}: 닫는 시간은 여는 시간보다 늦어야 합니다.",
                              field=f"closes_{day}")
        result[str(day)] = [opens.strftime("%H:%M"), closes.strftime("%H:%M")]
    return dict(sorted(result.items()))


def _minutes_open(pair: list[str]) -> int:
    opens, closes = (time.fromisoformat(v) for v in pair)
    return (closes.hour * 60 + closes.minute) - (opens.hour * 60 + opens.minute)


def check_buffer(buffer_minutes: int, opening_hours: dict) -> None:
    """The gap kept between reservations: at most MAX_BUFFER_MINUTES, and shorter than the
    shortest opening day (else no reservation could ever be followed by another)."""
    limit = conf.MAX_BUFFER_MINUTES
    if not 0 <= buffer_minutes <= limit:
        raise DomainError(f"정리 시간은 0분에서 {limit}분 사이로 입력하세요.",
                          field="buffer_minutes")
    if buffer_minutes and opening_hours:
        shortest = min(_minutes_open(pair) for pair in opening_hours.values())
        if buffer_minutes >= shortest:
            raise DomainError(
                f"정리 시간({buffer_minutes}분)이 가장 짧은 운영 시간({shortest}분)보다 깁니다.",
                field="buffer_minutes")


def _choice(value, choices, field: str, label: str) -> str:
    if value not in choices.values:
        raise DomainError(f"알 수 없는 {label}입니다: {value}", field=field)
    return value


def clean_facility_values(values: dict) -> dict:
    """The room's fields checked and normalised; each rule names the field it concerns."""
    unknown = set(values) - set(FACILITY_FIELDS)
    if unknown:
        raise DomainError(f"알 수 없는 항목입니다: {', '.join(sorted(unknown))}")
    data = dict(values)
    data["name"] = (data.get("name") or "").strip()
    if not data["name"]:
        raise DomainError("시설명을 입력하세요.", field="name")
    if len(data["name"]) > 60:
        raise DomainError("시설명은 60자 이내로 입력하세요.", field="name")
    data["center"] = _choice(data.get("center"), Center, "center", "센터")
    data["kind"] = _choice(data.get("kind"), FacilityKind, "kind", "시설 유형")
    data["booking_policy"] = _choice(
        data.get("booking_policy") or BookingPolicy.MEMBERS, BookingPolicy, "booking_policy",
        "예약 가능 대상")
    capacity = data.get("capacity")
    if not isinstance(capacity, int) or not 1 <= capacity <= conf.MAX_CAPACITY:
        raise DomainError(f"수용 인원은 1명에서 {conf.MAX_CAPACITY}명 사이로 입력하세요.",
                          field="capacity")
    data["location"] = (data.get("location") or "").strip()[:100]
    data["description"] = (data.get("description") or "").strip()
    data["equipment"] = [str(item).strip() for item in data.get("equipment") or []
                         if str(item).strip()]
    data["approval_required"] = bool(data.get("approval_required"))
    data["opening_hours"] = clean_opening_hours(data.get("opening_hours") or {})
    buffer_minutes = data.get("buffer_minutes") or 0
    if not isinstance(buffer_minutes, int):
        raise DomainError("정리 시간은 분 단위 숫자로 입력하세요.", field="buffer_minutes")
    check_buffer(buffer_minutes, data["opening_hours"])
    data["buffer_minutes"] = buffer_minutes
    return data


def _checked_photo(upload):
    """The same content check as every facility photo (admin, service): by content, not name."""
    try:
        content_type = validate_image(upload, max_bytes=conf.FACILITY_PHOTO_MAX_BYTES)
    except ValidationError as error:
        raise DomainError(error.messages[0], field="photo") from None
    upload.name = stored_name(content_type)
    return content_type


def _store_photo(actor, facility: Facility, upload, content_type: str, caption: str):
    photo = FacilityPhoto.objects.create(
        facility=facility, image=upload, content_type=content_type,
        caption=(caption or "").strip()[:100], order=facility.photos.count())
    record(actor=actor, action="facilities.facility.photo_added", instance=facility,
           changes={"사진": photo.caption or "사진 1장"})
    return photo


def create_facility(*, actor, photo=None, photo_caption: str = "", **values) -> Facility:
    require_staff(actor, MANAGE_REFUSAL)
    data = clean_facility_values(values)
    content_type = _checked_photo(photo) if photo else None
    with transaction.atomic():
        facility = Facility.objects.create(**data)
        record(actor=actor, action="facilities.facility.created", instance=facility,
               changes=snapshot(facility, FACILITY_FIELDS))
        if photo:
            _store_photo(actor, facility, photo, content_type, photo_caption)
    return facility


def update_facility(*, actor, facility: Facility, version: int | None, **values) -> Facility:
    """Save the edit form; refuses (StaleEdit) when someone saved since `version` was loaded."""
    require_staff(actor, MANAGE_REFUSAL)
    data = clean_facility_values(values)
    with transaction.atomic():
        locked = Facility.objects.select_for_update().get(pk=facility.pk)
        check_version(locked, version)
        before = snapshot(locked)
        for name, value in data.items():
            setattr(locked, name, value)
        changes = diff(before, snapshot(locked))
        if changes:
            bump(locked)
            locked.save()
            record(actor=actor, action="facilities.facility.updated", instance=locked,
                   changes=diff(before, snapshot(locked)))
    return locked


def set_facility_active(*, actor, facility: Facility, active: bool) -> Facility:
    """Stop or resume taking reservations; existing reservations stay as they are."""
    require_staff(actor, MANAGE_REFUSAL)
    with transaction.atomic():
        locked = Facility.objects.select_for_update().get(pk=facility.pk)
        if locked.is_active == active:
            raise DomainError("이미 운영 중인 시설입니다." if active else "이미 운영을 멈춘 시설입니다.")
        before = snapshot(locked)
        locked.is_active = active
        bump(locked)
        locked.save(update_fields=["is_active", "version"])
        verb = "reactivated" if active else "deactivated"
        record(actor=actor, action=f"facilities.facility.{verb}", instance=locked,
               changes=diff(before, snapshot(locked)))
    return locked


def copy_facility(*, actor, facility: Facility) -> Facility:
    """A new room with the same settings and photos, not yet taking reservations."""
    require_staff(actor, MANAGE_REFUSAL)
    with transaction.atomic():
        values = {name: getattr(facility, name) for name in FACILITY_FIELDS}
        values["name"] = f"{facility.name} (사본)"[:60]
        copy = Facility.objects.create(**values, is_active=False, order=facility.order)
        for photo in facility.photos.all():
            with photo.image.open("rb") as handle:
                content = ContentFile(handle.read(), name=stored_name(photo.content_type))
            FacilityPhoto.objects.create(facility=copy, image=content, caption=photo.caption,
                                         content_type=photo.content_type, order=photo.order)
        changes = snapshot(copy, [*FACILITY_FIELDS, "is_active"])
        record(actor=actor, action="facilities.facility.copied", instance=copy, changes=changes)
    return copy


def add_photo(*, actor, facility: Facility, upload, caption: str = "") -> FacilityPhoto:
    require_staff(actor, MANAGE_REFUSAL)
    content_type = _checked_photo(upload)
    with transaction.atomic():
        return _store_photo(actor, facility, upload, content_type, caption)


def remove_photo(*, actor, photo: FacilityPhoto) -> None:
    require_staff(actor, MANAGE_REFUSAL)
    facility, label, name = photo.facility, photo.caption or "사진 1장", photo.image.name
    with transaction.atomic():
        photo.delete()
        record(actor=actor, action="facilities.facility.photo_removed", instance=facility,
               changes={"사진": [label, None]})
        transaction.on_commit(lambda: photo.image.storage.delete(name))
