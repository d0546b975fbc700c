"""Loading the matcher's data files into lookup structures.

Files (UTF-8, tab separated, `#` starts a comment line; staff can extend them without code):

* ``meisterhub/meisters/data/fields.tsv`` - the 23-field taxonomy (code, name_ko, name_en, scope).
* ``data/knowledge.tsv`` - per field: kind, weight, terms separated by ``|``. A term listed under
  several fields carries a weight for each. Kind ``problem`` lines are example sentences that
  only feed the BM25 documents.
* ``data/synonyms.tsv`` - canonical term, variants (shop-floor slang, loanword spellings,
  typos, English, verb stems). A variant inherits the canonical term's field weights.
  Canonical ``-`` marks a *mask*: a longer string that stops a short term from firing.
* ``data/grades.tsv`` - regular expressions for material grades -> family and small weights.
* ``data/focus.tsv`` - clause markers that weaken ("검사 결과는 확실하니") or strengthen a clause.

A term written ``=X`` (or ``=X/VV``) matches only a whole Kiwi morpheme (with that tag);
one-syllable Korean terms always do. Short ASCII terms (<= 3 chars) match case-sensitively.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .analyzer import analyze_terms, clean, compact, compact_key, deletions, is_ascii_alnum, jamo

DATA_DIR = Path(__file__).resolve().parent / "data"
TAXONOMY_PATH = Path(__file__).resolve().parents[1] / "meisters" / "data" / "fields.tsv"
# Same format: canonical term, variants. Loanword spellings, typos and verb stems; shop-floor
# slang (Japanese-origin and Korean); English terms and phrasings.
SYNONYM_FILES = ("synonyms.tsv", "slang.tsv", "english.tsv")
NAME_WEIGHT = 2.0  # parts of a field's own name ("표면처리", "도금", ...)
_HANGUL_ONLY = re.compile(r"^[가-힣]+$")


@dataclass(frozen=True)
class FieldInfo:
    code: str
    name_ko: str
    name_en: str
    scope: str


@dataclass(frozen=True)
class Alias:
    key: str  # compact lower-case form, or the morpheme form in token mode
    surface: str  # as written in the data file, for reasons
    concept: str  # canonical term; "" for a mask
    mode: str  # "sub" (substring of the compact text), "case" (short ASCII), "token"
    tag: str = ""


@dataclass
class Concept:
    term: str
    weights: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Grade:
    pattern: re.Pattern
    family: str


def _rows(path: Path, min_cols: int) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) >= min_cols:
            rows.append([c.strip() for c in cols])
    return rows


@lru_cache(maxsize=4)
def get_taxonomy(path: Path = TAXONOMY_PATH) -> list[FieldInfo]:
    """The 23 fields, in file order, from meisterhub/meisters/data/fields.tsv."""
    return [FieldInfo(*row[:4]) for row in _rows(path, 4) if row[0] != "code"]


def parse_weights(text: str) -> dict[str, float]:
    out = {}
    for part in text.split():
        code, _, value = part.partition(":")
        out[code] = float(value or 1)
    return out


class Lexicon:
    """All lookup tables built from the data files (build once, share)."""

    def __init__(self, data_dir: Path = DATA_DIR, taxonomy: list[FieldInfo] | None = None):
        self.fields = taxonomy or get_taxonomy()
        self.codes = [f.code for f in self.fields]
        self.concepts: dict[str, Concept] = {}
        self.by_prefix: dict[str, list[Alias]] = defaultdict(list)
        self.by_token: dict[str, list[Alias]] = defaultdict(list)
        self.fuzzy: dict[str, set[str]] = defaultdict(set)
        self.fuzzy_alias: dict[str, Alias] = {}
        self.grades: list[Grade] = []
        self.markers: dict[str, float] = {}
        self.doc_text: dict[str, list[str]] = {f.code: [f.name_ko, f.scope] for f in self.fields}
        self._seen: set[tuple[str, str, str]] = set()
        self._canonical: dict[str, str] = {}
        self._load_fields()
        self._load_knowledge(data_dir / "knowledge.tsv")
        for name in SYNONYM_FILES:
            self._load_synonyms(data_dir / name)
        self._load_grades(data_dir / "grades.tsv")
        self.markers = {row[0]: float(row[1]) for row in _rows(data_dir / "focus.tsv", 2)}
        cues = [row[0] for row in _rows(data_dir / "questions.tsv", 1)]
        self.question_cues = (
            [c.replace(" ", "") for c in cues if not c.isascii()],
            [c.lower() for c in cues if c.isascii()],
        )
        self.docs = {
            code: [t for part in parts for t in analyze_terms(part)]
            for code, parts in self.doc_text.items()
        }

    # -- building ----------------------------------------------------------------------
    def concept(self, term: str) -> Concept:
        # "분체 도장" and "분체도장" are one concept: resolve through the compact form.
        term = self._canonical.setdefault(compact_key(term) or term, term)
        if term not in self.concepts:
            self.concepts[term] = Concept(term)
        return self.concepts[term]

    def add_term(self, term: str, code: str | None, weight: float) -> None:
        concept = self.concept(term.lstrip("=").partition("/")[0])
        if code:
            concept.weights[code] = max(concept.weights.get(code, 0.0), weight)
        self.add_alias(term, concept.term)

    def add_alias(self, surface: str, concept: str) -> None:
        token_mode = surface.startswith("=")
        form, _, tag = surface.lstrip("=").partition("/")
        key = compact_key(form)
        if not key:
            return
        if token_mode or (len(key) == 1 and _HANGUL_ONLY.match(key)):
            alias = Alias(form, form, concept, "token", tag)
            if (form, concept, "token") not in self._seen:
                self._seen.add((form, concept, "token"))
                self.by_token[form].append(alias)
            return
        short_ascii = len(key) <= 3 and all(is_ascii_alnum(c) for c in key)
        if short_ascii:
            key = compact(clean(form))[0]  # keeps case: "MT" must not match "mt" in prose
        mode = "case" if short_ascii else "sub"
        if (key, concept, mode) in self._seen or len(key) < 2:
            return
        self._seen.add((key, concept, mode))
        alias = Alias(key, form, concept, mode)
        self.by_prefix[key[:2].lower()].append(alias)
        if concept and _HANGUL_ONLY.match(key) and len(key) >= 3:
            self.fuzzy_alias.setdefault(key, alias)
            for variant in deletions(jamo(key)):
                self.fuzzy[variant].add(key)

    def _load_fields(self) -> None:
        for f in self.fields:
            for part in re.split(r"[·/]", f.name_ko):
                self.add_term(part, f.code, NAME_WEIGHT)

    def _load_knowledge(self, path: Path) -> None:
        for code, kind, weight, terms in (row[:4] for row in _rows(path, 4)):
            if code not in self.doc_text:
                continue
            for term in filter(None, (t.strip() for t in terms.split("|"))):
                self.doc_text[code].append(term.lstrip("="))
                if kind != "problem":
                    self.add_term(term, code, float(weight))

    def _load_synonyms(self, path: Path) -> None:
        for row in _rows(path, 2):
            canonical, variants = row[0], row[1]
            if canonical != "-":
                canonical = self.concept(canonical).term
                self.add_alias(canonical, canonical)
            for variant in filter(None, (v.strip() for v in variants.split("|"))):
                self.add_alias(variant, "" if canonical == "-" else canonical)

    def _load_grades(self, path: Path) -> None:
        for row in _rows(path, 3):
            pattern = re.compile(rf"(?<![A-Za-z0-9])(?:{row[0]})(?![A-Za-z0-9])", re.IGNORECASE)
            concept = self.concept(row[1])
            concept.weights.update(parse_weights(row[2]))
            self.grades.append(Grade(pattern, concept.term))

    # -- helpers -------------------------------------------------------------------------
    def weights(self, term: str) -> dict[str, float]:
        concept = self.concepts.get(term)
        return concept.weights if concept else {}

    def field(self, code: str) -> FieldInfo:
        return self.fields[self.codes.index(code)]


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The shared lexicon built from the packaged data files."""
    return Lexicon()


__all__ = ["DATA_DIR", "Alias", "FieldInfo", "Lexicon", "clean", "get_lexicon", "get_taxonomy"]
