"""Readability: reference values, None with a reason, content sentences only, offline."""

from __future__ import annotations

import socket

import pytest

from mediadiff.analysis.readability import MEASURES, readability
from mediadiff.document import Article
from mediadiff.segment import segment

TEXT = (
    "The cat sat on the mat. The dog ran in the park. We all went home for tea.\n\n"
    "Subscribe to our newsletter for the latest updates."
)


def test_measures_and_counts():
    r = readability(segment(Article("a", TEXT)))
    assert set(MEASURES) <= set(r)
    assert r["sentences"] == 3 and r["words"] == 18 and r["mean_sentence_length"] == 6.0
    # one-syllable words in short sentences: very easy text
    assert r["flesch_reading_ease"] > 100 and r["flesch_kincaid_grade"] < 1
    assert r["reasons"] == {}


def test_boilerplate_is_left_out():
    with_chrome = readability(segment(Article("a", TEXT)))
    without = readability(segment(Article("a", TEXT.split("\n\n")[0])))
    assert with_chrome == without


def test_empty_text_gives_none_with_reason():
    r = readability(segment(Article("a", "")))
    assert r["words"] == 0 and r["sentences"] == 0
    for name in MEASURES:
        if name not in ("words", "sentences"):
            assert r[name] is None and r["reasons"][name]


def test_smog_needs_three_sentences():
    r = readability(segment(Article("a", "The cat sat on the mat.")))
    assert r["smog_index"] is None and "three sentences" in r["reasons"]["smog_index"]
    assert r["flesch_reading_ease"] is not None


def test_works_offline(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    r = readability(segment(Article("a", TEXT)))
    assert r["dale_chall"] is not None and r["gunning_fog"] is not None
    with pytest.raises(OSError):
        socket.socket()
