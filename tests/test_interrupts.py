"""Deferred Ctrl-C and SIGTERM: a signal during a run is raised where nothing is half done, never where it lands."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from news_corpus import write_corpus
from pydantic import BaseModel, field_serializer

from claimcheck.cache import Cache
from claimcheck.cli import main
from claimcheck.interrupts import deferred_interrupts, interruptible


def _signal_self(sig: signal.Signals = signal.SIGINT) -> None:
    os.kill(os.getpid(), sig)  # delivered, and its handler run, before os.kill returns to Python code


class _Payload(BaseModel):
    """A model whose serializer calls back into Python, where pydantic-core wraps what a callback raises."""

    value: int

    @field_serializer("value")
    def _value(self, v: int) -> int:
        _signal_self()
        return v


@pytest.fixture(autouse=True)
def _python_ctrl_c() -> Iterator[None]:
    """Each test starts with Python's own Ctrl-C, whatever the shell that started pytest left."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_is_held_until_an_interruptible_wait(sig: signal.Signals) -> None:
    reached = []
    with deferred_interrupts():
        _signal_self(sig)
        reached.append("after the signal")
        with pytest.raises(KeyboardInterrupt), interruptible(stop_if_asked=True):
            reached.append("never")
    assert reached == ["after the signal"]


def test_a_signal_inside_a_library_callback_does_not_become_its_error() -> None:
    with deferred_interrupts():
        assert _Payload(value=3).model_dump_json() == '{"value":3}'
        with pytest.raises(KeyboardInterrupt), interruptible(stop_if_asked=True):
            pass


def test_a_wait_stops_at_once_but_does_not_raise_a_signal_that_came_before() -> None:
    with deferred_interrupts():
        with interruptible(), pytest.raises(KeyboardInterrupt):
            _signal_self()
        _signal_self()
        with interruptible():  # a wait for results: what finished is handed on first
            pass
        with pytest.raises(KeyboardInterrupt), interruptible(stop_if_asked=True):
            pass


def test_a_second_signal_stops_at_once() -> None:
    with deferred_interrupts():
        _signal_self()
        with pytest.raises(KeyboardInterrupt):
            _signal_self()


def test_handlers_are_restored_and_an_ignored_ctrl_c_stays_ignored() -> None:
    term = signal.getsignal(signal.SIGTERM)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with deferred_interrupts():
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        assert signal.getsignal(signal.SIGTERM) is not term
        _signal_self()  # ignored: nothing is asked
        with interruptible(stop_if_asked=True):
            pass
    assert signal.getsignal(signal.SIGTERM) is term
    with interruptible(stop_if_asked=True):  # no run defers signals: a no-op
        pass


def test_ctrl_c_during_a_batch_finishes_the_batch_then_stops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    corpus, out = tmp_path / "corpus.jsonl", tmp_path / "out.jsonl"
    write_corpus(corpus, 80, bad=(3,))
    put = Cache.put
    calls = 0

    def put_then_ctrl_c(self: Cache, *args: object, **kwargs: object) -> None:
        nonlocal calls
        calls += 1
        put(self, *args, **kwargs)  # type: ignore[arg-type]
        if calls == 1:  # the first document of the first batch is done; 31 more are not handed on yet
            _signal_self()

    monkeypatch.setattr(Cache, "put", put_then_ctrl_c)
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    code = main(["extract", str(corpus), "--out", str(out), "--backend", "rules"])
    err = capfd.readouterr().err.strip().splitlines()  # the notice is written to file descriptor 2 itself
    assert code == 130
    assert err[0] == "claimcheck: stopping after the documents in hand (press Ctrl-C again to stop now)"
    # The first batch is the first 32 good texts; doc-0003, an empty text, failed as it was read.
    assert err[-1].startswith("claimcheck: interrupted: 33 documents finished, 1 of them failed")
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"doc-{k:04d}" for k in range(33) if k != 3]
