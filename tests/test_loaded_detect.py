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
    assert spans("Agents snatched three children away at night.") == [("snatched three children away", "force", False)]
    # a gap never crosses punctuation
    assert "snatched" in spans("Agents snatched, then drove away.")[0][0]
    assert "away" not in spans("Agents snatched, then drove away.")[0][0]


def test_negation_drops_hedges_and_mutes_strong_words() -> None:
    assert spans("The decision was not very surprising.") == []
    muted = detect_loaded_language("The plan was not a disaster.", min_score=0.0, calibrated=False)
    plain = detect_loaded_language("The plan was a disaster.", min_score=0.0, calibrated=False)
    assert muted[0].score == plain[0].score / 2
    # calibrated, negation lowers the probability too
    assert (
        detect_loaded_language("The plan was not a disaster.", min_score=0.0)[0].score
        < detect_loaded_language("The plan was a disaster.", min_score=0.0)[0].score
    )


def test_quoted_words_are_marked_in_quote() -> None:
    found = spans('The chief called it "an outrageous abuse," then left. Critics slammed him.')
    assert ("outrageous abuse", "outrage", True) in found
    assert ("slammed", "force", False) in found


def test_adjective_takes_its_noun_and_of_phrase() -> None:
    assert spans("It was a disastrous nuclear deal.") == [("disastrous nuclear deal", "outrage", False)]
    assert spans("It was a travesty of justice.")[0][0] == "travesty of justice"
    assert spans("It was a disastrous nuclear deal.", extend=False)[0][0] == "disastrous"


def test_a_span_does_not_grow_over_a_name_or_the_next_predicate() -> None:
    """The loaded word is about the person, not part of the name ("a travesty of | Judge Hale's
    making"), and an adjective takes its noun, not the verb after it (regular or irregular)."""
    assert spans("It was a travesty of Judge Hale's making.")[0][0] == "travesty"
    assert spans("The disastrous deal collapsed on Friday.")[0][0] == "disastrous deal"
    assert spans("The disastrous deal became law on Friday.")[0][0] == "disastrous deal"


def test_the_first_word_a_span_takes_may_be_a_participle() -> None:
    """An adjective takes a participle before its noun ("sinister hidden agenda"), and a noun
    in -eed is no past form ("shameless greed")."""
    assert spans("They feared a sinister hidden agenda.")[0][0] == "sinister hidden agenda"
    assert spans("It was shameless greed.")[0][0] == "shameless greed"


def test_a_modal_adjective_before_to_casts_no_doubt() -> None:
    """ "was supposed to be" says what was expected; "the supposed savings" doubts them."""
    lex = Lexicon([LexiconEntry("supposed", "doubt", 0.8, "adj")])
    assert detect_loaded_language("The vote was supposed to be on Friday.", lex, calibrated=False) == []
    found = detect_loaded_language("The supposed savings never came.", lex, calibrated=False, extend=False)
    assert [s.text for s in found] == ["supposed"]


def test_a_weaker_entry_stands_where_a_stronger_one_is_misread() -> None:
    """ "cowardly" is no "-ly" form of the noun "coward" but the lexicon's own adjective."""
    assert spans("He was cowardly and weak.", extend=False)[0][0] == "cowardly"


def test_weak_words_only_join_a_strong_span() -> None:
    assert spans("He even attended the meeting.") == []
    assert spans("He even scolded the lawyers.")[0][0] == "even scolded"
    assert spans("He even attended the meeting.", min_score=0.3, calibrated=False)[0][0] == "even attended"


def test_neutral_news_words_are_not_flagged() -> None:
    text = "Police said the attack killed two people. Supporters protested the war and the crime bill."
    assert spans(text) == []


def test_names_are_not_words() -> None:
    text = "In an interview on Sunday with CNN's Dana Bash, the senator defended the decision."
    assert spans(text) == []


def test_a_surname_is_a_name_where_it_opens_a_sentence_too() -> None:
    text = "The memo was sent by U.S. Attorney Ray Bash on Friday. Bash told his staff to wait. Critics bash the plan."
    assert spans(text) == [("bash", "force", False)]


def test_user_lexicon_replaces_the_default() -> None:
    lex = Lexicon([LexiconEntry("gizmo", "hype", 0.9, "noun")])
    assert spans("A gizmo slammed the market.", lexicon=lex) == [("gizmo", "hype", False)]


