"""Calibrated scores for loaded-language spans: a logistic re-ranker over a span's context.

The lexicon says which words may be loaded and how strongly in general; whether a particular
use is loaded depends on its context (a quoted word, a capitalised name, a negated adjective, a
weak word growing a phrase). :class:`Calibration` turns the context features of a candidate span
(:func:`~mediadiff.loaded.detect.loaded_candidates`) into the probability that a reader marks
it as loaded language: a logistic regression over some fifty generic features (category,
strength band, part of speech, how the term matched, negation, repetition, quotation,
attribution, capitals, the neighbouring words' classes). No word of any data set is a feature,
so the fitted file holds numbers about contexts, never text.

The fitted parameters ship as ``mediadiff/data/loaded_calibration.json``: format tag, the
weights, the intercept, the one threshold (a span is reported when its probability reaches
it) and a ``provenance`` record (data, split, fitting procedure, cross-validated figures).
``bench/fit_loaded_calibration.py`` refits it. Nothing is downloaded at run time.

Public names
------------
Calibration          weights, intercept, threshold, provenance; probability(features); fit/load/save.
CALIBRATION_FORMAT   the ``format`` tag of calibration files.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import InputError, check_parameter, is_real

__all__ = ["CALIBRATION_FORMAT", "Calibration"]

CALIBRATION_FORMAT = "mediadiff.LoadedCalibration/1"


@dataclass(frozen=True)
class Calibration:
    """A fitted logistic re-ranker of candidate spans, with its one threshold.

    Parameters
    ----------
    weights : mapping of str to float
        One weight per feature name; features the mapping lacks weigh 0.
    intercept : float
    threshold : float
        A span is reported when its probability reaches this (0-1).
    provenance : mapping, optional
        Where the numbers come from: data, split, procedure, figures.

    Examples
    --------
    >>> cal = Calibration({"cat=force": 2.0}, intercept=-1.0, threshold=0.5)
    >>> round(cal.probability({"cat=force": 1.0}), 3)
    0.731
    >>> round(cal.probability({"cat=doubt": 1.0}), 3)
    0.269
    """

    weights: Mapping[str, float]
    intercept: float = 0.0
    threshold: float = 0.5
    provenance: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_parameter(
            "threshold",
            self.threshold,
            "a float in the range [0.0, 1.0]",
            is_real(self.threshold) and 0.0 <= self.threshold <= 1.0,
            "Calibration",
        )
        check_parameter("intercept", self.intercept, "a number", is_real(self.intercept), "Calibration")
        object.__setattr__(self, "weights", MappingProxyType({str(k): float(v) for k, v in self.weights.items()}))

    def probability(self, features: Mapping[str, float]) -> float:
        """The probability that a span with these features is loaded language."""
        w = self.weights
        z = self.intercept + sum(v * w.get(k, 0.0) for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    # -- fitting ------------------------------------------------------------------------------
    @classmethod
    def fit(
        cls,
        X: Sequence[Mapping[str, float]],
        y: Sequence[int | bool],
        *,
        C: float = 1.0,
        sample_weight: Sequence[float] | None = None,
        threshold: float = 0.5,
        provenance: Mapping[str, Any] | None = None,
    ) -> Calibration:
        """Fit the weights on feature dicts ``X`` and 0/1 labels ``y`` (scikit-learn's L2 logistic
        regression, ``C`` its inverse regularisation, ``sample_weight`` per example); ``threshold``
        is stored as given."""
        if len(X) != len(y):
            raise InputError(f"fit needs one label per feature dict: got {len(X)} and {len(y)}")
        if len(set(int(v) for v in y)) < 2:
            raise InputError("fit needs both loaded and plain spans")
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        vec = DictVectorizer()
        matrix = vec.fit_transform([{k: v for k, v in f.items() if k != "bias"} for f in X])
        clf = LogisticRegression(C=C, max_iter=2000).fit(
            matrix, [int(v) for v in y], sample_weight=None if sample_weight is None else list(sample_weight)
        )
        weights = {name: round(float(w), 6) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)}
        return cls(dict(sorted(weights.items())), round(float(clf.intercept_[0]), 6), threshold, dict(provenance or {}))

    # -- files --------------------------------------------------------------------------------
    @classmethod
    def default(cls) -> Calibration:
        """The calibration that ships with mediadiff (``mediadiff/data/loaded_calibration.json``)."""
        return _default_calibration()

    @classmethod
    def load(cls, path: str | Path) -> Calibration:
        """Read a calibration file (JSON; numbers and strings only, nothing is executed)."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read calibration {path}: {exc.strerror or exc}") from exc
        return _parse(text, str(path))

    def save(self, path: str | Path) -> None:
        """Write the calibration as JSON (format tag, threshold, intercept, weights, provenance)."""
        data = {
            "format": CALIBRATION_FORMAT,
            "threshold": self.threshold,
            "intercept": self.intercept,
            "weights": dict(sorted(self.weights.items())),
            "provenance": dict(self.provenance),
        }
        Path(path).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _parse(text: str, where: str) -> Calibration:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InputError(f"cannot read calibration {where}: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != CALIBRATION_FORMAT:
        raise InputError(f"{where} is not a {CALIBRATION_FORMAT} file")
    weights = data.get("weights")
    if not isinstance(weights, dict) or not all(is_real(v) for v in weights.values()):
        raise InputError(f"{where}: 'weights' must map feature names to numbers")
    if not is_real(data.get("intercept")) or not is_real(data.get("threshold")):
        raise InputError(f"{where}: 'intercept' and 'threshold' must be numbers")
    provenance = data.get("provenance") or {}
    return Calibration(
        weights, float(data["intercept"]), float(data["threshold"]), provenance if isinstance(provenance, dict) else {}
    )


@lru_cache(maxsize=1)
def _default_calibration() -> Calibration:
    path = resources.files("mediadiff") / "data" / "loaded_calibration.json"
    return _parse(path.read_text(encoding="utf-8"), "loaded_calibration.json")
