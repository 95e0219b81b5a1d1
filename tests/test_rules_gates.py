"""The quick tests before the rules pass over only tokens the rules would pass over anyway.

The frame functions are tried only on tokens whose lemma or form can anchor a frame, and hedge cues
only on tokens that can start one; here every other token of our gold texts is tried in full.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from claimcheck.backends.rules import RulesBackend
from claimcheck.backends.rules.attribution import TOKEN_FRAMES, _cue_tokens
from claimcheck.backends.rules.hedges import _FIRST_WORDS, _match
from claimcheck.backends.rules.parse import parse_many
from claimcheck.text import text_model

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> list[str]:
    """Our gold texts and seed articles, and every sentence the rules tests are written on."""
    lines = (ROOT / "evals" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for module in sorted((ROOT / "tests").glob("test_rules_*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        texts += [
            n.value
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and " " in n.value
        ]
    return texts


@pytest.fixture(scope="module")
def docs() -> list:  # type: ignore[type-arg]
    nlp = RulesBackend().nlp
    return list(parse_many(nlp, [text_model(t) for t in _texts()], 32))


def test_no_frame_starts_on_a_token_the_cue_gate_leaves_out(docs: list) -> None:  # type: ignore[type-arg]
    tried = 0
    for doc in docs:
        cues = set(_cue_tokens(doc))
        for sent in doc.sents:
            for tok in sent:
                if tok.i in cues:
                    continue
                tried += 1
                assert tok.lower_ != "according"
                assert all(frame(tok, sent) is None for frame in TOKEN_FRAMES), (tok.text, sent.text)
    assert tried > 10_000 and sum(len(_cue_tokens(d)) for d in docs) > 100


def test_no_hedge_starts_on_a_token_the_first_word_gate_leaves_out(docs: list) -> None:  # type: ignore[type-arg]
    for doc in docs:
        for tok in doc:
            if tok.lower_ not in _FIRST_WORDS:
                assert _match(doc, tok.i) is None, (tok.text, tok.sent.text)
