"""What a batch run is given: the stories (each with an id) and the options, checked.

Private to :mod:`mediadiff.corpus.batch`.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..document import Article
from ..errors import InputError, ParameterError, check_parameter, is_int, plain
from ._engines import ENGINES

OWNER = "compare_corpus"


def _content_id(articles: Sequence[Article]) -> str:
    """A story id from its content: independent of the order of its articles."""
    h = hashlib.sha1()
    for outlet, text in sorted((a.outlet, a.text) for a in articles):
        h.update(outlet.encode("utf-8") + b"\0" + hashlib.sha1(text.encode("utf-8")).digest())
    return f"story-{h.hexdigest()[:12]}"


def _as_article_list(value: Any, where: str) -> list[Article]:
    if isinstance(value, (str, bytes, Article)) or not isinstance(value, Iterable):
        raise InputError(f"{where}: a story must be a list of mediadiff.Article, got {type(value).__name__}")
    items = list(value)
    for a in items:
        if not isinstance(a, Article):
            raise InputError(f"{where}: a story must hold mediadiff.Article objects, got {type(a).__name__}")
    return items


def stories(
    stories_or_articles: Any, cluster_options: Mapping[str, Any] | None
) -> tuple[Iterator[tuple[str, list[Article] | str]], int | None]:
    """Normalise the input to ``(story id, articles)`` pairs, lazily; and the count when known."""
    data = stories_or_articles
    if isinstance(data, (str, bytes)):
        raise InputError("compare_corpus() expects a list of stories or of articles, got a single string")
    if isinstance(data, Article):
        raise InputError("compare_corpus() expects a list of stories or of articles, got a single Article")
    if isinstance(data, Mapping):
        data = list(data.items())
    if not isinstance(data, Iterable):
        raise InputError(f"compare_corpus() expects a list of stories or of articles, got {type(data).__name__}")
    total = len(data) if isinstance(data, Sequence) else None
    iterator = iter(data)
    try:
        first = next(iterator)
    except StopIteration:
        return iter(()), 0
    if isinstance(first, Article):
        from .cluster import cluster_stories

        pile = [first, *iterator]
        for a in pile:
            if not isinstance(a, Article):
                raise InputError(f"compare_corpus(): a pile of articles holds a {type(a).__name__}")
        clustered = cluster_stories(pile, **dict(cluster_options or {}))
        return _identified(iter(clustered)), len(clustered)
    return _identified(_chain(first, iterator)), total


def _chain(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield first
    yield from rest


def _identified(items: Iterator[Any]) -> Iterator[tuple[str, list[Article] | str]]:
    """Give every story an id (its own, or one from its content); reject an id given twice.

    A story given as a folder path stays a path (its files are loaded by the worker).
    """
    seen: set[str] = set()
    for i, item in enumerate(items):
        where = f"story {i + 1}"
        articles: list[Article] | str
        if isinstance(item, tuple) and len(item) == 2 and not isinstance(item[0], Article):
            story_id, given = item
            if not isinstance(story_id, str) or not story_id.strip():
                raise InputError(f"{where}: a story id must be a non-empty string, got {story_id!r}")
            if story_id in seen:
                raise InputError(f"story id {story_id!r} is given twice; story ids must be unique")
            articles = (
                os.fspath(given)
                if isinstance(given, (str, os.PathLike))
                else _as_article_list(given, f"story {story_id!r}")
            )
        elif isinstance(item, (str, os.PathLike)):
            articles = os.fspath(item)
            story_id = Path(articles).name or articles
            if story_id in seen:
                raise InputError(f"story id {story_id!r} (folder {articles}) is given twice; story ids must be unique")
        else:
            articles = _as_article_list(item, where)
            story_id = base = _content_id(articles)
            n = 1
            while story_id in seen:  # the same articles given twice: keep both, numbered
                n += 1
                story_id = f"{base}-{n}"
        seen.add(story_id)
        yield story_id, articles


def check_options(
    engine: Any, n_jobs: Any, out: Any, compare_options: Any, client: Any, scheduler: Any, max_in_flight: Any
) -> dict[str, Any]:
    """Check the options of a run, in the order of the parameters; return the compare options."""
    check_parameter("engine", engine, f"one of {', '.join(map(repr, ENGINES))}", engine in ENGINES, owner=OWNER)
    check_parameter(
        "n_jobs",
        n_jobs,
        "None or an int >= 1",
        n_jobs is None or (is_int(n_jobs) and n_jobs >= 1),
        owner=OWNER,
    )
    check_parameter(
        "out", out, "None or a folder path", out is None or isinstance(out, (str, os.PathLike)), owner=OWNER
    )
    options = _compare_options(compare_options)
    check_parameter(
        "scheduler",
        scheduler,
        "None or an address such as 'tcp://host:8786'",
        scheduler is None or isinstance(scheduler, str),
        owner=OWNER,
    )
    check_parameter(
        "max_in_flight",
        max_in_flight,
        "None or an int >= 1",
        max_in_flight is None or (is_int(max_in_flight) and max_in_flight >= 1),
        owner=OWNER,
    )
    if engine == "local" and (client is not None or scheduler is not None):
        raise ParameterError("client= and scheduler= are for engine='dask'; the 'local' engine uses this machine")
    return options


def _compare_options(compare_options: Any) -> dict[str, Any]:
    """The compare() options of a run: keyword options of compare() with plain JSON values,
    sorted by name (as ``out/corpus.json`` records them)."""
    check_parameter(
        "compare_options",
        compare_options,
        "None or a dict of compare() options",
        compare_options is None or isinstance(compare_options, Mapping),
        owner=OWNER,
    )
    # NumPy numbers as plain ones, for corpus.json
    options: dict[str, Any] = {k: plain(v) for k, v in dict(compare_options or {}).items()}
    from ..compare import compare

    allowed = sorted(
        name
        for name, p in inspect.signature(compare).parameters.items()
        if p.kind is inspect.Parameter.KEYWORD_ONLY and name != "progress"
    )
    for key in sorted(options):
        check_parameter(
            "compare_options",
            key,
            f"a dict whose keys are compare() options ({', '.join(allowed)})",
            key in allowed,
            owner=OWNER,
        )
    try:
        json.dumps(options)
    except (TypeError, ValueError) as exc:
        raise ParameterError(
            f"The 'compare_options' parameter of {OWNER} must hold plain JSON values "
            f"(so that a resumed run can check them). Got {options!r} instead."
        ) from exc
    return dict(sorted(options.items()))
