"""Quotes: speakers, every alteration kind on small examples, typography and the seed case."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from _shared import bench_module

from mediadiff import compare
from mediadiff.align import Alignment, align
from mediadiff.analysis.quotes import QuoteAlteration, extract_quotes, find_quote_alterations
from mediadiff.document import Article
from mediadiff.segment import segment

SHARED = Path(__file__).resolve().parents[2] / "shared"


def quotes_of(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(align([Article("a", text)]))]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We need more time,” Sessions told the prosecutors.", "Sessions"),
        ("Sessions told the prosecutors: “We need more time.”", "Sessions"),
        ('"The report is wrong," a spokesperson said.', "a spokesperson"),
        (
            "“It was the kind of problem that leads to a rupture,” said Dana Whitcombe, deputy director.",
            "Dana Whitcombe",
        ),
        ('Spokesman Martin Oyelaran added: "We reject any suggestion of negligence."', "Spokesman Martin Oyelaran"),
        ("The plan was “a recipe for disaster,” according to Judge Amy Ward.", "Judge Amy Ward"),
        ("“We are going to get answers.”", None),
        # the name before an apposition, not the apposition
        ("Rhea Marsh, the county's chief engineer, told reporters: “The bridge is safe.”", "Rhea Marsh"),
        ("Dr. Ana Ruiz, the hospital’s medical director, said: “We are full.”", "Dr. Ana Ruiz"),
        ("The hospital’s medical director, Dr. Ana Ruiz, said: “We are full.”", "Dr. Ana Ruiz"),
        ("In a statement on Monday, the company said: “We met every standard.”", "the company"),
        # a plural role
        ("In their report, inspectors wrote that “the tank was badly corroded last year.”", "inspectors"),
        # reported speech: the quoted words end a long indirect clause of the speaker's verb
        (
            "Governor Lena Hart told county officials at a closed meeting in March that they should “stop the "
            "shuttle at once.”",
            "Governor Lena Hart",
        ),
        # a relative clause between the speaker and the verb
        (
            "“The contract was never signed,” city attorney Paul Rook, who reviewed the bids, wrote to the council.",
            "city attorney Paul Rook",
        ),
        ("“The contract was never signed,” Rook, who reviewed the bids last year, said.", "Rook"),
        # a verb too far from the quotation attributes nothing
        (
            "Hart said the county would review the plan once the full audit by the state auditor's office and "
            "the two outside firms reached the board, along with what critics call “a blank cheque.”",
            "critics",
        ),
    ],
)
def test_speakers(text, speaker):
    assert quotes_of(text)[0][1] == speaker


def test_pronoun_resolves_to_the_named_speaker():
    text = "Mayor Ellen Thorsby said the city would act. “We will test the water daily,” she said."
    assert quotes_of(text) == [("We will test the water daily,", "Mayor Ellen Thorsby")]


def test_quotation_continued_after_attribution_keeps_speaker():
    text = "“Nobody should wonder,” Thorsby said. “We are going to get answers.”"
    assert [s for _, s in quotes_of(text)] == ["Thorsby", "Thorsby"]


def test_unbalanced_and_nested_quotations():
    got = quotes_of("He said: “We need ‘real’ change.” Then he said “more")
    assert got[0][0] == "We need ‘real’ change." and got[1][0] == "more"
    assert len(got) == 2  # the nested ‘real’ is part of the outer quotation


def alterations(*versions: str) -> list[tuple[str, str, tuple[str, ...]]]:
    al = align([Article(f"o{i}", t) for i, t in enumerate(versions)])
    return [(a.outlet, a.kind, a.words or a.reference_words) for a in find_quote_alterations(al, extract_quotes(al))]


BASE = "“The corrosion we found on the tank was exactly the problem that leads to a rupture,” she said."


def test_word_added_dropped_changed():
    added = BASE.replace("that leads", "that inevitably leads")
    dropped = BASE.replace("was exactly the", "was the")
    changed = BASE.replace("corrosion", "rust")
    assert alterations(BASE, BASE, added) == [("o2", "word_added", ("inevitably",))]
    assert alterations(BASE, BASE, dropped) == [("o2", "word_dropped", ("exactly",))]
    assert alterations(BASE, BASE, changed) == [("o2", "word_changed", ("rust",))]


def test_truncated_but_not_a_fragment():
    full = "“We reject any suggestion of negligence, and we will cooperate fully with investigators,” he said."
    cut = "“We reject any suggestion of negligence,” he said."
    fragment = "The firm rejected “any suggestion of negligence” and said it would help."
    assert alterations(full, full, cut) == [
        ("o2", "truncated", ("and", "we", "will", "cooperate", "fully", "with", "investigators"))
    ]
    assert alterations(full, full, fragment) == []


# --------------------------------------------------------------------------------------------
# editing conventions: brackets, ellipses, excerpts and transcription variants are not alterations

FULL = (
    "“The harbour tunnel will close for repairs in May, and every ferry will run twice as often "
    "while it is shut,” the transport minister said."
)


def found(*versions: str) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    al = align([Article(f"o{i}", t) for i, t in enumerate(versions)])
    return [(a.outlet, a.kind, a.words, a.reference_words) for a in find_quote_alterations(al, extract_quotes(al))]


def test_bracketed_clarification_is_not_an_alteration():
    bracketed = FULL.replace("“The harbour tunnel will close", "“The [Eastside] harbour tunnel will close")
    for_pronoun = FULL.replace("while it is shut", "while [the tunnel] is shut")
    assert found(FULL, FULL, bracketed) == []
    assert found(FULL, FULL, for_pronoun) == []


def test_ellipsis_marks_an_elision_and_the_full_version_is_never_flagged():
    elided = FULL.replace("in May, and every ferry", "in May … every ferry")
    dotted = FULL.replace("in May, and every ferry", "in May... every ferry")
    assert found(FULL, FULL, elided) == []
    assert found(FULL, FULL, dotted) == []
    # the elided version is the majority: the outlet that quotes in full is not flagged either
    assert found(elided, elided, FULL) == []


def test_an_excerpt_from_the_start_middle_or_end_is_not_an_alteration():
    middle = "The minister said “every ferry will run twice as often” during the works."
    end = "Ferries, the minister said, “will run twice as often while it is shut.”"
    whole_sentence = (
        "“The tunnel will close in May. Every ferry will run twice as often while it is shut. Fares stay the "
        "same,” she said."
    )
    first_sentences = "“The tunnel will close in May. Every ferry will run twice as often while it is shut,” she said."
    assert found(FULL, FULL, middle) == []
    assert found(FULL, FULL, end) == []
    # whole sentences of a longer statement are an excerpt; a sentence cut in two is cut short
    assert found(whole_sentence, whole_sentence, first_sentences) == []


def test_words_dropped_from_the_middle_without_an_ellipsis_are_still_flagged():
    silent = FULL.replace("run twice as often", "run often")
    cut = FULL.replace("for repairs in May, and every ferry", "for every ferry")
    assert found(FULL, FULL, silent) == [("o2", "word_dropped", (), ("twice as",))]
    assert found(FULL, FULL, cut) == [("o2", "word_dropped", (), ("repairs in May and",))]


def test_a_changed_word_is_still_flagged_and_a_far_match_does_not_hide_it():
    changed = FULL.replace("twice as often", "half as often")
    assert found(FULL, FULL, changed) == [("o2", "word_changed", ("half",), ("twice",))]
    # the version is compared with the stretch that fits it, not with words far away
    speech = (
        "“We need a plan. Is this a joke? A city is not a stage. A city is not a joke. A city is a promise,” he said."
    )
    short = "“Is this the joke?” he asked."
    got = found(speech, speech, short)
    assert [(o, k) for o, k, _, _ in got] == [("o2", "variant")]


@pytest.mark.filterwarnings("ignore::mediadiff.errors.InputWarning")
def test_function_word_and_inflection_variants_are_minor_and_no_key_finding():
    that = FULL.replace("while it is shut", "while that it is shut")
    plural = FULL.replace("every ferry will run", "every ferries will run")
    pronoun = FULL.replace("while it is shut", "while is shut")
    contraction = FULL.replace("while it is shut", "while it’s shut")
    assert found(FULL, FULL, that) == [("o2", "variant", ("that",), ())]
    assert found(FULL, FULL, plural) == [("o2", "variant", ("ferries",), ("ferry",))]
    assert found(FULL, FULL, pronoun) == [("o2", "word_dropped", (), ("it",))]  # who: not minor
    assert found(FULL, FULL, contraction) == []
    comparison = compare([Article("a", FULL), Article("b", FULL), Article("c", that)])
    assert [a.kind for a in comparison.quote_alterations] == ["variant"]
    assert not any("quotes “" in line for line in comparison.key_findings())
    # nor is a variant counted among the outlet's altered quotes (tables, charts, corpus scores)
    from mediadiff.analysis.quotes import ALTERATION_KIND

    records = comparison.to_dict()["quote_alterations"]
    assert ALTERATION_KIND.counts(records)["c"] == 0


def test_the_reference_shown_is_the_stretch_the_version_quotes():
    speech = (
        "“We need a new bridge. We need it now. The old one is unsafe, and the repairs have failed,” the mayor said."
    )
    altered = "“The old one is unsound, and the repairs have failed,” the mayor said."
    al = align([Article("a", speech), Article("b", speech), Article("c", altered)])
    (got,) = find_quote_alterations(al, extract_quotes(al))
    assert got.reference_text == "The old one is unsafe, and the repairs have failed"
    assert speech[got.reference_start : got.reference_end] == got.reference_text


# house style: abbreviated titles, hyphens, punctuation and parenthetical clarifications


def test_an_abbreviated_title_is_the_word_it_begins():
    full = "“Governor Ruiz will sign the budget bill before the end of the week,” the aide said."
    short = full.replace("Governor Ruiz", "Gov. Ruiz")
    assert found(full, short) == []
    assert found(full, full, short) == []
    assert found(short, short, full) == []


def test_hyphens_and_commas_are_typography_and_the_reference_stops_at_the_quoted_words():
    said = "“We have no leverage on the levy, before mid-March. I mean, we hold one seat,” the whip said."
    excerpt = "The whip said “we have no leverage on the levy before mid March” and left."
    assert found(said, excerpt) == []
    changed = excerpt.replace("no leverage", "little leverage")
    al = align([Article("a", said), Article("b", changed)])
    (got,) = find_quote_alterations(al, extract_quotes(al))
    assert (got.kind, got.words) == ("word_changed", ("little",))
    assert got.reference_text == "We have no leverage on the levy, before mid-March"


def test_words_in_parentheses_are_the_outlets_clarification():
    full = "“Then you say that these clerks have far too much discretion over the permits,” the judge said."
    clarified = full.replace("these clerks", "these (county) clerks")
    assert found(full, clarified) == []
    assert found(full, full, clarified) == []


def test_one_pair_of_quotations_gives_one_finding():
    full = "“We will rebuild the old bridge and open it to traffic by the end of the summer,” she said."
    both = "“We will repair the old bridge and open it to traffic,” she said."
    got = found(full, full, both)
    assert [(o, k) for o, k, _, _ in got] == [("o2", "word_changed")]
    al = align([Article("a", full), Article("b", full), Article("c", both)])
    (alteration,) = find_quote_alterations(al, extract_quotes(al))
    assert "cut short" in alteration.explanation


def test_a_version_that_stops_where_the_reference_marks_an_elision_is_not_cut_short():
    elided = "The statute reads: “No vendor may sell any permit … shall be fined up to five hundred dollars.”"
    fuller = "The law says: “No vendor may sell any permit or license to a minor,” she wrote."
    assert found(elided, fuller) == []


@pytest.mark.filterwarnings("ignore::mediadiff.errors.InputWarning")
def test_without_a_majority_the_report_says_the_versions_differ():
    plain = "“The managers are said to be rivals and partners at once,” the lawyer said."
    more = plain.replace("to be rivals", "to be both rivals")
    al = align([Article("a", plain), Article("b", more)])
    (two,) = find_quote_alterations(al, extract_quotes(al))
    assert (two.outlet, two.kind, two.majority) == ("a", "word_dropped", False)  # the longer is the reference
    two_outlets = compare([Article("a", plain), Article("b", more)])
    # no majority says who misquoted: listed in the table, no key finding (three blind reviews of
    # real stories found no such key finding right)
    assert not any("quotes “" in line for line in two_outlets.key_findings())
    from mediadiff.report.markdown import render_markdown

    table = render_markdown(two_outlets.to_dict()).split("## Altered quotations", 1)[1]
    assert "versions differ, no majority" in table and "words dropped" not in table
    lines = compare([Article("a", plain), Article("b", more), Article("c", plain)]).key_findings()
    assert any("quotes “" in line and "(words added)" in line for line in lines)


#: One statement of two sentences, given whole in one quotation (the outlet "c" of the splice tests).
JOINED = "Ann Lee promised: “Nobody should have to wonder if the water is safe. We are going to get answers.”"
#: The same two sentences given apart, with the outlet's own sentence between them.
APART = (
    "“Nobody should have to wonder if the water is safe,” Ann Lee said at the hearing. The council voted "
    "on Friday. “We are going to get answers,” she said afterwards."
)


def two_apart_one_joined(apart: str) -> list[QuoteAlteration]:
    """The alterations when outlets a and b write ``apart`` and outlet c writes :data:`JOINED`."""
    al = align([Article("a", apart), Article("b", apart), Article("c", JOINED)])
    return find_quote_alterations(al, extract_quotes(al))


def test_spliced():
    """Two statements that the other outlets give apart, with more than an attribution between
    them, run together as one quotation."""
    got = two_apart_one_joined(APART)
    assert [(a.outlet, a.kind) for a in got] == [("c", "spliced")]
    assert got[0].reference_text.startswith("Nobody should have to wonder if the water is safe,” Ann Lee said")


@pytest.mark.parametrize(
    "between",
    [
        "Ann Lee said.",  # “…,” she said. “…”: interrupted only to say who speaks
        "Ann Lee said in an interview with the local radio station on Tuesday.",  # and where, and when
        "Gov. Ann Lee said after the hearing.",  # an abbreviated title ends no sentence; "after" a time
        "Ann Lee said on Fox and Friends.",  # "and" inside a name
    ],
)
def test_a_statement_split_only_by_its_attribution_is_not_spliced(between):
    """One statement that an outlet interrupts to say who speaks (and where): another outlet
    that gives it whole has not spliced anything."""
    apart = f"“Nobody should have to wonder if the water is safe,” {between} “We are going to get answers.”"
    assert two_apart_one_joined(apart) == []


def test_an_attribution_that_adds_content_of_its_own_separates_two_quotations():
    """“…,” she said, adding that the council had voted. “…”: more than who speaks stands
    between the parts, so the outlet that runs them together splices."""
    apart = (
        "“Nobody should have to wonder if the water is safe,” Ann Lee said, adding that the council had "
        "voted against a new inquiry. “We are going to get answers.”"
    )
    assert [(a.outlet, a.kind, a.majority) for a in two_apart_one_joined(apart)] == [("c", "spliced", True)]


@pytest.mark.filterwarnings("ignore::mediadiff.errors.InputWarning")
def test_a_splice_that_one_outlet_against_one_says_is_no_key_finding():
    """One outlet gives two quotations apart, one runs them together: nothing says which of the
    two is faithful, so the splice is listed without a majority and is no key finding."""
    other = "The council of Springfield met on Friday to discuss the budget for the coming year."
    articles = [Article("a", APART), Article("b", other), Article("c", JOINED)]
    got = find_quote_alterations(al := align(articles), extract_quotes(al))
    assert [(a.outlet, a.kind, a.majority) for a in got] == [("c", "spliced", False)]
    assert not any("quotes “" in line for line in compare(articles).key_findings())


def test_quotations_of_two_people_are_not_versions_of_one() -> None:
    """Two named speakers who use similar words said two things: no alteration between them."""
    a = "“We will secure the border within a year,” Governor Tom Hale said."
    b = "“We will secure the border within two years,” Senator Ruth Kim said."
    assert alterations(a, a, b) == []


def test_the_majority_version_is_the_reference_whatever_else_is_in_the_set() -> None:
    """Two outlets give the words alike: theirs is the reference, and adding an unrelated
    article to the set does not change which outlet is flagged."""
    wire = "“The plant met every safety standard,” the director said."
    changed = "“The plant met every single safety standard,” the director said."
    base = [Article("a", wire), Article("b", wire), Article("c", changed)]
    extra = Article("z", "The harvest festival opens on Saturday with a parade.")
    for articles in (base, [*base, extra]):
        al = align(articles)
        got = find_quote_alterations(al, extract_quotes(al))
        assert [(x.outlet, x.kind, x.reference_outlet) for x in got] == [("c", "word_added", "a")]


def test_splice_is_judged_by_every_outlet_in_a_story_of_many():
    """13 outlets give two quotations apart, 7 run them together: the majority of all outlets
    says the 7 splice. (Judged against only the 12 outlets sharing most words, the other
    splicers outvoted the rest and no splice was found.)"""
    texts = [APART] * 13 + [JOINED] * 7
    al = align([Article(f"o{i:02d}", t) for i, t in enumerate(texts)])
    got = find_quote_alterations(al, extract_quotes(al))
    assert sorted(a.outlet for a in got if a.kind == "spliced") == [f"o{i:02d}" for i in range(13, 20)]


def test_typography_is_not_an_alteration():
    assert (
        alterations("“It’s the D.O.J.’s call — not ours,” she said.", "\"It's the DOJ's call - not ours,\" she said.")
        == []
    )


def test_order_is_canonical():
    added = BASE.replace("that leads", "that inevitably leads")
    al = align([Article("z", added), Article("x", BASE), Article("y", BASE)])
    got = find_quote_alterations(al, extract_quotes(al))
    al2 = align([Article("y", BASE), Article("z", added), Article("x", BASE)])
    assert got == find_quote_alterations(al2, extract_quotes(al2))


def test_seed_word_added_if_you_care():
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds not present")
    al = align([Article(p.stem, p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))])
    fold = str.maketrans("’‘“”", "''\"\"")
    hits = [
        a
        for a in find_quote_alterations(al, extract_quotes(al))
        if "If you care about kids, don't bring them in." in a.text.translate(fold)
    ]
    assert hits and hits[0].kind == "word_added"
    assert "If care about kids, don't bring them in." in hits[0].reference_text.translate(fold)
    assert hits[0].words == ("you",)


# --------------------------------------------------------------------------------------------
# many outlets: the per-quotation fast path gives exactly what comparing every pair gives

BENCH = bench_module("bench_analysers")  # its all-pairs computations are the reference here

STATEMENTS = [
    "we will test the water at every school and we will test it again before the children come back".split(),
    "nobody should have to wonder if the water is safe and nobody should have to wait".split(),
    "the corrosion we found on the tank was exactly the problem that leads to a rupture".split(),
    "we will not wait".split(),
]
FILLERS = "really the water we not".split()


def _variant(rng: random.Random, words: list[str], following: list[str]) -> list[list[str]]:
    """One outlet's rendering of a statement: word for word (most often), altered, cut, joined
    with the next statement, split in two, or left out; sometimes quoted twice."""
    r = rng.random()
    q = list(words)
    if r < 0.1:
        return []
    if r < 0.5:
        pass
    elif r < 0.6:
        q = q[: rng.randint(1, len(q) - 1)]
    elif r < 0.67:
        i = rng.randrange(len(q))
        q = q[i : i + rng.randint(2, 6)]
    elif r < 0.74:
        q = q + following
    elif r < 0.8 and len(q) > 5:
        cut = rng.randint(2, len(q) - 2)
        return [q[:cut], q[cut:]]
    else:
        for _ in range(rng.randint(1, 3)):
            i, op = rng.randrange(len(q)), rng.random()
            if op < 0.33 and len(q) > 1:
                del q[i]
            elif op < 0.66:
                q.insert(i, rng.choice(FILLERS))
            else:
                q[i] = rng.choice(FILLERS)
    return [q, q] if rng.random() < 0.1 else [q]


def _story(n_outlets: int, seed: int) -> Alignment:
    """``n_outlets`` outlets quoting the statements, each as ``_variant`` draws (no alignment needed)."""
    rng = random.Random(seed)
    docs = []
    for n in range(n_outlets):
        parts = []
        for s, words in enumerate(STATEMENTS):
            parts += _variant(rng, words, STATEMENTS[(s + 1) % len(STATEMENTS)])
        rng.shuffle(parts)
        text = " ".join(f"“{' '.join(q).capitalize()},” the director said." for q in parts)
        docs.append(segment(Article(f"o{n:02d}", text or "No comment.")))
    return Alignment(tuple(docs), (), tuple((1.0,) * len(docs) for _ in docs))


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize(
    "params", [{}, {"min_words": 1, "min_similarity": 0.4, "min_truncated": 1}], ids=["default", "loose"]
)
def test_many_outlets_same_as_all_pairs(seed, params):
    al = _story(30 if seed % 2 else 14, seed)
    found = extract_quotes(al)
    got = find_quote_alterations(al, found, **params)
    assert got == BENCH.all_pairs_alterations(al, found, **params)
    assert len(got) >= 10


@pytest.mark.parametrize("seed", [1, 2])
def test_thirty_outlets_with_wire_copies_same_as_all_pairs(seed):
    al = align(BENCH.quote_story(30, seed=seed))
    found = extract_quotes(al)
    got = find_quote_alterations(al, found)
    assert got == BENCH.all_pairs_alterations(al, found)
    # every kind turns up (a filler "the" more or less is a minor variant), and the references
    # are taken from the five statements word for word, which most outlets give: each shows the
    # stretch of its statement that the altered version corresponds to
    assert {a.kind for a in got} == {"word_added", "word_dropped", "word_changed", "truncated", "spliced", "variant"}
    statements = {text for text, _ in Counter(q.text for q in found).most_common(5)}
    assert {a.reference_text for a in got if a.kind == "truncated"} <= {s.rstrip(".,") for s in statements}
    assert all(any(a.reference_text in s for s in statements) for a in got if a.kind != "spliced")


def test_explanation_names_the_outlets_own_speaker_and_a_different_one():
    texts = ["“We will rebuild the old bridge this spring,” Mayor Ann Ruiz said."] * 2 + [
        "“We will quickly rebuild the old bridge this spring,” Deputy Mayor Tom Hale said.",
        "“We will rebuild the old bridge by spring,” she said.",
    ]
    al = align([Article(f"o{i}", t) for i, t in enumerate(texts)])
    got = {a.outlet: a.explanation for a in find_quote_alterations(al, extract_quotes(al))}
    assert got["o2"] == (
        "o2 quotes Deputy Mayor Tom Hale with words that are not in the other outlets' version "
        "(o0's version; o0 gives the words to Mayor Ann Ruiz)."
    )
    assert got["o3"].startswith("o3 quotes Mayor Ann Ruiz ")  # a bare pronoun: the reference's speaker


def test_mixed_speakers_same_as_all_pairs() -> None:
    """The same words given to a named person, to a role and to another person across outlets:
    the per-quotation fast path links exactly what comparing every pair links (a role joins
    both people's versions, two people never join directly)."""
    texts = []
    for k, who in enumerate(["Ann Lee said", "a spokesman said", "Tom Kim said", "Ann Lee said", "Tom Kim said"] * 2):
        words = "We will rebuild the harbor bridge before the winter storms arrive"
        if k % 3 == 2:
            words = words.replace("harbor", "old harbor")
        texts.append(Article(f"o{k:02d}", f"“{words},” {who}. The council met on Monday."))
    al = align(texts)
    found = extract_quotes(al)
    assert find_quote_alterations(al, found) == BENCH.all_pairs_alterations(al, found)


def test_a_quoted_hyphenated_name_is_no_version_of_a_quotation_naming_it():
    """A hyphenated word gives its parts as keys ("year-end" is "year", "end") but counts as one
    word: a name in quotation marks shares one word, not three, with a quotation that names it."""
    speech = (
        "“Some people say that because of the stand Save-the-Pier is taking, they do not want the "
        "group anywhere near the harbour,” he said."
    )
    name = "Hundreds turned out on what organisers called “Save-the-Pier Action Day.”"
    assert found(speech, speech, name) == []
