"""Guards of the loaded-language detector: where a lexicon word in the text is not the lexicon's word.

A capitalised word inside a name ("Dana Bash", "Savage Arms said") is a name, an irregular past
form right after a determiner is a noun ("a bit" is not "bite"), and nothing crosses a line break.

Names
-----
breaks            whether a line break separates two neighbouring tokens.
name_like         indices of the capitalised words that are parts of names.
misread           whether a verb entry matched through an irregular past form is a noun.
title_case_lines  starts of the lines written in title case (headlines; a calibration feature).
"""

from __future__ import annotations

from collections.abc import Sequence

from .._inflect import IRREGULAR_FORMS, foreign_ending
from ..document import Token
from ..vocabulary import DETERMINERS, MODAL_ADJECTIVES
from .lexicon import LexiconEntry

__all__ = ["breaks", "misread", "name_like", "title_case_lines"]

# A capitalised word right after one of these (or at a line start) opens a sentence or a quotation.
_OPENERS = ".!?\"“”'‘’:"
# A line whose longer words are mostly capitalised is a title-case headline.
_TITLE_CASE_SHARE = 0.6


def breaks(source: str, left: Token, right: Token) -> bool:
    """Whether a line break separates two neighbouring tokens (no span crosses it)."""
    return "\n" in source[left.end : right.start]


def _capitalised_by_line(source: str, tokens: Sequence[Token]) -> dict[int, list[int]]:
    """Line start -> one flag per word longer than three letters on that line: 1 when capitalised."""
    flags: dict[int, list[int]] = {}
    for t in tokens:
        if t.kind == "word" and len(t.text) > 3:
            flags.setdefault(source.rfind("\n", 0, t.start) + 1, []).append(int(t.text[:1].isupper()))
    return flags


def title_case_lines(source: str, tokens: Sequence[Token]) -> frozenset[int]:
    """Starts of lines written in title case (headlines): most of their longer words capitalised."""
    counts = _capitalised_by_line(source, tokens)
    return frozenset(
        line for line, flags in counts.items() if len(flags) >= 2 and sum(flags) / len(flags) >= _TITLE_CASE_SHARE
    )


def name_like(source: str, tokens: Sequence[Token]) -> set[int]:
    """Indices of capitalised words inside a name ("Dana Bash", "Fury Road"), not a title-case headline.

    A word counts when it is capitalised, not the first of its sentence, next to another
    capitalised word, and its line is not mostly capitalised words (a headline); then so does
    every capitalised use of such a word elsewhere in the text ("Bash told ...").
    """
    out: set[int] = set()
    caps = [t.kind == "word" and t.text[:1].isupper() and not t.text.isupper() for t in tokens]
    line_of = [source.rfind("\n", 0, t.start) + 1 for t in tokens]
    line_share = {line: sum(flags) / len(flags) for line, flags in _capitalised_by_line(source, tokens).items()}
    for i, tok in enumerate(tokens):
        if not caps[i] or i == 0 or tokens[i - 1].text in _OPENERS or breaks(source, tokens[i - 1], tok):
            continue
        if not ((caps[i - 1]) or (i + 1 < len(tokens) and caps[i + 1] and not breaks(source, tok, tokens[i + 1]))):
            continue
        line_start = line_of[i]
        line_share.setdefault(line_start, 0.0)
        if line_share[line_start] < _TITLE_CASE_SHARE:
            out.add(i)
    # a word the prose capitalises mid-sentence is a name ("said Savage"), and so is a
    # sentence's capitalised first word followed by another capitalised word ("Savage Arms
    # said"), unless the text also writes it in lower case (then it is the ordinary word)
    lower = {t.norm for t in tokens if t.kind == "word" and t.text[:1].islower()}
    for i, tok in enumerate(tokens):
        if not caps[i] or tok.norm in lower or line_share.get(line_of[i], 0.0) >= _TITLE_CASE_SHARE:
            continue
        initial = i == 0 or tokens[i - 1].text in _OPENERS or breaks(source, tokens[i - 1], tok)
        if not initial and tokens[i - 1].kind == "word":
            out.add(i)
        elif initial and i + 1 < len(tokens) and caps[i + 1] and not breaks(source, tok, tokens[i + 1]):
            out.add(i)
    # a surname the text has used in a name is a name wherever it is capitalised: "John Bash ...
    # Bash told his staff" (not the verb "bash")
    known = {tokens[i].norm for i in out}
    out.update(i for i, t in enumerate(tokens) if caps[i] and t.norm in known)
    return out


def misread(tokens: Sequence[Token], i: int, entry: LexiconEntry) -> bool:
    """Whether an entry's match is another word: a modal adjective before "to" ("was supposed
    to be": ``MODAL_ADJECTIVES``), a form with an ending that the entry's part of
    speech does not take (an adjective through ``-ed`` or ``-ing``, a noun through
    ``-er`` or ``-est``: :func:`mediadiff._inflect.foreign_ending`), or a verb entry's irregular past
    form right after a determiner, which is a noun ("a bit" is not "bite", "the shot" not "to
    shoot"); regular verb forms and the base ("an ambush", "the rigged vote") are left to the
    entry."""
    norm = tokens[i].norm
    base = entry.words[0] or ""
    if norm in MODAL_ADJECTIVES and i + 1 < len(tokens) and tokens[i + 1].norm == "to":
        return True  # "was supposed to be": what was expected, no doubt cast
    if foreign_ending(norm, base, entry.pos):
        return True
    if entry.pos != "verb" or i == 0 or IRREGULAR_FORMS.get(norm) != base:
        return False
    return tokens[i - 1].norm in DETERMINERS
