"""The tokens of a span or of an aligned member, and the form in which words are compared (private).

Shared by the analysers (:mod:`mediadiff.analysis`) and the loaded-language contrast
(:mod:`mediadiff.loaded`), which must not import each other's packages: every reader takes its
tokens from segmentation here and never re-tokenises text.

match_key      the form used to compare a word across outlets (typography folded).
abbreviates    whether a word is an abbreviated title of another ("gov" of "governor").
contracts      whether a short word is a written contraction of another ("ft" of "fort").
forms_of_one   whether two words are forms of one word (an inflectional ending apart).
spelled_out    a word with its contraction spelled out ("don't" -> do not).
span_tokens    the tokens of a document that lie inside ``[start, end)``.
member_tokens  the tokens of a member, taken from its sentence.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ._inflect import lemma_candidates
from .document import Document, Token
from .vocabulary import ABBREVIATED_TITLES, CONTRACTIONS, IS_CONTRACTION_HOSTS, NAME_CONTRACTIONS

if TYPE_CHECKING:
    from .align import Member

__all__ = ["abbreviates", "contracts", "forms_of_one", "match_key", "member_tokens", "span_tokens", "spelled_out"]

_ENDING_MARKS = ("'", "n'")  # how the contracted endings of CONTRACTIONS begin


def match_key(token: Token) -> str:
    """The form used to compare a word across outlets: ``norm`` without hyphens or dots.

    Case, curly quotes, dashes and initialism dots are already folded by segmentation; this
    also treats "well-being"/"wellbeing" and "DOJ."/"D.O.J." alike.
    """
    return token.norm.replace("-", "").replace(".", "")


def abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` is an abbreviated title (ABBREVIATED_TITLES) that stands for the other
    word ``full``, which it begins: house style writes "Gov." where another writes "Governor".

    >>> abbreviates("gov", "governor"), abbreviates("sen", "senator"), abbreviates("sen", "sen")
    (True, True, False)
    >>> abbreviates("senator", "sen"), abbreviates("mr", "mrs")
    (False, False)
    """
    return short in ABBREVIATED_TITLES and full != short and full.startswith(short)


def contracts(short: str, full: str) -> bool:
    """Whether ``short`` is a written contraction of the name word ``full``
    (``NAME_CONTRACTIONS``): house style writes "Ft. Myers" for "Fort Myers", "Mt. Vernon",
    "St. Louis" for "Saint Louis".

    >>> contracts("ft", "fort"), contracts("mt", "mount"), contracts("st", "saint")
    (True, True, True)
    >>> contracts("fort", "ft"), contracts("ames", "amherst"), contracts("kent", "kenton")
    (False, False, False)
    """
    return full in NAME_CONTRACTIONS.get(short, ())


def span_tokens(document: Document, start: int, end: int, *, words_only: bool = True) -> tuple[Token, ...]:
    """The tokens of ``document`` that lie wholly inside ``[start, end)``, in text order.

    Only content (non-boilerplate) sentences are read; punctuation is dropped when ``words_only``.
    """
    out: list[Token] = []
    for sentence in document.sentences:
        if sentence.end <= start or sentence.start >= end or sentence.boilerplate:
            continue
        for t in sentence.tokens:
            if start <= t.start and t.end <= end and (not words_only or t.kind != "punct"):
                out.append(t)
    return tuple(out)


def member_tokens(document: Document, member: Member, *, words_only: bool = True) -> tuple[Token, ...]:
    """The tokens of one member: those of its sentence that lie inside the member's span."""
    sentences = document.sentences
    if 0 <= member.sentence < len(sentences) and sentences[member.sentence].start <= member.start:
        sentence = sentences[member.sentence]
        if member.end <= sentence.end:
            return tuple(
                t
                for t in sentence.tokens
                if member.start <= t.start and t.end <= member.end and (not words_only or t.kind != "punct")
            )
    return span_tokens(document, member.start, member.end, words_only=words_only)


def forms_of_one(a: str, b: str) -> bool:
    """Whether two different words are forms of one word: an inflection of the other or of a
    common base (:func:`mediadiff._inflect.lemma_candidates`: plural, possessive, third person,
    past, participle, comparative, adverb, irregular verbs).

    >>> forms_of_one("pew", "pews"), forms_of_one("ended", "ending"), forms_of_one("make", "making")
    (True, True, True)
    >>> forms_of_one("its", "it"), forms_of_one("tap", "faucet"), forms_of_one("end", "end")
    (False, False, False)
    """
    return a != b and not _bases(a).isdisjoint(_bases(b))


@lru_cache(maxsize=4096)
def _bases(word: str) -> frozenset[str]:
    """The word and the base forms of at least three letters it may be an inflection of (a
    shorter base says little: "its" is no form of "it")."""
    return frozenset(b for b in lemma_candidates(word) if b == word or len(b) >= 3)


def spelled_out(word: str) -> tuple[str, ...]:
    """A word with its contraction spelled out (CONTRACTIONS); other words as they are.

    >>> spelled_out("don't"), spelled_out("can't"), spelled_out("it's"), spelled_out("obama's")
    (('do', 'not'), ('can', 'not'), ('it', 'is'), ("obama's",))
    """
    if not word.startswith(_ENDING_MARKS) and word in CONTRACTIONS:
        return CONTRACTIONS[word]  # a whole word: "can't"
    for ending, words in CONTRACTIONS.items():
        host = word[: -len(ending)]
        if ending.startswith(_ENDING_MARKS) and word.endswith(ending) and host.isalpha():
            return (host, *words) if ending != "'s" or host in IS_CONTRACTION_HOSTS else (word,)
    return (word,)
