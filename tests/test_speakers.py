"""Who speaks: the speaker key of attributed text, and how the aligner weighs it."""

from __future__ import annotations

import pytest

from mediadiff import Article, ParameterError, align, segment
from mediadiff.names import speaker_key


def _key_of(text: str, sentence: str) -> str | None:
    doc = segment(Article("a", text))
    start = text.index(sentence)
    return speaker_key(doc, start, start + len(sentence))


@pytest.mark.parametrize(
    ("text", "sentence", "expected"),
    [
        # a named source with a title: the surname
        ("Mayor Ann Volkov said the plant was safe.", "Mayor Ann Volkov said the plant was safe.", "volkov"),
        # one name word opening the sentence is still the source's name
        ("Volkov said the plant was safe.", "Volkov said the plant was safe.", "volkov"),
        # a pronoun stands for the source named before it
        ("“It is safe,” Volkov said. “The plant is clean,” she said.", "“The plant is clean,” she said.", "volkov"),
        # a source that names no one, and text attributed to no one
        ("The company said the plant was safe.", "The company said the plant was safe.", None),
        ("The plant reopened on Monday.", "The plant reopened on Monday.", None),
    ],
)
def test_speaker_key_names_the_person_the_words_are_attributed_to(
    text: str, sentence: str, expected: str | None
) -> None:
    assert _key_of(text, sentence) == expected


def test_speaker_key_needs_most_of_the_span_attributed() -> None:
    text = "The plant reopened on Monday after a long inspection, and Volkov said it was safe."
    doc = segment(Article("a", text))
    assert speaker_key(doc, 0, text.index(", and")) is None
    assert speaker_key(doc, text.index("it was safe"), len(text) - 1) == "volkov"


A = Article(
    "a",
    "The plant reopened on Monday after a long inspection. Mayor Ann Volkov said the plant was safe for "
    "workers and neighbours. Inspector Raj Patel said the plant was not safe for workers.",
)
B = Article(
    "b",
    "After months of inspection the plant reopened Monday. The plant is safe for its workers and the "
    "neighbourhood, Volkov said.",
)


def _shared(result) -> list[list[str]]:
    return [[m.text for m in p.members] for p in result.passages if len(p.outlets) > 1]


def test_two_speakers_on_one_topic_stay_two_facts() -> None:
    # without the speaker evidence the inspector's contrary claim joins the mayor's passage
    assert any(len(g) == 3 for g in _shared(align([A, B], speaker_weight=0.0)))
    shared = _shared(align([A, B]))
    claim = next(g for g in shared if any("Volkov" in t for t in g))
    assert claim == [
        "Mayor Ann Volkov said the plant was safe for workers and neighbours.",
        "The plant is safe for its workers and the neighbourhood, Volkov said.",
    ]
    assert not any("Patel" in t for g in shared for t in g)


def test_speaker_weight_does_not_depend_on_outlet_order() -> None:
    assert _shared(align([A, B])) == _shared(align([B, A]))


@pytest.mark.parametrize("bad", [-0.1, 1.0, 2, "0.3", None])
def test_speaker_weight_out_of_range_is_a_parameter_error(bad: object) -> None:
    with pytest.raises(ParameterError, match="speaker_weight"):
        align([A, B], speaker_weight=bad)  # type: ignore[arg-type]
