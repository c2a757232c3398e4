"""The documentation stays current: the API reference is regenerated, and every public name is in it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_api_reference_is_current() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_api_docs.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_top_level_name_is_documented() -> None:
    import mediadiff

    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    import inspect

    missing = [
        n for n in mediadiff.__all__
        if n != "__version__"
        and (f"`mediadiff.{n}`" if inspect.ismodule(getattr(mediadiff, n)) else f"`{n}") not in api
    ]
    assert missing == []


def test_docs_links_resolve() -> None:
    import re

    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#:]+\.(?:md|png))\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"
