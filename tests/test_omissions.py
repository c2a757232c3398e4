"""Omissions: kinds, weights, the min_support rule, scores, order, the seed case and the ranking of kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediadiff.align import Alignment, Member, align, canonical_passages
from mediadiff.analysis.omissions import find_omissions, omission_scores, passage_kind
from mediadiff.document import Article
from mediadiff.errors import ParameterError
from mediadiff.segment import segment

SHARED = Path(__file__).resolve().parents[2] / "shared"
ROOT = Path(__file__).resolve().parents[1]


def build(texts: dict[str, str], groups: list[list[tuple[str, str]]]) -> Alignment:
    """An alignment made by hand: each group lists (outlet, exact substring) members."""
    docs = tuple(sorted((segment(Article(o, t)) for o, t in texts.items()), key=lambda d: d.outlet))
    by = {d.outlet: d for d in docs}
    members = []
    for g in groups:
        ms = []
        for outlet, needle in g:
            d = by[outlet]
            s = d.text.index(needle)
            sent = next(x.index for x in d.sentences if x.start <= s < x.end)
            ms.append(Member(s, s + len(needle), needle, outlet=outlet, sentence=sent))
        members.append(ms)
    n = len(docs)
    sim = tuple(tuple(1.0 if i == j else 0.5 for j in range(n)) for i in range(n))
    return Alignment(docs, canonical_passages(members, docs), sim)


TEXTS = {
    "a": "The plant leaked chemicals. The company denied any wrongdoing. Schools closed.",
    "b": "The plant leaked chemicals. The company denied any wrongdoing. Schools closed.",
    "c": "The plant leaked chemicals. Schools closed.",
    "d": "The plant leaked chemicals. “We will rebuild,” the mayor said.",
}


def corpus() -> Alignment:
    return build(
        TEXTS,
        [
            [(o, "The plant leaked chemicals.") for o in "abcd"],
            [("a", "The company denied any wrongdoing."), ("b", "The company denied any wrongdoing.")],
            [("a", "Schools closed."), ("b", "Schools closed."), ("c", "Schools closed.")],
            [("d", "“We will rebuild,” the mayor said.")],
        ],
    )


def test_kinds_response_quote_fact():
    text = "The firm denied the claims.\n\n“We are fine,” she said.\n\nRain fell."
    al = build(
        {"a": text, "b": text},
        [
            [("a", "The firm denied the claims."), ("b", "The firm denied the claims.")],
            [("a", "“We are fine,” she said."), ("b", "“We are fine,” she said.")],
            [("a", "Rain fell."), ("b", "Rain fell.")],
        ],
    )
    assert [passage_kind(al, p) for p in al.passages] == ["response", "quote", "fact"]


def test_quotation_continuing_a_reply_is_a_response():
    text = "Dr. Ann Lee disputed the audit. “Our costs are average,” she said.\n\n“We are fine and the ward stays open,” a nurse said."
    al = build(
        {"a": text, "b": text},
        [
            [("a", "“Our costs are average,” she said."), ("b", "“Our costs are average,” she said.")],
            [
                ("a", "“We are fine and the ward stays open,” a nurse said."),
                ("b", "“We are fine and the ward stays open,” a nurse said."),
            ],
        ],
    )
    assert [passage_kind(al, p) for p in al.passages] == ["response", "quote"]


def test_spokesperson_giving_a_figure_is_not_a_response():
    """A hospital spokeswoman giving a count is a figure, not a party's reply."""
    al = build(
        {
            "a": "Nine were treated, a hospital spokeswoman said.",
            "b": "Nine were treated, a hospital spokeswoman said.",
        },
        [
            [
                ("a", "Nine were treated, a hospital spokeswoman said."),
                ("b", "Nine were treated, a hospital spokeswoman said."),
            ]
        ],
    )
    assert passage_kind(al, al.passages[0]) == "figure"


def test_a_count_a_sum_or_a_share_is_a_figure_but_a_date_is_not():
    texts = {
        "a": "The audit found a $2 million gap. It ran from June 3 to May 2024. About 40% of beds closed. "
        "Dozens of workers left."
    }
    texts["b"] = texts["a"]
    sentences = [
        "The audit found a $2 million gap.",
        "It ran from June 3 to May 2024.",
        "About 40% of beds closed.",
        "Dozens of workers left.",
    ]
    al = build(texts, [[("a", s), ("b", s)] for s in sentences])
    assert [passage_kind(al, p) for p in al.passages] == ["figure", "fact", "figure", "figure"]


