"""Number mentions: every figure, sum, share, date, time and duration of an article, read once.

:func:`find_numbers` reads the tokens of each content sentence once, in :func:`mediadiff.segment`,
and the :class:`~mediadiff.document.Document` keeps the result (``Document.numbers``). Every
reader of numbers reads these records and never the tokens again: the conflict finder (values,
units, ranges, dates), the omission finder (is a passage a figure?), the wording finder (did a
number change?) and the aligner (the slot a number fills, :func:`slot`). One rule set, so two
analysers cannot disagree on what a number is.

What is read (the word classes are the vocabulary's, mediadiff/data/vocabulary.txt):

- numbers in digits or words, with separators and scales ("3,000", "4.2 million", "fourteen",
  "twenty-five", "a dozen"), fractions as a percentage ("a fifth" = 20) and ratios ("nine in
  ten" = 90 percent);
- the qualifier before a number, which widens it into ``[low, high]`` ("nearly X" is
  [0.85X, X], "about X" X ± 15%, "at least X" X or more, "up to X" X or less);
- the unit after it ("312 residents" -> ``resident``; units of people share ``people``),
  sums of money ("$4.2 million"), percentages ("18 percent", "12%");
- dates ("March 11", "Oct. 28"), weekdays (not schedules: "Monday through Saturday"), years,
  clock times ("9 a.m."), durations ("eleven years"; an age, "Ann Lee, 58,": a span of time,
  not a figure), ordinals ("21st");
- vague quantities ("thousands of families", "dozens").

Public names
------------
NumberMention the record (defined in :mod:`mediadiff.document`, beside the other spans).
find_numbers  sentences -> the NumberMention records of their tokens, in text order.
read_numbers  tokens -> the NumberMention records read from them alone.
slot          the slot a mention fills for the aligner ("#count3", "#date"), or None.
is_figure     whether a mention is a figure: a count, a sum, a share ("thousands" too).
FIGURE_KINDS  the kinds of number that make a figure: counts, sums of money, percentages.
read_number   tokens, position -> (value, index after it): one number in digits or words.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from .document import NumberKind, NumberMention, Sentence, Token
from .vocabulary import (
    APPROXIMATORS,
    CLOCK_WORDS,
    FRACTIONS,
    MONTH_NUMBERS,
    NUMBER_SCALES,
    NUMBER_WORDS,
    PEOPLE_UNITS,
    PERCENT_WORDS,
    RANGE_WORDS,
    STOPWORDS,
    TIME_UNITS,
    UNIT_SKIPS,
    VAGUE_MAGNITUDES,
    VAGUE_RANGES,
    WEEKDAYS,
    WHOLE_WORDS,
    read_number_words,
)

__all__ = ["FIGURE_KINDS", "NumberMention", "find_numbers", "is_figure", "read_number", "read_numbers", "slot"]

#: The kinds of number that make a figure (a missing figure changes the picture): counts, sums
#: of money and percentages; not dates, times, durations ("eleven years on this board") or
#: ordinals. A vague quantity is a figure when it has an order of magnitude (:func:`is_figure`).
FIGURE_KINDS: frozenset[NumberKind] = frozenset({"count", "money", "percent"})

_ORDINAL_SUFFIX = ("st", "nd", "rd", "th")
_WEEKDAY_NUMBERS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}


def find_numbers(sentences: Iterable[Sentence]) -> tuple[NumberMention, ...]:
    """The number mentions of ``sentences`` (the content sentences of an article), in text order.

    >>> from mediadiff.document import Article
    >>> from mediadiff.segment import segment
    >>> doc = segment(Article("a", "Nearly 3,000 children lost $4.2 million on March 11 in eleven years."))
    >>> [(m.text, m.kind, m.value, m.unit) for m in doc.numbers]  # doctest: +NORMALIZE_WHITESPACE
    [('Nearly 3,000 children', 'count', 3000.0, 'people'), ('$4.2 million', 'money', 4200000.0, '$'),
     ('March 11', 'date', '03-11', 'day'), ('eleven years', 'duration', 11.0, 'year')]
    """
    out: list[NumberMention] = []
    for sentence in sentences:
        out.extend(read_numbers(sentence.tokens, sentence.text, sentence.start))
    return tuple(out)


def _digits_value(norm: str) -> float | None:
    text = norm
    for suffix in _ORDINAL_SUFFIX:
        if text.endswith(suffix) and text[: -len(suffix)].replace(",", "").isdigit():
            text = text[: -len(suffix)]
            break
    if text.endswith("s") and text[:-1].isdigit():  # "1990s"
        text = text[:-1]
    parts = text.split(",")
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]) and parts[0].replace(".", "").isdigit():
        text = "".join(parts)
    try:
        return float(text)
    except ValueError:
        return None


def read_number(tokens: Sequence[Token], i: int) -> tuple[float, int] | None:
    """Read a number starting at ``tokens[i]``: ``(value, index after it)`` or ``None``.

    Handles digits with separators ("3,000", "4.2"), scale words ("4.2 million", "three
    thousand"), numbers in words ("fourteen", "twenty-five", "a dozen") and fractions ("a
    quarter" = 0.25, "a fifth"). Fractions are returned as a share, not a percentage.

    >>> from mediadiff.segment import tokenize
    >>> read_number(tokenize("nearly 3,000 children"), 1)
    (3000.0, 2)
    >>> read_number(tokenize("fourteen people"), 0)
    (14.0, 1)
    >>> read_number(tokenize("$4.2 million"), 1)
    (4200000.0, 3)
    """
    n = len(tokens)
    if i >= n:
        return None
    norm = tokens[i].norm
    if tokens[i].kind != "number":
        # numbers in words: the vocabulary's reader, over the norms from here on
        if norm not in ("a", "an", "dozen") and norm.split("-")[0] not in NUMBER_WORDS:
            return None
        got = read_number_words([t.norm for t in tokens[i:]])
        return None if got is None else (got[0], i + got[1])
    value = _digits_value(norm)
    if value is None:
        return None
    j = i + 1
    # digits followed by a scale word ("4.2 million")
    if j < n and tokens[j].norm in NUMBER_SCALES:
        value *= NUMBER_SCALES[tokens[j].norm]
        j += 1
    return value, j


def _unit_key(word: str) -> str:
    w = word.lower()
    if w in PEOPLE_UNITS:
        return "people"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _qualify(tokens: Sequence[Token], i: int, value: float) -> tuple[float, float, str, int]:
    """Range allowed by the qualifier before ``tokens[i]``, the qualifier and its first index."""
    prev = [t.norm for t in tokens[max(0, i - 2) : i]]
    if prev and prev[-1] in ("an", "a") and len(prev) == 2 and prev[0] in APPROXIMATORS:
        prev = prev[:1]
    last = prev[-1] if prev else ""
    first = i - 1
    if last in ("nearly", "almost"):
        return 0.85 * value, value, last, first
    if last in APPROXIMATORS:
        return 0.85 * value, 1.15 * value, last, first
    if last == "estimated" or (len(prev) == 2 and prev[0] == "an" and prev[1] == "estimated"):
        return 0.85 * value, 1.15 * value, "estimated", first
    if len(prev) == 2 and prev[1] in ("than", "least") and prev[0] in ("more", "at", "fewer", "less"):
        if prev[0] in ("more", "at"):
            return value, math.inf, " ".join(prev), i - 2
        return 0.0, value, " ".join(prev), i - 2
    if last in ("over", "above"):
        return value, math.inf, last, first
    if last in ("under", "below"):
        return 0.0, value, last, first
    if len(prev) == 2 and prev == ["up", "to"]:
        return 0.0, value, "up to", i - 2
    return value, value, "", i


def _ratio(tokens: Sequence[Token], j: int, count: float) -> tuple[float, int] | None:
    """A share written as a ratio after a count read up to ``tokens[j]``: "nine in ten",
    "1 out of 4". Returns ``(percentage, index after it)``; the base must be a whole number
    larger than the count and at most 1,000 ("3 in 2021" is not a ratio)."""
    n = len(tokens)
    if j < n and tokens[j].norm == "in":
        k = j + 1
    elif j + 1 < n and tokens[j].norm == "out" and tokens[j + 1].norm == "of":
        k = j + 2
    else:
        return None
    if k >= n or tokens[k].norm in ("a", "an", "one"):
        return None
    got = read_number(tokens, k)
    if got is None:
        return None
    base, end = got
    if not (float(base).is_integer() and count < base <= 1000 and float(count).is_integer()):
        return None
    return round(100 * count / base, 6), end


def _fraction_follows(tokens: Sequence[Token], i: int) -> bool:
    return i + 1 < len(tokens) and (tokens[i + 1].norm in FRACTIONS or tokens[i + 1].norm == "dozen")


def _year(tokens: Sequence[Token], i: int, j: int, value: float) -> bool:
    """A year: four digits from 1900 to 2100 without a separator, not followed by a unit (a
    lower-case word in the plural that is not a function word: "2000 residents" is a count,
    "the 2012 election" and "in 2010 without" are years)."""
    t = tokens[i]
    if not (t.kind == "number" and 1900 <= value <= 2100 and float(value).is_integer() and "," not in t.text):
        return False
    if j >= len(tokens):
        return True
    nxt = tokens[j]
    return (
        nxt.kind != "word"
        or nxt.norm in UNIT_SKIPS
        or nxt.norm in STOPWORDS
        or not nxt.text[:1].islower()
        or not _plural(nxt.norm)
    )


def _plural(word: str) -> bool:
    """Whether a word can be the unit of a count above one: a plural ("residents") or a unit of
    people (``PEOPLE_UNITS``: "people", "children"); not "election", "health", "partly"."""
    return word in PEOPLE_UNITS or (word.endswith("s") and not word.endswith("ss"))


def read_numbers(tokens: Sequence[Token], text: str | None = None, offset: int = 0) -> list[NumberMention]:
    """The number mentions read from ``tokens`` alone (one sentence, or any run of tokens),
    left to right; ``text`` is the text the tokens point into, starting at character ``offset``
    (by default, the tokens' own text, with a space wherever the text has something else).

    >>> from mediadiff.segment import tokenize
    >>> s = "nearly 40 jobs by July 1, at 9 a.m., for three months"
    >>> [(m.text, m.kind, m.low, m.high) for m in read_numbers(tokenize(s), s)]  # doctest: +NORMALIZE_WHITESPACE
    [('nearly 40 jobs', 'count', 34.0, 40.0), ('July 1', 'date', None, None), ('9 a.m.', 'time', 9.0, 9.0),
     ('three months', 'duration', 3.0, 3.0)]
    """
    if text is None:
        text, offset = _text_of(tokens)
    reader = _Reader(tokens, text, offset)
    i = 0
    while i < len(tokens):
        i = _read_at(reader, i)
    return reader.out


@dataclass
class _Reader:
    """The tokens being read, the text they point into (from ``offset``) and the mentions read so far."""

    tokens: Sequence[Token]
    text: str
    offset: int
    out: list[NumberMention] = field(default_factory=list)

    def add(
        self,
        kind: NumberKind,
        unit: str,
        value: float | str,
        low: float | None,
        high: float | None,
        first: int,
        at: int,
        last: int,
        qualifier: str = "",
        partitive: bool = False,
    ) -> None:
        """Add the mention of tokens ``first`` to ``last`` (both included) whose number is at token
        ``at``, unless it overlaps the mention before it."""
        tokens, out = self.tokens, self.out
        start, end = tokens[first].start, tokens[last].end
        if out and start < out[-1].end:
            return  # mentions never overlap: the first reading of the words stands
        out.append(
            NumberMention(
                start,
                end,
                self.text[start - self.offset : end - self.offset],
                value=value,
                low=low,
                high=high,
                unit=unit,
                kind=kind,
                qualifier=qualifier,
                at=tokens[at].start,
                partitive=partitive,
            )
        )


def _read_at(r: _Reader, i: int) -> int:
    """Read the mention (if any) that starts at token ``i``; return the index to read on from."""
    norm = r.tokens[i].norm.rstrip(".")
    for read in (_month_day, _weekday, _vague, _lone_one):
        after = read(r, i, norm)
        if after is not None:
            return after
    return _number(r, i, norm)


def _month_day(r: _Reader, i: int, norm: str) -> int | None:
    """A date: "March 11", "Oct. 28"."""
    tokens, n = r.tokens, len(r.tokens)
    if norm not in MONTH_NUMBERS or not tokens[i].text[:1].isupper():
        return None
    j = i + 1
    if j < n and tokens[j].text == ".":
        j += 1
    if j < n and tokens[j].kind == "number":
        day = read_number(tokens, j)
        if day and 1 <= day[0] <= 31 and float(day[0]).is_integer():
            r.add("date", "day", f"{MONTH_NUMBERS[norm]:02d}-{int(day[0]):02d}", None, None, i, j, j)
            return j + 1
    return None


def _weekday(r: _Reader, i: int, norm: str) -> int | None:
    """A weekday, the day something happened; a schedule ("Monday through Saturday") is skipped."""
    if norm not in WEEKDAYS:
        return None
    tokens = r.tokens
    if i + 2 < len(tokens) and tokens[i + 1].norm in RANGE_WORDS and tokens[i + 2].norm in WEEKDAYS:
        return i + 3
    r.add("date", "weekday", norm, None, None, i, i, i)
    return i + 1


def _vague(r: _Reader, i: int, norm: str) -> int | None:
    """A vague quantity: "thousands of families" (of a unit), "hundreds gathered" (without one)."""
    tokens = r.tokens
    if norm in VAGUE_RANGES and i + 2 < len(tokens) and tokens[i + 1].norm == "of" and tokens[i + 2].kind == "word":
        lo, hi = VAGUE_RANGES[norm]
        r.add("vague", _unit_key(tokens[i + 2].norm), norm, lo, math.inf if hi is None else hi, i, i, i + 2, norm)
        return i + 3
    if norm in VAGUE_MAGNITUDES:
        bounds = VAGUE_RANGES.get(norm)  # "billions" has none
        low, high = (bounds[0], math.inf if bounds[1] is None else bounds[1]) if bounds else (None, None)
        r.add("vague", "", norm, low, high, i, i, i, norm)
        return i + 1
    return None


def _lone_one(r: _Reader, i: int, norm: str) -> int | None:
    """ "one of them": a number, of nothing in particular (not "one in ten", "one third")."""
    if norm == "one" and _ratio(r.tokens, i + 1, 1.0) is None and not _fraction_follows(r.tokens, i):
        r.add("count", "", 1.0, 1.0, 1.0, i, i, i)
        return i + 1
    return None


class _Figure(NamedTuple):
    """What a number counts: its kind and unit, its value, the index after its last token, its
    first token (a currency sign or "All" before the number) and whether it is partitive."""

    kind: NumberKind
    unit: str
    value: float
    end: int
    first: int
    partitive: bool = False


def _number(r: _Reader, i: int, norm: str) -> int:
    """A number in digits or words at token ``i`` and what it counts, with the qualifier before
    it; a year, a clock time or a number of nothing (:func:`_plain_number`) has no qualifier."""
    tokens = r.tokens
    got = read_number(tokens, i) if norm not in ("a", "an") or _fraction_follows(tokens, i) else None
    if got is None:
        return i + 1
    value, j = got
    figure = _figure(tokens, i, j, value)
    if figure is None:
        return _plain_number(r, i, j, value)
    low, high, qualifier, q_start = _qualify(tokens, figure.first, figure.value)
    first = q_start if qualifier else figure.first
    r.add(figure.kind, figure.unit, figure.value, low, high, first, i, figure.end - 1, qualifier, figure.partitive)
    return figure.end


def _figure(tokens: Sequence[Token], i: int, j: int, value: float) -> _Figure | None:
    """What the number read from ``tokens[i:j]`` counts: a share, a sum of money, a percentage,
    a duration, an ordinal or a count of a unit; None for a year, a clock time or a number with
    no unit of its own (read by :func:`_plain_number`)."""
    n = len(tokens)
    money = i > 0 and tokens[i - 1].text in "$€£"
    share = None if money else _ratio(tokens, j, value)
    if share is not None:  # "nine in ten", "1 out of 4": a share, compared as a percentage
        return _Figure("percent", "percent", share[0], share[1], i)
    if money:
        return _Figure("money", tokens[i - 1].text, value, j, i - 1)
    if j < n and tokens[j].norm in PERCENT_WORDS:
        j += 1
        if j < n and tokens[j - 1].norm == "per" and tokens[j].norm == "cent":
            j += 1
        return _Figure("percent", "percent", value, j, i)
    if tokens[i].kind == "word" and 0 < value < 1:  # "a fifth"; "zero" is no share
        return _Figure("percent", "percent", round(value * 100, 6), j, i)
    if _year(tokens, i, j, value) or _clock(tokens, j):
        return None
    if _unit_follows(tokens, j):
        kind: NumberKind = "duration" if tokens[j].norm in TIME_UNITS else "ordinal" if _ordinal(tokens[i]) else "count"
        return _Figure(kind, _unit_key(tokens[j].norm), value, j + 1, i)
    if j < n and tokens[j].norm == "of" and tokens[i].kind == "number" and i > 0 and tokens[i - 1].norm in WHOLE_WORDS:
        # "All 38 of the clinic's nurses": a count without a unit of its own
        return _Figure("count", "", value, j, i - 1, partitive=True)
    return None


def _plain_number(r: _Reader, i: int, j: int, value: float) -> int:
    """A year, a clock time ("9 a.m."), an age ("Ann Lee, 58,": years) or a number with no unit
    of its own ("the 38 were"), read from ``tokens[i:j]``; return the index to read on from."""
    tokens = r.tokens
    if _year(tokens, i, j, value):
        r.add("date", "year", str(int(value)), None, None, i, i, j - 1)
        return j
    if _clock(tokens, j):
        r.add("time", "", value, value, value, i, i, j)
        return j + 1
    if 1 < i and j < len(tokens) and tokens[i - 1].text == tokens[j].text == "," and tokens[i - 2].text[:1].isupper():
        r.add("duration", "year", value, value, value, i, i, j - 1)
        return j
    r.add("ordinal" if _ordinal(tokens[i]) else "count", "", value, value, value, i, i, j - 1)
    return max(j, i + 1)


def _clock(tokens: Sequence[Token], j: int) -> bool:
    """Whether a clock word follows a number at ``tokens[j]`` ("9 a.m.")."""
    return j < len(tokens) and tokens[j].kind == "word" and tokens[j].norm in CLOCK_WORDS


def _unit_follows(tokens: Sequence[Token], j: int) -> bool:
    """Whether the unit of a number follows it at ``tokens[j]``: a lower-case word right after it
    that is neither a word skipped as a unit nor a qualifier of the next number ("9 about 9")."""
    return (
        j < len(tokens)
        and tokens[j].kind == "word"
        and tokens[j].start == tokens[j - 1].end + 1
        and tokens[j].norm not in UNIT_SKIPS
        and tokens[j].norm not in APPROXIMATORS
        and tokens[j].text[:1].islower()
    )


def _text_of(tokens: Sequence[Token]) -> tuple[str, int]:
    """A text the tokens point into, and its offset: their own text, spaces between them."""
    if not tokens:
        return "", 0
    offset = tokens[0].start
    chars = [" "] * (max(t.end for t in tokens) - offset)
    for t in tokens:
        chars[t.start - offset : t.end - offset] = t.text
    return "".join(chars), offset


def _ordinal(t: Token) -> bool:
    return t.kind == "number" and t.norm.endswith(_ORDINAL_SUFFIX) and t.norm[:-2].replace(",", "").isdigit()


def slot(mention: NumberMention) -> str | None:
    """The slot a number fills when outlets are aligned, without its value: its kind (``#date``,
    ``#year``, ``#time``, ``#pct``, ``#money``, ``#count``) and, for sums and counts, its order
    of magnitude ("#money7" for "$11.8 million", "#count3" for "3,100" and for "thousands").
    A differing value in the same slot is evidence for the same fact, not against it. None for
    a weekday or a vague quantity of no order of magnitude ("many")."""
    kind, value = mention.kind, mention.value
    if kind == "date":
        return {"day": "#date", "year": "#year"}.get(mention.unit)
    if kind == "time":
        return "#time"
    if kind == "percent":
        return "#pct"
    if kind == "vague":
        magnitude = VAGUE_MAGNITUDES.get(str(value))
        return None if magnitude is None else f"#count{int(magnitude)}"
    number = float(value)
    order = int(math.log10(number)) if number >= 1 else 0
    return f"#money{order}" if kind == "money" else f"#count{order}"


def is_figure(mention: NumberMention) -> bool:
    """Whether a mention is a figure: a count, a sum of money or a percentage (``FIGURE_KINDS``),
    or a vague quantity of an order of magnitude ("thousands of homes", "dozens"); not a date, a
    clock time, a duration ("eleven years on this board", "three months"), an ordinal, nor a
    count below two ("one party", "at least one insider", "zero tolerance": the words English
    says "a" and "no" with, not a figure).

    >>> from mediadiff.segment import tokenize
    >>> [(m.text, is_figure(m)) for m in read_numbers(tokenize("12 homes burned in three months"))]
    [('12 homes', True), ('three months', False)]
    """
    if mention.kind == "vague":
        return str(mention.value) in VAGUE_MAGNITUDES
    if mention.kind == "count" and float(mention.value) < 2:
        return False  # "one party", "zero tolerance": how English says "a" and "no"
    return mention.kind in FIGURE_KINDS