def test_document_input_skips_boilerplate_and_matches_text_input() -> None:
    text = "Critics slammed the plan.\n\nAdvertisement"
    doc = segment(Article("wire", text))
    assert detect_loaded_language(doc) == detect_loaded_language(text)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "the",
                "plan",
                "slammed",
                "very",
                "disastrous",
                "“",
                "”",
                "not",
                ",",
                "away",
                "snatched",
                "of",
                "travesty",
                "\n",
                "Bash",
                "Dana",
                "fury",
                ".",
            ]
        ),
        max_size=30,
    )
)
def test_offsets_always_point_into_the_text(words: list[str]) -> None:
    text = " ".join(words)
    found = detect_loaded_language(text, min_score=0.0)
    assert all(isinstance(s, LoadedSpan) and text[s.start : s.end] == s.text for s in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    assert all(0.0 <= s.score <= 1.0 for s in found)


def test_calibrated_scores_are_probabilities_with_one_threshold() -> None:
    from mediadiff.loaded.calibration import Calibration

    cal = Calibration.default()
    assert 0.0 < cal.threshold < 1.0 and cal.provenance["refit"].startswith("python bench/")
    everything = detect_loaded_language("Critics slammed the plan. He even attended.", min_score=0.0, calibrated=True)
    kept = detect_loaded_language("Critics slammed the plan. He even attended.", calibrated=True)
    assert [s.text for s in kept] == [s.text for s in everything if s.score >= cal.threshold] == ["slammed"]
    assert all(0.0 <= s.score <= 1.0 for s in everything)


def test_hyphenated_open_and_closed_forms_match_one_entry() -> None:
    """Issue 19: "knee-jerk" is also "knee jerk" and "kneejerk"; "hard line" also "hard-line"."""
    lex = Lexicon([LexiconEntry("knee-jerk", "outrage", 0.8, "adj"), LexiconEntry("hard line", "pejorative", 0.8)])
    for text in ("a knee-jerk veto", "a knee jerk veto", "a kneejerk veto"):
        found = detect_loaded_language(f"They issued {text}.", lex, calibrated=False, extend=False)
        assert [(s.text, s.terms) for s in found] == [(text[2:-5], ("knee-jerk",))]
    found = detect_loaded_language("They took a hard-line view.", lex, calibrated=False, extend=False)
    assert [(s.text, s.terms) for s in found] == [("hard-line", ("hard line",))]
    # a hyphenated entry whose parts are function words is not its open phrase
    lex = Lexicon([LexiconEntry("has-been", "pejorative", 0.8, "noun")])
    assert detect_loaded_language("It has been a long year.", lex, calibrated=False) == []


def test_a_participle_entry_stands_for_its_verb() -> None:
    lex = Lexicon([LexiconEntry("humiliated", "outrage", 0.8, "adj"), LexiconEntry("heated", "outrage", 0.8, "adj")])
    for word in ("humiliate", "humiliates", "humiliating"):
        assert [s.text for s in detect_loaded_language(f"They {word} him.", lex, calibrated=False)] == [word]
    # short bases are too often other words: "heated" does not make "heat" loaded
    assert detect_loaded_language("They heat the hall.", lex, calibrated=False) == []


def test_a_hyphenated_word_is_read_through_its_parts() -> None:
    lex = Lexicon([LexiconEntry("hungry", "pejorative", 0.8, "adj")])
    assert [s.text for s in detect_loaded_language("A power-hungry mayor.", lex, calibrated=False, extend=False)] == [
        "power-hungry"
    ]


def test_a_capitalised_name_at_sentence_start_is_not_a_word() -> None:
    """Issue 19: a company whose name is an adjective opens a sentence ("Savage Arms said")."""
    lex = Lexicon([LexiconEntry("savage", "force", 0.9, "adj")])
    text = "Savage Arms said sales rose. The firm, said Savage, expects more."
    assert detect_loaded_language(text, lex, calibrated=False) == []
    # lower case elsewhere in the text: a capitalised first word is the ordinary word
    assert (
        detect_loaded_language("Savage cuts hit Mayor Lee. They were savage.", lex, calibrated=False, extend=False)[
            0
        ].text
        == "Savage"
    )


def test_a_form_with_an_ending_foreign_to_the_entrys_part_of_speech_is_another_word() -> None:
    """An adjective has no verb forms ("uttered" is the verb "utter", not the adjective), a noun
    no agent or comparative form ("a hacker" is not "a hack"); the forms each does take still
    match, and a noun entry keeps its participle ("outraged")."""
    lex = Lexicon(
        [
            LexiconEntry("utter", "exaggeration", 0.8, "adj"),
            LexiconEntry("hack", "pejorative", 0.8, "noun"),
            LexiconEntry("outrage", "outrage", 0.8, "noun"),
        ]
    )

    def found(text: str) -> list[str]:
        return [s.text for s in detect_loaded_language(text, lex, calibrated=False, extend=False)]

    assert found("She uttered the oath. He was uttering it too.") == []
    assert found("A hacker posted the photo.") == []
    assert found("It was an utter failure, and utterly so.") == ["utter", "utterly"]
    assert found("He called the reporter a hack. Two hacks wrote it.") == ["hack", "hacks"]
    assert found("Neighbours were outraged.") == ["outraged"]


def test_an_irregular_past_after_a_determiner_is_a_noun() -> None:
    lex = Lexicon([LexiconEntry("bite", "force", 0.9, "verb"), LexiconEntry("ambush", "force", 0.9, "verb")])
    assert detect_loaded_language("It took a bit of time.", lex, calibrated=False) == []
    assert [s.text for s in detect_loaded_language("The dog bit him.", lex, calibrated=False)] == ["bit"]
    assert [s.text for s in detect_loaded_language("They staged an ambush.", lex, calibrated=False, extend=False)] == [
        "ambush"
    ]
