"""Every check's declared examples, run through extraction and the checks, so the documented examples cannot rot."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.checks import CHECKS


@pytest.mark.parametrize("check_id", list(CHECKS))
def test_the_flagged_example_is_flagged_and_the_clean_one_is_not(check_id: str) -> None:
    c = CHECKS[check_id]
    assert c.flagged.strip() and c.clean.strip() and c.flagged != c.clean
    flagged = {f.rule for f in claimcheck.check(c.flagged, backend="rules")}
    clean = {f.rule for f in claimcheck.check(c.clean, backend="rules")}
    assert check_id in flagged, f"{check_id}: its flagged example {c.flagged!r} is not flagged (found {flagged})"
    assert check_id not in clean, f"{check_id}: its clean example {c.clean!r} is flagged"


def test_every_check_says_why() -> None:
    for c in CHECKS.values():
        assert c.rationale and c.family in ("sourcing", "sources", "quotes", "wording", "figures")
