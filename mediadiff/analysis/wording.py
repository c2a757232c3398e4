"""Wording shifts: how each outlet worded a passage compared with the passage's reference wording.

In every passage that two or more outlets carry, the *reference* is the outlet whose wording is
most like the others' (highest mean difflib ratio; ties: more words, then outlet id). In a
passage of more than ``EXACT_REFERENCE_LIMIT`` (12) outlets it is chosen among the 12 distinct
wordings closest to the passage's word centroid, so the cost grows linearly with the outlets.
Every other outlet's words are diffed against it with :class:`difflib.SequenceMatcher`
(``autojunk=False``) on the normalised words, so that typography (curly or straight quotes,
dashes, case, white space, punctuation, initialism dots) never counts as a change. Each change
is classified, first rule that applies:

``number``         a number changes value ("312" -> "about 400").
``name_or_title``  a proper name or a job title changes, appears or disappears.
``hedging``        a hedge (reportedly, allegedly, appeared to, may...) is added or removed.
``attribution``    an attribution (said, told, according to...) is added or removed, or names another
                   source (read from ``Document.attributions``): a claim
                   turned into a fact, or back.
``intensity``      a stronger or weaker word for the same thing (slashed/cut, exactly, just...).
``substitution``, ``insertion``, ``deletion``  any other change; insertion = words this outlet
                   has that the reference lacks, deletion = words it leaves out.

An outlet whose words share less than ``min_ratio`` (0.3) with the reference's retells the
passage; it is not diffed word by word there (the diff would pair unrelated words).

Trivial changes are not listed: the same letters spaced or hyphenated otherwise ("zero tolerance"
/ "zero-tolerance"), a change of function words only ("the" / "a", "by the" / "from"; see
:data:`FUNCTION_WORDS`) among the plain insertions, deletions and substitutions, a change inside a
dateline ("WASHINGTON (AP) —", see :func:`dateline_tokens`), and words that one outlet only moves
within the passage (the same words inserted at one place and deleted at another).

Each shift has a ``weight`` in [0, 1], how much it may change what a reader is told (reports list
the heaviest first): a number 1.0, an attribution that names another source 0.9, an attribution
added or removed 0.85, a hedge 0.8, a changed name or a changed rank ("deputy", "former") 0.7,
intensity 0.6, a negation on one side only 0.55, a name or title added or removed 0.5, and any
other change 0.1 to 0.4 with the number of content words it changes (:func:`shift_weight`).

Public names
------------
WordingShift          one change (a frozen dataclass; fields are report keys).
find_wording_shifts   Alignment -> list of WordingShift, by outlet, passage order, offset.
wording_shift_scores  per-outlet score in [0, 1]: how far its wording sits from the references.
shift_weight          the weight of one change, from its kind, direction and words.
dateline_tokens       the starts of the tokens of a document's datelines.
FUNCTION_WORDS        words whose change alone is trivial.

The rules live in private modules beside this one: ``_wording_reference`` (each outlet's words
in a passage, the reference wording, a change's spans), ``_wording_kinds`` (what kind a change
is) and ``_wording_weight`` (what is trivial, datelines, the weights).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from .._clauses import capitalised_words
from .._presentation import SHIFT_KINDS, rank_shifts
from .._tokens import match_key
from ..align import Alignment, Passage
from ..document import Document
from ..errors import check_parameter, is_real
from ..findings import Cell, Column, Context, FindingKind, LegendEntry, Mark, Score, reference_columns
from ..vocabulary import FUNCTION_WORDS
from ._wording_kinds import (
    Attributed,
    Numbers,
    ShiftKind,
    attribution_marks,
    classify,
    named_starts,
    same_number,
    stated_numbers,
)
from ._wording_reference import EXACT_REFERENCE_LIMIT as EXACT_REFERENCE_LIMIT
from ._wording_reference import Joined, change_span, choose_reference, outlet_members, outlet_tokens, paired_runs
from ._wording_weight import dateline_tokens, marked_words, shift_weight, source_swapped, trivial

__all__ = [
    "KIND",
    "FUNCTION_WORDS",
    "WordingShift",
    "dateline_tokens",
    "find_wording_shifts",
    "shift_weight",
    "wording_shift_scores",
]


@dataclass(frozen=True, slots=True)
class WordingShift:
    """One change between an outlet's wording of a passage and the reference wording.

    ``start``/``end``/``text`` point into the outlet's article, ``reference_start``/
    ``reference_end``/``reference_text`` into ``reference_outlet``'s (the passage's reference
    member). For an insertion the reference span is empty (``reference_text == ""``)
    and sits where the words would go; for a deletion the outlet's span is empty.
    ``direction`` says whether hedging/attribution/intensity words were ``added``, ``removed``
    or ``changed``. ``weight`` in [0, 1] says how much the change may alter what a reader is
    told (:func:`shift_weight`): reports list the heaviest first.
    """

    passage: str
    outlet: str
    reference_outlet: str
    start: int
    end: int
    text: str
    reference_start: int
    reference_end: int
    reference_text: str
    kind: ShiftKind
    direction: str
    explanation: str
    weight: float = 0.0


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the finder reads of one document, once: its text, the starts of its name words, its
    attributions, its number mentions and its datelines."""

    text: str
    named: frozenset[int]
    attributed: Attributed
    numbers: Numbers
    dateline: frozenset[int]


