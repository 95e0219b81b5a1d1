"""The rules backend as a Backend: options, determinism, batches, workers, async, cache keys."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import claimcheck
from claimcheck.backends import Backend, get_backend
from claimcheck.backends.rules import RulesBackend
from claimcheck.backends.rules import backend as backend_module
from claimcheck.backends.rules.backend import WORKER_THREAD_VARS
from claimcheck.errors import BackendError, ClaimcheckError, ConfigError, InputError
from claimcheck.schema import Extraction
from claimcheck.text import TextModel

ARTICLE = (
    "The harbour authority said on Monday that cargo volumes rose 12 percent last year.\n\n"
    "“We handled more ships than ever,” said its director, Sofie Lindahl. “The new cranes made the difference.”\n\n"
    "The port employs about 2,400 people."
)
OTHER = "Ticket prices will rise by 5 percent in April, the rail operator said in a statement."
#: A text the tests below make spaCy or the rules fail on.
POISON = "The mayor said the poisonpill budget is balanced."
FAILING_PIPE = "claimcheck_test_fail_on_poison"
forking = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="workers inherit the test's patches only when forked (Linux)"
)


@Language.component(FAILING_PIPE)
def _fail_on_poison(doc: Doc) -> Doc:
    if "poisonpill" in doc.text:
        raise ValueError("this text breaks the parse")
    return doc


def _thread_env(names: tuple[str, ...]) -> dict[str, str | None]:
    return {name: os.environ.get(name) for name in names}


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
    with pytest.raises(InputError, match="the text is empty"):
        claimcheck.extract("   ", backend=backend, doc_id="blank")
    with pytest.raises(InputError, match="empty"):
        claimcheck.extract("   ", backend="rules")


def test_same_output_twice(backend: RulesBackend) -> None:
    first = backend.extract(ARTICLE, doc_id="a").model_dump()
    assert first["claims"]
    assert backend.extract(ARTICLE, doc_id="a").model_dump() == first


def test_batch_with_a_bad_document_keeps_the_good_ones(backend: RulesBackend) -> None:
    docs = [("a", ARTICLE), ("empty", ""), ("b", OTHER), ("nul", "bad\x00text")]
    results = claimcheck.extract_many(docs, backend=backend)
    assert [type(r).__name__ for r in results] == ["Extraction", "InputError", "Extraction", "InputError"]
    assert isinstance(results[0], Extraction) and isinstance(results[2], Extraction)
    assert results[0].model_dump() == backend.extract(ARTICLE, doc_id="a").model_dump()
    assert results[2].id == "b" and results[2].claims[0].cue == "said in a statement"


def test_two_workers_give_the_same_output_as_one(backend: RulesBackend) -> None:
    docs = [(f"d{k}", ARTICLE if k % 2 else OTHER) for k in range(6)]
    one = backend.extract_many(docs)
    two = RulesBackend(workers=2, batch_size=2).extract_many(docs)
    assert dump(two) == dump(one)


def test_two_workers_keep_bad_documents_in_place(backend: RulesBackend) -> None:
    docs = [("a", ARTICLE), ("empty", ""), ("b", OTHER), ("nul", "bad\x00text"), ("c", ARTICLE)]
    results = claimcheck.extract_many(docs, backend=RulesBackend(workers=2))
    assert [type(r).__name__ for r in results] == ["Extraction", "InputError", "Extraction", "InputError", "Extraction"]
    assert dump(results) == dump(claimcheck.extract_many(docs, backend=backend))


@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=forking)])
def test_a_document_the_rules_fail_on_becomes_its_error(monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    real = backend_module.extract_claims

    def flaky(doc: Doc, model: TextModel) -> list[object]:
        if "poisonpill" in doc.text:
            raise RuntimeError("rule bug")
        return real(doc, model)

    monkeypatch.setattr(backend_module, "extract_claims", flaky)
    docs = [("a", ARTICLE), ("bad", POISON), ("b", OTHER)]
    results = RulesBackend(workers=workers).extract_many(docs)
    assert isinstance(results[1], BackendError) and "bad: the rules failed (RuntimeError: rule bug)" in str(results[1])
    assert [r.id for r in results if isinstance(r, Extraction)] == ["a", "b"]


@pytest.fixture
def failing_parse(backend: RulesBackend) -> Iterator[None]:
    """The shared pipeline raises on POISON, as spaCy might on a pathological text; removed afterwards."""
    backend.nlp.add_pipe(FAILING_PIPE, last=True)
    try:
        yield
    finally:
        backend.nlp.remove_pipe(FAILING_PIPE)


@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=forking)])
@pytest.mark.usefixtures("failing_parse")
def test_a_text_spacy_fails_on_loses_only_itself(workers: int) -> None:
    docs = [("a", ARTICLE), ("bad", POISON), ("b", OTHER), ("c", ARTICLE)]
    results = RulesBackend(workers=workers, batch_size=4).extract_many(docs)
    assert [type(r).__name__ for r in results] == ["Extraction", "BackendError", "Extraction", "Extraction"]
    assert "bad: spaCy failed to parse it (ValueError: this text breaks the parse)" in str(results[1])
    assert results[0].model_dump() == results[3].model_dump() | {"id": "a"}  # type: ignore[union-attr]


def test_workers_fork_only_when_no_other_thread_runs() -> None:
    if not sys.platform.startswith("linux"):
        assert backend_module._mp_context().get_start_method() == "spawn"
        return
    assert threading.active_count() == 1, "another test left a thread running"
    assert backend_module._mp_context().get_start_method() == "fork"
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert backend_module._mp_context().get_start_method() == "spawn"
    finally:
        release.set()
        other.join()


def test_spawned_workers_give_the_same_output(monkeypatch: pytest.MonkeyPatch, backend: RulesBackend) -> None:
    monkeypatch.setattr(backend_module, "_mp_context", lambda: multiprocessing.get_context("spawn"))
    docs = [("a", ARTICLE), ("empty", " "), ("b", OTHER)]
    assert dump(RulesBackend(workers=2).extract_many(docs)) == dump(backend.extract_many(docs))


@forking
def test_worker_processes_run_one_blas_thread_and_the_parent_keeps_its_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OMP_NUM_THREADS", "7")
    before = _thread_env(WORKER_THREAD_VARS)
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(1, mp_context=ctx, initializer=backend_module._init_worker, initargs=(None,)) as pool:
        inside = pool.submit(_thread_env, WORKER_THREAD_VARS).result()
    assert inside == dict.fromkeys(WORKER_THREAD_VARS, "1")
    assert _thread_env(WORKER_THREAD_VARS) == before and before["OMP_NUM_THREADS"] == "7"


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


def test_long_texts_are_parsed_in_pieces_with_the_same_claims(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces cut at paragraph starts (sentence starts, then spaces, in a giant line) join into one parse."""
    from claimcheck.backends.rules import parse
    from claimcheck.text import text_model

    paras = [ARTICLE, OTHER, ARTICLE.replace("\n\n", " ")]
    text = "\n\n".join(paras)
    one_line = " ".join(text.split())
    backend = RulesBackend()
    whole = {t: backend.extract(t).claims for t in (text, one_line)}
    monkeypatch.setattr(parse, "PIECE_CHARS", 200)
    for t in (text, one_line):
        model = text_model(t)
        spans = parse.pieces(model, 200)
        assert len(spans) > 3 and spans[0][0] == 0 and spans[-1][1] == len(t)
        assert all(a[1] == b[0] and b[1] - b[0] <= 200 for a, b in itertools.pairwise(spans))
        doc = next(parse.parse_many(backend.nlp, [model], 8))
        assert doc.text == model.parse_text
        got = backend.extract(t).claims
        assert [(c.claim, c.source) for c in got] == [(c.claim, c.source) for c in whole[t]]
