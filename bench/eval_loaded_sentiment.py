"""Does a sentiment lexicon shipped in a PyPI wheel lift the loaded-language detector? (issue 19)

Two MIT-licensed packages carry a word list with scores: ``vaderSentiment`` (``vader_lexicon.txt``:
about 7,500 terms with a mean valence from -4 to +4 and the raters' SD) and ``textblob``
(``textblob/en/en-sentiment.xml``, Pattern's adjective lexicon, PDDL: polarity -1..+1 and
subjectivity 0..1 per sense; averaged over senses, as TextBlob does). The files are read from the
installed package (located with ``importlib.util.find_spec``, so textblob's nltk is not needed);
nothing is downloaded.

Variants, every figure out of sample and beside the default in the same run:

- **candidates** (``cand:vader``, ``cand:textblob``): words of the package lexicon at or above a
  cut that mediadiff's lexicon does not hold (nor its stop list; letters only, at least three,
  no function word) are added as entries of a category ``sentiment`` with a strength mapped from
  the package's score (the cut maps to 0.5, the top of the scale to 1.0). The guards of the
  detector apply to them as to any entry (names, misread forms, negation, topic damping,
  quotation and attribution voice). The cut (and, for VADER, whether positive words count) is
  chosen per outer fold on the four training folds (PTC by article, BASIL by triplet, BABE by
  sentence: the folds of ``bench/fit_loaded_calibration.py``), "no addition" being one of the
  choices; the scored fold never takes part. Run with lexicon strengths (``calibrated=False``)
  and with the calibration refitted in the nested cross-validation (cut chosen inside the
  training folds by the inner cross-validation as well).
- **features** (``feat:vader``, ``feat:textblob``, ``feat:both``): the calibrated re-ranker
  with the package's scores of the span's words as extra features (largest absolute valence,
  its sign, largest subjectivity and absolute polarity, none found), same nested
  cross-validation as the calibration's headline.

Result (dev split, 2026-12, one run, all out of sample; PTC P/R/F1, BASIL P/R/F1, BABE macro-F1):

- default (lexicon strengths): 0.230/0.364/0.282, 0.114/0.285/0.163, 0.686;
  calibrated, nested CV: 0.255/0.343/0.292, 0.103/0.218/0.140, 0.687;
- candidates, lexicon strengths: VADER 0.280, 0.161, 0.682 (cut 3.0 negative in four folds, none
  in one); Pattern: the training folds chose no addition in every fold (0.282, 0.163, 0.686);
  as weak words that only join a stronger span: 0.281, 0.162, 0.686;
- candidates, calibrated: VADER 0.292, 0.138, 0.681; Pattern 0.288, 0.144, 0.684;
- features, calibrated: VADER 0.295, 0.143, 0.684; Pattern 0.295, 0.147, 0.689; both 0.298,
  0.147, 0.685; candidates and features together 0.292-0.295, 0.141-0.148, 0.682.

No variant beats the default by 0.01 on two sets without losing BASIL; the package words at
any cut cost precision (VADER |valence| >= 2: PTC P 0.230 -> 0.148-0.190), so nothing was
added to mediadiff. The features lift the calibrated re-ranker by under 0.01 per set.

Usage: ``python bench/eval_loaded_sentiment.py [--eval ../shared/eval] [--no-calibrated-cut]``
(about 7 minutes on two cores; needs ``pip install vaderSentiment textblob``, not a dependency).
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_loaded_calibration import (  # noqa: E402
    FOLDS,
    Unit,
    _fit,
    choose_threshold,
    load_units,
    metrics,
    nested_cv,
    objective,
    out_of_fold,
)

from mediadiff._inflect import lemma_candidates
from mediadiff.loaded.detect import FUNCTION_WORDS
from mediadiff.loaded.lexicon import Lexicon, LexiconEntry

Scores = dict[str, tuple[float, ...]]


# -- the package lexicons ----------------------------------------------------------------------
def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def vader_lexicon() -> dict[str, tuple[float, float]]:
    """VADER's terms: word -> (mean valence -4..4, raters' SD)."""
    base = _package_dir("vaderSentiment")
    assert base is not None, "vaderSentiment is not installed"
    out = {}
    for line in (base / "vader_lexicon.txt").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 3:
            out[cols[0].lower()] = (float(cols[1]), float(cols[2]))
    return out


def textblob_lexicon() -> dict[str, tuple[float, float, str]]:
    """Pattern's adjectives (in textblob): word -> (polarity, subjectivity, commonest POS), senses averaged."""
    base = _package_dir("textblob")
    assert base is not None, "textblob is not installed"
    senses: dict[str, list[tuple[float, float, str]]] = {}
    for w in ET.parse(base / "en" / "en-sentiment.xml").getroot():
        form = (w.get("form") or "").lower()
        senses.setdefault(form, []).append(
            (float(w.get("polarity") or 0), float(w.get("subjectivity") or 0), w.get("pos") or "")
        )
    out = {}
    for form, s in senses.items():
        tags = [t for _, _, t in s]
        out[form] = (
            statistics.fmean(p for p, _, _ in s),
            statistics.fmean(q for _, q, _ in s),
            max(set(tags), key=tags.count),
        )
    return out


