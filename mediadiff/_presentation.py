"""How the reports say things: plain-text helpers shared by every format and by the finding kinds.

A neutral module at the bottom of the import graph: ``report/`` (HTML, Markdown, the key
findings), ``plot`` (the PDF) and the finding kinds' declarations (``mediadiff.findings``) all
import it, and it imports nothing of mediadiff's. Everything here reads the plain report dict
(``docs/schema.md``), never a Comparison, and returns plain, *unescaped* strings: each renderer
escapes them for its own format.

Public names (private module)
-----------------------------
outlet_names     report -> {outlet id: display name}.
passage_snippet  one passage -> a short excerpt of its text (Snippets: by id, each passage read once).
typical_member   the member of a passage most like the others (its text and outlet).
own_voice        whether a loaded-language record is in the outlet's own voice; voice_label how to show it.
diff_window      excerpts of two similar strings around their first difference.
who, join_names  names joined for a sentence, counted when there are many.
shorten, quoted  cut a string to a length at a word boundary; put it in quotation marks.
finite           a finite real number of a report as a float, or None.
OMISSION_KINDS, SHIFT_KINDS, ALTERATION_KINDS, CONFLICT_KINDS   labels for the finding kinds.
alteration_label the label of a quote alteration record's kind.
rank_shifts      wording shifts heaviest first (by ``weight``); SHIFT_ROWS how many a report shows.
CATEGORY_COLOURS, CATEGORY_ORDER, category_colour   one colour per loaded-language category.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "ALTERATION_KINDS",
    "CATEGORY_COLOURS",
    "CATEGORY_ORDER",
    "CONFLICT_KINDS",
    "OMISSION_KINDS",
    "SHIFT_KINDS",
    "SHIFT_ROWS",
    "Snippets",
    "alteration_label",
    "category_colour",
    "diff_window",
    "finite",
    "join_names",
    "outlet_names",
    "own_voice",
    "passage_snippet",
    "quoted",
    "rank_shifts",
    "shorten",
    "typical_member",
    "typical_text",
    "voice_label",
    "who",
]

Report = Mapping[str, Any]

OMISSION_KINDS = {"response": "a response", "figure": "a figure", "quote": "a quotation", "fact": "a fact"}
SHIFT_KINDS = {
    "substitution": "other words",
    "insertion": "words added",
    "deletion": "words left out",
    "hedging": "hedging",
    "attribution": "attribution",
    "intensity": "intensity",
    "number": "a number",
    "name_or_title": "a name or title",
}
ALTERATION_KINDS = {
    "word_added": "words added",
    "word_dropped": "words dropped",
    "word_changed": "words changed",
    "truncated": "cut short",
    "spliced": "spliced together",
    "variant": "minor variant",
}


def alteration_label(record: Mapping[str, Any]) -> str:
    """The label of a quote alteration's kind (ALTERATION_KINDS); words added, dropped or changed
    against a reference that no majority of outlets gives (``majority`` false: two versions,
    one outlet each) say only that the versions differ, not which outlet altered the words.

    >>> alteration_label({"kind": "word_added"}), alteration_label({"kind": "word_added", "majority": False})
    ('words added', 'versions differ, no majority')
    """
    kind = str(record["kind"])
    if not record.get("majority", True) and kind in ("word_added", "word_dropped", "word_changed"):
        return "versions differ, no majority"
    return ALTERATION_KINDS.get(kind, kind)


CONFLICT_KINDS = {
    "number": "a number",
    "money": "a sum of money",
    "percentage": "a percentage",
    "percent": "a percentage",
    "date": "a date",
    "name": "a name",
    "title": "a title",
    "vagueness": "an exact figure against a vague one",
}


#: How many wording shifts the HTML and Markdown reports list (heaviest first); the rest are
#: counted, and are all in report.json.
SHIFT_ROWS = 20

_TELLING = frozenset({"hedging", "attribution", "intensity", "number", "name_or_title"})


def rank_shifts(shifts: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Wording shifts heaviest first (``weight``, docs/schema.md), the report's order on ties.
    A shift without a weight (a report from before it existed) counts 0.5 when of a telling
    kind (number, hedging, attribution, name or title, intensity), else 0.2.

    >>> [s["text"] for s in rank_shifts([{"text": "a", "weight": 0.2}, {"text": "b", "weight": 1.0},
    ...                                  {"text": "c", "kind": "hedging"}])]
    ['b', 'c', 'a']
    """

    def weight(s: Mapping[str, Any]) -> float:
        w = s.get("weight")
        if isinstance(w, (int, float)) and not isinstance(w, bool):
            return float(w)
        return 0.5 if s.get("kind") in _TELLING else 0.2

    return sorted(shifts, key=lambda s: -weight(s))


def finite(value: Any) -> float | None:
    """A finite real number as a float, or None (booleans, strings and NaN are not numbers here).

    >>> finite(2), finite(True), finite(float("nan")), finite("1")
    (2.0, None, None, None)
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def own_voice(span: Mapping[str, Any]) -> bool:
    """Whether a loaded-language record of a report is in the outlet's own voice: not inside
    content the article attributes to a source (reports before ``voice`` existed: not quoted).

    >>> own_voice({"voice": "source", "in_quote": False}), own_voice({"in_quote": False})
    (False, True)
    """
    voice = span.get("voice")
    return voice == "outlet" if voice is not None else not span.get("in_quote")


def voice_label(span: Mapping[str, Any]) -> str:
    """How a report shows a loaded span's voice: "outlet", or "source: Sen. Doe" / "source"."""
    if own_voice(span):
        return "outlet"
    return f"source: {span['source']}" if span.get("source") else "source"


