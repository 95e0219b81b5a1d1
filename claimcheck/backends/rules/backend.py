"""The offline backend: spaCy parse plus linguistic rules, deterministic and free to run.

It is the default when no LLM endpoint is configured, so it must work on a
laptop with nothing but the installed pipeline, give the same answer twice,
and keep up with a bare parse on a large archive. With ``workers`` > 1 each
worker process parses *and* runs the rules on its share of the documents and
sends back finished extractions: a parent that only parsed in parallel and ran
the rules itself would be the bottleneck.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from claimcheck.backends.base import run_in_thread, settings_from
from claimcheck.backends.rules.claims import extract_claims
from claimcheck.backends.rules.lexicon import LEXICON_VERSION
from claimcheck.backends.rules.model import load_pipeline, pipeline_label
from claimcheck.backends.rules.parse import parse_many
from claimcheck.backends.rules.settings import RulesSettings
from claimcheck.errors import BackendError, ClaimcheckError
from claimcheck.inputs import MAX_CHARS
from claimcheck.schema import Extraction
from claimcheck.text import TextModel, text_model

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["WORKER_THREAD_VARS", "RulesBackend"]

Result = Extraction | ClaimcheckError
#: Thread-pool sizes pinned to 1 inside worker processes: N workers on N cores already fill them.
WORKER_THREAD_VARS = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)
#: Tasks per worker at least, so the last task to finish leaves the other workers idle only briefly.
_TASKS_PER_WORKER = 8


def _init_worker(spacy_model: str | None) -> None:
    """Runs once in each worker process: one BLAS/OpenMP thread, then the pipeline (cached for the worker's life).

    The variables reach the numeric libraries a spawned worker loads itself
    (numpy's OpenBLAS would otherwise start a thread per core in every worker);
    a forked worker starts with one thread, and the parse never calls OpenBLAS
    (thinc multiplies with single-threaded blis). The parent's environment is
    never touched.
    """
    for var in WORKER_THREAD_VARS:
        os.environ[var] = "1"
    load_pipeline(spacy_model)


def _init_stream_worker(spacy_model: str | None) -> None:
    """A streaming worker also leaves Ctrl-C to its parent, which stops the run and reports what is done."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init_worker(spacy_model)


def _mp_context() -> BaseContext:
    """Fork on Linux when this process runs one thread: workers start at once with the pipeline already loaded.

    Forking a process with other threads running can deadlock the child on a
    lock one of them held, so then (and off Linux) workers are spawned and load
    the pipeline themselves, about a second more per run.
    """
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _chunks(items: Sequence[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    for k in range(0, len(items), size):
        yield list(items[k : k + size])


class RulesBackend:
    """Claims from the dependency parse; see :mod:`claimcheck.backends.rules.attribution` for the rules."""

    name = "rules"

    def __init__(self, **options: Any) -> None:
        """Options as in :class:`RulesSettings` (``workers``, ``batch_size``, ``spacy_model``)."""
        self.settings = settings_from(RulesSettings, "rules", options)
        self.prompt_version: str | None = LEXICON_VERSION

    @property
    def workers(self) -> int:
        return self.settings.workers

    @property
    def batch_size(self) -> int:
        return self.settings.batch_size

    @property
    def spacy_model(self) -> str | None:
        return self.settings.spacy_model

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use and shared by every backend in the process."""
        nlp = load_pipeline(self.spacy_model)
        nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
        return nlp

    @property
    def model(self) -> str | None:
        return pipeline_label(self.nlp)

    def fingerprint(self) -> str:
        """What decides this backend's output on a text (for the cache key): the pipeline and the rules."""
        return f"backend={self.name}; model={self.model}; rules={self.prompt_version}"

    def _extraction(self, doc_id: str, model: TextModel, doc: Doc) -> Extraction:
        return Extraction(
            id=doc_id,
            text=model.text,
            claims=extract_claims(doc, model),
            backend=self.name,
            model=self.model,
            prompt_version=self.prompt_version,
        )

    def extract(self, text: str, *, doc_id: str = "doc") -> Extraction:
        """Claims of one document."""
        model = text_model(text)
        return self._extraction(doc_id, model, self._parse(model))

    async def aextract(self, text: str, *, doc_id: str = "doc") -> Extraction:
        """Same as :meth:`extract`, run in a thread so an event loop is never blocked by the parse."""
        return await run_in_thread(self, text, doc_id)

    def extract_many(self, docs: Sequence[tuple[str, str]], *, concurrency: int | None = None) -> list[Result]:
        """One result per document, in order; a document the rules fail on becomes its error, the rest are kept.

        ``concurrency`` is accepted for the :class:`~claimcheck.backends.Backend` protocol; parallelism
        here is ``workers`` processes, since parsing is CPU-bound.
        """
        workers = min(self.workers, len(docs))
        if workers > 1:
            return self._in_workers(list(docs), workers)
        return [r for chunk in _chunks(docs, self.batch_size) for r in self._extract_batch(chunk)]

    def _in_workers(self, docs: list[tuple[str, str]], workers: int) -> list[Result]:
        """Parse and extract in ``workers`` processes, results in input order."""
        _ = self.nlp  # load (or fail with its ConfigError) here, and let forked workers inherit it
        size = max(1, min(self.batch_size, math.ceil(len(docs) / (workers * _TASKS_PER_WORKER))))
        pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=_mp_context(), initializer=_init_worker, initargs=(self.spacy_model,)
        )
        out: list[Result] = []
        try:
            for part in pool.map(self._extract_batch, _chunks(docs, size)):
                out.extend(part)
        except BrokenProcessPool as exc:
            raise BackendError(
                f"a rules worker process died ({exc})",
                fix="retry with workers=1; if it recurs, report the documents to the claimcheck maintainers",
            ) from exc
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        return out

    @contextlib.contextmanager
    def batch_pool(self) -> Iterator[Callable[[list[tuple[str, str]]], Future[list[Result]]]]:
        """``submit(batch) -> Future`` of the batch's results, for callers that stream an archive.

        With ``workers`` > 1 the batches run in a process pool that lives as long
        as the ``with`` block (workers load the pipeline once); with one worker
        each batch runs at once in this process.
        """
        _ = self.nlp  # load (or fail with its ConfigError) before any worker starts
        if self.workers == 1:

            def inline(batch: list[tuple[str, str]]) -> Future[list[Result]]:
                done: Future[list[Result]] = Future()
                done.set_result(self._extract_batch(batch))
                return done

            yield inline
            return
        pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=_mp_context(),
            initializer=_init_stream_worker,
            initargs=(self.spacy_model,),
        )
        try:
            yield lambda batch: pool.submit(self._extract_batch, batch)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    def _extract_batch(self, docs: list[tuple[str, str]]) -> list[Result]:
        """Parse a batch with ``nlp.pipe`` and run the rules on each document (in a worker, or in-process).

        A text that makes spaCy raise fails its whole batch, so the batch is then
        redone one document at a time and only that document becomes an error.
        """
        nlp = self.nlp
        # The models the parse reads are the ones the rules read: a batch is larger than text_model's cache.
        models = [text_model(text) for _, text in docs]
        try:
            parsed = list(parse_many(nlp, models, self.batch_size))
        except Exception:  # narrowed to the failing document just below
            return [self._extract_one(doc_id, model) for (doc_id, _), model in zip(docs, models, strict=True)]
        return [self._guarded(doc_id, m, doc) for (doc_id, _), m, doc in zip(docs, models, parsed, strict=True)]

    def _extract_one(self, doc_id: str, model: TextModel) -> Result:
        try:
            doc = self._parse(model)
        except Exception as exc:  # one document's failure must not sink an archive run
            return BackendError(
                f"{doc_id}: spaCy failed to parse it ({type(exc).__name__}: {exc})",
                fix="check the text's encoding and content, or report it to the claimcheck maintainers",
            )
        return self._guarded(doc_id, model, doc)

    def _parse(self, model: TextModel) -> Doc:
        return next(parse_many(self.nlp, [model], self.batch_size))

    def _guarded(self, doc_id: str, model: TextModel, doc: Doc) -> Result:
        try:
            return self._extraction(doc_id, model, doc)
        except Exception as exc:  # one document's bug must not sink an archive run
            return BackendError(
                f"{doc_id}: the rules failed ({type(exc).__name__}: {exc})",
                fix="report this document to the claimcheck maintainers",
            )
