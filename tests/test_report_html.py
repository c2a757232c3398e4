"""report.html: the content a reader relies on, and that no input text can become markup."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from _report_fixture import (
    ATTR,
    IMG,
    JS_URL,
    SCRIPT,
    demo_comparison,
    html_category_colours,
    make_report,
    shown_key_findings,
    with_many_shifts,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from mediadiff.report.html import render_html, safe_url

# The only tags and attributes the renderer writes.
ALLOWED_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "p",
    "nav",
    "a",
    "section",
    "div",
    "ul",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
    "mark",
    "strong",
    "footer",
    "wbr",
}
ALLOWED_ATTRS = {
    "charset",
    "http-equiv",
    "content",
    "name",
    "lang",
    "class",
    "title",
    "href",
    "rel",
    "style",
    "id",
    "scope",
    "tabindex",
}


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append((tag, dict(attrs)))
        if tag in ("style", "title"):
            self._skip += 1

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag in ("style", "title"):
            self._skip -= 1

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if not self._skip:
            self.text.append(data)


def parse(page: str) -> _Collect:
    p = _Collect()
    p.feed(page)
    p.close()
    return p


def assert_inert(page: str) -> _Collect:
    """No tag, attribute or link the renderer does not write itself."""
    doc = parse(page)
    for tag, attrs in doc.tags:
        assert tag in ALLOWED_TAGS, tag
        assert set(attrs) <= ALLOWED_ATTRS, (tag, attrs)
        if "href" in attrs:
            href = attrs["href"] or ""
            assert href.startswith("#") or re.match(r"https?://", href), href
        if "style" in attrs and tag != "style":
            assert "url(" not in (attrs["style"] or "") and "expression" not in (attrs["style"] or "")
    return doc


def test_page_is_self_contained_with_a_restrictive_csp():
    page = render_html(make_report())
    [csp] = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    policy = {d.split()[0]: d.split()[1:] for d in html.unescape(csp).split(";") if d.strip()}
    assert policy["default-src"] == ["'none'"] and "script-src" not in policy  # nothing runs or loads ...
    assert policy["style-src"] == ["'unsafe-inline'"]  # ... but the page's own style
    assert policy["base-uri"] == policy["form-action"] == ["'none'"]
    assert "<script" not in page.lower() and "<link" not in page.lower() and "<img" not in page.lower()
    assert "@import" not in page and "url(" not in page
    assert_inert(page)


def test_summary_states_findings_in_plain_sentences():
    report = make_report()
    page = render_html(report)
    text = " ".join(" ".join(parse(page).text).split())
    omission = (
        "Gamma Post omits the response that Alpha Daily reports as “The director's office denied that the "
        "clinic had overspent.”, carried by 2 of 3 outlets."
    )
    assert omission in shown_key_findings(report)
    assert omission in text
    assert (
        "The outlets disagree on a number: Gamma Post says “40 jobs”; Alpha Daily and Beta Wire say “38 jobs”." in text
    )
    assert (
        "Gamma Post quotes “We will fight this decision”, where Alpha Daily has “We will fight this decision in court” (cut short)."
        in text
    )
    # the summary comes first, before the scores and the collation
    assert page.index('id="summary"') < page.index('id="scores"') < page.index('id="collation"')


def test_scores_table_has_every_outlet_with_its_scores_and_link():
    page = render_html(make_report())
    table = page[page.index('id="scores"') : page.index('id="similarity"')]
    for name in ("Alpha Daily", "Beta Wire", "Gamma Post"):
        assert name in table
    assert "0.60" in table and "25.00" in table  # Gamma Post's omission and loaded-language scores
    assert '<a href="https://news.example/a?x=1&amp;y=2" rel="noopener noreferrer nofollow">Alpha Daily</a>' in table


def test_collation_has_passages_as_rows_outlets_as_columns_and_marks():
    report = make_report()
    page = render_html(report)
    coll = page[page.index('id="collation"') : page.index('id="findings"')]
    rows = re.findall(r'<tr id="(P\d+)"', coll)
    assert rows == [p["id"] for p in report["passages"]]
    # each row: one header cell and one cell per outlet
    for row in re.findall(r'<tr id="P\d+".*?</tr>', coll, re.S):
        assert row.count("<td") == 3
    # the omitted response is a gap in Gamma Post's column
    p4 = re.search(r'<tr id="P4".*?</tr>', coll, re.S).group(0)
    assert p4.count('class="gap"') == 1 and "Omitted: a response, carried by 2 of 3" in p4
    # the loaded words are marked with their category and the other outlets' word on hover
    mark = re.search(r'<mark class="([^"]*\bll\b[^"]*)" tabindex="0" title="([^"]*)">rammed through</mark>', coll)
    assert mark, coll
    assert "ws" in mark.group(1).split()
    assert "Loaded language (force)" in html.unescape(mark.group(2))
    assert "Other outlets write: “approved”" in html.unescape(mark.group(2))
    assert "Alpha Daily has: “approved”" in html.unescape(mark.group(2))
    # the truncated quotation, the words left out (a caret) and the conflicting number
    assert re.search(
        r'<mark class="[^"]*\bqa\b[^"]*" tabindex="0" title="[^"]*cut short[^"]*">We will fight this decision</mark>',
        coll,
    )
    assert re.search(r'<span class="caret" tabindex="0" title="Left out here[^"]*in court', coll)
    assert re.search(r'<mark class="cf" tabindex="0" title="Conflict \(a number\)[^"]*">40 jobs</mark>', coll)


def test_highlighted_text_reassembles_to_the_member_text():
    report = make_report()
    page = render_html(report)
    coll = page[page.index('id="collation"') : page.index('id="findings"')]
    p2 = re.search(r'<tr id="P2".*?</tr>', coll, re.S).group(0)
    cells = re.findall(r'<td class="cell">(.*?)</td>', p2, re.S)
    texts = [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in cells]
    assert texts == [m["text"] for m in report["passages"][1]["members"]]


def test_readability_table_shows_measures_and_the_reason_for_a_missing_one():
    page = render_html(make_report())
    section = page[page.index('id="readability"') :]
    assert "flesch kincaid grade" in section and "8.5" in section and "61.0" in section
    assert 'title="fewer than three sentences">—' in section


def test_hostile_text_title_outlet_and_url_render_as_plain_text():
    report = make_report(hostile=True)
    page = render_html(report)
    low = page.lower()
    assert "<script" not in low and "<img" not in low and "<b>" not in low
    assert (
        ATTR not in page
        and 'onmouseover="' not in low
        and "javascript:alert" not in low.replace("url not linked: javascript:alert", "")
    )
    doc = assert_inert(page)
    text = "".join(doc.text)
    # the payloads are shown, as text, wherever they came from
    assert SCRIPT in text and IMG in text and ATTR.strip('"').strip() in text
    assert f"Alpha Daily {SCRIPT}{ATTR}" in text  # outlet name
    assert f"Clinic to close {SCRIPT}" in text  # title
    assert f"URL not linked: {JS_URL}" in text  # a javascript: URL is never a link
    assert not any((a.get("href") or "").lower().startswith("javascript") for _, a in doc.tags)
    assert '<a href="https://news.example/b?x=1&amp;y=2"' in page  # the safe one is still a link
    # the category and counterpart only ever appear escaped, in a title or as text
    assert any('force"><b><script>' in (a.get("title") or "") for _, a in doc.tags)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "//evil.example/x",
        "http:/x",
        "https://ex ample.org",
        "https://a\nb.org",
        "file:///etc/passwd",
        None,
        42,
    ],
)
def test_safe_url_refuses_everything_but_http_and_https(url):
    assert safe_url(url) is None


@settings(max_examples=40, deadline=None)
@given(name=st.text(max_size=40), title=st.text(max_size=40), extra=st.text(max_size=60))
def test_any_text_in_names_titles_and_articles_stays_text(name, title, extra):
    report = make_report()
    report["outlets"][0]["name"] = name
    report["outlets"][1]["title"] = title
    p6 = report["passages"][5]["members"][0]
    p6["text"] = p6["text"] + extra
    p6["end"] = p6["start"] + len(p6["text"])
    page = render_html(report)
    doc = assert_inert(page)
    tables = [a.get("class") for t, a in doc.tags if t == "table"]
    # scores, similarity, collation, six findings tables, readability: nothing injected or lost
    assert tables == ["scores", "sim", "collation", *["findings"] * 6, "readability"]
    flat = "".join(doc.text)
    if name.strip():
        assert html.unescape(html.escape(name)) in flat or not name.isprintable()


def test_demo_report_renders_every_outlet_and_the_key_findings():
    comparison = demo_comparison()
    report = comparison.to_dict()
    page = render_html(report)
    assert_inert(page)
    text = " ".join(" ".join(parse(page).text).split())
    for o in report["outlets"]:
        assert o["name"] in text
    for sentence in comparison.key_findings():
        assert " ".join(sentence.split()) in text
    assert len(re.findall(r'<tr id="P\d+"', page)) == len(report["passages"])
    assert page.count('class="gap"') == len(report["omissions"])


def test_summary_names_silenced_sources_and_groups_a_figure_given_in_other_units():
    report = make_report()
    report["omissions"][0] = {**report["omissions"][0], "silenced": ["Okafor", "audit"]}
    conflict = report["conflicts"][0]
    first = conflict["values"][0]
    report["conflicts"][0] = {
        **conflict,
        "values": [{**first, "text": "38 employees", "unit": "people"}, *conflict["values"][1:]],
    }
    sentences = shown_key_findings(report)
    assert any(s.endswith("carried by 2 of 3 outlets; it never names Okafor and the audit.") for s in sentences), (
        sentences
    )
    # "38 employees" and "38 jobs" are one figure: the outlets that give it are named together
    assert any(
        "Alpha Daily and Beta Wire say “38 employees” or “38 jobs”" in s
        or "Alpha Daily and Beta Wire say “38 jobs” or “38 employees”" in s
        for s in sentences
    ), sentences


# --- evidence: every finding listed, linked to its passage, with its offsets (user review) ----------


def _section(page: str, anchor: str) -> str:
    """The HTML from the heading with ``id=anchor`` to the next findings heading."""
    start = page.index(f'id="{anchor}"')
    ends = [i for i in (page.find("<h3", start + 1), page.find("</section>", start)) if i > 0]
    return page[start : min(ends)]


def _rows(section: str) -> list[str]:
    return re.findall(r"<tr>.*?</tr>", section.split("<tbody>", 1)[-1], re.S)


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_wording_shifts_are_listed_with_both_texts_a_passage_link_and_offsets():
    page = render_html(make_report())
    rows = _rows(_section(page, "wording-shifts"))
    assert len(rows) == 2
    substitution = next(r for r in rows if "rammed through" in r)
    assert '<a href="#P2">P2</a>' in substitution
    text = _text(substitution)
    assert "Gamma Post" in text and "other words" in text and "Alpha Daily" in text and "approved" in text
    assert "chars 80–94" in text and "chars 80–88" in text  # the outlet's span, then the reference's
    deletion = next(r for r in rows if "in court" in r)
    assert '<a href="#P5">P5</a>' in deletion and "at char 180" in _text(deletion)
    # offsets carry a title that says what they count
    assert re.search(
        r'<span class="off" title="[^"]*end exclusive[^"]*report\.json[^"]*">chars 80–94</span>', substitution
    )


def test_every_finding_with_a_passage_links_to_its_row():
    page = render_html(make_report())
    expected = {
        "omissions": {"P4", "P5"},
        "quote-alterations": {"P5"},
        "conflicts": {"P3"},
        "loaded-language": {"P2"},
        "placement": {"P5"},
        "wording-shifts": {"P2", "P5"},
    }
    for anchor, pids in expected.items():
        rows = _rows(_section(page, anchor))
        assert rows, anchor
        linked = {pid for row in rows for pid in re.findall(r'href="#(P\d+)"', row)}
        assert linked == pids, (anchor, linked)
        assert all('href="#P' in row for row in rows), anchor


def test_altered_quotes_loaded_terms_and_conflict_values_show_their_offsets():
    page = render_html(make_report())
    assert "chars 153–180" in _text(_section(page, "quote-alterations"))  # Gamma Post's truncated quote
    assert "chars 208–244" in _text(_section(page, "quote-alterations"))  # Alpha Daily's full one
    assert "chars 80–94" in _text(_section(page, "loaded-language"))
    conflicts = _text(_section(page, "conflicts"))
    assert "40 jobs" in conflicts and "chars 130–137" in conflicts


def test_placement_findings_show_their_passage_and_a_snippet():
    page = render_html(make_report())
    (row,) = _rows(_section(page, "placement"))
    assert '<a href="#P5">P5</a>' in row
    text = _text(row)
    assert "Gamma Post" in text and "10%" in text and "80%" in text
    assert "We will fight this decision" in text  # the passage's text, not only the explanation


def test_findings_tables_are_capped_and_count_the_rest():
    report = make_report()
    report["wording_shifts"] = report["wording_shifts"] * 3
    page = render_html(report, max_rows=2)
    section = _section(page, "wording-shifts")
    assert len(_rows(section)) == 2
    assert "4 more in report.json" in _text(section)
    assert "(6)" in section  # the heading still counts them all
    # the telling kinds come first: a deletion (words left out) is not telling, a substitution neither,
    # but a hedge is
    report["wording_shifts"][5] = {**report["wording_shifts"][5], "kind": "hedging"}
    first = _rows(_section(render_html(report, max_rows=2), "wording-shifts"))[0]
    assert "hedging" in _text(first)
    assert len(_rows(_section(render_html(report), "wording-shifts"))) == 6
    with pytest.raises(ValueError, match="max_rows"):
        render_html(report, max_rows=-1)


def test_omitted_passage_that_opens_with_a_quote_mark_has_no_doubled_quote():
    report = make_report()
    for m in report["passages"][3]["members"]:
        m["text"] = "“" + m["text"] + "”"
    page = render_html(report)
    findings = page[page.index('id="findings"') : page.index('id="readability"')]
    assert "““" not in findings and "&ldquo;&ldquo;" not in findings
    assert "“The director's office denied" in _text(_section(page, "omissions"))


def _ids_and_fragment_links(page: str) -> tuple[set[str], list[str]]:
    doc = parse(page)
    ids = {a["id"] for _, a in doc.tags if a.get("id")}
    links = [a["href"][1:] for _, a in doc.tags if (a.get("href") or "").startswith("#")]
    return ids, links


@pytest.mark.parametrize("which", ["fixture", "hostile", "demo"])
def test_every_fragment_link_points_to_an_id(which):
    report = demo_comparison().to_dict() if which == "demo" else make_report(hostile=which == "hostile")
    if which == "fixture":
        report["quote_alterations"].append({**report["quote_alterations"][0], "start": 10_000, "end": 10_005})
        report["conflicts"].append({**report["conflicts"][0], "passage": "P99", "related": ["P98"]})
    ids, links = _ids_and_fragment_links(render_html(report))
    assert links and set(links) <= ids, set(links) - ids


def test_marks_in_the_collation_can_be_read_without_hovering():
    page = render_html(make_report())
    coll = page[page.index('id="collation"') : page.index('id="findings"')]
    # every finding mark and every caret takes the keyboard focus (a tap focuses it too) ...
    for m in re.finditer(r"<(mark|span) class=\"([^\"]*)\"([^>]*)>", coll):
        classes = set(m.group(2).split())
        if classes & {"ws", "ll", "qa", "cf", "caret"} and "title=" in m.group(3):
            assert 'tabindex="0"' in m.group(3), m.group(0)
    # ... and a focused mark shows its note on the page
    assert re.search(r"mark\[tabindex\]:focus::after[^{]*\{[^}]*content: attr\(title\)", page)
    assert "Hover over a mark to see" not in page


def test_similarity_uses_the_cividis_scale_of_the_pdf():
    page = render_html(make_report())
    sim = page[page.index('id="similarity"') : page.index('id="collation"')]
    assert 'style="background:rgb(254,232,56);color:#000">1.00<' in sim  # cividis(1.0): yellow, dark ink
    assert re.search(r'style="background:rgb\(125,124,120\);color:#fff">0\.50<', sim)  # cividis(0.5), light ink
    assert "rgb(0,114,178)" not in sim


def test_similarity_headers_break_long_ids_only_at_underscores():
    report = make_report(names={"a": "000_c4a2df3843f6971d", "b": "Beta Wire", "c": "Gamma Post"})
    page = render_html(report)
    sim = page[page.index('id="similarity"') : page.index('id="collation"')]
    assert sim.count('title="000_c4a2df3843f6971d">000_<wbr>c4a2df3843f6971d<') == 2  # column and row header
    css = page[page.index("<style>") : page.index("</style>")]
    assert not re.search(r"table\.sim th[^{]*\{[^}]*overflow-wrap: anywhere", css)
    assert re.search(r"th\.pid[^{]*\{[^}]*white-space: nowrap", css)  # "Passage" never wraps


def test_a_category_keeps_its_colour_whatever_else_the_report_holds():
    """ "force" has the same tint in a report where it is the only category and in one where
    "contrast" (earlier in sorted order) is there too, and the same as in the PDF charts."""
    report = make_report()
    report["loaded_language"] = [{**report["loaded_language"][0], "category": "force"}]
    alone = html_category_colours(report)
    report["loaded_language"].append({**report["loaded_language"][0], "category": "contrast"})
    both = html_category_colours(report)
    assert list(alone) == ["force"] and sorted(both) == ["contrast", "force"]
    assert alone["force"] == both["force"] != both["contrast"]
    # the loaded words in the text are marked with the legend's class for their category (its tint)
    report["loaded_language"] = report["loaded_language"][:1]
    page = render_html(report)
    legend = {c: k for k, c in re.findall(r'<mark class="ll (c\d+)">loaded: (\w+)</mark>', page)}
    [mark] = re.findall(r'<mark class="ll (c\d+)[^"]*" tabindex="0" title="[^"]*">rammed through</mark>', page)
    assert mark == legend["force"]


def test_a_users_own_category_never_takes_a_lexicon_categorys_colour():
    from mediadiff.loaded.lexicon import Lexicon

    report = make_report()
    categories = sorted(set(Lexicon.default().categories) | {"contrast"})
    own = ["hype", "fear", "euphemism", "my own category"]
    report["loaded_language"] = [{**report["loaded_language"][0], "category": c} for c in categories + own]
    colours = html_category_colours(report)
    lexicon = {colours[c] for c in categories}
    assert len(lexicon) == len(categories)
    for name in own:
        assert colours[name] not in lexicon


def test_wording_shifts_heaviest_first_and_capped_with_a_count():
    """Issue 20: the HTML lists the 20 heaviest wording shifts, a number change first, and counts the rest."""
    page = render_html(with_many_shifts(make_report()))
    table = page.split('id="wording-shifts"', 1)[1].split("</table>", 1)
    rows = re.findall(r"<tr><td class=\"who\">.*?</tr>", table[0], re.S)
    assert len(rows) == 20 and "40 jobs" in rows[0] and ">1.00</td>" in rows[0]
    assert "(5 more in report.json.)" in table[1][:200]
    assert "Wording shifts (25)" in page
