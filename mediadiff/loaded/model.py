"""A trainable loaded-language tagger for users with labelled data (not the default detector).

:class:`LoadedLanguageModel` labels every word of a text as loaded or not with a logistic
regression (scikit-learn's ``SGDClassifier``, log loss), then decodes the labels into spans.

Features of a word (computed in ``_word_features``): its form and base form (inflections undone
by the lexicon's suffix rules), suffix and shape, its lexicon category and strength, whether and
where the default detector's span (at any strength) covers it, the same for the words up to two
either side, whether it is quoted, its position in the sentence, how often the text repeats it,
and how loaded the whole text reads. Decoding: a run of neighbouring words at least ``grow``
probable is a span when one of its words is at least ``seed`` probable; function words at its
edges are trimmed. By default the pair ``(seed, grow)`` is chosen by cross-validation inside the
training texts (``threshold_``).

Spans come out as :class:`~mediadiff.loaded.detect.LoadedSpan`, the type the detector returns.
mediadiff ships no trained model.

Saving is plain JSON (:meth:`LoadedLanguageModel.save`): the parameters, the chosen thresholds,
the intercept and one weight per feature name. Loading reads numbers and strings only, so a model
file can never run code (unlike pickle), and a loaded model predicts exactly what the saved one did.

Public names
------------
LoadedLanguageModel   fit(texts, spans) / predict(texts) / save(path) / load(path).
MODEL_FORMAT          the ``format`` tag written into saved models.
"""

from __future__ import annotations

import json
import math
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..document import Span, Token
from ..errors import InputError, check_parameter, is_int, is_real, plain
from ..segment import find_quotations
from ._word_features import Features, Featurised, featurise
from .detect import FUNCTION_WORDS, LoadedSpan
from .lexicon import Lexicon

__all__ = ["MODEL_FORMAT", "LoadedLanguageModel", "merge_spans", "span_prf"]

MODEL_FORMAT = "mediadiff.LoadedLanguageModel/2"

SpanLike = Span | tuple[int, int]

#: The (seed, grow) pairs that ``threshold="auto"`` chooses from. Loaded words are rare (about 3%
#: of the words in news), so useful thresholds lie well below 0.5.
THRESHOLD_GRID: tuple[tuple[float, float], ...] = tuple(
    (seed, grow)
    for seed in (0.1, 0.15, 0.2, 0.25, 0.3, 0.4)
    for grow in (0.05, 0.08, 0.1, 0.15, 0.2, 0.3)
    if grow <= seed
)


def _decode(
    text: str, words: Sequence[Token], probs: Sequence[float], seed: float, grow: float
) -> list[tuple[int, int, int, int]]:
    """Word-index runs ``(first, last)`` kept as spans, with their character offsets.

    Neighbouring words at least ``grow`` probable (separated by nothing but spaces or a hyphen)
    form a run; function words at its edges are trimmed; it is kept when a word reaches ``seed``.
    Returns ``(first, last, start, end)`` tuples in text order.
    """
    out: list[tuple[int, int, int, int]] = []
    n = len(words)
    k = 0
    while k < n:
        if probs[k] < grow:
            k += 1
            continue
        j = k
        while j + 1 < n and probs[j + 1] >= grow and text[words[j].end : words[j + 1].start].strip(" \t") in ("", "-"):
            j += 1
        a, b = k, j
        while a <= b and words[a].norm in FUNCTION_WORDS:
            a += 1
        while b >= a and words[b].norm in FUNCTION_WORDS:
            b -= 1
        if a <= b and max(probs[a : b + 1]) >= seed:
            out.append((a, b, words[a].start, words[b].end))
        k = j + 1
    return out


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans merged, empty ones dropped (the shared task scores each character once)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        elif e > s:
            out.append((s, e))
    return out


