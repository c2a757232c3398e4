"""HTML page -> the article's text and title, with the standard library only (private; the public
name is :func:`mediadiff.load.html_to_text`).

The page is parsed into a light element tree (:class:`_Node`), then, using only general
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
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser

from .segment import fold_typography

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
_HIDDEN = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "iframe",
        "object",
        "canvas",
        "button",
        "select",
        "textarea",
        "title",
    }
)
_CHROME = frozenset({"nav", "aside", "footer", "figcaption", "dialog"})
_CHROME_ROLES = frozenset(
    {
        "navigation",
        "complementary",
        "contentinfo",
        "search",
        "dialog",
        "menu",
        "menubar",
        "toolbar",
        "alert",
        "alertdialog",
    }
)
_BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "tr",
        "td",
        "th",
        "table",
        "figure",
        "figcaption",
        "hr",
        "main",
        "nav",
        "aside",
        "pre",
        "dl",
        "dt",
        "dd",
        "address",
        "details",
        "summary",
        "form",
        "fieldset",
        "body",
        "html",
    }
)
_PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"})
#: a start tag of these closes an open <p> (as browsers do)
_CLOSES_P = frozenset(
    {
        "p",
        "div",
        "ul",
        "ol",
        "dl",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "blockquote",
        "pre",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "form",
        "figure",
        "main",
        "address",
        "details",
        "fieldset",
        "hr",
    }
)

#: class names that hide an element (CSS frameworks' and screen-reader-only utilities)
_HIDDEN_CLASSES = frozenset(
    {
        "hidden",
        "hide",
        "d-none",
        "is-hidden",
        "u-hidden",
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
        "screen-reader-only",
        "offscreen",
        "invisible",
    }
)

#: words in class/id names that name page chrome wherever they stand (comments, promotions ...)
_CHROME_WORDS_STRONG = frozenset(
    {
        "comment",
        "comments",
        "commentlist",
        "disqus",
        "related",
        "share",
        "sharing",
        "sharebar",
        "shares",
        "social",
        "socials",
        "newsletter",
        "newsletters",
        "subscribe",
        "subscription",
        "signup",
        "promo",
        "promos",
        "promotion",
        "promoted",
        "sponsor",
        "sponsored",
        "sponsors",
        "advert",
        "advertisement",
        "adverts",
        "advertising",
        "ad",
        "ads",
        "adslot",
        "adunit",
        "outbrain",
        "taboola",
        "cookie",
        "cookies",
        "consent",
        "gdpr",
        "breadcrumb",
        "breadcrumbs",
        "recommended",
        "recommendations",
        "recirc",
        "trending",
        "popular",
        "mostread",
        "mostpopular",
        "paywall",
    }
)
#: words in class/id names that name page chrome unless content words stand beside them
_CHROME_WORDS = frozenset(
    {
        "nav",
        "navbar",
        "navigation",
        "menu",
        "menus",
        "submenu",
        "footer",
        "sidebar",
        "widget",
        "widgets",
        "banner",
        "masthead",
        "header",
        "topbar",
        "toolbar",
        "pagination",
        "pager",
        "popup",
        "modal",
        "overlay",
        "login",
        "tags",
        "tag",
        "tagcloud",
        "skip",
        "rss",
        "meta",
        "byline",
        "author",
        "dateline",
        "timestamp",
        "print",
        "more",
        "caption",
        "credit",
        "credits",
    }
)
#: words in class/id names that name the article's content
_CONTENT_WORDS = frozenset(
    {
        "article",
        "body",
        "content",
        "entry",
        "hentry",
        "main",
        "post",
        "text",
        "story",
        "blog",
        "articlebody",
        "storybody",
        "postbody",
        "prose",
    }
)
_NAME_WORD = re.compile(r"[a-z0-9]+")
_CAMEL = re.compile(r"([a-z])([A-Z])")
_WORD = re.compile(r"\w+")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

#: A <form> is page chrome (a search box, a newsletter sign-up) unless it holds at least this
#: share of the words the page shows (ASP.NET WebForms pages put the whole <body> in one).
_FORM_MIN_SHARE = 0.5
#: A chrome-named element holding at least this share of the page's words wraps the article.
_WRAPPER_SHARE = 0.6
#: A paragraph gives a score to its ancestors when it holds at least this many characters.
_MIN_PARAGRAPH_CHARS = 25

#: An element marked itemprop="articleBody" is the article when it holds this many words.
_MIN_BODY_WORDS = 50

_TAG_SCORE = {
    "div": 5,
    "article": 5,
    "section": 3,
    "pre": 3,
    "td": 3,
    "blockquote": 3,
    "address": -3,
    "ol": -3,
    "ul": -3,
    "dl": -3,
    "dd": -3,
    "dt": -3,
    "li": -3,
    "form": -3,
    "h1": -5,
    "h2": -5,
    "h3": -5,
    "h4": -5,
    "h5": -5,
    "h6": -5,
    "th": -5,
}

#: What separates a headline from the site name in a <title>: "Headline | Site", "Headline - Site".
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•]|::)\s+")


class _Node:
    """An element of the page: its tag, what its attributes say, its children (nodes and text)."""

    __slots__ = (
        "tag",
        "parent",
        "children",
        "hidden",
        "chrome",
        "in_article",
        "in_main",
        "names",
        "weight",
        "body",
        "declared",
        "words",
        "link_words",
        "chars",
        "commas",
        "own_chars",
        "has_block",
        "paragraphs",
        "items",
        "images",
        "inputs",
        "score",
        "scored",
        "form_words",
    )

    def __init__(self, tag: str, parent: _Node | None) -> None:
        self.tag = tag
        self.parent = parent
        self.children: list[_Node | str] = []
        self.hidden = False  # never visible
        self.chrome = False  # page chrome, left out wherever it is
        self.in_article = False
        self.in_main = False
        self.names: frozenset[str] = frozenset()  # the words of its class and id
        self.weight = 0  # what its class/id names and semantics say: + content, - chrome
        self.body = False  # itemprop="articleBody"
        self.declared = ""  # chrome the markup declares: "chrome" (tag or ARIA role), "banner" (site header)
        self.score = 0.0
        self.scored = False
        self.form_words = 0
        # what it holds, counted once the tree is built (_count): words, words inside links,
        # characters, commas, characters of its own text, block children, paragraphs, list
        # items, images and form inputs
        self.words = 0
        self.link_words = 0
        self.chars = 0
        self.commas = 0
        self.own_chars = 0
        self.has_block = False
        self.paragraphs = 0
        self.items = 0
        self.images = 0
        self.inputs = 0

    def kept(self) -> bool:
        return not (self.hidden or self.chrome)


class _TreeBuilder(HTMLParser):
    """Build the element tree; an end tag closes everything opened after its start tag, as browsers
    do for unclosed ``<p>`` and ``<li>``; stray end tags are ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#document", None)
        self.nodes: list[_Node] = [self.root]  # in document (pre-)order
        self.title: str | None = None
        self.og_title: str | None = None
        self.h1s: list[_Node] = []
        self.forms: list[_Node] = []
        self._stack: list[_Node] = [self.root]
        self._open: dict[str, int] = {}
        self._title_parts: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta":
            if (values.get("property") or values.get("name") or "").lower() == "og:title" and self.og_title is None:
                self.og_title = " ".join(values.get("content", "").split()) or None
            return
        if tag in _CLOSES_P and self._stack[-1].tag == "p":
            self.handle_endtag("p")
        elif tag == "li" and self._stack[-1].tag == "li":
            self.handle_endtag("li")
        parent = self._stack[-1]
        node = _Node(tag, parent)
        parent.children.append(node)
        self.nodes.append(node)
        role = values.get("role", "").strip().lower()
        classes = values.get("class", "")
        node.hidden = (
            parent.hidden
            or tag in _HIDDEN
            or "hidden" in values
            or bool(_DISPLAY_NONE.search(values.get("style", "")))
            or not _HIDDEN_CLASSES.isdisjoint(classes.lower().split())
        )
        node.in_article = parent.in_article or tag == "article" or role == "article"
        node.in_main = parent.in_main or tag == "main" or role == "main"
        if tag in _CHROME or role in _CHROME_ROLES:
            node.declared = "chrome"
        elif role == "banner" or (tag == "header" and not parent.in_article and not parent.in_main):
            node.declared = "banner"
        node.chrome = bool(node.declared)
        names = classes + " " + values["id"] if "id" in values else classes
        if names:
            node.names = frozenset(_NAME_WORD.findall(_CAMEL.sub(r"\1 \2", names).lower()))
        node.body = "articlebody" in values.get("itemprop", "").lower()
        if tag == "form":
            self.forms.append(node)
        if tag == "h1":
            self.h1s.append(node)
        if tag == "title" and self.title is None and not parent.hidden:
            self._title_parts = []
        if tag in _VOID:
            return
        self._stack.append(node)
        self._open[tag] = self._open.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and tag != "meta":  # <div/>: an empty element
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self._open.get(tag):
            return  # a stray end tag
        while True:
            node = self._stack.pop()
            self._open[node.tag] -= 1
            if node.tag == "title" and self._title_parts is not None:
                self.title = " ".join("".join(self._title_parts).split()) or None
                self._title_parts = None
            if node.tag == tag:
                return

    def handle_data(self, data: str) -> None:
        node = self._stack[-1]
        if self._title_parts is not None and node.tag == "title":
            self._title_parts.append(data)
        if not node.hidden:
            node.children.append(data)

    def close(self) -> None:
        super().close()
        while len(self._stack) > 1:
            self.handle_endtag(self._stack[-1].tag)


