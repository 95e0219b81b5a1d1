"""The quotes family: quotation marks that pair up, quoted words with a speaker, and whose words they are.

attribution-inside-quote follows the BBC Editorial Guidelines on accuracy
(paraphrased): be clear how we know what we report; a second-hand account is
presented as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimcheck.checks.document import Document, Hit, abridge, source_span
from claimcheck.checks.mentions import SPEECH, is_vague_mention
from claimcheck.checks.registry import register
from claimcheck.schema import Claim
from claimcheck.text.quotes import CLOSING, OPENING

__all__ = ["attribution_inside_quote", "quote_without_source", "unbalanced_quotes"]

_CUE_WORDS = re.compile(
    rf"\b{SPEECH}\b|\baccording to\b|\b(?:wrote|writes|writing|asked|asks|replied|continued|explained|announced|"
    r"declared|tweeted|posted|read|reads|tells|telling|saying|adding|(?<!so-)call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|"
    r"dubb(?:ed|ing)|label+(?:ed|ing)|brand(?:ed|ing)|blast(?:s|ed)|slamm?(?:s|ed)|prais(?:ed|ing)|accus(?:ed|ing)|"
    r"dismiss(?:es|ed|ing)?|urg(?:ed|ing)|vow(?:ed|ing)|promis(?:es|ed|ing)|quot(?:ed|ing)|titled|entitled|headlined|"
    r"statements?|interviews?|speech|predictions?|remarks|comments?|tweets?|letter|announcement|adds|per|"
    r"report(?:s|ed|ing)?|transcript|as follows)\b",
    re.IGNORECASE,
)
#: A short quoted run in title case is a name, a nickname or a title ("Bobby", “Morning Joe”), not a quotation.
_TITLE_CASE = re.compile(
    r"[“«„\"]?[A-Z0-9][\w’'.,:!?&-]*(?:\s+(?:[A-Z0-9][\w’'.,:!?&-]*|a|an|the|of|with|for|and|in|on|to|at|by|from)){0,6}"
    r"[”»\"]?"
)
#: The marks a quotation run may open and close with: the text model's curly ones and the straight one.
_OPEN_MARKS = OPENING | {'"'}
_CLOSE_MARKS = CLOSING | {'"'}


def _quote_runs(doc: Document) -> list[tuple[int, int]]:
    """Spans of quoted passages, marks included, from the text model's quotation runs."""
    text, n = doc.text, len(doc.text)
    runs: list[tuple[int, int]] = []
    for i, j in doc.model.runs:
        if any(ch.isalnum() for ch in text[i:j]):
            s = i - 1 if i > 0 and text[i - 1] in _OPEN_MARKS else i
            e = j + 1 if j < n and text[j] in _CLOSE_MARKS else j
            runs.append((s, e))
    return runs


@register(
    "quote-without-source",
    "warning",
    summary="quoted words with no speaker",
    doc="quoted words with no speaker in reach (scare quotes too)",
    flagged="The council called off the vote. The plan was “dead in the water” by then.",
    clean="The council called off the vote. The plan was “dead in the water” by then, the mayor said.",
)
def quote_without_source(doc: Document) -> Iterator[Hit]:
    """Quotation marks promise someone's words; with no speaker they are the writer's own, put at a distance."""
    spoken: list[tuple[int, int]] = []  # quotes with a speaker, for carry-over paragraphs
    for s, e in _quote_runs(doc):
        if _TITLE_CASE.fullmatch(doc.text[s:e]):
            continue
        over = doc.claims_over(s + 1, e - 1)
        ss, se = doc.model.sentence_at(s)[0], doc.model.sentence_at(e - 1)[1]  # a quotation can hold several sentences
        outside = doc.text[ss:s] + " " + doc.text[e:se]
        if any(c.attributed for _, c in over) or _CUE_WORDS.search(outside):
            spoken.append((s, e))  # attributed, or a speaker in the sentence the backend did not pair with it
            continue
        if _introduced(doc, s):
            spoken.append((s, e))
            continue
        opens_sentence = not doc.text[ss:s].strip()
        prev = [p for p in spoken if p[1] <= s]
        if opens_sentence and prev and _near_previous(doc, prev[-1], s) and not outside.strip(" .,;:!?"):
            spoken.append((s, e))  # a carry-over quote: continues the previous speaker
            continue
        claim = over[0][0] if over else None
        yield Hit(
            s,
            e,
            "warning",
            f"quoted words with no speaker: {abridge(doc.text[s:e], 60)}",
            "say who is being quoted, or drop the quotation marks",
            claim,
        )


