"""Document sources: files, folders, stdin, JSONL/CSV/Parquet corpora and HTML pages, one record's error at a time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.corpus import Corpus
from claimcheck.errors import ClaimcheckError
from claimcheck.inputs import MAX_CHARS

STORY = 'The mayor said the bridge would reopen in May. "We are on schedule," she told reporters.\n'
OTHER = "Police said two men were arrested on Friday.\n"

ARTICLE_HTML = """<!doctype html><html><head><title>Bridge news</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li></ul></nav>
<article><h1>Bridge to reopen</h1>
<p>The mayor said the bridge would reopen in May after two years of repairs to its steel deck and cables.</p>
<p>"We are on schedule and on budget," she told reporters at the city hall on Tuesday morning, adding that
the contractors had worked through the winter.</p>
<p>Engineers said the final load tests would take place in April, weeks before the opening ceremony.</p>
</article>
<footer>Copyright 2026 The Daily Example. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>"""


def _items(corpus: Corpus) -> list[tuple[str, str]]:
    return [(i, t if isinstance(t, str) else f"ERROR {t}") for i, t in corpus]


def test_jsonl_records_and_bad_records_each_alone(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"id": "a", "text": STORY}),
        "",
        json.dumps({"id": 7, "text": OTHER}),  # ids are text whatever their JSON type
        json.dumps({"id": "empty", "text": "  "}),
        json.dumps({"id": "missing"}),
        json.dumps({"text": OTHER}),
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"id": "number", "text": 12}),
        json.dumps({"id": "last", "text": STORY}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = _items(Corpus([str(f)]))
    assert got[0] == ("a", STORY) and got[1] == ("7", OTHER) and got[-1] == ("last", STORY)
    errors = dict(got[2:-1])
    assert "the text is empty" in errors["empty"]
    assert "no 'text'" in errors["missing"] and "--text-field" in errors["missing"]
    assert "no 'id'" in errors[f"{f}:6"] and "--id-field" in errors[f"{f}:6"]
    assert "not valid JSON" in errors[f"{f}:7"]
    assert "must be an object" in errors[f"{f}:8"]
    assert "is a int, not text" in errors["number"]
    assert Corpus([str(f)]).estimate() == len(lines)


def test_every_text_a_corpus_yields_is_a_valid_document(tmp_path: Path) -> None:
    """The corpus is where the CLI validates input: what the library would refuse is refused here, by record."""
    f = tmp_path / "c.jsonl"
    records = [
        {"id": "nul", "text": "Prices rose.\x00"},
        {"id": "huge", "text": "x" * (MAX_CHARS + 1)},
        {"id": "fine", "text": STORY},
    ]
    f.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    got = dict(_items(Corpus([str(f)])))
    assert got["nul"] == "ERROR nul: the text contains NUL bytes (binary data?) — pass plain UTF-8 text"
    assert got["huge"].startswith("ERROR huge: the text is 2,000,001 characters, over the limit of 2,000,000")
    assert got["fine"] == STORY


def test_csv_with_named_columns_and_quoted_newlines(tmp_path: Path) -> None:
    f = tmp_path / "c.csv"
    f.write_text('doc,body\nx1,"' + STORY.replace('"', '""') + '"\nx2,\nx3,' + OTHER, encoding="utf-8")
    got = _items(Corpus([str(f)], id_field="doc", text_field="body"))
    assert got[0] == ("x1", STORY) and got[2] == ("x3", OTHER.strip())
    assert got[1][0] == "x2" and "the text is empty" in got[1][1]
    (name, error), *_ = _items(Corpus([str(f)]))  # default column names are not there
    assert name == str(f) and "no column 'id' (columns: doc, body)" in error and "--id-field" in error


def test_parquet_read_in_batches_with_named_columns(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    f = tmp_path / "c.parquet"
    ids = [f"p{k}" for k in range(600)]  # more than one read batch
    texts = [None if k == 5 else f"Officials said {k} homes lost power." for k in range(600)]
    pq.write_table(pa.table({"key": ids, "body": texts, "extra": list(range(600))}), f, row_group_size=100)
    corpus = Corpus([str(f)], id_field="key", text_field="body")
    got = _items(corpus)
    assert [i for i, _ in got] == ids
    assert got[0][1] == "Officials said 0 homes lost power." and "no 'body'" in got[5][1]
    assert corpus.estimate() == 600


def test_html_is_read_as_its_main_text(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(ARTICLE_HTML, encoding="utf-8")
    [(name, text)] = list(Corpus([str(f)]))
    assert name == str(f) and isinstance(text, str)
    assert "The mayor said the bridge would reopen in May" in text
    assert "Subscribe" not in text and "Weather" not in text and "<p>" not in text
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><script>var x = 1;</script><img src=a.png></body></html>", encoding="utf-8")
    [(_, err)] = list(Corpus([str(empty)]))
    assert isinstance(err, ClaimcheckError) and "no article text found" in str(err)


def test_html_offsets_refer_to_the_extracted_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "page.html"
    f.write_text(ARTICLE_HTML, encoding="utf-8")
    assert main(["extract", str(f), "--format", "jsonl", "--no-cache", "--backend", "rules"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert "<p>" not in record["text"] and record["claims"]
    for claim in record["claims"]:
        assert record["text"][claim["start"] : claim["end"]] == claim["claim"]


def test_folders_recurse_in_order_with_glob(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "b" / "notes.md").write_text(OTHER, encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text(OTHER, encoding="utf-8")
    names = [i for i, _ in Corpus([str(tmp_path)])]
    assert names == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.txt")]
    assert [i for i, _ in Corpus([str(tmp_path)], glob="*.md")] == [str(tmp_path / "b" / "notes.md")]
    [(name, err)] = list(Corpus([str(tmp_path)], glob="*.pdf"))
    assert name == str(tmp_path) and "no files matching '*.pdf'" in str(err)


def test_stdin_is_one_article(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "claimcheck.cli", "extract", "-", "--format", "jsonl", "--no-cache"],
        input=STORY.encode(), capture_output=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["id"] == "-" and record["text"] == STORY and record["claims"]


def test_check_reads_corpora_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps({"id": "s1", "text": STORY}) + "\n" + json.dumps({"id": "s2", "text": ""}) + "\n")
    code = main(["check", str(f), "--no-cache", "--fail-on", "never"])
    out, err = capsys.readouterr()
    assert code == 2 and "1 file checked" in out
    assert err == "claimcheck: error: s2: the text is empty — drop the record or fill its text\n"
