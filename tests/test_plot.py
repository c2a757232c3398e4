"""mediadiff.plot: each chart draws what the report says; charts.pdf is complete and deterministic."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from _report_fixture import make_large_report, make_report

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402

from mediadiff import plot  # noqa: E402


def _ax():
    return Figure(figsize=(8, 6), layout="constrained").add_subplot()


def _labels(ticklabels):
    return [t.get_text() for t in ticklabels]


def test_every_chart_draws_into_the_given_axes_and_returns_it():
    report = make_report()
    for chart in plot.CHARTS:
        ax = _ax()
        assert chart(report, ax=ax) is ax, chart.__name__
        ax.figure.canvas.draw()  # draws without error or warning


def test_coverage_matrix_marks_each_omission():
    report = make_report()
    ax = plot.coverage_matrix(report, ax=_ax(), snippets=False)
    assert _labels(ax.get_yticklabels()) == ["P1", "P2", "P3", "P4", "P5", "P6"]
    assert _labels(ax.get_xticklabels()) == ["Alpha Daily", "Beta Wire", "Gamma Post"]
    grid = np.asarray(ax.collections[0].get_array()).reshape(6, 3)
    # 1 carried, 2 omitted, 0 neither: Beta Wire omits P5, Gamma Post omits P4, only Beta Wire has P6
    assert grid.tolist() == [[1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 2], [1, 2, 1], [0, 1, 0]]
    crosses = ax.collections[1].get_offsets()
    assert sorted(map(tuple, np.asarray(crosses))) == [(1.5, 4.5), (2.5, 3.5)]
    assert [t.get_text() for t in ax.texts] == ["3/3", "3/3", "3/3", "2/3", "2/3", "1/3"]
    shared = plot.coverage_matrix(report, ax=_ax(), min_support=2, snippets=True)
    assert _labels(shared.get_yticklabels())[0].startswith("P1  The county board voted")
    assert len(shared.get_yticklabels()) == 5


def test_outlet_scores_bars_have_the_scores():
    ax = plot.outlet_scores(make_report(), ax=_ax())
    widths = [round(p.get_width(), 6) for p in ax.patches]
    assert widths == [0.0, 0.25, 0.6, 0.0, 0.0, 0.4]  # omission for a, b, c; then wording shift


def test_similarity_matrix_shows_the_matrix():
    report = make_report()
    ax = plot.similarity_matrix(report, ax=_ax())
    shown = np.asarray(ax.collections[0].get_array()).reshape(3, 3)
    assert np.allclose(shown, report["similarity"]["matrix"])
    assert "0.45" in [t.get_text() for t in ax.texts]


def test_loaded_language_is_per_1000_words_outside_quotations():
    report = make_report()
    ax = plot.loaded_language(report, ax=_ax())
    n_words = report["outlets"][2]["n_words"]
    assert [round(p.get_width(), 6) for p in ax.patches] == [0.0, 0.0, round(1000 / n_words, 6)]
    raw = plot.loaded_language(report, ax=_ax(), per_1000_words=False)
    assert [p.get_width() for p in raw.patches] == [0, 0, 1]
    report["loaded_language"][0]["in_quote"] = True
    assert [p.get_width() for p in plot.loaded_language(report, ax=_ax(), per_1000_words=False).patches] == []


def test_placement_colours_positions_and_frames_shifts():
    report = make_report()
    ax = plot.placement(report, ax=_ax(), snippets=False)
    assert _labels(ax.get_yticklabels()) == ["P1", "P2", "P3", "P4", "P5"]
    grid = np.ma.getdata(ax.collections[0].get_array()).reshape(5, 3)
    assert grid[4, 2] == pytest.approx(report["passages"][4]["placement"]["c"])
    assert np.ma.getmaskarray(ax.collections[0].get_array()).reshape(5, 3)[4, 1]  # Beta Wire lacks P5
    frames = [p for p in ax.patches if not p.get_fill()]
    assert len(frames) == 1 and frames[0].get_xy() == pytest.approx((2.04, 4.06))


def test_readability_plots_grade_measures_by_default():
    ax = plot.readability(make_report(), ax=_ax())
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Flesch-Kincaid grade", "Gunning fog"]  # SMOG is None everywhere
    assert np.asarray(ax.collections[1].get_offsets())[:, 0].tolist() == [10.25, 10.25, 10.25]
    ease = plot.readability(make_report(), ax=_ax(), measures=["flesch_reading_ease"])
    assert np.asarray(ease.collections[0].get_offsets())[:, 0].tolist() == [61.0, 61.0, 61.0]


def test_findings_counts_every_kind():
    ax = plot.findings(make_report(), ax=_ax())
    assert [t.get_text().strip() for t in ax.texts] == ["1", "2", "7"]


def test_long_and_similar_outlet_names_stay_short_and_distinct():
    report = make_large_report(30, 12, name_length=90)
    ax = plot.coverage_matrix(report, ax=_ax(), max_label=28)
    labels = _labels(ax.get_xticklabels())
    assert len(labels) == 30 and len(set(labels)) == 30
    assert all(len(label) <= 28 for label in labels)
    assert min(t.get_fontsize() for t in ax.get_xticklabels()) >= 5


def test_dollar_signs_in_text_are_not_mathtext():
    report = make_report(names={"a": "$5 Daily $", "b": "Beta", "c": "Gamma"})
    ax = plot.outlet_scores(report, ax=_ax())
    assert _labels(ax.get_yticklabels())[0] == r"\$5 Daily \$"
    ax.figure.canvas.draw()


def test_no_axes_makes_a_figure_sized_to_the_data():
    import matplotlib.pyplot as plt

    try:
        small = plot.coverage_matrix(make_report())
        big = plot.coverage_matrix(make_large_report(20, 40))
        assert big.figure.get_figheight() > small.figure.get_figheight()
        assert big.figure.get_figwidth() > small.figure.get_figwidth()
    finally:
        plt.close("all")


def test_plot_refuses_what_is_not_a_comparison():
    from mediadiff.errors import ParameterError

    with pytest.raises(ParameterError, match="expects a Comparison or its report dict, got str"):
        plot.coverage_matrix("report.json")


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def _text_of(pdf: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    path = tmp_path / "charts.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def small_pdf() -> bytes:
    return plot.render_pdf(make_report())


def test_pdf_has_a_title_page_and_a_page_per_chart_with_fonts_embedded(small_pdf, tmp_path):
    pdf = small_pdf
    assert pdf.startswith(b"%PDF-")
    assert _pages(pdf) == 1 + len(plot.CHARTS) >= 7
    assert b"/FontFile2" in pdf and b"/Type3" not in pdf  # TrueType embedded, no Type 3
    assert b"/CreationDate" not in pdf
    assert b"/Subtype /Image" not in pdf  # vector only: no raster image, not even in colour bars
    text = _text_of(pdf, tmp_path)
    pages = text.split("\f")
    title_page = " ".join(pages[0].split())
    assert "Eastgate clinic closure" in title_page
    for name in ("Alpha Daily", "Beta Wire", "Gamma Post"):
        assert name in title_page
    assert ("Gamma Post omits the response “The director's office denied that the clinic had overspent.”, carried by 2 "
            "of 3 outlets.") in title_page
    titles = ["Coverage of each passage", "Outlet scores", "How similar the outlets are",
              "Loaded language by outlet and category", "Placement of shared passages",
              "Readability", "Findings by outlet"]
    for page, title in zip(pages[1:], titles, strict=False):
        assert title in " ".join(page.split())


def test_pdf_is_byte_identical_for_the_same_input_even_under_another_hash_seed(small_pdf):
    import hashlib

    code = ("import sys, hashlib; sys.path[:0] = [sys.argv[1]]; from _report_fixture import make_report; "
            "from mediadiff.plot import render_pdf; print(hashlib.sha256(render_pdf(make_report())).hexdigest())")
    env = {**os.environ, "PYTHONHASHSEED": "12345", "MPLBACKEND": "Agg"}
    out = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent)], capture_output=True, text=True,
                         env=env, check=True, cwd=Path(__file__).parents[1])
    assert out.stdout.strip() == hashlib.sha256(small_pdf).hexdigest()


def test_title_page_of_thirty_outlets_counts_instead_of_listing(tmp_path):
    import io

    report = make_large_report(30, 10, name_length=70)
    buffer = io.BytesIO()
    plot._title_page(report).savefig(buffer, format="pdf")
    text = " ".join(_text_of(buffer.getvalue(), tmp_path).split())
    assert "30 outlets compared" in text
    assert "6 outlets (The Extraordinarily Long-Named Regional Evening Chronicle" in text  # omitters counted
    assert "No. 0" in text and "No. 29" in text  # every outlet listed on the page (two columns)
