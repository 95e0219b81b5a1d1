"""Is run B better than run A, on which documents, and how sure are we: a paired bootstrap over documents.

Both runs are read as per-document counts (the tp/fp/fn and correct/total
behind every figure, spec section 4). Each bootstrap round resamples the
documents with replacement, sums both runs' counts over the same resample and
recomputes every figure micro-averaged, exactly as the corpus figures are; the
95% interval of B − A over the rounds gives the verdict. Resampling the same
documents for both runs is what makes it paired: a document both runs find
hard moves both figures together and does not widen the interval.

A baseline written before per-document counts existed holds only aggregate
figures: it is compared on the point difference alone, with no interval and no
verdict, and cannot gate.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from claimcheck.errors import ConfigError, InputError
from claimcheck.evaluation.scoring import FAMILIES, FIGURES, HEADLINE_FIGURES
from claimcheck.inputs import read_json_file

__all__ = [
    "COLUMNS",
    "Comparison",
    "DocDelta",
    "FigureChange",
    "RunCounts",
    "compare",
    "counts_matrix",
    "doc_figures",
    "document_regressions",
    "figures_from_sums",
    "load_run_counts",
    "require_document_counts",
]

Array = npt.NDArray[np.float64]

#: Counter fields by family kind: precision/recall families and accuracy families.
_PRF_FIELDS = ("tp", "fp", "fn")
_ACC_FIELDS = ("correct", "total")
_ACCURACY_FAMILIES = frozenset({"source", "quote"})

#: ``(family, field)`` for every column of a counts matrix, in a fixed order.
COLUMNS: tuple[tuple[str, str], ...] = tuple(
    (family, f) for family in FAMILIES for f in (_ACC_FIELDS if family in _ACCURACY_FAMILIES else _PRF_FIELDS)
)
_COL = {fc: i for i, fc in enumerate(COLUMNS)}

#: Verdicts, as printed.
BETTER, WORSE, SAME, NO_INTERVAL = "better", "worse", "no detectable change", "no interval"

DocCounts = dict[str, dict[str, int]]


@dataclass
class RunCounts:
    """One side of a comparison: where it came from, its figures, and its per-document counts if it has them."""

    path: str
    kind: str  # "results" or "baseline"
    meta: dict[str, Any]
    figures: dict[str, float | None]
    documents: dict[str, DocCounts] | None  # None: aggregate figures only (an old baseline)


def _fail(path: str, what: str) -> InputError:
    return InputError(
        f"{path}: {what}", fix="pass an `eval --out` results file or a baseline from `eval --write-baseline`"
    )


def _doc_counts(path: str, doc_id: str, raw: Any) -> DocCounts:
    """Validate one document's counts: every family, every field a whole number of 0 or more."""
    if not isinstance(raw, dict):
        raise _fail(path, f"document {doc_id!r} has no counts object")
    out: DocCounts = {}
    for family in FAMILIES:
        fam = raw.get(family)
        fields = _ACC_FIELDS if family in _ACCURACY_FAMILIES else _PRF_FIELDS
        if not isinstance(fam, dict):
            raise _fail(path, f"document {doc_id!r} has no {family!r} counts")
        vals: dict[str, int] = {}
        for f in fields:
            v = fam.get(f)
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                raise _fail(path, f"document {doc_id!r} {family}.{f} is {v!r}, not a count")
            vals[f] = v
        out[family] = vals
    return out


def load_run_counts(path: str | Path) -> RunCounts:
    """Read an ``eval --out`` results file or a baseline; anything else is an :class:`InputError`."""
    p = str(path)
    data = read_json_file(path, what="results file", fix=_fail(p, "").fix or "")
    if not isinstance(data, dict) or not isinstance(data.get("figures"), dict):
        raise _fail(p, "no 'figures' object")
    figures: dict[str, float | None] = {}
    for name in FIGURES:
        v = data["figures"].get(name)
        figures[name] = float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None
    meta = {k: data.get(k) for k in ("gold", "split", "backend", "model", "prompt_version")}
    if isinstance(data.get("documents_detail"), list):
        docs: dict[str, DocCounts] = {}
        for d in data["documents_detail"]:
            doc_id = d.get("id") if isinstance(d, dict) else None
            if not isinstance(doc_id, str):
                raise _fail(p, "a document without an id")
            if "counts" not in d:
                raise InputError(
                    f"{p}: results from an older claimcheck carry no per-document counts",
                    fix=f"re-score them with: claimcheck eval --from {p} --out NEW.json",
                )
            docs[doc_id] = _doc_counts(p, doc_id, d["counts"])
        return RunCounts(p, "results", meta, figures, docs)
    raw_docs = data.get("document_counts")
    if raw_docs is None:
        return RunCounts(p, "baseline", meta, figures, None)
    if not isinstance(raw_docs, dict):
        raise _fail(p, "'document_counts' is not an object keyed by document id")
    return RunCounts(p, "baseline", meta, figures, {k: _doc_counts(p, k, v) for k, v in raw_docs.items()})


