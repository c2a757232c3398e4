"""Quotes: speakers, every alteration kind on small examples, typography, the seed case, the corpus gold."""

from __future__ import annotations

from pathlib import Path

import pytest
from _shared import STORIES, evaluate

from mediadiff.align import align
from mediadiff.analysis.quotes import extract_quotes, find_quote_alterations
from mediadiff.document import Article

SHARED = Path(__file__).resolve().parents[2] / "shared"
ROOT = Path(__file__).resolve().parents[1]


def quotes_of(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(align([Article("a", text)]))]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We need more time,” Sessions told the prosecutors.", "Sessions"),
        ("Sessions told the prosecutors: “We need more time.”", "Sessions"),
        ('"The report is wrong," a spokesperson said.', "a spokesperson"),
        ("“It was the kind of problem that leads to a rupture,” said Dana Whitcombe, deputy director.",
         "Dana Whitcombe"),
        ("Spokesman Martin Oyelaran added: \"We reject any suggestion of negligence.\"", "Spokesman Martin Oyelaran"),
        ("The plan was “a recipe for disaster,” according to Judge Amy Ward.", "Judge Amy Ward"),
        ("“We are going to get answers.”", None),
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
    assert alterations(full, full, cut) == [("o2", "truncated", ("and", "we", "will", "cooperate", "fully", "with",
                                                                    "investigators"))]
    assert alterations(full, full, fragment) == []


def test_spliced():
    apart = "“Nobody should have to wonder if the water is safe,” Ann Lee said. “We are going to get answers.”"
    joined = "Ann Lee promised: “Nobody should have to wonder if the water is safe. We are going to get answers.”"
    got = find_quote_alterations(al := align([Article("a", apart), Article("b", apart), Article("c", joined)]),
                                 extract_quotes(al))
    assert [(a.outlet, a.kind) for a in got] == [("c", "spliced")]
    assert got[0].reference_text == "Nobody should have to wonder if the water is safe,” Ann Lee said. “We are going to get answers."


def test_typography_is_not_an_alteration():
    assert alterations("“It’s the D.O.J.’s call — not ours,” she said.", "\"It's the DOJ's call - not ours,\" she said.") == []


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
    hits = [a for a in find_quote_alterations(al, extract_quotes(al))
            if "If you care about kids, don't bring them in." in a.text.translate(fold)]
    assert hits and hits[0].kind == "word_added"
    assert "If care about kids, don't bring them in." in hits[0].reference_text.translate(fold)
    assert hits[0].words == ("you",)




@pytest.mark.parametrize("story", STORIES, ids=lambda p: p.name)
def test_corpus_every_gold_quote_alteration_found(story):
    result = evaluate(story)
    assert all(ok for *_, ok in result["alterations"]), result["alterations"]
