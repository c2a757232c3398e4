"""A passage's wordings side by side (private): what :mod:`mediadiff.analysis.wording` diffs.

Each outlet's words in a passage are its members' tokens joined in text order; the reference is
the wording most like the others'; a change of the diff is cut where a member begins, so that it
never spans another passage's words, and is mapped back to character offsets.

Names
-----
Joined                 an outlet's joined tokens in a passage, and where each member begins.
outlet_members         outlet -> its Joined words in a passage.
outlet_tokens          outlet -> its joined tokens in a passage.
paired_runs            one change of the diff as changes within single members.
change_span            the character span of a run of joined tokens (an empty one at a gap).
ratio                  difflib's ratio of two word sequences (1.0 for two empty ones).
closeness              each wording's summed cosine to every other member's (linear time).
choose_reference       the reference member of a passage, and its ratio to every other member.
EXACT_REFERENCE_LIMIT  above this many members, reference candidates are narrowed first.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from itertools import pairwise

from .._tokens import member_tokens
from ..align import Alignment, Passage
from ..document import Token

__all__ = [
    "EXACT_REFERENCE_LIMIT",
    "Joined",
    "change_span",
    "choose_reference",
    "closeness",
    "outlet_members",
    "outlet_tokens",
    "paired_runs",
    "ratio",
]

#: An outlet's words in a passage: its members' tokens joined in text order, and the token index
#: at which each member after the first begins (:func:`outlet_members`).
Joined = tuple[tuple[Token, ...], tuple[int, ...]]


def outlet_tokens(alignment: Alignment, passage: Passage) -> dict[str, tuple[Token, ...]]:
    """Each outlet's tokens in the passage (its members in text order, joined)."""
    return {o: toks for o, (toks, _) in outlet_members(alignment, passage).items()}


def outlet_members(alignment: Alignment, passage: Passage) -> dict[str, Joined]:
    """Each outlet's tokens in the passage (its members in text order, joined), and the token
    index at which each member after the first begins."""
    out: dict[str, Joined] = {}
    for outlet in passage.outlets:
        doc = alignment.document(outlet)
        toks: list[Token] = []
        starts: list[int] = []
        for m in sorted(passage.members_of(outlet), key=lambda m: m.start):
            if toks:
                starts.append(len(toks))
            toks.extend(member_tokens(doc, m))
        out[outlet] = (tuple(toks), tuple(starts))
    return out


def _runs(i: int, j: int, starts: Sequence[int]) -> list[tuple[int, int]]:
    """``range(i, j)`` of joined tokens cut where a new member begins: a change never spans
    the text between two members (another passage's words)."""
    cuts = [k for k in starts if i < k < j]
    bounds = [i, *cuts, j]
    return [(a, b) for a, b in pairwise(bounds) if a < b] or [(i, j)]


def paired_runs(
    i1: int, i2: int, j1: int, j2: int, ref_starts: Sequence[int], out_starts: Sequence[int]
) -> list[tuple[int, int, int, int]]:
    """One change of the diff as changes within single members, paired in order; where one side
    has fewer pieces, the rest pair with an empty span after its last piece. Words that open a
    member on one side only are not set against words that go on a sentence on the other: that
    is a deletion and an insertion, not a substitution."""
    opens_ref = i1 == 0 or i1 in ref_starts
    opens_out = j1 == 0 or j1 in out_starts
    if i1 < i2 and j1 < j2 and opens_ref != opens_out:
        return [
            *paired_runs(i1, i2, j1, j1, ref_starts, out_starts),
            *paired_runs(i2, i2, j1, j2, ref_starts, out_starts),
        ]
    ref = _runs(i1, i2, ref_starts)
    out = _runs(j1, j2, out_starts)
    pairs = []
    for k in range(max(len(ref), len(out))):
        a, b = ref[k] if k < len(ref) else (ref[-1][1], ref[-1][1])
        c, d = out[k] if k < len(out) else (out[-1][1], out[-1][1])
        pairs.append((a, b, c, d))
    return pairs


def ratio(a: Sequence[str], b: Sequence[str]) -> float:
    """difflib's ratio of two word sequences (``autojunk=False``; 1.0 for two empty ones)."""
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


