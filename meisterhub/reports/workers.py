"""Every write to the skilled-worker database; one History row each."""

import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from meisterhub.accounts.roles import require_staff
from meisterhub.companies.models import District
from meisterhub.core import history
from meisterhub.core.errors import DomainError
from meisterhub.core.phones import normalize_phone

from . import conf
from .models import Certificate, CertificateLevel, SkilledWorker

# Longest suffix first: 산업기사 before 기사.
LEVEL_SUFFIXES = [
    ("산업기사", CertificateLevel.INDUSTRIAL_ENGINEER),
    ("기능사", CertificateLevel.CRAFTSMAN),
    ("기능장", CertificateLevel.MASTER_CRAFTSMAN),
    ("기술사", CertificateLevel.PROFESSIONAL_ENGINEER),
    ("명장", CertificateLevel.GRAND_MASTER),
    ("기사", CertificateLevel.ENGINEER),
]
CERTIFICATE_PATTERN = re.compile(r"^\s*(?P<name>[^()]+?)\s*(?:\((?P<year>\d{4})\))?\s*$")


@dataclass
class CertificateData:
    level: str
    name: str
    acquired_year: int | None = None


def level_of(name: str) -> str:
    for suffix, level in LEVEL_SUFFIXES:
        if name.endswith(suffix):
            return level
    raise DomainError(
        f"자격명 '{name}'의 등급을 알 수 없습니다 (기능사, 산업기사, 기사, 기능장, 기술사, 명장으로 끝나야 합니다)."
    )


def parse_certificates(text: str) -> list[CertificateData]:
    """'용접기능장(2015); 일반기계기사(2010)' -> certificate rows."""
    result = []
    for part in re.split(r"[;|\n]", text or ""):
        if not part.strip():
            continue
        match = CERTIFICATE_PATTERN.match(part)
        if match is None:
            raise DomainError(f"자격 '{part.strip()}'의 형식이 올바르지 않습니다 (예: 용접기능장(2015)).")
        year = int(match["year"]) if match["year"] else None
        result.append(CertificateData(level_of(match["name"]), match["name"], year))
    names = [c.name for c in result]
    if len(set(names)) != len(names):
        raise DomainError("같은 자격이 두 번 적혀 있습니다.")
    return result


def check_consent(given_on: date | None, expires_on: date | None, purpose: str, *, today=None):
    today = today or timezone.localdate()
    if not given_on or not expires_on or not (purpose or "").strip():
        raise DomainError(
            "개인정보 수집·이용 동의(동의일, 목적, 만료일)가 없어 등록할 수 없습니다.", field="consent"
        )
    if given_on > today:
        raise DomainError("동의일이 미래입니다. 동의일을 확인해 주세요.", field="consent")
    if expires_on <= today:
        raise DomainError("개인정보 동의 기간이 만료되어 등록할 수 없습니다.", field="consent")
    if expires_on <= given_on:
        raise DomainError("동의 만료일은 동의일보다 뒤여야 합니다.", field="consent")
    if (expires_on - given_on).days > conf.CONSENT_MAX_YEARS * 366:
        raise DomainError(
            f"동의 기간은 {conf.CONSENT_MAX_YEARS}년을 넘을 수 없습니다.", field="consent"
        )


def clean_worker(data: dict, *, today=None) -> dict:
    """Normalise one worker's data, or raise DomainError with a Korean reason."""
    today = today or timezone.localdate()
    name = (data.get("name") or "").strip()
    if not name:
        raise DomainError("성명을 입력해 주세요.", field="name")
    birth_year = data.get("birth_year")
    if not isinstance(birth_year, int) or not 1920 <= birth_year <= today.year - 15:
        raise DomainError("출생 연도를 확인해 주세요 (예: 1968).", field="birth_year")
    try:
        phone = normalize_phone(data.get("phone") or "")
    except ValidationError as exc:
        raise DomainError(exc.messages[0], field="phone") from None
    if not phone:
        raise DomainError("휴대전화 번호를 입력해 주세요.", field="phone")
    if data.get("district") not in District.values:
        raise DomainError("거주지(구)를 목록에서 골라 주세요.", field="district")
    years = data.get("years_of_experience", 0)
    if not isinstance(years, int) or not 0 <= years <= 70:
        raise DomainError("경력(년)은 0~70 사이의 숫자여야 합니다.", field="years_of_experience")
    check_consent(
        data.get("consent_given_on"), data.get("consent_expires_on"),
        data.get("consent_purpose", ""), today=today,
    )
    return {
        "name": name, "birth_year": birth_year, "phone": phone,
        "email": (data.get("email") or "").strip().lower(), "district": data["district"],
        "years_of_experience": years,
        "willing_to_mentor": bool(data.get("willing_to_mentor")),
        "willing_to_teach": bool(data.get("willing_to_teach")),
        "consent_given_on": data["consent_given_on"],
        "consent_purpose": data["consent_purpose"].strip(),
        "consent_expires_on": data["consent_expires_on"],
    }


