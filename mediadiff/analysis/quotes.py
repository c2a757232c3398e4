"""Quotes: direct quotations with their speakers, and quotations that outlets alter.

:func:`extract_quotes` takes the quotations that segmentation found (straight and curly marks,
nested, spanning sentences, unbalanced) and the speaker that the attribution layer
(:attr:`Document.attributions`) gives them: "Sessions told…", "…,” she said", "a spokesperson
said", "according to X"; a pronoun is resolved to the named source the article last let speak.
No speaker rules live here.

:func:`find_quote_alterations` matches the same quotation across outlets on normalised words
(typography never counts), wherever it sits, when the two may be one speaker's words, and
compares each version with the *reference*: the majority version among the versions of its
words (ties: the longest, a wire copy, then outlet id), whatever other articles are in the set. The work is done once per distinct quotation, not per
version, so the many outlets that repeat a wire copy word for word cost little. Kinds:

``word_added``    words inside the quotation that the reference does not have.
``word_dropped``  words of the reference left out inside the quoted stretch.
``word_changed``  words replaced by others.
``truncated``     the quotation starts like the reference but stops short, dropping at least
                  ``min_truncated`` words of its end (quoting a fragment from the middle of a
                  sentence is ordinary practice and not flagged).
``spliced``       one quotation made of two that another outlet gives separately (more outlets
                  give them apart than joined).

Public names
------------
Quote                   a quotation with its speaker and passage.
QuoteAlteration         one alteration of a quotation against the reference version.
extract_quotes          Alignment -> list of Quote, by outlet then offset.
find_quote_alterations  Alignment, quotes -> list of QuoteAlteration, by outlet, offset, kind.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal

from .._disjoint import DisjointSets
from .._presentation import ALTERATION_KINDS, diff_window
from ..align import Alignment
from ..document import Document, Quotation
from ..errors import check_parameter, is_int, is_real
from ..findings import Cell, Column, Context, FindingKind, Summary, reference_columns
from ..vocabulary import ATTRIBUTION_CUES, DETERMINERS, PRONOUNS
from ._common import match_key, span_tokens

__all__ = ["ALTERATION_KIND", "KIND", "Quote", "QuoteAlteration", "extract_quotes", "find_quote_alterations"]

AlterationKind = Literal["word_added", "word_dropped", "word_changed", "truncated", "spliced"]


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation: ``start``/``end``/``text`` cover the words inside the marks.

    ``speaker`` is who the text says is speaking (``None`` if it does not say); a pronoun is
    replaced by the name it refers to, while ``speaker_start``/``speaker_end`` point at the words
    in the text that name the speaker (``None`` when there is no speaker). ``passage`` is the id
    of the passage the quotation lies in (``None`` if it lies in none).
    """

    outlet: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    passage: str | None
    closed: bool


@dataclass(frozen=True, slots=True)
class QuoteAlteration:
    """A quotation that differs from the reference outlet's version of the same quotation.

    ``start``/``end``/``text`` cover the altered quotation in ``outlet``'s article and
    ``passage`` is the passage it lies in (``None`` if it lies in none: :attr:`Quote.passage`);
    ``reference_start``/``reference_end``/``reference_text`` cover the faithful version in
    ``reference_outlet``'s (for ``spliced``, the stretch from the first to the last of the
    separate quotations). ``words`` and ``reference_words`` are the words that differ (empty for
    ``truncated`` and ``spliced``: the dropped ending is in ``reference_words``).
    """

    outlet: str
    passage: str | None
    start: int
    end: int
    text: str
    reference_outlet: str
    reference_start: int
    reference_end: int
    reference_text: str
    kind: AlterationKind
    words: tuple[str, ...]
    reference_words: tuple[str, ...]
    explanation: str


# --------------------------------------------------------------------------------------------
# speakers

# determiners before a speaker's title ("the spokesman", "one official"): the vocabulary's, with
# "one" and "another"
_DETERMINERS = DETERMINERS | frozenset({"one", "another"})


def _sentence_bounds(doc: Document, pos: int) -> tuple[int, int, int]:
    """(index, start, end) of the content sentence containing ``pos`` (or the nearest before it)."""
    s = doc.sentence_before(pos)
    return (-1, 0, len(doc.text)) if s is None else (s.index, s.start, s.end)


