"""The report contract: a Comparison as plain data (``report.json``, schema version 1).

The layout is documented in ``docs/schema.md`` and checked by the JSON Schema shipped in
``mediadiff/schema/report.schema.json``. Lists are in canonical order and floats are rounded
to six decimals, so the same input always gives byte-identical JSON.

Public names
------------
SCHEMA_VERSION       the version of the report layout (bumped only for breaking changes).
comparison_to_dict   Comparison -> dict.
dumps                dict -> JSON text (no NaN or infinity; UTF-8 characters kept).
load_schema          the JSON Schema of ``report.json`` as a dict.
"""

from __future__ import annotations

import dataclasses
import json
import math
from importlib import resources
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..analysis import finding_kinds

if TYPE_CHECKING:
    from ..compare import Comparison

__all__ = ["SCHEMA_VERSION", "comparison_to_dict", "dumps", "load_schema"]

SCHEMA_VERSION = 1


def plain(value: Any) -> Any:
    """Turn dataclasses, tuples and floats into JSON-ready values (floats rounded to 6 places)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"a non-finite number ({value}) cannot go into a report")
        rounded = round(value, 6)
        return 0.0 if rounded == 0 else rounded
    return value


def _member(m: Any) -> dict[str, Any]:
    return {"outlet": m.outlet, "start": m.start, "end": m.end, "text": m.text, "sentence": m.sentence}


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """The report of a comparison as plain data in the documented layout."""
    alignment = comparison.alignment
    outlets = []
    for d in alignment.documents:
        a = d.article
        content = d.content_sentences
        outlets.append(
            {
                "id": a.outlet,
                "name": a.display_name,
                "title": a.title,
                "url": a.url,
                "published": a.published,
                "source": a.source_path.replace("\\", "/").rsplit("/", 1)[-1] if a.source_path else None,
                "n_chars": len(a.text),
                "n_words": sum(len(s.words) for s in content),
                "n_sentences": len(content),
                "boilerplate": [
                    {"start": b.start, "end": b.end, "text": b.text, "rule": getattr(b, "rule", "")}
                    for b in d.boilerplate
                ],
                "readability": comparison.readability.get(a.outlet, {}),
                "scores": comparison.scores.get(a.outlet, {}),
            }
        )
    passages = [
        {
            "id": p.id,
            "support": p.support,
            "outlets": list(p.outlets),
            "members": [_member(m) for m in p.members],
            "placement": comparison.placement.get(p.id, {}),
            "paraphrased": dict(sorted(getattr(comparison, "paraphrased", {}).get(p.id, {}).items())),
        }
        for p in alignment.passages
    ]
    report = {
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": "mediadiff", "version": __version__},
        "title": comparison.title,
        "options": comparison.options,
        "outlets": outlets,
        "similarity": {"outlets": list(alignment.outlets), "matrix": [list(row) for row in alignment.similarity]},
        "passages": passages,
        **{kind.name: comparison.findings.get(kind.name, ()) for kind in finding_kinds()},
        "warnings": list(comparison.warnings),
    }
    result: dict[str, Any] = plain(report)
    return result


def dumps(report: dict[str, Any]) -> str:
    """Serialise a report dict: two-space indent, UTF-8 kept, keys in layout order, no NaN."""
    return json.dumps(report, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every ``report.json`` validates against."""
    text = resources.files("mediadiff").joinpath("schema/report.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
