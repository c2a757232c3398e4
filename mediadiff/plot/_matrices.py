"""The passage and outlet matrices: ``coverage_matrix``, ``similarity_matrix``, ``placement``.

Private to :mod:`mediadiff.plot`, which re-exports the charts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .._presentation import outlet_names
from ._style import (
    _ABSENT,
    _CARRIED,
    _MAX_LABEL,
    _OMITTED,
    _PARAPHRASED,
    Report,
    _axes,
    _dress_grid,
    _empty,
    _grid_axes,
    _label,
    _min_support,
    _real,
    _report,
    _size,
    _size_square,
    _title,
    _vector,
)

if TYPE_CHECKING:
    import numpy as np
    from matplotlib.axes import Axes
    from numpy.typing import NDArray

    from ..compare import Comparison


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
    report, ids, labels, passages, ax = _grid_axes(comparison, ax, min_support, max_label, snippets)
    if not passages or not ids:
        return _empty(ax, "No passages to show")
    grid, omitted, paraphrased = _coverage_grid(report, ids, passages)
    _draw_coverage(ax, grid, omitted, paraphrased)
    _dress_grid(ax, labels, passages, snippets)
    _support_labels(ax, passages, len(ids))
    _coverage_legend(ax, grid, _min_support(report))
    ax.set_title("Which outlets carry each passage", loc="left", pad=12)
    return ax


#: Cells of the coverage grid: (column, row) centres of the cells that get a mark.
_Cells = list[tuple[float, float]]


def _coverage_grid(
    report: Report, ids: Sequence[str], passages: Sequence[Mapping[str, Any]]
) -> tuple[NDArray[np.float64], _Cells, _Cells]:
    """The coverage matrix's cases, passages x outlets: 0 not carried (too few carry it),
    1 carried, 2 omitted, 3 said in other words; and the centres of the omitted and the
    paraphrased cells (which get a mark)."""
    import numpy as np

    column = {o: j for j, o in enumerate(ids)}
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
    return grid, omitted, paraphrased


def _draw_coverage(ax: Axes, grid: NDArray[np.float64], omitted: _Cells, paraphrased: _Cells) -> None:
    """The cells in their colours, a cross on each omission and ≈ on each paraphrase."""
    from matplotlib.colors import ListedColormap

    rows, columns = grid.shape
    cmap = ListedColormap([_ABSENT, _CARRIED, _OMITTED, _PARAPHRASED])
    edge = 0.6 if rows <= 80 else 0.0
    ax.pcolormesh(grid, cmap=cmap, vmin=-0.5, vmax=3.5, edgecolors="white", linewidth=edge)
    mark = min(30.0, 900.0 / max(rows, columns))
    if omitted:
        xs, ys = zip(*omitted, strict=False)
        ax.scatter(xs, ys, marker="x", s=mark, c="white", linewidths=1.0)
    if paraphrased:
        xs, ys = zip(*paraphrased, strict=False)
        ax.scatter(xs, ys, marker=r"$\approx$", s=mark * 1.6, c=_CARRIED, linewidths=0.3)


def _support_labels(ax: Axes, passages: Sequence[Mapping[str, Any]], n: int) -> None:
    """Right of each row, its support: outlets carrying it / all ``n`` outlets."""
    for i, p in enumerate(passages):
        ax.text(
            n + 0.15,
            i + 0.5,
            f"{p.get('support', 0)}/{n}",
            va="center",
            ha="left",
            fontsize=_size(len(passages), big=7.5, small=4.0, at=120),
            color="#555555",
            clip_on=False,
        )


def _coverage_legend(ax: Axes, grid: NDArray[np.float64], counted: int) -> None:
    """The legend under the matrix: "carried", then each other case the grid has."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

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

    report, ids, labels, passages, ax = _grid_axes(comparison, ax, min_support, max_label, snippets)
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
