"""Importing companies; the natural key is the 사업자등록번호 (brn)."""

from meisterhub.companies.models import Company, District, OrgType, SizeClass
from meisterhub.companies.selectors import companies_visible_to, industry_codes
from meisterhub.companies.services import register_company, update_company
from meisterhub.companies.validators import format_brn
from meisterhub.core.errors import DomainError
from meisterhub.core.phones import format_phone

from .plan import Change, ParsedRow
from .rows import COMPANY_COLUMNS, COMPANY_REQUIRED, clean_company
from .shown import shown
from .tabular import read_table, require_columns, text

LABELS = dict(COMPANY_COLUMNS)
CHOICES = {"size_class": SizeClass, "org_type": OrgType, "district": District}


def _display(name: str, value) -> str:
    if name in CHOICES and value:
        return str(CHOICES[name](value).label)
    if name == "phone":
        return format_phone(value) if value else ""
    return shown(value)


class CompanyImport:
    name = "companies"
    key_column = "사업자등록번호"

    def parse(self, upload) -> list[ParsedRow]:
        header, rows = read_table(upload)
        require_columns(header, COMPANY_REQUIRED)
        industries = industry_codes()
        parsed = []
        for line, cells in rows:
            row = ParsedRow(line)
            try:
                data = clean_company(cells, industries)
            except DomainError as exc:
                row.fail(exc.field or "", exc.message)
            else:
                row.key, row.data = data["brn"], data
                row.label = f"{format_brn(data['brn'])} {data['name']}"
                # An empty cell leaves the stored value alone when updating (기업규모 would
                # otherwise fall back to its default).
                row.provided = frozenset(
                    f for f, column in COMPANY_COLUMNS if text(cells.get(column))
                )
            parsed.append(row)
        return parsed

    def existing(self, *, actor, rows):
        brns = [r.key for r in rows]
        return companies_visible_to(actor).in_bulk(brns, field_name="brn") if brns else {}

    def exists_message(self, row) -> str:
        return "이미 등록된 사업자등록번호입니다. 고치려면 '있으면 고친다'를 고르세요."

    def _updates(self, company: Company, row: ParsedRow) -> dict:
        names = [f for f, _ in COMPANY_COLUMNS if f != "brn" and f in row.provided]
        updates = {}
        for name in names:
            field = "industry_id" if name == "industry" else name
            if getattr(company, field) != row.data[field]:
                updates[field] = row.data[field]
        return updates

    def changes(self, company, row) -> list[Change]:
        return [
            Change(
                LABELS["industry" if f == "industry_id" else f],
                _display(f, getattr(company, f)),
                _display(f, new),
            )
            for f, new in self._updates(company, row).items()
        ]

    def create(self, *, actor, row) -> None:
        register_company(actor=actor, **row.data)

    def update(self, *, actor, record, row) -> None:
        update_company(actor=actor, company=record, **self._updates(record, row))
