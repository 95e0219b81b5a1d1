"""Throughput of the rules backend against a bare spaCy parse with the same pipeline, with 1 and 2 workers.

Usage: python benchmarks/bench_rules.py [--words 50000] [--batch-size 32] [--repeat 2] [--polnear]

The corpus is our own text (the seed article and the gold set's documents),
repeated to about ``--words`` words; ``--polnear`` adds the PolNeAR dev texts
from ../shared when present (read in place, never copied). Each timing is the
best of ``--repeat`` runs, the four measurements interleaved so a change in
background load hits them alike. Prints the machine, the pipeline, documents/s
and words/s for a bare ``nlp.pipe`` and for the backend, their ratios, the CPU
time spent in this process and in worker processes, and peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from claimcheck.backends.rules import RulesBackend  # noqa: E402
from claimcheck.backends.rules.backend import WORKER_THREAD_VARS  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "benchmarks" / "polnear" / "dev" / "text"
WORKERS = (1, 2)


def corpus(words: int, polnear: bool) -> list[str]:
    """Our texts, repeated in a fixed order until they hold about ``words`` words."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    gold = ROOT / "evals" / "gold.jsonl"
    if gold.exists():
        for line in gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                if isinstance(obj.get("text"), str):
                    texts.append(obj["text"])
    if polnear:
        if not POLNEAR.is_dir():
            sys.exit(f"--polnear: {POLNEAR} not found")
        texts += [p.read_text(encoding="utf-8") for p in sorted(POLNEAR.glob("*.txt"))]
    out: list[str] = []
    total = 0
    while total < words:
        for t in texts:
            out.append(t)
            total += len(t.split())
            if total >= words:
                break
    return out


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def cpu_seconds() -> tuple[float, float]:
    """User + system CPU time of this process and of its finished (waited-for) worker processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def timed(run: Callable[[], object]) -> tuple[float, float, float, object]:
    """Wall seconds, parent CPU seconds, worker CPU seconds, and what ``run`` returned."""
    c0 = cpu_seconds()
    t0 = time.perf_counter()
    out = run()
    wall = time.perf_counter() - t0
    c1 = cpu_seconds()
    return wall, c1[0] - c0[0], c1[1] - c0[1], out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--repeat", type=int, default=2, help="best of this many runs per measurement")
    ap.add_argument("--polnear", action="store_true", help="add the PolNeAR dev texts from ../shared")
    args = ap.parse_args()

    texts = corpus(args.words, args.polnear)
    n_docs, n_words = len(texts), sum(len(t.split()) for t in texts)
    docs = [(f"d{k}", t) for k, t in enumerate(texts)]
    warm = RulesBackend(batch_size=args.batch_size)
    nlp = warm.nlp
    warm.extract_many(docs[:4])  # load and warm up outside the timings

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"machine: {cores} cores usable ({os.cpu_count()} online), {cpu_model()}; load average {load}")
    print(f"python {platform.python_version()}, spaCy {spacy.__version__}, pipeline {warm.model}: {nlp.pipe_names}")
    env = {v: os.environ[v] for v in WORKER_THREAD_VARS if v in os.environ}
    print(f"thread env in this process: {env or 'none set'} (rules workers run with 1 thread each)")
    print(f"corpus: {n_docs} documents, {n_words:,} words; batch size {args.batch_size}; best of {args.repeat}")

    best: dict[tuple[str, int], tuple[float, float, float]] = {}
    outputs: dict[int, list[object]] = {}
    for _ in range(args.repeat):
        for workers in WORKERS:
            bare = timed(lambda w=workers: sum(1 for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=w)))
            backend = RulesBackend(workers=workers, batch_size=args.batch_size)
            rules = timed(lambda b=backend: b.extract_many(docs))
            outputs[workers] = rules[3]  # type: ignore[assignment]
            for what, run in (("bare parse", bare), ("rules", rules)):
                if (what, workers) not in best or run[0] < best[what, workers][0]:
                    best[what, workers] = run[:3]

    one_bare = best["bare parse", 1][0]
    head = f"{'workers':>7} {'what':>10} {'docs/s':>8} {'words/s':>9} {'÷bare(1w)':>10} {'÷bare(same)':>11}"
    print(f"{head} {'cpu parent':>10} {'cpu workers':>11}")
    for workers in WORKERS:
        for what in ("bare parse", "rules"):
            wall, own, kids = best[what, workers]
            print(
                f"{workers:>7} {what:>10} {n_docs / wall:>8.1f} {n_words / wall:>9,.0f} {one_bare / wall:>10.2f}"
                f" {best['bare parse', workers][0] / wall:>11.2f} {own:>9.2f}s {kids:>10.2f}s"
            )
    results = outputs[1]
    claims = sum(len(r.claims) for r in results if hasattr(r, "claims"))
    failed = sum(1 for r in results if not hasattr(r, "claims"))
    same = [r.model_dump() if hasattr(r, "model_dump") else str(r) for r in outputs[2]] == [
        r.model_dump() if hasattr(r, "model_dump") else str(r) for r in results
    ]
    print(f"{claims} claims, {failed} failed documents; 2 workers give the same output as 1: {'yes' if same else 'NO'}")
    print(f"rules with 2 workers ÷ bare parse with 1: {one_bare / best['rules', 2][0]:.2f}x (linear would be 2)")
    own_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    kid_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"peak RSS: {own_rss:,.0f} MiB this process, {kid_rss:,.0f} MiB largest worker; at most "
        f"{own_rss + max(WORKERS) * kid_rss:,.0f} MiB together (forked workers share the pipeline's pages)"
    )


if __name__ == "__main__":
    main()
