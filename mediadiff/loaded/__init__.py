"""Loaded language: wording with strong emotional or judgemental implications where plain words existed.

Public names
------------
detect_loaded_language   one text -> LoadedSpan list (lexicon + span rules + negation + quotes).
LoadedSpan               start, end, text, category, score (0-1), in_quote, matched terms.
Lexicon, LexiconEntry    the lexicon: load/save a plain file, merge with a user's own.
lemma_candidates         the suffix rules that match inflections without any download.
LoadedLanguageModel      a trainable scikit-learn token tagger (fit on span-labelled texts).
find_loaded_language     loaded wording across aligned outlets, with the counterpart wording.
loaded_language_scores   own-voice loaded spans per 1,000 own words, by category, per outlet.
LoadedFinding            one outlet's loaded span in a comparison.
"""

from __future__ import annotations

from .detect import LoadedSpan, detect_loaded_language
from .lexicon import Lexicon, LexiconEntry, lemma_candidates

__all__ = [
    "Lexicon",
    "LexiconEntry",
    "LoadedSpan",
    "detect_loaded_language",
    "lemma_candidates",
]
