"""Wording shifts: every classification kind on small written examples, typography, spans, scores,
and the reference wording of passages that many outlets carry."""

from __future__ import annotations

import pytest
from _shared import bench_module

from mediadiff.align import Alignment, Member, canonical_passages
from mediadiff.analysis import wording
from mediadiff.analysis.wording import find_wording_shifts, wording_shift_scores
from mediadiff.document import Article
from mediadiff.errors import ParameterError
from mediadiff.segment import segment

BENCH = bench_module("bench_analysers")  # its all-pairs computations are the reference here


def pair(ref: str, other: str, third: str | None = None) -> Alignment:
    """One passage: outlets a and c carry ``ref`` (so it is the reference), b carries ``other``."""
    texts = {"a": ref, "b": other, "c": third if third is not None else ref}
    docs = tuple(segment(Article(o, t)) for o, t in sorted(texts.items()))
    members = [Member(0, len(d.text), d.text, outlet=d.outlet, sentence=0) for d in docs]
    return Alignment(docs, canonical_passages([members], docs), ((1.0,) * 3,) * 3)


def shifts(ref: str, other: str) -> list[tuple[str, str, str]]:
    return [(s.kind, s.text, s.reference_text) for s in find_wording_shifts(pair(ref, other)) if s.outlet == "b"]


@pytest.mark.parametrize(
    ("ref", "other", "expected"),
    [
        ("The mayor closed the bridge.", "The mayor shut the bridge.", [("substitution", "shut", "closed")]),
        (
            "The mayor closed the bridge.",
            "The mayor quietly closed the old bridge.",
            [("insertion", "quietly", ""), ("insertion", "old", "")],
        ),
        (
            "The mayor closed the old bridge on Main Street.",
            "The mayor closed the bridge on Main Street.",
            [("deletion", "", "old")],
        ),
        ("The mayor closed the bridge.", "The mayor reportedly closed the bridge.", [("hedging", "reportedly", "")]),
        ("Officials said the bridge was unsafe.", "The bridge was unsafe.", [("attribution", "", "Officials said")]),
        ("The state cut the budget.", "The state slashed the budget.", [("intensity", "slashed", "cut")]),
        ("The fire destroyed 12 homes.", "The fire destroyed 40 homes.", [("number", "40", "12")]),
        ("The fire destroyed twelve homes.", "The fire destroyed 12 homes.", []),
        ("Deputy Director Ann Lee spoke.", "Director Ann Lee spoke.", [("name_or_title", "", "Deputy")]),
        ("Ann Lee spoke at noon.", "Ann Leigh spoke at noon.", [("name_or_title", "Leigh", "Lee")]),
        # a speech verb for another is not an attribution added or removed
        (
            "Officials said the bridge was unsafe.",
            "Officials told us the bridge was unsafe.",
            [("substitution", "told us", "said")],
        ),
        (
            "Officials said the bridge was unsafe.",
            "Officials, telling reporters, called the bridge unsafe.",
            [("substitution", "telling reporters, called", "said")],
        ),  # "was" left out: function words only
        # a day is not a name; a title word inside a phrase does not make the phrase a title
        ("The mayor closed the bridge on Monday.", "The mayor closed the bridge.", [("deletion", "", "on Monday")]),
        (
            "The mayor closed the bridge.",
            "The mayor closed the bridge after a prosecutor arrived.",
            [("insertion", "after a prosecutor arrived", "")],
        ),
        # a rephrased stretch is a substitution unless a figure, a hedge or an attribution is on one side only
        (
            "Crews who came over from the United States arrived at the old bridge on the river.",
            "Crews hired quickly by two private companies arrived at the old bridge on the river.",
            [("substitution", "hired quickly by two private companies", "who came over from the United States")],
        ),
        (
            "The plant met the standards, inspectors wrote in March.",
            "The plant met the standards.",
            [("attribution", "", "inspectors wrote in March")],
        ),
    ],
)
def test_kinds(ref, other, expected):
    assert shifts(ref, other) == expected


def test_a_retelling_is_not_diffed_word_by_word():
    """Below ``min_ratio`` an outlet tells the passage in its own words: no word-level shifts,
    but its distance still counts in the score."""
    ref = "Sessions told prosecutors that they needed to take children away from parents."
    retold = "The attorney general then went further, pressing the border offices on separations."
    assert shifts(ref, retold) == []
    everything = [s for s in find_wording_shifts(pair(ref, retold), min_ratio=0.0) if s.outlet == "b"]
    assert everything and everything[0].text.startswith("The attorney general")
    assert wording_shift_scores(pair(ref, retold))["b"] > 0.5
    with pytest.raises(ParameterError, match="'min_ratio' parameter of find_wording_shifts"):
        find_wording_shifts(pair(ref, retold), min_ratio=1.5)


