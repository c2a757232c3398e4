"""The headline benchmark: alignment and omissions on real news, beside the bundled stories.

Run: ``python bench/bench_real.py`` (from the repository root). ``--no-grid`` scores the
defaults only; ``--details`` prints each story's missed and wrong omissions; ``--errors`` where
the real stories' alignment errors come from (:func:`error_breakdown`). Also printed for
the real stories: the cut quality (boundary precision and recall of the clause cuts against the
gold mention boundaries) and the human level (independent second readings).

Stories (see ``bench/_gold.py``): every real story with same-fact gold, i.e. the shared BASIL
triplets in ``../shared/eval/alignment`` and the BASIL dev triplets this project annotated
(``bench/real_gold``), then the three bundled fictional stories. Nothing shipped is fitted on
them; where this script chooses a setting, it chooses it leave-one-story-out (LOSO): on the other
stories of the same kind, never on the scored one.

Printed per story and pooled:

- alignment: pairwise P/R/F1 over gold mentions (``_gold.pairwise_scores``) for mediadiff's
  defaults, for the best grid setting chosen LOSO, for the learned pair score fitted on the
  other stories (``bench/fit_pair_model.py``), and for the naive baseline (difflib ratio over
  sentence pairs, union-find) with its threshold chosen LOSO the same way;
- omissions (``find_omissions`` on the default alignment): precision, recall and F1 against the
  gold omissions, and how many of the gold key omissions are in the outlet's top three.

Skips the real stories, with a line that says so, when ``../shared/eval`` is absent.
"""

from __future__ import annotations

import inspect
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _gold import (  # noqa: E402
    REAL_GOLD,
    Story,
    bundled_stories,
    fact_groups,
    map_mentions,
    naive_groups,
    omission_figures,
    own_real_stories,
    pairwise_scores,
    passage_facts,
    piece_facts,
    prf,
    real_stories,
    second_readings_shared,
)
from fit_pair_model import fit  # noqa: E402

from mediadiff._linkage import cut_pieces  # noqa: E402
from mediadiff._scoring import score_pieces  # noqa: E402
from mediadiff.align import DEFAULT_THRESHOLD, align, as_documents  # noqa: E402
from mediadiff.analysis._omission_text import key_omissions  # noqa: E402
from mediadiff.analysis.omissions import find_omissions  # noqa: E402
from mediadiff.compare import compare  # noqa: E402
from mediadiff.findings import Context  # noqa: E402

#: Alignment settings among which the LOSO figure chooses (the defaults are one of them).
GRID: dict[str, list[Any]] = {
    "threshold": [0.15, 0.2, 0.25],
    "repeat_threshold": [0.3, 0.5],
    "headline_threshold": [None, 0.1],
    "speaker_weight": [0.0, 0.15, 0.3],
}
NAIVE_THRESHOLDS = [x / 100 for x in range(20, 95, 5)]


def _grid() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [{}]
    for name, values in GRID.items():
        out = [{**o, name: v} for o in out for v in values]
    return out


def _groups(alignment) -> list[list[tuple[str, int, int]]]:
    return [[(m.outlet, m.start, m.end) for m in p.members] for p in alignment.passages]


def _mean_f1(counts: list[tuple[int, int, int]]) -> float:
    return statistics.mean(prf(*c)[2] for c in counts)


def _choose(runs: list[dict[str, Any]], names: list[str]) -> int:
    """The run with the best mean F1 over ``names`` (ties: the earlier run)."""
    return max(range(len(runs)), key=lambda k: (_mean_f1([runs[k][n][0] for n in names]), -k))


