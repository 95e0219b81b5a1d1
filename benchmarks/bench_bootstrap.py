"""Time ``eval compare``'s paired bootstrap: 1,000 rounds over 200 documents (the aim is under a second).

Usage: python benchmarks/bench_bootstrap.py [--docs 200] [--rounds 1000] [--repeat 5]

The documents are synthetic per-document counts (two runs, B a little worse
than A) drawn with a fixed seed; only the comparison is timed, not reading
files. Prints the best and median of ``--repeat`` runs of
:func:`claimcheck.evaluation.comparison.compare` and of the bootstrap alone.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from claimcheck.evaluation.comparison import RunCounts, bootstrap_intervals, compare, counts_matrix  # noqa: E402


def synthetic(n: int, seed: int, worse: float) -> dict[str, dict[str, dict[str, int]]]:
    """``n`` documents' counts: ~10 gold claims each, a share ``worse`` of B's correct ones turned wrong."""
    rng = np.random.default_rng(seed)
    docs = {}
    for i in range(n):
        gold = int(rng.integers(3, 20))
        tp = int(rng.binomial(gold, 0.88 - worse))
        fp = int(rng.poisson(1.0))
        counts = {"tp": tp, "fp": fp, "fn": gold - tp}
        docs[f"d{i:04d}"] = {
            "attribution": counts,
            "claim": {"tp": gold, "fp": fp, "fn": 0},
            "unattributed": {"tp": 1, "fp": 0, "fn": 0},
            "source": {"correct": tp, "total": gold},
            "hedge": {"tp": 2, "fp": 0, "fn": 0},
            "quote": {"correct": gold, "total": gold},
        }
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    a = RunCounts("a", "results", {}, {}, synthetic(args.docs, 1, 0.0))
    b = RunCounts("b", "results", {}, {}, synthetic(args.docs, 1, 0.05))
    ma = counts_matrix(list(a.documents.values()))  # type: ignore[union-attr]
    mb = counts_matrix(list(b.documents.values()))  # type: ignore[union-attr]
    whole, boot = [], []
    for _ in range(args.repeat):
        t = time.perf_counter()
        result = compare(a, b, rounds=args.rounds)
        whole.append(time.perf_counter() - t)
        t = time.perf_counter()
        bootstrap_intervals(ma, mb, rounds=args.rounds)
        boot.append(time.perf_counter() - t)
    f1 = next(c for c in result.changes if c.name == "attribution_f1")
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}, numpy {np.__version__}")
    print(f"{args.docs} documents, {args.rounds} rounds, best/median of {args.repeat}:")
    print(f"  compare (14 figures, per-document deltas): {min(whole):.3f} s / {statistics.median(whole):.3f} s")
    print(f"  bootstrap alone:                           {min(boot):.3f} s / {statistics.median(boot):.3f} s")
    print(f"  attribution_f1 {f1.a:.3f} -> {f1.b:.3f}, 95% CI [{f1.low:+.3f}, {f1.high:+.3f}]: {f1.verdict}")


if __name__ == "__main__":
    main()
