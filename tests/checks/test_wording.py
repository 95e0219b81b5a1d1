"""The wording family: agentless hedges and loaded attribution verbs."""

from __future__ import annotations

from check_helpers import HEDGES, by_rule, claim, ext

from claimcheck.checks import check


def test_agentless_hedges_in_the_writers_voice() -> None:
    found = by_rule(check(ext(HEDGES)), "agentless-hedge")
    assert [HEDGES[f.start : f.end] for f in found] == [
        "believed to be",
        "thought to have",
        "reportedly",
        "It is understood that",
        "said to be",
    ]
    assert {f.severity for f in found} == {"warning"}


def test_a_hedge_inside_a_sources_claim_is_only_info_and_one_inside_a_quote_is_theirs() -> None:
    text = "The fire is believed to be arson, the chief said. “It is thought to be arson,” she said."
    story = ext(
        text,
        claim(text, "The fire is believed to be arson", "the chief", "chief", "person", "said",
              (("believed to be", "uncertainty"),)),
    )  # fmt: skip
    found = by_rule(check(story), "agentless-hedge")
    assert [(text[f.start : f.end], f.severity, f.claim) for f in found] == [("believed to be", "info", 0)]


LOADED = (
    "The contractor admitted that the pier was unsafe. “We followed every rule,” the engineer insisted. "
    "The rebels claimed credit for the blast. The mayor said the work would resume. "
    "He pointed out that costs had doubled. Two workers were admitted to hospital. "
    "The claims that he made were false. The audit failed to note that the pier had moved."
)


def test_loaded_cues_are_flagged_and_said_is_the_fix() -> None:
    found = by_rule(check(ext(LOADED)), "loaded-cue")
    assert [LOADED[f.start : f.end] for f in found] == ["admitted", "insisted", "pointed out"]
    assert {f.fix for f in found} == {"use “said”"} and {f.severity for f in found} == {"warning"}


def test_a_loaded_cue_from_the_extraction() -> None:
    text = "The school will close, the head teacher conceded on Tuesday."
    story = ext(text, claim(text, "The school will close", "the head teacher", "head teacher", "person", "conceded"))
    found = by_rule(check(story), "loaded-cue")
    assert len(found) == 1 and text[found[0].start : found[0].end] == "conceded" and found[0].claim == 0
