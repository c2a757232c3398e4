"""What the other outlets wrote in a loaded span's place (private): for :mod:`mediadiff.loaded.contrast`.

The counterpart of a span is found in the aligned members of other outlets with
:class:`difflib.SequenceMatcher` (``autojunk=False``) on the members' words: a word swap at the
same place (:func:`counterparts`), or, when the members give none, the verb another outlet uses on
the same object (:func:`object_counterparts`). Each comes with its offsets in that outlet's
article.

Names
-----
Wording              another outlet's wording: outlet, offsets, text, whether it is loaded.
Members              per-alignment data computed once: documents, member words and keys, peers.
counterparts         the wordings other outlets' members use for a span of a member.
object_counterparts  the verb other outlets use on the same object.
locate               the passage and member of an outlet that hold a span.
match_key            the form in which words are compared.
MAX_PEERS            in a passage of more outlets, a member is compared with this many others.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import NamedTuple

from .._tokens import match_key, member_tokens
from ..align import Alignment, Member, Passage
from ..document import Token
from ..vocabulary import PARTICLES
from .detect import FUNCTION_WORDS
from .lexicon import Lexicon

__all__ = ["MAX_PEERS", "Members", "Wording", "counterparts", "locate", "match_key", "object_counterparts"]

#: In a passage of more outlets than this, a member is compared with this many reference members.
MAX_PEERS = 12


class Wording(NamedTuple):
    """Another outlet's wording of the same thing: whose, where, what, and whether it is loaded."""

    outlet: str
    start: int
    end: int
    text: str
    loaded: bool


class Members:
    """Per-alignment data computed once: documents by outlet, member words, lexicon."""

    def __init__(self, alignment: Alignment, lexicon: Lexicon) -> None:
        self.alignment = alignment
        self.lexicon = lexicon
        self.docs = {d.outlet: d for d in alignment.documents}
        self.words: dict[tuple[str, int, int], tuple[Token, ...]] = {}
        self.keys: dict[tuple[str, int, int], list[str]] = {}
        self.bags: dict[tuple[str, int, int], Counter[str]] = {}
        self.references: dict[str, list[Member]] = {}

    def member_keys(self, member: Member) -> list[str]:
        """The matching keys of a member's words, computed once."""
        key = (member.outlet, member.start, member.end)
        if key not in self.keys:
            self.keys[key] = [match_key(t) for t in self.member_words(member)]
        return self.keys[key]

    def bag(self, member: Member) -> Counter[str]:
        """The member's keys as a multiset, computed once."""
        key = (member.outlet, member.start, member.end)
        if key not in self.bags:
            self.bags[key] = Counter(self.member_keys(member))
        return self.bags[key]

    def peers(self, passage: Passage, member: Member) -> list[Member]:
        """The members of other outlets to compare ``member`` with: all of them, or in a passage
        of many outlets the :data:`MAX_PEERS` members closest to the passage's word centroid
        (one shared reference set per passage, so the cost grows linearly with the outlets)."""
        others = [m for m in passage.members if m.outlet != member.outlet]
        if len(others) <= MAX_PEERS:
            return others
        if passage.id not in self.references:
            centroid: Counter[str] = Counter()
            for m in passage.members:
                centroid.update(self.bag(m))

            def closeness(m: Member) -> tuple[float, str, int]:
                bag = self.bag(m)
                size = sum(bag.values())
                return (-(sum((bag & centroid).values()) / size if size else 0.0), m.outlet, m.start)

            self.references[passage.id] = sorted(passage.members, key=closeness)[: MAX_PEERS + 1]
        return [m for m in self.references[passage.id] if m.outlet != member.outlet][:MAX_PEERS]

    def member_words(self, member: Member) -> tuple[Token, ...]:
        """The word tokens of a member, computed once."""
        key = (member.outlet, member.start, member.end)
        if key not in self.words:
            self.words[key] = member_tokens(self.docs[member.outlet], member)
        return self.words[key]

    def loaded(self, tokens: Sequence[Token]) -> bool:
        """Whether any of ``tokens`` is in the lexicon."""
        return any(self.lexicon.lookup(t.norm) for t in tokens)

    def wording(self, outlet: str, tokens: Sequence[Token]) -> Wording:
        """``tokens`` of ``outlet``'s article as a wording: their span, text and loadedness."""
        start, end = tokens[0].start, tokens[-1].end
        return Wording(outlet, start, end, self.docs[outlet].text[start:end], self.loaded(tokens))


