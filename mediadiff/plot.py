"""Charts of a comparison, for research code and for ``charts.pdf``.

One function per chart, in the manner of scikit-learn's and seaborn's plotting functions: each
takes a :class:`~mediadiff.Comparison` (or its report dict, e.g. a loaded ``report.json``), draws
into ``ax`` (a new figure sized to the data when ``ax`` is None) and returns the Axes.
matplotlib is imported inside the functions, so ``import mediadiff`` never loads it.

Colours come from the Okabe–Ito palette and the cividis/viridis maps, which stay distinct under
the common colour-vision deficiencies; omissions are also marked with a cross, so the coverage
matrix reads in greyscale too. Outlet names longer than ``max_label`` characters are cut in the
middle with an ellipsis (names that share a beginning stay distinct); label sizes shrink with the number of outlets and passages (2-30 outlets stay
legible). Text from the input is drawn as plain text (a ``$`` never starts mathtext).

Public names
------------
coverage_matrix     passages x outlets: carried, omitted, or not carried.
outlet_scores       omission and wording-shift scores per outlet.
similarity_matrix   pairwise content similarity of the outlets.
loaded_language     loaded terms per outlet, stacked by category.
placement           where each outlet places each shared passage (0 = lead, 1 = end).
readability         readability measures per outlet.
findings            number of findings of each kind per outlet.
render_pdf          Comparison -> bytes of a multi-page vector PDF (title page and every chart).
CHARTS              the chart functions, in the order of the PDF.
PALETTE             the Okabe-Ito colours.
"""

from __future__ import annotations

import io
import math
import warnings
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .errors import ParameterError
from .report._summary import join_names, key_findings, outlet_names, shorten

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .compare import Comparison

__all__ = [
    "CHARTS",
    "PALETTE",
    "coverage_matrix",
    "findings",
    "loaded_language",
    "outlet_scores",
    "placement",
    "readability",
    "render_pdf",
    "similarity_matrix",
]

#: Okabe & Ito's colour-blind-safe palette (orange, sky blue, bluish green, yellow, blue,
#: vermillion, reddish purple, grey).
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
_CARRIED, _OMITTED, _ABSENT = "#0072B2", "#D55E00", "#EDEDED"
_GRADE_MEASURES = ("flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall")
_MEASURE_LABELS = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning fog",
    "smog_index": "SMOG",
    "dale_chall": "Dale-Chall",
    "mean_sentence_length": "words per sentence",
}
#: rcParams for every page of the PDF: TrueType fonts embedded (not Type 3), no mathtext.
_RC = {"pdf.fonttype": 42, "ps.fonttype": 42, "font.family": "DejaVu Sans", "axes.titlesize": 11,
       "axes.titleweight": "bold", "axes.spines.top": False, "axes.spines.right": False}

#: Legends outside the axes, top right: they never cover bars, and constrained layout makes room.
_LEGEND_RIGHT: dict[str, Any] = {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0), "fontsize": 8, "frameon": False,
                                 "borderaxespad": 0.0}

Report = Mapping[str, Any]


# --- helpers --------------------------------------------------------------------------------


def _report(comparison: Any) -> Report:
    """The report dict of a Comparison (or the dict itself)."""
    if isinstance(comparison, Mapping):
        return comparison
    to_dict = getattr(comparison, "to_dict", None)
    if callable(to_dict):
        report: Report = to_dict()
        return report
    raise ParameterError(
        f"mediadiff.plot expects a Comparison or its report dict, got {type(comparison).__name__} instead."
    )


def _text(value: Any) -> str:
    """Input text made safe for matplotlib: ``$`` escaped so it never starts mathtext."""
    return ("" if value is None else str(value)).replace("$", r"\$")


