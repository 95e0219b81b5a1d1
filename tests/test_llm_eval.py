"""The eval regression gate on the LLM backend, replayed from a recording of a real llama-cpp-python server.

``claimcheck eval --backend llm`` runs over ``evals/llm-smoke.jsonl`` (four
one- or two-sentence texts: the full gold set would take hours on SmolLM2-135M
at ~25 tokens/s) and is gated against ``evals/baseline-llm.json``. The figures
are those of a 135M model (it grounds two of five claims), so they measure the
plumbing, not quality: a change that breaks the request, loses grounded claims
or mis-scores them fails here. Playback matches on the request body, so a
prompt, schema or request change fails until re-recorded.

Re-record (records the cassette against a live server; the gate is skipped while recording),
then rewrite the baseline from the replayed run, and review both diffs::

    python scripts/record_cassettes.py -k llm_smoke
    CLAIMCHECK_WRITE_BASELINE=1 python -m pytest tests/test_llm_eval.py -k passes_baseline
"""

from __future__ import annotations

import json
import os
from functools import partialmethod
from pathlib import Path

import pytest
from test_llm_cassettes import LLM_URL
from test_llm_cassettes import vcr_config as vcr_config  # the same recording rules: keys scrubbed, port normalised

from claimcheck import cli
from claimcheck.backends.llm import LLMBackend
from claimcheck.evaluation.gold import load_gold

ROOT = Path(__file__).resolve().parents[1]
GOLD = "evals/llm-smoke.jsonl"  # relative, as the baseline records it
BASELINE = "evals/baseline-llm.json"
CASSETTE = "test_llm_smoke_eval_passes_baseline"
#: Request options; any change alters the request bodies, so re-record after changing them.
OPTIONS = ("--model", "smollm2", "--mode", "tools", "--max-tokens", "300", "--max-reasks", "2", "--timeout", "600")
WRITE_BASELINE = os.environ.get("CLAIMCHECK_WRITE_BASELINE") == "1"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, record_mode: str) -> None:
    """Run from the repo root (the baseline records a relative gold path), ignoring the caller's LLM settings.

    On playback a request with no recording is a transport error, retried with backoff: drop the backoff
    so a stale cassette fails in seconds, not a minute (the retries themselves, and the requests, are unchanged).
    """
    monkeypatch.chdir(ROOT)
    for var in ("CLAIMCHECK_BASE_URL", "OPENAI_BASE_URL", "CLAIMCHECK_MODEL", "CLAIMCHECK_API_KEY", "OPENAI_API_KEY",
                "CLAIMCHECK_MODE"):  # fmt: skip
        monkeypatch.delenv(var, raising=False)
    if record_mode == "none":
        monkeypatch.setattr(LLMBackend, "__init__", partialmethod(LLMBackend.__init__, retry_backoff=0.0))


def eval_llm(tmp_path: Path, *gate: str) -> tuple[int, dict[str, object]]:
    """The eval as a user runs it, one document at a time (a deterministic request order); returns its --out."""
    out = tmp_path / "eval.json"
    argv = ["eval", "--backend", "llm", "--base-url", LLM_URL, *OPTIONS, "--gold", GOLD, "--no-cache",
            "--concurrency", "1", "--no-progress", "--out", str(out), *gate]  # fmt: skip
    code = cli.main(argv)
    if not out.is_file():
        pytest.fail(f"claimcheck eval exited {code} before writing its output")
    return code, json.loads(out.read_text(encoding="utf-8"))


def committed_baseline() -> dict[str, object]:
    """The committed baseline, refused when it was written for another prompt (its cassette would be stale too)."""
    if not (ROOT / BASELINE).is_file():
        pytest.fail(f"{BASELINE} missing: write it with CLAIMCHECK_WRITE_BASELINE=1 (see this module's docstring)")
    baseline = json.loads((ROOT / BASELINE).read_text(encoding="utf-8"))
    backend = LLMBackend(base_url=LLM_URL, model="smollm2", mode="tools")
    if baseline["prompt_version"] != backend.prompt_version:
        pytest.fail(f"{BASELINE} is for prompt {baseline['prompt_version']}, the backend's is "
                    f"{backend.prompt_version}: re-record and rewrite it (see this module's docstring)")  # fmt: skip
    return baseline


def assert_replayed_cleanly(cassette, result: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    """Every document was extracted (none failed) and, on playback, every recorded exchange was used."""
    failures = result["failures"]
    assert failures == [], f"on playback a failed request matches no recording, so re-record: {failures}"
    assert result["documents"] == len(load_gold(ROOT / GOLD))
    usage = result["usage"]
    assert isinstance(usage, dict) and usage["total_tokens"] > 0
    if cassette.rewound:
        assert cassette.all_played and cassette.play_count == len(cassette), "cassette not fully replayed: re-record"


@pytest.mark.vcr
def test_llm_smoke_eval_passes_baseline(  # type: ignore[no-untyped-def]
    vcr, record_mode: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The replayed eval meets the committed baseline (exit 0) and used exactly the recorded exchanges."""
    if WRITE_BASELINE:
        gate = ["--write-baseline", BASELINE]
    elif record_mode != "none":
        gate = []  # a fresh recording has no baseline yet: write it from the replay afterwards
    else:
        committed_baseline()
        gate = ["--baseline", BASELINE, "--tolerance", "0.01"]
    code, result = eval_llm(tmp_path, *gate)
    err = capsys.readouterr().err
    assert_replayed_cleanly(vcr, result)
    assert code == 0, err
    assert "warning" not in err, "the baseline was written for another gold file, split or backend"


# Skipped before its fixtures run when recording: in rewrite mode the vcr fixture would delete the shared cassette.
@pytest.mark.skipif("config.getoption('--record-mode') not in (None, 'none')", reason=f"replays {CASSETTE} only")
@pytest.mark.vcr
@pytest.mark.default_cassette(CASSETTE)
def test_llm_smoke_eval_fails_a_higher_baseline(  # type: ignore[no-untyped-def]
    vcr, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same replay against a baseline claiming a better attribution F1 exits 1 and names the figure."""
    baseline = committed_baseline()
    figures = baseline["figures"]
    assert isinstance(figures, dict)
    got = figures["attribution_f1"]
    assert got is None or got < 0.98, "a perfect recorded attribution F1 leaves no room for a higher baseline"
    doctored = tmp_path / "baseline.json"
    doctored.write_text(json.dumps({**baseline, "figures": {**figures, "attribution_f1": 1.0}}), encoding="utf-8")
    code, result = eval_llm(tmp_path, "--baseline", str(doctored), "--tolerance", "0.01")
    err = capsys.readouterr().err
    assert_replayed_cleanly(vcr, result)
    assert code == 1, err
    failed = [line for line in err.splitlines() if "gate failed" in line]
    assert failed and all(line.startswith("claimcheck: gate failed: attribution_f1 ") for line in failed), err
