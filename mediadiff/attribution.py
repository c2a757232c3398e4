"""Attribution: whose words are these? Found once, when a document is segmented.

News mixes the outlet's own voice with words it attributes to someone: quotations ("“We will
win,” she said"), indirect speech ("Smith said the plan would fail"), reports ("according to
the audit"), statements introduced by a colon, and headlines that lead with a speaker
("Mayor: ..."). Every analyser that judges an outlet's own voice (loaded language, wording
shifts of attribution, the sources an omission silences, quote speakers) reads the same
:class:`~mediadiff.document.Attribution` records, so they agree on who says what.

The rules read tokens and punctuation only (no parser, no model); their vocabulary is in
:mod:`mediadiff.vocabulary`. What they find and miss is measured on PolNeAR
(``bench/bench_attribution.py``, docs/evaluation.md). This module drives them, a sentence at a
time and then over the document (statements a colon introduces, quotations that stand alone,
pronoun sources); the cues and frames are read in :mod:`mediadiff._attribution_cues`, the
sources in :mod:`mediadiff._attribution_sources`.

Public names
------------
find_attributions   a document's sentences and quotations -> Attribution records, in text order.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from ._attribution_cues import (
    bare_cue,
    claim_clause,
    content_after,
    frame_verb,
    headline_speaker,
    is_cue,
    quotation_frame,
    reported_question,
    trim,
)
from ._attribution_sources import (
    clause_subject,
    comma_before,
    ends_clause,
    looks_like_source,
    source_after,
    source_before,
    token_span,
)
from ._clauses import is_participle
from .document import Attribution, AttributionKind, Quotation, Sentence, Span, Token
from .vocabulary import AUXILIARIES, BE_FORMS, FRONTED_OPENERS, LISTENER_CUES, PRONOUNS, TITLE_WORDS

__all__ = ["find_attributions"]

_CLOSING_MARKS = "\"”’'»"

#: A pair of positions: the ``(start, end)`` character offsets of a content, or the token
#: indexes ``(first, last)`` of a source.
_Range = tuple[int, int]


def _sentence_attributions(text: str, sentence: Sentence, quotes: Sequence[Quotation]) -> list[Attribution]:
    """The attributions whose cue lies in one sentence."""
    tokens = sentence.tokens
    out: list[Attribution] = []
    k = 0
    while k < len(tokens):
        question = reported_question(text, tokens, k) or claim_clause(text, tokens, k)
        if question is not None and not _quoted(tokens[k], quotes):
            out.append(question)
            k += 1
            continue
        size = is_cue(tokens, k)
        if not size or _quoted(tokens[k], quotes):
            k += 1
            continue
        out.extend(_cue_attributions(text, sentence, k, size, quotes))
        k += size
    return out


def _quoted(token: Token, quotes: Sequence[Quotation]) -> bool:
    """Whether a token starts inside one of ``quotes`` (a cue there is the speaker's, not the outlet's)."""
    return any(q.start <= token.start < q.end for q in quotes)


def _cue_attributions(
    text: str, sentence: Sentence, k: int, size: int, quotes: Sequence[Quotation]
) -> list[Attribution]:
    """The attributions of the cue that spans ``size`` tokens from ``sentence.tokens[k]``."""
    tokens = sentence.tokens
    cue = Span.of(text, tokens[k].start, tokens[k + size - 1].end)
    if tokens[k].norm == "according":
        source, contents = _according_to(text, sentence, k, size, cue)
    else:
        source, contents = _spoken(text, sentence, k, size, quotes)
    made = (_make(text, source, tokens, cue, (content,), quotes) for content in contents)
    return [m for m in made if m is not None]


def _kept(content: _Range | None) -> tuple[_Range, ...]:
    """``content`` when it holds more than one character, else nothing."""
    return (content,) if content is not None and content[1] - content[0] > 1 else ()


def _according_to(
    text: str, sentence: Sentence, k: int, size: int, cue: Span
) -> tuple[_Range | None, tuple[_Range, ...]]:
    """Source and content of "according to X, CONTENT" or "CONTENT, according to X"."""
    tokens = sentence.tokens
    after = source_after(tokens, k + size - 1)
    end_of_source = tokens[after[1]].end if after else cue.end
    if k <= 1:
        return after, _kept(trim(text, end_of_source, sentence.end))
    end = tokens[k - 1].start if tokens[k - 1].kind == "punct" else cue.start
    return after, _kept(trim(text, sentence.start, end))


def _spoken(
    text: str, sentence: Sentence, k: int, size: int, quotes: Sequence[Quotation]
) -> tuple[_Range | None, tuple[_Range, ...]]:
    """Source and contents of a cue verb: its source after it, the subject of its clause, or
    its source before it (none of them: no attribution)."""
    tokens = sentence.tokens
    before = source_before(tokens, k)
    after = source_after(tokens, k + size - 1)
    speaks_before = before is not None and looks_like_source(tokens, before)
    if (
        comma_before(tokens, k)
        and after is not None
        and looks_like_source(tokens, after)
        and ends_clause(tokens, after[1])
        and tokens[k].norm not in LISTENER_CUES
        and not speaks_before
    ):
        # inversion at the end: "CONTENT, said Sen. Doe."
        return after, _kept(trim(text, sentence.start, tokens[k - 1].start))
    if (subject := clause_subject(tokens, k)) is not None:
        # "Reid voted and says CONTENT"; "Romney attacked the plan, calling it CONTENT"
        return subject, _kept(content_after(text, tokens, k + size - 1, sentence.end))
    if before is not None and speaks_before:
        return before, _around_source(text, sentence, k + size - 1, before[0], quotes)
    return None, ()


def _around_source(
    text: str, sentence: Sentence, last: int, first: int, quotes: Sequence[Quotation]
) -> tuple[_Range, ...]:
    """The contents of a cue ending at token ``last`` whose source starts at token ``first``:
    before the source ("CONTENT, X said"; "“CONTENT!” X said"), after the cue ("X said (that)
    CONTENT."; "At the rally, X said CONTENT"), or both ("CONTENT, X said, MORE.")."""
    tokens = sentence.tokens
    tail = content_after(text, tokens, last, sentence.end)
    lead = comma_before(tokens, first) or (first > 0 and tokens[first - 1].text in _CLOSING_MARKS)
    if lead and tail is not None and (tokens[0].norm in FRONTED_OPENERS and not quotes or _participial(tokens)):
        lead = False  # "At the rally, X said ...", "Trying to calm the furor, X said: ..."
    if not lead:
        return _kept(tail)
    content = trim(text, sentence.start, tokens[first - 1].start)
    if tail is not None and tail[1] - tail[0] > 1:
        return content, tail
    return _kept(content)


def _participial(tokens: Sequence[Token]) -> bool:
    """Whether a sentence opens with a participle clause ("Trying to ...", "Speaking on ..."):
    the circumstances of what the source says, not what it says. A name in -ing opens a clause
    with a verb of its own ("Beijing will not back down, ..."): no auxiliary or form of "be"
    before the first comma, and a lower-case word after the participle."""
    if len(tokens) < 2 or not is_participle(tokens[0]) or not tokens[1].text[:1].islower():
        return False
    clause = next((k for k, t in enumerate(tokens) if t.text == ","), len(tokens))
    return not any(t.norm in AUXILIARIES or t.norm in BE_FORMS for t in tokens[1:clause])


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
    src = token_span(tokens, source[0], source[1], text) if source else None
    return Attribution(source=src, cue=cue, content=spans, kind=kind)


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
    overlapping = _quotations_by_sentence(sentences, quotations)
    for n, (s, quotes) in enumerate(zip(sentences, overlapping, strict=True)):
        found = _found_in(text, sentences, n, quotes)
        if not found and out:
            _name_the_speaker(text, s, out, paragraph)
        for alone, where in _quotations_alone(text, s, quotes, found, done):
            out.append(alone)
            if where is not None:
                paragraph[id(alone)] = where
        for f in found:
            paragraph[id(f)] = s.paragraph
        out.extend(found)
    out.sort(key=lambda a: (a.content[0].start, a.content[0].end))
    return tuple(_resolve(_speakers(out, paragraph), paragraph))


def _quotations_by_sentence(sentences: Sequence[Sentence], quotations: Sequence[Quotation]) -> list[list[Quotation]]:
    """For each sentence, the quotations whose marks overlap it: those that open before its end
    and close after its start (found from the sorted openings, not by scanning them all)."""
    by_start = sorted(quotations, key=lambda q: q.mark_start)
    starts = [q.mark_start for q in by_start]
    reach = 0  # the furthest closing mark of the quotations that open before a position
    ends_before: list[int] = []
    for q in by_start:
        reach = max(reach, q.mark_end)
        ends_before.append(reach)
    out = []
    for s in sentences:
        hi = bisect_left(starts, s.end)
        lo = bisect_left(ends_before, s.start + 1, 0, hi)
        out.append([q for q in by_start[lo:hi] if q.mark_end > s.start])
    return out


def _found_in(text: str, sentences: Sequence[Sentence], n: int, quotes: Sequence[Quotation]) -> list[Attribution]:
    """The attributions of sentence ``n``: those of its cues, else the speaker it leads with
    when it opens a paragraph; and the statement that a colon at its end introduces."""
    s = sentences[n]
    found = _sentence_attributions(text, s, quotes)
    if not found and (n == 0 or sentences[n - 1].paragraph != s.paragraph):
        head = headline_speaker(text, s)
        found = [head] if head else []
    introducer = _introducer(text, s, found)
    if introducer is None:
        return found
    # the statement after the colon: the rest of this paragraph and the next one
    rest = [x for x in sentences[n + 1 :] if x.paragraph <= s.paragraph + 1]
    if not rest:
        return found
    source, cue = introducer
    statement = Attribution(
        source=source, cue=cue, content=(Span.of(text, rest[0].start, rest[-1].end),), kind="indirect"
    )
    return [f for f in found if f.content[0].start < s.tokens[-1].start - 1] + [statement]


def _introducer(text: str, s: Sentence, found: Sequence[Attribution]) -> tuple[Span | None, Span | None] | None:
    """``(source, cue)`` of a sentence that ends with a colon after a cue ("the campaign said:"):
    those of its last attribution, else of its last cue or, with none, of the verb before the
    colon ("Jared Potts, 17, echoed:"); None when it introduces nothing."""
    if not _introduces(s):
        return None
    if found:
        return found[-1].source, found[-1].cue
    tokens = s.tokens
    cues = [k for k in range(len(tokens)) if is_cue(tokens, k)]
    if not cues and len(tokens) > 2 and frame_verb(tokens, len(tokens) - 2):
        cues = [len(tokens) - 2]  # a verb that introduces a statement
    if not cues:
        return None
    k = cues[-1]
    span = source_before(tokens, k)
    source = token_span(tokens, *span, text) if span and looks_like_source(tokens, span) else None
    return source, Span.of(text, tokens[k].start, tokens[k].end)


def _name_the_speaker(text: str, s: Sentence, out: list[Attribution], paragraph: dict[int, int]) -> None:
    """ "“... ?” / Rubio said.": when sentence ``s`` is only a source and its cue and the quotation
    that stands alone in ``out[-1]`` closes the sentence before in its paragraph, give it that
    source and cue."""
    bare = bare_cue(text, s)
    if bare is None:
        return
    last = out[-1]
    if (
        last.source is None
        and last.cue is None
        and paragraph.get(id(last)) == s.paragraph
        and not text[last.content[-1].end : s.start].strip(" \n\t\"“”‘’'«»").strip()
    ):
        out[-1] = replace(last, source=bare[0], cue=bare[1])
        paragraph[id(out[-1])] = paragraph.pop(id(last))


def _quotations_alone(
    text: str, s: Sentence, quotes: Sequence[Quotation], found: Sequence[Attribution], done: set[int]
) -> list[tuple[Attribution, int | None]]:
    """The quotations that open in sentence ``s``, not yet in ``done``, that no attribution in
    ``found`` covers, each with the paragraph it speaks in: framed by a verb and its source when
    ``s`` has no attribution and one frames it, else on its own (source None; in its paragraph
    only when it opens its sentence: a speaker's words go on)."""
    covered = [(c.start, c.end) for a in found for c in a.content]
    alone: list[tuple[Attribution, int | None]] = []
    for q in quotes:
        if id(q) in done or q.start < s.start:
            continue
        done.add(id(q))
        if any(a <= q.start and q.end <= b for a, b in covered) or q.end <= q.start:
            continue
        content = (Span.of(text, q.start, q.end),)
        frame = quotation_frame(text, s.tokens, q) if not found else None
        if frame is not None:
            # "“...,” the man shouted": the verb that frames a quotation is a speech verb
            alone.append((Attribution(source=frame[0], cue=frame[1], content=content, kind="direct"), s.paragraph))
            continue
        opens = text[s.start : q.mark_start].strip() == ""
        alone.append(
            (Attribution(source=None, cue=None, content=content, kind="direct"), s.paragraph if opens else None)
        )
    return alone


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
