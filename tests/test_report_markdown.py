"""report.md: summary and tables with the findings, and untrusted text that stays text."""

from __future__ import annotations

import re

import pytest
from _report_fixture import demo_comparison, make_report, shown_key_findings, with_many_shifts

from mediadiff.report.markdown import escape_markdown, render_markdown


def _section(md: str, heading: str) -> str:
    start = md.index(f"## {heading}\n")
    end = md.find("\n## ", start + 1)
    return md[start:] if end < 0 else md[start:end]


def _cells(row: str) -> list[str]:
    """Split a pipe-table row on unescaped pipes."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def test_summary_lists_the_key_findings_first():
    md = render_markdown(make_report())
    assert md.startswith("# Eastgate clinic closure\n")
    summary = _section(md, "Key findings")
    assert (
        "- Gamma Post omits the response that Alpha Daily reports as “The director's office denied that the clinic "
        "had overspent.”, carried by 2 of 3 outlets."
    ) in summary
    findings, warnings = summary.split("Warnings:")
    assert findings.count("\n- ") == len(shown_key_findings(make_report()))  # as many as the HTML shows
    assert warnings.strip() == "- c: very short article (60 words)"


def test_outlet_table_has_one_row_per_outlet_with_scores_and_counts():
    md = render_markdown(make_report())
    rows = [line for line in _section(md, "Outlets").splitlines() if line.startswith("| ")]
    header, rule, *body = rows
    assert _cells(header)[:6] == ["Outlet", "Title", "Words", "Omission", "Wording shift", "Loaded /1k"]
    assert set(_cells(rule)[2:]) == {"---:"}
    assert [_cells(r)[0] for r in body] == [
        "[Alpha Daily](https://news.example/a?x=1&y=2)",
        "[Beta Wire](https://news.example/b?x=1&y=2)",
        "[Gamma Post](https://news.example/c?x=1&y=2)",
    ]
    gamma = _cells(body[2])
    assert gamma[3:10] == ["0.60", "0.40", "25.0", "1", "2", "1", "1"]


def test_findings_tables():
    md = render_markdown(make_report())
    om = [r for r in _section(md, "Omissions").splitlines() if r.startswith("| ") and "---" not in r][1:]
    assert om[0].startswith("| Gamma Post | P4 | a response | 0.80 | 2 of 3 |")  # heaviest first
    assert "| Beta Wire | P5 | a quotation | 0.40 | 2 of 3 |" in om[1]
    # the columns of each kind are the HTML report's (one declaration per kind)
    assert (
        "| Gamma Post | P5 | cut short | “We will fight this decision” | Alpha Daily | “We will fight this decision in court” |"
        in md
    )
    assert "| P3 | a number | Alpha Daily: “38 jobs”; Beta Wire: “38 jobs”; Gamma Post: “40 jobs” |" in md
    assert "| Gamma Post | P2 | “rammed through” | force | 0.80 | outlet | “approved” |" in md
    shifts = _section(md, "Wording shifts")
    assert "| Gamma Post | 1 | 1 | 2 |" in shifts  # by kind: deletion, substitution, total
    assert "| flesch reading ease | flesch kincaid grade | gunning fog | smog index | words |" in _section(
        md, "Readability"
    )
    placement = _section(md, "Placement")
    assert "| Gamma Post | P5 | promoted | 10% | 80% |" in placement


def test_every_table_row_has_as_many_cells_as_its_header():
    report = make_report(names={"a": "A | B", "b": "x\\|y", "c": "new\nline"})
    md = render_markdown(report)
    for block in re.split(r"\n\n", md):
        lines = [line for line in block.splitlines() if line.startswith("| ")]
        if lines:
            assert len({len(_cells(line)) for line in lines}) == 1, block


def test_hostile_text_is_escaped_and_javascript_urls_are_not_links():
    md = render_markdown(make_report(hostile=True))
    assert re.search(r"(?<!\\)<", md) is None  # every "<" escaped: no HTML tag can start
    assert "](javascript" not in md.lower()
    assert "\\<script\\>alert(1)\\</script\\>" in md
    assert "[Beta Wire \\<script\\>" in md and "](https://news.example/b?x=1&y=2)" in md


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"),
        ("[a](http://x)", "\\[a\\](http://x)"),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("a | b", "a \\| b"),
        ("line\nbreak", "line break"),
        ("$x$ and &amp;", "\\$x\\$ and \\&amp;"),
        ("U.S. 4.5%", "U.S. 4.5%"),
    ],
)
def test_escape_markdown(raw, escaped):
    assert escape_markdown(raw) == escaped


def test_demo_markdown_names_every_outlet_and_omission():
    report = demo_comparison().to_dict()
    md = render_markdown(report)
    for o in report["outlets"]:
        assert escape_markdown(o["name"]) in _section(md, "Outlets")
    om_rows = [line for line in _section(md, "Omissions").splitlines() if line.startswith("| ")][2:]
    assert len(om_rows) == len(report["omissions"])
    assert render_markdown(report, max_rows=3).count("more rows in report.json") >= 1


def test_key_findings_show_the_strongest_loaded_contrast():
    report = make_report()
    first = report["loaded_language"][0]
    weaker = {**first, "text": "claimed", "score": 0.4, "reference_text": "said"}
    report["loaded_language"] = [weaker, first]  # the weaker contrast comes first in text order
    contrast = [f for f in shown_key_findings(report) if " writes “" in f and " where " in f]
    assert len(contrast) == 1 and f"“{first['text']}”" in contrast[0] and "“approved”" in contrast[0]


def _omitted_passage_text(report) -> str:
    """The "Passage text" cell of Gamma Post's omission (of P4) in report.md."""
    rows = [line for line in _section(render_markdown(report), "Omissions").splitlines() if line.startswith("| ")]
    [row] = [_cells(r) for r in rows if _cells(r)[:2] == ["Gamma Post", "P4"]]
    assert _cells(rows[0])[-1] == "Passage text"
    return row[-1]


