"""The attribution layer: whose words are these, on cases of each kind written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediadiff.document import Article, Attribution, Document
from mediadiff.segment import segment


def _doc(text: str) -> Document:
    return segment(Article("t", text))


def _found(text: str) -> list[tuple[str, str | None, str | None, list[str]]]:
    """(kind, source, cue, contents) of every attribution, in text order."""
    return [
        (a.kind, a.source.text if a.source else None, a.cue.text if a.cue else None, [c.text for c in a.content])
        for a in _doc(text).attributions
    ]


def test_a_quotation_and_its_speaker_after_it() -> None:
    assert _found("“We will reopen the bridge by spring,” Mayor Ana Ruiz said.") == [
        ("direct", "Mayor Ana Ruiz", "said", ["We will reopen the bridge by spring,"])
    ]


def test_a_speaker_after_the_cue_with_an_apposition_after_him() -> None:
    assert _found("“The repairs are overdue,” said Tom Reyes, a council member who voted for them.") == [
        ("direct", "Tom Reyes", "said", ["The repairs are overdue,"])
    ]


def test_indirect_speech_after_the_cue_and_that() -> None:
    assert _found("The transport office said that the north crossing would stay open.") == [
        ("indirect", "The transport office", "said", ["the north crossing would stay open."])
    ]


def test_indirect_speech_before_the_cue() -> None:
    assert _found("The closure will cost the port millions, the shipping union warned.") == [
        ("indirect", "the shipping union", "warned", ["The closure will cost the port millions"])
    ]


def test_an_age_or_title_between_commas_is_not_the_source() -> None:
    [(kind, source, cue, content)] = _found("Reyes, 64, told reporters the vote had been rushed.")
    assert (source, cue, content) == ("Reyes", "told", ["the vote had been rushed."])


def test_according_to_before_and_after() -> None:
    assert _found("According to the audit, costs doubled in two years.") == [
        ("indirect", "the audit", "According to", ["costs doubled in two years."])
    ]
    assert _found("Costs doubled in two years, according to the audit.") == [
        ("indirect", "the audit", "according to", ["Costs doubled in two years"])
    ]


def test_a_document_reports_a_finding() -> None:
    [(kind, source, cue, content)] = _found("A county survey found that most riders use the bridge daily.")
    assert (source, cue, content) == ("A county survey", "found", ["most riders use the bridge daily."])
    assert _found("Police found the van near the river.") == []  # a finding of people, not of a document


def test_a_word_that_is_a_noun_here_is_no_cue() -> None:
    assert _found("Voters in 30 states elect their judges. The report runs to 40 pages.") == []
    assert _found("They claim the count was wrong.")[0][1:3] == ("They", "claim")


def test_a_cue_that_ends_its_clause_attributes_nothing_after_it() -> None:
    assert _found("The mayor said on Tuesday.") == []
    [(kind, source, cue, content)] = _found("The mayor said on Tuesday that the bridge would reopen.")
    assert content == ["the bridge would reopen."]


def test_a_statement_introduced_by_a_colon() -> None:
    text = (
        "The campaign said in a statement:\n\nThe report is a partisan smear. It ignores the record.\n\n"
        "Voters went to the polls on Tuesday."
    )
    [(kind, source, cue, content)] = _found(text)
    assert source == "The campaign"
    assert content == ["The report is a partisan smear. It ignores the record."]


def test_a_headline_that_leads_with_its_speaker() -> None:
    found = _found("Mayor Ruiz: Bridge will reopen by spring\n\nThe city council met on Monday.")
    assert found[0] == ("indirect", "Mayor Ruiz", ":", ["Bridge will reopen by spring"])


def test_a_quotation_that_stands_alone_takes_the_speaker_of_its_paragraph() -> None:
    text = "“It was overdue,” Reyes said. “We waited six years for it.”"
    found = _found(text)
    assert [f[1] for f in found] == ["Reyes", "Reyes"]
    assert found[1] == ("direct", "Reyes", None, ["We waited six years for it."])


def test_a_quotation_that_runs_over_two_paragraphs() -> None:
    text = "“The first phase is done,” Reyes said.\n\n“The second phase starts in May and ends in June.”"
    found = _found(text)
    assert found[-1] == ("direct", "Reyes", None, ["The second phase starts in May and ends in June."])


def test_nested_quotations_belong_to_the_outer_speaker() -> None:
    doc = _doc("“They called it ‘a waste of money’ and left,” Reyes said.")
    [a] = doc.attributions
    assert a.source.text == "Reyes" and a.content[0].text == "They called it ‘a waste of money’ and left,"
    inner = doc.text.index("a waste")
    assert doc.attribution_at(inner, inner + 5) is a


def test_double_apostrophes_are_a_quotation() -> None:
    assert _found("''We will win,'' said Sen. Dana Cole.") == [("direct", "Sen. Dana Cole", "said", ["We will win,"])]


def test_the_outlets_own_voice_is_not_attributed() -> None:
    doc = _doc("The bridge reopened on Monday after six months of repairs. Traffic was light.")
    assert doc.attributions == ()
    assert doc.attributed_length(0, len(doc.text)) == 0


def test_a_cue_inside_a_quotation_is_the_quoted_speakers() -> None:
    [(kind, source, cue, content)] = _found("“My staff said it would fail,” Reyes said.")
    assert (source, cue) == ("Reyes", "said") and content == ["My staff said it would fail,"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "“We will win,” she said.",
                "Reyes said the vote was rushed.",
                "According to the audit, costs rose.",
                "Costs rose, the union warned.",
                "The bridge reopened.",
                "''Fine,'' he said.",
                "The office said:",
                "Rain fell on Monday.",
                "\n\n",
                "Mayor: No comment",
                " “Half",
                "said",
                ", according to",
            ]
        ),
        min_size=1,
        max_size=12,
    )
)
def test_every_attribution_span_points_into_the_text(parts: list[str]) -> None:
    text = " ".join(parts)
    doc = _doc(text)
    for a in doc.attributions:
        assert isinstance(a, Attribution) and a.kind in ("direct", "indirect", "mixed")
        for span in (a.source, a.cue, *a.content):
            if span is not None:
                assert text[span.start : span.end] == span.text
        assert all(c.end > c.start for c in a.content)
    assert list(doc.attributions) == sorted(doc.attributions, key=lambda a: (a.start, a.end))
    assert doc.attributions == _doc(text).attributions  # deterministic


@pytest.mark.parametrize("text", ["", "   ", "Title only"])
def test_empty_and_tiny_texts(text: str) -> None:
    assert _doc(text).attributions == ()


def test_a_long_relative_clause_between_source_and_cue() -> None:
    [(kind, source, cue, content)] = _found(
        "Dina Okafor, who ran the harbour authority for a decade before the storm, said the sea wall was never finished."
    )
    assert (source, cue, content) == ("Dina Okafor", "said", ["the sea wall was never finished."])


def test_a_party_label_in_brackets_is_read_over() -> None:
    [(kind, source, cue, content)] = _found("Sen. Ann Doe (D-Ore.) said the bill would pass.")
    assert (source, cue, content) == ("Sen. Ann Doe", "said", ["the bill would pass."])


def test_a_second_predicate_and_a_participle_take_the_subject_of_the_clause() -> None:
    [(kind, source, cue, content)] = _found("Reyes voted against the budget and says it was written in a hurry.")
    assert (source, cue, content) == ("Reyes", "says", ["it was written in a hurry."])
    found = _found("At a rally in Dover on Sunday, Mrs. Ruiz defended the plan, saying that it would cut fares.")
    assert found == [
        ("indirect", "Mrs. Ruiz", "defended", ["the plan"]),
        ("indirect", "Mrs. Ruiz", "saying", ["it would cut fares."]),
    ]


def test_an_adverb_or_auxiliary_is_not_part_of_the_source() -> None:
    [(kind, source, cue, content)] = _found("Some council members are quietly saying the vote came too early.")
    assert (source, cue) == ("Some council members", "saying")


def test_when_it_was_said_may_stand_between_source_and_cue() -> None:
    """ "The mayor on Wednesday emphatically denied that ...": the day and the adverb belong to
    neither; the mayor speaks."""
    [(kind, source, cue, content)] = _found("The mayor on Wednesday emphatically denied that the plant leaked.")
    assert (source, cue, content) == ("The mayor", "denied", ["the plant leaked."])
    [(kind, source, cue, content)] = _found("Ann Lee yesterday told reporters the plant was safe.")
    assert (source, cue) == ("Ann Lee", "told")


@pytest.mark.parametrize(
    "text",
    ["Lawmakers who met on Friday said the bill was dead.", "The report released on Monday said costs rose."],
)
def test_a_time_that_follows_a_verb_is_not_skipped_to_reach_the_source(text: str) -> None:
    """ "met on Friday", "released on Monday": the time is the verb's; no source cut at the verb."""
    assert not any(s is not None and s.split()[-1] in ("met", "released") for _, s, _, _ in _found(text))


