"""What the reports say in words: key findings as plain sentences, shared by HTML, Markdown and PDF.

Everything here reads the plain report dict (``docs/schema.md``), never a Comparison, and returns
plain, *unescaped* strings: each renderer escapes them for its own format.

Public names (private module; used by ``report.html``, ``report.markdown`` and ``plot``)
-----------------------------------------------------------------------------------------
key_findings     report -> list of sentences, most important first.
outlet_names     report -> {outlet id: display name}.
passage_snippet  one passage -> a short excerpt of its text (Snippets: by id, each passage read once).
typical_member   the member of a passage most like the others (its text and outlet).
own_voice        whether a loaded-language record is in the outlet's own voice; voice_label how to show it.
diff_window      excerpts of two similar strings around their first difference.
who              names joined for a sentence, counted when there are many.
shorten          cut a string to a length at a word boundary, with an ellipsis.
OMISSION_KINDS, SHIFT_KINDS, ALTERATION_KINDS, CONFLICT_KINDS   labels for the finding kinds.
rank_shifts      wording shifts heaviest first (by ``weight``); SHIFT_ROWS how many a report shows.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "ALTERATION_KINDS",
    "CONFLICT_KINDS",
    "OMISSION_KINDS",
    "SHIFT_KINDS",
    "diff_window",
    "join_names",
    "key_findings",
    "outlet_names",
    "own_voice",
    "Snippets",
    "passage_snippet",
    "rank_shifts",
    "SHIFT_ROWS",
    "shorten",
    "typical_member",
    "typical_text",
    "voice_label",
    "who",
]

Report = Mapping[str, Any]

OMISSION_KINDS = {"response": "a response", "figure": "a figure", "quote": "a quotation", "fact": "a fact"}
SHIFT_KINDS = {
    "substitution": "other words",
    "insertion": "words added",
    "deletion": "words left out",
    "hedging": "hedging",
    "attribution": "attribution",
    "intensity": "intensity",
    "number": "a number",
    "name_or_title": "a name or title",
}
ALTERATION_KINDS = {
    "word_added": "words added",
    "word_dropped": "words dropped",
    "word_changed": "words changed",
    "truncated": "cut short",
    "spliced": "spliced together",
}
CONFLICT_KINDS = {
    "number": "a number",
    "money": "a sum of money",
    "percentage": "a percentage",
    "percent": "a percentage",
    "date": "a date",
    "name": "a name",
    "title": "a title",
    "vagueness": "an exact figure against a vague one",
}


#: How many wording shifts the HTML and Markdown reports list (heaviest first); the rest are
#: counted, and are all in report.json.
SHIFT_ROWS = 20

_TELLING = frozenset({"hedging", "attribution", "intensity", "number", "name_or_title"})


def rank_shifts(shifts: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Wording shifts heaviest first (``weight``, docs/schema.md), the report's order on ties.
    A shift without a weight (a report from before it existed) counts 0.5 when of a telling
    kind (number, hedging, attribution, name or title, intensity), else 0.2.

    >>> [s["text"] for s in rank_shifts([{"text": "a", "weight": 0.2}, {"text": "b", "weight": 1.0},
    ...                                  {"text": "c", "kind": "hedging"}])]
    ['b', 'c', 'a']
    """

    def weight(s: Mapping[str, Any]) -> float:
        w = s.get("weight")
        if isinstance(w, (int, float)) and not isinstance(w, bool):
            return float(w)
        return 0.5 if s.get("kind") in _TELLING else 0.2

    return sorted(shifts, key=lambda s: -weight(s))


def own_voice(span: Mapping[str, Any]) -> bool:
    """Whether a loaded-language record of a report is in the outlet's own voice: not inside
    content the article attributes to a source (reports before ``voice`` existed: not quoted).

    >>> own_voice({"voice": "source", "in_quote": False}), own_voice({"in_quote": False})
    (False, True)
    """
    voice = span.get("voice")
    return voice == "outlet" if voice is not None else not span.get("in_quote")


def voice_label(span: Mapping[str, Any]) -> str:
    """How a report shows a loaded span's voice: "outlet", or "source: Sen. Doe" / "source"."""
    if own_voice(span):
        return "outlet"
    return f"source: {span['source']}" if span.get("source") else "source"


def shorten(text: str, limit: int = 90) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters (with "…").

    >>> shorten("The board voted to close the clinic on Tuesday night", 30)
    'The board voted to close the…'
    >>> shorten("  short\\n text ")
    'short text'
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def outlet_names(report: Report) -> dict[str, str]:
    """Outlet id -> display name (the id when the report gives no name)."""
    return {o["id"]: (o.get("name") or o["id"]) for o in report.get("outlets", [])}


