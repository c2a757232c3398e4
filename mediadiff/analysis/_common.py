"""Private helpers shared by the analysers: token selection, positions, numbers and word lists.

Nothing here is public API. The analysers import this module and never each other, so that each
finding stays a plain function of the :class:`~mediadiff.align.Alignment`.

The tokens of a span or a member, and ``match_key``, are in :mod:`mediadiff._tokens` (the
loaded-language contrast reads them too).

Names
-----
passage_index       passage id -> its position in the alignment's canonical order.
relative_positions  sentence index -> relative position in the article (0 = lead, 1 = end).
member_position     relative position of a member.
read_number         parse a number written in digits or words at a token position
                    (:func:`mediadiff.mentions.read_number`; analysers read ``Document.numbers``).
cited_sources       the sources a sentence attributes its content to ("Raman said", "the audit found").
source_key          the form used to compare a source word across outlets ("Hendricks" ~ "Hendrick").
HEDGES, RESPONSE_CUES, INTENSIFIERS, TITLE_WORDS, SOURCE_NOUNS  word lists.
"""

from __future__ import annotations

from .._clauses import capitalised_words, headline_index
from .._tokens import match_key
from ..align import Alignment, Member
from ..document import Document, Sentence, Span, Token
from ..mentions import read_number
from ..vocabulary import (
    ABBREVIATED_TITLES,
    HEDGES,
    INTENSIFIERS,
    NOT_NAME_WORDS,
    PRONOUNS,
    RANK_WORDS,
    RESPONSE_CUES,
    SOURCE_NOUNS,
    TITLE_WORDS,
)

__all__ = [
    "HEDGES",
    "INTENSIFIERS",
    "NOT_NAME_WORDS",
    "RANK_WORDS",
    "RESPONSE_CUES",
    "SOURCE_NOUNS",
    "TITLE_WORDS",
    "cited_sources",
    "member_position",
    "passage_index",
    "read_number",
    "relative_positions",
    "source_key",
]

# Word lists: the vocabulary's (mediadiff/data/vocabulary.txt), re-exported for the analysers:
# HEDGES, RESPONSE_CUES, INTENSIFIERS, RANK_WORDS, NOT_NAME_WORDS, TITLE_WORDS, SOURCE_NOUNS.


def passage_index(alignment: Alignment) -> dict[str, int]:
    """Passage id -> its position in ``alignment.passages`` (the canonical order)."""
    return {p.id: i for i, p in enumerate(alignment.passages)}


def relative_positions(document: Document) -> dict[int, float]:
    """Sentence index -> relative position (0 = lead, 1 = last sentence).

    The headline is at 0 and the body's sentences spread from 0 (its first) to 1, so that a
    lead sentence is at 0 whether or not the text came with its headline. A body of one
    sentence puts it at 0.
    """
    head = headline_index(document)
    body = [s for s in document.content_sentences if s.index != head]
    n = len(body)
    positions = {s.index: (i / (n - 1) if n > 1 else 0.0) for i, s in enumerate(body)}
    if head is not None:
        positions[head] = 0.0
    return positions


def member_position(document: Document, member: Member, positions: dict[int, float] | None = None) -> float:
    """Relative position (0 = lead, 1 = end) of the sentence a member lies in."""
    positions = positions if positions is not None else relative_positions(document)
    if member.sentence in positions:
        return positions[member.sentence]
    # a member whose sentence index is unknown: fall back to its character offset
    length = max(1, len(document.text))
    return min(1.0, member.start / length)


# ---------------------------------------------------------------------------------------------
# Sources: who or what a sentence attributes its content to


def source_key(token: Token) -> str:
    """The form used to compare a source across outlets: ``match_key`` without a plural or
    possessive ``s`` ("Hendricks"/"Hendrick", "audits"/"audit")."""
    key = match_key(token).removesuffix("'s").removesuffix("’s")
    return key[:-1] if len(key) > 3 and key.endswith("s") and not key.endswith("ss") else key


def _proper(document: Document, token: Token, sentence_start: int, capitalised: frozenset[str]) -> bool:
    """Whether ``token`` is a proper name: a name word of the document (``Document.name_words``,
    :func:`mediadiff.names.is_name`) of letters only past its marks, not a title, a pronoun nor
    an abbreviated title; and when it opens the sentence, a name elsewhere too (in
    ``capitalised``): "Kestrel said", not "Officials said"."""
    if token.start not in document.name_words.starts or not token.text.translate(_NAME_MARKS).isalpha():
        return False  # "O'Neill", "Ocasio-Cortez", "St." are letters
    if token.norm in TITLE_WORDS or token.norm in _NOT_SOURCES:
        return False
    return token.start != sentence_start or token.norm in capitalised


_NAME_MARKS = str.maketrans("", "", ".'’-")
# name words that are not sources: pronouns ("you" too) and abbreviated titles (words that never
# open a name, days and months are no name words: mediadiff.names.is_name)
_NOT_SOURCES = PRONOUNS | frozenset({"you"}) | ABBREVIATED_TITLES


def cited_sources(document: Document, sentence: Sentence, capitalised: frozenset[str] | None = None) -> list[Token]:
    """The sources ``sentence`` attributes its content to, read from the attribution layer.

    Every attribution (:attr:`Document.attributions`) whose cue lies in the sentence or whose
    content overlaps it gives its source (the named source a pronoun stands for, when the layer
    resolved it): a document it names ("the audit found", "state records show"), else the last
    word of the first name in it (the surname: "County Administrator Priya Raman" gives
    "Raman"). A source that names neither ("officials said", "nurses said", an unresolved "she")
    gives none. ``capitalised`` is :func:`capitalised_words` of the articles compared (of this
    one when not given): a word that opens a sentence is a name only if they also capitalise
    it elsewhere.

    >>> from mediadiff.document import Article
    >>> from mediadiff.segment import segment
    >>> doc = segment(Article("a", "Dr. Nadia Ferrante disputed the audit. The county audit found high costs."))
    >>> [[t.text for t in cited_sources(doc, s)] for s in doc.content_sentences]
    [['Ferrante'], ['audit']]
    """
    names = capitalised if capitalised is not None else capitalised_words([document])
    out: list[Token] = []
    for a in document.attributions:
        cue_here = a.cue is not None and sentence.start <= a.cue.start < sentence.end
        if not cue_here and not any(c.start < sentence.end and sentence.start < c.end for c in a.content):
            continue
        span = a.resolved or a.source
        found = _source_in(document, span, names) if span is not None else None
        if found is not None and found not in out:
            out.append(found)
    return sorted(out, key=lambda t: t.start)


def _source_in(document: Document, span: Span, names: frozenset[str]) -> Token | None:
    """The token that names a source in a source span: a document noun, else the last word of
    the first run of names (titles may stand inside it: "Board Chair Gail Hendrick")."""
    sentence = document.sentence_at(span.start)
    if sentence is None:
        return None
    tokens = sentence.tokens
    first = tokens[0].start if tokens else -1
    inside = [k for k, t in enumerate(tokens) if span.start <= t.start < span.end and t.kind == "word"]
    documents = [k for k in inside if tokens[k].norm in SOURCE_NOUNS]
    if documents:
        return tokens[documents[-1]]
    run: list[int] = []
    for k in inside:
        if _proper(document, tokens[k], first, names):
            run.append(k)
        elif run and tokens[k].norm not in TITLE_WORDS:
            break
    return tokens[run[-1]] if run else None
