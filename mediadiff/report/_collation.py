"""The side-by-side view of ``report.html``: passages as rows, outlets as columns, each finding
marked inline in the outlet's words and each omission shown as a gap.

Private to :mod:`mediadiff.report.html`. Marks come from the report's offsets: a piece of text is
cut at every mark boundary and each piece escaped on its own, so overlapping marks never nest
badly and no input text reaches the markup unescaped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .._presentation import CATEGORY_COLOURS, OMISSION_KINDS
from ..analysis import finding_kinds
from ..findings import Context, Mark
from ._markup import _e, _num, _outlet_cell

Report = Mapping[str, Any]

# between two members of one outlet in the same passage
_SEP = ' <span class="sep">…</span> '
# how each style of a kind's Mark is drawn (mediadiff.findings.Mark.style); an unknown one is a plain <mark>
_STYLE_CLASSES = {"shift": "ws", "loaded": "ll", "altered": "qa", "conflict": "cf", "quotation": "q"}


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    classes: str
    title: str
    focus: bool


def _drawn(mark: Mark) -> _Mark:
    """A kind's mark as this view draws it: its style key (and category, voice) as CSS classes."""
    classes = [_STYLE_CLASSES.get(mark.style, "")]
    if mark.category is not None:
        classes.append(f"c{mark.category % len(CATEGORY_COLOURS)}")
    if mark.source_voice:
        classes.append("quoted")
    return _Mark(mark.start, mark.end, " ".join(c for c in classes if c), mark.note, mark.finding)


def _marks(report: Report) -> tuple[dict[str, list[_Mark]], dict[tuple[str, str], list[_Mark]]]:
    """The marks every registered kind declares: by outlet, those drawn wherever its text holds
    them; by (passage, outlet), those limited to a passage's row (deletions are points, a caret).

    Findings come before plain annotations (quotations), so their notes come first where marks
    overlap; otherwise the kinds' order, then the report's.
    """
    ctx = Context(report)
    declared = sorted((m for kind in finding_kinds() for m in kind.marks_in(report, ctx)), key=lambda m: not m.finding)
    anywhere: dict[str, list[_Mark]] = defaultdict(list)
    bound: dict[tuple[str, str], list[_Mark]] = defaultdict(list)
    for m in declared:
        if m.passage is None:
            anywhere[m.outlet].append(_drawn(m))
        else:
            bound[(m.passage, m.outlet)].append(_drawn(m))
    return anywhere, bound


def _render_span(text: str, offset: int, marks: Sequence[_Mark]) -> str:
    """Escape ``text`` (which starts at ``offset`` in its article) with the marks that touch it.

    The text is cut at every mark boundary; each piece is escaped on its own and wrapped in one
    ``<mark>`` carrying the classes and titles of all marks covering it, so overlapping marks
    never produce broken nesting. Zero-length marks become a caret with a title. A finding's mark takes the keyboard focus.
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
                focus = ' tabindex="0"' if p.focus else ""
                out.append(f'<span class="caret"{focus} title="{_e(p.title)}">‸</span>')
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
        focus = ' tabindex="0"' if any(m.focus for m in active) else ""
        cls = f' class="{_e(classes)}"' if classes else ""
        out.append(f'<mark{cls}{focus} title="{_e(title)}">{piece}</mark>')
    return "".join(out)


def _attach_points(members: Sequence[Mapping[str, Any]], marks: Sequence[_Mark]) -> list[list[_Mark]]:
    """Give each member the passage's marks that fall inside it; a mark between members goes to the nearest."""
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


@dataclass
class _View:
    """What every row of the side-by-side view reads: the outlets in order, their names, the
    omissions by (passage, outlet), conflicts per passage, the marks of each outlet's text and
    those limited to a passage, by (passage, outlet)."""

    report: Report
    names: Mapping[str, str]
    ids: list[str]
    omitted: dict[tuple[str, str], Mapping[str, Any]]
    conflicts_in: dict[str, int]
    marks: dict[str, list[_Mark]]
    bound: dict[tuple[str, str], list[_Mark]] = field(default_factory=dict)


