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
``truncated``     the quotation starts like the reference but stops short inside one of its
                  sentences, dropping at least ``min_truncated`` words of its end (quoting a
                  fragment from the middle of a sentence, or whole sentences of a longer
                  statement, is ordinary practice and not flagged).
``spliced``       one quotation made of two that another outlet gives separately (at least as
                  many outlets give them apart as joined; ``majority`` when more do).
``variant``       a minor transcription variant: one article, "that", "and", "of", "to" or filler
                  more, less or swapped, or another form of a word ("pew" / "pews"); no key finding.

One pair of quotations gives one alteration, the most telling kind. Without a majority (two
outlets, one version each) ``majority`` is false and the reports say only that the versions differ.

The conventions of quoting are kept: words in square brackets or parentheses are the outlet's
clarification and are left out; punctuation, hyphens ("year-end" / "year end") and abbreviated
titles ("Sen." / "Senator") are house style; words at an ellipsis ("…", "...") of either version
are a marked elision, never an alteration of either outlet; a version is compared with the
stretch of the reference that fits it best, so that quoting a part of a longer statement (words
missing only at its start or end) is an excerpt, while words missing in the middle without an
ellipsis stay ``word_dropped``; a contraction and its spelled-out words ("it's" / "it is") are
one transcription.

Public names
------------
Quote                   a quotation with its speaker and passage.
QuoteAlteration         one alteration of a quotation against the reference version.
extract_quotes          Alignment -> list of Quote, by outlet then offset.
find_quote_alterations  Alignment, quotes -> list of QuoteAlteration, by outlet, offset, kind.

The alterations are worked out in private modules beside this one: ``_quote_versions`` (the
versions of one quotation, their comparisons and groups, the reference version) and
``_quote_changes`` (how a version differs from the reference; splices; whom an explanation
names).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .._presentation import alteration_label, diff_window
from ..align import Alignment
from ..document import Document, Quotation
from ..errors import check_parameter, is_int, is_real
from ..findings import Badge, Cell, Column, Context, FindingKind, LegendEntry, Mark, Summary, reference_columns
from ._quote_changes import AlterationKind, changes, find_splices, speakers
from ._quote_versions import (
    Quotations,
    Version,
    by_outlet,
    group_versions,
    quote_versions,
    reference_version,
    versions_of_one,
)

__all__ = ["ALTERATION_KIND", "KIND", "Quote", "QuoteAlteration", "extract_quotes", "find_quote_alterations"]


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
    ``reference_start``/``reference_end``/``reference_text`` cover the words of the faithful
    version in ``reference_outlet``'s article that the quotation corresponds to (from its first to
    its last word; for ``truncated``, to the reference's end; for ``spliced``, the stretch from
    the first to the last of the separate quotations). ``words`` and ``reference_words`` are the words that differ (empty for
    ``truncated`` and ``spliced``: the dropped ending is in ``reference_words``). ``majority``:
    more outlets give the reference's words than the quotation's (else the reference is only the
    longer); for ``spliced``, more outlets give the two quotations apart than together.
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
    majority: bool = True


# --------------------------------------------------------------------------------------------
# speakers


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
    versions = quote_versions(alignment, sorted(quotes, key=lambda q: (q.outlet, q.start, q.end)), min_words)
    quotations = Quotations(versions)
    per_outlet = by_outlet(versions)
    splices = find_splices(versions, min_similarity, quotations, per_outlet, {o: d.text for o, d in docs.items()})
    found = [_spliced(v, first, second, docs, majority) for v, first, second, majority in splices.values()]
    # group the other versions: linked when one largely matches the other
    rest = [i for i in range(len(versions)) if i not in splices]
    for group in group_versions(versions, rest, min_similarity, quotations):
        if len({v.quote.outlet for v in group}) < 2:
            continue
        for v in group:
            # the reference is chosen among the versions that give v's words (not the whole
            # group, which a quotation run on into the next can bridge to another statement)
            pool = [
                r
                for r in group
                if r is v
                or (r.quote.outlet != v.quote.outlet and versions_of_one(v.keys, r.keys, min_similarity, quotations))
            ]
            ref = reference_version(pool)
            if v.quote.outlet == ref.quote.outlet or v.keys == ref.keys:
                continue
            give = {k: len({r.quote.outlet for r in pool if r.keys == k}) for k in (v.keys, ref.keys)}
            same = per_outlet[v.quote.outlet]
            found.extend(
                _compare(v, ref, docs, min_similarity, min_truncated, same, quotations, give[ref.keys] > give[v.keys])
            )
    found.sort(key=lambda a: (a.outlet, a.start, a.end, a.kind, a.reference_outlet, a.reference_start))
    return found