def _middle(name: Any, limit: int) -> str:
    """A name cut in the middle to ``limit`` characters, so names that share a beginning
    ("The Evening Chronicle of …") stay apart.

    >>> _middle("The Evening Chronicle of Lakeside County", 24)
    'The Evening C…ide County'
    """
    flat = " ".join(str(name).split())
    if len(flat) > limit:
        head = max(1, (limit - 1) * 3 // 5)
        tail = max(1, limit - 1 - head)
        flat = flat[:head].rstrip() + "…" + flat[-tail:].lstrip()
    return flat


def _label(name: Any, max_label: int) -> str:
    """An outlet name for a tick label: cut in the middle, ``$`` escaped."""
    return _text(_middle(name, max_label))


def _size(n: int, big: float = 9.0, small: float = 5.0, at: int = 30) -> float:
    """A font size for ``n`` labels: ``big`` up to 8, shrinking to ``small`` at ``at`` labels."""
    if n <= 8:
        return big
    return max(small, big - (big - small) * (n - 8) / max(1, at - 8))


def _real(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=figsize, layout="constrained")
    return new


def _outlets(report: Report, max_label: int) -> tuple[list[str], list[str]]:
    ids = [o["id"] for o in report.get("outlets", [])]
    names = outlet_names(report)
    return ids, [_label(names.get(i, i), max_label) for i in ids]


def _top_labels(ax: Axes, labels: Sequence[str]) -> None:
    """Outlet names along the top of a matrix: slanted unless a few short names fit flat."""
    import numpy as np

    flat = len(labels) <= 3 and max(map(len, labels), default=0) <= 12
    ax.set_xticks(np.arange(len(labels)) + 0.5, labels, rotation=0 if flat else 45, ha="center" if flat else "left",
                  rotation_mode="anchor", fontsize=_size(len(labels)))


def _vector(colorbar: Any) -> None:
    """Keep a colour bar vector: matplotlib rasterises bars of 50+ colours by default."""
    if getattr(colorbar, "solids", None) is not None:
        colorbar.solids.set_rasterized(False)


def _empty(ax: Axes, message: str) -> Axes:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555555", fontsize=10)
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)
    return ax


def _passages(report: Report, min_support: int) -> list[Mapping[str, Any]]:
    return [p for p in report.get("passages", []) if (p.get("support") or 0) >= min_support]


def _passage_label(p: Mapping[str, Any], snippets: bool, width: int = 44) -> str:
    if not snippets or not p.get("members"):
        return _text(p["id"])
    return _text(f"{p['id']}  {shorten(str(p['members'][0]['text']), width)}")


# --- sizes when a chart makes its own figure (also the PDF page sizes) ----------------------


def _size_matrix(report: Report, rows: int, snippets: bool) -> tuple[float, float]:
    n = len(report.get("outlets", []))
    return (min(16.0, 2.2 + (3.4 if snippets else 0.6) + 0.42 * n), min(22.0, 2.6 + 0.2 * rows))


def _dress_grid(ax: Axes, labels: Sequence[str], passages: Sequence[Mapping[str, Any]], snippets: bool) -> None:
    """Axes of a passage x outlet grid: outlets on top, one row label per passage, no frame."""
    import numpy as np

    ax.set_xlim(0, len(labels))
    ax.set_ylim(len(passages), 0)
    ax.xaxis.tick_top()
    _top_labels(ax, labels)
    ax.set_yticks(np.arange(len(passages)) + 0.5, [_passage_label(p, snippets) for p in passages],
                  fontsize=_size(len(passages), big=8.0, small=4.0, at=120))
    ax.tick_params(length=0)
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)


def _size_bars(report: Report) -> tuple[float, float]:
    return (8.0, min(16.0, 2.2 + 0.42 * len(report.get("outlets", []))))


def _size_square(report: Report) -> tuple[float, float]:
    n = len(report.get("outlets", []))
    side = min(14.0, 4.5 + 0.32 * n)
    return (side + 1.2, side)


# --- the charts -----------------------------------------------------------------------------