def evaluate(stories: list[Story], *, grid: bool, details: bool, models: dict[str, Any] | None) -> dict[str, float]:
    """Print the tables for one set of stories; return the headline figures.

    ``models`` maps a story to the pair model fitted without it (the 'learned' column); None
    scores every story with the shipped model.
    """
    names = [s.name for s in stories]
    docs = {s.name: as_documents(s.articles()) for s in stories}
    caches: dict[str, dict] = {s.name: {} for s in stories}
    naive_runs = [
        {s.name: pairwise_scores(s.mentions, naive_groups(docs[s.name], t, caches[s.name])) for s in stories}
        for t in NAIVE_THRESHOLDS
    ]
    t0 = time.perf_counter()
    default = {s.name: align(docs[s.name]) for s in stories}
    seconds = time.perf_counter() - t0
    configs = _grid() if grid else [{}]
    runs = [{s.name: pairwise_scores(s.mentions, _groups(align(docs[s.name], **c))) for s in stories} for c in configs]
    learned = {
        s.name: pairwise_scores(
            s.mentions, _groups(align(docs[s.name], pair_model=models[s.name] if models is not None else "shipped"))
        )
        for s in stories
    }

    def choose(table: list[dict[str, tuple[int, int, int]]], others: list[str]) -> int:
        return max(range(len(table)), key=lambda k: (statistics.mean(prf(*table[k][n])[2] for n in others), -k))

    held, naive, chosen = {}, {}, {}
    for s in stories:
        others = [n for n in names if n != s.name] or [s.name]
        chosen[s.name] = choose(runs, others)
        held[s.name] = runs[chosen[s.name]][s.name]
        naive[s.name] = naive_runs[choose(naive_runs, others)][s.name]

    print(
        f"{'story':26s} {'facts':>5s} {'shared':>6s} | {'default P/R/F1':>16s} | {'LOSO':>6s} | {'learned':>7s} | "
        f"{'naive':>6s} | {'omissions P/R/F1':>18s} {'key top3':>8s}"
    )
    om_tp = om_pred = om_gold = key_hit = key_all = 0
    rows = []
    for s in stories:
        facts = {m.fact for m in s.mentions}
        shared = sum(1 for f in facts if len({m.outlet for m in s.mentions if m.fact == f}) >= 2)
        p, r, f = prf(*pairwise_scores(s.mentions, _groups(default[s.name])))
        hf, lf, nf = prf(*held[s.name])[2], prf(*learned[s.name])[2], prf(*naive[s.name])[2]
        a = default[s.name]
        om = omission_figures(find_omissions(a), passage_facts(a.passages, s.spans()), s.omissions, s.key_omissions)
        op, orr, of = prf(om["tp"], om["predicted"], om["gold"])
        om_tp += om["tp"]
        om_pred += om["predicted"]
        om_gold += om["gold"]
        key_hit += om["key_top3"]
        key_all += om["keys"]
        rows.append((f, hf, lf, nf, of))
        print(
            f"{s.name:26s} {len(facts):5d} {shared:6d} | {p:.2f}/{r:.2f}/{f:.2f}   | {hf:6.3f} | {lf:7.3f} | {nf:6.3f} | "
            f"{op:.2f}/{orr:.2f}/{of:.2f}     {om['key_top3']}/{om['keys']}"
        )
        if details:
            print(f"    missed {om['missed']}\n    wrong  {om['wrong']}")
    mean = [statistics.mean(x[k] for x in rows) for k in range(5)]
    op, orr, of = prf(om_tp, om_pred, om_gold)
    print(
        f"{'mean over stories':26s} {'':5s} {'':6s} | {'':8s}{mean[0]:.3f}   | {mean[1]:6.3f} | {mean[2]:7.3f} | {mean[3]:6.3f} | "
        f"pooled {op:.2f}/{orr:.2f}/{of:.2f} {key_hit}/{key_all}"
    )
    if grid:
        picked = sorted({tuple(sorted(configs[chosen[n]].items(), key=str)) for n in names}, key=str)
        print(f"LOSO chose among {len(configs)} settings of {', '.join(GRID)}: {[dict(c) for c in picked]}")
    print(
        f"worst story: default F1 {min(x[0] for x in rows):.3f}, LOSO {min(x[1] for x in rows):.3f}; "
        f"alignment time with the defaults, all {len(stories)} stories: {seconds:.2f} s"
    )
    return {"default": mean[0], "loso": mean[1], "learned": mean[2], "naive": mean[3], "omission_f1": of}


