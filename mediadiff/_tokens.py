"""The tokens of a span or of an aligned member, and the form in which words are compared (private).

Shared by the analysers (:mod:`mediadiff.analysis`) and the loaded-language contrast
(:mod:`mediadiff.loaded`), which must not import each other's packages: every reader takes its
tokens from segmentation here and never re-tokenises text.

match_key      the form used to compare a word across outlets (typography folded).
span_tokens    the tokens of a document that lie inside ``[start, end)``.
member_tokens  the tokens of a member, taken from its sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .document import Document, Token

if TYPE_CHECKING:
    from .align import Member

__all__ = ["match_key", "member_tokens", "span_tokens"]


def match_key(token: Token) -> str:
    """The form used to compare a word across outlets: ``norm`` without hyphens or dots.

    Case, curly quotes, dashes and initialism dots are already folded by segmentation; this
    also treats "well-being"/"wellbeing" and "DOJ."/"D.O.J." alike.
    """
    return token.norm.replace("-", "").replace(".", "")


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
