"""The lexicon file: default contents, round trip, user lexicons, inflection rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediadiff.errors import InputError, ParameterError
from mediadiff.loaded.lexicon import Lexicon, LexiconEntry, lemma_candidates


def test_default_lexicon_has_the_documented_shape() -> None:
    lex = Lexicon.default()
    assert set(lex.categories) == {"force", "outrage", "pejorative", "exaggeration", "intensifier", "doubt"}
    assert all(lex.categories.values())  # every category has a rationale
    words = [e for e in lex if not e.is_phrase]
    phrases = [e for e in lex if e.is_phrase]
    assert len(words) >= 1000 and len(phrases) >= 50
    assert any(None in e.words for e in phrases)  # gapped expressions
    for neutral in ("death", "war", "crime", "illegal", "attack", "support"):
        assert lex.is_neutral(neutral) and not lex.lookup(neutral)


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("snatched", "snatch"),
        ("snubbed", "snub"),
        ("raging", "rage"),
        ("angrily", "angry"),
        ("horribly", "horrible"),
        ("parodies", "parody"),
        ("took", "take"),
        ("lying", "lie"),
        ("drastically", "drastic"),
        ("regime's", "regime"),
    ],
)
def test_lemma_candidates_undo_inflections(word: str, base: str) -> None:
    assert base in lemma_candidates(word)


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    lex = Lexicon(
        [
            LexiconEntry("gizmo", "hype", 0.9, "noun"),
            LexiconEntry("rip … off", "force", 0.6, "phrase"),
            LexiconEntry("=lied", "doubt", 0.5, "verb"),
        ],
        categories={"hype": "Marketing words.", "force": "Force.", "doubt": "Doubt."},
        neutral=["plan"],
    )
    path, neutral = tmp_path / "mine.tsv", tmp_path / "neutral.tsv"
    lex.save(path, neutral_path=neutral)
    again = Lexicon.load(path, neutral=neutral)
    assert {(e.term, e.category, e.strength, e.pos, e.words) for e in again} == {
        (e.term, e.category, e.strength, e.pos, e.words) for e in lex
    }
    assert dict(again.categories) == dict(lex.categories) and again.neutral == lex.neutral
    assert [e.term for e in again.lookup("lied")] == ["=lied"] and again.lookup("lies") == []


def test_bad_lines_name_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("# comment\nslam\tforce\tstrong\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.tsv, line 2: strength"):
        Lexicon.load(path)
    with pytest.raises(ParameterError, match="strength"):
        LexiconEntry("slam", "force", 1.5)


def test_merged_lexicon_adds_user_entries() -> None:
    mine = Lexicon([LexiconEntry("gizmo", "hype", 0.9)], categories={"hype": "Marketing."})
    both = Lexicon.default().merged(mine)
    assert both.lookup("gizmos")[0].category == "hype"
    assert both.lookup("slammed")[0].category == "force"
