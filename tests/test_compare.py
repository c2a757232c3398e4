"""compare(): the report contract on the bundled corpus, determinism, outlet-order invariance, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediadiff
from mediadiff import Article, InputError, InputWarning, ParameterError, compare
from mediadiff.report.json import load_schema

STORIES = mediadiff.example_stories()


@pytest.fixture(scope="module")
def reports() -> dict[str, dict]:
    return {s: compare(mediadiff.load_example(s)).to_dict() for s in STORIES}


@pytest.mark.parametrize("story", STORIES)
def test_report_validates_and_offsets_hold(reports: dict[str, dict], story: str) -> None:
    report = reports[story]
    jsonschema.validate(report, load_schema())
    texts = {a.outlet: a.text for a in mediadiff.load_example(story)}
    for p in report["passages"]:
        for m in p["members"]:
            assert texts[m["outlet"]][m["start"] : m["end"]] == m["text"]
    for key in ("loaded_language", "quotes", "quote_alterations", "wording_shifts"):
        for f in report[key]:
            assert texts[f["outlet"]][f["start"] : f["end"]] == f["text"], (key, f)
    for c in report["conflicts"]:
        for v in c["values"]:
            assert texts[v["outlet"]][v["start"] : v["end"]] == v["text"]


@pytest.mark.parametrize("story", STORIES)
def test_findings_share_one_record_shape(reports: dict[str, dict], story: str) -> None:
    """Issue 18, unified records: a finding that sets an outlet's words against another's names
    it ``reference_outlet`` and gives its words with offsets (all None when there are none);
    nothing absent is written as -1 or ""."""
    report = reports[story]
    texts = {a.outlet: a.text for a in mediadiff.load_example(story)}
    referenced = 0
    for key in ("wording_shifts", "quote_alterations", "loaded_language"):
        for f in report[key]:
            assert {"outlet", "passage", "reference_outlet", "reference_start", "reference_end"} <= set(f), key
            if f["reference_outlet"] is None:
                assert key == "loaded_language" and f["reference_start"] is None and f["reference_text"] is None
                continue
            referenced += 1
            ref = texts[f["reference_outlet"]]
            assert ref[f["reference_start"] : f["reference_end"]] == f["reference_text"], (key, f)
    assert referenced
    for q in report["quotes"]:
        assert q["speaker_start"] != -1 and q["speaker_end"] != -1
        assert (q["speaker_start"] is None) == (q["speaker_end"] is None)
    for c in report["conflicts"]:
        for v in c["values"]:
            assert v["unit"] != "" and v["qualifier"] != ""


@pytest.mark.parametrize("story", STORIES)
def test_content_conserved(reports: dict[str, dict], story: str) -> None:
    """Every content sentence's words are in exactly one passage member; boilerplate is in none."""
    report = reports[story]
    for outlet in report["outlets"]:
        doc = mediadiff.segment(next(a for a in mediadiff.load_example(story) if a.outlet == outlet["id"]))
        members = sorted(
            (m["start"], m["end"]) for p in report["passages"] for m in p["members"] if m["outlet"] == outlet["id"]
        )
        assert all(a[1] <= b[0] for a, b in zip(members, members[1:], strict=False)), "members of one outlet overlap"
        for s in doc.sentences:
            for t in s.words:
                inside = sum(1 for a, b in members if a <= t.start and t.end <= b)
                assert inside == (0 if s.boilerplate else 1), (outlet["id"], t.text)


def test_outlet_order_does_not_matter() -> None:
    articles = mediadiff.load_example(STORIES[0])
    forward = compare(articles).to_json()
    assert compare(list(reversed(articles))).to_json() == forward
    assert compare(articles[1:] + articles[:1]).to_json() == forward


def test_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    code = "import mediadiff,sys; sys.stdout.write(mediadiff.compare(mediadiff.load_example()).to_json())"
    outs = set()
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outs.add(
            subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
        )
    assert len(outs) == 1


