"""Archive runs: streamed --out, errors and claims table, resume after any kill, Ctrl-C/SIGTERM, iter_extract."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from news_corpus import story, write_corpus

import claimcheck
from claimcheck.cli import main
from claimcheck.errors import ClaimcheckError, InputError
from claimcheck.schema import Claim, Extraction
from claimcheck.sinks import TABLE_COLUMNS, done_ids

ROOT = Path(__file__).resolve().parents[1]


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def run(*argv: str) -> int:
    return main(["extract", *argv, "--backend", "rules", "--no-cache"])


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    f = tmp_path / "corpus.jsonl"
    write_corpus(f, 12, bad=(3,))
    return f


def test_out_streams_spec_lines_errors_and_a_table(
    tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, table = tmp_path / "out.jsonl", tmp_path / "claims.csv"
    assert run(str(corpus), "--out", str(out), "--table", str(table)) == 2  # one record failed
    stdout, err = capsys.readouterr()
    assert stdout == ""
    assert "1 document failed: see" in err and "12 documents," in err and "1 error (in " in err
    records = [json.loads(line) for line in lines(out)]
    assert sorted(r["id"] for r in records) == [f"doc-{k:04d}" for k in range(12) if k != 3]
    assert all("cached" not in r for r in records)
    [error] = [json.loads(line) for line in lines(tmp_path / "out.errors.jsonl")]
    assert error == {
        "id": "doc-0003",
        "error": "doc-0003: the text is empty",
        "fix": "drop the record or fill its text",
    }
    # The same documents printed in memory give the same records.
    assert run(str(corpus), "--format", "jsonl") == 2
    printed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(json.dumps(r, sort_keys=True) for r in records) == sorted(
        json.dumps({k: v for k, v in r.items() if k != "cached"}, sort_keys=True) for r in printed
    )
    import csv

    with table.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == sum(len(r["claims"]) for r in records) > 0
    by_id = {r["id"]: r for r in records}
    for row in rows:
        claim = by_id[row["id"]]["claims"][int(row["n"])]
        assert row["claim"] == claim["claim"] and int(row["start"]) == claim["start"]
        assert json.loads(row["hedges"]) == claim["hedges"]


def test_table_has_every_claim_field() -> None:
    assert {name for name, _ in TABLE_COLUMNS} == {"id", "n", *Claim.model_fields}


def test_out_is_never_overwritten_by_accident(tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "x", "text": "t", "claims": []}\n')
    assert run(str(corpus), "--out", str(out)) == 2
    assert "already holds results" in capsys.readouterr().err and lines(out) == [
        '{"id": "x", "text": "t", "claims": []}'
    ]
    assert run(str(corpus), "--resume") == 2
    assert "--resume needs --out" in capsys.readouterr().err
    assert run(str(corpus), "--out", str(corpus)) == 2
    assert "an input of this run" in capsys.readouterr().err


def test_resume_after_a_torn_line_equals_one_shot(tmp_path: Path, corpus: Path) -> None:
    one, part = tmp_path / "one.jsonl", tmp_path / "part.jsonl"
    run(str(corpus), "--out", str(one), "--table", str(tmp_path / "one.parquet"))
    done = lines(one)
    part.write_text("\n".join(done[:5]) + "\n" + done[5][:40], encoding="utf-8")  # a kill mid-line
    assert done_ids(part) == {json.loads(x)["id"] for x in done[:5]}
    assert part.read_text(encoding="utf-8").endswith("\n")  # the torn tail is cut off
    run(str(corpus), "--out", str(part), "--resume", "--table", str(tmp_path / "part.parquet"))
    assert sorted(lines(part)) == sorted(done) and len(set(lines(part))) == len(done)
    assert lines(tmp_path / "part.errors.jsonl") == lines(tmp_path / "one.errors.jsonl")
    pq = pytest.importorskip("pyarrow.parquet")
    key = ["id", "n"]
    a = pq.read_table(tmp_path / "one.parquet").sort_by([(k, "ascending") for k in key]).to_pylist()
    b = pq.read_table(tmp_path / "part.parquet").sort_by([(k, "ascending") for k in key]).to_pylist()
    assert a == b and a


def test_resume_with_nothing_left_does_nothing(
    tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    run(str(corpus), "--out", str(out))
    before = out.read_bytes()
    capsys.readouterr()
    run(str(corpus), "--out", str(out), "--resume")
    assert out.read_bytes() == before
    assert "11 already done, skipped" in capsys.readouterr().err


def _spawn(corpus: Path, out: Path, cache: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CLAIMCHECK_CACHE_DIR": str(cache)}
    argv = [sys.executable, "-m", "claimcheck.cli", "extract", str(corpus), "--out", str(out), "--backend", "rules"]
    # A shell without job control starts a background job (`pytest … &`) with SIGINT ignored, and an ignored
    # signal stays ignored across exec: the run would never see the test's Ctrl-C, read on to the end of the
    # pipe and wait there. A handler is reset to the default at exec, so with one installed while it starts, the
    # run gets Python's own Ctrl-C (KeyboardInterrupt), as from a terminal.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    finally:
        signal.signal(signal.SIGINT, previous)


def _wait_for_lines(out: Path, proc: subprocess.Popen[bytes], n: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= n:
            return
        time.sleep(0.02)
    raise AssertionError(f"the run wrote fewer than {n} lines (exit {proc.poll()})")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_a_killed_run_keeps_what_it_finished_and_resumes_to_the_one_shot_output(
    tmp_path: Path, sig: signal.Signals
) -> None:
    corpus, out, cache = tmp_path / "big.jsonl", tmp_path / "out.jsonl", tmp_path / "cache"
    n, fed = 400, 200
    write_corpus(corpus, n, bad=(7,))
    # The killed run reads the corpus through a pipe fed only its first half, so the signal always
    # lands mid-run (most often mid-document), however slow or fast the machine: the run cannot finish first.
    live = tmp_path / "live.jsonl"
    os.mkfifo(live)
    proc = _spawn(live, out, cache)
    with live.open("w", encoding="utf-8") as feed:
        feed.writelines(lines(corpus)[k] + "\n" for k in range(fed))
        feed.flush()
        _wait_for_lines(out, proc, 20)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
    kept = lines(out)
    assert 20 <= len(kept) < fed
    if sig == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    else:
        assert proc.returncode == 130, err.decode(errors="replace")[-2000:]  # a traceback, if any, shows in CI
        message = err.decode().strip().splitlines()[-1]
        assert message.startswith("claimcheck: interrupted: ") and "--resume" in message and "Traceback" not in message
        finished = int(message.split(": ")[2].split()[0])
        assert finished >= len(kept)
        cached = list(cache.rglob("*.json"))
        assert len(cached) >= len(kept)  # every written document is in the cache too
    # resume (in this process) over the whole corpus to the end, then compare with a one-shot run
    assert run(str(corpus), "--out", str(out), "--resume") == 2
    resumed = lines(out)
    one = tmp_path / "one.jsonl"
    assert run(str(corpus), "--out", str(one)) == 2
    assert len(resumed) == len(set(resumed)) == n - 1
    assert sorted(resumed) == sorted(lines(one))


def test_iter_extract_is_lazy_and_yields_as_it_goes() -> None:
    pulled = 0

    def endless() -> Iterator[tuple[str, str]]:
        nonlocal pulled
        for k in itertools.count():
            pulled += 1
            yield f"d{k}", story(k)

    results = claimcheck.iter_extract(endless(), backend="rules")
    first = list(itertools.islice(results, 5))
    assert [i for i, _ in first] == ["d0", "d1", "d2", "d3", "d4"]
    assert all(isinstance(r, Extraction) and r.claims for _, r in first)
    assert pulled <= 64  # one batch ahead at most, not the whole (endless) input
    results.close()


def test_iter_extract_passes_errors_through_and_can_keep_order() -> None:
    docs = [("a", story(1)), ("b", ""), ("c", story(2)), ("d", 5)]
    got = list(claimcheck.iter_extract(docs, backend="rules", ordered=True))  # type: ignore[arg-type]
    assert [i for i, _ in got] == ["a", "b", "c", "d"]
    assert isinstance(got[0][1], Extraction) and isinstance(got[2][1], Extraction)
    assert isinstance(got[1][1], InputError) and isinstance(got[3][1], ClaimcheckError)
    with pytest.raises(ClaimcheckError, match="concurrency"):
        next(claimcheck.iter_extract(docs, backend="rules", concurrency=0))


def _run_on_a_terminal(tmp_path: Path, *extra: str) -> str:
    """Run the CLI over a small corpus with stderr on a pseudo-terminal; what the terminal showed."""
    import pty

    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 40)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120", "TERM": "xterm"}
    argv = [sys.executable, "-m", "claimcheck.cli", "extract", str(corpus), "--out", str(tmp_path / "o.jsonl")]
    argv += ["--no-cache", *extra]
    master, slave = pty.openpty()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert proc.wait(timeout=120) == 0
    return seen.decode(errors="replace")


def test_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    shown = _run_on_a_terminal(tmp_path)
    assert "docs" in shown and "words/s" in shown and "ETA" in shown and "/40" in shown
    assert "40 documents," in shown  # and the closing summary (a pipe gets only that: see above)
    (tmp_path / "q").mkdir()
    quiet = _run_on_a_terminal(tmp_path / "q", "--quiet")
    assert quiet == ""
