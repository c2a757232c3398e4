"""Attribution cues and frames (private): what introduces attributed words, and where they are.

A cue is a speech or stance verb ("said", "believes"), a finding ("an audit found") or a cue
phrase ("according to"); the content it introduces follows it or leads the sentence. Beside the
cues, the frames that attribute without one in the usual place: a reported question ("asked
whether ..."), a quotation framed by a verb right after or before it ("“...,” the man shouted"),
a sentence that is only a source and its cue ("Rubio said.") and a line that leads with its
speaker ("Mayor: ..."). Sources are read by :mod:`mediadiff._attribution_sources`.

Public (to the package) names
-----------------------------
is_cue              how many tokens the cue at a position spans (0: none).
content_after       the content after a cue, as ``(start, end)`` offsets.
trim                ``[start, end)`` without surrounding white space and punctuation.
reported_question   the attribution of a reported question ("asked whether ..."), or None.
claim_clause        the attribution of the "that" clause of a claim noun ("the allegation that ..."), or None.
headline_speaker    the attribution of a line that leads with its speaker ("Mayor: ..."), or None.
frame_verb          whether a token can be the verb that frames a quotation.
quotation_frame     ``(source, cue)`` of a quotation that a source and a verb frame, or None.
bare_cue            ``(source, cue)`` of a sentence that is only a source and its cue, or None.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from ._attribution_sources import (
    SOURCE_REACH,
    comma_before,
    looks_like_source,
    source_before,
    token_span,
)
from .document import Attribution, Quotation, Sentence, Span, Token
from .vocabulary import (
    ATTRIBUTION_CUES,
    ATTRIBUTION_PHRASES,
    CALENDAR_WORDS,
    CLAIM_NOUNS,
    DETERMINERS,
    FINDING_CUES,
    LABELS,
    LISTENER_CUES,
    LISTENERS,
    NOUN_LIKE_CUES,
    NOUN_MARKERS,
    PASSIVE_MARKERS,
    PRONOUNS,
    QUESTION_CUES,
    SOURCE_NOUNS,
    STANCE_CUES,
    TIME_OPENERS,
)

__all__ = [
    "bare_cue",
    "claim_clause",
    "content_after",
    "frame_verb",
    "headline_speaker",
    "is_cue",
    "quotation_frame",
    "reported_question",
    "trim",
]


# every word that can open a cue: a fast test before the rules
_CUE_WORDS = ATTRIBUTION_CUES | STANCE_CUES | FINDING_CUES | frozenset(p[0] for p in ATTRIBUTION_PHRASES)


def is_cue(tokens: Sequence[Token], k: int) -> int:
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


def reported_question(text: str, tokens: Sequence[Token], k: int) -> Attribution | None:
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
    before = source_before(tokens, k) if not (k > 0 and tokens[k - 1].norm in PASSIVE_MARKERS) else None
    source = token_span(tokens, before[0], before[1], text) if before and looks_like_source(tokens, before) else None
    content = Span.of(text, tokens[k + 1].start, tokens[last].end)
    return Attribution(source=source, cue=Span.of(text, t.start, t.end), content=(content,), kind="indirect")


#: How far "that" may stand after a claim noun ("criticism from fellow Democrats that ...").
_CLAIM_REACH = 8


def claim_clause(text: str, tokens: Sequence[Token], k: int) -> Attribution | None:
    """The "that" clause of a noun of claiming ("the allegation that he lied", "criticism from
    Democrats that the president caved"): the claim's words, attributed to the noun phrase
    after "from" or "by" where one stands between noun and "that", else to no one named; the
    content runs to the next comma-opened cue or the end of the sentence."""
    t = tokens[k]
    if t.kind != "word" or t.norm not in CLAIM_NOUNS or k + 2 >= len(tokens):
        return None
    that = next(
        (m for m in range(k + 1, min(len(tokens), k + _CLAIM_REACH)) if tokens[m].norm == "that"),
        None,
    )
    if that is None or not _opens_subject(tokens, that + 1):
        return None  # "the charges that had been filed": a relative clause, not the claim's words
    between = tokens[k + 1 : that]
    if between and (
        tokens[k + 1].norm not in ("from", "by")
        or len(between) < 2
        or any(
            x.kind == "punct" and x.text not in (".", "'", "’") or is_cue(tokens, m)
            for m, x in enumerate(between, k + 1)
        )
    ):
        return None  # only "from" or "by" and who may stand between ("criticism on Friday after declaring that": no)
    source = token_span(tokens, k + 2, that - 1, text) if between else None
    content = content_after(text, tokens, that - 1, tokens[-1].end)
    if content is None:
        return None
    return Attribution(
        source=source, cue=Span.of(text, t.start, t.end), content=(Span.of(text, *content),), kind="indirect"
    )


def _opens_subject(tokens: Sequence[Token], j: int) -> bool:
    """Whether ``tokens[j]`` can open the subject of a clause: a determiner, a subject pronoun, a
    number or a capitalised word ("that the president caved", "that he lied", "that Lee knew");
    a verb or an auxiliary there makes a relative clause ("charges that had been filed")."""
    if j >= len(tokens):
        return False
    t = tokens[j]
    return t.kind == "number" or t.norm in DETERMINERS or t.norm in PRONOUNS or t.text[:1].isupper()


def content_after(text: str, tokens: Sequence[Token], last: int, end: int) -> tuple[int, int] | None:
    """The content after the cue that ends at ``tokens[last]``, as ``(start, end)`` offsets: from
    where :func:`_content_start` puts it up to the next cue that a comma opens (", adding ...",
    ", saying ...": an attribution of its own), else to ``end``; None when there is none."""
    j = _content_start(tokens, last + 1, tokens[last].norm)
    if j is None or j >= len(tokens) or is_cue(tokens, j) or not any(t.kind == "word" for t in tokens[j:]):
        return None
    stop = end
    for m in range(j + 1, len(tokens)):
        if tokens[m].kind == "word" and comma_before(tokens, m) and is_cue(tokens, m):
            stop = tokens[m - 1].start
            break
    return trim(text, tokens[j].start, stop)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without surrounding white space and punctuation."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


#: The most words a speaker label before a colon has: a name with a short title ("Sen. Ann
#: Q. Doe: ..."); more is a title-case headline's subject ("Budget Talks Fiscal Cliff Meeting: ...").
MAX_SPEAKER_LABEL_WORDS = 4


def headline_speaker(text: str, sentence: Sentence) -> Attribution | None:
    """A line that leads with its speaker: a headline ("Mayor: We will rebuild", "Trump: ...") or
    a transcript turn ("Lopez: Well, ..."); a label ("Update:", "Photo:") is not a speaker, nor
    a run of more than :data:`MAX_SPEAKER_LABEL_WORDS` capitalised words (a title-case headline)."""
    tokens = sentence.tokens
    for k, t in enumerate(tokens[:7]):
        if t.text == ":" and 0 < k < len(tokens) - 1:
            speaker = [x for x in tokens[:k] if x.kind == "word"]
            if (
                speaker
                and len(speaker) <= MAX_SPEAKER_LABEL_WORDS
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


def frame_verb(tokens: Sequence[Token], k: int) -> bool:
    """Whether ``tokens[k]`` can be the verb that frames a quotation: a cue, or a lower-case
    past tense ("shouted", "quipped") where no cue list reaches."""
    t = tokens[k]
    return (
        t.kind == "word"
        and t.text[:1].islower()
        and (is_cue(tokens, k) > 0 or (t.norm.endswith("ed") and len(t.norm) > 4 and t.norm not in CALENDAR_WORDS))
    )


def quotation_frame(text: str, tokens: Sequence[Token], quote: Quotation) -> tuple[Span, Span] | None:
    """``(source, cue)`` of a quotation that a source and a verb frame, right after it ("“...,”
    the man shouted.") or right before it ("Smith yelled, “...”"), else None."""
    starts = [t.start for t in tokens]
    after = bisect_left(starts, quote.mark_end)
    for v in range(after + 1, min(len(tokens), after + 6)):
        if tokens[v].kind != "word" or not frame_verb(tokens, v):
            continue
        span = source_before(tokens, v, apposition=False)
        rest = tokens[v + 1 : v + 2]
        if (
            span is not None
            and span[0] == after
            and looks_like_source(tokens, span)
            and (not rest or rest[0].kind == "punct" or rest[0].norm in TIME_OPENERS)
        ):
            return token_span(tokens, span[0], span[1], text), Span.of(text, tokens[v].start, tokens[v].end)
        break
    opening = bisect_left(starts, quote.mark_start)
    v = opening - 1
    if v >= 0 and tokens[v].text in ",:":
        v -= 1
    if v > 0 and frame_verb(tokens, v):
        span = source_before(tokens, v)
        if span is not None and looks_like_source(tokens, span):
            return token_span(tokens, span[0], span[1], text), Span.of(text, tokens[v].start, tokens[v].end)
    return None


def bare_cue(text: str, sentence: Sentence) -> tuple[Span, Span] | None:
    """``(source, cue)`` of a sentence that is only a source and its cue ("Rubio said.", "The
    senator said on Tuesday."), else None."""
    tokens = sentence.tokens
    for k in range(1, min(len(tokens), SOURCE_REACH)):
        if is_cue(tokens, k) == 1:
            span = source_before(tokens, k)
            rest = [t for t in tokens[k + 1 :] if t.kind == "word"]
            if (
                span is None
                or span[0] != 0
                or not looks_like_source(tokens, span)
                or len(rest) > 3
                or (rest and rest[0].norm not in TIME_OPENERS)
            ):
                return None
            return token_span(tokens, span[0], span[1], text), Span.of(text, tokens[k].start, tokens[k].end)
    return None
