"""Pieces and their greedy linkage (private): the clustering engine of :func:`mediadiff.align.align`.

:func:`cut_pieces` cuts the content sentences of the documents into clause-level pieces;
:func:`group_pieces` groups pieces by greedy linkage over their sparse cross-outlet scores, the
best-linked pair of clusters first, with the rules for pieces of one outlet (:func:`may_join`).
What a passage is, and the options, are documented in docs/alignment.md.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ._clauses import capitalised_words, cut_sentence, headline_index
from .document import Document, merged_intervals, overlap_length

__all__ = ["Piece", "companions", "cut_pieces", "group_pieces", "labels", "may_join", "regroup"]


@dataclass(frozen=True, slots=True)
class Piece:
    """A clause-level piece of a content sentence (internal)."""

    outlet: int  # index into the canonical documents
    sentence: int  # position among the outlet's content sentences
    start: int
    end: int
    quoted: bool = False  # at least a third of its characters are inside quotation marks
    headline: bool = False  # the outlet's first content sentence, without closing punctuation


def cut_pieces(
    documents: Sequence[Document], *, clauses: bool, min_clause_words: int
) -> tuple[list[Piece], list[tuple[int, int]]]:
    """Pieces in canonical order, and for each its ``(outlet, sentence)`` key."""
    pieces: list[Piece] = []
    owners: list[tuple[int, int]] = []
    for o, doc in enumerate(documents):
        closed_marks = merged_intervals((q.mark_start, q.mark_end) for q in doc.quotations if q.closed)
        names = capitalised_words([doc])
        headline = headline_index(doc)
        for k, s in enumerate(doc.content_sentences):
            if not s.words:
                spans = [(s.start, s.end)]
            elif clauses:
                spans = cut_sentence(s, doc.quotations, min_words=min_clause_words, names=names)
            else:
                spans = [(s.start, s.end)]
            for a, b in spans:
                inside = overlap_length(closed_marks, a, b)
                head = s.index == headline
                pieces.append(Piece(o, k, a, b, quoted=3 * inside >= b - a, headline=head))
                owners.append((o, k))
    return pieces, owners


_NO_PAIRS: dict[tuple[int, int], float] = {}  # never written to: the best pairs of an "average" link


class _Link:
    """The scores between two clusters (internal), shared by both clusters' link tables.

    ``total``, ``count`` and ``count_full`` sum the cross-outlet piece pairs that have an edge
    (``count_full``: those whose two pieces kept all their candidates); ``top`` is the best pair
    score. For the outlet-level linkage, ``best`` maps an unordered outlet pair ``(a, b)``,
    ``a < b``, to its best piece score and ``best_total`` sums those.
    """

    __slots__ = ("best", "best_total", "count", "count_full", "top", "total")

    def __init__(self, total: float = 0.0, count: int = 0, count_full: int = 0) -> None:
        self.total = total
        self.count = count
        self.count_full = count_full
        self.top = total
        self.best: dict[tuple[int, int], float] = _NO_PAIRS  # a dict of its own for "outlet"
        self.best_total = 0.0

    def add_best(self, key: tuple[int, int], score: float) -> None:
        old = self.best.get(key)
        if old is None:
            self.best[key] = score
            self.best_total += score
        elif score > old:
            self.best[key] = score
            self.best_total += score - old

    def absorb(self, other: _Link) -> None:
        """Add the pairs of ``other`` (the link of a cluster that merges into this one)."""
        self.total += other.total
        self.count += other.count
        self.count_full += other.count_full
        self.top = max(self.top, other.top)
        for key, score in other.best.items():
            self.add_best(key, score)


def _outlet_pairs(x: int, y: int) -> int:
    """Unordered outlet pairs ``{a, b}``, ``a != b``, with ``a`` in bit mask ``x`` and ``b`` in ``y``.

    >>> _outlet_pairs(0b011, 0b110)  # {0,1}, {0,2}, {1,2}
    3
    """
    both = (x & y).bit_count()
    return x.bit_count() * y.bit_count() - both - both * (both - 1) // 2


class _Clusters:
    """Clusters of pieces and the sparse links between them (internal).

    Two linkages, both over cross-outlet pairs only:

    - ``"average"``: the mean score over the two clusters' piece pairs. A pair without an
      edge counts as 0 when both pieces kept all their candidates and is left out of the mean
      when one of them was truncated to its top neighbours (large stories), so that the
      linkage does not decay with the number of outlets.
    - ``"outlet"``: for every pair of outlets ``{a, b}`` (``a`` in one cluster, ``b`` in the
      other) the best score between a member of ``a`` and a member of ``b``; the linkage is
      the mean of these over the outlet pairs (missing pairs as above, by outlet). A weak
      second statement of a fact by one outlet then does not dilute the linkage.

    Outlets are bit masks (``1 << outlet``); links are shared between the two clusters they
    join and merged small into large, so a merge costs the size of the smaller side.
    """

    def __init__(self, pieces: Sequence[Piece], full: Sequence[bool], *, by_outlet: bool) -> None:
        n = len(pieces)
        self.pieces = pieces
        self.full = [bool(f) for f in full]
        self.by_outlet = by_outlet
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.outlets: dict[int, int] = {i: 1 << p.outlet for i, p in enumerate(pieces)}
        self.partial: dict[int, int] = {i: (0 if self.full[i] else 1 << p.outlet) for i, p in enumerate(pieces)}
        self.nfull: dict[int, dict[int, int]] = {
            i: ({p.outlet: 1} if self.full[i] else {}) for i, p in enumerate(pieces)
        }
        self.total_full: dict[int, int] = {i: int(self.full[i]) for i in range(n)}
        self.links: dict[int, dict[int, _Link]] = {i: {} for i in range(n)}
        self.next_id = n

    def add_edges(self, ii: Sequence[int], jj: Sequence[int], scores: Sequence[float]) -> None:
        """Link pieces ``ii[k]`` and ``jj[k]`` (distinct pairs of different outlets) by ``scores[k]``."""
        links, full, pieces = self.links, self.full, self.pieces
        for i, j, score in zip(ii, jj, scores, strict=True):
            link = _Link(score, 1, int(full[i] and full[j]))
            links[i][j] = links[j][i] = link
            if self.by_outlet:
                a, b = pieces[i].outlet, pieces[j].outlet
                link.best = {(a, b) if a < b else (b, a): score}
                link.best_total = score

    def linkage(self, c: int, d: int) -> float:
        link = self.links[c][d]
        if self.by_outlet:
            fc = self.outlets[c] & ~self.partial[c]
            fd = self.outlets[d] & ~self.partial[d]
            known = sum(1 for a, b in link.best if (fc >> a & 1 and fd >> b & 1) or (fc >> b & 1 and fd >> a & 1))
            return link.best_total / (len(link.best) + max(0, _outlet_pairs(fc, fd) - known))
        gc, gd = self.nfull[c], self.nfull[d]
        if len(gc) > len(gd):
            gc, gd = gd, gc
        cross_full = self.total_full[c] * self.total_full[d] - sum(v * gd.get(o, 0) for o, v in gc.items())
        return link.total / (link.count + max(0, cross_full - link.count_full))

    def floor(self, c: int, d: int, threshold: float, complement: float | None, strong: float) -> float:
        """The linkage clusters ``c`` and ``d`` need: ``complement`` when no outlet is in both
        and their best pair reaches ``strong`` (two partial views of one fact), else
        ``threshold``."""
        if complement is None or self.outlets[c] & self.outlets[d] or self.links[c][d].top < strong:
            return threshold
        return min(complement, threshold)

    def merge(self, c: int, d: int) -> int:
        new = self.next_id
        self.next_id += 1
        self.members[new] = self.members.pop(c) + self.members.pop(d)
        self.outlets[new] = self.outlets.pop(c) | self.outlets.pop(d)
        self.partial[new] = self.partial.pop(c) | self.partial.pop(d)
        self.total_full[new] = self.total_full.pop(c) + self.total_full.pop(d)
        gc, gd = self.nfull.pop(c), self.nfull.pop(d)
        if len(gc) < len(gd):
            gc, gd = gd, gc
        for o, v in gd.items():
            gc[o] = gc.get(o, 0) + v
        self.nfull[new] = gc
        lc, ld = self.links.pop(c), self.links.pop(d)
        if len(lc) < len(ld):
            lc, ld = ld, lc
        lc.pop(c, None)
        lc.pop(d, None)
        for e, link in ld.items():
            if e == c or e == d:
                continue
            mine = lc.get(e)
            if mine is None:
                lc[e] = link
            elif len(mine.best) >= len(link.best):
                mine.absorb(link)
            else:
                link.absorb(mine)
                lc[e] = link
        for e, link in lc.items():
            table = self.links[e]
            table.pop(c, None)
            table.pop(d, None)
            table[new] = link
        self.links[new] = lc
        return new


def group_pieces(
    pieces: Sequence[Piece],
    edges: tuple[Any, Any, Any],
    full: Sequence[bool],
    *,
    threshold: float,
    repeat_threshold: float,
    linkage: str = "average",
    complement_threshold: float | None = None,
) -> list[list[int]]:
    """Group pieces by greedy linkage: the best-linked pair of clusters merges first.

    Two clusters that share no outlet and whose best pair reaches ``repeat_threshold`` may
    merge at the lower ``complement_threshold`` (see :func:`align`); the merges still come in
    order of linkage, so every merge at or above ``threshold`` that is possible happens first.

    A heap holds candidate merges. The merges of a new cluster enter it with the mean of the
    scores that have an edge (the mean of the outlet pairs' best scores for ``"outlet"``): the
    linkage itself when neither cluster holds a piece that kept all its candidates (every
    story of many outlets), an upper bound otherwise, scored exactly only when it reaches the
    top of the heap. At equal value a bound is resolved before an exact score, so the merges
    are those of exact greedy linkage, ties broken by cluster id (which follows the canonical
    outlet order).
    """
    import numpy as np

    by_outlet = linkage == "outlet"
    clusters = _Clusters(pieces, full, by_outlet=by_outlet)
    ii, jj, ss = edges
    clusters.add_edges(ii.tolist(), jj.tolist(), ss.tolist())
    # the linkage of two single pieces is their score: these merges come from one sorted
    # array (highest score first, ties by piece numbers), the merges of new clusters from a heap
    keep = np.nonzero(ss >= threshold)[0]
    order = keep[np.lexsort((jj[keep], ii[keep], -ss[keep]))]
    initial = list(zip((-ss[order]).tolist(), ii[order].tolist(), jj[order].tolist(), strict=False))
    initial.append((math.inf, 0, 0))
    at = 0
    heap: list[tuple[float, int, int, int]] = []
    members = clusters.members
    total_full = clusters.total_full
    while at < len(initial) - 1 or heap:
        neg, c, d = initial[at]
        if heap and heap[0] < (neg, 1, c, d):
            neg, exact, c, d = heapq.heappop(heap)
        else:
            exact = 1
            at += 1
        if c not in members or d not in members:
            continue
        if not exact:
            value = clusters.linkage(c, d)
            if value >= clusters.floor(c, d, threshold, complement_threshold, repeat_threshold):
                heapq.heappush(heap, (-value, 1, c, d))
            continue
        if not may_join(members[c], members[d], pieces, -neg, repeat_threshold):
            continue
        new = clusters.merge(c, d)
        none_full = total_full[new] == 0
        for e, link in clusters.links[new].items():
            value = link.best_total / len(link.best) if by_outlet else link.total / link.count
            if value >= clusters.floor(e, new, threshold, complement_threshold, repeat_threshold):
                heapq.heappush(heap, (-value, int(none_full or total_full[e] == 0), e, new))
    return sorted(members.values(), key=min)


def may_join(a: Sequence[int], b: Sequence[int], pieces: Sequence[Piece], link: float, repeat_threshold: float) -> bool:
    """Whether two clusters may share a passage when they hold pieces of the same outlet.

    Pieces of one outlet may share a passage when they are clauses of one sentence, or a
    statement and a quotation in the next sentence (a fact and the quotation that backs it),
    or when the linkage is strong enough to call the second a repetition
    (``repeat_threshold``: a lead repeated in the body). Two neighbouring statements of one
    outlet are kept apart otherwise: they are usually two facts on one topic.
    """
    if link >= repeat_threshold:
        return True
    by_outlet: dict[int, list[Piece]] = {}
    for i in a:
        by_outlet.setdefault(pieces[i].outlet, []).append(pieces[i])
    for j in b:
        q = pieces[j]
        mine = by_outlet.get(q.outlet)
        if mine is not None and not any(companions(p, q) for p in mine):
            return False
    return True


def companions(p: Piece, q: Piece) -> bool:
    """Whether two pieces of one outlet may share a passage without being a repetition.

    Clauses of one sentence, a statement and a quotation in the next sentence, and a headline
    with any piece of its body (a headline summarises a fact the body reports).
    """
    if p.sentence == q.sentence:
        return True
    if p.headline or q.headline:
        return True
    return abs(p.sentence - q.sentence) == 1 and p.quoted != q.quoted


def labels(groups: Sequence[Sequence[int]], n: int) -> list[int]:
    """The group number of each of ``n`` pieces."""
    label = [0] * n
    for g, members in enumerate(groups):
        for i in members:
            label[i] = g
    return label


def regroup(label: Sequence[int]) -> list[list[int]]:
    """Groups from group numbers, in the order of their numbers (empty groups dropped)."""
    out: dict[int, list[int]] = {}
    for i, g in enumerate(label):
        out.setdefault(g, []).append(i)
    return [out[g] for g in sorted(out)]
