"""Charts of a comparison, for research code and for ``charts.pdf``.

One function per chart, in the manner of scikit-learn's and seaborn's plotting functions: each
takes a :class:`~mediadiff.Comparison` (or its report dict, e.g. a loaded ``report.json``), draws
into ``ax`` (a new figure sized to the data when ``ax`` is None) and returns the Axes.
matplotlib is imported inside the functions, so ``import mediadiff`` never loads it.

Every chart draws the report's own figures (the loaded-language rate is ``scores.loaded_language``,
the number the HTML and Markdown reports give), so a number reads the same in every format.
Colours come from the Okabe–Ito palette and the cividis/viridis maps, which stay distinct under
the common colour-vision deficiencies; omissions are also marked with a cross and paraphrases
with ≈, so the coverage matrix reads in greyscale too. A loaded-language category has one colour
everywhere (the HTML report's ``CATEGORY_COLOURS``, by a fixed order of categories). Outlet
names longer than ``max_label`` (28) characters are cut in the middle with an ellipsis (names
that share a beginning stay distinct), the same way on the PDF's title page; label sizes shrink
with the number of outlets and passages (2-30 outlets stay legible). Text from the input is drawn
as plain text (a ``$`` never starts mathtext).

Public names
------------
coverage_matrix     passages x outlets: carried, omitted, said in other words, or not carried.
outlet_scores       omission and wording-shift scores per outlet.
similarity_matrix   pairwise content similarity of the outlets (share of text in shared passages).
loaded_language     loaded terms per 1,000 own words per outlet, stacked by category.
placement           where each outlet places each shared passage (0 = lead, 1 = end).
readability         grade-level measures per outlet; Dale-Chall on its own scale.
findings            number of findings of each kind per outlet, one column (and scale) per kind.
render_pdf          Comparison -> bytes of a multi-page vector PDF, every page A4 portrait.
CHARTS              the chart functions, in the order of the PDF.
PALETTE             the Okabe-Ito colours.
"""

from __future__ import annotations

import io
import math
import warnings
import zlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ._presentation import (
    CATEGORY_COLOURS,
    CATEGORY_ORDER,
    category_colour,
    join_names,
    outlet_names,
    own_voice,
    passage_snippet,
    shorten,
)
from ._summary import key_findings
from ._version import __version__
from .analysis import finding_kinds
from .errors import ParameterError, is_int

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType

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
_CARRIED, _OMITTED, _ABSENT, _PARAPHRASED = "#0072B2", "#D55E00", "#EDEDED", "#A9D2EE"
#: Measures on the US-school-grade scale. Dale-Chall is not one of them: its score is read
#: through a table (4.9 or less: grade 4 and below; 9.0-9.9: college), so it gets its own axis.
_GRADE_MEASURES = ("flesch_kincaid_grade", "gunning_fog", "smog_index")
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
#: Loaded-language categories in a fixed order (the bundled lexicon's, then ``contrast``, the
#: wording only the outlet uses): category k has ``CATEGORY_COLOURS[k]`` (the HTML report's
#: tint) with ``PALETTE[k]`` (the same hue, full strength) as its edge, in every chart of every
#: report. A category not listed (from a user's lexicon) gets a colour by a hash of its name,
#: hatched so it never passes for a listed one.
_CATEGORIES = CATEGORY_ORDER
_HATCHES = ("//", "\\\\", "xx", "..", "++", "--", "||", "oo")
#: Outlet names are cut to this many characters in every chart and on the title page.
_MAX_LABEL = 28
#: rcParams for every page of the PDF: TrueType fonts embedded (not Type 3), no mathtext.
_RC: dict[RcKeyType, Any] = {
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "font.family": "DejaVu Sans",
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
}
#: Every page of the PDF: A4 portrait (inches), margins and the running header's height.
_PAGE, _MARGIN, _HEADER = (8.27, 11.69), 0.6, 0.35
#: Most passage rows on one page of a matrix; more go on to a continuation page.
_ROWS_PER_PAGE = 60

