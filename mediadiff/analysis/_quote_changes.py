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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from ..vocabulary import ATTRIBUTION_CUES
from ._quote_versions import Keys, Quotations, Version

__all__ = ["AlterationKind", "Change", "changes", "find_splices", "only_attribution"]

AlterationKind = Literal["word_added", "word_dropped", "word_changed", "truncated", "spliced"]

#: One way a version differs from its reference: the kind, the version's words and the
#: reference's words that differ, and the end of the sentence that explains it ("with words
#: replaced").
Change = tuple[AlterationKind, tuple[str, ...], tuple[str, ...], str]


def changes(
    v: Version,
    ref: Version,
    min_similarity: float,
    min_truncated: int,
    same_outlet: Sequence[Version],
    quotations: Quotations,
) -> list[Change]:
    """How ``v`` differs from the reference version ``ref``, in the order word_added,
    word_dropped, word_changed, truncated; none when the two are not versions of one quotation
    (``same_outlet``: the versions of ``v``'s outlet, which may quote the rest elsewhere)."""
    m, blocks = quotations.matched(ref.keys, v.keys)
    if m < 3 or m < min_similarity * min(len(v.keys), len(ref.keys)):
        return []
    first_ref = blocks[0][0]
    last_ref = blocks[-1][0] + blocks[-1][2]
    added, dropped, changed = _differing_words(v, ref, quotations.opcodes(ref.keys, v.keys), first_ref, last_ref)
    out: list[Change] = []
    if added:
        out.append(("word_added", tuple(added), (), "with words that are not in the other outlets' version"))
    if dropped:
        out.append(("word_dropped", (), tuple(dropped), "without words that the other outlets' version has"))
    if changed:
        out.append(("word_changed", tuple(b for _, b in changed), tuple(a for a, _ in changed), "with words replaced"))
    tail = len(ref.keys) - last_ref
    rest_quoted = any(
        quotations.matched(ref.keys[last_ref:], o.keys)[0] >= 0.6 * tail for o in same_outlet if o is not v
    )
    if first_ref == 0 and blocks[0][1] == 0 and tail >= min_truncated and not rest_quoted:
        dropped_end = tuple(w for _, _, w in ref.words[last_ref:])
        out.append(("truncated", (), dropped_end, "cut short: the end of the quotation is missing"))
    return out


def _differing_words(
    v: Version, ref: Version, ops: Sequence[tuple[str, int, int, int, int]], first_ref: int, last_ref: int
) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """The words ``v`` adds inside the stretch it shares with ``ref`` (from the reference's word
    ``first_ref`` to ``last_ref``), the reference's words it drops there, and the (reference's,
    its own) words it replaces, from the diff ``ops`` of the two."""
    added: list[str] = []
    dropped: list[str] = []
    changed: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        outer = i2 <= first_ref or i1 >= last_ref
        if tag == "delete":
            if not outer:
                dropped.extend(w for _, _, w in ref.words[i1:i2])
        elif tag == "insert":
            if 0 < i1 < len(ref.keys) and first_ref < i1 < last_ref + 1 and j1 > 0 and j2 < len(v.keys):
                added.extend(w for _, _, w in v.words[j1:j2])  # words outside the shared stretch are not added
        elif outer and i1 >= last_ref and j1 >= len(v.keys):
            continue
        else:
            changed.append((" ".join(w for _, _, w in ref.words[i1:i2]), " ".join(w for _, _, w in v.words[j1:j2])))
    return added, dropped, changed


def only_attribution(text: str, start: int, end: int) -> bool:
    """Whether what stands between two quoted parts only says who speaks ("," he added, ",",
    "she said. "): the two parts are one statement, not two joined."""
    clauses = [c for c in re.split(r"[.!?]\s", text[start:end]) if re.search(r"\w", c)]
    if not clauses:
        return True
    words = re.findall(r"[\w’'-]+", clauses[0])
    return len(clauses) == 1 and len(words) <= 8 and any(w.lower() in ATTRIBUTION_CUES for w in words)


def find_splices(
    versions: list[Version],
    min_similarity: float,
    quotations: Quotations,
    by_outlet: dict[str, list[Version]],
    texts: dict[str, str],
) -> dict[int, tuple[Version, Version, Version]]:
    """Index of a spliced version -> (itself, first piece, second piece) in the reference outlet.

    What one outlet's quotations say about a version depends only on the version's words, so
    it is worked out once per distinct quotation and outlet; every other outlet has its say (a
    splice is judged by the majority of the outlets that give the words, whole or apart). An
    outlet that gives the words in two parts with only an attribution between them ("“…,” she
    added, “…”") gives them whole.
    """
    spliced: dict[int, tuple[Version, Version, Version]] = {}
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
            spliced[idx] = (v, first, second)
    return spliced