def test_a_passage_is_shown_by_its_most_typical_member():
    report = make_report()
    passage = next(p for p in report["passages"] if p["id"] == "P4")
    member = passage["members"][0]
    passage["members"] = [
        {**member, "text": "departing attorney Jo Bash,"},
        {**member, "text": "The message came in an email from the outgoing attorney, Jo Bash."},
        {**member, "text": "An email from Jo Bash relayed the message to the office."},
    ]
    expected = escape_markdown("The message came in an email from the outgoing attorney, Jo Bash.")
    assert _omitted_passage_text(report) == f"“{expected}”"
    # the longest member is not the most typical one
    passage["members"].append(
        {**member, "text": "A long aside about the weather and the traffic and Jo Bash and the parade in town."}
    )
    passage["members"].append({**member, "text": "An email from Jo Bash relayed the message."})
    assert _omitted_passage_text(report).startswith("“" + escape_markdown("An email from Jo Bash relayed the message"))
    # a passage without members, or not in the report, shows no text
    passage["members"] = []
    assert _omitted_passage_text(report) == "—"
    report["passages"].remove(passage)
    assert _omitted_passage_text(report) == "—"


def test_the_same_sentences_are_one_key_omission():
    """Two clauses of one statement that the same outlet omits make one key finding, not two."""
    report = make_report()
    first = report["omissions"][0]
    passage = next(p for p in report["passages"] if p["id"] == first["passage"])
    twin = {**passage, "id": "P99", "members": [{**m, "text": m["text"] + " (part two)"} for m in passage["members"]]}
    report["passages"].append(twin)
    report["omissions"].append({**first, "passage": "P99", "weight": first["weight"] - 0.01})
    assert not any("part two" in f for f in shown_key_findings(report))
    assert shown_key_findings(report) == shown_key_findings(make_report())
    summary = _section(render_markdown(report), "Key findings")
    assert "part two" not in summary and summary == _section(render_markdown(make_report()), "Key findings")


class _CountedPassage(dict):
    """A report passage that counts how often its members are read."""

    reads = 0

    def __getitem__(self, key):
        _CountedPassage.reads += key == "members"
        return super().__getitem__(key)

    def get(self, key, default=None):
        _CountedPassage.reads += key == "members"
        return super().get(key, default)


def test_snippets_read_each_passage_once():
    """A passage shown by many findings (one omission per outlet of a large story) is read once:
    299 more omissions of one passage read the passages' members no more often than one does
    (give or take one read a passage)."""

    def reads(n_omissions: int) -> int:
        report = make_report()
        report["omissions"] = [{**report["omissions"][0], "outlet": f"x{i}"} for i in range(n_omissions)]
        report["passages"] = [_CountedPassage(p) for p in report["passages"]]
        _CountedPassage.reads = 0
        render_markdown(report)
        return _CountedPassage.reads

    once = reads(1)
    assert once > 0  # the counting sees the renderer read the passages
    assert reads(300) <= once + len(make_report()["passages"])


def test_max_rows_is_checked_like_the_html_one():
    from mediadiff.errors import ParameterError

    with pytest.raises(ParameterError, match="'max_rows' parameter of render_markdown"):
        render_markdown(make_report(), max_rows=True)
    omissions = _section(render_markdown(make_report(), max_rows=1), "Omissions")
    assert f"({len(make_report()['omissions']) - 1} more rows in report.json.)" in omissions


