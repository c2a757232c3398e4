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

Public names
------------
Conflict        one disagreement in one passage, with every outlet's value for that slot.
ConflictValue   one outlet's value: span, normalised value, unit, qualifier.
find_conflicts  Alignment -> list of Conflict, by passage order, then kind.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal, cast

from .._presentation import CONFLICT_KINDS, quoted, who
from ..align import Alignment
from ..document import Document, NameMention, Token
from ..errors import check_parameter, is_real
from ..findings import Cell, Column, Context, FindingKind, Summary, flat_fields
from ..vocabulary import (
    COMMON_UNITS,
    RANK_WORDS,
)
from ._common import member_tokens

__all__ = ["KIND", "Conflict", "ConflictValue", "find_conflicts"]

#: Default ``related_floor`` of :func:`find_conflicts`: how close (``Alignment.nearest``) two
#: passages that no outlet shares must be for their figures to be compared.
RELATED_FLOOR = 0.15

ConflictKind = Literal["number", "money", "percent", "date", "vagueness", "title", "name"]


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
    apart by the alignment); it is empty for a conflict within ``passage``.
    """

    kind: ConflictKind
    passage: str
    unit: str
    values: tuple[ConflictValue, ...]
    explanation: str
    related: tuple[str, ...] = ()


# The word classes (units of people, months, weekdays, vague quantities, qualifiers) are the
# vocabulary's (mediadiff/data/vocabulary.txt).
#: The unit of a partitive count ("All 38 of the clinic's nurses", in digits after all/each/
#: every; "all three of them" is not read): it names no unit, so it never opens a conflict; it
#: joins one whose figure it repeats (see ``_numeric_conflicts``).
PARTITIVE = ""
#: The smallest figure in another unit that joins a conflict as the same count (see
#: ``_numeric_conflicts``): "38 employees" joins "38 jobs", "2 hospitals" does not join "2 workers".
SAME_FIGURE_MIN = 10


@dataclass(frozen=True, slots=True)
class _Value:
    kind: str  # number / money / percent / date / vague
    unit: str
    value: float | str
    low: float | None
    high: float | None
    start: int
    end: int
    qualifier: str


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


def _values(document: Document, start: int, end: int) -> list[_Value]:
    """The numbers, sums, percentages, dates and vague quantities stated in ``[start, end)``,
    read from the document's number mentions (:attr:`Document.numbers`): those with a unit (or
    a partitive count), clock times left out."""
    return [
        _Value(_SLOT_KIND[m.kind], m.unit, m.value, m.low, m.high, m.start, m.end, m.qualifier)
        for m in document.numbers_in(start, end)
        if m.kind in _SLOT_KIND and (m.unit or m.partitive)
    ]


def _meets(a: _Value, b: _Value) -> bool:
    if a.low is None or b.low is None or a.high is None or b.high is None:
        return a.value == b.value
    return a.low <= b.high + 1e-9 and b.low <= a.high + 1e-9


# ---------------------------------------------------------------------------------------------
# people: names and titles


def _people(document: Document, start: int, end: int) -> list[NameMention]:
    """The people named in ``[start, end)``: the document's person names (:attr:`Document.names`,
    read once by :mod:`mediadiff.names`) that lie in it, each with its title when the title lies
    in it too (a clause that ends before ", deputy director of ..." gives the name without it)."""
    out = []
    for x in document.names_in(start, end):
        if x.kind != "person" or x.end > end:
            continue
        if (
            x.title_start is not None
            and x.title_end is not None
            and not (start <= x.title_start and x.title_end <= end)
        ):
            x = dataclasses.replace(x, title=(), title_start=None, title_end=None)
        out.append(x)
    return out


def _core(title: tuple[str, ...]) -> frozenset[str]:
    """The words of a title that say what the job is ("former" and "then" say when)."""
    return frozenset(w for w in title if w not in ("former", "then", "now", "the"))


def _compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two titles can name the same job: one is a shortening of the other, without
    dropping a rank word ("deputy attorney general" ~ "deputy", but not "deputy director" ~ "director")."""
    if not (a <= b or b <= a):
        return False
    return not ((a ^ b) & RANK_WORDS)


