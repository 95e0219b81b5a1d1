"""What reaches a terminal: article text shown, never obeyed; closed pipes and full disks end cleanly.

The article's own characters (rich markup, ANSI escapes, bidi overrides) come
back from a real loopback LLM server as a grounded claim, and from a file name,
so both the table of ``extract`` and the linter lines of ``check`` see them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fault_server import FaultServer, tool_reply

from claimcheck.cli import main
from claimcheck.render.terminal import one_line, printable

pytestmark = pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1"])

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_09239b063185ae26.txt"

HOSTILE = "[/] [link=https://evil.example]click[/link] \x1b[2J\x1b]0;owned\x07 \u202egnp.exe :warning: [bold]x"
TEXT = f"The bridge will close {HOSTILE} in May, the council said."
CLAIM = {"claim": f"The bridge will close {HOSTILE} in May"}  # unattributed: check quotes it in a finding


def test_printable_shows_every_control_character() -> None:
    assert printable("a\x1b[2Jb\rc\x07\x9b\u202e\u2028d\te\nf") == "a\\x1b[2Jb\\x0dc\\x07\\x9b\\u202e\\u2028d\te\nf"
    assert one_line("a\r\nb\nc\td") == "a b c d"
    controls = "".join(map(chr, [*range(0x20), *range(0x7F, 0xA0)]))
    assert printable(controls).replace("\t", "").replace("\n", "").isprintable()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", ["extract", "check"])
def test_article_text_is_shown_not_obeyed(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    article = tmp_path / "a[bold]\x1b[2J.txt"  # the file name too is the user's data
    article.write_text(TEXT, encoding="utf-8")
    with FaultServer([tool_reply([CLAIM])]) as server:
        code, out, err = _run(
            capsys, command, str(article), "--base-url", server.base_url, "--model", "fault", "--no-cache",
            *(["--fail-on", "never"] if command == "check" else []),
        )  # fmt: skip
    assert code == 0, err
    assert "\x1b" not in out + err and "\x07" not in out and "\u202e" not in out
    compact = re.sub(r"[\s\u2500-\u257f]", "", out)  # the table wraps cells and draws borders
    assert "a[bold]\\x1b[2J.txt" in compact
    if command == "extract":  # control characters shown; markup as written, not a crash, a link or a style
        for visible in ["\\x1b[2J", "\\x1b]0;owned\\x07", "\\u202egnp.exe"]:
            assert visible in compact, visible
        for markup in ["[/]", "[link=https://evil.example]click[/link]", ":warning:", "[bold]x"]:
            assert markup in compact, markup
    else:  # one finding a line (its quote of the claim shortened), each starting with the shown file name
        assert "unattributed-claim" in out and "[/][link=https://evil.example]" in compact
        name = str(article).replace("\x1b", "\\x1b")
        assert all(line.startswith((name, "    fix:", "1 file")) for line in out.splitlines())


def test_a_closed_pipe_ends_quietly() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "claimcheck", "extract", *[str(SEED)] * 12, "--format", "json", "--no-cache"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    assert first.startswith(b"[")
    assert err == "" and code == 141


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("how", ["stdout", "-o"])
def test_a_full_disk_is_one_line_exit_2(how: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "claimcheck", "extract", str(SEED), "--format", "jsonl", "--no-cache"]
    with open("/dev/full", "w") as full:
        if how == "stdout":
            proc = subprocess.run(args, stdout=full, stderr=subprocess.PIPE, env=env, cwd=ROOT, timeout=120)
        else:
            proc = subprocess.run([*args, "-o", "/dev/full"], capture_output=True, env=env, cwd=ROOT, timeout=120)
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert err == "claimcheck: error: cannot write the output (No space left on device)\n"
    assert json.dumps("Traceback") not in err


def test_verify_shows_a_quote_s_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.txt"
    story.write_text('"We will close the bridge\x1b[2J in May," the mayor said.\n', encoding="utf-8")
    source = tmp_path / "transcript.txt"
    source.write_text("MAYOR: We will close the bridge in May.\n", encoding="utf-8")
    code, out, err = _run(capsys, "verify", str(story), "--against", str(source), "--backend", "rules", "--no-cache")
    assert "\x1b" not in out + err
    assert code in (0, 1) and "\\x1b[2J" in out
