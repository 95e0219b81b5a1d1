"""Every layout real text arrives in gives the same claims (issue: the bridge example gave 0 one-paragraph-a-line)."""

from __future__ import annotations

import pytest

from claimcheck.backends.rules import RulesBackend
from claimcheck.scoring import normalise_name, tokens
from claimcheck.text.relayout import LAYOUTS, relay

BRIDGE = """City officials said the Elm Street bridge will reopen on Monday after repairs.
What happens to the detour?
The mayor's office said buses would return to their normal routes by Tuesday.
Sign up for our newsletter.
"We are confident the work is done," said Dana Ruiz, the city engineer.
Traffic on the bridge fell by half during the closure, according to the transport department.
"""

EXPECTED = [
    ("the elm street bridge will reopen on monday after repairs", "City officials"),
    ("buses would return to their normal routes by tuesday", "mayor office"),
    ("we are confident the work is done", "Dana Ruiz"),
    ("traffic on the bridge fell by half during the closure", "transport department"),
]


def _key(claim: str, name: str) -> tuple[str, str]:
    return " ".join(tokens(claim)), " ".join(normalise_name(name))


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    return RulesBackend()


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_bridge_gives_its_four_claims_in_every_layout(backend: RulesBackend, layout: str) -> None:
    ext = backend.extract(relay(BRIDGE, layout).text)
    assert [_key(c.claim, c.source_name or "") for c in ext.claims] == [_key(*x) for x in EXPECTED]
