"""Command-line front end: ``mediadiff compare``, ``demo`` and ``corpus``; no logic of its own.

Exit status: 0 on success; 2 on bad input or usage, after one line ``mediadiff: error: ...`` on
standard error (``--debug`` shows the traceback instead); 1 on an unexpected internal error.
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import __version__

if TYPE_CHECKING:
    from .document import Article

__all__ = ["main"]


def _formats(value: str) -> list[str]:
    from .report import FORMATS

    chosen = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(unknown) or value!r}; choose from {','.join(FORMATS)}"
        )
    return chosen


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mediadiff",
        description="Compare how several outlets cover one story: parallel passages, omissions, wording "
        "shifts, loaded language, altered quotes and conflicting facts, with offsets into the texts.",
    )
    parser.add_argument("--version", action="version", version=f"mediadiff {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(p: argparse.ArgumentParser, out_required: bool = True) -> None:
        p.add_argument(
            "--out", required=out_required, metavar="DIR", help="folder for the report files (created if needed)"
        )
        p.add_argument(
            "--format",
            type=_formats,
            default=None,
            metavar="FORMATS",
            help="comma-separated formats among json,html,md,pdf (default: all available)",
        )
        p.add_argument(
            "--min-support",
            type=int,
            default=2,
            metavar="N",
            help="an omission needs at least N other outlets carrying the passage (default 2)",
        )
        p.add_argument("--no-overwrite", action="store_true", help="fail if the folder already holds a report")
        p.add_argument("--quiet", action="store_true", help="print nothing but errors")
        p.add_argument("--debug", action="store_true", help="show tracebacks")

    p_compare = sub.add_parser(
        "compare",
        help="compare articles given as files or folders",
        description="Compare articles (.txt .md .html .json .jsonl .csv; folders are read "
        "for such files). Each file's stem is its outlet id unless the record names one.",
    )
    p_compare.add_argument("paths", nargs="+", metavar="PATH")
    p_compare.add_argument("--max-bytes", type=int, default=None, metavar="N", help="refuse files larger than N bytes")
    common(p_compare)

    p_demo = sub.add_parser(
        "demo",
        help="run on a bundled example story",
        description="Compare the outlets of a bundled fictional example story.",
    )
    p_demo.add_argument("--story", default=None, help="which bundled story (default: the first; see --list)")
    p_demo.add_argument("--list", action="store_true", help="list the bundled stories and exit")
    common(p_demo, out_required=False)

    from .corpus._cli import add_corpus_parser

    add_corpus_parser(sub)
    return parser


def _too_few(paths: Sequence[str], articles: Sequence[Article]) -> str:
    """The one-line error for ``mediadiff compare`` given fewer than two articles, naming what came."""
    given = ", ".join(paths)
    found = ", ".join(str(a.source_path or a.outlet) for a in articles)
    where = given if found in ("", given) else f"{given} ({found})"
    return (
        f"compare needs at least 2 articles (one per outlet), got {len(articles)} from {where}; "
        "give two or more article files, or a folder holding them"
    )


def _run(args: argparse.Namespace) -> int:
    if args.command == "corpus":
        from .corpus._cli import run_corpus

        return run_corpus(args)
    from .compare import compare
    from .errors import InputError
    from .examples import example_stories, load_example, story_info
    from .load import DEFAULT_MAX_BYTES, load

    def say(*parts: object) -> None:
        if not args.quiet:
            print(*parts, file=sys.stderr)

    if args.no_overwrite:
        from .report import refuse_existing

        refuse_existing(args.out, args.format)  # before the work, not after it
    title = None
    if args.command == "demo":
        story = args.story or example_stories()[0]
        articles = load_example(story)
        title = story_info(story)["title"]
        say(f"mediadiff: demo story {story!r}: {len(articles)} outlets")
    else:
        try:
            articles = load(args.paths, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES)
        except InputError as exc:
            raise InputError(_cli_wording(str(exc))) from exc
        if len(articles) < 2:
            raise InputError(_too_few(args.paths, articles))
        say(f"mediadiff: loaded {len(articles)} articles")

    def progress(stage: str, done: int, total: int) -> None:
        say(f"mediadiff: [{done}/{total}] {stage}")

    comparison = compare(articles, min_support=args.min_support, title=title, progress=progress)
    paths = comparison.write(args.out, formats=args.format, overwrite=not args.no_overwrite)
    for p in paths:
        say(f"mediadiff: wrote {p}")
    if not args.quiet:
        from .analysis import finding_kinds

        counts = [f"{len(comparison.findings.get(k.name, ()))} {k.plural}" for k in finding_kinds() if k.headline]
        print(", ".join([f"{len(comparison.passages)} passages", *counts]))
    return 0


def _cli_wording(message: str) -> str:
    """A loader's message in the command line's terms: a file over the size limit is allowed
    with ``--max-bytes``, the option this command has for the library's ``max_bytes``.

    >>> _cli_wording("a.txt: file is 30 bytes, over the limit of 20 bytes (raise max_bytes to allow it)")
    'a.txt: file is 30 bytes, over the limit of 20 bytes (allow larger files with --max-bytes N, e.g. --max-bytes 30)'
    """
    if "over the limit" not in message or "--max-bytes" in message:
        return message
    size = re.search(r"file is ([\d,]+) bytes", message)
    example = f", e.g. --max-bytes {size.group(1).replace(',', '')}" if size else ""
    hint = f"(allow larger files with --max-bytes N{example})"
    return re.sub(r"\(raise max_bytes[^)]*\)", hint, message) if "(raise max_bytes" in message else f"{message} {hint}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    if args.command == "demo" and args.list:
        from .examples import example_stories, story_info

        for story in example_stories():
            print(f"{story}: {story_info(story)['title']}")
        return 0
    if args.out is None:
        parser.error("the following arguments are required: --out")
    from .errors import MediadiffError

    try:
        with warnings.catch_warnings():
            if args.quiet:
                warnings.simplefilter("ignore")
            else:
                warnings.showwarning = lambda message, category, *a, **k: print(
                    f"mediadiff: warning: {message}", file=sys.stderr
                )
            return _run(args)
    except MediadiffError as exc:
        if args.debug:
            raise
        print(f"mediadiff: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("mediadiff: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # an internal error: say so in one line unless --debug
        if args.debug:
            raise
        print(
            f"mediadiff: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
