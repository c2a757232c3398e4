"""The public surface: pinned names, docstrings, type hints, a light import, the schema file."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys

import mediadiff

PUBLIC = [
    "Alignment",
    "Analysis",
    "Article",
    "Attribution",
    "Comparison",
    "CorpusResult",
    "DecodingError",
    "Document",
    "EncodingFallbackWarning",
    "InputError",
    "InputWarning",
    "Lexicon",
    "LoadedSpan",
    "MediadiffError",
    "MediadiffWarning",
    "Member",
    "NameMention",
    "NumberMention",
    "OutletProfiles",
    "OutputError",
    "ParameterError",
    "Passage",
    "Quotation",
    "Sentence",
    "Span",
    "Token",
    "__version__",
    "align",
    "analyze",
    "cluster_stories",
    "compare",
    "compare_corpus",
    "detect_loaded_language",
    "example_stories",
    "load",
    "load_example",
    "load_gold",
    "plot",
    "profile_outlets",
    "segment",
]


def test_public_names_are_pinned() -> None:
    assert sorted(mediadiff.__all__) == sorted(PUBLIC)
    assert mediadiff.__all__ == sorted(mediadiff.__all__)


def test_every_public_name_is_documented_and_typed() -> None:
    for name in mediadiff.__all__:
        obj = getattr(mediadiff, name)
        if name == "__version__" or inspect.ismodule(obj):
            continue
        assert inspect.getdoc(obj), name
        if inspect.isfunction(obj):
            hints = obj.__annotations__
            assert "return" in hints, name
            params = [
                p for p in inspect.signature(obj).parameters.values() if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)
            ]
            assert all(p.name in hints for p in params), name


def test_import_is_light() -> None:
    code = "import sys, mediadiff; print(sorted(m for m in ('sklearn', 'matplotlib', 'textstat', 'numpy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_py_typed_and_schema_ship_with_the_package() -> None:
    from importlib import resources

    root = resources.files("mediadiff")
    assert root.joinpath("py.typed").is_file()
    schema = json.loads(root.joinpath("schema/report.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["schema_version"] == {"const": 2}


def test_results_print_in_one_short_line():
    """Issue 20: ``print(mediadiff.analyze(article))`` printed the whole segmented article (30 KB)."""
    import warnings

    import mediadiff

    articles = mediadiff.load_example("clinic_closure")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysis = mediadiff.analyze(articles[0])
        comparison = mediadiff.compare(articles)
    for result in (analysis, comparison):
        text = repr(result)
        assert len(text) < 300 and "\n" not in text and str(result) == text
    assert repr(analysis).startswith(f"<Analysis of {articles[0].outlet!r}: ")
    assert f"{len(comparison.omissions)} omissions" in repr(comparison)
