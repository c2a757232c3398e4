"""Segmentation: paragraphs, sentences, tokens and quotations, all as offsets into the original text.

The default sentence splitter, :class:`RuleSplitter`, is our own: it knows news abbreviations
(Gen., Dept., Oct. 28), initialisms (U.S., D.O.J., A.G.'s), quotation marks after the full stop,
bullet lines and headings without final punctuation. Line breaks always end a sentence unless the
line is a hard-wrapped continuation (it does not end a sentence and the next line starts in lower
case). Another splitter can be plugged in through the ``splitter`` parameter of :func:`segment`:
any callable from a paragraph's text to sentence ``(start, end)`` pairs; :func:`nupunkt_splitter`
wraps the optional nupunkt package (``pip install mediadiff[nupunkt]``).

Public names
------------
segment             Article -> Document (sentences, tokens, boilerplate, quotations).
split_sentences     text -> sentence spans (no boilerplate detection).
tokenize            text or span -> tokens with offsets and normalised forms.
find_quotations     text -> direct quotations (straight and curly marks, nested, unbalanced).
RuleSplitter        the default sentence splitter.
nupunkt_splitter    a splitter backed by nupunkt, if installed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from .attribution import find_attributions
from .boilerplate import detect_boilerplate
from .document import Article, Document, Quotation, Sentence, Span, Token, covered, merged_intervals
from .mentions import find_numbers
from .names import find_name_words, find_names
from .vocabulary import ABBREVIATIONS, NUMERIC_ABBREVIATIONS, SENTENCE_STARTERS

__all__ = [
    "ABBREVIATIONS",
    "NUMERIC_ABBREVIATIONS",
    "RuleSplitter",
    "Splitter",
    "find_quotations",
    "fold_typography",
    "normalize_token",
    "nupunkt_splitter",
    "segment",
    "split_sentences",
    "tokenize",
]

#: A sentence splitter: paragraph text -> sentence ``(start, end)`` offsets within it.
Splitter = Callable[[str], Sequence[tuple[int, int]]]

# ABBREVIATIONS (words that end with a full stop without ending the sentence), NUMERIC_ABBREVIATIONS
# (those that only hold before a number: "No. 5") and SENTENCE_STARTERS (words that begin a new
# sentence after an initialism such as "U.S.") are the vocabulary's; the first two are re-exported.

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_QUOTE_CHARS = "\"'“”‘’„«»"
_TERMINAL = ".!?"
_BULLET = re.compile(r"[ \t]*(?:[•●▪◦‣∙·*]|[-–—](?=\s))[ \t]*")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}$")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.$")

_TOKEN = re.compile(
    r"(?P<initialism>(?:[A-Za-z]\.){2,}(?:['’]s\b)?)"
    r"|(?P<number>\d+(?:[.,:]\d+)*(?:(?:st|nd|rd|th|s)\b)?)"
    r"|(?P<word>[^\W\d_]+(?:[-'’][^\W\d_]+)*|\w+)"
    r"|(?P<punct>\S)"
)
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "–": "-", "—": "-"})


def fold_typography(text: str) -> str:
    """``text`` with curly quotes, guillemets and dashes as their plain forms.

    >>> fold_typography("“Yes” – she said")
    '"Yes" - she said'
    """
    return text.translate(_FOLD)


def normalize_token(text: str) -> str:
    """The matching form of a token: lower case, curly quotes and dashes folded, initialism dots dropped.

    >>> normalize_token("D.O.J.")
    'doj'
    >>> normalize_token("Sessions’")
    "sessions'"
    """
    norm = fold_typography(text).lower()
    if _INITIALISM.match(norm.split("'")[0]):
        norm = norm.replace(".", "")
    return norm


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Split ``text`` into word, number and punctuation tokens; offsets are shifted by ``offset``.

    >>> [t.text for t in tokenize("The U.S. paid $4.2 million, it said.")]
    ['The', 'U.S.', 'paid', '$', '4.2', 'million', ',', 'it', 'said', '.']
    """
    tokens = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        tok = m.group()
        if kind == "initialism":
            kind = "word"
        tokens.append(Token(offset + m.start(), offset + m.end(), tok, norm=normalize_token(tok), kind=kind))  # type: ignore[arg-type]
    return tuple(tokens)


