"""``--format json`` (and ``jsonl``): the records as tools read them, for ``extract``, ``check`` and ``verify``.

A file that failed is an object with its ``error`` after those that succeeded,
so a batch's output never loses the documents that worked.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from claimcheck.checks.roles import ROLES, source_roles
from claimcheck.errors import ClaimcheckError
from claimcheck.render import CheckReport
from claimcheck.schema import Extraction
from claimcheck.verification.verify import Verification

__all__ = ["extractions_json", "extractions_jsonl", "render", "verify_json"]


def _dumps(out: Sequence[dict[str, Any]]) -> str:
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def _errors(bad: Sequence[tuple[str, ClaimcheckError]]) -> list[dict[str, Any]]:
    return [{"file": name, "error": str(exc)} for name, exc in bad]


def extractions_json(extractions: Sequence[Extraction]) -> str:
    return _dumps([e.model_dump(mode="json") for e in extractions])


def extractions_jsonl(extractions: Sequence[Extraction]) -> str:
    """One extraction a line (claims-spec.md's JSONL)."""
    return "".join(f"{ext.to_jsonl()}\n" for ext in extractions)


def _roles_json(ext: Extraction) -> dict[str, object]:
    """The story's sources with their roles, and how many of each role."""
    roles = source_roles(ext)
    return {
        "sources": [r.model_dump(mode="json") for r in roles],
        "roles": {k: sum(r.role == k for r in roles) for k in ROLES},
    }


def render(report: CheckReport) -> str:
    """``check --format json``: per file its findings and its sources by role."""
    out: list[dict[str, Any]] = [
        {"file": ext.id, "findings": [f.model_dump(mode="json") for f in fs], **_roles_json(ext)}
        for ext, fs in report.documents
    ]
    return _dumps(out + _errors(report.failed))


def verify_json(verifications: Sequence[Verification], bad: Sequence[tuple[str, ClaimcheckError]] = ()) -> str:
    """``verify --format json``: per story its sources, counts by status and every quotation with its severity."""
    docs: list[dict[str, Any]] = []
    for v in verifications:
        quotes = [{**q.model_dump(mode="json"), "severity": q.severity} for q in v.quotes]
        docs.append(
            {
                "file": v.doc_id,
                "sources": v.sources,
                "source_words": v.source_words,
                "counts": v.counts(),
                "quotes": quotes,
            }
        )
    return _dumps(docs + _errors(bad))
