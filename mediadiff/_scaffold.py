"""INTEGRATION SCAFFOLD, to be deleted when mediadiff/loaded/contrast.py lands: own-voice spans only, no contrast."""

from __future__ import annotations

from typing import Any


def find_loaded_language(alignment: Any, *, lexicon: Any = None) -> list[Any]:
    from .loaded import detect_loaded_language

    out = []
    for d in alignment.documents:
        content = [(s.start, s.end) for s in d.content_sentences]
        for span in detect_loaded_language(d.text, lexicon=lexicon):
            if any(a <= span.start and span.end <= b for a, b in content):
                out.append({"outlet": d.outlet, "start": span.start, "end": span.end, "text": span.text,
                            "category": span.category, "score": span.score, "in_quote": span.in_quote, "counterpart": None})
    return out


def loaded_language_scores(alignment: Any, findings: list[Any]) -> dict[str, Any]:
    return {}