def _introduced(doc: Document, start: int) -> bool:
    """A block quotation: it opens a paragraph and the previous one introduces it ("The Times reports:")."""
    n = doc.model.paragraphs_to(start)
    if n < 2 or doc.text[doc.model.paragraphs[n - 1][0] : start].strip():
        return False
    ps, pe = doc.model.paragraphs[n - 2]
    intro = doc.text[ps:pe].rstrip()
    return intro.endswith(":") and bool(_CUE_WORDS.search(intro[-200:]))


def _near_previous(doc: Document, prev: tuple[int, int], start: int) -> bool:
    """The previous attributed quote ends in the same or the preceding paragraph."""
    here = doc.model.paragraphs_to(start) - 1
    if here < 0:
        return False
    return any(ps <= prev[0] < pe for ps, pe in doc.model.paragraphs[max(0, here - 1) : here + 1])


@register(
    "unbalanced-quotes",
    "error",
    summary="a quotation mark never closed or never opened",
    doc="an unclosed quotation mark, or a closing one with no opening one",
    flagged="The mayor called it “a disgrace. The vote is on Monday.",
    clean="The mayor called it “a disgrace”. The vote is on Monday.",
)
def unbalanced_quotes(doc: Document) -> Iterator[Hit]:
    """Double quotation marks of every style, paragraph by paragraph.

    News convention runs a quotation over paragraphs by leaving each one open
    and reopening the next; only a quotation that is never closed is an error.
    One curly quotation may nest in a straight one (scraped copy mixes styles),
    and a straight mark closes a curly one. A quotation that closes in the next
    paragraph without being reopened there is a lesser (style) problem.
    """
    paras = doc.model.paragraphs
    pending: int | None = None  # left open at the end of the previous paragraph, the next one not reopening
    for k, (ps, pe) in enumerate(paras):
        stack: list[tuple[int, bool]] = []  # (offset, straight?)
        for i in range(ps, pe):
            ch = doc.text[i]
            straight = ch == '"'
            if (ch in OPENING and not (stack and not stack[-1][1])) or (straight and not stack):
                if pending is not None:
                    yield _unclosed(pending, "a new quotation opens before it closes")
                    pending = None
                stack.append((i, straight))
            elif ch in OPENING:  # a curly mark inside an open curly quotation
                yield _unclosed(stack[-1][0], "a new quotation opens before it closes")
                stack[-1] = (i, False)
            elif ch in CLOSING and not stack and _opens_word(doc.text, i):
                yield Hit(i, i + 1, "error", "a closing mark opens this quotation", "use an opening mark (“)")
                stack.append((i, False))  # typed the wrong way round: pair it like an opening mark
            elif ch in CLOSING or straight:
                if stack:
                    stack.pop()
                elif pending is not None:
                    yield Hit(
                        pending,
                        pending + 1,
                        "warning",
                        "quotation runs into the next paragraph without reopening it",
                        "open each continuing paragraph with a quotation mark, or close it before the break",
                    )
                    pending = None
                else:
                    yield Hit(
                        i,
                        i + 1,
                        "error",
                        "closing quotation mark with no opening one",
                        "add the opening mark where the quotation starts, or delete this one",
                    )
        if pending is not None:
            yield _unclosed(pending, "no closing mark, and the next paragraph does not continue the quotation")
            pending = None
        for at, _ in stack[1:]:
            yield _unclosed(at, "an inner quotation is still open at the end of the paragraph")
        if stack:
            nxt = doc.text[paras[k + 1][0]] if k + 1 < len(paras) else ""
            if not nxt:
                yield _unclosed(stack[0][0], "no closing mark before the end of the text")
            elif nxt not in OPENING and nxt != '"':
                pending = stack[0][0]


