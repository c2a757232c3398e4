"""Fit, cross-validate and (with ``--write``) ship the loaded-language calibration.

The calibration (:class:`mediadiff.loaded.calibration.Calibration`) re-ranks the lexicon's
candidate spans by their context. It is fitted on public research data in ``../shared/eval``:

- PTC ``Loaded_Language`` (110 articles): a candidate is positive when it overlaps a gold span;
- BASIL lexical-bias spans (90 articles, 30 triplets): the same;
- BABE (sentences with annotator agreement): positive when it contains a word the annotators
  marked as biased; candidates in non-biased sentences are negative.

Split: 5 folds, PTC by article (ID order, every fifth), BASIL by triplet (so that one event's
three articles are in one fold), BABE by sentence (every fifth). Every figure this script prints
is out of sample: in outer fold k the weights are fitted on the other four folds and the one
threshold is chosen by a second 5-fold cross-validation inside those four (the threshold that
maximises the mean of PTC span F1, BASIL span F1 and BABE macro-F1 on their out-of-fold
probabilities); fold k is then predicted. The shipped file is fitted on all of it, with the
threshold chosen the same way on the whole; its provenance records all of this and the figures.

No word of the data is a feature or is written to the file: the weights are about contexts
(category, strength band, quotation, capitals, ...). Usage::

    python bench/fit_loaded_calibration.py [--eval ../shared/eval] [--write]
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_loaded import macro_f1  # noqa: E402  (one definition of the benchmark's metric)

from mediadiff.datasets import load_babe, load_basil, load_ptc
from mediadiff.loaded.calibration import Calibration
from mediadiff.loaded.detect import LoadedSpan, loaded_candidates
from mediadiff.loaded.lexicon import Lexicon
from mediadiff.loaded.model import span_prf

FOLDS = 5
#: Inverse L2 regularisation of the logistic regression.
C = 1.0
#: Whether each data set weighs the same in total (else each candidate weighs 1).
EQUAL_WEIGHT = True
GRID = tuple(round(0.05 + 0.025 * k, 3) for k in range(31))  # 0.05 ... 0.80
SHIPPED = Path(__file__).resolve().parents[1] / "mediadiff" / "data" / "loaded_calibration.json"
Candidates = list[tuple[LoadedSpan, dict[str, float]]]


@dataclass
class Unit:
    """One text of one data set: its candidates, their labels, its gold and its fold."""

    dataset: str  # ptc, basil, babe
    fold: int
    candidates: Candidates
    labels: list[int]
    gold: list[tuple[int, int]]  # gold spans (ptc, basil)
    biased: bool = False  # babe sentence label


def _overlaps(span: LoadedSpan, gold: Sequence[tuple[int, int]]) -> bool:
    return any(min(span.end, e) > max(span.start, s) for s, e in gold)


_WORD = re.compile(r"[\w'’-]+")


def load_units(root: Path, lexicon: Lexicon | None = None) -> list[Unit]:
    """Every text of the three dev sets with its candidates (computed once) and labels."""
    units: list[Unit] = []
    for i, doc in enumerate(load_ptc(root / "ptc", techniques=("Loaded_Language",))):
        gold = [(s.start, s.end) for s in doc.spans]
        cands = loaded_candidates(doc.text, lexicon)
        units.append(Unit("ptc", i % FOLDS, cands, [int(_overlaps(s, gold)) for s, _ in cands], gold))
    basil = load_basil(root / "basil")
    triplets = sorted({d.meta.get("triplet", d.id) for d in basil})
    fold_of = {t: k % FOLDS for k, t in enumerate(triplets)}
    for doc in basil:
        gold = [(s.start, s.end) for s in doc.spans_labelled("lex")]
        cands = loaded_candidates(doc.text, lexicon)
        units.append(
            Unit(
                "basil",
                fold_of[doc.meta.get("triplet", doc.id)],
                cands,
                [int(_overlaps(s, gold)) for s, _ in cands],
                gold,
            )
        )
    sentences = [s for s in load_babe(root / "babe") if s.biased is not None]
    for i, sent in enumerate(sentences):
        marked = {w.lower().strip(".,;:!?\"'“”‘’") for w in sent.biased_words}
        cands = loaded_candidates(sent.text, lexicon)
        labels = [int(bool(sent.biased) and any(w.lower() in marked for w in _WORD.findall(s.text))) for s, _ in cands]
        units.append(Unit("babe", i % FOLDS, cands, labels, [], bool(sent.biased)))
    return units


def metrics(units: Sequence[Unit], probs: Sequence[Sequence[float]], threshold: float) -> dict[str, tuple[float, ...]]:
    """PTC and BASIL span (P, R, F1), BABE (macro-F1, share flagged) of the spans at ``threshold``."""
    out: dict[str, tuple[float, ...]] = {}
    for name in ("ptc", "basil"):
        idx = [i for i, u in enumerate(units) if u.dataset == name]
        if idx:
            pred = [
                [(s.start, s.end) for (s, _), p in zip(units[i].candidates, probs[i], strict=True) if p >= threshold]
                for i in idx
            ]
            out[name] = span_prf(pred, [units[i].gold for i in idx])
    idx = [i for i, u in enumerate(units) if u.dataset == "babe"]
    if idx:
        flagged = [
            any(p >= threshold and not s.in_quote for (s, _), p in zip(units[i].candidates, probs[i], strict=True))
            for i in idx
        ]
        out["babe"] = (macro_f1(flagged, [units[i].biased for i in idx]), sum(flagged) / len(flagged))
    return out


def objective(m: dict[str, tuple[float, ...]]) -> float:
    """What the threshold maximises: the mean of PTC F1, BASIL F1 and BABE macro-F1."""
    parts = [
        m["ptc"][2] if "ptc" in m else None,
        m["basil"][2] if "basil" in m else None,
        m["babe"][0] if "babe" in m else None,
    ]
    vals = [p for p in parts if p is not None]
    return sum(vals) / len(vals)


def _training(units: Sequence[Unit]) -> tuple[list[dict[str, float]], list[int], list[float]]:
    """Features, labels and weights to fit on (with :data:`EQUAL_WEIGHT`, each data set weighs the
    same in total); BABE's
    quoted or attributed candidates are left out (they never decide a BABE figure, which counts
    the outlet's own voice, and its word marks inside quotations are sparse)."""
    rows = [
        (u.dataset, f, v)
        for u in units
        for (s, f), v in zip(u.candidates, u.labels, strict=True)
        if not (u.dataset == "babe" and (s.in_quote or s.voice == "source"))
    ]
    size = {d: sum(1 for r in rows if r[0] == d) for d in ("ptc", "basil", "babe")}
    total = sum(size.values())
    present = sum(1 for n in size.values() if n)
    if not EQUAL_WEIGHT:
        return [f for _, f, _ in rows], [v for _, _, v in rows], [1.0] * len(rows)
    return ([f for _, f, _ in rows], [v for _, _, v in rows], [total / (present * size[d]) for d, _, _ in rows])


def _fit(units: Sequence[Unit], threshold: float = 0.5) -> Calibration:
    X, y, w = _training(units)
    return Calibration.fit(X, y, C=C, sample_weight=w, threshold=threshold)


def _predict(cal: Calibration, units: Sequence[Unit]) -> list[list[float]]:
    return [[cal.probability(f) for _, f in u.candidates] for u in units]


def out_of_fold(units: Sequence[Unit], folds: int = FOLDS) -> list[list[float]]:
    """Each unit's candidate probabilities from a calibration fitted without its fold."""
    probs: list[list[float]] = [[] for _ in units]
    for k in range(folds):
        cal = _fit([u for u in units if u.fold % folds != k])
        for i, u in enumerate(units):
            if u.fold % folds == k:
                probs[i] = [cal.probability(f) for _, f in u.candidates]
    return probs


def choose_threshold(units: Sequence[Unit], probs: Sequence[Sequence[float]]) -> float:
    """The grid threshold with the best :func:`objective` (ties: the lowest)."""
    return max(GRID, key=lambda t: (objective(metrics(units, probs, t)), -t))


def nested_cv(units: Sequence[Unit]) -> tuple[list[list[float]], list[float]]:
    """Out-of-fold probabilities and, per outer fold, the threshold chosen inside its training folds.

    Returns the probabilities and the thresholds; apply fold k's threshold to fold k's units.
    """
    probs: list[list[float]] = [[] for _ in units]
    thresholds = []
    for k in range(FOLDS):
        train = [u for u in units if u.fold != k]
        # inner folds: renumber the four training folds 0..3
        inner = [
            Unit(u.dataset, (u.fold - (u.fold > k)) % (FOLDS - 1), u.candidates, u.labels, u.gold, u.biased)
            for u in train
        ]
        t = choose_threshold(inner, out_of_fold(inner, FOLDS - 1))
        thresholds.append(t)
        cal = _fit(train)
        for i, u in enumerate(units):
            if u.fold == k:
                probs[i] = [cal.probability(f) for _, f in u.candidates]
    return probs, thresholds


def cv_predictions(units: Sequence[Unit]) -> tuple[list[list[bool]], list[float]]:
    """For each unit, which candidates the nested cross-validation keeps (out of sample)."""
    probs, thresholds = nested_cv(units)
    keep = [[p >= thresholds[u.fold] for p in probs[i]] for i, u in enumerate(units)]
    return keep, thresholds


def scores_of(units: Sequence[Unit], keep: Sequence[Sequence[bool]]) -> dict[str, tuple[float, ...]]:
    """The benchmark figures of a keep/drop decision per candidate."""
    return metrics(units, [[1.0 if k else 0.0 for k in ks] for ks in keep], 0.5)


def category_precision(units: Sequence[Unit], keep: Sequence[Sequence[bool]]) -> dict[str, tuple[float, int]]:
    """Per category: the share of kept PTC and BASIL spans that overlap a gold span, and their count."""
    counts: dict[str, list[int]] = {}
    for u, ks in zip(units, keep, strict=True):
        if u.dataset == "babe":
            continue
        for (s, _), k, label in zip(u.candidates, ks, u.labels, strict=True):
            if k:
                c = counts.setdefault(s.category, [0, 0])
                c[0] += label
                c[1] += 1
    return {cat: (hit / n, n) for cat, (hit, n) in sorted(counts.items())}


def reliability(
    units: Sequence[Unit], probs: Sequence[Sequence[float]], bins: int = 5
) -> list[tuple[str, float, float, int]]:
    """Calibration check: per probability band, the mean probability and the share of positives."""
    pairs = [(p, v) for u, ps in zip(units, probs, strict=True) for p, v in zip(ps, u.labels, strict=True)]
    out = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        got = [(p, v) for p, v in pairs if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if got:
            out.append(
                (f"{lo:.1f}-{hi:.1f}", sum(p for p, _ in got) / len(got), sum(v for _, v in got) / len(got), len(got))
            )
    return out


def report(units: Sequence[Unit], say: Callable[[str], None] = print) -> dict[str, object]:
    """Run the nested cross-validation and print its figures; returns them for the provenance."""
    keep, thresholds = cv_predictions(units)
    got = scores_of(units, keep)
    probs = out_of_fold(units)
    say(f"Nested {FOLDS}-fold cross-validation (out of sample); thresholds chosen per fold: {thresholds}")
    say(f"  PTC Loaded_Language span  P {got['ptc'][0]:.3f} R {got['ptc'][1]:.3f} F1 {got['ptc'][2]:.3f}")
    say(f"  BASIL lexical span        P {got['basil'][0]:.3f} R {got['basil'][1]:.3f} F1 {got['basil'][2]:.3f}")
    say(f"  BABE macro-F1             {got['babe'][0]:.3f} (flags {got['babe'][1]:.0%} of sentences)")
    cats = category_precision(units, keep)
    say(
        "  precision by category (PTC + BASIL kept spans overlapping gold): "
        + ", ".join(f"{c} {p:.2f} (n={n})" for c, (p, n) in cats.items())
    )
    rel = reliability(units, probs)
    say(
        "  reliability (probability band: mean probability / share loaded / n): "
        + "; ".join(f"{b}: {m:.2f}/{r:.2f}/{n}" for b, m, r, n in rel)
    )
    return {
        "ptc_span_prf": [round(x, 4) for x in got["ptc"]],
        "basil_span_prf": [round(x, 4) for x in got["basil"]],
        "babe_macro_f1": round(got["babe"][0], 4),
        "thresholds_per_fold": thresholds,
        "precision_by_category": {c: round(p, 3) for c, (p, _) in cats.items()},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval")
    parser.add_argument("--write", action="store_true", help=f"write the fitted calibration to {SHIPPED}")
    args = parser.parse_args(argv)
    if not args.eval.is_dir():
        print(f"eval data not found at {args.eval}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    units = load_units(args.eval)
    figures = report(units)
    threshold = choose_threshold(units, out_of_fold(units))
    provenance = {
        "fitted": datetime.date.today().isoformat(),
        "data": "PTC Loaded_Language dev (110 articles), BASIL lexical spans dev (90 articles), BABE sentences "
        "with annotator agreement (biased words); ../shared/eval, not shipped",
        "labels": "PTC/BASIL: candidate overlaps a gold span; BABE: candidate contains an annotator-marked word",
        "split": f"{FOLDS} folds: PTC by article, BASIL by triplet, BABE by sentence",
        "procedure": f"scikit-learn LogisticRegression (L2, C={C}), each data set weighing the same, BABE's "
        "quoted candidates left out; threshold: the grid value "
        "maximising mean(PTC F1, BASIL F1, BABE macro-F1) on 5-fold out-of-fold probabilities",
        "features": "generic context features of mediadiff.loaded.detect.loaded_candidates; no word of the data",
        "lexicon_entries": len(Lexicon.default()),
        "cross_validated": figures,
        "refit": "python bench/fit_loaded_calibration.py --write",
    }
    cal = _fit(units, threshold)
    cal = Calibration(cal.weights, cal.intercept, threshold, provenance)
    print(
        f"shipped threshold (chosen on all dev data): {threshold}; {len(cal.weights)} weights"
        f" ({time.perf_counter() - t0:.0f} s)"
    )
    if args.write:
        cal.save(SHIPPED)
        print(f"wrote {SHIPPED}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
