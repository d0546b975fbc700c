"""Eligibility of a company for a call: a pure check that returns every failed rule.

The rules are data on the call (size classes, KSIC prefixes, districts, years since founding,
earlier selection in the same program); an empty rule allows everybody.
"""

from dataclasses import dataclass
from datetime import date

from meisterhub.companies.models import District, SizeClass


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


def check_eligibility(call, company, *, today: date, selected_years: list[int]) -> list[FailedRule]:
    """Every rule of `call` that `company` fails, with its Korean reason.

    `selected_years` are the years in which the company was selected in the same program
    (same name and area) before; the caller reads them so that this stays free of queries.
    """
    failed = []
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
    limit = call.max_years_since_founding
    if limit is not None:
        if company.founded_on is None:
            failed.append(FailedRule("founding", (
                f"설립 {limit}년 이내 기업만 신청할 수 있는데, 설립일이 등록되어 있지 않습니다. "
                "기업 정보에 설립일을 입력해 주세요.")))
        else:
            age = full_years_between(company.founded_on, today)
            if age > limit:
                failed.append(FailedRule("founding", (
                    f"설립 {limit}년 이내 기업만 신청할 수 있습니다 (귀사: 설립 {age}년)")))
    window = call.exclude_selected_within_years
    if window:
        recent = sorted(y for y in selected_years if y >= call.program.year - window)
        if recent:
            failed.append(FailedRule("earlier_selection", (
                f"최근 {window}년 안에 이 사업에 선정된 기업은 신청할 수 없습니다 "
                f"(귀사: {recent[-1]}년 선정)")))
    return failed
