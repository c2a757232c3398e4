"""The learned pair score of alignment (private): how likely two pieces report the same fact.

The lexical blend of :func:`mediadiff._similarity.pair_scores` says how alike two pieces read.
On real coverage that is not the same as reporting one fact: topical neighbours share the
story's names, and restatements share few words. The pair model is a logistic regression over
features of a candidate pair that carry that difference (:data:`FEATURES`):

- similarity: the blend, its word / character / anchor / quotation parts, the share of the two
  pieces' distinct words weighted by rarity in the story, the rarest shared word;
- evidence against: names and numbers on one side only, numbers that disagree, a negation on
  one side only;
- competition: whether each piece is the other's best match in its outlet, and by how much;
- structure: position in the article (0 = headline or lead), quotation.

Headlines have no feature of their own: how a headline joins its own article's facts is
structure, left to :func:`mediadiff.align` (``headline_threshold``), not to the pair score.

Its parameters are data (``mediadiff/data/pair_model.json``: feature names, standardisation,
coefficients and where they were fitted), refitted by ``bench/fit_pair_model.py`` on public data
only (docs/alignment.md). Nothing is fitted at run time.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ._similarity import PairParts, rowwise

__all__ = ["FEATURES", "PairModel", "pair_features", "shipped_model"]

#: The features of a candidate pair, in the order of the model's coefficients.
FEATURES: tuple[str, ...] = (
    "blend",  # the lexical blend score (after near-copy refinement)
    "words",  # word-stem TF-IDF cosine (sentence context mixed in)
    "chars",  # character 3-5-gram cosine
    "anchors",  # names, numbers and quoted trigrams cosine
    "quotes",  # share of the shorter quotation's word trigrams quoted by both
    "rare_share",  # IDF-weighted Jaccard of the pieces' distinct word stems
    "shared_words",  # log(1 + number of shared word stems)
    "rarest_shared",  # IDF of the rarest shared stem (0 when none)
    "names_shared",  # log(1 + shared names)
    "names_apart",  # log(1 + names on one side only)
    "numbers_shared",  # log(1 + shared numbers)
    "numbers_disagree",  # both give numbers, none shared
    "negation_apart",  # a negation on one side only
    "shorter",  # log(1 + words of the shorter piece)
    "longer",  # log(1 + words of the longer piece)
    "best_ratio_min",  # the pair's blend over each piece's best blend in the other's outlet: min
    "best_ratio_max",  # ... and max
    "mutual_best",  # each is the other's best match in its outlet
    "rank_min",  # the pair's rank among each piece's candidates in the other outlet: min (capped at 5)
    "rank_max",  # ... and max
    "position_min",  # the earlier relative position (0 = headline or lead, 1 = last sentence)
    "position_gap",  # the difference of the relative positions
    "quoted_both",  # both mostly inside quotation marks
    "quoted_one",  # only one of them
)


@dataclass(frozen=True)
class PairModel:
    """A logistic regression over :data:`FEATURES`: ``p = sigmoid(((x - mean) / scale) . coef + intercept)``."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    provenance: dict[str, Any]

    def __post_init__(self) -> None:
        if self.features != FEATURES:
            raise ValueError(
                "pair model: its features are not those mediadiff computes (refit with bench/fit_pair_model.py)"
            )
        if not len(self.mean) == len(self.scale) == len(self.coef) == len(FEATURES):
            raise ValueError("pair model: parameter lengths differ from the number of features")

    def predict(self, x: Any) -> Any:
        """Probabilities that each row of ``x`` (pairs by :data:`FEATURES`) reports one fact."""
        import numpy as np

        z = ((np.asarray(x, dtype=np.float64) - np.asarray(self.mean)) / np.asarray(self.scale)) @ np.asarray(self.coef)
        return 1.0 / (1.0 + np.exp(-(z + self.intercept)))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the model (what ``pair_model.json`` holds)."""
        return {
            "format": 1,
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
            "provenance": self.provenance,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PairModel:
        """A model from its JSON form."""
        return cls(
            tuple(data["features"]),
            tuple(map(float, data["mean"])),
            tuple(map(float, data["scale"])),
            tuple(map(float, data["coef"])),
            float(data["intercept"]),
            dict(data.get("provenance", {})),
        )


@lru_cache(maxsize=1)
def shipped_model() -> PairModel:
    """The model shipped in ``mediadiff/data/pair_model.json`` (read once)."""
    text = resources.files("mediadiff").joinpath("data/pair_model.json").read_text(encoding="utf-8")
    return PairModel.from_dict(json.loads(text))


def _binary(terms: Sequence[Sequence[str]]) -> Any:
    """A binary piece x term matrix (CSR) of the given term lists."""
    import numpy as np
    from scipy import sparse

    vocab: dict[str, int] = {}
    rows, cols = [], []
    for r, ts in enumerate(terms):
        for t in set(ts):
            rows.append(r)
            cols.append(vocab.setdefault(t, len(vocab)))
    return sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(len(terms), max(1, len(vocab)))
    )


def _rowwise_max(m: Any, n: Any, i: Any, j: Any, chunk: int = 2000) -> Any:
    """Per pair, the largest entry of ``m[i] * n[j]`` (elementwise), 0 when none."""
    import numpy as np

    out = np.zeros(len(i), dtype=np.float64)
    for lo in range(0, len(i), chunk):
        prod = m[i[lo : lo + chunk]].multiply(n[j[lo : lo + chunk]]).tocsr()
        if prod.nnz:
            out[lo : lo + chunk] = prod.max(axis=1).toarray().ravel()
    return out


def _competition(i: Any, j: Any, outlet: Any, score: Any) -> tuple[Any, Any, Any, Any]:
    """Per pair: its score over each piece's best score in the other piece's outlet, and its
    rank among each piece's candidates there (two columns each: from i's side, from j's)."""
    import numpy as np

    m = len(i)
    if not m:
        empty = np.zeros((0, 2))
        return empty, empty, np.zeros(0, dtype=bool), empty
    who = np.concatenate([i, j])  # the piece whose candidates are ranked
    where = np.concatenate([outlet[j], outlet[i]])  # ... in this outlet
    s = np.concatenate([score, score])
    k = np.concatenate([np.arange(m), np.arange(m)])
    order = np.lexsort((k, -s, where, who))
    key = who[order] * (int(outlet.max()) + 1) + where[order]
    start = np.r_[True, key[1:] != key[:-1]]
    first = np.maximum.accumulate(np.where(start, np.arange(len(order)), 0))
    rank = np.empty(2 * m)
    rank[order] = np.arange(len(order)) - first
    best = np.empty(2 * m)
    best[order] = s[order][first]
    ratio = s / np.maximum(best, 1e-12)
    ratio2, rank2 = ratio.reshape(2, m).T, rank.reshape(2, m).T
    mutual = (rank2 == 0).all(axis=1)
    return ratio2, rank2, mutual, best