def _top_level(doc: Document) -> list[Quotation]:
    """The quotations not nested in another one and not in boilerplate, in text order."""
    out = []
    reach = -1  # the furthest closing mark of the quotations seen so far (sorted by opening mark)
    seen: set[tuple[int, int]] = set()
    for q in sorted(doc.quotations, key=lambda x: (x.mark_start, -x.mark_end)):
        marks = (q.mark_start, q.mark_end)
        nested = q.mark_end <= reach and marks not in seen
        reach = max(reach, q.mark_end)
        seen.add(marks)
        if nested:
            continue  # nested inside another quotation
        sentence = doc.sentence_at(q.start)
        if sentence is None or sentence.boilerplate:
            continue  # in boilerplate (or between sentences)
        out.append(q)
    return out


def extract_quotes(alignment: Alignment, *, pronoun_window: int = 3) -> list[Quote]:
    """The direct quotations of every outlet, with speakers and passages.

    Parameters
    ----------
    alignment : Alignment
        The aligned outlets.
    pronoun_window : int, default 3
        How many sentences back a pronoun speaker ("she said") may look for the named speaker of
        an earlier quotation.

    Returns
    -------
    list of Quote
        Sorted by outlet id, then offset. Nested quotations are left out (their outer one is kept).

    Examples
    --------
    >>> from mediadiff.align import align
    >>> from mediadiff.document import Article
    >>> a = align([Article("a", "“We will rebuild,” Mayor Ellen Ruiz said. “It will take years,” she added.")])
    >>> [(q.text, q.speaker) for q in extract_quotes(a)]
    [('We will rebuild,', 'Mayor Ellen Ruiz'), ('It will take years,', 'Mayor Ellen Ruiz')]
    """
    check_parameter(
        "pronoun_window",
        pronoun_window,
        "an int >= 0",
        is_int(pronoun_window) and pronoun_window >= 0,
        "extract_quotes",
    )
    quotes: list[Quote] = []
    members = _member_index(alignment)
    for doc in alignment.documents:
        for q in _top_level(doc):
            attribution = doc.attribution_at(q.start, q.end)
            sp = (attribution.source.start, attribution.source.end) if attribution and attribution.source else None
            speaker = attribution.source.text if attribution and attribution.source else None
            if attribution is not None and attribution.resolved is not None:
                said = _sentence_bounds(doc, attribution.resolved.start)[0]
                here = _sentence_bounds(doc, q.mark_start)[0]
                if here < 0 or here - said <= pronoun_window:
                    speaker = attribution.resolved.text
            quotes.append(
                Quote(
                    doc.outlet,
                    q.start,
                    q.end,
                    q.text,
                    speaker,
                    sp[0] if sp else None,
                    sp[1] if sp else None,
                    _passage_of(members, doc.outlet, q.start, q.end),
                    q.closed,
                )
            )
    return quotes


def _member_index(alignment: Alignment) -> dict[str, tuple[list[int], list[tuple[int, int, int, str]]]]:
    """Per outlet: member starts (sorted) and ``(start, end, passage index, passage id)``."""
    rows: dict[str, list[tuple[int, int, int, str]]] = {}
    for i, p in enumerate(alignment.passages):
        for m in p.members:
            rows.setdefault(m.outlet, []).append((m.start, m.end, i, p.id))
    index = {}
    for outlet, items in rows.items():
        items.sort()
        index[outlet] = ([r[0] for r in items], items)
    return index


def _passage_of(
    index: dict[str, tuple[list[int], list[tuple[int, int, int, str]]]], outlet: str, start: int, end: int
) -> str | None:
    """The passage whose member of ``outlet`` overlaps ``[start, end)`` most (the earlier on ties)."""
    if outlet not in index:
        return None
    starts, items = index[outlet]
    best: tuple[int, int] | None = None
    best_id = None
    for m_start, m_end, i, pid in items[max(0, bisect_right(starts, start) - 1) : bisect_left(starts, end)]:
        ov = min(end, m_end) - max(start, m_start)
        if ov > 0 and (best is None or (ov, -i) > best):
            best, best_id = (ov, -i), pid
    return best_id


# --------------------------------------------------------------------------------------------
# alterations


