"""Prompt templates: loading, rendering, versioning, and the worked example's own validity."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from claimcheck.backends.llm import LLMBackend
from claimcheck.backends.llm.prompts import DOCUMENT_SLOT, TEMPLATE_FILES, load_prompts, prompts_dir
from claimcheck.backends.llm.response import ArticleClaims, response_model, salvage
from claimcheck.errors import ConfigError
from claimcheck.schema import HEDGE_KINDS, QUOTE_TYPES, SOURCE_TYPES

REPO_PROMPTS = Path(__file__).resolve().parent.parent / "prompts"


@pytest.fixture
def prompt_copy(tmp_path: Path) -> Path:
    for name in TEMPLATE_FILES:
        shutil.copy(REPO_PROMPTS / name, tmp_path / name)
    return tmp_path


def test_loads_from_the_checkout_as_chat_turns() -> None:
    assert Path(str(prompts_dir())) == REPO_PROMPTS
    p = load_prompts()
    assert [m["role"] for m in p.messages()] == ["system", "user", "assistant", "user"]
    assert p.user.count(DOCUMENT_SLOT) == 1 and DOCUMENT_SLOT not in p.example_user
    for values in (SOURCE_TYPES, QUOTE_TYPES, HEDGE_KINDS):
        assert ", ".join(values) in p.system
    assert "$" not in p.system  # every placeholder was filled
    assert len(p.version) == 12 and int(p.version, 16) >= 0


def test_version_is_stable_and_moves_with_any_template(prompt_copy: Path) -> None:
    base = load_prompts(prompt_copy).version
    assert load_prompts(prompt_copy).version == base == load_prompts(REPO_PROMPTS).version
    seen = {base}
    for name in TEMPLATE_FILES:
        path = prompt_copy / name
        original = path.read_text(encoding="utf-8")
        edited = original.replace("claim", "claim ", 1) if name.endswith(".json") else original + "\nOne more line."
        path.write_text(edited, encoding="utf-8")
        seen.add(load_prompts(prompt_copy).version)
        path.write_text(original, encoding="utf-8")
    assert len(seen) == len(TEMPLATE_FILES) + 1
    assert load_prompts(prompt_copy).version == base


def test_backend_version_covers_mode_and_schema() -> None:
    url = "http://127.0.0.1:9/v1"
    tools = LLMBackend(base_url=url, model="m", mode="tools")
    assert tools.prompt_version == LLMBackend(base_url=url, model="m", mode="tools").prompt_version
    assert tools.prompt_version != LLMBackend(base_url=url, model="m", mode="json").prompt_version
    assert tools.prompt_version != tools.prompts.version


@pytest.mark.parametrize(
    ("name", "content", "match"),
    [
        ("system.md", "Use {{ this }} please.", "Jinja"),
        ("system.md", "Costs $unknown.", "malformed"),
        ("example_output.json", "{not json", "not JSON"),
    ],
)
def test_bad_templates_are_config_errors(prompt_copy: Path, name: str, content: str, match: str) -> None:
    (prompt_copy / name).write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=match):
        load_prompts(prompt_copy)


def test_missing_template_is_a_config_error(prompt_copy: Path) -> None:
    (prompt_copy / "user.md").unlink()
    with pytest.raises(ConfigError, match=r"user\.md is missing"):
        load_prompts(prompt_copy)


def test_worked_example_is_valid_and_fully_grounded() -> None:
    """The example shown to the model passes the very validation its replies must pass."""
    p = load_prompts()
    model = response_model(p.tool_description)
    reply = model.model_validate_json(p.example_assistant, context={"document": p.example_article})
    expected = json.loads(p.example_assistant)["claims"]
    assert len(reply.grounded) == len(expected) >= 5
    for claim, want in zip(reply.grounded, expected, strict=True):
        assert p.example_article[claim.start : claim.end] == claim.claim == want["claim"]
        assert claim.quote == want["quote"]  # the example's quote labels agree with the text


def test_worked_example_reply_is_one_line_json() -> None:
    """Grammar-constrained decoders allow no newline between JSON tokens, so the example shows none."""
    p = load_prompts()
    assert "\n" not in p.example_assistant
    assert json.loads(p.example_assistant) == json.loads((prompts_dir() / "example_output.json").read_text())


def test_schema_shows_the_model_prompt_text_not_docstrings() -> None:
    p = load_prompts()
    schema = response_model(p.tool_description).model_json_schema()
    assert schema["description"] == p.tool_description
    assert all("description" not in d for d in schema["$defs"].values())
    assert ArticleClaims.__doc__ and ArticleClaims.__doc__ not in json.dumps(schema)


def test_ungrounded_reply_fails_validation_with_every_problem() -> None:
    text = "Prices rose 5 percent, the agency said."
    reply = json.dumps(
        {
            "claims": [
                {"claim": "Prices rose 5 percent", "source": "the agency", "cue": "said"},
                {"claim": "Prices fell", "source": "the agency"},
                {"claim": "Prices rose 5 percent", "source": "the ministry"},
            ]
        }
    )
    with pytest.raises(ValueError) as info:
        ArticleClaims.model_validate_json(reply, context={"document": text})
    message = str(info.value)
    assert "2 of 3 claims" in message and "claim 2: the claim 'Prices fell'" in message
    assert "claim 3: the source 'the ministry'" in message


def test_salvage_reads_fenced_json_and_normalises_values() -> None:
    content = '```json\n{"claims": [{"claim": "Prices rose", "source": "", "quote": "Direct", "hedges": null}]}\n```'
    message = SimpleNamespace(tool_calls=None, content=content)
    completion = SimpleNamespace(choices=[SimpleNamespace(message=message, finish_reason="stop")])
    claims, dropped = salvage(completion, "Prices rose, and fell.")
    assert [(c.claim, c.source, c.quote, c.start) for c in claims] == [("Prices rose", None, "indirect", 0)]
    assert dropped == []


@pytest.mark.parametrize(
    ("base_url", "mode"),
    [
        ("http://127.0.0.1:11434/v1", "json_schema"),  # self-hosted Ollama
        ("http://127.0.0.1:8766/v1", "tools"),  # llama-cpp-python's server: json_schema gets HTTP 500 there
        ("https://api.openai.com/v1", "tools"),
    ],
)
def test_mode_defaults_per_endpoint_and_stays_selectable(monkeypatch, base_url: str, mode: str) -> None:
    from claimcheck.backends.llm import LLMBackend

    monkeypatch.delenv("CLAIMCHECK_MODE", raising=False)
    assert LLMBackend(base_url=base_url, model="m", api_key="k").mode == mode
    assert LLMBackend(base_url=base_url, model="m", api_key="k", mode="json").mode == "json"
    monkeypatch.setenv("CLAIMCHECK_MODE", "md_json")
    assert LLMBackend(base_url=base_url, model="m", api_key="k").mode == "md_json"
