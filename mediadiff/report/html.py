"""``report.html``: one self-contained page to read a comparison side by side.

The page has a summary of key findings in plain sentences, a table of outlet scores, the
pairwise similarity of the outlets, a collation view (passages as rows, outlets as columns, with
wording shifts, loaded language, altered quotes and conflicts marked inline and omissions shown as
gaps), the findings in detail, and readability. It works offline: inline CSS, no script, no
external request, and a Content-Security-Policy that forbids anything else.

Safety: the renderer reads only the plain report dict. Every piece of text from the input
(article text, titles, outlet names, URLs, lexicon categories) is sliced from the report's spans
and escaped with ``html.escape(..., quote=True)`` before it touches markup; a URL becomes a link
only if it is ``http`` or ``https``.

Public names
------------
render_html   report dict -> HTML text.
safe_url      a URL if it may be a link (absolute http/https), else None.
"""

from __future__ import annotations

import html
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ._summary import (
    ALTERATION_KINDS,
    CONFLICT_KINDS,
    OMISSION_KINDS,
    SHIFT_KINDS,
    key_findings,
    outlet_names,
    passage_snippet,
)
from ._templates import CATEGORY_COLOURS, CSP, PAGE, STYLE

__all__ = ["render_html", "safe_url"]

Report = Mapping[str, Any]

# between two members of one outlet in the same passage
_SEP = ' <span class="sep">…</span> '


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
        if s.get("in_quote"):
            title += " — inside a quotation: a source's words, not the outlet's"
        if s.get("counterpart"):
            title += f"\nOther outlets write: “{s['counterpart']}”"
        classes = f"ll c{categories.get(str(s.get('category', '')), 0) % len(CATEGORY_COLOURS)}"
        if s.get("in_quote"):
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
        marks[q["outlet"]].append(_Mark(q["start"], q["end"], "q", f"Quotation of {speaker}" if speaker else "Quotation"))
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
    cuts = sorted({offset, end, *(max(offset, m.start) for m in spans), *(min(end, m.end) for m in spans),
                   *(m.start for m in points)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:] + [None], strict=False):
        for p in points:
            if p.start == a:
                out.append(f'<span class="caret" title="{_e(p.title)}">‸</span>')
        if b is None or a >= b:
            continue
        piece = _e(text[a - offset : b - offset])
        active = [m for m in spans if m.start <= a and m.end >= b]
        if not active:
            out.append(piece)
            continue
        classes = " ".join(dict.fromkeys(c for m in active for c in m.classes.split()))
        title = "\n".join(dict.fromkeys(m.title for m in active))
        out.append(f'<mark class="{_e(classes)}" title="{_e(title)}">{piece}</mark>')
    return "".join(out)


