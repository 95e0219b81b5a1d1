"""Many documents through one backend, each result handed over (and cached) as soon as it is done.

:func:`iter_extract` is what an archive run needs: it reads its input lazily,
keeps only a bounded number of documents in flight, and yields every result
the moment it exists, so a caller can write it out and a killed run loses only
what was in flight. :func:`claimcheck.extract_many` stays the list form.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from claimcheck.api import Cache, _cache_of, resolve_backend
from claimcheck.backends import Backend
from claimcheck.errors import BackendError, ClaimcheckError, ConfigError
from claimcheck.inputs import text_or_error
from claimcheck.interrupts import interruptible
from claimcheck.schema import Extraction

__all__ = ["Result", "iter_extract", "iter_indexed"]

Result = Extraction | ClaimcheckError
Submit = Callable[[list[tuple[str, str]]], "Future[list[Result]]"]
#: Cache hits and bad records held back for ordering, at most this many per document in flight.
_HELD_PER_SLOT = 4


def _items(docs: Iterable[Any]) -> Iterator[tuple[int, str, str | ClaimcheckError]]:
    """``(index, id, text or error)`` for plain strings (ids ``doc-N``) and ``(id, text)`` pairs alike."""
    for i, item in enumerate(docs):
        if isinstance(item, tuple):
            yield i, str(item[0]), item[1]
        else:
            yield i, f"doc-{i}", item


def _run_each(backend: Backend, batch: list[tuple[str, str]]) -> list[Result]:
    """One thread's batch through the backend's own ``extract_many`` (errors in place, never raised)."""
    return list(backend.extract_many(batch, concurrency=1))


@contextlib.contextmanager
def _engine(backend: Backend, concurrency: int) -> Iterator[tuple[Submit, int, int]]:
    """``(submit, documents per batch, batches in flight)`` for this backend.

    A backend with a ``batch_pool`` (the rules backend: batched parses in its
    worker processes) gets its own; any other gets ``concurrency`` threads, one
    document each, which suits backends that wait on a network.
    """
    pool = getattr(backend, "batch_pool", None)
    if callable(pool):
        workers = int(getattr(backend, "workers", 1))
        size = int(getattr(backend, "batch_size", 32))
        with pool() as submit:
            # one worker runs each batch at once, in this process: nothing to keep in flight
            yield submit, size if workers == 1 else min(size, 16), 1 if workers == 1 else 2 * workers
        return
    threads = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="claimcheck")
    try:
        yield (lambda batch: threads.submit(_run_each, backend, batch)), 1, concurrency
    finally:
        threads.shutdown(wait=False, cancel_futures=True)


def _ready(text: str | ClaimcheckError, doc_id: str, backend: Backend, cache: Cache | None) -> Result | None:
    """A document's result when it needs no backend: its error (as read, or a bad text), or a cache hit."""
    if isinstance(text, ClaimcheckError):
        return text
    return cache.get(backend, text, doc_id) if cache is not None else None


def _validated(docs: Iterable[Any]) -> Iterator[tuple[str, str | ClaimcheckError]]:
    """``(id, text)`` with each text checked (:func:`~claimcheck.inputs.text_or_error`), or the error in its place."""
    for _, doc_id, text in _items(docs):
        yield doc_id, text if isinstance(text, ClaimcheckError) else text_or_error(text, name=doc_id)