# --- figures from counts, vectorised ---------------------------------------------------------


def require_document_counts(*sides: RunCounts) -> None:
    """An interval gate needs per-document counts on every side; aggregate figures alone cannot gate."""
    for side in sides:
        if side.documents is None:
            raise ConfigError(
                f"{side.path} holds aggregate figures only, so no interval can gate on it",
                fix="regenerate it with claimcheck eval --write-baseline, or drop --fail-on-regression",
            )


def counts_matrix(docs: list[DocCounts]) -> Array:
    """Documents × :data:`COLUMNS` counts."""
    m = np.zeros((len(docs), len(COLUMNS)), dtype=np.float64)
    for i, d in enumerate(docs):
        for j, (family, f) in enumerate(COLUMNS):
            m[i, j] = d[family][f]
    return m


def _ratio(num: Array, den: Array, *, empty: Array | None = None) -> Array:
    """``num / den`` (0 where ``den`` is 0, as the scorer does), NaN where the family had nothing to score."""
    out = np.divide(num, den, out=np.zeros_like(num), where=den > 0)
    if empty is not None:
        out[empty] = np.nan
    return out


def figures_from_sums(sums: Array, *, empty_is: float = math.nan) -> dict[str, Array]:
    """Every figure from summed counts (rows × columns), micro-averaged as :class:`~.scoring.CorpusScore`.

    A figure whose family had nothing to score is NaN (the scorer's ``None``),
    or ``empty_is`` for P/R/F1 — 1.0 reads a document with nothing to find and
    nothing found as perfect, which is what a per-document delta wants.
    """
    out: dict[str, Array] = {}
    for family in FAMILIES:
        if family in _ACCURACY_FAMILIES:
            correct, total = sums[:, _COL[family, "correct"]], sums[:, _COL[family, "total"]]
            out[f"{family}_accuracy"] = _ratio(correct, total, empty=total == 0)
            continue
        tp, fp, fn = (sums[:, _COL[family, f]] for f in _PRF_FIELDS)
        empty = tp + fp + fn == 0
        for suffix, num, den in (("p", tp, tp + fp), ("r", tp, tp + fn), ("f1", 2 * tp, 2 * tp + fp + fn)):
            value = _ratio(num, den, empty=empty)
            if not math.isnan(empty_is):
                value[empty] = empty_is
            out[f"{family}_{suffix}"] = value
    return out


def doc_figures(counts: DocCounts) -> dict[str, float | None]:
    """One document's own figures (P/R/F1 of an empty family is 1.0; accuracy with nothing matched is None)."""
    figs = figures_from_sums(counts_matrix([counts]), empty_is=1.0)
    return {name: None if math.isnan(v := float(figs[name][0])) else v for name in FIGURES}


# --- the comparison -------------------------------------------------------------------------


@dataclass
class FigureChange:
    """One figure: A, B, B − A and its 95% paired bootstrap interval, and the verdict that follows."""

    name: str
    a: float | None
    b: float | None
    low: float | None = None
    high: float | None = None
    gated: bool = False

    @property
    def diff(self) -> float | None:
        return None if self.a is None or self.b is None else self.b - self.a

    @property
    def verdict(self) -> str:
        if self.low is None or self.high is None:
            return NO_INTERVAL
        if self.low > 0:
            return BETTER
        if self.high < 0:
            return WORSE
        return SAME


@dataclass
class DocDelta:
    """One document whose own figure moved between the runs, with the counts behind it."""

    id: str
    a: float | None
    b: float | None
    a_counts: dict[str, int]
    b_counts: dict[str, int]

    @property
    def delta(self) -> float:
        """B − A; 0 when the figure is undefined on either side (nothing matched to judge)."""
        return 0.0 if self.a is None or self.b is None else self.b - self.a


@dataclass
class Comparison:
    """Everything ``eval compare`` prints: per-figure changes, per-document deltas, and the pairing."""

    a: RunCounts
    b: RunCounts
    figure: str  # the figure per-document deltas are given for
    rounds: int
    seed: int
    changes: list[FigureChange] = field(default_factory=list)
    documents: list[DocDelta] = field(default_factory=list)  # every paired document, by delta
    paired: int = 0
    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)

    @property
    def better(self) -> list[DocDelta]:
        return sorted((d for d in self.documents if d.delta > 0), key=lambda d: -d.delta)

    @property
    def worse(self) -> list[DocDelta]:
        return sorted((d for d in self.documents if d.delta < 0), key=lambda d: d.delta)

    def to_json_text(self) -> str:
        """The comparison as ``--format json`` prints it and ``--out`` writes it."""
        return json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n"

    def regressions(self) -> list[FigureChange]:
        """Gated figures whose whole interval lies below zero: what ``--fail-on-regression`` exits 1 on."""
        return [c for c in self.changes if c.gated and c.verdict == WORSE]

    def to_json(self) -> dict[str, Any]:
        return {
            "a": {"path": self.a.path, "kind": self.a.kind, **self.a.meta},
            "b": {"path": self.b.path, "kind": self.b.kind, **self.b.meta},
            "rounds": self.rounds,
            "seed": self.seed,
            "paired_documents": self.paired,
            "only_in_a": self.only_a,
            "only_in_b": self.only_b,
            "figures": [
                {
                    "figure": c.name,
                    "a": c.a,
                    "b": c.b,
                    "diff": c.diff,
                    "ci95": None if c.low is None else [c.low, c.high],
                    "verdict": c.verdict,
                    "gated": c.gated,
                }
                for c in self.changes
            ],
            "documents": {
                "figure": self.figure,
                "better": [{"id": d.id, "a": d.a, "b": d.b, "delta": d.delta} for d in self.better],
                "worse": [{"id": d.id, "a": d.a, "b": d.b, "delta": d.delta} for d in self.worse],
            },
        }


