"""The figures family: casualties, money and votes need a source; dates, years and tallies of record do not."""

from __future__ import annotations

from check_helpers import FERRY, by_rule, claim, ext, spans

from claimcheck.checks import check


def test_figures_of_casualties_and_money_need_a_source_but_dates_and_years_do_not() -> None:
    story = ext(
        FERRY,
        claim(FERRY, "Four passengers were injured when the ferry struck the pier in 2019"),
        claim(FERRY, "Repairs to the pier cost $2.4 million on May 3"),
    )
    found = by_rule(check(story), "figure-without-source")
    assert [(FERRY[f.start : f.end], f.severity) for f in found] == [("Four", "warning"), ("$2.4 million", "warning")]
    assert "casualties" in found[0].message and "money" in found[1].message


def test_votes_and_approximations_are_figures_too() -> None:
    text = "The motion passed by more than 300 votes. Nearly 40 people died in the floods."
    story = ext(text, claim(text, "The motion passed by more than 300 votes"),
                claim(text, "Nearly 40 people died in the floods"))  # fmt: skip
    assert spans(check(story), text, "figure-without-source") == ["more than 300", "Nearly 40"]


def test_a_sourced_figure_is_not_flagged() -> None:
    text = "At least 12 people were killed, according to the fire brigade."
    story = ext(text, claim(text, "At least 12 people were killed", "the fire brigade", "fire brigade", "government",
                            "according to"))  # fmt: skip
    found = check(story)
    assert not by_rule(found, "figure-without-source") and not by_rule(found, "unattributed-claim")


def test_a_vote_tally_is_not_a_votes_figure_without_a_source() -> None:
    text = (
        "The county board voted 7-2 on Monday to close the landfill.\n\n"
        "The measure passed 52–48 in the senate and 5 to 4 in committee.\n\n"
        "About 12,000 ballots were never counted."
    )
    story = ext(
        text,
        claim(text, "The county board voted 7-2 on Monday to close the landfill"),
        claim(text, "The measure passed 52–48 in the senate and 5 to 4 in committee"),
        claim(text, "About 12,000 ballots were never counted"),
    )
    assert spans(check(story), text, "figure-without-source") == ["About 12,000"]


def test_the_two_is_a_back_reference_not_a_figure() -> None:
    text = "Senator Ana Ruiz met Governor Tom Park in Albany. The two discussed the budget.\n\nTwo people were killed."
    story = ext(
        text,
        claim(text, "Senator Ana Ruiz met Governor Tom Park in Albany"),
        claim(text, "The two discussed the budget"),
        claim(text, "Two people were killed"),
    )
    found = check(story)
    assert spans(found, text, "figure-without-source") == ["Two"]
    two = [f for f in by_rule(found, "unattributed-claim") if text[f.start :].startswith("The two")]
    assert two[0].severity == "info" and "figure" not in two[0].message
