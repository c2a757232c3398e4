"""Figure conflicts: the counts, sums, percentages, dates and vague quantities outlets state,
and where they disagree, within a passage or across two close ones.

The values are the document's number mentions (:attr:`Document.numbers`); a qualifier has
already widened each into a range, and two values agree when their ranges meet.

Names
-----
PARTITIVE         the unit of a partitive count ("All 38 of the clinic's nurses"): no unit of its own.
SAME_FIGURE_MIN   the smallest figure in another unit that joins a conflict as the same count.
figures           the figures stated in a span of a document, as Stated values.
figure_clashes    the figures that disagree, slot by slot (kind and unit).
related_clashes   figure clashes between two close passages that no outlet shares.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from ..align import Alignment
from ..document import Document
from ..vocabulary import COMMON_UNITS
from ._conflict_values import Clash, ConflictKind, Stated, disagree, in_text_order

__all__ = ["PARTITIVE", "SAME_FIGURE_MIN", "figure_clashes", "figures", "related_clashes"]

# The word classes (units of people, months, weekdays, vague quantities, qualifiers) are the
# vocabulary's (mediadiff/data/vocabulary.txt).
#: The unit of a partitive count ("All 38 of the clinic's nurses", in digits after all/each/
#: every; "all three of them" is not read): it names no unit, so it never opens a conflict; it
#: joins one whose figure it repeats (see :func:`figure_clashes`).
PARTITIVE = ""
#: The smallest figure in another unit that joins a conflict as the same count (see
#: :func:`figure_clashes`): "38 employees" joins "38 jobs", "2 hospitals" does not join "2 workers".
SAME_FIGURE_MIN = 10

#: The conflict slot of each kind of number mention: durations ("about 16 months") and
#: ordinals are counts of their unit here; clock times are never compared.
_SLOT_KIND: dict[str, str] = {
    "count": "number",
    "duration": "number",
    "ordinal": "number",
    "money": "money",
    "percent": "percent",
    "date": "date",
    "vague": "vague",
}


def figures(document: Document, start: int, end: int) -> list[Stated]:
    """The numbers, sums, percentages, dates and vague quantities stated in ``[start, end)``,
    read from the document's number mentions (:attr:`Document.numbers`): those with a unit (or
    a partitive count), clock times left out."""
    return [
        Stated(_SLOT_KIND[m.kind], m.unit, m.value, m.low, m.high, m.start, m.end, m.qualifier)
        for m in document.numbers_in(start, end)
        if m.kind in _SLOT_KIND and (m.unit or m.partitive)
    ]


def _meets(a: Stated, b: Stated) -> bool:
    """Whether two figures can be the same: their ranges meet (equal values without ranges)."""
    if a.low is None or b.low is None or a.high is None or b.high is None:
        return a.value == b.value
    return a.low <= b.high + 1e-9 and b.low <= a.high + 1e-9


def _slot(v: Stated) -> tuple[str, str]:
    """The slot a figure is compared in: its kind (a vague quantity is a number) and unit."""
    return ("number" if v.kind == "vague" else v.kind, v.unit)


def figure_clashes(values: list[tuple[str, Stated]], companions: Sequence[tuple[str, Stated]] = ()) -> list[Clash]:
    """The figures of ``values`` (``(outlet, value)`` pairs) that disagree, slot by slot.

    A count that disagrees is joined by the counts of ``companions`` (the figures stated in
    the same passages) that repeat one of its figures in another unit or in none, from outlets
    that give no figure in the slot: "38 jobs" against "about 45 jobs" is also metro's "38
    employees" and valley's "All 38 of the clinic's nurses". Nobody is left out of a conflict
    for naming the thing counted differently. A figure below ``SAME_FIGURE_MIN`` in another
    unit does not join ("two hospitals" is not "two workers": small numbers meet by chance);
    a partitive count ("all three of them") always does.
    """
    out = []
    slots: dict[tuple[str, str], list[tuple[str, Stated]]] = {}
    for outlet, v in values:
        slots.setdefault(_slot(v), []).append((outlet, v))
    for (kind, unit), items in sorted(slots.items()):
        items.sort(key=in_text_order)
        if unit == PARTITIVE or len({o for o, _ in items}) < 2:
            continue
        exact = [(o, v) for o, v in items if v.kind != "vague"]
        vague = [(o, v) for o, v in items if v.kind == "vague"]
        # two outlets clash when none of one's values meets any of the other's
        per_outlet: dict[str, list[Stated]] = {}
        for o, v in exact:
            per_outlet.setdefault(o, []).append(v)
        if disagree(per_outlet, _meets):
            if kind == "number":
                exact = sorted(exact + _same_figures(exact, items, companions), key=in_text_order)
            # a Stated figure's slot kind: number, money, percent or date
            out.append(Clash(cast(ConflictKind, kind), unit, tuple(exact), "figures"))
        if any(ov != oe for ov, _ in vague for oe, _ in exact):
            out.append(Clash("vagueness", unit, tuple(items), "vagueness"))
    return out


def _same_figures(
    exact: Sequence[tuple[str, Stated]], slot: Sequence[tuple[str, Stated]], companions: Sequence[tuple[str, Stated]]
) -> list[tuple[str, Stated]]:
    """The first count of each outlet without a value in ``slot`` that repeats one of the
    figures of ``exact`` (in another unit: at least ``SAME_FIGURE_MIN``, or a partitive)."""
    wanted = {v.value for _, v in exact}
    seen = {o for o, _ in slot}
    out = []
    for o, v in sorted(companions, key=in_text_order):
        if o in seen or v.kind != "number" or v.value not in wanted:
            continue
        if v.unit == PARTITIVE or float(v.value) >= SAME_FIGURE_MIN:
            out.append((o, v))
            seen.add(o)
    return out


# ---------------------------------------------------------------------------------------------
# across two passages


def _countable(v: Stated) -> bool:
    """A count of something specific ("45 jobs"): the only figures compared across passages;
    sums of money, percentages, dates and counts of people or time are too common a unit."""
    return v.kind in ("number", "vague") and v.unit not in COMMON_UNITS


def related_clashes(
    alignment: Alignment,
    stated: dict[str, list[tuple[str, Stated]]],
    done: set[tuple[str, str]],
    floor: float,
) -> list[tuple[str, str, Clash]]:
    """Figure clashes between two close passages that no outlet shares (``related_floor`` of
    :func:`~mediadiff.analysis.conflicts.find_conflicts`), as ``(main, other, clash)``: the
    passage more outlets carry (the earlier one at a tie) names the clash. ``stated`` holds
    each passage's figures; ``done`` the (passage, unit) slots already in a conflict within one.

    Candidate pairs come from an index of passages by slot, so the work follows the passages
    that state a figure of the same kind and unit, not all pairs of passages.
    """
    outlets = {p.id: frozenset(p.outlets) for p in alignment.passages}
    order = {p.id: i for i, p in enumerate(alignment.passages)}
    by_slot: dict[tuple[str, str], list[str]] = {}
    for pid, values in stated.items():
        for slot in sorted({_slot(v) for _, v in values if _countable(v)}):
            by_slot.setdefault(slot, []).append(pid)

    def close(a: str, b: str) -> bool:
        return (
            max(alignment.closeness(a, o) for o in outlets[b]) >= floor
            and max(alignment.closeness(b, o) for o in outlets[a]) >= floor
        )

    out: list[tuple[str, str, Clash]] = []
    for slot, pids in sorted(by_slot.items()):
        pids.sort(key=order.__getitem__)
        for i, a in enumerate(pids):
            for b in pids[i + 1 :]:
                if outlets[a] & outlets[b] or not close(a, b):
                    continue
                main, other = (a, b) if len(outlets[a]) >= len(outlets[b]) else (b, a)
                if (main, slot[1]) in done or (other, slot[1]) in done:
                    continue  # already a conflict within one of them
                both = [(o, v) for pid in (main, other) for o, v in stated[pid]]
                out.extend(
                    (main, other, c) for c in figure_clashes([(o, v) for o, v in both if _slot(v) == slot], both)
                )
    return out