def coverage_matrix(
    comparison: Comparison | Mapping[str, Any],
    ax: Axes | None = None,
    *,
    min_support: int = 1,
    snippets: bool = True,
    max_label: int = 28,
) -> Axes:
    """Passages (rows, in story order) by outlets (columns): who carries what, who omits what.

    A blue cell: the outlet carries the passage. A vermillion cell with a cross: an omission (other
    outlets carry the passage and this one does not). A grey cell: not carried, and not counted as
    an omission (too few outlets carry it). The number right of each row is its support.

    Parameters
    ----------
    comparison : Comparison or report dict
    ax : matplotlib Axes, optional
        Where to draw; default: a new figure sized to the data.
    min_support : int, default 1
        Show only passages carried by at least this many outlets.
    snippets : bool, default True
        Label rows with the start of the passage's text, not only its id.
    max_label : int, default 28
        Outlet names are shortened to this many characters.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    report = _report(comparison)
    ids, labels = _outlets(report, max_label)
    passages = _passages(report, min_support)
    ax = _axes(ax, _size_matrix(report, len(passages), snippets))
    if not passages or not ids:
        return _empty(ax, "No passages to show")
    column = {o: j for j, o in enumerate(ids)}
    grid = np.zeros((len(passages), len(ids)))
    row_of = {p["id"]: i for i, p in enumerate(passages)}
    for i, p in enumerate(passages):
        for m in p.get("members", []):
            if m["outlet"] in column:
                grid[i, column[m["outlet"]]] = 1
    omitted = []
    for om in report.get("omissions", []):
        i, j = row_of.get(om["passage"]), column.get(om["outlet"])
        if i is not None and j is not None and grid[i, j] == 0:
            grid[i, j] = 2
            omitted.append((j + 0.5, i + 0.5))
    cmap = ListedColormap([_ABSENT, _CARRIED, _OMITTED])
    edge = 0.6 if len(passages) <= 80 else 0.0
    ax.pcolormesh(grid, cmap=cmap, vmin=0, vmax=2, edgecolors="white", linewidth=edge)
    if omitted:
        xs, ys = zip(*omitted, strict=False)
        ax.scatter(xs, ys, marker="x", s=min(30.0, 900.0 / max(len(passages), len(ids))), c="white", linewidths=1.0)
    _dress_grid(ax, labels, passages, snippets)
    n = len(ids)
    for i, p in enumerate(passages):
        ax.text(len(ids) + 0.15, i + 0.5, f"{p.get('support', 0)}/{n}", va="center", ha="left",
                fontsize=_size(len(passages), big=7.5, small=4.0, at=120), color="#555555", clip_on=False)
    ax.legend(handles=[Patch(color=_CARRIED, label="carried"), Patch(color=_OMITTED, label="omitted (×)"),
                       Patch(color=_ABSENT, label="not carried")],
              loc="upper center", bbox_to_anchor=(0.5, 0.0), ncols=3, frameon=False, fontsize=8)
    ax.set_title("Coverage of each passage", loc="left", pad=12)
    return ax


def outlet_scores(
    comparison: Comparison | Mapping[str, Any],
    ax: Axes | None = None,
    *,
    scores: Sequence[str] = ("omission", "wording_shift"),
    max_label: int = 28,
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

    report = _report(comparison)
    ids, labels = _outlets(report, max_label)
    ax = _axes(ax, _size_bars(report))
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
        bars = ax.barh(y - 0.4 + height * (s_i + 0.5), values, height=height * 0.92,
                       color=colours.get(name, PALETTE[(s_i + 1) % len(PALETTE)]), label=name.replace("_", " "))
        if len(ids) <= 15:
            ax.bar_label(bars, fmt="%.2f", padding=2, fontsize=7)
    ax.set_yticks(y, labels, fontsize=_size(len(ids)))
    ax.set_ylim(len(ids) - 0.5, -0.5)
    ax.set_xlim(0, max(1.0, top * 1.08))
    ax.set_xlabel("score (0 = like the others, 1 = most different)")
    ax.grid(axis="x", color="#e5e5e5", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(**_LEGEND_RIGHT)
    ax.set_title("Outlet scores", loc="left")
    return ax


def similarity_matrix(
    comparison: Comparison | Mapping[str, Any],
    ax: Axes | None = None,
    *,
    annotate: bool | None = None,
    colorbar: bool = True,
    max_label: int = 24,
) -> Axes:
    """Pairwise similarity of the content the outlets carry, as a heat map (0 to 1, cividis).

    Parameters
    ----------
    comparison : Comparison or report dict
    ax : matplotlib Axes, optional
    annotate : bool or None, default None
        Write the value in each cell (None: when there are at most 12 outlets).
    colorbar : bool, default True
    max_label : int, default 24

    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np

    report = _report(comparison)
    sim = report.get("similarity") or {}
    ids = list(sim.get("outlets") or [])
    names = outlet_names(report)
    ax = _axes(ax, _size_square(report))
    matrix = sim.get("matrix") or []
    if len(ids) < 2 or len(matrix) != len(ids):
        return _empty(ax, "No similarity matrix in this report")
    grid = np.array([[(_real(v) if _real(v) is not None else np.nan) for v in row] for row in matrix], dtype=float)
    mesh = ax.pcolormesh(grid, cmap="cividis", vmin=0.0, vmax=1.0, edgecolors="white", linewidth=0.5)
    n = len(ids)
    labels = [_label(names.get(i, i), max_label) for i in ids]
    ax.set_xticks(np.arange(n) + 0.5, labels, rotation=45, ha="right", fontsize=_size(n))
    ax.set_yticks(np.arange(n) + 0.5, labels, fontsize=_size(n))
    ax.set_xlim(0, n)
    ax.set_ylim(n, 0)
    ax.set_aspect("equal")
    ax.tick_params(length=0)
    if annotate if annotate is not None else n <= 12:
        for i in range(n):
            for j in range(n):
                if np.isfinite(grid[i, j]):
                    ax.text(j + 0.5, i + 0.5, f"{grid[i, j]:.2f}", ha="center", va="center", fontsize=_size(n, 8, 5, 12),
                            color="black" if grid[i, j] > 0.6 else "white")
    if colorbar:
        _vector(ax.figure.colorbar(mesh, ax=ax, shrink=0.7, label="content similarity"))
    ax.set_title("How similar the outlets are", loc="left")
    return ax


