"""Wording shifts: how each outlet worded a passage compared with the passage's reference wording.

In every passage that two or more outlets carry, the *reference* is the outlet whose wording is
most like the others' (ties: more words, then outlet id). Every other outlet's words are diffed
against it with :class:`difflib.SequenceMatcher` (``autojunk=False``) on the normalised words, so
that typography (curly or straight quotes, dashes, case, white space, punctuation, initialism
dots) never counts as a change. Each change is classified, first rule that applies:

``number``         a number changes value ("312" -> "about 400").
``name_or_title``  a proper name or a job title changes, appears or disappears.
``hedging``        a hedge (reportedly, allegedly, appeared to, may...) is added or removed.
``attribution``    an attribution (said, told, according to...) is added or removed: a claim
                   turned into a fact, or back.
``intensity``      a stronger or weaker word for the same thing (slashed/cut, exactly, just...).
``substitution``, ``insertion``, ``deletion``  any other change; insertion = words this outlet
                   has that the reference lacks, deletion = words it leaves out.

Public names
------------
WordingShift          one change (a frozen dataclass; fields are report keys).
find_wording_shifts   Alignment -> list of WordingShift, by outlet, passage order, offset.
wording_shift_scores  per-outlet score in [0, 1]: how far its wording sits from the references.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from ..align import Alignment, Passage
from ..document import Document, Token
from ._common import ATTRIBUTION_VERBS, HEDGES, INTENSIFIERS, TITLE_WORDS, match_key, member_tokens, read_number

__all__ = ["WordingShift", "find_wording_shifts", "wording_shift_scores"]

ShiftKind = Literal[
    "substitution", "insertion", "deletion", "hedging", "attribution", "intensity", "number", "name_or_title"
]


@dataclass(frozen=True, slots=True)
class WordingShift:
    """One change between an outlet's wording of a passage and the reference wording.

    ``start``/``end``/``text`` point into the outlet's article, ``reference_*`` into the
    reference outlet's. For an insertion the reference span is empty (``reference_text == ""``)
    and sits where the words would go; for a deletion the outlet's span is empty.
    ``direction`` says whether hedging/attribution/intensity words were ``added``, ``removed``
    or ``changed``.
    """

    passage: str
    outlet: str
    reference: str
    start: int
    end: int
    text: str
    reference_start: int
    reference_end: int
    reference_text: str
    kind: ShiftKind
    direction: str
    explanation: str


def _outlet_tokens(alignment: Alignment, passage: Passage) -> dict[str, tuple[Token, ...]]:
    out: dict[str, tuple[Token, ...]] = {}
    for outlet in passage.outlets:
        doc = alignment.document(outlet)
        toks: list[Token] = []
        for m in sorted(passage.members_of(outlet), key=lambda m: m.start):
            toks.extend(member_tokens(doc, m))
        out[outlet] = tuple(toks)
    return out


def _ratio(a: Sequence[str], b: Sequence[str]) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


#: Above this many members, reference candidates are first narrowed by a bag-of-words score.
EXACT_REFERENCE_LIMIT = 12


def _dice(a: Counter[str], b: Counter[str], size_a: int, size_b: int) -> float:
    if not size_a and not size_b:
        return 1.0
    return 2 * sum((a & b).values()) / (size_a + size_b)


def _reference(keys: dict[str, list[str]]) -> str:
    """The member most like the others (highest mean difflib ratio; longer, then outlet id, on ties).

    With more than :data:`EXACT_REFERENCE_LIMIT` members, the exact ratio is computed only for
    the :data:`EXACT_REFERENCE_LIMIT` members with the best mean bag-of-words (Dice) score, so a
    passage carried by 200 outlets costs 200 x 12 diffs instead of 200 x 200.
    """
    outlets = sorted(keys)
    candidates = outlets
    if len(outlets) > EXACT_REFERENCE_LIMIT:
        bags = {o: Counter(keys[o]) for o in outlets}
        sizes = {o: len(keys[o]) for o in outlets}

        def rough(o: str) -> tuple[float, str]:
            total = sum(_dice(bags[o], bags[x], sizes[o], sizes[x]) for x in outlets if x != o)
            return (-total, o)

        candidates = sorted(outlets, key=rough)[:EXACT_REFERENCE_LIMIT]

    def score(o: str) -> tuple[float, int, str]:
        others = [_ratio(keys[o], keys[x]) for x in outlets if x != o]
        return (-(sum(others) / len(others)), -len(keys[o]), o)

    return min(candidates, key=score)


def _sentence_starts(doc: Document) -> frozenset[int]:
    return frozenset(s.tokens[0].start for s in doc.sentences if s.tokens)


def _is_number(tokens: Sequence[Token], i: int) -> bool:
    return read_number(tokens, i) is not None and tokens[i].norm not in ("a", "an", "one")


def _values(tokens: Sequence[Token]) -> list[float]:
    out = []
    i = 0
    while i < len(tokens):
        got = read_number(tokens, i) if tokens[i].norm not in ("a", "an") else None
        if got is not None:
            out.append(got[0])
            i = max(got[1], i + 1)
        else:
            i += 1
    return out


def _proper(tokens: Sequence[Token], starts: frozenset[int]) -> bool:
    return any(
        t.kind == "word" and t.text[:1].isupper() and t.start not in starts and len(t.text) > 1 for t in tokens
    )


def _hedges(tokens: Sequence[Token]) -> set[str]:
    # "May" the month is not a hedge: hedges are taken in lower case only
    return {t.norm for t in tokens if t.norm in HEDGES and not t.text[:1].isupper()}


def _attributions(tokens: Sequence[Token]) -> set[str]:
    return {t.norm for t in tokens if t.norm in ATTRIBUTION_VERBS}


def _direction(a: set[str], b: set[str]) -> str:
    if b and not a:
        return "added"
    if a and not b:
        return "removed"
    return "changed"


#: Longest change (in words) that is classified beyond insertion/deletion/substitution.
_MAX_CLASSIFIED = 12


def _classify(
    ref: Sequence[Token], out: Sequence[Token], ref_starts: frozenset[int], out_starts: frozenset[int]
) -> tuple[ShiftKind, str]:
    """The kind of one change and its direction, from the reference words and the outlet's words.

    Changes longer than ``_MAX_CLASSIFIED`` words on either side are rewritings, not shifts of a
    word or two: they stay plain insertions, deletions or substitutions.
    """
    if max(len(ref), len(out)) > _MAX_CLASSIFIED:
        return ("insertion", "added") if not ref else ("deletion", "removed") if not out else ("substitution", "changed")
    ref_values, out_values = _values(ref), _values(out)
    if ref_values and out_values and sorted(ref_values) != sorted(out_values):
        return "number", "changed"
    ref_titles = {t.norm for t in ref if t.norm in TITLE_WORDS}
    out_titles = {t.norm for t in out if t.norm in TITLE_WORDS}
    if ref and out and (ref_titles != out_titles or (_proper(ref, ref_starts) and _proper(out, out_starts))):
        return "name_or_title", "changed"
    if (ref_titles or out_titles) and ref_titles != out_titles:
        return "name_or_title", _direction(ref_titles, out_titles)
    ha, hb = _hedges(ref), _hedges(out)
    if ha != hb:
        return "hedging", _direction(ha, hb)
    aa, ab = _attributions(ref), _attributions(out)
    if aa != ab:
        return "attribution", _direction(aa, ab)
    ia = {t.norm for t in ref if t.norm in INTENSIFIERS}
    ib = {t.norm for t in out if t.norm in INTENSIFIERS}
    if ia != ib:
        return "intensity", _direction(ia, ib)
    if not ref:
        return "insertion", "added"
    if not out:
        return "deletion", "removed"
    return "substitution", "changed"


def _same_number(ref: Sequence[Token], out: Sequence[Token]) -> bool:
    if not ref or not out or len(ref) + len(out) > 4:
        return False
    a, b = _values(ref), _values(out)
    return bool(a) and a == b and all(_is_number(ref, 0) for _ in (0,)) and _is_number(out, 0)


def _span(tokens: Sequence[Token], i: int, j: int) -> tuple[int, int]:
    """Character span of ``tokens[i:j]``; an empty span at the gap when ``i == j``."""
    if i < j:
        return tokens[i].start, tokens[j - 1].end
    if i < len(tokens):
        return tokens[i].start, tokens[i].start
    if tokens:
        return tokens[-1].end, tokens[-1].end
    return 0, 0


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


def find_wording_shifts(alignment: Alignment) -> list[WordingShift]:
    """Diff every outlet's wording of each shared passage against the reference wording.

    Returns the changes sorted by outlet id, passage order, then offset in the outlet's text.

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
    found: list[WordingShift] = []
    docs = {d.outlet: d for d in alignment.documents}
    starts = {o: _sentence_starts(d) for o, d in docs.items()}
    for p in alignment.passages:
        if p.support < 2:
            continue
        tokens = _outlet_tokens(alignment, p)
        keys = {o: [match_key(t) for t in ts] for o, ts in tokens.items()}
        ref = _reference(keys)
        rt = tokens[ref]
        for outlet in sorted(tokens):
            if outlet == ref:
                continue
            ot = tokens[outlet]
            sm = SequenceMatcher(None, keys[ref], keys[outlet], autojunk=False)
            for tag, i1, i2, j1, j2 in sm.get_opcodes():
                if tag == "equal":
                    continue
                if _same_number(rt[i1:i2], ot[j1:j2]):
                    continue  # "twelve" / "12": the same number written another way
                kind, direction = _classify(rt[i1:i2], ot[j1:j2], starts[ref], starts[outlet])
                s, e = _span(ot, j1, j2)
                rs, re_ = _span(rt, i1, i2)
                what = _EXPLAIN[kind].format(d="adds" if direction == "added" else "removes"
                                              if direction == "removed" else "changes")
                explanation = f"Compared with {ref}, {outlet} {what}."
                found.append(WordingShift(p.id, outlet, ref, s, e, docs[outlet].text[s:e], rs, re_,
                                          docs[ref].text[rs:re_], kind, direction, explanation))
    order = {p.id: i for i, p in enumerate(alignment.passages)}
    found.sort(key=lambda w: (w.outlet, order[w.passage], w.start, w.end, w.reference_start, w.kind))
    return found


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
        keys = {o: [match_key(t) for t in ts] for o, ts in _outlet_tokens(alignment, p).items()}
        ref = _reference(keys)
        w = max(1, len(keys[ref]))
        for outlet, k in keys.items():
            total[outlet] += w * (0.0 if outlet == ref else 1.0 - _ratio(keys[ref], k))
            weight[outlet] += w
    return {o: (round(total[o] / weight[o], 6) if weight[o] else 0.0) for o in alignment.outlets}
