"""Client-side --rpm/--tpm: reservations on a fake clock, then real requests to a loopback server, and the summary."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from fault_server import FaultServer, tool_reply

from claimcheck.backends.llm import LLMBackend
from claimcheck.backends.llm.ratelimit import RateLimiter, shared_limiter
from claimcheck.cli import main

pytestmark = pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1"])

TEXT = "The bridge will close in May, the council said."
GOOD = {"claim": "The bridge will close in May", "source": "the council", "source_type": "government", "cue": "said"}


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_requests_are_paced_evenly_after_one_seconds_burst() -> None:
    clock = Clock()
    limiter = RateLimiter(rpm=120, clock=clock)  # 2 a second
    waits = [limiter.reserve(tokens=0) for _ in range(6)]
    assert waits == pytest.approx([0, 0, 0.5, 1.0, 1.5, 2.0])
    clock.now += 10  # an idle spell refills one second's worth, not ten
    assert [limiter.reserve(0) for _ in range(3)] == pytest.approx([0, 0, 0.5])


def test_tokens_are_reserved_then_settled_by_what_was_used() -> None:
    clock = Clock()
    limiter = RateLimiter(tpm=6_000, clock=clock)  # 100 a second, 100 held
    assert limiter.reserve(tokens=300) == pytest.approx(2.0)  # a debt of 200 tokens
    limiter.settle(tokens=-250)  # it used 50: the rest comes back
    assert limiter.reserve(tokens=100) == pytest.approx(0.5)
    limiter.settle(tokens=0, requests=0)
    assert RateLimiter().reserve(10**9) == 0.0  # no limits: never waits
    with pytest.raises(ValueError, match="rpm"):
        RateLimiter(rpm=0)


def test_one_limiter_is_shared_by_every_thread_of_a_process() -> None:
    clock = Clock()
    limiter = RateLimiter(rpm=60, clock=clock)
    waits: list[float] = []
    lock = threading.Lock()

    def book() -> None:
        w = limiter.reserve(0)
        with lock:
            waits.append(w)

    threads = [threading.Thread(target=book) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(waits) == pytest.approx([0, 1, 2, 3, 4, 5, 6, 7])  # one a second between all of them
    assert shared_limiter("http://a/v1", 60, None) is shared_limiter("http://a/v1", 60, None)
    assert shared_limiter("http://a/v1", 60, None) is not shared_limiter("http://b/v1", 60, None)


def test_concurrent_requests_to_a_real_server_keep_under_rpm() -> None:
    with FaultServer([tool_reply([GOOD])]) as server:
        be = LLMBackend(base_url=server.base_url, model="fault", rpm=240, concurrency=6, max_reasks=0)
        results = be.extract_many([(f"d{k}", TEXT) for k in range(10)], concurrency=6)
    assert all(r.claims for r in results)  # type: ignore[union-attr]
    times = sorted(server.times)
    assert len(times) == 10
    # 4 a second after a burst of 4: booked at 0, 0, 0, 0, 0.25, 0.5 … 1.5 s; unpaced, all 10 take ~0.1 s.
    # (Load on the machine can only delay a request past its booking, never send it earlier.)
    assert times[-1] - times[0] >= 1.0


def test_the_closing_summary_sums_usage_and_reasks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"n{k}", "text": TEXT}) + "\n" for k in range(3)), encoding="utf-8")
    invented = {"claim": "The mayor resigned", "source": "the council", "cue": "said"}
    replies = [tool_reply([invented], usage=(10, 5)), tool_reply([GOOD], usage=(20, 5))] * 3
    with FaultServer(replies) as server:
        code = main([
            "extract", str(corpus), "--out", str(tmp_path / "out.jsonl"), "--base-url", server.base_url,
            "--model", "fault", "--no-cache", "--concurrency", "1", "--max-reasks", "1", "--rpm", "6000",
        ])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 0, err
    assert "3 documents, 3 claims, 0 errors" in err
    assert "LLM: 120 tokens (90 prompt, 30 completion), 3 re-asks, 0 transport retries" in err