#: Legends outside the axes, top right: they never cover bars, and constrained layout makes room.
_LEGEND_RIGHT: dict[str, Any] = {
    "loc": "upper left",
    "bbox_to_anchor": (1.01, 1.0),
    "fontsize": 8,
    "frameon": False,
    "borderaxespad": 0.0,
}

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
    ax.set_xticks(
        np.arange(len(labels)) + 0.5,
        labels,
        rotation=0 if flat else 45,
        ha="center" if flat else "left",
        rotation_mode="anchor",
        fontsize=_size(len(labels)),
    )


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


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width=width, break_long_words=True, break_on_hyphens=False) or [""]


def _title(ax: Axes, title: str, caption: str | None = None, *, pad: float = 6.0) -> None:
    """A chart's title at the top left and, under it, a caption in small grey type.

    The title is lifted by the caption's height (above any labels along the top, as matplotlib
    places titles) and the caption hangs from the title, so the two never part.
    """
    if not caption:
        ax.set_title(title, loc="left", pad=pad)
        return
    size = 8.0
    # The axes' final width is known only after layout: take the smaller of its width now and
    # 55% of the figure's (what is left beside outlet names and a legend).
    from matplotlib.figure import Figure

    figure = ax.figure
    inches = min(ax.get_position().width, 0.55) * (figure.get_figwidth() if isinstance(figure, Figure) else _PAGE[0])
    lines = _wrap(caption, max(40, int(inches * 72 / (size * 0.56))))
    heading = ax.set_title(title, loc="left", pad=pad + len(lines) * size * 1.2 + 3)
    ax.annotate(
        "\n".join(lines),
        xy=(0, 0),
        xycoords=heading,
        xytext=(0, -3),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=size,
        color="#555555",
        annotation_clip=False,
        clip_on=False,
    )


def _passages(report: Report, min_support: int) -> list[Mapping[str, Any]]:
    return [p for p in report.get("passages", []) if (p.get("support") or 0) >= min_support]


def _passage_label(p: Mapping[str, Any], snippets: bool, width: int = 44) -> str:
    if not snippets or not p.get("members"):
        return _text(p["id"])
    return _text(f"{p['id']}  {passage_snippet(p, width)}")


def _category_style(category: str) -> dict[str, Any]:
    """Fill, edge and hatch of a loaded-language category: the same in every chart and report.

    >>> _category_style("force")["facecolor"] == CATEGORY_COLOURS[0]
    True
    >>> _category_style("my own category") == _category_style("my own category")
    True
    """
    k = category_colour(category)
    # categories outside the lexicon share its spare tint; a hatch by name tells them apart
    hatch = None if category in _CATEGORIES else _HATCHES[zlib.crc32(category.encode("utf-8")) % len(_HATCHES)]
    return {
        "facecolor": CATEGORY_COLOURS[k % len(CATEGORY_COLOURS)],
        "edgecolor": PALETTE[k % len(PALETTE)],
        "hatch": hatch,
    }


def _category_order(categories: Sequence[str]) -> list[str]:
    """Categories in the fixed order, then any others sorted."""
    known = [c for c in _CATEGORIES if c in categories]
    return known + sorted(c for c in set(categories) if c not in _CATEGORIES)


# --- sizes when a chart makes its own figure (also its height on a PDF page) ----------------


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
    ax.set_yticks(
        np.arange(len(passages)) + 0.5,
        [_passage_label(p, snippets) for p in passages],
        fontsize=_size(len(passages), big=8.0, small=4.0, at=120),
    )
    ax.tick_params(length=0)
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)


def _size_bars(report: Report) -> tuple[float, float]:
    return (8.0, min(16.0, 2.6 + 0.42 * len(report.get("outlets", []))))


