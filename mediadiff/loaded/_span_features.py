"""The context features of a candidate loaded span: what the calibration turns into a probability.

Generic features only (no word of any data set): the strongest term's category, strength band,
part of speech and how it matched; negation and repetition; the span's length and growth;
capitals; the word before and after it; the inflection of the matched word.

Names
-----
span_features  a candidate span's group of matches -> named features
               (read by :class:`~mediadiff.loaded.calibration.Calibration`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..document import Token
from ..vocabulary import BE_FORMS, DEGREE_WORDS, DETERMINERS, PERSONAL_PRONOUNS, PHRASE_BREAKS
from ._match import Match

if TYPE_CHECKING:
    from .detect import LoadedSpan

__all__ = ["span_features"]


def _strength_band(x: float) -> str:
    """The name of the band a lexicon strength falls in."""
    return "lt45" if x < 0.45 else "lt55" if x < 0.55 else "lt65" if x < 0.65 else "lt75" if x < 0.75 else "ge75"


def span_features(
    source: str,
    tokens: Sequence[Token],
    starts: Sequence[int],
    initial: set[int] | frozenset[int],
    title_lines: frozenset[int],
    group: list[tuple[int, int, Match]],
    span: LoadedSpan,
) -> dict[str, float]:
    """The context of a candidate span as named features (generic: no word of any data set).

    Category, strength band and part of speech of its strongest term; how the term matched
    (a word, an expression, a written variant or derived form, a part of a hyphenated word);
    negation and repetition; the span's length and whether the span rules grew it; capitals (mid-sentence, sentence-initial, a title-case line); the word
    before (determiner, form of "be", degree adverb, pronoun) and what follows (punctuation,
    a function word, a content word); the inflection of the matched word. The term itself is
    not a feature: per-term weights learn a data set's labelling scheme (PTC files "witch hunt"
    under name calling, not loaded language) rather than the word's load. Whose voice the span is in is not a feature: a quoted loaded
    word is as loaded as the outlet's own, and :attr:`LoadedSpan.voice` says whose it is.
    """
    ranked = sorted(group, key=lambda g: (-g[2].score, g[0]))
    best = ranked[0][2]
    entry = best.entry
    first = bisect_left(starts, span.start)
    last = bisect_left(starts, span.end) - 1
    head = tokens[best.first]
    words = sum(1 for t in tokens[first : last + 1] if t.kind == "word")
    f: dict[str, float] = {
        "bias": 1.0,
        f"cat={entry.category}": 1.0,
        f"strength={_strength_band(entry.strength)}": 1.0,
        "strength": entry.strength,
        f"pos={best.pos}": 1.0,
        f"how={best.how}": 1.0,
        f"words={min(words, 4)}": 1.0,
        f"terms={min(len(span.terms), 3)}": 1.0,
    }
    if best.negated:
        f["negated"] = 1.0
    if best.repeats > 1:
        f[f"repeats={'2' if best.repeats == 2 else '3-4' if best.repeats < 5 else '5+'}"] = 1.0
    if last > best.last:
        f["grown"] = 1.0
    if source.rfind("\n", 0, span.start) + 1 in title_lines:
        f["title_line"] = 1.0
    elif head.text[:1].isupper():
        f["cap_initial" if head.start in initial else "cap_mid"] = 1.0
    if len(ranked) > 1:
        f["second_strength"] = ranked[1][2].entry.strength
    f.update(_neighbours(tokens, first, last))
    norm = head.norm
    suffix = next((x for x in ("ly", "ing", "ed", "s") if norm.endswith(x) and len(norm) > len(x) + 2), "")
    f[f"suffix={suffix or 'none'}"] = 1.0
    return f


def _neighbours(tokens: Sequence[Token], first: int, last: int) -> dict[str, float]:
    """The kind of word before token ``first`` and after token ``last``, as features."""
    f: dict[str, float] = {}
    prev = tokens[first - 1] if first > 0 else None
    if prev is None or prev.kind == "punct":
        f["prev=edge"] = 1.0
    elif prev.norm in DETERMINERS:
        f["prev=det"] = 1.0
    elif prev.norm in BE_FORMS:
        f["prev=be"] = 1.0
    elif prev.norm in DEGREE_WORDS:
        f["prev=degree"] = 1.0
    elif prev.norm in PERSONAL_PRONOUNS:
        f["prev=pronoun"] = 1.0
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if nxt is None or nxt.kind == "punct":
        f["next=edge"] = 1.0
    elif nxt.norm in PHRASE_BREAKS:
        f["next=function"] = 1.0
    else:
        f["next=content"] = 1.0
    return f