def _readings(alignment: Alignment) -> dict[str, _Reading]:
    """Each outlet's :class:`_Reading`."""
    names = capitalised_words(alignment.documents)
    return {d.outlet: _read(d, names) for d in alignment.documents}


def _read(document: Document, names: frozenset[str]) -> _Reading:
    """One document's :class:`_Reading` (``names``: the words capitalised across the documents)."""
    return _Reading(
        document.text,
        named_starts(document, names),
        attribution_marks(document),
        stated_numbers(document),
        dateline_tokens(document),
    )


def _without_moves(shifts: list[tuple[WordingShift, tuple[str, ...]]]) -> list[WordingShift]:
    """Drop the words an outlet only moves within a passage: an insertion and a deletion of the
    same words (compared by :func:`match_key`) for the same outlet and passage cancel out."""
    inserted: dict[tuple[str, str, tuple[str, ...]], list[int]] = {}
    deleted: dict[tuple[str, str, tuple[str, ...]], list[int]] = {}
    for k, (w, words) in enumerate(shifts):
        if not words:
            continue
        if w.reference_text == "" and w.text:
            inserted.setdefault((w.outlet, w.passage, words), []).append(k)
        elif w.text == "" and w.reference_text:
            deleted.setdefault((w.outlet, w.passage, words), []).append(k)
    gone: set[int] = set()
    for key, ins in inserted.items():
        for a, b in zip(ins, deleted.get(key, ()), strict=False):
            gone.update((a, b))
    return [w for k, (w, _) in enumerate(shifts) if k not in gone]


_EXPLAIN = {
    "number": "gives a different number",
    "name_or_title": "names someone differently or gives a different title",
    "hedging": "{d} a hedge (a word that makes the claim less certain)",
    "attribution": "{d} who said it: a claim is attributed or presented as fact",
    "intensity": "uses a stronger or weaker word",
    "insertion": "adds words",
    "deletion": "leaves out words",
    "substitution": "uses different words",
}


#: Default ``min_ratio`` of :func:`find_wording_shifts`: below it an outlet retells the passage.
RETELLING_RATIO = 0.3


def find_wording_shifts(alignment: Alignment, *, min_ratio: float = RETELLING_RATIO) -> list[WordingShift]:
    """Diff every outlet's wording of each shared passage against the reference wording.

    Parameters
    ----------
    alignment : Alignment
        The aligned outlets.
    min_ratio : float in [0, 1], default 0.3
        Least difflib ratio between an outlet's words and the reference's for a word diff. Below
        it the outlet retells the passage in its own words: a word-level diff would pair
        unrelated words ("then went further" against "pushed for the separation of ..."), so no
        changes are listed for that outlet there. Its distance still counts in
        :func:`wording_shift_scores`. 0 diffs every outlet.

    Returns
    -------
    list of WordingShift
        Sorted by outlet id, passage order, then offset in the outlet's text.

    Examples
    --------
    >>> from mediadiff.align import align
    >>> from mediadiff.document import Article
    >>> a = align([Article("a", "Officials said the fire destroyed 12 homes."),
    ...            Article("b", "Officials said the fire destroyed 12 homes."),
    ...            Article("c", "The fire reportedly destroyed 12 homes.")], threshold=0.4)
    >>> [(s.outlet, s.kind, s.text, s.reference_text) for s in find_wording_shifts(a)]
    [('c', 'attribution', '', 'Officials said'), ('c', 'hedging', 'reportedly', '')]
    """
    check_parameter(
        "min_ratio",
        min_ratio,
        "a float in the range [0.0, 1.0]",
        is_real(min_ratio) and 0.0 <= min_ratio <= 1.0,
        "find_wording_shifts",
    )
    readings = _readings(alignment)
    listed: list[tuple[WordingShift, tuple[str, ...]]] = []
    for p in alignment.passages:
        if p.support >= 2:
            listed.extend(_passage_shifts(p, outlet_members(alignment, p), readings, min_ratio))
    found = _without_moves(listed)
    order = {p.id: i for i, p in enumerate(alignment.passages)}
    found.sort(key=lambda w: (w.outlet, order[w.passage], w.start, w.end, w.reference_start, w.kind))
    return found