def loaded_language(
    comparison: Comparison | Mapping[str, Any],
    ax: Axes | None = None,
    *,
    include_quotes: bool = False,
    per_1000_words: bool = True,
    max_label: int = 28,
) -> Axes:
    """Loaded terms per outlet, stacked by lexicon category.

    Parameters
    ----------
    comparison : Comparison or report dict
    ax : matplotlib Axes, optional
    include_quotes : bool, default False
        Count loaded terms inside direct quotations too (a source's words, not the outlet's).
    per_1000_words : bool, default True
        Divide by the outlet's content words (x 1,000), so long and short articles compare.
    max_label : int, default 28

    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np

    report = _report(comparison)
    ids, labels = _outlets(report, max_label)
    ax = _axes(ax, _size_bars(report))
    spans = [s for s in report.get("loaded_language", []) if include_quotes or not s.get("in_quote")]
    if not ids:
        return _empty(ax, "No outlets")
    counts = Counter((s["outlet"], str(s.get("category", ""))) for s in spans)
    categories = sorted({c for _, c in counts})
    words = {o["id"]: _real(o.get("n_words")) or 0.0 for o in report.get("outlets", [])}
    y = np.arange(len(ids))
    left = np.zeros(len(ids))
    for k, cat in enumerate(categories):
        values = np.array([counts[(o, cat)] * (1000.0 / words[o] if per_1000_words and words[o] else 1.0) for o in ids])
        ax.barh(y, values, left=left, height=0.7, color=PALETTE[k % len(PALETTE)], label=_text(cat),
                hatch=None if k < len(PALETTE) else "//", edgecolor="white", linewidth=0.4)
        left += values
    for i, total in enumerate(left):
        ax.text(total, i, f" {total:.1f}" if per_1000_words else f" {int(total)}", va="center", fontsize=7)
    ax.set_yticks(y, labels, fontsize=_size(len(ids)))
    ax.set_ylim(len(ids) - 0.5, -0.5)
    ax.set_xlim(0, max(1.0, float(left.max()) * 1.15) if len(left) else 1.0)
    where = "all text" if include_quotes else "outside quotations"
    ax.set_xlabel(f"loaded terms per 1,000 words ({where})" if per_1000_words else f"loaded terms ({where})")
    ax.grid(axis="x", color="#e5e5e5", linewidth=0.6)
    ax.set_axisbelow(True)
    if categories:
        ax.legend(title="category", title_fontsize=8, **_LEGEND_RIGHT)
    else:
        ax.text(0.5, 0.5, "No loaded language found", ha="center", va="center", transform=ax.transAxes, color="#555555")
    ax.set_title("Loaded language by outlet and category", loc="left")
    return ax


def placement(
    comparison: Comparison | Mapping[str, Any],
    ax: Axes | None = None,
    *,
    min_support: int = 2,
    snippets: bool = True,
    colorbar: bool = True,
    max_label: int = 28,
) -> Axes:
    """Where each outlet places each shared passage: 0 = the lead, 1 = the end of the article.

    Rows are passages carried by at least ``min_support`` outlets, columns outlets; a cell's
    colour is the passage's relative position in that outlet (viridis; grey: not carried). A
    passage an outlet buries or leads with against the others (``placement_shifts``) is framed.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np
    from matplotlib import colormaps
    from matplotlib.patches import Rectangle

    report = _report(comparison)
    ids, labels = _outlets(report, max_label)
    passages = _passages(report, min_support)
    ax = _axes(ax, _size_matrix(report, len(passages), snippets))
    if not passages or not ids:
        return _empty(ax, "No shared passages to place")
    column = {o: j for j, o in enumerate(ids)}
    grid = np.full((len(passages), len(ids)), np.nan)
    for i, p in enumerate(passages):
        for outlet, pos in (p.get("placement") or {}).items():
            if outlet in column and _real(pos) is not None:
                grid[i, column[outlet]] = float(pos)
    cmap = colormaps["viridis"].with_extremes(bad=_ABSENT)
    mesh = ax.pcolormesh(np.ma.masked_invalid(grid), cmap=cmap, vmin=0.0, vmax=1.0, edgecolors="white",
                         linewidth=0.6 if len(passages) <= 80 else 0.0)
    row_of = {p["id"]: i for i, p in enumerate(passages)}
    for shift in report.get("placement_shifts", []):
        if not isinstance(shift, Mapping):
            continue
        i, j = row_of.get(shift.get("passage")), column.get(shift.get("outlet"))
        if i is not None and j is not None:
            ax.add_patch(Rectangle((j + 0.04, i + 0.06), 0.92, 0.88, fill=False, edgecolor=_OMITTED, linewidth=1.8))
    _dress_grid(ax, labels, passages, snippets)
    if colorbar:
        _vector(ax.figure.colorbar(mesh, ax=ax, shrink=0.9 if len(passages) < 20 else 0.5, aspect=30,
                                   label="position in the article\n(0 = lead, 1 = end)"))
    ax.set_title("Placement of shared passages", loc="left", pad=12)
    if any(isinstance(s, Mapping) for s in report.get("placement_shifts", [])):
        ax.set_xlabel("framed: a passage this outlet buries or leads with, against the others", fontsize=8)
    return ax


