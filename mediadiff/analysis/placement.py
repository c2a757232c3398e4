"""Placement: where each outlet puts each passage, and passages an outlet buries or promotes.

The relative position of a passage in an article is that of its earliest member's sentence:
0 for the lead (the headline, and the body's first sentence), 1 for the last sentence, the
body's sentences evenly between. News is written most-important-first, so moving a passage from
the top to the bottom (or the reverse) is a choice about what matters. An outlet whose text has
no headline (pasted from its first paragraph) is compared with the others' bodies only, since
its headline is unknown.

Public names
------------
placement               Alignment -> {passage id: {outlet: relative position}}.
PlacementShift          one passage an outlet places far from where the others do.
find_placement_shifts   Alignment -> list of PlacementShift, by outlet then passage order.
KIND                    the ``placement_shifts`` finding kind (:class:`~mediadiff.findings.FindingKind`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import median
from typing import Any, Literal

from .._clauses import headline_index
from .._presentation import quoted, shorten
from ..align import Alignment
from ..errors import check_parameter, is_int, is_real
from ..findings import Cell, Column, Context, FindingKind, Summary
from ._common import member_position, relative_positions

__all__ = ["KIND", "PlacementShift", "find_placement_shifts", "placement"]


@dataclass(frozen=True, slots=True)
class PlacementShift:
    """A passage that ``outlet`` places at ``position`` while the others' median is ``others_position``.

    ``kind`` is ``"buried"`` (the others place it near the top, in the first quarter of their
    articles by default; this outlet puts it low) or ``"promoted"`` (the others put it low, this
    outlet near the top). "Near the top", not "lead": a median of 20 % is not the lead.
    """

    outlet: str
    passage: str
    kind: Literal["buried", "promoted"]
    position: float
    others_position: float
    explanation: str


def placement(alignment: Alignment) -> dict[str, dict[str, float]]:
    """Relative position (0 = lead, 1 = end) of every passage in every outlet that carries it.

    Keys follow the alignment's passage order, then outlet id; positions are rounded to 4 places.

    >>> from mediadiff.align import align
    >>> from mediadiff.document import Article
    >>> a = align([Article("a", "Fire hits mill. Nobody hurt."), Article("b", "Nobody hurt. Fire hits mill.")])
    >>> placement(a)
    {'P1': {'a': 0.0, 'b': 1.0}, 'P2': {'a': 1.0, 'b': 0.0}}
    """
    return _positions(alignment, headlines=True)


def _positions(alignment: Alignment, *, headlines: bool) -> dict[str, dict[str, float]]:
    """Each passage's position per carrying outlet (its earliest member); with ``headlines``
    false, headline members are left out, and so is an outlet that carries the passage in its
    headline alone."""
    positions = {d.outlet: relative_positions(d) for d in alignment.documents}
    heads = {d.outlet: headline_index(d) for d in alignment.documents}
    out: dict[str, dict[str, float]] = {}
    for p in alignment.passages:
        pos: dict[str, float] = {}
        for m in p.members:
            if not headlines and heads[m.outlet] is not None and m.sentence == heads[m.outlet]:
                continue
            x = member_position(alignment.document(m.outlet), m, positions[m.outlet])
            pos[m.outlet] = min(pos.get(m.outlet, 1.0), x)
        out[p.id] = {o: round(pos[o], 4) for o in sorted(pos)}
    return out


def find_placement_shifts(
    alignment: Alignment, *, min_support: int = 2, lead: float = 0.25, low: float = 0.6
) -> list[PlacementShift]:
    """Passages an outlet buries while the others lead with them, or promotes while others bury them.

    Parameters
    ----------
    alignment : Alignment
        The aligned outlets.
    min_support : int, default 2
        How many other outlets must carry the passage for a comparison.
    lead : float in [0, 1], default 0.25
        Positions at or above the top ``lead`` of an article count as leading with a passage.
    low : float in [0, 1], default 0.6
        Positions at or beyond ``low`` count as far down; must be greater than ``lead``.

    Returns
    -------
    list of PlacementShift
        Sorted by outlet id, then passage order.
    """
    owner = "find_placement_shifts"
    check_parameter("min_support", min_support, "an int >= 1", is_int(min_support) and min_support >= 1, owner)
    check_parameter("lead", lead, "a float in the range [0.0, 1.0]", is_real(lead) and 0 <= lead <= 1, owner)
    check_parameter("low", low, f"a float in the range ({lead}, 1.0]", is_real(low) and lead < low <= 1, owner)
    found: list[PlacementShift] = []
    # an outlet with a headline is compared on its whole article (a passage it headlines is its
    # lead); one without (a pasted text) on the bodies alone, since its headline is unknown
    with_headlines, bodies = _positions(alignment, headlines=True), _positions(alignment, headlines=False)
    has_headline = {d.outlet: headline_index(d) is not None for d in alignment.documents}
    for pid in with_headlines:
        for outlet in with_headlines[pid]:
            pos = with_headlines[pid] if has_headline[outlet] else bodies[pid]
            x = pos[outlet]
            others = [v for o, v in pos.items() if o != outlet]
            if len(others) < min_support:
                continue
            med = median(others)
            if med <= lead and x >= low:
                kind = "buried"
                why = (
                    f"{outlet} places passage {pid} {_pct(x)} down its article while the others place it near "
                    f"the top (median {_pct(med)})."
                )
            elif med >= low and x <= lead:
                kind = "promoted"
                why = (
                    f"{outlet} places passage {pid} near the top ({_pct(x)} down) while the others place it low "
                    f"(median {_pct(med)})."
                )
            else:
                continue
            found.append(PlacementShift(outlet, pid, kind, x, round(med, 4), why))  # type: ignore[arg-type]
    order = {p.id: i for i, p in enumerate(alignment.passages)}
    found.sort(key=lambda s: (s.outlet, order[s.passage]))
    return found


def _pct(x: float) -> str:
    return f"{round(100 * x)}%"


# --- the finding kind: declared once, read by compare, every report, the corpus and the CLI ----


def _sentences(report: Mapping[str, Any], ctx: Context) -> list[str]:
    """One sentence per buried or promoted passage, the largest move first."""
    out = []
    shifts = [p for p in report.get("placement_shifts", []) if isinstance(p, Mapping)]
    ranked = sorted(
        shifts,
        key=lambda p: (
            -abs(float(p.get("position", 0) or 0) - float(p.get("others_position", 0) or 0)),
            str(p.get("outlet")),
            str(p.get("passage")),
        ),
    )
    for p in ranked:
        kind, pos, others = p.get("kind"), p.get("position"), p.get("others_position")
        # the outlet's own words for the passage (its first member), not another outlet's
        members = (ctx.passages.get(str(p.get("passage"))) or {}).get("members", ())
        own = [m for m in members if m.get("outlet") == p.get("outlet")]
        snippet = shorten(str(own[0].get("text", "")), 80) if own else ""
        numbers = isinstance(pos, (int, float)) and isinstance(others, (int, float))
        if kind in ("buried", "promoted") and numbers and snippet:
            name = ctx.name(p["outlet"])
            if kind == "buried":
                out.append(
                    f"{name} places {quoted(snippet)} {pos:.0%} of the way down its article, while the others "
                    f"place it near the top (median {others:.0%})."
                )
            else:
                out.append(
                    f"{name} places {quoted(snippet)} near the top ({pos:.0%} of the way down), while the others "
                    f"place it low (median {others:.0%})."
                )
        elif p.get("explanation"):
            out.append(str(p["explanation"]))
    return out


def _find(alignment: Alignment, found: Mapping[str, Any], options: Mapping[str, Any]) -> list[PlacementShift]:
    return find_placement_shifts(alignment, min_support=options.get("min_support", 2))


def _rows(records: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [r for r in records if r.get("outlet")]


#: The placement-shift finding kind.
KIND = FindingKind(
    name="placement_shifts",
    record_type=PlacementShift,
    find=_find,
    label="placement shift",
    plural="placement shifts",
    title="Placement",
    anchor="placement",
    headline=False,
    order=_rows,
    hide_when_empty=True,
    note="Position in the article body: 0% is the lead, 100% the last sentence.",
    columns=(
        Column("Outlet", lambda r, c: Cell.of_outlet(r["outlet"])),
        Column("Passage", lambda r, c: Cell.of_passage(r.get("passage"))),
        Column("Kind", lambda r, c: Cell.label(r.get("kind"))),
        Column("Here", lambda r, c: Cell.number(r.get("position"), "{:.0%}"), numeric=True),
        Column("Others (median)", lambda r, c: Cell.number(r.get("others_position"), "{:.0%}"), numeric=True),
        Column("Passage text", lambda r, c: Cell.snippet(r.get("passage"), fallback=r.get("explanation"))),
    ),
    summary=Summary(_sentences, first=1, most=1, priority=60),
    chart=("passages buried\nor promoted", "#56B4E9"),
)
