"""``[tool.claimcheck]`` in pyproject.toml: read, validated key by key, and overridden by the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck import cli
from claimcheck.config import load_config

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "evals" / "gold.jsonl"
KEEP = {"seed-000", "cc-001", "cc-002"}
STORY = "About 40 people were hurt, and the mayor, “who was angry, left.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with a story, the seed gold, and a working directory one level down."""
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    if not GOLD.is_file():
        pytest.skip("evals/gold.jsonl not written yet")
    # the seed and two of our documents, one of them hard for the rules (attribution and sources)
    lines = [line for line in GOLD.read_text(encoding="utf-8").splitlines() if json.loads(line)["id"] in KEEP]
    (tmp_path / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    return tmp_path


def write(project: Path, body: str) -> None:
    (project / "pyproject.toml").write_text("[project]\nname = 'x'\n\n" + body, encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = cli.main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_no_pyproject_section_is_an_empty_config(project: Path) -> None:
    assert load_config().path is None
    write(project, "")
    cfg = load_config()
    assert cfg.path == str(project / "pyproject.toml") and cfg.backend is None and cfg.fail_under == {}


def test_check_reads_selection_severities_and_fail_on(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "../story.md", "--no-cache", "--format", "json")
    rules = {f["rule"]: f["severity"] for f in json.loads(out)[0]["findings"]}
    assert code == 1 and rules["unbalanced-quotes"] == "error" and "figure-without-source" in rules

    write(
        project,
        '[tool.claimcheck]\nbackend = "rules"\n[tool.claimcheck.check]\n'
        'select = ["unattributed-claim", "unbalanced-quotes"]\nfail-on = "never"\n'
        'severity = { unattributed-claim = "error", unbalanced-quotes = "info" }\n',
    )
    code, out, _ = run(capsys, "check", "../story.md", "--no-cache", "--format", "json")
    got = {f["rule"]: f["severity"] for f in json.loads(out)[0]["findings"]}
    assert code == 0  # fail-on never
    assert got == {"unattributed-claim": "error", "unbalanced-quotes": "info"}
    # the command line wins
    code, out, _ = run(
        capsys,
        "check",
        "../story.md",
        "--no-cache",
        "--format",
        "json",
        "--fail-on",
        "error",
        "--select",
        "unbalanced-quotes",
    )
    assert code == 0 and {f["rule"] for f in json.loads(out)[0]["findings"]} == {"unbalanced-quotes"}
    code, _, _ = run(capsys, "check", "../story.md", "--no-cache", "--fail-on", "error")
    assert code == 1  # unattributed-claim raised to error by the file, --fail-on error from the command line


def test_eval_reads_gold_baseline_gates_and_thresholds(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, '[tool.claimcheck.eval]\ngold = "gold.jsonl"\nfail-under = { attribution_f1 = 0.99 }\n')
    code, out, err = run(capsys, "eval", "--no-cache", "--no-progress", "--backend", "rules")
    assert "../gold.jsonl" in out  # the file's path, made relative to where the command runs
    assert code == 1 and "attribution_f1" in err and "--fail-under 0.99" in err
    code, _, _ = run(
        capsys, "eval", "--no-cache", "--no-progress", "--backend", "rules", "--fail-under", "attribution_f1=0.5"
    )
    assert code == 0  # the command line's threshold replaces the file's for that figure

    base = project / "base.json"
    assert (
        run(
            capsys,
            "eval",
            "--no-cache",
            "--no-progress",
            "--write-baseline",
            str(base),
            "--fail-under",
            "attribution_f1=0",
        )[0]
        == 0
    )
    figures = json.loads(base.read_text(encoding="utf-8"))
    figures["figures"]["attribution_f1"] = 1.0
    figures["figures"]["source_accuracy"] = 1.0
    base.write_text(json.dumps(figures), encoding="utf-8")
    write(project, '[tool.claimcheck.eval]\ngold = "gold.jsonl"\nbaseline = "base.json"\ngate = ["source_accuracy"]\n')
    code, _, err = run(capsys, "eval", "--no-cache", "--no-progress")
    assert code == 1 and "source_accuracy" in err and "attribution_f1" not in err  # only the gated figure
    code, _, err = run(capsys, "eval", "--no-cache", "--no-progress", "--gate", "attribution_f1")
    assert code == 1 and "attribution_f1" in err and "source_accuracy" not in err


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("[tool.claimcheck]\nbackned = 'rules'\n", "tool.claimcheck.backned"),
        ("[tool.claimcheck.eval]\ngates = ['attribution_f1']\n", "tool.claimcheck.eval.gates"),
        ("[tool.claimcheck.check]\nfail_on = 'error'\n", "tool.claimcheck.check.fail_on"),
        ("[tool.claimcheck.check]\nselect = ['no-such-rule']\n", "tool.claimcheck.check.select"),
        ("[tool.claimcheck.check.severity]\nunattributed-claim = 'fatal'\n", "severity.unattributed-claim"),
        ("[tool.claimcheck.eval]\ntolerance = 'small'\n", "tool.claimcheck.eval.tolerance"),
        ("[tool.claimcheck.eval.fail-under]\nattribution_f2 = 0.8\n", "attribution_f2"),
        ("[tool.claimcheck]\nbackend = 'gpt'\n", "tool.claimcheck.backend"),
        ("[tool.claimcheck\n", "not readable TOML"),
    ],
)
def test_a_bad_key_or_value_is_one_line_naming_it(
    project: Path, capsys: pytest.CaptureFixture[str], body: str, named: str
) -> None:
    write(project, body)
    for argv in (["check", "../story.md", "--no-cache"], ["eval", "--no-cache", "--no-progress"]):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == ""
        assert err.startswith("claimcheck: error:") and err.count("\n") == 1 and named in err, err


def test_a_configured_model_does_not_break_a_rules_run(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project, '[tool.claimcheck]\nmodel = "gpt-4o-mini"\n')
    code, _, err = run(capsys, "check", "../story.md", "--no-cache", "--backend", "rules", "--fail-on", "never")
    assert code == 0, err


def test_the_repo_itself_has_no_section_that_would_change_its_tests() -> None:
    assert load_config(ROOT).backend is None and load_config(ROOT).baseline is None
