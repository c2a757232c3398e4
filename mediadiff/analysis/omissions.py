"""Omissions: content that other outlets carry and one outlet leaves out.

A passage is an omission for an outlet when at least ``min_support`` *other* outlets carry it and
this outlet does not. Each omission gets a ``kind`` (``response``: a party's reply, denial or
statement; ``quote``: mostly direct quotation; ``fact``: anything else) and a ``weight`` in
[0, 1] that grows with the share of other outlets carrying the passage, with how prominently they
place it, and with its kind (responses weigh most: leaving out the other side is the classic
bias by omission). An omission that leaves out a source the other outlets cite for the passage
(a person, an audit, a statement), one the outlet cites nowhere else, weighs more again: the
outlet does not just drop a detail, it leaves a voice out of its story (``silenced``).

Public names
------------
Omission            one omitted passage for one outlet (a frozen dataclass; fields are report keys).
find_omissions      Alignment -> list of Omission, by outlet then passage order.
omission_scores     per-outlet score in [0, 1]: omitted weight over the weight it could have carried.
passage_kind        the kind of a passage: "response", "quote" or "fact".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from ..align import Alignment, Passage
from ..errors import check_parameter, is_int, is_real
from ._common import (
    RESPONSE_CUES,
    capitalised_words,
    cited_sources,
    member_position,
    member_tokens,
    relative_positions,
    source_key,
)

__all__ = ["Omission", "find_omissions", "omission_scores", "passage_kind"]

OmissionKind = Literal["response", "quote", "fact"]

# "declined to comment", "did not respond": a refusal is a response too
_REFUSALS = frozenset("declined refused".split())
_REFUSED_WHAT = frozenset("comment answer respond return interview interviewed participate".split())
_WEAK_CUES = frozenset("spokesperson spokesman spokeswoman spokespeople spokesmen spokeswomen comment".split())


@dataclass(frozen=True, slots=True)
class Omission:
    """A passage carried by other outlets that ``outlet`` does not carry.

    ``weight`` is in [0, 1]; ``carried_by`` lists the outlets that carry the passage;
    ``prominence`` is how close to the lead they place it on average (1 = lead, 0 = end);
    ``closeness`` is the best alignment score of any piece of this outlet against the passage
    (0 = nothing of it is even a candidate; see :attr:`Alignment.nearest`). ``silenced`` names
    the sources the carrying outlets cite for the passage ("Raman", "audit") that this outlet
    cites nowhere else (it may still name them): leaving the passage out leaves those voices
    out of its story.
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


def _has_response_cue(norms: list[str]) -> bool:
    for i, w in enumerate(norms):
        if w in RESPONSE_CUES and w not in _WEAK_CUES:
            return True
        if w in _REFUSALS and any(x in _REFUSED_WHAT for x in norms[i + 1 : i + 4]):
            return True
        if w in ("not", "n't") and i + 1 < len(norms) and norms[i + 1] in ("answer", "respond", "return", "comment"):
            return True
        if w == "no" and i + 1 < len(norms) and norms[i + 1] == "comment":
            return True
    return False


def passage_kind(alignment: Alignment, passage: Passage) -> OmissionKind:
    """Classify a passage as ``"response"``, ``"quote"`` or ``"fact"``.

    ``response`` when at least half of the outlets carrying it frame it as a reply: a member's
    sentence carries a reply cue (denied, disputed, rejected, a statement, declined to comment,
    called it inaccurate...), or a quotation continues a paragraph that a cue introduced ("X
    disputed the audit. “…”"). A bare "spokesperson said" is not enough (a hospital spokeswoman
    giving a figure is not a reply), nor is one outlet's cue among many that state the passage
    as a plain fact. ``quote`` when most of the carrying outlets give it mostly inside
    quotation marks. Otherwise ``fact``.
    """
    quoting: dict[str, bool] = {}
    replying: dict[str, bool] = {}
    for m in passage.members:
        doc = alignment.document(m.outlet)
        sentence = doc.sentences[m.sentence] if 0 <= m.sentence < len(doc.sentences) else None
        norms = [t.norm for t in (sentence.tokens if sentence is not None else member_tokens(doc, m))]
        reply = _has_response_cue(norms)
        inside = doc.quoted_length(m.start, m.end)
        quote = bool(len(m)) and inside / len(m) >= 0.5
        quoting[m.outlet] = quoting.get(m.outlet, False) or quote
        if quote:
            if sentence is not None and not reply:
                before = [s for s in doc.sentences if s.paragraph == sentence.paragraph and s.index < sentence.index]
                reply = any(_has_response_cue([t.norm for t in s.tokens]) for s in before)
        replying[m.outlet] = replying.get(m.outlet, False) or reply
    if replying and 2 * sum(replying.values()) >= len(replying):
        return "response"
    if quoting and 2 * sum(quoting.values()) > len(quoting):
        return "quote"
    return "fact"