def span_prf(
    pred: Sequence[Sequence[tuple[int, int]]], gold: Sequence[Sequence[tuple[int, int]]]
) -> tuple[float, float, float]:
    """SemEval-2020 Task 11 (SI) partial-overlap precision, recall and F1 over documents.

    P = sum over predicted s and gold t of |s & t| / |s|, over the number of predicted spans;
    R = the same with |t|, over the number of gold spans. Each document's spans are merged first.
    This is what ``threshold="auto"`` maximises and what ``bench/eval_loaded.py`` reports.
    """
    p_num = r_num = 0.0
    n_pred = n_gold = 0
    for ps, gs in zip(pred, gold, strict=True):
        ps, gs = merge_spans(ps), merge_spans(gs)
        n_pred += len(ps)
        n_gold += len(gs)
        for s, e in ps:
            for gs_, ge in gs:
                inter = min(e, ge) - max(s, gs_)
                if inter > 0:
                    p_num += inter / (e - s)
                    r_num += inter / (ge - gs_)
    p = p_num / n_pred if n_pred else 0.0
    r = r_num / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class LoadedLanguageModel:
    """A word tagger for loaded language: logistic regression over words, decoded into spans.

    Parameters
    ----------
    alpha : float, default=1e-4
        L2 regularisation strength of the logistic regression (``SGDClassifier``'s ``alpha``,
        its default).
    epochs : int, default=10
        Passes of stochastic gradient descent over the training words (averaged weights).
    threshold : "auto" or (float, float), default="auto"
        ``(seed, grow)``: a run of neighbouring words at least ``grow`` probable is a span when
        one of them is at least ``seed`` probable. ``"auto"`` chooses the pair from
        ``THRESHOLD_GRID`` that maximises the shared task's span F1 in a ``cv``-fold
        cross-validation over the training texts (never looking at anything else).
    cv : int, default=3
        Folds of that inner cross-validation (split by text).
    random_state : int, default=0
        Seed of the gradient descent's shuffling: equal inputs give equal models.
    lexicon : Lexicon, optional
        The lexicon whose matches are features (default: the shipped one). Not saved with the
        model: load it with the same lexicon it was trained with.

    Attributes
    ----------
    weights_ : dict of str to float
        One weight per feature name (after :meth:`fit` or :meth:`load`).
    intercept_ : float
    threshold_ : (float, float)
        The ``(seed, grow)`` pair in use: ``threshold`` as given, or the one ``"auto"`` chose.

    Examples
    --------
    >>> texts = ["Critics slammed the plan.", "Critics discussed the plan."] * 6
    >>> spans = [[(8, 15)], []] * 6
    >>> model = LoadedLanguageModel(threshold=(0.5, 0.5)).fit(texts, spans)
    >>> [(s.text, s.in_quote) for s in model.predict(['Critics slammed the "budget".'])[0]]
    [('slammed', False)]
    """

    def __init__(
        self,
        *,
        alpha: float = 1e-4,
        epochs: int = 10,
        threshold: str | tuple[float, float] = "auto",
        cv: int = 3,
        random_state: int = 0,
        lexicon: Lexicon | None = None,
    ) -> None:
        self.alpha = alpha
        self.epochs = epochs
        self.threshold = threshold
        self.cv = cv
        self.random_state = random_state
        self.lexicon = lexicon
        self.weights_: dict[str, float] = {}
        self.intercept_: float = 0.0
        self.threshold_: tuple[float, float] = (0.5, 0.5)

    def _check(self) -> None:
        owner = "LoadedLanguageModel"
        check_parameter("alpha", self.alpha, "a float > 0", is_real(self.alpha) and self.alpha > 0, owner)
        check_parameter("epochs", self.epochs, "an int >= 1", is_int(self.epochs) and self.epochs >= 1, owner)
        t = self.threshold
        pair_ok = (
            isinstance(t, (tuple, list))
            and len(t) == 2
            and all(is_real(x) and 0.0 < x < 1.0 for x in t)
            and t[1] <= t[0]
        )
        check_parameter(
            "threshold",
            t,
            "'auto' or a pair (seed, grow) of floats in (0.0, 1.0) with grow <= seed",
            t == "auto" or pair_ok,
            owner,
        )
        check_parameter("cv", self.cv, "an int >= 2", is_int(self.cv) and self.cv >= 2, owner)
        check_parameter("random_state", self.random_state, "an int", is_int(self.random_state), owner)

    def _lex(self) -> Lexicon:
        return self.lexicon if self.lexicon is not None else Lexicon.default()

    # -- fitting ------------------------------------------------------------------------------
    def fit(self, X: Sequence[str], y: Sequence[Iterable[SpanLike]]) -> LoadedLanguageModel:
        """Fit on texts ``X`` and, for each, its gold spans ``y`` (``Span`` values or ``(start, end)``).

        A word is a positive example when it overlaps a gold span. With ``threshold="auto"`` the
        decoding thresholds are chosen first, by cross-validation over the training texts; the
        weights are then fitted on all of them.
        """
        self._check()
        if isinstance(X, str):
            raise InputError("Iterable over raw texts expected, string object received.")
        if len(X) != len(y):
            raise InputError(f"fit needs one span list per text: got {len(X)} texts and {len(y)} span lists")
        if self.threshold == "auto" and len(X) < 2:
            raise InputError("threshold='auto' needs at least 2 training texts; pass threshold=(seed, grow)")
        import numpy as np
        from scipy.sparse import csr_matrix

        lex = self._lex()
        docs = [featurise(text, lex) for text in X]
        golds = [
            merge_spans((s.start, s.end) if isinstance(s, Span) else (int(s[0]), int(s[1])) for s in spans)
            for spans in y
        ]
        vocab: dict[str, int] = {}
        indptr = [0]
        indices: list[int] = []
        values: list[float] = []
        labels: list[int] = []
        for doc, gold in zip(docs, golds, strict=True):
            for t, f in zip(doc.words, doc.features, strict=True):
                for name, v in f.items():
                    indices.append(vocab.setdefault(name, len(vocab)))
                    values.append(v)
                indptr.append(len(indices))
                labels.append(int(any(min(t.end, e) > max(t.start, s) for s, e in gold)))
        if len(set(labels)) < 2:
            raise InputError("fit needs both loaded and plain words in the training texts")
        matrix = csr_matrix(
            (np.asarray(values), np.asarray(indices, dtype=np.int32), np.asarray(indptr, dtype=np.int32)),
            shape=(len(labels), len(vocab)),
        )
        target = np.asarray(labels)
        rows = np.cumsum([0] + [len(d.words) for d in docs])

        if isinstance(self.threshold, str):  # "auto"
            self.threshold_ = self._choose_threshold(X, docs, golds, matrix, target, rows)
        else:
            self.threshold_ = (float(self.threshold[0]), float(self.threshold[1]))
        clf = self._classifier().fit(matrix, target)
        names = sorted(vocab, key=vocab.__getitem__)
        self.weights_ = {name: float(w) for name, w in zip(names, clf.coef_[0], strict=True) if w != 0.0}
        self.intercept_ = float(clf.intercept_[0])
        return self

    def _classifier(self) -> Any:
        from sklearn.linear_model import SGDClassifier

        return _Quiet(
            SGDClassifier(
                loss="log_loss",
                alpha=float(self.alpha),
                max_iter=self.epochs,
                tol=None,
                average=True,
                random_state=self.random_state,
            )
        )

    def _choose_threshold(
        self,
        X: Sequence[str],
        docs: Sequence[Featurised],
        golds: Sequence[list[tuple[int, int]]],
        matrix: Any,
        target: Any,
        rows: Any,
    ) -> tuple[float, float]:
        """The grid pair with the best span F1 over the training texts, each predicted by a model
        fitted on the other folds (text i is in fold ``i % cv``)."""
        import numpy as np

        folds = min(self.cv, len(docs))
        probs: list[Any] = [None] * len(docs)
        for k in range(folds):
            held = [i for i in range(len(docs)) if i % folds == k]
            train = np.concatenate([np.arange(rows[i], rows[i + 1]) for i in range(len(docs)) if i % folds != k])
            if len(set(target[train].tolist())) < 2:
                for i in held:
                    probs[i] = np.zeros(rows[i + 1] - rows[i])
                continue
            clf = self._classifier().fit(matrix[train], target[train])
            for i in held:
                probs[i] = (
                    clf.predict_proba(matrix[rows[i] : rows[i + 1]])[:, 1] if rows[i + 1] > rows[i] else np.zeros(0)
                )

        def f1(pair: tuple[float, float]) -> float:
            pred = [[(s, e) for _, _, s, e in _decode(X[i], docs[i].words, probs[i], *pair)] for i in range(len(docs))]
            return span_prf(pred, golds)[2]

        return max(THRESHOLD_GRID, key=f1)  # ties: the first in grid order

    # -- prediction ---------------------------------------------------------------------------
    def predict(self, X: Sequence[str]) -> list[list[LoadedSpan]]:
        """Loaded spans of each text, in text order.

        ``score`` is the span's highest word probability, ``category`` the lexicon category of
        its strongest lexicon word (``learned`` when it has none), ``terms`` those lexicon
        words' terms, and ``in_quote`` whether it lies inside a direct quotation.
        """
        self._check()
        if isinstance(X, str):
            raise InputError("Iterable over raw texts expected, string object received.")
        if not self.weights_:
            raise InputError("this LoadedLanguageModel is not fitted yet: call fit() or load() first")
        lex = self._lex()
        return [self._predict_one(text, lex) for text in X]

    def _proba(self, f: Features) -> float:
        w = self.weights_
        z = self.intercept_ + sum(v * w.get(k, 0.0) for k, v in f.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def _predict_one(self, text: str, lex: Lexicon) -> list[LoadedSpan]:
        doc = featurise(text, lex)
        probs = [self._proba(f) for f in doc.features]
        quotes = find_quotations(text)
        out = []
        for a, b, start, end in _decode(text, doc.words, probs, *self.threshold_):
            found = sorted((e for e in doc.entries[a : b + 1] if e is not None), key=lambda e: -e.strength)
            out.append(
                LoadedSpan(
                    start,
                    end,
                    text[start:end],
                    category=found[0].category if found else "learned",
                    score=round(max(probs[a : b + 1]), 4),
                    in_quote=any(q.start <= start and end <= q.end for q in quotes),
                    terms=tuple(dict.fromkeys(e.term for e in found)),
                )
            )
        return out

    # -- persistence --------------------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        """Write the fitted model as JSON: format tag, parameters, thresholds, intercept, weights.

        Floats are written with Python's shortest exact representation, so :meth:`load` gives
        back the very same numbers and the same predictions.
        """
        if not self.weights_:
            raise InputError("nothing to save: this LoadedLanguageModel is not fitted")
        # parameters as given may be NumPy numbers: written as plain ones
        threshold = self.threshold if self.threshold == "auto" else [plain(x) for x in self.threshold]
        data = {
            "format": MODEL_FORMAT,
            "params": {
                "alpha": plain(self.alpha),
                "epochs": plain(self.epochs),
                "threshold": threshold,
                "cv": plain(self.cv),
                "random_state": plain(self.random_state),
            },
            "threshold_": list(self.threshold_),
            "intercept": self.intercept_,
            "weights": dict(sorted(self.weights_.items())),
        }
        Path(path).write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path, *, lexicon: Lexicon | None = None) -> LoadedLanguageModel:
        """Read a model written by :meth:`save` (JSON only; nothing in the file is executed)."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read model {path}: {exc}") from exc
        if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
            raise InputError(f"{path} is not a {MODEL_FORMAT} file")

        params = data.get("params")
        weights = data.get("weights")
        chosen = data.get("threshold_")
        if not isinstance(params, dict):
            raise InputError(f"{path}: 'params' must be an object")
        if not isinstance(weights, dict) or not weights or not all(is_real(v) for v in weights.values()):
            raise InputError(f"{path}: 'weights' must map feature names to numbers")
        if not (isinstance(chosen, list) and len(chosen) == 2 and all(is_real(x) for x in chosen)):
            raise InputError(f"{path}: 'threshold_' must be a pair of numbers")
        if not is_real(data.get("intercept")):
            raise InputError(f"{path}: 'intercept' must be a number")
        threshold = params.get("threshold", "auto")
        model = cls(
            alpha=params.get("alpha", 1e-4),
            epochs=params.get("epochs", 10),
            threshold=tuple(threshold) if isinstance(threshold, list) else threshold,
            cv=params.get("cv", 3),
            random_state=params.get("random_state", 0),
            lexicon=lexicon,
        )
        model._check()
        seed, grow = float(chosen[0]), float(chosen[1])
        check_parameter(
            "threshold_",
            chosen,
            "a pair (seed, grow) in (0.0, 1.0) with grow <= seed",
            0.0 < grow <= seed < 1.0,
            "LoadedLanguageModel.load",
        )
        model.threshold_ = (seed, grow)
        model.weights_ = {str(k): float(v) for k, v in weights.items()}
        model.intercept_ = float(data["intercept"])
        return model


class _Quiet:
    """An estimator wrapper whose ``fit`` silences scikit-learn's convergence warning (a fixed
    number of epochs is the setting, not a failure to converge)."""

    def __init__(self, clf: Any) -> None:
        self.clf = clf

    def fit(self, X: Any, y: Any) -> Any:
        from sklearn.exceptions import ConvergenceWarning

        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=ConvergenceWarning)
            return self.clf.fit(X, y)
