"""``report.md``: a comparison as a summary and tables for a paper's appendix or a notebook.

Sections: key findings, outlets and their scores, pairwise similarity, omissions, passages told
in other words (≈), altered
quotations, conflicting facts, loaded language, wording shifts (counts by kind, then each shift)
and readability. Tables are GitHub/CommonMark pipe tables.

Safety: text from the input (article text, titles, outlet names, categories, URLs) is escaped so
that it renders as itself: Markdown punctuation and ``<``/``>``/``&`` are backslash-escaped, pipes
cannot break a table, line breaks become spaces, and a URL is made a link only when it is
``http``/``https`` (with parentheses, angle brackets and spaces percent-encoded).

Public names
------------
render_markdown   report dict -> Markdown text.
escape_markdown   escape untrusted text for Markdown (inline or in a table cell).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from .._presentation import SHIFT_ROWS, join_names, shorten
from .._summary import key_findings
from ..analysis import finding_kinds
from ..findings import Cell, Context, FindingKind, Score
from ._limits import check_limits, fewest
from .html import safe_url

__all__ = ["escape_markdown", "render_markdown"]

Report = Mapping[str, Any]

# ASCII punctuation that can start Markdown, HTML or math syntax anywhere in a line.
# Parentheses need no escape: with "[" and "]" escaped no link or image can form.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#!|~&^$])")
# "-", "+", "=" and ":" matter only at the start of a line (a list, a heading rule, a table rule).
_LINE_START = re.compile(r"^([-+=:])")


def escape_markdown(text: Any) -> str:
    r"""Escape untrusted text so that Markdown (and the HTML it allows) shows it literally.

    Line breaks become spaces, so the result is safe inside a table cell or a list item.

    >>> escape_markdown("<script>alert(1)</script> *now* | [x](javascript:y)")
    '\\<script\\>alert(1)\\</script\\> \\*now\\* \\| \\[x\\](javascript:y)'
    >>> escape_markdown("U.S. - 4.5% of $1,200")
    'U.S. - 4.5% of \\$1,200'
    """
    flat = " ".join(("" if text is None else str(text)).split())
    out = _SPECIAL.sub(r"\\\1", flat)
    return _LINE_START.sub(r"\\\1", out)


def _link(label: str, url: Any) -> str:
    """``[label](url)`` for an http(s) URL, else the escaped label alone."""
    ok = safe_url(url)
    if ok is None:
        return label
    return f"[{label}]({quote(ok, safe=':/?#@!$&*+,;=%~-._')})"


def _num(value: Any, fmt: str = "{:.2f}") -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(float(value)):
        return "—"
    return fmt.format(value)


def _reading(outlet: Mapping[str, Any], measure: str) -> str:
    value = (outlet.get("readability") or {}).get(measure)
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else _num(value, "{:.1f}")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str | None = None) -> str:
    align = align or "l" * len(header)
    rule = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def _q(text: Any, limit: int = 120) -> str:
    return "“" + escape_markdown(shorten(str(text), limit)) + "”"


def render_markdown(report: Report, *, max_rows: int | None = None, max_shifts: int | None = SHIFT_ROWS) -> str:
    """Render a report (the plain dict of ``Comparison.to_dict()``) as Markdown.

    Parameters
    ----------
    report : mapping
        A report following ``docs/schema.md``.
    max_rows : int or None, default None
        At most this many rows in each findings table (None: all, as an appendix wants; the
        HTML page stops at 50 to stay readable); the rest are counted.
    max_shifts : int or None, default 20
        At most this many wording shifts, heaviest first (None: all); the rest are counted. The
        counts by outlet and kind cover every shift.

    Returns
    -------
    str
        Markdown text with a summary and tables. All input text is escaped.

    Examples
    --------
    >>> report = {"title": "Vote *today*", "outlets": [{"id": "a", "name": "A|B"}, {"id": "b"}],
    ...           "passages": [], "omissions": []}
    >>> print(render_markdown(report).splitlines()[0])
    # Vote \\*today\\*
    """
    check_limits(max_rows, max_shifts, owner="render_markdown")
    ctx = Context(report)
    out = _head(report, ctx)
    out += _outlets_table(report, ctx)
    out += _similarity_table(report, ctx)
    for kind in finding_kinds():
        out += _kind_section(kind, report, ctx, fewest(max_rows, max_shifts) if kind.capped else max_rows)
    out += _told_in_other_words(report, ctx, max_rows)
    out += _readability_table(report, ctx)
    return "\n".join(out) + "\n"


def _name(ctx: Context, outlet: Any) -> str:
    return escape_markdown(ctx.name(outlet))


def _head(report: Report, ctx: Context) -> list[str]:
    """The title, what was compared, the key findings and the warnings."""
    gen = report.get("generator") or {}
    shared = sum(1 for p in ctx.passages.values() if (p.get("support") or 0) >= 2)
    out = [f"# {escape_markdown(report.get('title') or 'mediadiff report')}", ""]
    out += [
        f"{ctx.n_outlets} outlets compared; {len(ctx.passages)} passages, {shared} carried by two or more outlets. "
        f"Made by {escape_markdown(gen.get('name', 'mediadiff'))} {escape_markdown(gen.get('version', ''))}; "
        "offsets and full data are in `report.json`.",
        "",
        "## Key findings",
        "",
    ]
    out += [f"- {escape_markdown(s)}" for s in key_findings(report)]
    if report.get("warnings"):
        out += ["", "Warnings:", ""] + [f"- {escape_markdown(w)}" for w in report["warnings"]]
    return out


def _scores_note(scores: Sequence[Score]) -> str:
    """What the scores mean, from their declarations: the shares together, then each rate (short)."""
    parts = [f"{x.said} in {x.unit_short or x.unit}" for x in scores if x.relative and x.unit]
    shares = [x.said for x in scores if not x.relative and x.zero]
    if shares:
        parts.insert(0, f"{join_names(shares)} from 0 to 1")
    return (f"Scores: {'; '.join(parts)}. " if parts else "") + "Counts are numbers of findings."


def _outlets_table(report: Report, ctx: Context) -> list[str]:
    """Each outlet with its scores and its number of findings of each kind that counts them."""
    kinds = finding_kinds()
    scores = [score for kind in kinds for score in kind.scores]
    counted = [(kind.count_header, kind.counts(kind.records(report))) for kind in kinds if kind.count_header]
    rows = []
    for o in report.get("outlets", []):
        sc = o.get("scores") or {}
        rows.append(
            [
                _link(_name(ctx, o["id"]), o.get("url")),
                escape_markdown(o.get("title") or ""),
                _num(o.get("n_words"), "{}"),
                *(_num(sc.get(x.key), x.fmt) for x in scores),
                *(str(count[o["id"]]) for _, count in counted),
            ]
        )
    header = ["Outlet", "Title", "Words", *(x.short for x in scores), *(str(h) for h, _ in counted)]
    return [
        "",
        "## Outlets",
        "",
        escape_markdown(_scores_note(scores)),
        "",
        _table([escape_markdown(h) for h in header], rows, "llr" + "r" * (len(scores) + len(counted))),
    ]


def _similarity_table(report: Report, ctx: Context) -> list[str]:
    sim = report.get("similarity") or {}
    ids, matrix = sim.get("outlets") or [], sim.get("matrix") or []
    if len(ids) < 2 or len(matrix) != len(ids):
        return []
    return [
        "",
        "## Similarity",
        "",
        "Pairwise similarity of the content the outlets carry (0–1).",
        "",
        _table(
            ["", *(_name(ctx, i) for i in ids)],
            [[_name(ctx, i), *(_num(v) for v in row)] for i, row in zip(ids, matrix, strict=False)],
            "l" + "r" * len(ids),
        ),
    ]


def _cell(cell: Cell, ctx: Context) -> str:
    """One table cell of a finding kind, as escaped Markdown."""
    if cell.kind == "outlet":
        return _name(ctx, cell.value)
    if cell.kind == "passage":
        ids = [escape_markdown(p) for p in (cell.value, *cell.extra) if p not in (None, "")]
        return ", ".join(ids) or "—"
    if cell.kind == "number":
        return _num(cell.value, cell.fmt)
    if cell.kind == "words":
        return _q(cell.value, min(cell.limit, 120)) if cell.value else "—"
    if cell.kind == "snippet":
        text = ctx.snippet(cell.value, cell.limit)
        fallback = cell.extra[0] if cell.extra else None
        return _q(text) if text else escape_markdown(fallback) or "—"
    if cell.kind == "values":
        return "; ".join(f"{_name(ctx, v['outlet'])}: {_q(v.get('text', ''), 60)}" for v in cell.value)
    return escape_markdown(cell.value)


def _kind_section(kind: FindingKind, report: Report, ctx: Context, limit: int | None) -> list[str]:
    """A kind's section: its note, its counts by outlet and kind (``breakdown``), its table."""
    if kind.columns is None:
        return []
    records = kind.records(report)
    if not records and kind.hide_when_empty:
        return []
    out = ["", f"## {escape_markdown(kind.title)}", ""]
    if not records:
        return [*out, "None found."]
    if kind.note:
        out += [escape_markdown(kind.note), ""]
    if kind.breakdown:
        out += _breakdown(kind, records, ctx)
    shown = records if limit is None else records[:limit]
    rows = [[_cell(c.get(r, ctx), ctx) for c in kind.columns] for r in shown]
    align = "".join("r" if c.numeric else "l" for c in kind.columns)
    rest = len(records) - len(shown)
    # a capped table (heaviest first) counts the rest; another says how many rows it left out
    more = f"\n\n({rest} more {'' if kind.capped else 'rows '}in report.json.)" if rest else ""
    return [*out, _table([escape_markdown(c.header) for c in kind.columns], rows, align) + more]


