"""Hostile-input probes for the CLI: peak memory and wall time of each, printed, never asserted.

Each probe runs ``claimcheck`` in its own process (so its peak RSS is its own,
read from ``wait4``) against a real loopback server or a real file:

* a 2 GiB LLM reply, streamed by the fault server (never built in memory),
  with and without a content-length;
* a reply dripped a byte at a time, never stalling long enough for a per-read timeout;
* ``eval --gold /dev/zero`` and ``--baseline /dev/zero``;
* 20,000 ``(`` and 20,000 ``"`` through the rules backend, beside a bare spaCy parse of the same text.

Run from the repo root: ``python benchmarks/probe_reliability.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fault_server import FaultServer, Reply, completion  # noqa: E402

TEXT = "The bridge will close in May, the council said. Repairs could cost about 2 million euros."
GOOD = {"claim": "The bridge will close in May", "source": "the council", "cue": "said"}


def measure(command: list[str]) -> dict[str, Any]:
    """Run ``command``; exit code, last stderr line, wall seconds and the process's own peak RSS in MiB."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace").strip()
    _, status, usage = os.wait4(proc.pid, 0)
    return {
        "exit": os.waitstatus_to_exitcode(status),
        "wall_s": round(time.perf_counter() - started, 2),
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
        "stderr": err.splitlines()[-1][:150] if err else "",
    }


def run(args: list[str]) -> dict[str, Any]:
    return measure([sys.executable, "-m", "claimcheck", *args])


def show(name: str, result: dict[str, Any]) -> None:
    figures = f"exit {result['exit']:>3}  {result['wall_s']:>7.2f} s  {result['peak_rss_mib']:>7.1f} MiB"
    print(f"{name:42} {figures}  {result['stderr']}")


def llm_probe(name: str, reply: Reply, article: Path, *extra: str) -> None:
    with FaultServer([reply]) as server:
        args = ["extract", str(article), "--base-url", server.base_url, "--model", "fault", "--no-cache", *extra]
        show(name, run(args))


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="cc-probe-"))
    article = tmp / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    prefix = json.dumps(completion(tool_args=json.dumps({"claims": [GOOD]})))[:-1]
    print(f"python {sys.version.split()[0]}; each probe one process; RSS from wait4\n")

    show("baseline: one good reply", run_good(article))
    llm_probe("2 GiB reply, content-length", Reply(body=prefix, huge=2 << 30), article)
    llm_probe("2 GiB reply, no length (until close)", Reply(body=prefix, huge=2 << 30, send_length=False), article)
    body = json.dumps(completion(tool_args=json.dumps({"claims": [GOOD]})))
    llm_probe("drip 1 B/50 ms, --timeout 2 (5 attempts)", Reply(body=body, drip=(1, 0.05)), article, "--timeout", "2")
    show("eval --gold /dev/zero", run(["eval", "--gold", "/dev/zero", "--no-cache", "--backend", "rules"]))
    show(
        "eval --baseline /dev/zero",
        run(["eval", "--gold", "evals/gold.jsonl", "--baseline", "/dev/zero", "--no-cache", "--backend", "rules"]),
    )
    for char, label in (("(", "20,000 '('"), ('"', "20,000 '\"'")):
        path = tmp / "runs.txt"
        path.write_text(f"The council said {char * 20_000} the bridge is closed.", encoding="utf-8")
        show(f"extract --backend rules, {label}", run(["extract", str(path), "--backend", "rules", "--no-cache"]))
        show(f"  bare spaCy parse, {label}", run_spacy(path))


def run_good(article: Path) -> dict[str, Any]:
    with FaultServer([Reply(body=completion(tool_args=json.dumps({"claims": [GOOD]})))]) as server:
        return run(["extract", str(article), "--base-url", server.base_url, "--model", "fault", "--no-cache"])


def run_spacy(path: Path) -> dict[str, Any]:
    """The same text through the installed spaCy pipeline alone: the floor any backend stands on."""
    code = (
        "import sys; from claimcheck.backends.rules.model import load_pipeline; "
        "nlp = load_pipeline(None); nlp.max_length = 10**8; nlp(open(sys.argv[1], encoding='utf-8').read())"
    )
    return measure([sys.executable, "-c", code, str(path)])


if __name__ == "__main__":
    main()
