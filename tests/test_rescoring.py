"""``eval --from``: stored predictions re-scored against a (corrected) gold, equal to a live run, no backend."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimcheck import cli

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "evals" / "gold.jsonl"
KEEP = ("seed-000", "cc-001", "cc-002")


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    if not GOLD.is_file():
        pytest.skip("evals/gold.jsonl not written yet")
    lines = [line for line in GOLD.read_text(encoding="utf-8").splitlines() if json.loads(line)["id"] in KEEP]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def corrected(gold: Path) -> Path:
    """The same gold with one label "fixed": cc-001's first attributed claim credited to someone else."""
    docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    claim = next(c for c in docs[1]["claims"] if c["source"])
    claim["source_name"] = "Somebody Else Entirely"
    claim.pop("source_aliases", None)
    path = gold.with_name("corrected.jsonl")
    path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs) + "\n", encoding="utf-8")
    return path


def eval_json(capsys: pytest.CaptureFixture[str], out: Path, *argv: str) -> tuple[int, dict[str, Any], str]:
    capsys.readouterr()
    code = cli.main(["eval", "--no-cache", "--no-progress", "--out", str(out), *argv])
    err = capsys.readouterr().err
    return code, json.loads(out.read_text(encoding="utf-8")), err


def no_backend(args: object) -> object:
    raise AssertionError("--from must not build a backend")


def test_rescoring_equals_a_live_run_on_the_same_and_on_a_corrected_gold(
    gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    live = tmp_path / "live.json"
    assert eval_json(capsys, live, "--backend", "rules", "--gold", str(gold))[0] == 0
    fixed = corrected(gold)
    _, live_fixed, _ = eval_json(capsys, tmp_path / "live-fixed.json", "--backend", "rules", "--gold", str(fixed))

    monkeypatch.setattr(cli, "_backend_from_args", no_backend)
    _, again, _ = eval_json(capsys, tmp_path / "again.json", "--from", str(live), "--gold", str(gold))
    _, rescored, err = eval_json(capsys, tmp_path / "rescored.json", "--from", str(live), "--gold", str(fixed))
    original = json.loads(live.read_text(encoding="utf-8"))
    assert again["figures"] == original["figures"] and again["counts"] == original["counts"]
    assert rescored["figures"] == live_fixed["figures"] and rescored["counts"] == live_fixed["counts"]
    assert rescored["figures"]["attribution_f1"] < original["figures"]["attribution_f1"]  # the fix mattered
    assert (rescored["backend"], rescored["model"]) == (original["backend"], original["model"])
    assert [d["counts"] for d in rescored["documents_detail"]] == [d["counts"] for d in live_fixed["documents_detail"]]
    assert err == ""


def test_documents_missing_from_the_results_count_as_failed(
    gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live = tmp_path / "live.json"
    eval_json(capsys, live, "--backend", "rules", "--gold", str(gold))
    data = json.loads(live.read_text(encoding="utf-8"))
    data["documents_detail"] = [d for d in data["documents_detail"] if d["id"] != "cc-002"]
    data["documents_detail"].append({**data["documents_detail"][0], "id": "gone-001"})
    partial = tmp_path / "partial.json"
    partial.write_text(json.dumps(data), encoding="utf-8")
    _, out, err = eval_json(capsys, tmp_path / "r.json", "--from", str(partial), "--gold", str(gold))
    assert [f["id"] for f in out["failures"]] == ["cc-002"]
    assert "1 document has no stored predictions: cc-002" in err
    assert "1 document is not in the gold, left out: gone-001" in err


def test_bad_stored_results_exit_2_in_one_line(gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    baseline = tmp_path / "base.json"
    cli.main(
        [
            "eval",
            "--no-cache",
            "--no-progress",
            "--backend",
            "rules",
            "--gold",
            str(gold),
            "--write-baseline",
            str(baseline),
        ]
    )
    live = tmp_path / "live.json"
    eval_json(capsys, live, "--backend", "rules", "--gold", str(gold))
    data = json.loads(live.read_text(encoding="utf-8"))
    data["documents_detail"][1]["predictions"][0]["quote"] = "paraphrased"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    for bad, named in ((baseline, "no 'documents_detail'"), (broken, "'cc-001'"), (tmp_path / "nope.json", "nope")):
        capsys.readouterr()
        assert cli.main(["eval", "--no-progress", "--from", str(bad), "--gold", str(gold)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("claimcheck: error:") and err.count("\n") == 1 and named in err, err
    assert cli.main(["eval", "--no-progress", "--from", str(live), "--gold", str(gold), "--layouts"]) == 2