def test_a_change_stays_inside_one_member():
    """An outlet that states the passage in two places: no change spans the text between them
    (another passage's words), and each change points into one member."""
    texts = {
        "a": "The mayor closed the bridge on Monday. Rain fell all week.",
        "b": "The mayor closed the bridge. Rain fell all week. Traffic moved to the old ferry.",
        "c": "The mayor closed the bridge on Monday. Rain fell all week.",
    }
    docs = tuple(segment(Article(o, t)) for o, t in sorted(texts.items()))
    first = [
        Member(s.start, s.end, s.text, outlet=d.outlet, sentence=s.index)
        for d in docs
        for s in d.content_sentences
        if s.index != 1
    ]
    second = [
        Member(s.start, s.end, s.text, outlet=d.outlet, sentence=s.index)
        for d in docs
        for s in d.content_sentences
        if s.index == 1
    ]
    al = Alignment(docs, canonical_passages([first, second], docs), ((1.0,) * 3,) * 3)
    found = [w for w in find_wording_shifts(al, min_ratio=0.0) if w.outlet == "b"]
    own = {p.id: [m for m in p.members if m.outlet == "b"] for p in al.passages}
    assert found and all(any(m.start <= w.start and w.end <= m.end for m in own[w.passage]) for w in found)
    assert all("Rain" not in w.text for w in found)
    assert [(w.kind, w.text, w.reference_text) for w in found] == [
        ("deletion", "", "on Monday"),
        ("insertion", "Traffic moved to the old ferry", ""),
    ]
    assert found[0].start == texts["b"].index(". Rain")  # the words would end the first member


def test_may_the_month_is_not_a_hedge():
    assert shifts("In May the mayor closed the bridge.", "In April the mayor closed the bridge.")[0][0] != "hedging"


def test_typography_is_not_a_shift():
    assert shifts("“It’s over,” the mayor said — twice.", '"IT\'S over," the Mayor said - twice.') == []
    assert shifts("The U.S. Department of Justice said no.", "The US Department of Justice said no.") == []


def test_offsets_and_empty_spans():
    al = pair("Officials said the bridge was unsafe.", "The bridge was unsafe.")
    (s,) = find_wording_shifts(al)
    b, a = al.document("b").text, al.document("a").text
    assert (s.start, s.end, s.text) == (0, 0, "")
    assert a[s.reference_start : s.reference_end] == s.reference_text == "Officials said"
    assert b[s.start : s.end] == s.text and s.reference_outlet == "a" and s.direction == "removed"


def test_reference_is_the_majority_wording_and_order_is_canonical():
    al = pair("The fire destroyed 12 homes.", "The fire destroyed 40 homes.")
    found = find_wording_shifts(al)
    assert {s.reference_outlet for s in found} == {"a"} and {s.outlet for s in found} == {"b"}
    assert found == find_wording_shifts(al)


def test_scores():
    same = pair("The fire destroyed 12 homes.", "The fire destroyed 12 homes.")
    assert wording_shift_scores(same) == {"a": 0.0, "b": 0.0, "c": 0.0}
    diff = wording_shift_scores(pair("The fire destroyed 12 homes.", "A blaze razed a dozen houses."))
    assert diff["a"] == 0.0 and 0.0 < diff["b"] <= 1.0


# --------------------------------------------------------------------------------------------
# passages of many outlets


def passage(texts: dict[str, str]) -> Alignment:
    """One passage that every outlet of ``texts`` carries, whole."""
    docs = tuple(segment(Article(o, t)) for o, t in sorted(texts.items()))
    members = [Member(0, len(d.text), d.text, outlet=d.outlet, sentence=0) for d in docs]
    return Alignment(docs, canonical_passages([members], docs), ((1.0,) * len(docs),) * len(docs))


WIRE = "The fire destroyed 12 homes on Main Street late on Tuesday, officials said."
MANY = {
    **{f"o{i:02d}": WIRE.replace("destroyed", "damaged") for i in range(5)},  # smaller ids, a minority
    **{f"o{i:02d}": WIRE for i in range(5, 16)},  # the wire copy, most outlets
    "o16": WIRE.replace("12", "40"),
    "o17": WIRE.replace("late ", ""),
    "o18": WIRE.replace(", officials said", ""),
    "o19": "A blaze razed a dozen houses on Main Street on Tuesday.",
}


