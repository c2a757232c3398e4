"""compare(): the one place that runs the pipeline in order.

load → segment → align → analyse (omissions, wording, loaded language, quotes, conflicts,
placement, readability) → :class:`Comparison`, which renders itself to the report contract
(``report.json``, schema version 1) and writes report files.

Public names
------------
compare       articles -> Comparison.
analyze       one article -> its loaded language and readability (no comparison needed).
Comparison    the result of a comparison: alignment, findings, scores; ``to_dict``, ``to_json``, ``write``.
told_in_other_words   the outlets that tell a passage in other words (the reports' "≈").
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ._input_checks import ENGLISH_SHARE_THRESHOLD as ENGLISH_SHARE_THRESHOLD
from ._input_checks import LONG_ARTICLE_FACTOR as LONG_ARTICLE_FACTOR
from ._input_checks import check_articles, content_warnings, off_story_warnings
from .align import Alignment, Passage, align
from .document import Article, Document
from .errors import InputError, InputWarning, check_parameter, is_int, plain

__all__ = ["Analysis", "Comparison", "analyze", "compare", "told_in_other_words"]

#: A callback told of progress: ``progress(stage_name, done, total)``.
ProgressCallback = Callable[[str, int, int], None]

#: The measures compare takes beside the findings (``passages[].placement``, ``outlets[].readability``).
_MEASURES = ("placement", "readability")


@dataclass(frozen=True)
class Comparison:
    """The result of :func:`compare`: the alignment, every finding, and per-outlet scores.

    ``findings`` holds, for every registered finding kind (:func:`mediadiff.analysis.finding_kinds`),
    a tuple of frozen dataclasses in the canonical order of the report, also read as an attribute
    named after the kind (``comparison.omissions``, ``comparison.wording_shifts``, ...); offsets
    point into each outlet's original ``Article.text``. ``scores[outlet]`` holds the scores the
    kinds give (``omission``, ``wording_shift`` and ``loaded_language``).
    """

    alignment: Alignment
    findings: dict[str, tuple[Any, ...]]
    placement: dict[str, dict[str, float]]
    readability: dict[str, dict[str, Any]]
    scores: dict[str, dict[str, Any]]
    options: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    title: str | None = None
    #: passage id -> {outlet: closeness} for the outlets that tell the passage in other words
    #: (:func:`told_in_other_words`); every report format shows "≈" from this one field.
    paraphrased: dict[str, dict[str, float]] = field(default_factory=dict)

    def __getattr__(self, name: str) -> tuple[Any, ...]:
        """The findings of the kind called ``name`` (``comparison.omissions``)."""
        if not name.startswith("_") and name != "findings" and name in self.__dict__.get("findings", {}):
            found: tuple[Any, ...] = self.__dict__["findings"][name]
            return found
        raise AttributeError(f"'Comparison' object has no attribute {name!r}")

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(self.findings))

    @property
    def documents(self) -> tuple[Document, ...]:
        """The segmented articles, sorted by outlet id."""
        return self.alignment.documents

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlet ids, sorted."""
        return self.alignment.outlets

    @property
    def passages(self) -> tuple[Passage, ...]:
        """The aligned passages (see :func:`mediadiff.align`)."""
        return self.alignment.passages

    def __repr__(self) -> str:
        """One line: the outlets and how many findings of each kind (the dataclass repr would
        print every article and finding)."""
        outlets = ", ".join(self.outlets[:4]) + (f", … {len(self.outlets) - 4} more" if len(self.outlets) > 4 else "")
        counts = "".join(f"{len(self.findings.get(k.name, ()))} {k.plural}, " for k in _kinds() if k.headline)
        return (
            f"<Comparison of {len(self.outlets)} outlets ({outlets}): {len(self.passages)} passages, "
            f"{counts}{_n(len(self.warnings), 'warning')}>"
        )

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data, following ``docs/schema.md`` (schema version 1)."""
        from .report.json import comparison_to_dict

        return comparison_to_dict(self)

    def to_json(self) -> str:
        """The report as a JSON string: byte-identical for identical input."""
        from .report.json import dumps

        return dumps(self.to_dict())

    def key_findings(self, *, limit: int = 10) -> list[str]:
        """The key findings as plain-language sentences, most telling first (as in the reports).

        For example: "The Patriot Post omits the response “Dr. Nadia Ferrante … disputed the
        audit.”, carried by 4 of 5 outlets."
        """
        from ._summary import key_findings

        return key_findings(self.to_dict(), limit=limit)

    def to_frames(self) -> dict[str, Any]:
        """The report as pandas DataFrames, one per table (needs pandas: ``pip install 'mediadiff[pandas]'``).

        Keys: ``outlets`` (one row per outlet, scores and readability as columns), ``passages``
        (one row per member), ``omissions``, ``wording_shifts``, ``loaded_language``, ``quotes``,
        ``quote_alterations``, ``placement_shifts`` (one row per finding; lists of outlets or
        sources such as ``carried_by`` and ``silenced`` as tuples) and ``conflicts`` (one row per
        competing value, with the conflict's ``kind`` and ``passage``). A table with no rows keeps
        its columns (the fields of the finding it lists).
        """
        try:
            import pandas as pd
        except ImportError as exc:
            from .errors import MediadiffError

            raise MediadiffError("Comparison.to_frames() needs pandas: pip install 'mediadiff[pandas]'") from exc
        from .align import Member
        from .findings import flat_fields

        report = self.to_dict()
        outlets = []
        for o in report["outlets"]:
            row = {k: v for k, v in o.items() if k not in ("boilerplate", "readability", "scores")}
            row["n_boilerplate_lines"] = len(o["boilerplate"])
            row.update({k: v for k, v in o["scores"].items() if not isinstance(v, dict)})
            row.update({f"readability_{k}": v for k, v in o["readability"].items() if not isinstance(v, dict)})
            outlets.append(row)
        members = [
            {"passage": p["id"], "support": p["support"], **m, "placement": p.get("placement", {}).get(m["outlet"])}
            for p in report["passages"]
            for m in p["members"]
        ]
        # columns come from the dataclasses the rows are made of, so an empty table keeps them
        member_columns = ["passage", "support", "outlet", *(n for n in flat_fields(Member) if n != "outlet")]
        frames = {
            "outlets": pd.DataFrame(outlets),
            "passages": pd.DataFrame(members, columns=[*member_columns, "placement"]),
        }
        for kind in _kinds():
            records = report.get(kind.name, [])
            if kind.frame is not None:
                rows, columns = kind.frame(records)
            else:
                # lists of names (carried_by, silenced) stay as tuples; nested objects are left out
                columns = flat_fields(kind.record_type)
                rows = [
                    {k: (tuple(v) if isinstance(v, list) else v) for k, v in f.items() if k in columns} for f in records
                ]
            frames[kind.name] = pd.DataFrame(rows, columns=columns)
        return frames

    def write(self, out_dir: str, formats: Sequence[str] | None = None, *, overwrite: bool = True) -> list[str]:
        """Write the report files into ``out_dir`` (created if needed); return the paths written.

        ``formats`` is any of ``"json"``, ``"html"``, ``"md"``, ``"pdf"`` (default: every
        format available). Each file is written atomically; nothing outside ``out_dir`` is touched,
        and nothing is deleted: a report file of another format left there by an earlier run
        stays, named in a :class:`~mediadiff.errors.MediadiffWarning`.
        """
        from .report import write_report

        return write_report(self, out_dir, formats=formats, overwrite=overwrite)


def _kinds() -> tuple[Any, ...]:
    """The registered finding kinds (imported on use: the analysers are not needed to import mediadiff)."""
    from .analysis import finding_kinds

    return finding_kinds()


def _n(count: int, noun: str) -> str:
    """ "1 warning", "3 warnings"."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def told_in_other_words(
    alignment: Alignment, omissions: Sequence[Any], *, min_support: int = 2
) -> dict[str, dict[str, float]]:
    """The outlets that tell a passage in other words: passage id -> {outlet: closeness}.

    An outlet tells a passage in other words when it does not carry it, enough other outlets
    carry it for its absence to be an omission (``min_support``; one when only two outlets are
    on the story), it is on the story, and still the omission finder reported no omission: it
    has a piece close to the passage (``closeness``, :meth:`Alignment.closeness`) that the
    aligner kept apart. This is the one notion of "≈" that the HTML, Markdown, JSON and PDF
    reports show.
    """
    from .analysis.omissions import off_story

    away = set(off_story(alignment))
    on_story = [o for o in alignment.outlets if o not in away]
    if len(on_story) < 2:
        return {}
    need = 1 if len(on_story) == 2 else min_support
    omitted = {(om.passage, om.outlet) for om in omissions}
    out: dict[str, dict[str, float]] = {}
    for p in alignment.passages:
        carriers = [o for o in p.outlets if o in on_story]
        if len(carriers) < need:
            continue
        told = {
            o: round(alignment.closeness(p.id, o), 6)
            for o in on_story
            if o not in p.outlets and (p.id, o) not in omitted
        }
        if told:
            out[p.id] = told
    return out


