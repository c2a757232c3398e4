"""Every script in examples/ (and the README chart script) runs and writes what it promises."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from _shared import SEEDS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def run(script: Path, *args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "MPLBACKEND": "Agg",
        "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
        "PYTHONWARNINGS": "ignore::UserWarning",
    }
    done = subprocess.run(
        [sys.executable, str(script), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_every_example_is_tested():
    assert sorted(p.name for p in EXAMPLES.glob("*.py")) == [
        "compare_folder.py",
        "custom_lexicon.py",
        "quickstart.py",
        "single_chart.py",
    ]


def test_quickstart_writes_all_four_reports(tmp_path):
    out = run(EXAMPLES / "quickstart.py", "report", cwd=tmp_path)
    folder = tmp_path / "report"
    assert sorted(p.name for p in folder.iterdir()) == ["charts.pdf", "report.html", "report.json", "report.md"]
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert [o["id"] for o in report["outlets"]] == [
        "brennock_today",
        "civic_herald",
        "metro_wire",
        "the_patriot_post",
        "valley_voice",
    ]
    assert f"{len(report['omissions'])} omissions" in out
    first = out.splitlines()[1].removeprefix(" - ")
    assert "omits" in first and "carried by" in first
    html = (folder / "report.html").read_text(encoding="utf-8")
    assert 'id="collation"' in html and "The Patriot Post" in html
    assert (folder / "report.md").read_text(encoding="utf-8").startswith("# ")
    assert (folder / "charts.pdf").read_bytes().startswith(b"%PDF-")


def test_compare_folder_on_the_seeds(tmp_path):
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds not present at {SEEDS}")
    out = run(
        EXAMPLES / "compare_folder.py", str(SEEDS), str(tmp_path / "seeds-report"), "--format", "json,md", cwd=tmp_path
    )
    n = len(list(SEEDS.glob("*.txt")))
    assert out.startswith(f"loaded {n} articles")
    report = json.loads((tmp_path / "seeds-report" / "report.json").read_text(encoding="utf-8"))
    assert len(report["outlets"]) == n
    md = (tmp_path / "seeds-report" / "report.md").read_text(encoding="utf-8")
    assert "## Omissions" in md and md.count("\n| ") > n
    assert not (tmp_path / "seeds-report" / "report.html").exists()  # only the formats asked for


def test_compare_folder_writes_into_the_current_folder_by_default(tmp_path):
    """Without OUT_DIR the report goes to ./<folder>-report, never beside the input folder."""
    folder = tmp_path / "data" / "news"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(
        "The ferry resumed service on Monday after the storm. Crews cleared the pier.", encoding="utf-8"
    )
    (folder / "b.txt").write_text(
        "After the storm the ferry resumed service on Monday. Passengers cheered.", encoding="utf-8"
    )
    cwd = tmp_path / "work"
    cwd.mkdir()
    out = run(EXAMPLES / "compare_folder.py", str(folder), "--format", "json", cwd=cwd)
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["news"]
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.txt"]
    assert f"wrote {(cwd / 'news-report' / 'report.json').resolve()}" in out.splitlines()
    assert json.loads((cwd / "news-report" / "report.json").read_text(encoding="utf-8"))["outlets"]


def test_custom_lexicon_finds_the_new_category(tmp_path):
    out = run(EXAMPLES / "custom_lexicon.py", "lex", cwd=tmp_path)
    report = json.loads((tmp_path / "lex" / "report.json").read_text(encoding="utf-8"))
    mine = [s for s in report["loaded_language"] if s["category"] == "taxpayer_framing"]
    assert mine and all(s["text"].lower().startswith("taxpayer") or "boondoggle" in s["text"] for s in mine)
    assert f"{len(mine)} spans in the new category" in out
    assert "taxpayer_framing" in (tmp_path / "lex" / "report.html").read_text(encoding="utf-8")
    assert (tmp_path / "lex" / "my_lexicon.tsv").is_file()


def test_single_chart_draws_into_the_users_figure(tmp_path):
    run(EXAMPLES / "single_chart.py", "chart.png", cwd=tmp_path)
    png = (tmp_path / "chart.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (13 * 120, 5 * 120)  # the user's figure size and dpi


def test_readme_chart_script_writes_a_png(tmp_path):
    run(ROOT / "scripts" / "make_readme_chart.py", str(tmp_path / "coverage.png"), cwd=tmp_path)
    png = (tmp_path / "coverage.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 10_000
    assert (ROOT / "docs" / "img" / "coverage.png").is_file()
