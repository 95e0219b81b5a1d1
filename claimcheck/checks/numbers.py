"""The numbers a passage states and what each counts (casualties, money, votes), dates and years left out.

The figures family flags the counts that need a source; the sourcing family
weighs an unattributed claim that carries one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from claimcheck.text.lexicon import COUNT_WORDS, alternation

__all__ = ["Figure", "figures_in"]

_NUM_WORDS = alternation(COUNT_WORDS)
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_FIGURE = re.compile(
    r"(?:(?:at least|more than|less than|fewer than|nearly|almost|about|around|over|under|up to|an estimated|some)"
    r"\s+)?"
    rf"(?:[$£€¥]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|bn|m|k)\b)?"
    rf"|(?<![\w.,-])\d[\d,.]*(?:\s?(?:%|per\s?cent|percent)|\s(?:million|billion|trillion)\b)?"
    rf"|(?<![\w-])(?:{_NUM_WORDS})(?![\w-]))",
    re.IGNORECASE,
)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})[a-z]*\.?\s+$")
_CASUALTY = re.compile(
    r"\b(?:killed|kill(?:s|ing)?|dead|died|deaths?|death toll|injur(?:ed|ies|ing)|wounded|hurt|casualt(?:y|ies)|"
    r"fatalit(?:y|ies)|missing|victims?|bodies|lost their lives|displaced|arrested|hostages?)\b",
    re.IGNORECASE,
)
_MONEY_WORD = re.compile(
    r"\b(?:dollars?|pounds?|euros?|yuan|yen|rupees?|roubles?|francs?|USD|GBP|EUR)\b|[$£€¥]", re.IGNORECASE
)
_VOTES = re.compile(r"\b(?:votes?|voted|voters|ballots?|seats|turnout|electorate|majority)\b", re.IGNORECASE)
_DIGITS = re.compile(r"\d[\d,.]*")
_SCALED = re.compile(r"[$£€¥%]|cent|million|billion|trillion|\bbn\b", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"\s*(?:{_MONTHS})")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_CURRENCY = re.compile(r"[$£€¥]")
#: "voted 7-2", "won 52–48", "by 5 to 4": a tally of record, not a count someone must vouch for.
_TALLY_AFTER = re.compile(r"\s?[-–—]\s?\d|\s+to\s+\d")
_TALLY_BEFORE = re.compile(r"\d\s?[-–—]\s?$|\d\s+to\s+$")
#: "the two", "those three": a number word after a definite determiner points back at people already named.
_BACK_REFERENCE = re.compile(r"\b(?:the|these|those|both|all|its|their)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """A number in a claim and what it counts."""

    start: int
    end: int
    kind: Literal["casualties", "money", "votes", "number"]


def figures_in(text: str, start: int, end: int) -> list[Figure]:
    """Numbers in ``text[start:end]`` with what they count, dates and years left out."""
    out: list[Figure] = []
    span = text[start:end]
    for m in _FIGURE.finditer(span):
        s, e = start + m.start(), start + m.end()
        core = m.group(0)
        digits = _DIGITS.search(core)
        if not digits and _BACK_REFERENCE.search(text[max(0, s - 8) : s]):
            continue  # "the two met on Tuesday": not a figure
        tally = bool(digits) and bool(
            _TALLY_AFTER.match(text[e : e + 6]) or _TALLY_BEFORE.search(text[max(0, s - 6) : s])
        )
        if digits and not _SCALED.search(core):
            value = digits.group(0).rstrip(".,")
            if _DATE_BEFORE.search(text[max(0, s - 12) : s]) or _MONTH_AFTER.match(text[e : e + 6]):
                continue  # "October 7", "7 October"
            if _YEAR.fullmatch(value):
                continue  # a year
        near = text[max(start, s - 60) : min(end, e + 60)]
        after = text[e : min(end, e + 25)]
        if _CURRENCY.search(core) or _MONEY_WORD.match(after.strip()) or _MONEY_WORD.search(after[:12]):
            kind: Literal["casualties", "money", "votes", "number"] = "money"
        elif _CASUALTY.search(near):
            kind = "casualties"
        elif _VOTES.search(near) and not tally:
            kind = "votes"
        else:
            kind = "number"
        out.append(Figure(s, e, kind))
    return out
