"""Outlet profiles: coverage, means with bootstrap intervals, omitted kinds, loaded terms, outputs."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediadiff.corpus.batch import CorpusResult
from mediadiff.corpus.profiles import profile_outlets
from mediadiff.errors import InputError, ParameterError


def _record(
    story: str,
    outlet: str,
    omission: float,
    shift: float,
    loaded: float,
    kinds: dict[str, int] | None = None,
    terms: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    return {
        "story": story,
        "outlet": outlet,
        "n_outlets": 2,
        "omission": omission,
        "wording_shift": shift,
        "loaded_language": loaded,
        "n_omissions": kinds or {},
        "loaded_terms": terms or [],
    }


def _term(term: str, counterpart: str | None, count: int = 1, category: str = "pejorative") -> dict[str, Any]:
    return {"term": term, "category": category, "counterpart": counterpart, "count": count}


# Two outlets over five stories; "wire" misses story s5.
RECORDS = [
    _record("s1", "post", 0.50, 0.40, 4.0, {"response": 2, "fact": 1}, [_term("slammed", "criticised")]),
    _record(
        "s2", "post", 0.70, 0.30, 6.0, {"response": 1}, [_term("slammed", "criticised"), _term("regime", "government")]
    ),
    _record("s3", "post", 0.60, 0.50, 0.0, {"response": 1, "quote": 1}, [_term("slammed", "faulted", 2)]),
    _record("s4", "post", 0.20, 0.20, 2.0, {"fact": 1}),
    _record("s5", "post", 0.40, 0.10, 8.0, {"response": 1}, [_term("regime", None)]),
    _record("s1", "wire", 0.10, 0.05, 0.0, {"fact": 1}),
    _record("s2", "wire", 0.00, 0.10, 0.0),
    _record("s3", "wire", 0.20, 0.00, 1.0, {"quote": 2}),
    _record("s4", "wire", 0.10, 0.05, 0.0),
]


def test_means_coverage_kinds_and_terms() -> None:
    profiles = profile_outlets(RECORDS)
    assert profiles.outlets == ("post", "wire") and profiles.n_stories == 5
    post, wire = profiles["post"], profiles["wire"]
    assert (post.coverage, post.share, wire.coverage, wire.share) == (5, 1.0, 4, 0.8)
    assert post.omission.mean == pytest.approx(0.48) and post.omission.n == 5
    assert post.wording_shift.mean == pytest.approx(0.30)
    assert post.loaded_language.mean == pytest.approx(4.0)
    assert wire.omission.mean == pytest.approx(0.10)
    assert post.omitted_kinds == (("response", 5), ("fact", 2), ("quote", 1))
    assert wire.omitted_kinds == (("quote", 2), ("fact", 1))
    slammed, regime = post.loaded_terms
    assert (slammed.term, slammed.count, slammed.counterparts) == ("slammed", 4, (("criticised", 2), ("faulted", 2)))
    assert (regime.term, regime.count, regime.counterparts) == ("regime", 2, (("government", 1),))
    assert wire.loaded_terms == ()


def test_intervals_contain_the_mean_and_lie_within_the_data() -> None:
    profiles = profile_outlets(RECORDS)
    for p in profiles.profiles:
        for key, values in (("omission", [r["omission"] for r in RECORDS if r["outlet"] == p.outlet]),):
            e = p.estimate(key)
            assert e.low <= e.mean <= e.high
            assert min(values) <= e.low and e.high <= max(values)
            assert e.low < e.high  # the data vary, so the interval is not a point


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(min_value=0, max_value=1, allow_nan=False), min_size=1, max_size=30),
    st.integers(min_value=0, max_value=2**31),
)
def test_interval_contains_the_mean_for_any_sample(values: list[float], seed: int) -> None:
    records = [_record(f"s{i:03d}", "a", v, v, v) for i, v in enumerate(values)]
    e = profile_outlets(records, n_bootstrap=200, seed=seed)["a"].omission
    assert e.low - 1e-9 <= e.mean <= e.high + 1e-9
    assert min(values) - 1e-9 <= e.low and e.high <= max(values) + 1e-9


def test_more_stories_give_a_narrower_interval() -> None:
    rng = random.Random(3)
    values = [rng.random() for _ in range(200)]
    few = profile_outlets([_record(f"s{i}", "a", v, v, v) for i, v in enumerate(values[:10])])["a"].omission
    many = profile_outlets([_record(f"s{i}", "a", v, v, v) for i, v in enumerate(values)])["a"].omission
    assert many.high - many.low < (few.high - few.low) / 2


def test_seeded_and_independent_of_order_and_of_other_outlets() -> None:
    base = profile_outlets(RECORDS, seed=7)
    shuffled = RECORDS[:]
    random.Random(0).shuffle(shuffled)
    assert profile_outlets(shuffled, seed=7) == base
    alone = profile_outlets([r for r in RECORDS if r["outlet"] == "post"], seed=7)
    assert alone["post"].omission == base["post"].omission
    assert profile_outlets(RECORDS, seed=8)["post"].omission != base["post"].omission


def test_reads_a_scores_file_a_folder_and_a_result(tmp_path: Path) -> None:
    (tmp_path / "scores.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    expected = profile_outlets(RECORDS)
    assert profile_outlets(tmp_path / "scores.jsonl") == expected
    assert profile_outlets(str(tmp_path)) == expected
    on_disk = CorpusResult(
        out=str(tmp_path), n_stories=5, n_done=5, n_recovered=0, n_skipped=0, failures=(), engine="local", seconds=0.0
    )
    assert profile_outlets(on_disk) == expected
    in_memory = CorpusResult(
        out=None,
        n_stories=5,
        n_done=5,
        n_recovered=0,
        n_skipped=0,
        failures=(),
        engine="local",
        seconds=0.0,
        records=tuple(RECORDS),
    )
    assert profile_outlets(in_memory) == expected


def test_json_markdown_and_pdf(tmp_path: Path) -> None:
    profiles = profile_outlets(RECORDS)
    data = json.loads(profiles.to_json())
    post = data["outlets"][0]
    assert post["outlet"] == "post" and post["omission"]["mean"] == 0.48 and post["omission"]["n"] == 5
    assert post["omitted_kinds"][0] == {"kind": "response", "count": 5, "share": 0.625}
    md = profiles.to_markdown()
    assert "| post | 5 (100%) | 0.48 [" in md
    assert "“slammed” ×4 (others: “criticised” (2), “faulted” (2))" in md
    first = Path(profiles.to_pdf(tmp_path / "a.pdf")).read_bytes()
    assert first.startswith(b"%PDF") and first == Path(profiles.to_pdf(tmp_path / "b.pdf")).read_bytes()


def test_plot_draws_on_the_given_axes() -> None:
    from matplotlib.figure import Figure

    ax = Figure().subplots()
    assert profile_outlets(RECORDS).plot(ax, measure="wording_shift") is ax
    assert [t.get_text() for t in ax.get_yticklabels()] == ["post (n=5)", "wire (n=4)"]
    assert "Wording shift" in ax.get_xlabel()


def test_bad_input_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such scores file"):
        profile_outlets(tmp_path / "missing.jsonl")
    with pytest.raises(InputError, match="'story' and 'outlet'"):
        profile_outlets([{"outlet": "a"}])
    with pytest.raises(InputError, match="appears twice"):
        profile_outlets([RECORDS[0], RECORDS[0]])
    with pytest.raises(InputError, match="finite number"):
        profile_outlets([_record("s1", "a", float("nan"), 0.0, 0.0)])
    with pytest.raises(ParameterError, match="'n_bootstrap' parameter of profile_outlets"):
        profile_outlets(RECORDS, n_bootstrap=0)
    with pytest.raises(ParameterError, match="'confidence'"):
        profile_outlets(RECORDS, confidence=95)


def test_numpy_parameters_are_accepted_and_written_plain() -> None:
    # review: confidence=np.float32(0.9) was refused ("must be a float"), unlike every other option
    np = pytest.importorskip("numpy")
    profiles = profile_outlets(
        RECORDS, n_bootstrap=np.int64(200), seed=np.int32(1), confidence=np.float32(0.9), top_terms=np.int64(3)
    )
    data = json.loads(profiles.to_json())
    assert (data["n_bootstrap"], data["seed"], data["confidence"]) == (200, 1, float(np.float32(0.9)))
    assert (
        profiles.to_json()
        == profile_outlets(RECORDS, n_bootstrap=200, seed=1, confidence=float(np.float32(0.9)), top_terms=3).to_json()
    )
    for bad in (float("inf"), float("nan"), True, 1):
        with pytest.raises(ParameterError, match="'confidence' parameter of profile_outlets"):
            profile_outlets(RECORDS, confidence=bad)


def _kind_bars(png: Path) -> list[tuple[int, int, float]]:
    """The stacked bars of the omitted-kinds chart in a rendered page: for each bar (a band of
    rows with more than 100 pixels of the kinds' colours), on its middle row, the leftmost
    coloured pixel, the end of the run of colour from there (gaps of two pixels at most, where
    two kinds meet) and the share of coloured pixels in that run."""
    from PIL import Image

    colours = [(0xDD, 0x84, 0x52), (0x55, 0xA8, 0x68), (0xC4, 0x4E, 0x52)]
    image = Image.open(png).convert("RGB")
    width, height = image.size
    pixels = image.load()

    def coloured(x: int, y: int) -> bool:
        r, g, b = pixels[x, y]
        return any(abs(r - c[0]) + abs(g - c[1]) + abs(b - c[2]) < 30 for c in colours)

    rows = [y for y in range(height) if sum(coloured(x, y) for x in range(width)) > 100]
    bands: list[list[int]] = []
    for y in rows:
        if bands and y == bands[-1][-1] + 1:
            bands[-1].append(y)
        else:
            bands.append([y])
    out = []
    for band in bands:
        y = band[len(band) // 2]
        xs = [x for x in range(width) if coloured(x, y)]
        run = [xs[0]]
        for x in xs[1:]:
            if x - run[-1] > 3:
                break
            run.append(x)
        out.append((run[0], run[-1], len(run) / (run[-1] - run[0] + 1)))
    return out


def test_profiles_pdf_legend_covers_no_bar(tmp_path: Path) -> None:
    """Issue 20: the legend of the omitted kinds sat on the last outlet's bar. Rendered as an
    image (poppler's pdftoppm), every stacked bar runs whole to the same right end (each
    outlet's shares sum to 1), with no legend box over it."""
    import shutil
    import subprocess

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    records = [
        *RECORDS[:5],
        *(
            _record(f"s{i}", o, 0.2, 0.1, 0.0, {"fact": 1, "quote": 1, "response": 1})
            for i in (1, 2)
            for o in ("desk", "daily")
        ),
    ]
    records += [_record("s1", "wire", 0.1, 0.05, 0.0, {"fact": 3})]
    pdf = profile_outlets(records).to_pdf(tmp_path / "profiles.pdf")
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", pdf, str(tmp_path / "page")], check=True)
    bars = _kind_bars(tmp_path / "page.png")
    assert len(bars) == 4  # daily, desk, post, wire
    lefts, rights = {b[0] for b in bars}, [b[1] for b in bars]
    assert max(lefts) - min(lefts) <= 1 and max(rights) - min(rights) <= 2, bars
    assert all(share > 0.97 for _, _, share in bars), bars
    assert min(rights) - min(lefts) > 300  # the axes' whole width (6 inches at 60 dpi), not a legend's
