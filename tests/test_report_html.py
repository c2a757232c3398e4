"""report.html: the content a reader relies on, and that no input text can become markup."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from _report_fixture import ATTR, IMG, JS_URL, SCRIPT, demo_comparison, make_report
from hypothesis import given, settings
from hypothesis import strategies as st

from mediadiff.report._summary import key_findings
from mediadiff.report._templates import CSP
from mediadiff.report.html import render_html, safe_url

# The only tags and attributes the renderer writes.
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2", "h3", "p", "nav", "a",
                "section", "div", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "span", "mark", "strong",
                "footer"}
ALLOWED_ATTRS = {"charset", "http-equiv", "content", "name", "lang", "class", "title", "href", "rel", "style", "id",
                 "scope"}


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
    assert f'<meta http-equiv="Content-Security-Policy" content="{html.escape(CSP)}">' in page
    assert "default-src 'none'" in CSP and "script-src" not in CSP
    assert "<script" not in page.lower() and "<link" not in page.lower() and "<img" not in page.lower()
    assert "@import" not in page and "url(" not in page
    assert_inert(page)


def test_summary_states_findings_in_plain_sentences():
    report = make_report()
    page = render_html(report)
    text = " ".join(" ".join(parse(page).text).split())
    omission = ("Gamma Post omits the response “The director's office denied that the clinic had overspent.”, "
                "carried by 2 of 3 outlets.")
    assert omission in key_findings(report)
    assert omission in text
    assert "The outlets disagree on a number: Gamma Post says “40 jobs”; Alpha Daily and Beta Wire say “38 jobs”." in text
    assert "Gamma Post quotes “We will fight this decision”, where Alpha Daily has “We will fight this decision in court” (cut short)." in text
    # the summary comes first, before the scores and the collation
    assert page.index('id="summary"') < page.index('id="scores"') < page.index('id="collation"')


def test_scores_table_has_every_outlet_with_its_scores_and_link():
    page = render_html(make_report())
    table = page[page.index('id="scores"'):page.index('id="similarity"')]
    for name in ("Alpha Daily", "Beta Wire", "Gamma Post"):
        assert name in table
    assert "0.60" in table and "25.00" in table  # Gamma Post's omission and loaded-language scores
    assert '<a href="https://news.example/a?x=1&amp;y=2" rel="noopener noreferrer nofollow">Alpha Daily</a>' in table


def test_collation_has_passages_as_rows_outlets_as_columns_and_marks():
    report = make_report()
    page = render_html(report)
    coll = page[page.index('id="collation"'):page.index('id="findings"')]
    rows = re.findall(r'<tr id="(P\d+)"', coll)
    assert rows == [p["id"] for p in report["passages"]]
    # each row: one header cell and one cell per outlet
    for row in re.findall(r'<tr id="P\d+".*?</tr>', coll, re.S):
        assert row.count("<td") == 3
    # the omitted response is a gap in Gamma Post's column
    p4 = re.search(r'<tr id="P4".*?</tr>', coll, re.S).group(0)
    assert p4.count('class="gap"') == 1 and "Omitted: a response, carried by 2 of 3" in p4
    # the loaded words are marked with their category and the other outlets' word on hover
    mark = re.search(r'<mark class="([^"]*\bll\b[^"]*)" title="([^"]*)">rammed through</mark>', coll)
    assert mark, coll
    assert "ws" in mark.group(1).split()
    assert "Loaded language (force)" in html.unescape(mark.group(2))
    assert "Other outlets write: “approved”" in html.unescape(mark.group(2))
    assert "Alpha Daily has: “approved”" in html.unescape(mark.group(2))
    # the truncated quotation, the words left out (a caret) and the conflicting number
    assert re.search(r'<mark class="[^"]*\bqa\b[^"]*" title="[^"]*cut short[^"]*">We will fight this decision</mark>', coll)
    assert re.search(r'<span class="caret" title="Left out here[^"]*in court', coll)
    assert re.search(r'<mark class="cf" title="Conflict \(a number\)[^"]*">40 jobs</mark>', coll)


def test_highlighted_text_reassembles_to_the_member_text():
    report = make_report()
    page = render_html(report)
    coll = page[page.index('id="collation"'):page.index('id="findings"')]
    p2 = re.search(r'<tr id="P2".*?</tr>', coll, re.S).group(0)
    cells = re.findall(r'<td class="cell">(.*?)</td>', p2, re.S)
    texts = [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in cells]
    assert texts == [m["text"] for m in report["passages"][1]["members"]]


def test_readability_table_shows_measures_and_the_reason_for_a_missing_one():
    page = render_html(make_report())
    section = page[page.index('id="readability"'):]
    assert "flesch kincaid grade" in section and "8.5" in section and "61.0" in section
    assert 'title="fewer than three sentences">—' in section


def test_hostile_text_title_outlet_and_url_render_as_plain_text():
    report = make_report(hostile=True)
    page = render_html(report)
    low = page.lower()
    assert "<script" not in low and "<img" not in low and "<b>" not in low
    assert ATTR not in page and 'onmouseover="' not in low and "javascript:alert" not in low.replace(
        "url not linked: javascript:alert", "")
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
    assert any("force\"><b><script>" in (a.get("title") or "") for _, a in doc.tags)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "data:text/html,x",
                                 "vbscript:x", "//evil.example/x", "http:/x", "https://ex ample.org", "https://a\nb.org",
                                 "file:///etc/passwd", None, 42])
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
    tags = [t for t, _ in doc.tags]
    assert tags.count("table") == 4  # scores, similarity, collation, readability: nothing injected or lost
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
    for sentence in key_findings(report):
        assert " ".join(sentence.split()) in text
    assert len(re.findall(r'<tr id="P\d+"', page)) == len(report["passages"])
    assert page.count('class="gap"') == len(report["omissions"])


def test_summary_names_silenced_sources_and_groups_a_figure_given_in_other_units():
    report = make_report()
    report["omissions"][0] = {**report["omissions"][0], "silenced": ["Okafor", "audit"]}
    conflict = report["conflicts"][0]
    first = conflict["values"][0]
    report["conflicts"][0] = {**conflict, "values": [{**first, "text": "38 employees", "unit": "people"},
                                                     *conflict["values"][1:]]}
    sentences = key_findings(report)
    assert any(s.endswith("carried by 2 of 3 outlets; it never cites Okafor and the audit.") for s in sentences), sentences
    # "38 employees" and "38 jobs" are one figure: the outlets that give it are named together
    assert any("Alpha Daily and Beta Wire say “38 employees” or “38 jobs”" in s
               or "Alpha Daily and Beta Wire say “38 jobs” or “38 employees”" in s for s in sentences), sentences
