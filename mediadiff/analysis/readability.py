"""Readability of each outlet's article, with textstat (fully offline).

Measures are computed on the content sentences only (boilerplate left out), joined one sentence
per line with a full stop added where a headline has none, so that textstat counts the
sentences we count. Words and sentences are our own counts from segmentation. A measure that is
undefined for the text (an empty article; SMOG with fewer than three sentences) is ``None``,
with the reason in ``reasons``: never a made-up 0.0.

Public names
------------
readability   Document -> dict of measures.
MEASURES      the names of the measures, in report order.
"""

from __future__ import annotations

from typing import Any

from ..document import Document

__all__ = ["MEASURES", "readability"]

MEASURES: tuple[str, ...] = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "dale_chall",
    "mean_sentence_length",
    "words",
    "sentences",
)

_LANG = "en_US"


def readability(document: Document) -> dict[str, Any]:
    """Readability measures of one outlet's article.

    Returns a dict with the keys of :data:`MEASURES` (floats rounded to 2 places, ``words`` and
    ``sentences`` as ints) and ``reasons``: measure name -> why it is ``None``.

    Flesch reading ease: higher is easier (60-70 is plain English). Flesch-Kincaid grade, Gunning
    fog and SMOG: a US school grade. Dale-Chall: 4.9 or below is easy for a 10-year-old, 9-10 is
    college level. SMOG is defined on 30 sentences; we report it from three sentences on.

    >>> from mediadiff.document import Article
    >>> from mediadiff.segment import segment
    >>> r = readability(segment(Article("a", "")))
    >>> r["flesch_reading_ease"], r["reasons"]["flesch_reading_ease"]
    (None, 'the article has no content sentences')
    """
    sentences = [s for s in document.content_sentences if s.words]
    words = sum(len(s.words) for s in sentences)
    result: dict[str, Any] = {name: None for name in MEASURES}
    result["words"] = words
    result["sentences"] = len(sentences)
    reasons: dict[str, str] = {}
    result["reasons"] = reasons
    if not sentences:
        for name in MEASURES:
            if name not in ("words", "sentences"):
                reasons[name] = "the article has no content sentences"
        return result
    result["mean_sentence_length"] = round(words / len(sentences), 2)
    from textstat.backend import metrics  # slow to import: only when asked

    text = "\n".join(s.text if s.text.rstrip("\"'”’)")[-1:] in ".!?" else s.text + "." for s in sentences)
    result["flesch_reading_ease"] = round(metrics.flesch_reading_ease(text, _LANG), 2)
    result["flesch_kincaid_grade"] = round(metrics.flesch_kincaid_grade(text, _LANG), 2)
    result["gunning_fog"] = round(metrics.gunning_fog(text, _LANG), 2)
    result["dale_chall"] = round(metrics.dale_chall_readability_score(text, _LANG), 2)
    if len(sentences) >= 3:
        result["smog_index"] = round(metrics.smog_index(text, _LANG), 2)
    else:
        reasons["smog_index"] = "SMOG needs at least three sentences"
    return result
