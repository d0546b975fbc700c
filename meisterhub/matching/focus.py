"""What a request asks, as opposed to what it is about.

A request names objects (the part, the process, the machine: what it is *about*) and asks a
question (why it fails, how to design it, whether it may be sold: what it *asks*). The objects
usually come first, with history and context; the question comes in the sentence that asks and,
in Korean, right before the ending that asks ("... 피로 때문인지 궁금합니다"). So a concept counts
more when it stands

* in a sentence that asks (a question ending, "?", or a request word from questions.tsv),
* as the last concept of such a sentence (the head of the question in a head-final language),
* as the named cause ("X 때문", "X 탓", "원인은 X", "due to X"),

and less when it stands in the background sentences before the first question of a longer text,
or in a clause the writer marks as settled (focus.tsv: "X는 문제없는데", "X보다는").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from .analyzer import Analysis

ASK_FACTOR = 1.5  # a sentence that asks
LAST_FACTOR = 1.3  # the last sentence, when no sentence asks outright
BACKGROUND_FACTOR = 0.7  # sentences before the first question, in texts of 3+ sentences
HEAD_FACTOR = 1.15  # the last concept of an asking Korean sentence
CAUSE_FACTOR = 1.5  # a concept named as the cause

_SENT_END = re.compile(r"[.!?\n]+|(?<=[요다죠까])\s+(?=[가-힣A-Za-z])|[ㅠㅜㅋㅎ]{1,}\s+|~+\s+")
_QUESTION_ENDING = re.compile(r"(까|까요|나요|가요|나|냐|니|는지요|지요|래요|ᆯ래)$")
_CAUSE_AFTER = re.compile(
    r"^\s*(?:의|이|가|은|는|쪽)?\s*(?:때문|탓|원인|영향|문제(?:인지|인가|일|같|로|라고)|쪽\s*문제"
    r"|불량(?:인지|인가)|로\s*인한|으로\s*인한|에서\s*오는)"
)
_CAUSE_BEFORE = re.compile(
    r"(?:원인은|원인이|원인으로|이유는|due to|caused by|because of|root cause is)\s*$",
    re.IGNORECASE,
)
_ENGLISH = re.compile(r"[A-Za-z]")
_HANGUL = re.compile(r"[가-힣]")


def sentence_spans(analysis: Analysis) -> list[tuple[int, int]]:
    """Sentences as (start, end) covering analysis.text: Kiwi's sentence starts, and breaks at
    punctuation, line breaks, chat marks (ㅠㅠ, ~) and endings in 요/다/죠/까 before a new word
    (Kiwi reads only part of a long text, and does not split English)."""
    text = analysis.text
    breaks = {0, len(text)}
    sent_starts: dict[int, int] = {}
    for m in analysis.morphs:
        sent_starts.setdefault(m.sent, m.start)
    breaks.update(sent_starts.values())
    breaks.update(m.end() for m in _SENT_END.finditer(text))
    points = sorted(b for b in breaks if 0 <= b <= len(text))
    spans = [(a, b) for a, b in itertools.pairwise(points) if text[a:b].strip()]
    return spans or [(0, len(text))]


def _asks(part: str, question_end: bool, cues: tuple[list[str], list[str]]) -> bool:
    if question_end or "?" in part:
        return True
    korean, english = cues
    compact_part = part.replace(" ", "")
    if any(cue in compact_part for cue in korean):
        return True
    lower = f" {part.lower()} "
    return any(f" {cue} " in lower or f" {cue}," in lower for cue in english)


def sentence_weights(analysis: Analysis, cues) -> list[tuple[int, int, float, bool]]:
    """(start, end, weight, asks) per sentence."""
    spans = sentence_spans(analysis)
    endings = [
        m.start for m in analysis.morphs if m.tag == "EF" and _QUESTION_ENDING.search(m.form)
    ]
    asks = [_asks(analysis.text[s:e], any(s <= p < e for p in endings), cues) for s, e in spans]
    first_ask = asks.index(True) if any(asks) else len(spans) - 1
    out = []
    for i, (s, e) in enumerate(spans):
        if asks[i]:
            weight = ASK_FACTOR
        elif i == len(spans) - 1 and len(spans) > 1 and not any(asks):
            weight = LAST_FACTOR
        elif len(spans) >= 3 and i < first_ask:
            weight = BACKGROUND_FACTOR
        else:
            weight = 1.0
        out.append((s, e, weight, asks[i] or (i == len(spans) - 1 and not any(asks))))
    return out


def apply_focus(analysis: Analysis, hits: list, cues) -> list:
    """The hits with their weights multiplied by sentence, head-of-question and cause focus."""
    if not hits:
        return hits
    sentences = sentence_weights(analysis, cues)
    text = analysis.text
    out = []
    last_in: dict[int, int] = {}
    for n, hit in enumerate(hits):
        for i, (s, e, _w, asks) in enumerate(sentences):
            if s <= hit.start < e:
                if asks and (i not in last_in or hits[last_in[i]].start < hit.start):
                    last_in[i] = n
                break
    heads = {
        n
        for i, n in last_in.items()
        if _HANGUL.search(text[sentences[i][0] : sentences[i][1]])
        and not _mostly_english(text[sentences[i][0] : sentences[i][1]])
    }
    for n, hit in enumerate(hits):
        factor = next((w for s, e, w, _a in sentences if s <= hit.start < e), 1.0)
        if n in heads:
            factor *= HEAD_FACTOR
        end = hit.end if hit.end >= 0 else hit.start + len(hit.surface)
        if _CAUSE_AFTER.match(text[end : end + 12]) or _CAUSE_BEFORE.search(
            text[max(0, hit.start - 14) : hit.start]
        ):
            factor *= CAUSE_FACTOR
        out.append(replace(hit, weight=hit.weight * factor))
    return out


def _mostly_english(part: str) -> bool:
    return len(_ENGLISH.findall(part)) > 2 * len(_HANGUL.findall(part))
