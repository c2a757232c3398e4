"""PolNeAR (Newell, Margolin & Ruths 2018), read from ``../shared/eval/attribution``.

Each annotation file (``<split>/attributions/<article>_<annotator>.ann``, brat standoff) gives
attribution relations over ``<split>/text/<article>.txt``: a Source (who), a Cue (said,
according to, believes...) and a Content (what is attributed), each a list of ``(start, end)``
character spans (discontinuous spans as several). Some articles have several annotators' files;
:func:`load` returns one item per file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "attribution"

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Relation:
    """One gold attribution: its source, cue and content spans (empty when absent)."""

    source: Spans
    cue: Spans
    content: Spans


@dataclass(frozen=True)
class Item:
    """One annotator's reading of one article."""

    name: str
    annotator: str
    text: str
    relations: tuple[Relation, ...]


def _spans(field: str) -> Spans:
    return tuple(tuple(map(int, part.split())) for part in field.split(";"))  # type: ignore[misc]


def read(ann: Path, text: str) -> tuple[Relation, ...]:
    """The relations of one ``.ann`` file (T lines may come after the E lines that use them)."""
    labelled: dict[str, tuple[str, Spans]] = {}
    events: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            tid, rest = parts[0], parts[1]
            label, spans = rest.split(" ", 1)
            labelled[tid] = (label, _spans(spans))
        elif line.startswith("E"):
            events.append(dict(part.split(":", 1) for part in line.split("\t")[1].split()))
    out = []
    for e in events:
        spans = {role: labelled[tid][1] for role, tid in e.items() if tid in labelled}
        out.append(Relation(spans.get("Source", ()), spans.get("Cue", ()), spans.get("Content", ())))
    return tuple(out)


def load(split: str = "dev") -> list[Item]:
    """Every annotator file of a split (``train`` or ``dev``), sorted; empty when absent."""
    base = ROOT / split
    if not base.is_dir():
        return []
    items = []
    for ann in sorted((base / "attributions").glob("*.ann")):
        name, annotator = ann.stem.rsplit("_", 1)
        text = (base / "text" / f"{name}.txt").read_text(encoding="utf-8")
        items.append(Item(name, annotator, text, read(ann, text)))
    return items


def first_readings(items: list[Item]) -> list[Item]:
    """One item per article: the first annotator's (by id), so no article counts twice."""
    seen: set[str] = set()
    out = []
    for it in items:
        if it.name not in seen:
            seen.add(it.name)
            out.append(it)
    return out


if __name__ == "__main__":  # a look at the data
    import collections

    items = first_readings(load(os.environ.get("SPLIT", "train")))
    cues: collections.Counter[str] = collections.Counter()
    order: collections.Counter[str] = collections.Counter()
    for it in items:
        for r in it.relations:
            if r.cue:
                cues[" ".join(it.text[a:b] for a, b in r.cue).lower()] += 1
            if r.cue and r.content:
                order["content after cue" if r.content[0][0] > r.cue[0][0] else "content before cue"] += 1
    print(len(items), "articles", sum(len(i.relations) for i in items), "relations", order)
    print(cues.most_common(120))
