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


#: The test files that may import private names (issue 18: at most three). Everything else goes
#: through the public API, so that reorganising mediadiff's inside breaks only these.
INTERNALS_TESTS = {"test_align_internals.py", "test_analysis_internals.py", "test_plot_internals.py"}


def _private_uses(source: str) -> list[str]:
    """The private names of mediadiff a test's source uses: a private module or name imported
    from mediadiff, ``module._name`` on a module imported from it, or ``setattr(x, "_name")``."""
    import ast

    def private(dotted: str) -> bool:
        return any(part.startswith("_") and not part.startswith("__") for part in dotted.split("."))

    found, modules = [], set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "mediadiff":
            found += [f"{node.module}.{a.name}" for a in node.names if private(f"{node.module}.{a.name}")]
            modules |= {a.asname or a.name for a in node.names}
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] == "mediadiff":
                    found += [a.name] if private(a.name) else []
                    modules.add(a.asname or a.name.split(".")[0])
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules:
            found += [f"{node.value.id}.{node.attr}"] if private(node.attr) else []
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "setattr":
            name = node.args[1] if len(node.args) > 1 else None
            if isinstance(name, ast.Constant) and isinstance(name.value, str) and private(name.value):
                found.append(f"setattr(..., {name.value!r})")
    return found


def test_at_most_three_test_files_use_private_names() -> None:
    # the checker sees each way of reaching a private name
    assert _private_uses("from mediadiff.report._summary import key_findings") != []
    assert _private_uses("from mediadiff.boilerplate import _LIST_LABEL") != []
    assert _private_uses("import mediadiff._similarity as s") != []
    assert _private_uses("from mediadiff import plot\nplot._plan(r)") != []
    assert _private_uses("monkeypatch.setattr(module, '_hidden', 1)") != []
    assert _private_uses("import mediadiff\nfrom mediadiff import plot\nplot.render_pdf(r)\nmediadiff.__all__") == []
    users = {
        path.name: uses
        for path in sorted((ROOT / "tests").glob("*.py"))
        if (uses := _private_uses(path.read_text(encoding="utf-8")))
    }
    assert len(INTERNALS_TESTS) <= 3
    assert set(users) <= INTERNALS_TESTS, {k: v for k, v in users.items() if k not in INTERNALS_TESTS}
