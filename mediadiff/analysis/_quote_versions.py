"""The versions of one quotation across outlets (private): for :mod:`mediadiff.analysis.quotes`.

Each quotation of each outlet is a version, compared with the others on the matching keys of its
words (typography never counts). Many outlets give a quotation word for word alike (wire copies),
so comparisons are made once per distinct quotation (:class:`Quotations`), and the versions are
linked into groups of one quotation per distinct quotation and speaker (:func:`group_versions`).

Names
-----
Version            one outlet's version of a quotation.
Keys               the matching keys of a version's words.
quote_versions     the versions of the quotations long enough to compare.
by_outlet          the versions of each outlet.
matched            how many words difflib matches between two versions, and where.
akin               whether two words may be one word written two ways.
Op, fit            a version aligned with the stretch of another that fits it best.
Quotations         the comparisons of distinct quotations, each computed once.
group_versions     the versions grouped by quotation.
versions_of_one    whether two quotations are versions of one.
same_speaker       whether two quotations may be one speaker's words.
reference_version  the majority version of a group.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from .._disjoint import DisjointSets
from .._tokens import abbreviates, forms_of_one, span_tokens, spelled_out
from ..align import Alignment
from ..document import Token
from ..vocabulary import PRONOUNS

if TYPE_CHECKING:
    from .quotes import Quote

__all__ = [
    "Keys",
    "Op",
    "Quotations",
    "Version",
    "akin",
    "by_outlet",
    "fit",
    "group_versions",
    "matched",
    "quote_versions",
    "reference_version",
    "same_speaker",
    "versions_of_one",
]


@dataclass(frozen=True, slots=True)
class Version:
    """One outlet's version of a quotation: the quote, its words' matching keys and the words
    (a contraction counts as the words it spells out, a hyphenated word as its parts, each with
    the word).

    Words in square brackets or parentheses are the outlet's own (an editorial clarification:
    "[the mayor]", "(local)") and are left out. A *gap* ``g`` is the place before word ``g`` (``len(words)``: after the
    last); ``marks`` are the gaps where the outlet marks an edit, an ellipsis ("…", "...") or a
    bracketed insertion, and ``stops`` those where a sentence ends (".", "!", "?").
    """

    quote: Quote
    keys: tuple[str, ...]
    words: tuple[tuple[int, int, str], ...]  # (start, end, text) of each word
    marks: frozenset[int] = frozenset()
    stops: frozenset[int] = frozenset()


def quote_versions(alignment: Alignment, quotes: Sequence[Quote], min_words: int) -> list[Version]:
    """The versions of the quotations of at least ``min_words`` words, in the order of ``quotes``."""
    docs = {d.outlet: d for d in alignment.documents}
    out = []
    for q in quotes:
        words, marks, stops = _read_marks(span_tokens(docs[q.outlet], q.start, q.end, words_only=False))
        if len({w.start for _, w in words}) >= min_words:
            keys = tuple(k for k, _ in words)
            out.append(Version(q, keys, tuple((t.start, t.end, t.text) for _, t in words), marks, stops))
    return out


def _read_marks(tokens: Sequence[Token]) -> tuple[list[tuple[str, Token]], frozenset[int], frozenset[int]]:
    """The words of a quotation outside square brackets and parentheses, each with its matching
    key (:func:`_keys`: "it's" is "it", "is"; "year-end" is "year", "end"), the gaps between
    them where an ellipsis or a bracketed insertion stands, and those where a sentence ends."""
    words: list[tuple[str, Token]] = []
    marks: set[int] = set()
    stops: set[int] = set()
    depth = 0
    for k, t in enumerate(tokens):
        if t.kind != "punct":
            if depth == 0:
                words.extend((key, t) for key in _keys(t))
        elif t.text in ("[", "("):
            depth += 1
            marks.add(len(words))
        elif t.text in ("]", ")"):
            depth = max(0, depth - 1)
        elif t.text == "…" or (t.text == "." and "." in (_text(tokens, k - 1), _text(tokens, k + 1))):
            marks.add(len(words))  # an ellipsis: "…", "..." or ". . ."
        elif t.text in (".", "!", "?"):
            stops.add(len(words))
    return words, frozenset(marks), frozenset(stops)


def _keys(t: Token) -> tuple[str, ...]:
    """The matching keys of a quoted word: a hyphenated word its parts ("year-end" is "year",
    "end"), a contraction the words it spells out ("it's" is "it", "is")."""
    return tuple(key for part in t.norm.split("-") if part for key in spelled_out(part.replace(".", "")))


def _text(tokens: Sequence[Token], k: int) -> str:
    return tokens[k].text if 0 <= k < len(tokens) else ""


#: The matching keys of a version's words (:func:`mediadiff.analysis._common.match_key`).
Keys = tuple[str, ...]

#: An edit of the reference's words ``ref[i1:i2]`` into the version's ``v[j1:j2]``: ``(tag, i1,
#: i2, j1, j2)`` as difflib's opcodes, tag "equal", "replace", "delete" or "insert".
Op = tuple[str, int, int, int, int]


def fit(ref: Sequence[str], v: Sequence[str]) -> tuple[list[Op], tuple[int, int]]:
    """The edits that turn the stretch of ``ref`` that fits ``v`` best into ``v``, and that
    stretch (its first word and its end).

    A word for word match scores 4, another form of the word or its abbreviation (:func:`akin`) 2, any other
    word -2; words on one side only cost 4 for the first and 1 for each next one (an outlet that
    leaves out a stretch makes one edit, not one per word). Words of ``ref`` before and after the
    stretch cost nothing (``v`` quotes a part), and so do words of ``v`` beyond either end of
    ``ref`` (``v`` quotes more). Ties go to a word for a word. Quadratic in the two lengths.

    >>> fit("we need a big tent what is this the circus it is not a circus".split(), "what is this a circus".split())
    ([('equal', 5, 8, 0, 3), ('replace', 8, 9, 3, 4), ('equal', 9, 10, 4, 5)], (5, 10))
    """
    m, n = len(ref), len(v)
    best, how, gap_on = _fit_table(ref, v)
    ends = [(best[m][n], m, n)] + [(best[i][n], i, n) for i in range(m)] + [(best[m][j], m, j) for j in range(n)]
    _, i, j = max(ends, key=lambda e: e[0])
    bounds = [(i, j)]  # the cell after each step, walking back from the end
    equal: list[bool] = []
    state = 0  # 0: the best way into the cell; 2, 3: inside a gap of ref's or v's words
    while i > 0 and j > 0:
        step = how[i][j] if state == 0 else state
        equal.append(step == 1 and ref[i - 1] == v[j - 1])
        state = step if step != 1 and gap_on[step - 2][i][j] else 0
        i, j = i - (step != 3), j - (step != 2)
        bounds.append((i, j))
    bounds.reverse()
    equal.reverse()
    ops: list[Op] = []
    k = 0
    while k < len(equal):
        last = k
        while last < len(equal) and equal[last] == equal[k]:
            last += 1
        (i1, j1), (i2, j2) = bounds[k], bounds[last]
        tag = "equal" if equal[k] else "replace" if i1 < i2 and j1 < j2 else "delete" if i1 < i2 else "insert"
        ops.append((tag, i1, i2, j1, j2))
        k = last
    return ops, (bounds[0][0], bounds[-1][0])


def _fit_table(ref: Sequence[str], v: Sequence[str]) -> tuple[list[list[int]], list[list[int]], list[list[list[bool]]]]:
    """:func:`fit`'s table (affine gaps, Gotoh): the best score of each cell with free starts,
    how it is reached (1 a word for a word, 2 a gap of ``ref``'s words, 3 of ``v``'s), and
    for each kind of gap whether the gap that ends in the cell goes on from the cell before."""
    m, n = len(ref), len(v)
    low = -(10**9)
    best = [[0] * (n + 1) for _ in range(m + 1)]
    how = [[1] * (n + 1) for _ in range(m + 1)]
    gap_on = [[[False] * (n + 1) for _ in range(m + 1)] for _ in range(2)]
    skip_ref = [[low] * (n + 1) for _ in range(m + 1)]  # best score ending in a gap of ref's words
    skip_v = [low] * (n + 1)
    for i in range(1, m + 1):
        a, row, above, moves = ref[i - 1], best[i], best[i - 1], how[i]
        skip_v = [low] * (n + 1)
        for j in range(1, n + 1):
            b = v[j - 1]
            opened, extended = above[j] - 4, skip_ref[i - 1][j] - 1
            skip_ref[i][j] = max(opened, extended)
            gap_on[0][i][j] = extended > opened
            opened, extended = row[j - 1] - 4, skip_v[j - 1] - 1
            skip_v[j] = max(opened, extended)
            gap_on[1][i][j] = extended > opened
            score, step = above[j - 1] + (4 if a == b else 2 if akin(a, b) else -2), 1
            if skip_ref[i][j] > score:
                score, step = skip_ref[i][j], 2
            if skip_v[j] > score:
                score, step = skip_v[j], 3
            row[j], moves[j] = score, step
    return best, how, gap_on


def akin(a: str, b: str) -> bool:
    """Whether two different words may be one word of a quotation written two ways: forms of
    one word (:func:`forms_of_one`: "pew" / "pews") or an abbreviated title and the word it
    stands for (:func:`abbreviates`: "sen" / "senator")."""
    return forms_of_one(a, b) or abbreviates(a, b) or abbreviates(b, a)


def matched(a: Sequence[str], b: Sequence[str]) -> tuple[int, list[tuple[int, int, int]]]:
    """How many words of ``a`` difflib matches in ``b``, and its matching blocks ``(i, j, size)``."""
    blocks = [blk for blk in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() if blk.size]
    return sum(b.size for b in blocks), [(b.a, b.b, b.size) for b in blocks]


class Quotations:
    """The distinct quotations (word keys) of the versions, and their comparisons, each computed once.

    Many outlets give a quotation word for word alike (wire copies), so the work is done per
    distinct key tuple, not per version. ``shared`` counts the words two quotations have in
    common: an upper bound on what difflib can match, so that pairs that cannot reach a
    threshold are never diffed (the result is the same).
    """

    def __init__(self, versions: Sequence[Version]) -> None:
        self.bags: dict[Keys, Counter[str]] = {}
        for v in versions:
            if v.keys not in self.bags:
                self.bags[v.keys] = Counter(v.keys)
        self._shared: dict[tuple[Keys, Keys], int] = {}
        self._matched: dict[tuple[Keys, Keys], tuple[int, list[tuple[int, int, int]]]] = {}
        self._fitted: dict[tuple[Keys, Keys], tuple[list[Op], tuple[int, int]]] = {}
        # the word each key comes from (a hyphenated word gives several keys, one word)
        self._word_of: dict[Keys, tuple[int, ...]] = {}
        for v in versions:
            if v.keys not in self._word_of:
                order = {start: i for i, start in enumerate(dict.fromkeys(w[0] for w in v.words))}
                self._word_of[v.keys] = tuple(order[w[0]] for w in v.words)

    def words(self, keys: Keys) -> int:
        """How many words a quotation's keys come from ("Chick-fil-A" is one word, three keys)."""
        return len(set(self._word_of[keys]))

    def matched_words(self, a: Keys, b: Keys) -> int:
        """How many words of ``a`` difflib matches in ``b``, a word counted once however many
        of its keys match: the threshold of one quotation being a version of another."""
        _, blocks = self.matched(a, b)
        word_of = self._word_of[a]
        return len({word_of[i + k] for i, _, size in blocks for k in range(size)})

    def shared(self, a: Keys, b: Keys) -> int:
        pair = (a, b) if a <= b else (b, a)
        got = self._shared.get(pair)
        if got is None:
            small, big = self.bags[pair[0]], self.bags[pair[1]]
            if len(small) > len(big):
                small, big = big, small
            got = self._shared[pair] = sum(min(n, big[w]) for w, n in small.items() if w in big)
        return got

    def matched(self, a: Keys, b: Keys) -> tuple[int, list[tuple[int, int, int]]]:
        got = self._matched.get((a, b))
        if got is None:
            got = self._matched[(a, b)] = matched(a, b)
        return got

    def fitted(self, a: Keys, b: Keys) -> tuple[list[Op], tuple[int, int]]:
        """``fit(a, b)`` (:func:`fit`: ``b`` aligned with the stretch of ``a``
        that fits it best), computed once per pair."""
        got = self._fitted.get((a, b))
        if got is None:
            got = self._fitted[(a, b)] = fit(a, b)
        return got


