"""Hand-made report dicts (docs/schema.md layout) for the report and chart tests.

Texts are built sentence by sentence so that every span's offsets are exact:
``member["text"][s - member["start"]: e - member["start"]] == span["text"]``.
"""

from __future__ import annotations

from typing import Any

SCRIPT = "<script>alert(1)</script>"
ATTR = '" onmouseover="alert(2)'
IMG = "<img src=x onerror=alert(3)>"
JS_URL = "javascript:alert(4)"

# passage id -> outlet -> sentence
_STORY = {
    "P1": {
        "a": "The county board voted 4-1 on Tuesday to close the Eastgate clinic.",
        "b": "The county board voted 4-1 on Tuesday to close the Eastgate clinic.",
        "c": "The county board voted 4-1 on Tuesday to close the Eastgate clinic.",
    },
    "P2": {
        "a": "The council approved the plan after a long debate.",
        "b": "The council approved the plan after a long debate.",
        "c": "The council rammed through the plan after a long debate.",
    },
    "P3": {
        "a": "About 38 jobs will be lost.",
        "b": "About 38 jobs will be lost.",
        "c": "Some 40 jobs will be lost.",
    },
    "P4": {
        "a": "The director's office denied that the clinic had overspent.",
        "b": "The director's office denied that the clinic had overspent.",
    },
    "P5": {
        "a": '"We will fight this decision in court," the director said.',
        "c": '"We will fight this decision," the director said.',
    },
    "P6": {"b": "Parking near the clinic is scarce."},
}


def _hostile(sentence: str) -> str:
    return sentence.replace("Eastgate", f"Eastgate {SCRIPT}").replace("the plan", f"the plan {ATTR} {IMG}")


