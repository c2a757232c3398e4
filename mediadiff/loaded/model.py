"""A trainable loaded-language tagger for users with labelled data (not the default detector).

:class:`LoadedLanguageModel` is a logistic regression (scikit-learn) over candidate spans: the
default detector's spans at any strength and every other content word. Features are the
matched terms, category, strength, length, repetition in the text, the words and their
neighbours, and whether the candidate is quoted. It is
fitted on texts with gold character spans and predicts spans in the same form as
:func:`~mediadiff.loaded.detect.detect_loaded_language`. mediadiff ships no trained model.

Saving is plain JSON (:meth:`LoadedLanguageModel.save`): the parameters, the intercept and one
weight per feature name. Loading reads numbers and strings only, so a model file can never run
code (unlike pickle).

Public names
------------
LoadedLanguageModel   fit(texts, spans) / predict(texts) / save(path) / load(path).
MODEL_FORMAT          the ``format`` tag written into saved models.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..document import Span
from ..errors import InputError, check_parameter
from ..segment import find_quotations, tokenize
from .detect import FUNCTION_WORDS, LoadedSpan, detect_loaded_language
from .lexicon import Lexicon, lemma_candidates

__all__ = ["MODEL_FORMAT", "LoadedLanguageModel"]

MODEL_FORMAT = "mediadiff.LoadedLanguageModel/1"

SpanLike = Span | tuple[int, int]


def _base(norm: str, lex: Lexicon) -> str:
    """The base form of a word: the lexicon's, if it knows one; else the shortest plain candidate."""
    for entry in lex.lookup(norm):
        return entry.words[0] or norm
    cands = lemma_candidates(norm)
    return cands[1] if len(cands) > 1 and len(norm) > 5 else norm


