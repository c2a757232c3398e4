"""What is not worth listing, and how much the rest weighs (private): for :mod:`mediadiff.analysis.wording`.

Trivial changes are dropped: the same letters spaced or hyphenated otherwise, a change of
function words only among the plain kinds, a change inside a dateline. Every other change gets a
weight in [0, 1], how much it may alter what a reader is told (:func:`shift_weight`).

Names
-----
dateline_tokens  the starts of the tokens of a document's datelines ("WASHINGTON (AP) —").
trivial          whether a change is not worth listing.
shift_weight     the weight of one change, from its kind, direction and words.
marked_words     the words that make a change the kind it is (its hedge, source, name...).
source_swapped   whether a changed attribution gives the words to another named source.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._tokens import match_key
from ..document import Document, Token
from ..vocabulary import FUNCTION_WORDS, HEDGES, INTENSIFIERS, NEGATIONS, NOT_NAME_WORDS, RANK_WORDS
from ._common import source_key
from ._wording_kinds import Attributed, is_name_or_title

__all__ = ["dateline_tokens", "marked_words", "shift_weight", "source_swapped", "trivial"]
# FUNCTION_WORDS (words whose change alone is trivial: the stop words without negations and
# quantifiers, since "all" parents or "some" parents is a change of substance) is the
# vocabulary's, re-exported by mediadiff.analysis.wording.

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


def marked_words(
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
                or (kind == "name_or_title" and is_name_or_title(t, st))
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


def source_swapped(
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


def trivial(
    kind: str, ref: Sequence[Token], out: Sequence[Token], ref_dateline: frozenset[int], out_dateline: frozenset[int]
) -> bool:
    """A change not worth listing: the same letters (spacing, hyphens, punctuation), function
    words only in a plain change, or words inside a dateline on each side that has words."""
    if "".join(match_key(t) for t in ref) == "".join(match_key(t) for t in out):
        return True
    if all(t.start in ref_dateline for t in ref) and all(t.start in out_dateline for t in out):
        return True
    return kind in _PLAIN and all(t.norm in FUNCTION_WORDS for t in (*ref, *out) if t.kind != "punct")
