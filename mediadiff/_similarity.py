"""Scoring kernels for alignment (private): features of clause pieces and pairwise scores.

A piece is described by three sparse blocks, each L2-normalised TF-IDF:

- words: crude stems of its content words, canonical numbers ("9,000" -> ``9000``,
  "Fourteen" -> ``14``) and the slot each number fills (``#date``, ``#money7``, ``#count1``):
  a differing figure in the same slot is evidence for the same fact, not against it;
- characters: ``char_wb`` 3-5-grams of its lower-cased text (survives inflection and spelling);
- anchors: named entities (capitalised words), numbers and word trigrams of quoted speech.

Each block of a piece is mixed with the same block of its sentence (``context``): the
similarity of two pieces is ``(1 - context) * sim(pieces) + context * sim(sentences)``.
Candidate pairs come from a chunked sparse product (top ``neighbors`` per piece), never from
all pairs; exact scores are then computed for the candidates only, and
``difflib.SequenceMatcher(autojunk=False)`` refines near-copies, and who speaks weighs in
(:func:`weigh_speakers`: one named speaker is evidence for one fact, two are evidence against).

scikit-learn and scipy are imported inside the functions so that importing mediadiff stays fast.

Names: :func:`piece_terms`, :func:`anchor_terms`, :func:`build_features`,
:func:`candidate_pairs`, :func:`pair_parts`, :func:`pair_scores`, :func:`refine_near_copies`,
:func:`weigh_speakers`, :class:`Features`, :class:`PairParts`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from .document import NumberMention, Token
from .mentions import read_numbers, slot
from .vocabulary import NUMBER_WORDS, STOPWORDS, VAGUE_MAGNITUDES

__all__ = [
    "Features",
    "PairParts",
    "anchor_terms",
    "build_features",
    "candidate_pairs",
    "pair_parts",
    "pair_scores",
    "piece_terms",
    "refine_near_copies",
    "rowwise",
    "slot_terms",
    "stem",
    "weigh_speakers",
]

# Numbers written as words, as the canonical number a term holds: the vocabulary's number words
# (units and tens), "hundred" and "dozen" (issue 18: one table; before it, this one stopped at
# fifty)
_NUMBER_WORDS = {w: str(int(v)) for w, v in NUMBER_WORDS.items()} | {"hundred": "100", "dozen": "12"}
_SUFFIXES = ("ings", "ing", "ies", "ied", "ed", "es", "ly", "s")


def stem(norm: str) -> str:
    """A crude stem: possessive and one common suffix stripped, then the first seven letters.

    >>> stem("inspectors"), stem("inspection"), stem("evacuated"), stem("evacuation")
    ('inspect', 'inspect', 'evacuat', 'evacuat')
    """
    if norm.endswith("'s") or norm.endswith("s'"):
        norm = norm[:-2] if norm.endswith("'s") else norm[:-1]
    for suffix in _SUFFIXES:
        if norm.endswith(suffix) and len(norm) - len(suffix) >= 4:
            norm = norm[: -len(suffix)]
            break
    return norm[:7]


def _number(token: Token) -> str | None:
    if token.kind == "number":
        return re.sub(r"(?<=\d),(?=\d)", "", token.norm)
    return _NUMBER_WORDS.get(token.norm)


def slot_terms(items: Sequence[NumberMention] | Sequence[Token]) -> list[str]:
    """What kind of quantity each number fills, without its value (``#`` terms): the
    :func:`mediadiff.mentions.slot` of each number mention in ``items`` (those of a piece, from
    :attr:`Document.numbers`), or when ``items`` are tokens, of the mentions read from them.

    Outlets disagree on figures ("38 employees" / "about 45 jobs", "June 30" / "July 1",
    "$11.8 million" / "nearly $12 million", "3,100 households" / "thousands of households"):
    a differing value in the same slot is evidence for the same fact, not against it. The
    slot is the number's kind (``#date``, ``#year``, ``#time``, ``#pct``, ``#money``,
    ``#count``) and, for amounts and counts, its order of magnitude.

    >>> from mediadiff.segment import tokenize
    >>> slot_terms(tokenize("its 38 employees on June 30")), slot_terms(tokenize("about 45 jobs by July 1"))
    (['#count1', '#date'], ['#count1', '#date'])
    >>> slot_terms(tokenize("an $11.8 million gap")), slot_terms(tokenize("thousands of homes"))
    (['#money7'], ['#count3'])
    """
    found = [m for m in items if isinstance(m, NumberMention)]
    if len(found) < len(items):
        found = read_numbers([t for t in items if isinstance(t, Token)])
    return [term for term in (slot(m) for m in found) if term is not None]


def piece_terms(tokens: Sequence[Token], numbers: Sequence[NumberMention] | None = None) -> list[str]:
    """The word terms of a piece: stems of content words, canonical numbers, and the
    :func:`slot_terms` of its number mentions ``numbers`` (read from ``tokens`` when not given;
    vague quantities such as "thousands" count as slots only)."""
    out = []
    for t in tokens:
        if t.kind == "punct":
            continue
        num = _number(t)
        if num is not None:
            out.append(num)
        elif t.norm not in STOPWORDS and len(t.norm) > 1 and t.norm not in VAGUE_MAGNITUDES:
            out.append(stem(t.norm))
    out.extend(slot_terms(tokens if numbers is None else numbers))
    return out


def anchor_terms(tokens: Sequence[Token], quoted: Sequence[tuple[int, int]] = (), first: int = -1) -> list[str]:
    """Anchor terms: ``n:`` numbers, ``e:`` capitalised words (not the sentence's first word, not
    function words) and ``q:`` word trigrams inside the ``quoted`` character ranges."""
    out = []
    for t in tokens:
        if t.kind == "punct":
            continue
        num = _number(t)
        if num is not None:
            out.append("n:" + num)
        elif t.text[:1].isupper() and t.start != first and t.norm not in STOPWORDS:
            out.append("e:" + stem(t.norm))
    lo = tokens[0].start if tokens else 0
    hi = tokens[-1].end if tokens else 0
    for a, b in quoted:
        if a >= hi or b <= lo:
            continue  # a quotation elsewhere in the article
        words = [t.norm for t in tokens if t.kind != "punct" and a <= t.start < b]
        out.extend("q:" + " ".join(words[i : i + 3]) for i in range(len(words) - 2))
    return out


@dataclass(frozen=True)
class Features:
    """Row-normalised sparse feature blocks of the pieces (context already mixed in)."""

    words: Any
    chars: Any
    anchors: Any
    has_anchors: Any  # numpy bool array, one per piece
    quotes: Any = None  # binary piece x quoted-trigram matrix (no context)
    #: per piece, a number shared by the pieces whose rows are equal in every block (wire
    #: copies): :func:`pair_scores` computes one score per distinct pair of such numbers
    distinct: Any = None


def _distinct_rows(*blocks: Any) -> Any:
    """Per row, a number that equal rows share, numbered from 0: rows stored alike (the same
    entries in the same order) in every block, so that they also score alike to the last bit."""
    import numpy as np

    keys: dict[tuple[bytes, ...], int] = {}
    csr = [m.tocsr() for m in blocks]
    out = np.empty(csr[0].shape[0], dtype=np.int64)
    for r in range(len(out)):
        key = tuple(
            part
            for m in csr
            for part in (
                m.indices[m.indptr[r] : m.indptr[r + 1]].tobytes(),
                m.data[m.indptr[r] : m.indptr[r + 1]].tobytes(),
            )
        )
        out[r] = keys.setdefault(key, len(keys))
    return out


def _distinct_inputs(items: Sequence[Any]) -> tuple[list[Any], Any]:
    """The distinct texts (or term lists) of ``items`` in first-seen order, and for each item
    the position of its own among them."""
    import numpy as np

    first: dict[Any, int] = {}
    index = [first.setdefault(tuple(x) if isinstance(x, list) else x, len(first)) for x in items]
    distinct: list[Any] = [None] * len(first)
    for x, k in zip(items, index, strict=True):
        distinct[k] = x
    return distinct, np.asarray(index, dtype=np.int64)


def _with_context(
    counter: Any, pieces: Sequence[Any], sentences: Sequence[Any], owner: Sequence[int], context: float
) -> Any:
    """TF-IDF rows of the pieces (``counter``: a CountVectorizer), each mixed with its sentence's.

    Equal pieces and sentences (copies of one wire sentence) are analysed once and their counts
    repeated, so the document frequencies, and the rows, are those of analysing every one.
    """
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfTransformer

    distinct, index = _distinct_inputs(pieces)
    try:
        counts = counter.fit_transform(distinct)
    except ValueError:  # empty vocabulary: nothing to compare (numbers or stop words only)
        return sparse.csr_matrix((len(pieces), 1), dtype="float32")
    tfidf = TfidfTransformer(sublinear_tf=True)
    p = tfidf.fit_transform(counts[index])
    # a sentence that is one piece (most are) reuses the piece's row instead of being analysed
    # again: the same input gives the same row
    pieces_of = [0] * len(sentences)
    for k in owner:
        pieces_of[k] += 1
    row = [-1] * len(sentences)
    for i, k in enumerate(owner):
        if pieces_of[k] == 1 and pieces[i] == sentences[k]:
            row[k] = i
    rest = [k for k in range(len(sentences)) if row[k] < 0]
    if rest:
        for n, k in enumerate(rest):
            row[k] = len(pieces) + n
        distinct, index = _distinct_inputs([sentences[k] for k in rest])
        stacked = sparse.vstack([p, tfidf.transform(counter.transform(distinct))[index]], format="csr")
    else:
        stacked = p.tocsr()
    s = stacked[[row[k] for k in owner]]
    if context <= 0:
        return p.tocsr()
    return sparse.hstack([p * (1 - context) ** 0.5, s * context**0.5], format="csr")


def build_features(
    piece_words: Sequence[list[str]],
    piece_text: Sequence[str],
    piece_anchors: Sequence[list[str]],
    sentence_words: Sequence[list[str]],
    sentence_text: Sequence[str],
    sentence_anchors: Sequence[list[str]],
    owner: Sequence[int],
    *,
    context: float,
) -> Features:
    """TF-IDF blocks for the pieces; ``owner[i]`` is the sentence of piece ``i``."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer

    def identity(x: list[str]) -> list[str]:
        return x

    words = _with_context(
        CountVectorizer(analyzer=identity, dtype=np.float32), piece_words, sentence_words, owner, context
    )
    chars = _with_context(
        CountVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=True, dtype=np.float32),
        piece_text,
        sentence_text,
        owner,
        context,
    )
    if any(piece_anchors) or any(sentence_anchors):
        anchors = _with_context(
            CountVectorizer(analyzer=identity, dtype=np.float32),
            piece_anchors,
            sentence_anchors,
            owner,
            context,
        )
    else:
        from scipy import sparse

        anchors = sparse.csr_matrix((len(piece_words), 1), dtype=np.float32)
    has = np.asarray(anchors.getnnz(axis=1) > 0)

    quoted = [[a for a in terms if a.startswith("q:")] for terms in piece_anchors]
    if any(quoted):
        quotes = CountVectorizer(analyzer=identity, binary=True, dtype=np.float32).fit_transform(quoted).tocsr()
    else:
        from scipy import sparse

        quotes = sparse.csr_matrix((len(piece_words), 1), dtype=np.float32)
    return Features(
        words=words,
        chars=chars,
        anchors=anchors,
        has_anchors=has,
        quotes=quotes,
        distinct=_distinct_rows(words, chars, anchors, quotes),
    )


