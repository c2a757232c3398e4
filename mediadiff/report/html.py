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
"""

from __future__ import annotations

import html
import math
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .._presentation import (
    ALTERATION_KINDS,
    CATEGORY_COLOURS,
    CONFLICT_KINDS,
    OMISSION_KINDS,
    SHIFT_KINDS,
    SHIFT_ROWS,
    category_colour,
    outlet_names,
    own_voice,
    shorten,
)
from .._summary import key_findings
from ..analysis import finding_kinds
from ..findings import Cell, Context, FindingKind
from ._limits import check_limits, fewest
from ._templates import CSP, PAGE, STYLE

__all__ = ["render_html", "safe_url"]

Report = Mapping[str, Any]

# between two members of one outlet in the same passage
_SEP = ' <span class="sep">…</span> '
# marks of findings (not plain quotations): focusable, so their note can be read without hovering
_FINDING_CLASSES = frozenset({"ws", "ll", "qa", "cf"})
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


def _e(value: Any) -> str:
    """Escape any value for HTML text or a double-quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def _num(value: Any) -> float | None:
    """A finite real number, or None (booleans, strings and NaN are not numbers here)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def safe_url(url: Any) -> str | None:
    """``url`` if it is an absolute http(s) URL without spaces or control characters, else None.

    >>> safe_url("https://example.org/a?b=1")
    'https://example.org/a?b=1'
    >>> safe_url("javascript:alert(1)") is None, safe_url(" JaVaScRiPt:alert(1)") is None
    (True, True)
    >>> safe_url("data:text/html,<script>") is None
    True
    """
    if not isinstance(url, str) or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


# --- inline marks in the collation ----------------------------------------------------------


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    classes: str
    title: str


def _marks_by_outlet(report: Report, names: Mapping[str, str], categories: Mapping[str, int]) -> dict[str, list[_Mark]]:
    """Offset-based marks (loaded language, altered quotes, conflicts, quotations) per outlet."""
    marks: dict[str, list[_Mark]] = defaultdict(list)
    for s in report.get("loaded_language", []):
        title = f"Loaded language ({s.get('category', '')})"
        score = _num(s.get("score"))
        if score is not None:
            title += f", strength {score:.2f}"
        if not own_voice(s):
            who_said = f" ({s['source']})" if s.get("source") else ""
            title += f" — attributed to a source{who_said}: a source's words, not the outlet's"
        if s.get("counterpart"):
            title += f"\nOther outlets write: “{s['counterpart']}”"
        classes = f"ll c{categories.get(str(s.get('category', '')), 0) % len(CATEGORY_COLOURS)}"
        if not own_voice(s):
            classes += " quoted"
        marks[s["outlet"]].append(_Mark(s["start"], s["end"], classes, title))
    for a in report.get("quote_alterations", []):
        ref = names.get(a["reference_outlet"], a["reference_outlet"])
        label = ALTERATION_KINDS.get(a["kind"], a["kind"])
        title = f"Altered quotation ({label})\n{ref} has: “{a['reference_text']}”"
        marks[a["outlet"]].append(_Mark(a["start"], a["end"], "qa", title))
    for c in report.get("conflicts", []):
        values = c.get("values", [])
        others = "; ".join(f"{names.get(v['outlet'], v['outlet'])}: “{v['text']}”" for v in values)
        title = f"Conflict ({CONFLICT_KINDS.get(str(c.get('kind')), c.get('kind'))})\n{others}"
        for v in values:
            marks[v["outlet"]].append(_Mark(v["start"], v["end"], "cf", title))
    for q in report.get("quotes", []):
        speaker = q.get("speaker")
        marks[q["outlet"]].append(
            _Mark(q["start"], q["end"], "q", f"Quotation of {speaker}" if speaker else "Quotation")
        )
    return marks


def _shift_marks(report: Report, names: Mapping[str, str]) -> dict[tuple[str, str], list[_Mark]]:
    """Wording-shift marks per (passage, outlet); deletions are zero-length marks (a caret)."""
    marks: dict[tuple[str, str], list[_Mark]] = defaultdict(list)
    for s in report.get("wording_shifts", []):
        ref = names.get(s["reference"], s["reference"])
        label = SHIFT_KINDS.get(s["kind"], s["kind"])
        if s["start"] == s["end"]:
            title = f"Left out here ({label}); {ref} has: “{s.get('reference_text', '')}”"
        elif not s.get("reference_text"):
            title = f"Wording shift ({label}): not in {ref}'s version"
        else:
            title = f"Wording shift ({label})\n{ref} has: “{s['reference_text']}”"
        marks[(s["passage"], s["outlet"])].append(_Mark(s["start"], s["end"], "ws", title))
    return marks


def _render_span(text: str, offset: int, marks: Sequence[_Mark]) -> str:
    """Escape ``text`` (which starts at ``offset`` in its article) with the marks that touch it.

    The text is cut at every mark boundary; each piece is escaped on its own and wrapped in one
    ``<mark>`` carrying the classes and titles of all marks covering it, so overlapping marks
    never produce broken nesting. Zero-length marks become a caret with a title.
    """
    end = offset + len(text)
    spans = [m for m in marks if m.start < m.end and m.start < end and m.end > offset]
    points = [m for m in marks if m.start == m.end and offset <= m.start <= end]
    cuts = sorted(
        {
            offset,
            end,
            *(max(offset, m.start) for m in spans),
            *(min(end, m.end) for m in spans),
            *(m.start for m in points),
        }
    )
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:] + [None], strict=False):
        for p in points:
            if p.start == a:
                out.append(f'<span class="caret" tabindex="0" title="{_e(p.title)}">‸</span>')
        if b is None or a >= b:
            continue
        piece = _e(text[a - offset : b - offset])
        active = [m for m in spans if m.start <= a and m.end >= b]
        if not active:
            out.append(piece)
            continue
        classes = " ".join(dict.fromkeys(c for m in active for c in m.classes.split()))
        title = "\n".join(dict.fromkeys(m.title for m in active))
        # a finding's mark takes the keyboard focus (and a tap), which shows its note (CSS ::after)
        focus = ' tabindex="0"' if _FINDING_CLASSES.intersection(classes.split()) else ""
        out.append(f'<mark class="{_e(classes)}"{focus} title="{_e(title)}">{piece}</mark>')
    return "".join(out)


def _attach_points(members: Sequence[Mapping[str, Any]], marks: Sequence[_Mark]) -> list[list[_Mark]]:
    """Give each member the shift marks that fall inside it; a mark between members goes to the nearest."""
    per: list[list[_Mark]] = [[] for _ in members]
    for mk in marks:
        best = min(
            range(len(members)),
            key=lambda i: (
                0 if members[i]["start"] <= mk.start and mk.end <= members[i]["end"] else 1,
                min(abs(mk.start - members[i]["end"]), abs(mk.start - members[i]["start"])),
                i,
            ),
        )
        per[best].append(mk)
    return per


# --- sections -------------------------------------------------------------------------------


def _outlet_cell(o: Mapping[str, Any]) -> str:
    name = _e(o.get("name") or o["id"])
    url = safe_url(o.get("url"))
    head = f'<a href="{_e(url)}" rel="noopener noreferrer nofollow">{name}</a>' if url else name
    extra = []
    if o.get("title"):
        extra.append(_e(o["title"]))
    if o.get("published"):
        extra.append(_e(o["published"]))
    if o.get("url") and not url:
        extra.append(f"URL not linked: {_e(o['url'])}")
    more = f'<div class="outlet-title">{" · ".join(extra)}</div>' if extra else ""
    return f'<div class="outlet-name">{head}</div>{more}'


def _bar(value: float | None, cls: str, scale: float) -> str:
    if value is None:
        return "—"
    width = max(0.0, min(1.0, value / scale)) * 6 if scale > 0 else 0.0
    return f'<span class="bar {cls}" style="width:{width:.2f}rem"></span>{value:.2f}'


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
        '<p class="muted">Omission and wording-shift scores run from 0 (carries everything, words it like the '
        "others) to 1; loaded language counts loaded terms in the outlet's own voice (not in quotations) per "
        "1,000 words. Counts are the number of findings.</p>"
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


def _legend(categories: Mapping[str, int]) -> str:
    keys = [
        '<span><mark class="ws">wording shift</mark></span>',
        '<span><span class="caret">‸</span> words left out</span>',
        '<span><mark class="qa">altered quotation</mark></span>',
        '<span><mark class="cf">conflicting value</mark></span>',
        '<span><mark class="q">quotation</mark></span>',
        '<span class="key gap" style="background:#fbe3d6">omitted (a gap)</span>',
        '<span class="key" style="background:#f3f3f3">not carried</span>',
    ]
    for cat, i in categories.items():
        keys.append(f'<span><mark class="ll c{i % len(CATEGORY_COLOURS)}">loaded: {_e(cat)}</mark></span>')
    return (
        '<div class="legend">' + "".join(keys) + "</div>"
        '<p class="muted">Hover over a mark, or tab to it or tap it, to see the other outlets\' wording. '
        'The findings are also listed, with their passages and both texts, under <a href="#findings">Findings</a>.</p>'
    )


def _collation_section(report: Report, names: Mapping[str, str], categories: Mapping[str, int]) -> str:
    outlets = report.get("outlets", [])
    ids = [o["id"] for o in outlets]
    n = len(ids)
    omitted = {(om["passage"], om["outlet"]): om for om in report.get("omissions", [])}
    conflicts_in = defaultdict(int)  # type: ignore[var-annotated]
    for c in report.get("conflicts", []):
        conflicts_in[c.get("passage")] += 1
    marks = _marks_by_outlet(report, names, categories)
    shifts = _shift_marks(report, names)
    head = "".join(f'<th scope="col">{_outlet_cell(o)}</th>' for o in outlets)
    rows = []
    for p in report.get("passages", []):
        pid = str(p["id"])
        by_outlet: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        for m in p.get("members", []):
            by_outlet[m["outlet"]].append(m)
        altered = 0
        cells = []
        for oid in ids:
            members = by_outlet.get(oid)
            if members:
                per = _attach_points(members, shifts.get((pid, oid), []))
                parts = [
                    _render_span(str(m["text"]), int(m["start"]), [*marks.get(oid, []), *extra])
                    for m, extra in zip(members, per, strict=False)
                ]
                altered += sum(
                    1
                    for a in report.get("quote_alterations", [])
                    if a["outlet"] == oid and any(m["start"] < a["end"] and a["start"] < m["end"] for m in members)
                )
                cells.append(f'<td class="cell">{_SEP.join(parts)}</td>')
            elif (pid, oid) in omitted:
                om = omitted[(pid, oid)]
                kind = OMISSION_KINDS.get(om["kind"], om["kind"])
                weight = _num(om.get("weight"))
                tip = om.get("explanation") or f"{names.get(oid, oid)} does not carry this passage."
                cells.append(
                    f'<td class="gap" title="{_e(tip)}">Omitted: {_e(kind)}, carried by {_e(p.get("support"))} of {n}'
                    + (f" (weight {weight:.2f})" if weight is not None else "")
                    + (f"; silences {_e(', '.join(om['silenced']))}" if om.get("silenced") else "")
                    + "</td>"
                )
            elif oid in (p.get("paraphrased") or {}):
                close = _num((p.get("paraphrased") or {}).get(oid))
                tip = (
                    f"{names.get(oid, oid)} does not carry this passage as such, but has a close piece"
                    + (f" (closeness {close:.2f})" if close is not None else "")
                    + ": it most likely says it in "
                    "other words, so no omission is reported."
                )
                cells.append(
                    f'<td class="para" title="{_e(tip)}">≈ In other words: a close paraphrase, not an omission</td>'
                )
            else:
                cells.append('<td class="absent"></td>')
        badges = []
        n_omit = sum(1 for oid in ids if (pid, oid) in omitted)
        if n_omit:
            badges.append(f'<span class="badge om">omitted by {n_omit}</span>')
        if conflicts_in.get(pid):
            badges.append('<span class="badge cf">conflict</span>')
        if altered:
            badges.append('<span class="badge qa">altered quote</span>')
        cls = ' class="single"' if p.get("support", 0) < 2 else ""
        rows.append(
            f'<tr id="{_e(pid)}"{cls}><th class="pid" scope="row">{_e(pid)}'
            f'<span class="support">{_e(p.get("support"))} of {n}</span>{" ".join(badges)}</th>{"".join(cells)}</tr>'
        )
    return (
        '<section id="collation"><h2>Side by side</h2>'
        '<p class="muted">Each row is one piece of reported content (a passage); each column an outlet. Rows '
        "follow the order in which the outlets tell the story.</p>"
        + _legend(categories)
        + f'<div class="scroll"><table class="collation"><thead><tr><th class="pid">Passage</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
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
    cats = sorted({str(s.get("category", "")) for s in report.get("loaded_language", [])})
    categories = {c: category_colour(c) for c in cats}
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
        + _collation_section(report, names, categories)
        + _findings_section(report, max_rows, max_shifts)
        + _readability_section(report)
        + f"<footer>Made by {_e(generator)} (report schema {_e(report.get('schema_version', ''))}). "
        "Offsets and full data are in report.json.</footer>"
    )
    style = STYLE + "".join(f"mark.ll.c{i} {{ background: {colour}; }}\n" for i, colour in enumerate(CATEGORY_COLOURS))
    return PAGE.substitute(csp=_e(CSP), generator=_e(generator), title=_e(title), style=style, body=body)