def make_report(*, hostile: bool = False, names: dict[str, str] | None = None) -> dict[str, Any]:
    """A three-outlet report with one finding of every kind.

    ``a`` carries everything but P6; ``b`` omits the quotation P5 (``a`` and ``c`` carry it);
    ``c`` omits the response P4, changes the wording of P2 (a loaded "rammed through", counterpart
    "approved"), gives a conflicting number in P3 and truncates the quote of P5.
    With ``hostile``, every text, name, title, URL and category carries script payloads.
    """
    story = {pid: {o: (_hostile(s) if hostile else s) for o, s in row.items()} for pid, row in _STORY.items()}
    texts: dict[str, str] = {}
    members: dict[str, list[dict[str, Any]]] = {pid: [] for pid in story}
    for outlet in ("a", "b", "c"):
        text = ""
        k = 0
        for pid, row in story.items():
            if outlet in row:
                if text:
                    text += " "
                members[pid].append(
                    {
                        "outlet": outlet,
                        "start": len(text),
                        "end": len(text) + len(row[outlet]),
                        "text": row[outlet],
                        "sentence": k,
                    }
                )
                text += row[outlet]
                k += 1
        texts[outlet] = text

    def span(outlet: str, needle: str, occurrence: int = 1) -> dict[str, Any]:
        start = -1
        for _ in range(occurrence):
            start = texts[outlet].index(needle, start + 1)
        return {"outlet": outlet, "start": start, "end": start + len(needle), "text": needle}

    default_names = {"a": "Alpha Daily", "b": "Beta Wire", "c": "Gamma Post"}
    if hostile:
        default_names = {o: f"{n} {SCRIPT}{ATTR}" for o, n in default_names.items()}
    names = names or default_names
    outlets = []
    for o in ("a", "b", "c"):
        outlets.append(
            {
                "id": o,
                "name": names[o],
                "title": f"Clinic to close {SCRIPT}" if hostile else f"Clinic to close ({names[o]})",
                "url": JS_URL if (hostile and o != "b") else f"https://news.example/{o}?x=1&y=2",
                "published": "2024-05-01",
                "source": f"{o}.txt",
                "n_chars": len(texts[o]),
                "n_words": len(texts[o].split()),
                "n_sentences": sum(1 for p in members.values() for m in p if m["outlet"] == o),
                "boilerplate": [],
                "readability": {
                    "flesch_reading_ease": 60.0 + len(o),
                    "flesch_kincaid_grade": 8.5,
                    "gunning_fog": 10.25,
                    "smog_index": None,
                    "words": len(texts[o].split()),
                    "reasons": {"smog_index": "fewer than three sentences"},
                },
                "scores": {
                    "omission": {"a": 0.0, "b": 0.25, "c": 0.6}[o],
                    "wording_shift": {"a": 0.0, "b": 0.0, "c": 0.4}[o],
                    "loaded_language": {"a": 0.0, "b": 0.0, "c": 25.0}[o],
                    "loaded_language_by_category": {},
                },
            }
        )
    passages = []
    for pid in story:
        ms = members[pid]
        ids = [m["outlet"] for m in ms]
        passages.append(
            {
                "id": pid,
                "support": len(ids),
                "outlets": ids,
                "members": ms,
                "placement": {m["outlet"]: round(m["sentence"] / 5, 4) for m in ms},
            }
        )
    category = f'force"><b>{SCRIPT}' if hostile else "force"
    c_loaded = span("c", "rammed through")
    c_quote, a_quote = span("c", "We will fight this decision"), span("a", "We will fight this decision in court")
    report: dict[str, Any] = {
        "schema_version": 2,
        "generator": {"name": "mediadiff", "version": "0.0.test"},
        "title": f"Clinic closure {SCRIPT}{ATTR}" if hostile else "Eastgate clinic closure",
        "options": {"min_support": 2},
        "outlets": outlets,
        "similarity": {"outlets": ["a", "b", "c"], "matrix": [[1.0, 0.9, 0.5], [0.9, 1.0, 0.45], [0.5, 0.45, 1.0]]},
        "passages": passages,
        "omissions": [
            {
                "outlet": "b",
                "passage": "P5",
                "weight": 0.4,
                "kind": "quote",
                "carried_by": ["a", "c"],
                "explanation": f"Beta Wire leaves out the quotation {SCRIPT if hostile else ''}",
            },
            {
                "outlet": "c",
                "passage": "P4",
                "weight": 0.8,
                "kind": "response",
                "carried_by": ["a", "b"],
                "explanation": "Gamma Post leaves out the director's response.",
            },
        ],
        "wording_shifts": [
            {
                "passage": "P2",
                "outlet": "c",
                "reference_outlet": "a",
                **{k: v for k, v in c_loaded.items() if k != "outlet"},
                "reference_start": span("a", "approved")["start"],
                "reference_end": span("a", "approved")["end"],
                "reference_text": "approved",
                "kind": "substitution",
                "explanation": "other words",
            },
            {
                "passage": "P5",
                "outlet": "c",
                "reference_outlet": "a",
                "start": c_quote["end"],
                "end": c_quote["end"],
                "text": "",
                "reference_start": a_quote["end"] - 9,
                "reference_end": a_quote["end"],
                "reference_text": " in court",
                "kind": "deletion",
                "explanation": "leaves out words",
            },
        ],
        "loaded_language": [
            {
                **c_loaded,
                "category": category,
                "score": 0.8,
                "in_quote": False,
                "reference_outlet": "a",
                "reference_start": span("a", "approved")["start"],
                "reference_end": span("a", "approved")["end"],
                "reference_text": f"approved {SCRIPT}" if hostile else "approved",
            },
        ],
        "quotes": [
            {**a_quote, "speaker": "the director", "passage": "P5"},
            {**c_quote, "speaker": "the director", "passage": "P5"},
        ],
        "quote_alterations": [
            {
                **c_quote,
                "reference_outlet": "a",
                "reference_start": a_quote["start"],
                "reference_end": a_quote["end"],
                "reference_text": a_quote["text"],
                "kind": "truncated",
            },
        ],
        "conflicts": [
            {
                "kind": "number",
                "passage": "P3",
                "values": [
                    {**span("a", "38 jobs"), "value": 38.0},
                    {**span("b", "38 jobs"), "value": 38.0},
                    {**span("c", "40 jobs"), "value": 40.0},
                ],
            },
        ],
        "placement_shifts": [
            {
                "outlet": "c",
                "passage": "P5",
                "kind": "promoted",
                "position": 0.1,
                "others_position": 0.8,
                "explanation": "Gamma Post leads with the quote.",
            },
        ],
        "warnings": [f"c: very short article {SCRIPT}" if hostile else "c: very short article (60 words)"],
    }
    return report


