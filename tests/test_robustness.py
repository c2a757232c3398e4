"""Bad input gets a clear answer; invariants hold under random input; output stays in its folder.

docs/robustness.md lists each case and what mediadiff does with it; each case has a test here or
in test_load.py / test_cli.py.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mediadiff
from mediadiff import Article, InputError, MediadiffError, compare, segment
from mediadiff.errors import InputWarning, OutputError
from mediadiff.load import decode, load_file

STORY = (
    "The river council voted on Monday to close the old bridge for repairs. Officials said the work "
    "would take six weeks and cost $2 million. Drivers will use the northern crossing meanwhile. "
    "The mayor said the closure was overdue. Residents asked for a shuttle bus, which the council refused."
)


def articles_from(*bodies: str) -> list[Article]:
    return [Article(f"outlet_{i}", body) for i, body in enumerate(bodies)]


def test_two_identical_articles_warn_and_align_fully() -> None:
    with pytest.warns(InputWarning, match="outlet_1: same text as outlet_0"):
        c = compare(articles_from(STORY, STORY))
    assert "outlet_1: same text as outlet_0" in c.warnings
    assert c.omissions == ()
    assert all(p.support == 2 for p in c.passages)


def test_very_short_article_warns() -> None:
    with pytest.warns(InputWarning, match="very short article"):
        compare(articles_from(STORY, "The bridge will close."))


def test_non_english_warns() -> None:
    german = (
        "Der Stadtrat hat am Montag beschlossen, die alte Brücke für Reparaturen zu schließen. "
        "Die Arbeiten sollen sechs Wochen dauern und zwei Millionen kosten. Autofahrer nutzen "
        "solange die nördliche Querung. Anwohner forderten einen Pendelbus, den der Rat ablehnte. "
        "Der Bürgermeister nannte die Schließung überfällig und versprach tägliche Berichte über den Fortschritt."
    )
    with pytest.warns(InputWarning) as caught:
        compare(articles_from(STORY, german))
    messages = [str(w.message) for w in caught]
    assert any(m.startswith("outlet_1: does not look like English") for m in messages)
    # a German article shares no words with an English one: it is also told apart as off the story
    assert any("shares almost nothing with the other articles" in m for m in messages)


def test_legacy_encoding_reaches_the_report(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(STORY.replace("said", "said “so”").encode("cp1252"))
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    with pytest.warns(mediadiff.MediadiffWarning):
        c = compare(mediadiff.load(tmp_path))
    assert any("legacy fallback cp1252" in w for w in c.warnings)


def test_no_punctuation_and_all_caps() -> None:
    caps = STORY.upper()
    bare = STORY.replace(".", "").replace(",", "")
    c = compare(articles_from(STORY, caps, bare))
    by_support = max(p.support for p in c.passages)
    assert by_support == 3  # the same content is still found in all three


def test_zero_width_combining_and_rtl_keep_offsets() -> None:
    odd = STORY.replace("bridge", "bri\u200bdge").replace("cafe", "cafe\u0301") + " \u202eRTL text\u202c here."
    c = compare(articles_from(STORY, odd))
    for p in c.passages:
        for m in p.members:
            text = STORY if m.outlet == "outlet_0" else odd
            assert text[m.start : m.end] == m.text


def test_crlf_and_lone_cr_offsets() -> None:
    crlf = STORY.replace(". ", ".\r\n")
    cr = STORY.replace(". ", ".\r")
    with pytest.warns(InputWarning, match="same text as outlet_0"):  # the same words, other line ends
        c = compare(articles_from(STORY, crlf, cr))
    texts = {"outlet_0": STORY, "outlet_1": crlf, "outlet_2": cr}
    for p in c.passages:
        for m in p.members:
            assert texts[m.outlet][m.start : m.end] == m.text
    assert max(p.support for p in c.passages) == 3


def test_single_article_analyze() -> None:
    result = mediadiff.analyze(Article("solo", STORY + " Critics slammed the so-called plan as a disaster."))
    assert result.readability["words"] > 0
    assert any(s.text.lower().startswith("slammed") or "so-called" in s.text for s in result.loaded_language)
    for s in result.loaded_language:
        assert result.document.text[s.start : s.end] == s.text


def test_hostile_outlet_ids_never_leave_the_output_folder(tmp_path: Path) -> None:
    arts = [Article("../../evil", STORY), Article("/etc/passwd", STORY + " More."), Article("..", STORY + " Other.")]
    out = tmp_path / "out"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        written = compare(arts).write(out, formats=["json"])
    assert [Path(p).parent for p in written] == [out]
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["out", "report.json"]


def test_output_folder_errors(tmp_path: Path) -> None:
    c = compare(articles_from(STORY, STORY.replace("Monday", "Tuesday")))
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="cannot create the output folder"):
        c.write(blocker / "sub", formats=["json"])
    c.write(tmp_path / "o", formats=["json"])
    with pytest.raises(OutputError, match="already holds"):
        c.write(tmp_path / "o", formats=["json"], overwrite=False)
    with pytest.raises(mediadiff.ParameterError, match="'formats' parameter of write_report"):
        c.write(tmp_path / "o", formats=["docx"])


def test_stale_report_files_are_kept_and_named(tmp_path: Path) -> None:
    """A second run with fewer formats leaves the earlier run's files alone, but says so."""
    c = compare(articles_from(STORY, STORY.replace("Monday", "Tuesday")))
    out = tmp_path / "st"
    c.write(out, formats=["json", "md", "html"])
    with pytest.warns(mediadiff.MediadiffWarning) as record:
        assert c.write(out, formats=["json"]) == [str(out / "report.json")]
    assert sorted(str(w.message) for w in record) == [
        f"{out / name} is from an earlier run; not rewritten (formats: json)" for name in ("report.html", "report.md")
    ]
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "report.json", "report.md"]  # nothing deleted
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        c.write(out, formats=["json", "md", "html"])  # every report file rewritten: nothing to say
    (out / "notes.txt").write_text("mine")  # not a report file: none of our business
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        c.write(tmp_path / "fresh", formats=["json"])
        c.write(out, formats=["json", "md", "html"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_fuzz_decode_random_bytes(data: bytes) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            text, encoding = decode(data)
        except MediadiffError:
            return
    assert isinstance(text, str) and encoding


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300), ext=st.sampled_from([".txt", ".html", ".json", ".jsonl", ".csv", ".md"]))
def test_fuzz_loaders_random_bytes(tmp_path: Path, data: bytes, ext: str) -> None:
    path = tmp_path / f"fuzz{ext}"
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            articles = load_file(path)
        except MediadiffError:
            return
    for a in articles:
        doc = segment(a)
        for s in doc.sentences:
            assert a.text[s.start : s.end] == s.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=200), min_size=2, max_size=3))
def test_fuzz_compare_random_text(bodies: list[str]) -> None:
    arts = [Article(f"o{i}", b) for i, b in enumerate(bodies)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            report = compare(arts).to_dict()
        except InputError:
            return
    for p in report["passages"]:
        for m in p["members"]:
            assert bodies[int(m["outlet"][1:])][m["start"] : m["end"]] == m["text"]
