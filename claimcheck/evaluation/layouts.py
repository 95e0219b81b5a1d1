"""Layout invariance: score a backend on every gold document re-laid in each layout.

The same article must give the same claims however it is laid out, so
``claimcheck eval --layouts`` re-lays each gold document with
:mod:`claimcheck.text.relayout` (gold offsets moved along), scores every
layout like the original, and fails when a layout's attribution F1 falls more
than a tolerance below the original's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.backends import Backend
from claimcheck.evaluation.gold import GoldDoc
from claimcheck.evaluation.run import EvalRun, evaluate
from claimcheck.schema import Claim, Hedge
from claimcheck.text.relayout import LAYOUTS, Relaid, relay

__all__ = ["LAYOUT_TOLERANCE", "LayoutScore", "evaluate_layouts", "layout_gate", "relay_gold"]

#: The largest drop in attribution F1 below the original that a layout may show.
LAYOUT_TOLERANCE = 0.02


@dataclass(frozen=True)
class LayoutScore:
    """One layout's attribution figures over the gold set."""

    layout: str
    precision: float
    recall: float
    f1: float
    claims: int  # predicted claims, all kinds


def _move(r: Relaid, start: int | None, end: int | None) -> tuple[int | None, int | None]:
    if start is None or end is None:
        return start, end
    return r.offset(start), r.offset(end - 1) + 1 if end > start else r.offset(start)


def _moved_hedge(h: Hedge, r: Relaid) -> Hedge:
    start, end = _move(r, h.start, h.end)
    return Hedge(cue=h.cue, kind=h.kind, start=start, end=end)


def _moved_claim(c: Claim, r: Relaid) -> Claim:
    s, e = _move(r, c.start, c.end)
    ss, se = _move(r, c.source_start, c.source_end)
    cs, ce = _move(r, c.cue_start, c.cue_end)
    update: dict[str, object] = {
        "start": s,
        "end": e,
        "source_start": ss,
        "source_end": se,
        "cue_start": cs,
        "cue_end": ce,
        "hedges": [_moved_hedge(h, r) for h in c.hedges],
    }
    # Spans are re-cut from the re-laid text (wrapping turns spaces into newlines; scoring reads tokens).
    if s is not None and e is not None:
        update["claim"] = r.text[s:e]
    if c.source is not None and ss is not None and se is not None:
        update["source"] = r.text[ss:se]
    if c.cue is not None and cs is not None and ce is not None:
        update["cue"] = r.text[cs:ce]
    return c.model_copy(update=update)


def relay_gold(doc: GoldDoc, layout: str) -> GoldDoc:
    """``doc`` re-laid in ``layout``, its claims' offsets and spans moved with the text."""
    r = relay(doc.text, layout)
    claims = [_moved_claim(c, r) for c in doc.claims]
    return GoldDoc(id=doc.id, text=r.text, claims=claims, split=doc.split, scope=doc.scope)


def _score(layout: str, run: EvalRun) -> LayoutScore:
    fig = run.figures()
    claims = sum(len(r.predicted) for r in run.results)
    return LayoutScore(
        layout, fig["attribution_p"] or 0.0, fig["attribution_r"] or 0.0, fig["attribution_f1"] or 0.0, claims
    )


def evaluate_layouts(
    docs: Sequence[GoldDoc], backend: Backend, *, original: EvalRun | None = None, concurrency: int = 4
) -> list[LayoutScore]:
    """Attribution figures per layout (``original`` first, reused when given), uncached."""
    out: list[LayoutScore] = []
    for layout in LAYOUTS:
        if layout == "original" and original is not None:
            run = original
        else:
            run = evaluate([relay_gold(d, layout) for d in docs], backend, concurrency=concurrency)
        out.append(_score(layout, run))
    return out


def layout_gate(scores: Sequence[LayoutScore], tolerance: float = LAYOUT_TOLERANCE) -> list[str]:
    """One message per layout whose attribution F1 falls more than ``tolerance`` below the original's."""
    base = next(s for s in scores if s.layout == "original")
    return [
        f"layout {s.layout}: attribution F1 {s.f1:.3f} < original {base.f1:.3f} - tolerance {tolerance}"
        for s in scores
        if s.f1 < base.f1 - tolerance - 1e-9
    ]
