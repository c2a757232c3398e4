"""The command line says what went wrong with its input in its own words, in one line naming the
files (review: one article gave "compare() needs at least 2 articles ..."; one empty .md in a
folder stopped the run)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TEXTS = {
    "ledger": "The Marl footbridge opened on Tuesday after three years of work. The mayor cut the ribbon.",
    "herald": "After three years of work the Marl footbridge opened on Tuesday. Crowds crossed at noon.",
    "courier": "The footbridge over the Marl is open. The mayor cut the ribbon on Tuesday and thanked the builders.",
}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mediadiff", *args], capture_output=True, text=True, timeout=300)


def write(folder: Path, *outlets: str) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for outlet in outlets:
        paths.append(folder / f"{outlet}.txt")
        paths[-1].write_text(TEXTS[outlet], encoding="utf-8")
    return paths


def test_single_article_names_the_file(tmp_path: Path) -> None:
    [path] = write(tmp_path / "in", "ledger")
    result = run("compare", str(path), "--out", str(tmp_path / "o"))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"mediadiff: error: compare needs at least 2 articles (one per outlet), got 1 from {path}; "
        "give two or more article files, or a folder holding them"
    ]
    assert "compare()" not in result.stderr and not (tmp_path / "o").exists()


def test_single_article_in_a_folder_names_the_folder_and_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    [path] = write(folder, "ledger")
    (folder / "empty.md").write_text("", encoding="utf-8")
    result = run("compare", str(folder), "--out", str(tmp_path / "o"))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"mediadiff: warning: {folder / 'empty.md'}: the file is empty; skipped",
        f"mediadiff: error: compare needs at least 2 articles (one per outlet), got 1 from {folder} ({path}); "
        "give two or more article files, or a folder holding them",
    ]


def test_empty_file_in_a_folder_is_skipped_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder, "ledger", "herald", "courier")
    (folder / "empty.md").write_text("  \n", encoding="utf-8")
    (folder / "README").write_text("notes", encoding="utf-8")
    result = run("compare", str(folder), "--out", str(tmp_path / "o"), "--format", "json")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("mediadiff: warning:")]
    assert f"mediadiff: warning: {folder / 'empty.md'}: the file holds only white space; skipped" in warnings
    assert any("README" in line for line in warnings)
    assert "mediadiff: loaded 3 articles" in result.stderr
    assert (tmp_path / "o" / "report.json").is_file()


def test_empty_file_named_on_the_command_line_is_an_error(tmp_path: Path) -> None:
    paths = write(tmp_path / "in", "ledger", "herald")
    empty = tmp_path / "in" / "empty.md"
    empty.write_text("", encoding="utf-8")
    result = run("compare", *map(str, paths), str(empty), "--out", str(tmp_path / "o"))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"mediadiff: error: {empty}: the file is empty"]
