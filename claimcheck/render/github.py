"""GitHub Actions workflow commands (``::error file=…,line=…,col=…::message``) that become annotations.

Escaping follows the runner's parser (actions/runner ``ActionCommand``):
in the message ``%``, CR and LF are percent-encoded; in property values also
``:`` and ``,``, which would otherwise end the value.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.checks.finding import Finding
from claimcheck.errors import ClaimcheckError
from claimcheck.render import CheckReport

__all__ = ["LEVELS", "annotation", "check_annotations", "render"]

#: claimcheck severities -> workflow command names.
LEVELS: dict[str, str] = {"error": "error", "warning": "warning", "info": "notice", "notice": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(
    level: str,
    message: str,
    *,
    file: str | None = None,
    line: int | None = None,
    col: int | None = None,
    end_line: int | None = None,
    end_col: int | None = None,
    title: str | None = None,
) -> str:
    """One workflow command line; ``level`` is a claimcheck severity or ``error``/``warning``/``notice``."""
    props = {"file": file, "line": line, "col": col, "endLine": end_line, "endColumn": end_col, "title": title}
    given = ",".join(f"{k}={_prop(str(v))}" for k, v in props.items() if v is not None and v != "")
    return f"::{LEVELS[level]}{' ' + given if given else ''}::{_data(message)}"


def check_annotations(findings: Sequence[Finding], bad: Sequence[tuple[str, ClaimcheckError]]) -> list[str]:
    """One workflow command per finding at its line and column, and an error per file that failed."""
    out = [
        annotation(
            f.severity,
            f"{f.message} — fix: {f.fix}",
            file=None if f.doc_id == "-" else f.doc_id,
            line=f.line,
            col=f.column,
            title=f"claimcheck {f.rule}",
        )
        for f in findings
    ]
    out += [annotation("error", str(exc), file=None if path == "-" else path, title="claimcheck") for path, exc in bad]
    return out


def render(report: CheckReport) -> str:
    """``--format github``: the findings as annotations on the files' lines."""
    return "\n".join(check_annotations(report.findings(), report.failed)) + "\n"