def _measure(nodes: list[_Node]) -> None:
    """Counts of each element's shown text (words, words in links, characters, commas ...),
    children before parents (reversed document order: no recursion, however deep the page)."""
    for node in reversed(nodes):
        words = link_words = chars = commas = own_chars = paragraphs = items = images = inputs = 0
        has_block = False
        if node.kept():
            for child in node.children:
                if isinstance(child, str):
                    stripped = child.strip()
                    if stripped:
                        n = len(_WORD.findall(child))
                        words += n
                        chars += len(stripped)
                        own_chars += len(stripped)
                        commas += child.count(",")
                    continue
                tag = child.tag
                images += tag == "img"
                inputs += tag == "input"
                if not child.kept():
                    continue
                words += child.words
                link_words += child.link_words
                chars += child.chars
                commas += child.commas
                paragraphs += child.paragraphs + (tag == "p")
                items += child.items + (tag == "li")
                images += child.images
                inputs += child.inputs
                if tag in _BLOCK or child.has_block:
                    has_block = True
                else:
                    own_chars += child.own_chars
            if node.tag == "a":
                link_words = words
        node.words, node.link_words, node.chars, node.commas = words, link_words, chars, commas
        node.own_chars, node.has_block, node.paragraphs = own_chars, has_block, paragraphs
        node.items, node.images, node.inputs = items, images, inputs


