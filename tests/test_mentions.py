"""Number mentions: read once per Document (``Document.numbers``), offsets into the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediadiff.align import align
from mediadiff.analysis import find_conflicts, find_omissions
from mediadiff.document import Article, NumberMention
from mediadiff.mentions import is_figure, slot
from mediadiff.segment import segment


def numbers(text: str) -> list[tuple[str, str, float | str, str]]:
    return [(m.text, m.kind, m.value, m.unit) for m in segment(Article("a", text)).numbers]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nearly 3,000 children were hurt.", [("Nearly 3,000 children", "count", 3000.0, "people")]),
        ("It cost $4.2 million.", [("$4.2 million", "money", 4200000.0, "$")]),
        ("Turnout rose 18 percent.", [("18 percent", "percent", 18.0, "percent")]),
        ("Nine in ten are uninsured.", [("Nine in ten", "percent", 90.0, "percent")]),
        ("It shrank by nearly a fifth.", [("nearly a fifth", "percent", 20.0, "percent")]),
        ("The vote was on March 11.", [("March 11", "date", "03-11", "day")]),
        ("The plant opened in 1998.", [("1998", "date", "1998", "year")]),
        ("They met on Tuesday.", [("Tuesday", "date", "tuesday", "weekday")]),
        ("Doors open at 9 a.m. sharp.", [("9 a.m.", "time", 9.0, "")]),
        ("I have served eleven years on this board.", [("eleven years", "duration", 11.0, "year")]),
        ("It took three months.", [("three months", "duration", 3.0, "month")]),
        ("Thousands of families left.", [("Thousands of families", "vague", "thousands", "people")]),
        ("All 38 of the nurses quit.", [("All 38", "count", 38.0, "")]),
    ],
)
def test_numbers_are_read_with_their_kind_value_and_unit(text, expected):
    assert numbers(text) == expected


def test_qualifiers_widen_a_value_into_a_range():
    about, least = segment(Article("a", "About 40 homes burned and at least 300 people fled.")).numbers
    assert (about.qualifier, about.low, about.high) == ("about", pytest.approx(34.0), pytest.approx(46.0))
    assert (least.qualifier, least.low, least.high) == ("at least", 300.0, float("inf"))
    assert least.text == "at least 300 people" and least.at == least.start + len("at least ")


def test_a_schedule_is_not_a_date_and_boilerplate_is_not_read():
    doc = segment(Article("a", "The library is open Monday through Saturday.\n\nAdvertisement"))
    assert doc.numbers == ()


def test_durations_times_and_dates_are_not_figures():
    doc = segment(Article("a", "After three months, 12 homes and 40% of farms were lost on June 3 at 9 a.m."))
    assert [(m.text, is_figure(m)) for m in doc.numbers] == [
        ("three months", False),
        ("12 homes", True),
        ("40%", True),
        ("June 3", False),
        ("9 a.m.", False),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year before a singular word is a year, not a count of elections
        ("They lost the 2016 election and won in 2018 without help.", [("2016", False), ("2018", False)]),
        ("It signed up 2016 residents.", [("2016 residents", True)]),
        # "one" and "zero" say "a" and "no"; a share needs a value above zero
        (
            "One aide and at least one donor backed the zero waste plan.",
            [("One", False), ("one", False), ("zero waste", False)],
        ),
        ("Two aides and a fifth of donors left.", [("Two aides", True), ("a fifth", True)]),
    ],
)
def test_years_and_counts_below_two_are_not_figures(text, expected):
    doc = segment(Article("a", text))
    assert [(m.text, is_figure(m)) for m in doc.numbers] == expected


def test_slots_keep_the_kind_of_figure_not_its_value():
    doc = segment(
        Article("a", "Its 38 employees, a $11.8 million gap, thousands of homes, in 1998 at 9 a.m., 12% more")
    )
    assert [slot(m) for m in doc.numbers] == ["#count1", "#money7", "#count3", "#year", "#time", "#pct"]


def test_numbers_in_selects_by_where_the_number_starts():
    doc = segment(Article("a", "Nearly 3,000 children and 12 homes."))
    first, second = doc.numbers
    assert doc.numbers_in(first.at, first.end) == (first,)  # the qualifier lies before ``at``
    assert doc.numbers_in(0, len(doc.text)) == (first, second)
    assert doc.numbers_in(second.end, len(doc.text)) == ()


CLOSURE = [
    Article(
        "a",
        "The county board voted to close the Eastgate clinic. "
        '"This is the hardest vote I have cast in eleven years on this board," said chair Gail Hendrick. '
        "The clinic served 4,100 patients last year.",
    ),
    Article(
        "b",
        "The county board voted to close the Eastgate clinic. "
        '"This is the hardest vote I have cast in eleven years on this board," said chair Gail Hendrick. '
        "The clinic served 4,100 patients last year.",
    ),
    Article("c", "The county board voted to close the Eastgate clinic on Tuesday."),
]


def test_a_missing_duration_is_no_missing_figure_but_a_missing_count_is():
    alignment = align(CLOSURE)
    text = {p.id: p.members[0].text for p in alignment.passages}
    by_text = {text[o.passage]: o.kind for o in find_omissions(alignment) if o.outlet == "c"}
    assert any("eleven years" in t and k != "figure" for t, k in by_text.items())
    assert any("4,100 patients" in t and k == "figure" for t, k in by_text.items())


def test_conflicts_read_the_number_mentions():
    a = Article("a", "The fire destroyed 12 homes on Monday. The fire burned for eleven hours.")
    b = Article("b", "The fire destroyed about 40 homes on Monday. The fire burned for eleven hours.")
    alignment = align([a, b], threshold=0.4)
    conflicts = find_conflicts(alignment)  # eleven hours against eleven hours: no conflict
    assert [(c.kind, c.unit, [v.text for v in c.values]) for c in conflicts] == [
        ("number", "people", ["12 homes", "about 40 homes"])  # homes count people
    ]
    docs = {d.outlet: d for d in alignment.documents}
    for value in conflicts[0].values:
        assert any((m.start, m.end) == (value.start, value.end) for m in docs[value.outlet].numbers)


words = st.sampled_from(
    "the about nearly at least more than up to a an one of in out all $ % percent million thousand "
    "three twenty-five eleven years months homes residents March Oct. Monday through Friday 9 a.m. "
    '12 3,000 4.2 1998 2021 21st 1990s nine ten fifth quarter dozen thousands dozens many , . " ’'.split()
)
gaps = st.sampled_from([" ", "  ", "\n", "\n\n", ""])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(words, gaps), max_size=40), st.text(max_size=30))
def test_every_mention_points_into_the_text(parts, noise):
    text = "".join(w + g for w, g in parts) + noise
    doc = segment(Article("a", text))
    previous = -1
    for m in doc.numbers:
        assert isinstance(m, NumberMention)
        assert text[m.start : m.end] == m.text
        assert m.start <= m.at < m.end
        assert m.start >= previous  # in text order, never overlapping
        previous = m.end
        assert doc.sentence_at(m.at) is not None


def test_an_age_after_a_name_is_no_figure():
    """News style sets a person's age off by commas after the name ("Ann Lee, 58, said"): a span
    of years, not a count of anything, so a passage is not a figure for it."""
    from mediadiff.mentions import read_numbers
    from mediadiff.segment import tokenize

    [age] = read_numbers(tokenize("Ann Lee, 58, said the clinic was her lifeline."))
    assert (age.text, age.kind, age.unit, is_figure(age)) == ("58", "duration", "year", False)
    [people] = read_numbers(tokenize("In March, 58 people left the town."))
    assert (people.kind, people.unit, is_figure(people)) == ("count", "people", True)
