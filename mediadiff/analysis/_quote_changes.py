"""How a version of a quotation differs from the reference version (private): for :mod:`mediadiff.analysis.quotes`.

Words added inside the quoted stretch, words of the reference dropped or replaced, an ending cut
short, and two quotations that one outlet runs together where others give them apart.

Names
-----
AlterationKind   the kinds of a quote alteration.
Change           one way a version differs: kind, its words, the reference's words, and why.
changes          how a version differs from its reference version.
find_splices     the versions that run two quotations together.
only_attribution whether the words between two quoted parts only say who speaks.
speakers         whom an alteration's explanation names: the outlet's speaker and the reference's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from .._inflect import looks_past
from .._tokens import abbreviates, forms_of_one
from ..segment import split_sentences
from ..vocabulary import (
    ATTRIBUTION_CUES,
    AUXILIARIES,
    BE_FORMS,
    CLAUSE_OPENERS,
    DETERMINERS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    SUBORDINATORS,
    TRANSCRIPTION_WORDS,
)
from ._quote_versions import Keys, Op, Quotations, Version

__all__ = ["AlterationKind", "Change", "changes", "find_splices", "only_attribution", "speakers"]

AlterationKind = Literal["word_added", "word_dropped", "word_changed", "truncated", "spliced", "variant"]

#: One way a version differs from its reference: the kind, the version's words and the
#: reference's words that differ, and the end of the sentence that explains it ("with words
#: replaced").
Change = tuple[AlterationKind, tuple[str, ...], tuple[str, ...], str]

_EXPLAINED: dict[AlterationKind, str] = {
    "word_added": "with words that are not in the other outlets' version",
    "word_dropped": "without words that the other outlets' version has",
    "word_changed": "with words replaced",
    "variant": "with a minor variant (a function word or another form of a word)",
}


def changes(
    v: Version,
    ref: Version,
    min_similarity: float,
    min_truncated: int,
    same_outlet: Sequence[Version],
    quotations: Quotations,
) -> tuple[list[Change], tuple[int, int]]:
    """How ``v`` differs from the reference version ``ref``: the most telling way (word_changed,
    word_added, word_dropped, truncated, variant), its explanation naming the others (none when
    the two are not versions of one quotation; ``same_outlet``: the versions of ``v``'s outlet, which may quote the rest
    elsewhere), and the words of ``ref`` it corresponds to (first word, end), the rest of the
    reference included when ``v`` is cut short.

    ``v`` is aligned with the stretch of ``ref`` that fits it best (:func:`._quote_versions.fit`): words of the
    reference before or after that stretch are an excerpt's edges, not alterations. Words at an
    edit that either outlet marks (an ellipsis, brackets, parentheses) are not compared; two spellings that
    join into one ("in to" / "into", "year-end" / "year end") and an abbreviated title and its
    word ("Sen." / "Senator") are house style; one transcription word more, less or swapped
    (TRANSCRIPTION_WORDS) or another form of a word ("pew" / "pews") is a ``variant``."""
    m, _ = quotations.matched(ref.keys, v.keys)
    if m < 3 or m < min_similarity * min(len(v.keys), len(ref.keys)):
        return [], (0, len(ref.keys))
    ops, (rs, re_) = quotations.fitted(ref.keys, v.keys)
    found: dict[AlterationKind, tuple[list[str], list[str]]] = {}
    for op in ops:
        kind = _kind(op, v, ref)
        if kind is not None:
            mine, theirs = found.setdefault(kind, ([], []))
            mine.append(_text(v.words[op[3] : op[4]]))
            theirs.append(_text(ref.words[op[1] : op[2]]))
    out: list[Change] = []
    for kind in ("word_added", "word_dropped", "word_changed"):
        if kind in found:
            out.append((kind, _words(found[kind][0]), _words(found[kind][1]), _EXPLAINED[kind]))
    tail = len(ref.keys) - re_
    if (
        rs == 0
        and ops
        and ops[0][3] == 0
        and tail >= min_truncated
        and _cut_short(v, ref, re_, same_outlet, quotations)
    ):
        dropped = tuple(_text(ref.words[re_:]).split(" "))
        out.append(("truncated", (), dropped, "cut short: the end of the quotation is missing"))
        re_ = len(ref.keys)
    if "variant" in found:
        out.append(("variant", _words(found["variant"][0]), _words(found["variant"][1]), _EXPLAINED["variant"]))
    return _most_telling(out), (rs, re_)


#: The kinds of change from the most telling to the least: one pair of quotations gives one finding.
_TELLING: tuple[AlterationKind, ...] = ("word_changed", "word_added", "word_dropped", "truncated", "variant")


def _most_telling(found: list[Change]) -> list[Change]:
    """The most telling of the ways a version differs (none if it does not), its explanation
    naming the others: one pair of quotations is one finding, however many ways they differ."""
    if not found:
        return []
    found = sorted(found, key=lambda c: _TELLING.index(c[0]))
    kind, words, ref_words, why = found[0]
    also = "; ".join(c[3] for c in found[1:] if c[0] != "variant")
    return [(kind, words, ref_words, f"{why}; also {also}" if also else why)]


def _text(words: Sequence[tuple[int, int, str]]) -> str:
    """The words of a stretch, a contraction once (its spelled-out words share it)."""
    return " ".join(w for k, (start, _, w) in enumerate(words) if k == 0 or words[k - 1][0] != start)


def _words(parts: list[str]) -> tuple[str, ...]:
    return tuple(p for p in parts if p)


def _cut_short(v: Version, ref: Version, end: int, same_outlet: Sequence[Version], quotations: Quotations) -> bool:
    """Whether ``v``, which starts like ``ref`` and stops at its word ``end``, cuts the quotation
    short: it stops inside one of the reference's sentences (quoting whole sentences of a longer
    statement is excerpting), neither version marks an ellipsis where it stops (the reference's
    words after one are an excerpt of their own), and its outlet does not quote the rest
    elsewhere."""
    if end in ref.stops or end in ref.marks or len(v.keys) in v.marks:
        return False
    tail = len(ref.keys) - end
    return not any(quotations.matched(ref.keys[end:], o.keys)[0] >= 0.6 * tail for o in same_outlet if o is not v)


def _kind(op: Op, v: Version, ref: Version) -> AlterationKind | None:
    """What an edit of the reference's words into the version's is: None when it is no
    alteration (at an edit either outlet marks; typography), else an alteration kind."""
    tag, i1, i2, j1, j2 = op
    if tag == "equal":
        return None
    if any(g in ref.marks for g in range(i1, i2 + 1)) or any(g in v.marks for g in range(j1, j2 + 1)):
        return None  # an ellipsis or a bracket: the outlet shows its edit
    theirs, mine = ref.keys[i1:i2], v.keys[j1:j2]
    if "".join(theirs) == "".join(mine):
        return None  # "in to" / "into": typography
    if len(theirs) == len(mine) and all(
        abbreviates(a, b) or abbreviates(b, a) for a, b in zip(theirs, mine, strict=True)
    ):
        return None  # "Sen." / "Senator": house style
    if len(theirs) + len(mine) == 1 and (*theirs, *mine)[0] in TRANSCRIPTION_WORDS:
        return "variant"  # "admit that I'm" / "admit I'm"
    if len(theirs) == len(mine) == 1 and theirs[0] in TRANSCRIPTION_WORDS and mine[0] in TRANSCRIPTION_WORDS:
        return "variant"  # "a circus" / "the circus"
    if len(theirs) == len(mine) and all(forms_of_one(a, b) for a, b in zip(theirs, mine, strict=True)):
        return "variant"  # "pew" / "pews"
    return _PLAIN_KINDS[tag]


#: The kind of an edit that is an alteration, by its tag.
_PLAIN_KINDS: dict[str, AlterationKind] = {"insert": "word_added", "delete": "word_dropped", "replace": "word_changed"}


#: The longest attribution that may stand between two parts of one statement ("he said in an
#: interview with the local paper on Tuesday"), in words.
MAX_ATTRIBUTION_WORDS = 20
#: Words after the cue that bring in content of the outlet's own ("she said, adding that…",
#: "said Ann Lee, who…"); "and", "or" and "so" join names too ("on Fox and Friends").
_CONTENT_OPENERS = (CLAUSE_OPENERS - {"and", "or", "so"}) | RELATIVE_PRONOUNS


def _opens_content(words: Sequence[str], i: int) -> bool:
    """Whether ``words[i]`` opens content of its own after a cue: a clause opener, or a
    subordinator with a verb after it ("he said as the vote began"; "she said after the
    hearing" only says when)."""
    if words[i] in _CONTENT_OPENERS:
        return True
    rest = words[i + 1 :]
    return words[i] in SUBORDINATORS and any(w in AUXILIARIES or w in BE_FORMS or looks_past(w) for w in rest)


def only_attribution(text: str, start: int, end: int) -> bool:
    """Whether what stands between two quoted parts only says who speaks (",” he added, “",
    "she said in an interview. "): the two parts are one statement, not two joined.

    The gap is one clause with a speech cue among its first eight words (the speaker and a
    title may come first) and nothing after the cue that opens a clause of its own; the
    circumstances of the saying may follow ("in an interview", "on Tuesday", "after the
    hearing", "to reporters").
    """
    # the project's sentence splitter: no cut after an abbreviation or initial ("Gov. Lee said")
    clauses = [x.text for x in split_sentences(text[start:end]) if re.search(r"\w", x.text)]
    if not clauses:
        return True
    words = [w.lower() for w in re.findall(r"[\w’'-]+", clauses[0])]
    cue = next((i for i, w in enumerate(words[:8]) if w in ATTRIBUTION_CUES), None)
    return (
        len(clauses) == 1
        and cue is not None
        and len(words) <= MAX_ATTRIBUTION_WORDS
        and not any(_opens_content(words, i) for i in range(cue + 1, len(words)))
    )


def find_splices(
    versions: list[Version],
    min_similarity: float,
    quotations: Quotations,
    by_outlet: dict[str, list[Version]],
    texts: dict[str, str],
) -> dict[int, tuple[Version, Version, Version, bool]]:
    """Index of a spliced version -> (itself, first piece, second piece in the reference outlet,
    majority: more outlets give the words apart than whole).

    What one outlet's quotations say about a version depends only on the version's words, so
    it is worked out once per distinct quotation and outlet; every other outlet has its say (a
    splice is judged by the majority of the outlets that give the words, whole or apart). An
    outlet that gives the words in two parts with only an attribution between them ("“…,” she
    added, “…”") gives them whole.
    """
    spliced: dict[int, tuple[Version, Version, Version, bool]] = {}
    all_outlets = sorted(by_outlet)
    verdicts: dict[tuple[Keys, str], tuple[bool, tuple[Version, Version] | None]] = {}

    def verdict(keys: Keys, outlet: str) -> tuple[bool, tuple[Version, Version] | None]:
        """Whether ``outlet`` gives the whole quotation, and its first and last piece if it
        gives it apart."""
        pieces = []
        whole = False
        for r in by_outlet[outlet]:
            shared = quotations.shared(keys, r.keys)
            if shared < 3 or (shared < 0.8 * len(r.keys) and shared < min_similarity * len(keys)):
                continue  # too few words in common for a piece or the whole (difflib matches no more)
            m, blocks = quotations.matched(keys, r.keys)
            if m >= 3 and m >= 0.8 * len(r.keys) and m < 0.8 * len(keys):
                pieces.append((blocks[0][0], r))
            elif m >= 3 and m >= min_similarity * len(keys):
                whole = True
        pieces.sort(key=lambda x: x[0])
        if len(pieces) >= 2 and not whole and sum(len(r.keys) for _, r in pieces) >= 0.8 * len(keys):
            first, last = pieces[0][1], pieces[-1][1]
            if only_attribution(texts[outlet], first.quote.end, last.quote.start):
                return True, None  # "“…,” he added. “…”": one statement, split only to say who
            return whole, (first, last)
        return whole, None

    for idx, v in enumerate(versions):
        outlets = [o for o in all_outlets if o != v.quote.outlet]
        apart: list[tuple[str, Version, Version]] = []
        joined = 1  # this version itself
        for outlet in outlets:
            if (v.keys, outlet) not in verdicts:
                verdicts[(v.keys, outlet)] = verdict(v.keys, outlet)
            whole, pieces = verdicts[(v.keys, outlet)]
            if pieces is not None:
                apart.append((outlet, *pieces))
            elif whole:
                joined += 1
        if apart and len(apart) >= joined:
            _, first, second = apart[0]
            spliced[idx] = (v, first, second, len(apart) > joined)
    return spliced


# determiners before a speaker's title ("the spokesman", "one official"): the vocabulary's, with
# "one" and "another"
_DETERMINERS = DETERMINERS | frozenset({"one", "another"})


def speakers(own: str | None, reference: str | None) -> tuple[str, str | None]:
    """Whom an alteration's explanation says the outlet quotes (its own speaker; the reference's when it names
    none or only a pronoun), and the reference's speaker when the two name different people."""

    def named(speaker: str | None) -> str | None:
        if not speaker or speaker.lower() in PRONOUNS:
            return None
        first, _, rest = speaker.partition(" ")
        # "Another note" -> "another note" inside a sentence; names keep their capitals
        return f"{first.lower()} {rest}" if rest and first.lower() in _DETERMINERS else speaker

    mine, theirs = named(own), named(reference)
    if mine is None:
        return theirs or "the speaker", None
    differ = theirs is not None and mine.split()[-1].lower() != theirs.split()[-1].lower()
    return mine, theirs if differ else None
