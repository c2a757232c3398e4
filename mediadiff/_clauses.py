"""Clause cutting: split content sentences into clause-level pieces before alignment (private).

A piece is a ``[start, end)`` slice of one sentence; the pieces of a sentence partition its
text (white space between pieces belongs to none). Cuts are made at clause cues:

- after ``;`` and after a ``:`` that introduces more words;
- at the boundary of a quotation introduced by punctuation (``said: "..."``, ``"...," she
  said``), never around a quotation embedded in a clause (``the plant "met every standard"``);
- after a comma followed by a clause opener (``, which``, ``, who``, ``, while``, ``, and``,
  ``, but``, ``, as``, ``, according``, ``, along with``, a participle such as ``, releasing``,
  a quantifier over the words before it such as ``, most of them`` or ``, none of which``);
- in a headline (no closing punctuation), at commas and before ``and`` or ``with`` that
  join two announcements (``Library reopens with Sunday hours and a children's wing``), but
  not at an ``and`` between two of the article's names (``Jeff Sessions and Rod Rosenstein``);
- before a bare coordinating conjunction followed by a participle, a new subject or an
  auxiliary that opens a second predicate (``... toluene and forcing ...``, ``... June 30
  and will eliminate ...``), and before a bare ``and`` followed by ``a``/``an`` that adds a
  new item to a list (``... 12 study rooms and a makerspace with two 3D printers``).

A cut is kept only where both pieces carry content (at least ``min_words`` content words);
attributions (``she said``, ``according to the report``) are not pieces of their own but stay
with the clause they attribute.

Public (to the package) names: :func:`cut_sentence`, :func:`unpunctuated`, :func:`is_participle`, :data:`STOPWORDS`
(the vocabulary's, re-exported, as are :data:`NEGATIONS` and :data:`SPEECH_VERBS`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .document import Document, Quotation, Sentence, Token
from .names import name_norms
from .vocabulary import (
    AUXILIARIES,
    BARE_SUBORDINATORS,
    CLAUSE_OPENERS,
    CLAUSE_QUANTIFIERS,
    CONJUNCTIONS,
    FRONTED_CLAUSE_OPENERS,
    ING_NOUNS,
    NEGATIONS,
    PRONOUNS,
    SPEECH_VERBS,
    STOPWORDS,
    SUBORDINATORS,
)

__all__ = [
    "NEGATIONS",
    "STOPWORDS",
    "SPEECH_VERBS",
    "capitalised_words",
    "content_words",
    "cut_sentence",
    "headline_index",
    "is_participle",
    "unpunctuated",
]

# The word classes (stop words, negations, speech verbs, the clause cues) are the vocabulary's
# (mediadiff/data/vocabulary.txt); the two below are this rule's own choices.
# words that join two announcements in a headline ("reopens with Sunday hours and a children's wing")
_HEADLINE_JOINERS = frozenset({"and", "with"})
# an indefinite article after a bare "and" introduces a new item, often a fact of its own
# ("40 computers, 12 study rooms and a makerspace with two 3D printers"); "the" does not (it
# continues a known one), and cutting there lost F1 on the bundled gold
_INDEFINITE = frozenset({"a", "an"})


def content_words(tokens: Sequence[Token]) -> int:
    """How many tokens are words or numbers that are not function words."""
    return sum(1 for t in tokens if t.kind != "punct" and t.norm not in STOPWORDS)


def is_participle(token: Token) -> bool:
    """Whether a word reads as an -ing participle ("releasing", "saying"; not "morning", "during",
    nor a word of five letters or fewer: "being", "thing")."""
    n = token.norm
    return token.kind == "word" and len(n) > 5 and n.endswith("ing") and n not in ING_NOUNS


def _is_attribution(tokens: Sequence[Token], after_quote: bool = False) -> bool:
    """A piece whose point is to say who said something (``Sessions told the prosecutors``).

    After a quotation, any piece with a speech verb among its first five words is one
    (``said Dana Whitcombe, deputy director of ...``); elsewhere only short ones are.
    """
    words = [t for t in tokens if t.kind != "punct"]
    if not words:
        return False
    if words[0].norm == "according":
        return True
    if after_quote and any(t.norm in SPEECH_VERBS for t in words[:5]):
        return True
    return len(words) <= 9 and any(t.norm in SPEECH_VERBS for t in words) and content_words(words) <= 5


def _is_past(token: Token) -> bool:
    """A lower-case word that reads as a past tense or participle ("encouraged", "passed")."""
    return token.kind == "word" and token.text[:1].islower() and len(token.norm) > 4 and token.norm.endswith("ed")


def _is_dash(toks: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` ends a dash that sets off a phrase: "--", "—" or "–" with space
    around it (a hyphen inside a word, "same-sex", is not one)."""
    t = toks[k]
    if t.kind != "punct" or t.norm != "-":
        return False
    start = k
    if k > 0 and toks[k - 1].norm == "-" and toks[k - 1].end == t.start:
        start = k - 1
    if t.text == "-" and start == k:
        return False  # a single hyphen
    before = toks[start - 1] if start > 0 else None
    after = toks[k + 1] if k + 1 < len(toks) else None
    return before is not None and after is not None and before.end < toks[start].start and t.end < after.start