def join_names(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C".

    >>> join_names(["A", "B", "C"])
    'A, B and C'
    """
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def who(names: Sequence[str], *, most: int = 3) -> str:
    """Names joined for a sentence; more than ``most`` become "7 outlets (A, B and 5 others)".

    >>> who(["A", "B"]), who(["A", "B", "C", "D", "E"])
    ('A and B', '5 outlets (A, B and 3 others)')
    """
    names = list(names)
    if len(names) <= most:
        return join_names(names)
    return f"{len(names)} outlets ({', '.join(names[:2])} and {len(names) - 2} others)"


def passage_snippet(passage: Mapping[str, Any] | None, limit: int = 90) -> str:
    """A short excerpt of a passage: its most typical member, shortened (:func:`typical_text`)."""
    return shorten(typical_text(passage), limit)


def typical_member(passage: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """A passage's most typical member: the one most like the others (word overlap with an
    average member; then the most words, then the first); ``{}`` for an empty passage. A clause
    such as "departing US Attorney John Bash," says less than the sentence another outlet gives
    the same passage. Linear in the passage's words, so a passage of hundreds of outlets costs
    little."""
    if not passage or not passage.get("members"):
        return {}
    members: Sequence[Mapping[str, Any]] = passage["members"]
    texts = [str(m.get("text", "")) for m in members]
    words = [frozenset(re.findall(r"\w+", t.lower())) for t in texts]
    if len(texts) == 1:
        return members[0]
    often = Counter(w for ws in words for w in ws)  # how many members use each word
    mean_size = sum(len(ws) for ws in words) / len(words)

    def typical(k: int) -> tuple[float, int]:
        # the Jaccard overlap with an average other member: shared words over the union's size
        shared = sum(often[w] - 1 for w in words[k]) / (len(texts) - 1)
        return shared / max(1e-9, len(words[k]) + mean_size - shared), len(texts[k].split())

    return members[max(range(len(texts)), key=lambda k: (typical(k), -k))]


def typical_text(passage: Mapping[str, Any] | None) -> str:
    """The text of a passage's :func:`typical_member` ("" for an empty passage)."""
    return str(typical_member(passage).get("text", ""))


class Snippets:
    """Excerpts of a report's passages by id (:func:`passage_snippet`), each passage read once
    however many findings show it."""

    def __init__(self, passages: Mapping[str, Mapping[str, Any]]) -> None:
        self.passages = passages
        self.texts: dict[str, str] = {}

    def __call__(self, pid: Any, limit: int = 90) -> str:
        key = str(pid)
        if key not in self.texts:
            self.texts[key] = typical_text(self.passages.get(key))
        return shorten(self.texts[key], limit)


def _q(text: str, limit: int = 80) -> str:
    """``text`` in quotation marks: as it is when it is one quotation from its first character
    to its last; otherwise inside “…”, its own double quotes turned into single ones.

    >>> _q("“We will rebuild,”"), _q("“We will rebuild,” she said."), _q('He said "no" twice.')
    ('“We will rebuild,”', '“‘We will rebuild,’ she said.”', '“He said ‘no’ twice.”')
    """
    short = shorten(text, limit)
    opening = short[:1]
    if opening in '"“':
        closing = "”" if opening == "“" else '"'
        end = short.find(closing, 1)
        if end == len(short) - 1:
            return short  # one quotation, whole
        if end < 0 and short.endswith("…"):
            return short + closing  # one quotation, cut short
    inner = re.sub(r'"([^"]*)"', "‘\\1’", short).replace("“", "‘").replace("”", "’")
    return "“" + inner + "”"


def _omission_sentences(report: Report, names: Mapping[str, str], passages: Mapping[str, Any]) -> list[str]:
    """One sentence per omitted passage, heaviest first. The words quoted are those of the
    carrying outlet named right before them (never the omitting outlet's: it has none)."""
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
            text = f"{what} that {carrier} reports as {_q(str(member['text']), 100)}"
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


def _conflict_sentences(report: Report, names: Mapping[str, str]) -> list[str]:
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
            said = " or ".join(_q(t, 60) for t in texts[:3])
            parts.append(f"{who(sayers)} {'says' if len(sayers) == 1 else 'say'} {said}")
        kind = CONFLICT_KINDS.get(str(c.get("kind")), str(c.get("kind", "a fact")))
        out.append(f"The outlets disagree on {kind}: " + "; ".join(parts) + ".")
    return out


