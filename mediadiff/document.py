"""The data model: articles whose text is never changed, and spans that point into it.

Every span in mediadiff is half-open, ``[start, end)``, in characters of ``Article.text``, and
carries a copy of the text it covers, so that ``article.text[span.start:span.end] == span.text``
always holds (spaCy's Doc/Span idea). Values are frozen dataclasses; methods return new values.

Public names
------------
Article     one outlet's article: ``outlet`` id, original ``text`` and optional metadata.
Span        a ``[start, end)`` slice of an article's text, with that text.
Token       a word, number or punctuation mark, with its normalised form ``norm``.
Sentence    a sentence (or heading, bullet line) with its tokens and paragraph number.
Quotation   a direct quotation: the words inside the marks, and where the marks are.
Attribution words an article attributes to a source: the source, the cue, the content.
NumberMention  a number as the article states it: value, range, unit, kind (count, money, date...).
NameMention    a name as the article writes it: its words, the key to match it by, its title, its kind.
Document    an article after segmentation: sentences, boilerplate, quotations, attributions, numbers,
            names.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from .errors import InputError

__all__ = [
    "Article",
    "Attribution",
    "Document",
    "NameMention",
    "NameWords",
    "NumberMention",
    "Quotation",
    "Sentence",
    "Span",
    "Token",
]

TokenKind = Literal["word", "number", "punct"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open ``[start, end)`` slice of an article's text, with the text it covers."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end) or len(self.text) != self.end - self.start:
            raise ValueError(f"inconsistent span: [{self.start}, {self.end}) with {len(self.text)} characters of text")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``[start, end)`` of ``text``."""
        return cls(start, end, text[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlap(self, other: Span) -> int:
        """How many characters this span shares with ``other``."""
        return max(0, min(self.end, other.end) - max(self.start, other.start))


@dataclass(frozen=True, slots=True)
class Token(Span):
    """A token: ``norm`` is the form used for matching (lower case, typographic marks folded)."""

    norm: str = ""
    kind: TokenKind = "word"


@dataclass(frozen=True, slots=True)
class Sentence(Span):
    """A sentence, heading or bullet line of an article.

    ``index`` counts sentences from 0 in text order, ``paragraph`` counts paragraphs from 0, and
    ``boilerplate`` is true for web chrome (excluded from analysis, never deleted).
    """

    index: int = 0
    paragraph: int = 0
    tokens: tuple[Token, ...] = ()
    boilerplate: bool = False

    @property
    def words(self) -> tuple[Token, ...]:
        """The word and number tokens, without punctuation."""
        return tuple(t for t in self.tokens if t.kind != "punct")


@dataclass(frozen=True, slots=True)
class Quotation(Span):
    """A direct quotation: ``start``/``end`` cover the quoted words, without the marks.

    ``mark_start``/``mark_end`` cover the marks too. ``closed`` is false for a quotation whose
    closing mark is missing (it then runs to the end of its paragraph), as news writing does
    when a quotation continues into the next paragraph.
    """

    mark_start: int = 0
    mark_end: int = 0
    closed: bool = True


AttributionKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """Words an article attributes to someone: ``content`` (one or more spans: content can be
    discontinuous), said or thought by ``source`` (the name or noun phrase as written: "Sen.
    John Doe", "the company", "she"; None when the article does not say), as marked by ``cue``
    ("said", "according to"; None for a quotation that stands alone).

    ``kind`` is ``direct`` (the content is a quotation), ``indirect`` (reported speech, no
    quotation marks) or ``mixed`` (partly quoted). When the source is a pronoun ("she said") or
    a title ("the senator said"), ``resolved`` is the earlier mention of the named source it
    stands for, where the article gives one. Offsets point into the article's text like every span. Found by
    :func:`mediadiff.attribution.find_attributions`.
    """

    source: Span | None
    cue: Span | None
    content: tuple[Span, ...]
    kind: AttributionKind = "indirect"
    resolved: Span | None = None

    @property
    def speaker(self) -> str | None:
        """Who speaks, as the article names them: the named source a pronoun refers to
        (``resolved``), else the source as written; None when the article does not say."""
        span = self.resolved or self.source
        return span.text if span is not None else None

    @property
    def start(self) -> int:
        """Where the content starts."""
        return self.content[0].start

    @property
    def end(self) -> int:
        """Where the content ends."""
        return self.content[-1].end


NumberKind = Literal["count", "money", "percent", "date", "time", "duration", "ordinal", "vague"]


@dataclass(frozen=True, slots=True)
class NumberMention(Span):
    """A number as an article states it: ``start``/``end`` cover it with its qualifier, currency
    sign and unit ("nearly 3,000 children", "$4.2 million", "March 11"); ``at`` is where the
    number itself starts ("3,000").

    ``kind`` is ``count`` ("312 residents", a number of nothing named: "the 38 were"),
    ``money`` ("$4.2 million"), ``percent`` ("18 percent", "a fifth", "nine in ten"),
    ``date`` (``unit`` ``day``: "March 11", ``value`` "03-11"; ``weekday``: "Monday", value
    "monday"; ``year``: "1998", value "1998"), ``time`` ("9 a.m."), ``duration`` ("eleven
    years", "three months": a span of time, not a figure), ``ordinal`` ("21st") or ``vague``
    ("thousands of families", value "thousands"). ``value`` is the number (a float; "4.2
    million" is 4200000.0, a percentage is in percent) or, for dates and vague quantities, the
    string above. ``low``/``high`` is the range a qualifier allows ("nearly 3,000" is [2550,
    3000], "at least 300" [300, inf]), the value itself when there is none, None for dates.
    ``unit`` is the thing counted, singular ("child"; every unit of people is ``people``), the
    currency sign of a sum, "percent", or "" when the number names none. ``qualifier`` is the
    word that widened the value ("nearly", "at least"); ``partitive`` marks a count of part of
    a group named after it ("All 38 of the clinic's nurses"). Found by
    :func:`mediadiff.mentions.find_numbers`.
    """

    value: float | str = 0.0
    low: float | None = None
    high: float | None = None
    unit: str = ""
    kind: NumberKind = "count"
    qualifier: str = ""
    at: int = 0
    partitive: bool = False


NameKind = Literal["person", "place", "other"]


@dataclass(frozen=True, slots=True)
class NameMention(Span):
    """A name as an article writes it: ``start``/``end`` cover a run of capitalised words of a
    person's name, with any initials inside it ("Dana Whitcombe", "John Q. Public", "Central
    Library"); a title before or after it is not part of the span.

    ``parts`` are the name's words, initials left out, as tokens (offsets and ``norm``);
    ``words`` their norms and ``key`` the last of them, the surname by which outlets' names are
    matched ("whitcombe"). ``kind`` is ``person`` (two words or more), ``place`` (two words or
    more ending in a word for a place or an institution: "Central Library", "Kestrel Chemical
    Co.") or ``other`` (one word alone: a surname, a town, a company; not told apart).

    ``title`` holds the words of the title or role the article gives the person, time prefixes
    removed ("then-deputy" -> "deputy"): the title words and capitalised qualifiers right before
    the name ("Deputy County Administrator Priya Raman"), else the title words after a comma
    ("Dana Whitcombe, deputy director of ..."); ``title_start``/``title_end`` cover them (None
    when there is no title). Found by :func:`mediadiff.names.find_names`.
    """

    parts: tuple[Token, ...] = field(default=(), repr=False)
    kind: NameKind = "other"
    title: tuple[str, ...] = ()
    title_start: int | None = None
    title_end: int | None = None

    @property
    def words(self) -> tuple[str, ...]:
        """The norms of the name's words, initials left out ("dana", "whitcombe")."""
        return tuple(t.norm for t in self.parts)

    @property
    def key(self) -> str:
        """The norm of the name's last word: the surname outlets' names are matched by."""
        return self.parts[-1].norm if self.parts else ""


@dataclass(frozen=True, slots=True)
class NameWords:
    """The name words of an article, token by token, read once with its :class:`NameMention`
    records (by :func:`mediadiff.names.find_name_words`, over the content sentences).

    ``starts`` holds the starts of the tokens that are :func:`mediadiff.names.is_name` (the
    broad notion: any capitalised word that is not a function word, a day or a month, acronyms
    and capitalised titles included; no sentence start left out). ``capitalised`` holds the
    norms of the words written with a capital somewhere other than at a sentence start, and
    ``lowercase`` those written in lower case somewhere: a reader of several articles takes a
    word for a name when they capitalise it and never write it in lower case
    (:func:`mediadiff.names.name_norms`).
    """

    starts: frozenset[int] = frozenset()
    capitalised: frozenset[str] = frozenset()
    lowercase: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Article:
    """One outlet's article about a story.

    ``text`` is the original text as decoded and is never modified: every offset that mediadiff
    reports points into it. ``outlet`` is the outlet's id (unique within a comparison); ``name``
    is its display name (defaults to the id); ``encoding`` is how :func:`mediadiff.load`
    decoded the file (None for articles made in code).
    """

    outlet: str
    text: str
    title: str | None = None
    name: str | None = None
    url: str | None = None
    published: str | None = None
    source_path: str | None = None
    encoding: str | None = None

    def __post_init__(self) -> None:
        where = f" ({self.source_path})" if self.source_path else ""
        if not isinstance(self.outlet, str) or not self.outlet.strip():
            raise InputError(f"article{where}: the outlet id must be a non-empty string, got {self.outlet!r}")
        if not isinstance(self.text, str):
            raise InputError(f"article {self.outlet!r}{where}: text must be a string, got {type(self.text).__name__}")
        for name in ("title", "name", "url", "published", "source_path", "encoding"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise InputError(
                    f"article {self.outlet!r}{where}: {name} must be a string or None, got {type(value).__name__}"
                )

    @property
    def display_name(self) -> str:
        """The name to show for the outlet: ``name`` if given, else the outlet id."""
        return self.name or self.outlet

    def span(self, start: int, end: int) -> Span:
        """The span ``[start, end)`` of this article's text."""
        if not (0 <= start <= end <= len(self.text)):
            raise ValueError(f"span [{start}, {end}) is outside article {self.outlet!r} of {len(self.text)} characters")
        return Span.of(self.text, start, end)


Intervals = tuple[tuple[int, ...], tuple[int, ...]]


def merged_intervals(spans: Iterable[Span | tuple[int, int]]) -> Intervals:
    """Starts and ends of the union of ``spans`` (spans or ``(start, end)`` pairs), sorted: an
    index for :func:`covered` and :func:`overlap_length`."""
    pairs = sorted((sp.start, sp.end) if isinstance(sp, Span) else (sp[0], sp[1]) for sp in spans)
    merged: list[list[int]] = []
    for start, end in pairs:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple(a for a, _ in merged), tuple(b for _, b in merged)


def overlap_length(index: Intervals, start: int, end: int) -> int:
    """How many characters of ``[start, end)`` the intervals of ``index`` cover."""
    starts, ends = index
    total = 0
    i = max(0, bisect_right(starts, start) - 1)
    while i < len(starts) and starts[i] < end:
        total += max(0, min(end, ends[i]) - max(start, starts[i]))
        i += 1
    return total


def covered(index: Intervals, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside one interval of ``index`` (in log time)."""
    starts, ends = index
    i = bisect_right(starts, start) - 1
    return i >= 0 and end <= ends[i]


@dataclass(frozen=True, slots=True)
class Document:
    """An article after segmentation.

    ``sentences`` holds every sentence in text order, boilerplate ones included (flagged);
    ``boilerplate`` the boilerplate lines as spans; ``quotations`` the direct quotations;
    ``attributions`` the words attributed to sources; ``numbers`` every number the content
    sentences state (:class:`NumberMention`) and ``names`` every run of name words
    (:class:`NameMention`), with ``name_words`` its name words token by token (:class:`NameWords`),
    read once so that no analyser reads them again. Lookups by position
    (:meth:`in_quotation`, :meth:`sentence_at`, :meth:`numbers_in`, :meth:`names_in`) use
    indexes built once, so they stay fast on long articles.
    """

    article: Article
    sentences: tuple[Sentence, ...]
    boilerplate: tuple[Span, ...] = ()
    quotations: tuple[Quotation, ...] = ()
    paragraphs: tuple[Span, ...] = field(default=())
    attributions: tuple[Attribution, ...] = ()
    numbers: tuple[NumberMention, ...] = ()
    names: tuple[NameMention, ...] = ()
    name_words: NameWords = NameWords()
    _content: tuple[Sentence, ...] = field(init=False, repr=False, compare=False)
    _sentence_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _quoted: tuple[tuple[int, ...], tuple[int, ...]] = field(init=False, repr=False, compare=False)
    _attributed: tuple[tuple[int, ...], tuple[int, ...]] = field(init=False, repr=False, compare=False)
    _number_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _name_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_content", tuple(s for s in self.sentences if not s.boilerplate))
        object.__setattr__(self, "_sentence_starts", tuple(s.start for s in self.sentences))
        object.__setattr__(self, "_quoted", merged_intervals(self.quotations))
        object.__setattr__(self, "_attributed", merged_intervals(c for a in self.attributions for c in a.content))
        object.__setattr__(self, "_number_starts", tuple(m.at for m in self.numbers))
        object.__setattr__(self, "_name_starts", tuple(m.start for m in self.names))

    @property
    def outlet(self) -> str:
        """The outlet id of the article."""
        return self.article.outlet

    @property
    def text(self) -> str:
        """The article's original text."""
        return self.article.text

    @property
    def content_sentences(self) -> tuple[Sentence, ...]:
        """The sentences that are not boilerplate: what the analyses read."""
        return self._content

    def in_quotation(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside the words of a direct quotation (marks excluded)."""
        return covered(self._quoted, start, end)

    def attributed_length(self, start: int, end: int) -> int:
        """How many characters of ``[start, end)`` lie inside attributed content (any kind)."""
        return overlap_length(self._attributed, start, end)

    def attribution_at(self, start: int, end: int) -> Attribution | None:
        """The attribution whose content holds ``[start, end)`` (the innermost when nested), if any."""
        found = None
        for a in self.attributions:
            if a.start > start:
                break
            if any(c.start <= start and end <= c.end for c in a.content):
                if found is None or a.end - a.start <= found.end - found.start:
                    found = a
        return found

    def numbers_in(self, start: int, end: int) -> tuple[NumberMention, ...]:
        """The number mentions whose number (``at``) lies in ``[start, end)``, in text order."""
        return self.numbers[bisect_left(self._number_starts, start) : bisect_left(self._number_starts, end)]

    def names_in(self, start: int, end: int) -> tuple[NameMention, ...]:
        """The name mentions that start in ``[start, end)``, in text order."""
        return self.names[bisect_left(self._name_starts, start) : bisect_left(self._name_starts, end)]

    def quoted_length(self, start: int, end: int) -> int:
        """How many characters of ``[start, end)`` lie inside direct quotations (marks excluded)."""
        return overlap_length(self._quoted, start, end)

    def sentence_before(self, offset: int) -> Sentence | None:
        """The last sentence that starts at or before character ``offset``, if any."""
        i = bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[i] if i >= 0 else None

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains character ``offset``, if any."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def quotation_at(self, start: int, end: int) -> Quotation | None:
        """The innermost quotation whose marks enclose ``[start, end)``, if any."""
        found = None
        for q in self.quotations:
            if q.mark_start > start:
                break
            if end <= q.mark_end:
                found = q
        return found
