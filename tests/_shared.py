"""Where ../shared lives (beside the checkout), and skipping cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"


def seed_paths() -> list[Path]:
    """The five seed articles, or a clean skip when ../shared/seeds is not beside the checkout."""
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds not present at {SEEDS}")
    return sorted(SEEDS.glob("*.txt"))
