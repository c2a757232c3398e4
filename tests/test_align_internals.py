"""Engine-level tests of the aligner: slot terms, the clustering engine, clause cutting and the
candidate search, checked against plain reference computations.

This is one of the (at most three) test files allowed to import private names (issue 18): what
it checks is how ``mediadiff.align`` works inside, which no user sees directly. The behaviour
these internals protect is tested through the public API in tests/test_align.py; when the
aligner's inside is reorganised, this file is the one to follow it.
"""

from __future__ import annotations

import pytest
from test_align import FACTS, FIGURES_A, FIGURES_B, PARAPHRASE, _article, _passage_of

from mediadiff.align import align
from mediadiff.document import Article
from mediadiff.segment import segment


def test_slot_terms_keep_the_kind_of_figure_not_its_value():
    from mediadiff._similarity import slot_terms
    from mediadiff.segment import tokenize

    assert slot_terms(tokenize("Its 38 employees will go on June 30")) == ["#count1", "#date"]
    assert slot_terms(tokenize("about 45 jobs by July 1")) == ["#count1", "#date"]
    assert slot_terms(tokenize("a $11.8 million gap")) == slot_terms(tokenize("nearly $12 million")) == ["#money7"]
    assert slot_terms(tokenize("thousands of homes")) == slot_terms(tokenize("3,100 homes")) == ["#count3"]
    assert slot_terms(tokenize("opened in 1998 at 9 a.m. with 12% more")) == ["#year", "#time", "#pct"]


def test_without_slot_terms_differing_figures_in_one_slot_stay_apart(monkeypatch):
    # the other half of test_align's regression test: the figures' slots are what links
    # "240 workers" and "About 300 employees"; without them the two facts stay apart
    import mediadiff._similarity as similarity

    monkeypatch.setattr(similarity, "slot_terms", lambda *args, **kwargs: [])
    without = align([_article("a", FIGURES_A), _article("b", FIGURES_B)])
    assert _passage_of(without, "a", "The company said") is not _passage_of(without, "b", "About 300 employees")


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
    from mediadiff._scoring import score_pieces
    from mediadiff._similarity import candidate_pairs, pair_scores
    from mediadiff.align import as_documents
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
    (ii, jj, _), _, features = score_pieces(docs, pieces, owners, **options)
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
