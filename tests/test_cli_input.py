"""The CLI's answer to bad input: one line naming the problem and the fix, exit 2, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.plurals import plural

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


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_an_endless_device_is_refused_not_read_forever(capsys) -> None:
    code, _, err = _run(capsys, "extract", "/dev/zero", "--no-cache")
    assert code == 2 and err.startswith("claimcheck: error: /dev/zero: the file is over the limit")


@pytest.mark.parametrize("command", ["extract", "check", "verify"])
def test_each_input_text_is_validated_once(tmp_path, capsys, monkeypatch, command: str) -> None:
    """Validated where it is read (a file, a record), never again on the way to the backend."""
    import claimcheck.api
    import claimcheck.corpus
    import claimcheck.inputs
    import claimcheck.verification.sources

    checked: list[str] = []
    real = claimcheck.inputs.check_text

    def counting(text: object, *, name: str = "text") -> str:
        checked.append(name)
        return real(text, name=name)

    # text_or_error (streaming, the Dask engine) calls claimcheck.inputs.check_text, patched here too
    for module in (claimcheck.api, claimcheck.corpus, claimcheck.inputs):
        monkeypatch.setattr(module, "check_text", counting)
    for module in (claimcheck.verification.sources,):
        monkeypatch.setattr(module, "check_text", counting)
    story, corpus, source = tmp_path / "story.txt", tmp_path / "more.jsonl", tmp_path / "hearing.txt"
    story.write_text("“We will not raise the fees,” the mayor said.\n", encoding="utf-8")
    corpus.write_text(json.dumps({"id": "rec", "text": "Police said two men were arrested."}) + "\n", "utf-8")
    source.write_text("MAYOR: We will not raise the fees.\n", encoding="utf-8")
    argv = [command, str(story), str(corpus), "--no-cache", "--backend", "rules"]
    argv += ["--against", str(source)] if command == "verify" else ["--format", "json"] if command == "extract" else []
    code, _, err = _run(capsys, *argv)
    assert code in (0, 1) and err == ""
    want = [str(story), "rec", *([str(source)] if command == "verify" else [])]
    assert sorted(checked) == sorted(want)


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


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["eval", "--tolerance", "nonsense"], "argument --tolerance: 'nonsense' is not a number of 0 or more"),
        (["eval", "--tolerance", "-0.1"], "argument --tolerance: '-0.1' is not a number of 0 or more"),
        (["extract", "x.txt", "--concurrency", "0"], "argument --concurrency: '0' is not a whole number of 1 or more"),
        (["extract", "x.txt", "--timeout", "nan"], "argument --timeout: 'nan' is not a positive number of seconds"),
        (["check", "x.txt", "--format", "pdf"], "argument --format: invalid choice: 'pdf'"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["extract"], "the following arguments are required: FILE"),
    ],
)
def test_usage_mistakes_are_one_line_exit_2(capsys, argv: list[str], needle: str) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    out, err = capsys.readouterr()
    assert info.value.code == 2 and out == ""
    assert err.startswith("claimcheck: error: ") and needle in err and "--help" in err
    assert err.count("\n") == 1


def test_check_html_with_a_bad_file_keeps_the_good_one(tmp_path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Caf\u00e9".encode("latin-1"))
    proc = subprocess.run(
        [sys.executable, "-m", "claimcheck.cli", "check", "--format", "html", "--backend", "rules", "--no-cache",
         str(SEED), str(bad)],
        capture_output=True, text=True, cwd=SEED.parents[1],
    )  # fmt: skip
    assert proc.returncode == 2
    assert proc.stderr == f"claimcheck: error: {bad}: not valid UTF-8 (byte 0xe9 at offset 3) — " + (
        "convert it first, e.g. iconv -f latin1 -t utf-8\n"
    )
    assert proc.stdout.count('<section class="doc"') == 1 and SEED.name in proc.stdout


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_utf16_article_with_a_bom_is_read(tmp_path, capsys, encoding: str) -> None:
    text = "The bridge will close in May, the council said. Café owners said prices rose."
    plain, wide = tmp_path / "plain.txt", tmp_path / "wide.txt"
    plain.write_text(text, encoding="utf-8")
    bom = "\ufeff" if encoding.endswith("-be") else ""  # the codecs without an endianness write their own
    wide.write_bytes((bom + text).encode(encoding))
    assert wide.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    code, out, err = _run(capsys, "extract", str(plain), str(wide), "--format", "jsonl", "--no-cache")
    assert code == 0 and err == ""
    a, b = (json.loads(line) for line in out.splitlines())
    assert a["text"] == b["text"] == text and a["claims"] == b["claims"]


def test_utf16_without_a_bom_is_binary_with_a_hint(tmp_path, capsys) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes("The council said the road was closed.".encode("utf-16-le"))
    code, _, err = _run(capsys, "extract", str(f), "--no-cache")
    assert code == 2 and "NUL bytes" in err and "iconv -f UTF-16LE -t UTF-8" in err


def test_the_same_file_twice_in_html_shows_each_finding_once_per_section(tmp_path, capsys) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Nine people were killed, police said. The road is closed. Prices rose 5%.", encoding="utf-8")
    code, page_one, _ = _run(capsys, "check", str(f), "--format", "html", "--no-cache", "--fail-on", "never")
    code, page_two, _ = _run(capsys, "check", str(f), str(f), "--format", "html", "--no-cache", "--fail-on", "never")
    assert code == 0
    per_doc = page_one.count('<li class="finding ')
    assert per_doc > 0
    assert page_two.count('<li class="finding ') == 2 * per_doc
    assert page_two.count(f"({plural(per_doc, 'finding')})") == 2


def test_dash_o_onto_an_input_is_refused_before_it_is_emptied(tmp_path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The council said the road was closed.", encoding="utf-8")
    code, _, err = _run(capsys, "extract", str(article), "-o", str(article), "--no-cache")
    assert code == 2 and f"-o {article} is the input {article}" in err
    assert article.read_text(encoding="utf-8") == "The council said the road was closed."
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "x", "claims": []}\n', encoding="utf-8")
    code, _, err = _run(capsys, "eval", "--gold", str(gold), "-o", str(gold), "--no-cache")
    assert code == 2 and gold.read_text(encoding="utf-8").startswith('{"id": "a"')