def test_reference_of_many_members_is_the_majority_wording():
    found = find_wording_shifts(passage(MANY))
    assert {s.reference_outlet for s in found} == {"o05"}  # the smallest id of the wire copies
    assert {s.outlet for s in found} == {f"o{i:02d}" for i in (*range(5), 16, 17, 18, 19)}
    assert [(s.kind, s.text, s.reference_text) for s in found if s.outlet == "o00"] == [
        ("intensity", "damaged", "destroyed")
    ]
    assert [(s.kind, s.text, s.reference_text) for s in found if s.outlet == "o16"] == [("number", "40", "12")]


def test_many_members_diffed_as_in_a_small_passage():
    # above EXACT_REFERENCE_LIMIT members only the choice of the reference changes: each outlet's
    # shifts and score are those it gets beside the reference and one more wire copy
    assert len(MANY) > wording.EXACT_REFERENCE_LIMIT
    big = passage(MANY)
    found, scores = find_wording_shifts(big), wording_shift_scores(big)
    for outlet, text in MANY.items():
        small = passage({"o05": WIRE, "o06": WIRE, outlet: text})
        assert [s for s in found if s.outlet == outlet] == [s for s in find_wording_shifts(small) if s.outlet == outlet]
        assert scores[outlet] == wording_shift_scores(small)[outlet]
    assert scores["o19"] > scores["o00"] > scores["o05"] == 0.0


def test_order_of_many_outlets_does_not_matter():
    renamed = {f"x{99 - int(o[1:]):02d}": t for o, t in MANY.items()}  # ids in the opposite order
    found = find_wording_shifts(passage(renamed))
    assert {s.reference_outlet for s in found} == {"x84"}  # now the smallest id of the wire copies is o15's
    assert len(found) == len(find_wording_shifts(passage(MANY)))


def test_attribution_shifts_read_the_attribution_layer() -> None:
    """Words given to another source are an attribution change; a word that only looks like a
    cue ("read" a statement) is not an attribution."""
    from mediadiff.align import align
    from mediadiff.analysis.wording import find_wording_shifts
    from mediadiff.document import Article

    base = "The bridge will close for six weeks of repairs, Mayor Ana Ruiz said on Monday."
    other = "The bridge will close for six weeks of repairs, Governor Tom Hale said on Monday."
    a = align([Article("a", base), Article("b", base), Article("c", other)])
    [shift] = [s for s in find_wording_shifts(a) if s.outlet == "c"]
    assert (shift.kind, shift.direction) == ("attribution", "changed")
    assert "Ruiz" in shift.reference_text and "Hale" in shift.text
    said = "The council approved the plan on Monday, the clerk said at the meeting."
    read = "The council approved the plan on Monday, the clerk read at the meeting."
    a = align([Article("a", said), Article("b", said), Article("c", read)])
    assert [s.kind for s in find_wording_shifts(a) if s.outlet == "c"] != ["attribution"]


# --------------------------------------------------------------------------------------------
# issue 20: trivial changes are not listed; the rest are weighed by substance


@pytest.mark.parametrize(
    ("ref", "other"),
    [
        # function words alone
        ("The mayor closed the bridge by the river.", "A mayor closed a bridge on the river."),
        ("We think the mayor closed the bridge.", "Think the mayor closed the bridge."),
        # the same letters spaced or hyphenated otherwise
        ("The city adopted a zero tolerance policy on litter.", "The city adopted a zero-tolerance policy on litter."),
        # a dateline
        (
            "The mayor closed the old bridge on Tuesday.",
            "PORTLAND, Maine (AP) — The mayor closed the old bridge on Tuesday.",
        ),
        (
            "SPRINGFIELD, Ill. — The mayor closed the old bridge on Tuesday.",
            "The mayor closed the old bridge on Tuesday.",
        ),
        # words only moved within the passage
        ("On Tuesday the mayor closed the old bridge.", "The mayor closed the old bridge on Tuesday."),
    ],
)
def test_trivial_changes_are_not_listed(ref, other):
    assert shifts(ref, other) == []


def test_a_capitalised_opening_without_capitals_or_agency_is_not_a_dateline():
    found = shifts(
        "The mayor closed the old bridge on Tuesday.", "Harbor crews — The mayor closed the old bridge on Tuesday."
    )
    assert found == [("insertion", "Harbor crews", "")]


