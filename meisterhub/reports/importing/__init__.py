"""Imports of companies, meisters, skilled workers and program outcomes (CSV and XLSX).

Every row is checked first and the person sees what would happen (추가 / 변경 / 변경 없음 /
오류) before confirming. With errors, nothing is saved unless the person chose to import only
the good rows. Existing records are found by their natural key and, only when the person chose
"있으면 고친다", updated through their app's service.
"""

from .dispatch import IMPORTERS, preview_import, run_import
from .plan import INSERT, UPSERT, ImportOutcome, ImportPlan

__all__ = [
    "IMPORTERS",
    "INSERT",
    "UPSERT",
    "ImportOutcome",
    "ImportPlan",
    "preview_import",
    "run_import",
]
