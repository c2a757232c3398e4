"""Loaded-language detection in one text: categories, inflections, gaps, negation, quotes, span rules."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mediadiff.document import Article
from mediadiff.loaded.detect import LoadedSpan, detect_loaded_language
from mediadiff.loaded.lexicon import Lexicon, LexiconEntry
from mediadiff.segment import segment


def spans(text: str, **kw) -> list[tuple[str, str, bool]]:
    return [(s.text, s.category, s.in_quote) for s in detect_loaded_language(text, **kw)]


def test_each_category_is_found() -> None:
    found = spans(
        "The mayor slashed the budget. Residents voiced fury. Aides called him a crook. "
        "Costs skyrocketed. The so-called reform failed. The figures were baseless."
    )
    categories = {c for _, c, _ in found}
    assert {"force", "outrage", "pejorative", "exaggeration", "doubt"} <= categories
    assert ("slashed", "force", False) in found


def test_inflections_match_the_base_form() -> None:
    for word in ("slams", "slammed", "slamming"):
        assert spans(f"Critics {word} it.") == [(word, "force", False)]
    assert [t for t, _, _ in spans("It was handled shamelessly.")] == ["shamelessly"]


def test_gapped_expression_spans_the_gap() -> None:
    assert spans("Agents snatched three children away at night.") == [
        ("snatched three children away", "force", False)
    ]
    # a gap never crosses punctuation
    assert "snatched" in spans("Agents snatched, then drove away.")[0][0]
    assert "away" not in spans("Agents snatched, then drove away.")[0][0]


def test_negation_drops_hedges_and_mutes_strong_words() -> None:
    assert spans("The decision was not very surprising.") == []
    muted = detect_loaded_language("The plan was not a disaster.", min_score=0.0)
    plain = detect_loaded_language("The plan was a disaster.", min_score=0.0)
    assert muted[0].score == plain[0].score / 2


def test_quoted_words_are_marked_in_quote() -> None:
    found = spans('The chief called it "an outrageous abuse," then left. Critics slammed him.')
    assert ("outrageous abuse", "outrage", True) in found
    assert ("slammed", "force", False) in found


def test_adjective_takes_its_noun_and_of_phrase() -> None:
    assert spans("It was a disastrous nuclear deal.") == [("disastrous nuclear deal", "outrage", False)]
    assert spans("It was a travesty of justice.")[0][0] == "travesty of justice"
    assert spans("It was a disastrous nuclear deal.", extend=False)[0][0] == "disastrous"


def test_weak_words_only_join_a_strong_span() -> None:
    assert spans("He even attended the meeting.") == []
    assert spans("He even scolded the lawyers.")[0][0] == "even scolded"
    assert spans("He even attended the meeting.", min_score=0.3)[0][0] == "even attended"


def test_neutral_news_words_are_not_flagged() -> None:
    text = "Police said the attack killed two people. Supporters protested the war and the crime bill."
    assert spans(text) == []


def test_names_are_not_words() -> None:
    text = "In an interview on Sunday with CNN's Dana Bash, the senator defended the decision."
    assert spans(text) == []


def test_a_surname_is_a_name_where_it_opens_a_sentence_too() -> None:
    text = ("The memo was sent by U.S. Attorney Ray Bash on Friday. Bash told his staff to wait. "
            "Critics bash the plan.")
    assert spans(text) == [("bash", "force", False)]


def test_user_lexicon_replaces_the_default() -> None:
    lex = Lexicon([LexiconEntry("gizmo", "hype", 0.9, "noun")])
    assert spans("A gizmo slammed the market.", lexicon=lex) == [("gizmo", "hype", False)]


def test_document_input_skips_boilerplate_and_matches_text_input() -> None:
    text = "Critics slammed the plan.\n\nAdvertisement"
    doc = segment(Article("wire", text))
    assert detect_loaded_language(doc) == detect_loaded_language(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["the", "plan", "slammed", "very", "disastrous", "“", "”", "not", ",", "away",
                                 "snatched", "of", "travesty", "\n", "Bash", "Dana", "fury", "."]), max_size=30))
def test_offsets_always_point_into_the_text(words: list[str]) -> None:
    text = " ".join(words)
    found = detect_loaded_language(text, min_score=0.0)
    assert all(isinstance(s, LoadedSpan) and text[s.start:s.end] == s.text for s in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    assert all(0.0 <= s.score <= 1.0 for s in found)
