"""The LLM backend replayed against recordings of a real llama-cpp-python server (SmolLM2-135M).

The cassettes prove the plumbing: the request instructor builds per mode, the
tool call or JSON reply, the grounding re-ask, dropped claims, usage summed
over attempts. They say nothing of extraction quality (a 135M model invents
text). Re-record with ``python scripts/record_cassettes.py`` after any prompt,
schema or request change: playback matches on the request body, so a stale
cassette fails here instead of replaying a conversation that no longer happens.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from claimcheck.backends.llm import LLMBackend
from claimcheck.errors import BackendError
from claimcheck.schema import Extraction

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "000_09239b063185ae26.txt").read_text(encoding="utf-8")

#: Where recordings are made (scripts/record_cassettes.py sets it); playback never connects.
LLM_URL = os.environ.get("CLAIMCHECK_TEST_LLM_URL", "http://127.0.0.1:8766/v1")
CASSETTE_PORT = 8766

pytestmark = pytest.mark.vcr


def _normalise_port(request):  # type: ignore[no-untyped-def]
    """Recordings are made on a free port; store and match them as 127.0.0.1:8766."""
    parts = urlsplit(request.uri)
    request.uri = urlunsplit(parts._replace(netloc=f"127.0.0.1:{CASSETTE_PORT}"))
    return request


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, object]:
    return {
        "filter_headers": ["authorization", "api-key", "x-api-key", "openai-organization"],
        "filter_query_parameters": ["api_key", "api-key", "key"],
        "match_on": ["method", "scheme", "host", "port", "path", "llm_body"],
        "before_record_request": _normalise_port,
        "decode_compressed_response": True,
    }


class _Replayed(LLMBackend):
    """A stale cassette surfaces as a connection error (vcr refuses the unknown request): say so."""

    def extract(self, text: str, *, doc_id: str = "doc") -> Extraction:
        try:
            return super().extract(text, doc_id=doc_id)
        except BackendError as exc:
            pytest.fail(f"{exc}: the request matches no recording; re-record with scripts/record_cassettes.py")

    async def aextract(self, text: str, *, doc_id: str = "doc") -> Extraction:
        try:
            return await super().aextract(text, doc_id=doc_id)
        except BackendError as exc:
            pytest.fail(f"{exc}: the request matches no recording; re-record with scripts/record_cassettes.py")


def _backend(mode: str, max_tokens: int) -> LLMBackend:
    return _Replayed(
        base_url=LLM_URL, model="smollm2", api_key="sk-no-key", mode=mode, max_reasks=2, max_tokens=max_tokens,
        timeout=900, max_retries=0,
    )  # fmt: skip


def _recorded_usage(cassette) -> int:  # type: ignore[no-untyped-def]
    """Total tokens in the recorded response bodies, read independently of the backend."""
    total = 0
    for response in cassette.responses:
        body = response["body"]["string"]
        total += json.loads(body)["usage"]["total_tokens"]
    return total


def _check(ex: Extraction, text: str, cassette) -> None:  # type: ignore[no-untyped-def]
    """What must hold of any extraction: spec-shaped, grounded, and accounted for."""
    if cassette.rewound:  # playback: every recorded exchange was replayed, none invented
        assert cassette.all_played and cassette.play_count == len(cassette), "cassette not fully replayed: re-record"
    assert len(cassette) == 1 + ex.reasks + ex.transport_retries
    assert ex.usage.total_tokens == _recorded_usage(cassette) > 0
    assert ex.usage.total_tokens == ex.usage.prompt_tokens + ex.usage.completion_tokens
    assert ex.backend == "llm" and ex.model == "smollm2" and ex.prompt_version
    line = json.loads(ex.to_jsonl())
    assert set(line) >= {"id", "text", "claims"} and line["text"] == text
    for c in ex.claims:
        assert text[c.start : c.end] == c.claim
        if c.source is not None:
            assert text[c.source_start : c.source_end] == c.source
        if c.cue is not None:
            assert text[c.cue_start : c.cue_end] == c.cue
        for h in c.hedges:
            assert text[h.start : h.end] == h.cue
    assert all(d.reason for d in ex.dropped)
    assert Extraction.from_jsonl(ex.to_jsonl()) == ex


def test_tools_easy_text(vcr) -> None:  # type: ignore[no-untyped-def]
    """TOOLS mode: a forced, grammar-constrained tool call that copies a span, with its source, from the text."""
    text = "Police said the road was closed."
    ex = _backend("tools", 300).extract(text, doc_id="easy")
    _check(ex, text, vcr)
    request = json.loads(vcr.requests[0].body)
    assert request["tool_choice"]["function"]["name"] == "ArticleClaims"
    assert request["messages"][-1]["content"].count(text) == 1
    attributed = [c for c in ex.claims if c.source is not None]
    assert attributed, "the recorded tool call holds a grounded, attributed claim; re-record if this changed"
    for c in attributed:
        assert text[c.start : c.end] == c.claim and text[c.source_start : c.source_end] == c.source
    # The reply also copied a claim from the worked example: re-asked, then dropped, the good claim kept.
    assert ex.reasks >= 1 and ex.dropped, "the recording exercises the TOOLS re-ask; re-record if this changed"
    reask = json.loads(vcr.requests[1].body)["messages"][-1]
    assert reask["role"] == "tool" and "not in the article" in reask["content"]


def test_tools_seed(vcr) -> None:  # type: ignore[no-untyped-def]
    ex = _backend("tools", 600).extract(SEED, doc_id="seed")
    _check(ex, SEED, vcr)
    assert ex.reasks >= 1 and ex.dropped, "the tiny model invents text on the seed; re-record if this changed"


def test_json_easy_text_grounded_claim(vcr) -> None:  # type: ignore[no-untyped-def]
    """JSON mode: the model copies a span, which comes back with its offsets."""
    text = "The road was closed, the city council said."
    ex = _backend("json", 300).extract(text, doc_id="easy-json")
    _check(ex, text, vcr)
    assert json.loads(vcr.requests[0].body)["response_format"] == {"type": "json_object"}
    assert ex.claims, "the recorded reply holds a grounded claim; re-record if this changed"


def test_json_reask_then_drop(vcr) -> None:  # type: ignore[no-untyped-def]
    """A reply naming a source that is not in the text is re-asked, then its bad claims dropped."""
    text = "The road was closed, police said."
    ex = _backend("json", 300).extract(text, doc_id="reask")
    _check(ex, text, vcr)
    assert ex.reasks >= 1 and ex.dropped, "the recording exercises the re-ask path; re-record if this changed"
    # The re-ask carries the grounding error back to the model.
    reask = json.loads(vcr.requests[1].body)["messages"][-1]["content"]
    assert "not in the article" in reask


def test_json_seed(vcr) -> None:  # type: ignore[no-untyped-def]
    ex = _backend("json", 1024).extract(SEED, doc_id="seed-json")
    _check(ex, SEED, vcr)
    assert ex.dropped, "the tiny model invents text on the seed; re-record if this changed"


async def test_async_json_easy_text(vcr) -> None:  # type: ignore[no-untyped-def]
    """``aextract`` goes through AsyncOpenAI and yields the same shape."""
    text = "The road was closed, the city council said."
    ex = await _backend("json", 300).aextract(text, doc_id="easy-async")
    _check(ex, text, vcr)
