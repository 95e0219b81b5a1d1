"""The sources family: unnamed and vague sources, a name spelled two ways, and what the stylebooks ask of an
unnamed source."""

from __future__ import annotations

import pytest
from check_helpers import by_rule, claim, ext, spans

from claimcheck.checks import check
from claimcheck.schema import Claim

SOURCES = (
    "Officials said the dam would be inspected on Friday. "
    "A person familiar with the inspection described the cracks as deep. "
    "According to two senior engineering sources, the spillway is blocked. "
    "Experts say the reservoir is too full. Some argue the inspection comes too late. "
    "Goldman Sachs economists said insurance costs would rise. "
    "Mayor Ruth Okafor said the town was ready."
)


def test_anonymous_sources_are_flagged_from_the_text() -> None:
    found = check(ext(SOURCES))
    assert spans(found, SOURCES, "anonymous-source") == [
        "Officials said",
        "A person familiar with the inspection",
        "According to two senior engineering sources",
    ]
    assert {f.severity for f in by_rule(found, "anonymous-source")} == {"warning"}


def test_vague_sources_are_flagged_but_a_named_group_is_not() -> None:
    found = check(ext(SOURCES))
    assert spans(found, SOURCES, "vague-source") == ["Experts say", "Some argue"]


def test_anonymous_source_from_the_extraction_whatever_the_wording() -> None:
    text = "The bridge will close for a month, a council insider told the Gazette."
    story = ext(text, claim(text, "The bridge will close for a month", "a council insider", None, "anonymous",
                            "told"))  # fmt: skip
    found = by_rule(check(story), "anonymous-source")
    assert len(found) == 1 and text[found[0].start : found[0].end] == "a council insider"
    assert found[0].claim == 0


def test_anonymity_that_is_explained_is_only_info() -> None:
    text = "Officials said the plant would close, speaking on condition of anonymity because talks are ongoing."
    found = by_rule(check(ext(text)), "anonymous-source")
    assert [f.severity for f in found] == ["info"]


def test_an_unresolved_pronoun_is_not_an_anonymous_source() -> None:
    text = "The bridge will close for a month, they said."
    story = ext(text, claim(text, "The bridge will close for a month", "they", "they", "anonymous", "said"))
    assert not by_rule(check(story), "anonymous-source")


def test_a_name_typed_anonymous_by_a_backend_is_not_flagged() -> None:
    text = "The toll will rise next year, Okafor said. The fares will rise too, a council insider said."
    story = ext(
        text,
        claim(text, "The toll will rise next year", "Okafor", "Okafor", "anonymous", "said"),
        claim(text, "The fares will rise too", "a council insider", None, "anonymous", "said"),
    )
    assert spans(check(story), text, "anonymous-source") == ["a council insider"]


def test_named_sources_are_neither_anonymous_nor_vague() -> None:
    text = "Mayor Ruth Okafor said the town was ready. The harbour master told reporters the tide was low."
    found = check(ext(text))
    assert not by_rule(found, "anonymous-source") and not by_rule(found, "vague-source")


def test_the_authors_of_a_named_study_are_not_anonymous() -> None:
    text = (
        "A study published in The Lancet on Monday found that sleep loss raises blood pressure. "
        "The authors said the effect was strongest in older adults."
    )
    story = ext(
        text,
        claim(text, "sleep loss raises blood pressure", "A study", "study", "document", "found"),
        claim(text, "the effect was strongest in older adults", "The authors", "The authors", "anonymous", "said"),
    )
    assert by_rule(check(story), "anonymous-source") == []
    bare = "The authors said the effect was strongest in older adults."
    alone = ext(bare, claim(bare, "the effect was strongest in older adults", "The authors", None, "anonymous", "said"))
    assert spans(check(alone), bare, "anonymous-source") == ["The authors"]


COUNCIL = (
    "The budget will be cut by a tenth, according to council treasurer Miriam Halvorsen.\n\n"
    "Libraries will close on Sundays, Ms Halverson said. Mr Okafor said he would vote against it."
)


def _treasurer() -> Claim:
    """The claim that names the treasurer in full, spelt right."""
    return claim(COUNCIL, "The budget will be cut by a tenth", "council treasurer Miriam Halvorsen", "Miriam Halvorsen",
                 "person", "according to")  # fmt: skip


@pytest.mark.parametrize("resolved", [None, "Ms Halverson", "Halverson", "Miriam Halvorsen"])
def test_a_misspelt_source_is_reported_with_the_intended_name(resolved: str | None) -> None:
    story = ext(
        COUNCIL,
        _treasurer(),
        claim(COUNCIL, "Libraries will close on Sundays", "Ms Halverson", resolved, "person", "said"),
        claim(COUNCIL, "he would vote against it", "Mr Okafor", "Okafor", "person", "said"),
    )
    found = by_rule(check(story), "source-name-mismatch")
    assert len(found) == 1
    f = found[0]
    assert COUNCIL[f.start : f.end] == "Ms Halverson" and f.severity == "error"
    assert "Miriam Halvorsen" in f.message and f.fix == "use “Ms Halvorsen”"
    assert (f.line, f.column) == (3, COUNCIL.splitlines()[2].index("Ms Halverson") + 1)


