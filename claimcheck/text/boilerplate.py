"""Text around an article that makes no claim: metadata headers, sign-up prompts, bylines, credits, questions.

Spec section 1 excludes these from claims. Each test here looks at one line
or one sentence, never at the block around it: a question or a sign-up line
must not take its neighbours with it.
"""

from __future__ import annotations

import re

__all__ = [
    "BOILERPLATE_PATTERNS",
    "METADATA_LABELS",
    "READER_PATTERNS",
    "byline_names",
    "dateline_end",
    "is_boilerplate",
    "is_caps_heading",
    "is_headline",
    "is_metadata",
    "is_question",
    "is_title_case_heading",
    "is_title_sentence",
]

BOILERPLATE_PATTERNS: tuple[str, ...] = (
    r"\bbreaking news (alerts|emails)\b", r"\ball rights reserved\b", r"^\s*(©|copyright\b)", r"\bcopyright (©|\d{4})",
    r"^\s*read (more|the rest|the full)\b", r"\bclick here\b", r"^\s*follow (us|@)", r"\bdownload (our|the) app\b",
    r"\bthis is a (developing|breaking) (story|news)\b", r"\bthis (story|article) (has been|was|will be) updated\b",
    r"\bphoto(graph)?s?( credit)?\s*:", r"\bgetty images\b", r"\(ap photo\b", r"\b(reporting|editing|writing) by\b",
    r"\bcontributed (to )?(this )?report", r"^\s*[\"“'‘]?(watch|listen|advertisement|related)\s*:?[\"”'’]?\s*$",
    r"^\s*by [A-Z][\w.'-]+( [A-Z][\w.'-]+){0,3}\s*$", r"^\s*date \d{4}-\d\d-\d\d\b",
    r"\bsent straight to your inbox\b", r"^\s*anyone (with|who has|who saw)\b.*\b(call|contact)\b",
    r"\bsupport (our|independent) journalism\b",
    r"^\s*[\"“'‘]?(related|read more|more|see also|recommended|watch|listen)\s*:",
    r"^\s*\(?(photo|image|credit|caption)s?( credit)?\s*:",
    r"\b(photo|image|picture)\s*(by|credit|courtesy)\b", r"\b(ap|afp|reuters|getty|epa|file) photo\b",
)  # fmt: skip

#: Sign-up and site-policy wording that news also uses of its own subjects ("2 million people signed up", "its
#: terms of service", "a state.gov e-mail address"): boilerplate only in a sentence that addresses the reader.
READER_PATTERNS: tuple[str, ...] = (
    r"\bsign(ing|ed)?[ -]?up\b", r"\bsubscri(be|bing|ption)\b", r"\bnewsletters?\b", r"\be-?mail address\b",
    r"\bprivacy (notice|policy)\b", r"\bterms (of|and) (use|service|conditions)\b", r"\bemailed about\b",
    r"\bcookies?\b.*\b(accept|use)\b",
)  # fmt: skip

#: What addresses the reader: "you"/"your", the site's own "our …" offer, an imperative opening, or the
#: newsletter and its sign-up together; so does a sentence of four words or fewer ("Newsletter sign-up").
#: Words inside quotation marks are somebody's, not the site's ("'If you sign up now, you save,' he said").
_READER_ADDRESS = (
    r"\byou(r|rs)?\b",
    r"\bour (free |daily |weekly |morning |evening |e-?mail |breaking news )*"
    r"(newsletters?|alerts|e-?mails|app|site|website|privacy|terms|cookies?)\b",
    r"^\W*(sign|subscribe|enter|join|register|get|click|receive|thanks?|thank you|please)\b",
    r"\b(sign(ing)?[ -]?up|subscrib\w*)\b.*\bnewsletters?\b",
)

#: Labels of the metadata lines that head exported or scraped articles ("Headline: …", "Date: …").
_METADATA_WORDS = """
    headline title subtitle subhead subheadline dek standfirst summary date dateline published updated
    publisher publication source author authors byline section category tags keywords url link words
    length language copyright edition page caption credit
"""
METADATA_LABELS: tuple[str, ...] = tuple(_METADATA_WORDS.split())

