"""Loading: files, directories and records -> :class:`~mediadiff.document.Article`.

Formats, chosen by file extension:

``.txt`` ``.md``   one article; if the first line is followed by a blank line it is the title
                   (the text keeps everything, title included). A front-matter block at the top
                   (``---``, ``name:``, ``url:``, ``date:``, ``title:`` lines, ``---``) gives the
                   outlet's display name, url, date and title; it stays in the text, as
                   boilerplate (not content), so offsets are unchanged.
``.html`` ``.htm`` one article; the article's visible text, extracted with the standard library
                   (scripts, styles, comments, hidden elements and page chrome such as ``<nav>``,
                   ``<aside>``, ``<footer>``, a site ``<header>`` and blocks whose class names
                   chrome (menus, share buttons, related links, comments, promotions) left out;
                   the article body found by paragraph scores, as readability does; block
                   elements end lines); the title from ``<title>``
                   (without a " | Site" suffix that ``og:title`` or the ``<h1>`` confirms), else
                   ``og:title``, else the ``<h1>``. See :func:`html_to_text`.
``.json``          one article object, or a list of them.
``.jsonl``         one article object per line (blank lines skipped).
``.csv``           one article per row; columns ``text`` (or ``body``), ``outlet`` (or
                   ``source``), and optionally ``title``, ``name``, ``url``, ``published`` (or
                   ``date``, as in front matter).

A folder contributes its supported files; one that holds no article (empty, white space only,
no visible text, no records) is skipped with an :class:`~mediadiff.errors.InputWarning`.
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
html_to_text    HTML -> (article text, title).
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
from pathlib import Path
from typing import Any, Union

from ._html import extract
from .boilerplate import detect_boilerplate, front_matter
from .document import Article
from .errors import DecodingError, EncodingFallbackWarning, InputError, InputWarning

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_EXTENSIONS", "PathLike", "decode", "html_to_text", "load", "load_file"]

PathLike = Union[str, "os.PathLike[str]"]

SUPPORTED_EXTENSIONS: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv")

#: Files larger than this are refused (a clear error, not a slow run); change with ``max_bytes``.
DEFAULT_MAX_BYTES = 20_000_000


class _NoArticleError(InputError):
    """A file that holds no article at all (empty, white space only, no visible text, no records).

    Inside a folder such a file is skipped with a warning; named on its own it is an error.
    """


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
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name), "utf-8" if name == "utf-8-sig" else name
            except UnicodeDecodeError as exc:
                raise DecodingError(
                    f"{source}: starts with a {name} byte-order mark but is not valid {name}: {exc.reason}"
                ) from exc
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


def html_to_text(html: str) -> tuple[str, str | None]:
    """Extract the visible text and the title of an HTML page.

    The text is what a reader sees of the article: scripts, styles, comments and hidden
    elements are never part of it, and neither is page chrome: ``<nav>``, ``<aside>``,
    ``<footer>``, ``<figcaption>``, a site ``<header>`` (one outside ``<article>`` and ``<main>``),
    elements with the matching ARIA roles, a ``<form>`` holding less than half of the page's
    words (a search box; not a form that wraps the article), and elements whose ``class`` or
    ``id`` names chrome (menu, share, related, comments, promo, newsletter, cookie, ad ...)
    unless it also names content or the element holds most of the page. The article body is
    then found as readability finds it: each paragraph of 25 characters or more scores its
    ancestors by its length and commas (``<article>``, ``itemprop="articleBody"`` and content
    class names add, chrome class names take away, links discount); the best element is kept
    with its siblings that score nearly as well or are plain paragraphs, and link lists,
    teasers and forms inside it are dropped. A page with no such paragraph keeps all its text
    outside chrome. The headline ``<h1>`` comes first if the kept text lacks it. Block
    elements end lines. Standard library only; about 15 ms for a typical news page.

    The title is the ``<title>``, else ``og:title``, else the headline ``<h1>``; a trailing
    " | Site" or " - Site" is dropped when ``og:title`` or the ``<h1>`` confirms the shorter title.

    >>> html_to_text("<html><head><title>T</title><script>x()</script></head><body><p>One.</p><p>Two</p></body></html>")
    ('One.\\n\\nTwo', 'T')
    >>> html_to_text("<title>Bridge opens | The Ledger</title><nav>Home</nav><h1>Bridge opens</h1><p>It opened.</p>")
    ('Bridge opens\\n\\nIt opened.', 'Bridge opens')
    """
    return extract(html)


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
        if value in (None, "") and key == "published":
            value = record.get("date")  # the front-matter name of the field
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
        rest = text[m.end() :]
        return m.group(1) if re.match(r"[ \t]*(?:\r\n|\r|\n)", rest) else None
    return None


def _read_bytes(p: Path, source: str, max_bytes: int) -> bytes:
    """The file's bytes; an :class:`InputError` when it is over ``max_bytes`` or cannot be read."""
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{source}: file is {size:,} bytes, over the limit of {max_bytes:,} bytes (raise max_bytes to allow it)"
            )
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"{source}: cannot be read ({exc.strerror or exc})") from exc


def _plain_text_article(text: str, *, stem: str, source: str, encoding: str) -> Article:
    """A .txt or .md file's article: outlet name, url, date and title from its front matter, if any."""
    block = front_matter(text)
    fields = block[1] if block is not None else {}
    meta = {
        key: fields.get(key) or fields.get(alias) or None
        for key, alias in (("name", "outlet"), ("url", "link"), ("published", "date"), ("title", "headline"))
    }
    title = meta.pop("title") or _title_of_plain_text(text)
    return Article(outlet=stem, text=text, title=title, source_path=source, encoding=encoding, **meta)