def test_the_misspelling_is_found_in_the_text_even_when_no_claim_carries_it() -> None:
    story = ext(COUNCIL, _treasurer())
    assert spans(check(story), COUNCIL, "source-name-mismatch") == ["Ms Halverson"]


def test_two_people_with_similar_names_are_not_a_misspelling() -> None:
    text = "Rents rose, said landlord Anna Berg. Rents fell, said tenant Jonas Borg. Ms Berg and Mr Borg met."
    story = ext(
        text,
        claim(text, "Rents rose", "landlord Anna Berg", "Anna Berg", "person", "said"),
        claim(text, "Rents fell", "tenant Jonas Borg", "Jonas Borg", "person", "said"),
    )
    assert not by_rule(check(story), "source-name-mismatch")


def test_one_full_name_spelt_two_ways_flags_the_later_one() -> None:
    text = "Taxes will rise, said Paula Lindqvist. Spending will fall, said Paula Lindquist."
    story = ext(
        text,
        claim(text, "Taxes will rise", "Paula Lindqvist", "Paula Lindqvist", "person", "said"),
        claim(text, "Spending will fall", "Paula Lindquist", "Paula Lindquist", "person", "said"),
    )
    found = by_rule(check(story), "source-name-mismatch")
    assert [text[f.start : f.end] for f in found] == ["Paula Lindquist"]


def test_anonymity_needs_a_reason() -> None:
    text = (
        "Officials said the bridge would reopen in May.\n\n"
        "A senior official, who spoke on condition of anonymity because she was not authorised to discuss "
        "the audit, said no fraud was found.\n\n"
        "Another official, who spoke on condition of anonymity, said the audit would end in June."
    )
    story = ext(
        text,
        claim(text, "the bridge would reopen in May", "Officials", None, "anonymous", "said"),
        claim(text, "no fraud was found", "A senior official", None, "anonymous", "said"),
        claim(text, "the audit would end in June", "Another official", None, "anonymous", "said"),
    )
    found = by_rule(check(story), "anonymity-unexplained")
    assert [(text[f.start : f.end], f.severity) for f in found] == [
        ("Officials", "warning"),
        ("Another official", "info"),
    ]
    assert "spoke on condition of anonymity because" in found[0].fix
    assert "does not say why" in found[1].message


def test_anonymous_sources_for_opinion_not_information() -> None:
    text = (
        "Officials said the mayor's plan was a mistake. Aides believe she will resign. "
        "Officials said the bridge would reopen in May. One official said the repairs might slip."
    )
    story = ext(
        text,
        claim(text, "the mayor's plan was a mistake", "Officials", None, "anonymous", "said"),
        claim(text, "she will resign", "Aides", None, "anonymous", "believe"),
        claim(text, "the bridge would reopen in May", "Officials", None, "anonymous", "said"),
        claim(text, "the repairs might slip", "One official", None, "anonymous", "said"),
    )
    found = by_rule(check(story), "anonymous-opinion")
    assert [text[f.start : f.end] for f in found] == [
        "the mayor's plan was a mistake",
        "she will resign",
        "the repairs might slip",
    ]
    assert [w in f.message for w, f in zip(["judgement", "opinion", "speculation"], found, strict=True)] == [True] * 3


def test_named_sources_may_give_opinions() -> None:
    text = "Maria Ruiz said the plan was a mistake."
    story = ext(text, claim(text, "the plan was a mistake", "Maria Ruiz", "Maria Ruiz", "person", "said"))
    assert by_rule(check(story), "anonymous-opinion") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("A source said the contractor was paid twice.", ["A source"]),
        ("Sources say the deal is close.", ["Sources"]),
        ("The deal is close, according to sources.", ["sources"]),
        ("Two sources, who asked not to be named, said the deal was close.", ["Two sources"]),
        ("Pentagon sources said the deal was close.", []),
        ("Sources familiar with the talks said the deal was close.", []),
        ("Sources close to the mayor said she would run.", []),
        ("Solar sources now supply a third of the grid.", []),
        ("The source of the fire was a heater.", []),
        ("“Sources said nothing,” Ruiz said.", []),
    ],
)
def test_unmodified_source(text: str, flagged: list[str]) -> None:
    assert spans(check(ext(text), select=["unmodified-source"]), text, "unmodified-source") == flagged


def test_mentions_typed_anonymous_that_name_no_unnamed_person_are_left_alone() -> None:
    text = "The poll found Ruiz ahead. Only 22 percent said they might switch. The online retail giant said it grew."
    story = ext(
        text,
        claim(text, "they might switch", "Only 22 percent", None, "anonymous", "said"),
        claim(text, "it grew", "The online retail giant", None, "anonymous", "said"),
    )
    found = check(story, select=["anonymity-unexplained", "anonymous-opinion"])
    assert found == []
