"""The GitHub Action (action.yml) and the pre-commit hook, exercised the way their runners would, off GitHub.

- action.yml is validated against SchemaStore's github-action schema (as
  check-jsonschema vendors it), then its steps run in order in a temporary
  checkout: ``run:`` steps through ``bash -eo pipefail`` (GitHub's composite
  shell) with ``${{ inputs.* }}``/``${{ steps.*.outputs.* }}`` expanded and a
  GITHUB_OUTPUT file; the install step really pip-installs the checkout (into a
  target folder, no network); ``uses:`` steps (setup-python, upload-artifact)
  cannot run here, so their inputs are checked instead (the uploaded folder
  holds the reports).
- .pre-commit-hooks.yaml is loaded by pre-commit's own manifest loader, files
  are picked by pre-commit's own classifier, and the entry runs as pre-commit
  runs it: entry + args + file names.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parents[1]
ACTION = ROOT / "action.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
_EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def evaluate(expr: str, inputs: dict[str, str], outputs: dict[str, dict[str, str]]) -> str | bool:
    """The few expression forms action.yml uses: inputs.X, steps.ID.outputs.K, always(), ==, !=, &&."""

    def value(token: str) -> str:
        if token.startswith("inputs."):
            return inputs[token.removeprefix("inputs.")]
        m = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", token)
        if m:
            return outputs.get(m[1], {}).get(m[2], "")
        if token.startswith("'") and token.endswith("'"):
            return token[1:-1]
        raise AssertionError(f"expression not understood by this test: {token!r}")

    results: list[bool] = []
    for part in (p.strip() for p in expr.split("&&")):
        if part == "always()":
            results.append(True)
            continue
        m = re.fullmatch(r"(\S+)\s*(==|!=)\s*(\S+)", part)
        if m:
            results.append((value(m[1]) == value(m[3])) == (m[2] == "=="))
            continue
        if "&&" not in expr:
            return value(part)
        raise AssertionError(f"expression not understood by this test: {part!r}")
    return all(results)


def expand(text: str, inputs: dict[str, str], outputs: dict[str, dict[str, str]]) -> str:
    return _EXPR.sub(lambda m: str(evaluate(m[1], inputs, outputs)), text)


def action() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    return loaded


def test_action_matches_the_github_action_schema() -> None:
    pytest.importorskip("check_jsonschema")
    from importlib.resources import files

    from jsonschema import validators

    schema = json.loads((files("check_jsonschema.builtin_schemas.vendor") / "github-actions.json").read_text("utf-8"))
    validator = validators.validator_for(schema)(schema)
    assert [e.message for e in validator.iter_errors(action())] == []
    assert action()["runs"]["using"] == "composite"


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary checkout with what the Action needs: the package sources, gold and baseline."""
    if not (ROOT / "evals" / "gold.jsonl").is_file() or shutil.which("bash") is None:
        pytest.skip("needs evals/ and bash")
    pytest.importorskip("hatchling")  # the install step builds the checkout offline
    repo = tmp_path_factory.mktemp("checkout")
    for name in ("claimcheck", "prompts"):
        shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", "action.yml"):
        shutil.copy(ROOT / name, repo / name)
    (repo / "evals").mkdir()
    for name in ("gold.jsonl", "baseline-rules.json"):
        shutil.copy(ROOT / "evals" / name, repo / "evals" / name)
    return repo


def run_action(
    repo: Path, inputs: dict[str, str], tmp: Path
) -> tuple[dict[str, dict[str, str]], list[tuple[str, int]]]:
    """Every step of action.yml in order, as the runner would: outputs by step id, and each step's exit code."""
    spec = action()
    values = {k: str(v.get("default", "")) for k, v in spec["inputs"].items()} | inputs
    outputs: dict[str, dict[str, str]] = {}
    codes: list[tuple[str, int]] = []
    site = tmp / "site"
    for n, step in enumerate(spec["runs"]["steps"]):
        name = step.get("name") or step.get("uses")
        if "if" in step and not evaluate(_EXPR.sub(r"\1", step["if"]), values, outputs):
            continue
        if "uses" in step:
            with_ = {k: expand(str(v), values, outputs) for k, v in step.get("with", {}).items()}
            if step["uses"].startswith("actions/upload-artifact@"):
                uploaded = repo / with_["path"]
                codes.append((name, 0 if uploaded.is_dir() else 1))
                outputs["upload"] = {"files": ",".join(sorted(p.name for p in uploaded.iterdir()))}
            else:
                assert step["uses"].startswith("actions/setup-python@")
                assert with_["python-version"] == values["python-version"]
            continue
        assert step["shell"] == "bash"
        out_file = tmp / f"output-{n}"
        out_file.write_text("", encoding="utf-8")
        env = {k: expand(str(v), values, outputs) for k, v in step.get("env", {}).items()}
        env |= {
            "GITHUB_OUTPUT": str(out_file),
            "PATH": f"{site / 'bin'}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
            "PYTHONPATH": str(site),
            "CLAIMCHECK_CACHE_DIR": str(tmp / "cache"),
            "HOME": os.environ.get("HOME", str(tmp)),
        }
        script = expand(step["run"], values, outputs)
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        codes.append((name, done.returncode))
        outputs[step.get("id", f"step{n}")] = dict(
            line.split("=", 1) for line in out_file.read_text(encoding="utf-8").splitlines() if "=" in line
        ) | {"stdout": done.stdout, "stderr": done.stderr}
        if done.returncode != 0:  # the runner stops at a failed step (the rest have no always())
            break
    return outputs, codes


