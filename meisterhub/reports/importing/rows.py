"""Row validation for the imports the reports app writes itself: companies and skilled workers."""

from datetime import date, datetime

from django.core.exceptions import ValidationError

from meisterhub.companies.models import District, OrgType, SizeClass
from meisterhub.companies.validators import normalize_brn
from meisterhub.core.errors import DomainError
from meisterhub.core.phones import normalize_phone

from ..workers import clean_worker, parse_certificates
from .tabular import flag, integer, text

COMPANY_COLUMNS = [
    ("brn", "사업자등록번호"), ("name", "기업명"), ("representative", "대표자"),
    ("industry", "업종코드"), ("size_class", "기업규모"), ("org_type", "기업유형"),
    ("district", "소재지"), ("address", "주소"), ("phone", "대표전화"), ("employees", "근로자수"),
]
WORKER_COLUMNS = [
    ("name", "성명"), ("birth_year", "출생연도"), ("phone", "휴대전화"), ("email", "이메일"),
    ("district", "거주지"), ("fields", "기술분야"), ("certificates", "자격"),
    ("years_of_experience", "경력"), ("willing_to_mentor", "멘토의향"),
    ("willing_to_teach", "강의의향"), ("consent_given_on", "동의일"),
    ("consent_purpose", "동의목적"), ("consent_expires_on", "동의만료일"),
]
COMPANY_REQUIRED = ["사업자등록번호", "기업명", "대표자", "업종코드", "소재지", "주소"]
WORKER_REQUIRED = ["성명", "출생연도", "휴대전화", "거주지", "동의일", "동의목적", "동의만료일"]


def _choice(value, choices, label: str, default=None) -> str:
    raw = text(value)
    if not raw and default is not None:
        return default
    for code, name in choices:
        if raw in (code, name):
            return code
    raise DomainError(f"{label} '{raw or '빈칸'}'을(를) 알 수 없습니다.", field=label)


def _date(value, label: str) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = text(value)
    if not raw:
        return None
    try:
        return date.fromisoformat(raw.replace(".", "-").replace("/", "-"))
    except ValueError:
        raise DomainError(f"{label} '{raw}'은(는) 날짜가 아닙니다 (예: 2025-03-01).",
                          field=label) from None


def clean_company(row: dict, industries: set[str]) -> dict:
    """The company's fields from one row; a DomainError names the column (field) at fault."""
    for column, normalize in (("사업자등록번호", normalize_brn), ("대표전화", normalize_phone)):
        try:
            normalize(text(row.get(column)))
        except ValidationError as exc:
            raise DomainError(exc.messages[0], field=column) from None
    brn, phone = normalize_brn(text(row["사업자등록번호"])), normalize_phone(text(row.get("대표전화")))
    missing = [h for h in COMPANY_REQUIRED if not text(row.get(h))]
    if missing:
        raise DomainError(f"필수 항목이 비어 있습니다: {', '.join(missing)}", field=missing[0])
    industry = text(row.get("업종코드"))
    if industry not in industries:
        raise DomainError(f"업종코드 '{industry}'는 KSIC 목록에 없습니다.", field="업종코드")
    employees = integer(row.get("근로자수") or 0, "근로자수")
    if employees < 0:
        raise DomainError("근로자수는 0 이상이어야 합니다.", field="근로자수")
    return {
        "brn": brn, "name": text(row["기업명"])[:100], "representative": text(row["대표자"])[:50],
        "industry_id": industry,
        "size_class": _choice(row.get("기업규모"), SizeClass.choices, "기업규모", SizeClass.SME),
        "org_type": _choice(row.get("기업유형"), OrgType.choices, "기업유형", OrgType.SME),
        "district": _choice(row.get("소재지"), District.choices, "소재지"),
        "address": text(row["주소"])[:200], "phone": phone, "employees": employees,
    }


def clean_worker_row(row: dict, known_fields: set[str]) -> tuple[dict, list[str], list]:
    codes = [c.strip().upper() for c in text(row.get("기술분야")).replace("|", ";").split(";")
             if c.strip()]
    unknown = [c for c in codes if c not in known_fields]
    if unknown:
        raise DomainError(f"알 수 없는 기술분야 코드: {', '.join(unknown)}", field="기술분야")
    data = {
        "name": text(row.get("성명")),
        "birth_year": integer(row.get("출생연도"), "출생연도"),
        "phone": text(row.get("휴대전화")), "email": text(row.get("이메일")),
        "district": _choice(row.get("거주지"), District.choices, "거주지"),
        "years_of_experience": integer(row.get("경력") or 0, "경력"),
        "willing_to_mentor": flag(row.get("멘토의향")),
        "willing_to_teach": flag(row.get("강의의향")),
        "consent_given_on": _date(row.get("동의일"), "동의일"),
        "consent_purpose": text(row.get("동의목적")),
        "consent_expires_on": _date(row.get("동의만료일"), "동의만료일"),
    }
    return clean_worker(data), codes, parse_certificates(text(row.get("자격")))
