"""Wording shifts: how each outlet worded a passage compared with the passage's reference wording.

In every passage that two or more outlets carry, the *reference* is the outlet whose wording is
most like the others' (highest mean difflib ratio; ties: more words, then outlet id). In a
passage of more than ``EXACT_REFERENCE_LIMIT`` (12) outlets it is chosen among the 12 distinct
wordings closest to the passage's word centroid, so the cost grows linearly with the outlets.
Every other outlet's words are diffed against it with :class:`difflib.SequenceMatcher`
(``autojunk=False``) on the normalised words, so that typography (curly or straight quotes,
dashes, case, white space, punctuation, initialism dots) never counts as a change. Each change
is classified, first rule that applies:

``number``         a number changes value ("312" -> "about 400").
``name_or_title``  a proper name or a job title changes, appears or disappears.
``hedging``        a hedge (reportedly, allegedly, appeared to, may...) is added or removed.
``attribution``    an attribution (said, told, according to...) is added or removed, or names another
                   source (read from ``Document.attributions``): a claim
                   turned into a fact, or back.
``intensity``      a stronger or weaker word for the same thing (slashed/cut, exactly, just...).
``substitution``, ``insertion``, ``deletion``  any other change; insertion = words this outlet
                   has that the reference lacks, deletion = words it leaves out.

An outlet whose words share less than ``min_ratio`` (0.3) with the reference's retells the
passage; it is not diffed word by word there (the diff would pair unrelated words).

Trivial changes are not listed: the same letters spaced or hyphenated otherwise ("zero tolerance"
/ "zero-tolerance"), a change of function words only ("the" / "a", "by the" / "from"; see
:data:`FUNCTION_WORDS`) among the plain insertions, deletions and substitutions, a change inside a
dateline ("WASHINGTON (AP) —", see :func:`dateline_tokens`), and words that one outlet only moves
within the passage (the same words inserted at one place and deleted at another).

Each shift has a ``weight`` in [0, 1], how much it may change what a reader is told (reports list
the heaviest first): a number 1.0, an attribution that names another source 0.9, an attribution
added or removed 0.85, a hedge 0.8, a changed name or a changed rank ("deputy", "former") 0.7,
intensity 0.6, a negation on one side only 0.55, a name or title added or removed 0.5, and any
other change 0.1 to 0.4 with the number of content words it changes (:func:`shift_weight`).

Public names
------------
WordingShift          one change (a frozen dataclass; fields are report keys).
find_wording_shifts   Alignment -> list of WordingShift, by outlet, passage order, offset.
wording_shift_scores  per-outlet score in [0, 1]: how far its wording sits from the references.
shift_weight          the weight of one change, from its kind, direction and words.
dateline_tokens       the starts of the tokens of a document's datelines.
FUNCTION_WORDS        words whose change alone is trivial.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise
from typing import Any, Literal

from .._clauses import capitalised_words
from .._presentation import SHIFT_KINDS, join_names, rank_shifts
from ..align import Alignment, Passage
from ..document import Document, NumberMention, Token
from ..errors import check_parameter, is_real
from ..findings import Cell, Column, Context, FindingKind, Score, Summary, reference_columns
from ..vocabulary import (
    FUNCTION_WORDS,
    HEDGES,
    INTENSIFIERS,
    NEGATIONS,
    NOT_NAME_WORDS,
    RANK_WORDS,
    STOPWORDS,
    TITLE_WORDS,
)
from ._common import (
    match_key,
    member_tokens,
    source_key,
)

__all__ = [
    "KIND",
    "FUNCTION_WORDS",
    "WordingShift",
    "dateline_tokens",
    "find_wording_shifts",
    "shift_weight",
    "wording_shift_scores",
]

ShiftKind = Literal[
    "substitution", "insertion", "deletion", "hedging", "attribution", "intensity", "number", "name_or_title"
]


@dataclass(frozen=True, slots=True)
class WordingShift:
    """One change between an outlet's wording of a passage and the reference wording.

    ``start``/``end``/``text`` point into the outlet's article, ``reference_start``/
    ``reference_end``/``reference_text`` into ``reference_outlet``'s (the passage's reference
    member). For an insertion the reference span is empty (``reference_text == ""``)
    and sits where the words would go; for a deletion the outlet's span is empty.
    ``direction`` says whether hedging/attribution/intensity words were ``added``, ``removed``
    or ``changed``. ``weight`` in [0, 1] says how much the change may alter what a reader is
    told (:func:`shift_weight`): reports list the heaviest first.
    """

    passage: str
    outlet: str
    reference_outlet: str
    start: int
    end: int
    text: str
    reference_start: int
    reference_end: int
    reference_text: str
    kind: ShiftKind
    direction: str
    explanation: str
    weight: float = 0.0


def _outlet_tokens(alignment: Alignment, passage: Passage) -> dict[str, tuple[Token, ...]]:
    return {o: toks for o, (toks, _) in _outlet_members(alignment, passage).items()}


def _outlet_members(alignment: Alignment, passage: Passage) -> dict[str, tuple[tuple[Token, ...], tuple[int, ...]]]:
    """Each outlet's tokens in the passage (its members in text order, joined), and the token
    index at which each member after the first begins."""
    out: dict[str, tuple[tuple[Token, ...], tuple[int, ...]]] = {}
    for outlet in passage.outlets:
        doc = alignment.document(outlet)
        toks: list[Token] = []
        starts: list[int] = []
        for m in sorted(passage.members_of(outlet), key=lambda m: m.start):
            if toks:
                starts.append(len(toks))
            toks.extend(member_tokens(doc, m))
        out[outlet] = (tuple(toks), tuple(starts))
    return out


def _runs(i: int, j: int, starts: Sequence[int]) -> list[tuple[int, int]]:
    """``range(i, j)`` of joined tokens cut where a new member begins: a change never spans
    the text between two members (another passage's words)."""
    cuts = [k for k in starts if i < k < j]
    bounds = [i, *cuts, j]
    return [(a, b) for a, b in pairwise(bounds) if a < b] or [(i, j)]


def _paired_runs(
    i1: int, i2: int, j1: int, j2: int, ref_starts: Sequence[int], out_starts: Sequence[int]
) -> list[tuple[int, int, int, int]]:
    """One change of the diff as changes within single members, paired in order; where one side
    has fewer pieces, the rest pair with an empty span after its last piece. Words that open a
    member on one side only are not set against words that go on a sentence on the other: that
    is a deletion and an insertion, not a substitution."""
    opens_ref = i1 == 0 or i1 in ref_starts
    opens_out = j1 == 0 or j1 in out_starts
    if i1 < i2 and j1 < j2 and opens_ref != opens_out:
        return [
            *_paired_runs(i1, i2, j1, j1, ref_starts, out_starts),
            *_paired_runs(i2, i2, j1, j2, ref_starts, out_starts),
        ]
    ref = _runs(i1, i2, ref_starts)
    out = _runs(j1, j2, out_starts)
    pairs = []
    for k in range(max(len(ref), len(out))):
        a, b = ref[k] if k < len(ref) else (ref[-1][1], ref[-1][1])
        c, d = out[k] if k < len(out) else (out[-1][1], out[-1][1])
        pairs.append((a, b, c, d))
    return pairs


def _ratio(a: Sequence[str], b: Sequence[str]) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


#: Above this many members, reference candidates are first narrowed by a bag-of-words score.
EXACT_REFERENCE_LIMIT = 12


def _closeness(counts: dict[tuple[str, ...], int]) -> dict[tuple[str, ...], float]:
    """For each wording, the sum of the cosines between its bag of words and every other member's.

    ``counts`` gives how many members carry each wording. With ``u`` a member's bag of words
    divided by its Euclidean length, the sum over the other members is ``u . (sum of all members' u) - 1``
    (``u . u = 1``; 0 for a member without words): exact, in time linear in the members.

    >>> round(_closeness({("a", "b"): 2, ("a", "c"): 1})[("a", "b")], 6)  # 1 + 1/2
    1.5
    """
    units = {}
    centroid: dict[str, float] = {}
    for w, n in counts.items():
        bag = Counter(w)
        norm = math.sqrt(sum(c * c for c in bag.values())) or 1.0
        units[w] = {word: c / norm for word, c in bag.items()}
        for word, u in units[w].items():
            centroid[word] = centroid.get(word, 0.0) + n * u
    return {
        w: sum(u * centroid[word] for word, u in unit.items()) - (1.0 if unit else 0.0) for w, unit in units.items()
    }


def _reference(keys: dict[str, tuple[str, ...]]) -> tuple[str, dict[str, float]]:
    """The member most like the others, and its difflib ratio to every other member.

    The reference is the member with the highest mean difflib ratio to the other members
    (longer, then outlet id, on ties).

    With :data:`EXACT_REFERENCE_LIMIT` members or fewer, every member is a candidate. With more,
    members with the same words form one wording, and the candidates are the
    :data:`EXACT_REFERENCE_LIMIT` wordings closest to the passage's word centroid: with the
    highest sum of the cosines between their bag of words and every other member's (see
    :func:`_closeness`; ties: the smallest outlet id). Each candidate is diffed once per distinct
    wording and its mean ratio counts every member; among members of one wording the smallest
    outlet id is the reference. A passage carried by 200 outlets thus costs at most 12 diffs per
    distinct wording instead of all pairs of members, and the wording that wire copies share is
    found however many outlets carry it.

    >>> _reference({"a": ("fire", "hit"), "b": ("fire", "hit"), "c": ("blaze",)})[0]
    'a'
    """
    outlets = sorted(keys)
    if len(outlets) <= EXACT_REFERENCE_LIMIT:
        ratios = {o: {x: _ratio(keys[o], keys[x]) for x in outlets if x != o} for o in outlets}

        def score(o: str) -> tuple[float, int, str]:
            others = list(ratios[o].values())
            return (-(sum(others) / len(others)), -len(keys[o]), o)

        ref = min(outlets, key=score)
        return ref, ratios[ref]

    holders: dict[tuple[str, ...], list[str]] = {}
    for o in outlets:
        holders.setdefault(keys[o], []).append(o)  # each wording's outlets, smallest id first
    close = _closeness({w: len(h) for w, h in holders.items()})
    wordings = sorted(holders, key=lambda w: (-close[w], holders[w][0]))
    scored = []
    for c in wordings[:EXACT_REFERENCE_LIMIT]:
        by_wording = {w: _ratio(c, w) for w in holders}
        total = sum((len(holders[w]) - (w == c)) * r for w, r in by_wording.items())  # not with itself
        scored.append(((-(total / (len(outlets) - 1)), -len(c), holders[c][0]), by_wording))
    (_, _, ref), by_wording = min(scored, key=lambda x: x[0])
    return ref, {o: by_wording[keys[o]] for o in outlets if o != ref}


def _sentence_starts(doc: Document, names: frozenset[str] = frozenset()) -> frozenset[int]:
    """Where the sentences begin, except those that begin with a name (``names``): a capital
    there says nothing about the word, unless the word is a name elsewhere too."""
    return frozenset(s.tokens[0].start for s in doc.sentences if s.tokens and s.tokens[0].norm not in names)


def _named(doc: Document, names: frozenset[str] = frozenset()) -> frozenset[int]:
    """The starts of the document's name words (``Document.name_words``, read once in
    :func:`mediadiff.segment`), less the sentence starts :func:`_sentence_starts` doubts: the
    tokens :func:`mediadiff.names.is_name` holds for, given those starts."""
    return doc.name_words.starts - _sentence_starts(doc, names)


#: A document's number mentions by where their number starts (``NumberMention.at``): the
#: numbers a change holds are those whose number is one of its tokens.
Numbers = Mapping[int, NumberMention]
_NO_NUMBERS: Numbers = {}


def _numbers(document: Document) -> Numbers:
    """The number mentions of a document that state a number (not a weekday, not a vague
    quantity), by where their number starts."""
    return {m.at: m for m in document.numbers if m.kind != "vague" and m.unit != "weekday"}


def _is_number(tokens: Sequence[Token], numbers: Numbers) -> bool:
    """Whether ``tokens`` opens with a number ("12", "twelve"; not "a", "an" or "one")."""
    return bool(tokens) and tokens[0].start in numbers and tokens[0].norm not in ("a", "an", "one")


def _values(tokens: Sequence[Token], numbers: Numbers) -> list[str]:
    """The values of the numbers among ``tokens`` (from the document's number mentions), sorted."""
    return sorted(str(numbers[t.start].value) for t in tokens if t.start in numbers)


def _is_name(t: Token, named: frozenset[int]) -> bool:
    """A name (its start in ``named``: :func:`_named`) or a job title: what
    :func:`mediadiff.names.is_name` with ``titles`` says, read from the document's name words."""
    return t.norm in TITLE_WORDS or t.start in named


def _names(tokens: Sequence[Token], named: frozenset[int]) -> set[str]:
    """The names and job titles among ``tokens``, without plural or possessive endings."""
    return {source_key(t) for t in tokens if _is_name(t, named)}


def _words(tokens: Sequence[Token]) -> int:
    return sum(1 for t in tokens if t.kind == "word")


def _hedges(tokens: Sequence[Token]) -> set[str]:
    # "May" the month is not a hedge: hedges are taken in lower case only
    return {t.norm for t in tokens if t.norm in HEDGES and not t.text[:1].isupper()}


#: What the attribution layer marks in a document: the starts of its cue tokens and of the
#: tokens of its sources (``Document.attributions``).
Attributed = tuple[frozenset[int], frozenset[int]]
_NO_ATTRIBUTION: Attributed = (frozenset(), frozenset())


def _attributed(document: Document) -> Attributed:
    """The cue and source token starts of a document's attributions."""
    cues = {a.cue.start for a in document.attributions if a.cue is not None}
    sources: set[int] = set()
    for a in document.attributions:
        sentence = document.sentence_at(a.source.start) if a.source is not None else None
        if a.source is not None and sentence is not None:
            sources.update(t.start for t in sentence.tokens if a.source.start <= t.start < a.source.end)
    return frozenset(cues), frozenset(sources)


def _attributions(tokens: Sequence[Token], attributed: Attributed) -> set[str]:
    """The cues among ``tokens`` that the attribution layer found ("said", "according"): a word
    that merely looks like one ("read", "the report") is not an attribution."""
    return {t.norm for t in tokens if t.start in attributed[0]}


def _sources(tokens: Sequence[Token], attributed: Attributed) -> set[str]:
    """The words among ``tokens`` that name an attribution's source."""
    return {t.norm for t in tokens if t.start in attributed[1] and t.kind == "word" and t.norm not in STOPWORDS}


def _direction(a: set[str], b: set[str]) -> str:
    if b and not a:
        return "added"
    if a and not b:
        return "removed"
    return "changed"


#: Longest change (in words) that is classified beyond insertion/deletion/substitution.
_MAX_CLASSIFIED = 12
#: Longest replacement (in words, either side) that can be a swap of names, titles or degree
#: words; a longer one rewrites a phrase, where only numbers, hedges and attributions are read.
_MAX_SWAP = 4


def _classify(
    ref: Sequence[Token],
    out: Sequence[Token],
    ref_named: frozenset[int],
    out_named: frozenset[int],
    ref_attributed: Attributed = _NO_ATTRIBUTION,
    out_attributed: Attributed = _NO_ATTRIBUTION,
    numbers: tuple[Numbers, Numbers] = (_NO_NUMBERS, _NO_NUMBERS),
) -> tuple[ShiftKind, str]:
    """The kind of one change and its direction, from the reference words and the outlet's words.

    Changes longer than ``_MAX_CLASSIFIED`` words on either side are rewritings, not shifts of a
    word or two: they stay plain insertions, deletions or substitutions. A replacement longer
    than ``_MAX_SWAP`` words is a rephrasing: it is a ``number``, ``hedging`` or ``attribution``
    change only when a figure changes or a hedge or an attribution is there on one side alone.
    An attribution is a change only when added or removed ("said" for "told" is not one), or
    when the source it names changes ("Smith said" / "Jones said"); what is an attribution is
    read from the attribution layer of each document (``*_attributed``), what is a number from
    its number mentions (``numbers``, :func:`_numbers` of each document).
    """
    if max(len(ref), len(out)) > _MAX_CLASSIFIED:
        return (
            ("insertion", "added") if not ref else ("deletion", "removed") if not out else ("substitution", "changed")
        )
    ref_values, out_values = _values(ref, numbers[0]), _values(out, numbers[1])
    if ref_values and out_values and ref_values != out_values:
        return "number", "changed"
    ha, hb = _hedges(ref), _hedges(out)
    aa, ab = _attributions(ref, ref_attributed), _attributions(out, out_attributed)
    sa, sb = _sources(ref, ref_attributed), _sources(out, out_attributed)
    if sa and sb and sa != sb and max(len(ref), len(out)) <= _MAX_SWAP:
        return "attribution", "changed"  # the words are given to someone else
    if ref and out and bool(aa) != bool(ab) and not (sa if aa else sb):
        aa = ab = set()  # only the verb changes ("said" / "read"), the source stays: no attribution
    if ref and out and max(len(ref), len(out)) > _MAX_SWAP:
        if bool(ha) != bool(hb):
            return "hedging", _direction(ha, hb)
        if bool(aa) != bool(ab):
            return "attribution", _direction(aa, ab)
        return "substitution", "changed"
    if bool(aa) != bool(ab) and not (ref and out):
        return "attribution", _direction(aa, ab)  # "DOJ spokesperson Alexa Vance told The Times that" added
    ref_names, out_names = _names(ref, ref_named), _names(out, out_named)
    if ref and out and ref_names and out_names and ref_names != out_names:
        return "name_or_title", "changed"  # "Lee" / "Leigh", "deputy director" / "director"
    side, names, named = (out, out_names, out_named) if out else (ref, ref_names, ref_named)
    if names and not (ref and out) and 2 * sum(_is_name(t, named) for t in side) >= _words(side):
        return "name_or_title", _direction(ref_names, out_names)  # "Deputy", "library director Helen Okafor"
    if ha != hb:
        return "hedging", _direction(ha, hb)
    if bool(aa) != bool(ab):
        return "attribution", _direction(aa, ab)
    ia = {t.norm for t in ref if t.norm in INTENSIFIERS}
    ib = {t.norm for t in out if t.norm in INTENSIFIERS}
    if ia != ib:
        return "intensity", _direction(ia, ib)
    if not ref:
        return "insertion", "added"
    if not out:
        return "deletion", "removed"
    return "substitution", "changed"


def _same_number(ref: Sequence[Token], out: Sequence[Token], numbers: tuple[Numbers, Numbers]) -> bool:
    """Whether a change of a word or two writes the same number another way ("twelve" / "12")."""
    if not ref or not out or len(ref) + len(out) > 4:
        return False
    a, b = _values(ref, numbers[0]), _values(out, numbers[1])
    return bool(a) and a == b and _is_number(ref, numbers[0]) and _is_number(out, numbers[1])


def _span(tokens: Sequence[Token], i: int, j: int, starts: Sequence[int] = ()) -> tuple[int, int]:
    """Character span of ``tokens[i:j]``; an empty span at the gap when ``i == j`` (after the
    previous word when ``i`` opens a member: the words would end the member before)."""
    if i < j:
        return tokens[i].start, tokens[j - 1].end
    if i in starts:
        return tokens[i - 1].end, tokens[i - 1].end
    if i < len(tokens):
        return tokens[i].start, tokens[i].start
    if tokens:
        return tokens[-1].end, tokens[-1].end
    return 0, 0


# ---------------------------------------------------------------------------------------------
# What is not worth listing, and how much the rest weighs

# QUANTIFIERS ("all" parents or "some" parents is a change of substance) and FUNCTION_WORDS
# (words whose change alone is trivial: the stop words without negations and quantifiers) are
# the vocabulary's, re-exported here.

#: At most this many words before the dash of a dateline ("NEW YORK, June 3 (Reuters) —").
_DATELINE_WORDS = 8
_DASHES = frozenset({"-", "--", "—", "–"})


def dateline_tokens(document: Document) -> frozenset[int]:
    """The starts of the tokens that make up a dateline: the place (and date, and agency) that
    opens a paragraph before a dash, "WASHINGTON (AP) —", "LONDON, June 3 (Reuters) -",
    "Washington, D.C. –".

    A dateline is at most eight words, each capitalised or a number, ending in a dash that is
    followed by more of the sentence; one of its words is in capitals ("WASHINGTON", "D.C.") or
    it names an agency in brackets. A headline such as "Sessions — the man behind the policy"
    is not one.

    >>> from mediadiff.segment import segment
    >>> from mediadiff.document import Article
    >>> doc = segment(Article("a", "BOSTON (AP) — The mayor closed the bridge.\\n\\nMayor Lee — not the board — decided."))
    >>> starts = dateline_tokens(doc)
    >>> [t.text for s in doc.sentences for t in s.tokens if t.start in starts]
    ['BOSTON', '(', 'AP', ')', '—']
    """
    out: set[int] = set()
    first_of_paragraph = set()
    seen_paragraphs: set[int] = set()
    for s in document.sentences:
        if s.paragraph not in seen_paragraphs:
            seen_paragraphs.add(s.paragraph)
            first_of_paragraph.add(s.index)
    for s in document.sentences:
        if s.index not in first_of_paragraph or s.boilerplate:
            continue
        toks = s.tokens
        words = 0
        capitals = brackets = False
        for k, t in enumerate(toks):
            if t.kind == "punct":
                if t.text in _DASHES or t.norm in _DASHES:
                    if words and (capitals or brackets) and any(u.kind != "punct" for u in toks[k + 1 :]):
                        out.update(u.start for u in toks[: k + 1])
                    break
                if t.text in ("(", ")", ",", "."):
                    brackets = brackets or t.text == "("
                    continue
                break
            words += 1
            letters = t.text.replace(".", "")
            if words > _DATELINE_WORDS or not (t.text[:1].isupper() or t.kind == "number"):
                break
            capitals = capitals or (len(letters) > 1 and letters.isalpha() and letters.isupper())
    return frozenset(out)


def _content(tokens: Sequence[Token]) -> set[str]:
    return {match_key(t) for t in tokens if t.kind != "punct" and t.norm not in FUNCTION_WORDS}


_PLAIN = frozenset({"substitution", "insertion", "deletion"})


def shift_weight(
    kind: str,
    direction: str,
    ref: Sequence[Token],
    out: Sequence[Token],
    *,
    marked: frozenset[str] | None = None,
    swap: bool = True,
) -> float:
    """How much one change may alter what a reader is told, in [0, 1].

    A number 1.0; an attribution that gives the words to another named source 0.9 (``swap``),
    one added or removed 0.85; a hedge 0.8; a name changed, or a rank word ("deputy",
    "former", "acting") changed, added or removed 0.7; intensity 0.6; any other change with a
    negation on one side only ("did" / "did not") 0.55; a name or title added or removed 0.5;
    any other change ``0.1 + 0.3 * min(1, n / 6)`` with ``n`` the content words (not
    :data:`FUNCTION_WORDS`) on one side only.

    A hedge, attribution, name or degree word that comes inside a wider rewording (more than two
    other content words on one side only, besides the ``marked`` words that make the kind, as
    :func:`match_key` forms), or an attribution ``changed`` to a source that is not another
    named one (``swap`` false: "a spokeswoman" / "a spokesperson"), weighs at most 0.45: the
    kind is right, but the change is a rephrasing more than a shift of that word.

    >>> from mediadiff.segment import tokenize
    >>> shift_weight("number", "changed", tokenize("12"), tokenize("40"))
    1.0
    >>> shift_weight("hedging", "added", (), tokenize("reportedly"))
    0.8
    >>> shift_weight("substitution", "changed", tokenize("the old"), tokenize("a new"))
    0.2
    """
    if kind == "number":
        return 1.0
    if kind in _PLAIN:
        if bool({t.norm for t in ref} & NEGATIONS) != bool({t.norm for t in out} & NEGATIONS):
            return 0.55
        n = len(_content(ref) ^ _content(out))
        return round(0.1 + 0.3 * min(1.0, n / 6), 6)
    if kind == "attribution":
        weight = 0.9 if direction == "changed" else 0.85
        if direction == "changed" and not swap:
            weight = 0.45
    elif kind == "hedging":
        weight = 0.8
    elif kind == "name_or_title":
        ranks = {t.norm for t in ref if t.norm in RANK_WORDS} ^ {t.norm for t in out if t.norm in RANK_WORDS}
        weight = 0.7 if direction == "changed" or ranks else 0.5
    else:
        weight = 0.6
    if marked is not None and len((_content(ref) ^ _content(out)) - marked) > 2:
        weight = min(weight, 0.45)
    return weight


def _marked(
    kind: str,
    ref: Sequence[Token],
    out: Sequence[Token],
    named: tuple[frozenset[int], frozenset[int]],
    attributed: tuple[Attributed, Attributed],
) -> frozenset[str]:
    """The words (:func:`match_key` forms) that make a change the kind it is: the cues and
    sources of an attribution, the hedges, the names and titles, the degree words."""
    picked: set[str] = set()
    for side, st, at in ((ref, named[0], attributed[0]), (out, named[1], attributed[1])):
        for t in side:
            if (
                (kind == "attribution" and (t.start in at[0] or t.start in at[1]))
                or (kind == "hedging" and t.norm in HEDGES)
                or (kind == "name_or_title" and _is_name(t, st))
                or (kind == "intensity" and t.norm in INTENSIFIERS)
            ):
                picked.add(match_key(t))
    return frozenset(picked)


def _initials(tokens: Sequence[Token]) -> set[str]:
    """The names among ``tokens`` as compared for a change of source: their keys, and for a run
    of capitalised words also its initials ("Justice Department" gives "jd" as "DOJ" does, letters sorted)."""
    caps = [t for t in tokens if t.kind == "word" and t.text[:1].isupper() and t.norm not in NOT_NAME_WORDS]
    keys = {source_key(t) for t in caps}
    keys.add("".join(sorted(t.norm[0] for t in caps if not t.text.isupper())))
    keys.update("".join(sorted(set(t.norm) - {"o", "f"})) for t in caps if t.text.replace(".", "").isupper())
    return keys - {""}


def _swap(
    ref: Sequence[Token],
    out: Sequence[Token],
    attributed: tuple[Attributed, Attributed],
    named: tuple[frozenset[int], frozenset[int]],
) -> bool:
    """Whether a changed attribution gives the words to another named source: each side's
    source names a name, and the two share none (an initialism counts as its name)."""
    rs = [t for t in ref if t.start in attributed[0][1] and t.start in named[0]]
    os_ = [t for t in out if t.start in attributed[1][1] and t.start in named[1]]
    return bool(rs and os_) and not (_initials(rs) & _initials(os_))


def _trivial(
    kind: str, ref: Sequence[Token], out: Sequence[Token], ref_dateline: frozenset[int], out_dateline: frozenset[int]
) -> bool:
    """A change not worth listing: the same letters (spacing, hyphens, punctuation), function
    words only in a plain change, or words inside a dateline on each side that has words."""
    if "".join(match_key(t) for t in ref) == "".join(match_key(t) for t in out):
        return True
    if all(t.start in ref_dateline for t in ref) and all(t.start in out_dateline for t in out):
        return True
    return kind in _PLAIN and all(t.norm in FUNCTION_WORDS for t in (*ref, *out) if t.kind != "punct")


def _without_moves(shifts: list[tuple[WordingShift, tuple[str, ...]]]) -> list[WordingShift]:
    """Drop the words an outlet only moves within a passage: an insertion and a deletion of the
    same words (compared by :func:`match_key`) for the same outlet and passage cancel out."""
    inserted: dict[tuple[str, str, tuple[str, ...]], list[int]] = {}
    deleted: dict[tuple[str, str, tuple[str, ...]], list[int]] = {}
    for k, (w, words) in enumerate(shifts):
        if not words:
            continue
        if w.reference_text == "" and w.text:
            inserted.setdefault((w.outlet, w.passage, words), []).append(k)
        elif w.text == "" and w.reference_text:
            deleted.setdefault((w.outlet, w.passage, words), []).append(k)
    gone: set[int] = set()
    for key, ins in inserted.items():
        for a, b in zip(ins, deleted.get(key, ()), strict=False):
            gone.update((a, b))
    return [w for k, (w, _) in enumerate(shifts) if k not in gone]


_EXPLAIN = {
    "number": "gives a different number",
    "name_or_title": "names someone differently or gives a different title",
    "hedging": "{d} a hedge (a word that makes the claim less certain)",
    "attribution": "{d} who said it: a claim is attributed or presented as fact",
    "intensity": "uses a stronger or weaker word",
    "insertion": "adds words",
    "deletion": "leaves out words",
    "substitution": "uses different words",
}


#: Default ``min_ratio`` of :func:`find_wording_shifts`: below it an outlet retells the passage.
RETELLING_RATIO = 0.3


def find_wording_shifts(alignment: Alignment, *, min_ratio: float = RETELLING_RATIO) -> list[WordingShift]:
    """Diff every outlet's wording of each shared passage against the reference wording.

    Parameters
    ----------
    alignment : Alignment
        The aligned outlets.
    min_ratio : float in [0, 1], default 0.3
        Least difflib ratio between an outlet's words and the reference's for a word diff. Below
        it the outlet retells the passage in its own words: a word-level diff would pair
        unrelated words ("then went further" against "pushed for the separation of ..."), so no
        changes are listed for that outlet there. Its distance still counts in
        :func:`wording_shift_scores`. 0 diffs every outlet.

    Returns
    -------
    list of WordingShift
        Sorted by outlet id, passage order, then offset in the outlet's text.

    Examples
    --------
    >>> from mediadiff.align import align
    >>> from mediadiff.document import Article
    >>> a = align([Article("a", "Officials said the fire destroyed 12 homes."),
    ...            Article("b", "Officials said the fire destroyed 12 homes."),
    ...            Article("c", "The fire reportedly destroyed 12 homes.")], threshold=0.4)
    >>> [(s.outlet, s.kind, s.text, s.reference_text) for s in find_wording_shifts(a)]
    [('c', 'attribution', '', 'Officials said'), ('c', 'hedging', 'reportedly', '')]
    """
    check_parameter(
        "min_ratio",
        min_ratio,
        "a float in the range [0.0, 1.0]",
        is_real(min_ratio) and 0.0 <= min_ratio <= 1.0,
        "find_wording_shifts",
    )
    docs = {d.outlet: d for d in alignment.documents}
    names = capitalised_words(alignment.documents)
    named = {o: _named(d, names) for o, d in docs.items()}
    attributed = {o: _attributed(d) for o, d in docs.items()}
    numbers = {o: _numbers(d) for o, d in docs.items()}
    datelines = {o: dateline_tokens(d) for o, d in docs.items()}
    listed: list[tuple[WordingShift, tuple[str, ...]]] = []
    for p in alignment.passages:
        if p.support < 2:
            continue
        joined = _outlet_members(alignment, p)
        tokens = {o: toks for o, (toks, _) in joined.items()}
        keys = {o: tuple(match_key(t) for t in ts) for o, ts in tokens.items()}
        ref, ratios = _reference(keys)
        rt = tokens[ref]
        opcodes: dict[tuple[str, ...], list[tuple[str, int, int, int, int]]] = {}  # wire copies: one diff
        for outlet in sorted(tokens):
            if outlet == ref or ratios[outlet] < min_ratio:
                continue
            ot = tokens[outlet]
            if keys[outlet] not in opcodes:
                sm = SequenceMatcher(None, keys[ref], keys[outlet], autojunk=False)
                opcodes[keys[outlet]] = list(sm.get_opcodes())
            changes = [
                run
                for tag, i1, i2, j1, j2 in opcodes[keys[outlet]]
                if tag != "equal"
                for run in _paired_runs(i1, i2, j1, j2, joined[ref][1], joined[outlet][1])
            ]
            for i1, i2, j1, j2 in changes:
                both = (numbers[ref], numbers[outlet])
                if _same_number(rt[i1:i2], ot[j1:j2], both):
                    continue  # "twelve" / "12": the same number written another way
                kind, direction = _classify(
                    rt[i1:i2], ot[j1:j2], named[ref], named[outlet], attributed[ref], attributed[outlet], both
                )
                if _trivial(kind, rt[i1:i2], ot[j1:j2], datelines[ref], datelines[outlet]):
                    continue
                s, e = _span(ot, j1, j2, joined[outlet][1])
                rs, re_ = _span(rt, i1, i2, joined[ref][1])
                what = _EXPLAIN[kind].format(
                    d="adds" if direction == "added" else "removes" if direction == "removed" else "changes"
                )
                explanation = f"Compared with {ref}, {outlet} {what}."
                pair = (attributed[ref], attributed[outlet])
                weight = shift_weight(
                    kind,
                    direction,
                    rt[i1:i2],
                    ot[j1:j2],
                    marked=_marked(kind, rt[i1:i2], ot[j1:j2], (named[ref], named[outlet]), pair),
                    swap=_swap(rt[i1:i2], ot[j1:j2], pair, (named[ref], named[outlet])),
                )
                shift = WordingShift(
                    p.id,
                    outlet,
                    ref,
                    s,
                    e,
                    docs[outlet].text[s:e],
                    rs,
                    re_,
                    docs[ref].text[rs:re_],
                    kind,
                    direction,
                    explanation,
                    weight,
                )
                listed.append((shift, tuple(match_key(t) for t in (*rt[i1:i2], *ot[j1:j2]))))
    found = _without_moves(listed)
    order = {p.id: i for i, p in enumerate(alignment.passages)}
    found.sort(key=lambda w: (w.outlet, order[w.passage], w.start, w.end, w.reference_start, w.kind))
    return found


def wording_shift_scores(alignment: Alignment, shifts: Sequence[WordingShift] | None = None) -> dict[str, float]:
    """Per-outlet wording-shift score in [0, 1]: how far its wording sits from the references.

    For every passage an outlet shares with at least one other outlet, its distance is
    ``1 - SequenceMatcher.ratio()`` between its normalised words and the reference's (0 for the
    reference itself). The score is the mean distance weighted by the reference's length in
    words; 0.0 for an outlet that shares no passage. ``shifts`` is accepted for symmetry with
    the other scores and not needed: the distance is computed from the alignment.

    >>> from mediadiff.align import align
    >>> from mediadiff.document import Article
    >>> a = align([Article("a", "The fire destroyed 12 homes."), Article("b", "The fire destroyed 12 homes.")])
    >>> wording_shift_scores(a)
    {'a': 0.0, 'b': 0.0}
    """
    total = {o: 0.0 for o in alignment.outlets}
    weight = {o: 0.0 for o in alignment.outlets}
    for p in alignment.passages:
        if p.support < 2:
            continue
        keys = {o: tuple(match_key(t) for t in ts) for o, ts in _outlet_tokens(alignment, p).items()}
        ref, ratios = _reference(keys)
        w = max(1, len(keys[ref]))
        for outlet in keys:
            total[outlet] += w * (0.0 if outlet == ref else 1.0 - ratios[outlet])
            weight[outlet] += w
    return {o: (round(total[o] / weight[o], 6) if weight[o] else 0.0) for o in alignment.outlets}


# ---------------------------------------------------------------------------------------------
# The finding kind: how compare, the reports, the corpus batch and the command line use it

Record = Mapping[str, Any]
Report = Mapping[str, Any]


def _find_shifts(alignment: Alignment, found: Mapping[str, Any], options: Mapping[str, Any]) -> list[WordingShift]:
    return find_wording_shifts(alignment)


def _score_shifts(
    alignment: Alignment, findings: tuple[Any, ...], options: Mapping[str, Any]
) -> dict[str, dict[str, Any]]:
    values = wording_shift_scores(alignment, list(findings))
    return {o: {"wording_shift": values.get(o, 0.0)} for o in alignment.outlets}


_TELLING_SHIFTS = {
    "hedging": "hedging",
    "attribution": "attribution",
    "intensity": "intensity",
    "number": "numbers",
    "name_or_title": "names or titles",
}


def _wording_sentences(report: Report, ctx: Context) -> list[str]:
    """The outlet whose wording departs most from the shared wording, by its ``wording_shift``
    score (the mean distance of its words from each shared passage's reference wording: a
    share, so a long article does not depart more for being long), with its weightiest shifts
    counted by kind. Reports without scores fall back to the count of shifts."""
    names = ctx.names
    shifts = report.get("wording_shifts", [])
    if not shifts:
        return []
    counts = Counter(s["outlet"] for s in shifts)
    scores = {o["id"]: (o.get("scores") or {}).get("wording_shift") for o in report.get("outlets", [])}
    scored = {o: float(v) for o, v in scores.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
    if scored and max(scored.values()) > 0:
        top = min(scored, key=lambda o: (-scored[o], o))
        others = sorted(v for o, v in scored.items() if o != top)
        spread = (
            (f"{others[0]:.2f}" if others[0] == others[-1] else f"{others[0]:.2f}–{others[-1]:.2f}") if others else ""
        )
        how = f" (wording-shift score {scored[top]:.2f}; the others {spread})" if spread else ""
    else:
        top = min(counts, key=lambda o: (-counts[o], o))
        how = ""
    kinds = Counter(s["kind"] for s in shifts if s["outlet"] == top)
    special = [(label, kinds[k]) for k, label in _TELLING_SHIFTS.items() if kinds.get(k)]
    detail = join_names([f"{label} ({n})" for label, n in special])
    n = counts.get(top, 0)
    listed = f"{n} wording shift{'' if n == 1 else 's'} listed"
    detail = f": {listed}, including changes of {detail}" if detail else f": {listed}"
    return [f"{names.get(top, top)} departs most from the shared wording{how}{detail}."]


#: The wording-shift finding kind.
KIND = FindingKind(
    name="wording_shifts",
    record_type=WordingShift,
    find=_find_shifts,
    score=_score_shifts,
    scores=(Score("wording_shift", "Wording shift", "Wording shift", bar="ws"),),
    label="wording shift",
    plural="wording shifts",
    title="Wording shifts",
    note="Each against the reference member of its passage, heaviest first: a changed number, source, hedge, "
    "name or title and degree word before other words (weight: docs/concepts.md). Changes of punctuation, "
    "function words and datelines are not listed. “—”: no words on that side (added or left out).",
    order=lambda records: list(rank_shifts(records)),
    capped=True,
    breakdown=True,
    kind_labels=SHIFT_KINDS,
    columns=(
        Column("Outlet", lambda r, c: Cell.of_outlet(r["outlet"])),
        Column("Passage", lambda r, c: Cell.of_passage(r.get("passage"))),
        Column("Kind", lambda r, c: Cell.label(SHIFT_KINDS.get(r["kind"], r["kind"]))),
        *reference_columns("Outlet's words", "Reference's words", 160),
        Column("Weight", lambda r, c: Cell.number(r.get("weight")), numeric=True),
    ),
    count_header="Wording shifts",
    summary=Summary(_wording_sentences, first=1, most=1, priority=50),
    chart=("wording\nshifts", "#E69F00"),
)
