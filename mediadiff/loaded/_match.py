"""Lexicon matches over a text's tokens, before they grow into spans.

Every word is looked up with its inflections and written variants (a hyphenated word that is no
entry is read through its parts); expressions are matched word by word, a gap allowing up to
``max_gap`` words; the guards (``_guards``) drop names and misread forms. Then a negation
before a match drops or mutes it, and a term the text repeats five times or more is halved.

Names
-----
Match        one match: token range, lexicon entry, score, part of speech, how it matched.
match_terms  every lexicon word and expression in the tokens (guards applied).
negate       a match after a negation: dropped (intensifiers, exaggerations) or halved.
damp_topics  the matches with a term the text repeats muted (it names the story's topic).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .._inflect import lemma_candidates
from ..document import Token
from ..vocabulary import NEGATORS
from ._guards import breaks, misread, name_like
from .lexicon import Lexicon, LexiconEntry

__all__ = ["Match", "damp_topics", "match_terms", "negate"]

_DROP_WHEN_NEGATED = frozenset({"intensifier", "exaggeration"})
# Strength factor for a term that occurs 1, 2, 3, 4, 5+ times in the text.
_TOPIC_DAMPING = (1.0, 1.0, 1.0, 1.0, 0.5)
# The shortest part of a hyphenated word that is looked up on its own.
_MIN_PART = 4


@dataclass(slots=True)
class Match:
    """One lexicon match: tokens ``first`` to ``last`` (inclusive), its entry and score."""

    first: int  # token indices, inclusive
    last: int
    entry: LexiconEntry
    score: float
    pos: str
    how: str = "word"  # word, phrase, variant (hyphenated/derived form) or part (of a hyphenated word)
    negated: bool = False
    repeats: int = 1


def match_terms(source: str, tokens: Sequence[Token], lex: Lexicon) -> list[Match]:
    """Every lexicon word and expression in ``tokens``, in token order, guards applied."""
    found: list[Match] = []
    n = len(tokens)
    cands = [lemma_candidates(t.norm) if t.kind != "punct" else () for t in tokens]

    def rest(pattern: tuple[str | None, ...], k: int, i: int) -> int | None:
        """Index of the last token matching ``pattern[k:]`` from token ``i`` on, or None."""
        if k == len(pattern):
            return i - 1
        el = pattern[k]
        if el is None:
            for gap in range(lex.max_gap + 1):
                j = i + gap
                if j > n:
                    return None
                if gap and (tokens[j - 1].kind == "punct" or breaks(source, tokens[j - 2], tokens[j - 1])):
                    return None
                got = rest(pattern, k + 1, j)
                if got is not None:
                    return got
            return None
        if i >= n or tokens[i].kind == "punct" or breaks(source, tokens[i - 1], tokens[i]):
            return None
        if el == tokens[i].norm or el in cands[i]:
            return rest(pattern, k + 1, i + 1)
        return None

    names = name_like(source, tokens)
    for i, tok in enumerate(tokens):
        if tok.kind != "word" or i in names:
            continue
        entries = lex.lookup(tok.norm)
        how = "word"
        if not entries and "-" in tok.norm.strip("-"):
            # a hyphenated word none of whose written forms is an entry: its parts ("power-hungry")
            parts = [p for p in tok.norm.split("-") if len(p) >= _MIN_PART and not lex.is_neutral(p)]
            entries = [e for p in parts for e in lex.lookup(p) if not e.exact]
            how = "part"
        entries = [e for e in entries if not misread(tokens, i, e)]  # "cowardly": not the noun, the adjective
        if entries:
            entry = max(entries, key=lambda e: e.strength)
            if how == "word" and entry.words != (tok.norm,) and entry.words[0] not in cands[i]:
                how = "variant"  # matched through a written variant or a derived base form
            pos = entry.pos
            if pos == "adj" and tok.norm.endswith("ly") and not (entry.words[0] or "").endswith("ly"):
                pos = "adv"
            found.append(Match(i, i, entry, entry.strength, pos, how))
        for entry in lex.phrases_starting(cands[i]):
            last = rest(entry.words, 1, i + 1)
            if last is not None:
                how = "phrase" if entry.words == _split_words(entry.term) else "variant"
                found.append(Match(i, last, entry, entry.strength, "phrase", how))
    return found


def _split_words(term: str) -> tuple[str | None, ...]:
    """The pattern of a term as written (to tell a written variant from the term itself)."""
    return LexiconEntry(term, "x", 0.0).words


def damp_topics(matches: list[Match]) -> list[Match]:
    """Mute a term that the text repeats: it names the story's topic rather than colouring it."""
    counts: dict[str, int] = {}
    for m in matches:
        counts[m.entry.term] = counts.get(m.entry.term, 0) + 1
    out = []
    for m in matches:
        n = counts[m.entry.term]
        factor = _TOPIC_DAMPING[min(n, len(_TOPIC_DAMPING)) - 1]
        out.append(Match(m.first, m.last, m.entry, m.score * factor, m.pos, m.how, m.negated, n))
    return out


def negate(tokens: Sequence[Token], m: Match) -> Match | None:
    """``m`` after a negation up to three words before it: None (an intensifier or exaggeration is
    a hedge when negated), else halved; ``m`` itself when nothing negates it."""
    if m.entry.words[0] in NEGATORS:
        return m
    for j in range(m.first - 1, max(-1, m.first - 4), -1):
        tok = tokens[j]
        if tok.kind == "punct":
            break
        if tok.norm in NEGATORS or tok.norm.endswith("n't"):
            if m.entry.category in _DROP_WHEN_NEGATED:
                return None
            return Match(m.first, m.last, m.entry, m.score * 0.5, m.pos, m.how, True, m.repeats)
    return m