def test_the_that_clause_of_a_claim_noun_is_attributed() -> None:
    """A claim reported as a noun ("criticism from the union that ...", "the allegation that
    ...") is someone's words, not the outlet's; "from" or "by" names whose."""
    assert _found("The mayor faced criticism from the union that the council had caved to the developer.") == [
        ("indirect", "the union", "criticism", ["the council had caved to the developer."])
    ]
    found = _found("The clerk answered the allegation that the vote was rigged.")
    assert (None, "allegation", ["the vote was rigged."]) in [(s, c, x) for _, s, c, x in found]


def test_a_participle_clause_that_opens_the_sentence_is_the_outlets() -> None:
    """ "Trying to calm the uproar, X said: ..." says why X spoke; what X said follows the cue."""
    found = _found('Trying to calm the uproar, the mayor issued a statement saying: "The plant is safe."')
    assert [c for _, _, _, c in found] == [["The plant is safe."]]


def test_a_name_in_ing_that_opens_the_sentence_is_no_participle_clause() -> None:
    """ "Beijing will not back down, the ministry said": what comes before the source is its content."""
    found = _found("Beijing will not back down, the ministry said on Monday.")
    assert [(s, c) for _, s, _, c in found] == [("the ministry", ["Beijing will not back down"])]


def test_a_relative_clause_after_a_claim_noun_is_the_outlets() -> None:
    """ "the charges that had been filed": a relative clause, nobody's claim."""
    assert _found("Prosecutors dropped the charges that had been filed against him.") == []


