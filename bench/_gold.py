"""Gold stories for the benchmarks: the bundled fictional stories and the real BASIL stories.

A *story* here is its articles and its gold, with every mention resolved to character offsets:

- bundled stories (``mediadiff/data/stories``): our own fictional gold, read by
  :func:`mediadiff.examples.load_gold`;
- real stories in ``../shared/eval/alignment/<story>/`` (the shared set: ``fox.txt``,
  ``nyt.txt``, ``hpo.txt`` and a ``gold.json`` whose mentions are exact substrings);
- real stories annotated by this project (``bench/real_gold/<story>.json``): BASIL dev triplets,
  annotated with ``../shared/eval/alignment/GUIDE.md`` before mediadiff was run on them. The
  files hold offsets only, never article text: the text is rebuilt from
  ``../shared/eval/basil/articles`` exactly as ``basil_story.py`` builds it, and a SHA-256 of
  each outlet's text guards the offsets.

Also here: the metric every alignment benchmark uses (:func:`pairwise_scores`), the naive
difflib baseline (:func:`naive_groups`) and the mapping of passages to gold facts
(:func:`passage_facts`) that the omission benchmarks use.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SHARED_ALIGNMENT = SHARED / "eval" / "alignment"
BASIL_ARTICLES = SHARED / "eval" / "basil" / "articles"
REAL_GOLD = Path(__file__).resolve().parent / "real_gold"


@dataclass(frozen=True)
class Mention:
    """One gold mention of a fact: an outlet's span."""

    fact: str
    outlet: str
    start: int
    end: int


@dataclass
class Story:
    """A story with gold: articles' texts by outlet, mentions, omissions and key omissions."""

    name: str
    kind: str  # "real" or "bundled"
    texts: dict[str, str]
    mentions: list[Mention]
    omissions: set[tuple[str, str]]  # (outlet, fact)
    key_omissions: list[tuple[str, str]]
    extra: dict[str, Any] = field(default_factory=dict)

    def articles(self) -> list[Any]:
        from mediadiff.document import Article

        return [Article(outlet=o, text=t) for o, t in sorted(self.texts.items())]

    def spans(self) -> dict[str, list[tuple[str, int, int]]]:
        out: dict[str, list[tuple[str, int, int]]] = {}
        for m in self.mentions:
            out.setdefault(m.fact, []).append((m.outlet, m.start, m.end))
        return out


# --------------------------------------------------------------------------- loading


