"""Segmentation: the hard cases of news text, exact offsets, and quotations."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediadiff import Article, segment
from mediadiff.segment import RuleSplitter, find_quotations, split_sentences, tokenize


def sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abbreviations and dates
        (
            "Gen. Ortiz met Dept. heads on Oct. 28. They agreed.",
            ["Gen. Ortiz met Dept. heads on Oct. 28.", "They agreed."],
        ),
        # initialisms: no split before a name, a split before a sentence opener
        ("The U.S. Attorney spoke. Then D.O.J. staff left.", ["The U.S. Attorney spoke.", "Then D.O.J. staff left."]),
        ("Aid went to the U.S. The rest went elsewhere.", ["Aid went to the U.S.", "The rest went elsewhere."]),
        ("Per the A.G.'s policy, cases go on. Staff agreed.", ["Per the A.G.'s policy, cases go on.", "Staff agreed."]),
        # single initials in names
        ("John F. Kennedy spoke. Crowds cheered.", ["John F. Kennedy spoke.", "Crowds cheered."]),
        # closing quotes after the full stop, curly and straight
        ("“We will rebuild.” The mayor left.", ["“We will rebuild.”", "The mayor left."]),
        ('He said "No." She said "Yes."', ['He said "No."', 'She said "Yes."']),
        # question mark inside a quote followed by attribution: no split
        ("“Why now?” she asked. Nobody knew.", ["“Why now?” she asked.", "Nobody knew."]),
        # a quotation spanning two sentences stays split into sentences
        (
            "He said: “First point. Second point.” Then he left.",
            ["He said: “First point.", "Second point.”", "Then he left."],
        ),
        # numbers with separators and decimals; "No." before a number
        (
            "It cost $4.2 million, or 3,100 votes. Case No. 5 is open.",
            ["It cost $4.2 million, or 3,100 votes.", "Case No. 5 is open."],
        ),
        # but "no." at the end of a sentence ends it
        ("The answer was no. Talks ended.", ["The answer was no.", "Talks ended."]),
        # headings without final punctuation and bullet lines
        (
            "Budget passes\n\n• First point here. Second one.\n• Third",
            ["Budget passes", "First point here.", "Second one.", "Third"],
        ),
        # CRLF and lone CR line ends
        ("Line one ends\r\nLine two ends.\rLine three.", ["Line one ends", "Line two ends.", "Line three."]),
        # hard-wrapped lines are joined, lines that start a new sentence are not
        ("The council met on\nits usual day.\nIt passed.", ["The council met on\nits usual day.", "It passed."]),
        # subheads ending in a colon
        ("Sessions spoke:\nHe defended the plan.", ["Sessions spoke:", "He defended the plan."]),
        # lowercase after a full stop: no split (e.g. "approx. ten")
        ("They counted approx. ten boats. Done.", ["They counted approx. ten boats.", "Done."]),
    ],
)
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_offsets_exact_in_crlf_text() -> None:
    text = "Title\r\n\r\n  • A point “here.”\r\nNext one.  "
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
    assert sentences(text) == ["Title", "A point “here.”", "Next one."]


def test_tokens() -> None:
    toks = tokenize("The D.O.J.’s 3,000-page report cost $4.2m — “reportedly.”", 10)
    assert [t.text for t in toks][:4] == ["The", "D.O.J.’s", "3,000", "-"]
    assert toks[1].norm == "doj's"
    assert toks[0].start == 10 and toks[0].end == 13
    assert [t.kind for t in toks if t.text in ("3,000", "4.2", "“")] == ["number", "number", "punct"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will win.”", [("we will win.", True)]),
        ('Mixed "marks here,” she said.', [("marks here,", True)]),
        ("Nested “outer ‘inner’ end” done", [("outer ‘inner’ end", True), ("inner", True)]),
        ("Unbalanced “this runs on\nNext paragraph.", [("this runs on", False)]),
        ("Apostrophes don’t count, nor Sessions’ case.", []),
        ("Scare quotes: the ‘pilot program’ began.", [("pilot program", True)]),
    ],
)
def test_quotations(text: str, expected: list[tuple[str, bool]]) -> None:
    quotes = find_quotations(text)
    assert [(q.text, q.closed) for q in quotes] == expected
    for q in quotes:
        assert text[q.start : q.end] == q.text
        assert q.mark_start < q.start and q.end <= q.mark_end


def test_quotation_across_sentences_is_one() -> None:
    text = "She said: “First. Second sentence.” Then left."
    [q] = find_quotations(text)
    assert q.text == "First. Second sentence."


def test_segment_flags_boilerplate_and_keeps_text() -> None:
    text = "Advertisement\nCouncil passes budget\n\nThe vote was 5 to 2.\nSubscribe to our newsletter for updates."
    doc = segment(Article("ledger", text))
    assert doc.text == text
    assert [(s.text, s.boilerplate) for s in doc.sentences] == [
        ("Advertisement", True),
        ("Council passes budget", False),
        ("The vote was 5 to 2.", False),
        ("Subscribe to our newsletter for updates.", True),
    ]
    assert [s.paragraph for s in doc.sentences] == [0, 1, 2, 3]
    assert [s.index for s in doc.sentences] == [0, 1, 2, 3]


def test_nupunkt_splitter_seam() -> None:
    pytest.importorskip("nupunkt")
    from mediadiff.segment import nupunkt_splitter

    doc = segment(Article("a", "Dr. Lee arrived. The U.S. team left."), splitter=nupunkt_splitter())
    assert [s.text for s in doc.sentences] == ["Dr. Lee arrived.", "The U.S. team left."]


def test_custom_splitter_seam() -> None:
    doc = segment(Article("a", "one two. three"), splitter=lambda t: [(0, len(t))])
    assert [s.text for s in doc.sentences] == ["one two. three"]


news_chars = st.sampled_from(
    list("abcXYZ .,;:!?\"'“”‘’•—-\n\r\t0123456789$%()")
    + ["U.S.", "Dr.", " ", "\r\n", "\u200b", "é", "\u0301", "\u202e"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(news_chars, max_size=80).map("".join))
def test_offset_invariant_on_random_text(text: str) -> None:
    doc = segment(Article("x", text if text.strip() else text + "x"))
    spans = [*doc.sentences, *doc.boilerplate, *doc.quotations, *doc.paragraphs]
    spans += [t for s in doc.sentences for t in s.tokens]
    for span in spans:
        assert doc.text[span.start : span.end] == span.text
    ends = [(s.start, s.end) for s in doc.sentences]
    assert ends == sorted(ends)
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:], strict=False))  # sentences never overlap


def test_rule_splitter_is_default_and_deterministic() -> None:
    text = "A. B. Smith spoke. It rained."
    assert RuleSplitter()(text) == RuleSplitter()(text)
