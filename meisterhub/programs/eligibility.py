"""Eligibility of a company for a call: a pure check that returns every failed rule.

The rules are data on the call (organisation types, size classes, KSIC prefixes, districts,
years since founding, employees, earlier selection in the same program); an empty rule
allows everybody. Applying and the staff preview use this same check.
"""

from dataclasses import dataclass
from datetime import date

from meisterhub.companies.models import District, OrgType, SizeClass

# Rule keys in the order the staff preview shows them, with their Korean names.
RULES = {
    "org_type": "기업 유형",
    "size_class": "기업 규모",
    "industry": "업종(KSIC)",
    "district": "소재지",
    "founding": "설립 연수",
    "employees": "상시 근로자 수",
    "earlier_selection": "최근 선정 이력",
}


@dataclass(frozen=True)
class FailedRule:
    rule: str
    reason: str


def _labels(choices, values) -> str:
    return ", ".join(str(choices(v).label) if v in choices.values else v for v in values)


def full_years_between(start: date, end: date) -> int:
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return max(years, 0)


def _founding(call, company, today: date) -> FailedRule | None:
    low, high = call.min_years_since_founding, call.max_years_since_founding
    if low is None and high is None:
        return None
    wanted = " ".join(part for part in (
        f"{low}년 이상" if low is not None else "", f"{high}년 이내" if high is not None else "")
        if part)
    if company.founded_on is None:
        return FailedRule("founding", (
            f"설립 {wanted} 기업만 신청할 수 있는데, 설립일이 등록되어 있지 않습니다. "
            "기업 정보에 설립일을 입력해 주세요."))
    age = full_years_between(company.founded_on, today)
    if (high is not None and age > high) or (low is not None and age < low):
        return FailedRule("founding", (
            f"설립 {wanted} 기업만 신청할 수 있습니다 (귀사: 설립 {age}년)"))
    return None


def _employees(call, company) -> FailedRule | None:
    low, high = call.min_employees, call.max_employees
    count = company.employees
    if (low is not None and count < low) or (high is not None and count > high):
        wanted = " ".join(part for part in (
            f"{low}명 이상" if low is not None else "", f"{high}명 이하" if high is not None else "")
            if part)
        return FailedRule("employees", (
            f"상시 근로자 {wanted}인 기업만 신청할 수 있습니다 (귀사: {count}명)"))
    return None


def check_eligibility(call, company, *, today: date, selected_years: list[int]) -> list[FailedRule]:
    """Every rule of `call` that `company` fails, with its Korean reason.

    `selected_years` are the years in which the company was selected in the same program
    (same name and area) before; the caller reads them so that this stays free of queries.
    """
    failed = []
    org_types = call.allowed_org_types
    if org_types and company.org_type not in org_types:
        failed.append(FailedRule("org_type", (
            f"{_labels(OrgType, org_types)}만 신청할 수 있습니다 "
            f"(귀사: {company.get_org_type_display()})")))
    if call.allowed_size_classes and company.size_class not in call.allowed_size_classes:
        failed.append(FailedRule("size_class", (
            f"{_labels(SizeClass, call.allowed_size_classes)}만 신청할 수 있습니다 "
            f"(귀사: {company.get_size_class_display()})")))
    prefixes = call.allowed_ksic_prefixes
    if prefixes and not any(company.industry_id.startswith(p) for p in prefixes):
        failed.append(FailedRule("industry", (
            f"업종(KSIC) {', '.join(prefixes)}로 시작하는 기업만 신청할 수 있습니다 "
            f"(귀사: {company.industry_id})")))
    if call.allowed_districts and company.district not in call.allowed_districts:
        failed.append(FailedRule("district", (
            f"소재지가 {_labels(District, call.allowed_districts)}인 기업만 신청할 수 있습니다 "
            f"(귀사: {company.get_district_display()})")))
    failed += [rule for rule in (_founding(call, company, today), _employees(call, company))
               if rule]
    window = call.exclude_selected_within_years
    if window:
        recent = sorted(y for y in selected_years if y >= call.program.year - window)
        if recent:
            failed.append(FailedRule("earlier_selection", (
                f"최근 {window}년 안에 이 사업에 선정된 기업은 신청할 수 없습니다 "
                f"(귀사: {recent[-1]}년 선정)")))
    return failed