def readability(
    comparison: Comparison | Mapping[str, Any],
    ax: Axes | None = None,
    *,
    measures: Sequence[str] | None = None,
    max_label: int = 28,
) -> Axes:
    """Readability per outlet as a dot plot, one marker and colour per measure.

    Parameters
    ----------
    comparison : Comparison or report dict
    ax : matplotlib Axes, optional
    measures : sequence of str or None, default None
        Keys of each outlet's ``readability``. Default: the grade-level measures present
        (Flesch-Kincaid grade, Gunning fog, SMOG, Dale-Chall), which share one scale; pass
        ``["flesch_reading_ease"]`` for reading ease (0-100, higher is easier).
    max_label : int, default 28

    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np

    report = _report(comparison)
    ids, labels = _outlets(report, max_label)
    ax = _axes(ax, _size_bars(report))
    outlets = report.get("outlets", [])
    present = [k for o in outlets for k, v in (o.get("readability") or {}).items() if _real(v) is not None]
    if measures is None:
        measures = [m for m in _GRADE_MEASURES if m in present] or sorted(set(present))[:4]
    if not ids or not measures:
        return _empty(ax, "No readability measures in this report")
    y = np.arange(len(ids))
    markers = "osD^vP*X"
    for k, m in enumerate(measures):
        values = np.array([_real((o.get("readability") or {}).get(m)) for o in outlets], dtype=float)
        ax.scatter(values, y, marker=markers[k % len(markers)], s=36, color=PALETTE[(k + 4) % len(PALETTE)],
                   label=_text(_MEASURE_LABELS.get(m, m.replace("_", " "))), zorder=3)
    ax.set_yticks(y, labels, fontsize=_size(len(ids)))
    ax.set_ylim(len(ids) - 0.5, -0.5)
    grades = all(m in _GRADE_MEASURES for m in measures)
    ax.set_xlabel("US school grade (higher is harder to read)" if grades else "score")
    ax.grid(axis="both", color="#e5e5e5", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(**_LEGEND_RIGHT)
    ax.set_title("Readability", loc="left")
    return ax


def findings(
    comparison: Comparison | Mapping[str, Any],
    ax: Axes | None = None,
    *,
    max_label: int = 28,
) -> Axes:
    """How many findings of each kind each outlet has, as stacked horizontal bars.

    Kinds: omissions, wording shifts, loaded terms (outside quotations), altered quotations,
    conflicting values (an outlet counts when its value is in a conflict) and placement shifts.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import numpy as np

    report = _report(comparison)
    ids, labels = _outlets(report, max_label)
    ax = _axes(ax, _size_bars(report))
    if not ids:
        return _empty(ax, "No outlets")
    kinds: list[tuple[str, Counter[str]]] = [
        ("omissions", Counter(f["outlet"] for f in report.get("omissions", []))),
        ("wording shifts", Counter(f["outlet"] for f in report.get("wording_shifts", []))),
        ("loaded terms", Counter(f["outlet"] for f in report.get("loaded_language", []) if not f.get("in_quote"))),
        ("altered quotes", Counter(f["outlet"] for f in report.get("quote_alterations", []))),
        ("conflicting values", Counter(v["outlet"] for c in report.get("conflicts", []) for v in c.get("values", []))),
        ("placement shifts", Counter(f.get("outlet") for f in report.get("placement_shifts", []) if isinstance(f, Mapping))),
    ]
    colours = [_OMITTED, PALETTE[0], PALETTE[6], PALETTE[4], PALETTE[2], PALETTE[1]]
    y = np.arange(len(ids))
    left = np.zeros(len(ids))
    for (name, count), colour in zip(kinds, colours, strict=False):
        values = np.array([count[o] for o in ids], dtype=float)
        ax.barh(y, values, left=left, height=0.7, color=colour, label=name, edgecolor="white", linewidth=0.4)
        left += values
    for i, total in enumerate(left):
        ax.text(total, i, f" {int(total)}", va="center", fontsize=7)
    ax.set_yticks(y, labels, fontsize=_size(len(ids)))
    ax.set_ylim(len(ids) - 0.5, -0.5)
    ax.set_xlim(0, max(1.0, float(left.max()) * 1.12))
    ax.set_xlabel("number of findings")
    ax.grid(axis="x", color="#e5e5e5", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(**_LEGEND_RIGHT)
    ax.set_title("Findings by outlet", loc="left")
    return ax


#: The chart functions in the order of ``charts.pdf`` (after the title page).
CHARTS: tuple[Callable[..., Any], ...] = (
    coverage_matrix, outlet_scores, similarity_matrix, loaded_language, placement, readability, findings,
)


# --- the PDF --------------------------------------------------------------------------------


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width=width, break_long_words=True, break_on_hyphens=False) or [""]


