"""The finding kinds of the analysers that are being reworked elsewhere (issue 18), declared here.

Each declaration belongs at the bottom of its analyser module, as ``placement.KIND`` is: it moves
there once the word-list consolidation of ``wording``, ``quotes``, ``conflicts`` and ``loaded/``
has landed (``omissions`` waits for its split: with its sentences it would pass 600 lines).
Nothing else changes when one moves but the import in :mod:`mediadiff.analysis._registry`.

Public names (private module)
-----------------------------
OMISSIONS, WORDING_SHIFTS, LOADED_LANGUAGE, QUOTES, QUOTE_ALTERATIONS, CONFLICTS
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import fields, is_dataclass
from typing import Any, get_args, get_origin, get_type_hints

from .._presentation import (
    ALTERATION_KINDS,
    CONFLICT_KINDS,
    OMISSION_KINDS,
    SHIFT_KINDS,
    diff_window,
    join_names,
    own_voice,
    quoted,
    rank_shifts,
    typical_member,
    voice_label,
    who,
)
from ..align import Alignment
from ..findings import Cell, Column, Context, FindingKind, Score, Summary
from ..loaded.contrast import LoadedFinding, find_loaded_language, loaded_language_scores
from .conflicts import Conflict, ConflictValue, find_conflicts
from .omissions import Omission, OmissionKind, find_omissions, omission_scores
from .quotes import Quote, QuoteAlteration, extract_quotes, find_quote_alterations
from .wording import WordingShift, find_wording_shifts, wording_shift_scores

__all__ = ["CONFLICTS", "LOADED_LANGUAGE", "OMISSIONS", "QUOTES", "QUOTE_ALTERATIONS", "WORDING_SHIFTS"]

Report = Mapping[str, Any]
Record = Mapping[str, Any]

#: The omission kinds always present (as 0) in a corpus score record's ``n_omissions``.
OMISSION_KIND_NAMES: tuple[str, ...] = tuple(sorted(get_args(OmissionKind)))
#: At most this many loaded terms are kept per story and outlet in a corpus score record.
MAX_TERMS = 20
# colours of the findings chart (Okabe-Ito: vermillion, orange, reddish purple, blue, bluish green)
_VERMILLION, _ORANGE, _PURPLE, _BLUE, _GREEN = "#D55E00", "#E69F00", "#CC79A7", "#0072B2", "#009E73"


def flat_fields(kind: type) -> list[str]:
    """The fields of a finding dataclass that fit in a table cell: all but nested objects.

    A tuple of strings (``carried_by``) fits; a tuple of dataclasses (``Conflict.values``) does not.
    """

    def flat(hint: Any) -> bool:
        if is_dataclass(hint) or get_origin(hint) is dict:
            return False
        if get_origin(hint) in (tuple, list):
            return all(a is str or a is Ellipsis for a in get_args(hint))
        return True

    hints = get_type_hints(kind)
    return [f.name for f in fields(kind) if flat(hints[f.name])]


def _scores(alignment: Alignment, values: Mapping[str, Any], key: str) -> dict[str, dict[str, Any]]:
    return {o: {key: values.get(o, 0.0)} for o in alignment.outlets}


# --- omissions ---------------------------------------------------------------------------------


def _find_omissions(alignment: Alignment, found: Mapping[str, Any], options: Mapping[str, Any]) -> list[Omission]:
    return find_omissions(alignment, min_support=options.get("min_support", 2))


def _score_omissions(
    alignment: Alignment, findings: tuple[Any, ...], options: Mapping[str, Any]
) -> dict[str, dict[str, Any]]:
    return _scores(
        alignment, omission_scores(alignment, list(findings), min_support=options.get("min_support", 2)), "omission"
    )


def _omission_line(records: Sequence[Record], outlets: Sequence[str]) -> dict[str, dict[str, Any]]:
    omitted: dict[str, Counter[str]] = {o: Counter() for o in outlets}
    for om in records:
        omitted.setdefault(om["outlet"], Counter())[str(om.get("kind", "fact"))] += 1
    return {
        o: {"n_omissions": {k: omitted[o].get(k, 0) for k in sorted(set(OMISSION_KIND_NAMES) | set(omitted[o]))}}
        for o in outlets
    }


def _carried_by(r: Record, c: Context) -> Cell:
    p = c.passages.get(str(r["passage"])) or {}
    return Cell.label(f"{p.get('support', len(r.get('carried_by') or ()))} of {c.n_outlets}")


def _weight(r: Record) -> float:
    w = r.get("weight")
    return float(w) if isinstance(w, (int, float)) and not isinstance(w, bool) else 0.0


OMISSIONS = FindingKind(
    name="omissions",
    record_type=Omission,
    find=_find_omissions,
    score=_score_omissions,
    scores=(Score("omission", "Omission", "Omission", bar="om"),),
    label="omission",
    plural="omissions",
    title="Omissions",
    note="Heaviest first.",
    order=lambda records: sorted(records, key=lambda o: (-_weight(o), o["outlet"])),
    columns=(
        Column("Outlet", lambda r, c: Cell.of_outlet(r["outlet"])),
        Column("Passage", lambda r, c: Cell.of_passage(r["passage"])),
        Column("Kind", lambda r, c: Cell.label(OMISSION_KINDS.get(r["kind"], r["kind"]))),
        Column("Weight", lambda r, c: Cell.number(r.get("weight")), numeric=True),
        Column("Carried by", _carried_by, numeric=True),
        Column("Never cites", lambda r, c: Cell.label(", ".join(r.get("silenced") or ()) or "—")),
        Column("Passage text", lambda r, c: Cell.snippet(r["passage"], limit=200)),
    ),
    count_header="Omissions",
    summary=Summary(lambda report, ctx: _omission_sentences(report, ctx), first=2, most=3, priority=10),
    chart=("omitted\npassages", _VERMILLION),
    score_line=_omission_line,
)


# --- wording shifts ---------------------------------------------------------------------------


def _against(text: str, reference: str, limit: int) -> tuple[Column, ...]:
    """Columns setting an outlet's words against a reference outlet's (shifts, altered quotes)."""

    def reference_outlet(r: Record) -> Any:
        return r.get("reference_outlet", r.get("reference"))

    return (
        Column(text, lambda r, c: Cell.words(r.get("text"), r.get("start"), r.get("end"), r["outlet"], limit=limit)),
        Column("Reference", lambda r, c: Cell.of_outlet(reference_outlet(r), main=False)),
        Column(
            reference,
            lambda r, c: Cell.words(
                r.get("reference_text"),
                r.get("reference_start"),
                r.get("reference_end"),
                reference_outlet(r),
                limit=limit,
            ),
        ),
    )


def _find_shifts(alignment: Alignment, found: Mapping[str, Any], options: Mapping[str, Any]) -> list[WordingShift]:
    return find_wording_shifts(alignment)


def _score_shifts(
    alignment: Alignment, findings: tuple[Any, ...], options: Mapping[str, Any]
) -> dict[str, dict[str, Any]]:
    return _scores(alignment, wording_shift_scores(alignment, list(findings)), "wording_shift")


WORDING_SHIFTS = FindingKind(
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
        *_against("Outlet's words", "Reference's words", 160),
        Column("Weight", lambda r, c: Cell.number(r.get("weight")), numeric=True),
    ),
    count_header="Wording shifts",
    summary=Summary(lambda report, ctx: _wording_sentences(report, ctx), first=1, most=1, priority=50),
    chart=("wording\nshifts", _ORANGE),
)


# --- loaded language --------------------------------------------------------------------------


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
            _counterpart_text(span.get("counterpart")) or "",
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


LOADED_LANGUAGE = FindingKind(
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
        Column("Others write", lambda r, c: Cell.words(r.get("counterpart") or "")),
    ),
    count=_own_voice_count,
    count_header="Loaded terms",
    summary=Summary(lambda report, ctx: _loaded_sentences(report, ctx), first=1, most=2, priority=40),
    chart=("loaded terms\n(own words)", _PURPLE),
    score_line=_loaded_line,
)


# --- quotations and altered quotations ----------------------------------------------------------


QUOTES = FindingKind(
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


QUOTE_ALTERATIONS = FindingKind(
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
        *_against("Quotes", "Reference has", 400),
    ),
    count_header="Altered quotes",
    summary=Summary(lambda report, ctx: _alteration_sentences(report, ctx), first=1, most=2, priority=30),
    chart=("altered\nquotations", _BLUE),
)


# --- conflicting facts ----------------------------------------------------------------------


def _conflict_count(records: Sequence[Record]) -> Counter[str]:
    """A conflict counts once for each outlet that gives one of its values."""
    counts: Counter[str] = Counter()
    for c in records:
        counts.update({str(v["outlet"]) for v in c.get("values", ()) if isinstance(v, Mapping) and v.get("outlet")})
    return counts


def _conflict_line(records: Sequence[Record], outlets: Sequence[str]) -> dict[str, dict[str, Any]]:
    counts = _conflict_count(records)
    return {o: {"n_conflicts": counts.get(o, 0)} for o in outlets}


def _conflict_frame(records: Sequence[Record]) -> tuple[list[dict[str, Any]], list[str]]:
    """One row per competing value, with its conflict's ``kind`` and ``passage``."""
    rows = [{"kind": c["kind"], "passage": c["passage"], **v} for c in records for v in c["values"]]
    return rows, ["kind", "passage", *flat_fields(ConflictValue)]


