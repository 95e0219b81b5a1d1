"""What every backend offers: the protocol, declared options, and the thread helpers backends share.

Backends import this module, never the package that names them, so that
``claimcheck.backends`` can build any backend without an import cycle. A
backend's settings are a pydantic model whose ``Field`` constraints are the
one statement of what is valid: the backend validates with it, and the CLI
builds its flags (type, default, help, range) from the :class:`Option` list
derived from it.
"""

from __future__ import annotations

import asyncio
import types
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar, Union, get_args, get_origin, runtime_checkable

from pydantic import BaseModel, ValidationError

from claimcheck.errors import ClaimcheckError, ConfigError
from claimcheck.schema import Extraction

__all__ = [
    "Backend",
    "Option",
    "options_of",
    "run_in_thread",
    "run_many_threaded",
    "settings_from",
]

Settings = TypeVar("Settings", bound=BaseModel)


@runtime_checkable
class Backend(Protocol):
    """What every backend offers; :meth:`fingerprint` keys the cache.

    Texts arrive validated (:func:`claimcheck.inputs.check_text`): the edges
    that take them from users (:mod:`claimcheck.api`, :mod:`claimcheck.streaming`,
    the Dask engine) check each once, so a backend does not check again.
    """

    name: str
    prompt_version: str | None

    @property
    def model(self) -> str | None: ...  # read-only, so a backend may compute it (rules: the loaded pipeline)

    def fingerprint(self) -> str:
        """Every setting that can change the output on a given text (never a secret): the cache key."""
        ...

    def extract(self, text: str, *, doc_id: str = "doc") -> Extraction: ...

    async def aextract(self, text: str, *, doc_id: str = "doc") -> Extraction: ...

    def extract_many(
        self, docs: Sequence[tuple[str, str]], *, concurrency: int | None = None
    ) -> list[Extraction | ClaimcheckError]: ...


def run_many_threaded(
    backend: Backend, docs: Sequence[tuple[str, str]], concurrency: int
) -> list[Extraction | ClaimcheckError]:
    """Run ``backend.extract`` over documents in threads, one result or error per document, in order."""

    def one(doc: tuple[str, str]) -> Extraction | ClaimcheckError:
        doc_id, text = doc
        try:
            return backend.extract(text, doc_id=doc_id)
        except ClaimcheckError as exc:
            return exc

    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        return list(pool.map(one, docs))


async def run_in_thread(backend: Backend, text: str, doc_id: str) -> Extraction:
    """Async wrapper for CPU-bound backends, so an event loop is never blocked."""
    return await asyncio.to_thread(backend.extract, text, doc_id=doc_id)


@dataclass(frozen=True)
class Option:
    """One backend setting offered on the command line as ``--name-with-dashes``.

    ``default`` ``None`` means the backend decides (often from the environment);
    ``shared`` marks a flag every backend run has (``--concurrency``): it always
    has its default and is passed to whichever declared it, never refused as
    belonging to another backend.
    """

    name: str
    type: type[Any]
    default: Any
    help: str
    minimum: float | None = None
    exclusive: bool = False  # the minimum itself is out of range
    unit: str = ""
    shared: bool = False

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    def rule(self) -> str:
        """The range as the library's error states it: ``> 0 seconds``, ``>= 16``."""
        if self.minimum is None:
            return f"of type {self.type.__name__}"
        return f"{'>' if self.exclusive else '>='} {self.minimum:g}" + (f" {self.unit}" if self.unit else "")

    def describe(self) -> str:
        """The range as the command line's error states it: ``a positive number of seconds``."""
        if self.type is int:
            low = int(self.minimum or 0) + (1 if self.exclusive else 0)
            return f"a whole number of {low} or more"
        if self.type is float:
            positive = self.exclusive and self.minimum == 0
            what = "a positive number" if positive else f"a number of {self.minimum:g} or more"
            return f"{what} of {self.unit}" if self.unit else what
        return f"a {self.type.__name__}"

    def accepts(self, value: float) -> bool:
        if self.minimum is None:
            return True
        return value > self.minimum if self.exclusive else value >= self.minimum  # nan is refused either way


def options_of(settings: type[BaseModel], *names: str, shared: Sequence[str] = ()) -> tuple[Option, ...]:
    """The named fields of a settings model as :class:`Option`\\ s: help from ``description``, range from ``Field``."""
    options: list[Option] = []
    for name in names:
        info = settings.model_fields[name]
        minimum: float | None = None
        exclusive = False
        for meta in info.metadata:  # pydantic's annotated_types.Gt / Ge
            if getattr(meta, "gt", None) is not None:
                minimum, exclusive = float(meta.gt), True
            elif getattr(meta, "ge", None) is not None:
                minimum = float(meta.ge)
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, Mapping) else {}
        options.append(
            Option(
                name=name,
                type=_scalar(info.annotation),
                default=info.default,
                help=info.description or "",
                minimum=minimum,
                exclusive=exclusive,
                unit=str(extra.get("unit", "")),
                shared=name in shared,
            )
        )
    return tuple(options)


def _scalar(annotation: Any) -> type[Any]:
    """``int`` for ``int | None`` (and for ``Annotated``/strict forms): the type a flag parses to."""
    if get_origin(annotation) in (Union, types.UnionType):
        annotation = next(a for a in get_args(annotation) if a is not type(None))
    return annotation if isinstance(annotation, type) else str


def settings_from(settings: type[Settings], label: str, values: Mapping[str, Any]) -> Settings:
    """Validate a backend's options, turning pydantic's report into one line that names the option and its range."""
    try:
        return settings(**values)
    except ValidationError as exc:
        error = exc.errors()[0]
        name = str(error["loc"][0]) if error["loc"] else ""
        if error["type"] == "extra_forbidden":
            unknown = sorted(set(values) - set(settings.model_fields))
            raise ConfigError(
                f"the {label} backend does not take {', '.join(unknown)}",
                fix=f"its options are {', '.join(settings.model_fields)}",
            ) from None
        option = options_of(settings, name)[0]
        raise ConfigError(
            f"{label} option {name}={error['input']!r} is out of range", fix=f"use a value {option.rule()}"
        ) from None
