"""Discrepancy findings: each a plain function of the :class:`~mediadiff.align.Alignment`.

One module per finding; they never import each other (shared helpers live in ``_common``).

Public names
------------
find_omissions, omission_scores, Omission, passage_kind       what each outlet left out.
find_wording_shifts, wording_shift_scores, WordingShift       how it worded what it kept.
extract_quotes, find_quote_alterations, Quote, QuoteAlteration  quotations and altered quotations.
find_conflicts, Conflict, ConflictValue                       figures, dates, names that disagree.
placement, find_placement_shifts, PlacementShift              where each passage sits.
readability, MEASURES                                         readability per outlet (textstat).
finding_kinds, register_kind, unregister_kind                 the registry of finding kinds
                                                              (each a mediadiff.findings.FindingKind).
"""

from __future__ import annotations

from ._registry import finding_kinds, register_kind, unregister_kind
from .conflicts import Conflict, ConflictValue, find_conflicts
from .omissions import Omission, find_omissions, omission_scores, passage_kind
from .placement import PlacementShift, find_placement_shifts, placement
from .quotes import Quote, QuoteAlteration, extract_quotes, find_quote_alterations
from .readability import MEASURES, readability
from .wording import WordingShift, find_wording_shifts, wording_shift_scores

__all__ = [
    "MEASURES",
    "Conflict",
    "ConflictValue",
    "Omission",
    "PlacementShift",
    "Quote",
    "QuoteAlteration",
    "WordingShift",
    "extract_quotes",
    "find_conflicts",
    "finding_kinds",
    "find_omissions",
    "find_placement_shifts",
    "find_quote_alterations",
    "find_wording_shifts",
    "omission_scores",
    "passage_kind",
    "placement",
    "readability",
    "register_kind",
    "unregister_kind",
    "wording_shift_scores",
]
