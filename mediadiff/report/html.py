"""``report.html``: one self-contained page to read a comparison side by side.

The page has a summary of key findings in plain sentences, a table of outlet scores, the
pairwise similarity of the outlets, a collation view (passages as rows, outlets as columns, with
wording shifts, loaded language, altered quotes and conflicts marked inline and omissions shown as
gaps; a mark shows its note on hover, keyboard focus or tap), the findings as tables (each row
linked to its passage, with both outlets' words and their character offsets; long tables are cut
at ``max_rows`` with a count of the rest), and readability. It works offline: inline CSS, no
script, no external request, and a Content-Security-Policy that forbids anything else.

Safety: the renderer reads only the plain report dict. Every piece of text from the input
(article text, titles, outlet names, URLs, lexicon categories) is sliced from the report's spans
and escaped with ``html.escape(..., quote=True)`` before it touches markup; a URL becomes a link
only if it is ``http`` or ``https``.

Public names
------------
render_html   report dict -> HTML text (``max_rows`` rows at most per findings table).
safe_url      a URL if it may be a link (absolute http/https), else None.

The side-by-side view (inline marks) is drawn in ``report/_collation.py``; escaping and the
outlet cell every section shares are in ``report/_markup.py``.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .._presentation import (
    CATEGORY_COLOURS,
    SHIFT_ROWS,
    join_names,
    outlet_names,
    shorten,
)
from .._summary import key_findings
from ..analysis import finding_kinds
from ..findings import Cell, Context, FindingKind, Score
from ._collation import collation_section
from ._limits import check_limits, fewest
from ._markup import _e, _num, _outlet_cell, safe_url
from ._templates import CSP, PAGE, STYLE

__all__ = ["render_html", "safe_url"]

Report = Mapping[str, Any]

# stops of matplotlib's cividis colour map at 0, 0.1, ..., 1 (the PDF's similarity heat map)
_CIVIDIS = (
    (0, 34, 78),
    (8, 51, 112),
    (53, 69, 108),
    (79, 87, 108),
    (102, 105, 112),
    (125, 124, 120),
    (148, 142, 119),
    (174, 163, 113),
    (200, 184, 102),
    (229, 207, 82),
    (254, 232, 56),
)


# --- sections -------------------------------------------------------------------------------


def _bar(value: float | None, cls: str, scale: float) -> str:
    if value is None:
        return "—"
    width = max(0.0, min(1.0, value / scale)) * 6 if scale > 0 else 0.0
    return f'<span class="bar {cls}" style="width:{width:.2f}rem"></span>{value:.2f}'


def _scores_note(scores: Sequence[Score]) -> str:
    """What the scores mean, from their declarations: the shares together, then each rate.

    >>> _scores_note([Score("a", "A thing", "A", "x", zero="none"), Score("b", "B", "B", "x", zero="all")])
    'A-thing and b scores run from 0 (none, all) to 1. Counts are the number of findings.'
    """
    shares = [x for x in scores if not x.relative and x.zero]
    parts = [f"{x.said} counts {x.unit}" for x in scores if x.relative and x.unit]
    if shares:
        named = join_names([x.said.replace(" ", "-") for x in shares])
        parts.insert(0, f"{named} scores run from 0 ({', '.join(x.zero for x in shares)}) to 1")
    said = "; ".join(parts)
    return (f"{said[:1].upper()}{said[1:]}. " if said else "") + "Counts are the number of findings."


def _scores_section(report: Report) -> str:
    """Each outlet's scores (one bar each) and counts of findings, one column per kind that has them."""
    outlets = report.get("outlets", [])
    kinds = finding_kinds()
    scores = [score for kind in kinds for score in kind.scores]
    counted = [(kind.count_header, kind.counts(kind.records(report))) for kind in kinds if kind.count_header]
    top = {
        score.key: max((_num(o.get("scores", {}).get(score.key)) or 0.0 for o in outlets), default=0.0) or 1.0
        for score in scores
    }
    rows = []
    for o in outlets:
        sc = o.get("scores", {})
        cells = "".join(
            f'<td class="num">{_bar(_num(sc.get(x.key)), x.bar, top[x.key] if x.relative else 1.0)}</td>'
            for x in scores
        )
        counts = "".join(f'<td class="num">{count[o["id"]]}</td>' for _, count in counted)
        rows.append(
            f'<tr><td class="outlet">{_outlet_cell(o)}</td><td class="num">{_e(o.get("n_words", ""))}</td>'
            f"{cells}{counts}</tr>"
        )
    head = "".join(f'<th class="num">{_e(x.header)}</th>' for x in scores) + "".join(
        f'<th class="num">{_e(header)}</th>' for header, _ in counted
    )
    return (
        '<section id="scores"><h2>Outlet scores</h2>'
        f'<p class="muted">{html.escape(_scores_note(scores), quote=False)}</p>'
        '<div class="scroll"><table class="scores"><thead><tr><th>Outlet</th><th class="num">Words</th>'
        + head
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div></section>"
    )


