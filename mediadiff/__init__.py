"""mediadiff: compare how several news outlets cover the same event, with evidence.

Give it several articles about one story and it finds which passages are parallel across outlets,
what each outlet leaves out, where the same fact is told in other words, loaded language in an
outlet's own voice, altered quotes and conflicting numbers or names. Every finding carries
character offsets into the original text.

    >>> import mediadiff
    >>> articles = mediadiff.load_example("kestrel_leak")
    >>> comparison = mediadiff.compare(articles)          # doctest: +SKIP
    >>> comparison.write("report-folder")                 # doctest: +SKIP

The pipeline, one module a stage: ``load`` → ``segment`` → ``align`` → ``analysis`` (and
``loaded``) → ``report``. Heavy dependencies (scikit-learn, matplotlib, textstat) are imported
only where they are used, so ``import mediadiff`` stays light.
"""

from __future__ import annotations

from typing import Any

from ._version import __version__
from .align import Alignment, Member, Passage, align
from .compare import Analysis, Comparison, analyze, compare
from .document import Article, Attribution, Document, NameMention, NumberMention, Quotation, Sentence, Span, Token
from .errors import (
    DecodingError,
    EncodingFallbackWarning,
    InputError,
    InputWarning,
    MediadiffError,
    MediadiffWarning,
    OutputError,
    ParameterError,
)
from .examples import example_stories, load_example, load_gold
from .load import load
from .segment import segment

# Names whose modules pull in heavier code: imported on first use (PEP 562).
_LAZY = {
    "detect_loaded_language": "mediadiff.loaded",
    "Lexicon": "mediadiff.loaded",
    "LoadedSpan": "mediadiff.loaded",
    "cluster_stories": "mediadiff.corpus",
    "compare_corpus": "mediadiff.corpus",
    "profile_outlets": "mediadiff.corpus",
    "CorpusResult": "mediadiff.corpus",
    "OutletProfiles": "mediadiff.corpus",
    "plot": "mediadiff.plot",
}

__all__ = [
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


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module = importlib.import_module(_LAZY[name])
        value = module if module.__name__ == f"{__name__}.{name}" else getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'mediadiff' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
