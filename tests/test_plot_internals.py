"""The PDF's page layout, checked on the pages' figures before they are saved: no text reaches
into the margins, whatever the number of outlets and passages and the length of the names.

This is one of the (at most three) test files allowed to import private names (issue 18): the
margin and the page builders of ``mediadiff.plot._pdf`` (``_MARGIN``, ``_RC``, ``_plan``,
``_title_page``, ``_chart_page``) are how ``mediadiff.plot.render_pdf`` lays out a page, which a
user sees only as the PDF. What a reader sees of the PDF (pages, parts, titles, names) is tested
through ``render_pdf`` in tests/test_plot.py.
"""

from __future__ import annotations

import matplotlib
import pytest
from _report_fixture import make_large_report, make_report

matplotlib.use("Agg")

from mediadiff.plot import _pdf  # noqa: E402


def _outside_margins(fig) -> list[str]:
    """Texts of a page that reach into its margins."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    margin = _pdf._MARGIN * fig.dpi
    width, height = fig.bbox.width, fig.bbox.height
    bad = []
    for t in fig.findobj(Text):
        if t.get_visible() and t.get_text().strip():
            box = t.get_window_extent(renderer)
            if (
                box.x0 < margin - 1
                or box.x1 > width - margin + 1
                or box.y0 < margin - 1
                or box.y1 > height - margin + 1
            ):
                bad.append(t.get_text())
    return bad


@pytest.mark.parametrize("n_outlets, n_passages, name_length", [(3, 6, 0), (8, 40, 90), (30, 70, 90)])
def test_pdf_text_stays_inside_the_margins(n_outlets, n_passages, name_length):
    report = make_report() if not name_length else make_large_report(n_outlets, n_passages, name_length=name_length)
    with matplotlib.rc_context(_pdf._RC):
        pages = _pdf._plan(report)
        assert _outside_margins(_pdf._title_page(report, pages)) == []
        for number, page in enumerate(pages, start=2):
            assert _outside_margins(_pdf._chart_page(report, page, number, len(pages) + 1)) == [], page.name
