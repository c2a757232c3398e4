"""Reports: render a Comparison to files.

Each format is one renderer from the report's plain dict (or the Comparison, for charts) to
``str``/``bytes``; :func:`write_report` writes them atomically (a temporary file in the same
folder, then a rename), so a failure never leaves a half-written report, and it writes nothing
outside the output folder (file names are fixed; outlet ids never become paths). It deletes
nothing either: a report file of another format left by an earlier run is named in a warning.

Public names
------------
FORMATS        format name -> file name, in the default order.
write_report   Comparison -> files in a folder.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._io import atomic_write
from ..errors import MediadiffWarning, OutputError, check_parameter

if TYPE_CHECKING:
    from ..compare import Comparison

__all__ = ["FORMATS", "available_formats", "write_report"]

#: Format name -> file name written into the output folder.
FORMATS: dict[str, str] = {"json": "report.json", "html": "report.html", "md": "report.md", "pdf": "charts.pdf"}


Renderer = Callable[[dict[str, Any]], bytes]


def _render_json(report: dict[str, Any]) -> bytes:
    from .json import dumps

    return dumps(report).encode("utf-8")


def _renderers() -> dict[str, Renderer]:
    """The renderers that exist in this installation, by format name: report dict -> file bytes."""
    found: dict[str, Renderer] = {"json": _render_json}
    try:
        from .html import render_html

        found["html"] = lambda report: render_html(report).encode("utf-8")
    except ImportError:
        pass
    try:
        from .markdown import render_markdown

        found["md"] = lambda report: render_markdown(report).encode("utf-8")
    except ImportError:
        pass
    try:
        from ..plot import render_pdf

        found["pdf"] = render_pdf
    except ImportError:
        pass
    return found


def available_formats() -> tuple[str, ...]:
    """The report formats this installation can write, in the default order."""
    have = _renderers()
    return tuple(f for f in FORMATS if f in have)


def refuse_existing(out_dir: str | os.PathLike[str], formats: Sequence[str] | None = None) -> None:
    """Raise :class:`~mediadiff.errors.OutputError` when ``out_dir`` already holds a report file
    of one of ``formats`` (default: every available one): what ``overwrite=False`` refuses,
    checked before a long comparison rather than after it."""
    out = Path(out_dir)
    chosen = available_formats() if formats is None else formats
    existing = [str(out / FORMATS[f]) for f in dict.fromkeys(chosen) if f in FORMATS and (out / FORMATS[f]).exists()]
    if existing:
        raise OutputError(
            f"{out}: already holds {', '.join(existing)} (pass overwrite=True to replace them; "
            "on the command line, leave out --no-overwrite)"
        )


def write_report(
    comparison: Comparison,
    out_dir: str | os.PathLike[str],
    *,
    formats: Sequence[str] | None = None,
    overwrite: bool = True,
) -> list[str]:
    """Write the chosen formats of a comparison's report into ``out_dir``; return the paths.

    Files already in ``out_dir`` are never deleted: a report file of a format not chosen this
    time (``report.html`` beside a new ``report.json``, say) stays, and a
    :class:`~mediadiff.errors.MediadiffWarning` names it as left from an earlier run.

    Raises :class:`~mediadiff.errors.OutputError` when the folder cannot be created or
    written, or when ``overwrite`` is false and a report file is already there, and
    :class:`~mediadiff.errors.ParameterError` for an unknown format.
    """
    renderers = _renderers()
    chosen = list(available_formats() if formats is None else formats)
    for f in chosen:
        check_parameter("formats", f, f"one of {', '.join(FORMATS)}", f in FORMATS, owner="write_report")
        if f not in renderers:
            raise OutputError(f"the {f!r} format is not available in this installation")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the output folder ({exc.strerror or exc})") from exc
    if not out.is_dir():
        raise OutputError(f"{out}: is not a folder")
    targets = [(f, out / FORMATS[f]) for f in dict.fromkeys(chosen)]
    if not overwrite:
        refuse_existing(out, chosen)
    report = comparison.to_dict()
    rendered: list[tuple[Path, bytes]] = [(path, renderers[f](report)) for f, path in targets]
    written = []
    for path, data in rendered:
        try:
            atomic_write(path, data)
        except OSError as exc:
            raise OutputError(f"{path}: cannot be written ({exc.strerror or exc})") from exc
        written.append(str(path))
    rewritten = {path for _, path in targets}
    for name in FORMATS.values():
        stale = out / name
        if stale not in rewritten and stale.exists():
            warnings.warn(
                f"{stale} is from an earlier run; not rewritten (formats: {', '.join(f for f, _ in targets)})",
                MediadiffWarning,
                stacklevel=2,
            )
    return written