def iter_indexed(
    docs: Iterable[Any], backend: Backend, *, concurrency: int = 4, cache: Cache | None = None, ordered: bool = False
) -> Iterator[tuple[int, str, Result]]:
    """``(input index, id, result)`` per document as it finishes (in input order with ``ordered``).

    ``docs`` may also carry an error in a text's place (a corpus's bad record):
    it is passed through as that document's result. Texts arrive validated
    (:class:`~claimcheck.corpus.Corpus` checks what it reads, :func:`iter_extract`
    what it is given), so they are not checked again here.
    """
    held: dict[int, tuple[str, Result]] = {}
    next_out = 0
    pending: dict[Future[list[Result]], list[tuple[int, str, str]]] = {}

    def finish(fut: Future[list[Result]]) -> Iterator[tuple[int, str, Result]]:
        batch = pending.pop(fut)
        try:
            results = fut.result()
        except BrokenProcessPool as exc:
            raise BackendError(
                f"a worker process died ({exc})",
                fix="retry with --workers 1; with --out, add --resume to keep what is done",
            ) from exc
        for (i, doc_id, text), res in zip(batch, results, strict=True):
            if cache is not None and isinstance(res, Extraction):
                cache.put(backend, text, res)
            yield i, doc_id, res

    def emit(i: int, doc_id: str, res: Result) -> Iterator[tuple[int, str, Result]]:
        nonlocal next_out
        if not ordered:
            yield i, doc_id, res
            return
        held[i] = (doc_id, res)
        while next_out in held:
            out_id, out_res = held.pop(next_out)
            yield next_out, out_id, out_res
            next_out += 1

    def too_many_held() -> bool:
        return len(held) > _HELD_PER_SLOT * max(1, size * slots)

    def settle(limit: int) -> Iterator[tuple[int, str, Result]]:
        """Wait for batches until fewer than ``limit`` are in flight (and, ordered, few enough are held)."""
        while pending and (len(pending) >= limit or too_many_held()):
            with interruptible():  # waiting on workers or a network: nothing in this process is half done
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in [f for f in pending if f in done]:  # in submission order
                for item in finish(fut):
                    yield from emit(*item)

    with contextlib.ExitStack() as stack:
        # The engine (a worker pool, a loaded pipeline) starts with the first document that needs it.
        engine: tuple[Submit, int, int] | None = None
        size = slots = 1
        batch: list[tuple[int, str, str]] = []
        items = _items(docs)
        while True:
            # Where a deferred Ctrl-C stops a run: every finished document has been handed on, and the read
            # may wait on a pipe.
            with interruptible(stop_if_asked=True):
                item = next(items, None)
            if item is None:
                break
            i, doc_id, text = item
            ready = _ready(text, doc_id, backend, cache)
            if ready is not None:
                yield from emit(i, doc_id, ready)
            else:
                if engine is None:
                    engine = stack.enter_context(_engine(backend, concurrency))
                    _, size, slots = engine
                batch.append((i, doc_id, str(text)))
            # a full batch goes out; so does a part one when results held back for ordering wait on it
            if engine is not None and batch and (len(batch) >= size or too_many_held()):
                pending[engine[0]([(d, t) for _, d, t in batch])] = batch
                batch = []
            yield from settle(slots)
        if batch and engine is not None:
            pending[engine[0]([(d, t) for _, d, t in batch])] = batch
        yield from settle(1)


def iter_extract(
    docs: Iterable[str] | Iterable[tuple[str, str]] | Iterable[tuple[str, str | ClaimcheckError]],
    *,
    backend: Backend | str | None = None,
    concurrency: int = 4,
    cache: Cache | str | Path | bool | None = None,
    ordered: bool = False,
    **options: Any,
) -> Iterator[tuple[str, Extraction | ClaimcheckError]]:
    """Yield ``(id, Extraction or error)`` for each document as it finishes, with bounded memory.

    ``docs`` is read lazily (a generator over an archive is fine): strings get
    ids ``doc-0``, ``doc-1``..., pairs are ``(id, text)``. Only a few batches
    are in flight (``concurrency`` documents for the LLM backend, ``2 ×
    workers`` batches for the rules backend), so memory does not grow with the
    corpus. Results come in the order they finish; ``ordered=True`` gives input
    order. A failed document yields its :class:`ClaimcheckError` and the rest
    carry on; each good result is cached as soon as it is done.
    """
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ConfigError(f"concurrency must be a whole number of 1 or more, got {concurrency!r}", fix="e.g. 4")
    be = resolve_backend(backend, options)
    results = iter_indexed(_validated(docs), be, concurrency=concurrency, cache=_cache_of(cache), ordered=ordered)
    for _, doc_id, result in results:
        yield doc_id, result