def test_a_figure_needs_two_carriers_when_two_or_more_carry_the_passage():
    """Regression: a passage was a figure when one of its two carriers gave a number the other
    told without one (or with none at all: a year, a lone "one")."""
    crowd, many = "Crowds filled the square.", "Thousands of people filled the square."
    vote, aide = "The vote came in the 2016 election.", "One aide left."
    texts = {"a": f"{crowd} {vote} {aide}", "b": f"{many} {vote} {aide}", "c": "Rain fell."}
    al = build(texts, [[("a", crowd), ("b", many)], [("a", vote), ("b", vote)], [("a", aide), ("b", aide)]])
    assert [passage_kind(al, p) for p in al.passages] == ["fact", "fact", "fact"]
    both = build({"a": many, "b": many, "c": "Rain fell."}, [[("a", many), ("b", many)]])
    assert [passage_kind(both, p) for p in both.passages] == ["figure"]
    alone = build({"a": many, "c": "Rain fell."}, [[("a", many)]])
    assert [passage_kind(alone, p) for p in alone.passages] == ["figure"]


def test_declined_to_comment_is_a_response_but_declined_cases_are_not():
    t = {
        "a": "The firm declined to comment. Prosecutors declined the case.",
        "b": "The firm declined to comment. Prosecutors declined the case.",
    }
    al = build(
        t,
        [
            [("a", "The firm declined to comment."), ("b", "The firm declined to comment.")],
            [("a", "Prosecutors declined the case."), ("b", "Prosecutors declined the case.")],
        ],
    )
    assert [passage_kind(al, p) for p in al.passages] == ["response", "fact"]


def test_a_quote_is_counted_by_outlets_not_by_members():
    """Two of three outlets quote the mayor; the third states it in three sentences: a quote."""
    quoted = "“The bridge stays shut until spring,” the mayor said."
    plain = "The bridge stays shut. It will reopen in spring. The mayor decided it."
    texts = {"a": quoted, "b": quoted, "c": plain}
    al = build(
        texts,
        [
            [
                ("a", quoted),
                ("b", quoted),
                ("c", "The bridge stays shut."),
                ("c", "It will reopen in spring."),
                ("c", "The mayor decided it."),
            ]
        ],
    )
    assert passage_kind(al, al.passages[0]) == "quote"


def test_a_reply_needs_half_the_carrying_outlets_to_frame_it_so():
    """One outlet's reply word in a sentence that others state as plain fact does not make a reply."""
    plain = "The tank held 9,000 gallons."
    framed = "The tank held 9,000 gallons, the company said in a statement."
    texts = {"a": plain, "b": plain, "c": framed, "d": framed}
    for carriers, kind in ((("a", "b", "c"), "figure"), (("a", "c", "d"), "response"), (("c",), "response")):
        al = build(texts, [[(o, texts[o]) for o in carriers]])
        assert passage_kind(al, al.passages[0]) == kind, carriers


def test_omissions_need_min_support_others():
    found = find_omissions(corpus())
    got = {(o.outlet, o.kind, o.carried_by) for o in found}
    # c and d omit the denial (carried by a and b); d omits "Schools closed" (a, b, c)
    assert got == {("c", "response", ("a", "b")), ("d", "response", ("a", "b")), ("d", "fact", ("a", "b", "c"))}
    # the mayor's quote is carried by d alone: nobody omits it at the default min_support=2
    assert not any(o.kind == "quote" for o in found)
    schools = next(p.id for p in corpus().passages if p.members[0].text == "Schools closed.")
    assert {(o.outlet, o.passage) for o in find_omissions(corpus(), min_support=3)} == {("d", schools)}


