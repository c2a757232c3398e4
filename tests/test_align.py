"""Tests of mediadiff.align: passages across outlets, invariants, seed cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediadiff.align import Alignment, align
from mediadiff.document import Article
from mediadiff.errors import ParameterError
from mediadiff.segment import segment

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


def test_slot_terms_keep_the_kind_of_figure_not_its_value():
    from mediadiff._similarity import slot_terms
    from mediadiff.segment import tokenize

    assert slot_terms(tokenize("Its 38 employees will go on June 30")) == ["#count1", "#date"]
    assert slot_terms(tokenize("about 45 jobs by July 1")) == ["#count1", "#date"]
    assert slot_terms(tokenize("a $11.8 million gap")) == slot_terms(tokenize("nearly $12 million")) == ["#money7"]
    assert slot_terms(tokenize("thousands of homes")) == slot_terms(tokenize("3,100 homes")) == ["#count3"]
    assert slot_terms(tokenize("opened in 1998 at 9 a.m. with 12% more")) == ["#year", "#time", "#pct"]


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


def test_regression_differing_figures_in_one_slot_link_the_same_fact(monkeypatch):
    # "June 30" / "July 1" and "240 workers" / "300 employees" used to count only as mismatched
    # anchors; the kind of figure (a date, a count of tens or hundreds) is now shared evidence
    result = align([_article("a", FIGURES_A), _article("b", FIGURES_B)])
    assert _passage_of(result, "a", "The factory will shut") is _passage_of(result, "b", "The factory gates")
    assert _passage_of(result, "a", "The company said") is _passage_of(result, "b", "About 300 employees")
    _assert_conserved(result)
    import mediadiff._similarity as similarity

    monkeypatch.setattr(similarity, "slot_terms", lambda tokens: [])
    without = align([_article("a", FIGURES_A), _article("b", FIGURES_B)])
    assert _passage_of(without, "a", "The company said") is not _passage_of(without, "b", "About 300 employees")


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


def _reference_grouping(pieces, edges, full, *, threshold, repeat_threshold, linkage):
    """Greedy linkage the slow way: every linkage recomputed from its definition at every step."""
    from mediadiff._linkage import may_join

    score = {}
    for i, j, s in zip(*edges, strict=True):
        score[(i, j)] = score[(j, i)] = s
    outlet = [p.outlet for p in pieces]

    def value(c, d):
        if linkage == "average":
            pairs = [(p, q) for p in c for q in d if outlet[p] != outlet[q]]
            known = [score[pq] for pq in pairs if pq in score]
            missing = sum(1 for p, q in pairs if (p, q) not in score and full[p] and full[q])
            return sum(known) / (len(known) + missing) if known else 0.0
        full_of = [{outlet[p] for p in g} - {outlet[p] for p in g if not full[p]} for g in (c, d)]
        best = {}
        for p in c:
            for q in d:
                if (p, q) in score:
                    key = frozenset((outlet[p], outlet[q]))
                    best[key] = max(best.get(key, 0.0), score[(p, q)])
        pairs = {frozenset((a, b)) for a in {outlet[p] for p in c} for b in {outlet[q] for q in d} if a != b}
        missing = sum(
            1
            for key in pairs - set(best)
            if any(a in full_of[0] and b in full_of[1] for a, b in (tuple(key), tuple(key)[::-1]))
        )
        return sum(best.values()) / (len(best) + missing) if best else 0.0

    groups = [(i,) for i in range(len(pieces))]
    refused = set()
    while True:
        options = [
            (value(c, d), c, d)
            for x, c in enumerate(groups)
            for d in groups[x + 1 :]
            if frozenset((c, d)) not in refused
        ]
        options = [o for o in options if o[0] >= threshold]
        if not options:
            return sorted(sorted(g) for g in groups)
        link, c, d = max(options)
        if not may_join(c, d, pieces, link, repeat_threshold):
            refused.add(frozenset((c, d)))
            continue
        groups = [g for g in groups if g not in (c, d)] + [tuple(sorted(c + d))]


@pytest.mark.parametrize("linkage", ["average", "outlet"])
@pytest.mark.parametrize("seed", range(12))
def test_grouping_is_exact_greedy_linkage(linkage, seed):
    # the heap with lazy re-scoring must merge exactly what the textbook greedy loop merges
    import random

    import numpy as np

    from mediadiff._linkage import Piece, group_pieces

    rng = random.Random(seed)
    n = 14
    pieces = [
        Piece(rng.randrange(4), rng.randrange(5), 0, 1, quoted=rng.random() < 0.3, headline=False) for _ in range(n)
    ]
    pairs = sorted(
        {
            (i, j)
            for i in range(n)
            for j in range(i + 1, n)
            if pieces[i].outlet != pieces[j].outlet and rng.random() < 0.5
        }
    )
    ii = np.array([i for i, _ in pairs], dtype=np.int64)
    jj = np.array([j for _, j in pairs], dtype=np.int64)
    ss = np.array([rng.random() for _ in pairs])
    full = [rng.random() < 0.6 for _ in range(n)]
    options = {"threshold": 0.3, "repeat_threshold": 0.5, "linkage": linkage}
    got = sorted(sorted(g) for g in group_pieces(pieces, (ii, jj, ss), full, **options))
    expected = _reference_grouping(pieces, (ii.tolist(), jj.tolist(), ss.tolist()), full, **options)
    assert got == expected
    assert any(len(g) > 2 for g in got)  # the case exercises merges of merged clusters


def test_outlet_linkage_keeps_conservation_and_order_invariance():
    articles = [_article("a", FACTS), _article("b", PARAPHRASE), _article("c", [FACTS[0], PARAPHRASE[0], FACTS[2]])]
    result = align(articles, linkage="outlet")
    _assert_conserved(result)
    assert align(articles[::-1], linkage="outlet").passages == result.passages


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (
            "The plant served 4,000 homes last year, most of them on the east side of town.",
            ["The plant served 4,000 homes last year,", "most of them on the east side of town."],
        ),
        (
            "The lone vote against came from Councillor Ruth Abara, who said the budget cut would close two schools in the north of the county.",
            [
                "The lone vote against came from Councillor Ruth Abara,",
                "who said the budget cut would close two schools in the north of the county.",
            ],
        ),
        (
            "The renovation brought new windows and a roof, along with a lift and a ramp at the back door.",
            ["The renovation brought new windows and a roof,", "along with a lift and a ramp at the back door."],
        ),
        (
            "The river flooded the lower town, which lost power for two days.",
            ["The river flooded the lower town,", "which lost power for two days."],
        ),
        # a bare "and a"/"and an" adds a new item to a list; "and the" continues a known one
        (
            "The second floor has 40 computers, a dozen study rooms and a workshop with two laser cutters.",
            ["The second floor has 40 computers, a dozen study rooms", "and a workshop with two laser cutters."],
        ),
        (
            "The storm flooded the harbour and the old market square near the ferry terminal.",
            ["The storm flooded the harbour and the old market square near the ferry terminal."],
        ),
        # no clause cue: an apposition and a quantifier without "of" stay in one piece
        (
            "Dr. Ana Ruiz, the hospital's medical director, disputed the audit.",
            ["Dr. Ana Ruiz, the hospital's medical director, disputed the audit."],
        ),
        (
            "The storm closed the coast road, most bridges and both ferry lines on Monday.",
            ["The storm closed the coast road, most bridges and both ferry lines on Monday."],
        ),
        # a headline (no closing punctuation) is cut before "with" and "and" that join two
        # announcements, unless a side would have fewer than two content words
        (
            "Museum reopens Friday with free entry and a new dinosaur hall",
            ["Museum reopens Friday", "with free entry", "and a new dinosaur hall"],
        ),
        ("Fire and rain hit the coast", ["Fire and rain hit the coast"]),
        # an attribution stays with the clause it attributes
        (
            "The county will run a shuttle twice a day, the administrator said.",
            ["The county will run a shuttle twice a day, the administrator said."],
        ),
    ],
)
def test_clause_cues_cut_a_sentence_into_pieces(text, pieces):
    from mediadiff._clauses import cut_sentence

    doc = segment(Article("a", text))
    (sentence,) = doc.sentences
    assert [text[a:b] for a, b in cut_sentence(sentence, doc.quotations)] == pieces


def test_a_headline_and_between_two_names_of_the_article_is_no_cut():
    from mediadiff._clauses import capitalised_words, cut_sentence

    text = (
        "Mayor Ann Ruiz and Tom Hale Cleared by Audit\n\n"
        "An audit cleared Mayor Ann Ruiz and her deputy, Tom Hale, of wrongdoing. Hale thanked the auditors."
    )
    doc = segment(Article("a", text))
    head = doc.sentences[0]
    names = capitalised_words([doc])
    assert {"ruiz", "tom"} <= names and "cleared" not in names
    assert [text[a:b] for a, b in cut_sentence(head, doc.quotations, names=names)] == [head.text]
    # without the article's names the headline's "and" is cut as before
    assert len(cut_sentence(head, doc.quotations)) == 2


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


def _candidates_of_the_full_product(features, outlets, neighbors, floor, word_weight, anchor_weight):
    """The candidate search written plainly: every piece against every piece (a reference)."""
    import numpy as np
    from scipy import sparse

    x = sparse.hstack([features.words * word_weight**0.5, features.anchors * anchor_weight**0.5], format="csr")
    prod = (x @ x.T).toarray()
    grp = np.asarray(outlets)
    pairs, truncated = set(), np.zeros(len(grp), dtype=bool)
    for i in range(len(grp)):
        cols = [j for j in range(len(grp)) if grp[j] != grp[i] and prod[i, j] >= floor]
        if len(cols) > neighbors:
            truncated[i] = True
            cols = sorted(cols, key=lambda j: (-prod[i, j], j))[:neighbors]
        pairs |= {(min(i, j), max(i, j)) for j in cols}
    ordered = sorted(pairs)
    return np.array([p[0] for p in ordered]), np.array([p[1] for p in ordered]), truncated


@pytest.mark.parametrize("story", ["copies", "kestrel_leak", "library_reopening"])
def test_copies_are_worked_once_with_the_same_candidates_and_scores(story):
    """Wire copies give equal feature rows: candidates come from the product of distinct rows and
    pair_scores scores each distinct pair once; both give what the plain computation gives."""
    import dataclasses

    import numpy as np

    from mediadiff._linkage import cut_pieces
    from mediadiff._similarity import candidate_pairs, pair_scores
    from mediadiff.align import _score, as_documents
    from mediadiff.examples import load_example

    if story == "copies":
        articles = [_article(f"o{k}", FACTS[:3] if k % 2 else PARAPHRASE[:3]) for k in range(6)]
    else:
        articles = load_example(story)
    docs = as_documents(articles)
    pieces, owners = cut_pieces(docs, clauses=True, min_clause_words=3)
    options = {
        "context": 0.3,
        "word_weight": 0.45,
        "char_weight": 0.25,
        "anchor_weight": 0.15,
        "near_copy": 0.6,
        "neighbors": 40,
        "threshold": 0.2,
        "quote_weight": 0.5,
    }
    (ii, jj, _), _, features = _score(docs, pieces, owners, **options)
    if story == "copies":
        assert len(set(features.distinct.tolist())) < len(pieces)  # the copies share a number
    weights = {k: options[k] for k in ("word_weight", "char_weight", "anchor_weight", "quote_weight")}
    plain = dataclasses.replace(features, distinct=None)
    for a, b in ((ii, jj), (jj, ii)):  # both orders of every pair
        once, chars_once = pair_scores(features, a, b, **weights)
        each, chars_each = pair_scores(plain, a, b, **weights)
        assert np.array_equal(once, each) and np.array_equal(chars_once, chars_each)
    outlets = [p.outlet for p in pieces]
    for neighbors in (40, 2):
        got = candidate_pairs(features, outlets, neighbors=neighbors, floor=0.05, word_weight=0.5, anchor_weight=0.2)
        ref = _candidates_of_the_full_product(features, outlets, neighbors, 0.05, 0.5, 0.2)
        assert all(np.array_equal(a, b) for a, b in zip(got, ref, strict=True))
    assert got[2].any()  # with two neighbours some pieces were truncated
