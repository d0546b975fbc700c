"""Ranking fields and meisters for a free-text request.

Field score (one number per field, higher is better)::

    score(f) = sum over concepts c found in the text of  w(c, f) * focus * certainty * repeat
             + BM25_WEIGHT * BM25(f) / max BM25  # Kiwi morphemes vs. the field's knowledge text
             + prior(org_type, f)               # e.g. 스타트업 -> BIZ/IP, small on purpose

* Concepts come from the data files (knowledge base, slang/variant lexicon, material grades);
  w(c, f) is the hand-set weight of that term for that field (3 = decisive ... 0.5 = hint).
  Each concept counts once, with a small bonus for repeats, so long texts don't win by length.
* focus: clauses the writer marks as settled ("검사 결과는 확실하니") count x0.3; request
  clauses ("알고 싶습니다") x1.2-1.3. certainty: typo matches x0.75.
* The prior is smaller than one decisive term: a startup with a welding crack goes to WELD.

Meister score::

    3 * field_fit + 0.6 * min(shared concepts, 3) + 0.5 * BM25(career + keywords) / max

field_fit takes the meister's fields in order (main field x1.0, then x0.6, x0.45, ...) against
the relative field scores, best one plus a quarter of the rest, so an expert who covers both the
main and a side field of the request ranks high. Shared concepts are lexicon concepts found in
both the request and the meister's keywords (full weight) or career (half weight).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field

from .analyzer import analyze, analyze_terms
from .bm25 import BM25
from .concepts import Hit, find_hits
from .history import Evidence, History, request_terms
from .lexicon import FieldInfo, Lexicon, get_lexicon, get_taxonomy
from .reasons import field_reason, meister_reason, token_list

BM25_WEIGHT = 2.0  # applied to BM25 / max BM25, so long texts can't inflate it
HISTORY_WEIGHT = 2.0  # per unit of past-request vote (similarity x recency, at most 5)
HISTORY_MEISTER_WEIGHT = 0.8
REPEAT_BONUS = 0.15
EVIDENCE_DECAY = 0.85  # the n-th strongest concept of a field counts 0.85^(n-1)
POSITION_WEIGHTS = (1.0, 0.6, 0.45, 0.35, 0.3)
ORG_PRIORS = {
    "스타트업": {"BIZ": 0.6, "IP": 0.3},
    "예비창업자": {"BIZ": 1.0, "IP": 0.4},
}
log = logging.getLogger(__name__)
MSG_EMPTY = "분석할 내용이 없습니다. 겪고 있는 기술 문제를 한국어로 적어 주세요."
MSG_FOREIGN = "한국어 설명을 찾지 못했습니다. 문제 상황을 한국어로 적어 주세요."
MSG_NO_MATCH = "분야를 판단할 단서를 찾지 못했습니다. 소재·공정·증상을 조금 더 적어 주세요."


@dataclass
class MeisterProfile:
    id: str
    name: str
    title: str
    fields: list[str]
    career: str
    keywords: list[str]
    days: list[str] = field(default_factory=list)


@dataclass
class FieldScore:
    code: str
    name_ko: str
    score: float
    reason: str


@dataclass
class MeisterScore:
    id: str
    name: str
    score: float
    reason: str


@dataclass
class MatchResult:
    fields: list[FieldScore]
    meisters: list[MeisterScore]
    tokens: list[str]
    message: str | None = None


class Matcher:
    """Build once per roster (indexes the meisters), then call rank() per request."""

    def __init__(
        self,
        meisters: list[MeisterProfile],
        lexicon: Lexicon | None = None,
        history: History | None = None,
    ):
        self.lex = lexicon or get_lexicon()
        # Confirmed past requests (history.py); replaced as a whole when staff route more.
        self.history = history
        self.field_index = BM25(self.lex.docs)
        self.meisters = list(meisters)
        docs, self.keyword_concepts, self.career_concepts = {}, {}, {}
        for m in self.meisters:
            keyword_text = " ".join(m.keywords)
            docs[m.id] = analyze_terms(m.career) + 2 * analyze_terms(keyword_text)
            by_concept: dict[str, str] = {}
            for kw in m.keywords:
                for hit in find_hits(analyze(kw), self.lex):
                    by_concept.setdefault(hit.concept, kw)
            self.keyword_concepts[m.id] = by_concept
            self.career_concepts[m.id] = {h.concept for h in find_hits(analyze(m.career), self.lex)}
        self.meister_index = BM25(docs)

    def request_terms(self, text: str) -> dict[str, float]:
        """What the learning loop keeps of a request: its analysed terms, not its text."""
        analysis = analyze(text)
        if not analysis.has_content:
            return {}
        return request_terms(find_hits(analysis, self.lex), analysis.morphs)

    # -- fields --------------------------------------------------------------------------
    def _concept_scores(self, hits: list[Hit]) -> dict[str, dict[str, float]]:
        best: dict[str, float] = {}
        count: dict[str, int] = defaultdict(int)
        for hit in hits:
            best[hit.concept] = max(best.get(hit.concept, 0.0), hit.weight)
            count[hit.concept] += 1
        per_field: dict[str, dict[str, float]] = defaultdict(dict)
        for concept, weight in best.items():
            repeat = 1 + REPEAT_BONUS * min(count[concept] - 1, 3)
            for code, w in self.lex.weights(concept).items():
                per_field[code][concept] = w * weight * repeat
        return per_field

    def rank(self, text: str, org_type: str | None = None, top_meisters: int = 10) -> MatchResult:
        try:
            top_n = max(0, int(top_meisters))
        except (TypeError, ValueError):
            top_n = 10
        try:
            return self._rank(text, org_type if isinstance(org_type, str) else None, top_n)
        except Exception:  # never fail a page because of an odd input, but leave a trace
            log.exception("matching failed for a %d-character request", len(str(text or "")))
            return self._neutral(MSG_NO_MATCH, top_n)

    def _rank(self, text: str, org_type: str | None, top_n: int) -> MatchResult:
        analysis = analyze(text)
        if not analysis.has_content:
            return self._neutral(MSG_FOREIGN if analysis.has_foreign_letters else MSG_EMPTY, top_n)
        hits = find_hits(analysis, self.lex)
        query = [t for t in analysis.content_terms() if len(t) > 1]
        query += [w for h in hits for w in h.concept.lower().split()]
        bm25 = self.field_index.scores(query)
        bm_top = max(bm25.values(), default=0.0) or 1.0
        bm25 = {code: value / bm_top for code, value in bm25.items()}
        per_field = self._concept_scores(hits)
        prior = ORG_PRIORS.get((org_type or "").strip(), {})
        if not per_field and not any(bm25.values()):
            msg = MSG_NO_MATCH if analysis.has_hangul else MSG_FOREIGN
            return self._neutral(msg, top_n, tokens=token_list(analysis, hits))
        history = self.history
        past = history.evidence(request_terms(hits, analysis.morphs)) if history else Evidence()
        raw = {
            f.code: _evidence(per_field[f.code].values())
            + BM25_WEIGHT * bm25[f.code]
            + prior.get(f.code, 0.0)
            + HISTORY_WEIGHT * past.fields.get(f.code, 0.0)
            for f in self.lex.fields
        }
        order = sorted(self.lex.fields, key=lambda f: -raw[f.code])
        top = max(raw[order[0].code], 1e-9)
        surfaces = _surfaces(hits)
        fields = [
            FieldScore(
                f.code,
                f.name_ko,
                round(max(raw[f.code], 0.0) / top, 4),
                field_reason(
                    f,
                    per_field[f.code],
                    surfaces,
                    self.field_index.matched(query, f.code),
                    prior.get(f.code, 0.0),
                    org_type,
                    past.counts.get(f.code, 0),
                ),
            )
            for f in order
        ]
        rel = {fs.code: fs.score for fs in fields}
        meisters = self._rank_meisters(rel, hits, query, [f.code for f in order[:3]], past)
        return MatchResult(fields, meisters[:top_n], token_list(analysis, hits), None)

    # -- meisters ------------------------------------------------------------------------
    def _rank_meisters(self, rel, hits, query, top_fields, past: Evidence) -> list[MeisterScore]:
        concept_weight: dict[str, float] = {}
        for hit in hits:
            spec = max(self.lex.weights(hit.concept).values(), default=0.0) / 3
            concept_weight[hit.concept] = max(
                concept_weight.get(hit.concept, 0.0), spec * hit.weight
            )
        bm25 = self.meister_index.scores(query)
        bm_top = max(bm25.values(), default=0.0) or 1.0
        scored = []
        for m in self.meisters:
            fits = [
                POSITION_WEIGHTS[min(i, 4)] * rel.get(code, 0.0) for i, code in enumerate(m.fields)
            ]
            best = max(fits, default=0.0)
            fit = best + 0.25 * (sum(fits) - best)
            kw_map = self.keyword_concepts[m.id]
            shared = [c for c in concept_weight if c in kw_map]
            overlap = sum(concept_weight[c] for c in shared)
            overlap += 0.5 * sum(
                concept_weight[c]
                for c in concept_weight
                if c not in kw_map and c in self.career_concepts[m.id]
            )
            voted = past.meisters.get(m.id, 0.0)
            score = 3 * fit + 0.6 * min(overlap, 3.0) + 0.5 * bm25[m.id] / bm_top
            score += HISTORY_MEISTER_WEIGHT * voted
            keywords = list(dict.fromkeys(kw_map[c] for c in shared))
            reason = meister_reason(m.fields, self.lex, top_fields, keywords, voted > 0)
            scored.append(MeisterScore(m.id, m.name, round(score, 4), reason))
        scored.sort(key=lambda s: -s.score)
        return scored

    def _neutral(self, message: str, top_n: int, tokens: list[str] | None = None) -> MatchResult:
        fields = [FieldScore(f.code, f.name_ko, 0.0, "") for f in self.lex.fields]
        meisters = [MeisterScore(m.id, m.name, 0.0, "") for m in self.meisters[:top_n]]
        return MatchResult(fields, meisters, tokens or [], message)


def _evidence(contributions) -> float:
    """A field's concept evidence with diminishing returns: the strongest term counts fully,
    each further one a little less, so naming many objects of one field does not outweigh the
    one term that names the question."""
    return sum(c * EVIDENCE_DECAY**i for i, c in enumerate(sorted(contributions, reverse=True)))


def _surfaces(hits: list[Hit]) -> dict[str, str]:
    out: dict[str, str] = {}
    for hit in sorted(hits, key=lambda h: -h.weight):
        out.setdefault(hit.concept, hit.surface)
    return out


__all__ = [
    "FieldInfo",
    "FieldScore",
    "MatchResult",
    "Matcher",
    "MeisterProfile",
    "MeisterScore",
    "get_taxonomy",
]
