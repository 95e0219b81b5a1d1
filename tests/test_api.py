"""The library API: input checks, the on-disk cache, and batches that keep what succeeded."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

import claimcheck
from claimcheck.api import Cache
from claimcheck.backends import run_in_thread, run_many_threaded
from claimcheck.errors import BackendError, ClaimcheckError, InputError
from claimcheck.schema import Claim, Extraction


class CountingBackend:
    """A deterministic backend that claims every line, fails on 'FAIL', and counts its calls."""

    name = "counting"
    model = "m1"
    prompt_version = "p1"

    def __init__(self) -> None:
        self.calls = 0

    def extract(self, text: str, *, doc_id: str = "doc") -> Extraction:
        self.calls += 1
        if "FAIL" in text:
            raise BackendError(f"{doc_id}: endpoint said no")
        claims = [Claim(claim=line) for line in text.splitlines() if line.strip()]
        return Extraction(id=doc_id, text=text, claims=claims, backend=self.name, model=self.model)

    async def aextract(self, text: str, *, doc_id: str = "doc") -> Extraction:
        return await run_in_thread(self, text, doc_id)

    def extract_many(self, docs: Sequence[tuple[str, str]], *, concurrency: int = 4) -> list:
        return run_many_threaded(self, docs, concurrency)


def test_public_api_is_small_and_explicit() -> None:
    assert {"extract", "aextract", "extract_many", "Claim", "Extraction"} <= set(claimcheck.__all__)
    for name in claimcheck.__all__:
        assert hasattr(claimcheck, name)


@pytest.mark.parametrize("bad", ["", "   \n\t", "a\x00b", 42])
def test_extract_refuses_unusable_text(bad: object) -> None:
    with pytest.raises(InputError):
        claimcheck.extract(bad, backend=CountingBackend())  # type: ignore[arg-type]


def test_extract_refuses_huge_text() -> None:
    with pytest.raises(InputError, match="over the limit"):
        claimcheck.extract("word " * 500_000, backend=CountingBackend())


def test_cache_is_off_by_default_and_hits_when_on(tmp_path) -> None:
    be = CountingBackend()
    claimcheck.extract("one\ntwo", backend=be)
    claimcheck.extract("one\ntwo", backend=be)
    assert be.calls == 2
    first = claimcheck.extract("one\ntwo", backend=be, cache=tmp_path, doc_id="a")
    again = claimcheck.extract("one\ntwo", backend=be, cache=tmp_path, doc_id="b")
    assert be.calls == 3
    assert again.cached and not first.cached
    assert again.id == "b" and again.claims == first.claims


def test_cache_key_changes_with_model_and_prompt(tmp_path) -> None:
    cache = Cache(tmp_path)
    a, b = CountingBackend(), CountingBackend()
    b.prompt_version = "p2"
    assert cache.key(a, "t") != cache.key(b, "t")
    b.prompt_version, b.model = "p1", "m2"
    assert cache.key(a, "t") != cache.key(b, "t")


def test_corrupt_cache_entry_is_a_miss(tmp_path) -> None:
    be = CountingBackend()
    cache = Cache(tmp_path)
    claimcheck.extract("x", backend=be, cache=cache)
    (entry,) = tmp_path.rglob("*.json")
    entry.write_text("{truncated")
    assert not claimcheck.extract("x", backend=be, cache=cache).cached
    assert be.calls == 2


def test_extract_many_keeps_order_and_isolates_failures() -> None:
    texts = [("a", "one"), ("b", "FAIL here"), ("c", ""), ("d", "two\nthree")]
    results = claimcheck.extract_many(texts, backend=CountingBackend(), concurrency=3)
    assert [type(r) for r in results] == [Extraction, BackendError, InputError, Extraction]
    assert results[0].id == "a" and len(results[3].claims) == 2
    assert all(isinstance(r, ClaimcheckError) for r in results[1:3])


@pytest.mark.parametrize("concurrency", [0, -1, 1.5, True])
def test_extract_many_refuses_a_concurrency_that_would_hang(concurrency: object) -> None:
    be = CountingBackend()
    with pytest.raises(claimcheck.ConfigError, match="concurrency must be a whole number of 1 or more"):
        claimcheck.extract_many(["x"], backend=be, concurrency=concurrency)  # type: ignore[arg-type]
    assert be.calls == 0


def test_extract_many_plain_strings_get_ids() -> None:
    results = claimcheck.extract_many(["x", "y"], backend=CountingBackend())
    assert [r.id for r in results] == ["doc-0", "doc-1"]


def test_aextract_runs_in_an_event_loop() -> None:
    async def main() -> list[Extraction]:
        be = CountingBackend()
        return await asyncio.gather(*(claimcheck.aextract(t, backend=be) for t in ["a", "b\nc"]))

    got = asyncio.run(main())
    assert [len(e.claims) for e in got] == [1, 2]


def test_unknown_backend_is_a_config_error() -> None:
    with pytest.raises(claimcheck.ConfigError, match="unknown backend"):
        claimcheck.extract("text", backend="gpt")


def test_default_backend_is_offline_without_endpoint(monkeypatch) -> None:
    from claimcheck.backends import default_backend_name

    for var in ("CLAIMCHECK_BASE_URL", "OPENAI_BASE_URL", "CLAIMCHECK_API_KEY", "OPENAI_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    assert default_backend_name() == "rules"
    monkeypatch.setenv("CLAIMCHECK_BASE_URL", "http://127.0.0.1:9/v1")
    assert default_backend_name() == "llm"
