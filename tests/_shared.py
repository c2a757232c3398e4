"""Where ../shared lives (beside the checkout), and skipping cleanly when it is absent."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"


def seed_paths() -> list[Path]:
    """The five seed articles, or a clean skip when ../shared/seeds is not beside the checkout."""
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds not present at {SEEDS}")
    return sorted(SEEDS.glob("*.txt"))


ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def bench_module(name: str) -> ModuleType:
    """A script of ``bench/`` imported as a module (its evaluations and baselines are what some
    tests check against), once per test run."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
