"""The boilerplate test's quick word search answers exactly as the patterns do, only sooner."""

from __future__ import annotations

import re
import string

import pytest

from claimcheck.text import boilerplate
from claimcheck.text.boilerplate import BOILERPLATE_PATTERNS, READER_PATTERNS, is_boilerplate

SENTENCES = [
    "Sign up for our newsletter to get the news first.",
    "SIGN-UP for breaking news alerts",
    "\u017fign up today",  # long s: IGNORECASE matches it to "s"
    "Sent straight to your \u0130nbox every morning.",
    "Photo: Jo Park/Getty Images",
    "  “Related: The vote that split the council",
    "(Photo credit: the city)",
    "The mayor said the plan would cost $4 million.",
    "The plan was designed by engineers and signed by the mayor.",
    "Reporting by Ana Ruiz; editing by Tom Lee",
    "The council voted on Tuesday.\nBy Rosalind Teague",
    "The council voted on Tuesday. By Rosalind Teague",
    "By Rosalind Teague",
    "by the river, the crowd grew",
    "Date 2024-05-01 Publisher: the Ledger",
    "Anyone with information should call the police.",
    "Read more: how the vote went",
    "Readers wrote in to complain.",
    "More: what comes next",
    "More than 40 people were hurt.",
    "Watch: the council meeting",
    "We use cookies; by continuing you accept them.",
    "All rights reserved. Copyright 2024.",
    "This story has been updated with the mayor's response.",
    "This is a developing story.",
    "Support independent journalism today.",
    "Click here to download the app.",
    "Thanks for subscribing!",
    "Subscription offers end soon: enter your e-mail address.",
    "More than 8 million people signed up for coverage.",
    "© 2024 The Daily Ledger",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_word_search_agrees_with_the_patterns(sentence: str) -> None:
    assert is_boilerplate(sentence) == boilerplate._matches(sentence)


def test_the_sentences_hold_both_answers() -> None:
    """The cases above are not all one way, so the agreement says something."""
    answers = {is_boilerplate(s) for s in SENTENCES}
    assert answers == {True, False}
    assert is_boilerplate("\u017fign up today") and not is_boilerplate("More than 40 people were hurt.")


def test_every_pattern_holds_a_listed_word() -> None:
    """A new pattern with no word in its lists would never be tried: the lists must grow with it."""
    words = boilerplate._BOILERPLATE_WORDS + boilerplate._LINE_OPENING_WORDS
    for pattern in BOILERPLATE_PATTERNS:
        assert any(w in pattern.lower() for w in words), pattern
    for pattern in READER_PATTERNS:
        assert "^" not in pattern and any(w in pattern.lower() for w in boilerplate._READER_WORDS), pattern


def test_case_fold_covers_every_letter_ignorecase_matches() -> None:
    """Every non-ASCII character ``re.IGNORECASE`` takes for an ASCII letter is folded before the word search."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = {chr(c) for c in range(0x80, 0x110000) if letter.fullmatch(chr(c))}
    folded = {ch for ch in found if ch.translate(boilerplate._IGNORECASE_FOLD) in string.ascii_lowercase}
    assert found and folded == found
