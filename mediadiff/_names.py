"""Whether a word is a name: one predicate for every analyser that asks (private).

A name is a capitalised word (not a one-letter word) that is not a function word or courtesy
title that opens a sentence or a headline with a capital (``NOT_NAME_WORDS``), not a day or a
month, and not at a sentence start the caller names in ``starts`` (a capital there says nothing
about the word). Two questions differ in what more they ask, and say so by parameter:

``titles``  a job title counts as a name ("the senator" / "Smith" is a change of who is
            named): analysis.wording, which compares who a passage names.
``person``  the word can be part of a person's full name: letters only (no "O'Neill", no
            "DOJ": all capitals is an acronym), not a title, not a month's abbreviation ("Oct")
            and not a word that opens a clause before a name ("New", "Former", "Then"):
            analysis.conflicts, which builds people from runs of such words.

The word classes are the vocabulary's (:mod:`mediadiff.vocabulary`).
"""

from __future__ import annotations

from collections.abc import Set

from .document import Token
from .vocabulary import CALENDAR_WORDS, MONTH_NUMBERS, NOT_NAME_WORDS, NOT_PERSON_WORDS, TITLE_WORDS, WEEKDAYS

__all__ = ["is_name"]


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
            and token.norm not in MONTH_NUMBERS
            and token.norm not in WEEKDAYS
        )
    return token.norm not in CALENDAR_WORDS and token.norm not in NOT_NAME_WORDS
