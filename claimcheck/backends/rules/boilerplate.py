"""Text around an article that makes no claim: sign-up prompts, bylines, datelines, headlines, questions.

Spec section 1 excludes these from claims; the rules drop whole sentences
that match and strip a dateline ("WASHINGTON (Reuters) -") from the front
of the sentence it opens.
"""

from __future__ import annotations

import re

from claimcheck.backends.rules.lexicon import BOILERPLATE_PATTERNS

__all__ = ["byline_names", "dateline_end", "is_boilerplate", "is_headline", "is_question"]

_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_PATTERNS), re.IGNORECASE | re.MULTILINE)
_BYLINE = re.compile(r"^[ \t]*(?:by|By|BY)[ \t]+((?:[A-Z][\w.'’-]+[ \t]+){0,3}[A-Z][\w.'’-]+)[ \t]*$", re.MULTILINE)
_DATELINE = re.compile(r"^\s*[A-Z][A-Z.,' ]{2,40}(?:\s*\([^)\n]{1,40}\))?\s*[-–—]+\s*")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "vs",
        "via",
    ]
)


def is_boilerplate(sentence: str) -> bool:
    """A sign-up prompt, credit, byline, "developing story" note or similar."""
    return _BOILERPLATE.search(sentence) is not None


def is_question(sentence: str) -> bool:
    """A pure question asserts nothing a fact-checker could check."""
    return sentence.rstrip().rstrip("”\"’')").endswith("?")


def byline_names(text: str) -> frozenset[str]:
    """Lower-cased surnames of the writers a document's byline lines name ("By Rosalind Teague" → "teague")."""
    return frozenset(m.group(1).split()[-1].lower() for m in _BYLINE.finditer(text))


def dateline_end(sentence: str) -> int:
    """Length of a leading dateline ("KYIV, Ukraine (AP) —"), 0 when there is none."""
    m = _DATELINE.match(sentence)
    return m.end() if m else 0


def is_headline(paragraph: str) -> bool:
    """A short one-line paragraph in title case, or with no closing full stop, opening a document."""
    line = paragraph.strip()
    if not line or "\n" in line:
        return False
    words = _WORD.findall(line)
    if not words or len(words) > 25:
        return False
    if line[-1] not in ".!?”\"'’":
        return True
    content = [w for w in words if w.lower() not in _SMALL]
    capital = sum(1 for w in content if w[0].isupper())
    return len(content) >= 3 and capital / len(content) >= 0.7
