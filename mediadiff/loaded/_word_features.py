"""The features of each word of a text, as the trainable tagger (``model``) reads them.

A word's form and base form (inflections undone by the lexicon's suffix rules), suffix and shape,
its lexicon category and strength, whether and where the default detector's span (at any
strength) covers it, the same for the words up to two either side, whether it is quoted, its
position in the sentence, how often the text repeats it, and how loaded the whole text reads.

Names
-----
Features    a word's named features (name -> value).
Featurised  one text's word tokens, their feature dicts and their strongest lexicon entries.
featurise   text -> Featurised.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..document import Span, Token, covered, merged_intervals
from ..segment import find_quotations, split_sentences, tokenize
from .detect import FUNCTION_WORDS, LoadedSpan, detect_loaded_language
from .lexicon import Lexicon, LexiconEntry, lemma_candidates

__all__ = ["Features", "Featurised", "featurise"]

Features = dict[str, float]


def _bucket(x: float, edges: Sequence[float]) -> int:
    """The index of the first edge ``x`` does not exceed (``len(edges)`` past the last)."""
    for i, edge in enumerate(edges):
        if x <= edge:
            return i
    return len(edges)


def _shape(word: str) -> str:
    """The word's shape: all capitals, capitalised, with a digit, or lower case."""
    if len(word) > 1 and word.isupper():
        return "XX"
    if word[:1].isupper():
        return "Xx"
    if any(ch.isdigit() for ch in word):
        return "d"
    return "x"


class Featurised:
    """One text's word tokens, their feature dicts and their strongest lexicon entries."""

    __slots__ = ("entries", "features", "words")

    def __init__(self, words: list[Token], features: list[Features], entries: list[LexiconEntry | None]) -> None:
        self.words = words
        self.features = features
        self.entries = entries


def featurise(text: str, lex: Lexicon) -> Featurised:
    """Feature dicts for the word tokens of ``text`` (see the module docstring for the list)."""
    words = [t for t in tokenize(text) if t.kind == "word"]
    detected = detect_loaded_language(text, lex, min_score=0.0)
    bases, entries = _lexicon_forms(words, lex)
    freq: dict[str, int] = {}
    for b in bases:
        freq[b] = freq.get(b, 0) + 1
    strong = sum(1 for s in detected if s.score >= 0.5)
    context = _Context(
        words=words,
        bases=bases,
        entries=entries,
        covering=_covering(words, detected),
        quoted=_quoted(words, find_quotations(text)),
        places=_places(words, split_sentences(text)),
        freq=freq,
        density=f"density={_bucket(100 * strong / max(1, len(words)), (0.5, 1, 2, 3))}",
    )
    return Featurised(words, [_word_features(context, k) for k in range(len(words))], entries)


class _Context(NamedTuple):
    """What the features of one word read: the text's words and what was found for each of them."""

    words: list[Token]
    bases: list[str]
    entries: list[LexiconEntry | None]
    covering: list[LoadedSpan | None]
    quoted: list[bool]
    places: list[tuple[int, int, int]]
    freq: dict[str, int]
    density: str


def _lexicon_forms(words: Sequence[Token], lex: Lexicon) -> tuple[list[str], list[LexiconEntry | None]]:
    """Each word's base form (inflections undone by the lexicon's suffix rules) and its strongest
    lexicon entry (None when the lexicon has none)."""
    known: dict[str, tuple[str, LexiconEntry | None]] = {}  # norm -> (base form, strongest entry)
    for t in words:
        if t.norm not in known:
            found = lex.lookup(t.norm)
            if found:
                known[t.norm] = (found[0].words[0] or t.norm, max(found, key=lambda e: e.strength))
            else:
                cands = lemma_candidates(t.norm)
                known[t.norm] = (cands[1] if len(cands) > 1 and len(t.norm) > 5 else t.norm, None)
    return [known[t.norm][0] for t in words], [known[t.norm][1] for t in words]


def _covering(words: Sequence[Token], detected: Sequence[LoadedSpan]) -> list[LoadedSpan | None]:
    """The detector's span over each word (spans are in text order and do not overlap)."""
    covering: list[LoadedSpan | None] = [None] * len(words)
    d = 0
    for k, t in enumerate(words):
        while d < len(detected) and detected[d].end <= t.start:
            d += 1
        if d < len(detected) and detected[d].start <= t.start and t.end <= detected[d].end:
            covering[k] = detected[d]
    return covering


def _quoted(words: Sequence[Token], quotes: Iterable[Span]) -> list[bool]:
    """Whether each word is quoted: inside the quotations joined where they nest or touch."""
    index = merged_intervals(quotes)
    return [covered(index, t.start, t.end) for t in words]


def _places(words: Sequence[Token], sentences: Sequence[Span]) -> list[tuple[int, int, int]]:
    """Each word's sentence, its place in that sentence and the sentence's length (in words)."""
    sent_of: list[int] = []
    s = 0
    for t in words:
        while s + 1 < len(sentences) and t.start >= sentences[s].end:
            s += 1
        sent_of.append(s)
    length: dict[int, int] = {}
    place: list[int] = []
    for k in range(len(words)):
        place.append(length.get(sent_of[k], 0))
        length[sent_of[k]] = place[-1] + 1
    return [(sent_of[k], place[k], length[sent_of[k]]) for k in range(len(words))]


def _word_features(c: _Context, k: int) -> Features:
    """The feature dict of word ``k``."""
    t, n = c.words[k], len(c.words)
    f: Features = {
        "bias": 1.0,
        c.density: 1.0,
        f"w={c.bases[k]}": 1.0,
        f"low={t.norm}": 1.0,
        f"suf={t.norm[-3:]}": 1.0,
        f"shape={_shape(t.text)}": 1.0,
    }
    if t.norm in FUNCTION_WORDS:
        f["function"] = 1.0
    entry = c.entries[k]
    if entry is not None:
        f[f"lex={entry.category}"] = 1.0
        f["lex_strength"] = entry.strength
        f[f"lex_pos={entry.pos}"] = 1.0
    span = c.covering[k]
    if span is not None:
        f["det_begin" if span.start == t.start else "det_inside"] = 1.0
        f[f"det={span.category}"] = 1.0
        f["det_score"] = span.score
        f[f"det_strong={span.score >= 0.5}"] = 1.0
    else:
        f["det_none"] = 1.0
    for off in (-2, -1, 1, 2):
        j = k + off
        if 0 <= j < n:
            f[f"{off:+d}w={c.bases[j]}"] = 1.0
            other = c.entries[j]
            if other is not None:
                f[f"{off:+d}lex={other.category}"] = 1.0
            if abs(off) == 1 and c.covering[j] is not None:
                f[f"{off:+d}det"] = 1.0
        else:
            f[f"{off:+d}w=<edge>"] = 1.0
    if c.quoted[k]:
        f["in_quote"] = 1.0
    sentence, p, size = c.places[k]
    f[f"place={_bucket(p, (0, 1, 3, 6, 12))}"] = 1.0
    f[f"third={min(2, 3 * p // max(1, size))}"] = 1.0
    f[f"repeat={_bucket(c.freq[c.bases[k]], (1, 2, 4))}"] = 1.0
    if sentence == 0:
        f["first_sentence"] = 1.0
    return f