def _passage_shifts(
    passage: Passage, joined: Mapping[str, Joined], readings: Mapping[str, _Reading], min_ratio: float
) -> list[tuple[WordingShift, tuple[str, ...]]]:
    """The changes of each outlet's wording of ``passage`` against its reference wording, each
    with its words (:func:`match_key` forms: :func:`_without_moves` reads them)."""
    keys = {o: tuple(match_key(t) for t in toks) for o, (toks, _) in joined.items()}
    ref, ratios = choose_reference(keys)
    opcodes: dict[tuple[str, ...], list[tuple[str, int, int, int, int]]] = {}  # wire copies: one diff
    listed = []
    for outlet in sorted(joined):
        if outlet == ref or ratios[outlet] < min_ratio:
            continue
        if keys[outlet] not in opcodes:
            sm = SequenceMatcher(None, keys[ref], keys[outlet], autojunk=False)
            opcodes[keys[outlet]] = list(sm.get_opcodes())
        changes = [
            run
            for tag, i1, i2, j1, j2 in opcodes[keys[outlet]]
            if tag != "equal"
            for run in paired_runs(i1, i2, j1, j2, joined[ref][1], joined[outlet][1])
        ]
        for change in changes:
            shift = _shift(passage.id, (ref, joined[ref]), (outlet, joined[outlet]), change, readings)
            if shift is not None:
                listed.append(shift)
    return listed


def _shift(
    passage: str,
    reference: tuple[str, Joined],
    outlet: tuple[str, Joined],
    change: tuple[int, int, int, int],
    readings: Mapping[str, _Reading],
) -> tuple[WordingShift, tuple[str, ...]] | None:
    """One change of ``outlet``'s words against the ``reference`` outlet's (``change``: the token
    ranges ``i1:i2`` of the reference's and ``j1:j2`` of the outlet's) as a wording shift with
    its words; None when it is not worth listing."""
    (ref, (rt, ref_starts)), (out, (ot, out_starts)) = reference, outlet
    i1, i2, j1, j2 = change
    a, b = readings[ref], readings[out]
    ref_words, out_words = rt[i1:i2], ot[j1:j2]
    numbers = (a.numbers, b.numbers)
    if same_number(ref_words, out_words, numbers):
        return None  # "twelve" / "12": the same number written another way
    kind, direction = classify(ref_words, out_words, a.named, b.named, a.attributed, b.attributed, numbers)
    if trivial(kind, ref_words, out_words, a.dateline, b.dateline):
        return None
    s, e = change_span(ot, j1, j2, out_starts)
    rs, re_ = change_span(rt, i1, i2, ref_starts)
    what = _EXPLAIN[kind].format(
        d="adds" if direction == "added" else "removes" if direction == "removed" else "changes"
    )
    named, attributed = (a.named, b.named), (a.attributed, b.attributed)
    weight = shift_weight(
        kind,
        direction,
        ref_words,
        out_words,
        marked=marked_words(kind, ref_words, out_words, named, attributed),
        swap=source_swapped(ref_words, out_words, attributed, named),
    )
    shift = WordingShift(
        passage,
        out,
        ref,
        s,
        e,
        b.text[s:e],
        rs,
        re_,
        a.text[rs:re_],
        kind,
        direction,
        f"Compared with {ref}, {out} {what}.",
        weight,
    )
    return shift, tuple(match_key(t) for t in (*ref_words, *out_words))