_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_PATTERNS), re.IGNORECASE | re.MULTILINE)
_READER = re.compile("|".join(f"(?:{p})" for p in READER_PATTERNS), re.IGNORECASE)
_ADDRESS = re.compile("|".join(f"(?:{p})" for p in _READER_ADDRESS), re.IGNORECASE)
_SHORT = re.compile(r"^\W*(\w+\W+){0,3}\w*\W*$")
_QUOTED = re.compile('“[^”]*(?:”|$)|"[^"]*(?:"|$)')
_METADATA = re.compile(r"[ \t]*(?:" + "|".join(METADATA_LABELS) + r")[ \t]*:", re.IGNORECASE)
_BYLINE = re.compile(r"^[ \t]*(?:by|By|BY)[ \t]+((?:[A-Z][\w.'’-]+[ \t]+){0,3}[A-Z][\w.'’-]+)[ \t]*$", re.MULTILINE)
#: A place in capitals, or in any case before a wire agency ("(AFP)"); then a date ("July 19") and a dash.
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.,' ]{2,40}|[A-Z][\w.,' ]{2,30}?(?=\s*\([A-Z]{2,}\)))(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s*\([^)\n]{1,40}\))?\s*[-–—]+\s*"
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
#: A statement that ends on a tag ("It was a deal, right?", "… a show, no?"): it asks for assent, it still asserts.
_TAG_QUESTION = re.compile(r",\s*(?:right|no|okay|ok|correct|huh|eh|yes)\?$", re.IGNORECASE)
#: A sentence end inside a line: ".", "!" or "?" before a space and a capital, past abbreviations of up to
#: three letters ("Sen. Paul (Ky.) and Gov. Ruiz" has none; "Prices rose. Jobs fell." has one).
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z][a-z])[.!?]\s+[A-Z\"“]")
_SMALL_WORDS = "a an and as at but by for from in into of on or the to with vs via"
_SMALL = frozenset(_SMALL_WORDS.split())
#: A word of each pattern of BOILERPLATE_PATTERNS that is not tied to a line start (a new pattern needs one here
#: or in the list of line openings): a text with none of them, and no line opening with a word of that list, is
#: matched by none of those patterns. A substring search then spares trying some thirty patterns at every character.
_BOILERPLATE_WORDS = tuple(
    """breaking reserved copyright click download developing updated photo getty reporting editing writing
    contributed inbox journalism image picture ©""".split()
)
#: A word of each pattern of READER_PATTERNS (none is tied to a line start): without one, none of them matches.
_READER_WORDS = tuple("""sign subscri newsletter address privacy emailed terms cookie""".split())
#: The words the patterns tied to a line start ("^") open with, after spaces and a quote mark or bracket.
_LINE_OPENING_WORDS = tuple(
    """read follow watch listen advertisement related by date anyone more see recommended photo image credit
    caption""".split()
)
#: The non-ASCII letters ``re.IGNORECASE`` matches to an ASCII letter, so the word search folds case as the
#: patterns do ("İnbox", "ſubscribe").
_IGNORECASE_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_FOLDED_LETTERS = "\u0130\u0131\u017f\u212a"  # rare: most texts skip the (slow, per character) translate


def _may_match(text: str) -> tuple[bool, bool]:
    """Whether ``text`` holds a word every match of a boilerplate pattern needs, and one every match of a reader
    pattern needs (quick tests before them: a word like "design" or "address" asks for the reader patterns only)."""
    folded = (text.translate(_IGNORECASE_FOLD) if any(c in text for c in _FOLDED_LETTERS) else text).lower()
    reader = any(map(folded.__contains__, _READER_WORDS))  # map: no Python frame per word (sentences and lines)
    if any(map(folded.__contains__, _BOILERPLATE_WORDS)):
        return True, reader
    # "^" of a multi-line pattern matches after "\n" only; "\s*" and str.lstrip skip the same spaces.
    lines = any(line.lstrip().lstrip("\"“'‘(").startswith(_LINE_OPENING_WORDS) for line in folded.split("\n"))
    return lines, reader


def is_boilerplate(sentence: str) -> bool:
    """A sign-up prompt addressed to the reader, a credit, byline, "developing story" note or similar."""
    boilerplate, reader = _may_match(sentence)
    return (boilerplate and _BOILERPLATE.search(sentence) is not None) or (reader and _addresses_reader(sentence))


def _matches(sentence: str) -> bool:
    """The patterns' answer, without the quick word search."""
    return _BOILERPLATE.search(sentence) is not None or _addresses_reader(sentence)


