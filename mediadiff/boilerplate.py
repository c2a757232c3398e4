"""Detect web boilerplate: the page chrome that comes along when an article is pasted or scraped.

Boilerplate is reported as line spans and excluded from analysis; it is never deleted from
``Article.text``. A line is boilerplate when one of the documented rules below matches the whole
line (after stripping white space). Each rule has a name, reported with the span, so a user can
see why a line was set aside.

Rules (:data:`RULES`), all case-insensitive (but for the capitals of a byline's names):

``browser``      browser notices: "IE 11 is not supported", "your browser is out of date".
``subscribe``    newsletter and subscription calls: "Subscribe to get the latest posts",
                 "Sign up for our newsletter", "Discover more from ...".
``navigation``   short section links: "Related News", "Related Coverage", "Read more",
                 "Read the full report", "Continue reading", "Share this article", "Click here";
                 headers of link lists ("Most Popular", "Trending Now", "Recommended for you");
                 tag lines ("Tags: ...", "Topics: ...", "Filed under: ...", no sentence punctuation).
``advert``       "Advertisement", "Sponsored content", "Story continues below".
``cookies``      cookie and privacy notices.
``photo``        photo credits and captions: lines beginning "Image:", "Photo:", "Caption:",
                 "Credit:", or ending in an agency credit ("... / Getty Images file",
                 "(AP Photo/Jane Doe)").
``share``        share buttons, one or several on a line: "Share on Facebook. Share on Twitter.",
                 "Tweet", "Email", "Print", "Copy link", network names ("Facebook Twitter Email").
``copyright``    "Copyright 2024 ...", "© 2024 ...", "... All rights reserved.", "This material may
                 not be published, ..." (at most 40 words).
``byline``       "By" and capitalised names ("By Jane Doe", "By Jane Doe and John Roe, The Ledger"),
                 optionally with a time stamp ("By Jane Doe - 10/06/20 11:32 AM EDT"), and lines that
                 are only a time stamp ("Updated: Oct. 6, 2020, 11:32 a.m. ET") (at most 30 words).
``related``      a link to another story after a list label ("Most Popular: Mayor resigns",
                 "Related: ...", "Read more: ...", at most 30 words); and the neighbour rule: headline
                 links right after a "Related ..." or "Most Popular"-style header line: lines of at
                 most 15 words without sentence punctuation, until the first line that has it.
``caption``      the line right after a bare photo credit ("Photo: Jane Roe / Ledger Staff"),
                 when it is one short sentence (at most 25 words) with no quotation marks and no
                 attribution ("said", "told", "according to"): captions describe, they do not report.
``trailing``     a short label line (at most five words, no sentence punctuation) after the last
                 real sentence of the article, such as a section name ("U.S. & Global News").

Limits: a byline needs capitalised names, so a title-case heading such as "By Land And Sea"
is taken for one; "By The ..." and "By A ..." are not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .document import Span

__all__ = ["RULES", "BoilerplateLine", "detect_boilerplate", "front_matter"]

_I = re.IGNORECASE

# Share buttons: "Share on Facebook", "Tweet", "Email", "Print", "Copy link", network names.
_SHARE_ITEM = (
    r"(?:share(?: this)?(?: (?:article|story|page|post|link))?(?: (?:on|via|to|with) [\w+-]+)?"
    r"|tweet(?: this)?|e-?mail(?: this)?(?: (?:article|story|link))?|print(?: this)?(?: (?:article|story|page))?"
    r"|copy(?: the)?(?: article)? link|link copied|comments?|facebook|twitter|x|linkedin|reddit|pinterest|whatsapp"
    r"|flipboard|messenger|telegram|threads|bluesky|mastodon)"
)
# Bylines and time stamps: "By Jane Doe - 10/06/20 11:32 AM EDT", "Updated: Oct. 6, 2020, 11:32 a.m."
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|da|del|la|le|di|du|bin|al)){0,3}"
_NAMES = rf"(?-i:(?!(?:The|A|An|This|That|These|Those)\b){_NAME}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){_NAME})*)"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:mon|tue(?:s)?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
_DATE = (
    rf"(?:{_DAY}\s+)?(?:\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?)"
)
_TIME = (
    r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)(?:\s+[a-z]{2,4})?"
    r"|\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+(?:[a-z]{2,4}|utc[+-]\d+))?"
)
_STAMP = (
    rf"(?:(?:last\s+)?(?:updated|published|posted|modified)(?:\s+on)?\s*:?\s*)?"
    rf"(?:{_DATE}(?:(?:,?\s+|\s*(?:at|[,|·•–—-])\s*)(?:{_TIME}))?"
    rf"|(?:{_TIME})(?:(?:,?\s+|\s*(?:on|[,|·•–—-])\s*){_DATE})?)"
)
_STAMPS = rf"{_STAMP}(?:\s*[,|·•–—-]?\s*{_STAMP})?"
# Headers of lists of links to other stories: "Most Popular", "Related Coverage", "Trending Now".
_LIST_LABEL = (
    r"(?:related(?: news| coverage| stories| articles| content| reading| topics)?"
    r"|most (?:popular|read|viewed|shared|emailed|watched)(?: (?:stories|news|articles|now|today|this week))?"
    r"|popular (?:now|today|stories)|trending(?: now| stories| news| topics)?"
    r"|recommended(?: for you| stories| reading)?|(?:more|top|latest) (?:news|stories|headlines)"
    r"|you (?:may|might) also like|editor'?’?s'?’? picks|what to read next)"
)

#: Rule name -> pattern that must match the whole stripped line (``re.fullmatch``).
RULES: dict[str, re.Pattern[str]] = {
    "browser": re.compile(
        r".*\b(?:(?:IE|Internet Explorer) ?\d*\s+is not supported|your browser is (?:out of date|not supported|outdated)"
        r"|for an optimal experience|update your browser|enable javascript)\b.*",
        _I,
    ),
    "subscribe": re.compile(
        r"(?:.*\b(?:subscribe(?:d)? (?:to|for|now|today)|sign up (?:for|to)|get the latest (?:posts|news|updates)"
        r"|newsletter sign[- ]?up|join our (?:mailing list|newsletter))\b.*|discover more from\b.*)",
        _I,
    ),
    "navigation": re.compile(
        # "Related ...", "More news", "Top stories", "Trending news" and the like: _LIST_LABEL
        r"(?:more from [\w .&'’-]+"
        r"|read (?:more|next|the full (?:report|story|article|statement)|the report)|continue reading"
        r"|share (?:this|on)(?: article| story)?[\w ]*|click here[\w ]*|(?:see|view) (?:also|comments|gallery)"
        r"|back to top|skip to (?:main )?content"
        rf"|{_LIST_LABEL})[.:!]?|(?:tags|topics|filed under|categories)\s*:[^.!?\"“”]*",
        _I,
    ),
    "advert": re.compile(r"(?:advertisement|sponsored(?: content)?|story continues below(?: advertisement)?|ad)[.:]?", _I),
    "cookies": re.compile(r".*\b(?:uses cookies|accept (?:all )?cookies|cookie (?:policy|settings)|privacy policy)\b.*", _I),
    "photo": re.compile(
        r"(?:(?:image|photo|photograph|picture|caption|credit|video)\s*:.*"
        r"|.*(?:/\s*|\()(?:getty images|ap photo|associated press|reuters|afp|epa|shutterstock|bloomberg)"
        r"(?:\s*(?:file|via getty images|/[\w .'’-]+))?\)?\.?"
        r"|.*\bphoto(?:graph)?s? by [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)*(?:\s*/\s*[\w .'’-]+)?\.?)",
        _I,
    ),
    "share": re.compile(rf"{_SHARE_ITEM}(?:(?:\s*[.,:;|•·/]\s*|\s+){_SHARE_ITEM})*[.!:]?", _I),
    "copyright": re.compile(
        r"(?:(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}|by\b).*|.*\ball rights reserved\b.*"
        r"|this (?:material|article|story|content) may not be (?:published|reproduced|republished|copied)\b.*)",
        _I,
    ),
    "byline": re.compile(
        rf"(?:by\s+{_NAMES}(?:\s*[,|·•–—-]\s*(?-i:(?:The\s+)?{_NAME}))?(?:(?:\s*[,|·•–—-]\s*|\s+){_STAMPS})?"
        rf"|{_STAMPS})\.?",
        _I,
    ),
    "related": re.compile(rf"(?:{_LIST_LABEL}|read (?:more|next|also)|see also|also read)\s*:\s*\S.*", _I),
}

#: Rules that match a line only up to this many words (a longer line is prose).
_MAX_WORDS = {"copyright": 40, "byline": 30, "related": 30}

_BARE_CREDIT = re.compile(
    r"(?:photo|image|photograph|credit)s?\s*:\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*/\s*[\w .'’&-]+)?\.?",
    _I,
)
_ATTRIBUTION = re.compile(r"\b(?:said|says|say|told|tells|according|stated|added|wrote|announced)\b", _I)
_RELATED = re.compile(rf"{_LIST_LABEL}[.:]?", _I)
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class BoilerplateLine(Span):
    """A boilerplate line: its span (white space stripped) and the ``rule`` that matched."""

    rule: str = ""


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank line, white space stripped (any of \\n, \\r\\n, \\r)."""
    out = []
    for m in re.finditer(r"[^\r\n]+", text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        out.append((start, start + len(stripped)))
    return out


def _rule_for(line: str) -> str | None:
    for name, pattern in RULES.items():
        if (name not in _MAX_WORDS or len(_WORD.findall(line)) <= _MAX_WORDS[name]) and pattern.fullmatch(line):
            return name
    return None


_FRONT_OPEN = re.compile(r"\ufeff?---[ \t]*(?:\r\n|\r|\n)")
_FRONT_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")
_FRONT_FIELD = re.compile(r"[ \t]*([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*")
#: How many lines a front-matter block may hold between its "---" lines.
_FRONT_MAX_LINES = 40


def front_matter(text: str) -> tuple[int, dict[str, str]] | None:
    """A front-matter block at the very top of a text, as static-site and pandoc users write it:
    a ``---`` line, ``key: value`` lines, a closing ``---`` line. Returns the offset where the
    block ends (after the closing ``---``) and its fields (keys in lower case, values stripped
    of surrounding quotes), or None when the text does not open with such a block.

    >>> front_matter("---\\nname: The Example Times\\ndate: 2026-12-01\\n---\\nHeadline")
    (48, {'name': 'The Example Times', 'date': '2026-12-01'})
    >>> front_matter("--- not a block") is None
    True
    """
    opening = _FRONT_OPEN.match(text)
    if opening is None:
        return None
    pos = opening.end()
    fields: dict[str, str] = {}
    for _ in range(_FRONT_MAX_LINES):
        line = _FRONT_LINE.match(text, pos)
        if line is None:
            return None
        content = line.group(1)
        if content.strip() == "---":
            return line.start(1) + len(content.rstrip()), fields
        field = _FRONT_FIELD.fullmatch(content)
        if field is not None:
            fields[field.group(1).lower()] = field.group(2).strip().strip("\"'")
        elif content.strip():
            return None  # a line that is no field: not a front-matter block
        if not line.group(2):
            return None  # the text ends before the closing line
        pos = line.end()
    return None


def detect_boilerplate(text: str, *, rules: Sequence[str] | None = None) -> list[BoilerplateLine]:
    """Return the boilerplate lines of ``text`` in text order.

    ``rules`` restricts detection to the named rules (default: all of :data:`RULES` and the
    neighbour rules ``caption``, ``related`` and ``trailing``, and ``front_matter``, a
    front-matter block that opens the text (:func:`front_matter`, one span for the block);
    ``related`` names both the line rule and the neighbour rule).

    >>> [b.text for b in detect_boilerplate("Advertisement\\nThe mayor spoke.\\nRelated News")]
    ['Advertisement', 'Related News']
    """
    active = set(RULES) | {"caption", "related", "trailing", "front_matter"} if rules is None else set(rules)
    lines = _lines(text)
    found: dict[int, BoilerplateLine] = {}
    block = front_matter(text) if "front_matter" in active else None
    if block is not None:
        # one span for the whole block (its lines are one paragraph to the sentence splitter)
        inside = [i for i, (_, end) in enumerate(lines) if end <= block[0]]
        for i in inside:
            found[i] = BoilerplateLine(lines[inside[0]][0], block[0], text[lines[inside[0]][0]:block[0]], rule="front_matter")
    for i, (start, end) in enumerate(lines):
        rule = _rule_for(text[start:end]) if i not in found else None
        if rule is not None and rule in active:
            found[i] = BoilerplateLine(start, end, text[start:end], rule=rule)
    for i, (start, end) in enumerate(lines):
        line = text[start:end]
        if "caption" in active and _BARE_CREDIT.fullmatch(line) and i + 1 < len(lines) and i + 1 not in found:
            s2, e2 = lines[i + 1]
            nxt = text[s2:e2]
            if (len(_WORD.findall(nxt)) <= 25 and not any(q in nxt for q in "\"“”") and not _ATTRIBUTION.search(nxt)
                    and len(re.findall(r"[.!?](?:\s|$)", nxt)) <= 1):
                found[i + 1] = BoilerplateLine(s2, e2, nxt, rule="caption")
        if "related" in active and _RELATED.fullmatch(line):
            for k in range(i + 1, len(lines)):
                s2, e2 = lines[k]
                nxt = text[s2:e2]
                if k in found or len(_WORD.findall(nxt)) > 15 or _SENTENCE_END.search(nxt):
                    break
                found[k] = BoilerplateLine(s2, e2, nxt, rule="related")
    if "trailing" in active:
        # Short label lines after the last line that reads as prose.
        for i in range(len(lines) - 1, -1, -1):
            if i in found:
                continue
            start, end = lines[i]
            line = text[start:end]
            if len(_WORD.findall(line)) <= 5 and not _SENTENCE_END.search(line) and i > 0:
                found[i] = BoilerplateLine(start, end, line, rule="trailing")
            else:
                break
    return list({(b.start, b.end): b for b in (found[i] for i in sorted(found))}.values())  # a block once
