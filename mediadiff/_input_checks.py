"""Input checks (private): what compare and analyze say of the articles they are given.

:func:`check_articles` refuses what is not a set of articles (an :class:`~mediadiff.errors.InputError`);
the warnings name usable but doubtful input, each as one line that compare and analyze issue as
an :class:`~mediadiff.errors.InputWarning` and keep in ``Comparison.warnings``.

Public (to the package) names
-----------------------------
check_articles            articles -> their segmented documents, or an InputError.
content_warnings          legacy encoding, very short, not English, identical, far longer than the others.
long_warnings             each article far longer than the median article of the set.
off_story_warnings        each article that shares almost nothing with the others (needs the alignment).
ENGLISH_SHARE_THRESHOLD   the share of English function words below which a text is "not English?".
LONG_ARTICLE_FACTOR       how many times the median length makes an article "a page of many stories?".
"""

from __future__ import annotations

from collections.abc import Sequence

from .align import Alignment, as_documents
from .document import Article, Document
from .errors import InputError

__all__ = [
    "ENGLISH_SHARE_THRESHOLD",
    "LONG_ARTICLE_FACTOR",
    "check_articles",
    "content_warnings",
    "long_warnings",
    "off_story_warnings",
]


def check_articles(articles: Sequence[Article | Document], minimum: int) -> tuple[Document, ...]:
    """The segmented documents of ``articles``: at least ``minimum`` of them, from different outlets."""
    if isinstance(articles, (str, bytes)):
        raise InputError("compare() expects a sequence of mediadiff.Article objects, got a single string")
    if isinstance(articles, (Article, Document)):
        raise InputError("compare() expects a sequence of articles, got a single Article (use analyze() for one)")
    documents = as_documents(list(articles))
    if len(documents) < minimum:
        raise InputError(f"compare() needs at least {minimum} articles from different outlets, got {len(documents)}")
    return documents


# The commonest English function words: in English news they make up about 40% of the words.
_ENGLISH_FUNCTION_WORDS = frozenset(
    """the a an of to in and or but on at for with by from as is are was were be been has have had
    that this it its he she they his her their said says not will would can could which who""".split()
)

#: Below this share of English function words (in a text of 30 words or more) we warn "not English?".
ENGLISH_SHARE_THRESHOLD = 0.12


#: An article with more than this many times the median number of words of the set is most likely
#: a pasted page of many stories: compare warns, naming its file.
LONG_ARTICLE_FACTOR = 10


def long_warnings(documents: Sequence[Document]) -> list[str]:
    """A warning for each article more than :data:`LONG_ARTICLE_FACTOR` times longer (in content
    words) than the median article of the set, naming its file (its outlet id when it came from
    no file). Needs three articles: of two, neither can be ten times their median.

    >>> from mediadiff.segment import segment
    >>> docs = [segment(Article(o, "The council met today. " * n)) for o, n in (("a", 10), ("b", 12), ("c", 200))]
    >>> long_warnings(docs)  # doctest: +NORMALIZE_WHITESPACE
    ['c: 800 words, 17 times the median article of the set (48 words): a page of many stories pasted
      as one? Check it holds one article']
    """
    words = {d.outlet: sum(len(s.words) for s in d.content_sentences) for d in documents}
    if len(words) < 3:
        return []
    ordered = sorted(words.values())
    mid = len(ordered) // 2
    median = ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
    notes = []
    for d in documents:
        n = words[d.outlet]
        if median > 0 and n > LONG_ARTICLE_FACTOR * median:
            path = d.article.source_path
            name = path.replace("\\", "/").rsplit("/", 1)[-1] if path else d.outlet
            label = name if name == d.outlet else f"{d.outlet} ({name})"
            notes.append(
                f"{label}: {n:,} words, {n / median:.0f} times the median article of the set "
                f"({median:g} words): a page of many stories pasted as one? Check it holds one article"
            )
    return notes


def content_warnings(documents: Sequence[Document]) -> list[str]:
    """Warnings about usable but doubtful input: legacy encoding, very short, not English, identical,
    far longer than the others (:func:`long_warnings`)."""
    notes = []
    seen: dict[str, str] = {}
    for d in documents:
        words = [t.norm for s in d.content_sentences for t in s.words]
        if d.article.encoding in ("cp1252", "latin-1"):
            notes.append(f"{d.outlet}: not valid UTF-8, decoded with the legacy fallback {d.article.encoding}")
        if not words:
            notes.append(f"{d.outlet}: no content left after boilerplate removal")
        elif len(words) < 40:
            notes.append(f"{d.outlet}: very short article ({len(words)} words); findings may be thin")
        if len(words) >= 30:
            share = sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)
            if share < ENGLISH_SHARE_THRESHOLD:
                notes.append(
                    f"{d.outlet}: does not look like English ({share:.0%} common English words); "
                    "the lexicon and the hedging/attribution cues are English"
                )
        key = " ".join(d.text.split())
        if key in seen:
            notes.append(f"{d.outlet}: same text as {seen[key]}")
        else:
            seen[key] = d.outlet
    return notes + long_warnings(documents)


def off_story_warnings(alignment: Alignment) -> list[str]:
    """A warning for each article that shares almost nothing with the others (off the story)."""
    from .analysis.omissions import off_story

    away = off_story(alignment)
    if not away:
        return []
    index = {o: i for i, o in enumerate(alignment.outlets)}
    notes = []
    for o in away:
        best = max(alignment.similarity[index[o]][j] for j in range(len(index)) if j != index[o])
        if len(away) == len(index):
            notes.append(
                f"{o}: shares almost nothing with the other articles (at most {best:.0%} of its content "
                "with any of them): are they about one story? No omissions are reported"
            )
        else:
            notes.append(
                f"{o}: shares almost nothing with the other articles (at most {best:.0%} of its content "
                "with any of them): off the story? It is kept out of the omissions and their scores"
            )
    return notes