def make_large_report(n_outlets: int, n_passages: int, *, name_length: int = 60) -> dict[str, Any]:
    """A report of many outlets with long names, for legibility and scale checks (no real text)."""
    ids = [f"outlet_{i:02d}" for i in range(n_outlets)]
    outlets = []
    for i, o in enumerate(ids):
        long = "The Extraordinarily Long-Named Regional Evening Chronicle and Gazette of the Northern Counties " * 2
        name = long[: max(0, name_length - 7)].rstrip() + f" No. {i}"
        outlets.append(
            {
                "id": o,
                "name": name,
                "n_words": 400 + i,
                "boilerplate": [],
                "readability": {"flesch_kincaid_grade": 8 + (i % 5) / 2, "gunning_fog": 10 + (i % 3)},
                "scores": {"omission": (i % 7) / 7, "wording_shift": (i % 5) / 5, "loaded_language": float(i % 4)},
            }
        )
    passages, omissions, loaded = [], [], []
    for p in range(n_passages):
        carriers = [o for i, o in enumerate(ids) if (i * 7 + p * 3) % 5 != 0 or p == 0]
        members = [
            {"outlet": o, "start": 10 * p, "end": 10 * p + 9, "text": f"Passage {p:03d}", "sentence": p}
            for o in carriers
        ]
        passages.append(
            {
                "id": f"P{p + 1}",
                "support": len(carriers),
                "outlets": carriers,
                "members": members,
                "placement": {o: round(p / max(1, n_passages - 1), 4) for o in carriers},
            }
        )
        omissions += [
            {"outlet": o, "passage": f"P{p + 1}", "weight": 0.5, "kind": "fact"} for o in ids if o not in carriers
        ]
    for i, o in enumerate(ids):
        for k in range(i % 4):
            loaded.append(
                {
                    "outlet": o,
                    "start": 10 * k,
                    "end": 10 * k + 5,
                    "text": "loaded",
                    "category": ["force", "emotion", "pejorative"][k % 3],
                    "score": 0.7,
                    "in_quote": False,
                    "reference_outlet": None,
                    "reference_start": None,
                    "reference_end": None,
                    "reference_text": None,
                }
            )
    matrix = [
        [1.0 if i == j else round(0.3 + 0.5 * ((i + j) % 5) / 5, 3) for j in range(n_outlets)] for i in range(n_outlets)
    ]
    return {
        "schema_version": 2,
        "generator": {"name": "mediadiff", "version": "0.0.test"},
        "title": "A story covered by very many outlets, with a deliberately long title to test wrapping on the title page",
        "options": {},
        "outlets": outlets,
        "similarity": {"outlets": ids, "matrix": matrix},
        "passages": passages,
        "omissions": omissions,
        "wording_shifts": [],
        "loaded_language": loaded,
        "quotes": [],
        "quote_alterations": [],
        "conflicts": [],
        "placement_shifts": [],
        "warnings": [],
    }


_DEMO: dict[str, Any] = {}


def demo_comparison() -> Any:
    """The comparison of the bundled story clinic_closure, computed once per test session."""
    if "c" not in _DEMO:
        import warnings

        from mediadiff.compare import compare
        from mediadiff.examples import load_example, story_info

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _DEMO["c"] = compare(load_example("clinic_closure"), title=story_info("clinic_closure")["title"])
    return _DEMO["c"]


def shown_key_findings(report: dict[str, Any]) -> list[str]:
    """The key findings a report shows its reader: the items of the HTML report's summary list
    (``render_html``), unescaped. For a :class:`mediadiff.Comparison`, ``comparison.key_findings()``
    gives the same sentences without rendering."""
    import html
    import re

    from mediadiff.report.html import render_html

    page = render_html(report)
    found = re.search(r'<section id="summary"><h2>Key findings</h2><div class="panel"><ul>(.*?)</ul>', page, re.S)
    assert found, "the HTML report has no key findings list"
    return [html.unescape(item) for item in re.findall(r"<li>(.*?)</li>", found.group(1), re.S)]


def html_category_colours(report: dict[str, Any]) -> dict[str, str]:
    """{loaded-language category: background colour} as the HTML report's legend shows them
    (the legend's ``mark.ll.cK`` class and the page's style for that class)."""
    import html
    import re

    from mediadiff.report.html import render_html

    page = render_html(report)
    background = dict(re.findall(r"mark\.ll\.(c\d+) \{ background: (#[0-9a-fA-F]{6}); \}", page))
    legend = re.findall(r'<mark class="ll (c\d+)">loaded: (.*?)</mark>', page)
    assert legend, "the HTML report shows no loaded-language legend"
    return {html.unescape(category): background[k] for k, category in legend}


def with_many_shifts(report: dict[str, Any]) -> dict[str, Any]:
    """``report`` with 25 wording shifts of outlet c: one number change (weight 1.0) last in
    canonical order, 24 plain substitutions of weight 0.2."""
    plain = [
        {
            "passage": "P2",
            "outlet": "c",
            "reference_outlet": "a",
            "start": 0,
            "end": 3,
            "text": f"w{k}",
            "reference_start": 0,
            "reference_end": 3,
            "reference_text": f"r{k}",
            "kind": "substitution",
            "direction": "changed",
            "weight": 0.2,
        }
        for k in range(24)
    ]
    number = {**plain[0], "text": "40 jobs", "reference_text": "12 jobs", "kind": "number", "weight": 1.0}
    return {**report, "wording_shifts": [*plain, number]}