class _Stats:
    """What the weights read of an alignment (internal): each passage with its kind, its best
    (earliest) relative position per carrying outlet and the sources each carrying outlet cites
    for it (source key -> text), and which sources each sentence of each outlet cites."""

    def __init__(self, alignment: Alignment) -> None:
        positions = {d.outlet: relative_positions(d) for d in alignment.documents}
        #: (outlet, sentence index) -> the keys and texts of the sources that sentence cites
        self.cited: dict[tuple[str, int], dict[str, str]] = {}
        #: outlet -> how many of its sentences cite each source key
        self.citing: dict[str, Counter[str]] = {}
        capitalised = capitalised_words(alignment.documents)
        for d in alignment.documents:
            counts: Counter[str] = Counter()
            for sentence in d.content_sentences:
                found = {source_key(t): t.text for t in cited_sources(d, sentence, capitalised)}
                self.cited[(d.outlet, sentence.index)] = found
                counts.update(found.keys())
            self.citing[d.outlet] = counts
        self.passages: list[tuple[Passage, OmissionKind, dict[str, float], dict[str, dict[str, str]]]] = []
        for p in alignment.passages:
            pos: dict[str, float] = {}
            cited_by: dict[str, dict[str, str]] = {}
            for outlet in p.outlets:
                doc = alignment.document(outlet)
                for m in p.members_of(outlet):
                    pos[outlet] = min(pos.get(outlet, 1.0), member_position(doc, m, positions[outlet]))
                cited_by[outlet] = {}
                for k in self._sentences(outlet, p):
                    for key, text in self.cited.get((outlet, k), {}).items():
                        cited_by[outlet].setdefault(key, text)
            self.passages.append((p, passage_kind(alignment, p), pos, cited_by))

    @staticmethod
    def _sentences(outlet: str, passage: Passage) -> list[int]:
        return sorted({m.sentence for m in passage.members_of(outlet)})

    def silenced(self, outlet: str, passage: Passage, cited_by: dict[str, dict[str, str]]) -> tuple[str, ...]:
        """The voices of ``passage`` that ``outlet`` cites nowhere outside it.

        A voice is a source that at least two, and half, of the *other* outlets carrying the
        passage cite for it; the same whether or not ``outlet`` carries the passage.
        """
        others = [cited_by[o] for o in sorted(cited_by) if o != outlet]
        count: Counter[str] = Counter(key for found in others for key in found)
        voices = {key: next(found[key] for found in others if key in found)
                  for key, n in sorted(count.items()) if n >= 2 and 2 * n >= len(others)}
        if not voices:
            return ()
        own: Counter[str] = Counter()
        for k in self._sentences(outlet, passage):
            own.update(self.cited.get((outlet, k), {}).keys())
        citing = self.citing[outlet]
        return tuple(text for key, text in voices.items() if citing[key] - own[key] <= 0)


def _weight(share: float, prominence: float, factor: float, prominence_weight: float,
            silenced: bool, voice_weight: float) -> float:
    return (factor * share * ((1.0 - prominence_weight) + prominence_weight * prominence)
            * ((1.0 - voice_weight) + voice_weight * silenced))


