"""Tests of mediadiff.align: passages across outlets, invariants, seed cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediadiff.align import Alignment, align
from mediadiff.document import Article
from mediadiff.errors import ParameterError

SHARED = Path(__file__).resolve().parents[2] / "shared"
STORIES = Path(__file__).resolve().parents[1] / "mediadiff" / "data" / "stories"

FACTS = [
    "The county board voted on Tuesday to close the Riverside library branch in June.",
    "The branch lent 48,000 books last year, more than any other branch in the county.",
    "Librarian Ana Ortiz said the closure would leave children without a quiet place to study.",
    "The county plans to open a mobile library van that will visit the neighbourhood twice a week.",
]

# the same four facts, reordered and paraphrased by a second outlet
PARAPHRASE = [
    "A mobile library van will visit the neighbourhood twice a week, the county says.",
    "Riverside's library branch will close in June after a county board vote on Tuesday.",
    "Children will have no quiet place to study once the branch closes, librarian Ana Ortiz said.",
    "Last year the branch lent 48,000 books, the most of any county branch.",
]


def _article(outlet: str, sentences: list[str]) -> Article:
    return Article(outlet=outlet, text="\n\n".join(sentences) + "\n")


def _passage_of(result: Alignment, outlet: str, needle: str):
    text = result.document(outlet).text
    at = text.index(needle)
    found = [p for p in result.passages for m in p.members_of(outlet) if m.start <= at < m.end]
    assert len(found) == 1, f"{needle!r} of {outlet} is in {len(found)} passages"
    return found[0]


def _content_chars(result: Alignment, outlet: str) -> set[int]:
    doc = result.document(outlet)
    return {i for s in doc.content_sentences for i in range(s.start, s.end) if not doc.text[i].isspace()}


def _assert_conserved(result: Alignment) -> None:
    for outlet in result.outlets:
        doc = result.document(outlet)
        members = sorted((m for p in result.passages for m in p.members_of(outlet)), key=lambda m: m.start)
        for a, b in zip(members, members[1:], strict=False):
            assert a.end <= b.start, f"members of {outlet} overlap: {a} {b}"
        covered = {i for m in members for i in range(m.start, m.end) if not doc.text[i].isspace()}
        assert covered == _content_chars(result, outlet)
        for m in members:
            assert doc.text[m.start : m.end] == m.text
            assert doc.sentences[m.sentence].contains(m)


def _signature(result: Alignment):
    return [(p.id, tuple((m.outlet, m.start, m.end, m.sentence) for m in p.members)) for p in result.passages]


def test_transposed_paraphrases_pair_up_fact_by_fact():
    result = align([_article("a", FACTS), _article("b", PARAPHRASE)])
    pairs = [(FACTS[0], PARAPHRASE[1]), (FACTS[1], PARAPHRASE[3]), (FACTS[2], PARAPHRASE[2]), (FACTS[3], PARAPHRASE[0])]
    for left, right in pairs:
        assert _passage_of(result, "a", left[:30]) is _passage_of(result, "b", right[:30])
    assert len({p.id for p in result.passages}) == 4
    _assert_conserved(result)


def test_merged_sentence_is_cut_into_clauses_that_align_separately():
    merged = [
        "The county board voted on Tuesday to close the Riverside library branch in June, "
        "while the county plans a mobile library van that will visit the neighbourhood twice a week.",
        FACTS[1],
    ]
    result = align([_article("a", FACTS), _article("b", merged)])
    close = _passage_of(result, "b", "The county board voted")
    van = _passage_of(result, "b", "while the county plans")
    assert close is not van
    assert close is _passage_of(result, "a", FACTS[0][:30])
    assert van is _passage_of(result, "a", FACTS[3][:30])
    _assert_conserved(result)


def test_near_copy_outlet_matches_every_sentence():
    copy = [s.replace("Tuesday", "Tuesday night").replace("said", "says") for s in FACTS]
    result = align([_article("wire", FACTS), _article("copy", copy), _article("para", PARAPHRASE)])
    for sentence in FACTS:
        p = _passage_of(result, "wire", sentence[:30])
        assert {"wire", "copy"} <= set(p.outlets)


def test_a_fact_that_one_outlet_alone_reports_is_a_passage_of_support_one():
    extra = "A bake sale on Saturday raised 900 dollars for new shelving."
    result = align([_article("a", [*FACTS, extra]), _article("b", PARAPHRASE)])
    p = _passage_of(result, "a", "A bake sale")
    assert p.support == 1 and p.outlets == ("a",)
    _assert_conserved(result)


def test_two_facts_on_one_topic_with_similar_words_stay_apart():
    a = [
        "The operator said the dam met every safety standard in force when it was built.",
        "A state inspection in March found that the dam met only two of nine safety standards.",
    ]
    b = [
        "State inspectors found in March that the dam met just two of nine standards.",
        "The operator insists the dam met every safety standard that applied at the time.",
    ]
    result = align([_article("a", a), _article("b", b)])
    claim = _passage_of(result, "a", "The operator said")
    inspection = _passage_of(result, "a", "A state inspection")
    assert claim is not inspection
    assert claim is _passage_of(result, "b", "The operator insists")
    assert inspection is _passage_of(result, "b", "State inspectors")


def test_similarity_matrix_is_symmetric_in_unit_range():
    result = align(
        [_article("a", FACTS), _article("b", PARAPHRASE), _article("c", ["An unrelated note about weather."])]
    )
    sim = result.similarity
    assert len(sim) == 3 and all(len(row) == 3 for row in sim)
    for i in range(3):
        assert sim[i][i] == 1.0
        for j in range(3):
            assert 0.0 <= sim[i][j] <= 1.0
            assert sim[i][j] == pytest.approx(sim[j][i])
    assert sim[0][1] > 0.9 and sim[0][2] == 0.0


def test_determinism():
    articles = [_article("a", FACTS), _article("b", PARAPHRASE)]
    assert _signature(align(articles)) == _signature(align(articles))


@settings(max_examples=15, deadline=None)
@given(st.permutations(range(4)))
def test_outlet_order_does_not_change_the_passages(order):
    outlets = [
        _article("wire", FACTS),
        _article("para", PARAPHRASE),
        _article("short", FACTS[:2]),
        _article("mix", [PARAPHRASE[2], FACTS[3], "An extra remark that nobody else makes about parking."]),
    ]
    expected = _signature(align(outlets))
    assert _signature(align([outlets[i] for i in order])) == expected


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.sampled_from(FACTS + PARAPHRASE + ["Short one.", "“A quote, with commas,” she said: “and more; here.”"]),
        min_size=1,
        max_size=6,
    ),
    st.lists(st.sampled_from(FACTS + PARAPHRASE), min_size=0, max_size=4),
)
def test_every_piece_of_content_is_in_exactly_one_passage(left, right):
    result = align([_article("left", left), _article("right", right or ["Nothing here."])])
    _assert_conserved(result)


def test_bundled_story_conservation_and_multi_member_passages():
    story = STORIES / "kestrel_leak"
    if not story.is_dir():
        pytest.skip("bundled story kestrel_leak not present")
    articles = [Article(outlet=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(story.glob("*.txt"))]
    result = align(articles)
    _assert_conserved(result)
    assert max(p.support for p in result.passages) == len(articles)


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("threshold", 0),
        ("threshold", 1.5),
        ("context", 1.0),
        ("neighbors", 0),
        ("word_weight", -1),
        ("clauses", "yes"),
        ("linkage", "single"),
    ],
)
def test_bad_parameters_are_rejected_with_the_parameter_named(option, value):
    with pytest.raises(ParameterError, match=f"'{option}' parameter of align"):
        align([_article("a", FACTS)], **{option: value})


def test_all_weights_zero_is_rejected():
    with pytest.raises(ParameterError):
        align([_article("a", FACTS)], word_weight=0.0, char_weight=0.0, anchor_weight=0.0)


def _seeds():
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds not present")
    return [Article(outlet=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))]


@pytest.mark.parametrize(("needle", "outlets"), [("take away children", 5), ("numerous factual errors", 4)])
def test_seed_renderings_of_one_quote_share_one_passage(needle, outlets):
    result = align(_seeds())
    found = {p.id: p for p in result.passages for m in p.members if needle in m.text}
    assert len(found) == 1, f"{needle!r} is spread over {sorted(found)}"
    assert next(iter(found.values())).support == outlets


def test_outlets_without_any_content_word_align_without_error():
    # regression: an empty TF-IDF vocabulary used to raise ValueError
    result = align([Article("a", "And so it is."), Article("b", "It is so.")])
    _assert_conserved(result)
    assert all(p.support == 1 for p in result.passages)


# two outlets that disagree on every figure of the same facts
FIGURES_A = [
    "The factory will shut its gates on June 30.",
    "The company said 240 workers will lose their jobs.",
    "A bake sale raised money for the school band.",
]
FIGURES_B = [
    "About 300 employees are losing their jobs, a union leader said.",
    "The factory gates close for good on July 1.",
    "The school band held a bake sale.",
]


def test_regression_differing_figures_in_one_slot_link_the_same_fact():
    # "June 30" / "July 1" and "240 workers" / "300 employees" used to count only as mismatched
    # anchors; the kind of figure (a date, a count of tens or hundreds) is now shared evidence
    # (that the slots are what links them: tests/test_align_internals.py)
    result = align([_article("a", FIGURES_A), _article("b", FIGURES_B)])
    assert _passage_of(result, "a", "The factory will shut") is _passage_of(result, "b", "The factory gates")
    assert _passage_of(result, "a", "The company said") is _passage_of(result, "b", "About 300 employees")
    _assert_conserved(result)


STATEMENT_A = [
    "The county board voted on Tuesday to close the Riverside library branch in June.",
    "Librarian Ana Ortiz criticised the decision.",
    '"The decision takes away the one quiet room these children have," she said.',
    "The county plans to open a mobile library van that will visit twice a week.",
]
STATEMENT_B = [
    "Riverside's library branch will close in June after a county board vote on Tuesday.",
    "Ana Ortiz, the branch librarian, criticised the decision.",
    '"The decision takes away the one quiet room these children have," she said.',
    "A mobile library van will visit the neighbourhood twice a week, the county says.",
]
STATEMENT_C = [
    "The Riverside branch closes in June, the county board decided on Tuesday.",
    "Librarian Ana Ortiz said the decision was wrong.",
    "The county says a mobile library van will come by twice a week.",
]


def test_a_quotation_that_restates_the_statement_before_it_joins_its_passage():
    articles = [_article("a", STATEMENT_A), _article("b", STATEMENT_B), _article("c", STATEMENT_C)]
    result = align(articles)
    statement = _passage_of(result, "c", "Librarian Ana Ortiz said")
    assert _passage_of(result, "a", '"The decision takes') is statement
    assert _passage_of(result, "b", '"The decision takes') is statement
    apart = align(articles, attach_quotes=False)
    assert _passage_of(apart, "a", '"The decision takes') is not _passage_of(apart, "c", "Librarian Ana Ortiz said")
    _assert_conserved(result)


def test_a_quotation_that_does_not_restate_the_statement_before_it_stays_apart():
    a = [*STATEMENT_A[:2], '"I have worked here for nineteen years," she said.', STATEMENT_A[3]]
    b = [*STATEMENT_B[:2], '"I have worked here for nineteen years," she said.', STATEMENT_B[3]]
    result = align([_article("a", a), _article("b", b), _article("c", STATEMENT_C)])
    quote = _passage_of(result, "a", '"I have worked')
    assert quote is _passage_of(result, "b", '"I have worked')
    assert quote is not _passage_of(result, "c", "Librarian Ana Ortiz said")


def test_a_headline_shares_the_passage_of_the_body_fact_it_announces():
    a = ["Riverside library branch to close", "", *FACTS]
    b = ["County shuts Riverside library branch", "", *PARAPHRASE]
    result = align([_article("a", a), _article("b", b)])
    vote = _passage_of(result, "a", FACTS[0][:30])
    assert _passage_of(result, "a", "Riverside library branch to close") is vote
    assert _passage_of(result, "b", "County shuts Riverside") is vote
    _assert_conserved(result)


def test_headlines_that_share_story_names_join_their_own_body_facts():
    """Two headlines share "Flood in Harbor City" and little else with each other; each
    announces a different fact of its own body. The grouping alone pairs the two headlines;
    ``headline_threshold`` sends each to the passage of the body fact it names."""
    a = [
        "Flood in Harbor City shuts schools",
        "",
        "All 14 public schools in the district were closed on Monday because of flooding.",
        "About 2,300 homes lost electricity when a substation near the river was submerged.",
        "The mayor asked residents to stay off the roads until the water recedes.",
    ]
    b = [
        "Flood in Harbor City knocks out power",
        "",
        "A submerged substation knocked out power to roughly 2,300 households on Monday.",
        "Officials closed the district's 14 public schools for the day.",
        "Residents were told to avoid driving until the floodwater goes down, the mayor said.",
    ]
    articles = [_article("a", a), _article("b", b)]
    result = align(articles)
    assert _passage_of(result, "a", "Flood in Harbor City shuts") is _passage_of(result, "a", "All 14 public schools")
    assert _passage_of(result, "b", "Flood in Harbor City knocks") is _passage_of(result, "b", "A submerged substation")
    assert _passage_of(result, "a", "All 14 public schools") is _passage_of(result, "b", "Officials closed")
    _assert_conserved(result)
    apart = align(articles, headline_threshold=None)
    assert _passage_of(apart, "a", "Flood in Harbor City shuts") is _passage_of(
        apart, "b", "Flood in Harbor City knocks"
    )
    with pytest.raises(ParameterError, match="headline_threshold"):
        align(articles, headline_threshold=1.5)


def _sawmill_story(together: int) -> list[Article]:
    """Five outlets report a fire and the warehouses it destroyed; the first ``together`` of
    them in one sentence ("..., destroying two warehouses"), the others in two sentences."""
    filler = [
        "The council will meet again next month to discuss the budget.",
        "A new bridge over the river is planned for 2027.",
    ]
    joined = [
        "A fire broke out at the Dunmore sawmill on Sunday night, destroying two warehouses full of timber.",
        "Fire broke out at the Dunmore sawmill late on Sunday, destroying two timber warehouses.",
        "A Sunday night fire at the Dunmore sawmill spread quickly, destroying two warehouses.",
    ]
    split = [
        ["The fire broke out at the Dunmore sawmill on Sunday night.", "Two warehouses full of timber were destroyed."],
        ["Fire broke out at the Dunmore sawmill late on Sunday.", "It destroyed two timber warehouses."],
        ["A Sunday night fire at the Dunmore sawmill spread quickly.", "It destroyed two warehouses."],
        [
            "Two warehouses full of timber burned to the ground.",
            "The blaze started at the Dunmore sawmill on Sunday night.",
        ],
        ["Two warehouses were lost.", "Firefighters said the fire began at the Dunmore sawmill on Sunday."],
    ]
    bodies = [[joined[k]] if k < together else split[k] for k in range(5)]
    return [_article(chr(ord("a") + k), [*body, filler[k % 2]]) for k, body in enumerate(bodies)]


def test_pieces_that_most_outlets_keep_in_one_sentence_share_a_passage():
    """Three of five outlets state the fire and the destroyed warehouses in one sentence: the
    clause cut splits them, and ``cohesion`` puts them back into one passage. With two outlets
    only, the two facts stay apart (they may be two facts that two outlets happen to join)."""
    three = _sawmill_story(3)
    result = align(three)
    fire = _passage_of(result, "d", "The blaze started")
    assert _passage_of(result, "d", "Two warehouses full of timber") is fire
    assert _passage_of(result, "a", "destroying two warehouses") is fire
    assert len(fire.outlets) == 5
    _assert_conserved(result)
    apart = align(three, cohesion=None)
    assert _passage_of(apart, "d", "The blaze started") is not _passage_of(apart, "d", "Two warehouses full of timber")
    two = align(_sawmill_story(2))
    assert _passage_of(two, "a", "A fire broke out") is not _passage_of(two, "a", "destroying two warehouses")
    with pytest.raises(ParameterError, match="cohesion"):
        align(three, cohesion=0)


def test_outlet_linkage_keeps_conservation_and_order_invariance():
    articles = [_article("a", FACTS), _article("b", PARAPHRASE), _article("c", [FACTS[0], PARAPHRASE[0], FACTS[2]])]
    result = align(articles, linkage="outlet")
    _assert_conserved(result)
    assert align(articles[::-1], linkage="outlet").passages == result.passages


def test_two_partial_views_of_one_fact_join_when_no_outlet_is_in_both():
    """Wire copies and two paraphrases of one fact: the mean over all their pairs is low (one
    paraphrase shares few words with the wire), but the best pair is strong and no outlet is in
    both groups, so ``complement_threshold`` joins them; without it they stay apart."""
    filler = [
        "The city council will meet again next month to discuss the budget.",
        "A new bridge over the river is planned for 2027.",
        "Schools in the north district stayed open all week.",
    ]
    wire = "The storm knocked out power to 40,000 homes across the valley on Sunday night, the utility said."
    articles = [
        _article("a", [wire, *filler]),
        _article("b", [wire, *filler[:2]]),
        _article("c", ["Some 40,000 homes in the valley lost electricity when the gale hit.", *filler[1:]]),
        _article("d", ["Households lost electricity when the gale hit, leaving many in the dark.", filler[0]]),
    ]

    def storm(result: Alignment) -> list[tuple[str, ...]]:
        return [p.outlets for p in result.passages if any(w in p.members[0].text for w in ("storm", "gale"))]

    assert storm(align(articles)) == [("a", "b", "c", "d")]
    assert storm(align(articles, complement_threshold=None)) == [("a", "b"), ("c", "d")]
    with pytest.raises(ParameterError, match="complement_threshold"):
        align(articles, complement_threshold=0)
