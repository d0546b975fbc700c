"""Data migrations run the code they were written with: none imports the application, and the
data the loaders froze still matches the shipped files (a changed file needs a new migration).
Schema migrations may import the application: Django writes callable defaults and custom
operations there by their import path."""

import ast
import importlib
from pathlib import Path

from meisterhub.companies.industries import KSIC_TSV
from meisterhub.meisters.taxonomy import read_fields

APPS = Path(__file__).resolve().parents[2]


def test_no_data_migration_imports_application_code():
    offenders = []
    data_migrations = [
        path
        for path in sorted(APPS.glob("*/migrations/*.py"))
        if "RunPython(" in path.read_text(encoding="utf-8")
    ]
    assert len(data_migrations) >= 3  # the loaders below and the TOTP move
    for path in data_migrations:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] if node.level == 0 else ["(relative)"]
            offenders += [
                f"{path.relative_to(APPS)}: {name}"
                for name in names
                if name.startswith("meisterhub") or name == "(relative)"
            ]
    assert offenders == []


def test_frozen_industries_match_the_shipped_file():
    migration = importlib.import_module("meisterhub.companies.migrations.0002_load_industries")
    lines = KSIC_TSV.read_text(encoding="utf-8").splitlines()[1:]
    assert [tuple(line.split("\t")) for line in lines] == migration.INDUSTRIES


def test_frozen_fields_match_the_shipped_taxonomy():
    migration = importlib.import_module("meisterhub.meisters.migrations.0002_load_fields")
    shipped = [(f["code"], f["name_ko"], f["name_en"], f["scope"]) for f in read_fields()]
    assert shipped == migration.FIELDS
