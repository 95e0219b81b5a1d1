"""An eval run as JUnit test cases and GitHub annotations (``eval --junit``, ``--format github``).

One test case per gold document, failing when that document's own gated
figures dropped against the baseline's per-document counts (an error when its
extraction failed), plus one case for the corpus gates. The formats' writers
are :mod:`claimcheck.render.junit` and :mod:`claimcheck.render.github`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from claimcheck.evaluation.comparison import document_regressions, load_run_counts
from claimcheck.evaluation.run import EvalRun
from claimcheck.evaluation.scoring import HEADLINE_FIGURES
from claimcheck.render.github import annotation
from claimcheck.render.junit import Case, junit_xml

__all__ = ["eval_annotations", "eval_cases", "eval_drops", "eval_junit", "gold_lines"]

Drops = dict[str, list[tuple[str, float, float]]]


def gold_lines(gold_path: str) -> dict[str, int]:
    """Document id -> its 1-based line in a JSONL gold file (empty for a BRAT folder or unreadable file)."""
    lines: dict[str, int] = {}
    p = Path(gold_path)
    if not p.is_file():
        return lines
    with p.open(encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            try:
                doc_id = json.loads(line).get("id")
            except (ValueError, AttributeError):
                continue
            if isinstance(doc_id, str):
                lines.setdefault(doc_id, n)
    return lines


def eval_drops(run: EvalRun, baseline: str | None, gated: tuple[str, ...] = HEADLINE_FIGURES) -> Drops | None:
    """Documents whose own gated figures dropped against ``baseline``; None without per-document baseline counts."""
    base = load_run_counts(baseline).documents if baseline else None
    if base is None:
        return None
    return document_regressions(base, {r.gold.id: r.score.counts() for r in run.results}, gated)


def _drop_text(drops: list[tuple[str, float, float]]) -> str:
    return ", ".join(f"{name} {before:.3f} → {after:.3f}" for name, before, after in drops)


def eval_cases(run: EvalRun, drops: Drops | None, gate_failures: Sequence[str]) -> list[Case]:
    """One case per gold document and one for the corpus gates; ``drops`` None means no per-document baseline."""
    lines = gold_lines(run.gold_path)
    classname = f"claimcheck.eval.{run.backend}"
    cases: list[Case] = []
    for r in run.results:
        counts = " ".join(f"{fam} {'/'.join(str(v) for v in c.values())}" for fam, c in r.score.counts().items())
        case = Case(r.gold.id, classname, file=run.gold_path, line=lines.get(r.gold.id), details=counts)
        if r.error is not None:
            case.error = f"extraction failed: {r.error}"
        elif drops is not None and r.gold.id in drops:
            case.failure = f"regressed against the baseline: {_drop_text(drops[r.gold.id])}"
        elif drops is None:
            case.details = f"{counts}\n(no per-document baseline: only the corpus gates can fail)"
        cases.append(case)
    gates = Case("corpus gates", classname, file=run.gold_path)
    if gate_failures:
        gates.failure = "; ".join(gate_failures)
        gates.details = "\n".join(gate_failures)
    cases.append(gates)
    return cases


def eval_junit(run: EvalRun, drops: Drops | None, gate_failures: Sequence[str]) -> str:
    """``eval --junit``'s file: the run's cases as one JUnit suite named for the backend."""
    return junit_xml(f"claimcheck eval {run.backend}", eval_cases(run, drops, gate_failures), time=run.wall_time)


def eval_annotations(run: EvalRun, drops: Drops | None, gate_failures: Sequence[str]) -> list[str]:
    """Workflow commands: an error per regressed or failed document (at its gold line) and per failed gate."""
    lines = gold_lines(run.gold_path)
    out: list[str] = []
    for r in run.results:
        if r.error is not None:
            message = f"{r.gold.id}: extraction failed: {r.error}"
        elif drops and r.gold.id in drops:
            message = f"{r.gold.id} regressed against the baseline: {_drop_text(drops[r.gold.id])}"
        else:
            continue
        title = f"claimcheck eval {r.gold.id}"
        out.append(annotation("error", message, file=run.gold_path, line=lines.get(r.gold.id), title=title))
    out += [annotation("error", f"gate failed: {m}", title="claimcheck eval gate") for m in gate_failures]
    return out
