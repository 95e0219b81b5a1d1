"""The Dask engine on a real LocalCluster (2 worker processes, loopback): same output, nothing lost if a worker dies."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from news_corpus import story, write_corpus  # noqa: E402

from claimcheck.cli import main  # noqa: E402
from claimcheck.corpus import Corpus  # noqa: E402
from claimcheck.engines.dask import run_on_dask  # noqa: E402
from claimcheck.sinks import archive_line  # noqa: E402
from claimcheck.streaming import iter_extract  # noqa: E402

pytestmark = pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1"])


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as c:
        yield c
    # distributed keeps a process-wide offload thread alive after every client has gone; the rules backend
    # forks its workers only from a single-threaded process, and later tests rely on forked workers.
    offload = getattr(distributed.utils, "_offload_executor", None)
    if offload is not None:
        offload.shutdown(wait=True)


@pytest.fixture(scope="module")
def client(cluster: distributed.LocalCluster) -> Iterator[distributed.Client]:
    with distributed.Client(cluster) as c:
        yield c


def part_lines(folder: Path, pattern: str = "part-*[0-9].jsonl") -> list[str]:
    return [line for p in sorted(folder.glob(pattern)) for line in p.read_text(encoding="utf-8").splitlines()]


def one_process_lines(corpus: Path) -> list[str]:
    return [archive_line(r) for _, r in iter_extract(Corpus([str(corpus)]), backend="rules") if hasattr(r, "claims")]


def test_the_cli_on_a_cluster_writes_what_one_process_writes(
    tmp_path: Path, cluster: distributed.LocalCluster, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, out, table = tmp_path / "c.jsonl", tmp_path / "parts", tmp_path / "claims.parquet"
    write_corpus(corpus, 30, bad=(2,))
    argv = ["extract", str(corpus), "--engine", "dask", "--scheduler", cluster.scheduler_address, "--out", str(out)]
    assert main([*argv, "--table", str(table), "--partition-size", "4", "--backend", "rules"]) == 2
    err = capsys.readouterr().err
    assert "30 documents," in err and "1 error" in err
    got = part_lines(out)
    expected = one_process_lines(corpus)
    assert len(got) == len(set(got)) == 29 and sorted(got) == sorted(expected)
    [error] = [json.loads(x) for x in part_lines(out, "part-*.errors.jsonl")]
    assert error["id"] == "doc-0002" and "empty" in error["error"]
    pq = pytest.importorskip("pyarrow.parquet")
    rows = pq.read_table(table).num_rows  # the folder of parts reads as one table
    assert rows == sum(len(json.loads(x)["claims"]) for x in expected) > 0
    # a resume retries only the failed record, and ends as it was
    assert main([*argv, "--resume", "--table", str(table), "--backend", "rules"]) == 2
    assert sorted(part_lines(out)) == sorted(got)
    assert [json.loads(x) for x in part_lines(out, "part-*.errors.jsonl")] == [error]
    assert "29 already done, skipped" in capsys.readouterr().err
    assert pq.read_table(table).num_rows == rows


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(tmp_path: Path, client: distributed.Client) -> None:
    docs = [(f"k{n:03d}", story(n)) for n in range(120)]
    out = tmp_path / "parts"
    pids = client.run(os.getpid)
    victim = sorted(pids.values())[0]
    result: dict[str, object] = {}

    def go() -> None:
        try:
            result["stats"] = run_on_dask(docs, out, client=client, partition_size=3)
        except BaseException as exc:  # surfaced below
            result["error"] = exc

    runner = threading.Thread(target=go)
    runner.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.exists() and any(out.glob("part-*.jsonl"))):
        time.sleep(0.01)
    os.kill(victim, signal.SIGKILL)
    killed_at = len(list(out.glob("part-*.jsonl")))
    runner.join(timeout=120)
    assert not runner.is_alive() and "error" not in result, result.get("error")
    assert killed_at < 40, "the worker was killed after the run had finished"
    ids = [json.loads(line)["id"] for line in part_lines(out)]
    assert sorted(ids) == [d for d, _ in docs]  # every document once: none lost, none twice
    assert victim not in client.run(os.getpid).values()  # the worker really died (and was replaced)
    assert not list(out.glob(".part-*"))  # no half-written part is left