def test_the_action_passes_on_the_committed_baseline(checkout: Path, tmp_path: Path) -> None:
    inputs = {"pip-args": f"--quiet --no-deps --no-build-isolation --no-index --target {tmp_path / 'site'}"}
    outputs, codes = run_action(checkout, inputs, tmp_path)
    assert [c for _, c in codes] == [0] * len(codes), outputs
    assert outputs["eval"]["code"] == "0" and outputs["compare"]["code"] == "0"
    assert set(outputs["upload"]["files"].split(",")) >= {"results.json", "eval.html", "junit.xml", "compare.html"}
    assert (tmp_path / "site" / "claimcheck" / "cli.py").is_file()  # the install step really installed it
    compare = json.loads((checkout / "claimcheck-report" / "compare.json").read_text(encoding="utf-8"))
    assert {f["verdict"] for f in compare["figures"]} == {"no detectable change"}


def test_the_action_fails_against_a_better_baseline(checkout: Path, tmp_path: Path) -> None:
    """A baseline every document beats the run on (all errors removed): the gate and the paired compare fail."""
    base = json.loads((checkout / "evals" / "baseline-rules.json").read_text(encoding="utf-8"))
    for counts in base["document_counts"].values():
        for c in counts.values():
            if "tp" in c:
                c["tp"], c["fp"], c["fn"] = c["tp"] + c["fn"], 0, 0
            else:
                c["correct"] = c["total"]
    base["figures"] = {k: 1.0 for k in base["figures"]}
    (checkout / "evals" / "perfect.json").write_text(json.dumps(base), encoding="utf-8")
    inputs = {
        "pip-args": f"--quiet --no-deps --no-build-isolation --no-index --target {tmp_path / 'site'}",
        "baseline": "evals/perfect.json",
        "report-dir": "perfect-report",
    }
    outputs, codes = run_action(checkout, inputs, tmp_path)
    assert codes[-1] == ("Gate", 1)
    assert outputs["eval"]["code"] == "1" and outputs["compare"]["code"] == "1"
    assert "::error file=evals/gold.jsonl,line=" in outputs["eval"]["stdout"]  # annotations at the gold lines
    assert "regression: attribution_f1" in outputs["compare"]["stderr"]
    assert "compare.html" in outputs["upload"]["files"]  # uploaded even though the gate failed


# --- pre-commit -----------------------------------------------------------------------------


def test_pre_commit_hook_runs_the_way_pre_commit_runs_it(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    from pre_commit.clientlib import load_manifest
    from pre_commit.commands.run import Classifier
    from pre_commit.hook import Hook
    from pre_commit.prefix import Prefix

    (hook_dict,) = load_manifest(str(HOOKS))  # pre-commit's own validation of the manifest
    hook = Hook.create(str(HOOKS), Prefix(str(ROOT)), hook_dict)
    assert hook.id == "claimcheck" and hook.language == "python"

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "clean.md").write_text("The council met on Tuesday, a council spokesperson said.\n", encoding="utf-8")
    (articles / "broken.txt").write_text("The mayor said “the bridge will close.\n", encoding="utf-8")
    (articles / "script.py").write_text("print('not an article')\n", encoding="utf-8")
    (articles / "photo.md.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    os.chdir(tmp_path)
    try:
        names = sorted(f"articles/{p.name}" for p in articles.iterdir())
        chosen = sorted(Classifier.from_config(names, "", "^$").filenames_for_hook(hook))
        assert chosen == ["articles/broken.txt", "articles/clean.md"]
        env = {**os.environ, "PYTHONPATH": str(ROOT), "CLAIMCHECK_CACHE_DIR": str(tmp_path / "cache")}
        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"

        def run(files: list[str]) -> subprocess.CompletedProcess[str]:
            cmd = [*shlex.split(hook.entry), *hook.args, *files]
            return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)

        done = run(chosen)
        assert done.returncode == 1, done.stderr
        assert "articles/broken.txt:1:" in done.stdout and "unbalanced-quotes" in done.stdout
        assert run(["articles/clean.md"]).returncode == 0
    finally:
        os.chdir(ROOT)
