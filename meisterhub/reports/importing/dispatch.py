"""Running one import: plan every row first (the preview), then save all, or only the good
rows if chosen. Saving re-reads the file and plans again, so it writes what is true now."""

from meisterhub.accounts.roles import require_staff
from meisterhub.core.errors import DomainError

from .companies import CompanyImport
from .meisters import MeisterImport
from .outcomes import OutcomeImport
from .plan import INSERT, ImportOutcome, ImportPlan, apply_plan, build_plan
from .workers import WorkerImport

IMPORTERS = {
    "companies": CompanyImport(),
    "meisters": MeisterImport(),
    "workers": WorkerImport(),
    "outcomes": OutcomeImport(),
}


def importer_for(*, actor, kind: str):
    require_staff(actor, "운영자만 자료를 가져올 수 있습니다.")
    if kind not in IMPORTERS:
        raise DomainError("알 수 없는 자료 종류입니다.", field="kind")
    return IMPORTERS[kind]


def preview_import(*, actor, kind: str, upload, mode: str = INSERT) -> ImportPlan:
    """What the import would do, row by row. Writes nothing."""
    return build_plan(importer_for(actor=actor, kind=kind), actor=actor, upload=upload, mode=mode)


def run_import(
    *, actor, kind: str, upload, only_good_rows: bool = False, mode: str = INSERT
) -> ImportOutcome:
    importer = importer_for(actor=actor, kind=kind)
    plan = build_plan(importer, actor=actor, upload=upload, mode=mode)
    return apply_plan(importer, plan, actor=actor, only_good_rows=only_good_rows)