def _spliced(
    v: Version, first: Version, second: Version, docs: Mapping[str, Document], majority: bool
) -> QuoteAlteration:
    """Version ``v`` as a splice of the quotations ``first`` and ``second`` that another outlet
    gives apart (the reference span runs from the first to the end of the second); ``majority``:
    more outlets give them apart than whole."""
    rs, re_ = first.quote.start, second.quote.end
    return QuoteAlteration(
        v.quote.outlet,
        v.quote.passage,
        v.quote.start,
        v.quote.end,
        v.quote.text,
        first.quote.outlet,
        rs,
        re_,
        docs[first.quote.outlet].text[rs:re_],
        "spliced",
        (),
        (),
        f"{v.quote.outlet} runs two quotations together as one; {first.quote.outlet} gives them separately.",
        majority,
    )


def _compare(
    v: Version,
    ref: Version,
    docs: Mapping[str, Document],
    min_similarity: float,
    min_truncated: int,
    same_outlet: Sequence[Version],
    quotations: Quotations,
    majority: bool,
) -> list[QuoteAlteration]:
    """The alteration of version ``v`` against the reference version ``ref`` (:func:`changes`),
    with its explanation (``majority``: more outlets give ``ref``'s words than ``v``'s)."""
    q, r = v.quote, ref.quote
    found, (first, end) = changes(v, ref, min_similarity, min_truncated, same_outlet, quotations)
    if not found:
        return []
    # the words of the reference that the version corresponds to (all of it if none do)
    rs, re_ = (ref.words[first][0], ref.words[end - 1][1]) if first < end else (r.start, r.end)
    who, other = speakers(q.speaker, r.speaker)
    also = f"; {r.outlet} gives the words to {other}" if other else ""
    return [
        QuoteAlteration(
            q.outlet,
            q.passage,
            q.start,
            q.end,
            q.text,
            r.outlet,
            rs,
            re_,
            docs[r.outlet].text[rs:re_],
            kind,
            words,
            ref_words,
            f"{q.outlet} quotes {who} {why} ({r.outlet}'s version{also}).",
            majority,
        )
        for kind, words, ref_words, why in found
    ]


# ---------------------------------------------------------------------------------------------
# The finding kind: how compare, the reports, the corpus batch and the command line use it

Record = Mapping[str, Any]
Report = Mapping[str, Any]


def _quote_marks(q: Record, c: Context) -> list[Mark]:
    """A quotation marked in its outlet's text (a plain annotation, not a finding)."""
    speaker = q.get("speaker")
    note = f"Quotation of {speaker}" if speaker else "Quotation"
    return [Mark(q["outlet"], q["start"], q["end"], "quotation", note, finding=False)]


#: The quotation finding kind.
KIND = FindingKind(
    name="quotes",
    record_type=Quote,
    find=lambda alignment, found, options: extract_quotes(alignment),
    label="quotation",
    plural="quotations",
    title="Quotations",
    headline=False,
    marks=_quote_marks,
    legend=lambda report, c: [LegendEntry("quotation", "quotation", rank=50)],
)


def _alteration_passage(r: Record, c: Context) -> Cell:
    return Cell.of_passage(r.get("passage") or c.passage_at(r["outlet"], r.get("start"), r.get("end")))


def _alteration_sentences(report: Report, ctx: Context) -> list[str]:
    names = ctx.names
    out = []
    for a in report.get("quote_alterations", []):
        if a["kind"] == "variant" or a.get("majority") is False:
            continue  # a transcription variant, or two versions with no majority: no key finding
        label = alteration_label(a)
        text, ref = diff_window(str(a["text"]), str(a["reference_text"]))
        out.append(
            f"{names.get(a['outlet'], a['outlet'])} quotes “{text}”, where "
            f"{names.get(a['reference_outlet'], a['reference_outlet'])} has “{ref}” ({label})."
        )
    return out


def _alteration_marks(a: Record, c: Context) -> list[Mark]:
    """An altered quotation marked in its outlet's text, with the reference outlet's version."""
    label = alteration_label(a)
    note = f"Altered quotation ({label})\n{c.name(a['reference_outlet'])} has: “{a['reference_text']}”"
    return [Mark(a["outlet"], a["start"], a["end"], "altered", note)]


def _alteration_badges(a: Record, c: Context) -> list[Badge]:
    """A badge on the row of every passage the altered words fall in."""
    rows = c.passages_over(a["outlet"], a["start"], a["end"])
    return [Badge(pid, "altered", "altered quote", outlet=a["outlet"], rank=30) for pid in rows]


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
        Column("Change", lambda r, c: Cell.label(alteration_label(r))),
        *reference_columns("Quotes", "Reference has", 400),
    ),
    count_header="Altered quotes",
    count=lambda records: Counter(r["outlet"] for r in records if r.get("kind") != "variant"),
    summary=Summary(_alteration_sentences, first=1, most=2, priority=30),
    chart=("altered\nquotations", "#0072B2"),
    marks=_alteration_marks,
    badges=_alteration_badges,
    legend=lambda report, c: [LegendEntry("altered quotation", "altered", rank=30)],
)
