"""The HTML page parsed into a light element tree (private; used by :mod:`mediadiff._html`).

The tree builder records what each element's markup says (hidden, declared chrome, inside
``<article>``/``<main>``, its class/id words, ``itemprop="articleBody"``) as it parses, with the
standard library's :class:`html.parser.HTMLParser`; :func:`measure` then counts what each element
shows. Finding the article in the tree is :mod:`mediadiff._html_body`'s work.

Public names (private module)
-----------------------------
Node          an element: tag, parent, children (nodes and text), markup flags and counts.
TreeBuilder   HTMLParser -> the tree (``root``, ``nodes`` in document order, title, og:title,
              the ``<h1>`` and ``<form>`` elements).
measure       count each element's shown words, link words, characters, commas, paragraphs ...
plain_text    an element's visible text, white space collapsed.
BLOCK         the block elements (they end lines).
PARAGRAPH     the block elements that end paragraphs.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["BLOCK", "PARAGRAPH", "Node", "TreeBuilder", "measure", "plain_text"]

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
BLOCK = frozenset(
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
PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"})
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

_NAME_WORD = re.compile(r"[a-z0-9]+")
_CAMEL = re.compile(r"([a-z])([A-Z])")
_WORD = re.compile(r"\w+")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


class Node:
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

    def __init__(self, tag: str, parent: Node | None) -> None:
        self.tag = tag
        self.parent = parent
        self.children: list[Node | str] = []
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
        # what it holds, counted once the tree is built (measure): words, words inside links,
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
        """Whether it is shown: neither hidden nor page chrome."""
        return not (self.hidden or self.chrome)


class TreeBuilder(HTMLParser):
    """Build the element tree; an end tag closes everything opened after its start tag, as browsers
    do for unclosed ``<p>`` and ``<li>``; stray end tags are ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", None)
        self.nodes: list[Node] = [self.root]  # in document (pre-)order
        self.title: str | None = None
        self.og_title: str | None = None
        self.h1s: list[Node] = []
        self.forms: list[Node] = []
        self._stack: list[Node] = [self.root]
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
        node = Node(tag, parent)
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


def measure(nodes: list[Node]) -> None:
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
                if tag in BLOCK or child.has_block:
                    has_block = True
                else:
                    own_chars += child.own_chars
            if node.tag == "a":
                link_words = words
        node.words, node.link_words, node.chars, node.commas = words, link_words, chars, commas
        node.own_chars, node.has_block, node.paragraphs = own_chars, has_block, paragraphs
        node.items, node.images, node.inputs = items, images, inputs


def plain_text(node: Node) -> str:
    """The visible text of an element (hidden parts left out), white space collapsed."""
    parts: list[str] = []
    stack: list[Node | str] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        elif not item.hidden:
            stack.extend(reversed(item.children))
    return " ".join("".join(parts).split())
