"""Loaded language across outlets: whose voice it is, what the others wrote instead, a score per outlet.

For every outlet, the lexicon detector (:func:`~mediadiff.loaded.detect.detect_loaded_language`)
runs on its segmented document. Each span that lies in an aligned passage gets a counterpart
(``reference_outlet``, ``reference_start``/``reference_end``/``reference_text``): the wording
that the aligned members of other outlets used at the same place, found with
:class:`difflib.SequenceMatcher` (``autojunk=False``) on the members' words. The plainest
counterpart wins (one without loaded words, from the first outlet in canonical order).

The contrast also finds loaded wording the lexicon lacks (category ``contrast``): one or two
content words that one outlet uses where the others, in the same passage, use a plain word (one
on the news-neutral stop list or in :data:`PLAIN_WORDS`: "said", "spending", "people"), and at
least two other outlets agree on it when three or more carry the passage. Names, numbers and
function words never count, and the members must be close paraphrases of each other
(similarity >= 0.5), so that the change is a choice of words and not a different fact.

Public names
------------
find_loaded_language     Alignment -> list of LoadedFinding, by outlet then offset.
loaded_language_scores   own-voice loaded spans per 1,000 own (unquoted) words, by category.
LoadedFinding            one outlet's loaded span with its counterpart wording.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Any, Literal, NamedTuple

from .._presentation import own_voice, quoted, voice_label, who
from ..align import Alignment, Member, Passage
from ..document import Document, Token
from ..findings import Cell, Column, Context, FindingKind, Score, Summary
from ..vocabulary import PARTICLES, PLAIN_WORDS
from .detect import FUNCTION_WORDS, LoadedSpan, detect_loaded_language
from .lexicon import Lexicon, lemma_candidates

__all__ = [
    "CONTRAST_SCORE",
    "KIND",
    "MAX_TERMS",
    "PLAIN_WORDS",
    "LoadedFinding",
    "find_loaded_language",
    "loaded_language_scores",
]

#: In a passage of more outlets than this, a member is compared with this many reference members.
MAX_PEERS = 12
#: The score of a ``contrast`` finding (wording the lexicon does not know).
CONTRAST_SCORE = 0.5
_MIN_SIMILARITY = 0.5
_MAX_CONTRAST_WORDS = 2
# The fewest outlets in a passage for a word they all use to be the story's own.
_MIN_STORY_OUTLETS = 3
# PLAIN_WORDS (plain words of news reporting that a contrast may point to, besides the neutral
# stop list) is the vocabulary's, re-exported here.


@dataclass(frozen=True, slots=True)
class LoadedFinding:
    """One outlet's loaded span in a comparison.

    ``start``/``end``/``text`` point into the outlet's article. ``in_quote`` is true when the
    words are inside a direct quotation; ``voice`` is ``"source"`` when they lie in any content
    the article attributes to someone (quotation, indirect speech, a statement), whose
    ``source`` is then named as written: a source's words, reported, not counted against the
    outlet. ``reference_text`` is the wording another outlet, ``reference_outlet``, used for
    the same thing, and ``reference_start``/``reference_end`` its offsets in that outlet's
    article (all four None when no aligned outlet words it differently); ``passage`` says in
    which passage the span lies (None outside any passage).
    """

    outlet: str
    start: int
    end: int
    text: str
    category: str
    score: float
    in_quote: bool
    reference_outlet: str | None = None
    reference_start: int | None = None
    reference_end: int | None = None
    reference_text: str | None = None
    passage: str | None = None
    voice: Literal["outlet", "source"] = "outlet"
    source: str | None = None


class _Wording(NamedTuple):
    """Another outlet's wording of the same thing: whose, where, what, and whether it is loaded."""

    outlet: str
    start: int
    end: int
    text: str
    loaded: bool


def _with_reference(finding: LoadedFinding, wording: _Wording | None) -> LoadedFinding:
    """``finding`` with the other outlet's ``wording`` as its reference (as it is without one)."""
    if wording is None:
        return finding
    return replace(
        finding,
        reference_outlet=wording.outlet,
        reference_start=wording.start,
        reference_end=wording.end,
        reference_text=wording.text,
    )


def _member_words(document: Document, member: Member) -> tuple[Token, ...]:
    """The word tokens of a member, taken from segmentation (not re-tokenised)."""
    return tuple(
        t
        for s in document.sentences
        if s.end > member.start and s.start < member.end
        for t in s.tokens
        if t.kind != "punct" and member.start <= t.start and t.end <= member.end
    )


