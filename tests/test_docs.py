"""The documentation stays current: the API reference is regenerated, and every public name is in it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_api_reference_is_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_api_docs.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_top_level_name_is_documented() -> None:
    import mediadiff

    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    import inspect

    missing = [
        n
        for n in mediadiff.__all__
        if n != "__version__"
        and (f"`mediadiff.{n}`" if inspect.ismodule(getattr(mediadiff, n)) else f"`{n}") not in api
    ]
    assert missing == []


def test_docs_links_resolve() -> None:
    import re

    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#:]+\.(?:md|png))\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"


def test_readme_and_quickstart_rank_the_omissions_they_show(tmp_path, monkeypatch, capsys) -> None:
    """Omissions come by outlet, then passage: a snippet showing "the first few" must rank them itself."""
    import re

    import mediadiff

    expected = sorted(
        (o.weight for o in mediadiff.compare(mediadiff.load_example("clinic_closure")).omissions), reverse=True
    )
    monkeypatch.chdir(tmp_path)  # the snippets write a report folder
    for page, shown in ((ROOT / "README.md", 3), (ROOT / "docs" / "quickstart.md", 5)):
        [code] = [
            b
            for b in re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.S)
            if "comparison.omissions" in b
        ]
        code = re.sub(r'mediadiff\.load\("[^"]*"\)', 'mediadiff.load_example("clinic_closure")', code)
        exec(compile(code, str(page), "exec"), {})
        # "the_patriot_post omits P14 response 0.767857" or "... omits response 0.77 — <text>"
        lines = re.findall(r"^\w+ omits (?:\S+ )?\w+ ([\d.]+)(?: —|$)", capsys.readouterr().out, re.M)
        assert [float(w) for w in lines] == pytest.approx(expected[:shown], abs=0.0051), page.name
