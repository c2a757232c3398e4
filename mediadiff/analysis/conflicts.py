"""Conflicts: values that disagree between outlets within one passage (or two close ones).

In every passage two or more outlets carry, the values each member states are read from its
tokens and compared slot by slot:

``number``     counts with their unit ("312 residents" vs "about 400 people"); people-like units
               (residents, people, families, households, homes...) share one slot.
``money``      sums of money ("$4.2 million" vs "$4 million").
``percent``    percentages, fractions and ratios ("18 percent", "nearly a fifth", "nine in ten").
``date``       calendar dates ("March 11" vs "March 12"), weekdays (not schedules such as
               "Monday through Saturday") and years.
``vagueness``  an exact figure against a vague one for the same unit ("nearly 3,000 children" vs
               "thousands of families").
``title``      a person's title or role ("deputy director" vs "director", "Deputy County
               Administrator" vs "County Administrator").
``name``       the same person named differently ("Whitcombe" vs "Whitcomb"); names ending in a
               word for a place or an institution ("Central Library") are not people. Also a
               name that takes another's place in the same words ("a shelter in Norfolk" vs "a
               shelter in Norwalk"): one capitalised name for another, with the words around it
               alike. A longer form of the same name ("Marine Corps Reserve" vs "United States
               Marine Corps Reserve") is no conflict.

A figure stated in a passage of its own is also compared with a close passage that no outlet
shares with it (``related_floor``; counts of specific things only, such as "45 jobs"): the
conflict then names that passage in ``related``.

The values are the document's number mentions (:attr:`Document.numbers`, read once by
:mod:`mediadiff.mentions`): numbers written in words or with separators are normalised
("fourteen", "3,100", "$4.2 million", "a fifth" = 20 percent); durations ("about 16 months")
are counts of their unit here, and clock times are not compared. Qualifiers widen a value into a range before comparing: "nearly X" is
[0.85X, X], "about/roughly/some/an estimated X" is X ± 15%, "at least/more than X" is X or more,
"up to/fewer than X" is X or less; an unqualified figure is exact. Two values conflict when
their ranges do not meet.

The figures are compared in :mod:`._conflict_figures`, the people in :mod:`._conflict_people`;
both hand back clashes (:mod:`._conflict_values`), and this module makes them into records with
their explanations, and declares the finding kind (``KIND``).

Public names
------------
Conflict        one disagreement in one passage, with every outlet's value for that slot.
ConflictValue   one outlet's value: span, normalised value, unit, qualifier.
find_conflicts  Alignment -> list of Conflict, by passage order, then kind.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .._presentation import CONFLICT_KINDS, quoted, who
from ..align import Alignment
from ..document import Document
from ..errors import check_parameter, is_real
from ..findings import (
    Badge,
    Cell,
    Column,
    Context,
    FindingKind,
    LegendEntry,
    Mark,
    Summary,
    agreement_column,
    agreement_note,
    flat_fields,
    weakly_agreed,
)
from ._conflict_figures import figure_clashes, figures, related_clashes
from ._conflict_people import name_index, passage_people, people_clashes
from ._conflict_values import Clash, ConflictKind, Reason, Stated

__all__ = ["KIND", "Conflict", "ConflictValue", "find_conflicts"]

#: Default ``related_floor`` of :func:`find_conflicts`: how close (``Alignment.nearest``) two
#: passages that no outlet shares must be for their figures to be compared.
RELATED_FLOOR = 0.15


@dataclass(frozen=True, slots=True)
class ConflictValue:
    """One outlet's value in a conflict; ``start``/``end``/``text`` point into its article.

    ``value`` is the normalised value (a number, a date as "MM-DD", a title or a name),
    ``low``/``high`` the range it allows after qualifiers (``None`` for non-numbers; ``high`` is
    also ``None`` for an open range such as "at least 300" or "more than 6,000"), ``unit``
    the unit or slot compared (``None`` for a count that names no unit, "all 38 of them"),
    ``qualifier`` the word that widened it ("nearly", "about"...; ``None`` when none did).
    """

    outlet: str
    start: int
    end: int
    text: str
    value: float | str
    low: float | None
    high: float | None
    unit: str | None
    qualifier: str | None


@dataclass(frozen=True, slots=True)
class Conflict:
    """Values that disagree within one passage. ``values`` holds every outlet's value for the
    slot (agreeing ones too), sorted by outlet id and offset.

    ``related`` names a second passage when the values come from two passages that no outlet
    shares and that the aligner found close (a figure one outlet states in other words, kept
    apart by the alignment); it is empty for a conflict within ``passage``. ``agreement`` is
    how alike the outlets' pieces of ``passage`` are (:attr:`Alignment.agreement`; None for a
    conflict across two passages or when no pair was scored): below
    :data:`~mediadiff.findings.KEY_AGREEMENT` the passage may join two different facts, and a
    conflict of figures or dates is no key finding (one of names or titles, which concern a
    person wherever named, still is).
    """

    kind: ConflictKind
    passage: str
    unit: str
    values: tuple[ConflictValue, ...]
    explanation: str
    related: tuple[str, ...] = ()
    agreement: float | None = None


def find_conflicts(alignment: Alignment, *, related_floor: float | None = RELATED_FLOOR) -> list[Conflict]:
    """Find values that disagree between outlets within each passage.

    Returns one :class:`Conflict` per passage and slot that disagrees, sorted by passage order,
    then kind, then unit.

    Parameters
    ----------
    alignment : Alignment
        The passages to read values from.
    related_floor : float in (0, 1] or None, default 0.15
        Figures are also compared across two passages that no outlet shares when each passage
        has an outlet of the other within this score of it (``Alignment.nearest``) and both
        state a figure of the same kind and unit: "about 45 jobs" in one outlet's lone clause
        against "38 jobs" elsewhere, where the aligner kept the paraphrase apart. Such a
        conflict names the second passage in ``related``. ``None`` compares within passages
        only.

    Examples
    --------
    >>> from mediadiff.align import align
    >>> from mediadiff.document import Article
    >>> a = align([Article("a", "The fire destroyed 12 homes on Monday."),
    ...            Article("b", "The fire destroyed about 40 homes on Monday.")], threshold=0.4)
    >>> [(c.kind, [v.text for v in c.values]) for c in find_conflicts(a)]
    [('number', ['12 homes', 'about 40 homes'])]
    """
    check_parameter(
        "related_floor",
        related_floor,
        "a float in the range (0.0, 1.0] or None",
        related_floor is None or (is_real(related_floor) and 0.0 < related_floor <= 1.0),
        "find_conflicts",
    )
    docs = {d.outlet: d for d in alignment.documents}
    index = name_index(docs)
    found: list[Conflict] = []
    stated: dict[str, list[tuple[str, Stated]]] = {}  # passage id -> its figures
    for p in alignment.passages:
        if p.support < 2:
            if related_floor is not None:
                stated[p.id] = [(m.outlet, v) for m in p.members for v in figures(docs[m.outlet], m.start, m.end)]
            continue
        members = sorted(p.members, key=lambda m: (m.outlet, m.start))
        values = [(m.outlet, v) for m in members for v in figures(docs[m.outlet], m.start, m.end)]
        stated[p.id] = values
        people, words = passage_people(members, docs)
        clashes = figure_clashes(values, values) + people_clashes(people, words, index)
        agreement = alignment.agreement.get(p.id)
        found.extend(_conflict(p.id, c, docs, agreement=agreement) for c in clashes)
    if related_floor is not None:
        done = {(c.passage, c.unit) for c in found if c.kind not in ("title", "name")}
        for main, other, clash in related_clashes(alignment, stated, done, related_floor):
            found.append(_conflict(main, clash, docs, related=other))
    return _in_order(alignment, found)


#: The explanation of each reason for a clash, given its values as "outlet: text" (``listed``
#: with commas, ``itemised`` with semicolons) and the person (``who``) for a title.
_EXPLANATIONS: dict[Reason, str] = {
    "figures": "Outlets give different figures for the same thing ({listed}).",
    "vagueness": "Some outlets give an exact figure where others stay vague ({listed}).",
    "title": "Outlets give {who} different titles: {itemised}.",
    "spelling": "Outlets spell a name differently: {itemised}.",
    "first names": "Outlets give different first names: {itemised}.",
    "same words": "Outlets give a different name in the same words: {itemised}.",
}
#: What a conflict across two passages adds to its explanation.
_RELATED = (
    " Some of these figures are in passage {other}, which no outlet of {main} carries but which comes close to it."
)


def _value(doc: Document, outlet: str, v: Stated) -> ConflictValue:
    """One outlet's stated value as a ConflictValue, its text read from the article."""
    high = None if v.high is not None and math.isinf(v.high) else v.high  # "at least 300": no upper bound
    text = doc.text[v.start : v.end]
    return ConflictValue(outlet, v.start, v.end, text, v.value, v.low, high, v.unit or None, v.qualifier or None)


