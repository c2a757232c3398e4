"""Escaping and the small pieces of markup every part of ``report.html`` uses.

Private to :mod:`mediadiff.report` (``safe_url`` is public as :func:`mediadiff.report.html.safe_url`).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from .._presentation import finite


def _e(value: Any) -> str:
    """Escape any value for HTML text or a double-quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


#: A finite real number as a float, or None (booleans, strings and NaN are not numbers here).
_num = finite


def safe_url(url: Any) -> str | None:
    """``url`` if it is an absolute http(s) URL without spaces or control characters, else None.

    >>> safe_url("https://example.org/a?b=1")
    'https://example.org/a?b=1'
    >>> safe_url("javascript:alert(1)") is None, safe_url(" JaVaScRiPt:alert(1)") is None
    (True, True)
    >>> safe_url("data:text/html,<script>") is None
    True
    """
    if not isinstance(url, str) or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _outlet_cell(o: Mapping[str, Any]) -> str:
    name = _e(o.get("name") or o["id"])
    url = safe_url(o.get("url"))
    head = f'<a href="{_e(url)}" rel="noopener noreferrer nofollow">{name}</a>' if url else name
    extra = []
    if o.get("title"):
        extra.append(_e(o["title"]))
    if o.get("published"):
        extra.append(_e(o["published"]))
    if o.get("url") and not url:
        extra.append(f"URL not linked: {_e(o['url'])}")
    more = f'<div class="outlet-title">{" · ".join(extra)}</div>' if extra else ""
    return f'<div class="outlet-name">{head}</div>{more}'
