"""What a user meets first: --version, python -m claimcheck, -o/--output, defaults in --help, plurals."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import claimcheck
from claimcheck.checks.finding import Finding, format_tally
from claimcheck.cli import main
from claimcheck.plurals import plural

ROOT = Path(__file__).resolve().parents[1]
ONE_CLAIM = "The mayor said the bridge would reopen in May.\n"
GOLD_LINE = {
    "id": "g1",
    "text": ONE_CLAIM,
    "claims": [
        {
            "claim": "the bridge would reopen in May",
            "source": "The mayor",
            "source_name": "mayor",
            "source_type": "government",
            "cue": "said",
            "quote": "indirect",
            "hedges": [],
        }
    ],
}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def article(tmp_path: Path) -> Path:
    f = tmp_path / "mayor.txt"
    f.write_text(ONE_CLAIM, encoding="utf-8")
    return f


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"claimcheck {claimcheck.__version__}\n"


def test_python_dash_m_runs_the_cli(article: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "claimcheck"]
    ok = subprocess.run(
        [*cmd, "extract", str(article), "--format", "jsonl", "--no-cache"], capture_output=True, env=env
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["id"] == str(article)
    bad = subprocess.run([*cmd, "extract", str(article.with_name("nope.txt"))], capture_output=True, env=env, text=True)
    assert bad.returncode == 2 and bad.stderr.startswith("claimcheck: error:") and "Traceback" not in bad.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", "{article}", "--format", "jsonl"],
        ["extract", "{article}"],
        ["check", "{article}", "--format", "json"],
        ["eval", "--gold", "{gold}", "--backend", "rules"],
    ],
    ids=["extract-jsonl", "extract-table", "check", "eval"],
)
def test_output_file_holds_what_stdout_would(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path, argv: list[str]
) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD_LINE) + "\n", encoding="utf-8")
    args = [a.format(article=article, gold=gold) for a in argv] + ["--no-cache"]
    code, printed, _ = _run(capsys, *args)
    target = tmp_path / "out.txt"
    target.write_text("stale", encoding="utf-8")
    code_o, out, _ = _run(capsys, *args, "-o", str(target))
    assert code == code_o == 0 and out == ""
    written = target.read_text(encoding="utf-8")
    if argv[0] == "eval":  # the wall time differs between the two runs
        written, printed = (s.split(", ")[0] for s in (written, printed))
    assert written == printed and printed


def test_output_dash_is_stdout(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, out, _ = _run(capsys, "extract", str(article), "--format", "jsonl", "--no-cache", "--output", "-")
    assert code == 0 and json.loads(out)["claims"]


def test_unwritable_output_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path
) -> None:
    code, out, err = _run(capsys, "extract", str(article), "--no-cache", "-o", str(tmp_path / "no" / "such" / "x"))
    assert code == 2 and out == ""
    assert err.startswith("claimcheck: error:") and "cannot write" in err and err.count("\n") == 1


@pytest.mark.parametrize("command", ["extract", "check", "eval", "eval compare"])
def test_help_shows_defaults(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as done:
        main([*command.split(), "--help"])
    assert done.value.code == 0
    text = " ".join(capsys.readouterr().out.split())  # argparse wraps lines
    assert "(default: None)" not in text and "(default: True)" not in text and "(default: False)" not in text
    assert "-o FILE, --output FILE" in text
    expected = {
        "extract": ["output format (default: table)", "documents in flight at once (default 4)"],
        "check": ["output format (default: text)", "severe or more (default: error)"],
        "eval": ["(default: evals/gold.jsonl)", "(default 0.01)", "(default: when it is a terminal)"],
        "eval compare": ["output format (default: text)", "bootstrap rounds (default: 1000)"],
    }
    for needle in expected[command]:
        assert needle in text


def test_every_option_with_a_default_has_help_to_show_it_in() -> None:
    from claimcheck.cli import _build_compare_parser, _build_parser

    root = _build_parser()
    (commands,) = [a for a in root._actions if isinstance(a, argparse._SubParsersAction)]
    parsers = [*commands.choices.values(), _build_compare_parser()]
    for parser in parsers:
        for action in parser._actions:
            quiet = action.default in (None, [], argparse.SUPPRESS) or isinstance(action.default, bool)
            assert quiet or action.help, f"{parser.prog} {action.option_strings}: a default but no help to show it"
            assert "-o" in parser._option_string_actions, f"{parser.prog} has no -o/--output"


def test_plural() -> None:
    assert plural(1, "claim") == "1 claim"
    assert [plural(n, "warning") for n in (0, 4)] == ["0 warnings", "4 warnings"]
    assert plural(3, "info", "info") == "3 info"


def _finding(severity: str) -> Finding:
    return Finding(doc_id="d", rule="r", severity=severity, message="m", fix="f", start=0, end=1, line=1, column=1)


def test_tally_counts_in_the_plural() -> None:
    findings = [_finding("error")] + [_finding("warning")] * 4 + [_finding("info")] * 2
    assert format_tally(findings) == "1 error, 4 warnings, 2 info"
    assert format_tally([]) == "no findings"


def test_extract_table_says_one_claim(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, out, _ = _run(capsys, "extract", str(article), "--no-cache")
    assert code == 0 and "— 1 claim (rules)" in out
