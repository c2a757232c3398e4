"""The key findings of a report as plain sentences, shared by HTML, Markdown and the PDF.

A neutral module: ``report/`` and ``plot`` both import it, and it imports neither. Each finding
kind says its own sentences (:class:`mediadiff.findings.Summary`); this module takes a few of
each, by the kinds' priority.

Public names (private module)
-----------------------------
key_findings     report -> list of sentences, most important first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._presentation import join_names
from .analysis import finding_kinds
from .findings import Context

__all__ = ["key_findings"]

Report = Mapping[str, Any]


def key_findings(report: Report, *, limit: int = 10) -> list[str]:
    """The key findings of a report as plain-language sentences, most telling first.

    Each finding kind gives its sentences (:attr:`mediadiff.findings.FindingKind.summary`); the
    kinds come by priority: first two omissions (heaviest first), a conflict, an altered quote,
    the outlet with the most loaded language and the
    strongest placement shift; then, while fewer than ``limit``, a third omission, a second
    conflict and altered quote, and one loaded word with its counterpart. Strings are not escaped.

    >>> report = {"outlets": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
    ...           "passages": [{"id": "P1", "support": 2, "members": [{"outlet": "b", "text": "The mayor denied it."}]}],
    ...           "omissions": [{"outlet": "a", "passage": "P1", "weight": 0.9, "kind": "response"}]}
    >>> key_findings(report)
    ['A omits the response that B reports as “The mayor denied it.”, carried by 2 of 3 outlets.']
    """
    ctx = Context(report)
    summaries = sorted((k.summary for k in finding_kinds() if k.summary is not None), key=lambda s: s.priority)
    groups = [(s.sentences(report, ctx), s.first, s.most) for s in summaries]
    # first a few of every kind, then more of each up to its cap, in the order above
    take = [min(first, len(g)) for g, first, _ in groups]
    budget = limit - sum(take)
    for i, (g, _, cap) in enumerate(groups):
        extra = max(0, min(cap, len(g)) - take[i])
        extra = min(extra, max(0, budget))
        take[i] += extra
        budget -= extra
    found = [sentence for (g, _, _), n in zip(groups, take, strict=False) for sentence in g[:n]]
    if not found:
        found = [_nothing_key(report)]
    return found[:limit]


def _nothing_key(report: Report) -> str:
    """The one sentence when no finding makes a key finding: that nothing was found, or, when
    the tables hold findings none of which is said here, how many of each they list."""
    listed = [(len(report.get(k.name) or ()), k) for k in finding_kinds() if k.headline]
    counts = [f"{n} {k.label if n == 1 else k.plural}" for n, k in listed if n]
    if not counts:
        return "No omissions, wording shifts, loaded language, altered quotes or conflicting facts were found."
    return f"No finding is certain enough to be a key finding; the tables below list {join_names(counts)}."
