"""Benchmark of mediadiff.align: quality on the bundled gold, speed on synthetic stories.

Run: ``python bench/bench_align.py`` (from the repository root; ``--quick`` skips N = 100).

Quality: pairwise precision/recall/F1 over the gold fact mentions of every bundled story
(bench/_gold.py), for mediadiff's aligner (default, and whole sentences) and a naive baseline
measured in the same run: all cross-outlet content-sentence pairs whose difflib
``SequenceMatcher(autojunk=False).ratio`` clears a threshold, joined by union-find, with the
threshold tuned on the same data (the most favourable setting for the baseline).

Speed: synthetic stories of N = 5, 20, 50, 100 outlets (bench/synth.py). Both aligners start
from segmented documents. mediadiff is timed whole; the baseline's difflib pass is timed on a
sample of pairs and extrapolated to all cross-outlet pairs (a full run at N = 100 takes hours).
Peak memory comes from tracemalloc in a separate run.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
import tracemalloc
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _gold import evaluate, load_story, pairwise_scores, prf, stories  # noqa: E402
from synth import synthetic_story  # noqa: E402

from mediadiff.align import align, as_documents  # noqa: E402
from mediadiff.document import Article  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _sentences(docs):
    return [(d.outlet, s.start, s.end, [t.norm for t in s.words]) for d in docs for s in d.content_sentences]


def naive_groups(docs, threshold: float, ratios: dict | None = None):
    """The baseline: difflib ratio over all cross-outlet sentence pairs, union-find."""
    sents = _sentences(docs)
    parent = list(range(len(sents)))

    def find(i):
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


def quality() -> None:
    paths = stories()
    print(f"## Quality: pairwise P/R/F1 over gold mentions, {len(paths)} bundled stories ({', '.join(p.name for p in paths)})")
    data = [(load_story(p), as_documents(load_story(p)[0])) for p in paths]
    caches = [dict() for _ in data]
    best = None
    for t in [x / 100 for x in range(20, 95, 5)]:
        tot = [0, 0, 0]
        for ((_, mentions), docs), cache in zip(data, caches, strict=False):
            c = pairwise_scores(mentions, naive_groups(docs, t, cache))
            tot = [a + b for a, b in zip(tot, c, strict=False)]
        score = prf(*tot)
        if best is None or score[2] > best[1][2]:
            best = (t, score)
    rows = []

    def run(**kw):
        return lambda arts: [[(m.outlet, m.start, m.end) for m in p.members] for p in align(arts, **kw).passages]

    for name, kw in [("mediadiff (default)", {}), ("mediadiff, whole sentences (clauses=False)", {"clauses": False})]:
        p, r, f, per = evaluate(run(**kw))
        rows.append((name, p, r, f, per))
    print(f"{'aligner':48s} {'P':>6s} {'R':>6s} {'F1':>6s}  per story F1")
    for name, p, r, f, per in rows:
        print(f"{name:48s} {p:6.3f} {r:6.3f} {f:6.3f}  " + " ".join(f"{s}={v:.3f}" for s, v in per))
    t, (p, r, f) = best
    print(f"{'naive difflib+union-find (threshold ' + format(t, '.2f') + ', tuned)':48s} {p:6.3f} {r:6.3f} {f:6.3f}")
    print()


def seeds() -> None:
    if not SEEDS.is_dir():
        print("## Seeds: ../shared/seeds not present, skipped\n")
        return
    arts = [Article(outlet=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    t0 = time.perf_counter()
    align(arts)
    first = time.perf_counter() - t0
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        result = align(arts)
        times.append(time.perf_counter() - t0)
    print("## Seeds (five real articles, from raw text: segmentation included)")
    print(f"first seed call in this process (scikit-learn already imported above): {first:.3f} s; median of 5 more: {statistics.median(times):.3f} s (target < 0.3 s)")
    for key in ("take away children", "numerous factual errors"):
        found = [p for p in result.passages if any(key in m.text for m in p.members)]
        print(f"  {key!r}: {len(found)} passage(s), outlets per passage {[p.support for p in found]}")
    print()


def speed(sizes) -> None:
    print("## Speed on synthetic stories (from segmented documents)")
    print(f"{'N':>4s} {'pieces':>7s} {'sents':>6s} {'mediadiff s':>12s} {'peak MB':>8s} {'naive s':>10s} {'naive':>9s} {'speed-up':>9s} {'naive peak MB':>14s}")
    timings = {}
    for n in sizes:
        docs = as_documents(synthetic_story(n, seed=n))
        align(docs[:2])  # warm the imports
        reps = 3 if n <= 20 else 1
        ts = []
        for _ in range(reps):
            t0 = time.perf_counter()
            result = align(docs)
            ts.append(time.perf_counter() - t0)
        ours = min(ts)
        timings[n] = ours
        tracemalloc.start()
        align(docs)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        pieces = sum(len(p.members) for p in result.passages)
        sents = _sentences(docs)
        pairs = [(i, j) for i in range(len(sents)) for j in range(i + 1, len(sents)) if sents[i][0] != sents[j][0]] if n <= 20 else None
        total_pairs = sum(1 for _ in ()) if pairs is None else len(pairs)
        if pairs is None:
            per_outlet = {}
            for s in sents:
                per_outlet[s[0]] = per_outlet.get(s[0], 0) + 1
            m = len(sents)
            total_pairs = (m * m - sum(v * v for v in per_outlet.values())) // 2
        rng = random.Random(0)
        sample_n = min(total_pairs, 4000)
        sample = []
        while len(sample) < sample_n:
            i, j = rng.randrange(len(sents)), rng.randrange(len(sents))
            if sents[i][0] != sents[j][0]:
                sample.append((i, j))
        tracemalloc.start()
        t0 = time.perf_counter()
        for i, j in sample:
            SequenceMatcher(None, sents[i][3], sents[j][3], autojunk=False).ratio()
        naive = (time.perf_counter() - t0) / sample_n * total_pairs
        naive_peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        how = "measured" if sample_n == total_pairs else "extrapol."
        print(f"{n:4d} {pieces:7d} {len(sents):6d} {ours:12.3f} {peak:8.1f} {naive:10.2f} {how:>9s} {naive / ours:8.0f}x {naive_peak:14.1f}")
    if 50 in timings and 100 in timings:
        print(f"time(100) / time(50) = {timings[100] / timings[50]:.2f} (target <= 3)")
    if 20 in timings:
        print("target at N = 20: at least 50x faster than the naive baseline")
    print()


if __name__ == "__main__":
    quick = "--quick" in sys.argv
    quality()
    seeds()
    speed([5, 20, 50] if quick else [5, 20, 50, 100])
