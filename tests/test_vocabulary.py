"""The vocabulary: one data file of word classes, loaded once, each class documented."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping

import pytest

from mediadiff import vocabulary as v

WORD_SETS = [name for name in v.__all__ if isinstance(getattr(v, name), frozenset) and name != "FUNCTION_WORDS"]


def test_data_file_parses_and_every_class_is_documented():
    classes = v.parse_vocabulary(v.DATA_FILE.read_text(encoding="utf-8"))
    assert classes.keys() == v.CLASSES.keys()
    assert len(classes) >= 60
    for name, c in classes.items():
        assert c.entries, name
        assert len(c.doc) > 20, f"{name} is not documented"
        assert "Read by" in c.doc, f"{name} does not say who reads it"


def test_documented_classes_match_the_exported_names():
    exported = set(v.__all__)
    assert set(v.CLASSES) <= exported
    for name in v.CLASSES:
        value = getattr(v, name)
        assert isinstance(value, (frozenset, tuple, Mapping)) and len(value) > 0, name


@pytest.mark.parametrize("name", WORD_SETS)
def test_each_word_class_is_a_nonempty_lower_case_frozenset(name):
    words = getattr(v, name)
    assert words
    assert all(w == w.lower() and w.strip() == w and w for w in words)


def test_derived_classes():
    assert v.CALENDAR_WORDS == v.WEEKDAYS | set(v.MONTHS)
    assert v.MONTH_NUMBERS["sept"] == 9 and v.MONTH_NUMBERS["may"] == 5
    assert v.SPEECH_VERBS >= v.ATTRIBUTION_CUES | v.QUOTING_VERBS and "according" in v.SPEECH_VERBS
    assert v.FUNCTION_WORDS == v.STOPWORDS - v.NEGATIONS - v.QUANTIFIERS
    assert v.PERSONAL_PRONOUNS == v.PRONOUNS | v.OBJECT_PRONOUNS
    assert v.SPOKESPERSONS <= v.RESPONSE_CUES
    assert set(v.MONTH_ABBREVIATIONS) <= v.ABBREVIATIONS
    assert {"slams", "slammed", "slamming", "criticized"} <= v.STANCE_CUES
    assert ("according", "to") in v.ATTRIBUTION_PHRASES


def test_classes_that_must_be_disjoint():
    # a rank or title word is never a word a name cannot start with, nor a function word
    assert not (v.TITLE_WORDS & v.NOT_NAME_WORDS)
    assert v.RANK_WORDS <= v.TITLE_WORDS
    # negations and quantifiers are never trivial function words
    assert not (v.FUNCTION_WORDS & (v.NEGATIONS | v.QUANTIFIERS))
    # days and months are not job titles, pronouns or names' stop words
    assert not (v.CALENDAR_WORDS & (v.TITLE_WORDS | v.PRONOUNS | v.NOT_NAME_WORDS))
    # the two vague-quantity classes answer different questions over the same words
    assert set(v.VAGUE_MAGNITUDES) & set(v.VAGUE_RANGES)
    assert v.VAGUE_RANGES["dozens"] == (24, 99) and v.VAGUE_MAGNITUDES["dozens"] == 1
    assert v.VAGUE_RANGES["many"] == (10, None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("twenty-five", 25.0),
        ("ninety nine", 99.0),
        ("sixty", 60.0),
        ("a hundred", 100.0),
        ("three hundred", 300.0),
        ("one hundred and twenty", 120.0),
        ("two million", 2_000_000.0),
        ("a million", 1_000_000.0),
        ("a dozen", 12.0),
        ("a quarter", 0.25),
        ("fourteen thousand", 14_000.0),
    ],
)
def test_number_words(text, value):
    assert v.word_number(text) == value


@pytest.mark.parametrize("text", ["", "people", "twenty people", "million", "and"])
def test_not_number_words(text):
    assert v.word_number(text) is None


def test_read_number_words_stops_after_the_number():
    assert v.read_number_words(["about", "forty-two", "jobs"], 1) == (42.0, 2)
    assert v.read_number_words(["the", "jobs"]) is None


def test_verb_forms():
    assert v.verb_forms("deny") == {"deny", "denies", "denied", "denying"}
    assert v.verb_forms("slam+") == {"slam", "slams", "slammed", "slamming"}
    assert v.verb_forms("criticize") == {"criticize", "criticizes", "criticized", "criticizing"}


def test_parse_vocabulary_kinds_and_errors():
    text = """# file comment
[A]
# Doc of A.
x y
z
[B: phrases]
# Doc of B.
according to
[C: values]
# Doc of C.
one=1 two=2
[D: ranges]
# Doc of D.
few=2..9 many=10..
"""
    classes = v.parse_vocabulary(text)
    assert classes["A"].entries == ("x", "y", "z") and classes["A"].doc == "Doc of A."
    assert classes["B"].entries == ("according to",)
    assert classes["C"].kind == "values" and classes["D"].kind == "ranges"
    with pytest.raises(ValueError):
        v.parse_vocabulary("[A]\nx\n[A]\ny\n")
    with pytest.raises(ValueError):
        v.parse_vocabulary("[A: nouns]\nx\n")


def test_english_stop_words_are_scikit_learns_with_news_words():
    stop = v.english_stop_words()
    assert {"the", "and", "said", "told", "mr"} <= stop
    assert v.NEWS_STOP_WORDS <= stop


def test_import_reads_no_third_party_module():
    code = "import sys, mediadiff.vocabulary; print('sklearn' in sys.modules, 'numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
