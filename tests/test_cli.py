"""The command line: exit codes, one-line errors, and the reports it writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from _shared import seed_paths

from mediadiff.cli import main
from mediadiff.report.json import load_schema


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mediadiff", *args], capture_output=True, text=True, timeout=300)


def check_report(path: Path, texts: dict[str, str]) -> dict:
    report = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(report, load_schema())
    spans = [(o["id"], b) for o in report["outlets"] for b in o["boilerplate"]]
    spans += [(m["outlet"], m) for p in report["passages"] for m in p["members"]]
    for key in ("loaded_language", "quotes", "quote_alterations", "wording_shifts"):
        spans += [(f["outlet"], f) for f in report[key]]
    spans += [(v["outlet"], v) for c in report["conflicts"] for v in c["values"]]
    for outlet, span in spans:
        assert texts[outlet][span["start"] : span["end"]] == span["text"]
    for key in ("quote_alterations", "wording_shifts", "loaded_language"):
        for finding in report[key]:
            if finding["reference_outlet"] is not None:
                ref = texts[finding["reference_outlet"]]
                assert ref[finding["reference_start"] : finding["reference_end"]] == finding["reference_text"]
    return report


def test_demo_writes_valid_report(tmp_path: Path) -> None:
    import mediadiff

    out = tmp_path / "demo"
    result = run("demo", "--out", str(out), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "passages" in result.stdout
    texts = {a.outlet: a.text for a in mediadiff.load_example()}
    report = check_report(out / "report.json", texts)
    assert {o["id"] for o in report["outlets"]} == set(texts)
    assert report["passages"] and report["schema_version"] == 2


def test_compare_seeds(tmp_path: Path) -> None:
    paths = seed_paths()
    out = tmp_path / "seeds"
    result = run("compare", *map(str, paths), "--out", str(out), "--format", "json", "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in paths}
    report = check_report(out / "report.json", texts)
    boiler = {o["id"]: [b["text"] for b in o["boilerplate"]] for o in report["outlets"]}
    assert boiler["001_de4c0e4a1a5d8b05"] == ["Related News"]
    assert any("IE 11 is not supported" in b for b in boiler["002_0960599ebc32b394"])
    assert "Subscribe to get the latest posts sent to your email." in boiler["004_629ffa57cfc0d820"]


def test_bad_input_one_line_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text here.", encoding="utf-8")
    result = run("compare", str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"mediadiff: error: {tmp_path / 'missing.txt'}: no such file or directory"
    ]
    assert "Traceback" not in result.stderr


def test_single_article_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Some text here.", encoding="utf-8")
    assert main(["compare", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if line.startswith("mediadiff: error:")]
    assert len(errors) == 1 and "needs at least 2 articles" in errors[0]
    assert "Traceback" not in err


def test_binary_file_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pic.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "b.txt").write_text("Some text.", encoding="utf-8")
    assert main(["compare", str(tmp_path), "--out", str(tmp_path / "o")]) == 2
    assert "pic.txt: this is a PNG image, not text" in capsys.readouterr().err


def test_debug_shows_traceback(tmp_path: Path) -> None:
    from mediadiff.errors import InputError

    with pytest.raises(InputError):
        main(["compare", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o"), "--debug"])


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["compare", "x.txt", "--out", "o", "--format", "docx"])
    assert info.value.code == 2
    assert "unknown format" in capsys.readouterr().err
    assert main([]) == 2


def test_no_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o"
    assert main(["demo", "--out", str(out), "--format", "json", "--quiet"]) == 0
    assert main(["demo", "--out", str(out), "--format", "json", "--no-overwrite"]) == 2
    err = capsys.readouterr().err
    assert "already holds" in err and "--force" not in err and "leave out --no-overwrite" in err
    assert "[1/" not in err  # refused before any work, not after the comparison


def test_stale_report_files_warn_one_line_each(tmp_path: Path) -> None:
    texts = [
        "The town library reopened on Friday after a year of repairs. The mayor cut the ribbon.",
        "After a year of repairs the town library reopened on Friday. Readers queued at the door.",
        "The library is open again. The mayor cut the ribbon on Friday and praised the builders.",
    ]
    paths = []
    for i, text in enumerate(texts):
        paths.append(tmp_path / f"{'abc'[i]}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    out = tmp_path / "st"
    assert run("compare", *map(str, paths), "--out", str(out), "--format", "json,md,html", "--quiet").returncode == 0
    result = run("compare", *map(str, paths[:2]), "--out", str(out), "--format", "json")
    assert result.returncode == 0, result.stderr
    stale = [line for line in result.stderr.splitlines() if "earlier run" in line]
    assert stale == [
        f"mediadiff: warning: {out / name} is from an earlier run; not rewritten (formats: json)"
        for name in ("report.html", "report.md")
    ]
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "report.json", "report.md"]


def test_help_and_version() -> None:
    result = run("--help")
    assert result.returncode == 0 and "compare" in result.stdout and "demo" in result.stdout
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("mediadiff ")


def test_demo_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--list"]) == 0
    assert "kestrel_leak:" in capsys.readouterr().out


def test_a_file_over_the_size_limit_names_the_option(tmp_path, capsys):
    """Issue 20: the one-line error for a too-large file names --max-bytes, the CLI's option."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("The council voted to close the clinic on Tuesday. " * 10, encoding="utf-8")
    code = main(
        [
            "compare",
            str(tmp_path / "a.txt"),
            str(tmp_path / "b.txt"),
            "--out",
            str(tmp_path / "out"),
            "--max-bytes",
            "100",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "a.txt: file is 500 bytes, over the limit of 100 bytes" in err
    assert "--max-bytes" in err and "--max-bytes 500" in err and "max_bytes" not in err
    assert (
        main(
            [
                "compare",
                str(tmp_path / "a.txt"),
                str(tmp_path / "b.txt"),
                "--out",
                str(tmp_path / "out"),
                "--max-bytes",
                "600",
                "--quiet",
            ]
        )
        == 0
    )