def _size_square(report: Report) -> tuple[float, float]:
    n = len(report.get("outlets", []))
    side = min(14.0, 4.5 + 0.32 * n)
    return (side + 1.2, side + 0.4)


def _min_support(report: Report) -> int:
    """The ``min_support`` the omission finder used (compare's default, 2, when not recorded)."""
    value = (report.get("options") or {}).get("min_support")
    return int(value) if value is not None and is_int(value) and int(value) >= 1 else 2


# --- the charts -----------------------------------------------------------------------------


def coverage_matrix(
    comparison: Comparison | Mapping[str, Any],
    ax: Axes | None = None,
    *,
    min_support: int = 1,
    snippets: bool = True,
    max_label: int = _MAX_LABEL,
) -> Axes:
    """Passages (rows, in story order) by outlets (columns): who carries what, who omits what.

    Each cell is one of four cases, told apart by colour and by a mark (so they read in
    greyscale too):

    - blue: the outlet carries the passage;
    - vermillion with a cross: an omission (the report has an omission finding for it);
    - light blue with ≈: not carried as such, and not an omission: enough other outlets carry
      it, but this outlet has a close paraphrase, so it most likely says it in other words (the
      passage's ``paraphrased`` field, shown as "≈" in the HTML and Markdown reports too);
    - grey: not carried, and not an omission: too few outlets carry it (fewer than the
      comparison's ``min_support``, read from the report's ``options``), or the article is off
      the story.

    The number right of each row is its support (outlets carrying it / all outlets).

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
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    report = _report(comparison)
    ids, labels = _outlets(report, max_label)
    passages = _passages(report, min_support)
    ax = _axes(ax, _size_matrix(report, len(passages), snippets))
    if not passages or not ids:
        return _empty(ax, "No passages to show")
    counted = _min_support(report)
    column = {o: j for j, o in enumerate(ids)}
    # 0 not carried (too few carry it), 1 carried, 2 omitted, 3 said in other words
    grid = np.zeros((len(passages), len(ids)))
    row_of = {p["id"]: i for i, p in enumerate(passages)}
    for i, p in enumerate(passages):
        for m in p.get("members", []):
            if m["outlet"] in column:
                grid[i, column[m["outlet"]]] = 1
    omitted = []
    for om in report.get("omissions", []):
        row, col = row_of.get(om["passage"]), column.get(om["outlet"])
        if row is not None and col is not None and grid[row, col] == 0:
            grid[row, col] = 2
            omitted.append((col + 0.5, row + 0.5))
    paraphrased = []
    for i, p in enumerate(passages):
        for oid in p.get("paraphrased") or {}:  # the report's one field for "≈", as in HTML and Markdown
            col = column.get(oid)
            if col is not None and grid[i, col] == 0:
                grid[i, col] = 3
                paraphrased.append((col + 0.5, i + 0.5))
    cmap = ListedColormap([_ABSENT, _CARRIED, _OMITTED, _PARAPHRASED])
    edge = 0.6 if len(passages) <= 80 else 0.0
    ax.pcolormesh(grid, cmap=cmap, vmin=-0.5, vmax=3.5, edgecolors="white", linewidth=edge)
    mark = min(30.0, 900.0 / max(len(passages), len(ids)))
    if omitted:
        xs, ys = zip(*omitted, strict=False)
        ax.scatter(xs, ys, marker="x", s=mark, c="white", linewidths=1.0)
    if paraphrased:
        xs, ys = zip(*paraphrased, strict=False)
        ax.scatter(xs, ys, marker=r"$\approx$", s=mark * 1.6, c=_CARRIED, linewidths=0.3)
    _dress_grid(ax, labels, passages, snippets)
    n = len(ids)
    for i, p in enumerate(passages):
        ax.text(
            len(ids) + 0.15,
            i + 0.5,
            f"{p.get('support', 0)}/{n}",
            va="center",
            ha="left",
            fontsize=_size(len(passages), big=7.5, small=4.0, at=120),
            color="#555555",
            clip_on=False,
        )

    def marked(colour: str, marker: str, marker_colour: str) -> tuple[Any, ...]:
        return (
            Patch(color=colour),
            Line2D([], [], marker=marker, color=marker_colour, linestyle="none", markersize=6, markeredgewidth=1.0),
        )

    cases = [
        (1, Patch(color=_CARRIED), "carried"),
        (2, marked(_OMITTED, "x", "white"), "omitted (an omission finding)"),
        (3, marked(_PARAPHRASED, r"$\approx$", _CARRIED), "in other words: a close paraphrase, not an omission"),
        (0, Patch(color=_ABSENT), f"not carried; fewer than {counted} outlets carry it"),
    ]
    shown = [(handle, text) for case, handle, text in cases if case == 1 or (grid == case).any()]
    ax.legend(
        handles=[h for h, _ in shown],
        labels=[t for _, t in shown],
        loc="upper left",
        bbox_to_anchor=(0.0, 0.0),
        frameon=False,
        fontsize=8,
        borderaxespad=0.4,
    )
    ax.set_title("Which outlets carry each passage", loc="left", pad=12)
    return ax


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


def similarity_matrix(
    comparison: Comparison | Mapping[str, Any],
    ax: Axes | None = None,
    *,
    annotate: bool | None = None,
    colorbar: bool = True,
    max_label: int = _MAX_LABEL,
) -> Axes:
    """Pairwise similarity of the content the outlets carry, as a heat map (0 to 1, cividis).

    A cell is the share of the two outlets' text (in characters) that lies in passages both
    carry: 1 when they carry the same passages, 0 when they share none (the report's
    ``similarity.matrix``).

    Parameters
    ----------
    comparison : Comparison or report dict
    ax : matplotlib Axes, optional
    annotate : bool or None, default None
        Write the value in each cell (None: when there are at most 12 outlets).
    colorbar : bool, default True
    max_label : int, default 28

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
                    ax.text(
                        j + 0.5,
                        i + 0.5,
                        f"{grid[i, j]:.2f}",
                        ha="center",
                        va="center",
                        fontsize=_size(n, 8, 5, 12),
                        color="black" if grid[i, j] > 0.6 else "white",
                    )
    if colorbar:
        _vector(
            ax.figure.colorbar(mesh, ax=ax, shrink=0.7, label="share of the two outlets' text\nin passages both carry")
        )
    _title(
        ax,
        "Pairwise content similarity of the outlets",
        "Share of two outlets' text that lies in passages both carry: 1 = they carry the same passages, "
        "0 = they share none. It says nothing of wording.",
    )
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

    report = _report(comparison)
    ids, labels = _outlets(report, max_label)
    ax = _axes(ax, _size_bars(report))
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