def counterparts(ctx: Members, passage: Passage, member: Member, start: int, end: int) -> list[Wording]:
    """The wordings that other outlets' members use for ``[start, end)`` of ``member``."""
    mine = ctx.member_words(member)
    idx = [i for i, t in enumerate(mine) if t.start < end and start < t.end]
    if not idx:
        return []
    lo, hi = idx[0], idx[-1] + 1
    a = ctx.member_keys(member)
    out = []
    for other in ctx.peers(passage, member):
        theirs = ctx.member_words(other)
        if not theirs:
            continue
        sm = SequenceMatcher(None, a, ctx.member_keys(other), autojunk=False)
        if sm.ratio() < 0.3:
            continue
        picked: list[Token] = []
        same = False
        ops = sm.get_opcodes()
        for k, (tag, i1, i2, j1, j2) in enumerate(ops):
            if i2 <= lo or i1 >= hi:
                continue
            if tag == "equal":
                same = True
            elif tag == "replace" and _anchored(ops, k):
                picked.extend(theirs[j1:j2])
        if picked and not same and len(picked) <= hi - lo + 3:
            out.append(ctx.wording(other.outlet, picked))
    return out


def _anchored(ops: Sequence[tuple[str, int, int, int, int]], k: int) -> bool:
    """Whether replacement ``ops[k]`` is a word swap: shared words on both sides of it, or the
    two sides about as long (not a clause of one member set against a different clause)."""
    _, i1, i2, j1, j2 = ops[k]
    between = 0 < k < len(ops) - 1 and ops[k - 1][0] == "equal" and ops[k + 1][0] == "equal"
    return between or abs((i2 - i1) - (j2 - j1)) <= 1


def object_counterparts(ctx: Members, outlet: str, member: Member, start: int, end: int) -> list[Wording]:
    """What other outlets did to the same object, when the aligned members give no word swap.

    For a loaded verb phrase with its object inside or right after it ("snatched children away
    from ..."), look in the other outlets' content for the same object followed by the same next
    word ("... separated children from ..."): the word before the object there is the
    counterpart ("separated children"), when nothing but a space stands between the two.
    """
    mine = ctx.member_words(member)
    idx = [i for i, t in enumerate(mine) if t.start < end and start < t.end]
    if not idx:
        return []
    lo, hi = idx[0], idx[-1] + 1
    # an adverb particle of a phrasal verb ("taking away their children") is part of the verb, not its object
    objects = [
        i for i in range(lo + 1, min(hi + 1, len(mine))) if _content(ctx, mine[i]) and mine[i].norm not in PARTICLES
    ]
    if not objects:
        return []
    obj = objects[0]
    after = hi if obj < hi else obj + 1
    if after >= len(mine):
        return []
    head, target, following = match_key(mine[lo]), match_key(mine[obj]), match_key(mine[after])
    out = []
    for document in ctx.alignment.documents:
        if document.outlet == outlet:
            continue
        for sentence in document.content_sentences:
            words = sentence.words
            for i in range(1, len(words) - 1):
                if match_key(words[i]) != target or match_key(words[i - 1]) == head or not _content(ctx, words[i - 1]):
                    continue
                if document.text[words[i - 1].end : words[i].start].strip():
                    continue  # punctuation between: no verb on its object ("president, Mitt Romney")
                if any(match_key(w) == following for w in words[i + 1 : i + 3]):
                    picked = words[i - 1 : i + 1]
                    out.append(ctx.wording(document.outlet, picked))
                    break
            else:
                continue
            break
    return out


def _content(ctx: Members, token: Token) -> bool:
    """A content word that is not itself loaded: a possible object or plain verb."""
    return token.kind == "word" and token.norm not in FUNCTION_WORDS and not ctx.lexicon.lookup(token.norm)


def locate(
    passages_by_outlet: dict[str, list[tuple[Passage, Member]]], outlet: str, start: int, end: int
) -> tuple[Passage, Member] | None:
    """The passage and member of ``outlet`` that hold ``[start, end)`` (else the first that
    overlaps it; None when none does)."""
    for passage, member in passages_by_outlet.get(outlet, ()):
        if member.start <= start and end <= member.end:
            return passage, member
    for passage, member in passages_by_outlet.get(outlet, ()):
        if member.start < end and start < member.end:
            return passage, member
    return None