def candidate_pairs(
    features: Features,
    group: Sequence[int],
    *,
    neighbors: int,
    floor: float,
    word_weight: float,
    anchor_weight: float,
    chunk: int = 512,
) -> tuple[Any, Any, Any]:
    """Pairs ``(i, j)``, ``i < j``, of pieces of different groups (outlets) worth scoring.

    For every piece, the ``neighbors`` pieces of other outlets with the highest word+anchor
    similarity at or above ``floor`` (a chunked sparse product: memory stays bounded). Returns
    ``(I, J, truncated)``, where ``truncated[i]`` says that piece ``i`` had more candidates
    than were kept. The product is taken between distinct rows (``Features.distinct``: wire
    copies once) and spread over their pieces, which gives the pairs of the full product.
    """
    import numpy as np
    from scipy import sparse

    x = sparse.hstack([features.words * word_weight**0.5, features.anchors * anchor_weight**0.5], format="csr")
    grp = np.asarray(group)
    n = x.shape[0]
    label = features.distinct if features.distinct is not None else np.arange(n)
    classes = int(label.max()) + 1 if n else 0
    order = np.argsort(label, kind="stable")
    bounds = np.searchsorted(label[order], np.arange(classes + 1))
    members = [order[bounds[c] : bounds[c + 1]] for c in range(classes)]  # pieces of each class, ascending
    sizes = np.diff(bounds)
    xd = x[order[bounds[:-1]]]  # one row per class
    xdt = xd.T.tocsr()
    rows_out: list[Any] = []
    cols_out: list[Any] = []
    truncated = np.zeros(n, dtype=bool)
    for lo in range(0, classes, chunk):
        prod = (xd[lo : lo + chunk] @ xdt).tocsr()
        for r in range(prod.shape[0]):
            a, b = prod.indptr[r], prod.indptr[r + 1]
            keep = prod.data[a:b] >= floor
            near = prod.indices[a:b][keep]
            if not len(near):
                continue
            every = np.concatenate([members[c] for c in near])  # the pieces of the near classes
            values = np.repeat(prod.data[a:b][keep], sizes[near])
            their = grp[every]
            for i in members[lo + r].tolist():
                other = their != grp[i]
                cols = every[other]
                if len(cols) > neighbors:
                    truncated[i] = True
                    # stable: highest value first, ties by column index
                    cols = cols[np.lexsort((cols, -values[other]))[:neighbors]]
                rows_out.append(np.full(len(cols), i, dtype=np.int64))
                cols_out.append(cols.astype(np.int64))
    if not rows_out:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, truncated
    ri = np.concatenate(rows_out)
    ci = np.concatenate(cols_out)
    lo_ = np.minimum(ri, ci)
    hi_ = np.maximum(ri, ci)
    pairs = np.unique(lo_ * n + hi_)
    return pairs // n, pairs % n, truncated


