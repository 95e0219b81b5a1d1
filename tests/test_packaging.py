"""The wheel ships the prompt templates (an installed claimcheck never needs the source tree) and ``py.typed``."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import claimcheck

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_prompts_py_typed_and_no_benchmark_text(tmp_path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0 and "hatchling" in proc.stderr and "No matching distribution" in proc.stderr:
        pytest.skip("the build backend cannot be fetched here")
    assert proc.returncode == 0, proc.stderr
    (wheel,) = tmp_path.glob(f"claimcheck-{claimcheck.__version__}-*.whl")  # one version, read from __init__
    names = zipfile.ZipFile(wheel).namelist()
    templates = {Path(p).name for p in (ROOT / "prompts").iterdir() if p.is_file()}
    assert templates, "prompts/ is empty"
    for name in templates:
        assert f"claimcheck/prompts/{name}" in names
    assert not [n for n in names if "polnear" in n.lower()]
    # PEP 561: without the marker, users' type checkers ignore our hints.
    assert "claimcheck/py.typed" in names