#: Above this many members, reference candidates are first narrowed by a bag-of-words score.
EXACT_REFERENCE_LIMIT = 12


def closeness(counts: dict[tuple[str, ...], int]) -> dict[tuple[str, ...], float]:
    """For each wording, the sum of the cosines between its bag of words and every other member's.

    ``counts`` gives how many members carry each wording. With ``u`` a member's bag of words
    divided by its Euclidean length, the sum over the other members is ``u . (sum of all members' u) - 1``
    (``u . u = 1``; 0 for a member without words): exact, in time linear in the members.

    >>> round(closeness({("a", "b"): 2, ("a", "c"): 1})[("a", "b")], 6)  # 1 + 1/2
    1.5
    """
    units = {}
    centroid: dict[str, float] = {}
    for w, n in counts.items():
        bag = Counter(w)
        norm = math.sqrt(sum(c * c for c in bag.values())) or 1.0
        units[w] = {word: c / norm for word, c in bag.items()}
        for word, u in units[w].items():
            centroid[word] = centroid.get(word, 0.0) + n * u
    return {
        w: sum(u * centroid[word] for word, u in unit.items()) - (1.0 if unit else 0.0) for w, unit in units.items()
    }


def choose_reference(keys: dict[str, tuple[str, ...]]) -> tuple[str, dict[str, float]]:
    """The member most like the others, and its difflib ratio to every other member.

    The reference is the member with the highest mean difflib ratio to the other members
    (longer, then outlet id, on ties).

    With :data:`EXACT_REFERENCE_LIMIT` members or fewer, every member is a candidate. With more,
    members with the same words form one wording, and the candidates are the
    :data:`EXACT_REFERENCE_LIMIT` wordings closest to the passage's word centroid: with the
    highest sum of the cosines between their bag of words and every other member's (see
    :func:`closeness`; ties: the smallest outlet id). Each candidate is diffed once per distinct
    wording and its mean ratio counts every member; among members of one wording the smallest
    outlet id is the reference. A passage carried by 200 outlets thus costs at most 12 diffs per
    distinct wording instead of all pairs of members, and the wording that wire copies share is
    found however many outlets carry it.

    >>> choose_reference({"a": ("fire", "hit"), "b": ("fire", "hit"), "c": ("blaze",)})[0]
    'a'
    """
    outlets = sorted(keys)
    if len(outlets) <= EXACT_REFERENCE_LIMIT:
        ratios = {o: {x: ratio(keys[o], keys[x]) for x in outlets if x != o} for o in outlets}

        def score(o: str) -> tuple[float, int, str]:
            others = list(ratios[o].values())
            return (-(sum(others) / len(others)), -len(keys[o]), o)

        ref = min(outlets, key=score)
        return ref, ratios[ref]

    holders: dict[tuple[str, ...], list[str]] = {}
    for o in outlets:
        holders.setdefault(keys[o], []).append(o)  # each wording's outlets, smallest id first
    close = closeness({w: len(h) for w, h in holders.items()})
    wordings = sorted(holders, key=lambda w: (-close[w], holders[w][0]))
    scored = []
    for c in wordings[:EXACT_REFERENCE_LIMIT]:
        by_wording = {w: ratio(c, w) for w in holders}
        total = sum((len(holders[w]) - (w == c)) * r for w, r in by_wording.items())  # not with itself
        scored.append(((-(total / (len(outlets) - 1)), -len(c), holders[c][0]), by_wording))
    (_, _, ref), by_wording = min(scored, key=lambda x: x[0])
    return ref, {o: by_wording[keys[o]] for o in outlets if o != ref}


def change_span(tokens: Sequence[Token], i: int, j: int, starts: Sequence[int] = ()) -> tuple[int, int]:
    """Character span of ``tokens[i:j]``; an empty span at the gap when ``i == j`` (after the
    previous word when ``i`` opens a member: the words would end the member before)."""
    if i < j:
        return tokens[i].start, tokens[j - 1].end
    if i in starts:
        return tokens[i - 1].end, tokens[i - 1].end
    if i < len(tokens):
        return tokens[i].start, tokens[i].start
    if tokens:
        return tokens[-1].end, tokens[-1].end
    return 0, 0
