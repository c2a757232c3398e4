"""``mediadiff corpus``: compare every story of a corpus from the command line.

``mediadiff corpus INPUT --out DIR [--engine local|dask] [--scheduler ADDR] [--jobs N]``

INPUT is either

* a JSONL file, one article per line: ``outlet`` and ``text``, optionally ``title``, ``url``,
  ``published`` and ``story`` (the story's id). Articles with a ``story`` are grouped by it (in
  the order the ids first appear); articles without one are grouped into stories with
  :func:`mediadiff.corpus.cluster.cluster_stories` and come after;
* or a folder of story folders: each subfolder is one story (its name is the story's id) and
  holds that story's article files, read with :func:`mediadiff.load.load` by the worker.

The run writes into DIR what :func:`mediadiff.corpus.batch.compare_corpus` writes, then the
outlet profiles (``profiles.json``, ``profiles.md``, ``profiles.pdf``) of every story in
``scores.jsonl`` unless ``--no-profiles``. Errors are :class:`~mediadiff.errors.MediadiffError`
subclasses, for the front end to print as one line.

Public names
------------
add_corpus_parser   add the ``corpus`` sub-command to an argparse sub-parsers object.
run_corpus          run it from parsed arguments; return the exit status.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import warnings
from pathlib import Path
from typing import Any

from ..document import Article
from ..errors import InputError, InputWarning

__all__ = ["add_corpus_parser", "run_corpus"]

#: The corpus JSONL is read whole: refuse files above this size (2 GB) with a clear message.
MAX_JSONL_BYTES = 2_000_000_000


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, got {number}")
    return number


def add_corpus_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``corpus`` to the sub-parsers of ``mediadiff``'s parser; return its parser.

    The parser defines ``--quiet`` and ``--debug`` like the other commands, so that the front
    end's error handling applies to it unchanged.
    """
    from .batch import ENGINES

    p: argparse.ArgumentParser = subparsers.add_parser(
        "corpus",
        help="compare every story of a corpus (JSONL of articles, or a folder of story folders)",
        description="Compare every story of a corpus, in parallel on this machine or on a Dask cluster. INPUT is a "
        "JSONL file (outlet, text, optional title, url, published, story; articles without a story are clustered "
        "into stories) or a folder of story folders. Writes one report per story, scores.jsonl, errors.jsonl and "
        "the outlet profiles into --out; an interrupted run resumes where it stopped.",
    )
    p.add_argument("input", metavar="INPUT", help="a .jsonl file of articles, or a folder of story folders")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (created if needed)")
    p.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="'local': processes on this machine (default); 'dask': a Dask cluster (mediadiff[dask])",
    )
    p.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDR",
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (with --engine dask; default: start a "
        "local cluster of --jobs workers)",
    )
    p.add_argument(
        "--jobs",
        type=_positive_int,
        default=None,
        metavar="N",
        help="worker processes (default: the number of CPUs; 1: everything in this process)",
    )
    p.add_argument(
        "--min-support",
        type=_positive_int,
        default=2,
        metavar="N",
        help="an omission needs at least N other outlets carrying the passage (default 2)",
    )
    p.add_argument(
        "--restart",
        action="store_true",
        help="compute every story again (default: skip the stories already complete in --out)",
    )
    p.add_argument("--no-profiles", action="store_true", help="do not write the outlet profiles")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--quiet", action="store_true", help="print nothing but errors")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    return p


def _read_jsonl_corpus(path: Path) -> list[Any]:
    """The stories of a corpus JSONL: ``(story, articles)`` pairs, then clustered piles as lists."""
    from ..load import decode, load_file

    # load_file checks every record (text, outlet, optional fields) and decodes the file; the
    # story ids are read from the same lines beside it.
    articles = load_file(path, max_bytes=MAX_JSONL_BYTES)
    text, _ = decode(path.read_bytes(), source=str(path))
    records = [json.loads(line) for line in text.splitlines() if line.strip()]
    if len(records) != len(articles):  # pragma: no cover - both skip the same blank lines
        raise InputError(f"{path}: could not match records to articles")
    grouped: dict[str, list[Article]] = {}
    loose: list[Article] = []
    lineno = 0
    for record, article in zip(records, articles, strict=True):
        lineno += 1
        if not any(record.get(k) not in (None, "") for k in ("outlet", "source")):
            raise InputError(f"{path} (record {lineno}): missing the 'outlet' field (each article needs its outlet)")
        story = record.get("story")
        if story in (None, ""):
            loose.append(article)
        elif isinstance(story, (str, int)) and not isinstance(story, bool):
            grouped.setdefault(str(story), []).append(article)
        else:
            raise InputError(f"{path} (record {lineno}): 'story' must be a string or an integer, got {story!r}")
    stories: list[Any] = list(grouped.items())
    if loose:
        from .cluster import cluster_stories

        stories.extend(cluster_stories(loose))
    return stories


