"""Boilerplate: web chrome in the seeds and the bundled corpus is found, reported, never deleted."""

from __future__ import annotations

import pytest
from _shared import seed_paths

from mediadiff import Article, example_stories, load, load_example, load_gold, segment
from mediadiff.boilerplate import RULES, detect_boilerplate


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("IE 11 is not supported. For an optimal experience visit our site on another browser.", "browser"),
        ("Your browser is out of date.", "browser"),
        ("Subscribe to get the latest posts sent to your email.", "subscribe"),
        ("Discover more from The Evening Post", "subscribe"),
        ("Sign up for our newsletter", "subscribe"),
        ("Related News", "navigation"),
        ("Related Coverage", "navigation"),
        ("Read the full report.", "navigation"),
        ("Share this article", "navigation"),
        ("Advertisement", "advert"),
        ("This site uses cookies to improve your experience.", "cookies"),
        ("Photo: Jane Roe / Ledger Staff", "photo"),
        ("Image: The mayor speaks at a rally", "photo"),
        ("The mayor at a rally on May 2, 2024.Jane Roe / Getty Images file", "photo"),
        ("Crews at the scene. (AP Photo/Sam Poe)", "photo"),
        # page chrome of saved news pages: bylines, share buttons, copyright, link lists
        ("By Jane Doe - 10/06/20 11:32 AM EDT", "byline"),
        ("By Jane Doe", "byline"),
        ("BY JANE DOE", "byline"),
        ("By Jane Doe and John Roe, The Valley Ledger", "byline"),
        ("By Jane Doe | Oct. 6, 2020, 11:32 a.m. ET", "byline"),
        ("By Ana de la Cruz, Updated 2020-10-06 14:05 UTC", "byline"),
        ("Updated: Oct. 6, 2020, 11:32 a.m. ET", "byline"),
        ("Published 11:32 AM EDT Oct 06, 2020", "byline"),
        ("Tuesday, 6 October 2020", "byline"),
        ("Share on Facebook. Share on Twitter.", "share"),
        ("Facebook Twitter Email Print", "share"),
        ("Share via Email | Copy link", "share"),
        ("Tweet", "share"),
        ("Copyright 2020 Valley Media Inc. All rights reserved.", "copyright"),
        ("© 2024 The Valley Ledger", "copyright"),
        ("All rights reserved.", "copyright"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "copyright"),
        ("Most Popular: Council member resigns after vote.", "related"),
        ("Read more: The council's statement in full", "related"),
        ("RELATED: Mayor opens Marl footbridge", "related"),
        ("Most Popular", "navigation"),
        ("Trending Now", "navigation"),
        ("Recommended for you", "navigation"),
        ("Tags: bridges, Marl river", "navigation"),
    ],
)
def test_rules(line: str, rule: str) -> None:
    text = f"Some headline\n\nThe council voted on Monday.\n{line}\nThe vote was close, officials said."
    found = detect_boilerplate(text)
    assert [(b.text, b.rule) for b in found] == [(line, rule)]
    assert text[found[0].start : found[0].end] == line


@pytest.mark.parametrize(
    "line",
    [
        "The council said it would read the full report before voting.",
        "Advertisements for the plan ran for weeks.",
        "Officials shared this article with reporters on Monday.",
        "Sessions tried to distance himself:",
        # prose that looks like page chrome (bylines, share and copyright lines, "Most Popular")
        "By Monday, officials said the bridge would reopen.",
        "By 2030 the city wants every bridge repaired.",
        "By The Numbers",
        "October 6, 2020 was the day the bridge opened.",
        "Copyright holders sued the company on Monday, officials said.",
        "The most popular plan, officials said, was the second one.",
        "Share prices fell 3% on Monday.",
        "Email records show the mayor knew of the cracks.",
        "Twitter users shared photos of the crowd.",
        "Related costs rose by a third, the auditor said.",
        "Most popular among residents was the northern route: it saves ten minutes.",
    ],
)
def test_prose_is_not_boilerplate(line: str) -> None:
    text = f"Some headline\n\n{line}\nThe vote was close, officials said."
    assert detect_boilerplate(text) == []


def test_trailing_section_label() -> None:
    text = "Headline\n\nThe council voted.\nIt was close.\n\nWorld & Local News"
    assert [(b.text, b.rule) for b in detect_boilerplate(text)] == [("World & Local News", "trailing")]


SEED_BOILERPLATE = {
    "000_c4a2df3843f6971d": ["Read the full report.", "U.S. & Global News"],
    "001_de4c0e4a1a5d8b05": ["Related News"],
    "002_0960599ebc32b394": ["IE 11 is not supported.", "Image:", "Getty Images file"],
    "003_4a5921a067004db6": [],
    "004_629ffa57cfc0d820": ["Discover more from", "Subscribe to get the latest posts"],
}


def test_seed_boilerplate() -> None:
    articles = load(seed_paths())
    for a in articles:
        doc = segment(a)
        found = [b.text for b in doc.boilerplate]
        expected = SEED_BOILERPLATE[a.outlet]
        assert len(found) == len(expected), (a.outlet, found)
        for fragment, line in zip(expected, found, strict=True):
            assert fragment in line
        for b in doc.boilerplate:
            assert a.text[b.start : b.end] == b.text
        # boilerplate sentences are flagged, the rest is content; nothing is removed
        assert all(s.boilerplate == any(b.contains(s) for b in doc.boilerplate) for s in doc.sentences)


@pytest.mark.parametrize("story", example_stories())
def test_bundled_corpus_boilerplate_matches_gold(story: str) -> None:
    gold = load_gold(story)
    expected = sorted((g["outlet"], g["start"], g["end"]) for g in gold.get("boilerplate", []))
    found = sorted((a.outlet, b.start, b.end) for a in load_example(story) for b in segment(a).boilerplate)
    assert found == expected


def test_boilerplate_never_deleted() -> None:
    text = "Advertisement\nReal sentence here."
    doc = segment(Article("a", text))
    assert doc.text == text and doc.boilerplate[0].text == "Advertisement"


@pytest.mark.parametrize(
    "line",
    [
        "Related",
        "Related News.",
        "related reading",
        "More news",
        "More stories:",
        "More from The Ledger",
        "Top stories",
        "Latest News",
        "Trending news",
        "Trending Stories",
        "Most Popular",
        "Back to top",
        "Tags: bridges, Marl",
    ],
)
def test_navigation_labels_still_match(line: str) -> None:
    assert RULES["navigation"].fullmatch(line)