def _conflict(
    pid: str,
    clash: Clash,
    docs: Mapping[str, Document],
    related: str | None = None,
    agreement: float | None = None,
) -> Conflict:
    """The Conflict of a clash in passage ``pid`` (with values in ``related`` too, when given)."""
    values = tuple(_value(docs[o], o, v) for o, v in clash.values)
    said = [f"{v.outlet}: {v.text}" for v in values]
    explanation = _EXPLANATIONS[clash.reason].format(
        listed=", ".join(said), itemised="; ".join(said), who=clash.unit.title()
    )
    if related is None:
        rounded = None if agreement is None else round(agreement, 6)
        return Conflict(clash.kind, pid, clash.unit, values, explanation, agreement=rounded)
    return Conflict(
        clash.kind, pid, clash.unit, values, explanation + _RELATED.format(other=related, main=pid), (related,)
    )


def _in_order(alignment: Alignment, found: list[Conflict]) -> list[Conflict]:
    """The conflicts by passage order, then kind, unit and values; each set of values once."""
    order = {p.id: i for i, p in enumerate(alignment.passages)}
    found.sort(key=lambda c: (order[c.passage], c.kind, c.unit, [(v.outlet, v.start) for v in c.values]))
    # two slots that join each other's figures ("38 jobs" / "45 jobs" and "38 employees" / "45
    # employees") make one conflict, not two
    seen: set[tuple[str, str, frozenset[tuple[str, int, int]]]] = set()
    unique = []
    for c in found:
        key = (c.passage, c.kind, frozenset((v.outlet, v.start, v.end) for v in c.values))
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return unique


