"""Conflicts: every kind on small written examples, normalisation and qualifiers."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediadiff.align import Alignment, Member, canonical_passages
from mediadiff.analysis.conflicts import find_conflicts
from mediadiff.document import Article
from mediadiff.errors import InputWarning
from mediadiff.segment import segment

ROOT = Path(__file__).resolve().parents[1]


def passage(*texts: str) -> Alignment:
    """One passage whose members are the whole one-sentence texts of outlets a, b, c..."""
    docs = tuple(segment(Article(chr(97 + i), t)) for i, t in enumerate(texts))
    members = [Member(0, len(d.text), d.text, outlet=d.outlet, sentence=0) for d in docs]
    n = len(docs)
    return Alignment(docs, canonical_passages([members], docs), ((1.0,) * n,) * n)


def conflicts(*texts: str) -> list[tuple[str, list[str]]]:
    return [(c.kind, [v.text for v in c.values]) for c in find_conflicts(passage(*texts))]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (
            ("It forced the evacuation of 312 residents.", "About 400 people were moved out."),
            [("number", ["312 residents", "About 400 people"])],
        ),
        (
            ("Kestrel paid a $4.2 million penalty.", "Kestrel agreed to pay $4 million."),
            [("money", ["$4.2 million", "$4 million"])],
        ),
        (("Staff was cut by 18 percent.", "Staff was cut by a quarter."), [("percent", ["18 percent", "a quarter"])]),
        (("The tank failed on March 11.", "On March 12, the tank burst."), [("date", ["March 11", "March 12"])]),
        (
            ("It separated nearly 3,000 children.", "It separated thousands of families."),
            [("vagueness", ["nearly 3,000 children", "thousands of families"])],
        ),
        (
            ("Dana Whitcombe, deputy director of the agency, spoke.", "Director Dana Whitcombe spoke."),
            [("title", ["deputy director", "Director"])],
        ),
        (
            ("Officer Dana Whitcombe spoke.", "Officer Dana Whitcomb spoke."),
            [("name", ["Officer Dana Whitcombe", "Officer Dana Whitcomb"])],
        ),
        # a surname and the same with an "s" are two spellings (a plural is no person's name)
        (("Officer Dana Edward spoke.", "Officer Dana Edwards spoke."), [("name", ["Dana Edward", "Dana Edwards"])]),
        # a short name that shares letters with a longer one is no contraction of it
        (
            (
                "The storm hit Ames on Monday and crews worked all night.",
                "The storm hit Amherst on Monday and crews worked all night.",
            ),
            [("name", ["Ames", "Amherst"])],
        ),
        # a share written as a ratio is a percentage
        (
            ("About 70 percent of the patients are uninsured.", "Nine in ten of the patients are uninsured."),
            [("percent", ["About 70 percent", "Nine in ten"])],
        ),
        (
            ("One out of four voters stayed home.", "Ten percent of voters stayed home."),
            [("percent", ["One out of four", "Ten percent"])],
        ),
        # a capitalised word inside a title belongs to it; the rank word makes it another job
        (
            ("County Administrator Priya Raman said so.", "Deputy County Administrator Priya Raman said so."),
            [("title", ["County Administrator", "Deputy County Administrator"])],
        ),
    ],
)
def test_kinds(texts, expected):
    got = conflicts(*texts)
    assert [(k, [t.removeprefix("Officer ") for t in v]) for k, v in got] == [
        (k, [t.removeprefix("Officer ") for t in v]) for k, v in expected
    ]


@pytest.mark.parametrize(
    "texts",
    [
        ("Fourteen people were treated.", "14 people were treated.", "At least 14 people were treated."),
        ("Staff shrank by nearly a fifth.", "Staff shrank by 18 percent."),
        ("It told nearly 3,100 households.", "It told roughly 3,100 homes.", "It told 3,100 households."),
        ("It spilled 9,000 gallons.", "It spilled nine thousand gallons."),
        ("Mara J. Keller, the deputy attorney general, spoke.", "Deputy Mara Keller spoke."),
        ("Schools closed Wednesday and Thursday.", "Schools closed Wednesday."),
        ("One in five voters stayed home.", "About 20 percent of voters stayed home."),
        ("The plant hired 3 in 2021.", "The plant hired 3 people in 2021."),
        ("DEP Director Dana Whitcombe spoke.", "Director Dana Whitcombe spoke."),
        # an initialism is the words it spells; an abbreviated title the word it begins
        ("Harbor Safety Board Chair Dana Whitcombe spoke.", "HSB Chair Dana Whitcombe spoke."),
        ("Office of Water Quality Director Rhea Lund spoke.", "OWQ Director Rhea Lund spoke."),
        ("The plan of former Oregon Gov. Pell Ansgar won.", "The plan of Pell Ansgar, the former governor, won."),
        ("Chief Executive Officer Rhea Lund spoke.", "CEO Rhea Lund spoke."),
        # a schedule of weekdays is not the day something happened
        ("It is open Monday through Saturday.", "Sunday hours are new."),
        # places and institutions are not people with different first names
        ("The Harrow Central Library reopens.", "The Central Library reopens."),
        # a surname and its plural are one word, not two spellings
        (
            "The Ohio Democrat said the vote on the levy was close.",
            "The Ohio Democrats said the vote on the levy was close.",
        ),
        ("Rhea Lund met the Ohio Democrat at noon.", "Rhea Lund met the Ohio Democrats at noon."),
    ],
)
def test_agreeing_values_are_not_conflicts(texts):
    assert conflicts(*texts) == []


def test_values_point_into_the_texts():
    al = passage("It forced the evacuation of 312 residents.", "About 400 people were moved out.")
    (c,) = find_conflicts(al)
    for v in c.values:
        assert al.document(v.outlet).text[v.start : v.end] == v.text
    assert [v.value for v in c.values] == [312.0, 400.0]
    assert c.values[1].qualifier == "about" and c.values[1].low == pytest.approx(340.0)


def test_time_prefixed_title_is_the_same_job() -> None:
    """Regression: "Then-Deputy Attorney General" was read as "Attorney General" and clashed."""
    from mediadiff.align import align
    from mediadiff.analysis.conflicts import find_conflicts
    from mediadiff.document import Article

    a = Article("a", "Then-Deputy Attorney General Mara Keller told prosecutors to go on with the cases.")
    b = Article("b", "Former Deputy Attorney General Mara Keller told prosecutors to go on with the cases.")
    c = Article("c", "Attorney General Mara Keller told prosecutors to go on with the cases.")
    assert [x.kind for x in find_conflicts(align([a, b]))] == []
    assert [x.kind for x in find_conflicts(align([a, c]))] == ["title"]


def test_open_range_has_no_upper_bound_and_reaches_the_report() -> None:
    """Regression: "at least 300" carried high=inf, which the JSON writer refuses."""
    import warnings

    from mediadiff import compare
    from mediadiff.document import Article

    a = Article(
        "a", "Officials said at least 300 residents were evacuated from the riverside district on Monday night."
    )
    b = Article("b", "Officials said 250 residents were evacuated from the riverside district on Monday night.")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        comparison = compare([a, b])
    report = comparison.to_dict()  # must not raise
    values = [v for c in report["conflicts"] for v in c["values"]]
    assert {v["outlet"]: v["high"] for v in values} == {"a": None, "b": 250}


def _two_passages(first: list[str], second: list[str], closeness: float) -> Alignment:
    """Outlets a, b, ... with one sentence each: the first ``len(first)`` in one passage, the
    rest in another, each outlet of one passage ``closeness`` from the other passage."""
    texts = [*first, *second]
    docs = tuple(segment(Article(chr(97 + i), t)) for i, t in enumerate(texts))
    members = [Member(0, len(d.text), d.text, outlet=d.outlet, sentence=0) for d in docs]
    passages = canonical_passages([members[: len(first)], members[len(first) :]], docs)
    nearest = {p.id: {d.outlet: closeness for d in docs if d.outlet not in p.outlets} for p in passages}
    n = len(docs)
    return Alignment(docs, passages, ((1.0,) * n,) * n, nearest=nearest)


def test_a_count_in_a_close_passage_of_other_outlets_conflicts_with_related_passage() -> None:
    al = _two_passages(
        ["The closure will cost the county 38 jobs.", "Its 38 jobs will go when it closes."],
        ["The clinic will shut and will eliminate about 45 jobs."],
        0.18,
    )
    (c,) = find_conflicts(al)
    assert (c.kind, [v.text for v in c.values]) == ("number", ["38 jobs", "38 jobs", "about 45 jobs"])
    main = next(p for p in al.passages if p.support == 2)
    other = next(p for p in al.passages if p.support == 1)
    assert (c.passage, c.related) == (main.id, (other.id,))
    # below the floor, or turned off, the two passages are not compared
    assert find_conflicts(al, related_floor=0.2) == []
    assert find_conflicts(al, related_floor=None) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # money, percentages and counts of people are too common a unit to compare across passages
        (["The project cost $14 million.", "It cost $14 million."], ["Donors gave $3 million."]),
        (["Turnout was 60 percent.", "Turnout reached 60 percent."], ["About 20 percent voted early."]),
        (["Fourteen people were treated.", "14 people were treated."], ["312 people were evacuated."]),
    ],
)
def test_common_units_are_not_compared_across_passages(first, second) -> None:
    assert find_conflicts(_two_passages(first, second, 0.5)) == []


def test_a_conflict_lists_every_outlet_that_repeats_a_figure_in_other_words() -> None:
    """ "38 jobs" against "about 45 jobs" is also "38 employees" and "All 38 of the nurses":
    an outlet is not left out of a conflict for naming what it counts differently."""
    got = conflicts(
        "The closure costs 38 jobs.",
        "Its 38 employees will be laid off.",
        "All 38 of its nurses and clerks lose their jobs.",
        "It will eliminate about 45 jobs.",
    )
    assert got == [("number", ["38 jobs", "38 employees", "All 38", "about 45 jobs"])]


def test_two_slots_that_join_each_other_make_one_conflict() -> None:
    got = conflicts("It cut 38 jobs.", "It cut 45 jobs.", "Its 38 employees go.", "Its 45 employees go.")
    assert got == [("number", ["38 jobs", "45 jobs", "38 employees", "45 employees"])]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # small numbers in another unit meet by chance: "Two hospitals" is not the count of workers
        (
            ("Two workers were hurt.", "Three workers were hurt.", "Two hospitals took them."),
            [("number", ["Two workers", "Three workers"])],
        ),
        # an outlet with a (vague) figure of its own in the slot is not joined by another unit
        (
            ("It cut 38 jobs.", "It cut 45 jobs.", "Thousands of jobs, 38 employees."),
            [("number", ["38 jobs", "45 jobs"]), ("vagueness", ["38 jobs", "45 jobs", "Thousands of jobs"])],
        ),
    ],
)
def test_what_does_not_join_a_conflict(texts, expected) -> None:
    assert conflicts(*texts) == expected


@pytest.mark.parametrize(
    "texts",
    [
        # a partitive count names no unit: it never opens a conflict of its own
        ("All 38 of the nurses lose their jobs.", "All 40 of the nurses lose their jobs."),
        # a figure in another unit that repeats neither side stays out of the conflict
        ("It cut 38 jobs.", "It cut 45 jobs.", "It has 12 clinics."),
    ],
)
def test_partitive_and_other_unit_counts_open_no_conflict(texts) -> None:
    assert [k for k, v in conflicts(*texts) if "clinics" in " ".join(v) or "All" in " ".join(v)] == []


def test_passages_that_share_an_outlet_are_not_compared() -> None:
    docs = tuple(
        segment(Article(o, t)) for o, t in [("a", "It cut 38 jobs. It later added 45 jobs."), ("b", "It cut 38 jobs.")]
    )
    a, b = docs
    first = [Member(0, 15, a.text[:15], outlet="a", sentence=0), Member(0, 15, b.text, outlet="b", sentence=0)]
    second = [Member(16, len(a.text), a.text[16:], outlet="a", sentence=1)]
    passages = canonical_passages([first, second], docs)
    nearest = {p.id: {"b": 0.9} for p in passages if "b" not in p.outlets}
    assert find_conflicts(Alignment(docs, passages, ((1.0, 1.0), (1.0, 1.0)), nearest=nearest)) == []


def test_related_floor_is_checked() -> None:
    from mediadiff.errors import ParameterError

    with pytest.raises(ParameterError, match="related_floor"):
        find_conflicts(passage("It cut 38 jobs.", "It cut 45 jobs."), related_floor=0)


def test_a_person_whose_surname_is_also_a_place_word_keeps_the_name_check() -> None:
    """ "Park" and "Hall" are surnames too: a misspelt first name is still a conflict."""
    assert conflicts("Officer Jin Park spoke.", "Officer Jim Park spoke.") == [("name", ["Jin Park", "Jim Park"])]


# issue 20: a place name changed inside an aligned passage is a conflict; a longer form of a name is not


def _three(a: str, b: str, c: str):
    from mediadiff.align import align
    from mediadiff.document import Article

    return align([Article("a", a), Article("b", b), Article("c", c)])


def test_a_place_name_changed_in_the_same_words_is_a_conflict():
    same = "The storm flooded a shelter in Norfolk on Tuesday, and volunteers moved 40 families to a school gym."
    other = same.replace("Norfolk", "Norwalk")
    found = [c for c in find_conflicts(_three(same, same, other)) if c.kind == "name"]
    assert [(c.unit, [(v.outlet, v.text) for v in c.values]) for c in found] == [
        ("norfolk", [("a", "Norfolk"), ("b", "Norfolk"), ("c", "Norwalk")])
    ]
    assert all(_three(same, same, other).document(v.outlet).text[v.start : v.end] == v.text for v in found[0].values)


def test_a_name_word_and_its_written_contraction_are_one_name():
    """House style writes "Ft. Myers" where another outlet writes "Fort Myers": the same place,
    no conflict; another name in the same slot still is one."""
    same = "The ad will air in Miami, Tampa and Fort Myers this week, and the group has paid for two weeks of airtime."
    short = same.replace("Fort", "Ft.")
    assert [c for c in find_conflicts(_three(same, same, short)) if c.kind == "name"] == []
    other = same.replace("Tampa", "Orlando")
    assert [c.unit for c in find_conflicts(_three(same, same, other)) if c.kind == "name"] == ["orlando"]


def test_a_longer_form_of_the_same_name_is_not_a_conflict():
    short = (
        "Sgt. Dana Whitcombe of the Marine Corps Reserve said the convoy left the base at dawn with 12 trucks of water."
    )
    long = (
        "Sgt. Dana Whitcombe of the United States Marine Corps Reserve said the convoy left the base at dawn "
        "with 12 trucks of water."
    )
    assert find_conflicts(_three(short, short, long)) == []


def test_a_name_said_elsewhere_in_the_passage_is_moved_not_changed():
    a = "Crews from Salem reached Lynn by noon and cleared the main road before the evening rush."
    b = "Crews from Lynn reached Salem by noon and cleared the main road before the evening rush."
    assert [c for c in find_conflicts(_three(a, a, b)) if c.kind == "name"] == []


def test_titles_of_two_people_in_one_passage_are_not_compared():
    """Regression: "Lund, Senator Marrow" gave Lund the senator's title, which then clashed with
    Lund's own title in another outlet."""
    a = "Backers like Rhea Lund, Senator Ilse Marrow and others came to the rally on Friday."
    b = "Backers like Rhea Lund, the mayor, and others came to the rally on Friday."
    assert [c for c in conflicts(a, b) if c[0] == "title"] == []