def _attach_points(members: Sequence[Mapping[str, Any]], marks: Sequence[_Mark]) -> list[list[_Mark]]:
    """Give each member the shift marks that fall inside it; a mark between members goes to the nearest."""
    per: list[list[_Mark]] = [[] for _ in members]
    for mk in marks:
        best = min(
            range(len(members)),
            key=lambda i: (0 if members[i]["start"] <= mk.start and mk.end <= members[i]["end"] else 1,
                           min(abs(mk.start - members[i]["end"]), abs(mk.start - members[i]["start"])), i),
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
    outlets = report.get("outlets", [])
    count = defaultdict(lambda: defaultdict(int))  # type: ignore[var-annotated]
    for key in ("omissions", "wording_shifts", "quote_alterations"):
        for f in report.get(key, []):
            count[key][f["outlet"]] += 1
    for s in report.get("loaded_language", []):
        if not s.get("in_quote"):
            count["loaded"][s["outlet"]] += 1
    rates = [_num(o.get("scores", {}).get("loaded_language")) or 0.0 for o in outlets]
    top_rate = max(rates, default=0.0) or 1.0
    rows = []
    for o in outlets:
        sc = o.get("scores", {})
        oid = o["id"]
        rows.append(
            "<tr>"
            f"<td>{_outlet_cell(o)}</td>"
            f'<td class="num">{_e(o.get("n_words", ""))}</td>'
            f'<td class="num">{_bar(_num(sc.get("omission")), "om", 1.0)}</td>'
            f'<td class="num">{_bar(_num(sc.get("wording_shift")), "ws", 1.0)}</td>'
            f'<td class="num">{_bar(_num(sc.get("loaded_language")), "ll", top_rate)}</td>'
            f'<td class="num">{count["omissions"][oid]}</td>'
            f'<td class="num">{count["wording_shifts"][oid]}</td>'
            f'<td class="num">{count["loaded"][oid]}</td>'
            f'<td class="num">{count["quote_alterations"][oid]}</td>'
            "</tr>"
        )
    return (
        '<section id="scores"><h2>Outlet scores</h2>'
        '<p class="muted">Omission and wording-shift scores run from 0 (carries everything, words it like the '
        "others) to 1; loaded language counts loaded terms in the outlet's own voice (not in quotations) per "
        "1,000 words. Counts are the number of findings.</p>"
        '<div class="scroll"><table class="scores"><thead><tr><th>Outlet</th><th class="num">Words</th>'
        '<th class="num">Omission</th><th class="num">Wording shift</th><th class="num">Loaded / 1,000 words</th>'
        '<th class="num">Omissions</th><th class="num">Wording shifts</th><th class="num">Loaded terms</th>'
        '<th class="num">Altered quotes</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table></div></section>"
    )


def _similarity_section(report: Report, names: Mapping[str, str]) -> str:
    sim = report.get("similarity") or {}
    ids, matrix = sim.get("outlets") or [], sim.get("matrix") or []
    if len(ids) < 2 or len(matrix) != len(ids):
        return ""
    head = "".join(f"<th>{_e(names.get(i, i))}</th>" for i in ids)
    rows = []
    for i, row in zip(ids, matrix, strict=False):
        cells = []
        for v in row:
            x = _num(v)
            if x is None:
                cells.append("<td>—</td>")
                continue
            x = max(0.0, min(1.0, x))
            # light to dark blue; white text on the dark half
            r, g, b = (int(round(255 + (c - 255) * x)) for c in (0, 114, 178))
            ink = "#fff" if x > 0.55 else "#1d1d1f"
            cells.append(f'<td style="background:rgb({r},{g},{b});color:{ink}">{x:.2f}</td>')
        rows.append(f"<tr><th>{_e(names.get(i, i))}</th>{''.join(cells)}</tr>")
    return (
        '<section id="similarity"><h2>How similar the outlets are</h2>'
        '<p class="muted">Pairwise similarity of the content the outlets carry, from 0 (nothing shared) to 1.</p>'
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
    return ('<div class="legend">' + "".join(keys) + "</div>"
            '<p class="muted">Hover over a mark to see the other outlets\' wording.</p>')


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
                altered += sum(1 for a in report.get("quote_alterations", []) if a["outlet"] == oid
                               and any(m["start"] < a["end"] and a["start"] < m["end"] for m in members))
                cells.append(f'<td class="cell">{_SEP.join(parts)}</td>')
            elif (pid, oid) in omitted:
                om = omitted[(pid, oid)]
                kind = OMISSION_KINDS.get(om["kind"], om["kind"])
                weight = _num(om.get("weight"))
                tip = om.get("explanation") or f"{names.get(oid, oid)} does not carry this passage."
                cells.append(
                    f'<td class="gap" title="{_e(tip)}">Omitted: {_e(kind)}, carried by {_e(p.get("support"))} of {n}'
                    + (f" (weight {weight:.2f})" if weight is not None else "")
                    + (f"; silences {_e(', '.join(om['silenced']))}" if om.get("silenced") else "") + "</td>"
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


def _list(title: str, anchor: str, items: Iterable[str]) -> str:
    items = list(items)
    if not items:
        return f'<h3 id="{anchor}">{title}</h3><p class="muted">None found.</p>'
    return f'<h3 id="{anchor}">{title} ({len(items)})</h3><ul class="findings">' + "".join(
        f"<li>{i}</li>" for i in items) + "</ul>"


def _findings_section(report: Report, names: Mapping[str, str]) -> str:
    passages = {p["id"]: p for p in report.get("passages", [])}

    def who(oid: str) -> str:
        return f"<strong>{_e(names.get(oid, oid))}</strong>"

    def link(pid: Any) -> str:
        return f'<a href="#{_e(pid)}">{_e(pid)}</a>'

    def snippet(pid: Any) -> str:
        return _e(passage_snippet(passages.get(pid), 140))

    omissions = [
        f"{who(o['outlet'])} omits {_e(OMISSION_KINDS.get(o['kind'], o['kind']))} ({link(o['passage'])}, weight "
        f"{(_num(o.get('weight')) or 0):.2f}"
        + (f"; silences {_e(', '.join(o['silenced']))}" if o.get("silenced") else "")
        + f"): “{snippet(o['passage'])}”"
        for o in sorted(report.get("omissions", []), key=lambda o: (-(_num(o.get("weight")) or 0), o["outlet"]))
    ]
    alterations = [
        f"{who(a['outlet'])} quotes “{_e(a['text'])}” where {who(a['reference_outlet'])} has "
        f"“{_e(a['reference_text'])}” ({_e(ALTERATION_KINDS.get(a['kind'], a['kind']))})"
        for a in report.get("quote_alterations", [])
    ]
    conflicts = [
        f"{_e(CONFLICT_KINDS.get(str(c.get('kind')), c.get('kind')))} in {link(c.get('passage'))}: "
        + "; ".join(f"{who(v['outlet'])} “{_e(v['text'])}”" for v in c.get("values", []))
        for c in report.get("conflicts", [])
    ]
    loaded = [
        f"{who(s['outlet'])} “{_e(s['text'])}” — {_e(s.get('category'))}"
        + (" (in a quotation)" if s.get("in_quote") else "")
        + (f"; others write “{_e(s['counterpart'])}”" if s.get("counterpart") else "")
        for s in report.get("loaded_language", [])
    ]
    shown = [s.get("explanation") for s in report.get("placement_shifts", []) if isinstance(s, Mapping)]
    placement = [_e(x) for x in shown if x]
    return (
        '<section id="findings"><h2>Findings</h2>'
        + _list("Omissions", "omissions", omissions)
        + _list("Altered quotations", "quote-alterations", alterations)
        + _list("Conflicting facts", "conflicts", conflicts)
        + _list("Loaded language", "loaded-language", loaded)
        + (_list("Placement", "placement", placement) if placement else "")
        + "</section>"
    )


def _readability_section(report: Report) -> str:
    outlets = report.get("outlets", [])
    # measures in the report's own order; a measure that is None everywhere still shows, with its reason
    measures = list(dict.fromkeys(k for o in outlets for k, v in (o.get("readability") or {}).items()
                                  if v is None or _num(v) is not None))
    if not measures:
        return ""
    head = "".join(f'<th class="num">{_e(m.replace("_", " "))}</th>' for m in measures)
    rows = []
    for o in outlets:
        r = o.get("readability") or {}
        cells = []
        for m in measures:
            x, raw = _num(r.get(m)), r.get(m)
            reasons = r.get("reasons") if isinstance(r.get("reasons"), Mapping) else {}
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


def render_html(report: Report) -> str:
    """Render a report (the plain dict of ``Comparison.to_dict()``) as one self-contained HTML page.

    Parameters
    ----------
    report : mapping
        A report following ``docs/schema.md`` (for example ``json.load`` of a ``report.json``).

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
    names = outlet_names(report)
    cats = sorted({str(s.get("category", "")) for s in report.get("loaded_language", [])})
    categories = {c: i for i, c in enumerate(cats)}
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
        + _findings_section(report, names)
        + _readability_section(report)
        + f"<footer>Made by {_e(generator)} (report schema {_e(report.get('schema_version', ''))}). "
        "Offsets and full data are in report.json.</footer>"
    )
    style = STYLE + "".join(
        f"mark.ll.c{i} {{ background: {colour}; }}\n" for i, colour in enumerate(CATEGORY_COLOURS)
    )
    return PAGE.substitute(csp=_e(CSP), generator=_e(generator), title=_e(title), style=style, body=body)