def basil_texts(year: str, triplet: str) -> dict[str, str]:
    """The three outlet texts of a BASIL triplet, built as ``basil_story.py`` builds them."""
    out = {}
    for f in sorted(glob.glob(os.path.join(BASIL_ARTICLES, year, triplet + "*.json"))):
        d = json.load(open(f, encoding="utf-8"))
        body = "\n\n".join(" ".join(s.strip() for s in p if s.strip()) for p in d["body-paragraphs"])
        out[d["source"].lower()] = d["title"].strip() + "\n\n" + body.strip() + "\n"
    return out


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def locate_all(texts: dict[str, str], outlet: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    """Offsets of substrings of one outlet's text; a repeated string takes its next occurrence."""
    used: Counter[str] = Counter()
    out = []
    for needle in needles:
        start = -1
        for _ in range(used[needle] + 1):
            start = texts[outlet].find(needle, start + 1)
            if start < 0:
                break
        if start < 0:
            start = texts[outlet].find(needle)
        if start < 0:
            raise ValueError(f"{outlet}: not a substring: {needle[:60]!r}")
        used[needle] += 1
        out.append((start, start + len(needle)))
    return out


def _from_gold(name: str, texts: dict[str, str], gold: dict, spans_of) -> Story:
    mentions = []
    for f in gold["facts"]:
        for outlet, items in f["mentions"].items():
            for start, end in spans_of(outlet, items):
                mentions.append(Mention(f["id"], outlet, start, end))
    omissions = {(o, fid) for o, fids in gold.get("omissions", {}).items() for fid in fids}
    keys = [(k["outlet"], k["fact"]) for k in gold.get("key_omissions", [])]
    return Story(name, "real", texts, mentions, omissions, keys, extra=gold)


def shared_real_stories() -> list[Story]:
    """The real stories of ``../shared/eval/alignment`` (empty when it is absent)."""
    out = []
    for d in sorted(SHARED_ALIGNMENT.glob("*/gold.json")):
        gold = json.loads(d.read_text(encoding="utf-8"))
        texts = {o: (d.parent / f"{o}.txt").read_text(encoding="utf-8") for o in gold["outlets"]}
        out.append(_from_gold(d.parent.name, texts, gold, lambda o, items, t=texts: locate_all(t, o, items)))
    return out


def own_real_stories(*, second: bool = False) -> list[Story]:
    """The BASIL stories annotated by this project (``bench/real_gold``), first readings by
    default, the second readings with ``second=True``. Empty when BASIL is absent."""
    out = []
    if not BASIL_ARTICLES.is_dir():
        return out
    pattern = "*.second.json" if second else "*.json"
    for path in sorted(REAL_GOLD.glob(pattern)):
        if not second and path.name.endswith(".second.json"):
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        texts = basil_texts(gold["source"]["year"], gold["source"]["triplet"])
        for o, digest in gold["sha256"].items():
            if sha(texts[o]) != digest:
                raise ValueError(f"{path.name}: the text of {o} is not the one annotated (BASIL changed?)")
        name = path.name.split(".")[0]
        out.append(_from_gold(name, texts, gold, lambda o, items: [tuple(x) for x in items]))
    return out


def real_stories() -> list[Story]:
    """Every real story with gold: the shared set, then this project's annotations."""
    return shared_real_stories() + own_real_stories()


def bundled_stories() -> list[Story]:
    """The bundled fictional stories with their gold."""
    from mediadiff.examples import example_stories, load_example, load_gold

    out = []
    for s in example_stories():
        gold = load_gold(s)
        texts = {a.outlet: a.text for a in load_example(s)}
        mentions = [Mention(f["id"], m["outlet"], m["start"], m["end"]) for f in gold["facts"] for m in f["mentions"]]
        omissions = {(g["outlet"], g["fact"]) for g in gold["omissions"]}
        keys = [(g["outlet"], g["fact"]) for g in gold["omissions"] if g.get("key")]
        out.append(Story(s, "bundled", texts, mentions, omissions, keys, extra=gold))
    return out


def to_offsets(story_dir: str | Path, year: str, triplet: str) -> dict:
    """Turn a gold folder whose mentions are substrings (GUIDE.md) into an offsets-only file."""
    story_dir = Path(story_dir)
    gold = json.loads((story_dir / "gold.json").read_text(encoding="utf-8"))
    texts = basil_texts(year, triplet)
    for o in gold["outlets"]:
        if (story_dir / f"{o}.txt").read_text(encoding="utf-8") != texts[o]:
            raise ValueError(f"{story_dir}/{o}.txt is not the BASIL text of {year} {triplet}")
    facts = []
    for f in gold["facts"]:
        facts.append(
            {
                "id": f["id"],
                "summary": f["summary"],
                "mentions": {o: [list(s) for s in locate_all(texts, o, ms)] for o, ms in f["mentions"].items()},
            }
        )
    conflicts = []
    for c in gold.get("numeric_conflicts", []):
        conflicts.append(
            {"fact": c["fact"], "values": {o: list(locate_all(texts, o, [v])[0]) for o, v in c["values"].items()}}
        )
    alterations = []
    for a in gold.get("quote_alterations", []):
        alterations.append(
            {
                "fact": a.get("fact"),
                "outlet": a["outlet"],
                "span": list(locate_all(texts, a["outlet"], [a["text"]])[0]),
                "reference_outlet": a["reference_outlet"],
                "reference_span": list(locate_all(texts, a["reference_outlet"], [a["reference_text"]])[0]),
                "kind": a.get("kind"),
            }
        )
    return {
        "source": {"dataset": "BASIL (Fan et al. 2019), dev split", "year": year, "triplet": triplet},
        "note": gold.get("note", ""),
        "outlets": gold["outlets"],
        "sha256": {o: sha(texts[o]) for o in gold["outlets"]},
        "facts": facts,
        "omissions": gold["omissions"],
        "key_omissions": gold.get("key_omissions", []),
        "quote_alterations": alterations,
        "numeric_conflicts": conflicts,
    }


# --------------------------------------------------------------------------- metrics

Grouping = Sequence[Sequence[tuple[str, int, int]]]


def map_mentions(mentions: Sequence[Mention], groups: Grouping) -> list[set[int]]:
    """For each gold mention, the group(s) whose members overlap it most (empty: none)."""
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
    return mapped


def pairwise_scores(mentions: Sequence[Mention], groups: Grouping) -> tuple[int, int, int]:
    """``(true positives, predicted links, gold links)`` over cross-outlet mention pairs.

    A gold mention maps to the group(s) whose members overlap it most (:func:`map_mentions`);
    two mentions of different outlets are predicted linked when they share a group, and
    gold-linked when they report the same fact.
    """
    mapped = map_mentions(mentions, groups)
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


def sentences_of(docs) -> list[tuple[str, int, int, list[str]]]:
    return [(d.outlet, s.start, s.end, [t.norm for t in s.words]) for d in docs for s in d.content_sentences]


def naive_groups(docs, threshold: float, ratios: dict | None = None) -> list[list[tuple[str, int, int]]]:
    """The baseline: difflib ratio over all cross-outlet sentence pairs, union-find."""
    sents = sentences_of(docs)
    parent = list(range(len(sents)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(sents)):
        for j in range(i + 1, len(sents)):
            if sents[i][0] == sents[j][0]:
                continue
            key = (i, j)
            if ratios is not None and key in ratios:
                r = ratios[key]
            else:
                r = SequenceMatcher(None, sents[i][3], sents[j][3], autojunk=False).ratio()
                if ratios is not None:
                    ratios[key] = r
            if r >= threshold:
                parent[find(j)] = find(i)
    groups: dict[int, list] = {}
    for i, s in enumerate(sents):
        groups.setdefault(find(i), []).append(s[:3])
    return list(groups.values())


def passage_facts(passages, spans: dict[str, list[tuple[str, int, int]]]) -> dict[str, set[str]]:
    """Passage id -> the gold facts its members overlap most (majority vote of members)."""
    out: dict[str, set[str]] = {}
    for p in passages:
        votes: Counter[str] = Counter()
        for m in p.members:
            best, best_ov = None, 0
            for fid, ms in sorted(spans.items()):
                ov = sum(max(0, min(m.end, e) - max(m.start, s)) for o, s, e in ms if o == m.outlet)
                if ov > best_ov:
                    best, best_ov = fid, ov
            if best:
                votes[best] += 1
        if votes:
            top = max(votes.values())
            out[p.id] = {f for f, c in votes.items() if c == top}
        else:
            out[p.id] = set()
    return out


def omission_figures(
    omissions, pf: dict[str, set[str]], gold_pairs: set[tuple[str, str]], keys: Sequence[tuple[str, str]]
) -> dict[str, Any]:
    """Omission precision/recall against gold and key omissions in each outlet's top three.

    A predicted (outlet, passage) counts as (outlet, fact) for every fact the passage maps to;
    a passage that maps to no fact is a wrong prediction; several passages of one fact count once.
    """
    predicted: set[tuple[str, str]] = set()
    for o in omissions:
        facts = pf.get(o.passage) or {f"?{o.passage}"}
        predicted |= {(o.outlet, f) for f in facts}
    tp = predicted & gold_pairs
    ranked: dict[str, list[str]] = {}
    for o in sorted(omissions, key=lambda o: (o.outlet, -o.weight)):
        for f in sorted(pf.get(o.passage) or {f"?{o.passage}"}):
            if f not in ranked.setdefault(o.outlet, []):
                ranked[o.outlet].append(f)
    key_top3 = sum(1 for o, f in keys if f in ranked.get(o, [])[:3])
    return {
        "tp": len(tp),
        "predicted": len(predicted),
        "gold": len(gold_pairs),
        "key_top3": key_top3,
        "keys": len(keys),
        "missed": sorted(gold_pairs - predicted),
        "wrong": sorted(predicted - gold_pairs),
    }


def piece_facts(story: Story, outlet: str, start: int, end: int) -> set[str]:
    """The gold facts whose mentions a span of one outlet overlaps most (ties: all of them)."""
    overlap: dict[str, int] = {}
    for m in story.mentions:
        if m.outlet == outlet:
            o = min(m.end, end) - max(m.start, start)
            if o > 0:
                overlap[m.fact] = overlap.get(m.fact, 0) + o
    best = max(overlap.values(), default=0)
    return {f for f, o in overlap.items() if o == best and best > 0}


def fact_groups(story: Story) -> list[list[tuple[str, int, int]]]:
    """A story's gold as a grouping (one group per fact), to score one reading against another."""
    groups: dict[str, list[tuple[str, int, int]]] = {}
    for m in story.mentions:
        groups.setdefault(m.fact, []).append((m.outlet, m.start, m.end))
    return list(groups.values())


def second_readings_shared() -> list[tuple[Story, Story]]:
    """(first, second) readings of the shared stories that have a ``gold-second-reading.json``."""
    out = []
    for first in shared_real_stories():
        path = SHARED_ALIGNMENT / first.name / "gold-second-reading.json"
        if path.is_file():
            gold = json.loads(path.read_text(encoding="utf-8"))
            out.append(
                (
                    first,
                    _from_gold(first.name, first.texts, gold, lambda o, items, t=first.texts: locate_all(t, o, items)),
                )
            )
    return out
