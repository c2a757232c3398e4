"""Which part of an HTML page is the article (private; used by :mod:`mediadiff._html`).

General content-extraction signals only, no rule keyed to a site: :func:`mark_chrome` marks the
page chrome that class/id names and small forms reveal; :func:`select_article` scores the
elements as readability does (each paragraph scores its ancestors by its length and commas;
``<article>``, ``itemprop="articleBody"`` and content class names add, chrome class names take
away, links discount), keeps the best element with its good siblings, and cleans link lists,
teasers and forms out of them (readability's "conditional cleaning").

Public names (private module)
-----------------------------
mark_chrome      small forms and elements whose class/id names chrome become chrome.
select_article   the elements whose text is the article.
"""

from __future__ import annotations

import re

from ._html_tree import BLOCK, Node, TreeBuilder, measure, plain_text

__all__ = ["mark_chrome", "select_article"]

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


def _link_density(node: Node) -> float:
    return node.link_words / node.words if node.words else 0.0


def mark_chrome(parser: TreeBuilder) -> None:
    """Forms holding little of the page, and elements whose class/id names chrome, become chrome."""
    nodes = parser.nodes
    measure(nodes)
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
    measure(nodes)


def _score(nodes: list[Node]) -> list[Node]:
    """Readability's scores: each paragraph scores its ancestors; return the scored elements."""
    scored: list[Node] = []

    def add(node: Node | None, points: float) -> None:
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
        if node.tag in ("p", "pre", "td") or (node.tag in BLOCK and not node.has_block):
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


def _clean(top: Node, keep: set[int]) -> None:
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


def _weak(node: Node) -> bool:
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


def _best_score(node: Node) -> float:
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


def select_article(parser: TreeBuilder) -> list[Node]:
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
    kept: list[Node] = []
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
        elif sibling.tag == "p" or (sibling.tag in BLOCK and not sibling.has_block and sibling.tag not in ("li",)):
            density = _link_density(sibling)
            if sibling.chars > 80 and density < 0.25:
                kept.append(sibling)
            elif 0 < sibling.chars <= 80 and density == 0 and re.search(r"[.!?][\"'”’)]?$", plain_text(sibling)):
                kept.append(sibling)
    keep = set()
    at: Node | None = best
    while at is not None:
        keep.add(id(at))
        at = at.parent
    for node in kept:
        _clean(node, keep)
    return kept