def test_weight_formula_and_response_weighs_more():
    found = {(o.outlet, o.kind): o for o in find_omissions(corpus(), voice_weight=0.0)}
    denial = found[("d", "response")]
    # share 2/3, carried at position 0.5 in a and b (prominence 0.5): 1.0 * 2/3 * (0.5 + 0.5 * 0.5)
    assert denial.weight == pytest.approx(2 / 3 * 0.75, abs=1e-6)
    schools = found[("d", "fact")]
    # share 3/3; position 1.0 in a, b and c (prominence 0): 0.5 * 1 * 0.5
    assert schools.weight == pytest.approx(0.25, abs=1e-6)
    assert denial.weight > schools.weight
    # with the default voice_weight (0.5), omissions that silence no source weigh half as much
    default = {(o.outlet, o.kind): o for o in find_omissions(corpus())}
    assert default[("d", "response")].weight == pytest.approx(2 / 3 * 0.75 * 0.5, abs=1e-6)
    assert default[("d", "fact")].silenced == () and default[("d", "fact")].weight == pytest.approx(0.125, abs=1e-6)
    assert all(0.0 <= o.weight <= 1.0 for o in found.values())
    assert "2 of the 3 other outlets" in denial.explanation


def test_canonical_order_and_determinism():
    found = find_omissions(corpus())
    order = {p.id: i for i, p in enumerate(corpus().passages)}
    assert found == sorted(found, key=lambda o: (o.outlet, order[o.passage]))
    assert found == find_omissions(corpus())


def test_scores():
    al = corpus()
    scores = omission_scores(al, find_omissions(al))
    assert scores["a"] == 0.0 and scores["b"] == 0.0
    assert 0.0 < scores["c"] < scores["d"] <= 1.0
    # d could have carried the shared lead (fact, share 3/3, prominence 1: 0.5), the denial (0.5) and
    # "Schools closed" (0.25); it left out the last two: 0.75 / 1.25
    assert scores["d"] == pytest.approx(0.6, abs=1e-6)


def test_bad_parameters():
    with pytest.raises(ParameterError, match="'min_support' parameter of find_omissions must be an int >= 1"):
        find_omissions(corpus(), min_support=0)
    with pytest.raises(ParameterError, match="response_weight"):
        find_omissions(corpus(), response_weight=1.5)
    with pytest.raises(ParameterError, match="'voice_weight' parameter of omission_scores must be a float"):
        omission_scores(corpus(), [], voice_weight=-0.1)
    for name in ("voice_weight", "prominence_weight", "paraphrase_floor", "paraphrase_ratio"):  # a bool is not a number
        with pytest.raises(ParameterError, match=name):
            find_omissions(corpus(), **{name: True})


VOICES = {
    "a": "The county will close the clinic. County Administrator Priya Raman said a shuttle would run. Rain fell.",
    # b: see voices(); c mentions Raman but never lets her speak; d cites her elsewhere; e never names her
    "c": "The county will close the clinic, a plan Raman pushed. Rain fell.",
    "d": "The county will close the clinic, Raman said. Rain fell.",
    "e": "The county will close the clinic. Rain fell.",
}


def voices(b_shuttle: str = "Raman said the county would run a shuttle.") -> Alignment:
    """The shuttle passage is carried by a and b (b's sentence given), the rest by everyone."""
    texts = dict(VOICES, b=f"The county will close the clinic. {b_shuttle} Rain fell.")
    return build(
        texts,
        [
            [(o, "The county will close the clinic") for o in "abcde"],
            [("a", "County Administrator Priya Raman said a shuttle would run."), ("b", b_shuttle)],
            [(o, "Rain fell.") for o in "abcde"],
        ],
    )


def test_an_omission_that_silences_a_source_weighs_twice_one_that_does_not():
    found = {o.outlet: o for o in find_omissions(voices()) if o.carried_by == ("a", "b")}
    # e never names Raman: leaving out the shuttle silences her
    assert found["e"].silenced == ("Raman",)
    assert found["e"].explanation.endswith("They cite Raman for it; e never names Raman.")
    # c names her (without letting her speak) and d cites her elsewhere: the same omission
    # silences nobody ("never names" would be false) and weighs half as much
    assert found["c"].silenced == () and found["d"].silenced == ()
    assert found["e"].weight == pytest.approx(2 * found["d"].weight, abs=1e-6)
    assert found["c"].weight == pytest.approx(found["d"].weight, abs=1e-6)
    # voice_weight=0 ignores sources
    flat = {o.outlet: o.weight for o in find_omissions(voices(), voice_weight=0.0) if o.carried_by == ("a", "b")}
    assert flat["c"] == flat["d"] == flat["e"]


