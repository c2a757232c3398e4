"""Alignment: group the content of N outlets into passages, each one piece of reported content.

Public names
------------
align       articles or documents -> Alignment.
Alignment   the documents (in canonical outlet order), the passages, and a pairwise outlet
            similarity matrix.
Passage     one piece of content with the spans (members) of every outlet that carries it.
Member      one outlet's span in a passage: a sentence or a clause of one.
as_documents        articles/documents -> documents sorted by outlet id (segmenting as needed).
canonical_passages  groups of members -> passages in canonical order, numbered P1, P2...
DEFAULT_THRESHOLD   the default linkage threshold of :func:`align`.

How it works, the options and the limits: docs/alignment.md.

Invariants: every member's ``text`` equals ``document.text[start:end]``; the members of one
outlet never overlap; passages and members are in a canonical order that does not depend on
the order in which outlets were given.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ._clauses import NEGATIONS, capitalised_words, cut_sentence, headline_index
from ._disjoint import DisjointSets
from ._pairmodel import PairModel, pair_features, shipped_model
from ._similarity import (
    anchor_terms,
    build_features,
    candidate_pairs,
    pair_parts,
    pair_scores,
    piece_terms,
    refine_near_copies,
)
from .document import Article, Document, Span, merged_intervals, overlap_length
from .errors import InputError, check_parameter, is_int, is_real
from .segment import segment
from .vocabulary import PRONOUNS

__all__ = ["DEFAULT_THRESHOLD", "Alignment", "Member", "Passage", "align", "as_documents", "canonical_passages"]

#: Default mean pair score that two groups of pieces need to share a passage.
DEFAULT_THRESHOLD = 0.2
#: Default ``complement_threshold``: the linkage at which two groups that share no outlet join
#: when their best pair reaches ``repeat_threshold``.
DEFAULT_COMPLEMENT_THRESHOLD = 0.12
#: Default ``headline_threshold``: the score a headline piece needs with a body piece of its
#: own outlet to join that piece's passage.
DEFAULT_HEADLINE_THRESHOLD = 0.1
#: Default ``cohesion``: the share of the outlets carrying two passages that must state them in
#: one sentence for the two to join; and how many outlets that must be at least.
DEFAULT_COHESION = 0.6
COHESION_MIN_OUTLETS = 3
#: The linkages :func:`align` offers (option ``linkage``).
LINKAGES = ("average", "outlet")
#: Word+anchor similarity below which two pieces are not even candidates (treated as 0).
CANDIDATE_FLOOR = 0.05
#: Word similarity a quotation needs with the sentence before it to count as backing it
#: (restating its content: "disputed the audit" / "'This audit compares us...,' she said").
QUOTE_RESTATEMENT = 0.05


@dataclass(frozen=True, slots=True)
class Member(Span):
    """One outlet's span in a passage; ``sentence`` is the index of the sentence it lies in."""

    outlet: str = ""
    sentence: int = 0


