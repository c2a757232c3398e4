"""Synthetic multi-outlet stories for the alignment benchmarks (deterministic with a seed).

``synthetic_story(n_outlets, seed=...)`` pools the content sentences of one bundled story
(mediadiff/data/stories/), keeps about 40 distinct ones as the "facts", and writes each outlet
from them by dropping facts, reordering them (local and long-range transpositions), merging
neighbours into one sentence, and paraphrase-like edits (synonyms, dropped modifiers, number
formats, fronted attributions). Only the standard library and mediadiff are used.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from mediadiff.document import Article
from mediadiff.segment import segment

STORIES = Path(__file__).resolve().parents[1] / "mediadiff" / "data" / "stories"

#: Word -> a paraphrase-like replacement (our own list; also used by bench_corpus.py).
SYNONYMS = {
    "said": "stated",
    "told": "informed",
    "officials": "authorities",
    "residents": "locals",
    "people": "individuals",
    "about": "roughly",
    "found": "concluded",
    "report": "review",
    "investigation": "inquiry",
    "plant": "facility",
    "company": "firm",
    "city": "town",
    "state": "regional",
    "closed": "shut",
    "released": "discharged",
    "cut": "reduced",
    "announced": "declared",
    "began": "started",
    "began.": "started.",
    "help": "assist",
    "before": "prior to",
    "after": "following",
    "more": "additional",
    "many": "numerous",
    "because": "since",
    "building": "site",
    "said.": "stated.",
    "paid": "handed over",
    "large": "big",
    "small": "minor",
    "began,": "started,",
    "decision": "ruling",
    "says": "states",
}
_MODIFIERS = {"very", "nearly", "about", "roughly", "just", "only", "still", "also", "now", "some", "already"}


def _facts(story: str | None, count: int) -> list[str]:
    dirs = sorted(p for p in STORIES.iterdir() if p.is_dir()) if STORIES.is_dir() else []
    if not dirs:
        raise FileNotFoundError(f"no bundled stories under {STORIES}")
    path = next((d for d in dirs if d.name == story), dirs[0])
    seen: set[str] = set()
    facts = []
    for file in sorted(path.glob("*.txt")):
        doc = segment(Article(outlet=file.stem, text=file.read_text(encoding="utf-8")))
        for s in doc.content_sentences:
            key = " ".join(t.norm for t in s.words[:6])
            if len(s.words) >= 6 and key not in seen:
                seen.add(key)
                facts.append(s.text)
    return facts[:count]


def _edit(sentence: str, rng: random.Random, rate: float) -> str:
    words = sentence.split(" ")
    out = []
    for w in words:
        r = rng.random()
        if r < rate and w.lower() in SYNONYMS:
            rep = SYNONYMS[w.lower()]
            out.append(rep.capitalize() if w[:1].isupper() else rep)
        elif r < rate * 1.5 and w.lower() in _MODIFIERS:
            continue
        else:
            out.append(w)
    text = " ".join(out)
    text = re.sub(
        r"\b(\d{1,3}),(\d{3})\b", lambda m: m.group(1) + m.group(2) if rng.random() < rate else m.group(0), text
    )
    if rng.random() < rate / 2:
        m = re.match(r"(.+), (\w+ \w+ said)\.$", text)
        if m:
            text = f"{m.group(2)[0].upper()}{m.group(2)[1:]} that {m.group(1)[0].lower()}{m.group(1)[1:]}."
    return text


def synthetic_story(n_outlets: int, *, seed: int = 0, facts: int = 40, story: str | None = None) -> list[Article]:
    """``n_outlets`` articles of about ``facts`` content sentences each, from one bundled story."""
    pool = _facts(story, facts)
    rng = random.Random(seed)
    articles = []
    for k in range(n_outlets):
        order = [f for f in pool if rng.random() > 0.15]  # drop ~15% of the facts
        for _ in range(len(order) // 4):  # transpositions, some long-range
            i, j = rng.randrange(len(order)), rng.randrange(len(order))
            order[i], order[j] = order[j], order[i]
        sentences = []
        i = 0
        rate = rng.choice([0.05, 0.2, 0.4])  # near-copies, light and heavy rewrites
        while i < len(order):
            text = _edit(order[i], rng, rate)
            if i + 1 < len(order) and rng.random() < 0.1:  # merge two facts in one sentence
                nxt = _edit(order[i + 1], rng, rate)
                text = text.rstrip(".") + ", and " + nxt[0].lower() + nxt[1:]
                i += 1
            sentences.append(text)
            i += 1
        body = "\n\n".join(" ".join(sentences[p : p + 2]) for p in range(0, len(sentences), 2))
        articles.append(Article(outlet=f"outlet_{k:03d}", text=f"Synthetic story {k}\n\n{body}\n"))
    return articles


if __name__ == "__main__":
    for a in synthetic_story(2, seed=1)[:1]:
        print(a.text[:1500])