def _link_density(node: _Node) -> float:
    return node.link_words / node.words if node.words else 0.0


def _mark_chrome(parser: _TreeBuilder) -> None:
    """Forms holding little of the page, and elements whose class/id names chrome, become chrome."""
    nodes = parser.nodes
    _measure(nodes)
    page_words = parser.root.words
    for form in parser.forms:
        if form.words < _FORM_MIN_SHARE * page_words:
            form.chrome = True
    for node in nodes:
        names = node.names
        if not names:
            continue
        content = not names.isdisjoint(_CONTENT_WORDS)
        strong = not names.isdisjoint(_CHROME_WORDS_STRONG)
        weak = not names.isdisjoint(_CHROME_WORDS)
        node.weight = (25 if content else 0) - (25 if strong or weak else 0)
        if node.body or node.tag in ("body", "html", "article", "main") or node.words >= _WRAPPER_SHARE * page_words:
            continue
        if strong or (weak and not content):
            node.chrome = True
    _measure(nodes)


def _score(nodes: list[_Node]) -> list[_Node]:
    """Readability's scores: each paragraph scores its ancestors; return the scored elements."""
    scored: list[_Node] = []

    def add(node: _Node | None, points: float) -> None:
        if node is None or node.tag == "#document":
            return
        if not node.scored:
            node.scored = True
            node.score = _TAG_SCORE.get(node.tag, 0) + node.weight + 30 * node.body + 10 * (node.tag == "article")
            scored.append(node)
        node.score += points

    for node in nodes:
        if not node.kept() or node.tag in ("#document", "html", "body", "a"):
            continue
        if node.tag in ("p", "pre", "td") or (node.tag in _BLOCK and not node.has_block):
            chars, commas, first = node.chars, node.commas, node.parent  # the whole element is a paragraph
        elif node.own_chars >= _MIN_PARAGRAPH_CHARS:
            chars, commas, first = node.own_chars, 0, node  # text beside its blocks: a paragraph inside it
        else:
            continue
        if chars < _MIN_PARAGRAPH_CHARS:
            continue
        points = 1 + commas + min(chars // 100, 3)
        ancestor, level = first, 0
        while ancestor is not None and level < 5:
            add(ancestor, points if level == 0 else points / 2 if level == 1 else points / (level * 3))
            ancestor, level = ancestor.parent, level + 1
    for node in scored:
        node.score *= 1 - _link_density(node)
    return scored


def _clean(top: _Node, keep: set[int]) -> None:
    """Readability's conditional cleaning of the kept part: drop link lists, teasers, forms (not
    the elements in ``keep``, by id: those that hold the best-scoring element, nor one holding
    half of the kept words: that is the article, not a block in it)."""
    stack = [top]
    while stack:
        node = stack.pop()
        for child in node.children:
            if isinstance(child, str) or not child.kept():
                continue
            if child.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                if child.weight < 0 or _link_density(child) > 0.33:
                    child.chrome = True
                continue
            if (
                child.tag
                in ("div", "section", "ul", "ol", "dl", "table", "form", "fieldset", "figure", "header", "span")
                and child.words
                and id(child) not in keep
                and child.words < 0.5 * top.words
            ):
                if _weak(child):
                    child.chrome = True
                    continue
            stack.append(child)


def _weak(node: _Node) -> bool:
    """Whether a block inside the article is chrome by its contents (readability's rules)."""
    if node.weight < 0:
        return True
    if node.commas >= 10:
        return False
    density = _link_density(node)
    paragraphs = node.paragraphs
    if node.items > paragraphs + 1 and node.tag not in ("ul", "ol") and density > 0.2:
        return True
    if node.inputs > paragraphs / 3 + 1:
        return True
    if node.weight < 25 and density > 0.2 and node.words < 80:
        return True
    if density > 0.5:
        return True
    if node.tag in ("ul", "ol") and density > 0.2 and node.words < 40:
        return True
    return False


def _best_score(node: _Node) -> float:
    """The best score of an element or of any element in it."""
    score = node.score if node.scored else float("-inf")
    stack = [node]
    while stack:
        for child in stack.pop().children:
            if not isinstance(child, str) and child.kept():
                if child.scored and child.score > score:
                    score = child.score
                stack.append(child)
    return score


def _select(parser: _TreeBuilder) -> list[_Node]:
    """The elements whose text is the article: the best-scoring element and its good siblings."""
    scored = _score(parser.nodes)
    if not scored:
        return [parser.root]
    top = best = max(scored, key=lambda n: n.score)
    marked = [n for n in parser.nodes if n.body and n.kept() and n.words >= _MIN_BODY_WORDS]
    if marked:  # the page marks its article body (schema.org): trust the mark
        top = best = max(marked, key=lambda n: n.words)
    # climb while the parent holds the same text (a wrapper) or scores nearly as well
    while (
        top.parent is not None
        and top.parent.tag not in ("#document", "html", "body")
        and top.tag != "article"
        and not top.body
    ):
        parent = top.parent
        if (
            parent.words
            and top.words >= 0.9 * parent.words
            or (parent.scored and parent.score >= 0.9 * top.score and top.tag not in ("article",) and not top.body)
        ):
            top = parent
        else:
            break
    outer = top.parent
    if outer is None or marked:
        _clean(top, {id(top)})
        return [top]
    threshold = max(10.0, top.score * 0.2)
    kept: list[_Node] = []
    for sibling in outer.children:
        if isinstance(sibling, str) or not sibling.kept():
            continue
        if sibling is top:
            kept.append(sibling)
            continue
        # a second part of the body: named as the kept element, mostly paragraphs, few links
        alike = (
            bool(sibling.names)
            and sibling.names == top.names
            and _link_density(sibling) < 0.2
            and sibling.paragraphs >= 3
        )
        own = _best_score(sibling) + best.score * 0.2 if alike else sibling.score if sibling.scored else 0.0
        if own >= threshold:
            kept.append(sibling)
        elif sibling.tag == "p" or (sibling.tag in _BLOCK and not sibling.has_block and sibling.tag not in ("li",)):
            density = _link_density(sibling)
            if sibling.chars > 80 and density < 0.25:
                kept.append(sibling)
            elif 0 < sibling.chars <= 80 and density == 0 and re.search(r"[.!?][\"'”’)]?$", _plain(sibling)):
                kept.append(sibling)
    keep = set()
    at: _Node | None = best
    while at is not None:
        keep.add(id(at))
        at = at.parent
    for node in kept:
        _clean(node, keep)
    return kept


def _text(roots: list[_Node]) -> tuple[str, bool]:
    """The text of these elements (block elements end lines); and whether an <h1> is in it."""
    out: list[str] = []
    has_h1 = False
    stack: list[_Node | str | tuple[str]] = list(reversed(roots))
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
        if tag in _BLOCK:
            brk = "\n\n" if tag in _PARAGRAPH else "\n"
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


def _plain(node: _Node) -> str:
    parts: list[str] = []
    stack: list[_Node | str] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        elif not item.hidden:
            stack.extend(reversed(item.children))
    return " ".join("".join(parts).split())


def _declared(node: _Node) -> tuple[bool, bool]:
    """Whether an element lies in chrome the markup declares (a tag, a role, a small form; not a
    class name), and whether it lies in a site header."""
    chrome = banner = False
    at: _Node | None = node
    while at is not None:
        chrome = chrome or at.hidden or at.declared == "chrome" or (at.tag == "form" and at.chrome)
        banner = banner or at.declared == "banner"
        at = at.parent
    return chrome, banner


def extract(html: str) -> tuple[str, str | None]:
    """The article's text and the page's title (see :func:`mediadiff.load.html_to_text`)."""
    parser = _TreeBuilder()
    parser.feed(html)
    parser.close()
    _mark_chrome(parser)
    raw, has_h1 = _text(_select(parser))
    # The headline: the first <h1> outside chrome, one outside a site header first; a site
    # header's <h1> that is the site name of the <title> (a logo) is no headline.
    site = _site_name(parser.title)
    headlines = []
    for node in parser.h1s:
        text = _plain(node)
        chrome, banner = _declared(node)
        if not text or chrome:
            continue
        if banner and site is not None and _fold(text) == _fold(site):
            continue
        headlines.append((text, banner))
    headline = next((text for text, banner in headlines if not banner), None) or next(
        (text for text, _ in headlines), None
    )
    if headline is not None and not has_h1:
        raw = headline + "\n\n" + raw
    lines = [" ".join(line.split()) for line in raw.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    raw_title = parser.title or parser.og_title or headline
    title = confirmed_title(raw_title, [parser.og_title, headline]) if raw_title else None
    return text, title