def collation_section(report: Report, names: Mapping[str, str], categories: Mapping[str, int]) -> str:
    """The "Side by side" section: a legend, then one row per passage in story order."""
    outlets = report.get("outlets", [])
    conflicts_in: dict[str, int] = defaultdict(int)
    for c in report.get("conflicts", []):
        conflicts_in[c.get("passage")] += 1
    view = _View(
        report,
        names,
        [o["id"] for o in outlets],
        {(om["passage"], om["outlet"]): om for om in report.get("omissions", [])},
        conflicts_in,
        *_marks(report),
    )
    head = "".join(f'<th scope="col">{_outlet_cell(o)}</th>' for o in outlets)
    rows = [_row(view, p) for p in report.get("passages", [])]
    return (
        '<section id="collation"><h2>Side by side</h2>'
        '<p class="muted">Each row is one piece of reported content (a passage); each column an outlet. Rows '
        "follow the order in which the outlets tell the story.</p>"
        + _legend(categories)
        + f'<div class="scroll"><table class="collation"><thead><tr><th class="pid">Passage</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _row(view: _View, p: Mapping[str, Any]) -> str:
    """One passage: its id, support and badges, then one cell per outlet."""
    n = len(view.ids)
    pid = str(p["id"])
    by_outlet: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for m in p.get("members", []):
        by_outlet[m["outlet"]].append(m)
    altered = 0
    cells = []
    for oid in view.ids:
        members = by_outlet.get(oid)
        if members:
            cells.append(_carried_cell(view, pid, oid, members))
            altered += sum(
                1
                for a in view.report.get("quote_alterations", [])
                if a["outlet"] == oid and any(m["start"] < a["end"] and a["start"] < m["end"] for m in members)
            )
        else:
            cells.append(_missing_cell(view, p, oid))
    badges = []
    n_omit = sum(1 for oid in view.ids if (pid, oid) in view.omitted)
    if n_omit:
        badges.append(f'<span class="badge om">omitted by {n_omit}</span>')
    if view.conflicts_in.get(pid):
        badges.append('<span class="badge cf">conflict</span>')
    if altered:
        badges.append('<span class="badge qa">altered quote</span>')
    cls = ' class="single"' if p.get("support", 0) < 2 else ""
    return (
        f'<tr id="{_e(pid)}"{cls}><th class="pid" scope="row">{_e(pid)}'
        f'<span class="support">{_e(p.get("support"))} of {n}</span>{" ".join(badges)}</th>{"".join(cells)}</tr>'
    )


def _carried_cell(view: _View, pid: str, oid: str, members: Sequence[Mapping[str, Any]]) -> str:
    """An outlet's words in a passage, with every mark that falls in them."""
    per = _attach_points(members, view.bound.get((pid, oid), []))
    parts = [
        _render_span(str(m["text"]), int(m["start"]), [*view.marks.get(oid, []), *extra])
        for m, extra in zip(members, per, strict=False)
    ]
    return f'<td class="cell">{_SEP.join(parts)}</td>'


def _missing_cell(view: _View, p: Mapping[str, Any], oid: str) -> str:
    """A passage an outlet does not carry: an omission (a gap), a close paraphrase, or not carried."""
    pid, names = str(p["id"]), view.names
    if (pid, oid) in view.omitted:
        om = view.omitted[(pid, oid)]
        kind = OMISSION_KINDS.get(om["kind"], om["kind"])
        weight = _num(om.get("weight"))
        tip = om.get("explanation") or f"{names.get(oid, oid)} does not carry this passage."
        return (
            f'<td class="gap" title="{_e(tip)}">Omitted: {_e(kind)}, carried by {_e(p.get("support"))} of {len(view.ids)}'
            + (f" (weight {weight:.2f})" if weight is not None else "")
            + (f"; silences {_e(', '.join(om['silenced']))}" if om.get("silenced") else "")
            + "</td>"
        )
    if oid in (p.get("paraphrased") or {}):
        close = _num((p.get("paraphrased") or {}).get(oid))
        tip = (
            f"{names.get(oid, oid)} does not carry this passage as such, but has a close piece"
            + (f" (closeness {close:.2f})" if close is not None else "")
            + ": it most likely says it in "
            "other words, so no omission is reported."
        )
        return f'<td class="para" title="{_e(tip)}">≈ In other words: a close paraphrase, not an omission</td>'
    return '<td class="absent"></td>'
