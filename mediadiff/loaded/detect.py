"""Loaded-language detection in one text, with no comparison: lexicon matches grown into spans.

How a span is found
-------------------
1. Every word is looked up with its inflections (:func:`~mediadiff.loaded.lexicon.lemma_candidates`);
   words on the news-neutral stop list are never flagged.
2. Expressions are matched word by word, a ``…`` in the lexicon allowing a gap of up to three
   words (``snatch … away`` matches "snatched children away").
3. Negation: a ``not``/``never``/``no``/``-n't``/``without``/``hardly`` up to three words before a
   match drops an intensifier or exaggeration ("not very", "not entirely" are hedges) and halves
   the strength of anything else ("did not slam" still uses the loaded verb, but mutes it).
4. Span rules, because loaded language is often a phrase: an adjective takes the noun it loads
   ("disastrous nuclear deal"), an adverb the word it loads ("shamelessly denied"), and a noun a
   following "of" + noun phrase ("travesty of justice").
5. Spans that touch, or are joined only by "and", "or" or a comma, are merged. A span is kept
   when its strongest term reaches ``min_score``: weak terms (intensifiers such as "even" and
   "very", absolutes such as "never", "claimed") only count as part of a stronger span.
6. A term that the text repeats five times or more has its strength halved: it names the
   story's topic ("plague", "regime") rather than colouring it.
7. A span inside a direct quotation is marked ``in_quote``, and a span inside any content the
   article attributes to someone (quotation, indirect speech, statement) has ``voice="source"``
   and that ``source``: the words are a source's, not the
   outlet's.

Public names
------------
detect_loaded_language   text or Document -> list of LoadedSpan.
LoadedSpan               a loaded span: offsets, text, category, score, in_quote, matched terms.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from ..document import Article, Document, Quotation, Span, Token, covered, merged_intervals
from ..errors import InputError, check_parameter, is_real
from ..segment import find_quotations, segment, tokenize
from .lexicon import Lexicon, LexiconEntry, lemma_candidates

__all__ = ["FUNCTION_WORDS", "NEGATORS", "LoadedSpan", "detect_loaded_language"]

#: Words that negate a match up to three words later.
NEGATORS: frozenset[str] = frozenset("not no never without hardly scarcely barely nor neither cannot".split())

#: Words that end a span extension (the loaded noun phrase stops before them).
FUNCTION_WORDS: frozenset[str] = frozenset(
    """a an the this that these those his her its their our my your some any each every no all both either
    neither such which who whom whose what when where why how whether if than then as at by for from in into of
    off on onto out over to up upon with within without about above across after against along among around
    before behind below beneath beside between beyond during except inside near outside since through
    throughout toward towards under until unlike via and or but nor so yet because although though while
    is am are was were be been being has have had having do does did done will would shall should may might
    must can could i you he she it we they me him us them myself himself herself itself ourselves themselves
    said says say saying told tells according also just not never even only very too more most less least
    there here now today yesterday tomorrow again still already ever""".split()
)

_DETERMINERS = frozenset("the a an his her its their our this that these those my your".split())
_JOINERS = re.compile(r"\s*(?:,\s*)?(?:(?:and|or)\s+)?|\s*-\s*")
_DROP_WHEN_NEGATED = frozenset({"intensifier", "exaggeration"})
_MAX_ADJ_EXTENSION = 2
# Strength factor for a term that occurs 1, 2, 3, 4, 5+ times in the text.
_TOPIC_DAMPING = (1.0, 1.0, 1.0, 1.0, 0.5)
_MAX_OF_EXTENSION = 2


@dataclass(frozen=True, slots=True)
class LoadedSpan(Span):
    """A loaded-language span of a text.

    ``category`` is the lexicon category of its strongest term, ``score`` its strength from 0 to 1
    (halved under negation), ``in_quote`` whether it lies inside a direct quotation, and
    ``terms`` the lexicon terms it matched, strongest first. ``voice`` is ``"source"`` when the
    span lies inside content the article attributes to someone (a quotation, indirect speech,
    a statement: :attr:`Document.attributions`), whose ``source`` it then names as written
    (None when the article does not say who); ``"outlet"`` when the words are the outlet's own.
    """

    category: str = ""
    score: float = 0.0
    in_quote: bool = False
    terms: tuple[str, ...] = ()
    voice: Literal["outlet", "source"] = "outlet"
    source: str | None = None


@dataclass(slots=True)
class _Match:
    first: int  # token indices, inclusive
    last: int
    entry: LexiconEntry
    score: float
    pos: str


def detect_loaded_language(
    text: str | Document,
    lexicon: Lexicon | None = None,
    *,
    min_score: float = 0.5,
    extend: bool = True,
) -> list[LoadedSpan]:
    """Find loaded language in one text and say whether each span is quoted.

    Parameters
    ----------
    text : str or Document
        The text. A segmented :class:`~mediadiff.document.Document` is read through its tokens and
        quotations (boilerplate sentences are skipped), so nothing is tokenised twice.
    lexicon : Lexicon, optional
        The lexicon to use; default: the one shipped with mediadiff (:meth:`Lexicon.default`).
    min_score : float, default=0.5
        Spans whose strongest term is weaker than this are dropped. Weaker terms (``even``,
        ``very``, ``claimed``, ``never``) still join a span they touch ("even scolded"), so they
        colour a loaded phrase without being flagged on their own; pass a lower value to see them.
    extend : bool, default=True
        Whether to grow matches by the span rules (adjective + noun, adverb + word, "of" + noun
        phrase). Without it, spans are exactly the matched terms.

    Returns
    -------
    list of LoadedSpan
        In text order, non-overlapping; ``text[s.start:s.end] == s.text``.

    Examples
    --------
    >>> text = 'A “pilot program” snatched children away. Officials said “we must take away children.”'
    >>> [(s.text, s.category, s.in_quote) for s in detect_loaded_language(text)]
    [('snatched children away', 'force', False), ('take away', 'force', True)]
    >>> [s.text for s in detect_loaded_language("The ruling was not very surprising.")]
    []
    """
    check_parameter("min_score", min_score, "a float in the range [0.0, 1.0]",
                    is_real(min_score) and 0.0 <= min_score <= 1.0, "detect_loaded_language")
    if isinstance(text, Document):
        source = text.text
        tokens = tuple(t for s in text.content_sentences for t in s.tokens)
        quotations: Sequence[Quotation] = text.quotations
        document = text
    elif isinstance(text, str):
        source = text
        tokens = tokenize(text)
        quotations = find_quotations(text)
        document = segment(Article("text", text), boilerplate=False)
    else:
        raise InputError(f"detect_loaded_language expects a str or a Document, got {type(text).__name__}")
    lex = lexicon if lexicon is not None else Lexicon.default()
    matches = _damp_topics(_match(source, tokens, lex))
    matches = [m for m in (_negate(tokens, m) for m in matches) if m is not None]
    spans = []
    for m in matches:
        last = _extend(source, tokens, m) if extend else m.last
        spans.append((tokens[m.first].start, tokens[last].end, m))
    return [_voiced(s, document) for s in _merge(source, spans, quotations) if s.score >= min_score]


def _voiced(span: LoadedSpan, document: Document) -> LoadedSpan:
    """The span with its voice: the source's when the article attributes its words to someone."""
    attribution = document.attribution_at(span.start, span.end)
    if attribution is None:
        return span
    return replace(span, voice="source", source=attribution.source.text if attribution.source else None)


