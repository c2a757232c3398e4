"""The trainable model: fit/predict on span-labelled texts, safe JSON save/load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mediadiff.errors import InputError
from mediadiff.loaded.model import MODEL_FORMAT, LoadedLanguageModel

TEXTS = [
    "The senator blasted the plan as a gimmick.",
    "The senator discussed the plan with aides.",
    "Critics called the budget a gimmick and a disgrace.",
    "Critics reviewed the budget on Monday.",
] * 4
SPANS = [[(12, 19), (33, 40)], [], [(32, 39), (46, 54)], []] * 4


def test_fit_predict_recovers_training_spans() -> None:
    model = LoadedLanguageModel().fit(TEXTS, SPANS)
    found = [s.text for s in model.predict(["Aides called it a gimmick."])[0]]
    assert found == ["gimmick"]
    assert model.predict(["Aides reviewed it on Monday."]) == [[]]


def test_save_load_is_json_and_predicts_the_same(tmp_path: Path) -> None:
    model = LoadedLanguageModel().fit(TEXTS, SPANS)
    path = tmp_path / "model.json"
    model.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == MODEL_FORMAT and isinstance(data["weights"], dict)
    again = LoadedLanguageModel.load(path)
    text = ["The senator blasted a gimmick."]
    assert again.predict(text) == model.predict(text)


def test_load_rejects_files_that_are_not_models(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(InputError, match="is not a"):
        LoadedLanguageModel.load(path)


def test_bare_string_and_unfitted_model_are_errors() -> None:
    with pytest.raises(InputError, match="string object received"):
        LoadedLanguageModel().fit("one text", [[]])
    with pytest.raises(InputError, match="not fitted"):
        LoadedLanguageModel().predict(["text"])
