"""The on-disk cache serves only what provably belongs to the text and the backend's configuration.

Entries are real files under ``tmp_path``; the backends are the real LLM backend
against a loopback server (nothing is mocked) and a tiny counting backend.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from fault_server import FaultServer, Reply, tool_reply

import claimcheck
from claimcheck.backends import run_in_thread, run_many_threaded
from claimcheck.backends.llm import LLMBackend
from claimcheck.cache import Cache
from claimcheck.cli import main
from claimcheck.schema import Claim, Extraction

pytestmark = pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1"])

TEXT = "The bridge will close in May, the council said. Repairs could cost about 2 million euros."
GOOD = {"claim": "The bridge will close in May", "source": "the council", "source_type": "government", "cue": "said"}


class Lines:
    """Claims every line, with offsets; counts its calls."""

    name, model, prompt_version = "lines", "m1", "p1"

    def __init__(self) -> None:
        self.calls = 0

    def fingerprint(self) -> str:
        return "lines-v1"

    def extract(self, text: str, *, doc_id: str = "doc") -> Extraction:
        self.calls += 1
        claims, at = [], 0
        for line in text.split("\n"):
            if line.strip():
                claims.append(Claim(claim=line, start=at, end=at + len(line)))
            at += len(line) + 1
        return Extraction(id=doc_id, text=text, claims=claims, backend=self.name)

    async def aextract(self, text: str, *, doc_id: str = "doc") -> Extraction:
        return await run_in_thread(self, text, doc_id)

    def extract_many(self, docs: Sequence[tuple[str, str]], *, concurrency: int = 4) -> list[Any]:
        return run_many_threaded(self, docs, concurrency)


def _entry(tmp_path: Path) -> Path:
    (entry,) = tmp_path.rglob("*.json")
    return entry


def test_an_entry_edited_on_disk_is_a_miss(tmp_path: Path) -> None:
    be, cache = Lines(), Cache(tmp_path)
    claimcheck.extract("one\ntwo", backend=be, cache=cache)
    entry = _entry(tmp_path)
    data = json.loads(entry.read_text())
    assert data["text_sha256"] and data["extraction"]["text"] == "one\ntwo"

    forged = json.loads(json.dumps(data))
    forged["extraction"]["text"] = "Vladimir Putin resigned\none\ntwo"
    forged["extraction"]["claims"] = [{"claim": "Vladimir Putin resigned", "start": 0, "end": 23}]
    entry.write_text(json.dumps(forged))  # valid JSON and schema, the hash kept, spans consistent with the forgery
    hit = claimcheck.extract("one\ntwo", backend=be, cache=cache)
    assert not hit.cached and hit.claims[0].claim == "one" and be.calls == 2

    swapped = json.loads(json.dumps(data))
    swapped["extraction"]["claims"][0]["claim"] = "two"  # a claim not at its offsets
    entry.write_text(json.dumps(swapped))
    assert not claimcheck.extract("one\ntwo", backend=be, cache=cache).cached

    moved = json.loads(json.dumps(data))
    moved["extraction"]["claims"][1]["start"] = 0  # the claim's offsets no longer cover it
    entry.write_text(json.dumps(moved))
    assert not claimcheck.extract("one\ntwo", backend=be, cache=cache).cached

    entry.write_text(json.dumps(data))  # the genuine entry is served again
    assert claimcheck.extract("one\ntwo", backend=be, cache=cache).cached


def test_every_output_changing_llm_option_is_in_the_key(tmp_path: Path) -> None:
    cache = Cache(tmp_path)

    def key(**options: Any) -> str:
        return cache.key(LLMBackend(**({"base_url": "http://127.0.0.1:9/v1", "model": "m"} | options)), TEXT)

    base = key()
    for option in [
        {"max_tokens": 16},
        {"max_reasks": 0},
        {"chunk_chars": 1200},
        {"chunk_overlap": 100},
        {"temperature": 0.7},
        {"model": "other"},
        {"mode": "json"},
        {"base_url": "http://127.0.0.1:10/v1"},
    ]:
        assert key(**option) != base, option
    # How long to wait or how often to retry changes whether a run succeeds, not its answer.
    assert key(timeout=5, max_retries=0, concurrency=1) == base
    with_password = LLMBackend(base_url="http://u:secret-password@127.0.0.1:9/v1", model="m")
    assert "secret-password" not in with_password.fingerprint()


def test_max_tokens_16_is_not_served_to_a_4096_run(tmp_path: Path) -> None:
    with FaultServer([tool_reply([GOOD])]) as server:
        opts = {"base_url": server.base_url, "model": "fault", "retry_backoff": 0.01}
        first = claimcheck.extract(TEXT, backend=LLMBackend(**opts, max_tokens=16), cache=tmp_path)
        second = claimcheck.extract(TEXT, backend=LLMBackend(**opts, max_tokens=4096), cache=tmp_path)
        third = claimcheck.extract(TEXT, backend=LLMBackend(**opts, max_tokens=4096), cache=tmp_path)
    assert (first.cached, second.cached, third.cached) == (False, False, True)
    assert [r["max_tokens"] for r in server.requests] == [16, 4096]


def test_an_unreadable_reply_is_never_cached_and_a_fixed_server_is_asked_again(tmp_path: Path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT)
    cache_dir = tmp_path / "cache"
    html = Reply(body="<html><body>maintenance</body></html>", content_type="text/html")
    argv = ["extract", str(article), "--format", "jsonl", "--cache-dir", str(cache_dir), "--max-reasks", "0"]
    with FaultServer([html]) as broken:
        code = main([*argv, "--base-url", broken.base_url, "--model", "fault"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith(f"claimcheck: error: {article}: the LLM endpoint") and "an HTML page" in err
    assert not list(cache_dir.rglob("*.json"))
    with FaultServer([tool_reply([GOOD])]) as fixed:
        code = main([*argv, "--base-url", fixed.base_url, "--model", "fault"])
    out, _ = capsys.readouterr()
    assert code == 0 and json.loads(out)["claims"][0]["claim"] == GOOD["claim"]
    assert len(list(cache_dir.rglob("*.json"))) == 1


def test_a_planted_symlink_cannot_redirect_a_cache_write(tmp_path: Path) -> None:
    be, cache = Lines(), Cache(tmp_path / "cache")
    path = cache._path(cache.key(be, "one"))
    path.parent.mkdir(parents=True)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    # The names an attacker could predict: the old <key>.<pid>.tmp, and the entry itself as a dangling link.
    for n in range(os.getpid() - 2, os.getpid() + 3):
        path.with_suffix(f".{n}.tmp").symlink_to(victim)
    path.symlink_to(victim)
    claimcheck.extract("one", backend=be, cache=cache)
    assert victim.read_text() == "precious"
    assert not path.is_symlink() and json.loads(path.read_text())["extraction"]["text"] == "one"
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)
    assert not [p for p in path.parent.iterdir() if p.suffix == ".tmp" and not p.is_symlink()]


def test_an_unwritable_cache_folder_is_said_once(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    files = []
    for n in range(3):
        f = tmp_path / f"a{n}.txt"
        f.write_text(f"The council said the bridge would close in May {n}.")
        files.append(str(f))
    code = main(["extract", *files, "--format", "jsonl", "--cache-dir", str(blocker / "cache")])
    out, err = capsys.readouterr()
    assert code == 0 and len(out.splitlines()) == 3
    assert err.count("\n") == 1 and err.startswith("claimcheck: warning: cannot write the cache in")
    assert "--no-cache" in err


def test_library_cache_warns_once_with_a_runtime_warning(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    cache = Cache(blocker / "cache")
    with pytest.warns(RuntimeWarning, match="cannot write the cache") as caught:
        claimcheck.extract_many(["a", "b", "c"], backend=Lines(), cache=cache)
    assert len(caught) == 1
