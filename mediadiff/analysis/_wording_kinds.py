"""What kind a change of wording is (private): the rules of :mod:`mediadiff.analysis.wording`.

A change is read from the annotations each document carries, found once in segmentation: its
number mentions (``Document.numbers``), its name words (``Document.name_words``) and its
attributions (``Document.attributions``). The rules, first that applies: a number changes value,
a name or title changes, a hedge or an attribution is added or removed (or the words go to
another source), a degree word changes; else a plain insertion, deletion or substitution.

Names
-----
ShiftKind          the kinds of a wording shift.
classify           the kind of one change and its direction (added, removed, changed).
same_number        whether a change writes the same number another way ("twelve" / "12").
Numbers            a document's number mentions by where their number starts.
stated_numbers     the number mentions of a document that state a number.
named_starts       the starts of a document's name words, less the doubtful sentence starts.
is_name_or_title   whether a token is a name or a job title.
Attributed         the cue and source token starts of a document's attributions.
attribution_marks  those of one document.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from ..document import Document, NumberMention, Token
from ..vocabulary import HEDGES, INTENSIFIERS, STOPWORDS, TITLE_WORDS
from ._common import source_key

__all__ = [
    "Attributed",
    "Numbers",
    "ShiftKind",
    "attribution_marks",
    "classify",
    "is_name_or_title",
    "named_starts",
    "same_number",
    "stated_numbers",
]

ShiftKind = Literal[
    "substitution", "insertion", "deletion", "hedging", "attribution", "intensity", "number", "name_or_title"
]


def _sentence_starts(doc: Document, names: frozenset[str] = frozenset()) -> frozenset[int]:
    """Where the sentences begin, except those that begin with a name (``names``): a capital
    there says nothing about the word, unless the word is a name elsewhere too."""
    return frozenset(s.tokens[0].start for s in doc.sentences if s.tokens and s.tokens[0].norm not in names)


def named_starts(doc: Document, names: frozenset[str] = frozenset()) -> frozenset[int]:
    """The starts of the document's name words (``Document.name_words``, read once in
    :func:`mediadiff.segment`), less the sentence starts :func:`_sentence_starts` doubts: the
    tokens :func:`mediadiff.names.is_name` holds for, given those starts."""
    return doc.name_words.starts - _sentence_starts(doc, names)


#: A document's number mentions by where their number starts (``NumberMention.at``): the
#: numbers a change holds are those whose number is one of its tokens.
Numbers = Mapping[int, NumberMention]
_NO_NUMBERS: Numbers = {}


def stated_numbers(document: Document) -> Numbers:
    """The number mentions of a document that state a number (not a weekday, not a vague
    quantity), by where their number starts."""
    return {m.at: m for m in document.numbers if m.kind != "vague" and m.unit != "weekday"}


def _is_number(tokens: Sequence[Token], numbers: Numbers) -> bool:
    """Whether ``tokens`` opens with a number ("12", "twelve"; not "a", "an" or "one")."""
    return bool(tokens) and tokens[0].start in numbers and tokens[0].norm not in ("a", "an", "one")


def _values(tokens: Sequence[Token], numbers: Numbers) -> list[str]:
    """The values of the numbers among ``tokens`` (from the document's number mentions), sorted."""
    return sorted(str(numbers[t.start].value) for t in tokens if t.start in numbers)


def is_name_or_title(t: Token, named: frozenset[int]) -> bool:
    """A name (its start in ``named``: :func:`named_starts`) or a job title: what
    :func:`mediadiff.names.is_name` with ``titles`` says, read from the document's name words."""
    return t.norm in TITLE_WORDS or t.start in named


def _names(tokens: Sequence[Token], named: frozenset[int]) -> set[str]:
    """The names and job titles among ``tokens``, without plural or possessive endings."""
    return {source_key(t) for t in tokens if is_name_or_title(t, named)}


def _words(tokens: Sequence[Token]) -> int:
    return sum(1 for t in tokens if t.kind == "word")


def _hedges(tokens: Sequence[Token]) -> set[str]:
    # "May" the month is not a hedge: hedges are taken in lower case only
    return {t.norm for t in tokens if t.norm in HEDGES and not t.text[:1].isupper()}


#: What the attribution layer marks in a document: the starts of its cue tokens and of the
#: tokens of its sources (``Document.attributions``).
Attributed = tuple[frozenset[int], frozenset[int]]
_NO_ATTRIBUTION: Attributed = (frozenset(), frozenset())


def attribution_marks(document: Document) -> Attributed:
    """The cue and source token starts of a document's attributions."""
    cues = {a.cue.start for a in document.attributions if a.cue is not None}
    sources: set[int] = set()
    for a in document.attributions:
        sentence = document.sentence_at(a.source.start) if a.source is not None else None
        if a.source is not None and sentence is not None:
            sources.update(t.start for t in sentence.tokens if a.source.start <= t.start < a.source.end)
    return frozenset(cues), frozenset(sources)


def _attributions(tokens: Sequence[Token], attributed: Attributed) -> set[str]:
    """The cues among ``tokens`` that the attribution layer found ("said", "according"): a word
    that merely looks like one ("read", "the report") is not an attribution."""
    return {t.norm for t in tokens if t.start in attributed[0]}


def _sources(tokens: Sequence[Token], attributed: Attributed) -> set[str]:
    """The words among ``tokens`` that name an attribution's source."""
    return {t.norm for t in tokens if t.start in attributed[1] and t.kind == "word" and t.norm not in STOPWORDS}


def _direction(a: set[str], b: set[str]) -> str:
    if b and not a:
        return "added"
    if a and not b:
        return "removed"
    return "changed"


#: Longest change (in words) that is classified beyond insertion/deletion/substitution.
_MAX_CLASSIFIED = 12
#: Longest replacement (in words, either side) that can be a swap of names, titles or degree
#: words; a longer one rewrites a phrase, where only numbers, hedges and attributions are read.
_MAX_SWAP = 4


def classify(
    ref: Sequence[Token],
    out: Sequence[Token],
    ref_named: frozenset[int],
    out_named: frozenset[int],
    ref_attributed: Attributed = _NO_ATTRIBUTION,
    out_attributed: Attributed = _NO_ATTRIBUTION,
    numbers: tuple[Numbers, Numbers] = (_NO_NUMBERS, _NO_NUMBERS),
) -> tuple[ShiftKind, str]:
    """The kind of one change and its direction, from the reference words and the outlet's words.

    Changes longer than ``_MAX_CLASSIFIED`` words on either side are rewritings, not shifts of a
    word or two: they stay plain insertions, deletions or substitutions. A replacement longer
    than ``_MAX_SWAP`` words is a rephrasing: it is a ``number``, ``hedging`` or ``attribution``
    change only when a figure changes or a hedge or an attribution is there on one side alone.
    An attribution is a change only when added or removed ("said" for "told" is not one), or
    when the source it names changes ("Smith said" / "Jones said"); what is an attribution is
    read from the attribution layer of each document (``*attribution_marks``), what is a number from
    its number mentions (``numbers``, :func:`stated_numbers` of each document).
    """
    if max(len(ref), len(out)) > _MAX_CLASSIFIED:
        return (
            ("insertion", "added") if not ref else ("deletion", "removed") if not out else ("substitution", "changed")
        )
    ref_values, out_values = _values(ref, numbers[0]), _values(out, numbers[1])
    if ref_values and out_values and ref_values != out_values:
        return "number", "changed"
    ha, hb = _hedges(ref), _hedges(out)
    aa, ab = _attributions(ref, ref_attributed), _attributions(out, out_attributed)
    sa, sb = _sources(ref, ref_attributed), _sources(out, out_attributed)
    if sa and sb and sa != sb and max(len(ref), len(out)) <= _MAX_SWAP:
        return "attribution", "changed"  # the words are given to someone else
    if ref and out and bool(aa) != bool(ab) and not (sa if aa else sb):
        aa = ab = set()  # only the verb changes ("said" / "read"), the source stays: no attribution
    if ref and out and max(len(ref), len(out)) > _MAX_SWAP:
        if bool(ha) != bool(hb):
            return "hedging", _direction(ha, hb)
        if bool(aa) != bool(ab):
            return "attribution", _direction(aa, ab)
        return "substitution", "changed"
    if bool(aa) != bool(ab) and not (ref and out):
        return "attribution", _direction(aa, ab)  # "DOJ spokesperson Alexa Vance told The Times that" added
    ref_names, out_names = _names(ref, ref_named), _names(out, out_named)
    if ref and out and ref_names and out_names and ref_names != out_names:
        return "name_or_title", "changed"  # "Lee" / "Leigh", "deputy director" / "director"
    side, names, named = (out, out_names, out_named) if out else (ref, ref_names, ref_named)
    if names and not (ref and out) and 2 * sum(is_name_or_title(t, named) for t in side) >= _words(side):
        return "name_or_title", _direction(ref_names, out_names)  # "Deputy", "library director Helen Okafor"
    if ha != hb:
        return "hedging", _direction(ha, hb)
    if bool(aa) != bool(ab):
        return "attribution", _direction(aa, ab)
    ia = {t.norm for t in ref if t.norm in INTENSIFIERS}
    ib = {t.norm for t in out if t.norm in INTENSIFIERS}
    if ia != ib:
        return "intensity", _direction(ia, ib)
    if not ref:
        return "insertion", "added"
    if not out:
        return "deletion", "removed"
    return "substitution", "changed"


def same_number(ref: Sequence[Token], out: Sequence[Token], numbers: tuple[Numbers, Numbers]) -> bool:
    """Whether a change of a word or two writes the same number another way ("twelve" / "12")."""
    if not ref or not out or len(ref) + len(out) > 4:
        return False
    a, b = _values(ref, numbers[0]), _values(out, numbers[1])
    return bool(a) and a == b and _is_number(ref, numbers[0]) and _is_number(out, numbers[1])