def test_told_in_other_words_is_one_field_shown_in_every_format():
    """Issue 20: the PDF marked passages as said in other words (≈) that the HTML, Markdown and
    JSON did not. Now JSON's ``passages[].paraphrased`` holds them and every format shows the same
    (passage, outlet) pairs."""
    import numpy as np
    from matplotlib.figure import Figure

    from mediadiff import plot
    from mediadiff.report.html import render_html

    comparison = demo_comparison()
    report = comparison.to_dict()
    names = {o["id"]: o["name"] for o in report["outlets"]}
    expected = {(p["id"], o) for p in report["passages"] for o in p["paraphrased"]}
    assert expected  # the bundled story has some
    omitted = {(o["passage"], o["outlet"]) for o in report["omissions"]}
    assert not expected & omitted
    assert all(o not in p["outlets"] for p in report["passages"] for o in p["paraphrased"])
    # Markdown: one row per pair in its own section
    md = render_markdown(report)
    section = md.split("## Told in other words (≈)", 1)[1].split("\n## ", 1)[0]
    rows = [
        r.split(" | ")
        for r in section.splitlines()
        if r.startswith("| ") and not r.startswith("| Outlet") and not r.startswith("| ---")
    ]
    by_name = {escape_markdown(v): k for k, v in names.items()}
    assert {(r[1], by_name[r[0][2:]]) for r in rows} == expected
    # HTML: a "≈" cell in the side-by-side view at each pair, and nowhere else
    page = render_html(report)
    ids = [o["id"] for o in report["outlets"]]
    cells = set()
    for pid, row in re.findall(
        r'<tr id="([^"]+)"[^>]*>(.*?)</tr>', page.split('id="collation"')[1].split("</table>")[0], re.S
    ):
        tds = re.findall(r"<td( class=\"(\w+)\")?[^>]*>", row)
        cells |= {(pid, ids[k]) for k, (_, cls) in enumerate(tds) if cls == "para"}
    assert cells == expected
    # PDF/plot: the coverage matrix's ≈ cells
    ax = plot.coverage_matrix(report, ax=Figure().subplots())
    grid = np.asarray(ax.collections[0].get_array()).reshape(len(report["passages"]), len(ids))
    shown = {(report["passages"][i]["id"], ids[j]) for i, j in zip(*np.nonzero(grid == 3), strict=True)}
    assert shown == expected


def test_wording_shifts_heaviest_first_and_capped_with_a_count():
    """Issue 20: shifts are ranked by substance and the list is cut at 20 with a count of the rest."""
    md = render_markdown(with_many_shifts(make_report()))
    section = md.split("## Wording shifts", 1)[1].split("\n## ", 1)[0]
    rows = [r for r in section.splitlines() if r.startswith("| ") and "“" in r]
    assert len(rows) == 20 and "“40 jobs”" in rows[0] and rows[0].endswith("| 1.00 |")
    assert "(5 more in report.json.)" in section
    assert "| 25 |" in section  # the counts by outlet and kind cover every shift
    everything = render_markdown(with_many_shifts(make_report()), max_shifts=None)
    assert (
        len([r for r in everything.split("## Wording shifts", 1)[1].splitlines() if r.startswith("| ") and "“w" in r])
        == 24
    )
    with pytest.raises(Exception, match="'max_shifts' parameter of render_markdown"):
        render_markdown(make_report(), max_shifts=-1)


def test_an_omitted_fact_reads_as_what_the_carrier_reports():
    """A plain fact has no noun of its own ("the response", "the figure"): the sentence says what
    the carrying outlet reports, and stays grammatical."""
    report = make_report()
    for om in report["omissions"]:
        if om["passage"] == "P4":
            om["kind"] = "fact"
    summary = _section(render_markdown(report), "Key findings")
    assert (
        "- Gamma Post omits what Alpha Daily reports as “The director's office denied that the clinic "
        "had overspent.”, carried by 2 of 3 outlets."
    ) in summary
    assert "what that" not in summary


@pytest.mark.parametrize(
    ("kind", "agreement", "key"),
    [("number", 0.39, False), ("number", 0.4, True), ("number", None, True), ("name", 0.2, True), ("title", 0.2, True)],
)
def test_a_conflict_of_figures_whose_carriers_disagree_is_no_key_finding(kind, agreement, key):
    """Below KEY_AGREEMENT the passage may join two facts, so two figures may count two things:
    the conflict stays in its table, with the number, but is no key finding; a conflict of
    names or titles concerns one person wherever named and stays one."""
    report = make_report()
    report["conflicts"][0]["kind"] = kind
    report["conflicts"][0]["agreement"] = agreement
    md = render_markdown(report)
    assert ("The outlets disagree on" in _section(md, "Key findings")) is key
    table = _section(md, "Conflicting facts")
    assert "40 jobs" in table
    assert ("| 0.39 |" in table) is (agreement == 0.39)


@pytest.mark.parametrize(("agreement", "key"), [(0.2, False), (0.39, False), (0.4, True), (0.9, True), (None, True)])
def test_an_omission_whose_carriers_disagree_is_no_key_finding(agreement, key):
    """Below KEY_AGREEMENT the passage may join two different facts: the omission stays in the
    table (with its number) but is not said among the key findings."""
    report = make_report()
    for om in report["omissions"]:
        if om["passage"] == "P4":
            om["agreement"] = agreement
    md = render_markdown(report)
    said = "Gamma Post omits the response that Alpha Daily reports as" in _section(md, "Key findings")
    assert said is key
    assert "| Gamma Post | P4 | a response | 0.80 | 2 of 3 |" in _section(md, "Omissions")
