"""Imports of companies, meisters, skilled workers and program outcomes (CSV and XLSX).

Every row is checked first. With errors, nothing is saved unless the user chose to import
only the good rows.
"""

from .dispatch import IMPORTERS, ImportOutcome, run_import

__all__ = ["IMPORTERS", "ImportOutcome", "run_import"]
