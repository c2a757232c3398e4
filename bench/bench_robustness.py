"""Large inputs: one article of about 5 MB, and a story of 200 outlets. Time and peak memory.

Prints, for each case, the time and peak traced memory of ``compare`` beside a baseline measured
in the same run (the same story at its normal size, 5 outlets), and the ratio. The figures go
in docs/robustness.md.

    python bench/bench_robustness.py [--mb 5] [--outlets 200]
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import mediadiff  # noqa: E402
from mediadiff import Article  # noqa: E402


def measure(label: str, articles: list[Article]) -> tuple[float, float]:
    warnings.simplefilter("ignore")
    tracemalloc.start()
    t0 = time.perf_counter()
    comparison = mediadiff.compare(articles)
    seconds = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    chars = sum(len(a.text) for a in articles)
    print(
        f"{label:38s} {len(articles):4d} outlets {chars / 1e6:6.2f} M chars  {len(comparison.passages):6d} passages"
        f"  {seconds:8.1f} s  peak {peak:8.1f} MB",
        flush=True,
    )
    return seconds, peak


def huge_article(base: Article, size: int, seed: int = 0) -> Article:
    """A long article of ``size`` characters: the base article first, then sentences made of
    random words of the bundled corpus (few near-duplicates, as in a long real report)."""
    import random

    rng = random.Random(seed)
    vocabulary = sorted({w for a in mediadiff.load_example("clinic_closure") for w in a.text.split() if w.isalpha()})
    parts, total = [base.text], len(base.text)
    while total < size:
        words = [rng.choice(vocabulary) for _ in range(rng.randint(8, 30))]
        sentence = " ".join(words).capitalize() + f" {rng.randint(1, 9999)}."
        if rng.random() < 0.2:
            sentence += "\n\n"
        parts.append(sentence)
        total += len(sentence) + 1
    return Article(base.outlet + "_huge", " ".join(parts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0, help="size of the long article (0: skip it)")
    parser.add_argument("--outlets", type=int, default=200)
    args = parser.parse_args()
    story = mediadiff.load_example("kestrel_leak")
    mediadiff.compare(story)  # warm the imports and the lexicon
    base_t, base_m = measure("baseline: kestrel_leak as bundled", story)
    if args.mb > 0:
        big = [huge_article(story[0], int(args.mb * 1_000_000))] + story[1:]
        t, m = measure(f"one article of {args.mb:g} MB", big)
        print(f"  ratio to baseline: time {t / base_t:.0f}x, memory {m / base_m:.0f}x")
    from synth import synthetic_story  # bench/synth.py

    many = synthetic_story(args.outlets, seed=1)
    t, m = measure(f"{args.outlets} synthetic outlets", many)
    print(f"  ratio to baseline: time {t / base_t:.0f}x, memory {m / base_m:.0f}x")


if __name__ == "__main__":
    main()