def _check(min_support: int, weights: dict[str, float], prominence_weight: float, voice_weight: float,
           owner: str) -> None:
    check_parameter("min_support", min_support, "an int >= 1", is_int(min_support) and min_support >= 1, owner)
    weights = {**weights, "prominence_weight": prominence_weight, "voice_weight": voice_weight}
    for name, value in weights.items():
        check_parameter(name, value, "a float in the range [0.0, 1.0]", is_real(value) and 0.0 <= value <= 1.0, owner)


#: Closeness at or above which a passage is taken as paraphrased, not omitted (chosen on the
#: bundled stories: it kept 49 of 53 correct omissions and dropped 16 of 37 wrong ones).
PARAPHRASE_FLOOR = 0.3
#: Default ``voice_weight``: an omission that silences a source weighs twice one that does not.
VOICE_WEIGHT = 0.5


def find_omissions(
    alignment: Alignment,
    *,
    min_support: int = 2,
    response_weight: float = 1.0,
    quote_weight: float = 0.7,
    fact_weight: float = 0.5,
    prominence_weight: float = 0.5,
    paraphrase_floor: float | None = PARAPHRASE_FLOOR,
    voice_weight: float = VOICE_WEIGHT,
) -> list[Omission]:
    """Find the passages each outlet leaves out while at least ``min_support`` others carry them.

    ``weight = kind_weight * share * ((1 - prominence_weight) + prominence_weight * prominence)
    * ((1 - voice_weight) + voice_weight * silenced)``
    where ``share`` is the fraction of the *other* outlets that carry the passage, ``prominence``
    is the mean over those outlets of ``1 - position`` (position 0 = lead, 1 = end of the
    article), ``kind_weight`` is ``response_weight``, ``quote_weight`` or ``fact_weight``, and
    ``silenced`` is 1 when the omission leaves out a source the others cite for the passage
    that the outlet cites nowhere else (see :attr:`Omission.silenced`), else 0.

    Parameters
    ----------
    alignment : Alignment
        The aligned outlets.
    min_support : int, default 2
        How many other outlets must carry a passage for its absence to count. With the default,
        a fact only one other outlet reports is not an omission.
    response_weight, quote_weight, fact_weight : float in [0, 1], defaults 1.0, 0.7, 0.5
        The weight of each kind of passage: replies and denials count most: a reply weighs twice a plain fact.
    prominence_weight : float in [0, 1], default 0.5
        How much the position in the carrying outlets matters (0: not at all).
    voice_weight : float in [0, 1], default 0.5
        How much a silenced source matters (0: not at all). A source is a person or a document
        (audit, report, statement) that at least two, and half, of the carrying outlets cite
        for the passage ("Raman said", "the audit found"); the omission silences it when the
        outlet cites it nowhere else. One-sided coverage drops the other side's voices, not
        just its details: at 0.5 such an omission weighs twice one that does not.
    paraphrase_floor : float in (0, 1] or None, default 0.3
        An outlet with a piece that scores at least this much against the passage (its
        ``closeness``) is taken to carry it in other words that the aligner kept apart, and is
        not said to omit it. None reports every passage the outlet does not carry.

    Returns
    -------
    list of Omission
        Sorted by outlet id, then by passage order in the alignment.

    Examples
    --------
    >>> from mediadiff.align import align
    >>> from mediadiff.document import Article
    >>> a = align([Article("a", "The mayor resigned on Monday."), Article("b", "The mayor resigned on Monday."),
    ...            Article("c", "Schools stay open.")])
    >>> [(o.outlet, o.kind, round(o.weight, 2)) for o in find_omissions(a)]
    [('c', 'fact', 0.25)]
    """
    factors = {"response": response_weight, "quote": quote_weight, "fact": fact_weight}
    _check(min_support, {f"{k}_weight": v for k, v in factors.items()}, prominence_weight, voice_weight,
           "find_omissions")
    check_parameter("paraphrase_floor", paraphrase_floor, "a float in the range (0.0, 1.0] or None",
                    paraphrase_floor is None or (is_real(paraphrase_floor) and 0.0 < paraphrase_floor <= 1.0),
                    "find_omissions")
    outlets = alignment.outlets
    n_others = max(1, len(outlets) - 1)
    found: list[Omission] = []
    stats = _Stats(alignment)
    for outlet in outlets:
        for p, kind, pos, cited_by in stats.passages:
            if outlet in pos or len(pos) < min_support:
                continue
            closeness = alignment.closeness(p.id, outlet)
            if paraphrase_floor is not None and closeness >= paraphrase_floor:
                continue  # said in other words, most likely: not an omission
            carried = tuple(sorted(pos))
            share = len(carried) / n_others
            prominence = sum(1.0 - pos[o] for o in carried) / len(carried)
            silenced = stats.silenced(outlet, p, cited_by)
            weight = _weight(share, prominence, factors[kind], prominence_weight, bool(silenced), voice_weight)
            what = {"response": "a reply or statement from a party to the story", "quote": "a direct quotation",
                    "fact": "a piece of information"}[kind]
            explanation = (
                f"{len(carried)} of the {n_others} other outlets ({', '.join(carried)}) carry {what} "
                f"that {outlet} does not; they place it on average {_where(1.0 - prominence)}."
            )
            if silenced:
                explanation += f" They cite {_names(silenced)} for it; {outlet} never does."
            found.append(Omission(outlet, p.id, round(weight, 6), kind, carried, round(share, 6),
                                  round(prominence, 6), explanation, round(closeness, 6), silenced))
    return found


