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

The counterparts are found in ``_counterparts``, and the records are read for the reports and
the corpus in ``_loaded_report``: private modules beside this one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Any, Literal

from .._presentation import voice_label
from ..align import Alignment, Member, Passage
from ..document import Document, Token
from ..findings import Cell, Column, FindingKind, Score, Summary
from ..vocabulary import PLAIN_WORDS
from ._counterparts import MAX_PEERS as MAX_PEERS
from ._counterparts import Members, Wording, counterparts, locate, match_key, object_counterparts
from ._loaded_report import MAX_TERMS, loaded_legend, loaded_line, loaded_marks, loaded_sentences, own_voice_count
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


def _with_reference(finding: LoadedFinding, wording: Wording | None) -> LoadedFinding:
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


def _in_quote(document: Document, start: int, end: int) -> bool:
    return document.in_quotation(start, end)


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
    ctx = Members(alignment, lex)
    by_outlet: dict[str, list[tuple[Passage, Member]]] = {}
    for passage in alignment.passages:
        for member in passage.members:
            by_outlet.setdefault(member.outlet, []).append((passage, member))
    findings: list[LoadedFinding] = []
    for document in alignment.documents:
        spans: list[LoadedSpan] = detect_loaded_language(document, lex, min_score=min_score)
        for span in spans:
            where = locate(by_outlet, document.outlet, span.start, span.end)
            if where is not None and _story_vocabulary(ctx, where[0], where[1], span):
                continue
            reference: Wording | None = None
            passage_id = None
            if where is not None:
                passage, member = where
                passage_id = passage.id
                options = counterparts(ctx, passage, member, span.start, span.end)
                if not options and span.voice == "outlet":
                    options = object_counterparts(ctx, document.outlet, member, span.start, span.end)
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


def _story_vocabulary(ctx: Members, passage: Passage, member: Member, span: LoadedSpan) -> bool:
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
    ctx: Members, document: Document, located: list[tuple[Passage, Member]], spans: Sequence[LoadedSpan]
) -> list[LoadedFinding]:
    """Wording of this outlet that the others, in the same passage, put more plainly."""
    starts = frozenset(s.tokens[0].start for s in document.sentences if s.tokens)
    out: dict[tuple[int, int], LoadedFinding] = {}
    for passage, member in located:
        if passage.support < 2:
            continue
        mine = ctx.member_words(member)
        a = ctx.member_keys(member)
        alternatives: dict[tuple[int, int], list[tuple[str, Wording]]] = {}
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
                    alternatives.setdefault((i1, i2), []).append((" ".join(match_key(t) for t in alt), theirs_here))
        for (i1, i2), alts in alternatives.items():
            run = mine[i1:i2]
            start, end = run[0].start, run[-1].end
            if any(s.start < end and start < s.end for s in spans):
                continue  # the lexicon already flagged it
            if all(ctx.lexicon.is_neutral(t.norm) or t.norm in FUNCTION_WORDS for t in run):
                continue
            wordings: dict[str, list[Wording]] = {}
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


#: The loaded-language finding kind.
KIND = FindingKind(
    name="loaded_language",
    record_type=LoadedFinding,
    find=_find_loaded,
    score=_score_loaded,
    scores=(
        Score(
            "loaded_language",
            "Loaded / 1,000 own words",
            "Loaded /1k",
            bar="ll",
            fmt="{:.1f}",
            relative=True,
            term="loaded language",
            unit="loaded terms in the outlet's own voice per 1,000 of its own words (those not in quotations)",
            unit_short="loaded terms per 1,000 of the outlet's own words (outside quotations)",
        ),
    ),
    label="loaded-language span",
    plural="loaded-language spans",
    title="Loaded language",
    note="“Voice”: the outlet's own, or a source's (quoted or otherwise attributed words, not the outlet's).",
    columns=(
        Column("Outlet", lambda r, c: Cell.of_outlet(r["outlet"])),
        Column("Passage", lambda r, c: Cell.of_passage(c.passage_of(r))),
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
    count=own_voice_count,
    count_header="Loaded terms",
    summary=Summary(loaded_sentences, first=1, most=2, priority=40),
    chart=("loaded terms\n(own words)", "#CC79A7"),
    score_line=loaded_line,
    marks=loaded_marks,
    legend=loaded_legend,
)
