"""The word classes mediadiff's rules read, loaded once from one data file (language knowledge).

Every rule that asks "is this a speech verb?", "a pronoun?", "a day or a month?", "a number
word?" reads these classes, so that two analysers never disagree on the answer. The classes
live in ``mediadiff/data/vocabulary.txt``, each documented there (what it is, why, who reads
it); this module parses that file once, at import (a few milliseconds, no third-party import),
and exposes each class under its name. All entries are lower case and are compared with
:attr:`mediadiff.document.Token.norm`. The lists are our own, written from the word classes of
English grammar and news style, not from any one story.

Classes (see the data file for each one's documentation)
--------------------------------------------------------
Speech and cognition verbs, and the words around them: ATTRIBUTION_CUES, STANCE_CUES,
NOUN_LIKE_CUES, FINDING_CUES, CLAIM_NOUNS, SOURCE_NOUNS, LISTENER_CUES, QUOTING_VERBS, ATTRIBUTION_PHRASES,
SOURCE_STOP, NOUN_MARKERS, LISTENERS, RELATIVE_PRONOUNS, SUBJECT_BREAKS, TIME_OPENERS,
FRONTED_OPENERS, PASSIVE_MARKERS, LABELS; SPEECH_VERBS (the cues, the quoting verbs and
"according").
Pronouns: PRONOUNS (subject case), OBJECT_PRONOUNS; PERSONAL_PRONOUNS (both).
Titles, ranks and names: TITLE_WORDS, RANK_WORDS, ABBREVIATED_TITLES, HONORIFICS,
NAME_LINKS, SPOKESPERSONS, NOT_NAME_WORDS, NOT_PERSON_WORDS, PLACE_WORDS, PLACE_PREFIXES,
NAME_CONTRACTIONS (short form -> the words it stands for).
Calendar words: WEEKDAYS, RELATIVE_DAYS, MONTHS and MONTH_ABBREVIATIONS (word -> month number);
MONTH_NUMBERS (both), CALENDAR_WORDS (weekdays and months written out).
Numbers, scales and quantities: NUMBER_WORDS, NUMBER_SCALES, FRACTIONS (word -> value),
VAGUE_RANGES (word -> (low, high)), VAGUE_MAGNITUDES (word -> power of ten), APPROXIMATORS,
PERCENT_WORDS, RANGE_WORDS, UNIT_SKIPS, CLOCK_WORDS, TIME_UNITS, WHOLE_WORDS,
PEOPLE_UNITS, COMMON_UNITS; :func:`read_number_words`, :func:`word_number`.
Function words: STOPWORDS, NEGATIONS, NEGATORS, QUANTIFIERS, CLAUSE_QUANTIFIERS,
CLAUSE_OPENERS, CONJUNCTIONS, AUXILIARIES, SUBORDINATORS, BARE_SUBORDINATORS,
FRONTED_CLAUSE_OPENERS, ING_NOUNS, DETERMINERS, BE_FORMS, DEGREE_WORDS, PHRASE_BREAKS,
GLUE_WORDS, PARTICLES, SENTENCE_STARTERS, ABBREVIATIONS, NUMERIC_ABBREVIATIONS,
NEWS_STOP_WORDS; FUNCTION_WORDS (STOPWORDS without negations and quantifiers),
TRANSCRIPTION_WORDS and
:func:`english_stop_words` (scikit-learn's list with NEWS_STOP_WORDS, imported on first use).
Word forms: INFLECTIONAL_ENDINGS, CONTRACTIONS, IS_CONTRACTION_HOSTS (read by
:func:`mediadiff._tokens.forms_of_one` and :func:`mediadiff._tokens.spelled_out`).
Tone: HEDGES, MODAL_ADJECTIVES, RESPONSE_CUES, REFUSALS, REFUSED_ACTS, INTENSIFIERS, PLAIN_WORDS.

:data:`CLASSES` maps each class of the data file to its parsed form (kind, documentation,
entries); :func:`parse_vocabulary` reads text in the data file's format.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Literal

__all__ = [
    "ABBREVIATED_TITLES",
    "ABBREVIATIONS",
    "APPROXIMATORS",
    "ATTRIBUTION_CUES",
    "ATTRIBUTION_PHRASES",
    "AUXILIARIES",
    "BARE_SUBORDINATORS",
    "BE_FORMS",
    "CALENDAR_WORDS",
    "CLASSES",
    "CONTRACTIONS",
    "CLAIM_NOUNS",
    "CLAUSE_OPENERS",
    "CLOCK_WORDS",
    "CLAUSE_QUANTIFIERS",
    "COMMON_UNITS",
    "CONJUNCTIONS",
    "DEGREE_WORDS",
    "DETERMINERS",
    "FINDING_CUES",
    "FRACTIONS",
    "FRONTED_CLAUSE_OPENERS",
    "FRONTED_OPENERS",
    "FUNCTION_WORDS",
    "GLUE_WORDS",
    "HEDGES",
    "HONORIFICS",
    "INFLECTIONAL_ENDINGS",
    "INTENSIFIERS",
    "IS_CONTRACTION_HOSTS",
    "ING_NOUNS",
    "LABELS",
    "LISTENERS",
    "LISTENER_CUES",
    "QUESTION_CUES",
    "MODAL_ADJECTIVES",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "MONTH_NUMBERS",
    "NAME_CONTRACTIONS",
    "NAME_LINKS",
    "NEGATIONS",
    "NEGATORS",
    "NEWS_STOP_WORDS",
    "NOT_NAME_WORDS",
    "NOT_PERSON_WORDS",
    "NOUN_LIKE_CUES",
    "NOUN_MARKERS",
    "NUMBER_SCALES",
    "NUMBER_WORDS",
    "NUMERIC_ABBREVIATIONS",
    "OBJECT_PRONOUNS",
    "PARTICLES",
    "PASSIVE_MARKERS",
    "PEOPLE_UNITS",
    "PERCENT_WORDS",
    "PERSONAL_PRONOUNS",
    "PHRASE_BREAKS",
    "PLACE_PREFIXES",
    "PLACE_WORDS",
    "PLAIN_WORDS",
    "PRONOUNS",
    "QUANTIFIERS",
    "QUOTING_VERBS",
    "RANGE_WORDS",
    "RANK_WORDS",
    "RELATIVE_DAYS",
    "REFUSALS",
    "REFUSED_ACTS",
    "RELATIVE_PRONOUNS",
    "RESPONSE_CUES",
    "SENTENCE_STARTERS",
    "SOURCE_NOUNS",
    "SOURCE_STOP",
    "SPEECH_VERBS",
    "SPOKESPERSONS",
    "STANCE_CUES",
    "STOPWORDS",
    "SUBJECT_BREAKS",
    "SUBORDINATORS",
    "TIME_OPENERS",
    "TIME_UNITS",
    "TITLE_WORDS",
    "TRANSCRIPTION_WORDS",
    "UNIT_SKIPS",
    "VAGUE_MAGNITUDES",
    "VAGUE_RANGES",
    "VocabularyClass",
    "WEEKDAYS",
    "WHOLE_WORDS",
    "english_stop_words",
    "parse_vocabulary",
    "read_number_words",
    "verb_forms",
    "word_number",
]

#: Where the word classes are written.
DATA_FILE = Path(__file__).parent / "data" / "vocabulary.txt"

ClassKind = Literal["words", "verbs", "phrases", "values", "ranges"]
_KINDS: tuple[ClassKind, ...] = ("words", "verbs", "phrases", "values", "ranges")


@dataclass(frozen=True, slots=True)
class VocabularyClass:
    """One class of the data file: its ``name``, ``kind`` (how its entries are written), its
    documentation (the ``#`` lines under its header) and its ``entries`` as written (for
    ``verbs``, the bases; for ``phrases``, one phrase per entry; for ``values`` and ``ranges``,
    ``word=value`` strings)."""

    name: str
    kind: ClassKind
    doc: str
    entries: tuple[str, ...]


def verb_forms(base: str) -> frozenset[str]:
    """A regular verb's forms by rule: base, third person, past and present participle
    ("criticize" -> criticizes, criticized, criticizing; "deny" -> denies, denied; "slam" ->
    slams, slammed, slamming when written "slam+", the ``+`` asking for a doubled consonant).

    >>> sorted(verb_forms("deny"))
    ['denied', 'denies', 'deny', 'denying']
    >>> sorted(verb_forms("slam+"))
    ['slam', 'slammed', 'slamming', 'slams']
    """
    double = base.endswith("+")
    w = base.rstrip("+")
    if double:
        return frozenset({w, w + "s", w + w[-1] + "ed", w + w[-1] + "ing"})
    if w.endswith("e"):
        return frozenset({w, w + "s", w + "d", w[:-1] + "ing"})
    if w.endswith("y") and w[-2:-1] not in "aeiou":
        return frozenset({w, w[:-1] + "ies", w[:-1] + "ied", w + "ing"})
    third = w + "es" if w.endswith(("s", "sh", "ch", "x", "z")) else w + "s"
    return frozenset({w, third, w + "ed", w + "ing"})


def parse_vocabulary(text: str) -> dict[str, VocabularyClass]:
    """The classes of a text in the data file's format (see ``data/vocabulary.txt``).

    >>> c = parse_vocabulary("[SMALL]\\n# Small words.\\na an\\nthe\\n")["SMALL"]
    >>> c.kind, c.doc, c.entries
    ('words', 'Small words.', ('a', 'an', 'the'))
    """
    out: dict[str, VocabularyClass] = {}
    name: str | None = None
    kind: ClassKind = "words"
    doc: list[str] = []
    entries: list[str] = []
    documenting = False

    def close() -> None:
        if name is not None:
            out[name] = VocabularyClass(name, kind, " ".join(doc), tuple(entries))

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            close()
            head, _, declared = line[1:-1].partition(":")
            name, declared = head.strip(), declared.strip() or "words"
            if declared not in _KINDS or not name.isidentifier() or name in out:
                raise ValueError(f"vocabulary line {number}: bad or repeated header {line!r}")
            kind = _KINDS[_KINDS.index(declared)]
            doc, entries, documenting = [], [], True
            continue
        if line.startswith("#"):
            if documenting and name is not None:
                doc.append(line.lstrip("#").strip())
            continue
        documenting = False
        if not line or name is None:
            continue
        entries.extend([line] if kind == "phrases" else line.split())
    close()
    return out


#: Every class of the data file, by name (parsed once, at import).
CLASSES: Mapping[str, VocabularyClass] = MappingProxyType(parse_vocabulary(DATA_FILE.read_text(encoding="utf-8")))


def _words(name: str) -> frozenset[str]:
    c = CLASSES[name]
    if c.kind == "verbs":
        return frozenset(form for base in c.entries for form in verb_forms(base))
    return frozenset(c.entries)


def _values(name: str) -> Mapping[str, float]:
    pairs = (e.partition("=") for e in CLASSES[name].entries)
    return MappingProxyType({w: float(v) for w, _, v in pairs})


def _number(text: str) -> float:
    """A number of the data file: an int when written without a point ("1000"), else a float."""
    return int(text) if text.lstrip("-").isdigit() else float(text)


def _ranges(name: str) -> Mapping[str, tuple[float, float | None]]:
    out: dict[str, tuple[float, float | None]] = {}
    for entry in CLASSES[name].entries:
        word, _, span = entry.partition("=")
        low, _, high = span.partition("..")
        out[word] = (_number(low), _number(high) if high else None)
    return MappingProxyType(out)


# ---------------------------------------------------------------------------------------------
# Speech and cognition verbs, and the words around them

ATTRIBUTION_CUES: frozenset[str] = _words("ATTRIBUTION_CUES")
STANCE_CUES: frozenset[str] = _words("STANCE_CUES")
NOUN_LIKE_CUES: frozenset[str] = _words("NOUN_LIKE_CUES")
FINDING_CUES: frozenset[str] = _words("FINDING_CUES")
SOURCE_NOUNS: frozenset[str] = _words("SOURCE_NOUNS")
LISTENER_CUES: frozenset[str] = _words("LISTENER_CUES")
QUESTION_CUES: frozenset[str] = _words("QUESTION_CUES")
CLAIM_NOUNS: frozenset[str] = _words("CLAIM_NOUNS")
QUOTING_VERBS: frozenset[str] = _words("QUOTING_VERBS")
#: Multi-word cues, as tuples of words.
ATTRIBUTION_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split()) for p in CLASSES["ATTRIBUTION_PHRASES"].entries
)
SOURCE_STOP: frozenset[str] = _words("SOURCE_STOP")
NOUN_MARKERS: frozenset[str] = _words("NOUN_MARKERS")
LISTENERS: frozenset[str] = _words("LISTENERS")
RELATIVE_PRONOUNS: frozenset[str] = _words("RELATIVE_PRONOUNS")
SUBJECT_BREAKS: frozenset[str] = _words("SUBJECT_BREAKS")
TIME_OPENERS: frozenset[str] = _words("TIME_OPENERS")
FRONTED_OPENERS: frozenset[str] = _words("FRONTED_OPENERS")
PASSIVE_MARKERS: frozenset[str] = _words("PASSIVE_MARKERS")
LABELS: frozenset[str] = _words("LABELS")
#: Verbs that attribute speech for the clause cutter: the cues, the quoting verbs and
#: "according" (a short piece built around one is an attribution, not content of its own).
SPEECH_VERBS: frozenset[str] = ATTRIBUTION_CUES | QUOTING_VERBS | frozenset({"according"})

# ---------------------------------------------------------------------------------------------
# Pronouns

PRONOUNS: frozenset[str] = _words("PRONOUNS")
OBJECT_PRONOUNS: frozenset[str] = _words("OBJECT_PRONOUNS")
#: Personal pronouns in either case.
PERSONAL_PRONOUNS: frozenset[str] = PRONOUNS | OBJECT_PRONOUNS

# ---------------------------------------------------------------------------------------------
# Titles, ranks and names

TITLE_WORDS: frozenset[str] = _words("TITLE_WORDS")
RANK_WORDS: frozenset[str] = _words("RANK_WORDS")
ABBREVIATED_TITLES: frozenset[str] = _words("ABBREVIATED_TITLES")
HONORIFICS: frozenset[str] = _words("HONORIFICS")
NAME_LINKS: frozenset[str] = _words("NAME_LINKS")
SPOKESPERSONS: frozenset[str] = _words("SPOKESPERSONS")
NOT_NAME_WORDS: frozenset[str] = _words("NOT_NAME_WORDS")
NOT_PERSON_WORDS: frozenset[str] = _words("NOT_PERSON_WORDS")
PLACE_WORDS: frozenset[str] = _words("PLACE_WORDS")
PLACE_PREFIXES: frozenset[str] = _words("PLACE_PREFIXES")

# ---------------------------------------------------------------------------------------------
# Calendar words

WEEKDAYS: frozenset[str] = _words("WEEKDAYS")
RELATIVE_DAYS: frozenset[str] = _words("RELATIVE_DAYS")
#: Month (written out) -> its number.
MONTHS: Mapping[str, int] = MappingProxyType({w: int(v) for w, v in _values("MONTHS").items()})
#: Month abbreviation -> its number.
MONTH_ABBREVIATIONS: Mapping[str, int] = MappingProxyType(
    {w: int(v) for w, v in _values("MONTH_ABBREVIATIONS").items()}
)
#: Month, written out or abbreviated -> its number.
MONTH_NUMBERS: Mapping[str, int] = MappingProxyType({**MONTHS, **MONTH_ABBREVIATIONS})
#: Days and months (written out): capitalised, but dates rather than names.
CALENDAR_WORDS: frozenset[str] = WEEKDAYS | frozenset(MONTHS)

# ---------------------------------------------------------------------------------------------
# Numbers, scales and quantities

NUMBER_WORDS: Mapping[str, float] = _values("NUMBER_WORDS")
NUMBER_SCALES: Mapping[str, float] = _values("NUMBER_SCALES")
FRACTIONS: Mapping[str, float] = _values("FRACTIONS")
#: Vague quantity -> the range of counts it allows (``None``: open above).
VAGUE_RANGES: Mapping[str, tuple[float, float | None]] = _ranges("VAGUE_RANGES")
#: Vague quantity -> its order of magnitude (a power of ten).
VAGUE_MAGNITUDES: Mapping[str, int] = MappingProxyType({w: int(v) for w, v in _values("VAGUE_MAGNITUDES").items()})
APPROXIMATORS: frozenset[str] = _words("APPROXIMATORS")
PERCENT_WORDS: frozenset[str] = _words("PERCENT_WORDS")
RANGE_WORDS: frozenset[str] = _words("RANGE_WORDS")
UNIT_SKIPS: frozenset[str] = _words("UNIT_SKIPS")
CLOCK_WORDS: frozenset[str] = _words("CLOCK_WORDS")
TIME_UNITS: frozenset[str] = _words("TIME_UNITS")
WHOLE_WORDS: frozenset[str] = _words("WHOLE_WORDS")
PEOPLE_UNITS: frozenset[str] = _words("PEOPLE_UNITS")
COMMON_UNITS: frozenset[str] = _words("COMMON_UNITS")

# ---------------------------------------------------------------------------------------------
# Function words

STOPWORDS: frozenset[str] = _words("STOPWORDS")
NEGATIONS: frozenset[str] = _words("NEGATIONS")
NEGATORS: frozenset[str] = _words("NEGATORS")
QUANTIFIERS: frozenset[str] = _words("QUANTIFIERS")
#: Words whose change alone is trivial ("the" / "a", "by the" / "from", "we" left out): the
#: stop words without negations ("not" turns a claim around) and quantifiers.
FUNCTION_WORDS: frozenset[str] = STOPWORDS - NEGATIONS - QUANTIFIERS
CLAUSE_QUANTIFIERS: frozenset[str] = _words("CLAUSE_QUANTIFIERS")
CLAUSE_OPENERS: frozenset[str] = _words("CLAUSE_OPENERS")
CONJUNCTIONS: frozenset[str] = _words("CONJUNCTIONS")
AUXILIARIES: frozenset[str] = _words("AUXILIARIES")
SUBORDINATORS: frozenset[str] = _words("SUBORDINATORS")
BARE_SUBORDINATORS: frozenset[str] = _words("BARE_SUBORDINATORS")
FRONTED_CLAUSE_OPENERS: frozenset[str] = _words("FRONTED_CLAUSE_OPENERS")
ING_NOUNS: frozenset[str] = _words("ING_NOUNS")
DETERMINERS: frozenset[str] = _words("DETERMINERS")
BE_FORMS: frozenset[str] = _words("BE_FORMS")
DEGREE_WORDS: frozenset[str] = _words("DEGREE_WORDS")
PHRASE_BREAKS: frozenset[str] = _words("PHRASE_BREAKS")
GLUE_WORDS: frozenset[str] = _words("GLUE_WORDS")
PARTICLES: frozenset[str] = _words("PARTICLES")
SENTENCE_STARTERS: frozenset[str] = _words("SENTENCE_STARTERS")
#: Words that end with a full stop without ending the sentence, the months' abbreviations among them.
ABBREVIATIONS: frozenset[str] = _words("ABBREVIATIONS") | frozenset(MONTH_ABBREVIATIONS)
NUMERIC_ABBREVIATIONS: frozenset[str] = _words("NUMERIC_ABBREVIATIONS")
NEWS_STOP_WORDS: frozenset[str] = _words("NEWS_STOP_WORDS")
INFLECTIONAL_ENDINGS: frozenset[str] = _words("INFLECTIONAL_ENDINGS")
TRANSCRIPTION_WORDS: frozenset[str] = _words("TRANSCRIPTION_WORDS")
#: Contracted forms (a whole word or an ending) -> the words they spell out.
CONTRACTIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {p.split()[0]: tuple(p.split()[1:]) for p in CLASSES["CONTRACTIONS"].entries}
)
IS_CONTRACTION_HOSTS: frozenset[str] = _words("IS_CONTRACTION_HOSTS")
#: Written contractions of name words -> the words they stand for ("ft" -> fort).
NAME_CONTRACTIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {p.split()[0]: tuple(p.split()[1:]) for p in CLASSES["NAME_CONTRACTIONS"].entries}
)

# ---------------------------------------------------------------------------------------------
# Tone

HEDGES: frozenset[str] = _words("HEDGES")
MODAL_ADJECTIVES: frozenset[str] = _words("MODAL_ADJECTIVES")
#: Words that mark a passage as a party's reply, spokespersons among them.
RESPONSE_CUES: frozenset[str] = _words("RESPONSE_CUES") | SPOKESPERSONS
REFUSALS: frozenset[str] = _words("REFUSALS")
REFUSED_ACTS: frozenset[str] = _words("REFUSED_ACTS")
INTENSIFIERS: frozenset[str] = _words("INTENSIFIERS")
PLAIN_WORDS: frozenset[str] = _words("PLAIN_WORDS")


def english_stop_words() -> frozenset[str]:
    """scikit-learn's ``ENGLISH_STOP_WORDS`` with :data:`NEWS_STOP_WORDS` (said, told, mr...),
    for a bag of words over whole stories (story clustering). scikit-learn is imported here, on
    first use, not when :mod:`mediadiff` is.
    """
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | NEWS_STOP_WORDS


def read_number_words(words: Sequence[str], i: int = 0) -> tuple[float, int] | None:
    """Read a number written in words starting at ``words[i]`` (lower case): ``(value, index
    after it)`` or ``None``. Units and tens ("fourteen", "twenty-five", "ninety nine"), scales
    ("three hundred", "a hundred", "two million", "one hundred and twenty"), "a dozen" and
    fractions ("a quarter" = 0.25, as a share).

    >>> read_number_words(["twenty-five", "people"])
    (25.0, 1)
    >>> read_number_words("a hundred and twenty".split())
    (120.0, 4)
    """
    n = len(words)
    if i >= n:
        return None
    w = words[i]
    nxt = words[i + 1] if i + 1 < n else ""
    if w in ("a", "an", "one") and nxt in FRACTIONS:
        return FRACTIONS[nxt], i + 2
    if w in ("a", "one") and nxt == "dozen":
        return 12.0, i + 2
    if w == "dozen":
        return 12.0, i + 1
    total = current = 0.0
    seen = False
    j = i
    if w in ("a", "an") and nxt in NUMBER_SCALES:  # "a hundred", "a million": one of the scale
        current, seen, j = 1.0, True, i + 1
    while j < n:
        w = words[j]
        pieces = w.split("-")
        if all(p in NUMBER_WORDS for p in pieces):
            current += sum(NUMBER_WORDS[p] for p in pieces)
            seen = True
        elif w in NUMBER_SCALES and seen:
            scale = NUMBER_SCALES[w]
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0.0
        elif w == "and" and seen and j + 1 < n and words[j + 1].split("-")[0] in NUMBER_WORDS:
            pass
        else:
            break
        j += 1
    if not seen:
        return None
    return total + current, j


def word_number(text: str) -> float | None:
    """The value of a number written out in words, the whole of ``text`` ("twenty-five", "a
    hundred", "three million", "a quarter"); ``None`` when it is not one.

    >>> word_number("twenty-five"), word_number("a hundred"), word_number("two million")
    (25.0, 100.0, 2000000.0)
    >>> word_number("twenty people") is None
    True
    """
    words = text.lower().split()
    got = read_number_words(words)
    return got[0] if got is not None and got[1] == len(words) else None
