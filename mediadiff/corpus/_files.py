"""The output folder of a batch run: story folders, ``corpus.json``, resume state, in-order writers.

Private to :mod:`mediadiff.corpus.batch` (which re-exports :func:`story_folder`); the layout is
described there.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from .._io import atomic_write
from ..document import Article
from ..errors import OutputError, ParameterError

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"COM{i}" for i in range(1, 10)] + [f"LPT{i}" for i in range(1, 10)]
)


def story_folder(story: str) -> str:
    """The folder name of a story under ``out/stories/``: safe on every file system.

    Letters, digits, ``.``, ``_`` and ``-`` are kept (at most 80 characters, no leading dot);
    anything else becomes ``_``, and then a hash of the original id is appended, so that two
    ids never share a folder and no id can name a path outside ``out/stories/``.

    >>> story_folder("kestrel_leak")
    'kestrel_leak'
    >>> story_folder("../../etc/passwd")
    'etc_passwd-936d7c04'
    >>> story_folder("a/b") != story_folder("a_b")
    True
    """
    cleaned = _UNSAFE.sub("_", story).lstrip("._-")[:80].rstrip(".")
    if cleaned == story and cleaned.split(".")[0].upper() not in _WINDOWS_RESERVED:
        return cleaned
    digest = hashlib.sha1(story.encode("utf-8")).hexdigest()[:8]
    return f"{cleaned}-{digest}" if cleaned else f"story-{digest}"


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.endswith("\n") and line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError:
                    continue


def check_run_options(out: Path, options: dict[str, Any], resume: bool) -> None:
    """Write ``out/corpus.json``; refuse to resume a run made with other compare options."""
    from .. import __version__

    path = out / "corpus.json"
    wanted = {"compare_options": options}
    if resume and path.exists():
        try:
            had = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            had = None
        if isinstance(had, dict) and had.get("compare_options") != json.loads(json.dumps(options)):
            raise ParameterError(
                f"{out}: holds a run made with other compare options ({had.get('compare_options')!r}, now "
                f"{options!r}); start again with resume=False (on the command line: --restart), or use another folder"
            )
    record = {**wanted, "mediadiff_version": __version__}
    atomic_write(path, (json.dumps(record, sort_keys=True, indent=2) + "\n").encode("utf-8"), make_parents=True)


def complete_stories(out: Path) -> set[str]:
    """Stories whose report exists and whose score lines are all in ``scores.jsonl``.

    ``scores.jsonl`` is rewritten without any other line: a run that stopped may leave a story's
    lines half written (those lines, and a last line cut short, are dropped so that the story is
    written again whole), and a story whose report was deleted is compared again.
    """
    path = out / "scores.jsonl"
    if not path.exists():
        return set()
    counts: dict[str, list[int]] = {}
    for rec in read_jsonl(path):
        story, n = rec.get("story"), rec.get("n_outlets")
        if isinstance(story, str) and isinstance(n, int):
            counts.setdefault(story, [0, n])[0] += 1
    complete = {
        s
        for s, (seen, n) in counts.items()
        if seen == n and (out / "stories" / story_folder(s) / "report.json").is_file()
    }
    fd, tmp = tempfile.mkstemp(prefix=".scores.jsonl.", suffix=".tmp", dir=out)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as dst, path.open(encoding="utf-8") as src:
        for line in src:
            if not line.endswith("\n") or not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if rec.get("story") in complete:
                dst.write(line)
    os.replace(tmp, path)
    return complete


def dumps_line(record: Mapping[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"


class Output:
    """The output folder of a run (or none, when ``out`` is None): which stories are complete,
    where each story's report goes, and ``scores.jsonl`` and ``errors.jsonl`` written in story order.

    Made before the engine starts: creates the folder, writes ``corpus.json`` (refusing to resume
    a run made with other options) and reads which stories are complete (``resume``) or starts
    ``scores.jsonl`` afresh.
    """

    def __init__(self, out: Path | None, options: dict[str, Any], resume: bool) -> None:
        self.dir = out
        self.resume = resume
        self.complete: set[str] = set()
        self._scores: IO[str] | None = None
        self._errors: IO[str] | None = None
        if out is None:
            return
        try:
            (out / "stories").mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{out}: cannot create the output folder ({exc.strerror or exc})") from exc
        check_run_options(out, options, resume)
        if resume:
            self.complete = complete_stories(out)
        else:
            (out / "scores.jsonl").unlink(missing_ok=True)

    def task(self, story: str, given: list[Article] | str) -> tuple[list[Article] | str | None, str | None] | None:
        """What a worker gets for ``story``: its articles and where to write its report; articles
        None when the report exists but not its score lines (rebuilt from the report); None when
        the story is complete (skipped)."""
        if self.dir is None:
            return given, None
        report = self.dir / "stories" / story_folder(story) / "report.json"
        if self.resume and report.exists():
            return None if story in self.complete else (None, str(report))
        return given, str(report)

    def open(self) -> None:
        """Open ``scores.jsonl`` (appended to) and ``errors.jsonl`` (rewritten by every run)."""
        if self.dir is not None:
            self._scores = (self.dir / "scores.jsonl").open("a", encoding="utf-8", newline="\n")
            self._errors = (self.dir / "errors.jsonl").open("w", encoding="utf-8", newline="\n")

    def write(self, records: Sequence[Mapping[str, Any]], failure: Mapping[str, Any] | None) -> None:
        """One story's score lines, or its error line, flushed at once."""
        if self._scores is not None and records:
            self._scores.write("".join(dumps_line(r) for r in records))
            self._scores.flush()
        if self._errors is not None and failure is not None:
            self._errors.write(dumps_line(failure))
            self._errors.flush()

    def close(self) -> None:
        for fh in (self._scores, self._errors):
            if fh is not None:
                fh.close()