def test_one_surname_with_other_first_names_is_two_people_with_their_own_titles():
    """Two people of one surname: the title of one is not compared with the other's, and an
    outlet that names both agrees with one that names one of them."""
    assert [k for k, _ in conflicts("Judge Tomas Lund spoke on Friday.", "Mayor Rhea Lund spoke on Friday.")] == [
        "name"  # other first names, not other titles
    ]
    a = "Mayor Rhea Lund and her brother Tomas Lund, a judge, spoke on Friday."
    assert conflicts(a, "Mayor Rhea Lund spoke on Friday.") == []
    assert [k for k, _ in conflicts(a, "Commissioner Rhea Lund spoke on Friday.")] == ["title"]
    assert [k for k, _ in conflicts(a, "Mayor Lund spoke on Friday.")] == []


def test_an_initialism_that_spells_other_words_is_another_title():
    assert [
        k for k, _ in conflicts("HSB Chair Dana Whitcombe spoke.", "Harbor Police Board Chair Dana Whitcombe spoke.")
    ] == ["title"]


def test_a_conflict_carries_how_alike_its_passages_carriers_are() -> None:
    """``agreement`` is the passage's Alignment.agreement, rounded, and reaches report.json."""
    same = "The storm flooded a shelter in Norfolk on Tuesday, and volunteers moved 40 families to a school gym."
    alignment = _three(same, same, same.replace("40", "55"))
    (conflict,) = find_conflicts(alignment)
    assert conflict.agreement == round(alignment.agreement[conflict.passage], 6)
    assert 0.4 < conflict.agreement <= 1.0
    from mediadiff import compare

    with pytest.warns(InputWarning):
        report = compare(alignment.documents).to_dict()
    assert report["conflicts"][0]["agreement"] == conflict.agreement