def placement(
    comparison: Comparison | Mapping[str, Any],
    ax: Axes | None = None,
    *,
    min_support: int = 2,
    snippets: bool = True,
    colorbar: bool = True,
    max_label: int = _MAX_LABEL,
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
    mesh = ax.pcolormesh(
        np.ma.masked_invalid(grid),
        cmap=cmap,
        vmin=0.0,
        vmax=1.0,
        edgecolors="white",
        linewidth=0.6 if len(passages) <= 80 else 0.0,
    )
    row_of = {p["id"]: i for i, p in enumerate(passages)}
    for shift in report.get("placement_shifts", []):
        if not isinstance(shift, Mapping):
            continue
        row, col = row_of.get(str(shift.get("passage"))), column.get(str(shift.get("outlet")))
        if row is not None and col is not None:
            ax.add_patch(Rectangle((col + 0.04, row + 0.06), 0.92, 0.88, fill=False, edgecolor=_OMITTED, linewidth=1.8))
    _dress_grid(ax, labels, passages, snippets)
    if colorbar:
        _vector(
            ax.figure.colorbar(
                mesh,
                ax=ax,
                shrink=0.9 if len(passages) < 20 else 0.5,
                aspect=30,
                label="position in the article\n(0 = lead, 1 = end)",
            )
        )
    ax.set_title("Where each outlet places the shared passages", loc="left", pad=12)
    note = "grey: not carried"
    if any(isinstance(s, Mapping) for s in report.get("placement_shifts", [])):
        note += "; framed: a passage this outlet buries or leads with, against the others"
    ax.set_xlabel(note, fontsize=8)
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

    report = _report(comparison)
    ids, labels = _outlets(report, max_label)
    ax = _axes(ax, _size_bars(report))
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

    report = _report(comparison)
    ids, labels = _outlets(report, max_label)
    ax = _axes(ax, (_size_bars(report)[0], _size_bars(report)[1] + 0.6))
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


#: The chart functions in the order of ``charts.pdf`` (after the title page).
CHARTS: tuple[Callable[..., Any], ...] = (
    coverage_matrix,
    outlet_scores,
    similarity_matrix,
    loaded_language,
    placement,
    readability,
    findings,
)


# --- the PDF --------------------------------------------------------------------------------


class _Page(NamedTuple):
    """One page of the PDF after the title page: a name for the contents line, its chart's
    height in inches (the page gives it at most its room), how to draw it into a Figure, and
    which part of a long chart it is ("" when the chart fits one page)."""

    name: str
    height: float
    draw: Callable[[Figure], None]
    part: str = ""


def _chunks(rows: Sequence[Mapping[str, Any]]) -> list[list[Mapping[str, Any]]]:
    """Passage rows split evenly over as few pages as hold at most ``_ROWS_PER_PAGE`` each."""
    if not rows:
        return [[]]
    k = math.ceil(len(rows) / _ROWS_PER_PAGE)
    size = math.ceil(len(rows) / k)
    return [list(rows[i : i + size]) for i in range(0, len(rows), size)]


def _plan(report: Report) -> list[_Page]:
    """The chart pages of the PDF, in the order of :data:`CHARTS`."""
    pages: list[_Page] = []

    def one(chart: Callable[..., Any], name: str, height: float) -> None:
        pages.append(_Page(name, height, lambda fig: chart(report, ax=fig.add_subplot())))

    def _drawing(chart: Callable[..., Any], part: Report, min_support: int) -> Callable[[Any], Any]:
        return lambda fig: chart(part, ax=fig.add_subplot(), min_support=min_support)

    def matrix(chart: Callable[..., Any], name: str, min_support: int) -> None:
        chunks = _chunks(_passages(report, min_support))
        for k, rows in enumerate(chunks):
            part = {**report, "passages": rows}
            where = (
                f"part {k + 1} of {len(chunks)}: passages {rows[0]['id']} to {rows[-1]['id']}"
                if len(chunks) > 1
                else ""
            )
            pages.append(
                _Page(name, _size_matrix(report, len(rows), True)[1] + 0.8, _drawing(chart, part, min_support), where)
            )

    bars = _size_bars(report)[1]
    matrix(coverage_matrix, "who carries each passage", 1)
    one(outlet_scores, "outlet scores", bars + 0.4)
    # a square matrix is as wide as the page allows, so it need not be taller than about that
    one(similarity_matrix, "content similarity", min(_size_square(report)[1] + 0.4, _PAGE[0]))
    one(loaded_language, "loaded language", bars + 0.5)
    matrix(placement, "placement", 2)
    present = {
        k for o in report.get("outlets", []) for k, v in (o.get("readability") or {}).items() if _real(v) is not None
    }

    def both(fig: Figure) -> None:
        top, bottom = fig.subplots(2, 1, height_ratios=[bars, bars * 0.8])
        readability(report, ax=top)
        readability(report, ax=bottom, measures=["dale_chall"])

    if "dale_chall" in present and present & set(_GRADE_MEASURES):
        pages.append(_Page("readability", bars * 1.8 + 0.8, both))
    else:
        one(readability, "readability", bars + 0.4)
    one(findings, "findings per outlet", bars + 1.1)
    return pages


def _contents(pages: Sequence[_Page]) -> str:
    """ "Pages: 2-3 who carries each passage, 4 outlet scores, ...": the title page's contents line."""
    parts: list[str] = []
    number = 2
    k = 0
    while k < len(pages):
        first = number
        name = pages[k].name
        while k + 1 < len(pages) and pages[k + 1].name == name:
            k += 1
            number += 1
        parts.append(f"{first}{'-' + str(number) if number > first else ''} {name}")
        k += 1
        number += 1
    return "Pages: " + ", ".join(parts)


def _header(fig: Figure, report: Report, number: int, total: int, part: str = "") -> None:
    """The running header of a page: the story, the page number, which part of a long chart."""
    width, height = _PAGE
    y = 1 - _MARGIN / height
    story = shorten(str(report.get("title") or "Untitled story"), 80 if not part else 50)
    left = f"mediadiff · {story}" + (f" · {part}" if part else "")
    fig.text(_MARGIN / width, y, _text(left), fontsize=7.5, color="#5f6368", ha="left", va="top")
    fig.text(1 - _MARGIN / width, y, f"page {number} of {total}", fontsize=7.5, color="#5f6368", ha="right", va="top")


def _chart_page(report: Report, page: _Page, number: int, total: int) -> Figure:
    """An A4 portrait page: the running header, then the chart, as tall as it needs (at most the page)."""
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    width, height = _PAGE
    room = height - 2 * _MARGIN - _HEADER
    tall = min(page.height, room)
    rect = (_MARGIN / width, (height - _MARGIN - _HEADER - tall) / height, (width - 2 * _MARGIN) / width, tall / height)
    fig = Figure(figsize=_PAGE, layout=ConstrainedLayoutEngine(rect=rect, h_pad=0.04, w_pad=0.04))
    _header(fig, report, number, total, page.part)
    page.draw(fig)
    return fig


def _title_page(report: Report, pages: Sequence[_Page] | None = None) -> Figure:
    """A4 portrait: the story, the outlets and the key findings, in plain text within the margins."""
    from matplotlib.figure import Figure

    pages = _plan(report) if pages is None else pages
    width, height = _PAGE
    fig = Figure(figsize=_PAGE)
    height_pt = height * 72
    room_pt = (width - 2 * _MARGIN) * 72
    x0 = _MARGIN / width
    y = 1 - _MARGIN / height

    def chars(size: float, share: float = 1.0) -> int:
        """How many characters of DejaVu Sans at ``size`` points fit in ``share`` of the text width."""
        return max(20, int(room_pt * share / (size * 0.6)))

    def line(
        text: str, size: float, *, weight: str = "normal", color: str = "#1d1d1f", x: float = x0, gap: float = 1.35
    ) -> None:
        nonlocal y
        fig.text(x, y, _text(text), fontsize=size, fontweight=weight, color=color, va="top", ha="left")
        y -= size * gap / height_pt

    def para(text: str, size: float, *, indent: str = "", first: str = "", share: float = 1.0, **kw: Any) -> None:
        for k, part in enumerate(_wrap(text, chars(size, share) - len(indent))):
            line((first if k == 0 else indent) + part, size, **kw)

    gen = report.get("generator") or {}
    outlets = report.get("outlets", [])
    passages = report.get("passages", [])
    shared = sum(1 for p in passages if (p.get("support") or 0) >= 2)
    fig.text(1 - x0, y, f"page 1 of {len(pages) + 1}", fontsize=7.5, color="#5f6368", ha="right", va="top")
    line("mediadiff report", 9, color="#5f6368")
    y -= 0.01
    for part in _wrap(str(report.get("title") or "Untitled story"), chars(18) - 2):
        line(part, 18, weight="bold", gap=1.3)
    y -= 0.005
    para(
        f"{len(outlets)} outlets compared · {len(passages)} passages, {shared} carried by two or more outlets",
        10,
        color="#5f6368",
    )
    y -= 0.02
    line("Outlets", 12, weight="bold", gap=1.6)
    cut = [
        o
        for o in outlets
        if _middle(o.get("name") or o["id"], _MAX_LABEL) != " ".join(str(o.get("name") or o["id"]).split())
    ]
    if len(outlets) <= 12:
        for o in outlets:
            title = f" — {o['title']}" if o.get("title") else ""
            text = f"{_middle(o.get('name') or o['id'], _MAX_LABEL)}: {o.get('n_words', '?')} words{title}"
            para(shorten(text, 2 * chars(9.0) - 6), 9.0, first="• ", indent="   ")
    else:  # two columns, names only
        half = (len(outlets) + 1) // 2
        top = y
        for col, chunk in enumerate((outlets[:half], outlets[half:])):
            y = top
            for o in chunk:
                line(
                    f"• {_middle(o.get('name') or o['id'], _MAX_LABEL)}: {o.get('n_words', '?')} words",
                    7.0,
                    x=x0 + col * 0.5 * (1 - 2 * x0),
                )
        y = top - half * 7.0 * 1.35 / height_pt
    if cut:
        y -= 0.004
        para(
            f"Names longer than {_MAX_LABEL} characters are cut in the middle (…), here and in every chart; "
            "report.html gives them in full.",
            8,
            color="#5f6368",
        )
    y -= 0.02
    line("Key findings", 12, weight="bold", gap=1.6)
    for sentence in key_findings(report):
        if y < 0.17:
            line("… more in report.html and report.md", 9, color="#5f6368")
            break
        para(sentence, 9.5, first="• ", indent="   ", gap=1.38)
        y -= 0.004
    y = min(y, 0.14)
    para(_contents(pages), 8, color="#5f6368")
    para(
        f"Made by {gen.get('name', 'mediadiff')} {gen.get('version', '')} (report schema "
        f"{report.get('schema_version', '?')}); the data behind every chart is in report.json.",
        8,
        color="#5f6368",
    )
    warnings_ = report.get("warnings") or []
    if warnings_:
        para(f"Warnings: {shorten(join_names([str(w) for w in warnings_]), 150)}", 8, color="#8a3300")
    return fig


def render_pdf(comparison: Comparison | Mapping[str, Any]) -> bytes:
    """The charts of a comparison as one multi-page vector PDF: a title page, then every chart.

    Pages: the title page (story, outlets, key findings), then :data:`CHARTS` in order. Every
    page is A4 portrait with the same margins and a running header (the story, the page
    number); a chart takes the height it needs, and a matrix of more than 60 passages goes on
    over as many pages as it needs. The readability page has two panels: the grade-level
    measures, and Dale-Chall on its own scale. Fonts are embedded as TrueType
    (``pdf.fonttype`` 42) and the file carries no creation date, so the same input gives
    byte-identical output. Drawn with matplotlib's PDF backend on standalone Figures (no
    pyplot, no GUI, no global state).

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

    report = _report(comparison)
    buffer = io.BytesIO()
    metadata = {
        "Title": str(report.get("title") or "mediadiff report"),
        "Creator": f"mediadiff {__version__}",
        "Subject": "Charts of a mediadiff comparison",
        "CreationDate": None,
    }
    with matplotlib.rc_context(_RC), warnings.catch_warnings():
        # Text in scripts DejaVu Sans lacks is drawn as boxes; that is not worth a warning per glyph.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from", category=UserWarning)
        pages = _plan(report)
        with PdfPages(buffer, metadata=metadata) as pdf:
            pdf.savefig(_title_page(report, pages))
            for number, page in enumerate(pages, start=2):
                pdf.savefig(_chart_page(report, page, number, len(pages) + 1))
    return buffer.getvalue()