def test_bad_input() -> None:
    a = Article("a", "The council approved the budget on Monday after a long debate.")
    with pytest.raises(InputError, match="single string"):
        compare("just text")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="single Article"):
        compare(a)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="at least 2 articles"):
        compare([a])
    with pytest.raises(InputError, match="given twice"):
        compare([a, a])
    with pytest.raises(InputError, match="expected mediadiff.Article"):
        compare([a, {"outlet": "b", "text": "x"}])  # type: ignore[list-item]
    with pytest.raises(
        ParameterError, match="The 'min_support' parameter of compare must be an int >= 1. Got 0 instead."
    ):
        compare([a, Article("b", "Other text.")], min_support=0)


def test_write_formats_and_json_roundtrip(tmp_path: Path) -> None:
    comparison = compare(mediadiff.load_example(STORIES[0]))
    [path] = comparison.write(tmp_path / "r", formats=["json"])
    assert Path(path).name == "report.json"
    assert json.loads(Path(path).read_text(encoding="utf-8")) == comparison.to_dict()
    assert not [p for p in (tmp_path / "r").iterdir() if p.name.startswith(".")]  # no temporary files left


words = st.sampled_from(
    "the council mayor said voted budget river plant closed Monday 12 3,000 “cuts” ‘so-called’ . , ; and but".split()
)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.lists(words, min_size=1, max_size=40).map(" ".join), min_size=2, max_size=4), st.randoms())
def test_random_articles_invariants(bodies: list[str], rnd) -> None:  # noqa: ANN001
    articles = [Article(f"o{i}", body) for i, body in enumerate(bodies)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)  # short random texts are expected here
        first = compare(articles)
        rnd.shuffle(articles)
        assert compare(articles).to_json() == first.to_json()
    report = first.to_dict()
    for p in report["passages"]:
        for m in p["members"]:
            assert bodies[int(m["outlet"][1:])][m["start"] : m["end"]] == m["text"]
    for o in report["outlets"]:
        assert 0.0 <= o["scores"]["omission"] <= 1.0 and 0.0 <= o["scores"]["wording_shift"] <= 1.0


def test_to_frames() -> None:
    pd = pytest.importorskip("pandas")
    comparison = compare(mediadiff.load_example(STORIES[0]))
    frames = comparison.to_frames()
    report = comparison.to_dict()
    assert isinstance(frames["outlets"], pd.DataFrame)
    assert list(frames["outlets"]["id"]) == [o["id"] for o in report["outlets"]]
    assert {"omission", "wording_shift", "loaded_language"} <= set(frames["outlets"].columns)
    assert len(frames["passages"]) == sum(len(p["members"]) for p in report["passages"])
    assert len(frames["omissions"]) == len(report["omissions"])
    # lists of outlets and sources stay, as tuples a researcher can filter on
    assert list(frames["omissions"]["carried_by"]) == [tuple(o["carried_by"]) for o in report["omissions"]]
    assert list(frames["omissions"]["silenced"]) == [tuple(o["silenced"]) for o in report["omissions"]]
    assert len(frames["conflicts"]) == sum(len(c["values"]) for c in report["conflicts"])


def test_to_frames_empty_tables_keep_their_columns() -> None:
    """An empty findings table (no conflicts here) keeps its columns, like the full ones."""
    pytest.importorskip("pandas")
    articles = [
        Article("a", "The town library reopened after a long year of repairs. The mayor cut the ribbon at the door."),
        Article("b", "After a long year of repairs the town library reopened. Readers queued at the door all morning."),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)  # short articles
        comparison = compare(articles)
    assert comparison.conflicts == () and comparison.quote_alterations == ()
    frames = comparison.to_frames()
    assert list(frames["conflicts"].columns) == [
        "kind",
        "passage",
        "outlet",
        "start",
        "end",
        "text",
        "value",
        "low",
        "high",
        "unit",
        "qualifier",
    ]
    assert "reference_words" in frames["quote_alterations"].columns
    assert {"outlet", "weight", "carried_by", "silenced"} <= set(frames["omissions"].columns)
    full = compare(mediadiff.load_example(STORIES[0])).to_frames()
    for key, frame in frames.items():
        if key != "outlets":  # an outlet's readability columns depend on its text
            assert list(frame.columns) == list(full[key].columns), key