def _breakdown(kind: FindingKind, records: Sequence[Mapping[str, Any]], ctx: Context) -> list[str]:
    """Counts of a kind's findings by outlet and by their ``kind``, for every finding."""
    kinds = sorted({str(r.get("kind")) for r in records})
    by = Counter((r["outlet"], str(r.get("kind"))) for r in records)
    total = kind.counts(records)
    return [
        "Counts by outlet and kind:",
        "",
        _table(
            ["Outlet", *(escape_markdown(kind.kind_labels.get(k, k)) for k in kinds), "Total"],
            [[_name(ctx, o), *(str(by[(o, k)]) for k in kinds), str(total[o])] for o in ctx.names],
            "l" + "r" * (len(kinds) + 1),
        ),
        "",
    ]


def _told_in_other_words(report: Report, ctx: Context, max_rows: int | None) -> list[str]:
    """The outlets that tell a passage in other words (the reports' "≈"): not an omission."""
    told = [
        (oid, pid, close)
        for pid, p in ctx.passages.items()
        for oid, close in sorted((p.get("paraphrased") or {}).items())
    ]
    if not told:
        return []
    rows = [
        [
            _name(ctx, oid),
            escape_markdown(pid),
            _num(close),
            f"{ctx.passages[pid].get('support')} of {ctx.n_outlets}",
            _q(ctx.snippet(pid, 200)),
        ]
        for oid, pid, close in told
    ]
    shown = rows if max_rows is None else rows[:max_rows]
    more = f"\n\n({len(rows) - len(shown)} more rows in report.json.)" if len(shown) < len(rows) else ""
    return [
        "",
        "## Told in other words (≈)",
        "",
        "Not carried as such and not an omission: enough other outlets carry the passage, but the outlet has "
        "a close piece (closeness) and most likely says it in other words.",
        "",
        _table(["Outlet", "Passage", "Closeness", "Carried by", "Passage text"], shown, "llrll") + more,
    ]


def _readability_table(report: Report, ctx: Context) -> list[str]:
    outlets = report.get("outlets", [])
    measures = list(
        dict.fromkeys(
            k
            for o in outlets
            for k, v in (o.get("readability") or {}).items()
            if v is None or (isinstance(v, (int, float)) and not isinstance(v, bool))
        )
    )
    if not measures:
        return []
    return [
        "",
        "## Readability",
        "",
        _table(
            ["Outlet", *(escape_markdown(m.replace("_", " ")) for m in measures)],
            [[_name(ctx, o["id"]), *(_reading(o, m) for m in measures)] for o in outlets],
            "l" + "r" * len(measures),
        ),
    ]
