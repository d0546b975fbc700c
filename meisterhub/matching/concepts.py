"""Finding lexicon concepts in an analysed text.

Order matters: material grades first (so "SCM440" is not read as the SCM of supply chains),
then substrings of the spacing-free text, longest first and without overlaps (so
"고주파열처리" is one concept, and a mask like "단조롭" hides "단조"), then whole-morpheme
terms, then one-letter typos of longer terms ("열쳐리" -> 열처리) on the spans still free.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .analyzer import NOUN_TAGS, Analysis, clause_weights, deletions, is_ascii_alnum, jamo
from .focus import apply_focus
from .lexicon import Alias, Lexicon

GRADE_COMPARISON = "강종 비교"
FUZZY_FACTOR = 0.75  # a typo match is a little less certain than an exact one
TOKEN_TAGS = NOUN_TAGS | {"NNB"}
_HANGUL = re.compile(r"^[가-힣]+$")


@dataclass(frozen=True)
class Hit:
    concept: str
    surface: str  # what to show the user
    start: int  # position in Analysis.text
    kind: str  # "grade", "exact", "token", "fuzzy"
    weight: float  # clause focus x certainty (x sentence focus, see focus.py)
    end: int = -1  # end in Analysis.text


_ENGLISH_ENDING = re.compile(r"(?:s|es|ed|d|ing)(?![A-Za-z0-9])")


def _boundary_ok(comp: str, start: int, end: int, key: str) -> bool:
    if is_ascii_alnum(key[0]) and start > 0 and is_ascii_alnum(comp[start - 1]):
        return False
    if not (is_ascii_alnum(key[-1]) and end < len(comp) and is_ascii_alnum(comp[end])):
        return True
    # English words keep their plural and verb endings: "burrs", "cracked", "leaking".
    return len(key) >= 4 and key[-1].isalpha() and bool(_ENGLISH_ENDING.match(comp, end))


def _raw_to_compact(analysis: Analysis) -> list[int]:
    out = [0] * (len(analysis.text) + 1)
    pos = 0
    for ci, ri in enumerate(analysis.index):
        while pos <= ri:
            out[pos] = ci
            pos += 1
    for p in range(pos, len(out)):
        out[p] = len(analysis.index)
    return out


class _Spans:
    def __init__(self, size: int):
        self.taken = bytearray(size + 1)

    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def take(self, start: int, end: int) -> None:
        self.taken[start:end] = b"\x01" * (end - start)


def find_hits(analysis: Analysis, lex: Lexicon) -> list[Hit]:
    text, comp = analysis.text, analysis.compact
    if not comp:
        return []
    lower = comp.lower()
    r2c = _raw_to_compact(analysis)
    spans = _Spans(len(comp))
    clauses = clause_weights(text, lex.markers)

    def focus(raw_start: int) -> float:
        for start, end, weight in clauses:
            if start <= raw_start < end:
                return weight
        return 1.0

    hits: list[Hit] = []
    for grade in lex.grades:
        for m in grade.pattern.finditer(text):
            cs, ce = r2c[m.start()], r2c[m.end()]
            if spans.free(cs, ce):
                spans.take(cs, ce)
                surface = m.group(0).upper().replace(" ", "")
                hits.append(
                    Hit(grade.family, surface, m.start(), "grade", focus(m.start()), m.end())
                )

    grades = list(dict.fromkeys(h.surface for h in hits))
    if len(grades) >= 2:  # two grades side by side: the question is about choosing material
        hits.append(Hit(GRADE_COMPARISON, "·".join(grades[:2]), hits[0].start, "grade", 1.0))

    candidates: list[tuple[int, int, Alias, str]] = []
    for i in range(len(lower) - 1):
        for alias in lex.by_prefix.get(lower[i : i + 2], ()):
            end = i + len(alias.key)
            source = comp if alias.mode == "case" else lower
            if source.startswith(alias.key, i) and _boundary_ok(comp, i, end, alias.key):
                candidates.append((i, end, alias, "exact"))
    candidates += _fuzzy_candidates(analysis, lex, candidates, r2c)
    # Longest first; on equal length an exact match beats a typo match.
    candidates.sort(key=lambda c: (c[0] - c[1], c[3] != "exact", c[0]))
    accepted: set[tuple[int, int]] = set()
    for start, end, alias, kind in candidates:
        if not spans.free(start, end) and (kind != "exact" or (start, end) not in accepted):
            continue
        spans.take(start, end)
        accepted.add((start, end))
        if alias.concept:
            raw = analysis.index[start]
            certainty = FUZZY_FACTOR if kind == "fuzzy" else 1.0
            surface = alias.surface
            if kind == "fuzzy":
                surface = analysis.text[raw : analysis.index[end - 1] + 1]
            raw_end = analysis.index[end - 1] + 1
            hits.append(Hit(alias.concept, surface, raw, kind, focus(raw) * certainty, raw_end))

    for morph in analysis.morphs:
        aliases = lex.by_token.get(morph.form)
        if not aliases:
            continue
        cs, ce = r2c[morph.start], r2c[morph.end]
        if not spans.free(cs, ce):
            continue
        for alias in aliases:
            tag_ok = morph.tag.startswith(alias.tag) if alias.tag else morph.tag in TOKEN_TAGS
            if tag_ok and alias.concept:
                surface = morph.form + ("다" if morph.tag in ("VV", "VA") else "")
                hits.append(
                    Hit(alias.concept, surface, morph.start, "token", focus(morph.start), morph.end)
                )
    return apply_focus(analysis, hits, lex.question_cues)


def _fuzzy_candidates(analysis: Analysis, lex: Lexicon, exact, r2c) -> list:
    """Windows of 3-6 syllables one jamo away from a lexicon term. A window must be at least
    two syllables longer than any exact term starting there ("용접이" is 용접 + particle)."""
    comp = analysis.compact
    longest: dict[int, int] = {}
    for start, end, _alias, _kind in exact:
        longest[start] = max(longest.get(start, 0), end - start)
    starts = {r2c[m.start] for m in analysis.morphs if m.tag in NOUN_TAGS}
    starts |= {r2c[i + 1] for i, ch in enumerate(analysis.text) if ch == " "} | {0}
    out = []
    for cs in sorted(starts):
        for length in (6, 5, 4, 3):
            window = comp[cs : cs + length]
            if len(window) < length or length < longest.get(cs, 0) + 2:
                continue
            raw_start, raw_end = analysis.index[cs], analysis.index[cs + length - 1]
            if " " in analysis.text[raw_start:raw_end]:
                continue  # typos live inside one word; spacing is handled by exact matching
            if not _HANGUL.match(window) or window in lex.fuzzy_alias:
                continue
            key = jamo(window)
            found = {k for v in deletions(key) for k in lex.fuzzy.get(v, ())}
            found = {k for k in found if jamo(k)[0] == key[0] and abs(len(k) - length) <= 1}
            if found:
                best = min(found, key=lambda k: (abs(len(k) - length), k))
                out.append((cs, cs + length, lex.fuzzy_alias[best], "fuzzy"))
                break
    return out