def _html_article(text: str, *, stem: str, source: str, encoding: str) -> Article:
    """An HTML page's article: its visible text and title (:func:`html_to_text`)."""
    visible, title = html_to_text(text)
    if not visible.strip():
        raise _NoArticleError(f"{source}: the HTML page has no visible text")
    return Article(outlet=stem, text=visible, title=title, source_path=source, encoding=encoding)


def _json_records(text: str, source: str) -> list[tuple[str, Any]]:
    """A .json file's records: one object, or each item of a list, with where each stands."""
    try:
        loaded = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    items = loaded if isinstance(loaded, list) else [loaded]
    return [(f" (item {i + 1})" if isinstance(loaded, list) else "", item) for i, item in enumerate(items)]


def _jsonl_records(text: str, source: str) -> list[tuple[str, Any]]:
    """A .jsonl file's records: one per non-blank line, with its line number."""
    records: list[tuple[str, Any]] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append((f" (line {lineno})", json.loads(line)))
        except json.JSONDecodeError as exc:
            raise InputError(f"{source} (line {lineno}): invalid JSON: {exc.msg}") from exc
    return records


def _csv_records(text: str, source: str) -> list[tuple[str, Any]]:
    """A .csv file's records: one per row (column names stripped and in lower case), with its row number."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = {f.strip().lower() for f in (reader.fieldnames or [])}
    if not columns & set(_TEXT_KEYS):
        raise InputError(
            f"{source}: the CSV has no 'text' or 'body' column (columns: {', '.join(sorted(columns)) or 'none'})"
        )
    return [
        (f" (row {i + 2})", {(k or "").strip().lower(): v for k, v in row.items() if k is not None})
        for i, row in enumerate(reader)
    ]


#: The record formats: extension -> its reader (text, source) -> [(where, record)].
_RECORD_READERS = {".json": _json_records, ".jsonl": _jsonl_records, ".csv": _csv_records}


def _record_articles(records: list[tuple[str, Any]], *, stem: str, source: str, encoding: str) -> list[Article]:
    """The articles of a record file; outlet ids default to the stem, then ``stem-2``, ``stem-3`` ..."""
    if not records:
        raise _NoArticleError(f"{source}: holds no article records")
    articles = []
    for i, (where, record) in enumerate(records):
        default = stem if i == 0 else f"{stem}-{i + 1}"
        article = _article_from_record(record, source=source, where=where, default_outlet=default)
        articles.append(dataclasses.replace(article, encoding=encoding))
    return articles


def load_file(path: PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Load the articles of one file (one for text and HTML, any number for JSON, JSONL and CSV).

    Raises :class:`InputError` naming the file and the reason: unsupported extension, too
    large, unreadable, empty, not text, malformed records.
    """
    p = Path(path)
    source = str(path)
    ext = p.suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        raise InputError(
            f"{source}: unsupported file type {ext or '(none)'!r}; expected one of {', '.join(SUPPORTED_EXTENSIONS)}"
        )
    data = _read_bytes(p, source, max_bytes)
    text, encoding = decode(data, source=source)  # here, so that a fallback warning points at the caller
    if not text.strip():
        raise _NoArticleError(
            f"{source}: the file is empty" if not text else f"{source}: the file holds only white space"
        )
    if ext in (".txt", ".md"):
        return [_plain_text_article(text, stem=p.stem, source=source, encoding=encoding)]
    if ext in (".html", ".htm"):
        return [_html_article(text, stem=p.stem, source=source, encoding=encoding)]
    records = _RECORD_READERS[ext](text, source)
    return _record_articles(records, stem=p.stem, source=source, encoding=encoding)


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
                + ", ".join(skipped[:10])
                + (" ..." if len(skipped) > 10 else ""),
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
    skipped with an :class:`~mediadiff.errors.InputWarning` naming them). A file in a directory
    that holds no article (empty, white space only, an HTML page with no visible text, a JSON or
    CSV file with no records) is skipped with an :class:`~mediadiff.errors.InputWarning` naming
    it; named on its own, it is an error. Raises :class:`InputError` for a missing path, an
    unusable file, a directory with no article, or an outlet id given twice.

    Parameters
    ----------
    paths : path or iterable of paths
        Files (txt, md, html, json, jsonl, csv) and directories.
    max_bytes : int, default 20,000,000
        Largest file read; a bigger one is an :class:`InputError` naming it (a guard against
        loading a data dump by mistake; alignment time grows with the text).

    Returns
    -------
    list of Article
        One per article, in the order given (a directory's files by name).
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
        path = Path(item)
        in_folder = path.is_dir()
        files = _expand(path)
        skipped = 0
        for file in files:
            try:
                articles.extend(load_file(file, max_bytes=max_bytes))
            except _NoArticleError as exc:
                if not in_folder:
                    raise
                warnings.warn(f"{exc}; skipped", InputWarning, stacklevel=2)
                skipped += 1
        if in_folder and skipped == len(files):
            raise InputError(
                f"{path}: the directory holds no article ({skipped} empty file{'s' if skipped != 1 else ''} skipped)"
            )
    seen: dict[str, str | None] = {}
    for a in articles:
        if a.outlet in seen:
            raise InputError(
                f"outlet id {a.outlet!r} comes twice ({seen[a.outlet]} and {a.source_path}); outlet ids must be unique"
            )
        seen[a.outlet] = a.source_path
    return articles
