"""Readers for public, human-annotated bias data sets, from a path the user supplies.

mediadiff ships none of these data sets and downloads nothing; point a reader at your own copy.
Every span a reader returns is a half-open ``[start, end)`` offset into the ``text`` it returns,
so ``item.text[span.start:span.end] == span.text`` holds as everywhere in mediadiff.

Public names
------------
load_ptc        SemEval-2020 Task 11 propaganda techniques (articles + ``labels.tsv``) -> LabelledText list.
load_basil      BASIL (Fan et al. 2019): articles + phrase annotations -> LabelledText list.
load_babe       BABE (Spinde et al. 2021): ``sentences.csv`` -> BabeSentence list.
LabelledText    a text with labelled spans (and, for BASIL, its sentences and metadata).
LabelledSpan    a labelled span: ``label`` (technique, or BASIL's ``lex``/``inf``) and ``quote``.
BabeSentence    one BABE sentence: label, outlet, topic, the words annotators marked.
"""

from __future__ import annotations

import ast
import csv
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .document import Span
from .errors import InputError

__all__ = ["BabeSentence", "LabelledSpan", "LabelledText", "load_babe", "load_basil", "load_ptc"]


@dataclass(frozen=True, slots=True)
class LabelledSpan(Span):
    """A gold span: ``label`` is the technique (PTC) or bias type (BASIL ``lex``/``inf``).

    ``quote`` is true/false when the data set says whether the span is inside a quotation
    (BASIL), ``None`` when it does not say (PTC).
    """

    label: str = ""
    quote: bool | None = None


@dataclass(frozen=True, slots=True)
class LabelledText:
    """A text with gold spans; ``meta`` holds the data set's own fields (source, triplet, title, ...)."""

    id: str
    text: str
    spans: tuple[LabelledSpan, ...]
    sentences: tuple[Span, ...] = ()
    meta: Mapping[str, str] = field(default_factory=dict)

    def spans_labelled(self, *labels: str) -> tuple[LabelledSpan, ...]:
        """The spans whose label is one of ``labels``."""
        return tuple(s for s in self.spans if s.label in labels)


@dataclass(frozen=True, slots=True)
class BabeSentence:
    """A BABE sentence: ``label`` is ``Biased``, ``Non-biased`` or ``No agreement``."""

    text: str
    label: str
    outlet: str = ""
    topic: str = ""
    type: str = ""
    opinion: str = ""
    biased_words: tuple[str, ...] = ()
    url: str = ""

    @property
    def biased(self) -> bool | None:
        """True for ``Biased``, False for ``Non-biased``, None when annotators did not agree."""
        return {"biased": True, "non-biased": False}.get(self.label.strip().lower())


def _need(path: Path, what: str) -> Path:
    if not path.exists():
        raise InputError(f"{what} not found: {path}")
    return path


def load_ptc(path: str | Path, *, techniques: tuple[str, ...] | None = None) -> list[LabelledText]:
    """Read PTC (SemEval-2020 Task 11): ``articles/article<ID>.txt`` and ``labels.tsv``.

    ``labels.tsv`` has ``ID <tab> technique <tab> start <tab> end`` lines with character offsets
    into the article file. Pass ``techniques=("Loaded_Language",)`` to keep only those spans.
    Articles are returned in ID order, each with its spans in text order.
    """
    root = Path(path)
    articles = _need(root / "articles", "PTC articles folder")
    labels = _need(root / "labels.tsv", "PTC labels file")
    spans: dict[str, list[tuple[str, int, int]]] = {}
    for number, line in enumerate(labels.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) < 4 or not cols[2].strip().isdigit() or not cols[3].strip().isdigit():
            raise InputError(f"{labels}, line {number}: expected 'ID<TAB>technique<TAB>start<TAB>end', got {line!r}")
        spans.setdefault(cols[0].strip(), []).append((cols[1].strip(), int(cols[2]), int(cols[3])))
    out = []
    for file in sorted(articles.glob("article*.txt")):
        art_id = file.stem[len("article") :]
        with open(file, encoding="utf-8", newline="") as fh:  # offsets count characters as stored
            text = fh.read()
        gold = []
        for label, start, end in sorted(spans.get(art_id, ()), key=lambda s: (s[1], s[2], s[0])):
            if techniques is not None and label not in techniques:
                continue
            if not 0 <= start <= end <= len(text):
                raise InputError(
                    f"{labels}: span [{start}, {end}) of article {art_id} is outside its {len(text)} characters"
                )
            gold.append(LabelledSpan(start, end, text[start:end], label=label))
        out.append(LabelledText(art_id, text, tuple(gold), meta={"source": "ptc"}))
    return out


