"""Newsroom-standards checks on stories written for these tests: each fires where a standards editor would."""

from __future__ import annotations

import json

import pytest
from test_checks import by_rule, claim, ext, spans

from claimcheck.checks import CHECKS, check
from claimcheck.checks.roles import format_roles, source_roles
from claimcheck.cli import main

NEW_RULES = [
    "attribution-too-far",
    "anonymity-unexplained",
    "anonymous-opinion",
    "unmodified-source",
    "attribution-inside-quote",
    "one-sided-sources",
]


def test_the_rules_are_registered_and_documented() -> None:
    for rule in NEW_RULES:
        assert rule in CHECKS and CHECKS[rule].summary and CHECKS[rule].func.__doc__


# --- attribution-too-far ---------------------------------------------------------------------

FAR = (
    "Mayor Maria Ruiz defended the budget on Tuesday.\n\n"
    "“We have spent eleven months on it,” Ruiz said.\n\n"
    "The council meets again in June.\n\n"
    "Its last meeting ran past midnight.\n\n"
    "Three members left early.\n\n"
    "“Every line has been checked twice.”\n\n"
    "She said the audit would follow."
)


def test_a_carry_over_quote_far_from_its_speaker() -> None:
    story = ext(
        FAR,
        claim(FAR, "We have spent eleven months on it", "Ruiz", "Maria Ruiz", "person", "said"),
        claim(FAR, "Every line has been checked twice", "Ruiz", "Maria Ruiz", "person"),
        claim(FAR, "the audit would follow", "She", "Maria Ruiz", "person", "said"),
    )
    found = by_rule(check(story, select=["attribution-too-far"]), "attribution-too-far")
    assert [(FAR[f.start : f.end], f.severity) for f in found] == [
        ("Every line has been checked twice", "warning"),
        ("She", "warning"),
    ]
    assert "last named 4 paragraphs earlier" in found[0].message
    assert found[1].message == "“She” stands for Maria Ruiz, last named 5 paragraphs earlier"
    assert "Ruiz said" in found[0].fix


def test_a_transcript_turn_belongs_to_its_label_however_long() -> None:
    text = "RUIZ: We start today.\n\nIt is late.\n\nIt is dark.\n\nIt is cold.\n\nWe end now.\n\nPARK: Thank you."
    story = ext(
        text,
        claim(text, "We start today", "RUIZ", "Ruiz", "person"),
        claim(text, "We end now", "RUIZ", "Ruiz", "person"),
        claim(text, "Thank you", "PARK", "Park", "person"),
    )
    assert by_rule(check(story), "attribution-too-far") == []


def test_attribution_within_a_paragraph_or_two_is_fine() -> None:
    text = "Ruiz defended the budget.\n\n“It is balanced.”\n\n“It is fair,” she said."
    story = ext(
        text,
        claim(text, "It is balanced", "Ruiz", "Maria Ruiz", "person"),
        claim(text, "It is fair", "she", "Maria Ruiz", "person", "said"),
    )
    assert by_rule(check(story), "attribution-too-far") == []


# --- anonymity-unexplained, anonymous-opinion ------------------------------------------------


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


# --- unmodified-source -----------------------------------------------------------------------


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


# --- attribution-inside-quote ----------------------------------------------------------------


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


# --- one-sided-sources and roles -------------------------------------------------------------

OFFICIALS = (
    "Mayor Maria Ruiz said the bridge would reopen in May. Sen. Dan Park (R-NY) said the money was there. "
    "The transport ministry said inspections were complete. Police said traffic would be diverted."
)


def _officials() -> list:
    t = OFFICIALS
    return [
        claim(t, "the bridge would reopen in May", "Mayor Maria Ruiz", "Maria Ruiz", "person", "said"),
        claim(t, "the money was there", "Sen. Dan Park (R-NY)", "Dan Park", "person", "said"),
        claim(t, "inspections were complete", "The transport ministry", "transport ministry", "government", "said"),
        claim(t, "traffic would be diverted", "Police", "Police", "government", "said"),
    ]


def test_a_story_that_quotes_only_officials() -> None:
    found = by_rule(check(ext(OFFICIALS, *_officials())), "one-sided-sources")
    assert [f.severity for f in found] == ["warning"]
    assert found[0].message.startswith("every source is an official (4: ")


def test_a_story_with_the_people_affected_is_not_one_sided() -> None:
    t = OFFICIALS + " Lena Chen, a commuter who lives in Kingston, said the closure cost her an hour a day."
    claims = [*_officials(), claim(t, "the closure cost her an hour a day", "Lena Chen", "Lena Chen", "person", "said")]
    story = ext(t, *claims)
    assert by_rule(check(story), "one-sided-sources") == []
    roles = {r.name: r.role for r in source_roles(story)}
    assert roles == {
        "Maria Ruiz": "official",
        "Dan Park": "official",
        "transport ministry": "official",
        "Police": "official",
        "Lena Chen": "affected",
    }


