"""Names: every run of name words of an article, with its title, read once; and the one name predicate.

:func:`find_names` reads the tokens of each content sentence once, in :func:`mediadiff.segment`,
and the :class:`~mediadiff.document.Document` keeps the result (``Document.names``,
``Document.names_in``). A reader of people's names reads these records and never the tokens
again: the conflict finder compares the titles and the spellings of the people each outlet
names, and the names one outlet puts in another's place.

A name is a run of words that are :func:`is_name` with ``person`` (capitalised, letters only,
not all capitals, not a title or an abbreviated one ("Gov"), a function word, a day or a month,
nor "New", "Former"), with
initials inside it; one such word alone at the start of a sentence is no name ("We", "It"). A run of two words or more is a person's name unless its
last word names a place or an institution ("Central Library": ``PLACE_WORDS``) or its first
opens the name of a place ("North Carolina", "Fort Myers": ``PLACE_PREFIXES``); one word alone
is not classified. The title is read with the name: title words, abbreviated titles ("Gov.")
and capitalised qualifiers right before it ("Deputy County Administrator Priya Raman"; linked
by ``NAME_LINKS``: "Bureau of Water Director"), else title words after a comma ("Dana
Whitcombe, deputy director of ...") unless a name follows them ("Ann Lee, Senator Bo Park": the
senator is Park).

"Is this a name?" asks one predicate, :func:`is_name`. A capitalised word (not a one-letter
word) that is not a function word or courtesy title that opens a sentence or a headline with a
capital (``NOT_NAME_WORDS``), not a day or a month, and not at a sentence start the caller names
in ``starts`` (a capital there says nothing about the word). Two questions differ in what more
they ask, and say so by parameter:

``titles``  a job title counts as a name ("the senator" / "Smith" is a change of who is
            named): analysis.wording, which compares who a passage names.
``person``  the word can be part of a person's full name: letters only (no "O'Neill", no
            "DOJ": all capitals is an acronym), not a title or an abbreviated title ("Gov"),
            not a month's abbreviation ("Oct")
            and not a word that opens a clause before a name ("New", "Former", "Then"): the
            words of a :class:`~mediadiff.document.NameMention`.

The word classes are the vocabulary's (:mod:`mediadiff.vocabulary`).

Public names
------------
NameMention  the record (defined in :mod:`mediadiff.document`, beside the other spans).
find_names   sentences -> the NameMention records of their tokens, in text order.
read_names   tokens -> the NameMention records read from them alone.
NameWords    the name words token by token (defined in :mod:`mediadiff.document`): ``Document.name_words``.
find_name_words  sentences -> their NameWords (the tokens that are :func:`is_name`; capitalised, lower-case norms).
name_norms   documents -> the norms they take for names: capitalised past a sentence start, never lower case.
is_name      whether one token is a name (``titles``: job titles too; ``person``: a person's name).
speaker_key  who speaks a span of an article: the surname of the source it is attributed to.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set

from .document import Document, NameKind, NameMention, NameWords, Sentence, Token
from .mentions import _text_of
from .vocabulary import (
    ABBREVIATED_TITLES,
    CALENDAR_WORDS,
    MONTH_NUMBERS,
    NAME_LINKS,
    NOT_NAME_WORDS,
    NOT_PERSON_WORDS,
    PLACE_PREFIXES,
    PLACE_WORDS,
    TITLE_WORDS,
    WEEKDAYS,
)

__all__ = [
    "NameMention",
    "NameWords",
    "find_name_words",
    "find_names",
    "is_name",
    "name_norms",
    "read_names",
    "speaker_key",
]

#: Prefixes that say when a title was held, not what it is: "then-deputy" is a deputy.
TIME_PREFIXES = ("then-", "ex-", "former-", "now-")


def is_name(token: Token, starts: Set[int] = frozenset(), *, titles: bool = False, person: bool = False) -> bool:
    """Whether ``token`` is a name (see the module's documentation for ``titles`` and ``person``).

    >>> from mediadiff.segment import tokenize
    >>> [t.text for t in tokenize("On Monday Deputy Director Dana O'Neill met the senator") if is_name(t)]
    ['Deputy', 'Director', 'Dana', "O'Neill"]
    >>> [t.text for t in tokenize("On Monday Deputy Director Dana O'Neill met the senator") if is_name(t, person=True)]
    ['Dana']
    >>> [t.text for t in tokenize("the senator") if is_name(t, titles=True)]
    ['senator']
    """
    if titles and token.norm in TITLE_WORDS:
        return True
    text = token.text
    if not (token.kind == "word" and text[:1].isupper() and len(text) > 1 and token.start not in starts):
        return False
    if person:
        return (
            text.isalpha()
            and not text.isupper()
            and token.norm not in NOT_NAME_WORDS
            and token.norm not in NOT_PERSON_WORDS
            and token.norm not in TITLE_WORDS
            and token.norm not in ABBREVIATED_TITLES
            and token.norm not in MONTH_NUMBERS
            and token.norm not in WEEKDAYS
        )
    return token.norm not in CALENDAR_WORDS and token.norm not in NOT_NAME_WORDS


def speaker_key(document: Document, start: int, end: int) -> str | None:
    """Who speaks ``[start, end)`` of ``document``, as a key outlets' sources are matched by.

    The source (``resolved`` or ``source``) of the attribution that covers most of the span
    (its content, source and cue: "Sen. Cole said the plant was safe" is hers whole) gives the key: the surname of the last name in it (:attr:`NameMention.key`: "Sen. Dana
    Cole" gives "cole"), else its last name word that is no title ("Obama" opening a sentence,
    "Newsweek"). None when less than half of the span is an attribution or the source names
    no one ("the company", "she" with no earlier name).

    >>> from mediadiff.segment import segment
    >>> from mediadiff.document import Article
    >>> doc = segment(Article("a", "Sen. Dana Cole said the plant was safe. Critics disagree."))
    >>> speaker_key(doc, 0, 39), speaker_key(doc, 40, 56)
    ('cole', None)
    """
    best, most = None, 0
    for a in document.attributions:
        if a.start >= end:
            break
        spans = (*a.content, *(x for x in (a.source, a.cue) if x is not None))
        share = sum(max(0, min(end, c.end) - max(start, c.start)) for c in spans)
        if share > most:
            best, most = a, share
    source = None if best is None or 2 * most < end - start else best.resolved or best.source
    if source is None:
        return None
    names = document.names_in(source.start, source.end)
    if names:
        return names[-1].key
    sentence = document.sentence_at(source.start)
    words = [
        t
        for t in (sentence.tokens if sentence is not None else ())
        if source.start <= t.start < source.end and is_name(t) and t.norm not in TITLE_WORDS
    ]
    return words[-1].norm if words else None


def find_names(sentences: Iterable[Sentence]) -> tuple[NameMention, ...]:
    """The name mentions of ``sentences`` (the content sentences of an article), in text order.

    >>> from mediadiff.document import Article
    >>> from mediadiff.segment import segment
    >>> doc = segment(Article("a", "DEP Deputy Director Dana Whitcombe met Lena Ortiz at the Central Library."))
    >>> [(m.text, m.kind, m.key, m.title) for m in doc.names]  # doctest: +NORMALIZE_WHITESPACE
    [('Dana Whitcombe', 'person', 'whitcombe', ('dep', 'deputy', 'director')),
     ('Lena Ortiz', 'person', 'ortiz', ()), ('Central Library', 'place', 'library', ())]
    """
    out: list[NameMention] = []
    for sentence in sentences:
        out.extend(read_names(sentence.tokens, sentence.text, sentence.start))
    return tuple(out)


def find_name_words(sentences: Iterable[Sentence]) -> NameWords:
    """The name words of ``sentences`` (the content sentences of an article), token by token:
    the starts of the tokens that are :func:`is_name` (no sentence start left out: a reader
    leaves out the starts it doubts), and the norms written with a capital past a sentence's
    first token and those written in lower case.

    >>> from mediadiff.document import Article
    >>> from mediadiff.segment import segment
    >>> words = segment(Article("a", "Officials said Raman met officials in May.")).name_words
    >>> sorted(words.capitalised), "officials" in words.lowercase, len(words.starts)
    (['may', 'raman'], True, 2)
    """
    starts: list[int] = []
    upper: set[str] = set()
    lower: set[str] = set()
    for s in sentences:
        for k, t in enumerate(s.tokens):
            if t.kind != "word":
                continue
            if t.text[:1].islower():
                lower.add(t.norm)
                continue
            if k:
                upper.add(t.norm)
            if is_name(t):
                starts.append(t.start)
    return NameWords(frozenset(starts), frozenset(upper), frozenset(lower))


def name_norms(documents: Iterable[Document]) -> frozenset[str]:
    """The norms of the words that are names in these articles (from their ``name_words``):
    capitalised somewhere other than at a sentence start, and never written in lower case
    ("Raman", "Kestrel"; not "Officials", nor a headline's title-cased "Leak")."""
    upper: set[str] = set()
    lower: set[str] = set()
    for d in documents:
        upper |= d.name_words.capitalised
        lower |= d.name_words.lowercase
    return frozenset(upper - lower)


def read_names(tokens: Sequence[Token], text: str | None = None, offset: int = 0) -> list[NameMention]:
    """The name mentions read from ``tokens`` alone (one sentence, or any run of tokens), left
    to right; ``text`` is the text the tokens point into, starting at character ``offset`` (by
    default, the tokens' own text, with a space wherever the text has something else).

    >>> from mediadiff.segment import tokenize
    >>> s = "Mayor Ann Lee thanked Dana Whitcombe, deputy director of the agency"
    >>> [(m.text, m.title, m.title_start) for m in read_names(tokenize(s), s)]
    [('Ann Lee', ('mayor',), 0), ('Dana Whitcombe', ('deputy', 'director'), 38)]
    """
    if text is None:
        text, offset = _text_of(tokens)
    out: list[NameMention] = []
    n = len(tokens)
    i = 0
    while i < n:
        if not is_name(tokens[i], person=True):
            i += 1
            continue
        j = i
        while j < n and (is_name(tokens[j], person=True) or (j > i and _initial(tokens[j]))):
            j += 1
        parts = tuple(x for x in tokens[i:j] if not _initial(x))
        if i == 0 and len(parts) == 1:  # a capital opening a sentence says nothing ("We", "It")
            i = j
            continue
        kind: NameKind = "other"
        if len(parts) >= 2:
            place = parts[-1].norm.rstrip(".") in PLACE_WORDS or parts[0].norm.rstrip(".") in PLACE_PREFIXES
            kind = "place" if place else "person"
        title = _title(tokens, i, j)
        start, end = tokens[i].start, tokens[j - 1].end
        out.append(
            NameMention(
                start,
                end,
                text[start - offset : end - offset],
                parts=parts,
                kind=kind,
                title=tuple(_title_norm(x.norm) for x in title if x.kind == "word"),
                title_start=title[0].start if title else None,
                title_end=title[-1].end if title else None,
            )
        )
        i = j
    return out


def _title(tokens: Sequence[Token], i: int, j: int) -> list[Token]:
    """The title of the name ``tokens[i:j]``: title words before it, with the capitalised words
    that qualify them ("DEP Director", "Deputy County Administrator", "Bureau of Investigation
    Director": ``NAME_LINKS`` join them), else the title words after a comma after it ("Dana
    Whitcombe, deputy director of ..."), unless a name follows them: in "Dana Lee, Senator Ann
    Ford" the title is Ford's, not Lee's."""
    n = len(tokens)
    k = i
    while k > 0 and (
        tokens[k - 1].kind == "word" or (k > 1 and tokens[k - 1].text == "." and _abbreviated(tokens[k - 2]))
    ):
        word = tokens[k - 1]
        if word.text == "." or _title_word(word.norm) or (k < i and _title_qualifier(word)):
            k -= 1
        elif (
            k < i
            and k > 1
            and word.norm in NAME_LINKS
            and _title_qualifier(tokens[k - 2])
            and _title_qualifier(tokens[k])
        ):
            k -= 1
        else:
            break
    if k < i or not (j + 1 < n and tokens[j].text == ","):
        return list(tokens[k:i])
    m = j + 1
    if m < n and tokens[m].norm in ("the", "a", "an"):
        m += 1
    after = []
    while m < n and tokens[m].norm in TITLE_WORDS:
        after.append(tokens[m])
        m += 1
    if m < n and is_name(tokens[m], person=True):
        return []  # the title of the next name
    return after


def _title_word(norm: str) -> bool:
    """A word of a title: a title word (time prefix aside) or an abbreviated title ("gov")."""
    return _title_norm(norm) in TITLE_WORDS or norm.rstrip(".") in ABBREVIATED_TITLES


def _abbreviated(t: Token) -> bool:
    """An abbreviated title, whose full stop belongs to the title ("Gov." before a name)."""
    return t.kind == "word" and t.norm.rstrip(".") in ABBREVIATED_TITLES


def _title_norm(norm: str) -> str:
    """A title word without a time prefix: "then-deputy" -> "deputy" (the time is not the job)."""
    for prefix in TIME_PREFIXES:
        if norm.startswith(prefix):
            return norm[len(prefix) :]
    return norm


def _title_qualifier(t: Token) -> bool:
    """A capitalised word that can qualify a title: "County", "DEP" (not "On", "Tuesday")."""
    norm = t.norm.rstrip(".")
    return (
        t.text[:1].isupper()
        and t.text.isalpha()
        and t.norm not in NOT_NAME_WORDS
        and t.norm not in NOT_PERSON_WORDS
        and norm not in MONTH_NUMBERS
        and norm not in WEEKDAYS
    )


def _initial(t: Token) -> bool:
    """An initial inside a name: "Q." in "John Q. Public"."""
    return len(t.text) == 2 and t.text[0].isupper() and t.text[1] == "."
