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

Steps 1, 3, 4 and the damping of 6 live in ``_match``, the guards of 2 in ``_guards``,
the span rules (5, 6) here, and the context features that 7 scores in ``_span_features``.

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

from .._inflect import looks_past
from ..document import Article, Document, Intervals, Quotation, Span, Token, covered, merged_intervals
from ..errors import InputError, check_parameter, is_real
from ..segment import find_quotations, segment, tokenize
from ..vocabulary import DETERMINERS, NEGATORS, PHRASE_BREAKS
from ._guards import breaks, title_case_lines
from ._match import Match, damp_topics, match_terms, negate
from ._span_features import span_features
from .calibration import Calibration
from .lexicon import Lexicon

__all__ = ["FUNCTION_WORDS", "NEGATORS", "LoadedSpan", "detect_loaded_language", "loaded_candidates"]

# NEGATORS (words that negate a match up to three words later) and FUNCTION_WORDS (words that end
# a span extension: the vocabulary's PHRASE_BREAKS) are the vocabulary's, re-exported here.
FUNCTION_WORDS: frozenset[str] = PHRASE_BREAKS

_JOINERS = re.compile(r"\s*(?:,\s*)?(?:(?:and|or)\s+)?|\s*-\s*")
_MAX_ADJ_EXTENSION = 2
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
    """The text, its tokens (content sentences only for a Document), quotations and Document."""
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
    """Every candidate span of the text, at any strength, with its context features."""
    matches = damp_topics(match_terms(source, tokens, lex))
    matches = [m for m in (negate(tokens, m) for m in matches) if m is not None]
    spans = []
    for m in matches:
        last = _extend(source, tokens, m) if extend else m.last
        spans.append((tokens[m.first].start, tokens[last].end, m))
    groups = _group(source, spans, quotations)
    if not groups:
        return []
    starts = [t.start for t in tokens]
    initial = {s.tokens[0].start for s in document.sentences if s.tokens}
    title_lines = title_case_lines(source, tokens)
    quoted = merged_intervals(quotations)
    out = []
    for group in groups:
        span = _voiced(_span(source, group, quoted), document)
        out.append((span, span_features(source, tokens, starts, initial, title_lines, group, span)))
    return out


def _voiced(span: LoadedSpan, document: Document) -> LoadedSpan:
    """The span with its voice: the source's when the article attributes its words to someone."""
    attribution = document.attribution_at(span.start, span.end)
    if attribution is None:
        return span
    return replace(span, voice="source", source=attribution.source.text if attribution.source else None)


def _content(tok: Token) -> bool:
    """Whether a token is a content word (a span may grow over it)."""
    return tok.kind == "word" and tok.norm not in FUNCTION_WORDS and not tok.norm.endswith("n't")


def _grows_over(tok: Token, *, verbs: bool = False) -> bool:
    """Whether a span may grow over a token: a content word that is not a name (the loaded word
    is about the person or place, not part of it: "the ire of | Justice Scalia") and, unless
    ``verbs``, no past form (the next predicate: "the lame-duck session | became", "outraged
    residents | booed"). ``verbs`` for the first word a span takes: an adverb takes the verb it
    loads ("even scolded"), an adjective a participle before its noun ("sinister hidden
    agenda"), and "-eed" ends no past ("shameless greed")."""
    if not _content(tok) or tok.text[:1].isupper():
        return False
    past = looks_past(tok.norm) and not tok.norm.endswith("eed")
    return verbs or not past


def _extend(source: str, tokens: Sequence[Token], m: Match) -> int:
    """The last token index of ``m`` grown by the span rules."""
    last = m.last
    n = len(tokens)

    def take(limit: int, at: int, verbs: bool = False, fresh: bool = True) -> int:
        """Grow from ``at`` over up to ``limit`` words; ``fresh``: nothing taken yet (the first
        word may be a participle)."""
        got = at
        while (
            got + 1 < n
            and got - at < limit
            and _grows_over(tokens[got + 1], verbs=verbs or (fresh and got == at))
            and not breaks(source, tokens[got], tokens[got + 1])
        ):
            got += 1
        return got

    nounish = m.pos == "noun"
    if m.pos == "adj":
        grown = take(_MAX_ADJ_EXTENSION, last)
        nounish = grown > last
        last = grown
    elif m.pos == "adv":
        last = take(1, last, verbs=True)
    if (
        nounish
        and last + 2 < n
        and tokens[last + 1].norm == "of"
        and not breaks(source, tokens[last], tokens[last + 1])
    ):
        j = last + 2
        if tokens[j].norm in DETERMINERS and j + 1 < n:
            j += 1
        if _grows_over(tokens[j], verbs=True):
            last = take(_MAX_OF_EXTENSION - 1, j, fresh=False)
    return last


def _group(
    source: str, spans: list[tuple[int, int, Match]], quotations: Sequence[Quotation]
) -> list[list[tuple[int, int, Match]]]:
    """Overlapping or adjacent matches (within one quotation), joined into groups in text order."""
    marks = sorted({q.mark_start for q in quotations} | {q.mark_end - 1 for q in quotations})
    spans.sort(key=lambda s: (s[0], -s[1]))
    groups: list[list[tuple[int, int, Match]]] = []
    for span in spans:
        if groups:
            g_end = max(e for _, e, _ in groups[-1])
            if span[0] <= g_end or _JOINERS.fullmatch(source[g_end : span[0]]) and _same_quote(g_end, span[0], marks):
                groups[-1].append(span)
                continue
        groups.append([span])
    return groups


def _span(source: str, group: list[tuple[int, int, Match]], quoted: Intervals) -> LoadedSpan:
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


def _same_quote(a: int, b: int, marks: Sequence[int]) -> bool:
    """Whether no quotation mark lies in ``[a, b)``; ``marks`` are the sorted mark positions."""
    i = bisect_left(marks, a)
    return i >= len(marks) or marks[i] >= b