def pair_features(
    parts: PairParts,
    i: Any,
    j: Any,
    blend: Any,
    *,
    words: Sequence[Sequence[str]],
    anchors: Sequence[Sequence[str]],
    negated: Sequence[bool],
    outlet: Sequence[int],
    position: Sequence[float],
    quoted: Sequence[bool],
) -> Any:
    """The :data:`FEATURES` of candidate pairs ``(i[k], j[k])`` as a float matrix.

    ``parts`` are the pairs' block similarities and ``blend`` their lexical score; ``words`` and ``anchors`` are each piece's terms (``piece_terms``, ``anchor_terms``);
    ``negated`` whether it holds a negation; ``position`` its relative position in its article.
    """
    import numpy as np

    i, j = np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64)
    blend = np.asarray(blend, dtype=np.float64)
    n = len(words)
    s = _binary(words)
    df = np.asarray(s.sum(axis=0)).ravel()
    idf = np.log((n + 1) / (df + 1)) + 1.0
    weighted = s.multiply(idf).tocsr()
    shared_idf = rowwise(weighted, s, i, j)
    total = np.asarray(weighted.sum(axis=1)).ravel()
    union = total[i] + total[j] - shared_idf
    rare_share = np.where(union > 0, shared_idf / np.maximum(union, 1e-12), 0.0)
    shared_words = rowwise(s, s, i, j)
    rarest = _rowwise_max(weighted, s, i, j)
    names = _binary([[a for a in terms if a.startswith("e:")] for terms in anchors])
    numbers = _binary([[a for a in terms if a.startswith("n:")] for terms in anchors])
    name_count = np.asarray(names.sum(axis=1)).ravel()
    number_count = np.asarray(numbers.sum(axis=1)).ravel()
    names_shared = rowwise(names, names, i, j)
    numbers_shared = rowwise(numbers, numbers, i, j)
    size = np.array([len(w) for w in words], dtype=np.float64)
    neg = np.asarray(negated, dtype=bool)
    out_ = np.asarray(outlet, dtype=np.int64)
    pos = np.asarray(position, dtype=np.float64)
    quo = np.asarray(quoted, dtype=bool)
    ratio, rank, mutual, _ = _competition(i, j, out_, blend)
    columns = [
        blend,
        parts.words,
        parts.chars,
        parts.anchors,
        parts.quotes,
        rare_share,
        np.log1p(shared_words),
        rarest,
        np.log1p(names_shared),
        np.log1p(name_count[i] + name_count[j] - 2 * names_shared),
        np.log1p(numbers_shared),
        ((number_count[i] > 0) & (number_count[j] > 0) & (numbers_shared == 0)).astype(float),
        (neg[i] != neg[j]).astype(float),
        np.log1p(np.minimum(size[i], size[j])),
        np.log1p(np.maximum(size[i], size[j])),
        ratio.min(axis=1) if len(i) else np.zeros(0),
        ratio.max(axis=1) if len(i) else np.zeros(0),
        mutual.astype(float),
        np.minimum(rank.min(axis=1), 5) if len(i) else np.zeros(0),
        np.minimum(rank.max(axis=1), 5) if len(i) else np.zeros(0),
        np.minimum(pos[i], pos[j]),
        np.abs(pos[i] - pos[j]),
        (quo[i] & quo[j]).astype(float),
        (quo[i] ^ quo[j]).astype(float),
    ]
    return np.column_stack(columns) if len(i) else np.zeros((0, len(FEATURES)))
