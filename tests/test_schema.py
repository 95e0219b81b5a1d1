"""Schema round-trips: an Extraction is a spec JSONL line and back, field for field."""

from __future__ import annotations

import json

import pytest

from claimcheck.errors import InputError
from claimcheck.schema import Claim, Extraction, Hedge, Usage


def _extraction() -> Extraction:
    text = "Roads were shut, police said. At least 40 homes may be lost."
    return Extraction(
        id="d1",
        text=text,
        claims=[
            Claim(
                claim="Roads were shut",
                source="police",
                source_name="police",
                source_type="government",
                cue="said",
                quote="indirect",
                start=0,
                end=15,
                source_start=17,
                source_end=23,
                cue_start=24,
                cue_end=28,
            ),
            Claim(
                claim="At least 40 homes may be lost",
                quote="indirect",
                start=30,
                end=59,
                hedges=[
                    Hedge(cue="At least", kind="approximation", start=30, end=38),
                    Hedge(cue="may", kind="uncertainty", start=48, end=51),
                ],
            ),
        ],
        backend="rules",
        usage=Usage(prompt_tokens=3, completion_tokens=2, total_tokens=5),
    )


def test_jsonl_round_trip_keeps_every_field() -> None:
    ext = _extraction()
    line = ext.to_jsonl()
    assert "\n" not in line
    assert Extraction.from_jsonl(line) == ext


def test_jsonl_line_has_spec_fields() -> None:
    obj = json.loads(_extraction().to_jsonl())
    assert {"id", "text", "claims"} <= obj.keys()
    spec_fields = {"claim", "source", "source_name", "source_type", "cue", "quote", "hedges"}
    assert spec_fields <= obj["claims"][0].keys()
    assert obj["claims"][1]["hedges"][0] == {"cue": "At least", "kind": "approximation", "start": 30, "end": 38}
    assert "source_aliases" not in obj["claims"][0]  # only gold lines carry aliases


def test_non_ascii_is_written_verbatim() -> None:
    ext = Extraction(id="q", text="“Hi,” she said.", claims=[Claim(claim="Hi", quote="direct")])
    assert "“Hi,”" in ext.to_jsonl()


def test_spec_line_with_unknown_fields_loads() -> None:
    line = json.dumps({"id": "x", "text": "t", "claims": [{"claim": "t", "confidence": 0.4, "extra": 1}], "meta": 1})
    ext = Extraction.from_jsonl(line)
    assert ext.claims[0].confidence == 0.4


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        ("{not json", "line"),
        (json.dumps({"id": "x", "text": "t", "claims": [{"claim": "t", "quote": "partial"}]}), "claims.0.quote"),
        (json.dumps({"id": "x", "claims": []}), "text"),
    ],
)
def test_bad_line_is_a_named_input_error(line: str, needle: str) -> None:
    with pytest.raises(InputError) as err:
        Extraction.from_jsonl(line)
    assert needle in str(err.value)


def test_usage_adds_up() -> None:
    total = Usage(prompt_tokens=1, completion_tokens=2, total_tokens=3) + Usage(prompt_tokens=10, total_tokens=10)
    assert total == Usage(prompt_tokens=11, completion_tokens=2, total_tokens=13)
