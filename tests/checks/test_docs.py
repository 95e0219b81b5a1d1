"""The checks' documentation comes from the registry: the README's table and ``claimcheck rules``."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.checks import CHECKS, SEVERITIES
from claimcheck.checks.docs import README_BEGIN, README_END, markdown_table
from claimcheck.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_table_is_the_generated_one() -> None:
    text = README.read_text(encoding="utf-8")
    table = text.split(README_BEGIN + "\n", 1)[1].split(README_END, 1)[0]
    assert table == markdown_table(), "regenerate it with `claimcheck rules --format markdown`"


def test_every_check_is_documented() -> None:
    assert len(CHECKS) == 16
    for key, c in CHECKS.items():
        assert c.id == key and c.severity in SEVERITIES and c.summary and c.doc and c.doc != c.summary


def test_rules_lists_every_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(CHECKS)
    mismatch = lines[list(CHECKS).index("source-name-mismatch")]  # listed family by family, as registered
    assert mismatch.split()[1] == "error" and "spelled two ways" in mismatch


def test_rules_id_shows_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "agentless-hedge"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("agentless-hedge (warning)\n") and CHECKS["agentless-hedge"].doc in out
    assert "loaded-cue" not in out


def test_rules_markdown_of_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "loaded-cue", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.splitlines()[2].startswith("| `loaded-cue` | warning |")


def test_rules_unknown_id_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "no-such-check"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no-such-check" in err and "loaded-cue" in err