def _eligible(word: str, lex: Lexicon) -> bool:
    return word.isalpha() and len(word) >= 3 and word not in FUNCTION_WORDS and not lex.lookup(word)


def _strength(score: float, cut: float, top: float) -> float:
    return round(min(1.0, 0.5 + 0.5 * (score - cut) / (top - cut)) if top > cut else 0.5, 3)


def vader_entries(
    vader: dict[str, tuple[float, float]], lex: Lexicon, cut: float, sign: str, weak: float | None = None
) -> list[LexiconEntry]:
    """VADER words with |valence| >= cut (``sign`` "neg": negative ones only) that ``lex`` lacks.

    With ``weak``, every word gets that strength (below 0.5: it only joins a stronger span)."""
    return [
        LexiconEntry(w, "sentiment", weak if weak is not None else _strength(abs(m), cut, 4.0), "any")
        for w, (m, _) in sorted(vader.items())
        if abs(m) >= cut and (sign == "both" or m < 0) and _eligible(w, lex)
    ]


def textblob_entries(
    tb: dict[str, tuple[float, float, str]], lex: Lexicon, cut: float, pol: float, weak: float | None = None
) -> list[LexiconEntry]:
    """Pattern adjectives with subjectivity >= cut and |polarity| >= pol that ``lex`` lacks (``weak``: as above)."""
    return [
        LexiconEntry(
            w, "sentiment", weak if weak is not None else _strength(q, cut, 1.0), "adj" if t.startswith("JJ") else "any"
        )
        for w, (p, q, t) in sorted(tb.items())
        if q >= cut and abs(p) >= pol and _eligible(w, lex)
    ]


# -- variant 1: extra candidates, cut chosen inside the training folds ------------------------
def _keep_strength(units: Sequence[Unit]) -> list[list[float]]:
    return [[1.0 if s.score >= 0.5 else 0.0 for s, _ in u.candidates] for u in units]


def choose_cut_strengths(configs: dict[str, list[Unit]]) -> tuple[Scores, list[str]]:
    """Lexicon strengths: per outer fold, the config best on the other folds; scored on the fold."""
    names = list(configs)
    n = len(next(iter(configs.values())))
    chosen: list[str] = []
    mixed: list[Unit] = [next(iter(configs.values()))[i] for i in range(n)]
    for k in range(FOLDS):

        def score(name: str, k: int = k) -> float:
            train = [u for u in configs[name] if u.fold != k]
            return objective(metrics(train, _keep_strength(train), 0.5))

        best = max(names, key=lambda c: (score(c), c == "none"))
        chosen.append(best)
        for i, u in enumerate(configs[best]):
            if u.fold == k:
                mixed[i] = u
    return metrics(mixed, _keep_strength(mixed), 0.5), chosen