def test_key_findings_are_plain_sentences_about_the_outlets() -> None:
    comparison = compare(mediadiff.load_example(STORIES[0]))
    sentences = comparison.key_findings(limit=5)
    names = {a.display_name for a in mediadiff.load_example(STORIES[0])}
    assert 1 <= len(sentences) <= 5
    assert all(s.endswith(".") for s in sentences)
    assert any(name in s for s in sentences for name in names)
    assert any(" omit" in s for s in sentences)


def test_numeric_options_refuse_bools_and_accept_numpy_scalars() -> None:
    """Every stage reads numbers alike: True is not 1, and a NumPy scalar is a number."""
    import numpy as np

    from mediadiff.analysis import extract_quotes, find_omissions, find_quote_alterations

    articles = [
        Article("a", "The council approved the budget on Monday after a long debate."),
        Article("b", "On Monday the council approved its budget after long debate."),
    ]
    for bad in ({"min_support": True}, {"align_options": {"neighbors": True}}, {"align_options": {"threshold": True}}):
        with pytest.raises(ParameterError, match="Got True instead"):
            compare(articles, **bad)  # type: ignore[arg-type]
    alignment = mediadiff.align(articles, threshold=np.float32(0.2), neighbors=np.int64(5))
    assert len(alignment.passages) == 1
    with pytest.raises(ParameterError, match="'min_similarity' parameter of find_quote_alterations"):
        find_quote_alterations(alignment, extract_quotes(alignment), min_similarity=True)
    assert find_quote_alterations(alignment, extract_quotes(alignment), min_similarity=np.float64(0.6)) == []
    with pytest.raises(ParameterError, match="'min_support' parameter of find_omissions"):
        find_omissions(alignment, min_support=True)
    assert find_omissions(alignment, min_support=np.int64(1)) == []
    with pytest.warns(InputWarning, match="very short article"):
        comparison = compare(articles, min_support=np.int64(1), align_options={"threshold": np.float32(0.25)})
    recorded = json.loads(comparison.to_json())
    assert recorded["options"] == {"min_support": 1, "align": {"threshold": 0.25}}


def test_an_article_ten_times_the_median_is_named_in_a_warning(tmp_path):
    """Issue 20: a pasted page of many stories (here 30 times the others) is warned about by file name."""
    import warnings

    import mediadiff
    from mediadiff.errors import InputWarning

    story = (
        "The council voted on Tuesday to close the Elm Street clinic by June, citing a budget gap of "
        "two million dollars. Nurses said patients would have to travel to the county hospital. "
    )
    other = "Residents packed the library to hear plans for a new park beside the river and a wider footbridge. "
    (tmp_path / "herald.txt").write_text(story * 2, encoding="utf-8")
    (tmp_path / "wire.txt").write_text(story * 2, encoding="utf-8")
    (tmp_path / "post.txt").write_text(story * 2, encoding="utf-8")
    (tmp_path / "pasted_front_page.txt").write_text(story * 2 + other * 150, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = mediadiff.compare(mediadiff.load(str(tmp_path)))
    long = [str(w.message) for w in caught if issubclass(w.category, InputWarning) and "median" in str(w.message)]
    assert len(long) == 1 and "pasted_front_page.txt" in long[0] and "times the median" in long[0]
    assert long[0] in result.warnings and long[0] in result.to_dict()["warnings"]
    # eight times the median is not warned about
    (tmp_path / "pasted_front_page.txt").write_text(story * 2 + other * 25, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        mediadiff.compare(mediadiff.load(str(tmp_path)))
    assert not [w for w in caught if "median" in str(w.message)]