def test_only_who_may_stand_between_a_claim_noun_and_its_that() -> None:
    """ "drew criticism on Friday after declaring that ...": the "that" is the declaring's."""
    assert all(
        c != "criticism" for _, _, c, _ in _found("Lee drew criticism on Friday after declaring that the war was lost.")
    )


def test_a_participle_after_the_speaker_is_not_a_second_source() -> None:
    found = _found("The levy will fail, Reyes said, adding that it was costly.")
    assert [(s, c, content) for _, s, c, content in found] == [
        ("Reyes", "said", ["The levy will fail"]),
        ("Reyes", "adding", ["it was costly."]),
    ]


def test_a_quotation_closed_by_its_speaker_in_the_next_sentence() -> None:
    found = _found("“Why did nobody warn us?” Okafor said.")
    assert [(s, c, content) for _, s, c, content in found] == [("Okafor", "said", ["Why did nobody warn us?"])]


def test_a_verb_that_frames_a_quotation_is_a_speech_verb() -> None:
    assert _found("“They sold the river,” the fisherman shouted.") == [
        ("direct", "the fisherman", "shouted", ["They sold the river,"])
    ]
    assert _found("Waving a flag, Mr. Reyes bellowed, “Not one more tower!”") == [
        ("direct", "Mr. Reyes", "bellowed", ["Not one more tower!"])
    ]
    assert _found("The banner read “Save the pier.”")[0][1:3] == (None, None)  # no frame: a quotation on its own


def test_a_line_that_leads_with_its_speaker_but_not_a_label() -> None:
    text = (
        "The hearing ran late.\n\nOkafor: We were told nothing about the pumps.\n\nUpdate: The hearing resumes Monday."
    )
    found = _found(text)
    assert ("indirect", "Okafor", ":", ["We were told nothing about the pumps."]) in found
    assert not any(source == "Update" for _, source, _, _ in found)
    # a title-case headline's subject is no speaker; a name with a short title is
    assert _found("Harbour Board Pier Budget Vote: Members Balk at Costs") == []
    assert _found("Deputy Mayor Ann Doe: We Will Not Back Down")[0][1] == "Deputy Mayor Ann Doe"


def test_a_verb_of_stance_attributes_its_judgement() -> None:
    [(kind, source, cue, content)] = _found("The mayor criticized the budget as reckless and wasteful.")
    assert (source, cue, content) == ("The mayor", "criticized", ["the budget as reckless and wasteful."])
    assert _found("The port suffered three attacks last year.") == []  # a noun after a noun: no cue


def test_so_called_is_an_adjective() -> None:
    assert _found("The so called reform passed on Tuesday.") == []


def test_a_title_resolves_to_the_person_named_before() -> None:
    doc = _doc(
        "Sen. Ann Doe said the bill would pass.\n\nThe senator said the vote would come in May.\n\n"
        "The company said it would appeal. She said the appeal would fail."
    )
    speakers = [(a.source.text if a.source else None, a.speaker) for a in doc.attributions]
    # "the senator" stands for Sen. Ann Doe; "The company" names no one, so "She" is Doe as well
    assert speakers == [
        ("Sen. Ann Doe", "Sen. Ann Doe"),
        ("The senator", "Sen. Ann Doe"),
        ("The company", "The company"),
        ("She", "Sen. Ann Doe"),
    ]


def test_pointing_to_something_attributes_it() -> None:
    [(kind, source, cue, content)] = _found("The economists pointed to the ruinous cost of the tariffs.")
    assert (source, cue, content) == ("The economists", "pointed to", ["the ruinous cost of the tariffs."])


def test_a_reported_question_is_the_askers_not_the_outlets() -> None:
    assert _found("When asked whether the mayor bungled the levy, Ruiz laughed.") == [
        ("indirect", None, "asked", ["whether the mayor bungled the levy"])
    ]
    assert _found("Reporters asked if the pier was doomed.") == [
        ("indirect", "Reporters", "asked", ["if the pier was doomed"])
    ]