def _breaks(source: str, left: Token, right: Token) -> bool:
    """Whether a line break separates two neighbouring tokens (no span crosses it)."""
    return "\n" in source[left.end:right.start]


def _match(source: str, tokens: Sequence[Token], lex: Lexicon) -> list[_Match]:
    found: list[_Match] = []
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
                if gap and (tokens[j - 1].kind == "punct" or _breaks(source, tokens[j - 2], tokens[j - 1])):
                    return None
                got = rest(pattern, k + 1, j)
                if got is not None:
                    return got
            return None
        if i >= n or tokens[i].kind == "punct" or _breaks(source, tokens[i - 1], tokens[i]):
            return None
        if el == tokens[i].norm or el in cands[i]:
            return rest(pattern, k + 1, i + 1)
        return None

    names = _name_like(source, tokens)
    for i, tok in enumerate(tokens):
        if tok.kind != "word":
            continue
        entries = [] if i in names else lex.lookup(tok.norm)
        if entries:
            entry = max(entries, key=lambda e: e.strength)
            pos = entry.pos
            if pos == "adj" and tok.norm.endswith("ly") and not entry.words[0].endswith("ly"):  # type: ignore[union-attr]
                pos = "adv"
            found.append(_Match(i, i, entry, entry.strength, pos))
        for entry in lex.phrases_starting(cands[i]):
            last = rest(entry.words, 1, i + 1)
            if last is not None:
                found.append(_Match(i, last, entry, entry.strength, "phrase"))
    return found


def _damp_topics(matches: list[_Match]) -> list[_Match]:
    """Mute a term that the text repeats: it names the story's topic rather than colouring it."""
    counts: dict[str, int] = {}
    for m in matches:
        counts[m.entry.term] = counts.get(m.entry.term, 0) + 1
    out = []
    for m in matches:
        n = counts[m.entry.term]
        factor = _TOPIC_DAMPING[min(n, len(_TOPIC_DAMPING)) - 1]
        out.append(_Match(m.first, m.last, m.entry, m.score * factor, m.pos) if factor != 1.0 else m)
    return out