def _nan_to_none(v: float) -> float | None:
    return None if math.isnan(v) else v


def bootstrap_intervals(
    a: Array, b: Array, *, rounds: int = 1000, seed: int = 0, level: float = 0.95
) -> dict[str, tuple[float | None, float | None]]:
    """Percentile interval of B − A for every figure, resampling documents (rows) with replacement.

    A resample is drawn as how many times each document is picked (one
    multinomial draw a round), so each round's sums are one matrix product.
    Rounds in which a figure is undefined on either side are left out of its interval.
    """
    n = a.shape[0]
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(n, np.full(n, 1.0 / n), size=rounds).astype(np.float64)
    fa, fb = figures_from_sums(weights @ a), figures_from_sums(weights @ b)
    tail = (1.0 - level) / 2 * 100
    out: dict[str, tuple[float | None, float | None]] = {}
    for name in FIGURES:
        d = fb[name] - fa[name]
        d = d[~np.isnan(d)]
        if d.size == 0:
            out[name] = (None, None)
            continue
        low, high = np.percentile(d, [tail, 100 - tail])
        out[name] = (float(low), float(high))
    return out


def compare(
    a: RunCounts,
    b: RunCounts,
    *,
    rounds: int = 1000,
    seed: int = 0,
    gated: tuple[str, ...] = HEADLINE_FIGURES,
    figure: str = "attribution_f1",
) -> Comparison:
    """Compare B against A; with per-document counts on both sides, paired over the documents they share."""
    result = Comparison(a=a, b=b, figure=figure, rounds=rounds, seed=seed)
    if a.documents is None or b.documents is None:
        # Aggregate figures only: the point difference, no interval, no verdict.
        result.changes = [FigureChange(n, a.figures[n], b.figures[n], gated=n in gated) for n in FIGURES]
        return result
    shared = [k for k in a.documents if k in b.documents]
    result.only_a = [k for k in a.documents if k not in b.documents]
    result.only_b = [k for k in b.documents if k not in a.documents]
    result.paired = len(shared)
    if not shared:
        raise InputError(f"{a.path} and {b.path} share no document ids", fix="compare runs on the same gold")
    ma = counts_matrix([a.documents[k] for k in shared])
    mb = counts_matrix([b.documents[k] for k in shared])
    point_a = figures_from_sums(ma.sum(axis=0, keepdims=True))
    point_b = figures_from_sums(mb.sum(axis=0, keepdims=True))
    intervals = bootstrap_intervals(ma, mb, rounds=rounds, seed=seed)
    for name in FIGURES:
        low, high = intervals[name]
        result.changes.append(
            FigureChange(
                name,
                _nan_to_none(float(point_a[name][0])),
                _nan_to_none(float(point_b[name][0])),
                low,
                high,
                gated=name in gated,
            )
        )
    family = figure.rsplit("_", 1)[0]
    for k in shared:
        da, db = doc_figures(a.documents[k])[figure], doc_figures(b.documents[k])[figure]
        result.documents.append(DocDelta(k, da, db, a.documents[k][family], b.documents[k][family]))
    return result


def document_regressions(
    base: dict[str, DocCounts], new: dict[str, DocCounts], gated: tuple[str, ...] = HEADLINE_FIGURES
) -> dict[str, list[tuple[str, float, float]]]:
    """Per document in both: each gated figure of its own that dropped, as ``(figure, before, after)``.

    A document is a single test case, so any drop counts: there is nothing to
    resample. Figures undefined on either side (nothing matched) are skipped.
    """
    out: dict[str, list[tuple[str, float, float]]] = {}
    for doc_id, counts in new.items():
        if doc_id not in base:
            continue
        before, after = doc_figures(base[doc_id]), doc_figures(counts)
        drops = [
            (name, b, a)
            for name in gated
            if (b := before[name]) is not None and (a := after[name]) is not None and a < b - 1e-12
        ]
        if drops:
            out[doc_id] = drops
    return out
