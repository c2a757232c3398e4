"""Loading: files, directories and records -> :class:`~mediadiff.document.Article`.

Formats, chosen by file extension:

``.txt`` ``.md``   one article; if the first line is followed by a blank line it is the title
                   (the text keeps everything, title included).
``.html`` ``.htm`` one article; the visible text, extracted with the standard library (scripts,
                   styles, comments and the ``<head>`` dropped, block elements end lines); the
                   title from ``<title>`` or the first ``<h1>``.
``.json``          one article object, or a list of them.
``.jsonl``         one article object per line (blank lines skipped).
``.csv``           one article per row; columns ``text`` (or ``body``), ``outlet`` (or
                   ``source``), and optionally ``title``, ``name``, ``url``, ``published``.

Records (JSON, JSONL, CSV) need a ``text``/``body`` string; the outlet id defaults to the file
stem (with ``-2``, ``-3``... for further records of one file). Decoding: UTF-8 (with or without
BOM), UTF-16 or UTF-32 with BOM; otherwise the legacy fallback cp1252 (then latin-1) with an
:class:`~mediadiff.errors.EncodingFallbackWarning`. Files with NUL bytes and no UTF-16/32 BOM, or
with the signature of a known binary format (PNG, PDF, ZIP, GIF, JPEG), are rejected with a
:class:`~mediadiff.errors.DecodingError`. Every error names the file and the reason.

Public names
------------
load            paths -> list of Article.
load_file       one file -> list of Article.
decode          bytes -> (text, encoding name).
html_to_text    HTML -> (visible text, title).
SUPPORTED_EXTENSIONS
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import json
import os
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Union

from .boilerplate import detect_boilerplate
from .document import Article
from .errors import DecodingError, EncodingFallbackWarning, InputError, InputWarning

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_EXTENSIONS", "PathLike", "decode", "html_to_text", "load", "load_file"]

PathLike = Union[str, "os.PathLike[str]"]

SUPPORTED_EXTENSIONS: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv")

#: Files larger than this are refused (a clear error, not a slow run); change with ``max_bytes``.
DEFAULT_MAX_BYTES = 20_000_000

_BINARY_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (docx/xlsx?)",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
}


def decode(data: bytes, *, source: str = "<bytes>") -> tuple[str, str]:
    """Decode file bytes to text; return ``(text, encoding)``.

    UTF-8 (a BOM is dropped), UTF-16/32 with BOM, else cp1252 then latin-1 with a warning.

    >>> decode("café".encode("utf-8"))
    ('café', 'utf-8')
    >>> decode(codecs.BOM_UTF16_LE + "hi".encode("utf-16-le"))
    ('hi', 'utf-16')
    """
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name), "utf-8" if name == "utf-8-sig" else name
            except UnicodeDecodeError as exc:
                raise DecodingError(f"{source}: starts with a {name} byte-order mark but is not valid {name}: {exc.reason}") from exc
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise DecodingError(f"{source}: this is {what}, not text")
    if b"\x00" in data:
        raise DecodingError(f"{source}: contains NUL bytes and no UTF-16 byte-order mark; it looks like a binary file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for legacy in ("cp1252", "latin-1"):
        try:
            text = data.decode(legacy)
        except UnicodeDecodeError:
            continue
        warnings.warn(
            f"{source}: not valid UTF-8; decoded as {legacy} (legacy fallback). Check accented letters and quotes.",
            EncodingFallbackWarning,
            stacklevel=3,
        )
        return text, legacy
    raise DecodingError(f"{source}: could not be decoded")  # pragma: no cover - latin-1 decodes any bytes


class _VisibleText(HTMLParser):
    """Collect the visible text of an HTML page; block elements end lines."""

    _SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
    _BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
              "header", "footer", "blockquote", "tr", "table", "figure", "figcaption", "hr", "main", "nav", "aside", "pre"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title: str | None = None
        self.h1: str | None = None
        self._in: list[str] = []
        self._capture: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP and tag != "head":
            self.skip_depth += 1
        if tag in ("title", "h1"):
            self._in.append(tag)
            self._capture = []
        if tag in self._BLOCK:
            self.parts.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote") else "\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and tag != "head" and self.skip_depth:
            self.skip_depth -= 1
        if self._in and self._in[-1] == tag:
            self._in.pop()
            captured = " ".join("".join(self._capture).split())
            if tag == "title" and self.title is None and captured:
                self.title = captured
            if tag == "h1" and self.h1 is None and captured:
                self.h1 = captured
        if tag in self._BLOCK:
            self.parts.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote") else "\n")

    def handle_data(self, data: str) -> None:
        if self._in:
            self._capture.append(data)
        if self.skip_depth or (self._in and self._in[-1] == "title"):
            return
        self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str | None]:
    """Extract the visible text and the title of an HTML page.

    >>> html_to_text("<html><head><title>T</title><script>x()</script></head><body><p>One.</p><p>Two</p></body></html>")
    ('One.\\n\\nTwo', 'T')
    """
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in raw.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text, parser.title or parser.h1


_TEXT_KEYS = ("text", "body")
_OUTLET_KEYS = ("outlet", "source")
_OPTIONAL_KEYS = ("title", "name", "url", "published")


def _article_from_record(record: Any, *, source: str, where: str, default_outlet: str) -> Article:
    if not isinstance(record, Mapping):
        raise InputError(f"{source}{where}: expected an object with a 'text' field, got {type(record).__name__}")
    text_key = next((k for k in _TEXT_KEYS if k in record), None)
    if text_key is None:
        raise InputError(f"{source}{where}: missing the 'text' (or 'body') field")
    text = record[text_key]
    if not isinstance(text, str):
        raise InputError(f"{source}{where}: field {text_key!r} must be a string, got {type(text).__name__}")
    outlet = default_outlet
    for key in _OUTLET_KEYS:
        if record.get(key) not in (None, ""):
            outlet = record[key]
            if not isinstance(outlet, str):
                raise InputError(f"{source}{where}: field {key!r} must be a string, got {type(outlet).__name__}")
            break
    extra: dict[str, str | None] = {}
    for key in _OPTIONAL_KEYS:
        value = record.get(key)
        if value in (None, ""):
            extra[key] = None
        elif isinstance(value, (int, float)) and key == "published":
            extra[key] = str(value)
        elif not isinstance(value, str):
            raise InputError(f"{source}{where}: field {key!r} must be a string, got {type(value).__name__}")
        else:
            extra[key] = value
    return Article(outlet=outlet, text=text, source_path=source, **extra)


def _title_of_plain_text(text: str) -> str | None:
    """The first line that is not boilerplate, if a blank line follows it."""
    chrome = {b.start for b in detect_boilerplate(text)}
    for m in re.finditer(r"[ \t]*([^\r\n]*?)[ \t]*(?:\r\n|\r|\n|$)", text):
        if not m.group(1):
            if m.end() >= len(text):
                return None
            continue
        if m.start(1) in chrome:
            continue
        rest = text[m.end():]
        return m.group(1) if re.match(r"[ \t]*(?:\r\n|\r|\n)", rest) else None
    return None


def load_file(path: PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Load the articles of one file (one for text and HTML, any number for JSON, JSONL and CSV).

    Raises :class:`InputError` naming the file and the reason: unsupported extension, too
    large, unreadable, empty, not text, malformed records.
    """
    p = Path(path)
    source = str(path)
    ext = p.suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        raise InputError(f"{source}: unsupported file type {ext or '(none)'!r}; expected one of {', '.join(SUPPORTED_EXTENSIONS)}")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(f"{source}: file is {size:,} bytes, over the limit of {max_bytes:,} bytes (raise max_bytes to allow it)")
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{source}: cannot be read ({exc.strerror or exc})") from exc
    text, encoding = decode(data, source=source)
    if not text.strip():
        raise InputError(f"{source}: the file is empty" if not text else f"{source}: the file holds only white space")
    stem = p.stem
    if ext in (".txt", ".md"):
        return [Article(outlet=stem, text=text, title=_title_of_plain_text(text), source_path=source, encoding=encoding)]
    if ext in (".html", ".htm"):
        visible, title = html_to_text(text)
        if not visible.strip():
            raise InputError(f"{source}: the HTML page has no visible text")
        return [Article(outlet=stem, text=visible, title=title, source_path=source, encoding=encoding)]
    records: list[tuple[str, Any]] = []
    if ext == ".json":
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{source}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
        items = loaded if isinstance(loaded, list) else [loaded]
        records = [(f" (item {i + 1})" if isinstance(loaded, list) else "", item) for i, item in enumerate(items)]
    elif ext == ".jsonl":
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append((f" (line {lineno})", json.loads(line)))
            except json.JSONDecodeError as exc:
                raise InputError(f"{source} (line {lineno}): invalid JSON: {exc.msg}") from exc
    else:  # .csv
        reader = csv.DictReader(io.StringIO(text, newline=""))
        fields = {f.strip().lower() for f in (reader.fieldnames or [])}
        if not fields & set(_TEXT_KEYS):
            raise InputError(f"{source}: the CSV has no 'text' or 'body' column (columns: {', '.join(sorted(fields)) or 'none'})")
        for i, row in enumerate(reader):
            clean = {(k or "").strip().lower(): v for k, v in row.items() if k is not None}
            records.append((f" (row {i + 2})", clean))
    if not records:
        raise InputError(f"{source}: holds no article records")
    articles = []
    for i, (where, record) in enumerate(records):
        default = stem if i == 0 else f"{stem}-{i + 1}"
        article = _article_from_record(record, source=source, where=where, default_outlet=default)
        articles.append(dataclasses.replace(article, encoding=encoding))
    return articles


