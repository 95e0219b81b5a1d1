"""Archive runs on real news: memory against corpus size, throughput of each engine beside a bare parse, resume cost.

Usage: python benchmarks/bench_archives.py [--real 300,832] [--sizes 1000,10000] [--speed-docs 300]
       [--skip-rss] [--skip-speed]

The texts are PolNeAR's training articles, read in place from ../shared (or
``$CLAIMCHECK_SHARED``) and
repeated with new ids to the sizes asked for; the corpus JSONL is written to a
temporary folder, never into the repo. Prints:

* peak RSS, documents/s and words/s of ``claimcheck extract CORPUS --out``
  (rules backend, one process) parsing for real at each ``--real`` size, then
  at each ``--sizes`` size cycling through the texts the largest of those runs
  parsed, served from its cache (the whole streaming path, no parse): streaming
  means the peak must not grow with the corpus;
* the rules backend's words/s with 1 process, ``--workers 2`` and a Dask
  ``LocalCluster`` of 2 workers, beside a bare ``nlp.pipe`` parse of the same
  texts with 1 and 2 processes, in the same run (the ratios are what to read on
  a shared machine);
* the wall time of ``--resume`` over the largest corpus when every document is
  already in ``--out`` (and, beside it, the time to start the CLI at all).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("CLAIMCHECK_SHARED") or ROOT.parent / "shared")
TRAIN = SHARED / "benchmarks" / "polnear" / "train" / "text"
CLI = [sys.executable, "-m", "claimcheck.cli"]


def texts() -> list[str]:
    if not TRAIN.is_dir():
        sys.exit(f"{TRAIN} not found: this benchmark reads PolNeAR's training texts from ../shared")
    return [p.read_text(encoding="utf-8") for p in sorted(TRAIN.glob("*.txt"))]


def write_corpus(path: Path, source: list[str], n: int) -> int:
    """``n`` documents cycling through ``source`` with ids of their own; returns the word count."""
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for k in range(n):
            text = source[k % len(source)]
            words += len(text.split())
            fh.write(json.dumps({"id": f"polnear-train-{k:06d}", "text": text}, ensure_ascii=False) + "\n")
    return words


def run_cli(argv: list[str]) -> tuple[float, float, int]:
    """Wall seconds, the process's own peak RSS in MiB (``wait4``), exit code."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    proc = subprocess.Popen([*CLI, *argv], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 2):
        sys.exit(f"claimcheck {' '.join(argv)} failed ({proc.returncode}):\n{err}")
    return wall, usage.ru_maxrss / 1024, proc.returncode


def _row(label: str, n: int, words: int, wall: float, rss: float) -> None:
    print(
        f"{label:<24} {n:>7,} {words:>11,} {wall:>8.1f} {n / wall:>7.1f} {words / wall:>8,.0f} {rss:>13,.0f}",
        flush=True,
    )


def bench_rss(tmp: Path, source: list[str], real: list[int], sizes: list[int]) -> None:
    """Peak RSS of whole CLI runs: real parses at ``real`` sizes, then ``sizes`` served from the cache."""
    print("\n== memory: claimcheck extract CORPUS --out OUT --quiet (rules, 1 process; peak RSS of that process)")
    print(f"{'run':<24} {'docs':>7} {'words':>11} {'wall s':>8} {'docs/s':>7} {'words/s':>8} {'peak RSS MiB':>13}")
    for n in real:
        corpus, out = tmp / f"real-{n}.jsonl", tmp / f"real-{n}.out.jsonl"
        words = write_corpus(corpus, source, n)
        cache = tmp / f"cache-{n}"
        wall, rss, _ = run_cli(["extract", str(corpus), "--out", str(out), "--quiet", "--cache-dir", str(cache)])
        _row("parsed", n, words, wall, rss)
    parsed = source[: max(real)]  # every one of these is in the last run's cache
    for n in sizes:
        corpus, out = tmp / f"corpus-{n}.jsonl", tmp / f"out-{n}.jsonl"
        words = write_corpus(corpus, parsed, n)
        wall, rss, _ = run_cli(["extract", str(corpus), "--out", str(out), "--quiet", "--cache-dir", str(cache)])
        _row("streamed from the cache", n, words, wall, rss)
    largest = max(sizes)
    corpus, out = tmp / f"corpus-{largest}.jsonl", tmp / f"out-{largest}.jsonl"
    lines = sum(1 for _ in out.open(encoding="utf-8"))
    wall, rss, _ = run_cli(["extract", str(corpus), "--out", str(out), "--quiet", "--resume", "--no-cache"])
    start, _, _ = run_cli(["extract", "--help"])
    print(f"resume with nothing left ({lines:,} done documents): {wall:.2f} s wall, {rss:,.0f} MiB peak;")
    print(f"  starting the CLI at all (extract --help): {start:.2f} s, so the resume itself costs {wall - start:.2f} s")


