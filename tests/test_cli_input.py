"""The CLI's answer to bad input: one line naming the problem and the fix, exit 2, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import main

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_09239b063185ae26.txt"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "empty"),
        (b"  \n\n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Caf\u00e9 owners said prices rose.".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_file_is_one_line_exit_2(tmp_path, capsys, content: bytes, needle: str) -> None:
    f = tmp_path / "article.txt"
    f.write_bytes(content)
    code, out, err = _run(capsys, "extract", str(f), "--no-cache")
    assert code == 2
    assert needle in err and str(f) in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert out == ""


def test_missing_file(capsys, tmp_path) -> None:
    code, _, err = _run(capsys, "extract", str(tmp_path / "nope.txt"))
    assert code == 2 and "no such file" in err


def test_huge_file(capsys, tmp_path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("The council said the road was closed. " * 60_000)
    code, _, err = _run(capsys, "extract", str(f))
    assert code == 2 and "over the limit" in err


def test_llm_flags_on_rules_backend_are_refused(capsys) -> None:
    code, _, err = _run(capsys, "extract", str(SEED), "--backend", "rules", "--model", "x")
    assert code == 2 and "--model" in err and "--backend llm" in err


def test_good_files_survive_a_bad_one(capsys, tmp_path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    code, out, err = _run(
        capsys, "extract", str(SEED), str(bad), "--backend", "rules", "--format", "jsonl", "--no-cache"
    )
    assert code == 2
    assert "bad.txt" in err
    lines = out.strip().splitlines()
    assert len(lines) == 1 and '"claims"' in lines[0]


def test_console_script_has_no_traceback(tmp_path) -> None:
    f = tmp_path / "empty.txt"
    f.write_text("")
    proc = subprocess.run([sys.executable, "-m", "claimcheck.cli", "extract", str(f)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.startswith("claimcheck: error:") and "Traceback" not in proc.stderr