def _key(token: Token) -> str:
    return token.norm.replace("-", "").replace(".", "")


def _in_quote(document: Document, start: int, end: int) -> bool:
    return document.in_quotation(start, end)


class _Context:
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
            self.keys[key] = [_key(t) for t in self.member_words(member)]
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
        key = (member.outlet, member.start, member.end)
        if key not in self.words:
            self.words[key] = _member_words(self.docs[member.outlet], member)
        return self.words[key]

    def loaded(self, tokens: Sequence[Token]) -> bool:
        return any(self.lexicon.lookup(t.norm) for t in tokens)

    def wording(self, outlet: str, tokens: Sequence[Token]) -> _Wording:
        """``tokens`` of ``outlet``'s article as a wording: their span, text and loadedness."""
        start, end = tokens[0].start, tokens[-1].end
        return _Wording(outlet, start, end, self.docs[outlet].text[start:end], self.loaded(tokens))


def _counterparts(ctx: _Context, passage: Passage, member: Member, start: int, end: int) -> list[_Wording]:
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


def _object_counterparts(ctx: _Context, outlet: str, member: Member, start: int, end: int) -> list[_Wording]:
    """What other outlets did to the same object, when the aligned members give no word swap.

    For a loaded verb phrase with its object inside or right after it ("snatched children away
    from ..."), look in the other outlets' content for the same object followed by the same next
    word ("... separated children from ..."): the word before the object there is the
    counterpart ("separated children").
    """
    mine = ctx.member_words(member)
    idx = [i for i, t in enumerate(mine) if t.start < end and start < t.end]
    if not idx:
        return []
    lo, hi = idx[0], idx[-1] + 1
    objects = [
        i for i in range(lo + 1, min(hi + 1, len(mine))) if _content(ctx, mine[i]) and mine[i].norm not in PARTICLES
    ]
    if not objects:
        return []
    obj = objects[0]
    after = hi if obj < hi else obj + 1
    if after >= len(mine):
        return []
    head, target, following = _key(mine[lo]), _key(mine[obj]), _key(mine[after])
    out = []
    for document in ctx.alignment.documents:
        if document.outlet == outlet:
            continue
        for sentence in document.content_sentences:
            words = sentence.words
            for i in range(1, len(words) - 1):
                if _key(words[i]) != target or _key(words[i - 1]) == head or not _content(ctx, words[i - 1]):
                    continue
                if any(_key(w) == following for w in words[i + 1 : i + 3]):
                    picked = words[i - 1 : i + 1]
                    out.append(ctx.wording(document.outlet, picked))
                    break
            else:
                continue
            break
    return out


# adverb particles of phrasal verbs ("taking away their children"): part of the verb, not its object


def _content(ctx: _Context, token: Token) -> bool:
    """A content word that is not itself loaded: a possible object or plain verb."""
    return token.kind == "word" and token.norm not in FUNCTION_WORDS and not ctx.lexicon.lookup(token.norm)


def _locate(
    passages_by_outlet: dict[str, list[tuple[Passage, Member]]], outlet: str, start: int, end: int
) -> tuple[Passage, Member] | None:
    for passage, member in passages_by_outlet.get(outlet, ()):
        if member.start <= start and end <= member.end:
            return passage, member
    for passage, member in passages_by_outlet.get(outlet, ()):
        if member.start < end and start < member.end:
            return passage, member
    return None


