"""The article found in a web page by general content-extraction signals (issue 20: navigation,
teasers, comments and promotions stayed in the text of real pages). Every page here is our own."""

from __future__ import annotations

import time
from pathlib import Path

from mediadiff import load, segment
from mediadiff.load import html_to_text

PARAGRAPHS = [
    "The county opened its first flood shelter on Monday, a converted school gym with room for 300 people, "
    "officials said.",
    "Work on the shelter began in March, after the spring floods left dozens of families without a dry place "
    "to sleep for a week.",
    "The building cost $2.4 million, paid partly by a state grant, and it will also serve as a cooling centre "
    "in summer heat waves.",
    "Residents who toured it on Sunday said the cots, showers and kitchen were better than they had expected, "
    "though parking is tight.",
]
BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def words(text: str) -> list[str]:
    return text.split()


def test_body_in_plain_divs_found_without_article_or_main() -> None:
    # no <article>, <main> or ARIA roles: the page's chrome sits in plain <div>s beside the story
    menu = "".join(f"<li><a href='/{s}'>{s}</a></li>" for s in ("Home", "World", "Sport", "Weather", "Opinion"))
    teasers = "".join(
        f"<div><a href='/t{i}'>Another story, number {i}, that is only a link here</a></div>" for i in range(6)
    )
    page = (
        f"<title>Flood shelter opens</title><div id='top'><ul>{menu}</ul></div>"
        f"<div class='wrap'><div class='col'><h1>Flood shelter opens</h1>{BODY}</div>"
        f"<div class='col2'>{teasers}</div></div>"
        "<div>Contact the newsroom at any time of the day.</div>"
    )
    text, title = html_to_text(page)
    assert title == "Flood shelter opens"
    assert text == "Flood shelter opens\n\n" + "\n\n".join(PARAGRAPHS)


def test_blocks_named_as_chrome_dropped_inside_the_article() -> None:
    page = (
        "<article><h1>Flood shelter opens</h1>"
        "<div class='byline'>By Sam Reed, County Desk</div>"
        "<ul class='social-share'><li>Share on Facebook</li><li>Share by email</li></ul>"
        f"{BODY}"
        "<div class='newsletter-signup'>Get the morning briefing in your inbox every day.</div>"
        "<div class='promo'>Subscribe now: your first month for one dollar.</div>"
        "<section class='related-stories'><h2>Related</h2><p>The county budget was approved.</p></section>"
        "<div id='comments'><p>Great news, finally some help for the families on the river road!</p></div>"
        "<div class='cookie-notice'>We use cookies to improve your experience on our site.</div>"
        "<div class='ad-slot'>Advertisement</div>"
        "</article>"
    )
    text, _ = html_to_text(page)
    assert text == "Flood shelter opens\n\n" + "\n\n".join(PARAGRAPHS)


def test_content_names_and_wrappers_are_not_chrome() -> None:
    # "post-content" names content; a layout wrapper called "has-sidebar" holds the whole story
    page = (
        f"<div class='layout has-sidebar'><div class='share post-content'>{BODY}</div>"
        "<div class='sidebar'><p>Popular this week: nothing new under the sun at all.</p></div></div>"
    )
    text, _ = html_to_text(page)
    assert text == "\n\n".join(PARAGRAPHS)


def test_link_list_and_teasers_inside_the_article_dropped() -> None:
    links = "".join(f"<li><a href='/s{i}'>Read also: story {i} about the county</a></li>" for i in range(5))
    teaser = "<div><a href='/x'>Watch: the river at its highest, in pictures from above</a></div>"
    page = f"<article>{PARAGRAPHS and BODY[: len(BODY) // 2]}<ul>{links}</ul>{teaser}{BODY[len(BODY) // 2 :]}</article>"
    text, _ = html_to_text(page)
    assert "Read also" not in text and "Watch:" not in text
    assert words(text) == words(" ".join(PARAGRAPHS))


def test_short_paragraphs_beside_the_body_kept_and_a_list_in_the_story_kept() -> None:
    facts = "<ul><li>300 cots and 40 showers</li><li>a kitchen for 500 meals a day</li></ul>"
    page = (
        f"<div class='story'>{BODY}<p>What it holds, by the county's count:</p>{facts}</div>"
        "<p>The shelter opens at 8 a.m.</p><p>Share</p>"
    )
    text, _ = html_to_text(page)
    assert "The shelter opens at 8 a.m." in text
    assert "300 cots and 40 showers" in text and "a kitchen for 500 meals a day" in text
    assert not text.endswith("Share")  # a short line that is no sentence


def test_article_body_itemprop_preferred_over_a_longer_comment_thread() -> None:
    comments = "".join(
        f"<p>Comment {i}: I live near the river, and this shelter, frankly, is long overdue, "
        "as are the levees, the pumps, and the new bridge.</p>"
        for i in range(8)
    )
    page = f"<div><div itemprop='articleBody'>{BODY}</div><div class='thread'>{comments}</div></div>"
    text, _ = html_to_text(page)
    assert text == "\n\n".join(PARAGRAPHS)


def test_hidden_classes_left_out() -> None:
    page = (
        f"<div>{BODY}<span class='sr-only'>Opens a new window</span>"
        "<div class='visually-hidden'>Skip to content</div><p class='hidden'>Loading...</p></div>"
    )
    text, _ = html_to_text(page)
    assert text == "\n\n".join(PARAGRAPHS)


def test_headline_and_title_kept_when_the_body_is_elsewhere() -> None:
    page = (
        "<title>Flood shelter opens - County Herald</title>"
        "<div class='header'><a class='logo'>County Herald</a></div>"
        "<div class='headline-block'><h1>Flood shelter opens</h1><p class='dek'>A school gym, remade.</p></div>"
        f"<div class='article-body'>{BODY}</div>"
    )
    text, title = html_to_text(page)
    assert title == "Flood shelter opens"
    assert text.startswith("Flood shelter opens\n\nThe county opened its first flood shelter")
    assert "County Herald" not in text


def test_offsets_point_into_the_text_mediadiff_shows(tmp_path: Path) -> None:
    page = (
        "<title>Flood shelter opens</title><nav><a>Home</a></nav>"
        "<article><h1>Flood shelter opens</h1><p>By Sam Reed</p>"
        f"{BODY}<p>Copyright 2026 County Herald. All rights reserved.</p>"
        "<div class='related'><a>More news</a></div></article>"
    )
    path = tmp_path / "herald.html"
    path.write_text(page, encoding="utf-8")
    [article] = load(path)
    assert article.text == html_to_text(page)[0] and article.title == "Flood shelter opens"
    doc = segment(article)
    assert doc.sentences and doc.boilerplate
    for span in (*doc.sentences, *doc.boilerplate):
        assert article.text[span.start : span.end] == span.text
    assert "More news" not in article.text and "Home" not in article.text


def test_short_page_without_qualifying_paragraphs_keeps_its_text() -> None:
    text, title = html_to_text("<title>Note</title><div>Short note.</div><div>Second line.</div>")
    assert (text.splitlines()[::2], title) == (["Short note.", "Second line."], "Note")


def test_deeply_nested_page_stays_fast() -> None:
    start = time.perf_counter()
    text, _ = html_to_text("<div class='x'>" * 5000 + BODY + "</div>" * 5000)
    assert time.perf_counter() - start < 2.0
    assert text == "\n\n".join(PARAGRAPHS)
