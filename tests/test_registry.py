"""The finding registry: every kind is declared once and every output iterates over the kinds.

Through public names only: ``mediadiff.analysis`` (the registry) and ``mediadiff.findings``
(the declaration types). A dummy kind registered here shows up in report.json, the HTML and
Markdown reports (the explanation of its score above the scores table, its marks, row badges,
gaps and legend entries in the HTML side-by-side view), the key findings, the corpus score records, the command line's summary line
and ``Comparison`` without any other file knowing of it.
"""

from __future__ import annotations

import html
import json
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, replace

import pytest

import mediadiff
from mediadiff.analysis import finding_kinds, register_kind, unregister_kind
from mediadiff.cli import main
from mediadiff.corpus.batch import score_records
from mediadiff.errors import ParameterError
from mediadiff.findings import Badge, Cell, Column, FindingKind, Gap, LegendEntry, Mark, Score, Summary
from mediadiff.report.html import render_html
from mediadiff.report.markdown import render_markdown


@pytest.fixture(scope="module")
def comparison() -> mediadiff.Comparison:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return mediadiff.compare(mediadiff.load_example("clinic_closure"))


def test_every_kind_is_a_list_of_report_json_in_registry_order(comparison):
    report = json.loads(comparison.to_json())
    keys = [k for k in report if k in {kind.name for kind in finding_kinds()}]
    assert keys == [kind.name for kind in finding_kinds()]
    for kind in finding_kinds():
        assert len(report[kind.name]) == len(getattr(comparison, kind.name)) == len(comparison.findings[kind.name])


def test_every_kind_with_a_table_has_a_section_in_html_and_markdown(comparison):
    report = comparison.to_dict()
    page, md = render_html(report), render_markdown(report)
    tabled = [k for k in finding_kinds() if k.columns is not None]
    assert {k.name for k in tabled} >= {"omissions", "wording_shifts", "loaded_language", "conflicts"}
    for kind in tabled:
        if kind.hide_when_empty and not report[kind.name]:
            continue
        assert f'<h3 id="{kind.html_id}">{kind.title} (' in page
        assert f"\n## {kind.title}\n" in md
    # sections follow the registry
    shown = [k for k in tabled if report[k.name] or not k.hide_when_empty]
    assert [page.index(f'<h3 id="{k.html_id}">') for k in shown] == sorted(
        page.index(f'<h3 id="{k.html_id}">') for k in shown
    )


def test_every_counted_kind_is_in_the_corpus_score_line(comparison):
    record = score_records("s", comparison.to_dict())[0]
    for kind in finding_kinds():
        for score in kind.scores:
            assert score.key in record
        if kind.count_header or kind.score_line:
            assert set(kind.line([], [record["outlet"]])[record["outlet"]]) <= set(record)
    assert {"n_omissions", "n_wording_shifts", "n_loaded", "n_quote_alterations", "n_conflicts"} <= set(record)


def test_the_cli_summary_line_counts_every_headline_kind(tmp_path, capsys):
    assert main(["demo", "--out", str(tmp_path), "--format", "json"]) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    for kind in finding_kinds():
        assert (f" {kind.plural}" in line) == kind.headline, kind.name


# --- a kind declared in a test, nowhere else ------------------------------------------------


@dataclass(frozen=True)
class Hedge:
    outlet: str
    passage: str
    start: int
    end: int
    text: str


def _find_hedges(alignment, found, options):
    """Every first member of a passage whose text holds "said" (a stand-in finder)."""
    out = []
    for p in alignment.passages:
        m = p.members[0]
        at = m.text.find("said")
        if at >= 0:
            out.append(Hedge(m.outlet, p.id, m.start + at, m.start + at + 4, "said"))
    return out


def _hedge_scores(alignment, findings, options):
    return {o: {"hedging": float(sum(f.outlet == o for f in findings))} for o in alignment.outlets}


def _hedge_note(r, c):
    return f"Test hedge in {r['passage']} ({c.name(r['outlet'])})"


def _hedge_marks(r, c):
    """Marked in the outlet's text as an altered quotation would be (a finding: focusable)."""
    return [Mark(r["outlet"], r["start"], r["end"], "altered", _hedge_note(r, c))]


