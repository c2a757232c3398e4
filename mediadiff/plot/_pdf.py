"""``charts.pdf``: a title page, then every chart, on A4 portrait pages with a running header.

Private to :mod:`mediadiff.plot`, which re-exports ``render_pdf`` and ``CHARTS``.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from .._presentation import join_names, shorten
from .._summary import key_findings
from .._version import __version__
from ._matrices import coverage_matrix, placement, similarity_matrix
from ._per_outlet import findings, loaded_language, outlet_scores, readability
from ._style import (
    _GRADE_MEASURES,
    _MAX_LABEL,
    _PAGE,
    Report,
    _middle,
    _passages,
    _real,
    _report,
    _size_bars,
    _size_matrix,
    _size_square,
    _text,
    _wrap,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType

    from ..compare import Comparison

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
#: Every page's margins and the running header's height (inches).
_MARGIN, _HEADER = 0.6, 0.35
#: Most passage rows on one page of a matrix; more go on to a continuation page.
_ROWS_PER_PAGE = 60

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


class _TextColumn:
    """Lines of plain text down a page within its margins, from the top: ``y`` is where the next
    line starts (a fraction of the page's height)."""

    def __init__(self, fig: Figure) -> None:
        width, height = _PAGE
        self.fig = fig
        self.height_pt = height * 72
        self.room_pt = (width - 2 * _MARGIN) * 72
        self.x0 = _MARGIN / width
        self.y = 1 - _MARGIN / height

    def chars(self, size: float, share: float = 1.0) -> int:
        """How many characters of DejaVu Sans at ``size`` points fit in ``share`` of the text width."""
        return max(20, int(self.room_pt * share / (size * 0.6)))

    def line(
        self,
        text: str,
        size: float,
        *,
        weight: str = "normal",
        color: str = "#1d1d1f",
        x: float | None = None,
        gap: float = 1.35,
    ) -> None:
        """One line of text, then down by ``gap`` times its size."""
        x = self.x0 if x is None else x
        self.fig.text(x, self.y, _text(text), fontsize=size, fontweight=weight, color=color, va="top", ha="left")
        self.y -= size * gap / self.height_pt

    def para(self, text: str, size: float, *, indent: str = "", first: str = "", share: float = 1.0, **kw: Any) -> None:
        """A paragraph wrapped to the width: ``first`` before its first line, ``indent`` before the others."""
        for k, part in enumerate(_wrap(text, self.chars(size, share) - len(indent))):
            self.line((first if k == 0 else indent) + part, size, **kw)


def _title_page(report: Report, pages: Sequence[_Page] | None = None) -> Figure:
    """A4 portrait: the story, the outlets and the key findings, in plain text within the margins."""
    from matplotlib.figure import Figure

    pages = _plan(report) if pages is None else pages
    fig = Figure(figsize=_PAGE)
    column = _TextColumn(fig)
    fig.text(
        1 - column.x0, column.y, f"page 1 of {len(pages) + 1}", fontsize=7.5, color="#5f6368", ha="right", va="top"
    )
    _story_heading(column, report)
    _outlet_list(column, report.get("outlets", []))
    _key_findings(column, report)
    _colophon(column, report, pages)
    return fig


def _story_heading(column: _TextColumn, report: Report) -> None:
    """The story's title and how many outlets and passages were compared."""
    passages = report.get("passages", [])
    shared = sum(1 for p in passages if (p.get("support") or 0) >= 2)
    column.line("mediadiff report", 9, color="#5f6368")
    column.y -= 0.01
    for part in _wrap(str(report.get("title") or "Untitled story"), column.chars(18) - 2):
        column.line(part, 18, weight="bold", gap=1.3)
    column.y -= 0.005
    column.para(
        f"{len(report.get('outlets', []))} outlets compared · {len(passages)} passages, {shared} carried by two or more outlets",
        10,
        color="#5f6368",
    )
    column.y -= 0.02


def _outlet_list(column: _TextColumn, outlets: Sequence[Mapping[str, Any]]) -> None:
    """The outlets, one a line with words and title (in two columns, names only, past 12)."""
    column.line("Outlets", 12, weight="bold", gap=1.6)
    cut = [
        o
        for o in outlets
        if _middle(o.get("name") or o["id"], _MAX_LABEL) != " ".join(str(o.get("name") or o["id"]).split())
    ]
    if len(outlets) <= 12:
        for o in outlets:
            title = f" — {o['title']}" if o.get("title") else ""
            text = f"{_middle(o.get('name') or o['id'], _MAX_LABEL)}: {o.get('n_words', '?')} words{title}"
            column.para(shorten(text, 2 * column.chars(9.0) - 6), 9.0, first="• ", indent="   ")
    else:  # two columns, names only
        half = (len(outlets) + 1) // 2
        top = column.y
        for col, chunk in enumerate((outlets[:half], outlets[half:])):
            column.y = top
            for o in chunk:
                column.line(
                    f"• {_middle(o.get('name') or o['id'], _MAX_LABEL)}: {o.get('n_words', '?')} words",
                    7.0,
                    x=column.x0 + col * 0.5 * (1 - 2 * column.x0),
                )
        column.y = top - half * 7.0 * 1.35 / column.height_pt
    if cut:
        column.y -= 0.004
        column.para(
            f"Names longer than {_MAX_LABEL} characters are cut in the middle (…), here and in every chart; "
            "report.html gives them in full.",
            8,
            color="#5f6368",
        )
    column.y -= 0.02


def _key_findings(column: _TextColumn, report: Report) -> None:
    """The key findings, as many as fit above the colophon."""
    column.line("Key findings", 12, weight="bold", gap=1.6)
    for sentence in key_findings(report):
        if column.y < 0.17:
            column.line("… more in report.html and report.md", 9, color="#5f6368")
            break
        column.para(sentence, 9.5, first="• ", indent="   ", gap=1.38)
        column.y -= 0.004


def _colophon(column: _TextColumn, report: Report, pages: Sequence[_Page]) -> None:
    """At the foot: the contents line, what made the report, and the report's warnings."""
    gen = report.get("generator") or {}
    column.y = min(column.y, 0.14)
    column.para(_contents(pages), 8, color="#5f6368")
    column.para(
        f"Made by {gen.get('name', 'mediadiff')} {gen.get('version', '')} (report schema "
        f"{report.get('schema_version', '?')}); the data behind every chart is in report.json.",
        8,
        color="#5f6368",
    )
    warnings_ = report.get("warnings") or []
    if warnings_:
        column.para(f"Warnings: {shorten(join_names([str(w) for w in warnings_]), 150)}", 8, color="#8a3300")


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
