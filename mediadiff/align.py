"""Alignment: group the content of N outlets into passages, each one piece of reported content.

Public names
------------
align       articles or documents -> Alignment.
Alignment   the documents (in canonical outlet order), the passages, and a pairwise outlet
            similarity matrix.
Passage     one piece of content with the spans (members) of every outlet that carries it.
Member      one outlet's span in a passage: a sentence or a clause of one.

Invariants: every member's ``text`` equals ``document.text[start:end]``; the members of one
outlet never overlap; passages and members are in a canonical order that does not depend on
the order in which outlets were given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .document import Article, Document, Span
from .errors import InputError
from .segment import segment

__all__ = ["Alignment", "Member", "Passage", "align"]


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
    """

    documents: tuple[Document, ...]
    passages: tuple[Passage, ...]
    similarity: tuple[tuple[float, ...], ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlet ids in canonical (sorted) order."""
        return tuple(d.outlet for d in self.documents)

    def document(self, outlet: str) -> Document:
        """The segmented document of one outlet."""
        for d in self.documents:
            if d.outlet == outlet:
                return d
        raise KeyError(outlet)

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


def align(articles: Sequence[Article | Document], *, threshold: float = 0.5) -> Alignment:
    """Align the content sentences of several outlets into passages.

    Placeholder implementation: every content sentence is a member; sentences of different
    outlets join one passage when their word-set Jaccard similarity reaches ``threshold``.
    """
    documents = as_documents(articles)
    members = [
        (Member(s.start, s.end, s.text, outlet=d.outlet, sentence=s.index), frozenset(t.norm for t in s.words))
        for d in documents
        for s in d.content_sentences
    ]
    parent = list(range(len(members)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (mi, wi) in enumerate(members):
        for j in range(i + 1, len(members)):
            mj, wj = members[j]
            if mi.outlet == mj.outlet or not wi or not wj:
                continue
            if len(wi & wj) / len(wi | wj) >= threshold:
                parent[find(j)] = find(i)
    groups: dict[int, list[Member]] = {}
    for i, (m, _) in enumerate(members):
        groups.setdefault(find(i), []).append(m)
    passages = canonical_passages(list(groups.values()), documents)
    n = len(documents)
    shared = [[0] * n for _ in range(n)]
    index = {d.outlet: i for i, d in enumerate(documents)}
    for p in passages:
        outs = [index[o] for o in p.outlets]
        for a in outs:
            for b in outs:
                shared[a][b] += 1
    similarity = tuple(
        tuple(
            1.0 if a == b else (2 * shared[a][b] / (shared[a][a] + shared[b][b]) if shared[a][a] + shared[b][b] else 0.0)
            for b in range(n)
        )
        for a in range(n)
    )
    return Alignment(documents=documents, passages=passages, similarity=similarity)
