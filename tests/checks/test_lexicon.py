"""The checks read their word lists from the lexicon the rules backend shares: a word added there is flagged too."""

from __future__ import annotations

import pytest
from check_helpers import by_rule, ext

from claimcheck.backends.rules import lexicon as rules_lexicon
from claimcheck.checks import check
from claimcheck.checks.numbers import figures_in
from claimcheck.text import lexicon


def test_the_rules_and_the_checks_read_one_lexicon() -> None:
    for name in ("ANONYMOUS_HEADS", "AGENTLESS_PARTICIPLES", "NUMBER_WORDS"):
        assert getattr(rules_lexicon, name) is getattr(lexicon, name)
    assert lexicon.UNNAMED_SOURCE_HEADS <= lexicon.ANONYMOUS_HEADS
    assert lexicon.NUMBER_NAMES | lexicon.NUMBER_SCALES <= lexicon.NUMBER_WORDS & lexicon.COUNT_WORDS


@pytest.mark.parametrize("word", sorted(lexicon.AGENTLESS_PARTICIPLES))
def test_every_agentless_participle_is_an_agentless_hedge(word: str) -> None:
    text = f"The gunman is {word} to be a local man."
    assert [text[f.start : f.end] for f in by_rule(check(ext(text)), "agentless-hedge")] == [f"{word} to be"]


@pytest.mark.parametrize("word", sorted(lexicon.UNNAMED_SOURCE_HEADS))
def test_every_unnamed_source_head_is_an_anonymous_source(word: str) -> None:
    text = f"Two {word} said the talks had collapsed."
    assert by_rule(check(ext(text)), "anonymous-source")


@pytest.mark.parametrize("word", sorted(lexicon.VAGUE_GROUP_NOUNS))
def test_every_vague_group_is_a_vague_source(word: str) -> None:
    text = f"Many {word} said the plan would fail."
    assert by_rule(check(ext(text)), "vague-source")


@pytest.mark.parametrize("word", sorted(lexicon.COUNT_WORDS))
def test_every_count_word_is_a_figure(word: str) -> None:
    text = f"Police said {word} people were killed."
    assert [(text[f.start : f.end], f.kind) for f in figures_in(text, 0, len(text))] == [(word, "casualties")]


@pytest.mark.parametrize("form", sorted(lexicon.SPEECH_VERB_FORMS))
def test_every_speech_verb_form_makes_unnamed_officials_a_source(form: str) -> None:
    assert by_rule(check(ext(f"Two officials {form} that the talks had collapsed.")), "anonymous-source")


def test_unnamed_officials_with_no_speech_verb_are_no_source() -> None:
    assert not by_rule(check(ext("Two officials ate lunch before the talks collapsed.")), "anonymous-source")
