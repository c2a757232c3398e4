"""Omissions: content that other outlets carry and one outlet leaves out.

A passage is an omission for an outlet when at least ``min_support`` *other* outlets carry it and
this outlet does not, and nothing the outlet wrote comes close to it (``paraphrase_floor``: it
may have said it in other words that the aligner kept apart). Each omission gets a ``kind``
(``response``: a party's reply, denial or statement; ``figure``: a count, sum or percentage;
``quote``: mostly direct quotation; ``fact``: anything else) and a ``weight`` in [0, 1] that
grows with the share of other outlets carrying the passage, with how prominently they place it,
and with its kind (responses weigh most: leaving out the other side is the classic bias by
omission; a missing figure comes next). An omission that leaves out a source the other outlets
cite for the passage (a person, an audit, a statement), one the outlet's article never names at
all, weighs more again: the outlet does not just drop a detail, it leaves a voice out of its
story (``silenced``).

Two cases are told apart rather than counted as omissions:

- an article that shares almost nothing with the others (:func:`off_story`) is not about the
  same story: it neither omits nor carries anything, and is kept out of the scores;
- with only two outlets on the story, no passage can have the support of two others: what one
  carries and the other does not is reported with ``consensus=False``, a difference between
  the two rather than an omission by the standard of several outlets.

Public names
------------
Omission            one omitted passage for one outlet (a frozen dataclass; fields are report keys).
find_omissions      Alignment -> list of Omission, by outlet then passage order.
omission_scores     per-outlet score in [0, 1]: omitted weight over the weight it could have carried.
passage_kind        the kind of a passage: "response", "figure", "quote" or "fact".
off_story           the outlets whose article shares almost nothing with any other.

The parts: :mod:`._omission_evidence` reads each passage (its kind, where its carriers place it,
the sources they cite, whether an outlet tells it elsewhere), :mod:`._omission_weights` weighs
what an outlet leaves out, :mod:`._omission_text` puts omissions in words; this module decides
what is omitted and declares the finding kind (``KIND``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._presentation import OMISSION_KINDS
from ..align import Alignment
from ..errors import check_parameter, is_real
from ..findings import Badge, Cell, Column, FindingKind, LegendEntry, Score, Summary, agreement_column, agreement_note
from ._omission_evidence import COVERAGE_CEILING, PARAPHRASE_FLOOR, PARAPHRASE_RATIO, OmissionKind, passage_kind
from ._omission_text import (
    OMISSION_KIND_NAMES,
    carried_by,
    explain,
    omission_gap,
    omission_line,
    omission_sentences,
    record_weight,
)
from ._omission_weights import OFF_STORY_SIMILARITY, VOICE_WEIGHT, Weigher, Weights, off_story, on_story

__all__ = [
    "KIND",
    "OFF_STORY_SIMILARITY",
    "OMISSION_KIND_NAMES",
    "Omission",
    "find_omissions",
    "off_story",
    "omission_scores",
    "passage_kind",
]


@dataclass(frozen=True, slots=True)
class Omission:
    """A passage carried by other outlets that ``outlet`` does not carry.

    ``weight`` is in [0, 1]; ``carried_by`` lists the outlets that carry the passage;
    ``prominence`` is how close to the lead they place it on average (1 = lead, 0 = end);
    ``closeness`` is the best alignment score of any piece of this outlet against the passage
    (0 = nothing of it is even a candidate; see :attr:`Alignment.nearest`). ``silenced`` names
    the sources the carrying outlets cite for the passage ("Raman", "audit") that this outlet's
    article never names, anywhere: leaving the passage out leaves those voices out of its
    story. ``consensus`` is False when only two outlets are on the story: the other one carries
    the passage, which makes it a difference between the two, not an omission by the standard
    of several outlets. ``agreement`` is how alike the carrying outlets' pieces of the passage
    are (their mean alignment score, :attr:`Alignment.agreement`; None when no pair of them was
    scored): the lower it is, the likelier the aligner joined two different facts, and the more
    the omission needs checking (docs/concepts.md gives the measured rates).
    """

    outlet: str
    passage: str
    weight: float
    kind: OmissionKind
    carried_by: tuple[str, ...]
    share: float
    prominence: float
    explanation: str
    closeness: float = 0.0
    silenced: tuple[str, ...] = ()
    consensus: bool = True
    agreement: float | None = None


def find_omissions(
    alignment: Alignment,
    *,
    min_support: int = 2,
    response_weight: float = 1.0,
    figure_weight: float = 0.85,
    quote_weight: float = 0.7,
    fact_weight: float = 0.5,
    prominence_weight: float = 0.5,
    paraphrase_floor: float | None = PARAPHRASE_FLOOR,
    paraphrase_ratio: float | None = PARAPHRASE_RATIO,
    voice_weight: float = VOICE_WEIGHT,
    off_story_floor: float | None = OFF_STORY_SIMILARITY,
    coverage_ceiling: float | None = COVERAGE_CEILING,
) -> list[Omission]:
    """Find the passages each outlet leaves out while at least ``min_support`` others carry them.

    ``weight = kind_weight * share * ((1 - prominence_weight) + prominence_weight * prominence)
    * ((1 - voice_weight) + voice_weight * silenced)``
    where ``share`` is the fraction of the *other* outlets that carry the passage, ``prominence``
    is the mean over those outlets of ``1 - position`` (position 0 = lead, 1 = end of the
    article), ``kind_weight`` is ``response_weight``, ``figure_weight``, ``quote_weight`` or
    ``fact_weight``, and ``silenced`` is 1 when the omission leaves out a source the others cite
    for the passage that the outlet's article never names (see :attr:`Omission.silenced`), else 0.

    Off-story articles (:func:`off_story`) are set aside first: they neither omit nor carry
    anything. A passage of function words alone ("How are you?") states no fact and is no
    omission, unless it gives a figure ("She was 92."). When two outlets are left, each passage that one carries and the other does not
    is reported with ``consensus=False`` (no passage can have two other outlets' support).

    Parameters
    ----------
    alignment : Alignment
        The aligned outlets.
    min_support : int, default 2
        How many other outlets must carry a passage for its absence to count. With the default,
        a fact only one other outlet reports is not an omission (unless only two outlets are on
        the story: see above).
    response_weight, figure_weight, quote_weight, fact_weight : float in [0, 1], defaults 1.0, 0.85, 0.7, 0.5
        The weight of each kind of passage: replies and denials count most (a reply weighs twice
        a plain fact), then a missing figure, then a quotation.
    prominence_weight : float in [0, 1], default 0.5
        How much the position in the carrying outlets matters (0: not at all).
    voice_weight : float in [0, 1], default 0.5
        How much a silenced source matters (0: not at all). A source is a person or a document
        (audit, report, statement) that at least two, and half, of the carrying outlets cite
        for the passage ("Raman said", "the audit found"); the omission silences it when the
        outlet's article never names it. One-sided coverage drops the other side's voices, not
        just its details: at 0.5 such an omission weighs twice one that does not.
    paraphrase_floor : float in (0, 1] or None, default 0.3
        An outlet with a piece that scores at least this much against the passage (its
        ``closeness``) is taken to carry it in other words that the aligner kept apart, and is
        not said to omit it. None reports every passage the outlet does not carry.
    paraphrase_ratio : float > 0 or None, default 0.9
        The same check measured against the passage itself: an outlet whose closeness reaches
        this share of the passage's :attr:`Alignment.agreement` (how alike its carriers are)
        comes about as close to it as the carriers come to each other, and is not said to omit
        it. None turns the check off.
    off_story_floor : float in (0, 1] or None, default 0.08
        The content similarity below which an article is off the story (:func:`off_story`).
        None compares every article.
    coverage_ceiling : float in (0, 1] or None, default 0.7
        An outlet whose article holds at least this share of the passage's core words (the
        content words two of its carriers share) anywhere is taken to tell it, if spread over
        other sentences, and is not said to omit it. None turns the check off.

    Returns
    -------
    list of Omission
        Sorted by outlet id, then by passage order in the alignment.

    Examples
    --------
    >>> from mediadiff.align import align
    >>> from mediadiff.document import Article
    >>> a = align([Article("a", "The mayor resigned on Monday."), Article("b", "The mayor resigned on Monday."),
    ...            Article("c", "The mayor resigned. Schools stay open.")])
    >>> [(o.outlet, o.kind, round(o.weight, 2), o.consensus) for o in find_omissions(a)]
    []
    >>> two = align([Article("a", "The mayor resigned. The audit found a $2 million gap."),
    ...              Article("b", "The mayor resigned on Monday.")])
    >>> [(o.outlet, o.kind, o.consensus) for o in find_omissions(two)]
    [('b', 'figure', False)]
    """
    weights = Weights(response_weight, figure_weight, quote_weight, fact_weight, prominence_weight, voice_weight)
    weights.check(min_support, "find_omissions")
    _check_floors(paraphrase_floor, paraphrase_ratio, off_story_floor, coverage_ceiling)
    outlets = on_story(alignment, off_story_floor)
    if len(outlets) < 2:
        return []
    weigher = Weigher(alignment, outlets, min_support, weights)
    told_elsewhere = weigher.evidence.told_elsewhere
    found: list[Omission] = []
    for outlet in outlets:
        for c in weigher.candidates(outlet):
            if outlet in c.positions:
                continue  # it carries the passage
            if not weigher.evidence.core(c.passage) and c.kind != "figure":
                continue  # function words alone ("How are you?"): no fact to omit
            closeness = alignment.closeness(c.passage.id, outlet)
            if told_elsewhere(outlet, c.passage, closeness, paraphrase_floor, paraphrase_ratio, coverage_ceiling):
                continue  # in other words or other sentences: not an omission
            w = weigher.weigh(outlet, c)
            consensus = len(c.carried) >= min_support
            explanation = explain(outlet, c.carried, weigher.n_others, c.kind, w.prominence, w.silenced, consensus)
            found.append(
                Omission(
                    outlet,
                    c.passage.id,
                    round(w.weight, 6),
                    c.kind,
                    c.carried,
                    round(w.share, 6),
                    round(w.prominence, 6),
                    explanation,
                    round(closeness, 6),
                    w.silenced,
                    consensus,
                    None if (agreed := alignment.agreement.get(c.passage.id)) is None else round(agreed, 6),
                )
            )
    return found


def _check_floors(
    paraphrase_floor: float | None,
    paraphrase_ratio: float | None,
    off_story_floor: float | None,
    coverage_ceiling: float | None,
) -> None:
    """Refuse a floor or ceiling of :func:`find_omissions` outside its range (a ParameterError)."""
    for name, value in (
        ("paraphrase_floor", paraphrase_floor),
        ("off_story_floor", off_story_floor),
        ("coverage_ceiling", coverage_ceiling),
    ):
        check_parameter(
            name,
            value,
            "a float in the range (0.0, 1.0] or None",
            value is None or (is_real(value) and 0.0 < value <= 1.0),
            "find_omissions",
        )
    check_parameter(
        "paraphrase_ratio",
        paraphrase_ratio,
        "a float > 0 or None",
        paraphrase_ratio is None or (is_real(paraphrase_ratio) and paraphrase_ratio > 0),
        "find_omissions",
    )


def omission_scores(
    alignment: Alignment,
    omissions: list[Omission],
    *,
    min_support: int = 2,
    response_weight: float = 1.0,
    figure_weight: float = 0.85,
    quote_weight: float = 0.7,
    fact_weight: float = 0.5,
    prominence_weight: float = 0.5,
    voice_weight: float = VOICE_WEIGHT,
    off_story_floor: float | None = OFF_STORY_SIMILARITY,
) -> dict[str, float]:
    """Per-outlet omission score in [0, 1]: omitted weight over the weight it could have carried.

    For each outlet, the denominator sums the weight (same formula and options as
    :func:`find_omissions`) of every passage that at least ``min_support`` other outlets carry
    (one, when only two outlets are on the story), whether or not this outlet carries it (a
    passage it carries counts as silencing the sources that the other carrying outlets cite for
    it and this outlet never names); the numerator sums the weights of ``omissions`` for that
    outlet. An off-story outlet (:func:`off_story`) neither counts for the others nor gets a score
    of its own (0.0), and neither does an outlet with nothing it could have omitted. Pass the same
    options as to :func:`find_omissions`.

    >>> from mediadiff.align import align
    >>> from mediadiff.document import Article
    >>> a = align([Article("a", "The mayor resigned."), Article("b", "The mayor resigned."),
    ...            Article("c", "The mayor quit. Rain.")])
    >>> omission_scores(a, find_omissions(a))
    {'a': 0.0, 'b': 0.0, 'c': 0.0}
    """
    weights = Weights(response_weight, figure_weight, quote_weight, fact_weight, prominence_weight, voice_weight)
    weights.check(min_support, "omission_scores")
    outlets = on_story(alignment, off_story_floor)
    scores: dict[str, float] = {o: 0.0 for o in alignment.outlets}
    if len(outlets) < 2:
        return scores
    weigher = Weigher(alignment, outlets, min_support, weights)
    for outlet in outlets:
        total = sum(weigher.weigh(outlet, c).weight for c in weigher.candidates(outlet))
        omitted = sum(o.weight for o in omissions if o.outlet == outlet)
        scores[outlet] = round(min(1.0, omitted / total), 6) if total > 0 else 0.0
    return scores


# ---------------------------------------------------------------------------------------------
# The finding kind: how compare, the reports, the corpus batch and the command line use it


def _find_omissions(alignment: Alignment, found: Mapping[str, Any], options: Mapping[str, Any]) -> list[Omission]:
    return find_omissions(alignment, min_support=options.get("min_support", 2))


def _score_omissions(
    alignment: Alignment, findings: tuple[Any, ...], options: Mapping[str, Any]
) -> dict[str, dict[str, Any]]:
    values = omission_scores(alignment, list(findings), min_support=options.get("min_support", 2))
    return {o: {"omission": values.get(o, 0.0)} for o in alignment.outlets}


#: The omission finding kind.
KIND = FindingKind(
    name="omissions",
    record_type=Omission,
    find=_find_omissions,
    score=_score_omissions,
    scores=(Score("omission", "Omission", "Omission", bar="om", zero="carries everything"),),
    label="omission",
    plural="omissions",
    title="Omissions",
    note="Heaviest first. " + agreement_note("such an omission"),
    order=lambda records: sorted(records, key=lambda o: (-record_weight(o), o["outlet"])),
    columns=(
        Column("Outlet", lambda r, c: Cell.of_outlet(r["outlet"])),
        Column("Passage", lambda r, c: Cell.of_passage(r["passage"])),
        Column("Kind", lambda r, c: Cell.label(OMISSION_KINDS.get(r["kind"], r["kind"]))),
        Column("Weight", lambda r, c: Cell.number(r.get("weight")), numeric=True),
        Column("Carried by", carried_by, numeric=True),
        agreement_column(),
        Column("Never cites", lambda r, c: Cell.label(", ".join(r.get("silenced") or ()) or "—")),
        Column("Passage text", lambda r, c: Cell.snippet(r["passage"], limit=200)),
    ),
    count_header="Omissions",
    summary=Summary(omission_sentences, first=2, most=3, priority=10),
    chart=("omitted\npassages", "#D55E00"),
    score_line=omission_line,
    badges=lambda r, c: [Badge(r["passage"], "omitted", "omitted by {n}", outlet=r["outlet"], rank=10)],
    gaps=omission_gap,
    legend=lambda report, c: [LegendEntry("omitted (a gap)", shape="gap", rank=60)],
)
