"""The headline benchmark: alignment and omissions on real news, beside the bundled stories.

Run: ``python bench/bench_real.py`` (from the repository root). ``--no-grid`` scores the
defaults only; ``--details`` prints each story's missed and wrong omissions.

Stories (see ``bench/_gold.py``): every real story with same-fact gold, i.e. the shared BASIL
triplets in ``../shared/eval/alignment`` and the BASIL dev triplets this project annotated
(``bench/real_gold``), then the three bundled fictional stories. Nothing shipped is fitted on
them; where this script chooses a setting, it chooses it leave-one-story-out (LOSO): on the other
stories of the same kind, never on the scored one.

Printed per story and pooled:

- alignment: pairwise P/R/F1 over gold mentions (``_gold.pairwise_scores``) for mediadiff's
  defaults, for the best grid setting chosen LOSO, and for the naive baseline (difflib ratio
  over sentence pairs, union-find) with its threshold chosen LOSO the same way;
- omissions (``find_omissions`` on the default alignment): precision, recall and F1 against the
  gold omissions, and how many of the gold key omissions are in the outlet's top three.

Skips the real stories, with a line that says so, when ``../shared/eval`` is absent.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _gold import (  # noqa: E402
    Story,
    bundled_stories,
    naive_groups,
    omission_figures,
    own_real_stories,
    pairwise_scores,
    passage_facts,
    prf,
    real_stories,
)

from mediadiff.align import align, as_documents  # noqa: E402
from mediadiff.analysis.omissions import find_omissions  # noqa: E402

#: Alignment settings among which the LOSO figure chooses (the defaults are one of them).
GRID: dict[str, list[Any]] = {
    "threshold": [0.15, 0.2, 0.25, 0.3],
    "repeat_threshold": [0.25, 0.35, 0.5],
}
NAIVE_THRESHOLDS = [x / 100 for x in range(20, 95, 5)]


def _grid() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [{}]
    for name, values in GRID.items():
        out = [{**o, name: v} for o in out for v in values]
    return out


def _groups(alignment) -> list[list[tuple[str, int, int]]]:
    return [[(m.outlet, m.start, m.end) for m in p.members] for p in alignment.passages]


def _f1(counts) -> float:
    return prf(*(sum(c[k] for c in counts) for k in range(3)))[2]


def _loso(stories: list[Story], runs: list[dict[str, tuple[int, int, int]]]) -> dict[str, tuple[int, int, int, int]]:
    """For each story, the run chosen on the others (mean F1 over them), scored on it."""
    out = {}
    for s in stories:
        others = [x.name for x in stories if x.name != s.name] or [s.name]

        def mean_f1(k: int) -> float:
            return statistics.mean(prf(*runs[k][o])[2] for o in others)

        k = max(range(len(runs)), key=lambda k: (mean_f1(k), -k))
        out[s.name] = (*runs[k][s.name], k)
    return out


def evaluate(stories: list[Story], *, grid: bool, details: bool) -> dict[str, float]:
    """Print the tables for one set of stories; return the headline figures."""
    docs = {s.name: as_documents(s.articles()) for s in stories}
    caches: dict[str, dict] = {s.name: {} for s in stories}
    naive_runs = [{s.name: pairwise_scores(s.mentions, naive_groups(docs[s.name], t, caches[s.name])) for s in stories}
                  for t in NAIVE_THRESHOLDS]
    naive = _loso(stories, naive_runs)
    t0 = time.perf_counter()
    default = {s.name: align(docs[s.name]) for s in stories}
    seconds = time.perf_counter() - t0
    ours = {s.name: pairwise_scores(s.mentions, _groups(default[s.name])) for s in stories}
    configs = _grid() if grid else []
    runs = [{s.name: pairwise_scores(s.mentions, _groups(align(docs[s.name], **c))) for s in stories} for c in configs]
    held = _loso(stories, runs) if runs else {}

    print(f"{'story':26s} {'facts':>5s} {'shared':>6s} | {'default P/R/F1':>16s} | {'LOSO F1':>7s} | {'naive F1':>8s} | "
          f"{'omissions P/R/F1':>18s} {'key top3':>8s}")
    om_tp = om_pred = om_gold = key_hit = key_all = 0
    rows = []
    for s in stories:
        facts = {m.fact for m in s.mentions}
        shared = sum(1 for f in facts if len({m.outlet for m in s.mentions if m.fact == f}) >= 2)
        p, r, f = prf(*ours[s.name])
        lf = prf(*held[s.name][:3])[2] if held else float("nan")
        nf = prf(*naive[s.name][:3])[2]
        a = default[s.name]
        om = omission_figures(find_omissions(a), passage_facts(a.passages, s.spans()), s.omissions, s.key_omissions)
        op, orr, of = prf(om["tp"], om["predicted"], om["gold"])
        om_tp += om["tp"]
        om_pred += om["predicted"]
        om_gold += om["gold"]
        key_hit += om["key_top3"]
        key_all += om["keys"]
        rows.append((f, lf, nf, of))
        print(f"{s.name:26s} {len(facts):5d} {shared:6d} | {p:.2f}/{r:.2f}/{f:.2f}   | {lf:7.3f} | {nf:8.3f} | "
              f"{op:.2f}/{orr:.2f}/{of:.2f}     {om['key_top3']}/{om['keys']}")
        if details:
            print(f"    missed {om['missed']}\n    wrong  {om['wrong']}")
    mean = [statistics.mean(x[k] for x in rows) for k in range(4)]
    op, orr, of = prf(om_tp, om_pred, om_gold)
    print(f"{'mean over stories':26s} {'':5s} {'':6s} | {'':8s}{mean[0]:.3f}   | {mean[1]:7.3f} | {mean[2]:8.3f} | "
          f"pooled {op:.2f}/{orr:.2f}/{of:.2f} {key_hit}/{key_all}")
    if held:
        chosen = sorted({tuple(sorted(configs[held[s.name][3]].items())) for s in stories})
        print(f"LOSO chose among {len(configs)} settings of {', '.join(GRID)}: {[dict(c) for c in chosen]}")
    print(f"worst story: default F1 {min(x[0] for x in rows):.3f}, LOSO {min(x[1] for x in rows):.3f}")
    print(f"alignment time, all {len(stories)} stories: {seconds:.2f} s")
    return {"default": mean[0], "loso": mean[1], "naive": mean[2], "omission_f1": of}


def main(argv: list[str]) -> int:
    grid = "--no-grid" not in argv
    details = "--details" in argv
    real = real_stories()
    if real:
        print(f"## Real stories ({len(real)}: {len(real) - len(own_real_stories())} shared, "
              f"{len(own_real_stories())} annotated by this project), pairwise F1 over gold mentions")
        evaluate(real, grid=grid, details=details)
    else:
        print("## Real stories: ../shared/eval not present, skipped")
    print()
    print("## Bundled (fictional) stories")
    evaluate(bundled_stories(), grid=grid, details=details)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
