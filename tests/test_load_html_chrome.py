"""Saved HTML pages: page chrome stays out of the article text, the article is preferred, and the
title loses a site suffix only when another title confirms it (review: a saved page's nav, aside,
footer, site header, byline, share buttons and copyright line all became content)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from mediadiff import load, segment
from mediadiff.load import html_to_text

BODY = (
    "<p>The new footbridge over the Marl river opened on Tuesday after three years of work, the mayor said.</p>"
    "<p>It cost $12 million, paid mostly by the state.</p>"
)

# A saved page of our own making, with the clutter the review found.
PAGE = f"""<!DOCTYPE html>
<html><head><title>Mayor opens Marl footbridge | The Valley Ledger</title>
<meta property="og:title" content="Mayor opens Marl footbridge"></head>
<body>
<header class="site"><a href="/">The Valley Ledger</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main>
<article>
<header><h1>Mayor opens Marl footbridge</h1>
<p class="byline">By Jane Doe - 10/06/20 11:32 AM EDT</p>
<ul class="share"><li>Share on Facebook.</li><li>Share on Twitter.</li></ul></header>
{BODY}
<figure><img src="bridge.jpg"><figcaption>The footbridge at dawn.</figcaption></figure>
<aside><h2>Related</h2><ul><li>Council approves the river budget</li></ul></aside>
<p>Traffic on the old road bridge is expected to ease by spring.</p>
<footer>Tags: bridges, Marl</footer>
</article>
</main>
<div class="popular">Most Popular: Council member resigns after vote.</div>
<form><label>Sign up</label><input name="email"><button>Go</button></form>
<footer><p>Copyright 2020 Valley Media Inc. All rights reserved.</p></footer>
</body></html>
"""


def test_page_chrome_left_out_and_article_kept() -> None:
    text, title = html_to_text(PAGE)
    assert title == "Mayor opens Marl footbridge"
    assert [line for line in text.splitlines() if line] == [
        "Mayor opens Marl footbridge",
        "The new footbridge over the Marl river opened on Tuesday after three years of work, the mayor said.",
        "It cost $12 million, paid mostly by the state.",
        "Traffic on the old road bridge is expected to ease by spring.",
    ]
    for chrome in (
        "Valley Ledger",
        "News",
        "Sport",
        "footbridge at dawn",
        "Related",
        "Tags",
        "Most Popular",
        "Sign up",
        "Go",
        "Copyright",
        "Jane Doe",
        "Share on",
    ):  # byline and share: by class name
        assert chrome not in text.replace("Marl footbridge", "")


def test_byline_and_share_buttons_kept_in_the_text_are_reported(tmp_path: Path) -> None:
    # without class names that say what they are, the byline and share buttons stay in the text
    path = tmp_path / "ledger.html"
    path.write_text(PAGE.replace(' class="byline"', "").replace(' class="share"', ""), encoding="utf-8")
    [article] = load(path)
    doc = segment(article)
    assert [(b.text, b.rule) for b in doc.boilerplate] == [
        ("By Jane Doe - 10/06/20 11:32 AM EDT", "byline"),
        ("Share on Facebook.", "navigation"),
        ("Share on Twitter.", "navigation"),
    ]
    assert all(article.text[b.start : b.end] == b.text for b in doc.boilerplate)
    assert [s.text for s in doc.content_sentences][0] == "Mayor opens Marl footbridge"


def test_without_article_element_the_page_minus_chrome_is_kept() -> None:
    page = (
        "<title>Bridge</title><nav>Home</nav><header>The Valley Ledger</header>"
        f"<div>{BODY}</div><aside>Most read</aside><footer>About us</footer>"
    )
    text, _ = html_to_text(page)
    assert text == (
        "The new footbridge over the Marl river opened on Tuesday after three years of work, the mayor "
        "said.\n\nIt cost $12 million, paid mostly by the state."
    )


def test_short_teaser_articles_do_not_replace_the_body() -> None:
    # the body is in plain <div>s; the only <article>s are three short teaser cards
    body = "".join(f"<p>Paragraph {i} of the story, with several words in it for the count.</p>" for i in range(12))
    teasers = "".join(f"<article><a href='/{i}'>Other story {i}</a></article>" for i in range(3))
    text, _ = html_to_text(f"<div class='story'>{body}</div><section>{teasers}</section>")
    assert text.startswith("Paragraph 0 of the story") and "Paragraph 11" in text


def test_longest_article_is_preferred() -> None:
    long_body = "".join(f"<p>Sentence {i} of the main story goes on for a while here.</p>" for i in range(20))
    page = (
        f"<main><article>{long_body}</article><article><p>A shorter next story.</p></article></main>"
        "<div>Most Popular</div><div>Council member resigns after vote</div>"
    )
    text, _ = html_to_text(page)
    assert text.startswith("Sentence 0") and "Sentence 19" in text
    assert "shorter next story" not in text and "Most Popular" not in text


def test_headline_outside_the_article_comes_first() -> None:
    page = (
        "<title>Marl footbridge opens - The Valley Ledger</title>"
        "<header><h1>The Valley Ledger</h1></header>"
        f"<main><header><h1>Marl footbridge opens</h1></header><article>{BODY}</article></main>"
    )
    text, title = html_to_text(page)
    assert text.startswith("Marl footbridge opens\n\nThe new footbridge")
    assert title == "Marl footbridge opens"


def test_site_logo_h1_is_not_the_headline() -> None:
    page = (
        "<title>Marl footbridge opens | The Valley Ledger</title>"
        f"<header><h1>The Valley Ledger</h1></header><article>{BODY}</article>"
    )
    text, title = html_to_text(page)
    assert text.startswith("The new footbridge")
    assert title == "Marl footbridge opens | The Valley Ledger"  # nothing confirms the shorter title


@pytest.mark.parametrize(
    ("head", "h1", "expected"),
    [
        (
            "<title>Bridge opens | The Ledger</title><meta property='og:title' content='Bridge opens'>",
            None,
            "Bridge opens",
        ),
        ("<title>Bridge opens - The Ledger</title>", "Bridge opens", "Bridge opens"),
        ("<title>Bridge opens — Politics | The Ledger</title>", "Bridge opens", "Bridge opens"),
        ("<title>Bridge opens | The Ledger</title>", None, "Bridge opens | The Ledger"),
        ("<title>Bridge opens | The Ledger</title>", "A different headline", "Bridge opens | The Ledger"),
        ("<title>Mayor’s bridge - finally - opens</title>", "Mayor's bridge", "Mayor’s bridge"),
        ("<meta property='og:title' content='Bridge opens | The Ledger'>", "Bridge opens", "Bridge opens"),
        ("<meta name='og:title' content='Bridge opens'>", None, "Bridge opens"),
        ("", "Bridge opens", "Bridge opens"),
    ],
)
def test_title_site_suffix_dropped_only_when_confirmed(head: str, h1: str | None, expected: str) -> None:
    page = f"<html><head>{head}</head><body>{f'<h1>{h1}</h1>' if h1 else ''}<p>It opened.</p></body></html>"
    assert html_to_text(page)[1] == expected


def test_hidden_elements_and_aria_roles_left_out() -> None:
    page = (
        "<div role='navigation'><div><a>Home</a></div><div><a>World</a></div></div>"
        "<div role='banner'>The Valley Ledger</div>"
        "<p>The footbridge opened.</p>"
        "<div hidden>Hidden promo</div><div style='display: none'>Invisible</div>"
        "<div role='complementary'><div>Sidebar</div></div><svg><title>icon</title></svg>"
        "<p>It cost $12 million.</p><div role='contentinfo'>Contact us</div>"
    )
    text, title = html_to_text(page)
    assert text == "The footbridge opened.\n\nIt cost $12 million."
    assert title is None  # an <svg>'s <title> is no page title


def test_unclosed_and_stray_tags_lose_no_text() -> None:
    text, _ = html_to_text("<body><p>One<p>Two</span><ul><li>Three<li>Four</ul></div><p>Five</body>")
    assert text.split() == ["One", "Two", "Three", "Four", "Five"]
    # an unclosed <nav> ends with its parent, as in a browser
    text, _ = html_to_text("<div><nav>Menu</div><p>Story text.</p>")
    assert text == "Story text."


def test_many_unclosed_and_stray_tags_stay_fast() -> None:
    import time

    start = time.perf_counter()
    text, _ = html_to_text("<span>word " * 20000 + "</div>" * 20000)
    assert time.perf_counter() - start < 2.0
    assert text.count("word") == 20000


ASPNET = (
    '<body><form id="aspnetForm"><h1>Council passes budget</h1>'
    "<p>The council approved the budget after a long debate on Monday night.</p></form></body>"
)


def test_form_wrapping_the_whole_page_is_not_chrome() -> None:
    # review: ASP.NET WebForms pages put the whole <body> in a <form>; the page came out empty
    text, title = html_to_text(ASPNET)
    assert text == "Council passes budget\n\nThe council approved the budget after a long debate on Monday night."
    assert title == "Council passes budget"


def test_form_wrapped_page_in_a_folder_is_loaded(tmp_path: Path) -> None:
    # review: such a page was skipped with a warning, so its outlet disappeared
    (tmp_path / "ledger.html").write_text(ASPNET, encoding="utf-8")
    (tmp_path / "herald.txt").write_text("Budget passes\n\nThe council approved the budget.", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        articles = load(tmp_path)
    assert [a.outlet for a in articles] == ["herald", "ledger"]
    assert "long debate on Monday night" in articles[1].text


def test_small_search_and_newsletter_forms_are_still_chrome() -> None:
    page = (
        "<form action='/search'><label>Search the Valley Ledger</label><input name='q'></form>"
        f"<h1>Mayor opens Marl footbridge</h1>{BODY}"
        "<form><p>Get our morning newsletter in your inbox.</p><input name='email'><button>Go</button></form>"
    )
    text, _ = html_to_text(page)
    assert text.startswith("Mayor opens Marl footbridge\n\nThe new footbridge")
    assert text.endswith("paid mostly by the state.")
    assert "Search" not in text and "newsletter" not in text


def test_search_form_inside_a_page_wrapping_form_is_still_chrome() -> None:
    page = (
        "<body><form id='aspnetForm'><nav><a>Home</a></nav>"
        "<form role='search'><label>Search</label><input name='q'></form>"
        "<div class='search'><form><label>Find a story</label><input></form></div>"
        f"<h1>Mayor opens Marl footbridge</h1>{BODY}<footer>About us</footer></form></body>"
    )
    text, _ = html_to_text(page)
    assert text == (
        "Mayor opens Marl footbridge\n\nThe new footbridge over the Marl river opened on Tuesday after "
        "three years of work, the mayor said.\n\nIt cost $12 million, paid mostly by the state."
    )


def test_many_unclosed_forms_stay_fast() -> None:
    import time

    start = time.perf_counter()
    text, _ = html_to_text("<form>word " * 20000)
    assert time.perf_counter() - start < 2.0
    assert text.startswith("word")  # the outermost form holds every word: not chrome
