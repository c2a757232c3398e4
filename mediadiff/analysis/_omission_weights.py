"""Weighing omissions: which outlets are on the story, and how much a passage that an outlet
leaves out weighs (the formula is :func:`~mediadiff.analysis.find_omissions`'s).

Names
-----
VOICE_WEIGHT          default ``voice_weight``: a silenced source doubles an omission's weight.
OFF_STORY_SIMILARITY  default ``off_story_floor``: the similarity below which an article is off the story.
off_story             the outlets whose article shares almost nothing with any other (public).
on_story              the outlets compared for omissions: all but the off-story ones.
Weights               the weight options of find_omissions and omission_scores, and the formula.
Candidate             a passage that enough other outlets carry, seen from one outlet.
Weighed               a candidate's share, prominence, silenced sources and weight.
Weigher               the candidates of each outlet, and their weights.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from ..align import Alignment, Passage
from ..errors import check_parameter, is_int, is_real
from ._omission_evidence import Evidence, OmissionKind

__all__ = [
    "OFF_STORY_SIMILARITY",
    "VOICE_WEIGHT",
    "Candidate",
    "Weighed",
    "Weigher",
    "Weights",
    "off_story",
    "on_story",
]

#: Default ``voice_weight``: an omission that silences a source weighs twice one that does not.
VOICE_WEIGHT = 0.5
#: Default ``off_story``: an article whose share of content in passages that some other outlet
#: also carries (:attr:`Alignment.similarity`) stays below this with every other outlet is off
#: the story. Chosen on the 30 BASIL dev triplets, each with one article of another triplet
#: added: it flags 25 of the 30 added articles (the other 5 cover a related event) and none of
#: the 90 articles of the triplets, whose lowest best share is 0.09 (median 0.36).
OFF_STORY_SIMILARITY = 0.08


def off_story(alignment: Alignment, floor: float = OFF_STORY_SIMILARITY) -> tuple[str, ...]:
    """The outlets whose article shares almost nothing with any other outlet's.

    An outlet is off the story when its content similarity with every other outlet
    (:attr:`Alignment.similarity`: the share of content in passages both carry) is below
    ``floor``: an unrelated article in the folder, not an outlet that omits the whole story.
    With fewer than two outlets, none is.

    >>> from mediadiff.align import align
    >>> from mediadiff.document import Article
    >>> a = align([Article("a", "The mayor resigned on Monday after the audit."),
    ...            Article("b", "On Monday the mayor resigned after the audit."),
    ...            Article("c", "The harvest festival opens with a parade of tractors.")])
    >>> off_story(a)
    ('c',)
    """
    outlets = alignment.outlets
    if len(outlets) < 2:
        return ()
    sim = alignment.similarity
    return tuple(o for i, o in enumerate(outlets) if max(sim[i][j] for j in range(len(outlets)) if j != i) < floor)


def on_story(alignment: Alignment, floor: float | None) -> tuple[str, ...]:
    """The outlets compared for omissions: all but the off-story ones (all of them when every
    outlet is off the story: nothing is then comparable, see :func:`~mediadiff.analysis.find_omissions`)."""
    away = set(off_story(alignment, floor)) if floor is not None else set()
    return tuple(o for o in alignment.outlets if o not in away)


@dataclass(frozen=True, slots=True)
class Weights:
    """The weight options of find_omissions and omission_scores: one weight per kind of
    passage, ``prominence`` (``prominence_weight``) and ``voice`` (``voice_weight``)."""

    response: float
    figure: float
    quote: float
    fact: float
    prominence: float
    voice: float

    def check(self, min_support: int, owner: str) -> None:
        """Refuse a ``min_support`` below 1 or a weight outside [0, 1] (a ParameterError naming ``owner``)."""
        check_parameter("min_support", min_support, "an int >= 1", is_int(min_support) and min_support >= 1, owner)
        weights = {
            "response_weight": self.response,
            "figure_weight": self.figure,
            "quote_weight": self.quote,
            "fact_weight": self.fact,
            "prominence_weight": self.prominence,
            "voice_weight": self.voice,
        }
        for name, value in weights.items():
            check_parameter(
                name, value, "a float in the range [0.0, 1.0]", is_real(value) and 0.0 <= value <= 1.0, owner
            )

    def of(self, kind: OmissionKind, share: float, prominence: float, silenced: bool) -> float:
        """``kind_weight * share * ((1 - prominence_weight) + prominence_weight * prominence)
        * ((1 - voice_weight) + voice_weight * silenced)``."""
        factor = {"response": self.response, "figure": self.figure, "quote": self.quote, "fact": self.fact}[kind]
        return (
            factor
            * share
            * ((1.0 - self.prominence) + self.prominence * prominence)
            * ((1.0 - self.voice) + self.voice * silenced)
        )


class Candidate(NamedTuple):
    """A passage that enough of the other on-story outlets carry, seen from one outlet."""

    passage: Passage
    kind: OmissionKind
    #: the other on-story outlets that carry it, sorted
    carried: tuple[str, ...]
    #: each carrying outlet's best relative position of it (0 = lead, 1 = end)
    positions: dict[str, float]
    #: each carrying outlet's sources for it (source key -> text)
    cited_by: dict[str, dict[str, str]]


class Weighed(NamedTuple):
    """A candidate weighed: the share of other outlets carrying it, how prominently they place
    it (1 = lead), the sources the outlet silences by leaving it out, and its weight."""

    share: float
    prominence: float
    silenced: tuple[str, ...]
    weight: float


class Weigher:
    """The passages each on-story outlet could leave out, and their weights (built once per call)."""

    def __init__(self, alignment: Alignment, outlets: tuple[str, ...], min_support: int, weights: Weights) -> None:
        self.evidence = Evidence(alignment)
        self.outlets = outlets
        self.n_others = len(outlets) - 1
        # two outlets: the other one's support is all there can be
        self.need = 1 if self.n_others == 1 else min_support
        self.weights = weights

    def candidates(self, outlet: str) -> Iterator[Candidate]:
        """The passages at least ``need`` of the other on-story outlets carry, in passage order,
        whether or not ``outlet`` carries them too."""
        for p, kind, positions, cited_by in self.evidence.passages:
            carried = tuple(o for o in positions if o != outlet and o in self.outlets)
            if len(carried) >= self.need:
                yield Candidate(p, kind, carried, positions, cited_by)

    def weigh(self, outlet: str, candidate: Candidate) -> Weighed:
        """How much leaving ``candidate`` out weighs for ``outlet``."""
        carried = candidate.carried
        share = len(carried) / self.n_others
        prominence = sum(1.0 - candidate.positions[o] for o in carried) / len(carried)
        cited_by = {o: c for o, c in candidate.cited_by.items() if o in self.outlets}
        silenced = self.evidence.silenced(outlet, candidate.passage, cited_by)
        return Weighed(share, prominence, silenced, self.weights.of(candidate.kind, share, prominence, bool(silenced)))
