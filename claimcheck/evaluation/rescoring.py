"""Re-score stored predictions (an ``eval --out`` results file) against gold, without running a backend again.

A labelling fix should not cost another LLM run: the predictions in a results
file are read back as :class:`~claimcheck.schema.Claim` records and scored
against the gold exactly as a live run's are. A gold document the results do
not cover is scored as if nothing had been predicted for it (and listed as
failed), like a document whose extraction failed; results for documents the
gold no longer has are left out, and both are reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from claimcheck.errors import BackendError, InputError
from claimcheck.evaluation.gold import GoldDoc
from claimcheck.evaluation.run import DocResult, EvalRun
from claimcheck.inputs import read_json_file
from claimcheck.plurals import plural
from claimcheck.schema import Claim, Extraction, Usage

__all__ = ["StoredRun", "load_stored_run", "rescore", "rescore_stored"]

_FIX = "pass a results file written by claimcheck eval --out"


@dataclass
class StoredDoc:
    claims: list[Claim]
    error: str | None
    usage: Usage


@dataclass
class StoredRun:
    """What a results file holds: its run metadata and each document's predictions (or stored failure)."""

    path: str
    backend: str
    model: str | None
    prompt_version: str | None
    documents: dict[str, StoredDoc] = field(default_factory=dict)


def load_stored_run(path: str | Path) -> StoredRun:
    """Read a results file's predictions; anything malformed is an :class:`InputError` naming the document."""
    p = str(path)
    data = read_json_file(path, what="results file", fix=_FIX)
    details = data.get("documents_detail") if isinstance(data, dict) else None
    if not isinstance(details, list):
        raise InputError(f"{p}: no 'documents_detail' list (a baseline holds no predictions)", fix=_FIX)
    backend = data.get("backend")
    run = StoredRun(
        path=p,
        backend=backend if isinstance(backend, str) else "stored",
        model=data.get("model") if isinstance(data.get("model"), str) else None,
        prompt_version=data.get("prompt_version") if isinstance(data.get("prompt_version"), str) else None,
    )
    for n, d in enumerate(details, 1):
        doc_id = d.get("id") if isinstance(d, dict) else None
        if not isinstance(doc_id, str):
            raise InputError(f"{p}: document {n} has no id", fix=_FIX)
        try:
            claims = [Claim.model_validate(c) for c in d.get("predictions") or []]
            usage = Usage.model_validate(d.get("usage") or {})
        except (ValidationError, TypeError) as exc:
            first = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
            raise InputError(
                f"{p}: document {doc_id!r}: a stored prediction is malformed ({first})", fix=_FIX
            ) from None
        error = d.get("error")
        run.documents[doc_id] = StoredDoc(claims, error if isinstance(error, str) else None, usage)
    return run


def rescore(stored: StoredRun, docs: Sequence[GoldDoc], *, gold_path: str = "", split: str | None = None) -> EvalRun:
    """Score ``stored``'s predictions against ``docs`` (a document it lacks is scored as no predictions)."""
    run = EvalRun(
        gold_path=gold_path,
        split=split,
        backend=stored.backend,
        model=stored.model,
        prompt_version=stored.prompt_version,
    )
    for doc in docs:
        kept = stored.documents.get(doc.id)
        ext: Extraction | None
        err: BackendError | None
        if kept is None:
            ext, err = None, BackendError(f"{doc.id}: not in {stored.path}")
        elif kept.error is not None:
            ext, err = None, BackendError(kept.error)
        else:
            ext = Extraction(
                id=doc.id,
                text=doc.text,
                claims=kept.claims,
                backend=stored.backend,
                model=stored.model,
                prompt_version=stored.prompt_version,
                usage=kept.usage,
            )
            err = None
        run.results.append(DocResult.scored(doc, ext, err))
    return run


def rescore_stored(
    path: str | Path, gold: Sequence[GoldDoc], docs: Sequence[GoldDoc], *, gold_path: str = "", split: str | None = None
) -> tuple[EvalRun, list[str]]:
    """``eval --from``: the predictions stored at ``path`` scored against ``docs``, and a warning per mismatch.

    ``gold`` is the whole gold (``docs`` its chosen split): stored documents
    it no longer has are left out, and gold documents with no stored
    predictions scored as failed; each group is one warning.
    """
    stored = load_stored_run(path)
    run = rescore(stored, docs, gold_path=gold_path, split=split)
    known = {d.id for d in gold}
    gone = [k for k in stored.documents if k not in known]
    missing = [r.gold.id for r in run.results if r.gold.id not in stored.documents]
    warnings = []
    for (one, many), ids in (
        (("is not in the gold, left out", "are not in the gold, left out"), gone),
        (("has no stored predictions", "have no stored predictions"), missing),
    ):
        if ids:
            shown = ", ".join(ids[:5]) + (" …" if len(ids) > 5 else "")
            warnings.append(f"{plural(len(ids), 'document')} {one if len(ids) == 1 else many}: {shown}")
    return run, warnings