def rowwise(m: Any, n: Any, i: Any, j: Any, chunk: int = 2000) -> Any:
    """Per pair ``k``, the dot product of row ``i[k]`` of sparse ``m`` and row ``j[k]`` of ``n``
    (a cosine when both are row-normalised); computed in chunks of pairs."""
    import numpy as np

    out = np.empty(len(i), dtype=np.float64)
    for lo in range(0, len(i), chunk):
        a = m[i[lo : lo + chunk]]
        b = n[j[lo : lo + chunk]]
        out[lo : lo + chunk] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out


@dataclass(frozen=True)
class PairParts:
    """The similarities of candidate pairs, block by block (arrays, one entry per pair)."""

    words: Any  # cosine of the word-stem blocks
    chars: Any  # cosine of the character blocks
    anchors: Any  # cosine of the anchor blocks
    anchored: Any  # both pieces have anchors
    quotes: Any  # share of the shorter quotation's word trigrams that both quote (overlap coefficient)


def pair_parts(features: Features, i: Any, j: Any) -> PairParts:
    """The block similarities of the pairs ``(i[k], j[k])``.

    Pairs of pieces with equal rows (``Features.distinct``: copies of one wire sentence) are
    computed once per ordered pair of row numbers (the last bits of a sparse sum depend on which
    row comes first), so the result is bitwise that of computing each pair.
    """
    import numpy as np

    i, j = np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64)
    if features.distinct is not None and len(i):
        code = features.distinct[i] * (int(features.distinct.max()) + 1) + features.distinct[j]
        _, first, inverse = np.unique(code, return_index=True, return_inverse=True)
        if len(first) < len(i):
            once = pair_parts(dataclasses.replace(features, distinct=None), i[first], j[first])
            return PairParts(*(getattr(once, f.name)[inverse] for f in dataclasses.fields(PairParts)))
    if features.quotes is not None:
        shared = rowwise(features.quotes, features.quotes, i, j)
        sizes = np.asarray(features.quotes.getnnz(axis=1))
        quotes = shared / np.maximum(np.minimum(sizes[i], sizes[j]), 1)
    else:
        quotes = np.zeros(len(i))
    return PairParts(
        words=rowwise(features.words, features.words, i, j),
        chars=rowwise(features.chars, features.chars, i, j),
        anchors=rowwise(features.anchors, features.anchors, i, j),
        anchored=features.has_anchors[i] & features.has_anchors[j],
        quotes=quotes,
    )