def bench_speed(source: list[str], n: int) -> None:
    import distributed

    from claimcheck.backends.rules import RulesBackend
    from claimcheck.engines.dask import run_on_dask
    from claimcheck.streaming import iter_extract

    docs = [(f"s{k}", source[k % len(source)]) for k in range(n)]
    batch = [t for _, t in docs]
    words = sum(len(t.split()) for t in batch)
    nlp = RulesBackend().nlp
    list(iter_extract(docs[:4], backend=RulesBackend()))  # load and warm up outside the timings
    print(f"\n== throughput: {n} documents, {words:,} words (the same texts for every line)")
    timings: dict[str, float] = {}

    def timed(label: str, run: object) -> None:
        t0 = time.perf_counter()
        run()  # type: ignore[operator]
        timings[label] = time.perf_counter() - t0
        print(f"  {label:<34} {words / timings[label]:>8,.0f} words/s {n / timings[label]:>6.1f} docs/s", flush=True)

    timed("bare parse, 1 process", lambda: sum(1 for _ in nlp.pipe(batch, batch_size=32)))
    timed("rules, 1 process", lambda: sum(1 for _ in iter_extract(docs, backend=RulesBackend())))
    timed("bare parse, 2 processes", lambda: sum(1 for _ in nlp.pipe(batch, batch_size=32, n_process=2)))
    timed("rules, --workers 2", lambda: sum(1 for _ in iter_extract(docs, backend=RulesBackend(workers=2))))
    with (
        tempfile.TemporaryDirectory() as out,
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        run_on_dask(docs[:4], Path(out) / "warm", client=client, partition_size=2)  # workers load spaCy here
        part = max(1, n // 8)  # 4 partitions per worker, so both have work until the end
        timed(
            "rules, Dask LocalCluster 2 workers",
            lambda: run_on_dask(docs, Path(out) / "run", client=client, partition_size=part),
        )
    bare1, bare2 = timings["bare parse, 1 process"], timings["bare parse, 2 processes"]
    print("  ratios (÷ bare parse with 1 process; ÷ bare parse with 2 processes):")
    for label in ("rules, 1 process", "rules, --workers 2", "rules, Dask LocalCluster 2 workers"):
        print(f"    {label:<34} {bare1 / timings[label]:.2f}x   {bare2 / timings[label]:.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--real", default="300,832", help="corpus sizes parsed for real (the largest fills the cache)")
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes streamed from that cache")
    ap.add_argument("--speed-docs", type=int, default=300, help="documents for the throughput comparison")
    ap.add_argument("--skip-rss", action="store_true")
    ap.add_argument("--skip-speed", action="store_true")
    args = ap.parse_args()
    source = texts()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{len(source)} PolNeAR training texts; {os.cpu_count()} cores; load average {load}")
    # Memory first, while this process is small: a child's peak RSS (wait4) starts at its parent's size.
    if not args.skip_rss:
        with tempfile.TemporaryDirectory() as tmp:
            sizes = [int(x) for x in args.sizes.split(",")]
            bench_rss(Path(tmp), source, [int(x) for x in args.real.split(",")], sizes)
    if not args.skip_speed:
        bench_speed(source, args.speed_docs)


if __name__ == "__main__":
    main()