def _subordinate(toks: Sequence[Token], k: int, headline: bool) -> bool:
    """Whether ``toks[k]`` opens a subordinate clause that states a fact of its own: a
    subordinator after a comma, or one of the bare ones ("after", "amid", "ahead of") anywhere
    but at the start; in a headline, the bare ones only (a kicker: "... ahead of speech")."""
    t = toks[k]
    if t.norm not in SUBORDINATORS or k < 2:
        return False
    if t.norm == "ahead" and (k + 1 >= len(toks) or toks[k + 1].norm != "of"):
        return False
    comma = toks[k - 1].text == ","
    if headline:
        return t.norm in BARE_SUBORDINATORS
    return comma or t.norm in BARE_SUBORDINATORS


def _after_comma(toks: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` is a comma or dash, or a closing quote mark right after a comma."""
    t = toks[k]
    if t.kind != "punct":
        return False
    if t.text in ",—–":
        return True
    return t.text in "\"”’'" and k > 0 and toks[k - 1].text == "," and toks[k - 1].end == t.start


def _opens_with(toks: Sequence[Token], k: int) -> bool:
    """Whether ``toks[k:]`` opens with "along with" or a quantifier and "of" ("most of them")."""
    if k + 1 >= len(toks):
        return False
    first, second = toks[k].norm, toks[k + 1].norm
    return (first == "along" and second == "with") or (first in CLAUSE_QUANTIFIERS and second == "of")


def capitalised_words(documents: Iterable[Document]) -> frozenset[str]:
    """The norms of the words that are names in these articles: capitalised somewhere other
    than at a sentence start, and never written in lower case ("Raman", "Kestrel"; not
    "Officials", nor a headline's title-cased "Leak"). Read from each document's name words
    (:func:`mediadiff.names.name_norms`), never from the tokens again."""
    return name_norms(documents)


def unpunctuated(sentence: Sentence) -> bool:
    """Whether a sentence lacks closing punctuation: a headline or a label, not running prose.

    >>> from mediadiff.segment import segment
    >>> from mediadiff.document import Article
    >>> [unpunctuated(s) for s in segment(Article("a", "Tank bursts in Port Ardley\\n\\nIt burst.")).sentences]
    [True, False]
    """
    return sentence.text.rstrip()[-1:] not in ".!?\"'”’)"


def headline_index(document: Document) -> int | None:
    """The sentence index of a document's headline: its first content sentence when that has no
    closing punctuation, else None (a text pasted without one)."""
    content = document.content_sentences
    return content[0].index if content and unpunctuated(content[0]) else None


def _cut_points(
    sentence: Sentence, quotations: Sequence[Quotation], names: frozenset[str] = frozenset()
) -> tuple[list[int], set[int]]:
    """Candidate cut offsets (the start of a piece that is not the first of the sentence), and
    the weak ones among them: list items (``and a ...``), which a short piece before them
    crosses to join the item after it rather than the clause before it. A headline's ``and``
    between two of the article's ``names`` joins them ("Jeff Sessions and Rod Rosenstein
    Were ..."): no cut there."""
    toks = sentence.tokens
    cuts: set[int] = set()
    weak: set[int] = set()
    inside = [(q.start, q.end) for q in quotations if q.mark_start < sentence.end and q.mark_end > sentence.start]
    headline = unpunctuated(sentence)
    first_word = next((t for t in toks if t.kind != "punct"), None)
    fronted = not headline and first_word is not None and first_word.norm in FRONTED_CLAUSE_OPENERS
    for k, t in enumerate(toks[:-1]):
        nxt = toks[k + 1]
        if any(a <= nxt.start < b for a, b in inside):
            continue  # a quotation is kept whole
        if fronted and t.text == ",":
            cuts.add(nxt.start)  # the main clause after a fronted adverbial one
            fronted = False
            continue
        if _is_dash(toks, k) and nxt.kind != "punct":
            cuts.add(nxt.start)
            continue
        if nxt.kind == "word" and _subordinate(toks, k + 1, headline):
            cuts.add(nxt.start)
            continue
        if headline and t.text == ",":
            cuts.add(nxt.start)
        elif headline and k > 0 and t.kind == "word" and t.norm in _HEADLINE_JOINERS:
            if not (t.norm == "and" and toks[k - 1].norm in names and nxt.norm in names):
                cuts.add(t.start)
        elif t.kind == "punct" and t.text == ";":
            cuts.add(nxt.start)
        elif headline:
            continue  # a headline's colon follows a label ("DOJ IG: ...")
        elif t.kind == "punct" and t.text == ":" and nxt.kind != "punct" or (t.text == ":" and nxt.text in "\"“'‘"):
            cuts.add(nxt.start)
        elif _after_comma(toks, k) and (
            nxt.norm in CLAUSE_OPENERS or is_participle(nxt) or nxt.norm == "as" or _opens_with(toks, k + 1)
        ):
            cuts.add(nxt.start)
        elif t.kind == "word" and t.norm in CONJUNCTIONS and k > 0 and toks[k - 1].kind != "punct":
            if is_participle(nxt) or nxt.norm in PRONOUNS or nxt.norm in AUXILIARIES:
                cuts.add(t.start)
            elif _is_past(nxt) and nxt.norm not in names:
                cuts.add(t.start)  # a second predicate with its own object ("... and encouraged its display")
            elif t.norm == "and" and nxt.norm in _INDEFINITE:
                cuts.add(t.start)  # the last item of a list that names a new thing ("... and a makerspace with ...")
                weak.add(t.start)
    for q in quotations:
        if q.mark_end <= sentence.start or q.mark_start >= sentence.end:
            continue
        before = sentence.text[: max(0, q.mark_start - sentence.start)].rstrip()
        introduced = not before or before[-1] in ":,;—–"
        if not introduced:
            continue
        if sentence.start < q.mark_start:
            cuts.add(q.mark_start)
        if q.mark_end < sentence.end:
            # the piece after a closing mark starts at the next token (a comma stays inside)
            for t in toks:
                if t.start >= q.mark_end and not (t.kind == "punct" and t.text in ",.;:!?"):
                    cuts.add(t.start)
                    break
    return sorted(c for c in cuts if sentence.start < c < sentence.end), weak


def cut_sentence(
    sentence: Sentence,
    quotations: Sequence[Quotation] = (),
    *,
    min_words: int = 3,
    names: frozenset[str] = frozenset(),
) -> list[tuple[int, int]]:
    """Cut a sentence into clause-level pieces; return their ``(start, end)`` text offsets.

    The pieces are in text order, do not overlap, are stripped of surrounding white space and
    together cover every non-space character of the sentence. ``names`` are the article's names
    (:func:`capitalised_words`), which a headline's "and" may join.
    """
    cuts, weak = _cut_points(sentence, quotations, names)
    headline = unpunctuated(sentence)
    bounds = [sentence.start, *cuts, sentence.end]
    pieces: list[list[int]] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        toks = [t for t in sentence.tokens if a <= t.start < b]
        if toks:
            pieces.append([a, b])
    if len(pieces) <= 1:
        return [_strip(sentence, sentence.start, sentence.end)]

    def tokens_of(p: list[int]) -> list[Token]:
        return [t for t in sentence.tokens if p[0] <= t.start < p[1]]

    def quoted(p: list[int]) -> bool:
        return any(q.mark_start <= p[0] and q.mark_end >= _strip(sentence, *p)[1] for q in quotations) or any(
            p[0] <= q.mark_start and q.mark_end <= p[1] and (q.mark_end - q.mark_start) * 2 > p[1] - p[0]
            for q in quotations
        )

    # attributions join the quotation before them (or after them, if none is before)
    changed = True
    while changed and len(pieces) > 1:
        changed = False
        for i, p in enumerate(pieces):
            toks = tokens_of(p)
            small = content_words(toks) < (2 if headline else min_words)
            attribution = _is_attribution(toks, after_quote=i > 0 and quoted(pieces[i - 1]))
            if not (small or attribution):
                continue
            if i == 0 or (small and i + 1 < len(pieces) and pieces[i + 1][0] in weak and pieces[i][0] not in weak):
                j = (
                    i + 1
                )  # a short piece after a clause cue joins the list item after it ("along with a lift | and a ramp")
            elif attribution and i + 1 < len(pieces) and quoted(pieces[i + 1]) and not quoted(pieces[i - 1]):
                j = i + 1
            else:
                j = i - 1
            lo, hi = min(i, j), max(i, j)
            pieces[lo : hi + 1] = [[pieces[lo][0], pieces[hi][1]]]
            changed = True
            break
    return [_strip(sentence, a, b) for a, b in pieces]


def _strip(sentence: Sentence, a: int, b: int) -> tuple[int, int]:
    seg = sentence.text[a - sentence.start : b - sentence.start]
    lead = len(seg) - len(seg.lstrip())
    trail = len(seg) - len(seg.rstrip())
    return a + lead, b - trail