def _names(texts: tuple[str, ...]) -> str:
    """ "Raman", "Raman and the audit": source texts for an explanation."""
    words = [t if t[:1].isupper() else f"the {t}" for t in texts]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _where(position: float) -> str:
    if position < 1 / 3:
        return "near the top"
    if position < 2 / 3:
        return "in the middle"
    return "near the end"


def omission_scores(
    alignment: Alignment,
    omissions: list[Omission],
    *,
    min_support: int = 2,
    response_weight: float = 1.0,
    quote_weight: float = 0.7,
    fact_weight: float = 0.5,
    prominence_weight: float = 0.5,
    voice_weight: float = VOICE_WEIGHT,
) -> dict[str, float]:
    """Per-outlet omission score in [0, 1]: omitted weight over the weight it could have carried.

    For each outlet, the denominator sums the weight (same formula and options as
    :func:`find_omissions`) of every passage that at least ``min_support`` other outlets carry,
    whether or not this outlet carries it (a passage it carries counts as silencing the sources
    that the other carrying outlets cite for it and this outlet cites nowhere else); the
    numerator sums the weights of ``omissions`` for that outlet. An outlet with nothing it could
    have omitted scores 0.0. Pass the same options as to :func:`find_omissions`.

    >>> from mediadiff.align import align
    >>> from mediadiff.document import Article
    >>> a = align([Article("a", "The mayor resigned."), Article("b", "The mayor resigned."), Article("c", "Rain.")])
    >>> omission_scores(a, find_omissions(a))
    {'a': 0.0, 'b': 0.0, 'c': 1.0}
    """
    factors = {"response": response_weight, "quote": quote_weight, "fact": fact_weight}
    _check(min_support, {f"{k}_weight": v for k, v in factors.items()}, prominence_weight, voice_weight,
           "omission_scores")
    outlets = alignment.outlets
    n_others = max(1, len(outlets) - 1)
    stats = _Stats(alignment)
    scores: dict[str, float] = {}
    for outlet in outlets:
        total = 0.0
        for p, kind, pos, cited_by in stats.passages:
            others = [o for o in pos if o != outlet]
            if len(others) < min_support:
                continue
            share = len(others) / n_others
            prominence = sum(1.0 - pos[o] for o in others) / len(others)
            silenced = bool(stats.silenced(outlet, p, cited_by))
            total += _weight(share, prominence, factors[kind], prominence_weight, silenced, voice_weight)
        omitted = sum(o.weight for o in omissions if o.outlet == outlet)
        scores[outlet] = round(min(1.0, omitted / total), 6) if total > 0 else 0.0
    return scores
