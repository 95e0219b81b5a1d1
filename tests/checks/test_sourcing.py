"""The sourcing family on stories written for these tests: unattributed claims, one source, a source named
too far back, one-sided sources, and the sources by role."""

from __future__ import annotations

import json

import pytest
from check_helpers import FERRY, by_rule, claim, ext

from claimcheck.checks import check, source_keys
from claimcheck.checks.roles import format_roles, source_roles
from claimcheck.cli import main
from claimcheck.schema import Claim


def test_unattributed_claims_are_info_unless_they_carry_a_figure_or_a_quote() -> None:
    story = ext(
        FERRY,
        claim(FERRY, "The harbour ferry will stop running in March", "the port authority", "port authority",
              "government", "said"),
        claim(FERRY, "The service has lost money for a decade"),
        claim(FERRY, "Four passengers were injured when the ferry struck the pier in 2019"),
        claim(FERRY, "Crews called the vessel a “floating wreck” last winter"),
    )  # fmt: skip
    found = by_rule(check(story), "unattributed-claim")
    assert [(FERRY[f.start : f.start + 12], f.severity) for f in found] == [
        ("The service ", "info"),
        ("Four passeng", "warning"),
        ("Crews called", "warning"),
    ]
    assert "figure" in found[1].message and "quotation" in found[2].message
    assert all(f.claim is not None and story.claims[f.claim].source is None for f in found)


ONE_SOURCE = (
    "The mine will reopen, said chief executive Lena Voss. Ms Voss said 200 jobs would return. "
    "She added that the site was safe. Safety checks ended last week."
)


def test_a_story_resting_on_one_source_is_flagged_once() -> None:
    story = ext(
        ONE_SOURCE,
        claim(ONE_SOURCE, "The mine will reopen", "chief executive Lena Voss", "Lena Voss", "person", "said"),
        claim(ONE_SOURCE, "200 jobs would return", "Ms Voss", "Voss", "person", "said"),
        claim(ONE_SOURCE, "the site was safe", "She", "Lena Voss", "person", "added"),
        claim(ONE_SOURCE, "Safety checks ended last week"),
    )
    found = by_rule(check(story), "single-source")
    assert len(found) == 1 and found[0].severity == "warning" and "3 attributed claims" in found[0].message
    assert ONE_SOURCE[found[0].start : found[0].end] == "chief executive Lena Voss"


def test_two_sources_are_not_single_sourced() -> None:
    story = ext(
        ONE_SOURCE,
        claim(ONE_SOURCE, "The mine will reopen", "chief executive Lena Voss", "Lena Voss", "person", "said"),
        claim(ONE_SOURCE, "200 jobs would return", "Ms Voss", "Lena Voss", "person", "said"),
        claim(ONE_SOURCE, "the site was safe", "She", "Mining Safety Board", "government", "added"),
    )
    assert not by_rule(check(story), "single-source")


def test_source_keys_join_a_surname_to_its_full_name() -> None:
    keys = source_keys([Claim(claim="a", source="Ms Voss"), Claim(claim="b", source="x", source_name="Dr Lena Voss"),
                        Claim(claim="c", source="the Board’s"), Claim(claim="d")])  # fmt: skip
    assert keys == ["lena voss", "lena voss", "board", None]


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


def test_first_person_and_quoted_pronouns_are_not_stale_references() -> None:
    text = (
        "Ruiz spoke first.\n\nThe hall was full.\n\nIt was late.\n\nThe doors shut.\n\nI am ready, I said, she wrote."
    )
    story = ext(text, claim(text, "I am ready", "I", "Maria Ruiz", "person", "said"))
    assert by_rule(check(story), "attribution-too-far") == []


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
