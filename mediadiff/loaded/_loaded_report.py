"""How the reports and the corpus read loaded-language records (private): for :mod:`mediadiff.loaded.contrast`.

Functions of the plain records of ``report.json`` (``loaded_language[]``), not of a comparison:
the count of own-voice spans, the corpus score line, the key-finding sentences and the marks in
the outlets' texts.

Names
-----
own_voice_count   outlet -> its own-voice loaded spans.
loaded_line       an outlet's loaded-language fields in a corpus score record.
loaded_sentences  the key-finding sentences on loaded language (MIN_KEY_SPANS: what it takes to lead).
loaded_marks      a loaded span's mark in its outlet's text.
loaded_legend     the side-by-side view's legend entries: one per category in the report.
MAX_TERMS         at most this many loaded terms per story and outlet in a score record.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from .._presentation import category_colour, finite, own_voice, quoted, who
from ..findings import Context, LegendEntry, Mark

__all__ = [
    "MIN_KEY_SPANS",
    "MAX_TERMS",
    "loaded_legend",
    "loaded_line",
    "loaded_marks",
    "loaded_sentences",
    "own_voice_count",
]

Record = Mapping[str, Any]
Report = Mapping[str, Any]

#: At most this many loaded terms are kept per story and outlet in a corpus score record.
MAX_TERMS = 20


def own_voice_count(records: Sequence[Record]) -> Counter[str]:
    """Outlet -> its loaded spans in its own voice (a source's words do not count)."""
    return Counter(str(s["outlet"]) for s in records if own_voice(s))


def _counterpart_text(value: Any) -> str | None:
    """A counterpart's wording as one string: several are joined with " / " (None for none)."""
    if value is None or isinstance(value, str):
        return value or None
    if isinstance(value, Mapping):
        return _counterpart_text(value.get("text"))
    if isinstance(value, (list, tuple)):
        texts = sorted({t for t in (_counterpart_text(v) for v in value) if t})
        return " / ".join(texts) or None
    return str(value)


def loaded_line(records: Sequence[Record], outlets: Sequence[str]) -> dict[str, dict[str, Any]]:
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


#: The own-voice loaded spans an outlet needs to be named the one with the most loaded language.
MIN_KEY_SPANS = 2


def loaded_sentences(report: Report, ctx: Context) -> list[str]:
    """The outlet with the most own-voice loaded language (by its rate, among the outlets with at
    least :data:`MIN_KEY_SPANS` such spans: one word is no pattern), with examples, and its
    strongest contrast with another outlet's wording. Outlets where the lexicon found no loaded
    span are named as such, not as using none: the lexicon does not know every loaded word."""
    names = ctx.names
    own = [s for s in report.get("loaded_language", []) if own_voice(s)]
    if not own:
        return []
    rates = {o["id"]: float(o.get("scores", {}).get("loaded_language", 0.0) or 0.0) for o in report.get("outlets", [])}
    counts = Counter(s["outlet"] for s in own)
    eligible = sorted(o for o in counts if counts[o] >= MIN_KEY_SPANS)
    if not eligible:
        return []
    top = max(eligible, key=lambda o: (rates.get(o, 0.0), counts[o]))
    examples: list[str] = []
    for s in own:
        word = " ".join(s["text"].split())
        if s["outlet"] == top and word.lower() not in {e.lower() for e in examples}:
            examples.append(word)
    eg = ", ".join(quoted(e, 40) for e in examples[:3])
    rate = rates.get(top, 0.0)
    own_words = "per 1,000 of its own words, outside quotations"
    how_much = f"{rate:.1f} loaded terms {own_words}" if rate else f"{counts[top]} loaded terms"
    clean = sorted(names.get(o, o) for o in names if counts.get(o, 0) == 0)
    tail = f"; none found in the own voice of {who(clean)}" if clean else ""
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


def loaded_marks(s: Record, ctx: Context) -> list[Mark]:
    """A loaded span's mark in its outlet's text: its category's colour, its strength, whose
    voice it is in and what the other outlets write in its place."""
    note = f"Loaded language ({s.get('category', '')})"
    score = finite(s.get("score"))
    if score is not None:
        note += f", strength {score:.2f}"
    own = own_voice(s)
    if not own:
        who_said = f" ({s['source']})" if s.get("source") else ""
        note += f" — attributed to a source{who_said}: a source's words, not the outlet's"
    if s.get("reference_text"):
        note += f"\nOther outlets write: “{s['reference_text']}”"
    category = category_colour(str(s.get("category", "")))
    return [Mark(s["outlet"], s["start"], s["end"], "loaded", note, category=category, source_voice=not own)]


def loaded_legend(report: Report, ctx: Context) -> list[LegendEntry]:
    """An entry per category of the report's loaded spans (sorted), in its category's colour."""
    categories = sorted({str(s.get("category", "")) for s in report.get("loaded_language", [])})
    return [LegendEntry(f"loaded: {c}", "loaded", category=category_colour(c), rank=80) for c in categories]