CONFLICTS = FindingKind(
    name="conflicts",
    record_type=Conflict,
    find=lambda alignment, found, options: find_conflicts(alignment),
    label="conflict",
    plural="conflicts",
    title="Conflicting facts",
    columns=(
        Column(
            "Passage",
            lambda r, c: Cell.of_passage(
                r.get("passage"), also=[x for x in r.get("related") or () if x != r.get("passage")]
            ),
        ),
        Column("Kind", lambda r, c: Cell.label(CONFLICT_KINDS.get(str(r.get("kind")), r.get("kind")))),
        Column("Values", lambda r, c: Cell.values(r.get("values", []))),
    ),
    count=_conflict_count,
    summary=Summary(lambda report, ctx: _conflict_sentences(report, ctx), first=1, most=2, priority=20),
    chart=("conflicts it\nis part of", _GREEN),
    score_line=_conflict_line,
    frame=_conflict_frame,
)


# --- the kinds' key-finding sentences -----------------------------------------------------------


def _omission_sentences(report: Report, ctx: Context) -> list[str]:
    """One sentence per omitted passage, heaviest first. The words quoted are those of the
    carrying outlet named right before them (never the omitting outlet's: it has none)."""
    names, passages = ctx.names, ctx.passages
    by_passage: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for om in report.get("omissions", []):
        by_passage[om["passage"]].append(om)
    order = {pid: i for i, pid in enumerate(passages)}
    ranked = sorted(
        by_passage, key=lambda pid: (-max(o["weight"] for o in by_passage[pid]), order.get(pid, 1 << 30), pid)
    )
    n = len(report.get("outlets", []))
    out = []
    told: list[tuple[frozenset[str], frozenset[tuple[str, int]]]] = []  # omitters, sentences already told
    for pid in ranked:
        oms = sorted(by_passage[pid], key=lambda o: o["outlet"])
        # a second clause of the same sentences that the same outlets omit is the same story
        omitters_set = frozenset(o["outlet"] for o in oms)
        passage = passages.get(pid)
        sentences = frozenset((m.get("outlet"), m.get("sentence")) for m in (passage or {}).get("members", ()))
        if sentences and any(omitters_set == w and sentences <= s for w, s in told):
            continue
        told.append((omitters_set, sentences))
        omitters = who([names.get(o["outlet"], o["outlet"]) for o in oms])
        kind = Counter(o["kind"] for o in oms).most_common(1)[0][0]
        support = passage["support"] if passage else len(oms[0].get("carried_by", []))
        what = {"response": "the response", "figure": "the figure", "quote": "the quotation"}.get(kind, "what")
        member = typical_member(passage)
        if member.get("text"):
            carrier = names.get(str(member.get("outlet")), str(member.get("outlet")))
            text = f"{what} that {carrier} reports as {quoted(str(member['text']), 100)}"
        else:
            text = f"{what} of passage {pid}"
        # the sources every omitter leaves out, in the first one's order ("the audit" for a document)
        silenced = [t for t in oms[0].get("silenced") or () if all(t in (o.get("silenced") or ()) for o in oms)]
        sources = who([t if t[:1].isupper() else f"the {t}" for t in silenced])
        names_ = ("; it never names " if len(oms) == 1 else "; they never name ") + sources if silenced else ""
        if all(o.get("consensus", True) for o in oms):
            verb = "omits" if len(oms) == 1 else "omit"
            out.append(f"{omitters} {verb} {text}, carried by {support} of {n} outlets{names_}.")
        else:
            verb = "leaves out" if len(oms) == 1 else "leave out"
            out.append(
                f"{omitters} {verb} {text}{names_} (two outlets compared: a difference between them, "
                "not an omission by consensus)."
            )
    return out