# ---------------------------------------------------------------------------------------------
# The finding kind: how compare, the reports, the corpus batch and the command line use it

Record = Mapping[str, Any]
Report = Mapping[str, Any]


def _conflict_count(records: Sequence[Record]) -> Counter[str]:
    """A conflict counts once for each outlet that gives one of its values."""
    counts: Counter[str] = Counter()
    for c in records:
        counts.update({str(v["outlet"]) for v in c.get("values", ()) if isinstance(v, Mapping) and v.get("outlet")})
    return counts


def _conflict_line(records: Sequence[Record], outlets: Sequence[str]) -> dict[str, dict[str, Any]]:
    counts = _conflict_count(records)
    return {o: {"n_conflicts": counts.get(o, 0)} for o in outlets}


def _conflict_frame(records: Sequence[Record]) -> tuple[list[dict[str, Any]], list[str]]:
    """One row per competing value, with its conflict's ``kind`` and ``passage``."""
    rows = [{"kind": c["kind"], "passage": c["passage"], **v} for c in records for v in c["values"]]
    return rows, ["kind", "passage", *flat_fields(ConflictValue)]


#: Conflict kinds about a person (a name or a title), which hold wherever the person is named,
#: whatever else the passage joins.
_PERSON_KINDS = frozenset({"name", "title"})


def _conflict_sentences(report: Report, ctx: Context) -> list[str]:
    """One sentence per conflict, leaving out the conflicts of figures and dates read off a
    passage whose carriers agree less than :data:`~mediadiff.findings.KEY_AGREEMENT`."""
    names = ctx.names
    out = []
    for c in report.get("conflicts", []):
        if c.get("kind") not in _PERSON_KINDS and weakly_agreed(c):
            continue  # two figures of what may be two different facts
        # values that agree (same number, or same words) form one group; the odd one out comes first
        groups: dict[Any, list[tuple[str, str]]] = {}  # one figure -> its (name, text) values
        for v in c.get("values", []):
            text = " ".join(str(v.get("text", "")).split())
            value = v.get("value")
            key = ("v", value) if isinstance(value, (int, float)) else ("t", text.lower())
            groups.setdefault(key, []).append((names.get(v["outlet"], v["outlet"]), text))
        parts = []
        for said_by in sorted(groups.values(), key=lambda g: (len({n for n, _ in g}), sorted({n for n, _ in g}))):
            sayers = sorted({n for n, _ in said_by})
            # the words shown are those of the outlets named: who() names two of a long list
            shown = set(sayers if len(sayers) <= 3 else sayers[:2])
            texts = list(dict.fromkeys(t for n, t in said_by if n in shown))
            said = " or ".join(quoted(t, 60) for t in texts[:3])
            parts.append(f"{who(sayers)} {'says' if len(sayers) == 1 else 'say'} {said}")
        kind = CONFLICT_KINDS.get(str(c.get("kind")), str(c.get("kind", "a fact")))
        out.append(f"The outlets disagree on {kind}: " + "; ".join(parts) + ".")
    return out


def _conflict_marks(r: Record, c: Context) -> list[Mark]:
    """Each competing value marked in its outlet's text, with every outlet's value as the note."""
    values = r.get("values", [])
    others = "; ".join(f"{c.name(v['outlet'])}: “{v['text']}”" for v in values)
    note = f"Conflict ({CONFLICT_KINDS.get(str(r.get('kind')), r.get('kind'))})\n{others}"
    return [Mark(v["outlet"], v["start"], v["end"], "conflict", note) for v in values]


#: The conflict finding kind.
KIND = FindingKind(
    name="conflicts",
    record_type=Conflict,
    find=lambda alignment, found, options: find_conflicts(alignment),
    label="conflict",
    plural="conflicts",
    title="Conflicting facts",
    note=agreement_note("a conflict of figures or dates"),
    columns=(
        Column(
            "Passage",
            lambda r, c: Cell.of_passage(
                r.get("passage"), also=[x for x in r.get("related") or () if x != r.get("passage")]
            ),
        ),
        Column("Kind", lambda r, c: Cell.label(CONFLICT_KINDS.get(str(r.get("kind")), r.get("kind")))),
        Column("Values", lambda r, c: Cell.values(r.get("values", []))),
        agreement_column(),
    ),
    count=_conflict_count,
    summary=Summary(_conflict_sentences, first=1, most=2, priority=20),
    chart=("conflicts it\nis part of", "#009E73"),
    score_line=_conflict_line,
    frame=_conflict_frame,
    marks=_conflict_marks,
    badges=lambda r, c: [Badge(r["passage"], "conflict", "conflict", rank=20)] if r.get("passage") else [],
    legend=lambda report, c: [LegendEntry("conflicting value", "conflict", rank=40)],
)