def find_loaded_language(
    alignment: Alignment, *, lexicon: Lexicon | None = None, min_score: float | None = None
) -> list[LoadedFinding]:
    """Loaded wording of every outlet, with what the other outlets wrote in its place.

    A lexicon span is the story's own word, not loading, when every other outlet carrying its
    passage uses the same term for the same thing (a "crash" in every account of a crash): such
    spans are left out.

    Parameters
    ----------
    alignment : Alignment
        The aligned documents (:func:`mediadiff.align.align`).
    lexicon : Lexicon, optional
        The lexicon (default: mediadiff's own, :meth:`Lexicon.default`).
    min_score : float, optional
        Passed to :func:`~mediadiff.loaded.detect.detect_loaded_language` (default: the
        calibration's threshold).

    Returns
    -------
    list of LoadedFinding
        Sorted by outlet id, then offset. Quoted spans are included with ``in_quote=True``.
    """
    lex = lexicon if lexicon is not None else Lexicon.default()
    ctx = _Context(alignment, lex)
    by_outlet: dict[str, list[tuple[Passage, Member]]] = {}
    for passage in alignment.passages:
        for member in passage.members:
            by_outlet.setdefault(member.outlet, []).append((passage, member))
    findings: list[LoadedFinding] = []
    for document in alignment.documents:
        spans: list[LoadedSpan] = detect_loaded_language(document, lex, min_score=min_score)
        for span in spans:
            where = _locate(by_outlet, document.outlet, span.start, span.end)
            if where is not None and _story_vocabulary(ctx, where[0], where[1], span):
                continue
            reference: _Wording | None = None
            passage_id = None
            if where is not None:
                passage, member = where
                passage_id = passage.id
                options = _counterparts(ctx, passage, member, span.start, span.end)
                if not options and span.voice == "outlet":
                    options = _object_counterparts(ctx, document.outlet, member, span.start, span.end)
                options.sort(key=lambda o: (o.loaded, o.outlet))  # plain wording first, then outlet order
                reference = options[0] if options else None
            finding = LoadedFinding(
                document.outlet,
                span.start,
                span.end,
                span.text,
                span.category,
                span.score,
                span.in_quote,
                passage=passage_id,
                voice=span.voice,
                source=span.source,
            )
            findings.append(_with_reference(finding, reference))
        findings.extend(_contrast(ctx, document, by_outlet.get(document.outlet, []), spans))
    findings.sort(key=lambda f: (f.outlet, f.start, f.end))
    return findings


def _story_vocabulary(ctx: _Context, passage: Passage, member: Member, span: LoadedSpan) -> bool:
    """Whether ``span`` uses the story's own word: every other outlet's member of its passage has a
    word that is a form of the first word of one of the span's terms, and the passage has at
    least :data:`_MIN_STORY_OUTLETS` outlets (two outlets sharing a loaded word may share a slant)."""
    others = [m for m in passage.members if m.outlet != member.outlet]
    if len({m.outlet for m in others}) < _MIN_STORY_OUTLETS - 1 or not span.terms:
        return False
    heads = {e.words[0] for term in span.terms for e in ctx.lexicon.lookup(term.split()[0].lstrip("="))} | {
        term.split()[0].lstrip("=").lower() for term in span.terms
    }

    def uses(m: Member) -> bool:
        return any(heads.intersection(lemma_candidates(t.norm)) for t in ctx.member_words(m))

    return all(uses(m) for m in others)


def _plain_run(tokens: Sequence[Token], sentence_starts: frozenset[int], *, content: bool = True) -> bool:
    """Whether a run of 1-2 words is a wording choice: no names or numbers (and, if ``content``,
    not only function words)."""
    if not 1 <= len(tokens) <= _MAX_CONTRAST_WORDS:
        return False
    if content and all(t.norm in FUNCTION_WORDS for t in tokens):
        return False
    for t in tokens:
        if t.kind != "word" or any(c.isdigit() for c in t.text):
            return False
        if t.text[:1].isupper() and t.start not in sentence_starts:
            return False
    return True