def cut_boundaries(stories: list[Story], tolerance: int = 2) -> None:
    """Boundary precision and recall of the cutter (``align``'s default clause cuts) against the
    gold mention boundaries that fall inside a sentence (more than ``tolerance`` characters from
    its ends); a cut matches a gold boundary within ``tolerance`` characters."""
    tp_cut = n_cut = tp_gold = n_gold = 0
    for s in stories:
        docs = as_documents(s.articles())
        pieces, _ = cut_pieces(docs, clauses=True, min_clause_words=3)
        cuts: dict[str, set[int]] = {}
        for a, b in zip(pieces, pieces[1:], strict=False):
            if a.outlet == b.outlet and a.sentence == b.sentence:
                cuts.setdefault(docs[b.outlet].outlet, set()).add(b.start)
        gold: dict[str, set[int]] = {}
        for d in docs:
            bounds = [(x.start, x.end) for x in d.content_sentences]
            for m in s.mentions:
                if m.outlet != d.outlet:
                    continue
                for pos in (m.start, m.end):
                    if any(lo + tolerance < pos < hi - tolerance for lo, hi in bounds):
                        gold.setdefault(d.outlet, set()).add(pos)
        c_hit = sum(any(abs(c - g) <= tolerance for g in gold.get(o, ())) for o, cs in cuts.items() for c in cs)
        g_hit = sum(any(abs(c - g) <= tolerance for c in cuts.get(o, ())) for o, gs in gold.items() for g in gs)
        c_all = sum(len(cs) for cs in cuts.values())
        g_all = sum(len(gs) for gs in gold.values())
        print(f"  {s.name:26s} precision {c_hit}/{c_all}  recall {g_hit}/{g_all}")
        tp_cut, n_cut, tp_gold, n_gold = tp_cut + c_hit, n_cut + c_all, tp_gold + g_hit, n_gold + g_all
    print(f"  {'pooled':26s} precision {tp_cut / max(1, n_cut):.2f}  recall {tp_gold / max(1, n_gold):.2f}")


def error_breakdown(stories: list[Story]) -> None:
    """Where the default alignment's pairwise errors come from, counted in cross-outlet gold pairs.

    Missed pairs (same fact, not linked): a mention that lies only in pieces whose facts are
    others (the cut), pieces never scored as a candidate pair, a best score below the threshold
    (two bands), or a score above it that the linkage still kept apart. False links (different
    facts, linked): a member that holds mentions of both facts (the cut again: the metric maps
    both to one passage) or two different facts put in one passage.
    """
    signature = inspect.signature(align).parameters
    names = ("context", "word_weight", "char_weight", "anchor_weight", "near_copy", "neighbors", "quote_weight")
    defaults = {k: signature[k].default for k in (*names, "speaker_weight", "min_clause_words")}
    missed: dict[str, int] = {}
    false: dict[str, int] = {}
    for s in stories:
        docs = as_documents(s.articles())
        pieces, owners = cut_pieces(docs, clauses=True, min_clause_words=defaults["min_clause_words"])
        (ii, jj, sc), _, _ = score_pieces(
            docs,
            pieces,
            owners,
            threshold=DEFAULT_THRESHOLD,
            **{k: v for k, v in defaults.items() if k != "min_clause_words"},
        )
        score = {}
        for a, b, v in zip(ii.tolist(), jj.tolist(), sc.tolist(), strict=True):
            score[(a, b)] = score[(b, a)] = v
        outlet = [docs[p.outlet].outlet for p in pieces]
        alignment = align(docs)
        facts = [piece_facts(s, outlet[k], pc.start, pc.end) for k, pc in enumerate(pieces)]
        groups = _groups(alignment)
        ms = s.mentions

        def overlapping(m, spans):
            return [i for i, (o, a, b) in enumerate(spans) if o == m.outlet and min(b, m.end) > max(a, m.start)]

        piece_spans = [(outlet[k], pc.start, pc.end) for k, pc in enumerate(pieces)]
        of_mention = [overlapping(m, piece_spans) for m in ms]
        mapped = map_mentions(ms, groups)
        for x in range(len(ms)):
            for y in range(x + 1, len(ms)):
                a, b = ms[x], ms[y]
                if a.outlet == b.outlet:
                    continue
                shared = mapped[x] & mapped[y]
                linked = bool(shared)
                if a.fact == b.fact and not linked:
                    own_a = [k for k in of_mention[x] if a.fact in facts[k]]
                    own_b = [k for k in of_mention[y] if b.fact in facts[k]]
                    if not own_a or not own_b:
                        cause = "cut: a mention lies only in pieces of other facts"
                    else:
                        best = max((score.get((k, j), -1.0) for k in own_a for j in own_b), default=-1.0)
                        cause = (
                            "never a candidate pair"
                            if best < 0
                            else "score below 0.1"
                            if best < 0.1
                            else f"score 0.1 to {DEFAULT_THRESHOLD}"
                            if best < DEFAULT_THRESHOLD
                            else "scored above the threshold, kept apart"
                        )
                    missed[cause] = missed.get(cause, 0) + 1
                elif a.fact != b.fact and linked:
                    both = any(
                        m.outlet == o.outlet
                        and m.fact == other.fact
                        and any(
                            min(e, m.end) > max(st, m.start)
                            for g in shared
                            for ow, st, e in groups[g]
                            if ow == o.outlet
                        )
                        for o, other in ((a, b), (b, a))
                        for m in ms
                    )
                    cause = "a member holds both facts" if both else "two facts in one passage"
                    false[cause] = false.get(cause, 0) + 1
    print(f"  missed gold pairs ({sum(missed.values())}): {dict(sorted(missed.items(), key=lambda x: -x[1]))}")
    print(f"  false links ({sum(false.values())}): {dict(sorted(false.items(), key=lambda x: -x[1]))}")


