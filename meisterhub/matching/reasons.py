"""Short Korean explanations for ranked fields and meisters (plain text, no markup)."""

from __future__ import annotations

import re

from .analyzer import NOUN_TAGS, Analysis, josa
from .concepts import Hit
from .lexicon import FieldInfo, Lexicon

_UNSAFE = re.compile(r"[<>&\"'`\\]")
MAX_TERMS = 3


def plain(text: str) -> str:
    return _UNSAFE.sub("", text).strip()


def _quoted(surface: str, concept: str) -> str:
    surface, concept = plain(surface), plain(concept)
    if surface.replace(" ", "").lower() == concept.replace(" ", "").lower():
        return f"‘{surface}’"
    return f"‘{surface}’({concept})"


def field_reason(
    info: FieldInfo,
    contrib: dict[str, float],
    surfaces: dict[str, str],
    bm25_terms: list[str],
    prior: float,
    org_type: str | None,
    past: int = 0,
) -> str:
    reason = _evidence_reason(info, contrib, surfaces, bm25_terms, prior, org_type)
    if past:
        similar = f"비슷한 과거 상담 {past}건"
        return f"{reason} · {similar}" if reason else f"{similar}이 {info.name_ko} 분야로 배정됨"
    return reason


def _evidence_reason(info, contrib, surfaces, bm25_terms, prior, org_type) -> str:
    if contrib:
        best, words = [], []
        for concept in sorted(contrib, key=lambda c: -contrib[c]):
            word = _quoted(surfaces.get(concept, concept), concept)
            if len(best) < MAX_TERMS and not any(word.startswith(w[:-1]) for w in words):
                best.append(concept)
                words.append(word)
        last = plain(surfaces.get(best[-1], best[-1]))
        return f"{'·'.join(words)}{josa(last, '이', '가')} {info.name_ko} 분야와 일치"
    if bm25_terms:
        words = "·".join(f"‘{plain(t)}’" for t in bm25_terms[:MAX_TERMS])
        return f"{words} 등의 표현이 {info.name_ko} 상담 사례와 비슷함"
    if prior > 0 and org_type:
        return f"{plain(org_type)} 상담에서 자주 찾는 분야"
    return ""


def meister_reason(
    fields: list[str], lex: Lexicon, top_fields: list[str], keywords: list[str], past=False
) -> str:
    parts = []
    codes = [c for c in fields if c in lex.codes]
    if codes:
        main = lex.field(codes[0]).name_ko
        related = [c for c in codes[1:] if c in top_fields]
        if codes[0] in top_fields or not related:
            parts.append(f"주 분야 {main}")
        else:
            parts.append(f"관련 분야 {lex.field(related[0]).name_ko} (주 분야 {main})")
    if keywords:
        parts.append("키워드 " + ", ".join(plain(k) for k in keywords[:MAX_TERMS]))
    if past:
        parts.append("비슷한 과거 상담 담당")
    return " · ".join(parts)


def token_list(analysis: Analysis, hits: list[Hit], limit: int = 40) -> list[str]:
    """Analysed terms for display: lexicon hits first (slang shown with its meaning)."""
    out: list[str] = []
    for hit in sorted(hits, key=lambda h: h.start):
        surface, concept = plain(hit.surface), plain(hit.concept)
        same = surface.replace(" ", "").lower() == concept.replace(" ", "").lower()
        out.append(surface if same else f"{surface}→{concept}")
    out.extend(plain(m.form) for m in analysis.morphs if m.tag in NOUN_TAGS)
    return [t for t in dict.fromkeys(out) if t][:limit]