@dataclass(frozen=True, slots=True)
class Passage:
    """One piece of reported content and the members of every outlet that carries it.

    ``members`` are ordered by outlet id, then by position in the text.
    """

    id: str
    members: tuple[Member, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        """The ids of the outlets that carry this passage, sorted."""
        return tuple(sorted({m.outlet for m in self.members}))

    @property
    def support(self) -> int:
        """How many outlets carry this passage."""
        return len(self.outlets)

    def members_of(self, outlet: str) -> tuple[Member, ...]:
        """The members of one outlet (empty if it does not carry the passage)."""
        return tuple(m for m in self.members if m.outlet == outlet)


@dataclass(frozen=True, slots=True)
class Alignment:
    """The result of :func:`align`.

    ``documents`` are sorted by outlet id; ``similarity[i][j]`` is the content similarity in
    [0, 1] of outlets ``documents[i]`` and ``documents[j]`` (1 on the diagonal).
    ``nearest[passage_id][outlet]`` is, for an outlet that does not carry the passage, the best
    score between one of its body pieces and one of the passage's body pieces (below the
    grouping threshold, or it would have joined; absent when no pair was even a candidate).
    Headlines are left out of it: a few words that share the story's names with many passages
    are no sign that an outlet reports a fact in other words. Analysers use it to tell "left
    out" from "said so differently that the aligner kept it apart". ``agreement[passage_id]``
    is the mean score of the candidate pairs between the passage's own pieces of different
    outlets (absent for a passage of one outlet): how alike its carriers are, the yardstick
    for how close an outlet that does not carry it comes.
    """

    documents: tuple[Document, ...]
    passages: tuple[Passage, ...]
    similarity: tuple[tuple[float, ...], ...]
    nearest: dict[str, dict[str, float]] = field(default_factory=dict, compare=False, hash=False)
    agreement: dict[str, float] = field(default_factory=dict, compare=False, hash=False)
    _by_outlet: dict[str, Document] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_outlet", {d.outlet: d for d in self.documents})

    def closeness(self, passage_id: str, outlet: str) -> float:
        """How close ``outlet`` comes to a passage it does not carry (0.0 when nothing is close)."""
        return self.nearest.get(passage_id, {}).get(outlet, 0.0)

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlet ids in canonical (sorted) order."""
        return tuple(d.outlet for d in self.documents)

    def document(self, outlet: str) -> Document:
        """The segmented document of one outlet (``KeyError`` for an unknown outlet)."""
        return self._by_outlet[outlet]

    def passages_of(self, outlet: str) -> tuple[Passage, ...]:
        """The passages that an outlet carries, in canonical order."""
        return tuple(p for p in self.passages if any(m.outlet == outlet for m in p.members))


def as_documents(items: Sequence[Article | Document]) -> tuple[Document, ...]:
    """Segment what needs segmenting and return documents sorted by outlet id.

    Raises :class:`InputError` for a bare string, an item that is neither an Article nor a
    Document, or an outlet id given twice.
    """
    if isinstance(items, (str, bytes)):
        raise InputError("a sequence of articles was expected, got a single string")
    docs = []
    for item in items:
        if isinstance(item, Document):
            docs.append(item)
        elif isinstance(item, Article):
            docs.append(segment(item))
        else:
            raise InputError(f"expected mediadiff.Article or Document objects, got {type(item).__name__}")
    seen: set[str] = set()
    for d in docs:
        if d.outlet in seen:
            raise InputError(f"outlet id {d.outlet!r} is given twice; outlet ids must be unique in a comparison")
        seen.add(d.outlet)
    return tuple(sorted(docs, key=lambda d: d.outlet))


def canonical_passages(groups: Sequence[Sequence[Member]], documents: Sequence[Document]) -> tuple[Passage, ...]:
    """Order groups of members canonically and number them ``P1``, ``P2``...

    Passages are ordered by their earliest relative position in any outlet (0 = lead), then by
    that member's outlet id and offset: an order that does not depend on the input order.
    """
    length = {d.outlet: max(1, len(d.text)) for d in documents}

    def key(members: Sequence[Member]) -> tuple[float, str, int]:
        first = min(members, key=lambda m: (m.start / length[m.outlet], m.outlet, m.start))
        return (first.start / length[first.outlet], first.outlet, first.start)

    ordered = sorted((tuple(sorted(g, key=lambda m: (m.outlet, m.start, m.end))) for g in groups if g), key=key)
    return tuple(Passage(id=f"P{i + 1}", members=members) for i, members in enumerate(ordered))


@dataclass(frozen=True, slots=True)
class _Piece:
    """A clause-level piece of a content sentence (internal)."""

    outlet: int  # index into the canonical documents
    sentence: int  # position among the outlet's content sentences
    start: int
    end: int
    quoted: bool = False  # at least a third of its characters are inside quotation marks
    headline: bool = False  # the outlet's first content sentence, without closing punctuation


def _cut(documents: Sequence[Document], *, clauses: bool, min_clause_words: int) -> tuple[list[_Piece], list[tuple[int, int]]]:
    """Pieces in canonical order, and for each its ``(outlet, sentence)`` key."""
    pieces: list[_Piece] = []
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
                pieces.append(_Piece(o, k, a, b, quoted=3 * inside >= b - a, headline=head))
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

    def __init__(self, pieces: Sequence[_Piece], full: Sequence[bool], *, by_outlet: bool) -> None:
        n = len(pieces)
        self.pieces = pieces
        self.full = [bool(f) for f in full]
        self.by_outlet = by_outlet
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.outlets: dict[int, int] = {i: 1 << p.outlet for i, p in enumerate(pieces)}
        self.partial: dict[int, int] = {i: (0 if self.full[i] else 1 << p.outlet) for i, p in enumerate(pieces)}
        self.nfull: dict[int, dict[int, int]] = {i: ({p.outlet: 1} if self.full[i] else {}) for i, p in enumerate(pieces)}
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


def _group(
    pieces: Sequence[_Piece],
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
        if not _may_join(members[c], members[d], pieces, -neg, repeat_threshold):
            continue
        new = clusters.merge(c, d)
        none_full = total_full[new] == 0
        for e, link in clusters.links[new].items():
            value = link.best_total / len(link.best) if by_outlet else link.total / link.count
            if value >= clusters.floor(e, new, threshold, complement_threshold, repeat_threshold):
                heapq.heappush(heap, (-value, int(none_full or total_full[e] == 0), e, new))
    return sorted(members.values(), key=min)


def _may_join(a: Sequence[int], b: Sequence[int], pieces: Sequence[_Piece], link: float, repeat_threshold: float) -> bool:
    """Whether two clusters may share a passage when they hold pieces of the same outlet.

    Pieces of one outlet may share a passage when they are clauses of one sentence, or a
    statement and a quotation in the next sentence (a fact and the quotation that backs it),
    or when the linkage is strong enough to call the second a repetition
    (``repeat_threshold``: a lead repeated in the body). Two neighbouring statements of one
    outlet are kept apart otherwise: they are usually two facts on one topic.
    """
    if link >= repeat_threshold:
        return True
    by_outlet: dict[int, list[_Piece]] = {}
    for i in a:
        by_outlet.setdefault(pieces[i].outlet, []).append(pieces[i])
    for j in b:
        q = pieces[j]
        mine = by_outlet.get(q.outlet)
        if mine is not None and not any(_companions(p, q) for p in mine):
            return False
    return True


def _companions(p: _Piece, q: _Piece) -> bool:
    """Whether two pieces of one outlet may share a passage without being a repetition.

    Clauses of one sentence, a statement and a quotation in the next sentence, and a headline
    with any piece of its body (a headline summarises a fact the body reports).
    """
    if p.sentence == q.sentence:
        return True
    if p.headline or q.headline:
        return True
    return abs(p.sentence - q.sentence) == 1 and p.quoted != q.quoted


def _labels(groups: Sequence[Sequence[int]], n: int) -> list[int]:
    """The group number of each of ``n`` pieces."""
    label = [0] * n
    for g, members in enumerate(groups):
        for i in members:
            label[i] = g
    return label


def _regroup(label: Sequence[int]) -> list[list[int]]:
    """Groups from group numbers, in the order of their numbers (empty groups dropped)."""
    out: dict[int, list[int]] = {}
    for i, g in enumerate(label):
        out.setdefault(g, []).append(i)
    return [out[g] for g in sorted(out)]


def _settle(
    groups: list[list[int]],
    pieces: Sequence[_Piece],
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
    label = _labels(groups, len(pieces))
    size_outlets = [len({pieces[i].outlet for i in members}) for members in groups]
    lone = [size_outlets[label[i]] == 1 for i in range(len(pieces))]
    if rejoin:
        # a piece that no other outlet carries stays with the clause before it (or after it)
        for i in range(len(pieces)):
            p = pieces[i]
            if not lone[i]:
                continue
            left = i - 1 if i > 0 and (pieces[i - 1].outlet, pieces[i - 1].sentence) == (p.outlet, p.sentence) else None
            right = i + 1 if i + 1 < len(pieces) and (pieces[i + 1].outlet, pieces[i + 1].sentence) == (p.outlet, p.sentence) else None
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
        pronoun = {key: _pronoun_quote(documents[key[0]], documents[key[0]].content_sentences[key[1]]) for key in sent_pieces}
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
                _cosine(features.words, i, j) for o, k in keys for i in sent_pieces[(o, k)] for j in sent_pieces[(o, k - 1)]
            )
            if restate < QUOTE_RESTATEMENT:
                continue
            target = targets.pop()
            for i in idx:
                label[i] = target
    return _regroup(label)


def _cosine(matrix: Any, i: int, j: int) -> float:
    """Cosine of two rows of a row-normalised sparse matrix."""
    return float(matrix[i].multiply(matrix[j]).sum())


def _pronoun_quote(doc: Document, sentence: Any) -> bool:
    """Whether a sentence is a quotation whose speaker is given by a pronoun only ("“…,” she
    said"), as the attribution layer reads it."""
    if sentence.text.lstrip()[:1] not in "\"“‘'":
        return False
    return any(a.cue is not None and sentence.start <= a.cue.start < sentence.end and a.source is not None
               and a.source.text.lower() in PRONOUNS for a in doc.attributions)


def _members(group: Sequence[int], pieces: Sequence[_Piece], documents: Sequence[Document]) -> list[Member]:
    """The members of a group: contiguous pieces of one sentence become one member."""
    out: list[Member] = []
    idx = sorted(group)
    run: list[int] = []

    def flush() -> None:
        if run:
            first, last = pieces[run[0]], pieces[run[-1]]
            doc = documents[first.outlet]
            out.append(
                Member(
                    first.start,
                    last.end,
                    doc.text[first.start:last.end],
                    outlet=doc.outlet,
                    sentence=doc.content_sentences[first.sentence].index,
                )
            )

    for i in idx:
        if run and i == run[-1] + 1 and (pieces[i].outlet, pieces[i].sentence) == (pieces[run[-1]].outlet, pieces[run[-1]].sentence):
            run.append(i)
        else:
            flush()
            run = [i]
    flush()
    return out


def _outlet_similarity(passages: Sequence[Passage], documents: Sequence[Document]) -> tuple[tuple[float, ...], ...]:
    """Share of two outlets' content (in characters) that lies in passages both carry."""
    n = len(documents)
    index = {d.outlet: i for i, d in enumerate(documents)}
    total = [0] * n
    shared = [[0] * n for _ in range(n)]
    for p in passages:
        size = [0] * n
        for m in p.members:
            size[index[m.outlet]] += len(m)
        carriers = [index[o] for o in p.outlets]
        for a in carriers:
            total[a] += size[a]
            for b in carriers:
                if a != b:
                    shared[a][b] += size[a]
    rows = []
    for a in range(n):
        row = []
        for b in range(n):
            if a == b:
                row.append(1.0)
            else:
                denom = total[a] + total[b]
                row.append((shared[a][b] + shared[b][a]) / denom if denom else 0.0)
        rows.append(tuple(row))
    return tuple(rows)


def align(
    articles: Sequence[Article | Document],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    repeat_threshold: float = 0.3,
    context: float = 0.3,
    word_weight: float = 0.45,
    char_weight: float = 0.25,
    anchor_weight: float = 0.15,
    quote_weight: float = 0.5,
    near_copy: float = 0.6,
    neighbors: int = 40,
    clauses: bool = True,
    min_clause_words: int = 3,
    rejoin: bool = False,
    attach_quotes: bool = True,
    linkage: str = "average",
    complement_threshold: float | None = DEFAULT_COMPLEMENT_THRESHOLD,
    headline_threshold: float | None = DEFAULT_HEADLINE_THRESHOLD,
    cohesion: float | None = DEFAULT_COHESION,
    pair_model: PairModel | str | None = None,
) -> Alignment:
    """Align the content of several outlets into passages, whatever the order of their facts.

    Every content sentence is cut into clause-level pieces (at ``;``, ``:``, ``, which``,
    ``, while``, quotation boundaries, and commas or conjunctions that open a new clause).
    Pieces are compared with their sentence as context (TF-IDF over word stems and character
    n-grams, plus named entities, numbers and quoted words as anchors; difflib for near-copies)
    on candidate pairs drawn from a sparse similarity product. Pieces are then grouped by
    greedy average linkage: two groups join when the mean score of their cross-outlet pairs
    reaches ``threshold`` (``linkage="outlet"``: the mean over outlet pairs of their best
    pair). Pieces of one sentence that land in one passage form one member.
    Every piece of content text of every outlet ends up in exactly one passage; a passage that
    one outlet alone carries is kept (support 1).

    Parameters
    ----------
    articles : sequence of Article or Document
        At least one outlet; outlet ids must be unique. Their order does not matter.
    threshold : float, default 0.2
        Mean pair score in (0, 1] that two groups of pieces need to share a passage. Lower
        values link looser paraphrases (and more distinct facts on one topic).
    repeat_threshold : float, default 0.3
        Linkage that lets two pieces of one outlet that are not in neighbouring sentences
        share a passage (a fact repeated in the lead and the body). Pieces in the same or
        the next sentence (a fact and the quotation that backs it) need only ``threshold``.
    context : float, default 0.3
        Weight in [0, 1) of the sentence around a piece in its similarity.
    word_weight, char_weight, anchor_weight : float, default 0.45, 0.25, 0.15
        Non-negative weights of the word, character n-gram and anchor similarities (not all
        zero); the anchor weight is shared out when a piece has no anchors.
    quote_weight : float, default 0.5
        Score in [0, 1] that two pieces quoting the same words get at least (times the share
        of the shorter quotation's word trigrams they have in common); 0 turns it off.
    near_copy : float, default 0.6
        Character similarity in [0, 1] from which a pair is re-scored by difflib's
        ``SequenceMatcher.ratio`` (the higher score wins).
    neighbors : int, default 40
        Candidate pieces kept per piece (>= 1); bounds time and memory for many outlets.
    clauses : bool, default True
        Cut sentences into clause-level pieces; False aligns whole sentences.
    min_clause_words : int, default 3
        Content words (>= 1) a piece needs to stand on its own; shorter ones stay attached.
    rejoin : bool, default False
        A piece that no other outlet carries rejoins the passage of the clause next to it in
        its sentence, instead of forming a passage of its own.
    attach_quotes : bool, default True
        A passage made of quotation sentences attributed by a pronoun only (``"...," she
        said``) joins the passage of the sentence before them, when that sentence lies in one
        and the same passage in every outlet that carries the quotation and the quotation
        restates it (shares content words with it): the quotation backs that statement.
    linkage : {"average", "outlet"}, default "average"
        How two groups of pieces are scored. ``"average"``: the mean score over their
        cross-outlet piece pairs. ``"outlet"``: for every pair of outlets (one in each group)
        the best score between their members, averaged over the outlet pairs, so that a fact
        one outlet states twice does not dilute the score; on the bundled gold it links more
        distinct facts through story-wide words and scores lower (docs/alignment.md).
    complement_threshold : float in (0, 1] or None, default 0.12
        Lower linkage at which two groups join when no outlet is in both and their best pair
        of pieces reaches ``repeat_threshold`` (a score that calls two pieces the same fact on
        its own): two partial views of one fact (wire copies and other outlets' paraphrases)
        that the mean over all their pairs keeps apart. A value above ``threshold`` acts as
        ``threshold``; ``None`` turns it off.
    headline_threshold : float in (0, 1] or None, default 0.1
        A headline announces a fact of its own article: after the grouping, each piece of a
        headline joins the passage of the body piece of its own outlet that it is most like,
        when that pair scores at least this much. Headlines are short and share mostly the
        story's recurring names with other outlets' headlines, so grouping them across outlets
        alone makes passages of headlines. ``None`` keeps the grouping's choice.
    cohesion : float in (0, 1] or None, default 0.6
        Two passages join when at least three outlets, and at least this share of the
        outlets that carry both, state them in one sentence: the outlets keep the two pieces
        together ("ruptured before midnight, releasing 9,000 gallons"), so they are one piece
        of reported content. ``None`` keeps them apart.
    pair_model : None, "shipped" or PairModel, default None
        How a candidate pair is scored. ``None``: the lexical blend (the weights above).
        ``"shipped"``: the learned pair score shipped with mediadiff
        (``mediadiff/data/pair_model.json``), the probability that the two pieces report the
        same fact, from their lexical similarity, names and numbers on one side only,
        negation, whether each is the other's best match and where they stand in their
        articles; fitted on real news with same-fact gold (docs/alignment.md). On held-out
        real stories it scores about as well as the blend (+0.01 F1, within the spread
        between stories) and lower on the bundled ones, so it is not the default. The
        thresholds apply to either score.

    Returns
    -------
    Alignment
        Documents sorted by outlet id, passages in canonical order, outlet similarity matrix.

    Examples
    --------
    >>> from mediadiff.document import Article
    >>> a = Article("a", "The mayor resigned on Monday. Rain fell on the city.")
    >>> b = Article("b", "Heavy rain fell across the city. On Monday the mayor resigned.")
    >>> result = align([b, a])
    >>> [[m.text for m in p.members] for p in result.passages]
    [['The mayor resigned on Monday.', 'On Monday the mayor resigned.'], ['Rain fell on the city.', 'Heavy rain fell across the city.']]
    """
    owner = "align"
    for name, value in (("threshold", threshold), ("repeat_threshold", repeat_threshold)):
        check_parameter(name, value, "a float in the range (0, 1]", is_real(value) and 0 < value <= 1, owner)
    check_parameter("context", context, "a float in the range [0, 1)", is_real(context) and 0 <= context < 1, owner)
    weights = {"word_weight": word_weight, "char_weight": char_weight, "anchor_weight": anchor_weight}
    for name, value in weights.items():
        check_parameter(name, value, "a float >= 0", is_real(value) and value >= 0, owner)
    check_parameter(
        "word_weight", word_weight, "a float >= 0 with the other weights not all zero", word_weight + char_weight + anchor_weight > 0, owner
    )
    check_parameter("quote_weight", quote_weight, "a float in the range [0, 1]", is_real(quote_weight) and 0 <= quote_weight <= 1, owner)
    check_parameter("near_copy", near_copy, "a float in the range [0, 1]", is_real(near_copy) and 0 <= near_copy <= 1, owner)
    check_parameter("neighbors", neighbors, "an int >= 1", is_int(neighbors) and neighbors >= 1, owner)
    check_parameter("min_clause_words", min_clause_words, "an int >= 1", is_int(min_clause_words) and min_clause_words >= 1, owner)
    for name, value in (("clauses", clauses), ("rejoin", rejoin), ("attach_quotes", attach_quotes)):
        check_parameter(name, value, "a bool", isinstance(value, bool), owner)
    check_parameter("linkage", linkage, "a str among {'average', 'outlet'}", isinstance(linkage, str) and linkage in LINKAGES, owner)
    for name, value in (("complement_threshold", complement_threshold), ("headline_threshold", headline_threshold),
                        ("cohesion", cohesion)):
        check_parameter(name, value, "a float in the range (0, 1] or None", value is None or (is_real(value) and 0 < value <= 1), owner)

    if isinstance(pair_model, str):
        check_parameter("pair_model", pair_model, "'shipped', a PairModel or None", pair_model == "shipped", owner)
        pair_model = shipped_model()
    elif pair_model is not None and not isinstance(pair_model, PairModel):
        check_parameter("pair_model", pair_model, "'shipped', a PairModel or None", False, owner)

    documents = as_documents(articles)
    pieces, owners = _cut(documents, clauses=clauses, min_clause_words=min_clause_words)
    groups: list[list[int]] = [[i] for i in range(len(pieces))]
    features = None
    if len(documents) > 1 and pieces:
        edges, full, features = _score(
            documents,
            pieces,
            owners,
            context=context,
            word_weight=word_weight,
            char_weight=char_weight,
            anchor_weight=anchor_weight,
            near_copy=near_copy,
            neighbors=neighbors,
            threshold=threshold,
            quote_weight=quote_weight,
            pair_model=pair_model,
        )
        groups = _group(pieces, edges, full, threshold=threshold, repeat_threshold=repeat_threshold, linkage=linkage,
                        complement_threshold=complement_threshold)
        if cohesion is not None:
            groups = _join_cohesive(groups, pieces, cohesion)
        if headline_threshold is not None:
            groups = _place_headlines(groups, pieces, features, headline_threshold,
                                      word_weight=word_weight, char_weight=char_weight, anchor_weight=anchor_weight)
    groups = _settle(groups, pieces, documents, rejoin=rejoin, attach_quotes=attach_quotes, features=features)
    passages = canonical_passages([_members(g, pieces, documents) for g in groups], documents)
    nearest, agreement = _nearest(groups, pieces, documents, passages, edges) if features is not None else ({}, {})
    return Alignment(documents=documents, passages=passages, similarity=_outlet_similarity(passages, documents),
                     nearest=nearest, agreement=agreement)


def _join_cohesive(groups: list[list[int]], pieces: Sequence[_Piece], share: float) -> list[list[int]]:
    """Join two groups that most outlets carrying both state in one sentence.

    Cutting first splits "A tank ruptured before midnight, releasing 9,000 gallons" into two
    pieces that other outlets' sentences may pull apart. When at least
    ``COHESION_MIN_OUTLETS`` outlets, and at least ``share`` of the outlets that carry both
    groups, hold pieces of both in one body sentence, the outlets keep them together: one
    passage. Pairs are judged on the groups as the grouping left them and joined in one pass
    (union-find), so the result does not depend on the order of the joins.
    """
    label = _labels(groups, len(pieces))
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
            for b in ordered[x + 1:]:
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
    return _regroup([sets.find(g) for g in label])


def _place_headlines(
    groups: list[list[int]], pieces: Sequence[_Piece], features: Any, floor: float, *,
    word_weight: float, char_weight: float, anchor_weight: float,
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

    label = _labels(groups, len(pieces))
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
        scores, _ = pair_scores(features, np.full(len(own), h), np.asarray(own),
                                word_weight=word_weight, char_weight=char_weight, anchor_weight=anchor_weight)
        best = int(np.argmax(scores))
        if scores[best] >= floor and label[own[best]] != label[h]:
            label[h] = label[own[best]]
            moved = True
    if not moved:
        return groups
    return _regroup(label)


def _nearest(
    groups: Sequence[Sequence[int]], pieces: Sequence[_Piece], documents: Sequence[Document],
    passages: Sequence[Passage], edges: tuple[Any, Any, Any],
) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """For each passage, the best candidate score of each outlet that does not carry it
    (between body pieces: headline pieces are left out), and the mean candidate score between
    its own pieces of different outlets (see :class:`Alignment`)."""
    by_start = {(m.outlet, m.start): p.id for p in passages for m in p.members}
    passage_of: list[str] = [""] * len(pieces)
    for g in groups:
        first = min(g, key=lambda i: (pieces[i].outlet, pieces[i].start))
        piece = pieces[first]
        pid = by_start.get((documents[piece.outlet].outlet, piece.start))
        if pid is None:  # the member starts earlier than its first piece (a re-joined sentence)
            pid = next(p.id for p in passages for m in p.members
                       if m.outlet == documents[piece.outlet].outlet and m.start <= piece.start < m.end)
        for i in g:
            passage_of[i] = pid
    carried = {p.id: set(p.outlets) for p in passages}
    nearest: dict[str, dict[str, float]] = {}
    inside: dict[str, list[float]] = {}
    ii, jj, ss = edges
    for i, j, score in zip(ii.tolist(), jj.tolist(), ss.tolist(), strict=True):
        if passage_of[i] == passage_of[j]:
            inside.setdefault(passage_of[i], []).append(score)
            continue
        if pieces[i].headline or pieces[j].headline:
            continue
        for a, b in ((i, j), (j, i)):
            pid, outlet = passage_of[a], documents[pieces[b].outlet].outlet
            if outlet in carried[pid]:
                continue
            row = nearest.setdefault(pid, {})
            if score > row.get(outlet, 0.0):
                row[outlet] = round(score, 6)
    agreement = {pid: round(sum(v) / len(v), 6) for pid, v in sorted(inside.items())}
    return {pid: dict(sorted(row.items())) for pid, row in sorted(nearest.items())}, agreement


def _score(
    documents: Sequence[Document],
    pieces: Sequence[_Piece],
    owners: Sequence[tuple[int, int]],
    *,
    context: float,
    word_weight: float,
    char_weight: float,
    anchor_weight: float,
    near_copy: float,
    neighbors: int,
    threshold: float,
    quote_weight: float,
    pair_model: PairModel | None = None,
    table: list[Any] | None = None,
) -> tuple[tuple[Any, Any, Any], list[bool], Any]:
    """Candidate edges ``(I, J, score)`` between pieces of different outlets, which pieces
    kept all their candidates, and the pieces' features.

    The score is the lexical blend, or with a ``pair_model`` its probability that the two
    pieces report one fact. ``table``, when given, receives the pair feature matrix (for
    refitting the model: bench/fit_pair_model.py)."""
    sentence_keys = sorted(set(owners))
    sentence_row = {key: r for r, key in enumerate(sentence_keys)}
    sentences = [documents[o].content_sentences[k] for o, k in sentence_keys]
    quoted = [[(q.start, q.end) for q in d.quotations] for d in documents]

    def tokens_in(sentence: Any, a: int, b: int) -> list[Any]:
        return [t for t in sentence.tokens if a <= t.start < b]

    piece_tokens = [tokens_in(documents[p.outlet].content_sentences[p.sentence], p.start, p.end) for p in pieces]
    piece_words = [piece_terms(t) for t in piece_tokens]
    piece_anchors = [
        anchor_terms(t, quoted[p.outlet], documents[p.outlet].content_sentences[p.sentence].start)
        for p, t in zip(pieces, piece_tokens, strict=True)
    ]
    # a sentence that is a single piece (most are) has that piece's terms
    whole: dict[int, int] = {}
    for i, key in enumerate(owners):
        r = sentence_row[key]
        whole[r] = -1 if r in whole else i
    sentence_words, sentence_anchors = [], []
    for r, ((o, _), s) in enumerate(zip(sentence_keys, sentences, strict=True)):
        i = whole.get(r, -1)
        if i >= 0 and len(piece_tokens[i]) == len(s.tokens):
            sentence_words.append(piece_words[i])
            sentence_anchors.append(piece_anchors[i])
        else:
            sentence_words.append(piece_terms(s.tokens))
            sentence_anchors.append(anchor_terms(s.tokens, quoted[o], s.start))
    features = build_features(
        piece_words,
        [documents[p.outlet].text[p.start:p.end] for p in pieces],
        piece_anchors,
        sentence_words,
        [s.text for s in sentences],
        sentence_anchors,
        [sentence_row[key] for key in owners],
        context=context,
    )
    total = word_weight + char_weight + anchor_weight
    ii, jj, truncated = candidate_pairs(
        features,
        [p.outlet for p in pieces],
        neighbors=neighbors,
        floor=CANDIDATE_FLOOR,
        word_weight=word_weight / total,
        anchor_weight=anchor_weight / total,
    )
    parts = pair_parts(features, ii, jj)
    scores, chars = pair_scores(features, ii, jj, word_weight=word_weight, char_weight=char_weight,
                                anchor_weight=anchor_weight, quote_weight=quote_weight, parts=parts)
    words = [[t.norm for t in toks if t.kind != "punct"] for toks in piece_tokens]
    scores = refine_near_copies(scores, chars, ii, jj, words, near_copy=near_copy, band=(0.0, max(threshold, 0.9)))
    if pair_model is not None or table is not None:
        span = [max(1, len(d.content_sentences) - 1) for d in documents]
        x = pair_features(
            parts, ii, jj, scores,
            words=piece_words,
            anchors=piece_anchors,
            negated=[any(t.norm in NEGATIONS for t in toks) for toks in piece_tokens],
            outlet=[p.outlet for p in pieces],
            position=[p.sentence / span[p.outlet] for p in pieces],
            quoted=[p.quoted for p in pieces],
        )
        if table is not None:
            table.append(x)
        if pair_model is not None:
            scores = pair_model.predict(x)
    return (ii, jj, scores), [not t for t in truncated.tolist()], features

