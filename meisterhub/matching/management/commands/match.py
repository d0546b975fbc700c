"""Batch matching without the database.

    manage.py match --experts EXPERTS.jsonl --requests REQUESTS.jsonl

Writes one JSON line per request to stdout:
{"id": ..., "fields": [all 23 codes, best first], "experts": [10 best expert ids]}.
Bad input lines are reported on stderr with their line number and skipped; the command fails
only when an input file cannot be read at all.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meisterhub.matching.ranker import Matcher, MeisterProfile

TOP_EXPERTS = 10


def _strings(value) -> list[str]:
    if not isinstance(value, list):
        raise TypeError("list expected")
    return [str(v) for v in value]


class Command(BaseCommand):
    help = "JSON 줄 형식의 상담 요청을 분야·마이스터에 매칭한다 (DB를 쓰지 않음)."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("--experts", required=True, help="experts.jsonl 형식의 명단")
        parser.add_argument("--requests", required=True, help="id, text, org_type 를 담은 JSON 줄")

    def handle(self, *args, **options):
        experts = self._read(options["experts"])
        requests = self._read(options["requests"])
        meisters = [m for m in self._profiles(experts) if m]
        matcher = Matcher(meisters)
        for lineno, line in requests:
            row = self._parse(line, lineno, "requests")
            if row is None:
                continue
            text = row.get("text")
            if "id" not in row or not isinstance(text, str):
                self._warn("requests", lineno, "'id' 와 문자열 'text' 가 필요합니다")
                continue
            org = row.get("org_type")
            result = matcher.rank(text, org if isinstance(org, str) else None, TOP_EXPERTS)
            out = {
                "id": row["id"],
                "fields": [f.code for f in result.fields],
                "experts": [m.id for m in result.meisters[:TOP_EXPERTS]],
            }
            self.stdout.write(json.dumps(out, ensure_ascii=False))

    def _read(self, path: str) -> list[tuple[int, str]]:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"{path}: 읽을 수 없습니다 ({exc})") from exc
        return [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]

    def _profiles(self, lines):
        for lineno, line in lines:
            row = self._parse(line, lineno, "experts")
            if row is None:
                continue
            try:
                yield MeisterProfile(
                    id=str(row["id"]),
                    name=str(row.get("name", "")),
                    title=str(row.get("title", "")),
                    fields=_strings(row.get("fields", [])),
                    career=str(row.get("career", "")),
                    keywords=_strings(row.get("keywords", [])),
                    days=_strings(row.get("days", [])),
                )
            except (KeyError, TypeError) as exc:
                self._warn("experts", lineno, f"형식이 맞지 않습니다 ({exc!r})")

    def _parse(self, line: str, lineno: int, source: str) -> dict | None:
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            self._warn(source, lineno, f"JSON 오류: {exc.msg}")
            return None
        if not isinstance(row, dict):
            self._warn(source, lineno, "JSON 객체가 아닙니다")
            return None
        return row

    def _warn(self, source: str, lineno: int, message: str) -> None:
        self.stderr.write(f"{source} {lineno}번째 줄: {message}")