def _inner(train: Sequence[Unit], k: int) -> list[Unit]:
    return [
        Unit(u.dataset, (u.fold - (u.fold > k)) % (FOLDS - 1), u.candidates, u.labels, u.gold, u.biased) for u in train
    ]


def choose_cut_calibrated(configs: dict[str, list[Unit]]) -> tuple[Scores, list[str]]:
    """Calibrated: per outer fold, the config (and threshold) best by the inner cross-validation."""
    n = len(next(iter(configs.values())))
    mixed: list[Unit] = [next(iter(configs.values()))[i] for i in range(n)]
    probs: list[list[float]] = [[] for _ in range(n)]
    thresholds: list[float] = [0.5] * n
    chosen = []
    for k in range(FOLDS):
        best: tuple[float, str, float] | None = None
        for name, units in configs.items():
            inner = _inner([u for u in units if u.fold != k], k)
            oof = out_of_fold(inner, FOLDS - 1)
            t = choose_threshold(inner, oof)
            got = objective(metrics(inner, oof, t))
            if best is None or got > best[0]:
                best = (got, name, t)
        assert best is not None
        _, name, t = best
        chosen.append(name)
        cal = _fit([u for u in configs[name] if u.fold != k])
        for i, u in enumerate(configs[name]):
            if u.fold == k:
                mixed[i] = u
                probs[i] = [cal.probability(f) for _, f in u.candidates]
                thresholds[i] = t
    keep = [[1.0 if p >= thresholds[i] else 0.0 for p in probs[i]] for i in range(n)]
    return metrics(mixed, keep, 0.5), chosen


# -- variant 2: package scores as features of the re-ranker ------------------------------------
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _look(word: str, table: dict[str, tuple[float, ...]]) -> tuple[float, ...] | None:
    for c in lemma_candidates(word.lower()):
        if c in table:
            return table[c]
    return None


def with_features(
    units: Sequence[Unit], vader: dict[str, tuple[float, float]] | None, tb: dict[str, tuple[float, float, str]] | None
) -> list[Unit]:
    """The units with the package scores of each candidate span's words added to its features."""
    vt = {w: (m, s) for w, (m, s) in (vader or {}).items()}
    tt = {w: (p, q) for w, (p, q, _) in (tb or {}).items()}
    out = []
    for u in units:
        cands = []
        for s, f in u.candidates:
            extra: dict[str, float] = {}
            words = _WORD.findall(s.text)
            if vader is not None:
                vals = [v[0] for w in words if (v := _look(w, vt)) is not None]
                if vals:
                    top = max(vals, key=abs)
                    extra["vader_abs"] = abs(top) / 4
                    extra["vader_neg" if top < 0 else "vader_pos"] = 1.0
                else:
                    extra["vader_none"] = 1.0
            if tb is not None:
                vals2 = [v for w in words if (v := _look(w, tt)) is not None]
                if vals2:
                    extra["tb_subj"] = max(q for _, q in vals2)
                    extra["tb_pol"] = max(abs(p) for p, _ in vals2)
                else:
                    extra["tb_none"] = 1.0
            cands.append((s, {**f, **extra}))
        out.append(Unit(u.dataset, u.fold, cands, u.labels, u.gold, u.biased))
    return out


def nested(units: Sequence[Unit]) -> Scores:
    probs, thresholds = nested_cv(units)
    keep = [[1.0 if p >= thresholds[u.fold] else 0.0 for p in probs[i]] for i, u in enumerate(units)]
    return metrics(units, keep, 0.5)