def _cividis(x: float) -> tuple[int, int, int]:
    """The colour of ``x`` in [0, 1] on the cividis map (linear between its stops).

    >>> _cividis(0.0), _cividis(1.0), _cividis(0.55)
    ((0, 34, 78), (254, 232, 56), (136, 133, 120))
    """
    t = max(0.0, min(1.0, x)) * (len(_CIVIDIS) - 1)
    k = min(int(t), len(_CIVIDIS) - 2)
    f = t - k
    lo, hi = _CIVIDIS[k], _CIVIDIS[k + 1]
    r, g, b = (int(round(a + (c - a) * f)) for a, c in zip(lo, hi, strict=True))
    return r, g, b


def _breakable(name: str) -> str:
    """An escaped name that may wrap after an underscore ("000_<wbr>c4a2df…"), never inside a token."""
    return _e(name).replace("_", "_<wbr>")


def _similarity_section(report: Report, names: Mapping[str, str]) -> str:
    sim = report.get("similarity") or {}
    ids, matrix = sim.get("outlets") or [], sim.get("matrix") or []
    if len(ids) < 2 or len(matrix) != len(ids):
        return ""

    def label(i: str) -> str:
        name = names.get(i, i)
        return f'<span class="name" title="{_e(name)}">{_breakable(name)}</span>'

    head = "".join(f'<th scope="col">{label(i)}</th>' for i in ids)
    rows = []
    for i, row in zip(ids, matrix, strict=False):
        cells = []
        for v in row:
            x = _num(v)
            if x is None:
                cells.append("<td>—</td>")
                continue
            x = max(0.0, min(1.0, x))
            # cividis, as in charts.pdf; dark ink on the light (yellow) end, as there
            r, g, b = _cividis(x)
            ink = "#000" if x > 0.6 else "#fff"
            cells.append(f'<td style="background:rgb({r},{g},{b});color:{ink}">{x:.2f}</td>')
        rows.append(f'<tr><th scope="row">{label(i)}</th>{"".join(cells)}</tr>')
    return (
        '<section id="similarity"><h2>How similar the outlets are</h2>'
        '<p class="muted">Pairwise similarity of the content the outlets carry, from 0 (nothing shared, dark blue) '
        "to 1 (yellow).</p>"
        f'<div class="scroll"><table class="sim"><thead><tr><th></th>{head}</tr></thead><tbody>{"".join(rows)}'
        "</tbody></table></div></section>"
    )


def _chars(start: Any, end: Any, whose: str) -> str:
    """A small "chars 120–180" note with the offsets of a span, explained in its title."""
    if isinstance(start, bool) or isinstance(end, bool) or not isinstance(start, int) or not isinstance(end, int):
        return ""
    label = f"at char {start}" if start == end else f"chars {start}–{end}"
    title = f"Character offsets {start} to {end} (end exclusive) in {whose}'s article text, as in report.json"
    return f'<span class="off" title="{_e(title)}">{label}</span>'


def _text_cell(text: Any, start: Any, end: Any, whose: str, limit: int = 200) -> str:
    """A table cell with a finding's text (shortened; "—" when empty) and its offsets."""
    words = shorten(str(text or ""), limit)
    return f'<td class="text">{_e(words) if words else "—"}{_chars(start, end, whose)}</td>'