def _opens_word(text: str, i: int) -> bool:
    return (i == 0 or text[i - 1].isspace()) and i + 1 < len(text) and text[i + 1].isalnum()


def _unclosed(at: int, why: str) -> Hit:
    return Hit(at, at + 1, "error", f"quotation mark never closed: {why}", "close the quotation where it ends")


# --- attribution-inside-quote ----------------------------------------------------------------

_NESTED_OPEN = re.compile(
    r"\b(?:said|says|say|told|tells|asked|replied|wrote|warned|added|insisted)\b[^‘'“\"]{0,30}?[,:]?\s*(?:‘|'(?=[A-Z]))"
)


_NESTED_CLOSE = re.compile(r"’(?![a-z])|'(?![a-z])")  # a closing single quote, not an apostrophe ("don’t")
_NAMED = re.compile(r"\b[A-Z][a-z’'-]+")


def _run_owner(doc: Document, run: tuple[int, int], keys: dict[int, str | None]) -> tuple[int, Claim] | None:
    """The attributed claim a quotation run belongs to: one overlapping it whose source stands outside it."""
    s, e = run
    for i, c in doc.claims_over(s, e):
        span = source_span(c)
        if c.attributed and span is not None and not (s <= span[0] < e) and keys.get(i):
            return i, c
    return None


@register(
    "attribution-inside-quote",
    "warning",
    summary="a quote attributed inside another speaker's quote",
    doc="a quote attributed inside another speaker's quotation: a second-hand account",
    flagged="“When I met him, Tom Park told me ‘the money is gone’,” Mayor Ann Lee said.",
    clean="“When I met him, we talked about the budget,” Mayor Ann Lee said.",
)
def attribution_inside_quote(doc: Document) -> Iterator[Hit]:
    """A quote whose attribution sits inside another speaker's quotation: a second-hand account (BBC)."""
    keys = dict(zip((i for i, _ in doc.claims), doc.keys, strict=True))
    model = doc.model
    for i, c in doc.claims:
        at = c.cue_start if c.cue_start is not None else c.source_start
        if at is None or not c.attributed or not doc.model.mask[at]:
            continue
        run = model.run_at(at)
        owner = _run_owner(doc, run, keys) if run else None
        mention = c.source or ""
        if (
            owner is None
            or keys.get(owner[0]) == keys.get(i)
            or not _NAMED.search(mention)
            or is_vague_mention(mention)
        ):
            continue  # "people say" inside a quote is the speaker's own talk, not a quote of someone else
        span = source_span(c) or (at, at + 1)
        teller = owner[1].source_name or owner[1].source
        who = c.source_name or c.source
        yield Hit(
            *span,
            "warning",
            f"words credited to {who} come from inside {teller}'s quotation: {teller}'s account, not {who}'s",
            f"confirm the words with {who}, or present them as {teller}'s account",
            i,
        )
    for s, e in model.runs:
        owner = _run_owner(doc, (s, e), keys)
        if owner is None:
            continue
        for m in _NESTED_OPEN.finditer(doc.text, s, e):
            inner = m.end()
            close = _NESTED_CLOSE.search(doc.text, inner, e)
            end = close.end() if close else e
            if any(c.attributed and keys.get(j) != keys.get(owner[0]) for j, c in doc.claims_over(inner, end)):
                continue  # the claim-level pass above has it
            teller = owner[1].source_name or owner[1].source
            yield Hit(
                inner - 1,
                end,
                "warning",
                f"a quotation inside {teller}'s quotation: {teller}'s account of what someone else said",
                "confirm the words with the person quoted, or present them as the speaker's account",
                owner[0],
            )
