"""Project settings from ``[tool.claimcheck]`` in pyproject.toml, so a team's CI and its developers run alike.

The nearest pyproject.toml at or above the working directory is read (as
ruff and black find theirs). Every key is checked: an unknown key or a value
of the wrong kind is a :class:`~claimcheck.errors.ConfigError` naming it, so a
typo cannot silently turn a gate off. The command line overrides each setting. Paths are relative to the
pyproject.toml's folder.

.. code-block:: toml

    [tool.claimcheck]
    backend = "rules"                 # or "llm"
    model = "gpt-4o-mini"             # llm backend only

    [tool.claimcheck.eval]
    gold = "evals/gold.jsonl"
    baseline = "evals/baseline-rules.json"
    tolerance = 0.01
    gate = ["attribution_f1", "source_accuracy"]   # gated figures (default: the headline ones)
    fail-under = { attribution_f1 = 0.8 }

    [tool.claimcheck.check]
    select = ["unattributed-claim", "unbalanced-quotes"]
    ignore = []
    fail-on = "warning"
    severity = { unattributed-claim = "error" }
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimcheck.backends import BACKENDS
from claimcheck.errors import ConfigError

if TYPE_CHECKING:
    from claimcheck.checks.finding import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["Config", "find_pyproject", "load_config", "parse_config"]


@dataclass
class Config:
    """The settings, ``None`` (or empty) where the file leaves them to the command line's defaults."""

    path: str | None = None
    backend: str | None = None
    model: str | None = None
    gold: str | None = None
    baseline: str | None = None
    tolerance: float | None = None
    gate: tuple[str, ...] | None = None
    fail_under: dict[str, float] = field(default_factory=dict)
    select: list[str] | None = None
    ignore: list[str] | None = None
    fail_on: str | None = None
    severity: dict[str, Severity] = field(default_factory=dict)


def find_pyproject(start: Path | None = None) -> Path | None:
    """The nearest pyproject.toml at or above ``start`` (default: the working directory)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(start: Path | None = None) -> Config:
    """``[tool.claimcheck]`` of the nearest pyproject.toml; an empty :class:`Config` when there is none."""
    path = find_pyproject(start)
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not readable TOML ({exc})", fix="fix the file's syntax") from None
    section = data.get("tool", {}).get("claimcheck")
    if section is None:
        return Config(path=str(path))
    return parse_config(section, str(path))


class _Reader:
    """Typed access to one table, naming ``tool.claimcheck.<key>`` in every error."""

    def __init__(self, table: Any, where: str, path: str, known: tuple[str, ...]) -> None:
        self.where, self.path = where, path
        if not isinstance(table, Mapping):
            self.fail(where, "must be a table")
        for key in table:
            if key not in known:
                raise ConfigError(f"{path}: unknown key {where}.{key}", fix=f"known here: {', '.join(known)}")
        self.table: Mapping[str, Any] = table

    def fail(self, key: str, what: str) -> None:
        raise ConfigError(f"{self.path}: {key} {what}", fix="see the CI section of claimcheck's README")

    def text(self, key: str, choices: tuple[str, ...] | None = None) -> str | None:
        value = self.table.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value or (choices and value not in choices):
            self.fail(f"{self.where}.{key}", f"must be {' or '.join(map(repr, choices)) if choices else 'a string'}")
        return str(value)

    def number(self, key: str) -> float | None:
        value = self.table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            self.fail(f"{self.where}.{key}", "must be a number in 0..1")
        return float(value)

    def names(self, key: str, allowed: Mapping[str, Any] | tuple[str, ...]) -> list[str] | None:
        value = self.table.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(f"{self.where}.{key}", "must be a list of strings")
        for v in value:
            if v not in allowed:
                self.fail(f"{self.where}.{key}", f"names unknown {v!r} (known: {', '.join(allowed)})")
        return list(value)

    def mapping(self, key: str, allowed: Mapping[str, Any] | tuple[str, ...]) -> Mapping[str, Any]:
        value = self.table.get(key, {})
        if not isinstance(value, Mapping):
            self.fail(f"{self.where}.{key}", "must be a table")
        for k in value:
            if k not in allowed:
                self.fail(f"{self.where}.{key}", f"names unknown {k!r} (known: {', '.join(allowed)})")
        return dict(value)


def _near(pyproject: str, value: str | None) -> str | None:
    """A path from the file, made relative to the working directory (as a baseline records its gold path)."""
    if value is None or os.path.isabs(value):
        return value
    return os.path.relpath(Path(pyproject).resolve().parent / value)


def parse_config(section: Any, path: str = "pyproject.toml") -> Config:
    """Validate a ``[tool.claimcheck]`` table (as parsed TOML) into a :class:`Config`."""
    from claimcheck.checks import CHECKS, SEVERITIES
    from claimcheck.evaluation.scoring import FIGURES

    top = _Reader(section, "tool.claimcheck", path, ("backend", "model", "eval", "check"))
    ev = _Reader(
        top.table.get("eval", {}),
        "tool.claimcheck.eval",
        path,
        ("gold", "baseline", "tolerance", "gate", "fail-under"),
    )
    ch = _Reader(top.table.get("check", {}), "tool.claimcheck.check", path, ("select", "ignore", "fail-on", "severity"))
    fail_under: dict[str, float] = {}
    for name, value in ev.mapping("fail-under", FIGURES).items():
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            ev.fail(f"tool.claimcheck.eval.fail-under.{name}", "must be a number in 0..1")
        fail_under[name] = float(value)
    severity: dict[str, Severity] = {}
    for check_id, value in ch.mapping("severity", CHECKS).items():
        known = [s for s in SEVERITIES if s == value]
        if not known:
            ch.fail(f"tool.claimcheck.check.severity.{check_id}", f"must be one of {', '.join(SEVERITIES)}")
        severity[check_id] = known[0]
    gate = ev.names("gate", FIGURES)
    return Config(
        path=path,
        backend=top.text("backend", BACKENDS),
        model=top.text("model"),
        gold=_near(path, ev.text("gold")),
        baseline=_near(path, ev.text("baseline")),
        tolerance=ev.number("tolerance"),
        gate=None if gate is None else tuple(gate),
        fail_under=fail_under,
        select=ch.names("select", CHECKS),
        ignore=ch.names("ignore", CHECKS),
        fail_on=ch.text("fail-on", (*SEVERITIES, "never")),
        severity=severity,
    )
