"""What the reports say in words (kept for compatibility: the code lives in neutral modules).

The helpers moved to :mod:`mediadiff._presentation` and the key findings to
:mod:`mediadiff._summary`, which ``report/`` and ``plot`` both import without a cycle. This
module re-exports them under their old names.
"""

from __future__ import annotations

from .._presentation import (
    ALTERATION_KINDS,
    CONFLICT_KINDS,
    OMISSION_KINDS,
    SHIFT_KINDS,
    SHIFT_ROWS,
    Snippets,
    diff_window,
    join_names,
    outlet_names,
    own_voice,
    passage_snippet,
    rank_shifts,
    shorten,
    typical_member,
    typical_text,
    voice_label,
    who,
)
from .._summary import key_findings

__all__ = [
    "ALTERATION_KINDS",
    "CONFLICT_KINDS",
    "OMISSION_KINDS",
    "SHIFT_KINDS",
    "SHIFT_ROWS",
    "Snippets",
    "diff_window",
    "join_names",
    "key_findings",
    "outlet_names",
    "own_voice",
    "passage_snippet",
    "rank_shifts",
    "shorten",
    "typical_member",
    "typical_text",
    "voice_label",
    "who",
]