def _addresses_reader(sentence: str) -> bool:
    """Sign-up or site-policy wording in a sentence that addresses the reader (see READER_PATTERNS)."""
    if _READER.search(sentence) is None:
        return False
    return _SHORT.match(sentence) is not None or _ADDRESS.search(_QUOTED.sub(" ", sentence)) is not None


def is_metadata(line: str) -> bool:
    """A "Label: value" header line of an exported article ("Headline: …", "Publisher: …")."""
    return _METADATA.match(line) is not None


def is_question(sentence: str) -> bool:
    """A pure question asserts nothing a fact-checker could check. A sentence that only ends on someone's quoted
    question ("Diaz said the chief decided and asked, “Who else?”") is the writer's statement, not one."""
    body = sentence.rstrip()
    closed = body.rstrip("”\"’')")
    if not closed.endswith("?") or _TAG_QUESTION.search(closed):
        return False
    opening = max(closed.rfind("“"), closed.rfind('"'))
    return opening < 0 or closed == body or not any(ch.isalpha() for ch in body[:opening])


def byline_names(text: str) -> frozenset[str]:
    """Lower-cased surnames of the writers a document's byline lines name ("By Rosalind Teague" → "teague")."""
    return frozenset(m.group(1).split()[-1].lower() for m in _BYLINE.finditer(text))


def dateline_end(sentence: str) -> int:
    """Length of a leading dateline ("KYIV, Ukraine (AP) —"), 0 when there is none."""
    m = _DATELINE.match(sentence)
    return m.end() if m else 0


def is_caps_heading(line: str) -> bool:
    """A one-line paragraph of two or more words in capitals ("DEFUNDING DEBATE.", "2. AFTERSHOCK RATTLES TOWN"):
    a section heading or headline, anywhere in a text that is otherwise in mixed case."""
    line = line.strip()
    # The cheap tests first: a paragraph of body text fails at its first lower-case letter.
    return "\n" not in line and not any(ch.islower() for ch in line) and len(_WORD.findall(line)) >= 2


#: A line opening with a name of one to four words and a colon ("Bernie Sanders: …", "Dr. Ben Carson: …").
_LABELLED = re.compile(r"^[\"“'‘]?(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s*:\s")


def is_title_case_heading(line: str) -> bool:
    """A one-line paragraph of four to twenty words, every one capitalised, small words too ("Local Baker Wins
    Top Prize At County Fair"): a subhead or a related-story link. A sentence capitalises its small words
    only when they open it or a name, so one capitalised small word past the first is the sign. A line a
    speaker's label opens is kept for the colon frame."""
    line = line.strip()
    if "\n" in line:
        return False
    words: list[str] = []
    for match in _WORD.finditer(line):  # word by word: body text stops at its first lower-case word
        if len(words) == 20 or not match.group()[0].isupper():
            return False
        words.append(match.group())
    if len(words) < 4:
        return False
    if _LABELLED.match(line):
        return False  # "Mayor: Harbour Plan Has Stalled" says who says it: a colon frame reads it
    return any(w.lower() in _SMALL for w in words[1:])


#: Words at most in a subtitle line that closes on a full stop, as archive copy prints it ("China rebuts
#: criticism; ⏎ Investment, official says, helped economy.").
_TITLE_SENTENCE_WORDS = 15


def is_headline(line: str) -> bool:
    """A short one-line paragraph in title case, or with no closing full stop, opening a document."""
    line = line.strip()
    if not line or "\n" in line:
        return False
    words = _WORD.findall(line)
    if not words or len(words) > 25:
        return False
    if line[-1] not in ".!?”\"'’":
        return True
    content = [w for w in words if w.lower() not in _SMALL]
    capital = sum(1 for w in content if w[0].isupper())
    return len(content) >= 3 and capital / len(content) >= 0.7


def is_title_sentence(line: str) -> bool:
    """One short sentence on a line of its own, closing on a full stop: how archive copy sets a subtitle
    ("Investment, official says, helped economy."). Only a line after a title is tried: a first line alone
    may be a short lede."""
    line = line.strip()
    words = _WORD.findall(line)
    return (
        "\n" not in line
        and line.endswith(".")
        and 0 < len(words) <= _TITLE_SENTENCE_WORDS
        and not _SENTENCE_END.search(line[:-1])
    )
