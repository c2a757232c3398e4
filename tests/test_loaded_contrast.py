"""Loaded language across aligned outlets: counterparts, contrast findings, per-outlet scores, seeds."""

from __future__ import annotations

import random

from _shared import seed_paths

from mediadiff.align import Alignment, Member, Passage, align
from mediadiff.document import Article
from mediadiff.loaded.contrast import find_loaded_language, loaded_language_scores
from mediadiff.loaded.lexicon import Lexicon, LexiconEntry
from mediadiff.segment import segment

TEXTS = {
    "a_wire": "The council cut the clinic budget on Tuesday.\n\nThe mayor said the plan was final.",
    "b_post": "The council slashed the clinic budget on Tuesday.\n\nThe mayor sneered the plan was final.",
    "c_daily": "The council cut the clinic budget on Tuesday.\n\nThe mayor said the plan was final.",
}


def hand_alignment(texts: dict[str, str]) -> Alignment:
    """Each sentence i of every outlet in passage P(i+1): enough to test the analysis alone."""
    docs = tuple(sorted((segment(Article(o, t)) for o, t in texts.items()), key=lambda d: d.outlet))
    passages = []
    for i in range(2):
        members = tuple(
            Member(s.start, s.end, s.text, outlet=d.outlet, sentence=s.index)
            for d in docs
            for s in d.content_sentences[i : i + 1]
        )
        passages.append(Passage(f"P{i + 1}", members))
    n = len(docs)
    return Alignment(docs, tuple(passages), tuple(tuple(1.0 for _ in range(n)) for _ in range(n)))


def test_counterpart_is_the_plain_wording_of_other_outlets() -> None:
    findings = find_loaded_language(hand_alignment(TEXTS))
    slashed = [f for f in findings if f.text == "slashed"]
    assert len(slashed) == 1
    assert (slashed[0].outlet, slashed[0].category, slashed[0].reference_text) == ("b_post", "force", "cut")
    assert slashed[0].reference_outlet == "a_wire" and slashed[0].passage == "P1"
    # the counterpart's offsets point at its words in the reference outlet's article
    start, end = slashed[0].reference_start, slashed[0].reference_end
    assert start is not None and end is not None and TEXTS["a_wire"][start:end] == "cut"


def test_contrast_flags_wording_the_lexicon_lacks() -> None:
    texts = dict(TEXTS)
    texts["b_post"] = texts["b_post"].replace("sneered", "smirked")  # not in the lexicon
    found = [f for f in find_loaded_language(hand_alignment(texts)) if f.category == "contrast"]
    assert [(f.outlet, f.text, f.reference_text, f.reference_outlet) for f in found] == [
        ("b_post", "smirked", "said", "a_wire")
    ]
    start, end = found[0].reference_start, found[0].reference_end
    assert start is not None and end is not None and texts["a_wire"][start:end] == "said"


def test_scores_count_own_voice_per_1000_words() -> None:
    texts = dict(TEXTS)
    texts["c_daily"] = 'The council cut the clinic budget on Tuesday.\n\nThe mayor said "this is a disgrace" today.'
    alignment = hand_alignment(texts)
    findings = find_loaded_language(alignment)
    scores = loaded_language_scores(alignment, findings)
    assert scores["a_wire"]["per_1000_words"] == 0.0
    b = scores["b_post"]
    assert b["own_spans"] == 2 and b["per_1000_words"] == round(2 * 1000 / b["own_words"], 3)
    assert set(b["by_category"]) == {"force", "outrage"}
    assert scores["c_daily"]["own_spans"] == 0 and scores["c_daily"]["quoted_spans"] == 1


def test_outlet_order_does_not_change_findings() -> None:
    arts = [Article(o, t) for o, t in TEXTS.items()]
    expected = find_loaded_language(align(arts))
    random.Random(3).shuffle(arts)
    assert find_loaded_language(align(arts)) == expected


def test_seed_snatched_away_is_own_voice_and_take_away_is_not() -> None:
    paths = seed_paths()
    articles = [Article(p.stem, p.read_text(encoding="utf-8")) for p in paths]
    findings = find_loaded_language(align(articles))
    mine = [f for f in findings if f.outlet.startswith("004_")]
    snatched = [f for f in mine if "snatched children away" in f.text]
    assert snatched and not snatched[0].in_quote and snatched[0].category == "force"
    assert snatched[0].reference_text is not None and snatched[0].reference_outlet != snatched[0].outlet
    # the quoted "take away" is never the outlet's own: at any score it is a source's words or,
    # since every outlet reports the same quotation, the story's own wording
    everything = [f for f in find_loaded_language(align(articles), min_score=0.0) if f.outlet.startswith("004_")]
    take = [f for f in everything if f.text.lower().startswith("take away")]
    assert all(f.in_quote for f in take)


