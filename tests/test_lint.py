"""The code passes ruff (lint rules and formatting in pyproject.toml) and mypy --strict (its settings there too);
each skipped where the tool is not installed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_clean() -> None:
    # the interpreter's own scripts folder first: a venv's ruff even where the venv is not on PATH
    beside = Path(sys.executable).parent / "ruff"
    ruff = str(beside) if beside.is_file() else shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (pip install 'mediadiff[test]' brings it)")
    result = subprocess.run(
        [ruff, "check", "mediadiff", "tests", "bench", "examples", "scripts"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_clean() -> None:
    pytest.importorskip("mypy", reason="mypy is not installed (pip install 'mediadiff[test]' brings it)")
    result = subprocess.run([sys.executable, "-m", "mypy", "mediadiff"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
