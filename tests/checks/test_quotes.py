"""The quotes family: quoted words with a speaker, quotation marks that pair up, and quotes inside quotes."""

from __future__ import annotations

import pytest
from check_helpers import by_rule, claim, ext, spans

from claimcheck.checks import check

QUOTES = (
    "The mayor said the plan was “bold but affordable”.\n\n"
    "The so-called “consultation” lasted a week.\n\n"
    "“We will not back down,” said Tom Reyes. “Not this year.”\n\n"
    "Residents want “answers,” one neighbour told us."
)


def test_scare_quotes_in_the_writers_voice_have_no_speaker() -> None:
    story = ext(
        QUOTES,
        claim(QUOTES, "the plan was “bold but affordable”", "The mayor", "mayor", "person", "said"),
        claim(QUOTES, "The so-called “consultation” lasted a week"),
        claim(QUOTES, "We will not back down", "Tom Reyes", "Tom Reyes", "person", "said"),
    )
    found = by_rule(check(story), "quote-without-source")
    # "Not this year." continues Tom Reyes's quote; "answers" has a cue in its sentence
    assert [QUOTES[f.start : f.end] for f in found] == ["“consultation”"]
    assert found[0].claim == 1 and found[0].severity == "warning"


def test_quotes_with_no_claim_and_no_cue_are_flagged() -> None:
    text = "The minister’s “reset” of the policy began in May."
    assert spans(check(ext(text)), text, "quote-without-source") == ["“reset”"]


def test_a_speaker_in_the_sentence_counts_even_if_the_backend_left_the_claim_unattributed() -> None:
    text = (
        "The senator called the bank’s conduct “shameful” on Tuesday. "
        "“Pay it back. All of it,” the senator told the chief executive. "
        "The bank sold “premium” accounts to students, and Robert “Bud” Ellis ran the “Morning Money” show."
    )
    story = ext(text, claim(text, "The senator called the bank’s conduct “shameful” on Tuesday"))
    assert spans(check(story), text, "quote-without-source") == ["“premium”"]


def test_a_block_quotation_introduced_by_a_cue_and_a_colon_has_a_speaker() -> None:
    text = "The Harbour Gazette reported:\n\n“Only 24 of the 90 berths were let this summer.”\n\nThe quay was “quiet”."
    assert spans(check(ext(text)), text, "quote-without-source") == ["“quiet”"]


def test_a_quote_running_over_paragraphs_is_balanced() -> None:
    text = (
        "“The first paragraph of the statement opens here.\n\n"
        "“The second continues it.\n\n"
        "“And the third closes it,” she said.\n\n"
        "Nothing else is quoted."
    )
    assert not by_rule(check(ext(text)), "unbalanced-quotes")


@pytest.mark.parametrize(
    ("text", "mark", "severity", "says"),
    [
        ("He called it “a mistake.\n\nThe vote is on Monday.", "“", "error", "never closed"),
        ("The report called it “a disgrace.", "“", "error", "end of the text"),
        ("The vote is on Monday. The result” will be close.", "”", "error", "no opening"),
        ('She said "no comment.\n\nThe vote is on Monday.', '"', "error", "never closed"),
        ("He called it “a mistake.\n\nThe vote” is on Monday.", "“", "warning", "without reopening"),
        ("She said “a new “era” begins.", "“", "error", "opens before it closes"),
        ("She said ”a new era” begins.", "”", "error", "closing mark opens"),
    ],
)
def test_unclosed_and_stray_quotation_marks(text: str, mark: str, severity: str, says: str) -> None:
    found = by_rule(check(ext(text)), "unbalanced-quotes")
    assert [(text[f.start : f.end], f.severity) for f in found] == [(mark, severity)]
    assert says in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        'The chief said it would be "several days” before the road reopens.',
        '"HOST: The show is called “Harbour Lights.” It airs on Sunday.\n\n"GUEST: I have seen it."',
    ],
)
def test_mixed_and_nested_quote_styles_pair_up(text: str) -> None:
    assert not by_rule(check(ext(text)), "unbalanced-quotes")


def test_a_quote_attributed_inside_another_speakers_quote() -> None:
    text = "“The mayor told us, ‘We will not raise the fees,’ and then she raised them,” Councillor Dan Park said."
    story = ext(
        text,
        claim(text, "The mayor told us, ‘We will not raise the fees,’ and then she raised them", "Councillor Dan Park",
              "Dan Park", "person", "said"),
        claim(text, "We will not raise the fees", "The mayor", "Maria Ruiz", "person", "told"),
    )  # fmt: skip
    found = by_rule(check(story), "attribution-inside-quote")
    assert [text[f.start : f.end] for f in found] == ["The mayor"]
    assert "Dan Park's account" in found[0].message
    # the text scan finds a nested quotation even where no claim was extracted for it
    only_outer = ext(text, story.claims[0])
    found = by_rule(check(only_outer), "attribution-inside-quote")
    assert [text[f.start : f.end] for f in found] == ["‘We will not raise the fees,’"]


def test_a_quote_by_the_same_speaker_is_not_second_hand() -> None:
    text = "“I told them, ‘No more delays,’ and I meant it,” Ruiz said."
    story = ext(
        text, claim(text, "I told them, ‘No more delays,’ and I meant it", "Ruiz", "Maria Ruiz", "person", "said")
    )
    found = by_rule(check(story), "attribution-inside-quote")
    assert len(found) == 1  # Ruiz reporting her own words: still a nested quotation, flagged once, as hers
    assert "Maria Ruiz's quotation" in found[0].message


def test_unnamed_people_inside_a_quote_are_the_speakers_own_talk() -> None:
    text = "“People tell me the fees are too high,” Ruiz said."
    story = ext(
        text,
        claim(text, "People tell me the fees are too high", "Ruiz", "Maria Ruiz", "person", "said"),
        claim(text, "the fees are too high", "People", "People", "person", "tell"),
    )
    assert by_rule(check(story), "attribution-inside-quote") == []