def test_a_voice_needs_two_outlets_citing_it():
    assert all(o.silenced == () for o in find_omissions(voices("The county would run a shuttle.")))


def test_scores_count_silenced_sources_on_both_sides():
    al = voices()
    scores = omission_scores(al, find_omissions(al))
    assert scores["a"] == scores["b"] == 0.0
    # lead 0.5, shuttle 0.1875 (share 2/4, prominence 0.5), rain 0.25 (prominence 0), halved when
    # they silence nobody: e silences Raman by leaving out the shuttle: 0.1875 / (0.25 + 0.1875 + 0.125);
    # d cites Raman elsewhere: 0.09375 / (0.25 + 0.09375 + 0.125)
    assert scores["e"] == pytest.approx(1 / 3, abs=1e-6)
    assert scores["d"] == pytest.approx(0.2, abs=1e-6)


def test_a_carried_passage_is_weighed_by_the_other_outlets_sources():
    """The weight an outlet could have omitted is the one find_omissions would give it: a
    source that only this outlet and one other cite is not a voice of the passage for it."""
    texts = {
        "a": "The county will close the clinic. County Administrator Priya Raman said a shuttle would run.",
        "b": "The county will close the clinic. Raman said the county would run a shuttle. Rain fell.",
        "c": "The county will close the clinic. A shuttle will run. Rain fell.",
        "d": "The county will close the clinic. Rain fell.",
    }
    al = build(
        texts,
        [
            [(o, "The county will close the clinic.") for o in "abcd"],
            [
                ("a", "County Administrator Priya Raman said a shuttle would run."),
                ("b", "Raman said the county would run a shuttle."),
                ("c", "A shuttle will run."),
            ],
            [(o, "Rain fell.") for o in "bcd"],
        ],
    )
    # a omits the rain (0.125); it could have carried the lead (0.25), the shuttle (0.125: of b and c
    # only b cites Raman, so leaving it out would silence nobody) and the rain
    assert omission_scores(al, find_omissions(al))["a"] == pytest.approx(0.125 / 0.5, abs=1e-6)


def _seeds() -> Alignment:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds not present")
    return align([Article(p.stem, p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))])


def test_seed_outlet_004_omits_the_justice_department_response():
    al = _seeds()
    outlet = "004_629ffa57cfc0d820"
    mine = sorted((o for o in find_omissions(al) if o.outlet == outlet), key=lambda o: -o.weight)
    passages = {p.id: p for p in al.passages}
    top = mine[:3]
    hit = [o for o in top if any("numerous factual errors" in m.text for m in passages[o.passage].members)]
    assert hit, [passages[o.passage].members[0].text for o in top]
    assert hit[0].kind == "response"


def test_seed_single_carrier_fact_is_not_an_omission():
    al = _seeds()
    passages = {p.id: p for p in al.passages}
    found = find_omissions(al)
    assert found
    assert all(len(o.carried_by) >= 2 for o in found)
    single = [p for p in al.passages if p.support == 1]
    assert single and not any(o.passage == single[0].id for o in found)
    assert all(passages[o.passage].support >= 2 for o in found)


def test_a_missing_response_outranks_a_missing_figure_which_outranks_a_plain_fact() -> None:
    """Ranking as a media critic reads it: the accused side's reply first, then a figure, then
    the rest; placed alike and carried by the same outlets, only the kind decides."""
    text = "The firm denied any wrongdoing. The leak cost $2 million. The plant opened in spring."
    texts = {"a": text, "b": text, "c": "Rain fell."}
    al = build(
        texts,
        [
            [("a", s), ("b", s)]
            for s in ("The firm denied any wrongdoing.", "The leak cost $2 million.", "The plant opened in spring.")
        ],
    )
    found = find_omissions(al, prominence_weight=0.0, off_story_floor=None)
    assert [o.kind for o in sorted(found, key=lambda o: -o.weight)] == ["response", "figure", "fact"]


