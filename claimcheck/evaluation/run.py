"""Run a backend over gold documents and score it (the gates on its figures are in :mod:`.gates`).

This is the glue between :mod:`.gold` (what the answers are),
:mod:`claimcheck.api` (what a backend says) and :mod:`.scoring`
(how close they are). A document whose extraction fails is recorded and
scored as if nothing had been predicted for it: a run that silently skipped
its hard documents would look better than it is.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck.api import Cache, extract_many
from claimcheck.backends import Backend
from claimcheck.errors import ClaimcheckError, InputError
from claimcheck.evaluation.gold import GoldDoc
from claimcheck.evaluation.scoring import CorpusScore, DocScore, Pair, score_document
from claimcheck.schema import Claim, Extraction, Usage

__all__ = [
    "ERROR_KINDS",
    "DocResult",
    "EvalRun",
    "check_writable",
    "error_examples",
    "evaluate",
    "select_split",
    "write_output",
    "write_results",
]

#: Error kinds ``--by-field`` and the report break down, with their labels.
ERROR_KINDS: dict[str, str] = {
    "missed": "missed claims",
    "spurious": "spurious claims",
    "wrong_source": "wrong source",
    "wrong_hedge": "wrong hedges",
    "wrong_quote": "wrong quote type",
}


@dataclass
class DocResult:
    """One gold document with what the backend returned for it (or why it failed) and its score."""

    gold: GoldDoc
    extraction: Extraction | None
    error: ClaimcheckError | None
    score: DocScore

    @classmethod
    def scored(cls, gold: GoldDoc, extraction: Extraction | None, error: ClaimcheckError | None) -> DocResult:
        """Score what a backend returned (or a stored run held) for ``gold``; a failure scores as no predictions."""
        pred = extraction.claims if extraction is not None else []
        score = score_document(gold.claims, pred, scope=gold.scope, doc_id=gold.id)
        return cls(gold=gold, extraction=extraction, error=error, score=score)

    @property
    def predicted(self) -> list[Claim]:
        return self.extraction.claims if self.extraction is not None else []


@dataclass
class EvalRun:
    """Everything one eval produced: per-document results, corpus figures and run metadata."""

    gold_path: str
    split: str | None
    backend: str
    model: str | None
    prompt_version: str | None
    results: list[DocResult] = field(default_factory=list)
    wall_time: float = 0.0

    @property
    def corpus(self) -> CorpusScore:
        return CorpusScore(docs=[r.score for r in self.results])

    @property
    def failures(self) -> list[DocResult]:
        return [r for r in self.results if r.error is not None]

    @property
    def usage(self) -> Usage:
        total = Usage()
        for r in self.results:
            if r.extraction is not None:
                total = total + r.extraction.usage
        return total

    def figures(self) -> dict[str, float | None]:
        return self.corpus.figures()

    def meta(self) -> dict[str, Any]:
        return {
            "gold": self.gold_path,
            "split": self.split,
            "backend": self.backend,
            "model": self.model,
            "prompt_version": self.prompt_version,
            "documents": len(self.results),
        }

    def to_json(self) -> dict[str, Any]:
        """The ``--out`` document: figures, counts, run metadata and every prediction with its errors."""
        return {
            **self.meta(),
            "figures": self.figures(),
            "counts": self.corpus.counts(),
            "failures": [{"id": r.gold.id, "error": str(r.error)} for r in self.failures],
            "usage": self.usage.model_dump(),
            "wall_time_s": round(self.wall_time, 3),
            "cached": sum(1 for r in self.results if r.extraction is not None and r.extraction.cached),
            "documents_detail": [_doc_json(r) for r in self.results],
        }


def _claim_json(c: Any) -> dict[str, Any]:
    """A gold or predicted claim as JSON (the eval only ever handles :class:`Claim` objects)."""
    out: dict[str, Any] = c.model_dump(mode="json")
    return out


def _pair_json(p: Pair) -> dict[str, Any]:
    return {"gold": _claim_json(p.gold), "predicted": _claim_json(p.pred), "f1": round(p.f1, 4)}


def _doc_json(r: DocResult) -> dict[str, Any]:
    s = r.score
    ext = r.extraction
    return {
        "id": r.gold.id,
        "split": r.gold.split,
        "scope": r.gold.scope,
        "error": None if r.error is None else str(r.error),
        "predictions": [_claim_json(c) for c in r.predicted],
        "dropped": [d.model_dump() for d in ext.dropped] if ext is not None else [],
        "usage": ext.usage.model_dump() if ext is not None else Usage().model_dump(),
        "cached": bool(ext is not None and ext.cached),
        "counts": s.counts(),
        "matched": len(s.pairs),
        "ignored_unattributed": s.ignored,
        "missed": [_claim_json(c) for c in s.missed],
        "spurious": [_claim_json(c) for c in s.spurious],
        "wrong_source": [_pair_json(p) for p in s.wrong_source],
        "wrong_hedge": [_pair_json(p) for p in s.wrong_hedge],
        "wrong_quote": [_pair_json(p) for p in s.wrong_quote],
    }


# --- running --------------------------------------------------------------------------------


def select_split(docs: Sequence[GoldDoc], split: str | None) -> list[GoldDoc]:
    """Documents of ``split`` (all when ``None``); an unknown split is an error listing the known ones."""
    if split is None:
        return list(docs)
    chosen = [d for d in docs if d.split == split]
    if not chosen:
        known = sorted({d.split for d in docs if d.split})
        raise InputError(
            f"no gold documents in split {split!r}",
            fix=f"splits present: {', '.join(known)}" if known else "the gold file sets no 'split' on its documents",
        )
    return chosen


def evaluate(
    docs: Sequence[GoldDoc],
    backend: Backend,
    *,
    concurrency: int = 4,
    cache: Cache | None = None,
    batch_size: int | None = None,
    on_batch: Callable[[int], None] | None = None,
    gold_path: str = "",
    split: str | None = None,
) -> EvalRun:
    """Extract every gold document with ``backend`` and score it; failures are kept, never raised.

    Documents go through :func:`claimcheck.api.extract_many` in batches of
    ``batch_size`` (default: all at once) so ``on_batch(n_done)`` can drive a
    progress bar without giving up concurrency within a batch.
    """
    run = EvalRun(
        gold_path=gold_path,
        split=split,
        backend=backend.name,
        model=backend.model,
        prompt_version=backend.prompt_version,
    )
    size = batch_size or max(1, len(docs))
    started = time.perf_counter()
    for lo in range(0, len(docs), size):
        batch = docs[lo : lo + size]
        outputs = extract_many([(d.id, d.text) for d in batch], backend=backend, concurrency=concurrency, cache=cache)
        for doc, out in zip(batch, outputs, strict=True):
            ext = out if isinstance(out, Extraction) else None
            err = out if isinstance(out, ClaimcheckError) else None
            run.results.append(DocResult.scored(doc, ext, err))
        if on_batch is not None:
            on_batch(len(batch))
    run.wall_time = time.perf_counter() - started
    return run


def error_examples(run: EvalRun, kind: str, limit: int = 3) -> tuple[int, list[tuple[str, str]]]:
    """How many errors of ``kind`` (a key of :data:`ERROR_KINDS`) the run made, and a few ``(doc id, text)``."""
    total = 0
    examples: list[tuple[str, str]] = []
    for r in run.results:
        items: list[Any] = getattr(r.score, kind)
        total += len(items)
        for item in items:
            if len(examples) >= limit:
                break
            examples.append((r.gold.id, _describe(kind, item)))
    return total, examples


def _short(s: str | None, n: int = 90) -> str:
    if s is None:
        return "—"
    return s if len(s) <= n else s[: n - 1] + "…"


def _source(c: Any) -> str:
    if c.source is None:
        return "no source"
    name = c.source_name or c.source
    return c.source if name == c.source else f"{c.source} → {name}"


def _describe(kind: str, item: Any) -> str:
    if kind in ("missed", "spurious"):
        src = f" [{item.source_name or item.source}]" if item.source else ""
        return f"{_short(item.claim)}{src}"
    p, g = item.pred, item.gold
    if kind == "wrong_source":
        detail = f"predicted {_source(p)}, gold {_source(g)}"
    elif kind == "wrong_hedge":
        detail = f"predicted {[h.cue for h in p.hedges]}, gold {[h.cue for h in g.hedges]}"
    else:
        detail = f"predicted {p.quote}, gold {g.quote}"
    return f"{_short(g.claim, 70)} — {detail}"


# --- output files ---------------------------------------------------------------------------


def write_output(path: str | Path, text: str) -> None:
    """Write an eval output file; an unwritable path is an :class:`InputError`, not a traceback."""
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(
            f"{path}: cannot write ({exc.strerror})", fix="check the folder exists and is writable"
        ) from None


def write_results(path: str | Path, run: EvalRun) -> None:
    """``eval --out``: figures and every prediction as JSON (what ``eval --from`` and ``eval compare`` read back)."""
    write_output(path, json.dumps(run.to_json(), ensure_ascii=False, indent=1) + "\n")


def check_writable(path: str | Path) -> None:
    """Fail before a long (and perhaps paid) run, not after it, when an output cannot be written."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise InputError(f"{path}: is a directory", fix="give a file name for the output")
    if not folder.is_dir():
        raise InputError(f"{path}: the folder {folder} does not exist", fix="create it first or choose another path")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise InputError(f"{path}: cannot write there", fix="check the folder's permissions")
