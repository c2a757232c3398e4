"""Shared helpers of the alignment benchmarks: load bundled stories and score against gold.

Not a test and not part of the package. ``pairwise_scores`` implements the metric of issue 4:
a gold mention maps to the passage(s) whose members overlap it most; two mentions of different
outlets are predicted linked when they share a passage, and gold-linked when they share a fact.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mediadiff.document import Article

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "mediadiff" / "data" / "stories"


@dataclass(frozen=True)
class Mention:
    fact: str
    outlet: str
    start: int
    end: int


def locate(text: str, needle: str, occurrence: int | None) -> int:
    starts = []
    i = text.find(needle)
    while i >= 0:
        starts.append(i)
        i = text.find(needle, i + 1)
    if not starts:
        raise ValueError(f"gold text not found: {needle!r}")
    return starts[(occurrence or 1) - 1]


def load_story(path: Path) -> tuple[list[Article], list[Mention]]:
    """The articles of a bundled story and its gold fact mentions (with offsets)."""
    meta = json.loads((path / "story.json").read_text(encoding="utf-8"))
    texts = {}
    articles = []
    for o in meta["outlets"]:
        with open(path / o["file"], encoding="utf-8") as fh:
            text = fh.read()
        texts[o["id"]] = text
        articles.append(Article(outlet=o["id"], text=text, name=o.get("name")))
    gold = json.loads((path / "gold.json").read_text(encoding="utf-8"))
    mentions = []
    for fact in gold["facts"]:
        for m in fact["mentions"]:
            start = locate(texts[m["outlet"]], m["text"], m.get("occurrence"))
            mentions.append(Mention(fact["id"], m["outlet"], start, start + len(m["text"])))
    return articles, mentions


def stories() -> list[Path]:
    return sorted(p for p in STORIES.iterdir() if (p / "gold.json").is_file()) if STORIES.is_dir() else []


# A grouping: a list of groups, each a list of (outlet, start, end) spans.
Grouping = Sequence[Sequence[tuple[str, int, int]]]


def pairwise_scores(mentions: Sequence[Mention], groups: Grouping) -> tuple[int, int, int]:
    """``(true positives, predicted links, gold links)`` over cross-outlet mention pairs."""
    by_outlet: dict[str, list[tuple[int, int, int]]] = {}
    for g, members in enumerate(groups):
        for outlet, start, end in members:
            by_outlet.setdefault(outlet, []).append((start, end, g))
    mapped = []
    for m in mentions:
        overlap: dict[int, int] = {}
        for start, end, g in by_outlet.get(m.outlet, []):
            o = min(end, m.end) - max(start, m.start)
            if o > 0:
                overlap[g] = overlap.get(g, 0) + o
        best = max(overlap.values(), default=0)
        mapped.append({g for g, o in overlap.items() if o == best and best > 0})
    tp = pred = gold = 0
    for a in range(len(mentions)):
        for b in range(a + 1, len(mentions)):
            if mentions[a].outlet == mentions[b].outlet:
                continue
            linked = bool(mapped[a] & mapped[b])
            same = mentions[a].fact == mentions[b].fact
            tp += linked and same
            pred += linked
            gold += same
    return tp, pred, gold


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(run: Callable[[list[Article]], Grouping]) -> tuple[float, float, float, list[tuple[str, float]]]:
    """Micro-averaged P/R/F1 over every bundled story, and F1 per story."""
    tot = [0, 0, 0]
    per = []
    for path in stories():
        articles, mentions = load_story(path)
        counts = pairwise_scores(mentions, run(articles))
        per.append((path.name, prf(*counts)[2]))
        tot = [a + b for a, b in zip(tot, counts, strict=False)]
    return (*prf(*tot), per)
