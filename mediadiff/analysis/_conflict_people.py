"""People conflicts: the titles and names outlets give the same person, and a name put in
another's place in the same words.

The people are the document's person names (:attr:`Document.names`, read once by
:mod:`mediadiff.names`), matched across outlets by surname (``NameMention.key``).

Names
-----
NameIndex        per outlet, where its sentences start and which words belong to a name.
name_index       the NameIndex of a story's documents, built once.
passage_people   the people each outlet names in a passage, and its words, headlines aside.
people_clashes   the title and name clashes of one passage.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from typing import NamedTuple

from .._inflect import plural_pair
from .._tokens import abbreviates, contracts, member_tokens
from ..align import Member
from ..document import Document, NameMention, Token
from ..vocabulary import NAME_LINKS, RANK_WORDS
from ._conflict_values import Clash, Stated, disagree, in_text_order

__all__ = ["NameIndex", "name_index", "passage_people", "people_clashes"]

#: The names a passage's members give, as ``(outlet, name)`` pairs.
People = list[tuple[str, NameMention]]
#: Surname -> its names, as ``(outlet, name)`` pairs, in the order they were read.
BySurname = Mapping[str, People]


class NameIndex(NamedTuple):
    """Per outlet: the starts of its sentences' first words, and of the words of its names."""

    starts: dict[str, frozenset[int]]
    named: dict[str, frozenset[int]]


def name_index(docs: Mapping[str, Document]) -> NameIndex:
    """Where each document's sentences start and which of its words belong to a name."""
    return NameIndex(
        {o: frozenset(s.tokens[0].start for s in d.sentences if s.tokens) for o, d in docs.items()},
        {o: frozenset(t.start for x in d.names for t in x.parts) for o, d in docs.items()},
    )


def _people(document: Document, start: int, end: int) -> list[NameMention]:
    """The people named in ``[start, end)``: the document's person names (:attr:`Document.names`,
    read once by :mod:`mediadiff.names`) that lie in it, each with its title when the title lies
    in it too (a clause that ends before ", deputy director of ..." gives the name without it)."""
    out = []
    for x in document.names_in(start, end):
        if x.kind != "person" or x.end > end:
            continue
        if (
            x.title_start is not None
            and x.title_end is not None
            and not (start <= x.title_start and x.title_end <= end)
        ):
            x = dataclasses.replace(x, title=(), title_start=None, title_end=None)
        out.append(x)
    return out


def _headline(text: str, tokens: Sequence[Token]) -> bool:
    """Whether a member reads as a headline: no closing punctuation, and most of its longer
    words capitalised (title case would make every word look like a name)."""
    words = [t for t in tokens if t.kind == "word" and len(t.text) > 3]
    return bool(
        not text.rstrip("\"'”’)").endswith((".", "!", "?"))
        and words
        and sum(t.text[:1].isupper() for t in words) / len(words) > 0.6
    )


def passage_people(members: Sequence[Member], docs: Mapping[str, Document]) -> tuple[People, dict[str, list[Token]]]:
    """The people each member names, as ``(outlet, name)`` pairs, and each outlet's words
    (punctuation aside), its members in the order given; headlines are left out."""
    people: People = []
    words: dict[str, list[Token]] = {}
    for m in members:
        tokens = member_tokens(docs[m.outlet], m, words_only=False)
        if _headline(m.text, tokens):
            continue
        people.extend((m.outlet, x) for x in _people(docs[m.outlet], m.start, m.end))
        words.setdefault(m.outlet, []).extend(t for t in tokens if t.kind != "punct")
    return people, words


def _named(start: int, end: int, value: str, unit: str = "name") -> Stated:
    """A name or a title as a stated value: no range, no qualifier."""
    return Stated(unit, unit, value, None, None, start, end, "")


# ---------------------------------------------------------------------------------------------
# titles


