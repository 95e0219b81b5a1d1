"""SARIF 2.1.0, the static-analysis log GitHub code scanning and most code-review tools ingest.

One run of the ``claimcheck`` driver: its rules (every check, so ``ruleIndex``
is stable), one artifact per checked file, one result per finding with a
region in Unicode code points (``columnKind``), and one tool notification per
file that could not be checked.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from claimcheck.render import CheckReport

__all__ = ["SARIF_SCHEMA", "render", "sarif_log"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

#: claimcheck severities -> SARIF result levels.
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    """A file as SARIF wants it: relative paths as relative URI references, absolute ones as file: URIs."""
    if path == "-":
        return "stdin"
    p = Path(path)
    return p.as_uri() if p.is_absolute() else quote(p.as_posix())


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (code points) of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def sarif_log(
    checked: Sequence[tuple[str, str, Sequence[Any]]],
    *,
    rules: Mapping[str, str],
    version: str,
    failed: Iterable[tuple[str, str]] = (),
) -> dict[str, Any]:
    """The log for ``(file, text, findings)`` per checked file; ``rules`` maps rule id -> summary.

    Findings are read by their fields (``rule``, ``severity``, ``message``,
    ``fix``, ``start``, ``end``), as :class:`claimcheck.checks.Finding` has them.
    """
    index = {rule_id: i for i, rule_id in enumerate(rules)}
    results: list[dict[str, Any]] = []
    for artifact, (path, text, findings) in enumerate(checked):
        for f in findings:
            start_line, start_col = _position(text, f.start)
            end_line, end_col = _position(text, f.end)
            results.append(
                {
                    "ruleId": f.rule,
                    "ruleIndex": index[f.rule],
                    "level": _LEVEL[f.severity],
                    "message": {"text": f"{f.message} — fix: {f.fix}"},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": _uri(path), "index": artifact},
                                "region": {
                                    "startLine": start_line,
                                    "startColumn": start_col,
                                    "endLine": end_line,
                                    "endColumn": end_col,
                                    "charOffset": f.start,
                                    "charLength": f.end - f.start,
                                    "snippet": {"text": text[f.start : f.end]},
                                },
                            }
                        }
                    ],
                    "properties": {"severity": f.severity, "fix": f.fix},
                }
            )
    notifications = [
        {
            "level": "error",
            "message": {"text": message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(path)}}}],
        }
        for path, message in failed
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimcheck",
                        "version": version,
                        "rules": [{"id": r, "shortDescription": {"text": summary}} for r, summary in rules.items()],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "artifacts": [{"location": {"uri": _uri(path)}} for path, _, _ in checked],
                "invocations": [
                    {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
                ],
                "results": results,
            }
        ],
    }


def render(report: CheckReport) -> str:
    """``--format sarif``: one SARIF log of every file, for code scanning."""
    from claimcheck import __version__
    from claimcheck.checks import CHECKS

    log = sarif_log(
        [(e.id, e.text, fs) for e, fs in report.documents],
        rules=report.rules if report.rules is not None else {r.id: r.summary for r in CHECKS.values()},
        version=__version__,
        failed=[(name, str(exc)) for name, exc in report.failed],
    )
    return json.dumps(log, ensure_ascii=False, indent=1) + "\n"
