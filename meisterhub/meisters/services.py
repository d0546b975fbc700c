"""Every write to meister profiles; each one leaves a History row."""

from django.db import transaction

from meisterhub.core import history
from meisterhub.core.errors import DomainError
from meisterhub.core.uploads import stored_name, validate_image

from .models import WEEKDAYS, Field, Meister, MeisterField

PROFILE_FIELDS = ["name", "title", "career", "keywords", "certificates", "is_active", "weekdays"]


def normalize_weekdays(days) -> str:
    """Accept '월', '월요일', 0..4 or '0'..'4' in any mix; return sorted digits like '024'."""
    result = set()
    for day in days or []:
        text = str(day).strip().removesuffix("요일")
        if text in WEEKDAYS[:5]:
            result.add(str(WEEKDAYS.index(text)))
        elif text.isdigit() and 0 <= int(text) <= 4:
            result.add(text)
        else:
            raise DomainError(
                f"알 수 없는 요일입니다: {day!s} (월~금 중에서 고르세요)", field="weekdays"
            )
    return "".join(sorted(result))


def _search_text(meister: Meister, fields: list[Field]) -> str:
    parts = [meister.name, meister.title, meister.career, *meister.keywords, *meister.certificates]
    parts += [f"{f.name_ko} {f.name_en} {f.code}" for f in fields]
    return " ".join(parts).lower()


def _resolve_fields(field_codes: list[str], known: dict[str, Field] | None = None) -> list[Field]:
    """`known`: every field by code, read once by a caller that saves many meisters."""
    codes = [code.strip().upper() for code in field_codes if code and code.strip()]
    if not 1 <= len(codes) <= 3:
        raise DomainError("전문분야는 1개 이상 3개 이하로 고르세요.", field="fields")
    if len(set(codes)) != len(codes):
        raise DomainError("같은 전문분야를 두 번 고를 수 없습니다.", field="fields")
    by_code = Field.objects.in_bulk(codes) if known is None else known
    unknown = [code for code in codes if code not in by_code]
    if unknown:
        raise DomainError(f"알 수 없는 전문분야 코드입니다: {', '.join(unknown)}", field="fields")
    return [by_code[code] for code in codes]


@transaction.atomic
def save_meister(
    *,
    actor,
    roster_id: str,
    field_codes: list[str],
    photo=None,
    meister: Meister | None = None,
    known_fields: dict[str, Field] | None = None,
    **profile,
) -> Meister:
    """Create or update a meister profile by its roster id; the first field is the main one.

    An importer passes `meister` (read with its fields, meisters_by_roster_id) and
    `known_fields` (Field.objects.in_bulk()), so that updating a row reads nothing more."""
    fields = _resolve_fields(field_codes, known_fields)
    if photo:
        photo.name = stored_name(validate_image(photo))
    if "weekdays" in profile and not isinstance(profile["weekdays"], str):
        profile["weekdays"] = normalize_weekdays(profile["weekdays"])
    if not (profile.get("name") or (meister and meister.name)):
        raise DomainError("성명을 입력해 주세요.", field="name")
    if meister is None:
        meister = Meister.objects.filter(roster_id=roster_id).first()
    created = meister is None
    if created:
        meister = Meister(roster_id=roster_id)
        before, before_fields = {}, []
    else:
        before, before_fields = history.snapshot(meister), [f.code for f in meister.ordered_fields]
    for name, value in profile.items():
        if name not in PROFILE_FIELDS:
            raise DomainError(f"알 수 없는 항목입니다: {name}")
        setattr(meister, name, value)
    if photo:
        meister.photo = photo
    meister.search_text = _search_text(meister, fields)
    meister.save()
    if [f.code for f in fields] != before_fields:
        meister.field_links.all().delete()
        MeisterField.objects.bulk_create(
            MeisterField(meister=meister, field=field, order=index)
            for index, field in enumerate(fields, start=1)
        )
    changes = history.diff(before, history.snapshot(meister))
    changes.pop("search_text", None)
    changes.pop("updated_at", None)
    if [f.code for f in fields] != before_fields:
        changes["fields"] = [before_fields, [f.code for f in fields]]
    if created or changes:
        history.record(
            actor=actor,
            action="meisters.meister.created" if created else "meisters.meister.updated",
            instance=meister,
            changes=changes,
        )
    return meister


def refresh_search_text(meister: Meister) -> None:
    """Keep the free-text column in step after an edit made outside save_meister (the admin)."""
    Meister.objects.filter(pk=meister.pk).update(
        search_text=_search_text(meister, meister.ordered_fields)
    )
