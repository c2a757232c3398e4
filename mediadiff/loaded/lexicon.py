"""The loaded-language lexicon: entries, categories, the news-neutral stop list and inflections.

A lexicon is a plain text file that anyone can read, edit or replace (``docs/lexicon.md``).
Comment lines start with ``#``; data lines are tab-separated::

    @category <TAB> force <TAB> Verbs of physical force used for non-physical acts ...
    snatch <TAB> force <TAB> 0.75 <TAB> verb
    snatch … away <TAB> force <TAB> 0.80 <TAB> phrase

A term is a word in its base form (its inflections are matched by :func:`lemma_candidates`, a
small suffix rule, so nothing is downloaded), a word written with a leading ``=`` (matched
exactly), or an expression of several words in which ``…`` (or ``...``) stands for a gap of up to
``max_gap`` words. The stop list (``neutral.tsv``) names words that are the plain wording of news
(death, war, crime, illegal, attack, support): they are never flagged.

Public names
------------
Lexicon          a set of entries with their categories and the neutral stop list; load/save.
LexiconEntry     one term: category, strength (0-1), part of speech, pattern.
lemma_candidates the base forms a word may be an inflection of (suffix rules, no data; from ``mediadiff._inflect``).
GAP              the marker of a gap in an expression (``…``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from .._inflect import IRREGULAR_FORMS, lemma_candidates
from ..errors import InputError, check_parameter, is_int, is_real
from ..vocabulary import GLUE_WORDS

__all__ = [
    "GAP",
    "IRREGULAR_FORMS",
    "MIN_DERIVED_BASE",
    "POS_TAGS",
    "Lexicon",
    "LexiconEntry",
    "lemma_candidates",
    "participle_bases",
    "written_variants",
]

#: The gap marker inside an expression: ``snatch … away``.
GAP = "…"

#: The parts of speech an entry may declare; ``phrase`` is any expression of several words.
POS_TAGS = ("adj", "adv", "noun", "verb", "phrase", "any")


def _split_pattern(term: str) -> tuple[str | None, ...]:
    """The words of an expression, ``None`` standing for a gap."""
    words: list[str | None] = []
    for part in term.replace("...", f" {GAP} ").replace(GAP, f" {GAP} ").split():
        if part == GAP:
            if words and words[-1] is not None:
                words.append(None)
        else:
            words.append(part.lower().replace("’", "'"))
    while words and words[-1] is None:
        words.pop()
    return tuple(words)


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One lexicon term.

    ``term`` is the term as written; ``words`` its pattern (lower case, ``None`` for a gap);
    ``exact`` is true for terms written with a leading ``=`` (no inflections); ``strength`` is
    how strongly the term loads news writing, from 0 to 1; ``pos`` is the part of speech that
    decides how the span is extended (``adj``, ``adv``, ``noun``, ``verb``, ``phrase``, ``any``).
    """

    term: str
    category: str
    strength: float
    pos: str = "any"
    words: tuple[str | None, ...] = field(default=(), compare=False)
    exact: bool = False

    def __post_init__(self) -> None:
        check_parameter(
            "strength",
            self.strength,
            "a float in the range [0.0, 1.0]",
            is_real(self.strength) and 0.0 <= self.strength <= 1.0,
            "LexiconEntry",
        )
        check_parameter("pos", self.pos, f"one of {POS_TAGS}", self.pos in POS_TAGS, "LexiconEntry")
        term = self.term.strip()
        exact = self.exact or term.startswith("=")
        words = _split_pattern(term.lstrip("="))
        check_parameter(
            "term", self.term, "a non-empty word or expression", bool(words) and words[0] is not None, "LexiconEntry"
        )
        object.__setattr__(self, "exact", exact)
        if not self.words:
            object.__setattr__(self, "words", words)

    @property
    def is_phrase(self) -> bool:
        """Whether the term has more than one word (or a gap)."""
        return len(self.words) > 1