def wording_shift_scores(alignment: Alignment, shifts: Sequence[WordingShift] | None = None) -> dict[str, float]:
    """Per-outlet wording-shift score in [0, 1]: how far its wording sits from the references.

    For every passage an outlet shares with at least one other outlet, its distance is
    ``1 - SequenceMatcher.ratio()`` between its normalised words and the reference's (0 for the
    reference itself). The score is the mean distance weighted by the reference's length in
    words; 0.0 for an outlet that shares no passage. ``shifts`` is accepted for symmetry with
    the other scores and not needed: the distance is computed from the alignment.

    >>> from mediadiff.align import align
    >>> from mediadiff.document import Article
    >>> a = align([Article("a", "The fire destroyed 12 homes."), Article("b", "The fire destroyed 12 homes.")])
    >>> wording_shift_scores(a)
    {'a': 0.0, 'b': 0.0}
    """
    total = {o: 0.0 for o in alignment.outlets}
    weight = {o: 0.0 for o in alignment.outlets}
    for p in alignment.passages:
        if p.support < 2:
            continue
        keys = {o: tuple(match_key(t) for t in ts) for o, ts in outlet_tokens(alignment, p).items()}
        ref, ratios = choose_reference(keys)
        w = max(1, len(keys[ref]))
        for outlet in keys:
            total[outlet] += w * (0.0 if outlet == ref else 1.0 - ratios[outlet])
            weight[outlet] += w
    return {o: (round(total[o] / weight[o], 6) if weight[o] else 0.0) for o in alignment.outlets}


# ---------------------------------------------------------------------------------------------
# The finding kind: how compare, the reports, the corpus batch and the command line use it

Record = Mapping[str, Any]
Report = Mapping[str, Any]


def _find_shifts(alignment: Alignment, found: Mapping[str, Any], options: Mapping[str, Any]) -> list[WordingShift]:
    return find_wording_shifts(alignment)


def _score_shifts(
    alignment: Alignment, findings: tuple[Any, ...], options: Mapping[str, Any]
) -> dict[str, dict[str, Any]]:
    values = wording_shift_scores(alignment, list(findings))
    return {o: {"wording_shift": values.get(o, 0.0)} for o in alignment.outlets}


def _shift_marks(r: Record, c: Context) -> list[Mark]:
    """A shift's mark in its passage's row, with the reference's words; a deletion is a point."""
    ref = c.name(r["reference_outlet"])
    label = SHIFT_KINDS.get(r["kind"], r["kind"])
    if r["start"] == r["end"]:
        note = f"Left out here ({label}); {ref} has: “{r.get('reference_text', '')}”"
    elif not r.get("reference_text"):
        note = f"Wording shift ({label}): not in {ref}'s version"
    else:
        note = f"Wording shift ({label})\n{ref} has: “{r['reference_text']}”"
    return [Mark(r["outlet"], r["start"], r["end"], "shift", note, passage=r["passage"])]


#: The wording-shift finding kind.
KIND = FindingKind(
    name="wording_shifts",
    record_type=WordingShift,
    find=_find_shifts,
    score=_score_shifts,
    scores=(Score("wording_shift", "Wording shift", "Wording shift", bar="ws", zero="words it like the others"),),
    label="wording shift",
    plural="wording shifts",
    title="Wording shifts",
    note="Each against the reference member of its passage, heaviest first: a changed number, source, hedge, "
    "name or title and degree word before other words (weight: docs/concepts.md). Changes of punctuation, "
    "function words and datelines are not listed. “—”: no words on that side (added or left out).",
    order=lambda records: list(rank_shifts(records)),
    capped=True,
    breakdown=True,
    kind_labels=SHIFT_KINDS,
    columns=(
        Column("Outlet", lambda r, c: Cell.of_outlet(r["outlet"])),
        Column("Passage", lambda r, c: Cell.of_passage(r.get("passage"))),
        Column("Kind", lambda r, c: Cell.label(SHIFT_KINDS.get(r["kind"], r["kind"]))),
        *reference_columns("Outlet's words", "Reference's words", 160),
        Column("Weight", lambda r, c: Cell.number(r.get("weight")), numeric=True),
    ),
    count_header="Wording shifts",
    chart=("wording\nshifts", "#E69F00"),
    marks=_shift_marks,
    legend=lambda report, c: [
        LegendEntry("wording shift", "shift", rank=10),
        LegendEntry("words left out", shape="point", rank=20),
    ],
)
