"""Evaluation: score a backend against gold labels, gate on the figures, compare two runs.

``gold`` and ``brat`` read the answers, ``scoring`` compares claims to them
(it knows nothing of backends), ``run`` runs a backend over gold documents,
``gates`` holds baselines and floors, ``layouts`` re-scores every document
re-laid, ``comparison`` pairs two runs by document, ``rescoring`` scores stored predictions again, and ``report`` and
``comparison_report`` show them.
"""

from __future__ import annotations

from claimcheck.evaluation.gates import (
    baseline_mismatches,
    check_gates,
    load_baseline,
    parse_fail_under,
    parse_gates,
    write_baseline,
)
from claimcheck.evaluation.gold import GoldDoc, load_gold
from claimcheck.evaluation.run import (
    DocResult,
    EvalRun,
    check_writable,
    evaluate,
    select_split,
    write_output,
    write_results,
)

__all__ = [
    "DocResult",
    "EvalRun",
    "GoldDoc",
    "baseline_mismatches",
    "check_gates",
    "check_writable",
    "evaluate",
    "load_baseline",
    "load_gold",
    "parse_fail_under",
    "parse_gates",
    "select_split",
    "write_baseline",
    "write_output",
    "write_results",
]