def _expand(path: Path) -> list[Path]:
    """The files to load for one path: itself, or a directory's supported, non-hidden files."""
    if path.is_dir():
        files, skipped = [], []
        for child in sorted(path.iterdir(), key=lambda c: c.name):
            if child.name.startswith("."):
                continue
            if child.is_file() and child.suffix.lower() in SUPPORTED_EXTENSIONS:
                files.append(child)
            else:
                skipped.append(child.name + ("/" if child.is_dir() else ""))
        if skipped:
            warnings.warn(
                f"{path}: skipped {len(skipped)} entr{'y' if len(skipped) == 1 else 'ies'} that are not article files: "
                + ", ".join(skipped[:10]) + (" ..." if len(skipped) > 10 else ""),
                InputWarning,
                stacklevel=3,
            )
        if not files:
            raise InputError(f"{path}: the directory holds no article files ({', '.join(SUPPORTED_EXTENSIONS)})")
        return files
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    return [path]


def load(paths: PathLike | Iterable[PathLike], *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Load articles from a file, a directory, or a list of files and directories.

    A directory contributes its supported files (sorted by name; hidden files and subfolders
    skipped with an :class:`~mediadiff.errors.InputWarning` naming them). Raises
    :class:`InputError` for a missing path, an unusable file, or an outlet id given twice.
    """
    if isinstance(paths, (str, os.PathLike)):
        items: Sequence[PathLike] = [paths]
    elif isinstance(paths, bytes):
        raise InputError("load() takes paths as str or pathlib.Path, not bytes")
    else:
        items = list(paths)
        if not items:
            raise InputError("load() was given no paths")
    articles: list[Article] = []
    for item in items:
        for file in _expand(Path(item)):
            articles.extend(load_file(file, max_bytes=max_bytes))
    seen: dict[str, str | None] = {}
    for a in articles:
        if a.outlet in seen:
            raise InputError(
                f"outlet id {a.outlet!r} comes twice ({seen[a.outlet]} and {a.source_path}); outlet ids must be unique"
            )
        seen[a.outlet] = a.source_path
    return articles
