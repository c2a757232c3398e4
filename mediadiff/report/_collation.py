"""The side-by-side view of ``report.html``: passages as rows, outlets as columns, each finding
marked inline in the outlet's words and each omission shown as a gap.

What it shows of the findings comes from the registered kinds' declarations
(:class:`mediadiff.findings.FindingKind`: ``marks``, ``badges``, ``gaps``, ``legend``); this
module maps their neutral style keys to its CSS classes and names no kind.

Private to :mod:`mediadiff.report.html`. Marks come from the report's offsets: a piece of text is
cut at every mark boundary and each piece escaped on its own, so overlapping marks never nest
badly and no input text reaches the markup unescaped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .._presentation import CATEGORY_COLOURS
from ..analysis import finding_kinds
from ..findings import Context, Gap, LegendEntry, Mark
from ._markup import _e, _num, _outlet_cell

Report = Mapping[str, Any]

# between two members of one outlet in the same passage
_SEP = ' <span class="sep">…</span> '
# how each style of a kind's Mark is drawn (mediadiff.findings.Mark.style); an unknown one is a plain <mark>
_STYLE_CLASSES = {"shift": "ws", "loaded": "ll", "altered": "qa", "conflict": "cf", "quotation": "q"}
# how each style of a kind's Badge is drawn (mediadiff.findings.Badge.style); an unknown one is a plain badge
_BADGE_CLASSES = {"omitted": "om", "conflict": "cf", "altered": "qa"}
# the legend's sample of a passage an outlet does not carry (the view's own entry, not a kind's)
_ABSENT = "absent"


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    classes: str
    title: str
    focus: bool


def _drawn(mark: Mark) -> _Mark:
    """A kind's mark as this view draws it: its style key (and category, voice) as CSS classes."""
    return _Mark(mark.start, mark.end, _classes(mark.style, mark.category, mark.source_voice), mark.note, mark.finding)


def _marks(report: Report, ctx: Context) -> tuple[dict[str, list[_Mark]], dict[tuple[str, str], list[_Mark]]]:
    """The marks every registered kind declares: by outlet, those drawn wherever its text holds
    them; by (passage, outlet), those limited to a passage's row (deletions are points, a caret).

    Findings come before plain annotations (quotations), so their notes come first where marks
    overlap; otherwise the kinds' order, then the report's.
    """
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


def _classes(style: str, category: int | None = None, source_voice: bool = False) -> str:
    """The CSS classes of a mark's style key (an unknown one has none), its category and voice."""
    classes = [_STYLE_CLASSES.get(style, "")]
    if category is not None:
        classes.append(f"c{category % len(CATEGORY_COLOURS)}")
    if source_voice:
        classes.append("quoted")
    return " ".join(c for c in classes if c)


def _badge_classes(style: str) -> str:
    """The CSS classes of a badge's style key (an unknown one: a plain badge)."""
    return " ".join(c for c in ("badge", _BADGE_CLASSES.get(style, "")) if c)


def _badge_html(style: str, label: str, outlets: Sequence[str | None]) -> str:
    """A row's badge: its style's class, its label with ``{n}`` the number of outlets behind it."""
    n = len({o for o in outlets if o is not None}) + sum(1 for o in outlets if o is None)
    return f'<span class="{_badge_classes(style)}">{_e(label.replace("{n}", str(n)))}</span>'


def _badges(report: Report, ctx: Context, ids: Sequence[str]) -> dict[str, list[str]]:
    """Each passage's row badges, drawn: the registered kinds' badges of the compared outlets,
    one per style and label, by rank (then the kinds' order, then the report's)."""
    shown = set(ids)
    declared = sorted(
        (b for kind in finding_kinds() for b in kind.badges_in(report, ctx) if b.outlet is None or b.outlet in shown),
        key=lambda b: b.rank,
    )
    rows: dict[str, dict[tuple[str, str], list[str | None]]] = defaultdict(dict)
    for b in declared:
        rows[b.passage].setdefault((b.style, b.label), []).append(b.outlet)
    return {pid: [_badge_html(*key, outlets) for key, outlets in row.items()] for pid, row in rows.items()}


def _legend_key(entry: LegendEntry) -> str:
    """A legend entry drawn as a sample of its shape and style, with its label."""
    label = _e(entry.label)
    if entry.shape == "point":
        return f'<span><span class="caret">‸</span> {label}</span>'
    if entry.shape == "gap":
        return f'<span class="key gap" style="background:#fbe3d6">{label}</span>'
    if entry.shape == _ABSENT:
        return f'<span class="key" style="background:#f3f3f3">{label}</span>'
    if entry.shape == "badge":  # drawn as in a row's passage cell (.pid .badge)
        return f'<span class="pid"><span class="{_badge_classes(entry.style)}">{label}</span></span>'
    classes = _classes(entry.style, entry.category)
    cls = f' class="{classes}"' if classes else ""
    return f"<span><mark{cls}>{label}</mark></span>"


def _legend(report: Report, ctx: Context) -> str:
    """The legend: the registered kinds' entries and the view's own ("not carried"), by rank."""
    entries = [e for kind in finding_kinds() for e in kind.legend_in(report, ctx)]
    entries.append(LegendEntry("not carried", shape=_ABSENT, rank=70))
    return (
        '<div class="legend">' + "".join(_legend_key(e) for e in sorted(entries, key=lambda e: e.rank)) + "</div>"
        '<p class="muted">Hover over a mark, or tab to it or tap it, to see the other outlets\' wording. '
        'The findings are also listed, with their passages and both texts, under <a href="#findings">Findings</a>.</p>'
    )


@dataclass
class _View:
    """What every row of the side-by-side view reads: the outlets in order, their names, the
    gaps by (passage, outlet), the badges of each passage, the marks of each outlet's text and
    those limited to a passage, by (passage, outlet)."""

    names: Mapping[str, str]
    ids: list[str]
    gaps: dict[tuple[str, str], Gap]
    badges: dict[str, list[str]]
    marks: dict[str, list[_Mark]]
    bound: dict[tuple[str, str], list[_Mark]] = field(default_factory=dict)


def collation_section(report: Report, names: Mapping[str, str]) -> str:
    """The "Side by side" section: a legend, then one row per passage in story order."""
    outlets = report.get("outlets", [])
    ctx = Context(report)
    ids = [o["id"] for o in outlets]
    gaps = {(g.passage, g.outlet): g for kind in finding_kinds() for g in kind.gaps_in(report, ctx)}
    view = _View(names, ids, gaps, _badges(report, ctx, ids), *_marks(report, ctx))
    head = "".join(f'<th scope="col">{_outlet_cell(o)}</th>' for o in outlets)
    rows = [_row(view, p) for p in report.get("passages", [])]
    return (
        '<section id="collation"><h2>Side by side</h2>'
        '<p class="muted">Each row is one piece of reported content (a passage); each column an outlet. Rows '
        "follow the order in which the outlets tell the story.</p>"
        + _legend(report, ctx)
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
    cells = []
    for oid in view.ids:
        members = by_outlet.get(oid)
        cells.append(_carried_cell(view, pid, oid, members) if members else _missing_cell(view, p, oid))
    badges = view.badges.get(pid, [])
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
    gap = view.gaps.get((pid, oid))
    if gap is not None:
        return f'<td class="gap" title="{_e(gap.note)}">{_e(gap.text)}</td>'
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
