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

from ..errors import check_parameter, is_int
from ._summary import (
    ALTERATION_KINDS,
    CONFLICT_KINDS,
    OMISSION_KINDS,
    SHIFT_KINDS,
    SHIFT_ROWS,
    Snippets,
    key_findings,
    outlet_names,
    own_voice,
    rank_shifts,
    shorten,
    voice_label,
)
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
    check_parameter(
        "max_rows",
        max_rows,
        "None or an int >= 0",
        max_rows is None or (is_int(max_rows) and max_rows >= 0),
        owner="render_markdown",
    )
    check_parameter(
        "max_shifts",
        max_shifts,
        "None or an int >= 0",
        max_shifts is None or (is_int(max_shifts) and max_shifts >= 0),
        owner="render_markdown",
    )
    names = outlet_names(report)
    esc_names = {k: escape_markdown(v) for k, v in names.items()}
    outlets = report.get("outlets", [])
    passages = {p["id"]: p for p in report.get("passages", [])}
    snippets = Snippets(passages)
    gen = report.get("generator") or {}
    out: list[str] = [f"# {escape_markdown(report.get('title') or 'mediadiff report')}", ""]
    shared = sum(1 for p in passages.values() if (p.get("support") or 0) >= 2)
    out += [
        f"{len(outlets)} outlets compared; {len(passages)} passages, {shared} carried by two or more outlets. "
        f"Made by {escape_markdown(gen.get('name', 'mediadiff'))} {escape_markdown(gen.get('version', ''))}; "
        "offsets and full data are in `report.json`.",
        "",
        "## Key findings",
        "",
    ]
    out += [f"- {escape_markdown(s)}" for s in key_findings(report)]
    if report.get("warnings"):
        out += ["", "Warnings:", ""] + [f"- {escape_markdown(w)}" for w in report["warnings"]]

    def limited(rows: list[list[str]]) -> tuple[list[list[str]], str]:
        if max_rows is None or len(rows) <= max_rows:
            return rows, ""
        return rows[:max_rows], f"\n\n({len(rows) - max_rows} more rows in report.json.)"

    counts: dict[str, Counter[str]] = {
        k: Counter(f["outlet"] for f in report.get(k, [])) for k in ("omissions", "wording_shifts", "quote_alterations")
    }
    own_loaded = Counter(s["outlet"] for s in report.get("loaded_language", []) if own_voice(s))
    rows = []
    for o in outlets:
        sc = o.get("scores") or {}
        rows.append(
            [
                _link(esc_names[o["id"]], o.get("url")),
                escape_markdown(o.get("title") or ""),
                _num(o.get("n_words"), "{}"),
                _num(sc.get("omission")),
                _num(sc.get("wording_shift")),
                _num(sc.get("loaded_language"), "{:.1f}"),
                str(counts["omissions"][o["id"]]),
                str(counts["wording_shifts"][o["id"]]),
                str(own_loaded[o["id"]]),
                str(counts["quote_alterations"][o["id"]]),
            ]
        )
    out += [
        "",
        "## Outlets",
        "",
        "Scores: omission and wording shift from 0 to 1; loaded language in loaded terms (outside quotations) "
        "per 1,000 words. Counts are numbers of findings.",
        "",
        _table(
            [
                "Outlet",
                "Title",
                "Words",
                "Omission",
                "Wording shift",
                "Loaded /1k",
                "Omissions",
                "Shifts",
                "Loaded terms",
                "Altered quotes",
            ],
            rows,
            "llrrrrrrrr",
        ),
    ]

    sim = report.get("similarity") or {}
    ids, matrix = sim.get("outlets") or [], sim.get("matrix") or []
    if len(ids) >= 2 and len(matrix) == len(ids):
        out += [
            "",
            "## Similarity",
            "",
            "Pairwise similarity of the content the outlets carry (0–1).",
            "",
            _table(
                ["", *(esc_names.get(i, escape_markdown(i)) for i in ids)],
                [
                    [esc_names.get(i, escape_markdown(i)), *(_num(v) for v in row)]
                    for i, row in zip(ids, matrix, strict=False)
                ],
                "l" + "r" * len(ids),
            ),
        ]

    oms = sorted(report.get("omissions", []), key=lambda o: (-(o.get("weight") or 0), o["outlet"], o["passage"]))
    rows = [
        [
            esc_names.get(o["outlet"], escape_markdown(o["outlet"])),
            escape_markdown(o["passage"]),
            escape_markdown(OMISSION_KINDS.get(o["kind"], o["kind"])),
            _num(o.get("weight")),
            f"{passages[o['passage']]['support']} of {len(outlets)}" if o["passage"] in passages else "—",
            escape_markdown(", ".join(o.get("silenced") or ())) or "—",
            _q(snippets(o["passage"], 200)),
        ]
        for o in oms
    ]
    rows, more = limited(rows)
    out += ["", "## Omissions", ""]
    out += [
        _table(["Outlet", "Passage", "Kind", "Weight", "Carried by", "Silences", "Passage text"], rows, "lllrlll")
        + more
        if rows
        else "None found."
    ]

    told = [
        (oid, pid, close) for pid, p in passages.items() for oid, close in sorted((p.get("paraphrased") or {}).items())
    ]
    if told:
        rows = [
            [
                esc_names.get(oid, escape_markdown(oid)),
                escape_markdown(pid),
                _num(close),
                f"{passages[pid].get('support')} of {len(outlets)}",
                _q(snippets(pid, 200)),
            ]
            for oid, pid, close in told
        ]
        rows, more = limited(rows)
        out += [
            "",
            "## Told in other words (≈)",
            "",
            "Not carried as such and not an omission: enough other outlets carry the passage, but the outlet has "
            "a close piece (closeness) and most likely says it in other words.",
            "",
            _table(["Outlet", "Passage", "Closeness", "Carried by", "Passage text"], rows, "llrll") + more,
        ]

    rows = [
        [
            esc_names.get(a["outlet"], escape_markdown(a["outlet"])),
            _q(a["text"], 200),
            esc_names.get(a["reference_outlet"], escape_markdown(a["reference_outlet"])),
            _q(a["reference_text"], 200),
            escape_markdown(ALTERATION_KINDS.get(a["kind"], a["kind"])),
        ]
        for a in report.get("quote_alterations", [])
    ]
    rows, more = limited(rows)
    out += ["", "## Altered quotations", ""]
    out += [
        _table(["Outlet", "Quotes", "Reference", "Reference has", "Change"], rows) + more if rows else "None found."
    ]

    rows = []
    for c in report.get("conflicts", []):
        values = "; ".join(
            f"{esc_names.get(v['outlet'], escape_markdown(v['outlet']))}: {_q(v['text'], 60)}"
            for v in c.get("values", [])
        )
        rows.append(
            [
                escape_markdown(c.get("passage", "")),
                escape_markdown(CONFLICT_KINDS.get(str(c.get("kind")), c.get("kind"))),
                values,
            ]
        )
    rows, more = limited(rows)
    out += ["", "## Conflicting facts", ""]
    out += [_table(["Passage", "Kind", "Values"], rows) + more if rows else "None found."]

    rows = [
        [
            esc_names.get(s["outlet"], escape_markdown(s["outlet"])),
            _q(s["text"], 80),
            escape_markdown(s.get("category", "")),
            _num(s.get("score")),
            escape_markdown(voice_label(s)),
            _q(s["counterpart"], 80) if s.get("counterpart") else "—",
        ]
        for s in report.get("loaded_language", [])
    ]
    rows, more = limited(rows)
    out += [
        "",
        "## Loaded language",
        "",
        "“Voice”: the outlet's own, or a source's (quoted or otherwise attributed words, not the outlet's).",
        "",
    ]
    out += [
        _table(["Outlet", "Text", "Category", "Strength", "Voice", "Others write"], rows, "lllrll") + more
        if rows
        else "None found."
    ]

    rows = [
        [
            esc_names.get(s["outlet"], escape_markdown(s["outlet"])),
            escape_markdown(s["passage"]),
            escape_markdown(str(s.get("kind", ""))),
            f"{round(100 * float(s.get('position', 0)))}%",
            f"{round(100 * float(s.get('others_position', 0)))}%",
            _q(snippets(s["passage"], 120)),
        ]
        for s in report.get("placement_shifts", [])
    ]
    rows, more = limited(rows)
    out += ["", "## Placement", "", "Position in the article body: 0% is the lead, 100% the last sentence.", ""]
    out += [
        _table(["Outlet", "Passage", "Kind", "Here", "Others (median)", "Passage text"], rows, "lllrrl") + more
        if rows
        else "None found."
    ]

    shifts = report.get("wording_shifts", [])
    out += ["", "## Wording shifts", ""]
    if shifts:
        kinds = sorted({s["kind"] for s in shifts})
        by = Counter((s["outlet"], s["kind"]) for s in shifts)
        out += [
            "Counts by outlet and kind (against the reference member of each passage):",
            "",
            _table(
                ["Outlet", *(escape_markdown(SHIFT_KINDS.get(k, k)) for k in kinds), "Total"],
                [
                    [
                        esc_names[o["id"]],
                        *(str(by[(o["id"], k)]) for k in kinds),
                        str(counts["wording_shifts"][o["id"]]),
                    ]
                    for o in outlets
                ],
                "l" + "r" * (len(kinds) + 1),
            ),
            "",
        ]
        ranked = rank_shifts(shifts)
        cap = max_shifts if max_rows is None else max_rows if max_shifts is None else min(max_rows, max_shifts)
        shown = ranked if cap is None else ranked[:cap]
        rows = [
            [
                esc_names.get(s["outlet"], escape_markdown(s["outlet"])),
                escape_markdown(s["passage"]),
                escape_markdown(SHIFT_KINDS.get(s["kind"], s["kind"])),
                _q(s["text"], 80) if s["text"] else "—",
                esc_names.get(s["reference"], escape_markdown(s["reference"])),
                _q(s["reference_text"], 80) if s.get("reference_text") else "—",
                _num(s.get("weight")),
            ]
            for s in shown
        ]
        more = f"\n\n({len(ranked) - len(shown)} more in report.json.)" if len(shown) < len(ranked) else ""
        out += [
            "Heaviest first: a changed number, source, hedge, name or title and degree word before other "
            "words. Changes of punctuation, function words and datelines are not listed.",
            "",
            _table(["Outlet", "Passage", "Kind", "Text", "Reference", "Reference text", "Weight"], rows, "llllllr")
            + more,
        ]
    else:
        out += ["None found."]

    measures = list(
        dict.fromkeys(
            k
            for o in outlets
            for k, v in (o.get("readability") or {}).items()
            if v is None or (isinstance(v, (int, float)) and not isinstance(v, bool))
        )
    )
    if measures:
        out += [
            "",
            "## Readability",
            "",
            _table(
                ["Outlet", *(escape_markdown(m.replace("_", " ")) for m in measures)],
                [[esc_names[o["id"]], *(_reading(o, m) for m in measures)] for o in outlets],
                "l" + "r" * len(measures),
            ),
        ]
    return "\n".join(out) + "\n"
