"""Loaded language: wording with strong emotional or judgemental implications where plain words existed.

Public names
------------
detect_loaded_language   one text -> LoadedSpan list (lexicon + guards + span rules; a calibrated score on request).
LoadedSpan               start, end, text, category, score (0-1), in_quote, matched terms.
Lexicon, LexiconEntry    the lexicon: load/save a plain file, merge with a user's own.
lemma_candidates         the suffix rules that match inflections without any download.
Calibration              the fitted re-ranker: context features -> probability, one threshold.
loaded_candidates        every lexicon span of a text with the features the calibration reads.
LoadedLanguageModel      a trainable scikit-learn token tagger (fit on span-labelled texts).
find_loaded_language     loaded wording across aligned outlets, with the counterpart wording.
loaded_language_scores   own-voice loaded spans per 1,000 own words, by category, per outlet.
LoadedFinding            one outlet's loaded span in a comparison.
"""

from __future__ import annotations

from typing import Any

from .calibration import Calibration
from .detect import LoadedSpan, detect_loaded_language, loaded_candidates
from .lexicon import Lexicon, LexiconEntry, lemma_candidates

__all__ = [
    "Calibration",
    "Lexicon",
    "LexiconEntry",
    "LoadedFinding",
    "LoadedLanguageModel",
    "LoadedSpan",
    "detect_loaded_language",
    "find_loaded_language",
    "lemma_candidates",
    "loaded_candidates",
    "loaded_language_scores",
]

# The model and the cross-outlet contrast pull in scikit-learn and the aligner: import on first use.
_LAZY = {
    "LoadedLanguageModel": ".model",
    "LoadedFinding": ".contrast",
    "find_loaded_language": ".contrast",
    "loaded_language_scores": ".contrast",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
