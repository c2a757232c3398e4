"""mediadiff.plot: each chart draws what the report says; charts.pdf is complete and deterministic."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from _report_fixture import html_category_colours, make_large_report, make_report

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402

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


def test_coverage_matrix_tells_a_paraphrase_from_a_passage_too_few_carry():
    # Regression: grey meant "not counted as an omission (too few outlets carry it)", but it also
    # hid outlets the omission finder takes to carry the passage in other words.
    report = make_report()
    report["omissions"] = [om for om in report["omissions"] if om["outlet"] != "b"]  # b: a close paraphrase of P5
    # issue 20: "≈" comes from the report's field, as in HTML and Markdown, not from what is missing
    grid = np.asarray(plot.coverage_matrix(report, ax=_ax()).collections[0].get_array()).reshape(6, 3)
    assert grid[4].tolist() == [1, 0, 1]
    next(p for p in report["passages"] if p["id"] == "P5")["paraphrased"] = {"b": 0.41}
    ax = plot.coverage_matrix(report, ax=_ax(), snippets=False)
    grid = np.asarray(ax.collections[0].get_array()).reshape(6, 3)
    # 1 carried, 2 omitted, 3 in other words (support 2 >= min_support, no omission), 0 too few carry it
    assert grid[3].tolist() == [1, 1, 2] and grid[4].tolist() == [1, 3, 1] and grid[5].tolist() == [0, 1, 0]
    assert sorted(map(tuple, np.asarray(ax.collections[2].get_offsets()))) == [(1.5, 4.5)]  # the ≈ mark
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [
        "carried",
        "omitted (an omission finding)",
        "in other words: a close paraphrase, not an omission",
        "not carried; fewer than 2 outlets carry it",
    ]
    report["options"] = {"min_support": 3}  # now P5 (support 2) is carried by too few to count
    del next(p for p in report["passages"] if p["id"] == "P5")["paraphrased"]  # and compare() says no paraphrase
    grid = np.asarray(plot.coverage_matrix(report, ax=_ax()).collections[0].get_array()).reshape(6, 3)
    assert grid[4].tolist() == [1, 0, 1]


def test_coverage_matrix_paraphrase_cells_are_the_omission_finders_paraphrases():
    import warnings

    import mediadiff
    from mediadiff.analysis.omissions import PARAPHRASE_FLOOR

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", mediadiff.InputWarning)
        comparison = mediadiff.compare(mediadiff.load_example("clinic_closure"))
    report = comparison.to_dict()
    ax = plot.coverage_matrix(comparison, ax=_ax())
    ids = [o["id"] for o in report["outlets"]]
    grid = np.asarray(ax.collections[0].get_array()).reshape(len(report["passages"]), len(ids))
    cases = Counter()
    for i, p in enumerate(report["passages"]):
        for j, outlet in enumerate(ids):
            closeness = comparison.alignment.closeness(p["id"], outlet)
            case = int(grid[i, j])
            cases[case] += 1
            # "≈" exactly where the report's field says so (issue 20: one notion in every format)
            assert (case == 3) == (outlet in p["paraphrased"])
            if case == 3:
                assert p["paraphrased"][outlet] == round(closeness, 6) and p["support"] >= 2
                assert closeness >= PARAPHRASE_FLOOR or not any(
                    o["passage"] == p["id"] for o in report["omissions"] if o["outlet"] == outlet
                )
            elif case == 0:
                assert p["support"] < 2
    assert cases[3] >= 1 and cases[0] >= 1 and cases[2] == len(report["omissions"])


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
    report = make_report()  # scores.loaded_language of c: 25.0, no by-category figures
    ax = plot.loaded_language(report, ax=_ax())
    assert [round(p.get_width(), 6) for p in ax.patches] == [0.0, 0.0, 25.0]  # the total, on its one category
    raw = plot.loaded_language(report, ax=_ax(), per_1000_words=False)
    assert [p.get_width() for p in raw.patches] == [0, 0, 1]
    report["loaded_language"][0]["in_quote"] = True
    assert [p.get_width() for p in plot.loaded_language(report, ax=_ax(), per_1000_words=False).patches] == []
    quoted = plot.loaded_language(report, ax=_ax(), include_quotes=True)
    n_words = report["outlets"][2]["n_words"]
    assert [round(p.get_width(), 6) for p in quoted.patches] == [0.0, 0.0, round(1000 / n_words, 6)]


def test_loaded_language_chart_shows_the_reports_own_rate():
    # Regression: the chart divided by all words (8.3 for seed 004) while report.json, the HTML
    # and page 1 give the rate per 1,000 words outside quotations (10.8).
    report = make_report()
    report["loaded_language"].append({**report["loaded_language"][0], "category": "pejorative"})
    report["outlets"][2]["scores"].update(
        loaded_language=10.791, loaded_language_by_category={"force": 7.194, "pejorative": 3.597}
    )
    ax = plot.loaded_language(report, ax=_ax())
    bars = [(p.get_y(), round(p.get_width(), 3)) for p in ax.patches if p.get_width()]
    assert [w for _, w in bars] == [7.194, 3.597]
    assert [t.get_text().strip() for t in ax.texts if not isinstance(t, Annotation)] == ["0.0", "0.0", "10.8"]
    assert "outside quotations" in ax.get_xlabel()


def _bar_colours(ax):
    """{category: facecolor} of a loaded-language chart, from its legend."""
    legend = ax.get_legend()
    return {
        t.get_text(): tuple(h.get_facecolor()) for t, h in zip(legend.get_texts(), legend.legend_handles, strict=True)
    }


def _bar_hatches(ax):
    """{category: hatch ("" for none)} of a loaded-language chart, from its legend."""
    legend = ax.get_legend()
    return {t.get_text(): h.get_hatch() or "" for t, h in zip(legend.get_texts(), legend.legend_handles, strict=True)}


def test_loaded_language_colours_are_fixed_per_category():
    # Regression: colours went by index over the categories present, so "force" changed colour
    # from one PDF to the next (and from the HTML's).
    from matplotlib.colors import to_rgba

    one = make_report()
    two = make_report()
    two["loaded_language"].append({**two["loaded_language"][0], "category": "exaggeration"})
    two["loaded_language"].append({**two["loaded_language"][0], "category": "my own"})
    three = make_report()  # "my own" first in a report of its own
    three["loaded_language"] = [{**three["loaded_language"][0], "category": "my own"}]
    first, second = _bar_colours(plot.loaded_language(one, ax=_ax())), _bar_colours(plot.loaded_language(two, ax=_ax()))
    third = _bar_colours(plot.loaded_language(three, ax=_ax()))
    html = html_category_colours(two)  # the HTML report's tint of each category
    assert first["force"] == second["force"] == to_rgba(html["force"])
    assert second["exaggeration"] == to_rgba(html["exaggeration"]) != second["force"]
    assert second["my own"] == third["my own"]  # not in the list: by its name, whatever else is there ...
    assert second["my own"] not in (second["force"], second["exaggeration"])
    hatches = _bar_hatches(plot.loaded_language(two, ax=_ax()))
    assert hatches["force"] == hatches["exaggeration"] == "" != hatches["my own"]
    assert list(second) == ["force", "exaggeration", "my own"]  # ... and hatched


def test_every_category_of_the_bundled_lexicon_has_a_fixed_colour():
    # each of the lexicon's categories (and "contrast") has a colour of its own, not hatched (a
    # colour by name is for a user's own category only), the same in the charts as in the HTML
    from matplotlib.colors import to_rgba

    from mediadiff.loaded.lexicon import Lexicon

    report = make_report()
    categories = sorted(set(Lexicon.default().categories) | {"contrast"})
    report["loaded_language"] = [{**report["loaded_language"][0], "category": c} for c in categories]
    ax = plot.loaded_language(report, ax=_ax())
    colours, hatches = _bar_colours(ax), _bar_hatches(ax)
    assert sorted(colours) == categories
    assert len(set(colours.values())) == len(categories)
    assert set(hatches.values()) == {""}
    html = html_category_colours(report)
    assert all(colours[c] == to_rgba(html[c]) for c in categories)


def test_placement_colours_positions_and_frames_shifts():
    report = make_report()
    ax = plot.placement(report, ax=_ax(), snippets=False)
    assert _labels(ax.get_yticklabels()) == ["P1", "P2", "P3", "P4", "P5"]
    grid = np.ma.getdata(ax.collections[0].get_array()).reshape(5, 3)
    assert grid[4, 2] == pytest.approx(report["passages"][4]["placement"]["c"])
    assert np.ma.getmaskarray(ax.collections[0].get_array()).reshape(5, 3)[4, 1]  # Beta Wire lacks P5
    frames = [p for p in ax.patches if not p.get_fill()]
    assert len(frames) == 1 and frames[0].get_xy() == pytest.approx((2.04, 4.06))


def test_readability_keeps_dale_chall_off_the_grade_axis():
    # Regression: Dale-Chall (4.9 or less: easy; 9-10: college) was drawn on the "US school grade" axis.
    report = make_report()
    for o in report["outlets"]:
        o["readability"]["dale_chall"] = 9.4
    grades = plot.readability(report, ax=_ax())
    assert "Dale-Chall" not in [t.get_text() for t in grades.get_legend().get_texts()]
    assert grades.get_xlabel().startswith("US school grade")
    assert "Dale-Chall is not on this axis" in " ".join(t.get_text() for t in grades.texts)
    dale = plot.readability(report, ax=_ax(), measures=["dale_chall"])
    assert "grade" not in dale.get_xlabel().split(";")[0] and "Dale-Chall" in dale.get_xlabel()
    assert "not a grade" in dale.get_title(loc="left")
    assert {"≤ 4", "college", "graduate"} <= {t.get_text() for t in dale.texts}  # what the bands are read as
    assert np.asarray(dale.collections[0].get_offsets())[:, 0].tolist() == [9.4, 9.4, 9.4]


def test_readability_plots_grade_measures_by_default():
    ax = plot.readability(make_report(), ax=_ax())
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Flesch-Kincaid grade", "Gunning fog"]  # SMOG is None everywhere
    assert np.asarray(ax.collections[1].get_offsets())[:, 0].tolist() == [10.25, 10.25, 10.25]
    ease = plot.readability(make_report(), ax=_ax(), measures=["flesch_reading_ease"])
    assert np.asarray(ease.collections[0].get_offsets())[:, 0].tolist() == [61.0, 61.0, 61.0]


def _findings_by_column(ax, n_outlets):
    """{column: [count per outlet]} from the count labels of the findings chart."""
    columns = {}
    for t in ax.texts:
        if isinstance(t, Annotation):  # headings and the caption
            continue
        x, _ = t.get_position()
        columns.setdefault(int(x), []).append(int(t.get_text()))
    assert all(len(v) == n_outlets for v in columns.values())
    return columns


def test_findings_counts_every_kind():
    ax = plot.findings(make_report(), ax=_ax())
    # omissions, wording shifts, loaded terms, altered quotes, conflicts, placement shifts; outlets a, b, c
    assert _findings_by_column(ax, 3) == {
        0: [0, 1, 1],
        1: [0, 0, 2],
        2: [0, 0, 1],
        3: [0, 0, 1],
        4: [1, 1, 1],
        5: [0, 0, 1],
    }


def test_findings_are_not_stacked_and_say_counts_are_not_comparable():
    # Regression: the page stacked one dropped word and one omitted denial into one total.
    report = make_report()
    report["conflicts"][0]["values"].append({**report["conflicts"][0]["values"][2], "value": 41.0})
    ax = plot.findings(report, ax=_ax())
    assert _findings_by_column(ax, 3)[4] == [1, 1, 1]  # a conflict counts once per outlet, not per value
    for bar in ax.patches:  # every bar starts in its own column, none on another kind's bar
        assert bar.get_x() == pytest.approx(round(bar.get_x()) + 0.04)
        assert bar.get_x() + bar.get_width() <= round(bar.get_x()) + 0.8
    caption = " ".join(t.get_text() for t in ax.texts if isinstance(t, Annotation))
    assert "not comparable" in " ".join(caption.split())
    assert "Findings per outlet" in ax.get_title(loc="left")


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
    assert (
        "Gamma Post omits the response that Alpha Daily reports as “The director's office denied that the clinic "
        "had overspent.”, carried by 2 of 3 outlets."
    ) in title_page
    titles = [
        "Which outlets carry each passage",
        "Omission and wording-shift scores per outlet",
        "Pairwise content similarity of the outlets",
        "Loaded language per 1,000 own words, by category",
        "Where each outlet places the shared passages",
        "Readability as a US school grade",
        "Findings per outlet, one column per kind",
    ]
    assert len(pages[1:-1]) == len(titles)  # the text ends with a form feed
    for number, (page, title) in enumerate(zip(pages[1:], titles, strict=False), start=2):
        flat = " ".join(page.split())
        assert title in flat
        assert "Eastgate clinic closure" in flat and f"page {number} of 8" in flat  # the running header


def test_pdf_is_byte_identical_for_the_same_input_even_under_another_hash_seed(small_pdf):
    import hashlib

    code = (
        "import sys, hashlib; sys.path[:0] = [sys.argv[1]]; from _report_fixture import make_report; "
        "from mediadiff.plot import render_pdf; print(hashlib.sha256(render_pdf(make_report())).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "MPLBACKEND": "Agg"}
    out = subprocess.run(
        [sys.executable, "-c", code, str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=Path(__file__).parents[1],
    )
    assert out.stdout.strip() == hashlib.sha256(small_pdf).hexdigest()


def test_every_pdf_page_is_a4_portrait(small_pdf):
    # Regression: the title page was A4, then 554x921 pt, 576x310 pt, ... one size per chart.
    boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.\s]+?)\s*\]", small_pdf)
    assert len(boxes) == 1 + len(plot.CHARTS)
    assert {tuple(round(float(v)) for v in box.split()) for box in boxes} == {(0, 0, 595, 842)}


def test_long_matrices_go_on_over_pages_of_at_most_sixty_rows(tmp_path):
    report = make_large_report(6, 130, name_length=20)
    pdf = plot.render_pdf(report)
    assert _pages(pdf) == 1 + len(plot.CHARTS) + 4  # coverage and placement: three pages each
    text = _text_of(pdf, tmp_path)
    pages = [" ".join(page.split()) for page in text.split("\f") if page.strip()]
    assert len(pages) == _pages(pdf)
    parts = [
        "part 1 of 3: passages P1 to P44",
        "part 2 of 3: passages P45 to P88",
        "part 3 of 3: passages P89 to P130",
    ]
    for title in ("Which outlets carry each passage", "Where each outlet places the shared passages"):
        holding = [p for p in pages if title in p]
        assert [[part for part in parts if part in p] for p in holding] == [[part] for part in parts], title
    assert "Pages: 2-4 who carries each passage, 5 outlet scores" in pages[0]


def test_outlet_names_are_cut_alike_on_the_title_page_and_in_every_chart(tmp_path):
    report = make_large_report(4, 5, name_length=60)
    full = [o["name"] for o in report["outlets"]]
    short = _labels(plot.coverage_matrix(report, ax=_ax()).get_xticklabels())
    assert len(set(short)) == 4 and all(len(s) == 28 for s in short)
    for name, cut in zip(full, short, strict=True):  # cut in the middle: the "No. k" ends stay apart
        head, tail = cut.split("…")
        assert head and tail and name.startswith(head) and name.endswith(tail) and len(name) > 28, (name, cut)
    for chart in (plot.coverage_matrix, plot.placement):
        assert _labels(chart(report, ax=_ax()).get_xticklabels()) == short, chart.__name__
    for chart in (plot.similarity_matrix, plot.outlet_scores, plot.loaded_language, plot.readability, plot.findings):
        assert _labels(chart(report, ax=_ax()).get_yticklabels()) == short, chart.__name__
    text = " ".join(_text_of(plot.render_pdf(report), tmp_path).split("\f")[0].split())  # the title page
    outlets = text[text.index("Outlets") : text.index("Key findings")]  # (key findings name outlets in full)
    assert all(s in outlets for s in short) and full[0] not in outlets
    assert "Names longer than 28 characters are cut in the middle" in text


def test_title_page_of_thirty_outlets_counts_instead_of_listing(tmp_path):
    report = make_large_report(30, 10, name_length=70)
    text = " ".join(_text_of(plot.render_pdf(report), tmp_path).split("\f")[0].split())  # the title page
    assert "30 outlets compared" in text
    assert "6 outlets (The Extraordinarily Long-Named Regional Evening Chronicle" in text  # omitters counted
    assert "No. 0" in text and "No. 29" in text  # every outlet listed on the page (two columns)
