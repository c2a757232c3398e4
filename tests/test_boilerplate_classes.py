"""Boilerplate classes of pasted pages (issue 20): donation appeals, cookie notices as sentences,
sign-up and registration walls, upsells, sponsored and "readers also viewed" lists, player labels,
market-data disclaimers, wire credits, comment counters, corrections and update stamps.

Each class is tested with lines written for these tests (not the lines of
bench/boilerplate_lines.tsv) set in the middle of an article, and with news sentences on the same
topics that must stay content."""

from __future__ import annotations

import time

import pytest

from mediadiff import Article, segment
from mediadiff.boilerplate import RULES, detect_boilerplate

BEFORE = "Ferry service resumes\n\nThe ferry to Marl Island resumed on Monday after a six-week repair.\n\n"
AFTER = "\n\nThe operator said crossings would run every 40 minutes until October."


def flagged(line: str) -> list[tuple[str, str]]:
    """The boilerplate (text, rule) pairs found when ``line`` stands between two paragraphs."""
    return [(b.text, b.rule) for b in detect_boilerplate(BEFORE + line + AFTER)]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        # donation and membership appeals
        ("Keep the Harbor Courier free for everyone. Donate today.", "appeal"),
        ("Support local journalism", "appeal"),
        ("Your gift of $15 a month keeps our reporters on the county beat.", "appeal"),
        ("Become a sustaining member and get our weekly members' letter.", "appeal"),
        # cookie and privacy notices worded as sentences, and their buttons
        ("This site uses cookies and similar technologies to measure traffic and tailor ads.", "cookies"),
        ("We and our advertising partners store and access information on your device.", "cookies"),
        ("Manage cookie settings", "cookies"),
        ("Accept all cookies", "cookies"),
        # newsletter sign-ups and registration walls
        ("Create a free account to read the rest of this story.", "subscribe"),
        ("Get the Harbor Notes newsletter in your inbox each Friday.", "subscribe"),
        ("You have one free article left this month.", "subscribe"),
        ("Enter your email address", "subscribe"),
        # upsells
        ("Unlock full digital access for $2 a week.", "upsell"),
        ("Limited-time offer: 12 weeks for 12 dollars.", "upsell"),
        ("Subscriber exclusive", "upsell"),
        ("Save 30% on an annual subscription.", "upsell"),
        ("This article is available to subscribers only.", "subscribe"),  # a wall first: the rule before
        # sponsored and recommended link-list headers
        ("Sponsored Links", "promoted"),
        ("Readers also liked", "promoted"),
        ("From around the web", "promoted"),
        # audio and video player labels
        ("Listen to this article", "player"),
        ("Listen · 4 min", "player"),
        ("1:12 / 3:05", "player"),
        ("Play video", "player"),
        ("This audio was generated using text-to-speech software.", "player"),
        # market-data disclaimers
        ("Stock quotes delayed by at least 20 minutes.", "market"),
        ("Index data supplied by Harbor Market Data Ltd.", "market"),
        ("Information is not intended as investment advice.", "market"),
        # wire credit lines
        ("(Reporting by Ines Kalu in Abuja; Editing by Paul Marsh)", "credit"),
        ("Reporting by Ines Kalu and Tom Vale; writing by Ana Reyes", "credit"),
        ("Associated Press writers Ruth Ames and Carl Ivers contributed to this report.", "credit"),
        ("Contributing: Lena Park", "credit"),
        # comment counters
        ("Comments (7)", "comments"),
        ("312 comments", "comments"),
        ("Show all 45 comments", "comments"),
        ("Comments are closed for this story.", "comments"),
        # corrections and update stamps
        ("Updated 35 minutes ago", "update"),
        ("Originally published March 9, 2025", "update"),
        ("This article has been updated to include the operator's response.", "update"),
        ("Correction: A previous version of this story gave the wrong ferry route.", "update"),
    ],
)
def test_class_line_is_boilerplate(line: str, rule: str) -> None:
    assert flagged(line) == [(line, rule)]


