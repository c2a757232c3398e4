"""Voice: loaded words a source says are the source's, on our own cases and on real articles."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from _shared import EVAL, seed_paths

import mediadiff
from mediadiff.document import Article
from mediadiff.loaded import detect_loaded_language


def _voices(text: str) -> dict[str, tuple[str, str | None]]:
    return {s.text.lower(): (s.voice, s.source) for s in detect_loaded_language(text)}


def test_a_partys_list_of_response_points_is_the_partys_voice() -> None:
    text = (
        "The senator's office responded to the report:\n\n"
        "It is a vicious smear timed for the election. The figures were cherry-picked.\n\n"
        "The report was published on Monday."
    )
    voices = _voices(text)
    assert voices["cherry-picked"] == ("source", "The senator's office")


def test_a_statement_quoted_over_two_paragraphs_is_the_bloggers() -> None:
    text = (
        "“This was a damning failure of leadership,” the blogger wrote.\n\n"
        "“The committee staged an ambush and called it oversight.”\n\n"
        "The committee did not respond."
    )
    voices = _voices(text)
    assert voices["damning failure of leadership"][0] == "source"
    assert voices["ambush"] == ("source", "the blogger")


def test_indirect_speech_is_the_sources_voice_and_the_outlets_own_words_are_its() -> None:
    voices = _voices("Critics said the bloated budget was a disaster. The council slashed the budget.")
    assert voices["bloated budget"] == ("source", "Critics")
    assert voices["slashed"] == ("outlet", None)


def test_an_outlets_loaded_score_counts_its_own_voice_only() -> None:
    own = "The council rammed through the budget on Monday. The vote was held at night."
    attributed = "Critics said the council rammed through the budget on Monday. The vote was held at night."
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", mediadiff.InputWarning)
        c = mediadiff.compare([Article("a", own), Article("b", attributed)])
    assert c.scores["a"]["loaded_language"] > 0
    assert c.scores["b"]["loaded_language"] == 0.0
    [b_span] = [s for s in c.loaded_language if s.outlet == "b"]
    assert (b_span.voice, b_span.source) == ("source", "Critics")
    record = next(s for s in c.to_dict()["loaded_language"] if s["outlet"] == "b")
    assert record["voice"] == "source" and record["source"] == "Critics"


def _own_voice_is_never_attributed(articles: list[Article]) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c = mediadiff.compare(articles)
    checked = 0
    for f in c.loaded_language:
        doc = c.alignment.document(f.outlet)
        if f.voice == "outlet":
            assert doc.attributed_length(f.start, f.end) == 0, (f.outlet, f.text)
        else:
            assert doc.attribution_at(f.start, f.end) is not None, (f.outlet, f.text)
        checked += 1
    # the key finding about loaded language names only words in an outlet's own voice
    own = {(f.outlet, " ".join(f.text.split())) for f in c.loaded_language if f.voice == "outlet"}
    for sentence in c.key_findings():
        if "loaded language in its own voice" in sentence:
            examples = sentence.split("(e.g. ", 1)[1].split(")")[0]
            for word in examples.split("”, “"):
                assert any(word.strip("“”") == text for _, text in own), word
    return checked


def test_seeds_own_voice_findings_lie_outside_attributed_content() -> None:
    articles = [Article(p.stem, p.read_text(encoding="utf-8")) for p in seed_paths()]
    assert _own_voice_is_never_attributed(articles) > 0


def _basil_triplets() -> list[list[Path]]:
    root = EVAL / "basil" / "articles"
    if not root.is_dir():
        return []
    groups: dict[str, list[Path]] = {}
    for p in sorted(root.glob("*/*.json")):
        groups.setdefault(p.name.rsplit("_", 1)[0], []).append(p)
    return [g for _, g in sorted(groups.items())][:6]


@pytest.mark.parametrize(
    "triplet", _basil_triplets() or [None], ids=lambda g: g[0].name.split("_")[0][:8] if g else "absent"
)
def test_basil_own_voice_findings_lie_outside_attributed_content(triplet: list[Path] | None) -> None:
    if triplet is None:
        pytest.skip(f"../shared/eval/basil not present at {EVAL / 'basil'}")
    articles = []
    for p in triplet:
        d = json.loads(p.read_text(encoding="utf-8"))
        body = "\n\n".join(" ".join(s.strip() for s in para if s.strip()) for para in d["body-paragraphs"])
        articles.append(Article(d["source"].lower(), d["title"].strip() + "\n\n" + body.strip() + "\n"))
    assert _own_voice_is_never_attributed(articles) >= 0