def _name_like(source: str, tokens: Sequence[Token]) -> set[int]:
    """Indices of capitalised words inside a name ("Dana Bash", "Fury Road"), not a title-case headline.

    A word counts when it is capitalised, not the first of its sentence, next to another
    capitalised word, and its line is not mostly capitalised words (a headline); then so does
    every capitalised use of such a word elsewhere in the text ("Bash told ...").
    """
    out: set[int] = set()
    caps = [t.kind == "word" and t.text[:1].isupper() and not t.text.isupper() for t in tokens]
    line_of = [source.rfind("\n", 0, t.start) + 1 for t in tokens]
    long_words: dict[int, list[int]] = {}
    for i, t in enumerate(tokens):
        if t.kind == "word" and len(t.text) > 3:
            long_words.setdefault(line_of[i], []).append(int(t.text[:1].isupper()))
    line_share = {line: sum(flags) / len(flags) for line, flags in long_words.items()}
    for i, tok in enumerate(tokens):
        if not caps[i] or i == 0 or tokens[i - 1].text in ".!?\"“”'‘’:" or _breaks(source, tokens[i - 1], tok):
            continue
        if not ((caps[i - 1]) or (i + 1 < len(tokens) and caps[i + 1] and not _breaks(source, tok, tokens[i + 1]))):
            continue
        line_start = line_of[i]
        line_share.setdefault(line_start, 0.0)
        if line_share[line_start] < 0.6:
            out.add(i)
    # a surname the text has used in a name is a name wherever it is capitalised: "John Bash ...
    # Bash told his staff" (not the verb "bash")
    known = {tokens[i].norm for i in out}
    out.update(i for i, t in enumerate(tokens) if caps[i] and t.norm in known)
    return out


def _negate(tokens: Sequence[Token], m: _Match) -> _Match | None:
    if m.entry.words[0] in NEGATORS:
        return m
    for j in range(m.first - 1, max(-1, m.first - 4), -1):
        tok = tokens[j]
        if tok.kind == "punct":
            break
        if tok.norm in NEGATORS or tok.norm.endswith("n't"):
            if m.entry.category in _DROP_WHEN_NEGATED:
                return None
            return _Match(m.first, m.last, m.entry, m.score * 0.5, m.pos)
    return m


def _content(tok: Token) -> bool:
    return tok.kind == "word" and tok.norm not in FUNCTION_WORDS and not tok.norm.endswith("n't")


def _extend(source: str, tokens: Sequence[Token], m: _Match) -> int:
    """The last token index of ``m`` grown by the span rules."""
    last = m.last
    n = len(tokens)

    def take(limit: int, at: int) -> int:
        got = at
        while got + 1 < n and got - at < limit and _content(tokens[got + 1]) and not _breaks(
            source, tokens[got], tokens[got + 1]
        ):
            got += 1
        return got

    nounish = m.pos == "noun"
    if m.pos == "adj":
        grown = take(_MAX_ADJ_EXTENSION, last)
        nounish = grown > last
        last = grown
    elif m.pos == "adv":
        last = take(1, last)
    if nounish and last + 2 < n and tokens[last + 1].norm == "of" and not _breaks(source, tokens[last], tokens[last + 1]):
        j = last + 2
        if tokens[j].norm in _DETERMINERS and j + 1 < n:
            j += 1
        if _content(tokens[j]):
            last = take(_MAX_OF_EXTENSION - 1, j)
    return last


def _merge(source: str, spans: list[tuple[int, int, _Match]], quotations: Sequence[Quotation]) -> list[LoadedSpan]:
    """Join overlapping or adjacent matches (within one quotation) into spans; mark quoted ones."""
    quoted = merged_intervals(quotations)
    marks = sorted({q.mark_start for q in quotations} | {q.mark_end - 1 for q in quotations})
    spans.sort(key=lambda s: (s[0], -s[1]))
    groups: list[list[tuple[int, int, _Match]]] = []
    for span in spans:
        if groups:
            g_end = max(e for _, e, _ in groups[-1])
            if span[0] <= g_end or _JOINERS.fullmatch(source[g_end:span[0]]) and _same_quote(g_end, span[0], marks):
                groups[-1].append(span)
                continue
        groups.append([span])
    out = []
    for group in groups:
        start = min(s for s, _, _ in group)
        end = max(e for _, e, _ in group)
        ranked = sorted(group, key=lambda s: (-s[2].score, s[0]))
        best = ranked[0][2]
        terms = tuple(dict.fromkeys(s[2].entry.term for s in ranked))
        in_quote = covered(quoted, start, end)
        out.append(
            LoadedSpan(start, end, source[start:end], category=best.entry.category, score=round(best.score, 4),
                       in_quote=in_quote, terms=terms)
        )
    return out


def _same_quote(a: int, b: int, marks: Sequence[int]) -> bool:
    """Whether no quotation mark lies in ``[a, b)``; ``marks`` are the sorted mark positions."""
    i = bisect_left(marks, a)
    return i >= len(marks) or marks[i] >= b
