"""Loaded-language benchmark on the public dev data in ../shared/eval (PTC, BASIL, BABE).

Prints, in one run and on the same data:

- the detector with its calibration refitted per fold (nested 5-fold cross-validation,
  ``bench/fit_loaded_calibration.py``): the out-of-sample headline;
- the detector on lexicon strengths alone (``calibrated=False``: nothing fitted);
- the detector with the shipped calibration, which was fitted on these data (in sample: shown
  only to check the shipped file, never quoted as a result);
- a plain word-list matcher (the lexicon's single words matched exactly, token by token: no
  inflections, expressions, stop list, negation or span rules): the floor.

Figures: PTC ``Loaded_Language`` and BASIL lexical-bias spans (``bias == "lex"``) with the
SemEval-2020 Task 11 partial-overlap span precision, recall and F1; BABE, a sentence is biased
when it has an own-voice span, macro-F1 over Biased / Non-biased (sentences without annotator
agreement left out). Then the trainable :class:`~mediadiff.loaded.model.LoadedLanguageModel`,
5-fold cross-validated on the PTC articles (split by article), with a learning curve.

Usage: ``python bench/eval_loaded.py [--eval ../shared/eval] [--no-model | --model-only]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from mediadiff.datasets import load_babe, load_basil, load_ptc
from mediadiff.loaded.detect import detect_loaded_language
from mediadiff.loaded.lexicon import Lexicon
from mediadiff.loaded.model import span_prf
from mediadiff.segment import tokenize

Spans = list[tuple[int, int]]
Detector = Callable[[str], list[tuple[int, int, bool]]]  # (start, end, in_quote)


def macro_f1(pred: Sequence[bool], gold: Sequence[bool]) -> float:
    """Macro-F1 over the two classes of a binary task."""
    scores = []
    for cls in (True, False):
        tp = sum(1 for p, g in zip(pred, gold, strict=True) if p == cls and g == cls)
        fp = sum(1 for p, g in zip(pred, gold, strict=True) if p == cls and g != cls)
        fn = sum(1 for p, g in zip(pred, gold, strict=True) if p != cls and g == cls)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(scores) / 2


def detector(lexicon: Lexicon, *, calibrated: bool = True) -> Detector:
    def run(text: str) -> list[tuple[int, int, bool]]:
        return [(s.start, s.end, s.in_quote) for s in detect_loaded_language(text, lexicon, calibrated=calibrated)]

    return run


def word_list(lexicon: Lexicon) -> Detector:
    """The baseline: the lexicon's single words as a flat list, matched exactly token by token."""
    words = {e.term.lstrip("=").lower() for e in lexicon.entries if not e.is_phrase}

    def run(text: str) -> list[tuple[int, int, bool]]:
        from mediadiff.segment import find_quotations

        quotes = find_quotations(text)
        return [
            (t.start, t.end, any(q.start <= t.start and t.end <= q.end for q in quotes))
            for t in tokenize(text)
            if t.norm in words
        ]

    return run


def eval_ptc(root: Path, systems: dict[str, Detector]) -> dict[str, tuple[float, float, float]]:
    docs = load_ptc(root / "ptc", techniques=("Loaded_Language",))
    gold = [[(s.start, s.end) for s in d.spans] for d in docs]
    return {name: span_prf([[(s, e) for s, e, _ in run(d.text)] for d in docs], gold) for name, run in systems.items()}


def eval_basil(root: Path, systems: dict[str, Detector]) -> dict[str, tuple[float, float, float]]:
    docs = load_basil(root / "basil")
    gold = [[(s.start, s.end) for s in d.spans_labelled("lex")] for d in docs]
    return {name: span_prf([[(s, e) for s, e, _ in run(d.text)] for d in docs], gold) for name, run in systems.items()}


def eval_babe(root: Path, systems: dict[str, Detector]) -> dict[str, tuple[float, float]]:
    sents = [s for s in load_babe(root / "babe") if s.biased is not None]
    gold = [bool(s.biased) for s in sents]
    out = {}
    for name, run in systems.items():
        pred = [any(not q for _, _, q in run(s.text)) for s in sents]
        out[name] = (macro_f1(pred, gold), sum(pred) / len(pred))
    return out


