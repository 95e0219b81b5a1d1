"""Every layout real text arrives in gives the same claims (issue: the bridge example gave 0 one-paragraph-a-line)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.backends.rules import RulesBackend
from claimcheck.cli import main
from claimcheck.evaluation.gold import load_gold
from claimcheck.evaluation.layouts import LayoutScore, layout_gate, relay_gold
from claimcheck.evaluation.scoring import normalise_name, tokens
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


def _bridge_gold(tmp_path: Path) -> Path:
    claims = []
    for text, source in (
        ("the Elm Street bridge will reopen on Monday after repairs", "City officials"),
        ("buses would return to their normal routes by Tuesday", "The mayor's office"),
        ("We are confident the work is done", "Dana Ruiz"),
        ("Traffic on the bridge fell by half during the closure", "the transport department"),
    ):
        s = BRIDGE.index(text)
        kind = "person" if source == "Dana Ruiz" else "government"
        quote = "direct" if text.startswith("We") else "indirect"
        claims.append(
            {"claim": text, "start": s, "end": s + len(text), "source": source, "source_name": source,
             "source_type": kind, "cue": None, "quote": quote, "hedges": []}
        )  # fmt: skip
    path = tmp_path / "bridge.jsonl"
    path.write_text(json.dumps({"id": "bridge", "text": BRIDGE, "claims": claims}) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_relaid_gold_keeps_every_span_on_its_text(tmp_path: Path, layout: str) -> None:
    doc = load_gold(_bridge_gold(tmp_path))[0]
    moved = relay_gold(doc, layout)
    assert moved.text != doc.text or layout in ("original", "one-per-line")
    for before, after in zip(doc.claims, moved.claims, strict=True):
        assert after.start is not None and after.end is not None
        assert moved.text[after.start : after.end] == after.claim
        assert tokens(after.claim) == tokens(before.claim)


def test_eval_layouts_prints_every_layout_and_passes_on_the_bridge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["eval", "--backend", "rules", "--no-cache", "--no-progress", "--layouts", "--gold",
                 str(_bridge_gold(tmp_path))])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    rows = [line for line in out.splitlines() if any(f" {name} " in line for name in LAYOUTS)]
    assert len(rows) == len(LAYOUTS) and all("1.000" in row for row in rows)


def test_layout_gate_fails_a_layout_more_than_the_tolerance_below_the_original() -> None:
    scores = [LayoutScore("original", 0.9, 0.9, 0.90, 10), LayoutScore("cr", 0.9, 0.9, 0.885, 10)]
    assert layout_gate(scores) == []
    scores.append(LayoutScore("one-per-line", 0.5, 0.5, 0.87, 10))
    assert layout_gate(scores) == ["layout one-per-line: attribution F1 0.870 < original 0.900 - tolerance 0.02"]


def test_transcript_and_qa_labels_are_the_source_of_their_turns(backend: RulesBackend) -> None:
    text = (
        "MS. PARK: The bridge will reopen on Monday after the repairs.\n"
        "MR. LEE: Buses will return to their normal routes by Tuesday. The work cost $2 million.\n"
        "Q: When do the buses return?\n"
        "A: The buses return to their routes by Tuesday."
    )
    got = [(c.claim, c.source, c.cue) for c in backend.extract(text).claims]
    assert got == [
        ("The bridge will reopen on Monday after the repairs", "MS. PARK", None),
        ("Buses will return to their normal routes by Tuesday", "MR. LEE", None),
        ("The work cost $2 million", "MR. LEE", None),
        ("The buses return to their routes by Tuesday", "A", None),
    ]


def test_a_frame_inside_a_turn_keeps_its_own_source_and_one_label_is_no_transcript(backend: RulesBackend) -> None:
    text = "Dana Ruiz: The mayor said the budget is balanced.\nJo Park: Traffic fell by half during the closure."
    got = [(c.claim, c.source) for c in backend.extract(text).claims]
    assert got == [("the budget is balanced", "The mayor"), ("Traffic fell by half during the closure", "Jo Park")]
    lone = backend.extract("Update: The bridge will reopen on Monday after the repairs.").claims
    assert [c.source for c in lone] == [None]