#: The verbs of the omission sentences among the key findings (by consensus, or two outlets).
_OMISSION_VERBS = (" omits ", " omit ", " leaves out ", " leave out ")


def key_finding_omissions(stories: list[Story]) -> tuple[int, int]:
    """The omissions said among the key findings (``compare().key_findings()``), checked against
    the gold: right when every omitting outlet lacks a gold fact of the passage that both other
    outlets carry (a gold omission). Returns ``(right, said)`` over the stories."""
    right = said = 0
    for s in stories:
        result = compare(s.articles())
        report = result.to_dict()
        shown = sum(1 for line in result.key_findings() if any(v in line for v in _OMISSION_VERBS))
        facts = passage_facts(result.alignment.passages, s.spans())
        for pid, records in key_omissions(report, Context(report))[:shown]:
            said += 1
            right += all(any((r["outlet"], f) in s.omissions for f in facts.get(pid, ())) for r in records)
    return right, said


def human_agreement() -> None:
    """Pairwise F1 of one independent reading against another, each taken as gold in turn."""
    firsts = {s.name: s for s in own_real_stories()}
    pairs = [(firsts[s.name], s) for s in own_real_stories(second=True) if s.name in firsts]
    pairs += second_readings_shared()
    for a, b in pairs:
        scores = [prf(*pairwise_scores(x.mentions, fact_groups(y)))[2] for x, y in ((a, b), (b, a))]
        print(f"  {a.name:26s} {scores[0]:.3f} / {scores[1]:.3f}")


def main(argv: list[str]) -> int:
    grid = "--no-grid" not in argv
    details = "--details" in argv
    real = real_stories()
    if real:
        own = sum(1 for s in real if (REAL_GOLD / f"{s.name}.json").is_file())
        print(
            f"## Real stories ({len(real)}: {len(real) - own} shared, {own} annotated by this project), "
            "pairwise F1 over gold mentions"
        )
        print(
            "default: align()'s defaults; LOSO: the grid setting best on the other stories; learned: "
            "pair_model fitted on the other stories (bench/fit_pair_model.py); naive: difflib sentences, "
            "threshold chosen on the other stories; omissions: find_omissions() on the default alignment"
        )
        tables: dict[str, Any] = {}
        models = {s.name: fit([o for o in real if o.name != s.name], tables) for s in real}
        evaluate(real, grid=grid, details=details, models=models)
        print("cut quality: the cutter's cuts inside sentences against gold mention boundaries (±2 characters):")
        cut_boundaries(real)
        right, said = key_finding_omissions(real)
        print(f"omissions among the key findings (compare().key_findings()), right by the gold: {right} of {said}")
        if "--errors" in argv:
            print("where the default alignment's errors come from (cross-outlet gold pairs, all real stories):")
            error_breakdown(real)
        print("human agreement (independent second readings, each taken as gold in turn):")
        human_agreement()
    else:
        print("## Real stories: ../shared/eval not present, skipped")
    print()
    print(
        "## Bundled (fictional) stories (learned: the shipped pair model, which never saw them; LOSO: the "
        "grid setting chosen on the other bundled stories)"
    )
    bundled = bundled_stories()
    evaluate(bundled, grid=grid, details=details, models=None)
    right, said = key_finding_omissions(bundled)
    print(f"omissions among the key findings (compare().key_findings()), right by the gold: {right} of {said}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