DUMMY = FindingKind(
    name="hedges_for_test",
    record_type=Hedge,
    find=_find_hedges,
    score=_hedge_scores,
    scores=(Score("hedging", "Hedging", "Hedg.", bar="ws", relative=True, unit="test hedges per article"),),
    label="test hedge",
    plural="test hedges",
    title="Test hedges",
    columns=(
        Column("Outlet", lambda r, c: Cell.of_outlet(r["outlet"])),
        Column("Passage", lambda r, c: Cell.of_passage(r["passage"])),
        Column("Words", lambda r, c: Cell.words(r["text"], r["start"], r["end"], r["outlet"])),
    ),
    count_header="Test hedges",
    summary=Summary(lambda report, ctx: [f"{len(report['hedges_for_test'])} test hedges were found."], priority=0),
    chart=("test\nhedges", "#999999"),
    marks=_hedge_marks,
    badges=lambda r, c: [Badge(r["passage"], "hedge", "hedged by {n}", outlet=r["outlet"], rank=25)],
    legend=lambda report, c: [LegendEntry("test hedge", "altered", rank=35)],
)


@pytest.fixture
def dummy() -> Iterator[FindingKind]:
    register_kind(DUMMY, before="quotes")
    try:
        yield DUMMY
    finally:
        unregister_kind(DUMMY.name)


def test_a_kind_registered_elsewhere_reaches_every_output(dummy, tmp_path, capsys):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        comparison = mediadiff.compare(mediadiff.load_example("clinic_closure"))
    found = comparison.hedges_for_test
    assert found and all(isinstance(f, Hedge) for f in found)
    report = json.loads(comparison.to_json())
    keys = list(report)
    assert keys.index("loaded_language") < keys.index("hedges_for_test") < keys.index("quotes")
    assert report["hedges_for_test"][0]["text"] == "said"
    assert all("hedging" in o["scores"] for o in report["outlets"])
    assert comparison.key_findings()[0] == f"{len(found)} test hedges were found."
    page, md = render_html(report), render_markdown(report)
    assert f'<h3 id="hedges-for-test">Test hedges ({len(found)})</h3>' in page
    assert '<th class="num">Test hedges</th>' in page and '<th class="num">Hedging</th>' in page
    assert "\n## Test hedges\n" in md and "| Hedg. |" in md
    assert "hedging counts test hedges per article. Counts are" in page
    assert "hedging in test hedges per article. Counts are" in md
    record = score_records("s", report)[0]
    assert "n_hedges_for_test" in record and "hedging" in record
    assert f"{len(found)} test hedges" in repr(comparison)
    assert main(["demo", "--out", str(tmp_path), "--format", "json"]) == 0
    assert " test hedges" in capsys.readouterr().out


def test_a_kind_is_registered_once_and_unregistered_by_name(dummy):
    with pytest.raises(ParameterError, match="already"):
        register_kind(dummy)
    with pytest.raises(ParameterError, match="already"):
        register_kind(FindingKind("passages", Hedge, _find_hedges, "x", "xs", "X"))
    with pytest.raises(ParameterError, match="'before' parameter of register_kind"):
        register_kind(FindingKind("other_for_test", Hedge, _find_hedges, "x", "xs", "X"), before="nothing")
    with pytest.raises(ParameterError, match="no finding kind named"):
        unregister_kind("nothing")


def test_unregistered_kinds_leave_no_trace(comparison):
    assert "hedges_for_test" not in [k.name for k in finding_kinds()]
    assert "hedges_for_test" not in comparison.to_dict()
    with pytest.raises(AttributeError):
        comparison.hedges_for_test  # noqa: B018


# --- the marks of the side-by-side view come from the kinds ----------------------------------


def _side_by_side(page: str) -> str:
    return page[page.index('<section id="collation">') : page.index('<section id="findings">')]


def test_every_kind_with_marks_is_marked_in_the_side_by_side_view(comparison):
    report = comparison.to_dict()
    view = _side_by_side(render_html(report))
    marked = {k.name for k in finding_kinds() if k.marks is not None}
    assert marked == {"wording_shifts", "loaded_language", "quotes", "quote_alterations", "conflicts"}
    for cls in ("ws", "ll", "q", "qa", "cf"):
        assert re.search(rf'<mark class="([^"]* )?{cls}( [^"]*)?"', view), cls


def test_a_kind_declares_its_marks_in_the_side_by_side_view(dummy):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = mediadiff.compare(mediadiff.load_example("clinic_closure")).to_dict()
    found = report["hedges_for_test"]
    ctx_names = {o["id"]: o.get("name") or o["id"] for o in report["outlets"]}
    view = _side_by_side(render_html(report))
    for r in found:
        note = html.escape(f"Test hedge in {r['passage']} ({ctx_names[r['outlet']]})")
        # a finding's mark: the style's class, the keyboard focus, its note among the titles
        assert re.search(rf'<mark class="([^"]* )?qa( [^"]*)?" tabindex="0" title="[^"]*{re.escape(note)}', view), note
    # and nowhere else: unregistered, the same report has none of them
    unregister_kind(DUMMY.name)
    try:
        assert "Test hedge in" not in _side_by_side(render_html(report))
    finally:
        register_kind(DUMMY, before="quotes")


