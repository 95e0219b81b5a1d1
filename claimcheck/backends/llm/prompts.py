"""Load, render and version the LLM prompt templates kept under ``prompts/``.

Prompts live in files, not in code, so that a change to them is a reviewable
diff and moves :attr:`Prompts.version`, which every LLM extraction records and
the cache keys on. Templates use :class:`string.Template` (``$name``); the
article itself is never substituted here: the user message carries
:data:`DOCUMENT_SLOT`, which instructor fills from the validation context as a
plain value, so nothing in an article is ever parsed as a template.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from string import Template

from claimcheck.errors import ConfigError
from claimcheck.schema import HEDGE_KINDS, QUOTE_TYPES, SOURCE_TYPES

__all__ = ["DOCUMENT_SLOT", "TEMPLATE_FILES", "Prompts", "load_prompts", "prompts_dir", "short_hash"]

#: Files that make up one prompt set; all are part of the version.
TEMPLATE_FILES: tuple[str, ...] = (
    "system.md",
    "user.md",
    "example_article.txt",
    "example_output.json",
    "tool_description.txt",
)

#: What ``$document`` in ``user.md`` becomes: a Jinja reference that instructor
#: renders from ``context={"document": text}`` (see instructor's templating docs).
DOCUMENT_SLOT = "{{ document }}"

# Jinja (run by instructor over every message once a context is given) must
# find no syntax of its own in our templates, or it would rewrite them.
_JINJA_MARKERS = ("{{", "{%", "{#")


def prompts_dir() -> Traversable:
    """The installed ``claimcheck/prompts`` (wheel) or the checkout's top-level ``prompts/``."""
    packaged = resources.files("claimcheck") / "prompts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "prompts"  # claimcheck/backends/llm/ -> the checkout


@dataclass(frozen=True)
class Prompts:
    """One rendered prompt set: chat turns (definitions, a worked example, the article) and the tool's description."""

    system: str
    example_article: str
    example_user: str
    example_assistant: str
    user: str
    tool_description: str
    version: str

    def messages(self) -> list[dict[str, str]]:
        """The conversation sent for every article; the last turn holds :data:`DOCUMENT_SLOT`."""
        return [
            {"role": "system", "content": self.system},
            {"role": "user", "content": self.example_user},
            {"role": "assistant", "content": self.example_assistant},
            {"role": "user", "content": self.user},
        ]


def short_hash(*parts: str) -> str:
    """A 12-hex-digit sha256 of ``parts``: short enough to show, long enough never to collide in practice."""
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:12]


def _read(base: Traversable, name: str) -> str:
    f = base / name
    if not f.is_file():
        raise ConfigError(f"prompt template {name} is missing from {base}", fix="reinstall claimcheck")
    return f.read_text(encoding="utf-8")


def _render(name: str, template: str, values: dict[str, str]) -> str:
    try:
        out = Template(template).substitute(values)
    except (KeyError, ValueError) as exc:
        raise ConfigError(f"prompt template {name} is malformed ({exc})", fix="fix the $placeholders in it") from None
    return out.strip()


def _check_no_jinja(name: str, rendered: str) -> None:
    for marker in _JINJA_MARKERS:
        if marker in rendered:
            raise ConfigError(
                f"prompt template {name} contains {marker!r}, which instructor's Jinja templating would interpret",
                fix="reword the template so it holds no Jinja syntax",
            )


def _reply_layout(value: object) -> str:
    """The worked example's reply laid out on one line, as a constrained decoder must write it.

    Servers that grammar-constrain a tool call or JSON schema (llama.cpp's
    schema-to-grammar converter, among others) allow at most one space between
    JSON tokens, never a newline. A pretty-printed example teaches a layout the
    model cannot follow: measured with SmolLM2-135M on llama-cpp-python, the
    reply's first disallowed wish (a newline after ``[``) left ``]`` as the
    likeliest allowed token, and every TOOLS reply was ``{"claims": []}``.
    ``example_output.json`` stays pretty-printed for people; what is sent (and
    versioned) is this one-line form, which any model can copy exactly.
    """
    return json.dumps(value, ensure_ascii=False)


def load_prompts(directory: str | Path | Traversable | None = None) -> Prompts:
    """Read and render the templates; ``directory`` overrides where they are read from."""
    if directory is None:
        base = prompts_dir()
    elif isinstance(directory, (str, Path)):
        base = Path(directory)
    else:
        base = directory
    raw = {name: _read(base, name) for name in TEMPLATE_FILES}
    example_article = raw["example_article.txt"].strip()
    try:
        example_output = _reply_layout(json.loads(raw["example_output.json"]))
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"prompt file example_output.json is not JSON ({exc})", fix="fix the worked example"
        ) from None
    value_sets = {
        "source_types": ", ".join(SOURCE_TYPES),
        "quote_types": ", ".join(QUOTE_TYPES),
        "hedge_kinds": ", ".join(HEDGE_KINDS),
    }
    system = _render("system.md", raw["system.md"], value_sets)
    example_user = _render("user.md", raw["user.md"], {"document": example_article})
    user = _render("user.md", raw["user.md"], {"document": DOCUMENT_SLOT})
    for name, rendered in (("system.md", system), ("the worked example", example_user + example_output)):
        _check_no_jinja(name, rendered)
    _check_no_jinja("user.md", user.replace(DOCUMENT_SLOT, ""))
    tool_description = " ".join(raw["tool_description.txt"].split())
    return Prompts(
        system=system,
        example_article=example_article,
        example_user=example_user,
        example_assistant=example_output,
        user=user,
        tool_description=tool_description,
        version=short_hash(system, example_user, example_output, user, tool_description),
    )