def load_basil(path: str | Path) -> list[LabelledText]:
    """Read BASIL: ``articles/<year>/<id>.json`` and ``annotations/<year>/<id>_ann.json``.

    The text is the title, a blank line, then the body paragraphs separated by blank lines, the
    sentences of a paragraph joined by a space; annotation offsets (``p<k>`` = k-th body sentence,
    or ``title``) are moved into that text. ``meta`` holds ``source`` (fox/nyt/hpo, lower case),
    ``triplet``, ``title``, ``date`` and ``main_event``. Articles without an annotation file are
    returned with no spans.
    """
    root = Path(path)
    articles = _need(root / "articles", "BASIL articles folder")
    out = []
    for file in sorted(articles.rglob("*.json")):
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read BASIL article {file}: {exc}") from exc
        title = str(data.get("title") or "")
        parts: list[str] = [title] if title else []
        sentence_spans: list[Span] = []
        pos = len(title) + 2 if title else 0
        paragraphs = data.get("body-paragraphs") or []
        for p_index, paragraph in enumerate(paragraphs):
            if p_index or title:
                parts.append("\n\n")
            for s_index, sentence in enumerate(paragraph):
                if s_index:
                    parts.append(" ")
                    pos += 1
                sentence_spans.append(Span(pos, pos + len(sentence), sentence))
                parts.append(sentence)
                pos += len(sentence)
            pos += 2
        text = "".join(parts)
        ann_file = root / "annotations" / file.parent.relative_to(articles) / f"{file.stem}_ann.json"
        gold: list[LabelledSpan] = []
        if ann_file.exists():
            ann = json.loads(ann_file.read_text(encoding="utf-8"))
            for a in ann.get("phrase-level-annotations", []):
                sid = str(a.get("id", ""))
                if sid == "title":
                    base = 0
                elif sid[1:].isdigit() and int(sid[1:]) < len(sentence_spans):
                    base = sentence_spans[int(sid[1:])].start
                else:
                    raise InputError(f"{ann_file}: annotation id {sid!r} names no sentence of {file.name}")
                start, end = base + int(a["start"]), base + int(a["end"])
                quote = {"yes": True, "no": False}.get(str(a.get("quote", "")).lower())
                gold.append(LabelledSpan(start, end, text[start:end], label=str(a.get("bias", "")), quote=quote))
        gold.sort(key=lambda s: (s.start, s.end, s.label))
        meta = {
            "source": str(data.get("source", "")).lower(),
            "triplet": str(data.get("triplet-uuid", "")),
            "title": title,
            "date": str(data.get("date", "")),
            "main_event": str(data.get("main-event", "")),
        }
        out.append(LabelledText(file.stem, text, tuple(gold), tuple(sentence_spans), meta))
    return out


def load_babe(path: str | Path) -> list[BabeSentence]:
    """Read BABE's ``sentences.csv`` (semicolon-separated); ``path`` is the file or its folder.

    ``biased_words`` is parsed as a Python literal list with :func:`ast.literal_eval`, which
    evaluates literals only and never runs code.
    """
    file = Path(path)
    if file.is_dir():
        file = file / "sentences.csv"
    _need(file, "BABE sentences file")
    out = []
    with open(file, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            words: tuple[str, ...] = ()
            raw = (row.get("biased_words") or "").strip()
            if raw:
                try:
                    parsed = ast.literal_eval(raw)
                except (ValueError, SyntaxError):
                    parsed = []
                words = tuple(str(w) for w in parsed) if isinstance(parsed, (list, tuple)) else ()
            out.append(
                BabeSentence(
                    text=row.get("text") or "",
                    label=row.get("label_bias") or "",
                    outlet=row.get("outlet") or "",
                    topic=row.get("topic") or "",
                    type=row.get("type") or "",
                    opinion=row.get("label_opinion") or "",
                    biased_words=words,
                    url=row.get("news_link") or "",
                )
            )
    return out
