"""Which registered companies a call's rules (saved or not) let in, and why the others fail.

A fixed number of queries whatever the number of companies: the companies, and the earlier
selections in the same program. The eligibility check itself is the one applying uses.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from meisterhub.companies.models import Company

from .eligibility import RULES, check_eligibility
from .models import Beneficiary, Call

SHOWN = 50  # rows listed per group; the counts cover every company
COMPANY_COLUMNS = ["id", "name", "org_type", "size_class", "industry_id", "district",
                   "employees", "founded_on"]


@dataclass
class Preview:
    total: int = 0
    passing: list = field(default_factory=list)
    failing: list = field(default_factory=list)
    passing_count: int = 0
    failing_count: int = 0
    by_rule: list = field(default_factory=list)


def _selected_years(call: Call) -> dict[int, list[int]]:
    if not call.exclude_selected_within_years or call.program_id is None:
        return {}
    program = call.program
    rows = (Beneficiary.objects.filter(program__name=program.name, program__area=program.area)
            .exclude(program_id=program.pk).values_list("company_id", "year"))
    years = defaultdict(list)
    for company_id, year in rows:
        years[company_id].append(year)
    return years


def rules_call(values: dict) -> Call:
    """An unsaved call that carries only the rules, for checking."""
    return Call(**{k: v for k, v in values.items() if v is not None or k != "program"})


def preview_eligibility(call: Call, *, today=None, shown: int = SHOWN) -> Preview:
    today = today or timezone.localdate()
    selected = _selected_years(call)
    preview = Preview()
    failures = Counter()
    companies = Company.objects.only(*COMPANY_COLUMNS).order_by("name", "pk")
    for company in companies.iterator(chunk_size=2000):
        preview.total += 1
        failed = check_eligibility(call, company, today=today,
                                   selected_years=selected.get(company.pk, []))
        if failed:
            preview.failing_count += 1
            failures.update(f.rule for f in failed)
            if len(preview.failing) < shown:
                preview.failing.append((company, failed))
        else:
            preview.passing_count += 1
            if len(preview.passing) < shown:
                preview.passing.append(company)
    preview.by_rule = [(label, failures[key]) for key, label in RULES.items() if failures[key]]
    return preview
