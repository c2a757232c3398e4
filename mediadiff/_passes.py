"""Post-passes of alignment (private): what :func:`mediadiff.align.align` does to the groups of
the greedy linkage (:mod:`mediadiff._linkage`) before they become passages.

:func:`join_cohesive` joins passages that most outlets state in one sentence;
:func:`place_headlines` keeps a headline with the body piece of its own outlet that it
announces; :func:`settle` re-joins lone clauses to their sentence (``rejoin``) and attaches a
quotation to the statement it backs (``attach_quotes``). docs/alignment.md explains each.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._disjoint import DisjointSets
from ._linkage import Piece, labels, regroup
from ._similarity import pair_scores
from .document import Document
from .vocabulary import PRONOUNS

__all__ = ["COHESION_MIN_OUTLETS", "QUOTE_RESTATEMENT", "join_cohesive", "place_headlines", "settle"]


#: Word similarity a quotation needs with the sentence before it to count as backing it
#: (restating its content: "disputed the audit" / "'This audit compares us...,' she said").
QUOTE_RESTATEMENT = 0.05


COHESION_MIN_OUTLETS = 3


def settle(
    groups: list[list[int]],
    pieces: Sequence[Piece],
    documents: Sequence[Document],
    *,
    rejoin: bool,
    attach_quotes: bool,
    features: Any = None,
) -> list[list[int]]:
    """Post-process the groups: re-join lone pieces to their sentence, attach backing quotes.

    ``features`` (the scoring features of the pieces) measure whether a quotation restates
    the statement before it; without them no quotation is attached.
    """
    label = labels(groups, len(pieces))
    size_outlets = [len({pieces[i].outlet for i in members}) for members in groups]
    lone = [size_outlets[label[i]] == 1 for i in range(len(pieces))]
    if rejoin:
        # a piece that no other outlet carries stays with the clause before it (or after it)
        for i in range(len(pieces)):
            p = pieces[i]
            if not lone[i]:
                continue
            left = i - 1 if i > 0 and (pieces[i - 1].outlet, pieces[i - 1].sentence) == (p.outlet, p.sentence) else None
            right = (
                i + 1
                if i + 1 < len(pieces) and (pieces[i + 1].outlet, pieces[i + 1].sentence) == (p.outlet, p.sentence)
                else None
            )
            target = left if left is not None else right
            if target is not None and label[target] != label[i] and len(groups[label[i]]) == 1:
                label[i] = label[target]
    if attach_quotes:
        # a passage made only of quotations attributed by a pronoun ("...," she said) backs the
        # statement before it: when, in every outlet that carries it, the sentence before the
        # quotation lies in one and the same passage, the quotation joins that passage
        sent_pieces: dict[tuple[int, int], list[int]] = {}
        for i, p in enumerate(pieces):
            sent_pieces.setdefault((p.outlet, p.sentence), []).append(i)
        pronoun = {
            key: _pronoun_quote(documents[key[0]], documents[key[0]].content_sentences[key[1]]) for key in sent_pieces
        }
        members: dict[int, list[int]] = {}
        for i, g in enumerate(label):
            members.setdefault(g, []).append(i)
        for g in sorted(members):
            idx = members[g]
            keys = sorted({(pieces[i].outlet, pieces[i].sentence) for i in idx})
            if not all(pronoun[k] and k[1] > 0 and (k[0], k[1] - 1) in sent_pieces for k in keys):
                continue
            if any(label[j] != g for k in keys for j in sent_pieces[k]):
                continue  # the quotation sentences are not wholly in this passage
            targets = {label[sent_pieces[(o, k - 1)][-1]] for o, k in keys}
            if len(targets) != 1 or g in targets:
                continue
            if features is None:
                continue
            restate = max(
                _cosine(features.words, i, j)
                for o, k in keys
                for i in sent_pieces[(o, k)]
                for j in sent_pieces[(o, k - 1)]
            )
            if restate < QUOTE_RESTATEMENT:
                continue
            target = targets.pop()
            for i in idx:
                label[i] = target
    return regroup(label)


def _cosine(matrix: Any, i: int, j: int) -> float:
    """Cosine of two rows of a row-normalised sparse matrix."""
    return float(matrix[i].multiply(matrix[j]).sum())


def _pronoun_quote(doc: Document, sentence: Any) -> bool:
    """Whether a sentence is a quotation whose speaker is given by a pronoun only ("“…,” she
    said"), as the attribution layer reads it."""
    if sentence.text.lstrip()[:1] not in "\"“‘'":
        return False
    return any(
        a.cue is not None
        and sentence.start <= a.cue.start < sentence.end
        and a.source is not None
        and a.source.text.lower() in PRONOUNS
        for a in doc.attributions
    )


def join_cohesive(groups: list[list[int]], pieces: Sequence[Piece], share: float) -> list[list[int]]:
    """Join two groups that most outlets carrying both state in one sentence.

    Cutting first splits "A tank ruptured before midnight, releasing 9,000 gallons" into two
    pieces that other outlets' sentences may pull apart. When at least
    ``COHESION_MIN_OUTLETS`` outlets, and at least ``share`` of the outlets that carry both
    groups, hold pieces of both in one body sentence, the outlets keep them together: one
    passage. Pairs are judged on the groups as the grouping left them and joined in one pass
    (union-find), so the result does not depend on the order of the joins.
    """
    label = labels(groups, len(pieces))
    carriers: dict[int, set[int]] = {}
    in_sentence: dict[tuple[int, int], set[int]] = {}
    for i, p in enumerate(pieces):
        if p.headline:
            continue
        carriers.setdefault(label[i], set()).add(p.outlet)
        in_sentence.setdefault((p.outlet, p.sentence), set()).add(label[i])
    together: dict[tuple[int, int], set[int]] = {}
    for (outlet, _), found in in_sentence.items():
        ordered = sorted(found)
        for x, a in enumerate(ordered):
            for b in ordered[x + 1 :]:
                together.setdefault((a, b), set()).add(outlet)
    sets = DisjointSets(range(len(groups)))
    joined = False
    for (a, b), outlets in sorted(together.items()):
        if len(outlets) >= COHESION_MIN_OUTLETS and len(outlets) >= share * len(carriers[a] & carriers[b]):
            ra, rb = sets.find(a), sets.find(b)
            if ra != rb:
                sets.union(min(ra, rb), max(ra, rb))  # the earlier group's number stays
                joined = True
    if not joined:
        return groups
    return regroup([sets.find(g) for g in label])


def place_headlines(
    groups: list[list[int]],
    pieces: Sequence[Piece],
    features: Any,
    floor: float,
    *,
    word_weight: float,
    char_weight: float,
    anchor_weight: float,
) -> list[list[int]]:
    """Move each headline piece to the group of the body piece of its own outlet it is most
    like, unless the grouping already put it with a body piece of another outlet.

    A headline announces a fact its own body reports. Across outlets, headlines share the
    story's recurring names ("Port Ardley"), so a group of headlines alone says little and its
    headlines join their own bodies. A headline the grouping put with another outlet's body
    piece stays there: on real coverage the headlines and leads of one event usually announce
    the same fact, and moving those apart lost F1 on the real stories. The move happens when
    the best pair scores at least ``floor``; ties go to the earlier body piece.
    """
    import numpy as np

    label = labels(groups, len(pieces))
    body: dict[int, list[int]] = {}
    body_outlets: dict[int, set[int]] = {}  # per group, the outlets with a body piece in it
    for i, p in enumerate(pieces):
        if not p.headline:
            body.setdefault(p.outlet, []).append(i)
            body_outlets.setdefault(label[i], set()).add(p.outlet)
    moved = False
    for h, p in enumerate(pieces):
        own = body.get(p.outlet)
        if not p.headline or not own:
            continue
        if body_outlets.get(label[h], set()) - {p.outlet}:
            continue  # the grouping found it in other outlets' bodies: it stays with them
        scores, _ = pair_scores(
            features,
            np.full(len(own), h),
            np.asarray(own),
            word_weight=word_weight,
            char_weight=char_weight,
            anchor_weight=anchor_weight,
        )
        best = int(np.argmax(scores))
        if scores[best] >= floor and label[own[best]] != label[h]:
            label[h] = label[own[best]]
            moved = True
    if not moved:
        return groups
    return regroup(label)