def by_outlet(versions: Sequence[Version]) -> dict[str, list[Version]]:
    """The versions of each outlet, in their order."""
    by_outlet: dict[str, list[Version]] = {}
    for v in versions:
        by_outlet.setdefault(v.quote.outlet, []).append(v)
    return by_outlet


def group_versions(
    versions: list[Version], rest: list[int], min_similarity: float, quotations: Quotations
) -> list[list[Version]]:
    """The versions in ``rest`` grouped by quotation, each group in index order, groups in the
    order of their first version.

    Two versions are linked when they come from different outlets, one largely matches the
    other (the earlier of the two diffed against the later) and they may be one speaker's words
    (:func:`same_speaker`); a group is a connected set of links. Links are made per distinct
    quotation (its words and its speaker's surname): versions with the same words (at least
    three) and speaker from two or more outlets are all linked together, and two distinct
    quotations that match link each of their versions to one version of the other from a
    different outlet, which connects exactly what linking every such pair would.
    """
    sets = DisjointSets(rest)
    find, union = sets.find, sets.union

    outlet = [v.quote.outlet for v in versions]
    # a distinct quotation is its words and its speaker's surname (None when no person is named):
    # the versions of one are all compatible with each other, and whether two distinct ones may
    # be one speaker's words holds for every pair of their versions
    Held = tuple[Keys, str | None]
    holders: dict[Held, list[int]] = {}
    for i in rest:
        holders.setdefault((versions[i].keys, _surname(versions[i].quote.speaker)), []).append(i)
    distinct = list(holders)
    spread: dict[Held, tuple[int, int | None]] = {}  # first version, first one of another outlet
    for key, idx in holders.items():
        other = next((i for i in idx if outlet[i] != outlet[idx[0]]), None)
        spread[key] = (idx[0], other)
        if other is not None and len(key[0]) >= 3:  # the same words from two outlets or more
            for i in idx[1:]:
                union(idx[0], i)

    def elsewhere(key: Held, o: str) -> int | None:
        first, other = spread[key]
        return first if outlet[first] != o else other

    def links(a: Keys, b: Keys) -> bool:
        m = quotations.matched_words(a, b)
        return m >= 3 and m >= min_similarity * min(quotations.words(a), quotations.words(b))

    for x, ha in enumerate(distinct):
        for hb in distinct[x + 1 :]:
            a, b = ha[0], hb[0]
            if ha[1] is not None and hb[1] is not None and ha[1] != hb[1]:
                continue  # two people named: not one speaker's words
            shared = quotations.shared(a, b)
            if shared < 3 or shared < min_similarity * min(quotations.words(a), quotations.words(b)):
                continue  # difflib cannot match more words than the two have in common
            forward, backward = links(a, b), links(b, a)  # difflib is not quite symmetric
            if forward and backward:
                for side, opposite in ((ha, hb), (hb, ha)):
                    # a quotation given by two outlets or more is already one connected set
                    for i in holders[side][:1] if spread[side][1] is not None else holders[side]:
                        j = elsewhere(opposite, outlet[i])
                        if j is not None:
                            union(i, j)
            elif forward or backward:
                for i in holders[ha]:
                    for j in holders[hb]:
                        if outlet[i] != outlet[j] and (forward if i < j else backward):
                            union(i, j)
    groups: dict[int, list[Version]] = {}
    for i in rest:
        groups.setdefault(find(i), []).append(versions[i])
    return list(groups.values())