def _table(
    title: str, anchor: str, head: Sequence[str], rows: Sequence[str], max_rows: int | None, note: str = ""
) -> str:
    """One findings table under its heading; past ``max_rows`` rows, a count of the rest."""
    if not rows:
        return f'<h3 id="{anchor}">{title}</h3><p class="muted">None found.</p>'
    shown = rows if max_rows is None else rows[:max_rows]
    more = len(rows) - len(shown)
    # a heading ending in "#" heads a column of numbers: "Weight#"
    cells = "".join(f'<th class="num">{h[:-1]}</th>' if h.endswith("#") else f"<th>{h}</th>" for h in head)
    return (
        f'<h3 id="{anchor}">{title} ({len(rows)})</h3>'
        + (f'<p class="muted">{note}</p>' if note else "")
        + f'<div class="scroll"><table class="findings"><thead><tr>{cells}</tr></thead><tbody>'
        + "".join(f"<tr>{r}</tr>" for r in shown)
        + "</tbody></table></div>"
        + (f'<p class="muted more">({more} more in report.json.)</p>' if more else "")
    )


def _cell(cell: Cell, numeric: bool, ctx: Context, link: Callable[[Any], str]) -> str:
    """One table cell of a finding kind, as HTML (every piece of text escaped)."""
    td = '<td class="num">' if numeric else "<td>"
    if cell.kind == "outlet":
        name = _e(ctx.name(cell.value))
        return f'<td class="who">{f"<strong>{name}</strong>" if cell.fmt == "main" else name}</td>'
    if cell.kind == "passage":
        also = [link(r) for r in cell.extra]
        return (
            f"{td}{link(cell.value)}" + (f'<span class="off">also {", ".join(also)}</span>' if also else "") + "</td>"
        )
    if cell.kind == "number":
        x = _num(cell.value)
        return f"{td}{'—' if x is None else cell.fmt.format(x)}</td>"
    if cell.kind == "words":
        return _text_cell(cell.value, cell.start, cell.end, ctx.name(cell.outlet), cell.limit)
    if cell.kind == "snippet":
        fallback = cell.extra[0] if cell.extra else None
        return f'<td class="text">{_e(ctx.snippet(cell.value, cell.limit)) or _e(fallback) or "—"}</td>'
    if cell.kind == "values":
        values = "".join(
            f'<div class="value"><strong>{_e(ctx.name(v["outlet"]))}</strong>: '
            f"{_e(shorten(str(v.get('text', '')), cell.limit))}"
            f"{_chars(v.get('start'), v.get('end'), ctx.name(v['outlet']))}</div>"
            for v in cell.value
        )
        return f'<td class="text">{values}</td>'
    return f"{td}{_e(cell.value)}</td>"


def _kind_table(kind: FindingKind, report: Report, ctx: Context, limit: int | None) -> tuple[str, int] | None:
    """A kind's section of the findings (and its number of rows); None when it shows none."""
    if kind.columns is None:
        return None
    records = kind.records(report)
    if not records and kind.hide_when_empty:
        return None

    def link(pid: Any) -> str:
        """A link to the passage's row in the collation; plain text when there is no such row."""
        if pid is None or pid == "":
            return "—"
        return f'<a href="#{_e(pid)}">{_e(pid)}</a>' if str(pid) in ctx.passages else _e(pid)

    rows = ["".join(_cell(c.get(r, ctx), c.numeric, ctx, link) for c in kind.columns) for r in records]
    head = [html.escape(c.header, quote=False) + ("#" if c.numeric else "") for c in kind.columns]
    title = html.escape(kind.title, quote=False)
    return _table(title, _e(kind.html_id), head, rows, limit, html.escape(kind.note, quote=False)), len(rows)


def _findings_section(report: Report, max_rows: int | None, max_shifts: int | None = SHIFT_ROWS) -> str:
    """Every finding kind's table, in registry order, under a table of contents."""
    ctx = Context(report)
    sections = []
    for kind in finding_kinds():
        shown = _kind_table(kind, report, ctx, fewest(max_rows, max_shifts) if kind.capped else max_rows)
        if shown is not None:
            sections.append((kind, *shown))
    toc = "".join(
        f'<a href="#{_e(kind.html_id)}">{html.escape(kind.title, quote=False)} ({n})</a>' for kind, _, n in sections
    )
    return (
        '<section id="findings"><h2>Findings</h2>'
        f'<nav class="toc">{toc}</nav>'
        '<p class="muted">Passage ids link to their row in the side-by-side view. “chars 120–180” are character '
        "offsets into the outlet's article text (end exclusive); report.json has every finding with its offsets.</p>"
        + "".join(html for _, html, _ in sections)
        + "</section>"
    )


