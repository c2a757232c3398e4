"""Boilerplate rules for page chrome that used to read as content (review of a saved news page):
bylines with time stamps, share buttons, copyright lines, "Most Popular"/"Related"/"Read more" links.
They are reported as spans with offsets and a rule, never deleted."""

from __future__ import annotations

import time

import pytest

from mediadiff import Article, segment
from mediadiff.boilerplate import RULES, detect_boilerplate


def test_most_popular_list_under_its_header() -> None:
    text = (
        "Bridge opens\n\nThe footbridge opened on Tuesday.\nIt cost $12 million.\n\n"
        "Most Popular\nCouncil member resigns after vote\nRiver festival moves to June\n\n"
        "The mayor thanked the builders."
    )
    found = [(b.text, b.rule) for b in detect_boilerplate(text)]
    assert found == [
        ("Most Popular", "navigation"),
        ("Council member resigns after vote", "related"),
        ("River festival moves to June", "related"),
    ]


def test_pasted_page_chrome_is_reported_not_deleted() -> None:
    text = (
        "Mayor opens Marl footbridge\n\nBy Jane Doe - 10/06/20 11:32 AM EDT\nShare on Facebook. Share on Twitter.\n\n"
        "The new footbridge opened on Tuesday, the mayor said.\nIt cost $12 million.\n\n"
        "Most Popular: Council member resigns after vote.\n"
        "Copyright 2020 Valley Media Inc. All rights reserved."
    )
    doc = segment(Article("ledger", text))
    assert doc.text == text
    assert [b.rule for b in doc.boilerplate] == ["byline", "share", "related", "copyright"]
    assert all(text[b.start : b.end] == b.text for b in doc.boilerplate)
    assert [s.text for s in doc.content_sentences] == [
        "Mayor opens Marl footbridge",
        "The new footbridge opened on Tuesday, the mayor said.",
        "It cost $12 million.",
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
