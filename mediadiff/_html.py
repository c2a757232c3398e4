"""HTML page -> the article's text and title, with the standard library only (private; the public
name is :func:`mediadiff.load.html_to_text`).

The page is parsed into a light element tree (:class:`Node`), then, using only general
content-extraction signals (no rule keyed to a site):

1. **never text**: scripts, styles, hidden elements (``hidden``, ``display: none``, the usual
   screen-reader-only and hidden classes);
2. **page chrome** left out: ``<nav>``, ``<aside>``, ``<footer>``, ``<figcaption>``, ``<dialog>``,
   a site ``<header>``, their ARIA roles, a ``<form>`` holding less than half of the page's words,
   and elements whose ``class``/``id`` names chrome (navigation, menus, share and social buttons,
   related and recommended links, comments, promotions, newsletters, cookie notices, ads) unless
   they also name content ("article", "body", "content" ...) or hold most of the page's words;
3. **the article body found** as readability does: every paragraph of 25 characters or more
   gives its parent (fully) and further ancestors (less) a score from its length and commas;
   ``<article>``, ``itemprop="articleBody"`` and content class names add to it, chrome class names
   take from it; each score is weighted by the share of words outside links. The best-scoring
   element is kept, with the siblings that score nearly as well or are plain paragraphs;
4. **the kept part cleaned**: link lists, teaser blocks, forms and blocks named as chrome within
   it are dropped when their words are mostly links or they hold more list items, images or
   inputs than paragraphs (readability's "conditional cleaning");
5. when no paragraph qualifies (a short page) the whole page outside chrome is kept.

The headline ``<h1>`` is put first when the kept text does not hold it. The title comes from
``<title>`` (a " | Site" suffix dropped when ``og:title`` or the headline confirms it), else
``og:title``, else the headline.

Public names (private module)
-----------------------------
extract           HTML -> (article text, title).
confirmed_title   a ``<title>`` without a " | Site" suffix that another title confirms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._html_body import mark_chrome, select_article
from ._html_tree import BLOCK, PARAGRAPH, Node, TreeBuilder, plain_text
from .segment import fold_typography

__all__ = ["confirmed_title", "extract"]

#: What separates a headline from the site name in a <title>: "Headline | Site", "Headline - Site".
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•]|::)\s+")


def _text(roots: list[Node]) -> tuple[str, bool]:
    """The text of these elements (block elements end lines); and whether an <h1> is in it."""
    out: list[str] = []
    has_h1 = False
    stack: list[Node | str | tuple[str]] = list(reversed(roots))
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        if isinstance(item, tuple):
            out.append(item[0])
            continue
        if not item.kept():
            continue
        tag = item.tag
        if tag in ("br", "hr"):
            out.append("\n")
            continue
        if tag == "h1" and item.words:
            has_h1 = True
        if tag in BLOCK:
            brk = "\n\n" if tag in PARAGRAPH else "\n"
            out.append(brk)
            stack.append((brk,))
        stack.extend(reversed(item.children))
    return "".join(out), has_h1


def _fold(text: str) -> str:
    """A form for comparing titles: case, white space, curly quotes and dashes folded."""
    return " ".join(fold_typography(text).casefold().split())


def confirmed_title(title: str, confirmations: Iterable[str | None]) -> str:
    """``title`` without a trailing " | Site" or " - Site" when another title confirms the shorter one.

    >>> confirmed_title("Bridge opens | The Ledger", ["Bridge opens"])
    'Bridge opens'
    >>> confirmed_title("Bridge opens | The Ledger", [None])
    'Bridge opens | The Ledger'
    """
    wanted = {_fold(c) for c in confirmations if c}
    for m in reversed(list(_TITLE_SEPARATOR.finditer(title))):
        if _fold(title[: m.start()]) in wanted:
            return title[: m.start()]
    return title


def _site_name(title: str | None) -> str | None:
    """What follows the last separator of a <title>: possibly the site name."""
    if not title:
        return None
    parts = _TITLE_SEPARATOR.split(title)
    return parts[-1] if len(parts) > 1 else None


def _declared(node: Node) -> tuple[bool, bool]:
    """Whether an element lies in chrome the markup declares (a tag, a role, a small form; not a
    class name), and whether it lies in a site header."""
    chrome = banner = False
    at: Node | None = node
    while at is not None:
        chrome = chrome or at.hidden or at.declared == "chrome" or (at.tag == "form" and at.chrome)
        banner = banner or at.declared == "banner"
        at = at.parent
    return chrome, banner


def _headline(parser: TreeBuilder) -> str | None:
    """The headline: the first <h1> outside chrome, one outside a site header first; a site
    header's <h1> that is the site name of the <title> (a logo) is no headline."""
    site = _site_name(parser.title)
    headlines = []
    for node in parser.h1s:
        text = plain_text(node)
        chrome, banner = _declared(node)
        if not text or chrome:
            continue
        if banner and site is not None and _fold(text) == _fold(site):
            continue
        headlines.append((text, banner))
    return next((text for text, banner in headlines if not banner), None) or next((text for text, _ in headlines), None)


def extract(html: str) -> tuple[str, str | None]:
    """The article's text and the page's title (see :func:`mediadiff.load.html_to_text`)."""
    parser = TreeBuilder()
    parser.feed(html)
    parser.close()
    mark_chrome(parser)
    raw, has_h1 = _text(select_article(parser))
    headline = _headline(parser)
    if headline is not None and not has_h1:
        raw = headline + "\n\n" + raw
    lines = [" ".join(line.split()) for line in raw.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    raw_title = parser.title or parser.og_title or headline
    title = confirmed_title(raw_title, [parser.og_title, headline]) if raw_title else None
    return text, title
