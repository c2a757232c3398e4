"""Scores for the aligner (private): the candidate pairs of pieces and how alike they are.

score_pieces    pieces -> candidate edges ``(I, J, score)`` between pieces of different outlets:
                the lexical blend (or a pair model's probability), weighed by who speaks.
featurise       pieces -> their tokens, word terms, anchors and features in sentence context.
nearest_scores  after grouping: each passage's best score with every outlet that does not carry
                it, and the mean score between its own carriers (what omissions judge closeness by).
CANDIDATE_FLOOR the word+anchor similarity below which two pieces are not even candidates.

The kernels are in :mod:`mediadiff._similarity`; :func:`mediadiff.align.align` is the caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._clauses import NEGATIONS
from ._linkage import Piece
from ._pairmodel import PairModel, pair_features
from ._similarity import (
    anchor_terms,
    build_features,
    candidate_pairs,
    pair_parts,
    pair_scores,
    piece_terms,
    refine_near_copies,
    weigh_speakers,
)
from .document import Document
from .names import speaker_key

if TYPE_CHECKING:
    from .align import Passage

__all__ = ["CANDIDATE_FLOOR", "featurise", "nearest_scores", "score_pieces"]

#: Word+anchor similarity below which two pieces are not even candidates (treated as 0).
CANDIDATE_FLOOR = 0.05


def nearest_scores(
    groups: Sequence[Sequence[int]],
    pieces: Sequence[Piece],
    documents: Sequence[Document],
    passages: Sequence[Passage],
    edges: tuple[Any, Any, Any],
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
            pid = next(
                p.id
                for p in passages
                for m in p.members
                if m.outlet == documents[piece.outlet].outlet and m.start <= piece.start < m.end
            )
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


def score_pieces(
    documents: Sequence[Document],
    pieces: Sequence[Piece],
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
    speaker_weight: float = 0.0,
    pair_model: PairModel | None = None,
    table: list[Any] | None = None,
) -> tuple[tuple[Any, Any, Any], list[bool], Any]:
    """Candidate edges ``(I, J, score)`` between pieces of different outlets, which pieces
    kept all their candidates, and the pieces' features.

    The score is the lexical blend, or with a ``pair_model`` its probability that the two
    pieces report one fact, then weighed by who speaks (``speaker_weight``). ``table``, when
    given, receives the pair feature matrix (for refitting the model: bench/fit_pair_model.py)."""
    piece_tokens, piece_words, piece_anchors, features = featurise(documents, pieces, owners, context=context)
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
    scores, chars = pair_scores(
        features,
        ii,
        jj,
        word_weight=word_weight,
        char_weight=char_weight,
        anchor_weight=anchor_weight,
        quote_weight=quote_weight,
        parts=parts,
    )
    words = [[t.norm for t in toks if t.kind != "punct"] for toks in piece_tokens]
    scores = refine_near_copies(scores, chars, ii, jj, words, near_copy=near_copy, band=(0.0, max(threshold, 0.9)))
    if pair_model is not None or table is not None:
        span = [max(1, len(d.content_sentences) - 1) for d in documents]
        x = pair_features(
            parts,
            ii,
            jj,
            scores,
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
    if speaker_weight:
        speakers = [speaker_key(documents[p.outlet], p.start, p.end) for p in pieces]
        scores = weigh_speakers(scores, ii, jj, speakers, speaker_weight)
    return (ii, jj, scores), [not t for t in truncated.tolist()], features


def featurise(
    documents: Sequence[Document], pieces: Sequence[Piece], owners: Sequence[tuple[int, int]], *, context: float
) -> tuple[list[Any], list[Any], list[Any], Any]:
    """Each piece's tokens, word terms and anchors, and the features of the pieces in their
    sentences' context (a sentence that is one piece, as most are, reuses that piece's terms)."""
    sentence_keys = sorted(set(owners))
    sentence_row = {key: r for r, key in enumerate(sentence_keys)}
    sentences = [documents[o].content_sentences[k] for o, k in sentence_keys]
    quoted = [[(q.start, q.end) for q in d.quotations] for d in documents]

    def tokens_in(sentence: Any, a: int, b: int) -> list[Any]:
        return [t for t in sentence.tokens if a <= t.start < b]

    piece_tokens = [tokens_in(documents[p.outlet].content_sentences[p.sentence], p.start, p.end) for p in pieces]
    piece_words = [
        piece_terms(t, documents[p.outlet].numbers_in(p.start, p.end))
        for p, t in zip(pieces, piece_tokens, strict=True)
    ]
    piece_anchors = [
        anchor_terms(t, quoted[p.outlet], documents[p.outlet].content_sentences[p.sentence].start)
        for p, t in zip(pieces, piece_tokens, strict=True)
    ]
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
            sentence_words.append(piece_terms(s.tokens, documents[o].numbers_in(s.start, s.end)))
            sentence_anchors.append(anchor_terms(s.tokens, quoted[o], s.start))
    features = build_features(
        piece_words,
        [documents[p.outlet].text[p.start : p.end] for p in pieces],
        piece_anchors,
        sentence_words,
        [s.text for s in sentences],
        sentence_anchors,
        [sentence_row[key] for key in owners],
        context=context,
    )
    return piece_tokens, piece_words, piece_anchors, features