def compare(
    articles: Sequence[Article | Document],
    *,
    min_support: int = 2,
    lexicon: Any = None,
    align_options: dict[str, Any] | None = None,
    title: str | None = None,
    progress: ProgressCallback | None = None,
) -> Comparison:
    """Compare several outlets' articles about one story.

    Parameters
    ----------
    articles : sequence of Article (or segmented Document)
        Two or more articles, one per outlet (outlet ids must be unique).
    min_support : int, default 2
        An outlet omits a passage when at least this many other outlets carry it.
    lexicon : Lexicon or None, default None
        The loaded-language lexicon (None: mediadiff's own, see ``docs/lexicon.md``).
    align_options : dict or None
        Keyword options passed to :func:`mediadiff.align`.
    title : str or None
        The story's title for reports (default: the first article's title).
    progress : callable or None
        Called as ``progress(stage, done, total)`` after each stage.

    Returns
    -------
    Comparison
    """
    check_parameter("min_support", min_support, "an int >= 1", is_int(min_support) and min_support >= 1)
    documents = check_articles(articles, 2)
    kinds = _kinds()
    tick = _ticker(progress, 2 + len(kinds) + len(_MEASURES))
    tick("segment")
    alignment = align(documents, **(align_options or {}))
    tick("align")
    options = {"min_support": min_support, "lexicon": lexicon}
    findings = _find_all(alignment, kinds, options, tick)
    positions, reading = _measures(alignment, tick)
    notes = content_warnings(alignment.documents) + off_story_warnings(alignment)
    for note in notes:
        warnings.warn(note, InputWarning, stacklevel=2)
    story_title = title or next((d.article.title for d in alignment.documents if d.article.title), None)
    return Comparison(
        alignment=alignment,
        findings=findings,
        placement=positions,
        readability=reading,
        scores=_scores(alignment, kinds, findings, options),
        options={"min_support": plain(min_support), "align": plain(dict(sorted((align_options or {}).items())))},
        warnings=tuple(notes),
        title=story_title,
        paraphrased=told_in_other_words(alignment, findings.get("omissions", ()), min_support=min_support),
    )


