"""Omissions in words: the explanation each :class:`~mediadiff.analysis.Omission` carries, and
what the reports show of omissions (summary sentences, table cells, the corpus score line).

Names
-----
OMISSION_KIND_NAMES   the omission kinds always present (as 0) in a corpus score record.
explain               the explanation of one omission.
omission_line         the corpus score line: each outlet's omissions by kind.
carried_by            the "Carried by" cell of the report table ("2 of 3").
record_weight         an omission record's weight (0.0 when it has none), to order by.
omission_sentences    the key-finding sentences: one per omitted passage, heaviest first.
key_omissions         the omitted passages those sentences tell, with their records.
omission_gap          an omission's gap in the side-by-side view: what its empty cell says.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any, get_args

from .._presentation import OMISSION_KINDS, finite, quoted, typical_member, who
from ..findings import Cell, Context, Gap, weakly_agreed
from ..vocabulary import STOPWORDS
from ._omission_evidence import OmissionKind

__all__ = [
    "OMISSION_KIND_NAMES",
    "carried_by",
    "explain",
    "key_omissions",
    "omission_gap",
    "omission_line",
    "omission_sentences",
    "record_weight",
]

Record = Mapping[str, Any]
Report = Mapping[str, Any]

#: The omission kinds always present (as 0) in a corpus score record's ``n_omissions``.
OMISSION_KIND_NAMES: tuple[str, ...] = tuple(sorted(get_args(OmissionKind)))


_WHAT = {
    "response": "a reply or statement from a party to the story",
    "figure": "a figure (a count, sum or share)",
    "quote": "a direct quotation",
    "fact": "a piece of information",
}


def explain(
    outlet: str,
    carried: tuple[str, ...],
    n_others: int,
    kind: str,
    prominence: float,
    silenced: tuple[str, ...],
    consensus: bool,
) -> str:
    """The explanation of one omission, in words."""
    what = _WHAT[kind]
    if consensus:
        text = (
            f"{len(carried)} of the {n_others} other outlets ({', '.join(carried)}) carry {what} "
            f"that {outlet} does not; they place it on average {_where(1.0 - prominence)}."
        )
    else:
        text = (
            f"{carried[0]} carries {what} that {outlet} does not, {_where(1.0 - prominence)} of its article. "
            f"Only two outlets are compared, so this is a difference between the two, not an omission "
            f"by the standard of several outlets."
        )
    if silenced:
        text += f" {'They cite' if len(carried) > 1 else 'It cites'} {_names(silenced)} for it; {outlet} never names "
        text += f"{'them' if len(silenced) > 1 else 'it' if not silenced[0][:1].isupper() else _names(silenced)}."
    return text


def _names(texts: tuple[str, ...]) -> str:
    """ "Raman", "Raman and the audit": source texts for an explanation."""
    words = [t if t[:1].isupper() else f"the {t}" for t in texts]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _where(position: float) -> str:
    """Where a relative position lies in an article: "near the top", "in the middle", "near the end"."""
    if position < 1 / 3:
        return "near the top"
    if position < 2 / 3:
        return "in the middle"
    return "near the end"


def omission_line(records: Sequence[Record], outlets: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Each outlet's ``n_omissions`` by kind (every kind of OMISSION_KIND_NAMES, 0 when none)."""
    omitted: dict[str, Counter[str]] = {o: Counter() for o in outlets}
    for om in records:
        omitted.setdefault(om["outlet"], Counter())[str(om.get("kind", "fact"))] += 1
    return {
        o: {"n_omissions": {k: omitted[o].get(k, 0) for k in sorted(set(OMISSION_KIND_NAMES) | set(omitted[o]))}}
        for o in outlets
    }


def carried_by(r: Record, c: Context) -> Cell:
    """How many outlets carry the omitted passage, of how many ("2 of 3")."""
    p = c.passages.get(str(r["passage"])) or {}
    return Cell.label(f"{p.get('support', len(r.get('carried_by') or ()))} of {c.n_outlets}")


def record_weight(r: Record) -> float:
    """An omission record's weight; 0.0 when it has none."""
    w = r.get("weight")
    return float(w) if isinstance(w, (int, float)) and not isinstance(w, bool) else 0.0


