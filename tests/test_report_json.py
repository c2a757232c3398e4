"""report.json: schema version 2 and the reader of version-1 reports (``upgrade_report``)."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
import pytest

import mediadiff
from mediadiff import InputError, ParameterError
from mediadiff.report.json import SCHEMA_VERSION, load_schema, upgrade_report

SCORES = {"omission": 0.0, "wording_shift": 0.2, "loaded_language": 0.0}


def _v1_report() -> dict[str, Any]:
    """A small version-1 report, written by hand as mediadiff 0.1 wrote them."""
    text_a = "The council cut the budget. “We will fight this,” the mayor said."
    text_b = "The council slashed the budget. “We will fight,” she said."
    return {
        "schema_version": 1,
        "generator": {"name": "mediadiff", "version": "0.1.0"},
        "title": "Budget",
        "options": {"min_support": 2},
        "outlets": [
            {"id": "a", "name": "A", "n_words": 11, "boilerplate": [], "readability": {}, "scores": SCORES},
            {"id": "b", "name": "B", "n_words": 10, "boilerplate": [], "readability": {}, "scores": SCORES},
        ],
        "similarity": {"outlets": ["a", "b"], "matrix": [[1.0, 0.8], [0.8, 1.0]]},
        "passages": [
            {
                "id": "P1",
                "support": 2,
                "outlets": ["a", "b"],
                "members": [
                    {"outlet": "a", "start": 0, "end": 27, "text": text_a[0:27], "sentence": 0},
                    {"outlet": "b", "start": 0, "end": 31, "text": text_b[0:31], "sentence": 0},
                ],
            }
        ],
        "omissions": [],
        "wording_shifts": [
            {
                "passage": "P1",
                "outlet": "b",
                "reference": "a",
                "start": 12,
                "end": 19,
                "text": "slashed",
                "reference_start": 12,
                "reference_end": 15,
                "reference_text": "cut",
                "kind": "intensity",
                "direction": "changed",
                "explanation": "Compared with a, b uses a stronger or weaker word.",
                "weight": 0.6,
            }
        ],
        "loaded_language": [
            {
                "outlet": "b",
                "start": 12,
                "end": 19,
                "text": "slashed",
                "category": "force",
                "score": 0.8,
                "in_quote": False,
                "counterpart": "cut",
                "counterpart_outlet": "a",
                "passage": "P1",
                "voice": "outlet",
                "source": None,
            },
            {
                "outlet": "a",
                "start": 40,
                "end": 45,
                "text": "fight",
                "category": "force",
                "score": 0.5,
                "in_quote": True,
                "counterpart": None,
                "counterpart_outlet": None,
                "passage": None,
                "voice": "source",
                "source": "the mayor",
            },
        ],
        "quotes": [
            {
                "outlet": "a",
                "start": 29,
                "end": 46,
                "text": text_a[29:46],
                "speaker": "the mayor",
                "speaker_start": 48,
                "speaker_end": 57,
                "passage": "P2",
                "closed": True,
            },
            {
                "outlet": "b",
                "start": 33,
                "end": 46,
                "text": text_b[33:46],
                "speaker": None,
                "speaker_start": -1,
                "speaker_end": -1,
                "passage": "P2",
                "closed": True,
            },
        ],
        "quote_alterations": [
            {
                "outlet": "b",
                "start": 33,
                "end": 46,
                "text": text_b[33:46],
                "reference_outlet": "a",
                "reference_start": 29,
                "reference_end": 46,
                "reference_text": text_a[29:46],
                "kind": "word_dropped",
                "words": [],
                "reference_words": ["this"],
                "explanation": "b quotes the speaker without words that the other outlets' version has (a's version).",
            }
        ],
        "conflicts": [
            {
                "kind": "number",
                "passage": "P1",
                "unit": "jobs",
                "values": [
                    {
                        "outlet": "a",
                        "start": 0,
                        "end": 7,
                        "text": "38 jobs",
                        "value": 38.0,
                        "low": 38.0,
                        "high": 38.0,
                        "unit": "jobs",
                        "qualifier": "",
                    },
                    {
                        "outlet": "b",
                        "start": 0,
                        "end": 13,
                        "text": "about 45 jobs",
                        "value": 45.0,
                        "low": 40.0,
                        "high": 50.0,
                        "unit": "",
                        "qualifier": "about",
                    },
                ],
                "explanation": "Outlets give different figures for the same thing.",
                "related": [],
            }
        ],
        "placement_shifts": [],
        "warnings": [],
    }


def test_a_version_1_report_reads_as_version_2() -> None:
    v1 = _v1_report()
    before = copy.deepcopy(v1)
    v2 = upgrade_report(v1)
    assert v1 == before, "the version-1 dict was changed"
    assert v2["schema_version"] == SCHEMA_VERSION == 2
    jsonschema.validate(v2, load_schema())
    [shift] = v2["wording_shifts"]
    assert "reference" not in shift and shift["reference_outlet"] == "a"
    assert list(shift)[:3] == ["passage", "outlet", "reference_outlet"]  # renamed in place
    slashed, fight = v2["loaded_language"]
    assert (slashed["reference_outlet"], slashed["reference_text"]) == ("a", "cut")
    assert slashed["reference_start"] is None and slashed["reference_end"] is None  # version 1 kept no offsets
    assert not {"counterpart", "counterpart_outlet"} & set(slashed)
    assert [fight[k] for k in ("reference_outlet", "reference_start", "reference_end", "reference_text")] == [None] * 4
    named, unnamed = v2["quotes"]
    assert (named["speaker_start"], named["speaker_end"]) == (48, 57)
    assert unnamed["speaker_start"] is None and unnamed["speaker_end"] is None
    assert v2["quote_alterations"][0]["passage"] == "P2"  # the passage of its quotation
    exact, vague = v2["conflicts"][0]["values"]
    assert exact["qualifier"] is None and exact["unit"] == "jobs"
    assert vague["unit"] is None and vague["qualifier"] == "about"
    # what did not change stays as it was
    for key in ("outlets", "passages", "omissions", "placement_shifts", "warnings", "similarity"):
        assert v2[key] == v1[key]


def test_a_version_2_report_is_returned_as_it_is() -> None:
    report = mediadiff.compare(mediadiff.load_example("library_reopening")).to_dict()
    assert upgrade_report(report) is report
    assert upgrade_report(upgrade_report(_v1_report())) == upgrade_report(_v1_report())


@pytest.mark.parametrize("version", [None, 0, 3, "1", True])
def test_an_unknown_schema_version_is_refused(version: Any) -> None:
    report = _v1_report()
    if version is None:
        del report["schema_version"]
    else:
        report["schema_version"] = version
    with pytest.raises(InputError, match="schema_version"):
        upgrade_report(report)


def test_only_a_dict_is_a_report() -> None:
    with pytest.raises(ParameterError, match="'report' parameter of upgrade_report"):
        upgrade_report("out/report.json")  # type: ignore[arg-type]
