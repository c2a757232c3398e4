"""Attribution: whose words are these? Found once, when a document is segmented.

News mixes the outlet's own voice with words it attributes to someone: quotations ("“We will
win,” she said"), indirect speech ("Smith said the plan would fail"), reports ("according to
the audit"), statements introduced by a colon, and headlines that lead with a speaker
("Mayor: ..."). Every analyser that judges an outlet's own voice (loaded language, wording
shifts of attribution, the sources an omission silences, quote speakers) reads the same
:class:`~mediadiff.document.Attribution` records, so they agree on who says what.

The rules read tokens and punctuation only (no parser, no model); their vocabulary is in
:mod:`mediadiff.vocabulary`. What they find and miss is measured on PolNeAR
(``bench/bench_attribution.py``, docs/evaluation.md).

Public names
------------
find_attributions   a document's sentences and quotations -> Attribution records, in text order.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from .document import Attribution, AttributionKind, Quotation, Sentence, Span, Token
from .vocabulary import (
    ATTRIBUTION_CUES,
    ATTRIBUTION_PHRASES,
    CALENDAR_WORDS,
    FINDING_CUES,
    FRONTED_OPENERS,
    LABELS,
    LISTENER_CUES,
    LISTENERS,
    NOUN_LIKE_CUES,
    NOUN_MARKERS,
    PASSIVE_MARKERS,
    PRONOUNS,
    QUESTION_CUES,
    RELATIVE_PRONOUNS,
    SOURCE_NOUNS,
    SOURCE_STOP,
    STANCE_CUES,
    SUBJECT_BREAKS,
    TIME_OPENERS,
    TITLE_WORDS,
)

__all__ = ["find_attributions"]

# how far (in tokens) a source noun phrase may reach from its cue
_SOURCE_REACH = 9
# how far an apposition or relative clause between commas may reach ("Smith, who ..., said")
_APPOSITION_REACH = 30
# tokens that end a source noun phrase when read backwards from a cue
_CLAUSE_MARKS = frozenset(",;:()—–-\"“”‘’'")


# every word that can open a cue: a fast test before the rules
_CUE_WORDS = ATTRIBUTION_CUES | STANCE_CUES | FINDING_CUES | frozenset(p[0] for p in ATTRIBUTION_PHRASES)


def _is_cue(tokens: Sequence[Token], k: int) -> int:
    """How many tokens the cue at ``tokens[k]`` spans (0 when it is none): a cue phrase
    ("according to") or a cue verb ("said", "believes") that is not read as a noun ("the
    report", "a claim", "in a statement": a determiner or preposition before it) nor a name
    (capitalised inside the sentence)."""
    t = tokens[k]
    if t.kind != "word" or t.norm not in _CUE_WORDS:
        return 0
    for phrase in ATTRIBUTION_PHRASES:
        if t.norm == phrase[0] and all(
            k + i < len(tokens) and tokens[k + i].norm == w for i, w in enumerate(phrase[1:], 1)
        ):
            return len(phrase)
    if k > 0 and t.text[:1].isupper():
        return 0
    if k > 0 and tokens[k - 1].norm == "so":
        return 0  # "so called", "so-called": an adjective
    if k > 0 and tokens[k - 1].norm in PASSIVE_MARKERS and not t.norm.endswith("ing"):
        return 0  # "households were told": who told them comes after "by", if at all
    if t.norm in FINDING_CUES:
        # "a poll found", "an audit released last month that found", "the Department ... found":
        # a document's or an agency's finding, not a person's discovery ("Police found the van")
        near = tokens[max(0, k - 7) : k]
        document = any(x.norm in SOURCE_NOUNS for x in near) and not any(x.text in ".;:" for x in near)
        agency = k > 1 and tokens[k - 1].kind == "word" and tokens[k - 1].text[:1].isupper()
        return 1 if document or agency else 0
    if (t.norm not in ATTRIBUTION_CUES and t.norm not in STANCE_CUES) or (k > 0 and tokens[k - 1].norm in NOUN_MARKERS):
        return 0
    if t.norm in NOUN_LIKE_CUES:
        prev = tokens[k - 1] if k > 0 else None
        if prev is None or not (prev.norm in PRONOUNS or (prev.kind == "word" and prev.text[:1].isupper())):
            return 0
    return 1


def _source_before(tokens: Sequence[Token], k: int, apposition: bool = True) -> tuple[int, int] | None:
    """The noun phrase that is the subject of the cue at ``tokens[k]``, read backwards: token
    indexes ``(first, last)``, or None. Skips auxiliaries and adverbs right before the cue ("has
    said", "also said") and, unless ``apposition`` is False, an apposition or relative clause
    between commas ("Trump, the nominee, said"; "Ruiz, who runs the clinic, said")."""
    j = k - 1
    while j >= 0 and _between(tokens[j]):
        j -= 1
    if j >= 1 and tokens[j].kind == "word" and tokens[j].norm in RELATIVE_PRONOUNS:
        # "Supervisor Luis Arbeláez, who said", "an audit released last month that found": the
        # antecedent before the relative pronoun is the source
        j -= 1
        if j >= 0 and tokens[j].text == ",":
            j -= 1
    if apposition and j >= 1 and tokens[j].text == ",":
        # an apposition or age closes right before the cue: "Smith, 71, said"; "X, the nominee, said"
        m = j - 1
        while m >= 0 and tokens[m].text != "," and j - m <= _APPOSITION_REACH:
            if (
                tokens[m].text in _QUOTE_MARKS
                or tokens[m].text in ".;:!?"
                and not (m > 0 and _abbreviation(tokens[m - 1]))
            ):
                return None
            m -= 1
        if m >= 1 and tokens[m].text == ",":
            between = (m + 1, j - 1)
            before = _source_before(tokens, m, apposition=False)
            # "The hospital's medical director, Dr. Ana Ruiz, said": the name is the source;
            # "Ana Ruiz, who runs the clinic, said": the antecedent of "who" is
            relative = tokens[m + 1].norm in RELATIVE_PRONOUNS
            if not relative and _has_name(tokens, between) and not _has_name(tokens, before):
                return between
            j = m - 1
        else:
            return None
    last = j
    if last >= 0 and tokens[last].kind == "punct" and tokens[last].text in _QUOTE_MARKS:
        return None  # a quotation ends right before the cue: its speaker comes after the cue
    while j >= 0 and last - j < _SOURCE_REACH:
        t = tokens[j]
        if t.text == "." and j > 0 and _abbreviation(tokens[j - 1]):
            j -= 1  # "Dr. Ana Ruiz", "Sen. Doe": the point of a title
            continue
        if t.text == ")":
            # "Sen. Ann Doe (D-Ore.) said": a parenthesis inside the name is read over
            opening = next((m for m in range(j - 1, max(-1, j - 8), -1) if tokens[m].text == "("), None)
            if opening is not None and opening > 0 and j == last:
                last = j = opening - 1
                continue
        if t.kind == "punct" and (t.text in _CLAUSE_MARKS or t.text in ".!?"):
            break
        if t.kind == "word" and t.norm in SUBJECT_BREAKS:
            break
        j -= 1
    first = j + 1
    while first <= last and tokens[first].kind == "punct":
        first += 1
    if first > last:
        return None
    return first, last


def _between(token: Token) -> bool:
    """A word that stands between a source and its cue and belongs to neither: an auxiliary or an
    adverb ("has said", "are quietly saying", "may now ask")."""
    return token.kind == "word" and (
        token.norm in SOURCE_STOP
        or token.norm in PASSIVE_MARKERS
        or (token.norm.endswith("ly") and len(token.norm) > 4 and token.text[:1].islower())
    )


def _clause_subject(tokens: Sequence[Token], k: int) -> tuple[int, int] | None:
    """The subject of the main clause when the cue at ``tokens[k]`` is a second predicate ("Reid
    voted and says ...") or a participle (", saying ..."): the first name or pronoun, at the
    start of the sentence or after a fronted phrase's comma, that a lower-case word (its verb)
    follows. None when no such subject stands before the cue."""
    j = k - 1
    while j >= 0 and _between(tokens[j]):
        j -= 1
    participle = tokens[k].norm.endswith("ing") and j >= 0 and tokens[j].text == ","
    if not (participle or (j >= 0 and tokens[j].norm == "and")):
        return None
    for p in range(k):
        if p > 0 and tokens[p - 1].text != ",":
            continue
        t = tokens[p]
        if (
            t.kind != "word"
            or not t.text[:1].isupper()
            or t.norm in NOUN_MARKERS
            or t.norm in SUBJECT_BREAKS
            or t.norm in TIME_OPENERS
            or t.norm in CALENDAR_WORDS
        ):
            continue
        q = p
        if t.norm not in PRONOUNS:
            while q + 1 < k and (
                tokens[q + 1].text[:1].isupper() or (tokens[q + 1].text == "." and _abbreviation(tokens[q]))
            ):
                q += 1
        if q + 1 < k and tokens[q + 1].kind == "word" and tokens[q + 1].text[:1].islower():
            return p, q
    return None


def _abbreviation(token: Token) -> bool:
    """A capitalised abbreviation that takes a point ("Dr", "Sen", "Gov", "St")."""
    return token.kind == "word" and token.text[:1].isupper() and len(token.text) <= 4 and token.text.isalpha()


def _has_name(tokens: Sequence[Token], span: tuple[int, int] | None) -> bool:
    """Whether a token span holds a capitalised word that is not its first (a name)."""
    if span is None:
        return False
    first, last = span
    return any(t.kind == "word" and t.text[:1].isupper() for t in tokens[first + 1 : last + 1]) or (
        first == last and tokens[first].text[:1].isupper() and tokens[first].norm not in PRONOUNS
    )


def _source_after(tokens: Sequence[Token], k: int) -> tuple[int, int] | None:
    """The noun phrase right after a cue that ends its clause (", said Sen. John Doe, R-Ariz.");
    a role followed by a name in apposition gives the name (", said the group's director, Tomasz
    Brill.")."""
    span = _phrase_after(tokens, k + 1)
    if span is None:
        return None
    first, last = span
    nxt = last + 1
    if nxt < len(tokens) and tokens[nxt].text == "," and not _has_name(tokens, span):
        name = _phrase_after(tokens, nxt + 1)
        if name is not None and _has_name(tokens, name) and _ends_clause(tokens, name[1]):
            return name
    return first, last


def _phrase_after(tokens: Sequence[Token], first: int) -> tuple[int, int] | None:
    """The run of tokens from ``first`` up to the next punctuation (a title's point aside)."""
    j = first
    while j < len(tokens) and j - first < _SOURCE_REACH:
        t = tokens[j]
        if t.kind == "punct" and t.text not in ".'’":
            break
        if t.kind == "punct" and t.text == "." and (j + 1 >= len(tokens) or not _abbreviation(tokens[j - 1])):
            break
        j += 1
    last = j - 1
    while last >= first and tokens[last].kind == "punct":
        last -= 1
    if last < first:
        return None
    return first, last


def _content_start(tokens: Sequence[Token], j: int, cue: str) -> int | None:
    """Where the content after a cue starts: past "that" and a colon or comma, past the listener
    of "told" ("told reporters that ..."), past an adverbial ("said on Tuesday that ...",
    "said in a statement: ..."); None when the cue ends its clause ("said on Tuesday.")."""
    opener = j < len(tokens) and (tokens[j].norm in TIME_OPENERS or (tokens[j].kind == "number"))
    if cue in LISTENER_CUES or opener:
        # the content starts after "that", a colon or a comma within reach, else (a listener
        # only) after the listener's name or pronoun
        for m in range(j, min(len(tokens), j + 12)):
            if tokens[m].norm == "that" or tokens[m].text in ":,":
                return m + 1
            if tokens[m].text in ".;":
                break
        if opener:
            return None
        m = j
        while m < len(tokens) and m - j < 4 and (tokens[m].text[:1].isupper() or tokens[m].norm in LISTENERS):
            m += 1
        return m if m > j else j
    while j < len(tokens) and (tokens[j].text in ":," or tokens[j].norm == "that"):
        j += 1
    return j


def _question(text: str, tokens: Sequence[Token], k: int) -> Attribution | None:
    """A reported question: a question cue before "whether" or "if" ("asked whether the plan was
    dead", "When asked if ..."), attributed to its asker where one stands before the cue, else to
    no one named; the content runs to the next comma or the end of the sentence."""
    t = tokens[k]
    if (
        t.kind != "word"
        or t.norm not in QUESTION_CUES
        or k + 1 >= len(tokens)
        or tokens[k + 1].norm not in ("whether", "if")
    ):
        return None
    stop = next((m for m in range(k + 2, len(tokens)) if tokens[m].text in ",;:"), len(tokens))
    last = stop - 1
    while last > k + 1 and tokens[last].kind == "punct":
        last -= 1
    if last <= k + 1:
        return None
    before = _source_before(tokens, k) if not (k > 0 and tokens[k - 1].norm in PASSIVE_MARKERS) else None
    source = _span(tokens, before[0], before[1], text) if before and _looks_like_source(tokens, before) else None
    content = Span.of(text, tokens[k + 1].start, tokens[last].end)
    return Attribution(source=source, cue=Span.of(text, t.start, t.end), content=(content,), kind="indirect")


def _content_after(text: str, tokens: Sequence[Token], last: int, end: int) -> tuple[int, int] | None:
    """The content after the cue that ends at ``tokens[last]``, as ``(start, end)`` offsets: from
    where :func:`_content_start` puts it up to the next cue that a comma opens (", adding ...",
    ", saying ...": an attribution of its own), else to ``end``; None when there is none."""
    j = _content_start(tokens, last + 1, tokens[last].norm)
    if j is None or j >= len(tokens) or _is_cue(tokens, j) or not any(t.kind == "word" for t in tokens[j:]):
        return None
    stop = end
    for m in range(j + 1, len(tokens)):
        if tokens[m].kind == "word" and _comma_before(tokens, m) and _is_cue(tokens, m):
            stop = tokens[m - 1].start
            break
    return _trim(text, tokens[j].start, stop)


def _ends_clause(tokens: Sequence[Token], last: int) -> bool:
    """Whether token ``last`` ends its clause: only punctuation after it, or a comma (", who
    ...", ", a spokesman for ...")."""
    rest = tokens[last + 1 :]
    return all(t.kind == "punct" for t in rest) or (bool(rest) and rest[0].text == ",")


def _comma_before(tokens: Sequence[Token], k: int) -> bool:
    """Whether a comma comes right before token ``k``, closing quotation marks aside
    ("“...,” said X", "''...,'' Smith said")."""
    j = k - 1
    while j >= 0 and tokens[j].kind == "punct" and tokens[j].text in _QUOTE_MARKS:
        j -= 1
    return j >= 0 and j < k and tokens[j].text == ","


_QUOTE_MARKS = "\"“”‘’'«»"
_CLOSING_MARKS = "\"”’'»"


def _looks_like_source(tokens: Sequence[Token], span: tuple[int, int] | None) -> bool:
    """A name, a pronoun, or a noun phrase that can speak ("the company", "a spokesman")."""
    if span is None:
        return False
    first, last = span
    words = [t for t in tokens[first : last + 1] if t.kind == "word"]
    if not words:
        return False
    if len(words) == 1 and words[0].norm in PRONOUNS:
        return True
    if words[0].norm in SUBJECT_BREAKS or any(
        t.kind == "punct" and t.text in _QUOTE_MARKS for t in tokens[first : last + 1]
    ):
        return False  # "that Valeant had ''upside": a clause, not a speaker
    if any(w.norm in ATTRIBUTION_CUES and w.norm not in NOUN_LIKE_CUES for w in words):
        return False  # "said the way the group treated women": another cue's clause
    head = words[-1]
    if head.norm in CALENDAR_WORDS or head.kind != "word":
        return False
    return True


def _span(text_of: Sequence[Token], first: int, last: int, text: str) -> Span:
    return Span.of(text, text_of[first].start, text_of[last].end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without surrounding white space and punctuation."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def _sentence_attributions(text: str, sentence: Sentence, quotes: Sequence[Quotation]) -> list[Attribution]:
    """The attributions whose cue lies in one sentence."""
    tokens = sentence.tokens
    out: list[Attribution] = []
    k = 0
    while k < len(tokens):
        question = _question(text, tokens, k)
        if question is not None and not any(q.start <= tokens[k].start < q.end for q in quotes):
            out.append(question)
            k += 1
            continue
        size = _is_cue(tokens, k)
        if not size or any(q.start <= tokens[k].start < q.end for q in quotes):
            k += 1
            continue
        cue = Span.of(text, tokens[k].start, tokens[k + size - 1].end)
        phrase = tokens[k].norm == "according"
        before = _source_before(tokens, k) if not phrase else None
        after = _source_after(tokens, k + size - 1)
        comma_before = _comma_before(tokens, k)
        content: tuple[int, int] | None = None
        source: tuple[int, int] | None = None
        if phrase:
            # "according to X, CONTENT" or "CONTENT, according to X"
            source = after
            end_of_source = tokens[after[1]].end if after else cue.end
            if k <= 1:
                content = _trim(text, end_of_source, sentence.end)
            else:
                content = _trim(
                    text, sentence.start, tokens[k - 1].start if tokens[k - 1].kind == "punct" else cue.start
                )
        elif (
            comma_before
            and after is not None
            and _looks_like_source(tokens, after)
            and _ends_clause(tokens, after[1])
            and tokens[k].norm not in LISTENER_CUES
            and not (before is not None and _looks_like_source(tokens, before))
        ):
            # inversion at the end: "CONTENT, said Sen. Doe."
            source = after
            content = _trim(text, sentence.start, tokens[k - 1].start)
        elif (subject := _clause_subject(tokens, k)) is not None:
            # "Reid voted and says CONTENT"; "Romney attacked the plan, calling it CONTENT"
            source = subject
            content = _content_after(text, tokens, k + size - 1, sentence.end)
        elif before is not None and _looks_like_source(tokens, before):
            source = before
            first = before[0]
            tail = _content_after(text, tokens, k + size - 1, sentence.end)
            # "CONTENT, X said" or "“CONTENT!” X said" (but "At the rally, X said CONTENT")
            lead = _comma_before(tokens, first) or (first > 0 and tokens[first - 1].text in _CLOSING_MARKS)
            if lead and tail is not None and tokens[0].norm in FRONTED_OPENERS and not quotes:
                lead = False
            if lead:
                content = _trim(text, sentence.start, tokens[first - 1].start)
                if tail is not None and tail[1] - tail[0] > 1:
                    # "CONTENT, X said, MORE."
                    made = _make(text, source, tokens, cue, (content,), quotes)
                    if made is not None:
                        out.append(made)
                    content = tail
            else:
                # "X said (that) CONTENT."
                content = tail
        if content is not None and content[1] - content[0] > 1:
            made = _make(text, source, tokens, cue, (content,), quotes)
            if made is not None:
                out.append(made)
        k += size
    return out


def _snap(content: tuple[int, int], quotes: Sequence[Quotation]) -> tuple[int, int]:
    """A content span widened to every quotation it cuts into, without the quotation marks at
    its ends: the words of a quotation are attributed whole."""
    a, b = content
    for q in quotes:
        if q.start < b and a < q.end:
            a, b = min(a, q.start), max(b, q.end)
    for q in quotes:
        if q.mark_start <= a < q.start:
            a = q.start
        if q.end < b <= q.mark_end:
            b = q.end
    return a, b


def _make(
    text: str,
    source: tuple[int, int] | None,
    tokens: Sequence[Token],
    cue: Span,
    content: Sequence[tuple[int, int]],
    quotes: Sequence[Quotation],
) -> Attribution | None:
    """The attribution of ``content`` to ``source`` (None when no content is left)."""
    content = [_snap(c, quotes) for c in content]
    spans = tuple(Span.of(text, a, b) for a, b in content if b > a)
    if not spans:
        return None
    inside = sum(min(b, q.end) - max(a, q.start) for a, b in content for q in quotes if q.start < b and a < q.end)
    total = sum(b - a for a, b in content)
    kind: AttributionKind = "direct" if total and inside >= 0.9 * total else "mixed" if inside else "indirect"
    src = _span(tokens, source[0], source[1], text) if source else None
    return Attribution(source=src, cue=cue, content=spans, kind=kind)


def _headline(text: str, sentence: Sentence) -> Attribution | None:
    """A line that leads with its speaker: a headline ("Mayor: We will rebuild", "Trump: ...") or
    a transcript turn ("Lopez: Well, ..."); a label ("Update:", "Photo:") is not a speaker."""
    tokens = sentence.tokens
    for k, t in enumerate(tokens[:7]):
        if t.text == ":" and 0 < k < len(tokens) - 1:
            speaker = [x for x in tokens[:k] if x.kind == "word"]
            if (
                speaker
                and all(x.text[:1].isupper() for x in speaker)
                and not any(x.norm in LABELS or x.norm in CALENDAR_WORDS for x in speaker)
            ):
                return Attribution(
                    source=Span.of(text, tokens[0].start, tokens[k - 1].end),
                    cue=Span.of(text, t.start, t.end),
                    content=(Span.of(text, tokens[k + 1].start, sentence.end),),
                    kind="indirect",
                )
            return None
    return None


def _frame_verb(tokens: Sequence[Token], k: int) -> bool:
    """Whether ``tokens[k]`` can be the verb that frames a quotation: a cue, or a lower-case
    past tense ("shouted", "quipped") where no cue list reaches."""
    t = tokens[k]
    return (
        t.kind == "word"
        and t.text[:1].islower()
        and (_is_cue(tokens, k) > 0 or (t.norm.endswith("ed") and len(t.norm) > 4 and t.norm not in CALENDAR_WORDS))
    )


def _frame(text: str, tokens: Sequence[Token], quote: Quotation) -> tuple[Span, Span] | None:
    """``(source, cue)`` of a quotation that a source and a verb frame, right after it ("“...,”
    the man shouted.") or right before it ("Smith yelled, “...”"), else None."""
    starts = [t.start for t in tokens]
    after = bisect_left(starts, quote.mark_end)
    for v in range(after + 1, min(len(tokens), after + 6)):
        if tokens[v].kind != "word" or not _frame_verb(tokens, v):
            continue
        span = _source_before(tokens, v, apposition=False)
        rest = tokens[v + 1 : v + 2]
        if (
            span is not None
            and span[0] == after
            and _looks_like_source(tokens, span)
            and (not rest or rest[0].kind == "punct" or rest[0].norm in TIME_OPENERS)
        ):
            return _span(tokens, span[0], span[1], text), Span.of(text, tokens[v].start, tokens[v].end)
        break
    opening = bisect_left(starts, quote.mark_start)
    v = opening - 1
    if v >= 0 and tokens[v].text in ",:":
        v -= 1
    if v > 0 and _frame_verb(tokens, v):
        span = _source_before(tokens, v)
        if span is not None and _looks_like_source(tokens, span):
            return _span(tokens, span[0], span[1], text), Span.of(text, tokens[v].start, tokens[v].end)
    return None


def _bare_cue(text: str, sentence: Sentence) -> tuple[Span, Span] | None:
    """``(source, cue)`` of a sentence that is only a source and its cue ("Rubio said.", "The
    senator said on Tuesday."), else None."""
    tokens = sentence.tokens
    for k in range(1, min(len(tokens), _SOURCE_REACH)):
        if _is_cue(tokens, k) == 1:
            span = _source_before(tokens, k)
            rest = [t for t in tokens[k + 1 :] if t.kind == "word"]
            if (
                span is None
                or span[0] != 0
                or not _looks_like_source(tokens, span)
                or len(rest) > 3
                or (rest and rest[0].norm not in TIME_OPENERS)
            ):
                return None
            return _span(tokens, span[0], span[1], text), Span.of(text, tokens[k].start, tokens[k].end)
    return None


def _introduces(sentence: Sentence) -> bool:
    """Whether a sentence ends with a colon that introduces what follows ("... said:")."""
    return bool(sentence.tokens) and sentence.tokens[-1].text == ":"


def find_attributions(
    text: str, sentences: Sequence[Sentence], quotations: Sequence[Quotation]
) -> tuple[Attribution, ...]:
    """Attribution records of a document, in text order of their content.

    ``sentences`` are the document's content sentences (boilerplate left out) and
    ``quotations`` its direct quotations. Every quotation is attributed content: to the cue of
    its sentence when there is one, else on its own (``source`` None). A sentence that ends
    with a colon after a cue ("the campaign said:") attributes the sentences after it, up to the
    end of the next paragraph, to the same source.
    """
    out: list[Attribution] = []
    done: set[int] = set()  # quotations already attributed
    paragraph: dict[int, int] = {}  # id(attribution) -> paragraph of its sentence
    by_start = sorted(quotations, key=lambda q: q.mark_start)
    starts = [q.mark_start for q in by_start]
    reach = 0  # the furthest closing mark of the quotations that open before a position
    ends_before: list[int] = []
    for q in by_start:
        reach = max(reach, q.mark_end)
        ends_before.append(reach)
    for n, s in enumerate(sentences):
        # the quotations whose marks overlap the sentence: those that open before its end and
        # close after its start (found from the sorted openings, not by scanning them all)
        hi = bisect_left(starts, s.end)
        lo = bisect_left(ends_before, s.start + 1, 0, hi)
        quotes = [q for q in by_start[lo:hi] if q.mark_end > s.start]
        found = _sentence_attributions(text, s, quotes)
        if not found and (n == 0 or sentences[n - 1].paragraph != s.paragraph):
            head = _headline(text, s)
            found = [head] if head else []
        cues = [k for k in range(len(s.tokens)) if _is_cue(s.tokens, k)] if _introduces(s) and not found else []
        if _introduces(s) and not found and not cues and len(s.tokens) > 2 and _frame_verb(s.tokens, len(s.tokens) - 2):
            cues = [len(s.tokens) - 2]  # "Jared Potts, 17, echoed:" a verb that introduces a statement
        if _introduces(s) and (found or cues):
            # the statement after the colon: the rest of this paragraph and the next one
            if found:
                source, cue = found[-1].source, found[-1].cue
            else:
                k = cues[-1]
                span = _source_before(s.tokens, k)
                source = _span(s.tokens, *span, text) if span and _looks_like_source(s.tokens, span) else None
                cue = Span.of(text, s.tokens[k].start, s.tokens[k].end)
            rest = [x for x in sentences[n + 1 :] if x.paragraph <= s.paragraph + 1]
            if rest:
                a, b = rest[0].start, rest[-1].end
                found = [f for f in found if f.content[0].start < s.tokens[-1].start - 1] + [
                    Attribution(source=source, cue=cue, content=(Span.of(text, a, b),), kind="indirect")
                ]
        if not found and out and (bare := _bare_cue(text, s)) is not None:
            # "“... ?” / Rubio said.": a quotation closes the sentence before, its speaker follows
            last = out[-1]
            if (
                last.source is None
                and last.cue is None
                and paragraph.get(id(last)) == s.paragraph
                and not text[last.content[-1].end : s.start].strip(" \n\t\"“”‘’'«»").strip()
            ):
                out[-1] = replace(last, source=bare[0], cue=bare[1])
                paragraph[id(out[-1])] = s.paragraph
        covered = [(c.start, c.end) for a in found for c in a.content]
        for q in quotes:
            if id(q) in done or q.start < s.start:
                continue
            done.add(id(q))
            if not any(a <= q.start and q.end <= b for a, b in covered) and q.end > q.start:
                frame = _frame(text, s.tokens, q) if not found else None
                if frame is not None:
                    # "“...,” the man shouted": the verb that frames a quotation is a speech verb
                    framed = Attribution(
                        source=frame[0], cue=frame[1], content=(Span.of(text, q.start, q.end),), kind="direct"
                    )
                    out.append(framed)
                    paragraph[id(framed)] = s.paragraph
                    continue
                orphan = Attribution(source=None, cue=None, content=(Span.of(text, q.start, q.end),), kind="direct")
                out.append(orphan)
                if text[s.start : q.mark_start].strip() == "":
                    paragraph[id(orphan)] = s.paragraph  # it opens its sentence: a speaker's words go on
        for f in found:
            paragraph[id(f)] = s.paragraph
        out.extend(found)
    out.sort(key=lambda a: (a.content[0].start, a.content[0].end))
    return tuple(_resolve(_speakers(out, paragraph), paragraph))


#: How many paragraphs back a pronoun source may find the named source it stands for.
_PRONOUN_REACH = 2


def _named(span: Span | None) -> bool:
    """Whether a source names someone (a capitalised word other than a pronoun or an article:
    "The company" names no one)."""
    return span is not None and any(
        w[:1].isupper() and w.lower() not in PRONOUNS and w.lower() not in ("the", "a", "an") for w in span.text.split()
    )


def _stands_for_someone(source: Span) -> bool:
    """Whether a source is a pronoun ("she") or a title that stands for a named person ("the
    senator", "the former governor"): lower-case words after "the", the last a title word."""
    words = source.text.split()
    if len(words) == 1:
        return words[0].lower() in PRONOUNS
    return words[0].lower() == "the" and all(w[:1].islower() for w in words[1:]) and words[-1].lower() in TITLE_WORDS


def _resolve(found: list[Attribution], paragraph: dict[int, int]) -> list[Attribution]:
    """Resolve a pronoun source ("she said") or a title ("the senator said") to the last named
    source before it, within ``_PRONOUN_REACH`` paragraphs: the person the article last let
    speak."""
    out = list(found)
    last: tuple[Span, int] | None = None
    for n, a in enumerate(out):
        here = paragraph.get(id(a))
        src = a.source
        if src is not None and _stands_for_someone(src):
            if last is not None and here is not None and here - last[1] <= _PRONOUN_REACH:
                out[n] = replace(a, resolved=last[0])
        elif _named(src) and src is not None:
            last = (src, here if here is not None else (last[1] if last else 0))
    return out


def _speakers(found: list[Attribution], paragraph: dict[int, int]) -> list[Attribution]:
    """Give a quotation that stands alone and opens its sentence the source of its paragraph:
    the nearest attribution with a source before it in the same paragraph, else after it
    ("“...,” she said. “...”"; "“...” The senator said."), else, when it opens its paragraph, the
    speaker quoted last in the paragraph before (a quotation that runs on over paragraphs)."""
    out = list(found)
    for n, a in enumerate(out):
        if a.source is not None or a.cue is not None or id(a) not in paragraph:
            continue  # a quotation inside a sentence of the outlet's ("a so-called “hit piece”") keeps no speaker
        here = paragraph[id(a)]
        near = [b for b in reversed(out[:n]) if b.source is not None and paragraph.get(id(b)) == here]
        near = near or [
            b for b in out[n + 1 :] if b.source is not None and b.cue is not None and paragraph.get(id(b)) == here
        ]
        if not near:
            before = [b for b in out[:n] if b.source is not None and paragraph.get(id(b), -2) == here - 1]
            if before and before[-1].kind != "indirect" and not any(paragraph.get(id(b)) == here for b in out[:n]):
                near = [before[-1]]
        if near:
            out[n] = replace(a, source=near[0].source)
            paragraph[id(out[n])] = here
    return out
