"""Test-wide configuration: how recorded LLM requests are matched on playback."""

from __future__ import annotations

import json
import re
from typing import Any

#: pydantic puts its own version in every validation message ("errors.pydantic.dev/2.13/v/…"), and
#: instructor sends that message back to the model on a re-ask. The request is the same request
#: whatever pydantic is installed, so playback compares it with the version blanked out.
_PYDANTIC_DOCS = re.compile(r"errors\.pydantic\.dev/[0-9.]+/")


def _normalised_body(request: Any) -> Any:
    body = request.body
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    body = _PYDANTIC_DOCS.sub("errors.pydantic.dev/VERSION/", body or "")
    try:
        return json.loads(body)
    except ValueError:
        return body


def llm_body(r1: Any, r2: Any) -> None:
    """vcrpy matcher: the JSON bodies are equal once pydantic's version is blanked out."""
    assert _normalised_body(r1) == _normalised_body(r2), "request bodies differ"


def pytest_recording_configure(config: Any, vcr: Any) -> None:
    vcr.register_matcher("llm_body", llm_body)