def shorten(text: str, limit: int = 90) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters (with "…").

    >>> shorten("The board voted to close the clinic on Tuesday night", 30)
    'The board voted to close the…'
    >>> shorten("  short\\n text ")
    'short text'
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def outlet_names(report: Report) -> dict[str, str]:
    """Outlet id -> display name (the id when the report gives no name)."""
    return {o["id"]: (o.get("name") or o["id"]) for o in report.get("outlets", [])}


def join_names(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C".

    >>> join_names(["A", "B", "C"])
    'A, B and C'
    """
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def who(names: Sequence[str], *, most: int = 3) -> str:
    """Names joined for a sentence; more than ``most`` become "7 outlets (A, B and 5 others)".

    >>> who(["A", "B"]), who(["A", "B", "C", "D", "E"])
    ('A and B', '5 outlets (A, B and 3 others)')
    """
    names = list(names)
    if len(names) <= most:
        return join_names(names)
    return f"{len(names)} outlets ({', '.join(names[:2])} and {len(names) - 2} others)"


def passage_snippet(passage: Mapping[str, Any] | None, limit: int = 90) -> str:
    """A short excerpt of a passage: its most typical member, shortened (:func:`typical_text`)."""
    return shorten(typical_text(passage), limit)


def typical_member(passage: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """A passage's most typical member: the one most like the others (word overlap with an
    average member; then the most words, then the first); ``{}`` for an empty passage. A clause
    such as "departing US Attorney John Bash," says less than the sentence another outlet gives
    the same passage. Linear in the passage's words, so a passage of hundreds of outlets costs
    little."""
    if not passage or not passage.get("members"):
        return {}
    members: Sequence[Mapping[str, Any]] = passage["members"]
    texts = [str(m.get("text", "")) for m in members]
    words = [frozenset(re.findall(r"\w+", t.lower())) for t in texts]
    if len(texts) == 1:
        return members[0]
    often = Counter(w for ws in words for w in ws)  # how many members use each word
    mean_size = sum(len(ws) for ws in words) / len(words)

    def typical(k: int) -> tuple[float, int]:
        # the Jaccard overlap with an average other member: shared words over the union's size
        shared = sum(often[w] - 1 for w in words[k]) / (len(texts) - 1)
        return shared / max(1e-9, len(words[k]) + mean_size - shared), len(texts[k].split())

    return members[max(range(len(texts)), key=lambda k: (typical(k), -k))]


def typical_text(passage: Mapping[str, Any] | None) -> str:
    """The text of a passage's :func:`typical_member` ("" for an empty passage)."""
    return str(typical_member(passage).get("text", ""))


class Snippets:
    """Excerpts of a report's passages by id (:func:`passage_snippet`), each passage read once
    however many findings show it."""

    def __init__(self, passages: Mapping[str, Mapping[str, Any]]) -> None:
        self.passages = passages
        self.texts: dict[str, str] = {}

    def __call__(self, pid: Any, limit: int = 90) -> str:
        key = str(pid)
        if key not in self.texts:
            self.texts[key] = typical_text(self.passages.get(key))
        return shorten(self.texts[key], limit)


def quoted(text: str, limit: int = 80) -> str:
    """``text`` in quotation marks: as it is when it is one quotation from its first character
    to its last; otherwise inside “…”, its own double quotes turned into single ones.

    >>> quoted("“We will rebuild,”"), quoted("“We will rebuild,” she said."), quoted('He said "no" twice.')
    ('“We will rebuild,”', '“‘We will rebuild,’ she said.”', '“He said ‘no’ twice.”')
    """
    short = shorten(text, limit)
    opening = short[:1]
    if opening in '"“':
        closing = "”" if opening == "“" else '"'
        end = short.find(closing, 1)
        if end == len(short) - 1:
            return short  # one quotation, whole
        if end < 0 and short.endswith("…"):
            return short + closing  # one quotation, cut short
    inner = re.sub(r'"([^"]*)"', "‘\\1’", short).replace("“", "‘").replace("”", "’")
    return "“" + inner + "”"


def diff_window(a: str, b: str, limit: int = 80) -> tuple[str, str]:
    """Short excerpts of two similar strings that both show where they start to differ.

    >>> diff_window("He said the plan was bad and would fail.", "He said the plan was bad and will fail.", 20)
    ('…and would fail.', '…and will fail.')
    """
    a, b = " ".join(a.split()), " ".join(b.split())
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    start = 0
    if k > limit // 2:
        start = a.rfind(" ", 0, max(0, k - limit // 4)) + 1
    if start <= 0:
        return shorten(a, limit), shorten(b, limit)
    return "…" + shorten(a[start:], limit), "…" + shorten(b[start:], limit)


#: Background colours for loaded-language categories (light tints of the Okabe–Ito palette,
#: which stays distinct under the common colour-vision deficiencies): category
#: ``CATEGORY_ORDER[k]`` has colour k in every report and chart (:func:`category_colour`).
CATEGORY_COLOURS = ("#f7d9a8", "#c4e3f5", "#b3e0d0", "#f9f1a5", "#b0cbe6", "#f2c2a6", "#ecc8dd", "#d9d9d9")
#: The lexicon's categories in the order of their colours.
CATEGORY_ORDER = ("force", "outrage", "pejorative", "exaggeration", "intensifier", "doubt", "contrast")


def category_colour(category: str) -> int:
    """The index into :data:`CATEGORY_COLOURS` of a category: fixed for the lexicon's own, and
    the one tint none of them has (grey) for any other (a user's lexicon), so that a colour
    never says one category when it means another."""
    if category in CATEGORY_ORDER:
        return CATEGORY_ORDER.index(category)
    return len(CATEGORY_ORDER) % len(CATEGORY_COLOURS)