def _conflict_sentences(report: Report, ctx: Context) -> list[str]:
    names = ctx.names
    out = []
    for c in report.get("conflicts", []):
        # values that agree (same number, or same words) form one group; the odd one out comes first
        groups: dict[Any, list[tuple[str, str]]] = {}  # one figure -> its (name, text) values
        for v in c.get("values", []):
            text = " ".join(str(v.get("text", "")).split())
            value = v.get("value")
            key = ("v", value) if isinstance(value, (int, float)) else ("t", text.lower())
            groups.setdefault(key, []).append((names.get(v["outlet"], v["outlet"]), text))
        parts = []
        for said_by in sorted(groups.values(), key=lambda g: (len({n for n, _ in g}), sorted({n for n, _ in g}))):
            sayers = sorted({n for n, _ in said_by})
            # the words shown are those of the outlets named: who() names two of a long list
            shown = set(sayers if len(sayers) <= 3 else sayers[:2])
            texts = list(dict.fromkeys(t for n, t in said_by if n in shown))
            said = " or ".join(quoted(t, 60) for t in texts[:3])
            parts.append(f"{who(sayers)} {'says' if len(sayers) == 1 else 'say'} {said}")
        kind = CONFLICT_KINDS.get(str(c.get("kind")), str(c.get("kind", "a fact")))
        out.append(f"The outlets disagree on {kind}: " + "; ".join(parts) + ".")
    return out


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
    contrasts = [s for s in own if s.get("counterpart")]
    if contrasts:
        s = max(contrasts, key=lambda s: (s["outlet"] == top, float(s.get("score", 0.0) or 0.0)))
        other = s.get("counterpart_outlet")
        where = f"{names.get(other, other)} writes" if other else "other outlets write"
        out.append(
            f"{names.get(s['outlet'], s['outlet'])} writes {quoted(s['text'], 50)} where {where} "
            f"{quoted(s['counterpart'], 50)}."
        )
    return out


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