def eval_model(root: Path, *, folds: int = 5, fractions: Sequence[float] = (0.25, 0.5, 0.75, 1.0)) -> None:
    """Cross-validated span P/R/F1 of the trained model, beside the default detector on the same articles.

    Fold k tests every ``folds``-th article (by ID) and trains on a leading share of the others.
    The model's decoding thresholds are chosen by its own inner cross-validation over the
    training articles (``threshold="auto"``), so nothing about the test fold is seen.
    """
    from mediadiff.loaded.model import LoadedLanguageModel

    docs = load_ptc(root / "ptc", techniques=("Loaded_Language",))
    texts = [d.text for d in docs]
    spans = [[(s.start, s.end) for s in d.spans] for d in docs]
    base = span_prf([[(s.start, s.end) for s in detect_loaded_language(t)] for t in texts], spans)
    order = list(range(len(docs)))  # articles in ID order; fold k takes every folds-th article
    print(f"\nTrained model, {folds}-fold cross-validation on {len(docs)} dev PTC articles (split by article)")
    print(f"{'training share':>15} {'articles':>9} {'P':>6} {'R':>6} {'F1':>6}   thresholds (seed, grow) per fold")
    t0 = time.perf_counter()
    for frac in fractions:
        preds: list[Spans] = [[] for _ in docs]
        n_train = 0
        chosen = []
        for k in range(folds):
            test = [i for i in order if i % folds == k]
            train = [i for i in order if i % folds != k]
            train = train[: max(1, round(len(train) * frac))]
            n_train = len(train)
            model = LoadedLanguageModel().fit([texts[i] for i in train], [spans[i] for i in train])
            chosen.append(model.threshold_)
            for i, found in zip(test, model.predict([texts[i] for i in test]), strict=True):
                preds[i] = [(s.start, s.end) for s in found]
        p, r, f = span_prf(preds, spans)
        pairs = " ".join(f"({a:g},{b:g})" for a, b in chosen)
        print(f"{frac:>15.2f} {n_train:>9} {p:6.3f} {r:6.3f} {f:6.3f}   {pairs}")
    print(f"{'detector':>15} {'(none)':>9} {base[0]:6.3f} {base[1]:6.3f} {base[2]:6.3f}   same articles, untrained")
    print(
        f"target F1 >= 0.30 with all training folds: {'met' if f >= 0.30 else 'MISSED'};"
        f" F1 ratio model / detector: {f / base[2]:.2f} ({time.perf_counter() - t0:.0f} s)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval")
    parser.add_argument("--no-model", action="store_true", help="skip the trained-model cross-validation")
    parser.add_argument("--model-only", action="store_true", help="run only the trained-model cross-validation")
    args = parser.parse_args(argv)
    if not args.eval.is_dir():
        print(f"eval data not found at {args.eval}", file=sys.stderr)
        return 2
    if args.model_only:
        eval_model(args.eval)
        return 0
    lex = Lexicon.default()
    t0 = time.perf_counter()
    from fit_loaded_calibration import cv_predictions, load_units, scores_of

    units = load_units(args.eval, lex)
    keep, thresholds = cv_predictions(units)
    cv = scores_of(units, keep)
    systems = {
        "shipped (in sample)": detector(lex),
        "lexicon strengths": detector(lex, calibrated=False),
        "word list": word_list(lex),
    }
    ptc = eval_ptc(args.eval, systems)
    basil = eval_basil(args.eval, systems)
    babe = eval_babe(args.eval, systems)
    print(f"Loaded language on the dev data ({len(lex)} lexicon entries), every system in the same run")
    print("  calibrated (CV): the calibration refitted per fold, nested 5-fold cross-validation: OUT OF SAMPLE,")
    print(f"                   the headline (thresholds chosen inside the training folds: {thresholds})")
    print("  lexicon strengths: no fitting (calibrated=False, min_score 0.5): out of sample")
    print("  shipped (in sample): the shipped calibration, fitted on these very data: NOT a figure to quote")
    print("  word list: the lexicon's single words matched exactly, token by token (the floor)")
    print(f"{'':42}{'P':>7}{'R':>7}{'F1':>7}   target")
    for label, res, key, target in (
        ("PTC Loaded_Language", ptc, "ptc", 0.33),
        ("BASIL lexical spans", basil, "basil", 0.19),
    ):
        rows = {"calibrated (CV)": cv[key], **res}
        for name, (p, r, f) in rows.items():
            mark = ("met" if f >= target else "MISSED") if name == "calibrated (CV)" else ""
            goal = f">= {target:.2f} {mark}" if mark else ""
            print(f"{label + ' / ' + name:42}{p:7.3f}{r:7.3f}{f:7.3f}   {goal}")
        floor = res["word list"][2]
        print(f"{'':42}F1 ratio calibrated (CV) / word list: {cv[key][2] / floor if floor else float('inf'):.2f}")
    rows_babe = {"calibrated (CV)": (cv["babe"][0], cv["babe"][1]), **babe}
    for name, (f, share) in rows_babe.items():
        mark = "met" if f >= 0.72 else "MISSED"
        print(
            f"{'BABE / ' + name:42}macro-F1 {f:.3f} (flags {share:.0%} of sentences)"
            + (f"   >= 0.72 {mark}" if name == "calibrated (CV)" else "")
        )
    print(f"({time.perf_counter() - t0:.1f} s)")
    if not args.no_model:
        eval_model(args.eval)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
