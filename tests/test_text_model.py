"""The text model: paragraphs, skipped lines, quotes and the parse copy, in every layout we write text in."""

from __future__ import annotations

import pytest

from claimcheck.text import TextModel
from claimcheck.text.relayout import LAYOUTS, relay

PARAS = [
    "The council voted on Tuesday to close the old library on Main Street after a long and bitter debate.",
    "Residents had asked for a delay of one more year.",
    "The building will be sold next spring, officials said.",
]


def _paras(text: str) -> list[str]:
    m = TextModel(text)
    return [" ".join(text[s:e].split()) for s, e in m.paragraphs]


@pytest.mark.parametrize(
    "text",
    [
        "\n\n".join(PARAS),
        "\n".join(PARAS),
        "\r\n".join(PARAS),
        "\r".join(PARAS),
        "\r\n\r\n".join(PARAS),
        "\n\n".join("\t" + p for p in PARAS),
        "\n \n".join(p.replace(" ", "\u00a0", 3) for p in PARAS),
    ],
    ids=["blank-lines", "one-per-line", "crlf", "cr", "crlf-blank", "tabs", "nbsp"],
)
def test_paragraphs_in_each_layout(text: str) -> None:
    assert [" ".join(p.split()) for p in _paras(text)] == [" ".join(p.replace("\u00a0", " ").split()) for p in PARAS]


def test_hard_wrapped_lines_are_one_paragraph() -> None:
    """A line break inside a sentence at ~72 columns is wrapping, not a paragraph; a blank line still is."""
    wrapped = relay("\n\n".join(PARAS), "wrapped-72").text
    assert "\n" in wrapped.split("\n\n")[0]  # the first paragraph really is wrapped
    assert _paras(wrapped) == PARAS
    no_blank = wrapped.replace("\n\n", "\n")  # wrapped with no blank lines: the short last lines end paragraphs
    assert _paras(no_blank) == PARAS


def test_one_paragraph_a_line_keeps_a_sentence_cut_in_two() -> None:
    text = "A title line\nThe mayor said the plan was\nlate and over budget.\nNext paragraph here."
    assert _paras(text) == ["A title line", "The mayor said the plan was late and over budget.", "Next paragraph here."]


def test_parse_copy_keeps_offsets_and_only_paragraph_newlines() -> None:
    text = "• First item here,\r\nwrapped on.\r\n\r\n- Second\u00a0item\tends.\r(" + "(" * 300
    m = TextModel(text)
    pt = m.parse_text
    assert len(pt) == len(text)
    assert len(m.paragraphs) == 3 and pt.count("\n") == 3  # the wrapped "\r\n" is spaces, the blank line two
    assert pt.startswith("  First item here,  wrapped on. \n \n")
    assert "•" not in pt and "\u00a0" not in pt and "\t" not in pt and "\r" not in pt
    assert max(len(w) for w in pt.split()) <= 64  # a pathological run is broken for the tokenizer
    for s, _ in m.paragraphs[1:]:
        assert pt[s - 1] == "\n"


def test_metadata_titles_datelines_and_credits_are_skipped_but_not_their_neighbours() -> None:
    text = (
        "Headline: Bridge to reopen\nDate: 2024-05-06\nPublisher: The Daily Ledger\nBy Jo Park\n"
        "Bridge to Reopen Monday\nWASHINGTON (AP) —\n"
        "The bridge will reopen on Monday, officials said.\n"
        "Read more: How the repairs went\nPhoto: The bridge at dusk. (AP Photo/Jo Park)\n"
        "Sign up for our newsletter.\nTraffic fell by half during the closure."
    )
    m = TextModel(text)
    kept = [text[s:e] for s, e in m.paragraphs if not m.is_skipped(s)]
    assert kept == ["The bridge will reopen on Monday, officials said.", "Traffic fell by half during the closure."]


@pytest.mark.parametrize("layout", ["original", "one-per-line", "crlf", "wrapped-72"])
def test_an_archive_subtitle_and_abstract_are_skipped(layout: str) -> None:
    """Archive copy sets a subtitle after a semicolon title and repeats the body's lede in an abstract: neither
    is body text (spec section 1), whatever the layout."""
    text = (
        "Harbour board admits error; \nFerry was safe to sail, board member says.\n\nABSTRACT.\n\n"
        "The ferry was safe to sail, a board member said, adding that the report had been misread.\n\n"
        "FULL TEXT.\n\nThe harbour board said on Monday that it had misread a safety report on the island "
        "ferry, which was taken out of service in March after inspectors found cracks in its hull."
    )
    t = relay(text, layout).text
    m = TextModel(t)
    kept = [t[s:e] for s, e in m.paragraphs if not m.is_skipped(s)]
    assert len(kept) == 1 and kept[0].replace("\n", " ").startswith("The harbour board said on Monday")


@pytest.mark.parametrize(
    "title", ["", "Ferry Service to Resume\n\n", "Ferry Service To Resume In June After Repairs.\n\n"]
)
def test_a_short_lede_first_or_below_a_title_is_body(title: str) -> None:
    text = f"{title}The ferry will sail again.\n\nThe board said on Monday that repairs to the hull were done."
    m = TextModel(text)
    assert [text[s:e] for s, e in m.paragraphs if not m.is_skipped(s)] == [
        "The ferry will sail again.",
        "The board said on Monday that repairs to the hull were done.",
    ]


def test_a_quote_left_open_closes_at_its_paragraph_end_in_every_layout() -> None:
    text = '"We are ready, she said.\n\nThe council met on Monday.'
    for name in ("original", "one-per-line", "crlf", "cr"):
        t = relay(text, name).text
        m = TextModel(t)
        later = t.index("The council")
        assert not any(m.mask[later:]) and m.mask[1]


def test_line_and_column_count_every_line_end_once() -> None:
    m = TextModel("ab\r\ncd\ref\ngh")
    assert m.line_col(0) == (1, 1) and m.line_col(4) == (2, 1) and m.line_col(7) == (3, 1) and m.line_col(11) == (4, 2)


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_relaid_offsets_map_back(layout: str) -> None:
    text = "\n\n".join(PARAS)
    r = relay(text, layout)
    for word in ("council", "Residents", "officials"):
        pos = text.index(word)
        assert r.text[r.offset(pos) : r.offset(pos) + len(word)] == word


def test_a_punctuation_run_is_one_space_token_past_its_start() -> None:
    text = "Officials said it was late. " + "(" * 5000 + '"' * 5000 + " The mayor agreed."
    pt = TextModel(text).parse_text
    assert len(pt) == len(text) and pt.count("(") + pt.count('"') == 64 and pt.endswith(" The mayor agreed.")


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("''We are ready,'' she said.", "We are ready,"),
        ("He said: ''It's 'safe' now.'' Then he left.", "It's 'safe' now."),
        ("\u202a”We are ready,” she said.", "We are ready,"),
        ("“We are ready,” she said. Years ago”then” was now.", "We are ready,"),
    ],
)
def test_archive_and_typo_quote_marks(text: str, quoted: str) -> None:
    m = TextModel(text)
    assert ["".join(text[s:e]) for s, e in m.runs] == [quoted]
