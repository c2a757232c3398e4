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

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ._linkage import Piece, cut_pieces, group_pieces
from ._pairmodel import PairModel, shipped_model
from ._passes import join_cohesive, place_headlines, settle
from ._scoring import nearest_scores, score_pieces
from .document import Article, Document, Span
from .errors import InputError, check_parameter, is_int, is_real
from .segment import segment

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
#: Default ``speaker_weight``: how much one named speaker raises a pair's score, and two lower it.
DEFAULT_SPEAKER_WEIGHT = 0.3
#: The linkages :func:`align` offers (option ``linkage``).
LINKAGES = ("average", "outlet")


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


def _members(group: Sequence[int], pieces: Sequence[Piece], documents: Sequence[Document]) -> list[Member]:
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
                    doc.text[first.start : last.end],
                    outlet=doc.outlet,
                    sentence=doc.content_sentences[first.sentence].index,
                )
            )

    for i in idx:
        if (
            run
            and i == run[-1] + 1
            and (pieces[i].outlet, pieces[i].sentence) == (pieces[run[-1]].outlet, pieces[run[-1]].sentence)
        ):
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
    speaker_weight: float = DEFAULT_SPEAKER_WEIGHT,
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
    speaker_weight : float in [0, 1), default 0.3
        Who speaks, from the attribution layer (:func:`mediadiff.names.speaker_key`): a pair whose pieces are both attributed to
        one named person scores ``1 + speaker_weight`` times higher (a statement and the
        quotation that backs it), a pair attributed to two different people ``1 -
        speaker_weight`` times lower (two sides of one topic are two facts); 0 turns it off.
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
    _check_options(
        threshold=threshold,
        repeat_threshold=repeat_threshold,
        context=context,
        weights=(word_weight, char_weight, anchor_weight),
        quote_weight=quote_weight,
        near_copy=near_copy,
        neighbors=neighbors,
        min_clause_words=min_clause_words,
        flags={"clauses": clauses, "rejoin": rejoin, "attach_quotes": attach_quotes},
        linkage=linkage,
        shares={
            "complement_threshold": complement_threshold,
            "headline_threshold": headline_threshold,
            "cohesion": cohesion,
        },
        speaker_weight=speaker_weight,
    )
    model = _pair_model(pair_model)
    documents = as_documents(articles)
    pieces, owners = cut_pieces(documents, clauses=clauses, min_clause_words=min_clause_words)
    groups: list[list[int]] = [[i] for i in range(len(pieces))]
    features, edges = None, None
    if len(documents) > 1 and pieces:
        weights = {"word_weight": word_weight, "char_weight": char_weight, "anchor_weight": anchor_weight}
        edges, full, features = score_pieces(
            documents,
            pieces,
            owners,
            word_weight=word_weight,
            char_weight=char_weight,
            anchor_weight=anchor_weight,
            context=context,
            near_copy=near_copy,
            neighbors=neighbors,
            threshold=threshold,
            quote_weight=quote_weight,
            speaker_weight=speaker_weight,
            pair_model=model,
        )
        groups = group_pieces(
            pieces,
            edges,
            full,
            threshold=threshold,
            repeat_threshold=repeat_threshold,
            linkage=linkage,
            complement_threshold=complement_threshold,
        )
        if cohesion is not None:
            groups = join_cohesive(groups, pieces, cohesion)
        if headline_threshold is not None:
            groups = place_headlines(groups, pieces, features, headline_threshold, **weights)
    groups = settle(groups, pieces, documents, rejoin=rejoin, attach_quotes=attach_quotes, features=features)
    return _alignment(groups, pieces, documents, edges)


def _alignment(
    groups: Sequence[Sequence[int]],
    pieces: Sequence[Piece],
    documents: tuple[Document, ...],
    edges: tuple[Any, Any, Any] | None,
) -> Alignment:
    """The alignment of the final groups of pieces (``edges``: the scored candidate pairs, None
    when nothing was scored)."""
    passages = canonical_passages([_members(g, pieces, documents) for g in groups], documents)
    nearest, agreement = nearest_scores(groups, pieces, documents, passages, edges) if edges is not None else ({}, {})
    return Alignment(
        documents=documents,
        passages=passages,
        similarity=_outlet_similarity(passages, documents),
        nearest=nearest,
        agreement=agreement,
    )


def _check_options(
    *,
    threshold: float,
    repeat_threshold: float,
    context: float,
    weights: tuple[float, float, float],
    quote_weight: float,
    near_copy: float,
    neighbors: int,
    min_clause_words: int,
    flags: dict[str, bool],
    linkage: str,
    shares: dict[str, float | None],
    speaker_weight: float,
) -> None:
    """Raise :class:`~mediadiff.errors.ParameterError` for the first option of :func:`align`
    out of its documented range."""
    owner = "align"
    for name, value in (("threshold", threshold), ("repeat_threshold", repeat_threshold)):
        check_parameter(name, value, "a float in the range (0, 1]", is_real(value) and 0 < value <= 1, owner)
    check_parameter("context", context, "a float in the range [0, 1)", is_real(context) and 0 <= context < 1, owner)
    for name, value in zip(("word_weight", "char_weight", "anchor_weight"), weights, strict=True):
        check_parameter(name, value, "a float >= 0", is_real(value) and value >= 0, owner)
    check_parameter(
        "word_weight", weights[0], "a float >= 0 with the other weights not all zero", sum(weights) > 0, owner
    )
    for name, value in (("quote_weight", quote_weight), ("near_copy", near_copy)):
        check_parameter(name, value, "a float in the range [0, 1]", is_real(value) and 0 <= value <= 1, owner)
    check_parameter(
        "speaker_weight",
        speaker_weight,
        "a float in the range [0, 1)",
        is_real(speaker_weight) and 0 <= speaker_weight < 1,
        owner,
    )
    check_parameter("neighbors", neighbors, "an int >= 1", is_int(neighbors) and neighbors >= 1, owner)
    check_parameter(
        "min_clause_words", min_clause_words, "an int >= 1", is_int(min_clause_words) and min_clause_words >= 1, owner
    )
    for name, flag in flags.items():
        check_parameter(name, flag, "a bool", isinstance(flag, bool), owner)
    check_parameter(
        "linkage", linkage, "a str among {'average', 'outlet'}", isinstance(linkage, str) and linkage in LINKAGES, owner
    )
    for name, share in shares.items():
        check_parameter(
            name,
            share,
            "a float in the range (0, 1] or None",
            share is None or (is_real(share) and 0 < share <= 1),
            owner,
        )


def _pair_model(pair_model: PairModel | str | None) -> PairModel | None:
    """The pair model an ``align(pair_model=...)`` option names (checked)."""
    if isinstance(pair_model, str):
        check_parameter("pair_model", pair_model, "'shipped', a PairModel or None", pair_model == "shipped", "align")
        return shipped_model()
    if pair_model is not None and not isinstance(pair_model, PairModel):
        check_parameter("pair_model", pair_model, "'shipped', a PairModel or None", False, "align")
    return pair_model
