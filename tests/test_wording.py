"""Wording shifts: every classification kind on small written examples, typography, spans, scores."""

from __future__ import annotations

import pytest

from mediadiff.align import Alignment, Member, canonical_passages
from mediadiff.analysis.wording import find_wording_shifts, wording_shift_scores
from mediadiff.document import Article
from mediadiff.segment import segment


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
        ("The mayor closed the bridge.", "The mayor quietly closed the old bridge.",
         [("insertion", "quietly", ""), ("insertion", "old", "")]),
        ("The mayor closed the old bridge on Main Street.", "The mayor closed the bridge on Main Street.",
         [("deletion", "", "old")]),
        ("The mayor closed the bridge.", "The mayor reportedly closed the bridge.", [("hedging", "reportedly", "")]),
        ("Officials said the bridge was unsafe.", "The bridge was unsafe.", [("attribution", "", "Officials said")]),
        ("The state cut the budget.", "The state slashed the budget.", [("intensity", "slashed", "cut")]),
        ("The fire destroyed 12 homes.", "The fire destroyed 40 homes.", [("number", "40", "12")]),
        ("The fire destroyed twelve homes.", "The fire destroyed 12 homes.", []),
        ("Deputy Director Ann Lee spoke.", "Director Ann Lee spoke.", [("name_or_title", "", "Deputy")]),
        ("Ann Lee spoke at noon.", "Ann Leigh spoke at noon.", [("name_or_title", "Leigh", "Lee")]),
    ],
)
def test_kinds(ref, other, expected):
    assert shifts(ref, other) == expected


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
    assert a[s.reference_start:s.reference_end] == s.reference_text == "Officials said"
    assert b[s.start:s.end] == s.text and s.reference == "a" and s.direction == "removed"


def test_reference_is_the_majority_wording_and_order_is_canonical():
    al = pair("The fire destroyed 12 homes.", "The fire destroyed 40 homes.")
    found = find_wording_shifts(al)
    assert {s.reference for s in found} == {"a"} and {s.outlet for s in found} == {"b"}
    assert found == find_wording_shifts(al)


def test_scores():
    same = pair("The fire destroyed 12 homes.", "The fire destroyed 12 homes.")
    assert wording_shift_scores(same) == {"a": 0.0, "b": 0.0, "c": 0.0}
    diff = wording_shift_scores(pair("The fire destroyed 12 homes.", "A blaze razed a dozen houses."))
    assert diff["a"] == 0.0 and 0.0 < diff["b"] <= 1.0
