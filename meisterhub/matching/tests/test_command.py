"""The `match` management command: output contract, bad lines, no database."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from meisterhub.matching.lexicon import get_taxonomy
from meisterhub.matching.tests.conftest import ROSTER

REPO = Path(__file__).resolve().parents[3]
CODES = sorted(f.code for f in get_taxonomy())


@pytest.fixture
def files(tmp_path):
    experts = tmp_path / "experts.jsonl"
    experts.write_text(
        "\n".join(json.dumps(m.__dict__, ensure_ascii=False) for m in ROSTER) + "\n{broken\n",
        encoding="utf-8",
    )
    requests = tmp_path / "requests.jsonl"
    rows = [
        {"id": "A", "text": "빠우 작업 후 광이 안나요", "primary": "SURF"},
        {"id": 7, "text": "유압 실린더에서 기름이 샘", "org_type": "중소기업"},
        "not json",
        {"id": "C", "text": ""},
        {"text": "id 없음"},
        {"id": "D", "text": "창업 아이디어로 투자 유치", "org_type": "예비창업자"},
    ]
    requests.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows),
        encoding="utf-8",
    )
    return experts, requests


def _check(stdout: str) -> list[dict]:
    lines = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    for row in lines:
        assert set(row) == {"id", "fields", "experts"}
        assert sorted(row["fields"]) == CODES
        assert len(row["experts"]) == min(10, len(ROSTER))
        assert set(row["experts"]) <= {m.id for m in ROSTER}
    return lines


def test_call_command_contract(files):
    experts, requests = files
    out, err = StringIO(), StringIO()
    call_command("match", experts=str(experts), requests=str(requests), stdout=out, stderr=err)
    rows = _check(out.getvalue())
    assert [r["id"] for r in rows] == ["A", 7, "C", "D"]
    assert rows[0]["fields"][0] == "SURF" and rows[0]["experts"][0] == "M3"
    assert rows[1]["fields"][0] == "FLUID"
    assert rows[3]["fields"][0] == "BIZ"
    assert "requests 3번째 줄" in err.getvalue() and "requests 5번째 줄" in err.getvalue()
    assert "experts 7번째 줄" in err.getvalue()


def test_unreadable_file_is_an_error(files, tmp_path):
    experts, _ = files
    with pytest.raises(CommandError):
        call_command("match", experts=str(experts), requests=str(tmp_path / "missing.jsonl"))


def test_subprocess_runs_without_a_database(files):
    experts, requests = files
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": "postgres://nobody:none@127.0.0.1:1/no_such_db",
    }
    proc = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "match",
            "--experts",
            str(experts),
            "--requests",
            str(requests),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(_check(proc.stdout)) == 4
    assert "requests 3번째 줄" in proc.stderr
