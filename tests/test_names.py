"""Name mentions: read once per Document (``Document.names``), offsets into the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediadiff.align import align
from mediadiff.analysis import find_conflicts, finding_kinds
from mediadiff.analysis.conflicts import KIND as CONFLICTS
from mediadiff.document import Article, NameMention
from mediadiff.names import find_name_words, find_names, is_name, name_norms, read_names
from mediadiff.segment import segment, tokenize


def names(text: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return [(m.text, m.kind, m.key, m.title) for m in segment(Article("a", text)).names]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dana Whitcombe spoke.", [("Dana Whitcombe", "person", "whitcombe", ())]),
        (
            "DEP Deputy Director Dana Whitcombe spoke.",
            [("Dana Whitcombe", "person", "whitcombe", ("dep", "deputy", "director"))],
        ),
        (
            "They met Dana Whitcombe, deputy director of the agency.",
            [("Dana Whitcombe", "person", "whitcombe", ("deputy", "director"))],
        ),
        ("Then-deputy director Ann Lee spoke.", [("Ann Lee", "person", "lee", ("deputy", "director"))]),
        ("It reopened the Central Library.", [("Central Library", "place", "library", ())]),
        ("She lives in Norfolk.", [("Norfolk", "other", "norfolk", ())]),
        # a name that opens with a word of place names is a place, not a person called Carolina
        (
            "The ad airs in North Carolina and Fort Myers.",
            [("North Carolina", "place", "carolina", ()), ("Fort Myers", "place", "myers", ())],
        ),
        ("On Monday in March the DOJ said New York was fine.", [("York", "other", "york", ())]),
    ],
)
def test_names_are_read_with_their_kind_key_and_title(text, expected):
    assert names(text) == expected


def test_a_title_lies_in_the_text_and_the_name_span_leaves_it_out():
    text = "County Administrator Priya Raman resigned."
    [m] = segment(Article("a", text)).names
    assert m.text == "Priya Raman" and m.words == ("priya", "raman")
    assert text[m.title_start : m.title_end] == "County Administrator"
    assert [p.text for p in m.parts] == ["Priya", "Raman"]


def test_names_in_looks_up_by_position():
    text = "Ann Lee met Bo Chan."
    doc = segment(Article("a", text))
    assert [m.text for m in doc.names] == ["Ann Lee", "Bo Chan"]
    assert [m.text for m in doc.names_in(4, len(text))] == ["Bo Chan"]
    assert doc.names_in(0, 3) == doc.names[:1] and doc.names_in(3, 8) == ()


def test_read_names_reads_tokens_alone_and_find_names_reads_sentences():
    text = "Mayor Ann Lee thanked Bo Chan."
    doc = segment(Article("a", text))
    assert find_names(doc.content_sentences) == doc.names
    assert [m.text for m in read_names(tokenize(text))] == ["Ann Lee", "Bo Chan"]


def test_the_name_words_are_the_one_predicates_person_names():
    doc = segment(Article("a", "Then Deputy Director Dana O'Neill met Lena Ortiz on Tuesday."))
    words = [t for s in doc.content_sentences for t in s.tokens if is_name(t, person=True)]
    assert [t.text for t in words] == [p.text for m in doc.names for p in m.parts] == ["Dana", "Lena", "Ortiz"]


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (
            "Deputy Director Dana Whitcombe said it would close.",
            "Director Dana Whitcombe said it would close.",
            "title",
        ),
        ("Director Dana Whitcombe said it would close.", "Director Dana Whitcomb said it would close.", "name"),
        (
            "The shelter in Norfolk opened on Monday for families.",
            "The shelter in Norwalk opened on Monday for families.",
            "name",
        ),
    ],
)
def test_conflicts_read_the_titles_and_names_of_the_records(a, b, kind):
    alignment = align([Article("a", a), Article("b", b)], threshold=0.3)
    [conflict] = find_conflicts(alignment)
    assert conflict.kind == kind
    docs = {d.outlet: d for d in alignment.documents}
    for v in conflict.values:
        spans = {(m.start, m.end) for m in docs[v.outlet].names}
        spans |= {(m.title_start, m.title_end) for m in docs[v.outlet].names}
        spans |= {(p.start, p.end) for m in docs[v.outlet].names for p in m.parts}
        assert (v.start, v.end) in spans


def test_a_clause_without_the_title_after_the_name_gives_the_name_without_it():
    # the aligner cuts ", deputy director of the agency" off as a clause of its own
    doc = segment(Article("a", "Dana Whitcombe, deputy director of the agency, said the plant would close."))
    [m] = doc.names
    assert m.title == ("deputy", "director") and m.title_start is not None and m.title_start > m.end


def test_each_finding_kind_is_declared_beside_its_analyser():
    names = [k.name for k in finding_kinds()]
    assert names[:6] == [
        "omissions",
        "wording_shifts",
        "loaded_language",
        "quotes",
        "quote_alterations",
        "conflicts",
    ]
    assert CONFLICTS in finding_kinds() and CONFLICTS.record_type.__module__ == "mediadiff.analysis.conflicts"


words = st.sampled_from(
    "Dana Whitcombe Ann Lee O'Neill Q. J. Central Library Deputy Director County mayor deputy director "
    "the said met in on Monday March New Former then-deputy DOJ St. , . : “ ” - and of".split()
)
gaps = st.sampled_from([" ", "  ", "\n", "\n\n", ""])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(words, gaps), max_size=40), st.text(max_size=30))
def test_every_name_points_into_the_text(parts, noise):
    text = "".join(w + g for w, g in parts) + noise
    doc = segment(Article("a", text))
    previous = -1
    for m in doc.names:
        assert isinstance(m, NameMention)
        assert text[m.start : m.end] == m.text
        assert m.start >= previous  # in text order, never overlapping
        previous = m.end
        assert all(text[p.start : p.end] == p.text and m.start <= p.start < m.end for p in m.parts)
        assert m.key == (m.parts[-1].norm if m.parts else "")
        if m.title_start is not None and m.title_end is not None:
            assert m.title and 0 <= m.title_start < m.title_end <= len(text)
            assert m.title_end <= m.start or m.title_start >= m.end
        assert doc.sentence_at(m.start) is not None


def test_name_words_are_the_tokens_that_are_names_read_once_with_the_records():
    doc = segment(Article("a", "Officials said DEP Director Dana Whitcombe met officials on Monday.\n\nShe left."))
    words = doc.name_words
    assert words == find_name_words(doc.content_sentences)
    tokens = [t for s in doc.content_sentences for t in s.tokens]
    assert words.starts == {t.start for t in tokens if is_name(t)}
    # no sentence start is left out: a reader leaves out the starts it doubts ("Officials", "She")
    named = [t.text for t in tokens if t.start in words.starts]
    assert named == ["Officials", "DEP", "Director", "Dana", "Whitcombe", "She"]
    assert "officials" in words.lowercase and "officials" not in words.capitalised  # "Officials" opens a sentence
    assert {"dep", "director", "dana", "whitcombe", "monday"} <= words.capitalised


def test_name_norms_are_capitalised_past_a_sentence_start_and_never_lower_case_in_any_article():
    a = segment(Article("a", "Raman said the Leak was contained.\n\nThe county confirmed it."))
    b = segment(Article("b", "Officials said a leak at Kestrel was contained by Raman."))
    assert name_norms([a]) == {"leak"}
    assert name_norms([a, b]) == {"kestrel", "raman"}
    assert name_norms([]) == frozenset()


def test_a_title_after_a_comma_that_a_name_follows_is_that_names():
    """Regression: in "A, Senator B" the senator's title was given to A too."""
    got = names("Backers like Tova Brandt, Senator Ilse Marrow and Nell Ostrander came.")
    assert [(x[0], x[3]) for x in got] == [
        ("Tova Brandt", ()),
        ("Ilse Marrow", ("senator",)),
        ("Nell Ostrander", ()),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an abbreviated title and its full stop belong to the title, never to the name
        ("Then came former Oregon Gov. Pell Ansgar to the rally.", ("Pell Ansgar", ("former", "oregon", "gov"))),
        # lower-case links inside an institution's name stay in the title
        (
            "Office of Water Quality Director Rhea Lund spoke.",
            ("Rhea Lund", ("office", "of", "water", "quality", "director")),
        ),
    ],
)
def test_titles_read_through_abbreviations_and_links(text, expected):
    assert [(x[0], x[3]) for x in names(text) if x[0] == expected[0]] == [expected]