def test_a_kind_without_marks_adds_none(comparison):
    report = comparison.to_dict()
    before = _side_by_side(render_html(report))
    records = [
        {"outlet": q["outlet"], "passage": None, "start": q["start"], "end": q["end"], "text": q["text"]}
        for q in report["quotes"]
    ]
    assert records
    unmarked = replace(DUMMY, name="unmarked_for_test", marks=None, summary=None, badges=None, legend=None)
    for kind, changed in ((unmarked, False), (DUMMY, True)):
        register_kind(kind)
        try:
            page = render_html({**report, kind.name: records})
        finally:
            unregister_kind(kind.name)
        assert (_side_by_side(page) != before) == changed, kind.name


# --- the row badges, gaps and legend of the side-by-side view come from the kinds -------------


def _legend(page: str) -> str:
    return page[page.index('<div class="legend">') : page.index("</div>", page.index('<div class="legend">'))]


def _row_head(page: str, pid: str) -> str:
    at = page.index(f'<tr id="{pid}"')
    return page[at : page.index("</th>", at)]


def test_a_kind_declares_its_row_badges_and_legend_entry(dummy):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = mediadiff.compare(mediadiff.load_example("clinic_closure")).to_dict()
    found = report["hedges_for_test"]
    assert found
    page = render_html(report)
    for r in found:  # one per passage (its first member): "hedged by 1", a plain badge (unknown style)
        assert '<span class="badge">hedged by 1</span>' in _row_head(page, r["passage"])
    legend = _legend(page)
    # ranked between the altered quotation (30) and the conflicting value (40), in its style's look
    assert '<mark class="qa">altered quotation</mark></span><span><mark class="qa">test hedge</mark>' in legend
    assert legend.index("test hedge") < legend.index("conflicting value")
    unregister_kind(DUMMY.name)
    try:
        page = render_html(report)
        assert "hedged by" not in _side_by_side(page) and "test hedge" not in _legend(page)
    finally:
        register_kind(DUMMY, before="quotes")


def test_badges_count_the_outlets_behind_them_and_gaps_fill_empty_cells(comparison):
    report = comparison.to_dict()
    ids = [o["id"] for o in report["outlets"]]
    passage = next(p for p in report["passages"] if len({m["outlet"] for m in p["members"]}) < len(ids))
    carried = sorted({m["outlet"] for m in passage["members"]})
    empty = next(o for o in ids if o not in carried)
    records = [
        {"outlet": o, "passage": passage["id"], "start": 0, "end": 0, "text": ""}
        for o in [*carried, carried[0], "not_compared"]
    ]
    kind = replace(
        DUMMY,
        name="gapped_for_test",
        marks=None,
        summary=None,
        gaps=lambda r, c: [Gap(empty, r["passage"], "Test gap <here>", "a test note")],
        legend=lambda report, c: [
            LegendEntry("a test badge", "omitted", shape="badge"),
            LegendEntry("a test point", shape="point"),
        ],
    )
    register_kind(kind)
    try:
        page = render_html({**report, kind.name: records})
    finally:
        unregister_kind(kind.name)
    # two records of one outlet count it once; an outlet that is not compared is not counted
    assert f'<span class="badge">hedged by {len(carried)}</span>' in _row_head(page, passage["id"])
    assert '<td class="gap" title="a test note">Test gap &lt;here&gt;</td>' in page
    legend = _legend(page)
    assert '<span class="pid"><span class="badge om">a test badge</span></span>' in legend
    assert '<span class="caret">‸</span> a test point</span>' in legend


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("omissions", ['<td class="gap"', '<span class="badge om">omitted by ', "omitted (a gap)</span>"]),
        ("conflicts", ['<span class="badge cf">conflict</span>', "conflicting value</mark>"]),
        ("quote_alterations", ['<span class="badge qa">altered quote</span>', "altered quotation</mark>"]),
        ("wording_shifts", ["wording shift</mark>", "words left out</span>"]),
        ("loaded_language", ['<span><mark class="ll c']),
        ("quotes", ['<mark class="q">quotation</mark>']),
    ],
)
def test_an_unregistered_built_in_kind_leaves_no_gap_badge_or_legend_entry(comparison, name, shown):
    report = comparison.to_dict()
    view = _side_by_side(render_html(report))
    assert all(s in view for s in shown), name
    names = [k.name for k in finding_kinds()]
    after = names[names.index(name) + 1] if names.index(name) + 1 < len(names) else None
    kind = unregister_kind(name)
    try:
        view = _side_by_side(render_html(report))
    finally:
        register_kind(kind, before=after)
    assert [k.name for k in finding_kinds()] == names
    assert not any(s in view for s in shown), name
    assert "not carried</span>" in view  # the view's own entry stays