def written_variants(entry: LexiconEntry) -> list[LexiconEntry]:
    """The other ways news writes the same term: hyphenated, open or closed.

    A hyphenated word (``knee-jerk``) is also matched as separate words ("knee jerk") and
    closed up ("kneejerk"); an expression of two or three plain words without a gap
    (``hard line``) is also matched hyphenated ("hard-line") and closed up ("hardline"). Each
    variant keeps the entry's term, category, strength and part of speech, and its last word
    takes inflections as usual ("knee-jerks", "rammed-through" is not a variant: gaps and
    particles stay phrases).

    >>> [v.words for v in written_variants(LexiconEntry("knee-jerk", "outrage", 0.6, "adj"))]
    [('knee', 'jerk'), ('kneejerk',)]
    >>> [v.words for v in written_variants(LexiconEntry("hard line", "pejorative", 0.5, "phrase"))]
    [('hard-line',), ('hardline',)]
    """
    words = entry.words
    out: list[LexiconEntry] = []

    def variant(new: tuple[str | None, ...], pos: str) -> None:
        out.append(LexiconEntry(entry.term, entry.category, entry.strength, pos, words=new, exact=entry.exact))

    if len(words) == 1 and words[0] is not None and "-" in words[0].strip("-"):
        parts = tuple(p for p in words[0].split("-") if p)
        if len(parts) > 1 and all(p.isalpha() for p in parts):
            if not any(p in GLUE_WORDS for p in parts):  # "has-been" is not "has been"
                variant(parts, "phrase")
            variant(("".join(parts),), entry.pos)
    elif 2 <= len(words) <= 3 and all(w is not None and w.isalpha() and w not in GLUE_WORDS for w in words):
        joined = [w for w in words if w is not None]
        pos = entry.pos if entry.pos != "phrase" else "any"
        variant(("-".join(joined),), pos)
        variant(("".join(joined),), pos)
    return out


#: Shortest verb base a participle entry gives by rule ("bloat" from "bloated" would be 5:
#: short bases are too often other words, "heat" from "heated", "rig" from "rigged").
MIN_DERIVED_BASE = 6


def participle_bases(entry: LexiconEntry) -> tuple[str, ...]:
    """The verb a past-participle entry is formed from, by rule (its possible spellings).

    An entry written as a participle (``humiliated``) also stands for its verb (humiliate,
    humiliates, humiliating): the base is the suffix-rule candidate whose regular forms
    (:func:`mediadiff.vocabulary.verb_forms`) give the entry back, at least
    :data:`MIN_DERIVED_BASE` letters long. The rule cannot tell "bloat" from "create", so both
    spellings are kept (``traumatiz``/``traumatize``); only real words ever match. Exact
    entries and expressions have none.

    >>> participle_bases(LexiconEntry("humiliated", "outrage", 0.6, "adj"))
    ('humiliat', 'humiliate')
    >>> participle_bases(LexiconEntry("heated", "outrage", 0.6, "adj"))
    ()
    """
    from ..vocabulary import verb_forms

    if entry.exact or entry.is_phrase or entry.pos not in ("adj", "verb", "any"):
        return ()
    word = entry.words[0]
    if word is None or not word.endswith("ed") or not word.isalpha():
        return ()
    return tuple(
        cand
        for cand in lemma_candidates(word)[1:]
        if len(cand) >= MIN_DERIVED_BASE and (word in verb_forms(cand) or word in verb_forms(cand + "+"))
    )


_CATEGORY_LINE = "@category"


