"""Importing beneficiaries' yearly outcomes; the natural key is 사업자등록번호 + 연도.

The rows are read and checked by the programs app (programs.importing.parse_outcomes) and
saved by its service (report_outcome, one History row each). A row is the whole year's report:
an empty figure is 0, as it always was for this import.
"""

from meisterhub.programs.importing import parse_outcomes
from meisterhub.programs.models import OUTCOME_FIGURES, OutcomeReport
from meisterhub.programs.selectors import outcome_reports_of
from meisterhub.programs.services.outcomes import report_outcome

from .plan import Change, ParsedRow
from .shown import shown


def _column_of(message: str) -> str:
    """parse_outcomes answers in words only; the column it speaks of, for the error table."""
    if message.startswith("같은 기업·연도"):
        return "사업자등록번호·연도"
    if "사업자등록번호" in message:
        return "사업자등록번호"
    for label in OUTCOME_FIGURES.values():
        if label in message:
            return label
    return "연도" if "연도" in message else ""


class OutcomeImport:
    name = "outcomes"
    key_column = "사업자등록번호·연도"

    def parse(self, upload) -> list[ParsedRow]:
        result = parse_outcomes(upload)
        parsed = [ParsedRow(line) for line, _ in result.errors]
        for row, (_, message) in zip(parsed, result.errors, strict=True):
            row.fail(_column_of(message), message)
        for line, company, year, figures in result.good:
            parsed.append(
                ParsedRow(
                    line,
                    key=(company.brn, year),
                    label=f"{company.name} {year}년",
                    data=(company, year, figures),
                    provided=frozenset(OUTCOME_FIGURES),
                )
            )
        return parsed

    def existing(self, *, actor, rows):
        companies = [r.data[0] for r in rows]
        reports = outcome_reports_of(companies)
        return {(r.company.brn, r.year): r for r in reports}

    def exists_message(self, row) -> str:
        company, year, _ = row.data
        return (
            f"{company.name}의 {year}년 성과가 이미 있습니다. 고치려면 '있으면 고친다'를 고르세요."
        )

    def changes(self, report, row) -> list[Change]:
        figures = row.data[2]
        return [
            Change(label, shown(f"{getattr(report, name):,}"), shown(f"{figures[name]:,}"))
            for name, label in OUTCOME_FIGURES.items()
            if getattr(report, name) != figures[name]
        ]

    def create(self, *, actor, row) -> None:
        company, year, figures = row.data
        report_outcome(
            actor=actor,
            company=company,
            year=year,
            figures=figures,
            source=OutcomeReport.Source.IMPORT,
        )

    def update(self, *, actor, record, row) -> None:
        self.create(actor=actor, row=row)