def _story_folders(folder: Path) -> list[tuple[str, str]]:
    """The story folders of a corpus folder, sorted by name: ``(story id, path)``."""
    subfolders: list[Path] = []
    loose: list[Path] = []
    for child in sorted(folder.iterdir(), key=lambda c: c.name):
        if child.name.startswith("."):
            continue
        (subfolders if child.is_dir() else loose).append(child)
    if not subfolders:
        raise InputError(
            f"{folder}: holds no story folders; give a folder with one subfolder of article files per story, "
            "or a .jsonl file of articles"
        )
    if loose:
        warnings.warn(
            f"{folder}: skipped {len(loose)} file(s) beside the story folders: "
            + ", ".join(c.name for c in loose[:10])
            + (" ..." if len(loose) > 10 else ""),
            InputWarning,
            stacklevel=3,
        )
    return [(child.name, str(child)) for child in subfolders]


def read_corpus(path: str | os.PathLike[str]) -> list[Any]:
    """The stories of a corpus INPUT (JSONL file or folder of story folders), as compare_corpus takes them."""
    p = Path(path)
    if p.is_dir():
        return _story_folders(p)
    if not p.exists():
        raise InputError(f"{p}: no such file or directory")
    if p.suffix.lower() != ".jsonl":
        raise InputError(f"{p}: expected a .jsonl file of articles or a folder of story folders")
    return _read_jsonl_corpus(p)


def run_corpus(args: argparse.Namespace) -> int:
    """Run ``mediadiff corpus`` from parsed arguments; return the exit status (0).

    Raises :class:`~mediadiff.errors.MediadiffError` subclasses for bad input or options; a
    story that fails is recorded in ``errors.jsonl`` and counted, and the run goes on.
    """
    from .batch import compare_corpus
    from .profiles import profile_outlets

    quiet = bool(getattr(args, "quiet", False))

    def say(*parts: object) -> None:
        if not quiet:
            print(*parts, file=sys.stderr)

    stories = read_corpus(args.input)
    say(f"mediadiff: {len(stories)} stories in {args.input}")
    progress = not (quiet or getattr(args, "no_progress", False))
    log = logging.getLogger("mediadiff.corpus")
    handler = logging.StreamHandler(sys.stderr)  # without tqdm, progress comes as log lines: show them
    handler.setFormatter(logging.Formatter("%(message)s"))
    previous_level = log.level
    if progress:
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    try:
        result = compare_corpus(
            stories,
            engine=args.engine,
            n_jobs=args.jobs,
            out=args.out,
            progress=progress,
            scheduler=args.scheduler,
            resume=not getattr(args, "restart", False),
            compare_options={"min_support": getattr(args, "min_support", 2)},
        )
    finally:
        if progress:
            log.removeHandler(handler)
            log.setLevel(previous_level)
    out = Path(args.out)
    written = [str(result.scores_path)]
    if not getattr(args, "no_profiles", False) and result.scores_path is not None and result.scores_path.exists():
        profiles = profile_outlets(result.scores_path)
        if len(profiles):
            (out / "profiles.json").write_text(profiles.to_json(), encoding="utf-8")
            (out / "profiles.md").write_text(profiles.to_markdown(), encoding="utf-8")
            written += [str(out / "profiles.json"), str(out / "profiles.md"), profiles.to_pdf(out / "profiles.pdf")]
    for w in written:
        say(f"mediadiff: wrote {w}")
    if not quiet:
        failed = f", {result.n_failed} failed (see {result.errors_path})" if result.n_failed else ""
        print(
            f"{result.n_stories} stories: {result.n_done} compared, {result.n_recovered + result.n_skipped} "
            f"already done{failed} in {result.seconds:.1f} s"
        )
    return 0