def test_an_outlet_as_close_to_a_passage_as_its_carriers_are_to_each_other_does_not_omit_it() -> None:
    """Closeness is also judged against the passage's own agreement: carriers that agree only
    loosely (0.2) do not make an outlet at 0.19 an omitter, while one at 0.05 still is."""
    import dataclasses

    from mediadiff.align import align
    from mediadiff.analysis.omissions import find_omissions
    from mediadiff.document import Article

    base = align(
        [
            Article("a", "The mayor resigned on Monday. Heavy rain flooded the river road."),
            Article("b", "The mayor resigned on Monday. Heavy rain flooded the river road."),
            Article("c", "Schools stay open. Heavy rain flooded the river road."),
        ]
    )
    [passage] = [p for p in base.passages if p.support == 2]
    loose = dataclasses.replace(base, agreement={**base.agreement, passage.id: 0.2})
    near = dataclasses.replace(loose, nearest={passage.id: {"c": 0.19}})
    far = dataclasses.replace(loose, nearest={passage.id: {"c": 0.05}})
    assert find_omissions(near) == []
    assert [o.outlet for o in find_omissions(far)] == ["c"]
    assert [o.outlet for o in find_omissions(near, paraphrase_ratio=None)] == ["c"]
    assert base.agreement[passage.id] > 0.9  # copies agree: the yardstick is their own score


def test_close_paraphrase_is_not_called_an_omission() -> None:
    """An outlet whose piece scores above the paraphrase floor against a passage carries it in
    other words (the aligner kept them apart): not an omission, unless the floor is switched off."""
    import dataclasses

    from mediadiff.align import align
    from mediadiff.analysis.omissions import find_omissions
    from mediadiff.document import Article

    base = align(
        [
            Article("a", "The mayor resigned on Monday. Heavy rain flooded the river road."),
            Article("b", "The mayor resigned on Monday. Heavy rain flooded the river road."),
            Article("c", "Schools stay open. Heavy rain flooded the river road."),
        ]
    )
    [passage] = [p for p in base.passages if p.support == 2]
    near = dataclasses.replace(base, nearest={passage.id: {"c": 0.35}})
    assert [(o.outlet, o.passage) for o in find_omissions(base)] == [("c", passage.id)]
    assert find_omissions(near) == []
    [kept] = find_omissions(near, paraphrase_floor=None)
    assert (kept.outlet, kept.closeness) == ("c", 0.35)
    assert [o.outlet for o in find_omissions(near, paraphrase_floor=0.5)] == ["c"]


def test_a_headline_that_reports_the_fact_carries_it() -> None:
    """An outlet whose headline reports the fact that other outlets' headlines and leads report
    carries it, even when its body never repeats it (the headline is content, as in the gold
    guide of the real stories): it is not said to omit it."""
    from mediadiff.align import align
    from mediadiff.analysis.omissions import find_omissions
    from mediadiff.document import Article

    def article(outlet: str, lines: list[str]) -> Article:
        return Article(outlet, "\n\n".join(lines) + "\n")

    result = align(
        [
            article(
                "a",
                [
                    "Bridge reopens after repairs",
                    "The Elm Street bridge reopened to traffic on Monday after six months of repairs.",
                    "The repairs cost $2 million.",
                ],
            ),
            article(
                "b",
                [
                    "Elm Street bridge reopens, council says",
                    "The council approved next year's budget on Tuesday.",
                    "Parking fees will rise in March.",
                ],
            ),
            article(
                "c",
                [
                    "Elm Street bridge open again",
                    "Traffic returned to the Elm Street bridge on Monday once six months of repair work ended.",
                    "The work cost $2 million.",
                ],
            ),
        ]
    )
    [reopening] = [p for p in result.passages if any("reopened to traffic" in m.text for m in p.members)]
    assert [m.text for m in reopening.members_of("b")] == ["Elm Street bridge reopens, council says"]
    assert ("b", reopening.id) not in {(o.outlet, o.passage) for o in find_omissions(result)}
    [cost] = [p for p in result.passages if any("cost $2 million" in m.text for m in p.members)]
    assert ("b", cost.id) in {(o.outlet, o.passage) for o in find_omissions(result)}


def test_three_outlets_and_min_support_three_report_nothing() -> None:
    """Only two outlets on the story lower the support an omission needs; three outlets with
    ``min_support=3`` cannot have one (two others is all there are)."""
    found = find_omissions(corpus(), min_support=3, off_story_floor=None)
    assert all(len(o.carried_by) >= 3 for o in found)
    three = build(
        {o: TEXTS[o] for o in "abc"},
        [
            [(o, "The plant leaked chemicals.") for o in "abc"],
            [("a", "The company denied any wrongdoing."), ("b", "The company denied any wrongdoing.")],
        ],
    )
    assert find_omissions(three, min_support=3, off_story_floor=None) == []
    assert [(o.outlet, o.consensus) for o in find_omissions(three, off_story_floor=None)] == [("c", True)]