def pair_scores(
    features: Features,
    i: Any,
    j: Any,
    *,
    word_weight: float,
    char_weight: float,
    anchor_weight: float,
    quote_weight: float = 0.0,
    parts: PairParts | None = None,
) -> tuple[Any, Any]:
    """Scores in [0, 1] of the pairs ``(i[k], j[k])`` and their character similarities.

    The anchor block counts only when both pieces have anchors; otherwise its weight is shared
    out between the other two blocks in proportion. A pair that quotes the same words scores at
    least ``quote_weight`` times the share of the shorter quotation's word trigrams they share.
    ``parts`` are the pairs' :func:`pair_parts` when they are known already.
    """
    import numpy as np

    if parts is None:
        parts = pair_parts(features, i, j)
    w, c, a = parts.words, parts.chars, parts.anchors
    total = word_weight + char_weight + anchor_weight
    with_a = (word_weight * w + char_weight * c + anchor_weight * a) / total
    without = (word_weight * w + char_weight * c) / max(word_weight + char_weight, 1e-12)
    score = np.where(parts.anchored, with_a, without)
    if quote_weight > 0:
        score = np.maximum(score, quote_weight * parts.quotes)
    return np.clip(score, 0.0, 1.0), c


def weigh_speakers(scores: Any, i: Any, j: Any, speakers: Sequence[str | None], weight: float) -> Any:
    """Scores times ``1 + weight`` where both pieces are attributed to one named person (a fact
    and the quotation that backs it), times ``1 - weight`` where they are attributed to two
    different people (two sides of one topic), capped at 1; other pairs unchanged."""
    import numpy as np

    keys = np.array([s or "" for s in speakers], dtype=object)
    a, b = keys[i], keys[j]
    known = (a != "") & (b != "")
    factor = np.where(known & (a == b), 1.0 + weight, np.where(known, 1.0 - weight, 1.0))
    return np.minimum(1.0, scores * factor)


