"""Attribution sources (private): who speaks, read from a sentence's tokens around a cue.

The source of an attribution is a noun phrase next to its cue: before it ("Smith said"), after
it (", said Sen. Doe"), or the subject of the main clause when the cue is a second predicate or
a participle ("Reid voted and says ..."). Spans are token indexes ``(first, last)``, both
inclusive. :mod:`mediadiff.attribution` and :mod:`mediadiff._attribution_cues` read sources
through these names only.

Public (to the package) names
-----------------------------
SOURCE_REACH        how far (in tokens) a source noun phrase may reach from its cue.
QUOTE_MARKS         the quotation marks, opening and closing.
source_before       the subject noun phrase of a cue, read backwards (appositions read over).
source_after        the noun phrase right after a cue that ends its clause.
clause_subject      the main clause's subject of a cue that is a second predicate or a participle.
looks_like_source   whether a token span is a name, a pronoun or a noun phrase that can speak.
ends_clause         whether a token ends its clause.
comma_before        whether a comma comes right before a token (closing quotation marks aside).
token_span          a token span ``(first, last)`` as a :class:`~mediadiff.document.Span`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._inflect import looks_past
from .document import Span, Token
from .vocabulary import (
    ATTRIBUTION_CUES,
    CALENDAR_WORDS,
    NOUN_LIKE_CUES,
    NOUN_MARKERS,
    PASSIVE_MARKERS,
    PRONOUNS,
    RELATIVE_DAYS,
    RELATIVE_PRONOUNS,
    SOURCE_STOP,
    SUBJECT_BREAKS,
    TIME_OPENERS,
    WEEKDAYS,
)

__all__ = [
    "QUOTE_MARKS",
    "SOURCE_REACH",
    "clause_subject",
    "comma_before",
    "ends_clause",
    "looks_like_source",
    "source_after",
    "source_before",
    "token_span",
]


# how far (in tokens) a source noun phrase may reach from its cue
SOURCE_REACH = 9
# how far an apposition or relative clause between commas may reach ("Smith, who ..., said")
_APPOSITION_REACH = 30
# tokens that end a source noun phrase when read backwards from a cue
_CLAUSE_MARKS = frozenset(",;:()—–-\"“”‘’'")
# the quotation marks, opening and closing
QUOTE_MARKS = "\"“”‘’'«»"


def source_before(tokens: Sequence[Token], k: int, apposition: bool = True) -> tuple[int, int] | None:
    """The noun phrase that is the subject of the cue at ``tokens[k]``, read backwards: token
    indexes ``(first, last)``, or None. Skips auxiliaries, adverbs and when it was said right
    before the cue ("has said", "also said", "on Wednesday emphatically disputed":
    :func:`_skip_between`) and, unless ``apposition`` is False, an apposition or relative
    clause between commas ("Trump, the nominee, said"; "Ruiz, who runs the clinic, said")."""
    j = _skip_between(tokens, k)
    if j >= 1 and tokens[j].kind == "word" and tokens[j].norm in RELATIVE_PRONOUNS:
        # "Supervisor Luis Arbeláez, who said", "an audit released last month that found": the
        # antecedent before the relative pronoun is the source
        j -= 1
        if j >= 0 and tokens[j].text == ",":
            j -= 1
    if apposition and j >= 1 and tokens[j].text == ",":
        # an apposition or age closes right before the cue: "Smith, 71, said"; "X, the nominee, said"
        m = j - 1
        while m >= 0 and tokens[m].text != "," and j - m <= _APPOSITION_REACH:
            if (
                tokens[m].text in QUOTE_MARKS
                or tokens[m].text in ".;:!?"
                and not (m > 0 and _abbreviation(tokens[m - 1]))
            ):
                return None
            m -= 1
        if m >= 1 and tokens[m].text == ",":
            between = (m + 1, j - 1)
            before = source_before(tokens, m, apposition=False)
            # "The hospital's medical director, Dr. Ana Ruiz, said": the name is the source;
            # "Ana Ruiz, who runs the clinic, said": the antecedent of "who" is
            relative = tokens[m + 1].norm in RELATIVE_PRONOUNS
            if not relative and _has_name(tokens, between) and not _has_name(tokens, before):
                return between
            j = m - 1
        else:
            return None
    last = j
    if last >= 0 and tokens[last].kind == "punct" and tokens[last].text in QUOTE_MARKS:
        return None  # a quotation ends right before the cue: its speaker comes after the cue
    while j >= 0 and last - j < SOURCE_REACH:
        t = tokens[j]
        if t.text == "." and j > 0 and _abbreviation(tokens[j - 1]):
            j -= 1  # "Dr. Ana Ruiz", "Sen. Doe": the point of a title
            continue
        if t.text == ")":
            # "Sen. Ann Doe (D-Ore.) said": a parenthesis inside the name is read over
            opening = next((m for m in range(j - 1, max(-1, j - 8), -1) if tokens[m].text == "("), None)
            if opening is not None and opening > 0 and j == last:
                last = j = opening - 1
                continue
        if t.kind == "punct" and (t.text in _CLAUSE_MARKS or t.text in ".!?"):
            break
        if t.kind == "word" and t.norm in SUBJECT_BREAKS:
            break
        j -= 1
    first = j + 1
    while first <= last and tokens[first].kind == "punct":
        first += 1
    if first > last:
        return None
    return first, last


#: Words that say when, and may stand between a source and its cue ("Obama on Wednesday said",
#: "the mayor yesterday told"): the days of the week and "yesterday", "today", "tonight" (not
#: the months: "Ann June told" names Ann June).
_WHEN = WEEKDAYS | RELATIVE_DAYS


def _when(tokens: Sequence[Token], j: int) -> bool:
    """Whether ``tokens[j]`` says when the source spoke, between source and cue: a day or
    "yesterday" (:data:`_WHEN`), or a word of ``TIME_OPENERS`` before one ("on Wednesday")."""
    t = tokens[j]
    if t.kind != "word":
        return False
    return t.norm in _WHEN or (t.norm in TIME_OPENERS and j + 1 < len(tokens) and tokens[j + 1].norm in _WHEN)


def _skip_between(tokens: Sequence[Token], k: int) -> int:
    """The last token of the source before the cue at ``k``: past auxiliaries, adverbs and when
    it was said; a time that follows a verb stays with it ("Lawmakers who met on Friday said",
    "The report released on Monday said": the time is the meeting's, the release's)."""
    j = k - 1
    while j >= 0 and _between(tokens[j]):
        j -= 1
    skipped = j
    while j >= 0 and _when(tokens, j):
        j -= 1
    while j >= 0 and _between(tokens[j]):
        j -= 1
    if j < skipped and j >= 0 and _verb_form(tokens[j]):
        return skipped
    return j


def _verb_form(token: Token) -> bool:
    """A past form or participle that a time may belong to ("met", "released", "dated")."""
    return token.kind == "word" and token.text[:1].islower() and looks_past(token.norm)


def _between(token: Token) -> bool:
    """A word that stands between a source and its cue and belongs to neither: an auxiliary or an
    adverb ("has said", "are quietly saying", "may now ask")."""
    return token.kind == "word" and (
        token.norm in SOURCE_STOP
        or token.norm in PASSIVE_MARKERS
        or (token.norm.endswith("ly") and len(token.norm) > 4 and token.text[:1].islower())
    )


def clause_subject(tokens: Sequence[Token], k: int) -> tuple[int, int] | None:
    """The subject of the main clause when the cue at ``tokens[k]`` is a second predicate ("Reid
    voted and says ...") or a participle (", saying ..."): the first name or pronoun, at the
    start of the sentence or after a fronted phrase's comma, that a lower-case word (its verb)
    follows. None when no such subject stands before the cue."""
    j = _skip_between(tokens, k)
    participle = tokens[k].norm.endswith("ing") and j >= 0 and tokens[j].text == ","
    if not (participle or (j >= 0 and tokens[j].norm == "and")):
        return None
    for p in range(k):
        if p > 0 and tokens[p - 1].text != ",":
            continue
        t = tokens[p]
        if (
            t.kind != "word"
            or not t.text[:1].isupper()
            or t.norm in NOUN_MARKERS
            or t.norm in SUBJECT_BREAKS
            or t.norm in TIME_OPENERS
            or t.norm in CALENDAR_WORDS
        ):
            continue
        q = p
        if t.norm not in PRONOUNS:
            while q + 1 < k and (
                tokens[q + 1].text[:1].isupper() or (tokens[q + 1].text == "." and _abbreviation(tokens[q]))
            ):
                q += 1
        if q + 1 < k and tokens[q + 1].kind == "word" and tokens[q + 1].text[:1].islower():
            return p, q
    return None


def _abbreviation(token: Token) -> bool:
    """A capitalised abbreviation that takes a point ("Dr", "Sen", "Gov", "St")."""
    return token.kind == "word" and token.text[:1].isupper() and len(token.text) <= 4 and token.text.isalpha()


def _has_name(tokens: Sequence[Token], span: tuple[int, int] | None) -> bool:
    """Whether a token span holds a capitalised word that is not its first (a name)."""
    if span is None:
        return False
    first, last = span
    return any(t.kind == "word" and t.text[:1].isupper() for t in tokens[first + 1 : last + 1]) or (
        first == last and tokens[first].text[:1].isupper() and tokens[first].norm not in PRONOUNS
    )


def source_after(tokens: Sequence[Token], k: int) -> tuple[int, int] | None:
    """The noun phrase right after a cue that ends its clause (", said Sen. John Doe, R-Ariz.");
    a role followed by a name in apposition gives the name (", said the group's director, Tomasz
    Brill.")."""
    span = _phrase_after(tokens, k + 1)
    if span is None:
        return None
    first, last = span
    nxt = last + 1
    if nxt < len(tokens) and tokens[nxt].text == "," and not _has_name(tokens, span):
        name = _phrase_after(tokens, nxt + 1)
        if name is not None and _has_name(tokens, name) and ends_clause(tokens, name[1]):
            return name
    return first, last


def _phrase_after(tokens: Sequence[Token], first: int) -> tuple[int, int] | None:
    """The run of tokens from ``first`` up to the next punctuation (a title's point aside)."""
    j = first
    while j < len(tokens) and j - first < SOURCE_REACH:
        t = tokens[j]
        if t.kind == "punct" and t.text not in ".'’":
            break
        if t.kind == "punct" and t.text == "." and (j + 1 >= len(tokens) or not _abbreviation(tokens[j - 1])):
            break
        j += 1
    last = j - 1
    while last >= first and tokens[last].kind == "punct":
        last -= 1
    if last < first:
        return None
    return first, last


def ends_clause(tokens: Sequence[Token], last: int) -> bool:
    """Whether token ``last`` ends its clause: only punctuation after it, or a comma (", who
    ...", ", a spokesman for ...")."""
    rest = tokens[last + 1 :]
    return all(t.kind == "punct" for t in rest) or (bool(rest) and rest[0].text == ",")


def comma_before(tokens: Sequence[Token], k: int) -> bool:
    """Whether a comma comes right before token ``k``, closing quotation marks aside
    ("“...,” said X", "''...,'' Smith said")."""
    j = k - 1
    while j >= 0 and tokens[j].kind == "punct" and tokens[j].text in QUOTE_MARKS:
        j -= 1
    return j >= 0 and j < k and tokens[j].text == ","


def looks_like_source(tokens: Sequence[Token], span: tuple[int, int] | None) -> bool:
    """A name, a pronoun, or a noun phrase that can speak ("the company", "a spokesman")."""
    if span is None:
        return False
    first, last = span
    words = [t for t in tokens[first : last + 1] if t.kind == "word"]
    if not words:
        return False
    if len(words) == 1 and words[0].norm in PRONOUNS:
        return True
    if words[0].norm in SUBJECT_BREAKS or any(
        t.kind == "punct" and t.text in QUOTE_MARKS for t in tokens[first : last + 1]
    ):
        return False  # "that Valeant had ''upside": a clause, not a speaker
    if any(w.norm in ATTRIBUTION_CUES and w.norm not in NOUN_LIKE_CUES for w in words):
        return False  # "said the way the group treated women": another cue's clause
    head = words[-1]
    if head.norm in CALENDAR_WORDS or head.kind != "word":
        return False
    return True


def token_span(text_of: Sequence[Token], first: int, last: int, text: str) -> Span:
    """The tokens ``text_of[first]`` to ``text_of[last]`` (both included) as a span of ``text``."""
    return Span.of(text, text_of[first].start, text_of[last].end)