def _ticker(progress: ProgressCallback | None, total: int) -> Callable[[str], None]:
    """A function to call after each stage: it tells ``progress`` (if any) the stage and count."""
    step = iter(range(1, total + 1))

    def tick(stage: str) -> None:
        n = next(step)
        if progress is not None:
            progress(stage, n, total)

    return tick


def _find_all(
    alignment: Alignment, kinds: Sequence[Any], options: dict[str, Any], tick: Callable[[str], None]
) -> dict[str, tuple[Any, ...]]:
    """Every registered kind's findings, in registry order (a finder reads those before it)."""
    findings: dict[str, tuple[Any, ...]] = {}
    for kind in kinds:
        findings[kind.name] = tuple(kind.find(alignment, findings, options))
        tick(kind.name)
    return findings


def _measures(
    alignment: Alignment, tick: Callable[[str], None]
) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, Any]]]:
    """Where each passage sits in each outlet, and each outlet's readability."""
    from .analysis.placement import placement
    from .analysis.readability import readability

    positions = placement(alignment)
    tick("placement")
    reading = {d.outlet: readability(d) for d in alignment.documents}
    tick("readability")
    return positions, reading


def _scores(
    alignment: Alignment, kinds: Sequence[Any], findings: dict[str, tuple[Any, ...]], options: dict[str, Any]
) -> dict[str, dict[str, Any]]:
    """outlet -> the score fields every kind with a scorer gives it, in registry order."""
    scores: dict[str, dict[str, Any]] = {o: {} for o in alignment.outlets}
    for kind in kinds:
        if kind.score is None:
            continue
        given = kind.score(alignment, findings[kind.name], options)
        for o in alignment.outlets:
            scores[o].update(given.get(o, {}))
    return scores