class Lexicon:
    """A loaded-language lexicon: entries, category rationales and a news-neutral stop list.

    Parameters
    ----------
    entries : iterable of LexiconEntry
        The terms. A later entry for the same term replaces an earlier one.
    categories : mapping of str to str, optional
        Category name -> one-line rationale. Categories used by entries but not declared get an
        empty rationale.
    neutral : iterable of str, default=()
        Words that are never flagged (matched in their written form and their base forms).
    max_gap : int, default=3
        How many words a gap (``…``) in an expression may span.

    Examples
    --------
    >>> lex = Lexicon([LexiconEntry("slam", "force", 0.7, "verb")], neutral=["attack"])
    >>> [e.term for e in lex.lookup("slammed")]
    ['slam']
    >>> lex.is_neutral("attacks")
    True
    """

    def __init__(
        self,
        entries: Iterable[LexiconEntry] = (),
        *,
        categories: Mapping[str, str] | None = None,
        neutral: Iterable[str] = (),
        max_gap: int = 3,
    ) -> None:
        check_parameter("max_gap", max_gap, "an int >= 0", is_int(max_gap) and max_gap >= 0, "Lexicon")
        by_term: dict[str, LexiconEntry] = {}
        for entry in entries:
            if not isinstance(entry, LexiconEntry):
                raise InputError(f"Lexicon entries must be LexiconEntry values, got {type(entry).__name__}")
            by_term[entry.term.lower()] = entry
        self.entries: tuple[LexiconEntry, ...] = tuple(by_term.values())
        cats = dict(categories or {})
        for entry in self.entries:
            cats.setdefault(entry.category, "")
        self.categories: Mapping[str, str] = MappingProxyType(cats)
        self.neutral: frozenset[str] = frozenset(w.strip().lower() for w in neutral if w.strip())
        self.max_gap = max_gap
        self._words: dict[str, list[LexiconEntry]] = {}
        self._exact: dict[str, list[LexiconEntry]] = {}
        self._phrases: dict[str, list[LexiconEntry]] = {}
        for entry in self.entries:
            self._index(entry)
        declared = set(self._words) | set(self._exact)
        for entry in self.entries:
            for variant in written_variants(entry):
                first = variant.words[0]
                if variant.is_phrase or first not in declared:
                    self._index(variant)
        for entry in self.entries:
            for base in participle_bases(entry):
                if base not in declared and base not in self.neutral:
                    self._index(LexiconEntry(entry.term, entry.category, entry.strength, "verb", words=(base,)))

    def _index(self, entry: LexiconEntry) -> None:
        first = entry.words[0]
        assert first is not None
        if entry.is_phrase:
            self._phrases.setdefault(first, []).append(entry)
        elif entry.exact:
            self._exact.setdefault(first, []).append(entry)
        else:
            self._words.setdefault(first, []).append(entry)

    # -- queries ------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[LexiconEntry]:
        return iter(self.entries)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and bool(self.lookup(word))

    def __repr__(self) -> str:
        return f"Lexicon({len(self.entries)} entries, {len(self.categories)} categories, {len(self.neutral)} neutral)"

    def is_neutral(self, word: str) -> bool:
        """Whether ``word`` (or a base form of it) is on the news-neutral stop list."""
        return any(c in self.neutral for c in lemma_candidates(word))

    def lookup(self, word: str) -> list[LexiconEntry]:
        """The single-word entries ``word`` is a form of (exact entries first); none if neutral."""
        norm = word.lower().replace("’", "'")
        if norm in self.neutral:
            return []
        found = list(self._exact.get(norm, ()))
        cands = lemma_candidates(norm)
        if any(c in self.neutral for c in cands[1:]) and not found:
            return []
        for c in cands:
            for entry in self._words.get(c, ()):
                if entry not in found:
                    found.append(entry)
        return found

    def phrases_starting(self, candidates: Iterable[str]) -> list[LexiconEntry]:
        """The expressions whose first word is one of ``candidates``."""
        out: list[LexiconEntry] = []
        for c in candidates:
            out.extend(e for e in self._phrases.get(c, ()) if e not in out)
        return out

    # -- building -----------------------------------------------------------------------------
    def merged(self, other: Lexicon) -> Lexicon:
        """A new lexicon with ``other``'s entries added (they win on the same term) and stop lists joined."""
        cats = dict(self.categories)
        cats.update({k: v for k, v in other.categories.items() if v or k not in cats})
        return Lexicon(
            (*self.entries, *other.entries),
            categories=cats,
            neutral=self.neutral | other.neutral,
            max_gap=max(self.max_gap, other.max_gap),
        )

    # -- files --------------------------------------------------------------------------------
    @classmethod
    def default(cls) -> Lexicon:
        """The lexicon that ships with mediadiff (``mediadiff/data/lexicon``)."""
        return _default_lexicon()

    @classmethod
    def load(cls, path: str | Path, *, neutral: str | Path | Iterable[str] | None = None, max_gap: int = 3) -> Lexicon:
        """Read a lexicon file (format in the module docstring and ``docs/lexicon.md``).

        ``neutral`` is a stop-list file (one word a line) or an iterable of words.
        """
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read lexicon {path}: {exc.strerror or exc}") from exc
        entries, categories = _parse_lexicon(text, str(path))
        words: Iterable[str] = ()
        if isinstance(neutral, (str, Path)):
            words = read_word_list(neutral)
        elif neutral is not None:
            words = neutral
        return cls(entries, categories=categories, neutral=words, max_gap=max_gap)

    def save(self, path: str | Path, *, neutral_path: str | Path | None = None) -> None:
        """Write the lexicon (and, if ``neutral_path`` is given, the stop list) in the documented format."""
        lines = [
            "# mediadiff loaded-language lexicon. Columns: term <TAB> category <TAB> strength <TAB> pos",
            "# '@category <TAB> name <TAB> rationale' declares a category; '…' in a term is a gap.",
        ]
        lines += [f"{_CATEGORY_LINE}\t{name}\t{why}" for name, why in self.categories.items()]
        for e in sorted(self.entries, key=lambda e: (e.category, e.term.lower())):
            term = e.term if (not e.exact or e.term.startswith("=")) else "=" + e.term
            lines.append(f"{term}\t{e.category}\t{e.strength:.2f}\t{e.pos}")
        Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
        if neutral_path is not None:
            Path(neutral_path).write_text(
                "# words neutral in news reporting, one a line\n" + "".join(w + "\n" for w in sorted(self.neutral)),
                encoding="utf-8",
            )


