"""Boilerplate rules for page chrome that used to read as content (review of a saved news page):
bylines with time stamps, share buttons, copyright lines, "Most Popular"/"Related"/"Read more" links.
They are reported as spans with offsets and a rule, never deleted."""

from __future__ import annotations

import time

import pytest

from mediadiff import Article, segment
from mediadiff.boilerplate import RULES, detect_boilerplate


@pytest.mark.parametrize(
    ("line", "rule"),
    [
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
def test_chrome_rules(line: str, rule: str) -> None:
    text = f"Some headline\n\nThe council voted on Monday.\n{line}\nThe vote was close, officials said."
    found = detect_boilerplate(text)
    assert [(b.text, b.rule) for b in found] == [(line, rule)]
    [b] = found
    assert text[b.start:b.end] == line


@pytest.mark.parametrize(
    "line",
    [
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
def test_prose_is_not_chrome(line: str) -> None:
    text = f"Some headline\n\n{line}\nThe vote was close, officials said."
    assert detect_boilerplate(text) == []


def test_most_popular_list_under_its_header() -> None:
    text = ("Bridge opens\n\nThe footbridge opened on Tuesday.\nIt cost $12 million.\n\n"
            "Most Popular\nCouncil member resigns after vote\nRiver festival moves to June\n\n"
            "The mayor thanked the builders.")
    found = [(b.text, b.rule) for b in detect_boilerplate(text)]
    assert found == [("Most Popular", "navigation"), ("Council member resigns after vote", "related"),
                     ("River festival moves to June", "related")]


def test_pasted_page_chrome_is_reported_not_deleted() -> None:
    text = ("Mayor opens Marl footbridge\n\nBy Jane Doe - 10/06/20 11:32 AM EDT\nShare on Facebook. Share on Twitter.\n\n"
            "The new footbridge opened on Tuesday, the mayor said.\nIt cost $12 million.\n\n"
            "Most Popular: Council member resigns after vote.\n"
            "Copyright 2020 Valley Media Inc. All rights reserved.")
    doc = segment(Article("ledger", text))
    assert doc.text == text
    assert [b.rule for b in doc.boilerplate] == ["byline", "share", "related", "copyright"]
    assert all(text[b.start:b.end] == b.text for b in doc.boilerplate)
    assert [s.text for s in doc.content_sentences] == [
        "Mayor opens Marl footbridge", "The new footbridge opened on Tuesday, the mayor said.", "It cost $12 million.",
    ]


def test_rules_restricts_to_the_new_rules_too() -> None:
    text = "Headline\n\nBy Jane Doe\nThe vote was close.\nCopyright 2020 Valley Media Inc."
    assert [b.rule for b in detect_boilerplate(text, rules=["copyright"])] == ["copyright"]
    assert {"share", "copyright", "byline", "related"} <= set(RULES)


@pytest.mark.parametrize(
    "line",
    [
        "Facebook " * 2000 + "?",
        "Share on Facebook." * 500 + "?",
        "Share on Facebook Twitter " * 500 + "?",
        "By " + "Jane Doe and " * 500 + "?",
        "By Jane Doe - " + "10/06/20 " * 500 + "?",
        "Most Popular: " + "word " * 5000,
    ],
)
def test_long_near_miss_lines_stay_fast(line: str) -> None:
    # regression: a share-button pattern with two optional white-space runs backtracked exponentially
    start = time.perf_counter()
    detect_boilerplate(f"Headline\n\n{line}\nThe vote was close.")
    assert time.perf_counter() - start < 1.0