def versions_of_one(a: Keys, b: Keys, min_similarity: float, quotations: Quotations) -> bool:
    """Whether two quotations are versions of one: at least three words, and ``min_similarity`` of
    the shorter one's, match in order (either way round: difflib is not quite symmetric); a word
    counts once however many keys it gives ("Chick-fil-A")."""
    least = max(3, min_similarity * min(quotations.words(a), quotations.words(b)))
    if quotations.shared(a, b) < least:
        return False
    return any(quotations.matched_words(x, y) >= least for x, y in ((a, b), (b, a)))


def _surname(speaker: str | None) -> str | None:
    """The surname of a speaker who is a named person ("Sen. Dana Cole" gives "cole"); None for
    a role or a document ("a spokesman", "the report", "another note"), a pronoun or no one."""
    if not speaker:
        return None
    last = speaker.split()[-1].removesuffix("’s").removesuffix("'s").strip(".,")
    return last.lower() if last[:1].isupper() and last.lower() not in PRONOUNS else None


def same_speaker(a: str | None, b: str | None) -> bool:
    """Whether two quotations may be one speaker's words: yes unless both name a person and the
    names differ (compared by surname: "Sen. Dana Cole" and "Cole" are one). A speaker given as
    a role or a document ("a spokesman", "the report", "another note") or not at all does not
    decide: outlets attribute the same words to a person, a participant or the notes of one."""
    x, y = _surname(a), _surname(b)
    return x is None or y is None or x == y


def reference_version(group: list[Version]) -> Version:
    """The majority version: the words the most other outlets give exactly alike; ties go to the
    longest (a wire copy), then outlet id and offset. What other articles happen to be in the
    set never decides between two versions that as many outlets give."""
    outlets: dict[Keys, set[str]] = {}
    for o in group:
        outlets.setdefault(o.keys, set()).add(o.quote.outlet)

    def rank(v: Version) -> tuple[int, int, str, int]:
        return (-len(outlets[v.keys] - {v.quote.outlet}), -len(v.keys), v.quote.outlet, v.quote.start)

    return min(group, key=rank)