def _title_page(report: Report) -> Figure:
    """A4 portrait: the story, the outlets and the key findings, in plain text."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8.27, 11.69))
    height_pt = 11.69 * 72
    y = 0.95
    x0 = 0.08

    def line(text: str, size: float, *, weight: str = "normal", color: str = "#1d1d1f", x: float = x0,
             gap: float = 1.35) -> None:
        nonlocal y
        fig.text(x, y, _text(text), fontsize=size, fontweight=weight, color=color, va="top", ha="left")
        y -= size * gap / height_pt

    gen = report.get("generator") or {}
    outlets = report.get("outlets", [])
    passages = report.get("passages", [])
    shared = sum(1 for p in passages if (p.get("support") or 0) >= 2)
    line("mediadiff report", 9, color="#5f6368")
    y -= 0.01
    for part in _wrap(str(report.get("title") or "Untitled story"), 46):
        line(part, 18, weight="bold", gap=1.3)
    y -= 0.005
    line(f"{len(outlets)} outlets compared · {len(passages)} passages, {shared} carried by two or more outlets", 10,
         color="#5f6368")
    y -= 0.02
    line("Outlets", 12, weight="bold", gap=1.6)
    if len(outlets) <= 12:
        for o in outlets:
            title = f" — {shorten(str(o['title']), 60)}" if o.get("title") else ""
            line(f"• {_middle(o.get('name') or o['id'], 40)}: {o.get('n_words', '?')} words{title}", 9.0)
    else:  # two columns, names only
        half = (len(outlets) + 1) // 2
        top = y
        for col, chunk in enumerate((outlets[:half], outlets[half:])):
            y = top
            for o in chunk:
                line(f"• {_middle(o.get('name') or o['id'], 44)}: {o.get('n_words', '?')} words", 7.0, x=x0 + col * 0.44)
        y = top - half * 7.0 * 1.35 / height_pt
    y -= 0.02
    line("Key findings", 12, weight="bold", gap=1.6)
    for sentence in key_findings(report):
        if y < 0.17:
            line("… more in report.html and report.md", 9, color="#5f6368")
            break
        for k, part in enumerate(_wrap(sentence, 100)):
            line(("• " if k == 0 else "   ") + part, 9.5, gap=1.38)
        y -= 0.004
    y = min(y, 0.14)
    line("Pages: " + ", ".join(f"{i + 2} {f.__name__.replace('_', ' ')}" for i, f in enumerate(CHARTS)), 8,
         color="#5f6368")
    line(f"Made by {gen.get('name', 'mediadiff')} {gen.get('version', '')} (report schema "
         f"{report.get('schema_version', '?')}); the data behind every chart is in report.json.", 8, color="#5f6368")
    warnings_ = report.get("warnings") or []
    if warnings_:
        line(f"Warnings: {shorten(join_names([str(w) for w in warnings_]), 150)}", 8, color="#8a3300")
    return fig


def render_pdf(comparison: Comparison | Mapping[str, Any]) -> bytes:
    """The charts of a comparison as one multi-page vector PDF: a title page, then every chart.

    Pages: the title page (story, outlets, key findings), then :data:`CHARTS` in order, each
    page sized to its chart. Fonts are embedded as TrueType (``pdf.fonttype`` 42) and the file
    carries no creation date, so the same input gives byte-identical output. Drawn with
    matplotlib's PDF backend on standalone Figures (no pyplot, no GUI, no global state).

    Parameters
    ----------
    comparison : Comparison or report dict

    Returns
    -------
    bytes
        The PDF file.
    """
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    from . import __version__

    report = _report(comparison)
    buffer = io.BytesIO()
    metadata = {
        "Title": str(report.get("title") or "mediadiff report"),
        "Creator": f"mediadiff {__version__}",
        "Subject": "Charts of a mediadiff comparison",
        "CreationDate": None,
    }
    sizes: dict[Callable[..., Any], tuple[float, float]] = {
        coverage_matrix: _size_matrix(report, len(_passages(report, 1)), True),
        placement: _size_matrix(report, len(_passages(report, 2)), True),
        similarity_matrix: _size_square(report),
    }
    with matplotlib.rc_context(_RC), warnings.catch_warnings():
        # Text in scripts DejaVu Sans lacks is drawn as boxes; that is not worth a warning per glyph.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from", category=UserWarning)
        with PdfPages(buffer, metadata=metadata) as pdf:
            pdf.savefig(_title_page(report))
            for chart in CHARTS:
                fig = Figure(figsize=sizes.get(chart, _size_bars(report)), layout="constrained")
                chart(report, ax=fig.add_subplot())
                pdf.savefig(fig)
    return buffer.getvalue()
