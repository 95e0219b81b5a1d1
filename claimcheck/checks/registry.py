"""The registry of checks, on ruff's model: every check is one unit that declares itself here.

A family module (:mod:`~claimcheck.checks.sourcing`, :mod:`~claimcheck.checks.sources`,
:mod:`~claimcheck.checks.quotes`, :mod:`~claimcheck.checks.wording`,
:mod:`~claimcheck.checks.figures`) decorates each check function with
:func:`register`, giving its id, default severity, summary, documentation and
two examples; ``claimcheck rules``, the README's table and the examples test
all read :data:`CHECKS`, so a new check is one function plus its test.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from claimcheck.checks.document import Document, Hit
from claimcheck.checks.finding import Severity
from claimcheck.errors import ConfigError

__all__ = ["CHECKS", "Check", "CheckFunction", "register", "select_checks"]

#: A check reads one document and yields what it finds there.
CheckFunction = Callable[[Document], Iterable[Hit]]


@dataclass(frozen=True)
class Check:
    """One editorial check: what ``claimcheck rules`` prints of it, and the function that finds it.

    ``flagged`` is a text of ours the check flags and ``clean`` one it leaves
    alone (the same problem put right); a test runs both through the checks.
    """

    id: str
    severity: Severity  # the usual severity; a finding may be milder or graver as its message says
    summary: str
    doc: str
    flagged: str
    clean: str
    func: CheckFunction
    dedupe: bool = False  # text scans and claim fields can find the same span twice

    @property
    def family(self) -> str:
        """The module the check lives in ("sources", "quotes", …)."""
        return self.func.__module__.rsplit(".", 1)[-1]

    @property
    def rationale(self) -> str:
        """Why the check exists: its function's docstring."""
        return inspect.cleandoc(self.func.__doc__ or "")


#: Every check by id, family by family in the order :mod:`claimcheck.checks` imports them.
CHECKS: dict[str, Check] = {}


def register(
    id: str,
    severity: Severity,
    *,
    summary: str,
    doc: str,
    flagged: str,
    clean: str,
    dedupe: bool = False,
) -> Callable[[CheckFunction], CheckFunction]:
    """Declare the decorated function a check; an id used twice is a programming error."""

    def add(func: CheckFunction) -> CheckFunction:
        if id in CHECKS:
            raise ValueError(f"check {id!r} is registered twice")
        CHECKS[id] = Check(id, severity, summary, doc, flagged, clean, func, dedupe)
        return func

    return add


def select_checks(select: Iterable[str] | None = None, ignore: Iterable[str] = ()) -> list[str]:
    """The check ids to run: ``select`` (default all of :data:`CHECKS`) less ``ignore``; unknown ids are refused."""
    chosen = list(CHECKS) if select is None else list(select)
    ignored = set(ignore)
    for name in [*chosen, *ignored]:
        if name not in CHECKS:
            raise ConfigError(f"unknown rule {name!r}", fix=f"use some of: {', '.join(CHECKS)}")
    return [c for c in chosen if c not in ignored]