def diff_window(a: str, b: str, limit: int = 80) -> tuple[str, str]:
    """Short excerpts of two similar strings that both show where they start to differ.

    >>> diff_window("He said the plan was bad and would fail.", "He said the plan was bad and will fail.", 20)
    ('…and would fail.', '…and will fail.')
    """
    a, b = " ".join(a.split()), " ".join(b.split())
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    start = 0
    if k > limit // 2:
        start = a.rfind(" ", 0, max(0, k - limit // 4)) + 1
    if start <= 0:
        return shorten(a, limit), shorten(b, limit)
    return "…" + shorten(a[start:], limit), "…" + shorten(b[start:], limit)


def _alteration_sentences(report: Report, names: Mapping[str, str]) -> list[str]:
    out = []
    for a in report.get("quote_alterations", []):
        label = ALTERATION_KINDS.get(a["kind"], a["kind"])
        text, ref = diff_window(str(a["text"]), str(a["reference_text"]))
        out.append(
            f"{names.get(a['outlet'], a['outlet'])} quotes “{text}”, where "
            f"{names.get(a['reference_outlet'], a['reference_outlet'])} has “{ref}” ({label})."
        )
    return out


def _loaded_sentences(report: Report, names: Mapping[str, str]) -> list[str]:
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
    eg = ", ".join(_q(e, 40) for e in examples[:3])
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
            f"{names.get(s['outlet'], s['outlet'])} writes {_q(s['text'], 50)} where {where} "
            f"{_q(s['counterpart'], 50)}."
        )
    return out


_TELLING_SHIFTS = {
    "hedging": "hedging",
    "attribution": "attribution",
    "intensity": "intensity",
    "number": "numbers",
    "name_or_title": "names or titles",
}


def _wording_sentences(report: Report, names: Mapping[str, str]) -> list[str]:
    """The outlet whose wording departs most from the shared wording, by its ``wording_shift``
    score (the mean distance of its words from each shared passage's reference wording: a
    share, so a long article does not depart more for being long), with its weightiest shifts
    counted by kind. Reports without scores fall back to the count of shifts."""
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


def _placement_sentences(report: Report, names: Mapping[str, str], passages: Mapping[str, Any]) -> list[str]:
    out = []
    shifts = [p for p in report.get("placement_shifts", []) if isinstance(p, Mapping)]
    ranked = sorted(
        shifts,
        key=lambda p: (
            -abs(float(p.get("position", 0) or 0) - float(p.get("others_position", 0) or 0)),
            str(p.get("outlet")),
            str(p.get("passage")),
        ),
    )
    for p in ranked:
        kind, pos, others = p.get("kind"), p.get("position"), p.get("others_position")
        # the outlet's own words for the passage (its first member), not another outlet's
        own = [
            m
            for m in (passages.get(str(p.get("passage"))) or {}).get("members", ())
            if m.get("outlet") == p.get("outlet")
        ]
        snippet = shorten(str(own[0].get("text", "")), 80) if own else ""
        if (
            kind in ("buried", "promoted")
            and isinstance(pos, (int, float))
            and isinstance(others, (int, float))
            and snippet
        ):
            name = names.get(p["outlet"], p["outlet"])
            if kind == "buried":
                out.append(
                    f"{name} places {_q(snippet)} {pos:.0%} of the way down its article, while the others "
                    f"lead with it (median {others:.0%})."
                )
            else:
                out.append(
                    f"{name} leads with {_q(snippet)} ({pos:.0%} of the way down), while the others place it "
                    f"low (median {others:.0%})."
                )
        elif p.get("explanation"):
            out.append(str(p["explanation"]))
    return out


def key_findings(report: Report, *, limit: int = 10) -> list[str]:
    """The key findings of a report as plain-language sentences, most telling first.

    First two omissions (heaviest first), a conflict, an altered quote, the outlet with the most
    loaded language, the outlet whose wording departs most and the strongest placement shift;
    then, while fewer than ``limit``, a third omission, a second conflict and altered quote, and
    one loaded word with its counterpart. Strings are not escaped.

    >>> report = {"outlets": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
    ...           "passages": [{"id": "P1", "support": 2, "members": [{"outlet": "b", "text": "The mayor denied it."}]}],
    ...           "omissions": [{"outlet": "a", "passage": "P1", "weight": 0.9, "kind": "response"}]}
    >>> key_findings(report)
    ['A omits the response that B reports as “The mayor denied it.”, carried by 2 of 3 outlets.']
    """
    names = outlet_names(report)
    passages = {p["id"]: p for p in report.get("passages", [])}
    groups = [
        (_omission_sentences(report, names, passages), 2, 3),
        (_conflict_sentences(report, names), 1, 2),
        (_alteration_sentences(report, names), 1, 2),
        (_loaded_sentences(report, names), 1, 2),
        (_wording_sentences(report, names), 1, 1),
        (_placement_sentences(report, names, passages), 1, 1),
    ]
    # first a few of every kind, then more of each up to its cap, in the order above
    take = [min(first, len(g)) for g, first, _ in groups]
    budget = limit - sum(take)
    for i, (g, _, cap) in enumerate(groups):
        extra = max(0, min(cap, len(g)) - take[i])
        extra = min(extra, max(0, budget))
        take[i] += extra
        budget -= extra
    found = [sentence for (g, _, _), n in zip(groups, take, strict=False) for sentence in g[:n]]
    if not found:
        found = ["No omissions, wording shifts, loaded language, altered quotes or conflicting facts were found."]
    return found[:limit]
