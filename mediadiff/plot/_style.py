"""The shared look of every chart: colours, label sizes, titles and captions, figure sizes.

Private to :mod:`mediadiff.plot`. Nothing here imports matplotlib or numpy at module level: the
helpers that draw import them when called.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .._presentation import CATEGORY_COLOURS, CATEGORY_ORDER, category_colour, outlet_names, passage_snippet
from ..errors import ParameterError, is_int

if TYPE_CHECKING:
    from matplotlib.axes import Axes

#: Okabe & Ito's colour-blind-safe palette (orange, sky blue, bluish green, yellow, blue,
#: vermillion, reddish purple, grey).
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
_CARRIED, _OMITTED, _ABSENT, _PARAPHRASED = "#0072B2", "#D55E00", "#EDEDED", "#A9D2EE"
#: Measures on the US-school-grade scale. Dale-Chall is not one of them: its score is read
#: through a table (4.9 or less: grade 4 and below; 9.0-9.9: college), so it gets its own axis.
_GRADE_MEASURES = ("flesch_kincaid_grade", "gunning_fog", "smog_index")
#: Loaded-language categories in a fixed order (the bundled lexicon's, then ``contrast``, the
#: wording only the outlet uses): category k has ``CATEGORY_COLOURS[k]`` (the HTML report's
#: tint) with ``PALETTE[k]`` (the same hue, full strength) as its edge, in every chart of every
#: report. A category not listed (from a user's lexicon) gets a colour by a hash of its name,
#: hatched so it never passes for a listed one.
_CATEGORIES = CATEGORY_ORDER
_HATCHES = ("//", "\\\\", "xx", "..", "++", "--", "||", "oo")
#: Outlet names are cut to this many characters in every chart and on the title page.
_MAX_LABEL = 28
#: A4 portrait (inches): every page of the PDF, and the width a caption is fitted to when a
#: chart's figure does not say its own.
_PAGE = (8.27, 11.69)

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


def _outlet_axes(
    comparison: Any, ax: Axes | None, max_label: int, taller: float = 0.0
) -> tuple[Report, list[str], list[str], Axes]:
    """What a chart with a row per outlet starts from: the report, the outlet ids and their
    labels, and the axes (a new figure ``taller`` inches taller than the bar size, if none)."""
    report = _report(comparison)
    ids, labels = _outlets(report, max_label)
    width, height = _size_bars(report)
    return report, ids, labels, _axes(ax, (width, height + taller))


def _grid_axes(
    comparison: Any, ax: Axes | None, min_support: int, max_label: int, snippets: bool
) -> tuple[Report, list[str], list[str], list[Mapping[str, Any]], Axes]:
    """What a passage x outlet grid starts from: the report, the outlet ids and labels, the
    passages carried by at least ``min_support`` outlets, and the axes."""
    report = _report(comparison)
    ids, labels = _outlets(report, max_label)
    passages = _passages(report, min_support)
    return report, ids, labels, passages, _axes(ax, _size_matrix(report, len(passages), snippets))


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
