"""Loaded-language detection in one text, with no comparison: lexicon matches grown into spans.

How a span is found
-------------------
1. Every word is looked up with its inflections (:func:`~mediadiff.loaded.lexicon.lemma_candidates`)
   and in its written variants (hyphenated, open, closed: "knee-jerk", "knee jerk", "kneejerk";
   a participle entry also stands for its verb: "humiliated" -> humiliate); a hyphenated word
   that is no entry is read through its parts ("power-hungry"). Words on the news-neutral stop
   list are never flagged.
2. Guards: a capitalised word that is part of a name is not a word of the lexicon ("Dana
   Bash"; a word the prose capitalises mid-sentence; a sentence's first word followed by
   another capitalised word, "Savage Arms said", unless the text also writes it in lower
   case), and an irregular past form after a determiner is a noun ("a bit" is not "bite").
3. Expressions are matched word by word, a ``…`` in the lexicon allowing a gap of up to three
   words (``snatch … away`` matches "snatched children away").
4. Negation: a ``not``/``never``/``no``/``-n't``/``without``/``hardly`` up to three words before a
   match drops an intensifier or exaggeration ("not very", "not entirely" are hedges) and halves
   the strength of anything else ("did not slam" still uses the loaded verb, but mutes it).
5. Span rules, because loaded language is often a phrase: an adjective takes the noun it loads
   ("disastrous nuclear deal"), an adverb the word it loads ("shamelessly denied"), and a noun a
   following "of" + noun phrase ("travesty of justice").
6. Spans that touch, or are joined only by "and", "or" or a comma, are merged. A term that the
   text repeats five times or more has its strength halved: it names the story's topic.
7. Score: the calibrated probability that a reader marks the span as loaded, from its context
   (:mod:`mediadiff.loaded.calibration`); a span is kept when it reaches the calibration's one
   threshold. With ``calibrated=False`` the score is the strongest term's strength and weak
   terms ("even", "very", "claimed") only count as part of a stronger span.
8. A span inside a direct quotation is marked ``in_quote``, and a span inside any content the
   article attributes to someone (quotation, indirect speech, statement) has ``voice="source"``
   and that ``source``: the words are a source's, not the outlet's.

Public names
------------
detect_loaded_language   text or Document -> list of LoadedSpan.
loaded_candidates        every lexicon span with the context features the calibration reads.
LoadedSpan               a loaded span: offsets, text, category, score, in_quote, matched terms.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from ..document import Article, Document, Intervals, Quotation, Span, Token, covered, merged_intervals
from ..errors import InputError, check_parameter, is_real
from ..segment import find_quotations, segment, tokenize
from ..vocabulary import BE_FORMS, DEGREE_WORDS, DETERMINERS, NEGATORS, PERSONAL_PRONOUNS, PHRASE_BREAKS
from .calibration import Calibration
from .lexicon import IRREGULAR_FORMS, Lexicon, LexiconEntry, lemma_candidates

__all__ = ["FUNCTION_WORDS", "NEGATORS", "LoadedSpan", "detect_loaded_language", "loaded_candidates"]

# NEGATORS (words that negate a match up to three words later) and FUNCTION_WORDS (words that end
# a span extension: the vocabulary's PHRASE_BREAKS) are the vocabulary's, re-exported here.
FUNCTION_WORDS: frozenset[str] = PHRASE_BREAKS

_JOINERS = re.compile(r"\s*(?:,\s*)?(?:(?:and|or)\s+)?|\s*-\s*")
_DROP_WHEN_NEGATED = frozenset({"intensifier", "exaggeration"})
_MAX_ADJ_EXTENSION = 2
# Strength factor for a term that occurs 1, 2, 3, 4, 5+ times in the text.
_TOPIC_DAMPING = (1.0, 1.0, 1.0, 1.0, 0.5)
_MAX_OF_EXTENSION = 2
# The shortest part of a hyphenated word that is looked up on its own.
_MIN_PART = 4


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
    how: str = "word"  # word, phrase, variant (hyphenated/derived form) or part (of a hyphenated word)
    negated: bool = False
    repeats: int = 1


def detect_loaded_language(
    text: str | Document,
    lexicon: Lexicon | None = None,
    *,
    min_score: float | None = None,
    extend: bool = True,
    calibrated: bool = False,
) -> list[LoadedSpan]:
    """Find loaded language in one text and say whether each span is quoted.

    Parameters
    ----------
    text : str or Document
        The text. A segmented :class:`~mediadiff.document.Document` is read through its tokens and
        quotations (boilerplate sentences are skipped), so nothing is tokenised twice.
    lexicon : Lexicon, optional
        The lexicon to use; default: the one shipped with mediadiff (:meth:`Lexicon.default`).
    min_score : float, optional
        Spans scoring below this are dropped. Default: 0.5 on the lexicon strength, where weaker
        terms (``even``, ``very``, ``claimed``) only count as part of a stronger span; with
        ``calibrated=True``, the calibration's one threshold (:attr:`Calibration.threshold
        <mediadiff.loaded.calibration.Calibration>`, 0.225 in the shipped file). Pass 0.0 to
        see every candidate.
    extend : bool, default=True
        Whether to grow matches by the span rules (adjective + noun, adverb + word, "of" + noun
        phrase). Without it, spans are exactly the matched terms.
    calibrated : bool, default=False
        Whether ``score`` is the strongest term's lexicon strength (halved under negation,
        halved for a term repeated five times: the default) or, with True, the calibrated
        probability that a reader marks the span as loaded
        (:class:`~mediadiff.loaded.calibration.Calibration`: the context decides). The
        calibration is opt-in: it is fitted on research data whose licences do not let the
        defaults depend on it, and out of sample it does not beat the lexicon score on every
        set (docs/lexicon.md).

    Returns
    -------
    list of LoadedSpan
        In text order, non-overlapping; ``text[s.start:s.end] == s.text``.

    Examples
    --------
    >>> text = 'A “pilot program” snatched children away. Officials said “we must take away children.”'
    >>> [(s.text, s.category, s.in_quote) for s in detect_loaded_language(text)]
    [('snatched children away', 'force', False), ('take away', 'force', True)]
    >>> [(s.text, s.in_quote) for s in detect_loaded_language(text, calibrated=True)]
    [('snatched children away', False)]
    >>> [s.text for s in detect_loaded_language("The ruling was not very surprising.")]
    []
    """
    check_parameter(
        "min_score",
        min_score,
        "None or a float in the range [0.0, 1.0]",
        min_score is None or (is_real(min_score) and 0.0 <= min_score <= 1.0),
        "detect_loaded_language",
    )
    source, tokens, quotations, document = _read(text)
    lex = lexicon if lexicon is not None else Lexicon.default()
    candidates = _candidates(source, tokens, quotations, document, lex, extend)
    if not calibrated:
        threshold = 0.5 if min_score is None else min_score
        return [span for span, _ in candidates if span.score >= threshold]
    calibration = Calibration.default()
    threshold = calibration.threshold if min_score is None else min_score
    out = []
    for span, features in candidates:
        p = round(calibration.probability(features), 4)
        if p >= threshold:
            out.append(replace(span, score=p))
    return out


def loaded_candidates(
    text: str | Document, lexicon: Lexicon | None = None, *, extend: bool = True
) -> list[tuple[LoadedSpan, dict[str, float]]]:
    """Every lexicon span of a text, however weak, with the context features the calibration reads.

    The spans are those of ``detect_loaded_language(text, lexicon, calibrated=False,
    min_score=0.0)`` (``score`` is the lexicon strength); the features are what
    :class:`~mediadiff.loaded.calibration.Calibration` turns into a probability. This is the
    seam where a calibration is fitted (``bench/fit_loaded_calibration.py``).

    Examples
    --------
    >>> [(s.text, f["cat=force"]) for s, f in loaded_candidates("Critics slammed the plan.")]
    [('slammed', 1.0)]
    """
    source, tokens, quotations, document = _read(text)
    lex = lexicon if lexicon is not None else Lexicon.default()
    return _candidates(source, tokens, quotations, document, lex, extend)


def _read(text: str | Document) -> tuple[str, Sequence[Token], Sequence[Quotation], Document]:
    if isinstance(text, Document):
        tokens = tuple(t for s in text.content_sentences for t in s.tokens)
        return text.text, tokens, text.quotations, text
    if isinstance(text, str):
        return text, tokenize(text), find_quotations(text), segment(Article("text", text), boilerplate=False)
    raise InputError(f"detect_loaded_language expects a str or a Document, got {type(text).__name__}")


def _candidates(
    source: str,
    tokens: Sequence[Token],
    quotations: Sequence[Quotation],
    document: Document,
    lex: Lexicon,
    extend: bool,
) -> list[tuple[LoadedSpan, dict[str, float]]]:
    matches = _damp_topics(_match(source, tokens, lex))
    matches = [m for m in (_negate(tokens, m) for m in matches) if m is not None]
    spans = []
    for m in matches:
        last = _extend(source, tokens, m) if extend else m.last
        spans.append((tokens[m.first].start, tokens[last].end, m))
    groups = _group(source, spans, quotations)
    if not groups:
        return []
    starts = [t.start for t in tokens]
    initial = {s.tokens[0].start for s in document.sentences if s.tokens}
    title_lines = _title_case_lines(source, tokens)
    quoted = merged_intervals(quotations)
    out = []
    for group in groups:
        span = _voiced(_span(source, group, quoted), document)
        out.append((span, _features(source, tokens, starts, initial, title_lines, group, span)))
    return out


def _voiced(span: LoadedSpan, document: Document) -> LoadedSpan:
    """The span with its voice: the source's when the article attributes its words to someone."""
    attribution = document.attribution_at(span.start, span.end)
    if attribution is None:
        return span
    return replace(span, voice="source", source=attribution.source.text if attribution.source else None)


def _breaks(source: str, left: Token, right: Token) -> bool:
    """Whether a line break separates two neighbouring tokens (no span crosses it)."""
    return "\n" in source[left.end : right.start]


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
        if tok.kind != "word" or i in names:
            continue
        entries = lex.lookup(tok.norm)
        how = "word"
        if not entries and "-" in tok.norm.strip("-"):
            # a hyphenated word none of whose written forms is an entry: its parts ("power-hungry")
            parts = [p for p in tok.norm.split("-") if len(p) >= _MIN_PART and not lex.is_neutral(p)]
            entries = [e for p in parts for e in lex.lookup(p) if not e.exact]
            how = "part"
        if entries:
            entry = max(entries, key=lambda e: e.strength)
            if how == "word" and entry.words != (tok.norm,) and entry.words[0] not in cands[i]:
                how = "variant"  # matched through a written variant or a derived base form
            pos = entry.pos
            if pos == "adj" and tok.norm.endswith("ly") and not (entry.words[0] or "").endswith("ly"):
                pos = "adv"
            if not _misread(tokens, i, entry):
                found.append(_Match(i, i, entry, entry.strength, pos, how))
        for entry in lex.phrases_starting(cands[i]):
            last = rest(entry.words, 1, i + 1)
            if last is not None:
                how = "phrase" if entry.words == _split_words(entry.term) else "variant"
                found.append(_Match(i, last, entry, entry.strength, "phrase", how))
    return found


def _split_words(term: str) -> tuple[str | None, ...]:
    return LexiconEntry(term, "x", 0.0).words


def _misread(tokens: Sequence[Token], i: int, entry: LexiconEntry) -> bool:
    """Whether a verb entry's match through an irregular past form is another word: right after a
    determiner, such a form is a noun ("a bit" is not "bite", "the shot" not "to shoot");
    regular forms and the base ("an ambush", "the rigged vote") are left to the entry."""
    norm = tokens[i].norm
    if entry.pos != "verb" or i == 0 or IRREGULAR_FORMS.get(norm) != entry.words[0]:
        return False
    return tokens[i - 1].norm in DETERMINERS


def _damp_topics(matches: list[_Match]) -> list[_Match]:
    """Mute a term that the text repeats: it names the story's topic rather than colouring it."""
    counts: dict[str, int] = {}
    for m in matches:
        counts[m.entry.term] = counts.get(m.entry.term, 0) + 1
    out = []
    for m in matches:
        n = counts[m.entry.term]
        factor = _TOPIC_DAMPING[min(n, len(_TOPIC_DAMPING)) - 1]
        out.append(_Match(m.first, m.last, m.entry, m.score * factor, m.pos, m.how, m.negated, n))
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
    # a word the prose capitalises mid-sentence is a name ("said Savage"), and so is a
    # sentence's capitalised first word followed by another capitalised word ("Savage Arms
    # said"), unless the text also writes it in lower case (then it is the ordinary word)
    lower = {t.norm for t in tokens if t.kind == "word" and t.text[:1].islower()}
    for i, tok in enumerate(tokens):
        if not caps[i] or tok.norm in lower or line_share.get(line_of[i], 0.0) >= 0.6:
            continue
        initial = i == 0 or tokens[i - 1].text in ".!?\"“”'‘’:" or _breaks(source, tokens[i - 1], tok)
        if not initial and tokens[i - 1].kind == "word":
            out.add(i)
        elif initial and i + 1 < len(tokens) and caps[i + 1] and not _breaks(source, tok, tokens[i + 1]):
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
            return _Match(m.first, m.last, m.entry, m.score * 0.5, m.pos, m.how, True, m.repeats)
    return m


def _content(tok: Token) -> bool:
    return tok.kind == "word" and tok.norm not in FUNCTION_WORDS and not tok.norm.endswith("n't")


def _extend(source: str, tokens: Sequence[Token], m: _Match) -> int:
    """The last token index of ``m`` grown by the span rules."""
    last = m.last
    n = len(tokens)

    def take(limit: int, at: int) -> int:
        got = at
        while (
            got + 1 < n
            and got - at < limit
            and _content(tokens[got + 1])
            and not _breaks(source, tokens[got], tokens[got + 1])
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
    if (
        nounish
        and last + 2 < n
        and tokens[last + 1].norm == "of"
        and not _breaks(source, tokens[last], tokens[last + 1])
    ):
        j = last + 2
        if tokens[j].norm in DETERMINERS and j + 1 < n:
            j += 1
        if _content(tokens[j]):
            last = take(_MAX_OF_EXTENSION - 1, j)
    return last


def _group(
    source: str, spans: list[tuple[int, int, _Match]], quotations: Sequence[Quotation]
) -> list[list[tuple[int, int, _Match]]]:
    """Overlapping or adjacent matches (within one quotation), joined into groups in text order."""
    marks = sorted({q.mark_start for q in quotations} | {q.mark_end - 1 for q in quotations})
    spans.sort(key=lambda s: (s[0], -s[1]))
    groups: list[list[tuple[int, int, _Match]]] = []
    for span in spans:
        if groups:
            g_end = max(e for _, e, _ in groups[-1])
            if span[0] <= g_end or _JOINERS.fullmatch(source[g_end : span[0]]) and _same_quote(g_end, span[0], marks):
                groups[-1].append(span)
                continue
        groups.append([span])
    return groups


def _span(source: str, group: list[tuple[int, int, _Match]], quoted: Intervals) -> LoadedSpan:
    """A group of matches as one span: its strongest term's category and strength."""
    start = min(s for s, _, _ in group)
    end = max(e for _, e, _ in group)
    ranked = sorted(group, key=lambda s: (-s[2].score, s[0]))
    best = ranked[0][2]
    terms = tuple(dict.fromkeys(s[2].entry.term for s in ranked))
    return LoadedSpan(
        start,
        end,
        source[start:end],
        category=best.entry.category,
        score=round(best.score, 4),
        in_quote=covered(quoted, start, end),
        terms=terms,
    )


def _title_case_lines(source: str, tokens: Sequence[Token]) -> frozenset[int]:
    """Starts of lines written in title case (headlines): most of their longer words capitalised."""
    counts: dict[int, list[int]] = {}
    for t in tokens:
        if t.kind == "word" and len(t.text) > 3:
            counts.setdefault(source.rfind("\n", 0, t.start) + 1, []).append(int(t.text[:1].isupper()))
    return frozenset(line for line, flags in counts.items() if len(flags) >= 2 and sum(flags) / len(flags) >= 0.6)


def _strength_band(x: float) -> str:
    return "lt45" if x < 0.45 else "lt55" if x < 0.55 else "lt65" if x < 0.65 else "lt75" if x < 0.75 else "ge75"


def _features(
    source: str,
    tokens: Sequence[Token],
    starts: Sequence[int],
    initial: set[int] | frozenset[int],
    title_lines: frozenset[int],
    group: list[tuple[int, int, _Match]],
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
    elif nxt.norm in FUNCTION_WORDS:
        f["next=function"] = 1.0
    else:
        f["next=content"] = 1.0
    norm = head.norm
    suffix = next((x for x in ("ly", "ing", "ed", "s") if norm.endswith(x) and len(norm) > len(x) + 2), "")
    f[f"suffix={suffix or 'none'}"] = 1.0
    return f


def _same_quote(a: int, b: int, marks: Sequence[int]) -> bool:
    """Whether no quotation mark lies in ``[a, b)``; ``marks`` are the sorted mark positions."""
    i = bisect_left(marks, a)
    return i >= len(marks) or marks[i] >= b