# -- the run -----------------------------------------------------------------------------------
def row(name: str, m: Scores, note: str = "") -> str:
    p, b, e = m["ptc"], m["basil"], m["babe"]
    return f"{name:40} {p[0]:.3f} {p[1]:.3f} {p[2]:.3f}   {b[0]:.3f} {b[1]:.3f} {b[2]:.3f}   {e[0]:.3f} ({e[1]:.0%})  {note}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval")
    parser.add_argument("--no-calibrated-cut", action="store_true", help="skip the (slow) calibrated cut selection")
    args = parser.parse_args(argv)
    missing = [name for name in ("vaderSentiment", "textblob") if _package_dir(name) is None]
    if missing:
        print(f"needs {' and '.join(missing)} installed (pip install {' '.join(missing)})", file=sys.stderr)
        return 2
    if not args.eval.is_dir():
        print(f"eval data not found at {args.eval}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    lex = Lexicon.default()
    vader, tb = vader_lexicon(), textblob_lexicon()
    base = load_units(args.eval, lex)
    vconfigs: dict[str, list[Unit]] = {"none": base}
    tconfigs: dict[str, list[Unit]] = {"none": base}
    sizes = {}
    for cut in (1.5, 2.0, 2.5, 3.0, 3.5):
        for sign in ("both", "neg"):
            extra = vader_entries(vader, lex, cut, sign)
            sizes[f"v{cut}{sign}"] = len(extra)
            vconfigs[f"v{cut}{sign}"] = load_units(args.eval, lex.merged(Lexicon(extra)))
    for cut in (0.6, 0.7, 0.8, 0.9, 1.0):
        for pol in (0.0, 0.3, 0.5):
            extra = textblob_entries(tb, lex, cut, pol)
            sizes[f"t{cut}p{pol}"] = len(extra)
            tconfigs[f"t{cut}p{pol}"] = load_units(args.eval, lex.merged(Lexicon(extra)))
    wconfigs: dict[str, list[Unit]] = {"none": base}
    for cut in (1.5, 2.0, 2.5, 3.0):
        extra = vader_entries(vader, lex, cut, "both", weak=0.3)
        wconfigs[f"weak-v{cut}"] = load_units(args.eval, lex.merged(Lexicon(extra)))
    for cut in (0.6, 0.8, 1.0):
        extra = textblob_entries(tb, lex, cut, 0.0, weak=0.3)
        wconfigs[f"weak-t{cut}"] = load_units(args.eval, lex.merged(Lexicon(extra)))
    print(
        f"(candidates computed for {len(vconfigs) + len(tconfigs) - 2} configurations, {time.perf_counter() - t0:.0f} s)"
    )
    print(
        f"{'system (all out of sample)':40} {'PTC P     R     F1':20} {'BASIL P   R     F1':20} BABE macro-F1 (flagged)"
    )
    print(row("lexicon strengths (default)", metrics(base, _keep_strength(base), 0.5)))
    print(row("calibrated, nested CV", nested(base)))
    got, chosen = choose_cut_strengths(wconfigs)
    print(row("cand:weak, joins only (strengths)", got, "cut per fold: " + ",".join(chosen)))
    for label, configs in (("vader", vconfigs), ("textblob", tconfigs)):
        got, chosen = choose_cut_strengths(configs)
        print(row(f"cand:{label} (strengths)", got, "cut per fold: " + ",".join(chosen)))
        if not args.no_calibrated_cut:
            got, chosen = choose_cut_calibrated(configs)
            print(row(f"cand:{label} (calibrated)", got, "cut per fold: " + ",".join(chosen)))
    print(row("feat:vader (calibrated)", nested(with_features(base, vader, None))))
    print(row("feat:textblob (calibrated)", nested(with_features(base, None, tb))))
    print(row("feat:both (calibrated)", nested(with_features(base, vader, tb))))
    if not args.no_calibrated_cut:
        for label, configs in (("vader", vconfigs), ("textblob", tconfigs)):
            featured = {name: with_features(units, vader, tb) for name, units in configs.items()}
            got, chosen = choose_cut_calibrated(featured)
            print(row(f"cand:{label} + feat:both (calibrated)", got, "cut per fold: " + ",".join(chosen)))
    print("\nEach fixed configuration with lexicon strengths (NOT out of sample: for reading only):")
    for name, units in wconfigs.items():
        if name != "none":
            print(row(f"  {name}", metrics(units, _keep_strength(units), 0.5)))
    for configs in (vconfigs, tconfigs):
        for name, units in configs.items():
            if name != "none":
                print(row(f"  {name} (+{sizes[name]} words)", metrics(units, _keep_strength(units), 0.5)))
    print(f"({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
