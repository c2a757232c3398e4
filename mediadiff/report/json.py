"""The report contract: a Comparison as plain data (``report.json``, schema version 2).

The layout is documented in ``docs/schema.md`` and checked by the JSON Schema shipped in
``mediadiff/schema/report.schema.json``. Lists are in canonical order and floats are rounded
to six decimals, so the same input always gives byte-identical JSON.

Public names
------------
SCHEMA_VERSION       the version of the report layout (bumped only for breaking changes).
comparison_to_dict   Comparison -> dict.
dumps                dict -> JSON text (no NaN or infinity; UTF-8 characters kept).
load_schema          the JSON Schema of ``report.json`` as a dict.
upgrade_report       a parsed version-1 ``report.json`` -> the version-2 dict (version 2 as it is).
"""

from __future__ import annotations

import dataclasses
import json
import math
from importlib import resources
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..analysis import finding_kinds
from ..errors import InputError, check_parameter

if TYPE_CHECKING:
    from ..compare import Comparison

__all__ = ["SCHEMA_VERSION", "comparison_to_dict", "dumps", "load_schema", "upgrade_report"]

SCHEMA_VERSION = 2


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


# --------------------------------------------------------------------------------------------
# Reading a version-1 report (docs/schema.md, "Changes from version 1")

Record = dict[str, Any]


def upgrade_report(report: dict[str, Any]) -> dict[str, Any]:
    """A parsed ``report.json`` in the current layout (schema version 2).

    A version-2 report is returned as it is. A version-1 report gives a new dict (the argument
    is left unchanged) with the changes that docs/schema.md lists: ``wording_shifts[].reference``
    is ``reference_outlet``; ``loaded_language[].counterpart`` and ``counterpart_outlet`` are
    ``reference_text`` and ``reference_outlet``, with ``reference_start`` and ``reference_end``
    None (version 1 kept no offsets for them); a quotation's ``speaker_start``/``speaker_end``
    of -1 is None; each of ``quote_alterations[]`` gains the ``passage`` of its quotation in
    ``quotes[]`` (None when the report lists no such quotation); a conflict value's empty
    ``unit`` or ``qualifier`` is None.

    Raises
    ------
    ParameterError
        ``report`` is not a dict.
    InputError
        Its ``schema_version`` is missing, or neither 1 nor 2.

    >>> v1 = {"schema_version": 1, "wording_shifts": [{"outlet": "b", "reference": "a", "start": 0}]}
    >>> v2 = upgrade_report(v1)
    >>> v2["schema_version"], v2["wording_shifts"]
    (2, [{'outlet': 'b', 'reference_outlet': 'a', 'start': 0}])
    >>> upgrade_report(v2) is v2
    True
    """
    ok = isinstance(report, dict)
    check_parameter("report", type(report).__name__, "a dict (a parsed report.json)", ok, "upgrade_report")
    version = report.get("schema_version")
    if type(version) is int and version == SCHEMA_VERSION:  # type(): True is no version
        return report
    if type(version) is not int or version != 1:
        raise InputError(
            f"this report has schema_version {version!r}; mediadiff {__version__} reads report.json "
            f"of schema version 1 and {SCHEMA_VERSION} (docs/schema.md)"
        )
    upgraded = dict(report, schema_version=SCHEMA_VERSION)
    quoted = {(q.get("outlet"), q.get("start"), q.get("end")): q.get("passage") for q in _records(report, "quotes")}
    for key, change in (
        ("wording_shifts", _shift_v2),
        ("loaded_language", _loaded_v2),
        ("quotes", _quote_v2),
        ("quote_alterations", lambda r: _alteration_v2(r, quoted)),
        ("conflicts", _conflict_v2),
    ):
        if isinstance(report.get(key), list):
            upgraded[key] = [change(r) if isinstance(r, dict) else r for r in report[key]]
    return upgraded


def _records(report: Record, key: str) -> list[Record]:
    """The dict records of a report's list ``key`` (none when it has no such list)."""
    found = report.get(key)
    return [r for r in found if isinstance(r, dict)] if isinstance(found, list) else []


def _renamed(record: Record, changes: dict[str, Record]) -> Record:
    """``record`` with each key of ``changes`` replaced, in its place, by the fields it maps to."""
    out: Record = {}
    for key, value in record.items():
        if key in changes:
            out.update(changes[key])
        else:
            out[key] = value
    return out


def _shift_v2(record: Record) -> Record:
    """A version-1 wording shift in version 2: ``reference`` is ``reference_outlet``."""
    return _renamed(record, {"reference": {"reference_outlet": record.get("reference")}})


def _loaded_v2(record: Record) -> Record:
    """A version-1 loaded-language finding in version 2: its counterpart is its reference."""
    reference = {
        "reference_outlet": record.get("counterpart_outlet"),
        "reference_start": None,
        "reference_end": None,
        "reference_text": record.get("counterpart"),
    }
    return _renamed(record, {"counterpart": reference, "counterpart_outlet": {}})


def _quote_v2(record: Record) -> Record:
    """A version-1 quotation in version 2: no speaker's offsets are None, not -1."""
    return {k: None if k in ("speaker_start", "speaker_end") and v == -1 else v for k, v in record.items()}


def _alteration_v2(record: Record, quoted: dict[tuple[Any, Any, Any], Any]) -> Record:
    """A version-1 quote alteration in version 2: with the passage of its quotation."""
    passage = quoted.get((record.get("outlet"), record.get("start"), record.get("end")))
    return _renamed(record, {"outlet": {"outlet": record.get("outlet"), "passage": passage}})


def _conflict_v2(record: Record) -> Record:
    """A version-1 conflict in version 2: a value's empty ``unit`` or ``qualifier`` is None."""
    values = record.get("values")
    if not isinstance(values, list):
        return dict(record)
    absent = ("unit", "qualifier")
    return dict(
        record,
        values=[
            {k: None if k in absent and v == "" else v for k, v in v_.items()} if isinstance(v_, dict) else v_
            for v_ in values
        ],
    )