def duplicate_message(name: str, birth_year: int) -> str:
    return f"이미 등록된 사람입니다 ({name}, {birth_year}년생, 같은 휴대전화)."


@transaction.atomic
def register_skilled_worker(
    *, actor, data: dict, field_codes: list[str], certificates: list[CertificateData]
) -> SkilledWorker:
    require_staff(actor, "운영자만 기능인력을 등록할 수 있습니다.")
    clean = clean_worker(data)
    if SkilledWorker.objects.filter(
        name=clean["name"], birth_year=clean["birth_year"], phone=clean["phone"]
    ).exists():
        raise DomainError(duplicate_message(clean["name"], clean["birth_year"]), code="duplicate")
    try:
        with transaction.atomic():
            worker = SkilledWorker.objects.create(**clean)
    except IntegrityError:
        raise DomainError(duplicate_message(clean["name"], clean["birth_year"]), code="duplicate") from None
    worker.fields.set(field_codes)
    Certificate.objects.bulk_create(
        [Certificate(worker=worker, level=c.level, name=c.name, acquired_year=c.acquired_year)
         for c in certificates]
    )
    after = history.snapshot(worker)
    after.update(phone="***", email="***" if worker.email else "")
    history.record(
        actor=actor, action="reports.skilledworker.created", instance=worker,
        changes=history.diff({}, after)
        | {"fields": [None, field_codes], "certificates": [None, [c.name for c in certificates]]},
    )
    return worker


def _masked(snapshot: dict) -> dict:
    return snapshot | {"phone": "***", "email": "***" if snapshot.get("email") else ""}


@transaction.atomic
def update_skilled_worker(
    *, actor, worker: SkilledWorker, changes: dict, field_codes: list[str] | None = None,
    certificates: list[CertificateData] | None = None,
) -> SkilledWorker:
    """Change a registered worker (an import with '있으면 고친다'); None leaves a list alone.

    Name, birth year and phone are who the person is: they are not changed here.
    """
    require_staff(actor, "운영자만 기능인력을 고칠 수 있습니다.")
    worker = SkilledWorker.objects.select_for_update().get(pk=worker.pk)
    before_fields = sorted(worker.fields.values_list("code", flat=True))
    before_certificates = sorted(worker.certificates.values_list("name", flat=True))
    current = {f.name: getattr(worker, f.attname) for f in SkilledWorker._meta.concrete_fields}
    clean = clean_worker(current | changes | {"phone": worker.phone})
    clean = {k: v for k, v in clean.items() if k not in ("name", "birth_year", "phone")}
    before = history.snapshot(worker)
    for name, value in clean.items():
        setattr(worker, name, value)
    worker.save()
    after = history.snapshot(worker)
    diff = history.diff(_masked(before), _masked(after))
    diff.pop("updated_at", None)
    if before["email"] != after["email"]:  # that it changed, never the address itself
        diff["email"] = ["***" if before["email"] else "", "***" if after["email"] else ""]
    if field_codes is not None and sorted(field_codes) != before_fields:
        worker.fields.set(field_codes)
        diff["fields"] = [before_fields, sorted(field_codes)]
    if certificates is not None and sorted(c.name for c in certificates) != before_certificates:
        worker.certificates.all().delete()
        Certificate.objects.bulk_create(
            [Certificate(worker=worker, level=c.level, name=c.name, acquired_year=c.acquired_year)
             for c in certificates]
        )
        diff["certificates"] = [before_certificates, sorted(c.name for c in certificates)]
    if diff:
        history.record(actor=actor, action="reports.skilledworker.updated", instance=worker,
                       changes=diff)
    return worker


@transaction.atomic
def delete_skilled_worker(*, actor, worker: SkilledWorker) -> None:
    """Consent withdrawn: the person's data goes, a History row without personal data stays."""
    require_staff(actor, "운영자만 기능인력을 삭제할 수 있습니다.")
    history.record(actor=actor, action="reports.skilledworker.deleted", instance=worker)
    worker.delete()