def _trimmed(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans with surrounding white space cut off; spans of white space only are dropped."""
    out = []
    for s, e in spans:
        seg = text[s:e]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if e - trail > s + lead:
            out.append((s + lead, e - trail))
    return out


class RuleSplitter:
    """Our rule-based sentence splitter for news text (the default).

    A full stop, question or exclamation mark (with any closing quotes or brackets after it)
    ends a sentence when white space and then an upper-case letter, a digit, an opening quote or
    a bullet follows, unless the word before the stop is a known abbreviation, a single initial
    ("John F. Kennedy") or an initialism ("U.S.") not followed by a usual sentence opener.
    Question and exclamation marks inside a quotation followed by a lower-case attribution
    ("Why?" she asked) do not split.

    >>> text = "Gen. Lee met U.S. officials on Oct. 28. The talks failed."
    >>> [text[s:e] for s, e in RuleSplitter()(text)]
    ['Gen. Lee met U.S. officials on Oct. 28.', 'The talks failed.']
    """

    def __init__(self, abbreviations: frozenset[str] = ABBREVIATIONS) -> None:
        self.abbreviations = abbreviations

    def _is_boundary(self, text: str, stop: int, after: int) -> bool:
        """Whether the terminal mark at ``stop`` (followed by marks up to ``after``) ends a sentence."""
        rest = text[after:]
        stripped = rest.lstrip()
        if not stripped or len(stripped) == len(rest):
            return bool(not stripped)
        nxt = stripped[0]
        if not (nxt.isupper() or nxt.isdigit() or nxt in _QUOTE_CHARS + "•([" or nxt in "-–—"):
            return False
        if text[stop] != ".":
            return True
        before = text[: stop + 1]
        word = before.rsplit(None, 1)[-1] if before.strip() else ""
        word = word.lstrip(_QUOTE_CHARS + "([")
        if _INITIALISM.search(word):
            next_word = re.match(r"[\"'“‘(]*([A-Za-z]+)", stripped)
            return bool(next_word and next_word.group(1).lower() in SENTENCE_STARTERS)
        m = _WORD_BEFORE.search(word)
        if m:
            w = m.group(1)
            if w.lower() in self.abbreviations:
                return False
            if w.lower() in NUMERIC_ABBREVIATIONS and nxt.isdigit():
                return False
            if len(w) == 1 and w.isupper():
                return False
        return True

    def __call__(self, text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        start = 0
        i = 0
        n = len(text)
        while i < n:
            ch = text[i]
            if ch in _TERMINAL:
                j = i + 1
                while j < n and (text[j] in _TERMINAL or text[j] in "\"'”’»)]"):
                    j += 1
                if self._is_boundary(text, i, j):
                    spans.append((start, j))
                    start = j
                i = j
            else:
                i += 1
        spans.append((start, n))
        return _trimmed(text, spans)


def nupunkt_splitter() -> Splitter:
    """A splitter backed by nupunkt (an optional extra: ``pip install mediadiff[nupunkt]``)."""
    try:
        import nupunkt
    except ImportError as exc:  # pragma: no cover - depends on the environment
        from .errors import ParameterError

        raise ParameterError(
            "The nupunkt splitter needs the optional package nupunkt: pip install 'mediadiff[nupunkt]'"
        ) from exc

    def split(text: str) -> list[tuple[int, int]]:
        return _trimmed(text, nupunkt.sent_spans(text))

    return split


def _paragraph_lines(text: str) -> list[list[tuple[int, int]]]:
    """Group the non-blank lines of ``text`` into paragraphs.

    Each line is its own paragraph unless it is a hard-wrapped continuation of the line before
    (which does not end in sentence punctuation, while this one starts in lower case).
    """
    paragraphs: list[list[tuple[int, int]]] = []
    prev_end_char = ""
    prev_blank = True
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        raw = m.group().rstrip("\r\n")
        if m.start() == len(text) and not raw:
            break
        stripped = raw.strip()
        if not stripped:
            prev_blank = True
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        end = start + len(stripped)
        wrapped = not prev_blank and paragraphs and prev_end_char not in _TERMINAL + ':;"”’)' and stripped[0].islower()
        if wrapped:
            paragraphs[-1].append((start, end))
        else:
            paragraphs.append([(start, end)])
        prev_end_char = stripped[-1]
        prev_blank = False
    return paragraphs


def split_sentences(text: str, *, splitter: Splitter | None = None) -> list[Span]:
    """Split ``text`` into sentence spans (headings and bullet lines included, bullets stripped).

    >>> [s.text for s in split_sentences("Title line\\n\\n• First point. Second one.")]
    ['Title line', 'First point.', 'Second one.']
    """
    return [Span.of(text, s, e) for s, e, _ in _sentence_offsets(text, splitter or RuleSplitter())]


def _sentence_offsets(text: str, splitter: Splitter) -> list[tuple[int, int, int]]:
    """``(start, end, paragraph)`` of every sentence."""
    out = []
    for p, lines in enumerate(_paragraph_lines(text)):
        start = lines[0][0]
        end = lines[-1][1]
        bullet = _BULLET.match(text, start, end)
        if bullet and bullet.end() < end:
            start = bullet.end()
        para = text[start:end]
        for s, e in splitter(para):
            out.append((start + s, start + e, p))
    return out


def _is_opening(text: str, i: int) -> bool:
    """Whether the quote mark at ``i`` reads as an opening mark from its neighbours."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-/:" or before in _OPEN_DOUBLE + "‘\"'":
        return not after.isspace()
    return False


def find_quotations(text: str) -> list[Quotation]:
    """Find direct quotations in ``text``, in order of their opening mark.

    Straight (") and curly (“ ”) double quotes are matched by position, so mixed marks such as
    ``"We need them,”`` pair up; two apostrophes (``''``, as some newspaper archives write a
    double quote) count as one double mark; single quotes (‘ ’ and ') pair inside or outside
    double ones, never when they are apostrophes (a letter on both sides). A quotation whose
    closing mark is missing runs to the end of its paragraph (``closed=False``), as in
    multi-paragraph quotes. Nested quotations are returned as well as the outer ones.

    >>> [(q.text, q.closed) for q in find_quotations('He said: “We need ‘real’ change.” Then "more')]
    [('We need ‘real’ change.', True), ('real', True), ('more', False)]
    >>> [q.text for q in find_quotations("''We will win,'' she said.")]
    ['We will win,']
    """
    quotes: list[Quotation] = []

    def add(o: int, width: int, i: int, close: int) -> None:
        if i > o + width:
            quotes.append(Quotation(o + width, i, text[o + width : i], mark_start=o, mark_end=i + close, closed=True))

    for lines in _paragraph_lines(text):
        p_start, p_end = lines[0][0], lines[-1][1]
        stack: list[tuple[str, int, int]] = []  # (kind, position of opening mark, its width)
        i = p_start
        while i < p_end:
            ch = text[i]
            width = 1
            if ch in '"“”„«»':
                kind = "d"
            elif ch == "'" and i + 1 < p_end and text[i + 1] == "'":
                kind, width = "d", 2  # '' written for a double quote
            elif ch in "‘’'":
                before = text[i - 1] if i > 0 else " "
                after = text[i + 1] if i + 1 < len(text) else " "
                if before.isalnum() and after.isalnum():
                    i += 1
                    continue  # apostrophe inside a word
                kind = "s"
            else:
                i += 1
                continue
            opening = _is_opening(text, i + width - 1) if width == 2 else _is_opening(text, i)
            if width == 2:
                before = text[i - 1] if i > 0 else " "
                opening = (before.isspace() or before in "([{—–-/:") and not (
                    text[i + 2] if i + 2 < len(text) else " "
                ).isspace()
            open_here = stack and stack[-1][0] == kind
            if open_here and not (opening and (ch in _OPEN_DOUBLE + "‘" or width == 2) and kind == "d"):
                # closing mark for the innermost open quotation of this kind
                if kind == "s" and ch == "'" and (text[i - 1] if i > 0 else " ").isspace():
                    i += width
                    continue
                _, o, w = stack.pop()
                add(o, w, i, width)
                i += width
                continue
            if kind == "d" and any(k == "d" for k, _, _ in stack):
                # a double mark while a double quotation is open, but not closing it: treat as closing
                while stack and stack[-1][0] != "d":
                    stack.pop()
                _, o, w = stack.pop()
                add(o, w, i, width)
                i += width
                continue
            if opening and ch not in _CLOSE_DOUBLE + "’":
                stack.append((kind, i, width))
            elif ch in "’'" and width == 1 or ch in _CLOSE_DOUBLE:
                pass  # a stray closing mark or a trailing apostrophe (Sessions’)
            elif opening:
                stack.append((kind, i, width))
            i += width
        for kind, o, w in stack:
            if kind == "d" and p_end > o + w:
                quotes.append(Quotation(o + w, p_end, text[o + w : p_end], mark_start=o, mark_end=p_end, closed=False))
    quotes.sort(key=lambda q: (q.mark_start, -q.mark_end))
    return quotes


def segment(article: Article, *, splitter: Splitter | None = None, boilerplate: bool = True) -> Document:
    """Segment an article into sentences, tokens, boilerplate lines and quotations.

    Sentences that lie inside a boilerplate line are flagged ``boilerplate=True``; nothing is
    removed from the text. Pass ``boilerplate=False`` to keep every line as content.

    >>> doc = segment(Article("wire", "Title\\n\\nThe mayor said “no.” Aides agreed.\\nAdvertisement"))
    >>> [(s.text, s.boilerplate) for s in doc.sentences]
    [('Title', False), ('The mayor said “no.”', False), ('Aides agreed.', False), ('Advertisement', True)]
    """
    text = article.text
    chrome = detect_boilerplate(text) if boilerplate else []
    chrome_index = merged_intervals(chrome)
    sentences = []
    for index, (s, e, p) in enumerate(_sentence_offsets(text, splitter or RuleSplitter())):
        is_bp = covered(chrome_index, s, e)
        sentences.append(
            Sentence(s, e, text[s:e], index=index, paragraph=p, tokens=tokenize(text[s:e], s), boilerplate=is_bp)
        )
    paragraphs = tuple(Span.of(text, lines[0][0], lines[-1][1]) for lines in _paragraph_lines(text))
    quotations = tuple(find_quotations(text))
    content = [s for s in sentences if not s.boilerplate]
    return Document(
        article=article,
        sentences=tuple(sentences),
        boilerplate=tuple(chrome),
        quotations=quotations,
        paragraphs=paragraphs,
        attributions=find_attributions(text, content, quotations),
        numbers=find_numbers(content),
        names=find_names(content),
        name_words=find_name_words(content),
    )
