"""The offline backend: spaCy parse plus linguistic rules, deterministic and free to run.

It is the default when no LLM endpoint is configured, so it must work on a
laptop with nothing but the installed pipeline, give the same answer twice,
and keep up with a bare parse on a large archive (``nlp.pipe`` in batches,
``workers`` processes).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from claimcheck.backends import run_in_thread
from claimcheck.backends.rules.claims import extract_claims
from claimcheck.backends.rules.lexicon import LEXICON_VERSION
from claimcheck.backends.rules.model import load_pipeline, pipeline_label
from claimcheck.errors import BackendError, ClaimcheckError, ConfigError
from claimcheck.inputs import MAX_CHARS, check_text
from claimcheck.schema import Extraction

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["RulesBackend"]


def _positive_int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(
            f"rules backend: {name} must be a positive integer, got {value!r}", fix=f"pass {name}=1 or more"
        )
    return value


class RulesBackend:
    """Claims from the dependency parse; see :mod:`claimcheck.backends.rules.attribution` for the rules."""

    name = "rules"

    def __init__(self, *, workers: int = 1, batch_size: int = 32, spacy_model: str | None = None, **options: Any):
        if options:
            raise ConfigError(
                f"the rules backend does not take {', '.join(sorted(options))}",
                fix="its options are workers, batch_size and spacy_model (endpoint options are for llm)",
            )
        self.workers = _positive_int("workers", workers)
        self.batch_size = _positive_int("batch_size", batch_size)
        self.spacy_model = spacy_model
        self.prompt_version: str | None = LEXICON_VERSION

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use and shared by every backend in the process."""
        nlp = load_pipeline(self.spacy_model)
        nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
        return nlp

    @property
    def model(self) -> str | None:  # type: ignore[override]
        return pipeline_label(self.nlp)

    def _extraction(self, doc_id: str, text: str, doc: Doc) -> Extraction:
        return Extraction(
            id=doc_id,
            text=text,
            claims=extract_claims(doc),
            backend=self.name,
            model=self.model,
            prompt_version=self.prompt_version,
        )

    def extract(self, text: str, *, doc_id: str = "doc") -> Extraction:
        """Claims of one document."""
        check_text(text, name=doc_id)
        return self._extraction(doc_id, text, self.nlp(text))

    async def aextract(self, text: str, *, doc_id: str = "doc") -> Extraction:
        """Same as :meth:`extract`, run in a thread so an event loop is never blocked by the parse."""
        return await run_in_thread(self, text, doc_id)

    def extract_many(
        self, docs: Sequence[tuple[str, str]], *, concurrency: int = 4
    ) -> list[Extraction | ClaimcheckError]:
        """One result per document, in order; a bad document becomes its error without stopping the rest.

        ``concurrency`` is accepted for the :class:`~claimcheck.backends.Backend` protocol; parallelism
        here is ``workers`` processes, since parsing is CPU-bound.
        """
        results: list[Extraction | ClaimcheckError | None] = [None] * len(docs)
        good: list[int] = []
        for k, (doc_id, text) in enumerate(docs):
            try:
                check_text(text, name=doc_id)
            except ClaimcheckError as exc:
                results[k] = exc
            else:
                good.append(k)
        nlp = self.nlp
        n_process = min(self.workers, max(1, len(good)))
        parsed = nlp.pipe((docs[k][1] for k in good), batch_size=self.batch_size, n_process=n_process)
        for k, doc in zip(good, parsed, strict=True):
            doc_id, text = docs[k]
            try:
                results[k] = self._extraction(doc_id, text, doc)
            except Exception as exc:  # one document's bug must not sink an archive run
                results[k] = BackendError(
                    f"{doc_id}: the rules failed ({type(exc).__name__}: {exc})",
                    fix="report this document to the claimcheck maintainers",
                )
        return [r for r in results if r is not None]
