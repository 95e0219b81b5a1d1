"""Gates on an eval run's figures: a baseline to stay near, absolute ``--fail-under`` floors.

A gate that cannot read its baseline, or is given a figure that does not
exist, fails before any document is extracted (the CLI parses them first).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from claimcheck.errors import ConfigError, InputError
from claimcheck.evaluation.run import EvalRun, write_output
from claimcheck.evaluation.scoring import FIGURES, HEADLINE_FIGURES
from claimcheck.inputs import read_json_file

__all__ = [
    "baseline_mismatches",
    "check_gates",
    "load_baseline",
    "parse_fail_under",
    "parse_gates",
    "write_baseline",
]


def parse_fail_under(specs: Sequence[str]) -> dict[str, float]:
    """``["attribution_f1=0.8", ...]`` as a dict; a bad spec or unknown figure is a :class:`ConfigError`."""
    gates: dict[str, float] = {}
    for spec in specs:
        name, sep, value = spec.partition("=")
        name = name.strip()
        if not sep:
            raise ConfigError(
                f"--fail-under {spec!r}: expected FIGURE=VALUE", fix="e.g. --fail-under attribution_f1=0.8"
            )
        if name not in FIGURES:
            raise ConfigError(f"--fail-under: unknown figure {name!r}", fix=f"use one of: {', '.join(FIGURES)}")
        try:
            threshold = float(value)
        except ValueError:
            raise ConfigError(f"--fail-under {spec!r}: {value!r} is not a number", fix="use a value in 0..1") from None
        if not 0.0 <= threshold <= 1.0:
            raise ConfigError(f"--fail-under {spec!r}: figures lie in 0..1", fix="use a value in 0..1")
        gates[name] = threshold
    return gates


def parse_gates(names: Sequence[str]) -> tuple[str, ...] | None:
    """``--gate``'s figure names (None when none are given); an unknown figure is a :class:`ConfigError`."""
    for name in names:
        if name not in FIGURES:
            raise ConfigError(f"--gate: unknown figure {name!r}", fix=f"use some of: {', '.join(FIGURES)}")
    return tuple(names) or None


def load_baseline(path: str | Path) -> dict[str, Any]:
    """A baseline written by ``--write-baseline``; a missing or malformed one is an :class:`InputError`."""
    p = Path(path)
    fix = "regenerate it with claimcheck eval --write-baseline FILE"
    data = read_json_file(p, what="baseline file", fix=fix)
    figures = data.get("figures") if isinstance(data, dict) else None
    if not isinstance(figures, dict):
        raise InputError(f"{p}: baseline has no 'figures' object", fix=fix)
    for name, value in figures.items():
        if name not in FIGURES:
            raise InputError(f"{p}: unknown figure {name!r} in baseline", fix=fix)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value)
        ):
            raise InputError(f"{p}: figure {name!r} is {value!r}, not a number", fix=fix)
    # A headline figure left out would silently gate nothing; one the run could not compute is written as null.
    missing = [name for name in HEADLINE_FIGURES if name not in figures]
    if missing:
        raise InputError(f"{p}: baseline is missing the figures {', '.join(missing)}", fix=fix)
    return cast("dict[str, Any]", data)  # a JSON object: its "figures" were read above


def write_baseline(path: str | Path, run: EvalRun) -> None:
    """Write the run's figures and what produced them, for a later ``--baseline`` gate.

    Per-document counts (keyed by document id, no text) let ``eval compare`` and
    ``--junit`` compare a later run paired, document by document; one line per
    document keeps a baseline update's diff readable.
    """
    head = json.dumps({**run.meta(), "figures": run.figures()}, indent=2, ensure_ascii=False)
    docs = ",\n".join(
        f"    {json.dumps(r.gold.id, ensure_ascii=False)}: {json.dumps(r.score.counts())}" for r in run.results
    )
    write_output(path, head[:-2] + ',\n  "document_counts": {\n' + docs + "\n  }\n}\n")


def baseline_mismatches(baseline: dict[str, Any], run: EvalRun) -> list[str]:
    """What the baseline was made on (gold, split, backend) that this run was not: its figures may not compare."""
    meta = run.meta()
    return [
        f"baseline {key} is {baseline.get(key)!r}, this run's is {meta[key]!r}"
        for key in ("gold", "split", "backend")
        if baseline.get(key) != meta[key]
    ]


def check_gates(
    figures: dict[str, float | None],
    *,
    baseline: dict[str, Any] | None = None,
    tolerance: float = 0.01,
    fail_under: dict[str, float] | None = None,
    gated: Sequence[str] = HEADLINE_FIGURES,
) -> list[str]:
    """One message per failed gate: a headline figure more than ``tolerance`` below the baseline,
    or any figure under its ``--fail-under`` threshold. A figure the run could not compute fails."""
    failed: list[str] = []
    if baseline is not None:
        base = baseline["figures"]
        for name in gated:
            want = base.get(name)
            if want is None:
                continue
            got = figures.get(name)
            if got is None:
                failed.append(f"{name} n/a (baseline {want:.3f})")
            elif got < want - tolerance - 1e-9:
                failed.append(f"{name} {got:.3f} < baseline {want:.3f} - tolerance {tolerance:g}")
    for name, threshold in (fail_under or {}).items():
        got = figures.get(name)
        if got is None:
            failed.append(f"{name} n/a (--fail-under {threshold:g})")
        elif got < threshold:
            failed.append(f"{name} {got:.3f} < --fail-under {threshold:g}")
    return failed