def _story(name: str) -> tuple[list[Article], dict]:
    import json
    from importlib import resources

    base = resources.files("mediadiff") / "data" / "stories" / name
    meta = json.loads((base / "story.json").read_text(encoding="utf-8"))
    gold = json.loads((base / "gold.json").read_text(encoding="utf-8"))
    arts = [Article(o["id"], (base / o["file"]).read_text(encoding="utf-8")) for o in meta["outlets"]]
    return arts, gold


def test_loaded_words_inside_quotations_are_the_sources() -> None:
    """Loaded words that the gold marks inside a quotation are reported with ``in_quote``: the
    source's words, not the outlet's. (How many own-voice spans are found is a figure of
    bench/eval_loaded.py, not a test.)"""
    quoted_ok = quoted = 0
    for name in ("clinic_closure", "kestrel_leak"):
        arts, gold = _story(name)
        findings = find_loaded_language(align(arts))
        texts = {a.outlet: a.text for a in arts}
        for g in gold["loaded"]:
            pos = -1
            for _ in range(g.get("occurrence", 1)):
                pos = texts[g["outlet"]].find(g["text"], pos + 1)
            end = pos + len(g["text"])
            found = [f for f in findings if f.outlet == g["outlet"] and f.start < end and pos < f.end]
            if g["in_quote"] and found:
                quoted += 1
                quoted_ok += found[0].in_quote
    assert quoted >= 4 and quoted_ok == quoted


def test_neutral_story_is_almost_clean() -> None:
    arts, gold = _story("library_reopening")
    assert gold["loaded"] == []
    own = [f for f in find_loaded_language(align(arts)) if not f.in_quote]
    assert len(own) <= 2


def test_counterpart_found_through_the_object_when_members_differ() -> None:
    """The verb others used on the same object ("separated children from") is the counterpart,
    not an unrelated tail of an aligned sentence."""
    from mediadiff.align import align
    from mediadiff.document import Article
    from mediadiff.loaded.contrast import find_loaded_language

    a = Article(
        "a", "In Fairview, a 2019 program known as the pilot plan also snatched children away from their families."
    )
    b = Article(
        "b",
        "The report also described a 2019 program in Fairview known as the pilot plan for border cases. "
        "Officials separated children from their parents under it.",
    )
    found = [f for f in find_loaded_language(align([a, b])) if f.outlet == "a" and "snatched" in f.text]
    assert [(f.text, f.reference_text, f.reference_outlet) for f in found] == [
        ("snatched children away", "separated children", "b")
    ]
    assert b.text[found[0].reference_start : found[0].reference_end] == "separated children"


def test_a_particle_is_not_taken_for_the_object() -> None:
    """In "taking away their children" the object is "children", not "away": another outlet's
    "moms away from" is no counterpart."""
    a = Article("a", "Officials kept the order even if it meant taking away their children at the border.")
    b = Article("b", "A memo described agents taking nursing mothers away from their infants in custody.")
    found = [
        f for f in find_loaded_language(align([a, b]), min_score=0.0) if f.outlet == "a" and "taking away" in f.text
    ]
    assert found and all(f.reference_text != "mothers away" for f in found)


def test_a_word_set_off_by_a_comma_is_no_verb_on_the_object() -> None:
    """ "its nominee, Ann Lee" has no verb on Lee: "nominee, Ann" is no counterpart of "hammered
    Ann Lee"."""
    a = Article("a", "The debate was lively. Notably, the mayor hammered Ann Lee over her comment about taxes.")
    b = Article(
        "b",
        "The debate was lively. It was meant as a reboot for the party after a dismal showing by its nominee, "
        "Ann Lee, last week.",
    )
    found = [f for f in find_loaded_language(align([a, b])) if f.outlet == "a" and "hammered" in f.text]
    assert [(f.text, f.reference_text) for f in found] == [("hammered", None)]


def test_the_story_word_every_outlet_uses_is_not_loading() -> None:
    """Issue 19: a word every outlet carrying the passage uses for the same thing is the story's."""
    a = Article("a", "The bridge collapse killed two drivers on Monday. Engineers had warned of cracks.")
    b = Article("b", "Two drivers died in the bridge collapse on Monday, officials said.")
    c = Article("c", "A bridge collapse on Monday killed two drivers. Inspectors had flagged the span.")
    lex = Lexicon([LexiconEntry("collapse", "exaggeration", 0.9, "noun")])
    findings = find_loaded_language(align([a, b, c]), lexicon=lex, min_score=0.0)
    assert [f for f in findings if "collapse" in f.text] == []
    # one outlet's choice against plainer words elsewhere stays a finding
    d = Article("d", "The bridge failure killed two drivers on Monday. Engineers had warned of cracks.")
    e = Article("e", "Two drivers died when the bridge failed on Monday, officials said.")
    f = Article("f", "A bridge collapse on Monday killed two drivers. Inspectors had flagged the span.")
    found = [x.text for x in find_loaded_language(align([d, e, f]), lexicon=lex, min_score=0.0)]
    assert "bridge collapse" in found or "collapse" in found