def _core(title: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a title that say what the job is ("former" and "then" say when)."""
    return tuple(w for w in title if w not in ("former", "then", "now", "the"))


def _initialism(short: str, words: Sequence[str]) -> tuple[int, int] | None:
    """Where ``short`` is the initialism of a run of ``words`` (``NAME_LINKS`` left out): the
    run's first and past-last index, or None ("rnc" in "republican national committee chairman").

    >>> _initialism("fbi", ("federal", "bureau", "of", "investigation", "director"))
    (0, 4)
    >>> _initialism("ceo", ("chief", "financial", "officer")) is None
    True
    """
    if len(short) < 2 or not short.isalpha():
        return None
    for first in range(len(words)):
        if words[first] in NAME_LINKS:
            continue
        letters, k = "", first
        while k < len(words) and len(letters) < len(short):
            if words[k] not in NAME_LINKS:
                letters += words[k][:1]
            k += 1
        if letters == short:
            return first, k
    return None


def _spelled_out(a: tuple[str, ...], b: tuple[str, ...]) -> frozenset[str]:
    """The words of title ``a`` as title ``b`` writes them: a run of ``a`` whose initialism is a
    word of ``b`` becomes that word ("republican national committee" -> "rnc"), and an abbreviated
    title the word of ``b`` it begins ("gov" -> "governor")."""
    words = list(a)
    for w in b:
        if w not in words and (run := _initialism(w, words)) is not None:
            words[run[0] : run[1]] = [w]
    return frozenset(next((x for x in b if abbreviates(w, x)), w) for w in words)


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two titles can name the same job: one is a shortening of the other, without
    dropping a rank word ("deputy attorney general" ~ "deputy", but not "deputy director" ~
    "director"); an initialism or an abbreviated title stands for the words it shortens
    ("RNC chairman" ~ "Republican National Committee chairman", "Gov." ~ "governor").

    >>> _compatible(("rnc", "chairman"), ("republican", "national", "committee", "chairman"))
    True
    >>> _compatible(("arkansas", "gov"), ("governor",))
    True
    >>> _compatible(("senator",), ("governor",))
    False
    """
    x, y = _spelled_out(a, b), _spelled_out(b, a)
    if not (x <= y or y <= x):
        return False
    return not ((x ^ y) & RANK_WORDS)


def _same_person(a: NameMention, b: NameMention) -> bool:
    """Whether two mentions of one surname can name the same person: their first names do not
    contradict (one of them gives none, or both give the same)."""
    return len(a.words) < 2 or len(b.words) < 2 or a.words[0] == b.words[0]


def _title_clashes(by_surname: BySurname) -> list[Clash]:
    """Each person to whom two outlets give titles that cannot name the same job. The titles
    compared are those of one person: the mentions of a surname whose first names do not
    contradict ("Dana Lee" and "Lee" may be one person; "Dana Lee" and "Ann Lee" are two)."""
    out = []
    for surname, items in sorted(by_surname.items()):
        titled = [(o, x) for o, x in items if x.title]
        for _, person in titled:
            same = [(o, x) for o, x in titled if _same_person(person, x)]
            titles = {o: {_core(x.title) for oo, x in same if oo == o} for o, _ in same}
            if disagree(titles, _compatible):
                values = tuple(
                    (o, _named(x.title_start or 0, x.title_end or 0, " ".join(x.title), "title"))
                    for o, x in sorted(same, key=in_text_order)
                )
                out.append(Clash("title", surname, values, "title"))
                break
    return out


# ---------------------------------------------------------------------------------------------
# names


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether one name is the other or a shorter form of it: its words run in the other in
    order ("marine corps reserve" in "united states marine corps reserve").

    >>> _same_name(("marine", "corps", "reserve"), ("united", "states", "marine", "corps", "reserve"))
    True
    >>> _same_name(("dana", "whitcombe"), ("lena", "whitcombe"))
    False
    """
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return bool(short) and any(long_[k : k + len(short)] == short for k in range(len(long_) - len(short) + 1))


def _spelling_clashes(by_surname: BySurname) -> list[Clash]:
    """The same person spelled differently: two similar surnames that two outlets give."""
    out = []
    surnames = sorted(by_surname)
    for a_i, a in enumerate(surnames):
        for b in surnames[a_i + 1 :]:
            if SequenceMatcher(None, a, b).ratio() < 0.8:
                continue
            items = by_surname[a] + by_surname[b]
            if len({o for o, _ in items}) >= 2:
                values = tuple((o, _named(x.start, x.end, x.key)) for o, x in sorted(items, key=in_text_order))
                out.append(Clash("name", a, values, "spelling"))
    return out


def _first_name_clashes(by_surname: BySurname) -> list[Clash]:
    """One surname with different first names in two outlets: none of the first names one
    outlet gives for it is one the other gives (an outlet that names "Rhea Lund" and "Tomas
    Lund" agrees with one that names "Rhea Lund"; a longer form of the same name is no other
    name: "Marine Corps Reserve" / "United States Marine Corps Reserve")."""
    out = []
    for surname, items in sorted(by_surname.items()):
        full: dict[str, list[tuple[str, ...]]] = {}
        for o, x in items:
            if x.words[0] != x.key:
                full.setdefault(o, []).append(x.words)
        if disagree(full, lambda a, b: a[0] == b[0] or _same_name(a, b)):
            values = tuple(
                (o, _named(x.start, x.end, x.words[0] + " " + x.key)) for o, x in sorted(items, key=in_text_order)
            )
            out.append(Clash("name", surname, values, "first names"))
    return out


def _is_name(t: Token, names: frozenset[int]) -> bool:
    """A word of a name: one of the words of the document's name mentions (``names``: their
    starts; :func:`mediadiff.names.is_name` with ``person``)."""
    return t.start in names


def _swapped_names(words: dict[str, list[Token]], index: NameIndex, taken: set[str]) -> list[Clash]:
    """One name put in another's place, in the same words: "a shelter in Norfolk" / "a shelter in
    Norwalk". Each pair of outlets' words (the members' words, in order) is diffed; a single
    capitalised name (not opening a sentence, not a title word, a month or a weekday) replaced by
    another that is not its written contraction ("Ft." for "Fort") nor its plural, with a word
    alike on either side, that the other outlet does not use anywhere in the passage, is a clash. Names already
    in a clash of this passage (``taken``: surnames) are left to it."""
    keys = {o: [t.norm for t in ws] for o, ws in words.items()}
    slots: dict[frozenset[str], dict[tuple[str, int], Token]] = {}
    outlets = sorted(words)
    for ia, a in enumerate(outlets):
        for b in outlets[ia + 1 :]:
            sm = SequenceMatcher(None, keys[a], keys[b], autojunk=False)
            for tag, i1, i2, j1, j2 in sm.get_opcodes():
                if tag != "replace" or i2 - i1 != 1 or j2 - j1 != 1:
                    continue
                ta, tb = words[a][i1], words[b][j1]
                if not (
                    _is_name(ta, index.named[a])
                    and _is_name(tb, index.named[b])
                    and ta.start not in index.starts[a]
                    and tb.start not in index.starts[b]
                ):
                    continue
                if not ((i1 > 0 and j1 > 0) or (i2 < len(keys[a]) and j2 < len(keys[b]))):
                    continue  # nothing alike around it: not the same slot
                if ta.norm in keys[b] or tb.norm in keys[a] or {ta.norm, tb.norm} & taken:
                    continue  # the other outlet names it too, elsewhere: moved, not changed
                if contracts(ta.norm, tb.norm) or contracts(tb.norm, ta.norm) or plural_pair(ta.norm, tb.norm):
                    continue  # house style ("Ft." for "Fort"), or a plural ("Democrats"): one name
                slot = slots.setdefault(frozenset((ta.norm, tb.norm)), {})
                slot[(a, ta.start)] = ta
                slot[(b, tb.start)] = tb
    out = []
    for pair, found in sorted(slots.items(), key=lambda x: sorted(x[0])):
        values = tuple((o, _named(t.start, t.end, t.norm)) for (o, _), t in sorted(found.items()))
        if len({o for o, _ in values}) >= 2:
            out.append(Clash("name", min(pair), values, "same words"))
    return out


def people_clashes(people: People, words: dict[str, list[Token]], index: NameIndex) -> list[Clash]:
    """The clashes of one passage's people (see :func:`passage_people`): titles that cannot
    name the same job, surnames spelled differently, different first names, then a name put
    in another's place in the same words (names of the other clashes aside)."""
    by_surname: dict[str, People] = {}
    for outlet, x in people:
        by_surname.setdefault(x.key, []).append((outlet, x))
    named = _title_clashes(by_surname) + _spelling_clashes(by_surname) + _first_name_clashes(by_surname)
    said = [v.value for c in named for _, v in c.values if isinstance(v.value, str)]
    taken = set(said) | {c.unit for c in named} | {w for value in said for w in value.split()}
    return named + _swapped_names(words, index, taken)
