"""The charts with one row per outlet: ``outlet_scores``, ``loaded_language``, ``readability``, ``findings``.

Private to :mod:`mediadiff.plot`, which re-exports the charts.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .._presentation import join_names, own_voice
from ..analysis import finding_kinds
from ._style import (
    _GRADE_MEASURES,
    _LEGEND_RIGHT,
    _MAX_LABEL,
    _OMITTED,
    PALETTE,
    Report,
    _category_order,
    _category_style,
    _empty,
    _outlet_axes,
    _real,
    _size,
    _text,
    _title,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..compare import Comparison

#: The Dale-Chall score's bands and the US grade each is usually read as (10 and above: college graduate).
_DALE_CHALL_BANDS = (
    (5.0, "≤ 4"),
    (6.0, "5-6"),
    (7.0, "7-8"),
    (8.0, "9-10"),
    (9.0, "11-12"),
    (10.0, "college"),
    (math.inf, "graduate"),
)
_MEASURE_LABELS = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning fog",
    "smog_index": "SMOG",
    "dale_chall": "Dale-Chall",
    "mean_sentence_length": "words per sentence",
}


def outlet_scores(
    comparison: Comparison | Mapping[str, Any],
    ax: Axes | None = None,
    *,
    scores: Sequence[str] = ("omission", "wording_shift"),
    max_label: int = _MAX_LABEL,
) -> Axes:
    """Per-outlet scores in [0, 1] as grouped horizontal bars (default: omission and wording shift).

    Parameters
    ----------
    comparison : Comparison or report dict
    ax : matplotlib Axes, optional
    scores : sequence of str, default ("omission", "wording_shift")
        Keys of each outlet's ``scores`` to draw.
    max_label : int, default 28

    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np

    report, ids, labels, ax = _outlet_axes(comparison, ax, max_label)
    if not ids:
        return _empty(ax, "No outlets")
    outlets = report.get("outlets", [])
    colours = {"omission": _OMITTED, "wording_shift": PALETTE[0], "loaded_language": PALETTE[6]}
    k = len(scores)
    height = 0.8 / max(1, k)
    y = np.arange(len(ids))
    top = 0.0
    for s_i, name in enumerate(scores):
        values = [_real((o.get("scores") or {}).get(name)) or 0.0 for o in outlets]
        top = max(top, *values)
        bars = ax.barh(
            y - 0.4 + height * (s_i + 0.5),
            values,
            height=height * 0.92,
            color=colours.get(name, PALETTE[(s_i + 1) % len(PALETTE)]),
            label=name.replace("_", " "),
        )
        if len(ids) <= 15:
            ax.bar_label(bars, fmt="%.2f", padding=2, fontsize=7)
    ax.set_yticks(y, labels, fontsize=_size(len(ids)))
    ax.set_ylim(len(ids) - 0.5, -0.5)
    ax.set_xlim(0, max(1.0, top * 1.08))
    ax.set_xlabel("score (0 = like the others, 1 = most different)")
    ax.grid(axis="x", color="#e5e5e5", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(**_LEGEND_RIGHT)
    names = join_names([_MEASURE_LABELS.get(s, s.replace("_", " ")) for s in scores])
    if tuple(scores) == ("omission", "wording_shift"):
        _title(
            ax,
            "Omission and wording-shift scores per outlet",
            "Omission: the weight of the passages the outlet leaves out over the weight of all it could have "
            "carried (replies weigh most, and passages near the top). Wording shift: how far its words sit from "
            "the reference wording of the passages it shares.",
        )
    else:
        _title(ax, _text(f"Scores per outlet: {names}"))
    return ax


def _loaded_rates(
    report: Report, ids: Sequence[str], include_quotes: bool, per_1000_words: bool
) -> tuple[dict[tuple[str, str], float], dict[str, float]]:
    """(outlet, category) -> value and outlet -> total, as the loaded-language chart draws them.

    Outside quotations per 1,000 words: the report's own ``scores.loaded_language_by_category``
    and ``scores.loaded_language`` (per 1,000 of the outlet's words outside quotations), so the
    chart shows the numbers every other format shows. A report without the by-category figures
    has its total split in proportion to the outlet's own spans of each category.
    """
    spans = [s for s in report.get("loaded_language", []) if include_quotes or own_voice(s)]
    counts = Counter((s["outlet"], str(s.get("category", ""))) for s in spans)
    outlets = {o["id"]: o for o in report.get("outlets", [])}
    values: dict[tuple[str, str], float] = {}
    totals: dict[str, float] = {}
    for o in ids:
        mine = {c: float(k) for (outlet, c), k in counts.items() if outlet == o}
        if not per_1000_words:
            values.update({(o, c): v for c, v in mine.items()})
            totals[o] = sum(mine.values())
            continue
        if include_quotes:
            words = _real(outlets[o].get("n_words")) or 0.0
            scale = 1000.0 / words if words else 0.0
            values.update({(o, c): v * scale for c, v in mine.items()})
            totals[o] = sum(mine.values()) * scale
            continue
        scores = outlets[o].get("scores") or {}
        total = _real(scores.get("loaded_language"))
        by_category = scores.get("loaded_language_by_category")
        if isinstance(by_category, Mapping) and by_category:
            for c, v in by_category.items():
                rate = _real(v)
                if rate:
                    values[(o, str(c))] = rate
        elif total and mine:
            spans_n = sum(mine.values())
            values.update({(o, c): total * v / spans_n for c, v in mine.items()})
        totals[o] = total if total is not None else sum(v for (outlet, _), v in values.items() if outlet == o)
    return values, totals


def loaded_language(
    comparison: Comparison | Mapping[str, Any],
    ax: Axes | None = None,
    *,
    include_quotes: bool = False,
    per_1000_words: bool = True,
    max_label: int = _MAX_LABEL,
) -> Axes:
    """Loaded terms per outlet, stacked by lexicon category.

    By default the rate per 1,000 of the outlet's own words (outside quotations): the report's
    ``scores.loaded_language`` and ``scores.loaded_language_by_category``, the figures the HTML
    and Markdown reports and ``report.json`` give. A category has the same colour in every chart
    and report (the HTML report's tints, edged in the full colour).

    Parameters
    ----------
    comparison : Comparison or report dict
    ax : matplotlib Axes, optional
    include_quotes : bool, default False
        Count loaded terms inside direct quotations too (a source's words, not the outlet's),
        per 1,000 of all the outlet's words.
    per_1000_words : bool, default True
        A rate per 1,000 words, so long and short articles compare; False: the number of terms.
    max_label : int, default 28

    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np

    report, ids, labels, ax = _outlet_axes(comparison, ax, max_label)
    if not ids:
        return _empty(ax, "No outlets")
    values, totals = _loaded_rates(report, ids, include_quotes, per_1000_words)
    categories = _category_order([c for _, c in values])
    y = np.arange(len(ids))
    left = np.zeros(len(ids))
    for cat in categories:
        widths = np.array([values.get((o, cat), 0.0) for o in ids])
        ax.barh(y, widths, left=left, height=0.7, label=_text(cat), linewidth=0.8, **_category_style(cat))
        left += widths
    for i, o in enumerate(ids):
        total = totals.get(o, 0.0)
        ax.text(
            max(total, float(left[i])),
            i,
            f" {total:.1f}" if per_1000_words else f" {int(total)}",
            va="center",
            fontsize=7,
        )
    ax.set_yticks(y, labels, fontsize=_size(len(ids)))
    ax.set_ylim(len(ids) - 0.5, -0.5)
    top = max([float(left.max()) if len(left) else 0.0, *totals.values()])
    ax.set_xlim(0, max(1.0, top * 1.15))
    where = (
        "all the outlet's words, quotations included"
        if include_quotes
        else "the outlet's own words, outside quotations"
    )
    ax.set_xlabel(f"loaded terms per 1,000 words ({where})" if per_1000_words else f"loaded terms ({where})")
    ax.grid(axis="x", color="#e5e5e5", linewidth=0.6)
    ax.set_axisbelow(True)
    if categories:
        ax.legend(title="category", title_fontsize=8, **_LEGEND_RIGHT)
    else:
        ax.text(0.5, 0.5, "No loaded language found", ha="center", va="center", transform=ax.transAxes, color="#555555")
    if per_1000_words and not include_quotes:
        _title(
            ax,
            "Loaded language per 1,000 own words, by category",
            "Words a lexicon marks as loaded (force, outrage, pejorative ...) or that only this outlet uses, in its "
            "own voice: words inside quotations are a source's and do not count. The figures of report.json "
            "(scores.loaded_language).",
        )
    else:
        unit = "per 1,000 words" if per_1000_words else "number of terms"
        _title(ax, f"Loaded language by category ({unit}, {'quotations included' if include_quotes else 'own words'})")
    return ax


def _dale_chall_axis(ax: Axes, values: Sequence[float]) -> None:
    """The Dale-Chall score's own axis: its bands shaded, each labelled with what it is read as."""
    finite = [v for v in values if math.isfinite(v)]
    lo = min([4.0, *[math.floor(v) - 0.5 for v in finite]])
    hi = max([11.0, *[math.ceil(v) + 0.5 for v in finite]])
    ax.set_xlim(lo, hi)
    ax.set_xticks(range(math.ceil(lo), math.floor(hi) + 1))
    start = -math.inf
    for k, (end, meaning) in enumerate(_DALE_CHALL_BANDS):
        a, b = max(start, lo), min(end, hi)
        if b > a:
            if k % 2:
                ax.axvspan(a, b, color="#f2f2f2", zorder=0, linewidth=0)
            ax.text(
                (a + b) / 2,
                1.0,
                meaning,
                transform=ax.get_xaxis_transform(),
                ha="center",
                va="bottom",
                fontsize=7,
                color="#555555",
                linespacing=1.0,
            )
        start = end
    ax.set_xlabel("Dale-Chall score (higher is harder); above: the US grade each band is read as")


def readability(
    comparison: Comparison | Mapping[str, Any],
    ax: Axes | None = None,
    *,
    measures: Sequence[str] | None = None,
    max_label: int = _MAX_LABEL,
) -> Axes:
    """Readability per outlet as a dot plot, one marker and colour per measure.

    Measures are drawn on one axis only when they share a scale. The default is the grade-level
    measures present (Flesch-Kincaid grade, Gunning fog, SMOG), on a US-school-grade axis.
    Dale-Chall is not a grade (4.9 or less: easy, grade 4 and below; 9.0-9.9: college), so it is
    left off that axis; ``measures=["dale_chall"]`` draws it on its own axis, its bands labelled
    with what they are read as (the PDF puts it under the grades). ``["flesch_reading_ease"]``
    draws reading ease (0-100, higher is easier).

    Parameters
    ----------
    comparison : Comparison or report dict
    ax : matplotlib Axes, optional
    measures : sequence of str or None, default None
        Keys of each outlet's ``readability``. Default: the grade-level measures present (or,
        when there are none, Dale-Chall or reading ease).
    max_label : int, default 28

    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np

    report, ids, labels, ax = _outlet_axes(comparison, ax, max_label)
    outlets = report.get("outlets", [])
    present = {k for o in outlets for k, v in (o.get("readability") or {}).items() if _real(v) is not None}
    if measures is None:
        measures = [m for m in _GRADE_MEASURES if m in present]
        if not measures:
            measures = [m for m in ("dale_chall", "flesch_reading_ease") if m in present][:1]
    if not ids or not measures:
        return _empty(ax, "No readability measures in this report")
    y = np.arange(len(ids))
    markers = "osD^vP*X"
    columns = []
    for k, m in enumerate(measures):
        values = np.array([_real((o.get("readability") or {}).get(m)) for o in outlets], dtype=float)
        columns.extend(values.tolist())
        colour = PALETTE[(k + 4) % len(PALETTE)] if m != "dale_chall" else "#333333"
        ax.scatter(
            values,
            y,
            marker=markers[k % len(markers)],
            s=36,
            color=colour,
            label=_text(_MEASURE_LABELS.get(m, m.replace("_", " "))),
            zorder=3,
        )
    ax.set_yticks(y, labels, fontsize=_size(len(ids)))
    ax.set_ylim(len(ids) - 0.5, -0.5)
    ax.grid(axis="both", color="#e5e5e5", linewidth=0.6)
    ax.set_axisbelow(True)
    if len(measures) > 1:
        ax.legend(**_LEGEND_RIGHT)
    if all(m in _GRADE_MEASURES for m in measures):
        ax.set_xlabel("US school grade (higher is harder to read)")
        note = (
            "Dale-Chall is not on this axis: its score is not a school grade and has a chart of its own."
            if "dale_chall" in present
            else None
        )
        _title(
            ax, f"Readability as a US school grade ({len(measures)} formula{'s' if len(measures) > 1 else ''})", note
        )
    elif list(measures) == ["dale_chall"]:
        _dale_chall_axis(ax, columns)
        _title(ax, "Dale-Chall score (its own scale, not a grade)", pad=20)
    elif list(measures) == ["flesch_reading_ease"]:
        ax.set_xlabel("Flesch reading ease (0-100, higher is easier; 60-70 is plain English)")
        _title(ax, "Flesch reading ease")
    else:
        ax.set_xlabel("value of each measure (their scales differ: compare outlets, not measures)")
        _title(ax, "Readability measures")
    return ax


def _finding_counts(report: Report) -> list[tuple[str, str, Counter[str]]]:
    """One column per finding kind that declares a chart: its heading, colour and outlet -> count."""
    return [
        (kind.chart[0], kind.chart[1], kind.counts(kind.records(report)))
        for kind in finding_kinds()
        if kind.chart is not None
    ]


def findings(
    comparison: Comparison | Mapping[str, Any],
    ax: Axes | None = None,
    *,
    max_label: int = _MAX_LABEL,
) -> Axes:
    """How many findings of each kind each outlet has: one column per kind, each on its own scale.

    Columns: one per finding kind that declares a chart (``FindingKind.chart``): omitted passages, wording shifts, loaded terms in the outlet's own words, altered
    quotations, conflicts (a conflict counts once for each outlet that gives one of its values)
    and passages buried or promoted. Counts of different kinds are not comparable (one loaded
    word and one omitted denial both count 1), so the kinds are not stacked or summed: each
    column's bars are scaled to its own largest count, and every bar is labelled with its count.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np

    report, ids, labels, ax = _outlet_axes(comparison, ax, max_label, taller=0.6)
    if not ids:
        return _empty(ax, "No outlets")
    counts = _finding_counts(report)
    y = np.arange(len(ids))
    width = 0.72  # of a column
    label_size = _size(len(ids), big=7.5, small=5.0)
    for k, (heading, colour, count) in enumerate(counts):
        values = np.array([count[o] for o in ids], dtype=float)
        biggest = float(values.max()) if len(values) else 0.0
        scaled = values / biggest * width if biggest else values * 0
        ax.barh(y, scaled, left=k + 0.04, height=0.66, color=colour, edgecolor="white", linewidth=0.4)
        for i, (v, w) in enumerate(zip(values, scaled, strict=True)):
            ax.text(
                k + 0.06 + w,
                i,
                f"{int(v)}",
                va="center",
                ha="left",
                fontsize=label_size,
                color="#1d1d1f" if v else "#9a9a9a",
            )
        ax.annotate(
            heading,
            xy=(k + 0.04, 1.0),
            xycoords=ax.get_xaxis_transform(),
            xytext=(0, 3),
            textcoords="offset points",
            ha="left",
            va="bottom",
            fontsize=7.5,
            fontweight="bold",
            linespacing=1.1,
            annotation_clip=False,
            clip_on=False,
        )  # the column's heading, above the axes
        if k:
            ax.axvline(k, color="#d8d8dc", linewidth=0.8)
    ax.set_yticks(y, labels, fontsize=_size(len(ids)))
    ax.set_ylim(len(ids) - 0.5, -0.5)
    ax.set_xlim(0, len(counts))
    ax.set_xticks([])
    ax.tick_params(length=0)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    _title(
        ax,
        "Findings per outlet, one column per kind",
        "Number of findings of each kind. Each column has its own scale and the kinds are not added up: "
        "counts of different kinds are not comparable (one loaded word and one omitted denial both count 1). "
        "A conflict counts once for each outlet that gives one of its values.",
        pad=30.0,
    )
    return ax