def test_negations_and_quantifiers_are_not_function_words():
    assert shifts("The audit found the plan worked.", "The audit found the plan never worked.") == [
        ("insertion", "never", "")
    ]
    assert shifts("Parents were told to wait.", "All parents were told to wait.") == [("insertion", "All", "")]
    (w,) = [s for s in find_wording_shifts(pair("The plan did work.", "The plan did not work.")) if s.outlet == "b"]
    assert w.weight == 0.55


def weighed(ref: str, other: str) -> list[tuple[str, float]]:
    return [(s.kind, s.weight) for s in find_wording_shifts(pair(ref, other)) if s.outlet == "b"]


def test_weights_rank_substance_first():
    assert weighed("The fire destroyed 12 homes.", "The fire destroyed 40 homes.") == [("number", 1.0)]
    assert weighed("Officials said the bridge was unsafe.", "The bridge was unsafe.") == [("attribution", 0.85)]
    assert weighed("The mayor closed the bridge.", "The mayor reportedly closed the bridge.") == [("hedging", 0.8)]
    assert weighed("Deputy Director Ann Lee spoke.", "Director Ann Lee spoke.") == [("name_or_title", 0.7)]
    assert weighed("Ann Lee spoke at noon.", "Ann Leigh spoke at noon.") == [("name_or_title", 0.7)]
    assert weighed("The state cut the budget.", "The state slashed the budget.") == [("intensity", 0.6)]
    assert weighed("The mayor closed the bridge.", "The mayor shut the bridge.") == [("substitution", 0.2)]
    # a clause of other words weighs more than one word, but less than any telling kind
    [(kind, w)] = weighed(
        "The mayor closed the bridge.", "The mayor, facing angry commuters and a lawsuit, closed the bridge."
    )
    assert kind == "insertion" and 0.2 < w <= 0.4


def test_another_source_weighs_more_than_the_same_source_reworded():
    from mediadiff.align import align

    base = "The bridge will close for six weeks of repairs, Mayor Ana Ruiz said on Monday."
    other = "The bridge will close for six weeks of repairs, Governor Tom Hale said on Monday."
    a = align([Article("a", base), Article("b", base), Article("c", other)])
    assert [(s.kind, s.weight) for s in find_wording_shifts(a) if s.outlet == "c"] == [("attribution", 0.9)]
    base = "A city spokeswoman said the bridge will close for six weeks of repairs."
    other = "A city spokesperson said the bridge will close for six weeks of repairs."
    a = align([Article("a", base), Article("b", base), Article("c", other)])
    assert all(s.weight <= 0.45 for s in find_wording_shifts(a) if s.outlet == "c")


def test_shift_weight_is_in_the_unit_interval():
    from mediadiff.segment import tokenize

    for kind in (
        "number",
        "attribution",
        "hedging",
        "name_or_title",
        "intensity",
        "substitution",
        "insertion",
        "deletion",
    ):
        for direction in ("added", "removed", "changed"):
            w = wording.shift_weight(
                kind,
                direction,
                tokenize("the long old bridge over the river"),
                tokenize("a short new bridge across the water at last"),
            )
            assert 0.0 <= w <= 1.0


def test_seeds_list_fewer_shifts_and_none_trivial():
    """On the five seed articles (../shared, skipped when absent): fewer shifts than the 123 the
    issue counted, none of function words alone or of the same letters, heaviest first in the
    reports."""
    import warnings

    from _shared import seed_paths

    import mediadiff

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c = mediadiff.compare(mediadiff.load([str(p) for p in seed_paths()]))
    found = c.wording_shifts
    assert 0 < len(found) < 123
    docs = {d.outlet: d for d in c.documents}
    for s in found:
        words = [w.lower().strip(".,;:“”\"'’") for w in (s.text + " " + s.reference_text).split()]
        assert not all(w in wording.FUNCTION_WORDS for w in words if w), s
        assert (
            s.text.replace("-", "").replace(" ", "").lower()
            != s.reference_text.replace("-", "").replace(" ", "").lower()
        )
        assert docs[s.outlet].text[s.start : s.end] == s.text
    from mediadiff.analysis import finding_kinds

    [kind] = [k for k in finding_kinds() if k.name == "wording_shifts"]
    top = kind.order(c.to_dict()["wording_shifts"])[:10]  # the reports' order: heaviest first
    assert [s["weight"] for s in top] == sorted((s.weight for s in found), reverse=True)[:10]
    assert all(s["kind"] not in ("substitution", "insertion", "deletion") for s in top)
