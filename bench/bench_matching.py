"""Benchmark of the Korean request matcher against a plain keyword baseline.

Sets: the shared dev set (env MATCHING_DEV, default ../shared/bench/matching/dev.jsonl next to
the repo), the hand-written hold-out set bench/data/matching_holdout.jsonl and the two own sets
bench/data/matching_own_{a,b}.jsonl (top-1 also per kind of request). The roster is
experts.jsonl next to the dev set (env MATCHING_EXPERTS overrides).

Figures per set: top-1 field accuracy, hit@3 (primary among the first three fields), expert
hit@3 (an expert among the first three whose fields include the primary or an `also` code),
and milliseconds per query (p50/p95, after warm-up).
"""

from __future__ import annotations

import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from meisterhub.matching.history import History, PastRequest  # noqa: E402
from meisterhub.matching.lexicon import get_taxonomy  # noqa: E402
from meisterhub.matching.ranker import Matcher, MeisterProfile  # noqa: E402

DEV = Path(os.environ.get("MATCHING_DEV", ROOT.parent / "shared/bench/matching/dev.jsonl"))
HOLDOUT = ROOT / "bench/data/matching_holdout.jsonl"
# Written apart from the matcher, before any tuning for them (bench/data/matching_own_README.md).
OWN_SETS = (("own_a", ROOT / "bench/data/matching_own_a.jsonl"),
            ("own_b", ROOT / "bench/data/matching_own_b.jsonl"),
            ("own_c", ROOT / "bench/data/matching_own_c.jsonl"),
            ("own_d", ROOT / "bench/data/matching_own_d.jsonl"))
PROFILE_KEYS = ("id", "name", "title", "fields", "career", "keywords", "days")


def load_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_roster(path: Path) -> list[MeisterProfile]:
    return [
        MeisterProfile(**{k: row[k] for k in PROFILE_KEYS if k in row}) for row in load_jsonl(path)
    ]


class KeywordBaseline:
    """Counts field-name and scope terms that occur as substrings of the request."""

    def __init__(self, meisters: list[MeisterProfile]):
        self.fields = get_taxonomy()
        self.terms = {}
        for f in self.fields:
            parts = re.split(r"[·,\s()/]+", f"{f.name_ko} {f.scope}")
            self.terms[f.code] = {p for p in parts if len(p) >= 2 and p != "외"}
        self.meisters = meisters

    def rank(self, text: str, org_type: str | None = None):
        score = {c: sum(t in text for t in terms) for c, terms in self.terms.items()}
        fields = sorted(score, key=lambda c: -score[c])  # stable: ties keep taxonomy order

        def expert_score(m: MeisterProfile) -> float:
            fit = sum(score.get(c, 0) * (1.0 if i == 0 else 0.5) for i, c in enumerate(m.fields))
            return fit + sum(k in text for k in m.keywords)

        experts = sorted(self.meisters, key=lambda m: -expert_score(m))
        return fields, [m.id for m in experts]


def _matcher_rank(matcher: Matcher):
    def rank(text: str, org_type: str | None = None):
        result = matcher.rank(text, org_type)
        return [f.code for f in result.fields], [m.id for m in result.meisters]

    return rank


def evaluate(rank, rows: list[dict], roster: dict[str, list[str]]) -> dict:
    for row in rows[:3]:  # warm-up (lazy model load, caches)
        rank(row["text"], row.get("org_type"))
    top1 = hit3 = expert3 = 0
    times, misses = [], []
    for row in rows:
        start = time.perf_counter()
        fields, experts = rank(row["text"], row.get("org_type"))
        times.append((time.perf_counter() - start) * 1000)
        wanted = {row["primary"], *row.get("also", [])}
        top1 += fields[0] == row["primary"]
        hit3 += row["primary"] in fields[:3]
        expert3 += any(wanted & set(roster.get(e, [])) for e in experts[:3])
        if fields[0] != row["primary"]:
            misses.append(f"{row['id']} {row['primary']}->{fields[0]}")
    n = len(rows) or 1
    times.sort()
    kinds = _per_kind(rank, rows) if any("kind" in row for row in rows) else None
    return {
        **({"top1_by_kind": kinds} if kinds else {}),
        "n": len(rows),
        "top1": round(top1 / n, 3),
        "hit3": round(hit3 / n, 3),
        "expert_hit3": round(expert3 / n, 3),
        "ms_p50": round(statistics.median(times), 2) if times else None,
        "ms_p95": round(times[min(len(times) - 1, int(0.95 * len(times)))], 2) if times else None,
        "top1_misses": misses,
    }


def _per_kind(rank, rows: list[dict]) -> dict:
    by_kind: dict[str, list[int]] = {}
    for row in rows:
        fields, _ = rank(row["text"], row.get("org_type"))
        by_kind.setdefault(row.get("kind", "-"), []).append(int(fields[0] == row["primary"]))
    return {kind: round(sum(hits) / len(hits), 3) for kind, hits in sorted(by_kind.items())}


def learning(matcher: Matcher, rows: list[dict]) -> dict:
    """The learning loop measured: each half of the own sets as confirmed history (routed to its
    labelled field), the other half ranked with and without it; both ways, summed."""
    halves = (rows[0::2], rows[1::2])
    counts = {"with": [0, 0], "without": [0, 0]}
    for past_rows, asked in ((halves[0], halves[1]), (halves[1], halves[0])):
        past = [PastRequest(matcher.request_terms(r["text"]), r["primary"]) for r in past_rows]
        for label, history in (("without", None), ("with", History(past))):
            matcher.history = history
            for row in asked:
                fields = [f.code for f in matcher.rank(row["text"], row.get("org_type")).fields]
                counts[label][0] += fields[0] == row["primary"]
                counts[label][1] += row["primary"] in fields[:3]
    matcher.history = None
    n = len(rows) or 1
    return {
        "n": len(rows),
        **{f"top1_{k}_history": round(v[0] / n, 3) for k, v in counts.items()},
        **{f"hit3_{k}_history": round(v[1] / n, 3) for k, v in counts.items()},
    }


def _ratios(ours: dict, base: dict) -> dict:
    keys = ("top1", "hit3", "expert_hit3")
    return {k: round(ours[k] / base[k], 2) if base[k] else None for k in keys}


def run() -> dict:
    experts_path = Path(os.environ.get("MATCHING_EXPERTS", DEV.parent / "experts.jsonl"))
    if not experts_path.exists():
        return {"skipped": f"roster not found: {experts_path}"}
    meisters = load_roster(experts_path)
    roster = {m.id: m.fields for m in meisters}
    started = time.perf_counter()
    matcher = Matcher(meisters)
    out: dict = {"build_s": round(time.perf_counter() - started, 2)}
    baseline = KeywordBaseline(meisters)
    for name, path in (("dev", DEV), ("holdout", HOLDOUT), *OWN_SETS):
        if not path.exists():
            out[name] = {"skipped": f"not found: {path}"}
            continue
        rows = load_jsonl(path)
        ours = evaluate(_matcher_rank(matcher), rows, roster)
        base = evaluate(baseline.rank, rows, roster)
        base.pop("top1_misses")
        out[name] = {"matcher": ours, "baseline": base, "ratio": _ratios(ours, base)}
    own = [row for _name, path in OWN_SETS if path.exists() for row in load_jsonl(path)]
    out["learning_loop"] = learning(matcher, own)
    return out


if __name__ == "__main__":
    print(json.dumps(run(), ensure_ascii=False, indent=2))