def _contrast(
    ctx: _Context, document: Document, located: list[tuple[Passage, Member]], spans: Sequence[LoadedSpan]
) -> list[LoadedFinding]:
    """Wording of this outlet that the others, in the same passage, put more plainly."""
    starts = frozenset(s.tokens[0].start for s in document.sentences if s.tokens)
    out: dict[tuple[int, int], LoadedFinding] = {}
    for passage, member in located:
        if passage.support < 2:
            continue
        mine = ctx.member_words(member)
        a = ctx.member_keys(member)
        alternatives: dict[tuple[int, int], list[tuple[str, _Wording]]] = {}
        for other in ctx.peers(passage, member):
            theirs = ctx.member_words(other)
            sm = SequenceMatcher(None, a, ctx.member_keys(other), autojunk=False)
            if not theirs or sm.ratio() < _MIN_SIMILARITY:
                continue
            for tag, i1, i2, j1, j2 in sm.get_opcodes():
                if tag != "replace":
                    continue
                run, alt = mine[i1:i2], theirs[j1:j2]
                if not _plain_run(run, starts) or not _plain_run(alt, frozenset(), content=False):
                    continue
                theirs_here = ctx.wording(other.outlet, alt)
                if not theirs_here.loaded:
                    alternatives.setdefault((i1, i2), []).append((" ".join(_key(t) for t in alt), theirs_here))
        for (i1, i2), alts in alternatives.items():
            run = mine[i1:i2]
            start, end = run[0].start, run[-1].end
            if any(s.start < end and start < s.end for s in spans):
                continue  # the lexicon already flagged it
            if all(ctx.lexicon.is_neutral(t.norm) or t.norm in FUNCTION_WORDS for t in run):
                continue
            wordings: dict[str, list[_Wording]] = {}
            for wording, theirs_here in alts:
                wordings.setdefault(wording, []).append(theirs_here)
            best = max(sorted(wordings), key=lambda w: len(wordings[w]))
            agree = len(wordings[best])
            plain = all(ctx.lexicon.is_neutral(w) or w in PLAIN_WORDS for w in best.split())
            if not plain or (agree < 2 and passage.support > 2):
                continue
            reference = min(wordings[best], key=lambda w: (w.outlet, w.text, w.start))
            attribution = document.attribution_at(start, end)
            finding = LoadedFinding(
                document.outlet,
                start,
                end,
                document.text[start:end],
                "contrast",
                round(min(0.7, CONTRAST_SCORE + 0.1 * (agree - 1)), 4),
                _in_quote(document, start, end),
                passage=passage.id,
                voice="source" if attribution else "outlet",
                source=attribution.source.text if attribution and attribution.source else None,
            )
            out[(start, end)] = _with_reference(finding, reference)
    return [out[k] for k in sorted(out)]


def loaded_language_scores(alignment: Alignment, findings: Sequence[LoadedFinding]) -> dict[str, dict[str, object]]:
    """Per outlet: own-voice loaded spans per 1,000 words of its own text, by category.

    Findings in a source's voice (quoted or otherwise attributed content) are reported by
    :func:`find_loaded_language` but do not count here, and neither do the words they lie in:
    they are a source's. Returns ``{outlet: {"per_1000_words": float, "by_category": {category:
    float per 1,000 own words}, "own_words": int, "own_spans": int, "quoted_spans": int}}``
    (``quoted_spans``: the findings in a source's voice); an outlet with no own words scores 0.0.
    """
    out: dict[str, dict[str, object]] = {}
    for document in alignment.documents:
        own_words = sum(
            1
            for s in document.content_sentences
            for t in s.tokens
            if t.kind != "punct" and not document.attributed_length(t.start, t.end)
        )
        mine = [f for f in findings if f.outlet == document.outlet]
        own = [f for f in mine if f.voice == "outlet"]
        per = 1000.0 / own_words if own_words else 0.0
        by_category: dict[str, float] = {}
        for f in own:
            by_category[f.category] = by_category.get(f.category, 0.0) + per
        out[document.outlet] = {
            "per_1000_words": round(len(own) * per, 3),
            "by_category": {k: round(v, 3) for k, v in sorted(by_category.items())},
            "own_words": own_words,
            "own_spans": len(own),
            "quoted_spans": len(mine) - len(own),
        }
    return out


# ---------------------------------------------------------------------------------------------
# The finding kind: how compare, the reports, the corpus batch and the command line use it

Record = Mapping[str, Any]
Report = Mapping[str, Any]


#: At most this many loaded terms are kept per story and outlet in a corpus score record.
MAX_TERMS = 20


def _find_loaded(alignment: Alignment, found: Mapping[str, Any], options: Mapping[str, Any]) -> list[LoadedFinding]:
    return find_loaded_language(alignment, lexicon=options.get("lexicon"))


def _score_loaded(
    alignment: Alignment, findings: tuple[Any, ...], options: Mapping[str, Any]
) -> dict[str, dict[str, Any]]:
    rates = loaded_language_scores(alignment, list(findings))
    return {
        o: {
            "loaded_language": rates.get(o, {}).get("per_1000_words", 0.0),
            "loaded_language_by_category": rates.get(o, {}).get("by_category", {}),
        }
        for o in alignment.outlets
    }


def _own_voice_count(records: Sequence[Record]) -> Counter[str]:
    return Counter(str(s["outlet"]) for s in records if own_voice(s))


def _counterpart_text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    if isinstance(value, Mapping):
        return _counterpart_text(value.get("text"))
    if isinstance(value, (list, tuple)):
        texts = sorted({t for t in (_counterpart_text(v) for v in value) if t})
        return " / ".join(texts) or None
    return str(value)