def read_word_list(path: str | Path) -> list[str]:
    """The words of a one-word-a-line file (``#`` starts a comment; a tab ends the word)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read word list {path}: {exc.strerror or exc}") from exc
    return _word_list(text)


def _word_list(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        word = line.split("#", 1)[0].split("\t", 1)[0].strip()
        if word:
            out.append(word)
    return out


def _parse_lexicon(text: str, where: str) -> tuple[list[LexiconEntry], dict[str, str]]:
    entries: list[LexiconEntry] = []
    categories: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if cols[0] == _CATEGORY_LINE:
            if len(cols) < 2 or not cols[1]:
                raise InputError(f"{where}, line {number}: '@category' needs a name")
            categories[cols[1]] = cols[2] if len(cols) > 2 else ""
            continue
        if len(cols) < 3:
            raise InputError(
                f"{where}, line {number}: expected 'term<TAB>category<TAB>strength[<TAB>pos]', got {line!r}"
            )
        try:
            strength = float(cols[2])
        except ValueError:
            raise InputError(f"{where}, line {number}: strength must be a number in [0, 1], got {cols[2]!r}") from None
        pos = cols[3] if len(cols) > 3 and cols[3] else ("phrase" if re.search(r"\s", cols[0]) else "any")
        try:
            entries.append(LexiconEntry(cols[0], cols[1], strength, pos))
        except ValueError as exc:
            raise InputError(f"{where}, line {number}: {exc}") from None
    return entries, categories


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    base = resources.files("mediadiff") / "data" / "lexicon"
    entries, categories = _parse_lexicon((base / "loaded.tsv").read_text(encoding="utf-8"), "loaded.tsv")
    neutral = _word_list((base / "neutral.tsv").read_text(encoding="utf-8"))
    return Lexicon(entries, categories=categories, neutral=neutral)
