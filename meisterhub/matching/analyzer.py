"""Text analysis for the matcher: cleaning, a spacing-free view of the text, Kiwi morphemes,
Hangul jamo for typo tolerance, and clause weights.

Kiwi is loaded once, lazily (loading takes ~3 s, a query ~2 ms). Nothing here touches Django.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

MAX_CHARS = 3000  # long stories are cut here (kept: the start and the last sentences)
HEAD_CHARS = 2000
KIWI_CHARS = 1500  # morpheme analysis is the slow part: Kiwi reads the first 1,000 characters
KIWI_TAIL = 500  # and the last 500 of a longer text; lexicon matching sees all MAX_CHARS

# Morpheme tags kept as content words (nouns, roots, foreign words, verb/adjective stems).
CONTENT_TAGS = frozenset({"NNG", "NNP", "XR", "SL", "SH", "VV", "VA"})
NOUN_TAGS = frozenset({"NNG", "NNP", "XR", "SL", "SH"})

_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_TAG_RE = re.compile(r"<[^<>]{0,200}>")
_CTRL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\ufeff]")
_WS_RE = re.compile(r"[ \t\r\f\v]+")
_CONTENT_RE = re.compile(r"[가-힣A-Za-z0-9]")
_HANGUL_RE = re.compile(r"[가-힣]")

_kiwi = None
_kiwi_lock = threading.Lock()


def get_kiwi():
    """The shared Kiwi instance (created on first use)."""
    global _kiwi
    if _kiwi is None:
        with _kiwi_lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                _kiwi = Kiwi(model_type="cong")
    return _kiwi


def is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def clean(text: object) -> str:
    """Plain text: markup tags dropped, control characters removed, length capped."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = text[: MAX_CHARS * 3].translate(_FULLWIDTH)
    text = _TAG_RE.sub(" ", text)
    text = _CTRL_RE.sub("", text).replace("<", " ").replace(">", " ")
    text = _WS_RE.sub(" ", text).strip()
    if len(text) > MAX_CHARS:  # keep the opening and the end, where the question usually is
        head = text[: HEAD_CHARS]
        tail = text[-(MAX_CHARS - HEAD_CHARS - 3) :]
        head = head[: head.rfind(" ")] if " " in head[-200:] else head
        tail = tail[tail.find(" ") + 1 :] if " " in tail[:200] else tail
        text = f"{head} … {tail}"
    return text


def compact(text: str) -> tuple[str, list[int]]:
    """Text without spaces (so '고주파 열처리' == '고주파열처리'), keeping one space only
    between two ASCII letters/digits ('MT PT' stays two words). Returns the compact string
    and, for each of its characters, the index in `text`."""
    out: list[str] = []
    idx: list[int] = []
    n = len(text)
    for i, ch in enumerate(text):
        if ch.isspace():
            prev = out[-1] if out else ""
            nxt = text[i + 1] if i + 1 < n else ""
            if prev and prev != " " and is_ascii_alnum(prev) and is_ascii_alnum(nxt):
                out.append(" ")
                idx.append(i)
            continue
        out.append(ch)
        idx.append(i)
    return "".join(out), idx


def compact_key(term: str) -> str:
    return compact(clean(term))[0].lower()


# --- Hangul jamo (typo tolerance works on letters, not whole syllables) ---------------
_CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONG = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"


def jamo(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            out.append(_CHO[code // 588])
            out.append(_JUNG[(code % 588) // 28])
            if code % 28:
                out.append(_JONG[code % 28])
        else:
            out.append(ch)
    return "".join(out)


def deletions(s: str) -> set[str]:
    """s and every string with one character deleted (symmetric-delete fuzzy index)."""
    return {s} | {s[:i] + s[i + 1 :] for i in range(len(s))}


def has_final_consonant(word: str) -> bool:
    for ch in reversed(word):
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            return code % 28 != 0
        if ch.isalnum():
            return ch.lower() in "lmn0136789"  # read aloud: 엘, 엠, 엔, 영, 일, 삼...
    return False


def josa(word: str, with_final: str, without_final: str) -> str:
    return with_final if has_final_consonant(word) else without_final


# --- analysis ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Morph:
    form: str
    tag: str
    start: int
    end: int
    sent: int = 0  # Kiwi's sentence number


@dataclass
class Analysis:
    text: str
    compact: str
    index: list[int]
    morphs: list[Morph] = field(default_factory=list)

    @property
    def has_content(self) -> bool:
        return bool(_CONTENT_RE.search(self.text))

    @property
    def has_hangul(self) -> bool:
        return bool(_HANGUL_RE.search(self.text))

    @property
    def has_foreign_letters(self) -> bool:
        """Letters of another script (Japanese, Chinese, Cyrillic...), not Hangul jamo."""
        return any(ch.isalpha() and not ("\u3131" <= ch <= "\u318e") for ch in self.text)

    def content_terms(self) -> list[str]:
        return [m.form.lower() for m in self.morphs if m.tag in CONTENT_TAGS]


def analyze(text: object) -> Analysis:
    cleaned = clean(text)
    comp, idx = compact(cleaned)
    analysis = Analysis(cleaned, comp, idx)
    if analysis.has_content:
        analysis.morphs = morphs(cleaned)
    return analysis


def morphs(text: str) -> list[Morph]:
    """Kiwi morphemes of the text, or of its first and last parts when it is long."""
    if len(text) <= KIWI_CHARS:
        return _tokens(text, 0, 0)
    head_end = KIWI_CHARS - KIWI_TAIL
    head = _tokens(text[:head_end], 0, 0)
    tail_start = len(text) - KIWI_TAIL
    space = text.find(" ", tail_start, tail_start + 50)
    tail_start = space + 1 if space >= 0 else tail_start
    first_sent = (head[-1].sent + 1) if head else 0
    return head + _tokens(text[tail_start:], tail_start, first_sent)


def _tokens(text: str, offset: int, first_sent: int) -> list[Morph]:
    return [
        Morph(t.form, t.tag.split("-")[0], offset + t.start, offset + t.start + t.len,
              first_sent + t.sent_position)
        for t in get_kiwi().tokenize(text)
    ]


def analyze_terms(text: str) -> list[str]:
    """Content morphemes of a short text (used to build BM25 documents)."""
    cleaned = clean(text)
    return [m.form.lower() for m in morphs(cleaned) if m.tag in CONTENT_TAGS] if cleaned else []


# --- clause focus --------------------------------------------------------------------------
# Clause ends: punctuation, or a connective ending before a space ("…는 정상인데 도금이…").
_CLAUSE_END = re.compile(
    r"[.!?;\n,]|(?<=[가-힣])(?:니|[는은인]데|[는은인]데도|지만|으나|보다는|아니라|말고|고서)(?=\s|,)"
    r"|(?<=[없있했였았었이좋쳤났됐봤])고(?=\s)"  # "…는 이상 없고 도금이…"
)


def clause_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _CLAUSE_END.finditer(text):
        if m.end() > start:
            spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def clause_weights(text: str, markers: dict[str, float]) -> list[tuple[int, int, float]]:
    """(start, end, weight) per clause; a clause takes the weight of its strongest marker."""
    out = []
    for start, end in clause_spans(text):
        part = text[start:end]
        hits = [w for marker, w in markers.items() if marker in part]
        weight = min(hits) if any(w < 1 for w in hits) else max(hits, default=1.0)
        out.append((start, end, weight))
    return out