def test_an_outlet_whose_article_holds_the_passages_core_words_is_not_said_to_omit_it() -> None:
    articles = [
        Article(
            "a",
            "Harbour fees rise.\n\nThe council approved the harbour levy by seven votes to two on Tuesday. "
            "Fishermen protested outside the hall.",
        ),
        Article(
            "b",
            "Harbour fees rise.\n\nFishermen protested outside the hall. The council approved the harbour "
            "levy by seven votes to two on Tuesday.",
        ),
        Article("c", "Harbour fees rise.\n\nFishermen protested outside the hall. Boats will pay more from June."),
    ]
    alignment = align(articles)
    # c holds one of the vote passage's core words ("harbour", in its headline): a share far below
    # the default ceiling, so the omission stands; a ceiling below that share takes it as told
    assert [(o.outlet, o.kind) for o in find_omissions(alignment)] == [("c", "figure")]
    assert find_omissions(alignment, coverage_ceiling=0.1) == []
    with pytest.raises(ParameterError, match="coverage_ceiling"):
        find_omissions(alignment, coverage_ceiling=1.5)


@pytest.mark.filterwarnings("ignore::mediadiff.errors.InputWarning")
def test_an_omission_carries_how_alike_its_carriers_are() -> None:
    """``agreement`` is the passage's Alignment.agreement: 1.0 for carriers that print the
    same sentence, and in the report, where the schema allows it."""
    from mediadiff import Article, align, compare
    from mediadiff.analysis.omissions import find_omissions

    same = "The mayor denied any wrongdoing in the contract award."
    articles = [
        Article("a", "The council approved the budget on Monday. " + same),
        Article("b", "The council approved the budget on Monday. " + same),
        Article("c", "On Monday the council approved its budget. Residents packed the hall."),
    ]
    alignment = align(articles)
    (omission,) = find_omissions(alignment)
    assert (omission.outlet, omission.kind) == ("c", "response")
    assert omission.agreement == alignment.agreement[omission.passage] == 1.0
    record = compare(articles).to_dict()["omissions"][0]
    assert record["agreement"] == 1.0


def test_a_passage_of_function_words_alone_is_no_omission() -> None:
    """“How are you?” states no fact: an outlet that leaves it out omits nothing, while the
    same outlets' missing fact next to it is still reported."""
    texts = {
        "a": "The mayor greeted the crowd. “How are you?” The council approved the levy.",
        "b": "The mayor greeted the crowd. “How are you?” The council approved the levy.",
        "c": "The mayor greeted the crowd.",
    }
    alignment = build(
        texts,
        [
            [
                ("a", "The mayor greeted the crowd."),
                ("b", "The mayor greeted the crowd."),
                ("c", "The mayor greeted the crowd."),
            ],
            [("a", "“How are you?”"), ("b", "“How are you?”")],
            [("a", "The council approved the levy."), ("b", "The council approved the levy.")],
        ],
    )
    omitted = find_omissions(alignment, coverage_ceiling=None)
    by_id = {p.id: p for p in alignment.passages}
    texts_omitted = [by_id[o.passage].members[0].text for o in omitted]
    assert texts_omitted == ["The council approved the levy."]


def test_a_passage_that_gives_only_a_figure_is_still_an_omission() -> None:
    """ "She was 92." holds no content word but a figure: leaving it out is an omission."""
    texts = {
        "a": "The mayor greeted the crowd. She was 92. The council approved the levy.",
        "b": "The mayor greeted the crowd. She was 92. The council approved the levy.",
        "c": "The mayor greeted the crowd. The council approved the levy.",
    }
    same = ["The mayor greeted the crowd.", "The council approved the levy."]
    alignment = build(texts, [[(o, t) for o in "abc"] for t in same] + [[("a", "She was 92."), ("b", "She was 92.")]])
    assert [(o.outlet, o.kind) for o in find_omissions(alignment, coverage_ceiling=None)] == [("c", "figure")]