class LoadedLanguageModel:
    """A logistic regression that keeps or drops candidate loaded-language spans.

    Parameters
    ----------
    C : float, default=0.5
        Inverse regularisation strength of the logistic regression.
    threshold : float, default=0.15
        A candidate is loaded when its probability reaches this; touching kept candidates merge.
        Loaded candidates are rare, so a threshold well below 0.5 trades precision for recall.
    class_weight : {"balanced", None}, default=None
        Passed to scikit-learn: "balanced" weighs the rare loaded candidates up (then raise
        ``threshold`` towards 0.5).
    words : bool, default=True
        Whether content words outside every lexicon match are candidates too (so the model can
        learn words the lexicon lacks); False keeps it to re-ranking the lexicon's matches.
    lexicon : Lexicon, optional
        The lexicon whose matches are features (default: the shipped one). Not saved with the
        model: load it with the same lexicon it was trained with.

    Attributes
    ----------
    weights_ : dict of str to float
        One weight per feature name (after :meth:`fit` or :meth:`load`).
    intercept_ : float

    Examples
    --------
    >>> texts = ["Critics slammed the plan.", "Critics discussed the plan."] * 5
    >>> spans = [[(8, 15)], []] * 5
    >>> model = LoadedLanguageModel().fit(texts, spans)
    >>> [s.text for s in model.predict(["Critics slammed the budget."])[0]]
    ['slammed']
    """

    def __init__(
        self,
        *,
        C: float = 0.5,
        threshold: float = 0.15,
        class_weight: str | None = None,
        words: bool = True,
        lexicon: Lexicon | None = None,
    ) -> None:
        self.words = words
        self.C = C
        self.threshold = threshold
        self.class_weight = class_weight
        self.lexicon = lexicon
        self.weights_: dict[str, float] = {}
        self.intercept_: float = 0.0

    def _check(self) -> None:
        owner = "LoadedLanguageModel"
        check_parameter("C", self.C, "a float > 0", isinstance(self.C, (int, float)) and self.C > 0, owner)
        check_parameter("threshold", self.threshold, "a float in the range (0.0, 1.0)",
                        isinstance(self.threshold, (int, float)) and 0.0 < self.threshold < 1.0, owner)
        check_parameter("class_weight", self.class_weight, "'balanced' or None",
                        self.class_weight in ("balanced", None), owner)

    # -- candidates and features --------------------------------------------------------------
    def _candidates(self, text: str) -> list[tuple[int, int, dict[str, float]]]:
        """Candidate spans of ``text`` with their features.

        The candidates are the default detector's spans at any strength (lexicon matches grown by
        the span rules) and every other content word on its own, so the model can learn both
        which lexicon matches are loaded in the user's data and words the lexicon lacks.
        """
        lex = self.lexicon if self.lexicon is not None else Lexicon.default()
        tokens = tokenize(text)
        quotes = find_quotations(text)
        detected = detect_loaded_language(text, lex, min_score=0.0)
        counts: dict[str, int] = {}
        for d in detected:
            counts[d.terms[0]] = counts.get(d.terms[0], 0) + 1
        index = {t.start: i for i, t in enumerate(tokens)}
        # how loaded the whole text reads: strong matches per 100 words, in coarse steps
        n_words = sum(1 for t in tokens if t.kind == "word") or 1
        density = f"density={min(4, int(10 * sum(1 for d in detected if d.score >= 0.5) / n_words * 10 / 5))}"
        out: list[tuple[int, int, dict[str, float]]] = []

        def context(f: dict[str, float], first: int, last: int) -> None:
            for off, tag in ((first - 1, "p1"), (first - 2, "p2"), (last + 1, "n1")):
                if 0 <= off < len(tokens):
                    f[f"{tag}={_base(tokens[off].norm, lex)}"] = 1.0
                else:
                    f[f"{tag}=<edge>"] = 1.0
            if any(q.start <= tokens[first].start and tokens[last].end <= q.end for q in quotes):
                f["in_quote"] = 1.0
            if tokens[first].text.isupper() and len(tokens[first].text) > 3:
                f["caps"] = 1.0

        covered: set[int] = set()
        for d in detected:
            first = index.get(d.start)
            if first is None:
                continue
            last = first
            while last + 1 < len(tokens) and tokens[last + 1].end <= d.end:
                last += 1
            covered.update(range(first, last + 1))
            n = last - first + 1
            f = {"bias": 1.0, density: 1.0, "lexicon": 1.0, f"cat={d.category}": 1.0, "score": d.score,
                 f"len={min(n, 5)}": 1.0, f"rep={min(counts[d.terms[0]], 5)}": 1.0}
            for term in d.terms:
                f[f"t={term}"] = 1.0
            for k in range(first, last + 1):
                f[f"w={_base(tokens[k].norm, lex)}"] = 1.0
            context(f, first, last)
            out.append((d.start, d.end, f))
        for i, tok in enumerate(tokens):
            if not self.words or i in covered or tok.kind != "word" or tok.norm in FUNCTION_WORDS or len(tok.norm) < 3:
                continue
            base = _base(tok.norm, lex)
            f = {"bias": 1.0, density: 1.0, "word": 1.0, f"w={base}": 1.0, f"suf={tok.norm[-3:]}": 1.0}
            if tok.text[:1].isupper():
                f["cap"] = 1.0
            context(f, i, i)
            out.append((tok.start, tok.end, f))
        out.sort(key=lambda c: (c[0], c[1]))
        return out

    # -- fitting and prediction ---------------------------------------------------------------
    def fit(self, X: Sequence[str], y: Sequence[Iterable[SpanLike]]) -> LoadedLanguageModel:
        """Fit on texts ``X`` and, for each, its gold spans ``y`` (``Span`` values or ``(start, end)``).

        A candidate is a positive example when at least half of it lies inside gold spans.
        """
        self._check()
        if isinstance(X, str):
            raise InputError("Iterable over raw texts expected, string object received.")
        if len(X) != len(y):
            raise InputError(f"fit needs one span list per text: got {len(X)} texts and {len(y)} span lists")
        import numpy as np
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        rows: list[dict[str, float]] = []
        labels: list[int] = []
        for text, spans in zip(X, y, strict=True):
            gold = sorted((s.start, s.end) if isinstance(s, Span) else (int(s[0]), int(s[1])) for s in spans)
            for start, end, f in self._candidates(text):
                inside = sum(max(0, min(end, e) - max(start, s)) for s, e in gold)
                rows.append(f)
                labels.append(int(inside * 2 >= end - start))
        if len(set(labels)) < 2:
            raise InputError("fit needs both loaded and plain words in the training texts")
        vec = DictVectorizer(sort=True)
        matrix = vec.fit_transform(rows).tocsr()
        matrix.indices = matrix.indices.astype(np.int32)
        matrix.indptr = matrix.indptr.astype(np.int32)
        clf = LogisticRegression(C=self.C, class_weight=self.class_weight, solver="liblinear", random_state=0)
        clf.fit(matrix, labels)
        names = vec.get_feature_names_out()
        self.weights_ = {str(n): float(w) for n, w in zip(names, clf.coef_[0], strict=True) if w != 0.0}
        self.intercept_ = float(clf.intercept_[0])
        return self

    def _proba(self, f: dict[str, float]) -> float:
        z = self.intercept_ + sum(v * self.weights_.get(k, 0.0) for k, v in f.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def predict(self, X: Sequence[str]) -> list[list[LoadedSpan]]:
        """Loaded spans of each text; ``score`` is the model's probability, ``category`` the
        lexicon category of the span (``learned`` for a word the lexicon does not hold)."""
        self._check()
        if isinstance(X, str):
            raise InputError("Iterable over raw texts expected, string object received.")
        if not self.weights_:
            raise InputError("this LoadedLanguageModel is not fitted yet: call fit() or load() first")
        return [self._predict_one(text) for text in X]

    def _predict_one(self, text: str) -> list[LoadedSpan]:
        quotes = find_quotations(text)
        kept: list[tuple[int, int, str, float]] = []  # start, end, category, probability
        for start, end, f in self._candidates(text):
            p = self._proba(f)
            if p < self.threshold:
                continue
            cat = next((k[4:] for k in f if k.startswith("cat=")), "learned")
            if kept and start <= kept[-1][1] + 1 and not text[kept[-1][1]:start].strip():
                s0, e0, c0, p0 = kept[-1]
                kept[-1] = (s0, max(e0, end), cat if p > p0 else c0, max(p, p0))
                continue
            kept.append((start, end, cat, p))
        return [
            LoadedSpan(s, e, text[s:e], category=cat, score=round(p, 4),
                       in_quote=any(q.start <= s and e <= q.end for q in quotes))
            for s, e, cat, p in kept
        ]

    # -- persistence --------------------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        """Write the fitted model as JSON: format tag, parameters, intercept and feature weights."""
        if not self.weights_:
            raise InputError("nothing to save: this LoadedLanguageModel is not fitted")
        data = {
            "format": MODEL_FORMAT,
            "params": {"C": self.C, "threshold": self.threshold, "class_weight": self.class_weight, "words": self.words},
            "intercept": self.intercept_,
            "weights": dict(sorted(self.weights_.items())),
        }
        Path(path).write_text(json.dumps(data, indent=0, sort_keys=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path, *, lexicon: Lexicon | None = None) -> LoadedLanguageModel:
        """Read a model written by :meth:`save` (JSON only; nothing in the file is executed)."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read model {path}: {exc}") from exc
        if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
            raise InputError(f"{path} is not a {MODEL_FORMAT} file")
        params = data.get("params", {})
        weights = data.get("weights", {})
        if not isinstance(weights, dict) or not all(
            isinstance(k, str) and isinstance(v, (int, float)) for k, v in weights.items()
        ):
            raise InputError(f"{path}: 'weights' must map feature names to numbers")
        model = cls(
            C=float(params.get("C", 0.5)),
            threshold=float(params.get("threshold", 0.15)),
            class_weight=params.get("class_weight"),
            words=bool(params.get("words", True)),
            lexicon=lexicon,
        )
        model._check()
        model.weights_ = {k: float(v) for k, v in weights.items()}
        model.intercept_ = float(data.get("intercept", 0.0))
        return model
