"""The rules backend as a Backend: options, determinism, batches, workers, async, cache keys."""

from __future__ import annotations

import pytest

from claimcheck.backends import Backend, get_backend
from claimcheck.backends.rules import RulesBackend
from claimcheck.errors import ClaimcheckError, ConfigError, InputError
from claimcheck.schema import Extraction

ARTICLE = (
    "The harbour authority said on Monday that cargo volumes rose 12 percent last year.\n\n"
    "“We handled more ships than ever,” said its director, Sofie Lindahl. “The new cranes made the difference.”\n\n"
    "The port employs about 2,400 people."
)
OTHER = "Ticket prices will rise by 5 percent in April, the rail operator said in a statement."


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    return RulesBackend()


def dump(results: list[Extraction | ClaimcheckError]) -> list[object]:
    return [r.model_dump() if isinstance(r, Extraction) else str(r) for r in results]


def test_is_a_backend_with_cache_keys(backend: RulesBackend) -> None:
    assert isinstance(backend, Backend)
    assert backend.name == "rules"
    assert backend.model and backend.model.startswith("en_core_web_sm")
    assert backend.prompt_version and len(backend.prompt_version) == 12
    ext = backend.extract(OTHER, doc_id="x")
    assert (ext.backend, ext.model, ext.prompt_version) == ("rules", backend.model, backend.prompt_version)


def test_get_backend_builds_it() -> None:
    assert isinstance(get_backend("rules"), RulesBackend)


def test_unknown_option_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="base_url"):
        RulesBackend(base_url="http://127.0.0.1:9")


@pytest.mark.parametrize("workers", [0, -1, "2", True])
def test_bad_workers_is_a_config_error(workers: object) -> None:
    with pytest.raises(ConfigError, match="workers"):
        RulesBackend(workers=workers)  # type: ignore[arg-type]


def test_missing_pipeline_is_a_config_error_with_the_fix() -> None:
    with pytest.raises(ConfigError) as info:
        _ = RulesBackend(spacy_model="no_such_spacy_pipeline_xyz").model
    assert info.value.fix and "pip install" in info.value.fix


def test_bad_text_is_an_input_error(backend: RulesBackend) -> None:
    with pytest.raises(InputError, match="empty"):
        backend.extract("   ", doc_id="blank")


def test_same_output_twice(backend: RulesBackend) -> None:
    first = backend.extract(ARTICLE, doc_id="a").model_dump()
    assert first["claims"]
    assert backend.extract(ARTICLE, doc_id="a").model_dump() == first


def test_batch_with_a_bad_document_keeps_the_good_ones(backend: RulesBackend) -> None:
    docs = [("a", ARTICLE), ("empty", ""), ("b", OTHER), ("nul", "bad\x00text")]
    results = backend.extract_many(docs)
    assert [type(r).__name__ for r in results] == ["Extraction", "InputError", "Extraction", "InputError"]
    assert isinstance(results[0], Extraction) and isinstance(results[2], Extraction)
    assert results[0].model_dump() == backend.extract(ARTICLE, doc_id="a").model_dump()
    assert results[2].id == "b" and results[2].claims[0].cue == "said in a statement"


def test_two_workers_give_the_same_output_as_one(backend: RulesBackend) -> None:
    docs = [(f"d{k}", ARTICLE if k % 2 else OTHER) for k in range(6)]
    one = backend.extract_many(docs)
    two = RulesBackend(workers=2, batch_size=2).extract_many(docs)
    assert dump(two) == dump(one)


async def test_aextract_matches_extract(backend: RulesBackend) -> None:
    ext = await backend.aextract(ARTICLE, doc_id="a")
    assert ext.model_dump() == backend.extract(ARTICLE, doc_id="a").model_dump()


def test_offsets_and_spans_are_verbatim(backend: RulesBackend) -> None:
    for c in backend.extract(ARTICLE, doc_id="a").claims:
        assert c.start is not None and c.end is not None
        assert ARTICLE[c.start : c.end] == c.claim
        if c.source is not None:
            assert ARTICLE[c.source_start : c.source_end] == c.source
        if c.cue is not None:
            assert ARTICLE[c.cue_start : c.cue_end] == c.cue
