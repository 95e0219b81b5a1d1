"""Throughput of the rules backend against a bare spaCy parse with the same pipeline.

Usage: python benchmarks/bench_rules.py [--words 50000] [--batch-size 32] [--polnear]

The corpus is our own text (the seed article and the gold set's documents),
repeated to about ``--words`` words; ``--polnear`` adds the PolNeAR dev texts
from ../shared when present (read in place, never copied). Prints documents/s
and words/s for a bare ``nlp.pipe`` and for the full backend, with 1 and 2
workers, the ratio backend / bare parse, and peak memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.backends.rules import RulesBackend  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "benchmarks" / "polnear" / "dev" / "text"


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
    if polnear and POLNEAR.is_dir():
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


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child, in MiB (Linux: KiB units)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--polnear", action="store_true", help="add PolNeAR dev texts when ../shared has them")
    args = ap.parse_args()

    texts = corpus(args.words, args.polnear)
    n_words = sum(len(t.split()) for t in texts)
    docs = [(f"d{k}", t) for k, t in enumerate(texts)]
    print(f"corpus: {len(texts)} documents, {n_words:,} words")
    warm = RulesBackend(batch_size=args.batch_size)
    nlp = warm.nlp
    warm.extract_many(docs[:4])  # load and warm up outside the timings

    rows = []
    for workers in (1, 2):
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=workers):
            pass
        bare = time.perf_counter() - t0
        backend = RulesBackend(workers=workers, batch_size=args.batch_size)
        t0 = time.perf_counter()
        results = backend.extract_many(docs)
        full = time.perf_counter() - t0
        claims = sum(len(r.claims) for r in results if hasattr(r, "claims"))
        rows.append((workers, bare, full, claims))

    print(f"{'workers':>7} {'what':>10} {'docs/s':>9} {'words/s':>10} {'ratio':>6}")
    for workers, bare, full, claims in rows:
        print(f"{workers:>7} {'bare parse':>10} {len(texts) / bare:>9.1f} {n_words / bare:>10,.0f}")
        ratio = bare / full
        print(
            f"{workers:>7} {'rules':>10} {len(texts) / full:>9.1f} {n_words / full:>10,.0f} {ratio:>6.2f}"
            f"  ({claims} claims)"
        )
    one_bare = rows[0][1]
    print(f"rules with 2 workers vs bare parse with 1: {one_bare / rows[1][2]:.2f}x")
    own, kids = peak_rss_mb()
    print(f"peak RSS: {own:,.0f} MiB (this process), {kids:,.0f} MiB (largest worker)")


if __name__ == "__main__":
    main()
