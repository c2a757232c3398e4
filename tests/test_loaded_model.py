"""The trainable model: fit/predict on span-labelled texts, thresholds, exact JSON save/load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mediadiff.errors import InputError, ParameterError
from mediadiff.loaded.detect import LoadedSpan
from mediadiff.loaded.model import MODEL_FORMAT, THRESHOLD_GRID, LoadedLanguageModel

TEXTS = [
    "The senator blasted the plan as a gimmick.",
    "The senator discussed the plan with aides.",
    "Critics called the budget a gimmick and a disgrace.",
    "Critics reviewed the budget on Monday.",
] * 4
SPANS = [[(12, 19), (33, 40)], [], [(32, 39), (46, 54)], []] * 4


@pytest.fixture(scope="module")
def model() -> LoadedLanguageModel:
    return LoadedLanguageModel().fit(TEXTS, SPANS)


def test_fit_predict_recovers_training_spans(model: LoadedLanguageModel) -> None:
    found = model.predict(["Aides called it a gimmick.", "Aides reviewed it on Monday."])
    assert [s.text for s in found[0]] == ["gimmick"]
    assert found[1] == []


def test_predict_returns_detector_spans_with_quote_flag(model: LoadedLanguageModel) -> None:
    text = 'Aides said: "It is a gimmick." The senator blasted it.'
    found = model.predict([text])[0]
    assert all(isinstance(s, LoadedSpan) and text[s.start : s.end] == s.text for s in found)
    # the toy model may take a neighbour along ("senator blasted"); the quote flag is what counts
    assert [("gimmick" in s.text, "blasted" in s.text, s.in_quote) for s in found] == [
        (True, False, True),
        (False, True, False),
    ]
    assert all(0.0 < s.score <= 1.0 for s in found)


def test_auto_threshold_is_chosen_from_the_grid_and_a_given_one_is_kept() -> None:
    auto = LoadedLanguageModel().fit(TEXTS, SPANS)
    assert auto.threshold_ in THRESHOLD_GRID
    fixed = LoadedLanguageModel(threshold=(0.6, 0.3)).fit(TEXTS, SPANS)
    assert fixed.threshold_ == (0.6, 0.3)
    # a higher seed keeps a subset of the spans, each with a word at least that probable
    texts = ["Aides called it a gimmick, the senator blasted the plan and critics reviewed it."]
    low = LoadedLanguageModel(threshold=(0.1, 0.1)).fit(TEXTS, SPANS).predict(texts)[0]
    high = LoadedLanguageModel(threshold=(0.9, 0.1)).fit(TEXTS, SPANS).predict(texts)[0]
    assert low and set(high) <= set(low) and all(s.score >= 0.9 for s in high)


def test_fit_is_deterministic() -> None:
    a = LoadedLanguageModel(threshold=(0.3, 0.2)).fit(TEXTS, SPANS)
    b = LoadedLanguageModel(threshold=(0.3, 0.2)).fit(TEXTS, SPANS)
    assert a.weights_ == b.weights_ and a.intercept_ == b.intercept_


def test_save_load_round_trip_is_exact(model: LoadedLanguageModel, tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    model.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == MODEL_FORMAT and isinstance(data["weights"], dict)
    again = LoadedLanguageModel.load(path)
    assert again.weights_ == model.weights_
    assert again.intercept_ == model.intercept_ and again.threshold_ == model.threshold_
    texts = ["The senator blasted a gimmick.", 'Critics said "a disgrace" and left.']
    assert again.predict(texts) == model.predict(texts)
    again.save(tmp_path / "again.json")
    assert (tmp_path / "again.json").read_bytes() == path.read_bytes()


def test_load_rejects_files_that_are_not_models(model: LoadedLanguageModel, tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(InputError, match="is not a"):
        LoadedLanguageModel.load(path)
    good = tmp_path / "good.json"
    model.save(good)
    data = json.loads(good.read_text(encoding="utf-8"))
    data["weights"]["bias"] = "__import__('os')"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="'weights' must map feature names to numbers"):
        LoadedLanguageModel.load(path)


def test_bad_parameters_are_named() -> None:
    with pytest.raises(ParameterError, match="'threshold' parameter of LoadedLanguageModel"):
        LoadedLanguageModel(threshold=(0.1, 0.2)).fit(TEXTS, SPANS)
    with pytest.raises(ParameterError, match="'alpha' parameter"):
        LoadedLanguageModel(alpha=0).fit(TEXTS, SPANS)
    with pytest.raises(ParameterError, match="'cv' parameter"):
        LoadedLanguageModel(cv=1).fit(TEXTS, SPANS)


def test_bare_string_unfitted_model_and_one_class_are_errors() -> None:
    with pytest.raises(InputError, match="string object received"):
        LoadedLanguageModel().fit("one text", [[]])
    with pytest.raises(InputError, match="not fitted"):
        LoadedLanguageModel().predict(["text"])
    with pytest.raises(InputError, match="both loaded and plain words"):
        LoadedLanguageModel().fit(TEXTS[:4], [[], [], [], []])


def test_span_prf_partial_overlap_metric() -> None:
    """The shared task's metric: overlap credited by share of each span; overlapping spans merged."""
    from mediadiff.loaded.model import merge_spans, span_prf

    assert merge_spans([(5, 9), (0, 4), (3, 6), (7, 7)]) == [(0, 9)]
    p, r, f = span_prf([[(0, 10)]], [[(5, 10), (5, 8)]])
    assert (p, r) == (0.5, 1.0) and abs(f - 2 / 3) < 1e-12
    assert span_prf([[]], [[(0, 1)]]) == (0.0, 0.0, 0.0)


def test_numpy_parameters_are_saved_as_plain_numbers(tmp_path: Path) -> None:
    # review: NumPy scalars passed the parameter checks, then save() raised
    # "TypeError: Object of type float32 is not JSON serializable"
    np = pytest.importorskip("numpy")
    model = LoadedLanguageModel(
        epochs=np.int64(5),
        alpha=np.float32(1e-4),
        threshold=(np.float64(0.6), np.float32(0.25)),
        cv=np.int32(2),
        random_state=np.int64(0),
    ).fit(TEXTS, SPANS)
    path = tmp_path / "model.json"
    model.save(path)
    params = json.loads(path.read_text(encoding="utf-8"))["params"]
    assert params == {
        "alpha": float(np.float32(1e-4)),
        "epochs": 5,
        "threshold": [0.6, 0.25],
        "cv": 2,
        "random_state": 0,
    }
    assert type(params["epochs"]) is int and type(params["alpha"]) is float
    again = LoadedLanguageModel.load(path)
    assert again.weights_ == model.weights_ and again.threshold_ == model.threshold_ == (0.6, 0.25)
    plain = LoadedLanguageModel(epochs=5, alpha=float(np.float32(1e-4)), threshold=(0.6, 0.25), cv=2).fit(TEXTS, SPANS)
    assert plain.weights_ == model.weights_
