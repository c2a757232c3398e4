"""Placement: relative positions and buried/promoted passages."""

from __future__ import annotations

import pytest

from mediadiff.align import align
from mediadiff.analysis.placement import find_placement_shifts, placement
from mediadiff.document import Article
from mediadiff.errors import ParameterError

LEAD = "The company denied the claims."
OTHER = ["Rain fell all day.", "Traffic was slow downtown.", "A parade is planned."]
TAIL = "Tickets for the game sold out."


def corpus() -> list[Article]:
    top = " ".join([LEAD, *OTHER, TAIL])
    bottom = " ".join([TAIL, *OTHER, LEAD])
    return [Article("a", top), Article("b", top), Article("c", top), Article("d", bottom)]


def test_positions():
    al = align(corpus())
    pid = next(p.id for p in al.passages if p.members[0].text == LEAD)
    assert placement(al)[pid] == {"a": 0.0, "b": 0.0, "c": 0.0, "d": 1.0}


def test_buried_and_promoted():
    al = align(corpus())
    shifts = find_placement_shifts(al)
    buried = [s for s in shifts if s.kind == "buried"]
    assert [(s.outlet, s.position, s.others_position) for s in buried] == [("d", 1.0, 0.0)]
    promoted = [s for s in shifts if s.kind == "promoted"]
    assert [(s.outlet, s.position, s.others_position) for s in promoted] == [("d", 0.0, 1.0)]
    assert buried[0].explanation == (
        f"d places passage {buried[0].passage} 100% down its article while the others place it near the top (median 0%)."
    )


def test_outlet_order_does_not_matter():
    arts = corpus()
    assert find_placement_shifts(align(arts)) == find_placement_shifts(align(arts[::-1]))


def test_bad_parameters():
    with pytest.raises(ParameterError, match="'low' parameter of find_placement_shifts"):
        find_placement_shifts(align(corpus()), lead=0.5, low=0.4)


def test_a_headline_is_not_set_against_a_body_without_one():
    """Outlets a-c headline the resignation that all four bodies report fourth; d was pasted
    without its headline. Its body places the resignation like theirs: not buried."""
    body = " ".join([*OTHER, "The mayor resigned on Monday after the audit.", TAIL])
    headed = "Mayor resigns after audit\n\n" + body
    al = align([Article("a", headed), Article("b", headed), Article("c", headed), Article("d", body)])
    assert find_placement_shifts(al) == []
    pid = next(p.id for p in al.passages if any(m.text.startswith("The mayor resigned") for m in p.members))
    assert placement(al)[pid] == {"a": 0.0, "b": 0.0, "c": 0.0, "d": 0.75}  # the JSON keeps the headline's 0


def test_a_passage_an_outlet_headlines_is_its_lead():
    """d headlines the budget vote and repeats it in its last sentence: it leads with it."""
    vote = "The city council approved the new transit budget on Monday."
    lead = " ".join([vote, *OTHER, TAIL])
    d = "City council approves new transit budget\n\n" + " ".join([*OTHER, TAIL, vote])
    al = align([Article("a", lead), Article("b", lead), Article("c", lead), Article("d", d)])
    pid = next(p.id for p in al.passages if any(m.text == vote for m in p.members))
    assert placement(al)[pid]["d"] == 0.0
    assert [s for s in find_placement_shifts(al) if s.passage == pid] == []