def test_every_politician_from_one_party() -> None:
    t = (
        "Sen. Dan Park (R-NY) said the bill was fair. Rep. Ana Ortiz (R-TX) said it would pass. "
        "Professor Lena Chen, an economist at Ohio State University, said the costs were understated."
    )
    story = ext(
        t,
        claim(t, "the bill was fair", "Sen. Dan Park (R-NY)", "Dan Park", "person", "said"),
        claim(t, "it would pass", "Rep. Ana Ortiz (R-TX)", "Ana Ortiz", "person", "said"),
        claim(t, "the costs were understated", "Professor Lena Chen", "Lena Chen", "person", "said"),
    )
    found = by_rule(check(story), "one-sided-sources")
    assert [(f.message, f.severity) for f in found] == [
        ("every politician quoted is Republican (Ana Ortiz, Dan Park): the other side is not heard", "info")
    ]
    roles = source_roles(story)
    assert [(r.name, r.role, r.party) for r in roles] == [
        ("Ana Ortiz", "official", "Republican"),
        ("Dan Park", "official", "Republican"),
        ("Lena Chen", "expert", None),
    ]
    assert format_roles(roles) == (
        "2 official (Ana Ortiz, Dan Park), 1 expert (Lena Chen); "
        "none: affected person, organisation, document, anonymous"
    )


def test_roles_of_documents_and_anonymous_sources() -> None:
    t = "A report by the auditor found waste. Officials said the audit was late. Acme Corp said it was paid."
    story = ext(
        t,
        claim(t, "waste", "A report by the auditor", "report", "document", "found"),
        claim(t, "the audit was late", "Officials", None, "anonymous", "said"),
        claim(t, "it was paid", "Acme Corp", "Acme Corp", "organization", "said"),
    )
    assert {r.name: r.role for r in source_roles(story)} == {
        "report": "document",
        "Officials": "anonymous",
        "Acme Corp": "organisation",
    }


def test_check_outputs_carry_the_roles(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "story.txt"
    f.write_text("Mayor Maria Ruiz said the bridge would reopen in May.\n", encoding="utf-8")
    assert main(["check", str(f), "--no-cache", "--fail-on", "never"]) == 0
    out = capsys.readouterr().out
    assert f"{f}: sources by role: 1 official (Maria Ruiz); none: expert, affected person" in out
    main(["check", str(f), "--no-cache", "--format", "json", "--fail-on", "never"])
    doc = json.loads(capsys.readouterr().out)[0]
    assert doc["sources"] == [{"name": "Maria Ruiz", "role": "official", "claims": 1, "type": "person", "party": None}]
    assert doc["roles"]["official"] == 1 and doc["roles"]["expert"] == 0
    main(["check", str(f), "--no-cache", "--format", "html", "--fail-on", "never"])
    page = capsys.readouterr().out
    assert "Sources by role" in page and "1 claim · person · official" in page


def test_mentions_typed_anonymous_that_name_no_unnamed_person_are_left_alone() -> None:
    text = "The poll found Ruiz ahead. Only 22 percent said they might switch. The online retail giant said it grew."
    story = ext(
        text,
        claim(text, "they might switch", "Only 22 percent", None, "anonymous", "said"),
        claim(text, "it grew", "The online retail giant", None, "anonymous", "said"),
    )
    found = check(story, select=["anonymity-unexplained", "anonymous-opinion"])
    assert found == []


def test_first_person_and_quoted_pronouns_are_not_stale_references() -> None:
    text = (
        "Ruiz spoke first.\n\nThe hall was full.\n\nIt was late.\n\nThe doors shut.\n\nI am ready, I said, she wrote."
    )
    story = ext(text, claim(text, "I am ready", "I", "Maria Ruiz", "person", "said"))
    assert by_rule(check(story), "attribution-too-far") == []


def test_unnamed_people_inside_a_quote_are_the_speakers_own_talk() -> None:
    text = "“People tell me the fees are too high,” Ruiz said."
    story = ext(
        text,
        claim(text, "People tell me the fees are too high", "Ruiz", "Maria Ruiz", "person", "said"),
        claim(text, "the fees are too high", "People", "People", "person", "tell"),
    )
    assert by_rule(check(story), "attribution-inside-quote") == []


def test_roles_read_abbreviated_titles_and_a_party_after_the_name() -> None:
    t = "Sen. Dan Park said the money was there. Ana Ortiz (D-TX) said it was not. Prof. Lena Chen said both erred."
    story = ext(
        t,
        claim(t, "the money was there", "Sen. Dan Park", "Dan Park", "person", "said"),
        claim(t, "it was not", "Ana Ortiz", "Ana Ortiz", "person", "said"),
        claim(t, "both erred", "Prof. Lena Chen", "Lena Chen", "person", "said"),
    )
    roles = {r.name: (r.role, r.party) for r in source_roles(story)}
    assert roles == {
        "Dan Park": ("official", None),
        "Ana Ortiz": ("official", "Democratic"),
        "Lena Chen": ("expert", None),
    }