@dataclass(frozen=True)
class Analysis:
    """What mediadiff can say of one article alone: loaded language (content only) and readability."""

    document: Document
    loaded_language: tuple[Any, ...]
    readability: dict[str, Any]
    warnings: tuple[str, ...] = ()

    def __repr__(self) -> str:
        """One line: the outlet, its size and what was found (the dataclass repr would print the
        whole segmented article, tens of kilobytes).

        >>> import warnings
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     print(analyze(Article("wire", "Critics slammed the plan on Monday.")))
        <Analysis of 'wire': 6 words in 1 sentence, 1 loaded-language span, 1 warning; Flesch reading ease 88.0>
        """
        words = sum(len(s.words) for s in self.document.content_sentences)
        ease = self.readability.get("flesch_reading_ease")
        reading = f"; Flesch reading ease {ease:.1f}" if isinstance(ease, (int, float)) else ""
        return (
            f"<Analysis of {self.document.outlet!r}: {_n(words, 'word')} in "
            f"{_n(len(self.document.content_sentences), 'sentence')}, {_n(len(self.loaded_language), 'loaded-language span')}, "
            f"{_n(len(self.warnings), 'warning')}{reading}>"
        )


def analyze(article: Article, *, lexicon: Any = None) -> Analysis:
    """Analyse a single article: loaded language (with ``in_quote``) and readability.

    What needs no other outlet: omissions, wording shifts, altered quotes and conflicts are
    comparisons and come from :func:`compare`.

    Parameters
    ----------
    article : Article
        One article.
    lexicon : Lexicon or None, default None
        The loaded-language lexicon (None: mediadiff's own, see ``docs/lexicon.md``).

    Returns
    -------
    Analysis
        The segmented document, its loaded-language spans (content sentences only; quotations
        marked ``in_quote``), its readability measures and any input warnings (also issued as
        :class:`~mediadiff.errors.InputWarning`).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")  # a very short article warns
    ...     result = analyze(Article("wire", "Critics slammed the plan on Monday."))
    >>> [(s.text, s.category) for s in result.loaded_language]
    [('slammed', 'force')]
    """
    if not isinstance(article, Article):
        raise InputError(f"analyze() expects one mediadiff.Article, got {type(article).__name__}")
    from .analysis.readability import readability
    from .loaded import detect_loaded_language
    from .segment import segment

    document = segment(article)
    notes = content_warnings([document])
    for note in notes:
        warnings.warn(note, InputWarning, stacklevel=2)
    spans = detect_loaded_language(document, lexicon=lexicon)
    return Analysis(
        document=document, loaded_language=tuple(spans), readability=readability(document), warnings=tuple(notes)
    )