@pytest.mark.parametrize(
    "line",
    [
        # the same topics, as news
        "Sign-up for the program opens in May.",
        "The food bank said donations fell by a third after the plant closed.",
        "Donate what you can, the shelter's director urged residents on Friday.",
        "Membership of the rowing club has tripled since the bridge opened.",
        "The bill would support local journalism with a payroll tax credit.",
        "The regulator said the site placed cookies before visitors gave consent.",
        "The app's privacy policy let it share location data with brokers, investigators found.",
        "The school sold 2,000 cookies to pay for the trip.",
        "More than 4,000 residents signed up for the ferry pass in its first week.",
        "Workers were asked to sign up for an optional pay cut.",
        "Residents must create an account on the county portal to apply.",
        "Subscriptions to the paper fell to 41,000 last year.",
        "The streaming service will offer new customers 50% off, regulators were told.",
        "The festival was sponsored by two local banks.",
        "Readers also wrote in to defend the ferry crew.",
        "Listen to the islanders, the councillor told the meeting.",
        "Police released video of the collision on Tuesday.",
        "Now playing at the Lyric is a revival of the 1950s musical.",
        "Flights were delayed by 40 minutes because of fog.",
        "Data provided by the state health department showed a rise in cases.",
        "The quote, delayed by a technical fault, reached screens late.",
        "Reporting by the Courier in 2019 revealed the cracks in the hull.",
        "The Associated Press contributed to the investigation's findings, the committee said.",
        "The agency received 12,000 comments on the rule.",
        "Join the conversation at the library on Thursday, organizers said.",
        "Comments are open until May 1.",
        "The story was first published in 1923 and later made into a film.",
        "The department issued a correction after misstating the number of arrests.",
        "An earlier version of the bill would have banned the practice outright.",
        "Updated guidance from the health department says masks are optional.",
        "Pause.",
        # regression: the market rule's short labels matched as the opening of a line
        "Real-time data from river gauges helped forecasters track the flood.",
        "Powered by Wind Farms Ltd turbines, the island now exports electricity.",
    ],
)
def test_look_alike_news_is_content(line: str) -> None:
    assert flagged(line) == []


def test_appeal_words_in_opinion_prose_are_content() -> None:
    # regression: "our" + "members" + "work" in a column read as a donation appeal
    line = (
        "Many corporations and the wealthiest members of our society have found ways to make "
        "the tax code work for them."
    )
    assert flagged(line) == []


def test_sponsored_list_header_and_its_links_are_set_aside_and_the_story_goes_on() -> None:
    block = "Sponsored Stories\nThe one kitchen gadget chefs swear by\nRetirees are moving to this quiet coast"
    text = BEFORE + block + AFTER
    doc = segment(Article("courier", text))
    assert [(b.text, b.rule) for b in doc.boilerplate] == [
        ("Sponsored Stories", "promoted"),
        ("The one kitchen gadget chefs swear by", "related"),
        ("Retirees are moving to this quiet coast", "related"),
    ]
    assert [s.text for s in doc.content_sentences] == [
        "Ferry service resumes",
        "The ferry to Marl Island resumed on Monday after a six-week repair.",
        "The operator said crossings would run every 40 minutes until October.",
    ]


def test_label_colon_link_is_related() -> None:
    assert flagged("Paid content: Five ways to cut your heating bill") == [
        ("Paid content: Five ways to cut your heating bill", "related")
    ]


def test_wire_credit_at_the_end_is_reported_with_exact_offsets() -> None:
    text = (
        "Port strike ends\n\nDock workers voted to end the strike on Sunday.\n\n"
        "  (Reporting by Ines Kalu; Editing by Paul Marsh)  \r\nComments (3)"
    )
    doc = segment(Article("wire", text))
    assert doc.text == text
    assert [(b.text, b.rule) for b in doc.boilerplate] == [
        ("(Reporting by Ines Kalu; Editing by Paul Marsh)", "credit"),
        ("Comments (3)", "comments"),
    ]
    assert all(text[b.start : b.end] == b.text for b in doc.boilerplate)


def test_new_rules_are_named_and_can_be_chosen() -> None:
    assert {"promoted", "appeal", "upsell", "player", "market", "credit", "comments", "update"} <= set(RULES)
    text = BEFORE + "Donate now\nComments (4)" + AFTER
    assert [b.rule for b in detect_boilerplate(text, rules=["comments"])] == ["comments"]


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by " + "Jane Doe and " * 500 + "?",
        "(Reporting by Jane Doe; " + "Editing by Tom Reed; " * 400 + "?",
        "Associated Press writer " + "Jane Doe, " * 500 + "did not",
        "We use " + "our " * 3000 + "?",
        "Market data " * 1000 + "provided by " + "Example " * 500 + "showed",
        "Comments " * 2000 + "?",
        "Updated " * 2000 + "ago?",
        "Sign in. " * 2000 + "?",
    ],
)
def test_long_near_miss_lines_stay_fast(line: str) -> None:
    start = time.perf_counter()
    detect_boilerplate(f"Headline\n\n{line}\nThe vote was close.")
    assert time.perf_counter() - start < 1.0