@dataclass(frozen=True, slots=True)
class _Version:
    quote: Quote
    keys: tuple[str, ...]
    words: tuple[tuple[int, int, str], ...]  # (start, end, text) of each word


def _versions(alignment: Alignment, quotes: Sequence[Quote], min_words: int) -> list[_Version]:
    docs = {d.outlet: d for d in alignment.documents}
    out = []
    for q in quotes:
        toks = span_tokens(docs[q.outlet], q.start, q.end)
        if len(toks) >= min_words:
            out.append(_Version(q, tuple(match_key(t) for t in toks), tuple((t.start, t.end, t.text) for t in toks)))
    return out


_Keys = tuple[str, ...]


def _matched(a: Sequence[str], b: Sequence[str]) -> tuple[int, list[tuple[int, int, int]]]:
    blocks = [blk for blk in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() if blk.size]
    return sum(b.size for b in blocks), [(b.a, b.b, b.size) for b in blocks]


class _Quotations:
    """The distinct quotations (word keys) of the versions, and their comparisons, each computed once.

    Many outlets give a quotation word for word alike (wire copies), so the work is done per
    distinct key tuple, not per version. ``shared`` counts the words two quotations have in
    common: an upper bound on what difflib can match, so that pairs that cannot reach a
    threshold are never diffed (the result is the same).
    """

    def __init__(self, versions: Sequence[_Version]) -> None:
        self.bags: dict[_Keys, Counter[str]] = {}
        for v in versions:
            if v.keys not in self.bags:
                self.bags[v.keys] = Counter(v.keys)
        self._shared: dict[tuple[_Keys, _Keys], int] = {}
        self._matched: dict[tuple[_Keys, _Keys], tuple[int, list[tuple[int, int, int]]]] = {}
        self._opcodes: dict[tuple[_Keys, _Keys], list[tuple[str, int, int, int, int]]] = {}
        self._contained: dict[tuple[_Keys, _Keys], bool] = {}

    def shared(self, a: _Keys, b: _Keys) -> int:
        pair = (a, b) if a <= b else (b, a)
        got = self._shared.get(pair)
        if got is None:
            small, big = self.bags[pair[0]], self.bags[pair[1]]
            if len(small) > len(big):
                small, big = big, small
            got = self._shared[pair] = sum(min(n, big[w]) for w, n in small.items() if w in big)
        return got

    def matched(self, a: _Keys, b: _Keys) -> tuple[int, list[tuple[int, int, int]]]:
        got = self._matched.get((a, b))
        if got is None:
            got = self._matched[(a, b)] = _matched(a, b)
        return got

    def opcodes(self, a: _Keys, b: _Keys) -> list[tuple[str, int, int, int, int]]:
        got = self._opcodes.get((a, b))
        if got is None:
            got = self._opcodes[(a, b)] = list(SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
        return got

    def contained(self, small: _Keys, big: _Keys) -> bool:
        got = self._contained.get((small, big))
        if got is None:
            got = self._contained[(small, big)] = _contained(small, big)
        return got


def _contained(small: Sequence[str], big: Sequence[str]) -> bool:
    n = len(small)
    return any(tuple(big[i : i + n]) == tuple(small) for i in range(len(big) - n + 1))


def _by_outlet(versions: Sequence[_Version]) -> dict[str, list[_Version]]:
    by_outlet: dict[str, list[_Version]] = {}
    for v in versions:
        by_outlet.setdefault(v.quote.outlet, []).append(v)
    return by_outlet


def _only_attribution(text: str, start: int, end: int) -> bool:
    """Whether what stands between two quoted parts only says who speaks ("," he added, ",",
    "she said. "): the two parts are one statement, not two joined."""
    clauses = [c for c in re.split(r"[.!?]\s", text[start:end]) if re.search(r"\w", c)]
    if not clauses:
        return True
    words = re.findall(r"[\w’'-]+", clauses[0])
    return len(clauses) == 1 and len(words) <= 8 and any(w.lower() in ATTRIBUTION_CUES for w in words)


def _find_splices(
    versions: list[_Version],
    min_similarity: float,
    quotations: _Quotations,
    by_outlet: dict[str, list[_Version]],
    texts: dict[str, str],
) -> dict[int, tuple[_Version, _Version, _Version]]:
    """Index of a spliced version -> (itself, first piece, second piece) in the reference outlet.

    What one outlet's quotations say about a version depends only on the version's words, so
    it is worked out once per distinct quotation and outlet; every other outlet has its say (a
    splice is judged by the majority of the outlets that give the words, whole or apart). An
    outlet that gives the words in two parts with only an attribution between them ("“…,” she
    added, “…”") gives them whole.
    """
    spliced: dict[int, tuple[_Version, _Version, _Version]] = {}
    all_outlets = sorted(by_outlet)
    verdicts: dict[tuple[_Keys, str], tuple[bool, tuple[_Version, _Version] | None]] = {}

    def verdict(keys: _Keys, outlet: str) -> tuple[bool, tuple[_Version, _Version] | None]:
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
            if _only_attribution(texts[outlet], first.quote.end, last.quote.start):
                return True, None  # "“…,” he added. “…”": one statement, split only to say who
            return whole, (first, last)
        return whole, None

    for idx, v in enumerate(versions):
        outlets = [o for o in all_outlets if o != v.quote.outlet]
        apart: list[tuple[str, _Version, _Version]] = []
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


def _groups(
    versions: list[_Version], rest: list[int], min_similarity: float, quotations: _Quotations
) -> list[list[_Version]]:
    """The versions in ``rest`` grouped by quotation, each group in index order, groups in the
    order of their first version.

    Two versions are linked when they come from different outlets, one largely matches the
    other (the earlier of the two diffed against the later) and they may be one speaker's words
    (:func:`_same_speaker`); a group is a connected set of links. Links are made per distinct
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
    Held = tuple[_Keys, str | None]
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

    def links(a: _Keys, b: _Keys) -> bool:
        m, _ = quotations.matched(a, b)
        return m >= 3 and m >= min_similarity * min(len(a), len(b))

    for x, ha in enumerate(distinct):
        for hb in distinct[x + 1 :]:
            a, b = ha[0], hb[0]
            if ha[1] is not None and hb[1] is not None and ha[1] != hb[1]:
                continue  # two people named: not one speaker's words
            shared = quotations.shared(a, b)
            if shared < 3 or shared < min_similarity * min(len(a), len(b)):
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
    groups: dict[int, list[_Version]] = {}
    for i in rest:
        groups.setdefault(find(i), []).append(versions[i])
    return list(groups.values())


def _versions_of_one(a: _Keys, b: _Keys, min_similarity: float, quotations: _Quotations) -> bool:
    """Whether two quotations are versions of one: at least three words, and ``min_similarity`` of
    the shorter one's, match in order (either way round: difflib is not quite symmetric)."""
    if quotations.shared(a, b) < max(3, min_similarity * min(len(a), len(b))):
        return False
    for x, y in ((a, b), (b, a)):
        m, _ = quotations.matched(x, y)
        if m >= 3 and m >= min_similarity * min(len(a), len(b)):
            return True
    return False


def _surname(speaker: str | None) -> str | None:
    """The surname of a speaker who is a named person ("Sen. Dana Cole" gives "cole"); None for
    a role or a document ("a spokesman", "the report", "another note"), a pronoun or no one."""
    if not speaker:
        return None
    last = speaker.split()[-1].removesuffix("’s").removesuffix("'s").strip(".,")
    return last.lower() if last[:1].isupper() and last.lower() not in PRONOUNS else None


def _same_speaker(a: str | None, b: str | None) -> bool:
    """Whether two quotations may be one speaker's words: yes unless both name a person and the
    names differ (compared by surname: "Sen. Dana Cole" and "Cole" are one). A speaker given as
    a role or a document ("a spokesman", "the report", "another note") or not at all does not
    decide: outlets attribute the same words to a person, a participant or the notes of one."""
    x, y = _surname(a), _surname(b)
    return x is None or y is None or x == y


def _reference_version(group: list[_Version]) -> _Version:
    """The majority version: the words the most other outlets give exactly alike; ties go to the
    longest (a wire copy), then outlet id and offset. What other articles happen to be in the
    set never decides between two versions that as many outlets give."""
    outlets: dict[_Keys, set[str]] = {}
    for o in group:
        outlets.setdefault(o.keys, set()).add(o.quote.outlet)

    def rank(v: _Version) -> tuple[int, int, str, int]:
        return (-len(outlets[v.keys] - {v.quote.outlet}), -len(v.keys), v.quote.outlet, v.quote.start)

    return min(group, key=rank)


def find_quote_alterations(
    alignment: Alignment,
    quotes: Sequence[Quote],
    *,
    min_words: int = 3,
    min_similarity: float = 0.6,
    min_truncated: int = 3,
) -> list[QuoteAlteration]:
    """Find quotations that an outlet gives differently from the other outlets.

    Parameters
    ----------
    alignment : Alignment
        The aligned outlets (the documents supply the words of each quotation).
    quotes : sequence of Quote
        From :func:`extract_quotes`.
    min_words : int, default 3
        Quotations shorter than this (scare quotes such as “driving force”) are not compared.
    min_similarity : float in (0, 1], default 0.6
        Two quotations are versions of one when at least this share of the shorter one's words
        match the other's in order (and at least three words do).
    min_truncated : int, default 3
        How many final words of the reference a version must drop to count as truncated.

    Returns
    -------
    list of QuoteAlteration
        Sorted by outlet id, offset, then kind.

    Examples
    --------
    >>> from mediadiff.align import align
    >>> from mediadiff.document import Article
    >>> texts = ["“We will rebuild the bridge,” she said.", "“We will rebuild the bridge,” she said.",
    ...          "“We will quickly rebuild the bridge,” she said."]
    >>> a = align([Article(o, t) for o, t in zip("abc", texts)])
    >>> [(x.outlet, x.kind, x.words) for x in find_quote_alterations(a, extract_quotes(a))]
    [('c', 'word_added', ('quickly',))]
    """
    owner = "find_quote_alterations"
    check_parameter("min_words", min_words, "an int >= 1", is_int(min_words) and min_words >= 1, owner)
    check_parameter(
        "min_similarity",
        min_similarity,
        "a float in the range (0.0, 1.0]",
        is_real(min_similarity) and 0.0 < min_similarity <= 1.0,
        owner,
    )
    check_parameter("min_truncated", min_truncated, "an int >= 1", is_int(min_truncated) and min_truncated >= 1, owner)
    docs = {d.outlet: d for d in alignment.documents}
    versions = _versions(alignment, sorted(quotes, key=lambda q: (q.outlet, q.start, q.end)), min_words)
    found: list[QuoteAlteration] = []

    quotations = _Quotations(versions)
    by_outlet = _by_outlet(versions)
    splices = _find_splices(versions, min_similarity, quotations, by_outlet, {o: d.text for o, d in docs.items()})
    for v, first, second in splices.values():
        rs, re_ = first.quote.start, second.quote.end
        ref_doc = docs[first.quote.outlet]
        found.append(
            QuoteAlteration(
                v.quote.outlet,
                v.quote.passage,
                v.quote.start,
                v.quote.end,
                v.quote.text,
                first.quote.outlet,
                rs,
                re_,
                ref_doc.text[rs:re_],
                "spliced",
                (),
                (),
                f"{v.quote.outlet} runs two quotations together as one; {first.quote.outlet} gives them separately.",
            )
        )

    # group the other versions: linked when one largely matches the other
    rest = [i for i in range(len(versions)) if i not in splices]
    for group in _groups(versions, rest, min_similarity, quotations):
        if len({v.quote.outlet for v in group}) < 2:
            continue
        for v in group:
            # the reference is chosen among the versions that give v's words (not the whole
            # group, which a quotation run on into the next can bridge to another statement)
            pool = [
                r
                for r in group
                if r is v
                or (r.quote.outlet != v.quote.outlet and _versions_of_one(v.keys, r.keys, min_similarity, quotations))
            ]
            ref = _reference_version(pool)
            if v.quote.outlet == ref.quote.outlet or v.keys == ref.keys:
                continue
            found.extend(_compare(v, ref, docs, min_similarity, min_truncated, by_outlet[v.quote.outlet], quotations))
    found.sort(key=lambda a: (a.outlet, a.start, a.end, a.kind, a.reference_outlet, a.reference_start))
    return found


def _speakers(own: str | None, reference: str | None) -> tuple[str, str | None]:
    """Whom an explanation says the outlet quotes (its own speaker; the reference's when it names
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


def _compare(
    v: _Version,
    ref: _Version,
    docs: dict[str, Document],
    min_similarity: float,
    min_truncated: int,
    same_outlet: Sequence[_Version],
    quotations: _Quotations,
) -> list[QuoteAlteration]:
    m, blocks = quotations.matched(ref.keys, v.keys)
    if m < 3 or m < min_similarity * min(len(v.keys), len(ref.keys)):
        return []
    ops = quotations.opcodes(ref.keys, v.keys)
    first_ref = blocks[0][0]
    last_ref = blocks[-1][0] + blocks[-1][2]
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
    q, r = v.quote, ref.quote
    ref_text = docs[r.outlet].text[r.start : r.end]

    who, other = _speakers(q.speaker, r.speaker)
    also = f"; {r.outlet} gives the words to {other}" if other else ""

    def make(kind: AlterationKind, words: tuple[str, ...], ref_words: tuple[str, ...], why: str) -> QuoteAlteration:
        return QuoteAlteration(
            q.outlet,
            q.passage,
            q.start,
            q.end,
            q.text,
            r.outlet,
            r.start,
            r.end,
            ref_text,
            kind,
            words,
            ref_words,
            f"{q.outlet} quotes {who} {why} ({r.outlet}'s version{also}).",
        )

    out = []
    if added:
        out.append(make("word_added", tuple(added), (), "with words that are not in the other outlets' version"))
    if dropped:
        out.append(make("word_dropped", (), tuple(dropped), "without words that the other outlets' version has"))
    if changed:
        out.append(
            make("word_changed", tuple(b for _, b in changed), tuple(a for a, _ in changed), "with words replaced")
        )
    tail = len(ref.keys) - last_ref
    rest_quoted = any(
        quotations.matched(ref.keys[last_ref:], o.keys)[0] >= 0.6 * tail for o in same_outlet if o is not v
    )
    if first_ref == 0 and blocks[0][1] == 0 and tail >= min_truncated and not rest_quoted:
        out.append(
            make(
                "truncated",
                (),
                tuple(w for _, _, w in ref.words[last_ref:]),
                "cut short: the end of the quotation is missing",
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# The finding kind: how compare, the reports, the corpus batch and the command line use it

Record = Mapping[str, Any]
Report = Mapping[str, Any]


#: The quotation finding kind.
KIND = FindingKind(
    name="quotes",
    record_type=Quote,
    find=lambda alignment, found, options: extract_quotes(alignment),
    label="quotation",
    plural="quotations",
    title="Quotations",
    headline=False,
)


def _alteration_passage(r: Record, c: Context) -> Cell:
    return Cell.of_passage(r.get("passage") or c.passage_at(r["outlet"], r.get("start"), r.get("end")))


def _alteration_sentences(report: Report, ctx: Context) -> list[str]:
    names = ctx.names
    out = []
    for a in report.get("quote_alterations", []):
        label = ALTERATION_KINDS.get(a["kind"], a["kind"])
        text, ref = diff_window(str(a["text"]), str(a["reference_text"]))
        out.append(
            f"{names.get(a['outlet'], a['outlet'])} quotes “{text}”, where "
            f"{names.get(a['reference_outlet'], a['reference_outlet'])} has “{ref}” ({label})."
        )
    return out


#: The altered-quotation finding kind (it reads the quotations ``KIND`` found).
ALTERATION_KIND = FindingKind(
    name="quote_alterations",
    record_type=QuoteAlteration,
    find=lambda alignment, found, options: find_quote_alterations(alignment, list(found["quotes"])),
    label="quote alteration",
    plural="quote alterations",
    title="Altered quotations",
    columns=(
        Column("Outlet", lambda r, c: Cell.of_outlet(r["outlet"])),
        Column("Passage", _alteration_passage),
        Column("Change", lambda r, c: Cell.label(ALTERATION_KINDS.get(r["kind"], r["kind"]))),
        *reference_columns("Quotes", "Reference has", 400),
    ),
    count_header="Altered quotes",
    summary=Summary(_alteration_sentences, first=1, most=2, priority=30),
    chart=("altered\nquotations", "#0072B2"),
)
