"""A small Okapi BM25 index over pre-tokenised documents."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping


class BM25:
    def __init__(self, docs: Mapping[str, list[str]], k1: float = 1.2, b: float = 0.6):
        self.k1, self.b = k1, b
        self.tf = {key: Counter(terms) for key, terms in docs.items()}
        self.length = {key: len(terms) or 1 for key, terms in docs.items()}
        self.avg = sum(self.length.values()) / max(len(self.length), 1)
        df: Counter[str] = Counter()
        for counts in self.tf.values():
            df.update(counts.keys())
        n = len(self.tf)
        self.idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}

    def scores(self, query: Iterable[str]) -> dict[str, float]:
        out = dict.fromkeys(self.tf, 0.0)
        for term in set(query):
            idf = self.idf.get(term)
            if idf is None:
                continue
            for key, counts in self.tf.items():
                f = counts.get(term)
                if f:
                    norm = self.k1 * (1 - self.b + self.b * self.length[key] / self.avg)
                    out[key] += idf * f * (self.k1 + 1) / (f + norm)
        return out

    def matched(self, query: Iterable[str], key: str) -> list[str]:
        counts = self.tf.get(key, {})
        return [t for t in dict.fromkeys(query) if t in counts]