def refine_near_copies(
    scores: Any,
    chars: Any,
    i: Any,
    j: Any,
    tokens: Sequence[Sequence[str]],
    *,
    near_copy: float,
    band: tuple[float, float],
) -> Any:
    """Raise the score of near-copies to their difflib ratio.

    Only pairs whose character similarity reaches ``near_copy`` and whose score lies in ``band``
    (where the decision could change) go through ``SequenceMatcher(autojunk=False)`` over
    their word forms.
    """
    import numpy as np

    out = scores.copy()
    todo = np.nonzero((chars >= near_copy) & (scores >= band[0]) & (scores < band[1]))[0]
    # copies repeat across outlets: one matcher per distinct second sequence (difflib indexes
    # it once), one ratio per distinct pair, and quick_ratio (an upper bound) skips pairs that
    # cannot beat their score
    keys: dict[tuple[str, ...], tuple[str, ...]] = {}
    matchers: dict[tuple[str, ...], SequenceMatcher[str]] = {}
    done: dict[tuple[tuple[str, ...], tuple[str, ...]], float] = {}
    for k in sorted(todo.tolist(), key=lambda k: (j[k], i[k])):
        a = tuple(tokens[i[k]])
        b = tuple(tokens[j[k]])
        a, b = keys.setdefault(a, a), keys.setdefault(b, b)
        ratio = done.get((a, b))
        if ratio is None:
            matcher = matchers.get(b)
            if matcher is None:
                matcher = matchers[b] = SequenceMatcher(None, b=list(b), autojunk=False)
            matcher.set_seq1(list(a))
            if matcher.quick_ratio() <= out[k]:
                continue
            ratio = done[(a, b)] = matcher.ratio()
        if ratio > out[k]:
            out[k] = ratio
    return out
