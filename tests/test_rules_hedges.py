"""Hedge cues found by the rules backend, on sentences written for these tests."""

from __future__ import annotations

import pytest

from claimcheck.backends.rules import RulesBackend


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    return RulesBackend()


def hedges(backend: RulesBackend, text: str) -> list[tuple[str, str]]:
    return [(h.cue, h.kind) for c in backend.extract(text, doc_id="t").claims for h in c.hedges]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 14 boats sank in the storm.", [("At least", "approximation")]),
        ("The fire destroyed nearly 200 hectares of forest.", [("nearly", "approximation")]),
        ("The rebels reportedly seized the border post.", [("reportedly", "uncertainty")]),
        ("The drought could last into next year.", [("could", "uncertainty")]),
        ("The bridge is thought to date from the twelfth century.", [("is thought to", "uncertainty")]),
        ("The ship was believed to be carrying grain.", [("believed to be", "uncertainty")]),
        ("An estimated 5,000 people attended the march.", [("An estimated", "approximation")]),
    ],
)
def test_hedge_cues(backend: RulesBackend, text: str, expected: list[tuple[str, str]]) -> None:
    assert hedges(backend, text) == expected


def test_approximation_only_before_a_number(backend: RulesBackend) -> None:
    assert hedges(backend, "The minister talked about the harbour and walked over the bridge.") == []
    assert hedges(backend, "The vote drew about 300 residents.") == [("about", "approximation")]


def test_month_may_is_not_a_hedge(backend: RulesBackend) -> None:
    assert hedges(backend, "The new terminal opened in May after two years of work.") == []


def test_hedge_in_the_attribution_frame_counts(backend: RulesBackend) -> None:
    found = hedges(backend, "The vaccine works, the company reportedly told investors.")
    assert ("reportedly", "uncertainty") in found


def test_hedge_offsets_point_at_the_cue(backend: RulesBackend) -> None:
    text = "The rebels allegedly shelled the depot, killing more than 30 soldiers."
    for claim in backend.extract(text, doc_id="t").claims:
        for h in claim.hedges:
            assert h.start is not None and h.end is not None
            assert text[h.start : h.end] == h.cue


@pytest.mark.parametrize(
    "text",
    [
        "Younger voters are less likely to back the ferry levy.",
        "Renters were more likely to move after the flood.",
        "Police could not prove the van had been stolen.",
        "The inspectors couldn't find the leak.",
    ],
)
def test_comparisons_and_inability_are_no_hedges(backend: RulesBackend, text: str) -> None:
    assert hedges(backend, text) == []


def test_may_not_stays_a_hedge(backend: RulesBackend) -> None:
    assert hedges(backend, "The ferry may not run on Sunday.") == [("may", "uncertainty")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks on the ferry contract are virtually deadlocked.", [("virtually", "approximation")]),
        ("Bus fares almost doubled after the strike.", [("almost", "approximation")]),
        ("The new stand is nearly finished, the club said.", [("nearly", "approximation")]),
        ("About a fifth of the homes lost power.", [("About", "approximation")]),
    ],
)
def test_adverb_approximations_hedge_more_than_numbers(
    backend: RulesBackend, text: str, expected: list[tuple[str, str]]
) -> None:
    assert hedges(backend, text) == expected


def test_an_article_after_a_preposition_cue_is_a_number_only_before_a_fraction_or_unit(
    backend: RulesBackend,
) -> None:
    text = "Police charged the driver over an incident at the depot and asked him about a missing van."
    assert hedges(backend, text) == []
    assert hedges(backend, "The storm cut power to about a third of the town.") == [("about", "approximation")]
    assert hedges(backend, "The strike has lasted over a month.") == [("over", "approximation")]
    assert hedges(backend, "The post has been empty for more than a year.") == [("more than", "approximation")]


def test_likely_voters_are_a_sample_not_a_hedge(backend: RulesBackend) -> None:
    assert hedges(backend, "The poll surveyed 800 likely Democratic primary voters in the county.") == []
    assert hedges(backend, "The mayor is likely to win a second term.") == [("likely", "uncertainty")]


def test_an_agentless_seen_as_is_a_hedge(backend: RulesBackend) -> None:
    text = "The council, which is widely seen as close to the builders, approved the tower."
    assert hedges(backend, text) == [("seen as", "uncertainty")]
    assert hedges(backend, "The harbour master was seen as a hero by the crew.") == []
    assert hedges(backend, "The ferry board being seen as fair helped the talks.") == []