def _loaded_line(records: Sequence[Record], outlets: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``n_loaded`` (own-voice spans) and ``loaded_terms`` (most frequent first, at most :data:`MAX_TERMS`)."""
    loaded: dict[str, Counter[tuple[str, str, str]]] = {o: Counter() for o in outlets}
    for span in records:
        if not own_voice(span):
            continue
        key = (
            " ".join(str(span.get("text", "")).split()).lower(),
            str(span.get("category") or ""),
            _counterpart_text(span.get("reference_text")) or "",
        )
        loaded.setdefault(span["outlet"], Counter())[key] += 1
    out = {}
    for o in outlets:
        terms = sorted(loaded[o].items(), key=lambda kv: (-kv[1], kv[0]))
        out[o] = {
            "n_loaded": sum(loaded[o].values()),
            "loaded_terms": [
                {"term": t, "category": c or None, "counterpart": cp or None, "count": n}
                for (t, c, cp), n in terms[:MAX_TERMS]
            ],
        }
    return out


def _loaded_passage(r: Record, c: Context) -> Cell:
    return Cell.of_passage(r.get("passage") or c.passage_at(r["outlet"], r.get("start"), r.get("end")))


def _loaded_sentences(report: Report, ctx: Context) -> list[str]:
    names = ctx.names
    own = [s for s in report.get("loaded_language", []) if own_voice(s)]
    if not own:
        return []
    rates = {o["id"]: float(o.get("scores", {}).get("loaded_language", 0.0) or 0.0) for o in report.get("outlets", [])}
    counts = Counter(s["outlet"] for s in own)
    top = max(sorted(counts), key=lambda o: (rates.get(o, 0.0), counts[o]))
    examples: list[str] = []
    for s in own:
        word = " ".join(s["text"].split())
        if s["outlet"] == top and word.lower() not in {e.lower() for e in examples}:
            examples.append(word)
    eg = ", ".join(quoted(e, 40) for e in examples[:3])
    rate = rates.get(top, 0.0)
    how_much = f"{rate:.1f} loaded terms per 1,000 words" if rate else f"{counts[top]} loaded terms"
    clean = sorted(names.get(o, o) for o in names if counts.get(o, 0) == 0)
    tail = f"; {who(clean)} {'uses' if len(clean) == 1 else 'use'} none" if clean else ""
    out = [f"{names.get(top, top)} uses the most loaded language in its own voice: {how_much} (e.g. {eg}){tail}."]
    # the strongest contrast, from the outlet named above when it has one
    contrasts = [s for s in own if s.get("reference_text")]
    if contrasts:
        s = max(contrasts, key=lambda s: (s["outlet"] == top, float(s.get("score", 0.0) or 0.0)))
        other = s.get("reference_outlet")
        where = f"{names.get(other, other)} writes" if other else "other outlets write"
        out.append(
            f"{names.get(s['outlet'], s['outlet'])} writes {quoted(s['text'], 50)} where {where} "
            f"{quoted(s['reference_text'], 50)}."
        )
    return out


#: The loaded-language finding kind.
KIND = FindingKind(
    name="loaded_language",
    record_type=LoadedFinding,
    find=_find_loaded,
    score=_score_loaded,
    scores=(Score("loaded_language", "Loaded / 1,000 words", "Loaded /1k", bar="ll", fmt="{:.1f}", relative=True),),
    label="loaded-language span",
    plural="loaded-language spans",
    title="Loaded language",
    note="“Voice”: the outlet's own, or a source's (quoted or otherwise attributed words, not the outlet's).",
    columns=(
        Column("Outlet", lambda r, c: Cell.of_outlet(r["outlet"])),
        Column("Passage", _loaded_passage),
        Column("Words", lambda r, c: Cell.words(r.get("text"), r.get("start"), r.get("end"), r["outlet"])),
        Column("Category", lambda r, c: Cell.label(r.get("category"))),
        Column("Strength", lambda r, c: Cell.number(r.get("score")), numeric=True),
        Column("Voice", lambda r, c: Cell.label(voice_label(r))),
        Column(
            "Others write",
            lambda r, c: Cell.words(
                r.get("reference_text") or "",
                r.get("reference_start"),
                r.get("reference_end"),
                r.get("reference_outlet"),
            ),
        ),
    ),
    count=_own_voice_count,
    count_header="Loaded terms",
    summary=Summary(_loaded_sentences, first=1, most=2, priority=40),
    chart=("loaded terms\n(own words)", "#CC79A7"),
    score_line=_loaded_line,
)