def _title_span(x: NameMention) -> tuple[int, int]:
    """Where the title of a titled name lies."""
    return (x.title_start or 0, x.title_end or 0)


def _is_name(t: Token, names: frozenset[int]) -> bool:
    """A word of a name: one of the words of the document's name mentions (``names``: their
    starts; :func:`mediadiff.names.is_name` with ``person``)."""
    return t.start in names


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether one name is the other or a shorter form of it: its words run in the other in
    order ("marine corps reserve" in "united states marine corps reserve").

    >>> _same_name(("marine", "corps", "reserve"), ("united", "states", "marine", "corps", "reserve"))
    True
    >>> _same_name(("dana", "whitcombe"), ("lena", "whitcombe"))
    False
    """
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return bool(short) and any(long_[k : k + len(short)] == short for k in range(len(long_) - len(short) + 1))


def _swapped_names(
    pid: str,
    words: dict[str, list[Token]],
    starts: dict[str, frozenset[int]],
    named: dict[str, frozenset[int]],
    docs: dict[str, Document],
    taken: set[str],
) -> list[Conflict]:
    """One name put in another's place, in the same words: "a shelter in Norfolk" / "a shelter in
    Norwalk". Each pair of outlets' words (the members' words, in order) is diffed; a single
    capitalised name (not opening a sentence, not a title word, a month or a weekday) replaced by
    another, with a word alike on either side, that the other outlet does not use anywhere in the
    passage, is a conflict of kind ``name``. Names already in a conflict of this passage
    (``taken``: surnames) are left to it."""
    keys = {o: [t.norm for t in ws] for o, ws in words.items()}
    slots: dict[frozenset[str], dict[tuple[str, int], Token]] = {}
    outlets = sorted(words)
    for ia, a in enumerate(outlets):
        for b in outlets[ia + 1 :]:
            sm = SequenceMatcher(None, keys[a], keys[b], autojunk=False)
            for tag, i1, i2, j1, j2 in sm.get_opcodes():
                if tag != "replace" or i2 - i1 != 1 or j2 - j1 != 1:
                    continue
                ta, tb = words[a][i1], words[b][j1]
                if not (
                    _is_name(ta, named[a])
                    and _is_name(tb, named[b])
                    and ta.start not in starts[a]
                    and tb.start not in starts[b]
                ):
                    continue
                if not ((i1 > 0 and j1 > 0) or (i2 < len(keys[a]) and j2 < len(keys[b]))):
                    continue  # nothing alike around it: not the same slot
                if ta.norm in keys[b] or tb.norm in keys[a] or {ta.norm, tb.norm} & taken:
                    continue  # the other outlet names it too, elsewhere: moved, not changed
                slot = slots.setdefault(frozenset((ta.norm, tb.norm)), {})
                slot[(a, ta.start)] = ta
                slot[(b, tb.start)] = tb
    out = []
    for pair, found in sorted(slots.items(), key=lambda x: sorted(x[0])):
        vals = tuple(
            ConflictValue(o, t.start, t.end, docs[o].text[t.start : t.end], t.norm, None, None, "name", None)
            for (o, _), t in sorted(found.items())
        )
        if len({v.outlet for v in vals}) < 2:
            continue
        out.append(
            Conflict(
                "name",
                pid,
                min(pair),
                vals,
                "Outlets give a different name in the same words: "
                + "; ".join(f"{v.outlet}: {v.text}" for v in vals)
                + ".",
            )
        )
    return out


# ---------------------------------------------------------------------------------------------


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
    starts = {o: frozenset(s.tokens[0].start for s in d.sentences if s.tokens) for o, d in docs.items()}
    name_words = {o: frozenset(t.start for x in d.names for t in x.parts) for o, d in docs.items()}
    found: list[Conflict] = []
    stated: dict[str, list[tuple[str, _Value]]] = {}  # passage id -> its numeric values
    for p in alignment.passages:
        if p.support < 2:
            if related_floor is not None:
                stated[p.id] = [(m.outlet, v) for m in p.members for v in _values(docs[m.outlet], m.start, m.end)]
            continue
        values: list[tuple[str, _Value]] = []
        people: list[tuple[str, NameMention]] = []
        body: dict[str, list[Token]] = {}  # each outlet's words outside headlines, members in text order
        for m in sorted(p.members, key=lambda m: (m.outlet, m.start)):
            toks = member_tokens(docs[m.outlet], m, words_only=False)
            values.extend((m.outlet, v) for v in _values(docs[m.outlet], m.start, m.end))
            words = [t for t in toks if t.kind == "word" and len(t.text) > 3]
            headline = (
                not m.text.rstrip("\"'”’)").endswith((".", "!", "?"))
                and words
                and sum(t.text[:1].isupper() for t in words) / len(words) > 0.6
            )
            if not headline:  # title case would make every word look like a name
                people.extend((m.outlet, x) for x in _people(docs[m.outlet], m.start, m.end))
                body.setdefault(m.outlet, []).extend(t for t in toks if t.kind != "punct")
        stated[p.id] = values
        found.extend(_numeric_conflicts(p.id, values, docs, values))
        named = _people_conflicts(p.id, people, docs)
        found.extend(named)
        taken = {v.value for c in named for v in c.values if isinstance(v.value, str)} | {c.unit for c in named}
        taken |= {w for c in named for v in c.values if isinstance(v.value, str) for w in v.value.split()}
        found.extend(_swapped_names(p.id, body, starts, name_words, docs, taken))
    if related_floor is not None:
        found.extend(_related_conflicts(alignment, stated, found, docs, related_floor))
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


def _slot(v: _Value) -> tuple[str, str]:
    return ("number" if v.kind == "vague" else v.kind, v.unit)


# units too common to say that two figures count the same thing when their passages differ


def _countable(v: _Value) -> bool:
    """A count of something specific ("45 jobs"): the only figures compared across passages;
    sums of money, percentages, dates and counts of people or time are too common a unit."""
    return v.kind in ("number", "vague") and v.unit not in COMMON_UNITS


def _related_conflicts(
    alignment: Alignment,
    stated: dict[str, list[tuple[str, _Value]]],
    within: Sequence[Conflict],
    docs: dict[str, Document],
    floor: float,
) -> list[Conflict]:
    """Numeric conflicts between two close passages that no outlet shares (see ``related_floor``).

    Candidate pairs come from an index of passages by slot, so the work follows the passages
    that state a figure of the same kind and unit, not all pairs of passages.
    """
    outlets = {p.id: frozenset(p.outlets) for p in alignment.passages}
    order = {p.id: i for i, p in enumerate(alignment.passages)}
    by_slot: dict[tuple[str, str], list[str]] = {}
    for pid, values in stated.items():
        for slot in sorted({_slot(v) for _, v in values if _countable(v)}):
            by_slot.setdefault(slot, []).append(pid)
    done = {(c.passage, c.unit) for c in within if c.kind not in ("title", "name")}

    def close(a: str, b: str) -> bool:
        return (
            max(alignment.closeness(a, o) for o in outlets[b]) >= floor
            and max(alignment.closeness(b, o) for o in outlets[a]) >= floor
        )

    out: list[Conflict] = []
    for slot, pids in sorted(by_slot.items()):
        pids.sort(key=order.__getitem__)
        for i, a in enumerate(pids):
            for b in pids[i + 1 :]:
                if outlets[a] & outlets[b] or not close(a, b):
                    continue
                # the passage more outlets carry names the conflict (the earlier one at a tie)
                main, other = (a, b) if len(outlets[a]) >= len(outlets[b]) else (b, a)
                if (main, slot[1]) in done or (other, slot[1]) in done:
                    continue  # already a conflict within one of them
                both = [(o, v) for pid in (main, other) for o, v in stated[pid]]
                for c in _numeric_conflicts(main, [(o, v) for o, v in both if _slot(v) == slot], docs, both):
                    note = (
                        f" Some of these figures are in passage {other}, which no outlet of {main} carries"
                        " but which comes close to it."
                    )
                    out.append(dataclasses.replace(c, related=(other,), explanation=c.explanation + note))
    return out


def _cv(doc: Document, outlet: str, v: _Value) -> ConflictValue:
    high = None if v.high is not None and math.isinf(v.high) else v.high  # "at least 300": no upper bound
    text = doc.text[v.start : v.end]
    return ConflictValue(outlet, v.start, v.end, text, v.value, v.low, high, v.unit or None, v.qualifier or None)


def _numeric_conflicts(
    pid: str,
    values: list[tuple[str, _Value]],
    docs: dict[str, Document],
    companions: Sequence[tuple[str, _Value]] = (),
) -> list[Conflict]:
    """The figures of ``values`` that disagree, slot by slot.

    A count that disagrees is joined by the counts of ``companions`` (the figures stated in
    the same passages) that repeat one of its figures in another unit or in none, from outlets
    that give no figure in the slot: "38 jobs" against "about 45 jobs" is also metro's "38
    employees" and valley's "All 38 of the clinic's nurses". Nobody is left out of a conflict
    for naming the thing counted differently. A figure below ``SAME_FIGURE_MIN`` in another
    unit does not join ("two hospitals" is not "two workers": small numbers meet by chance);
    a partitive count ("all three of them") always does.
    """
    out = []
    slots: dict[tuple[str, str], list[tuple[str, _Value]]] = {}
    for outlet, v in values:
        kind = "number" if v.kind == "vague" else v.kind
        slots.setdefault((kind, v.unit), []).append((outlet, v))
    for (kind, unit), items in sorted(slots.items()):
        items.sort(key=lambda x: (x[0], x[1].start))
        if unit == PARTITIVE or len({o for o, _ in items}) < 2:
            continue
        exact = [(o, v) for o, v in items if v.kind != "vague"]
        vague = [(o, v) for o, v in items if v.kind == "vague"]
        # two outlets clash when none of one's values meets any of the other's
        per_outlet: dict[str, list[_Value]] = {}
        for o, v in exact:
            per_outlet.setdefault(o, []).append(v)
        names = sorted(per_outlet)
        clash = any(
            not any(_meets(a, b) for a in per_outlet[oa] for b in per_outlet[ob])
            for ia, oa in enumerate(names)
            for ob in names[ia + 1 :]
        )
        if clash:
            if kind == "number":
                exact = sorted(exact + _same_figures(exact, items, companions), key=lambda x: (x[0], x[1].start))
            texts = ", ".join(f"{o}: {docs[o].text[v.start : v.end]}" for o, v in exact)
            out.append(
                Conflict(
                    cast(ConflictKind, kind),  # a _Value's kind: number, money, percent or date
                    pid,
                    unit,
                    tuple(_cv(docs[o], o, v) for o, v in exact),
                    f"Outlets give different figures for the same thing ({texts}).",
                )
            )
        if any(ov != oe for ov, _ in vague for oe, _ in exact):
            texts = ", ".join(f"{o}: {docs[o].text[v.start : v.end]}" for o, v in items)
            out.append(
                Conflict(
                    "vagueness",
                    pid,
                    unit,
                    tuple(_cv(docs[o], o, v) for o, v in items),
                    f"Some outlets give an exact figure where others stay vague ({texts}).",
                )
            )
    return out


def _same_figures(
    exact: Sequence[tuple[str, _Value]], slot: Sequence[tuple[str, _Value]], companions: Sequence[tuple[str, _Value]]
) -> list[tuple[str, _Value]]:
    """The first count of each outlet without a value in ``slot`` that repeats one of the
    figures of ``exact`` (in another unit: at least ``SAME_FIGURE_MIN``, or a partitive)."""
    figures = {v.value for _, v in exact}
    seen = {o for o, _ in slot}
    out = []
    for o, v in sorted(companions, key=lambda x: (x[0], x[1].start)):
        if o in seen or v.kind != "number" or v.value not in figures:
            continue
        if v.unit == PARTITIVE or float(v.value) >= SAME_FIGURE_MIN:
            out.append((o, v))
            seen.add(o)
    return out


def _people_conflicts(pid: str, people: list[tuple[str, NameMention]], docs: dict[str, Document]) -> list[Conflict]:
    out = []
    by_surname: dict[str, list[tuple[str, NameMention]]] = {}
    for outlet, x in people:
        by_surname.setdefault(x.key, []).append((outlet, x))
    for surname, items in sorted(by_surname.items()):
        titled = [(o, x) for o, x in items if x.title]
        titles = {o: {_core(x.title) for oo, x in titled if oo == o} for o, _ in titled}
        outs = sorted(titles)
        clash = any(
            not any(_compatible(a, b) for a in titles[oa] for b in titles[ob])
            for ia, oa in enumerate(outs)
            for ob in outs[ia + 1 :]
        )
        if clash:
            vals = tuple(
                ConflictValue(
                    o,
                    *_title_span(x),
                    docs[o].text[slice(*_title_span(x))],
                    " ".join(x.title),
                    None,
                    None,
                    "title",
                    None,
                )
                for o, x in sorted(titled, key=lambda y: (y[0], y[1].start))
            )
            out.append(
                Conflict(
                    "title",
                    pid,
                    surname,
                    vals,
                    f"Outlets give {surname.title()} different titles: "
                    + "; ".join(f"{v.outlet}: {v.text}" for v in vals)
                    + ".",
                )
            )
    # the same person spelled or named differently: similar surnames, or one surname with different first names
    surnames = sorted(by_surname)
    for a_i, a in enumerate(surnames):
        for b in surnames[a_i + 1 :]:
            if SequenceMatcher(None, a, b).ratio() >= 0.8:
                items = by_surname[a] + by_surname[b]
                if len({o for o, _ in items}) >= 2:
                    vals = tuple(
                        ConflictValue(o, x.start, x.end, docs[o].text[x.start : x.end], x.key, None, None, "name", None)
                        for o, x in sorted(items, key=lambda y: (y[0], y[1].start))
                    )
                    out.append(
                        Conflict(
                            "name",
                            pid,
                            a,
                            vals,
                            "Outlets spell a name differently: "
                            + "; ".join(f"{v.outlet}: {v.text}" for v in vals)
                            + ".",
                        )
                    )
    for surname, items in sorted(by_surname.items()):
        firsts = {x.words[0] for _, x in items if x.words[0] != x.key}
        # a longer form of the same name is no other name: "Marine Corps Reserve" / "United States Marine Corps Reserve"
        differ = any(
            oa != ob and xa.words[0] != xb.words[0] and not _same_name(xa.words, xb.words)
            for oa, xa in items
            for ob, xb in items
        )
        if len(firsts) > 1 and len({o for o, _ in items}) >= 2 and differ:
            vals = tuple(
                ConflictValue(
                    o, x.start, x.end, docs[o].text[x.start : x.end], x.words[0] + " " + x.key, None, None, "name", None
                )
                for o, x in sorted(items, key=lambda y: (y[0], y[1].start))
            )
            out.append(
                Conflict(
                    "name",
                    pid,
                    surname,
                    vals,
                    "Outlets give different first names: " + "; ".join(f"{v.outlet}: {v.text}" for v in vals) + ".",
                )
            )
    return out


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


def _conflict_sentences(report: Report, ctx: Context) -> list[str]:
    names = ctx.names
    out = []
    for c in report.get("conflicts", []):
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


#: The conflict finding kind.
KIND = FindingKind(
    name="conflicts",
    record_type=Conflict,
    find=lambda alignment, found, options: find_conflicts(alignment),
    label="conflict",
    plural="conflicts",
    title="Conflicting facts",
    columns=(
        Column(
            "Passage",
            lambda r, c: Cell.of_passage(
                r.get("passage"), also=[x for x in r.get("related") or () if x != r.get("passage")]
            ),
        ),
        Column("Kind", lambda r, c: Cell.label(CONFLICT_KINDS.get(str(r.get("kind")), r.get("kind")))),
        Column("Values", lambda r, c: Cell.values(r.get("values", []))),
    ),
    count=_conflict_count,
    summary=Summary(_conflict_sentences, first=1, most=2, priority=20),
    chart=("conflicts it\nis part of", "#009E73"),
    score_line=_conflict_line,
    frame=_conflict_frame,
)