def _readability_section(report: Report) -> str:
    outlets = report.get("outlets", [])
    # measures in the report's own order; a measure that is None everywhere still shows, with its reason
    measures = list(
        dict.fromkeys(
            k for o in outlets for k, v in (o.get("readability") or {}).items() if v is None or _num(v) is not None
        )
    )
    if not measures:
        return ""
    head = "".join(f'<th class="num">{_e(m.replace("_", " "))}</th>' for m in measures)
    rows = []
    for o in outlets:
        r = o.get("readability") or {}
        cells = []
        for m in measures:
            x, raw = _num(r.get(m)), r.get(m)
            given = r.get("reasons")
            reasons: Mapping[str, Any] = given if isinstance(given, Mapping) else {}
            if x is None:
                cells.append(f'<td class="num" title="{_e(reasons.get(m) or "undefined")}">—</td>')
            else:
                cells.append(f'<td class="num">{raw if isinstance(raw, int) else f"{x:.1f}"}</td>')
        rows.append(f"<tr><th>{_e(o.get('name') or o['id'])}</th>{''.join(cells)}</tr>")
    return (
        '<section id="readability"><h2>Readability</h2>'
        '<p class="muted">Standard readability formulas over each outlet\'s content (boilerplate excluded). '
        "Reading ease: higher is easier; grade levels: the school grade needed.</p>"
        f'<div class="scroll"><table class="readability"><thead><tr><th>Outlet</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def render_html(report: Report, *, max_rows: int | None = 50, max_shifts: int | None = SHIFT_ROWS) -> str:
    """Render a report (the plain dict of ``Comparison.to_dict()``) as one self-contained HTML page.

    Parameters
    ----------
    report : mapping
        A report following ``docs/schema.md`` (for example ``json.load`` of a ``report.json``).
    max_rows : int or None, default 50
        At most this many rows in each findings table (None: all); the rest are counted, and are
        in report.json. The side-by-side view always marks every finding.
    max_shifts : int or None, default 20
        At most this many wording shifts, heaviest first (None: as many as ``max_rows``); the
        rest are counted.

    Returns
    -------
    str
        The page. It makes no external request and runs no script; all input text is escaped.

    Examples
    --------
    >>> report = {"title": "<b>Vote</b>", "outlets": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
    ...           "passages": [], "omissions": []}
    >>> page = render_html(report)
    >>> "&lt;b&gt;Vote&lt;/b&gt;" in page and "<b>Vote" not in page
    True
    """
    check_limits(max_rows, max_shifts, owner="render_html")
    names = outlet_names(report)
    title = report.get("title") or "mediadiff report"
    passages = report.get("passages", [])
    shared = sum(1 for p in passages if (p.get("support") or 0) >= 2)
    gen = report.get("generator") or {}
    generator = f"{gen.get('name', 'mediadiff')} {gen.get('version', '')}".strip()
    findings = "".join(f"<li>{_e(s)}</li>" for s in key_findings(report))
    warnings = report.get("warnings") or []
    warn = ("<h3>Warnings</h3><ul>" + "".join(f"<li>{_e(w)}</li>" for w in warnings) + "</ul>") if warnings else ""
    body = (
        f"<header><h1>{_e(title)}</h1>"
        f'<p class="meta">{len(names)} outlets compared · {len(passages)} passages, {shared} carried by two or more '
        f"outlets · {_e(generator)}</p>"
        '<nav class="toc"><a href="#summary">Summary</a><a href="#scores">Scores</a><a href="#similarity">Similarity</a>'
        '<a href="#collation">Side by side</a><a href="#findings">Findings</a><a href="#readability">Readability</a>'
        "</nav></header>"
        f'<section id="summary"><h2>Key findings</h2><div class="panel"><ul>{findings}</ul>{warn}</div></section>'
        + _scores_section(report)
        + _similarity_section(report, names)
        + collation_section(report, names)
        + _findings_section(report, max_rows, max_shifts)
        + _readability_section(report)
        + f"<footer>Made by {_e(generator)} (report schema {_e(report.get('schema_version', ''))}). "
        "Offsets and full data are in report.json.</footer>"
    )
    style = STYLE + "".join(f"mark.ll.c{i} {{ background: {colour}; }}\n" for i, colour in enumerate(CATEGORY_COLOURS))
    return PAGE.substitute(csp=_e(CSP), generator=_e(generator), title=_e(title), style=style, body=body)
