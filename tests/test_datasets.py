"""Readers for PTC, BASIL and BABE: fixtures written by us in each format, plus the dev data when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _shared import EVAL

from mediadiff.datasets import load_babe, load_basil, load_ptc
from mediadiff.errors import InputError


def test_load_ptc(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "article7.txt").write_text("Title\n\nA truly vile plan, they said.\n", encoding="utf-8")
    (tmp_path / "labels.tsv").write_text("7\tLoaded_Language\t15\t19\n7\tDoubt\t9\t14\n", encoding="utf-8")
    docs = load_ptc(tmp_path)
    assert [(s.text, s.label) for s in docs[0].spans] == [("truly", "Doubt"), ("vile", "Loaded_Language")]
    only = load_ptc(tmp_path, techniques=("Loaded_Language",))
    assert [s.text for s in only[0].spans] == ["vile"]


def test_load_ptc_rejects_spans_outside_the_text(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "article1.txt").write_text("short", encoding="utf-8")
    (tmp_path / "labels.tsv").write_text("1\tLoaded_Language\t2\t90\n", encoding="utf-8")
    with pytest.raises(InputError, match="outside"):
        load_ptc(tmp_path)


def test_load_basil_moves_offsets_into_the_joined_text(tmp_path: Path) -> None:
    (tmp_path / "articles" / "2011").mkdir(parents=True)
    (tmp_path / "annotations" / "2011").mkdir(parents=True)
    article = {
        "title": "Budget Fight",
        "source": "FOX",
        "triplet-uuid": "t1",
        "body-paragraphs": [["First one.", "A reckless plan."], ["Last words here."]],
    }
    ann = {
        "phrase-level-annotations": [
            {"id": "p1", "start": 2, "end": 10, "txt": "reckless", "bias": "lex", "quote": "no"},
            {"id": "title", "start": 7, "end": 12, "txt": "Fight", "bias": "inf", "quote": "yes"},
        ]
    }
    (tmp_path / "articles" / "2011" / "t1_1.json").write_text(json.dumps(article), encoding="utf-8")
    (tmp_path / "annotations" / "2011" / "t1_1_ann.json").write_text(json.dumps(ann), encoding="utf-8")
    (doc,) = load_basil(tmp_path)
    assert doc.text == "Budget Fight\n\nFirst one. A reckless plan.\n\nLast words here."
    assert [(s.text, s.label, s.quote) for s in doc.spans] == [("Fight", "inf", True), ("reckless", "lex", False)]
    assert [s.text for s in doc.sentences] == ["First one.", "A reckless plan.", "Last words here."]
    assert doc.meta["source"] == "fox" and doc.meta["triplet"] == "t1"


def test_load_babe_parses_word_lists_without_running_code(tmp_path: Path) -> None:
    path = tmp_path / "sentences.csv"
    path.write_text(
        "text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\n"
        "A vile plan.;u;X;t;left;Biased;op;['vile']\n"
        "A plan.;u;Y;t;right;Non-biased;op;__import__('os').system('echo hi')\n",
        encoding="utf-8",
    )
    rows = load_babe(tmp_path)
    assert [(r.biased, r.biased_words) for r in rows] == [(True, ("vile",)), (False, ())]


def test_readers_on_the_dev_data_keep_offsets_exact() -> None:
    if not EVAL.is_dir():
        pytest.skip(f"../shared/eval not present at {EVAL}")
    for doc in load_ptc(EVAL / "ptc")[:20] + load_basil(EVAL / "basil")[:20]:
        assert all(doc.text[s.start : s.end] == s.text for s in doc.spans)
    assert any(s.biased is None or s.biased for s in load_babe(EVAL / "babe"))