def _quotations_by_outlet(report: Report) -> dict[str, list[tuple[int, int]]]:
    """Outlet -> the ``(start, end)`` of its quotations in the report."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for q in report.get("quotes", []):
        out[str(q.get("outlet"))].append((int(q["start"]), int(q["end"])))
    return out


def _member_quotation(m: Record, quoted_in: Mapping[str, list[tuple[int, int]]]) -> tuple[str, int] | None:
    """The quotation ``(outlet, start)`` that holds a member (it may take the marks with it)."""
    outlet, start, end = str(m.get("outlet")), int(m.get("start", 0)), int(m.get("end", 0))
    q = next((a for a, b in quoted_in.get(outlet, ()) if a - 2 <= start and end <= b + 2), None)
    return None if q is None else (outlet, q)


def _quotations_of(
    members: Sequence[Record], quoted_in: Mapping[str, list[tuple[int, int]]]
) -> frozenset[tuple[str, int]]:
    """The quotations ``(outlet, start)`` that hold every member of a passage (empty when one
    member lies outside any quotation; a member may take the quotation marks with it)."""
    held = set()
    for m in members:
        q = _member_quotation(m, quoted_in)
        if q is None:
            return frozenset()
        held.add(q)
    return frozenset(held)


def _words(text: str) -> tuple[str, ...]:
    """The lower-case words of a text, apostrophes folded ("That’s" and "That's" alike)."""
    return tuple(re.findall(r"[\w'-]+", text.lower().replace("’", "'")))


def _partial_quotes(report: Report) -> dict[str, list[tuple[str, ...]]]:
    """Outlet -> the words of each of its quotations that could echo a statement: a phrase of
    two words or more with a content word ("legitimate rape", "a reckless gamble"; one quoted
    word, a scare quote such as "spring", says too little)."""
    out: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for q in report.get("quotes", []):
        words = _words(str(q.get("text", "")))
        if len(words) >= 2 and any(w not in STOPWORDS for w in words):
            out[str(q.get("outlet"))].append(words)
    return out


def _echoes(quote: tuple[str, ...], text: tuple[str, ...]) -> bool:
    """Whether the words of a quotation occur together in a text."""
    n = len(quote)
    return any(text[i : i + n] == quote for i in range(len(text) - n + 1))


def _parts_carried(
    passages: Mapping[str, Record], quoted_in: Mapping[str, list[tuple[int, int]]]
) -> dict[tuple[str, int], set[str]]:
    """Quotation ``(outlet, start)`` -> the outlets that carry a passage with a member in it."""
    out: dict[tuple[str, int], set[str]] = defaultdict(set)
    for p in passages.values():
        members = p.get("members", ())
        for m in members:
            q = _member_quotation(m, quoted_in)
            if q is not None:
                out[q] |= {str(x.get("outlet")) for x in members}
    return out


def omission_sentences(report: Report, ctx: Context) -> list[str]:
    """One sentence per omitted passage of :func:`key_omissions`, heaviest first. The words
    quoted are those of the carrying outlet named right before them (never the omitting
    outlet's: it has none)."""
    n = len(report.get("outlets", []))
    return [_omission_sentence(pid, oms, ctx, n) for pid, oms in key_omissions(report, ctx)]


def key_omissions(report: Report, ctx: Context) -> list[tuple[str, list[Record]]]:
    """The omitted passages that may be key findings, heaviest first, each with its omission
    records (sorted by outlet): every omitted passage, leaving out the passages whose carriers
    agree less than :data:`~mediadiff.findings.KEY_AGREEMENT`, a second clause of a sentence or
    part of a quotation already told, a part of a quotation that the omitting outlets report
    other parts of (an excerpt of a statement they carry, as "…" marks it), and a quotation a
    phrase of which every omitting outlet quotes in a sentence of its own ("dismissed it as 'a
    reckless gamble'": told in part)."""
    passages = ctx.passages
    by_passage: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for om in report.get("omissions", []):
        by_passage[om["passage"]].append(om)
    order = {pid: i for i, pid in enumerate(passages)}
    ranked = sorted(
        by_passage, key=lambda pid: (-max(o["weight"] for o in by_passage[pid]), order.get(pid, 1 << 30), pid)
    )
    out: list[tuple[str, list[Record]]] = []
    quoted_in = _quotations_by_outlet(report)
    parts = _parts_carried(passages, quoted_in)
    echoes = _partial_quotes(report)
    texts = {(str(q.get("outlet")), int(q["start"])): _words(str(q.get("text", ""))) for q in report.get("quotes", [])}
    told: list[tuple[frozenset[str], frozenset[tuple[str, int]], frozenset[tuple[str, int]]]] = []
    for pid in ranked:
        oms = sorted(by_passage[pid], key=lambda o: o["outlet"])
        if any(weakly_agreed(o) for o in oms):
            continue
        # a second clause of the same sentences, or a second part of the same quotations, that the
        # same outlets omit is the same story: told once
        omitters = frozenset(o["outlet"] for o in oms)
        members = (passages.get(pid) or {}).get("members", ())
        sentences = frozenset((str(m.get("outlet")), int(m.get("sentence", -1))) for m in members)
        quotations = _quotations_of(members, quoted_in)
        if any(
            omitters == w and ((sentences and sentences <= s) or (quotations and quotations <= q)) for w, s, q in told
        ):
            continue
        told.append((omitters, sentences, quotations))
        if quotations and all(any(o in parts[q] for q in quotations) for o in omitters):
            continue  # they quote the statement, without this part: an excerpt
        # the whole quotations that hold the passage, so that every part of one is judged alike
        said = [texts[q] for m in members if (q := _member_quotation(m, quoted_in)) is not None]
        if said and all(any(_echoes(q, t) for q in echoes.get(o, ()) for t in said) for o in omitters):
            continue  # they quote a phrase of it ("dismissed it as 'a reckless gamble'"): told in part
        out.append((pid, oms))
    return out


def _omission_sentence(pid: str, oms: Sequence[Record], ctx: Context, n: int) -> str:
    """The key-finding sentence of one omitted passage (``oms``: its omissions, by outlet)."""
    names, passage = ctx.names, ctx.passages.get(pid)
    omitters = who([str(names.get(o["outlet"], o["outlet"])) for o in oms])
    kind = Counter(o["kind"] for o in oms).most_common(1)[0][0]
    support = passage["support"] if passage else len(oms[0].get("carried_by", []))
    what = {"response": "the response", "figure": "the figure", "quote": "the quotation"}.get(kind)
    member = typical_member(passage)
    if member.get("text"):
        carrier = names.get(str(member.get("outlet")), str(member.get("outlet")))
        subject = f"{what} that {carrier}" if what else f"what {carrier}"
        text = f"{subject} reports as {quoted(str(member['text']), 100)}"
    else:
        text = f"{what} of passage {pid}" if what else f"passage {pid}"
    # the sources every omitter leaves out, in the first one's order ("the audit" for a document)
    silenced = [t for t in oms[0].get("silenced") or () if all(t in (o.get("silenced") or ()) for o in oms)]
    sources = who([t if t[:1].isupper() else f"the {t}" for t in silenced])
    names_ = ("; it never names " if len(oms) == 1 else "; they never name ") + sources if silenced else ""
    if all(o.get("consensus", True) for o in oms):
        verb = "omits" if len(oms) == 1 else "omit"
        return f"{omitters} {verb} {text}, carried by {support} of {n} outlets{names_}."
    verb = "leaves out" if len(oms) == 1 else "leave out"
    return (
        f"{omitters} {verb} {text}{names_} (two outlets compared: a difference between them, "
        "not an omission by consensus)."
    )


def omission_gap(r: Record, c: Context) -> list[Gap]:
    """The omitting outlet's empty cell in the passage's row: the omission's kind, how many
    outlets carry the passage, its weight and the sources it silences; its explanation on hover."""
    support = c.passages.get(str(r["passage"]), {}).get("support")
    weight = finite(r.get("weight"))
    text = (
        f"Omitted: {OMISSION_KINDS.get(r['kind'], r['kind'])}, carried by {'' if support is None else support}"
        f" of {c.n_outlets}"
        + (f" (weight {weight:.2f})" if weight is not None else "")
        + (f"; silences {', '.join(r['silenced'])}" if r.get("silenced") else "")
    )
    note = r.get("explanation") or f"{c.name(r['outlet'])} does not carry this passage."
    return [Gap(r["outlet"], r["passage"], text, note)]
