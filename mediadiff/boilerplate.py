"""Detect web boilerplate: the page chrome that comes along when an article is pasted or scraped.

Boilerplate is reported as line spans and excluded from analysis; it is never deleted from
``Article.text``. A line is boilerplate when one of the documented rules below matches the whole
line (after stripping white space). Each rule has a name, reported with the span, so a user can
see why a line was set aside.

Rules (:data:`RULES`), all case-insensitive:

``browser``      browser notices: "IE 11 is not supported", "your browser is out of date".
``subscribe``    newsletter and subscription calls: "Subscribe to get the latest posts",
                 "Sign up for our newsletter", "Discover more from ...".
``navigation``   short section links: "Related News", "Related Coverage", "Read more",
                 "Read the full report", "Continue reading", "Share this article", "Click here".
``advert``       "Advertisement", "Sponsored content", "Story continues below".
``cookies``      cookie and privacy notices.
``photo``        photo credits and captions: lines beginning "Image:", "Photo:", "Caption:",
                 "Credit:", or ending in an agency credit ("... / Getty Images file",
                 "(AP Photo/Jane Doe)").
``caption``      the line right after a bare photo credit ("Photo: Jane Roe / Ledger Staff"),
                 when it is one short sentence (at most 25 words) with no quotation marks and no
                 attribution ("said", "told", "according to"): captions describe, they do not report.
``related``      headline links right after a "Related ..." line: lines of at most 15 words
                 without sentence punctuation, until the first line that has it.
``trailing``     a short label line (at most five words, no sentence punctuation) after the last
                 real sentence of the article, such as a section name ("U.S. & Global News").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .document import Span

__all__ = ["RULES", "BoilerplateLine", "detect_boilerplate"]

_I = re.IGNORECASE

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
        r"(?:related(?: news| coverage| stories| articles| content| reading)?|more (?:news|stories|from [\w .&'’-]+)"
        r"|read (?:more|next|the full (?:report|story|article|statement)|the report)|continue reading"
        r"|share (?:this|on)(?: article| story)?[\w ]*|click here[\w ]*|(?:see|view) (?:also|comments|gallery)"
        r"|(?:top|latest|trending) (?:stories|news)|back to top|skip to (?:main )?content)[.:!]?",
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
}

_BARE_CREDIT = re.compile(
    r"(?:photo|image|photograph|credit)s?\s*:\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*/\s*[\w .'’&-]+)?\.?",
    _I,
)
_ATTRIBUTION = re.compile(r"\b(?:said|says|say|told|tells|according|stated|added|wrote|announced)\b", _I)
_RELATED = re.compile(r"related(?: news| coverage| stories| articles| content| reading)?[.:]?", _I)
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
        if pattern.fullmatch(line):
            return name
    return None


def detect_boilerplate(text: str, *, rules: Sequence[str] | None = None) -> list[BoilerplateLine]:
    """Return the boilerplate lines of ``text`` in text order.

    ``rules`` restricts detection to the named rules (default: all of :data:`RULES` and the
    neighbour rules ``caption``, ``related`` and ``trailing``).

    >>> [b.text for b in detect_boilerplate("Advertisement\\nThe mayor spoke.\\nRelated News")]
    ['Advertisement', 'Related News']
    """
    active = set(RULES) | {"caption", "related", "trailing"} if rules is None else set(rules)
    lines = _lines(text)
    found: dict[int, BoilerplateLine] = {}
    for i, (start, end) in enumerate(lines):
        rule = _rule_for(text[start:end])
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
    return [found[i] for i in sorted(found)]
