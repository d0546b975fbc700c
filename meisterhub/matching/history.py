"""Confirmed past requests as evidence for new ones (the learning loop; no database here).

When staff route a request to a field or meister (correcting the matcher or not), the request's
analysed terms are kept with that decision (models.RoutedRequest). A new request is compared with
them: the nearest past requests by cosine similarity of their terms, each weighted by how recent
the decision is, vote for their field and meister. The vote is added to the field score, so a
field that staff chose again and again for requests like this one rises, and the reason says so
("비슷한 과거 상담 3건"). Texts are not kept, only terms, and reasons name no past request.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

NEIGHBOURS = 5
MIN_SIMILARITY = 0.5  # below this a past request is not "like" the new one
HALF_LIFE_DAYS = 365  # a decision two years old counts a quarter
MORPHEME_WEIGHT = 0.3  # plain content words count, lexicon concepts count more


@dataclass(frozen=True)
class PastRequest:
    terms: dict[str, float]
    field: str
    meister: str | None = None
    decided_on: date | None = None


@dataclass
class Evidence:
    fields: dict[str, float] = field(default_factory=dict)
    meisters: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # neighbours per field

    def __bool__(self) -> bool:
        return bool(self.fields)


def _norm(terms: dict[str, float]) -> float:
    return math.sqrt(sum(v * v for v in terms.values())) or 1.0


class History:
    """An index over past routed requests; build once per change of the table, then share."""

    def __init__(self, past: list[PastRequest], today: date | None = None):
        self.today = today or datetime.now().astimezone().date()
        self.past = [p for p in past if p.terms and p.field]
        self.norms = [_norm(p.terms) for p in self.past]
        self.by_term: dict[str, list[int]] = defaultdict(list)
        for i, p in enumerate(self.past):
            for term in p.terms:
                self.by_term[term].append(i)

    def __len__(self) -> int:
        return len(self.past)

    def _recency(self, p: PastRequest) -> float:
        if p.decided_on is None:
            return 1.0
        age = max((self.today - p.decided_on).days, 0)
        return 0.5 ** (age / HALF_LIFE_DAYS)

    def evidence(self, terms: dict[str, float]) -> Evidence:
        out = Evidence()
        if not terms or not self.past:
            return out
        dots: dict[int, float] = defaultdict(float)
        for term, weight in terms.items():
            for i in self.by_term.get(term, ()):
                dots[i] += weight * self.past[i].terms[term]
        norm = _norm(terms)
        sims = sorted(((dot / (norm * self.norms[i]), i) for i, dot in dots.items()), reverse=True)[
            :NEIGHBOURS
        ]
        for sim, i in sims:
            if sim < MIN_SIMILARITY:
                break
            p = self.past[i]
            vote = sim * self._recency(p)
            out.fields[p.field] = out.fields.get(p.field, 0.0) + vote
            out.counts[p.field] = out.counts.get(p.field, 0) + 1
            if p.meister:
                out.meisters[p.meister] = out.meisters.get(p.meister, 0.0) + vote
        return out


def request_terms(hits, morphs) -> dict[str, float]:
    """The analysed terms of a request: lexicon concepts with their focus weight, plus content
    words (no proper nouns: names of people and companies are not kept)."""
    terms: dict[str, float] = {}
    for hit in hits:
        terms[hit.concept] = max(terms.get(hit.concept, 0.0), round(hit.weight, 3))
    for m in morphs:
        if m.tag in ("NNG", "XR", "SL", "VV", "VA") and len(m.form) > 1:
            key = m.form.lower()
            terms.setdefault(key, MORPHEME_WEIGHT)
    return terms
