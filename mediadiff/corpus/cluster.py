"""Story clustering: group a pile of articles into stories about the same event.

Researchers rarely hold one story: they hold a pile of articles from many outlets over months.
:func:`cluster_stories` regroups such a pile into stories (each a list of articles about one
event) so that each story can be compared across its outlets.

How two articles are scored
---------------------------
Two channels of evidence, each a cosine similarity between TF-IDF vectors fitted on the pile
being clustered (nothing is learnt from outside data):

* **words**: content words and adjacent word pairs of the title and text, sublinear term
  frequency, English stop words removed;
* **specifics**: what pins an article to one event rather than to its recurring actors: the
  named entities of the body (capitalised phrases, found by our own rules), the numbers with
  their scale ("716 billion", "3 percent") and the calendar dates ("Aug. 21") it mentions, as
  presence features weighted by the *square* of their inverse document frequency, so that a
  rare name or sum counts far more than a politician who is in every story.

In both, inverse document frequency makes a term shared by many articles of the pile (a
politician who is in every story of the year) count for little, and a term shared by few (the
place, the bill, the sum of money of one event) count for much. Only terms that occur in at
least two articles enter the vectors: a term no other article has cannot link anything, and
would only dilute the similarity of long articles. The two channels are averaged with
``weights``; a pair for which one channel is empty (no shared-able numbers or names) is scored
on the other alone.

Articles are then grouped by agglomerative clustering (average linkage by default): two groups
are merged while the mean similarity between their members is at least ``threshold``. With
``date_window_days``, two articles whose ``published`` dates lie further apart are never put in
the same story.

Public names
------------
cluster_stories     articles -> stories (lists of articles); every article in exactly one story.
story_similarity    articles -> the pairwise similarity matrix that :func:`cluster_stories` cuts.
DEFAULT_THRESHOLD   the default ``threshold``, and how it was chosen.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

from ..document import Article
from ..errors import InputError, check_parameter, is_real
from ..segment import fold_typography
from ..vocabulary import HONORIFICS, MONTH_NUMBERS, WEEKDAYS, english_stop_words

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

__all__ = ["DEFAULT_THRESHOLD", "DEFAULT_WEIGHTS", "cluster_stories", "story_similarity"]

#: Default similarity threshold of :func:`cluster_stories`. Chosen by leave-one-year-out on the
#: BASIL development set (tune on two years, score on the third; see ``bench/bench_cluster.py``
#: and docs/evaluation.md): the median of the three folds' chosen thresholds, each the middle of
#: the plateau of best training scores. Nothing else in this module was fitted to those data.
DEFAULT_THRESHOLD = 0.2

#: Default ``(words, specifics)`` channel weights: equal, fixed a priori (not tuned).
DEFAULT_WEIGHTS = (0.5, 0.5)

Linkage = Literal["average", "complete", "single"]
_LINKAGES = ("average", "complete", "single")

_OWNER = "cluster_stories"

# Words of the "words" channel: letters with inner apostrophes/hyphens, or initialisms (U.S.).
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Capitalised words of a name; initialisms and inner hyphens/apostrophes allowed.
_CAP_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][\w]*(?:['’-][\w]+)*")
_NUMBER = re.compile(
    r"(?<![\w.])\$?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
    r"(?:\s*(%|percent\b|per cent\b|million\b|billion\b|trillion\b|thousand\b))?",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"\b(" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\d)",
    re.IGNORECASE,
)
# Weekdays, months (MONTH_NUMBERS) and the titles and honorifics dropped from the front of a name
# ("Sen. John Kerry" -> "john kerry": HONORIFICS) are the vocabulary's; so is the typography
# folding (segment.fold_typography).


def _identity(features: list[str]) -> list[str]:
    return features


def _stop_words() -> frozenset[str]:
    return english_stop_words()


def _word_features(text: str, stop: frozenset[str]) -> list[str]:
    """Content words (lower case, length >= 2, no stop words) and adjacent content-word pairs."""
    words = []
    for m in _WORD.finditer(fold_typography(text)):
        w = m.group().lower().replace(".", "")
        if w.endswith("'s"):
            w = w[:-2]
        words.append(w if len(w) >= 2 and w not in stop else "")
    feats = [w for w in words if w]
    feats.extend(f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if a and b)
    return feats


def _name_key(word: str) -> str:
    w = fold_typography(word)
    if w.endswith("'s"):
        w = w[:-2]
    return w.replace(".", "").lower()


def _entity_features(text: str, stop: frozenset[str]) -> set[str]:
    """Named entities as capitalised phrases: each multi-word name whole, and its last word.

    A run of capitalised words separated by spaces is one name; a title before it ("Sen.",
    "Mr.") is dropped. The last word stands alone too, so that "Mr. Kerry" meets "John Kerry";
    first names do not (different people share them). A single word that the text also uses in lower case ("Still", "House")
    is taken for an ordinary word, not a name.

    >>> sorted(_entity_features("Sen. John Kerry met N.A.T.O. staff in Brussels on Monday. Still, it still met.", frozenset({"on"})))
    ['e:brussels', 'e:john kerry', 'e:kerry', 'e:nato']
    """
    lower = {m.group().lower() for m in _WORD.finditer(text) if m.group()[0].islower()}
    feats: set[str] = set()
    phrases: list[list[str]] = []
    phrase: list[str] = []
    last_end = -1
    for m in _CAP_WORD.finditer(text):
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-'’"):
            continue  # inside a word: "iPhone", "O'Neill" is matched whole
        key = _name_key(m.group())
        gap = text[last_end : m.start()]
        joined = bool(phrase) and (gap == " " or (gap == ". " and phrase[-1] in HONORIFICS))
        if not joined and phrase:
            phrases.append(phrase)
            phrase = []
        phrase.append(key)
        last_end = m.end()
    if phrase:
        phrases.append(phrase)
    for words in phrases:
        while words and (words[0] in stop or words[0] in HONORIFICS):
            words = words[1:]
        words = [w for w in words if w not in WEEKDAYS and w not in MONTH_NUMBERS]
        if len(words) >= 2:
            feats.add("e:" + " ".join(words))
        for w in words[-1:] if len(words) >= 2 else words:  # the surname, not first names
            if len(w) >= 2 and w not in stop and w not in lower:
                feats.add("e:" + w)
    return feats


def _specific_features(text: str, body: str, stop: frozenset[str]) -> list[str]:
    """Entities of the body, numbers with their scale and calendar dates of title and text.

    >>> sorted(_specific_features("", "The bill cuts $716 billion, or 3.5% of it, by Aug. 21.", frozenset({"the"})))
    ['d:8-21', 'n:21', 'n:3.5 percent', 'n:716 billion']
    """
    feats = _entity_features(body, stop)
    both = text + "\n" + body
    for m in _NUMBER.finditer(both):
        scale = (m.group(3) or "").lower().replace("%", "percent").replace("per cent", "percent")
        feats.add("n:" + m.group(1).replace(",", "") + (m.group(2) or "") + (" " + scale if scale else ""))
    for m in _DATE.finditer(both):
        feats.add(f"d:{MONTH_NUMBERS[m.group(1).lower()]}-{int(m.group(2))}")
    return sorted(feats)


def _cosine(
    docs: list[list[str]], *, sublinear: bool, binary: bool, idf_power: float = 1.0
) -> tuple[np.ndarray, np.ndarray]:
    """Cosine similarities of TF-IDF vectors of pre-tokenised docs, and which docs have any feature.

    Only features of at least two documents are kept; ``idf_power`` > 1 makes rare features
    count for more against common ones.
    """
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
    from sklearn.preprocessing import normalize

    n = len(docs)
    counter = CountVectorizer(analyzer=_identity, lowercase=False, min_df=2 if n > 2 else 1, binary=binary)
    try:
        counts = counter.fit_transform(docs)
    except ValueError:  # no feature occurs in two documents
        return np.zeros((n, n)), np.zeros(n, dtype=bool)
    idf = TfidfTransformer(norm=None, sublinear_tf=sublinear).fit(counts).idf_
    x = TfidfTransformer(use_idf=False, norm=None, sublinear_tf=sublinear).fit_transform(counts)
    x = normalize(x.multiply(idf**idf_power).tocsr())
    sim = (x @ x.T).toarray()
    has = np.asarray(x.getnnz(axis=1) > 0)
    return np.clip(sim, 0.0, 1.0), has


def _as_articles(articles: object, owner: str) -> list[Article]:
    if isinstance(articles, (str, bytes)):
        raise InputError(f"{owner} expects an iterable of Article objects, got a {type(articles).__name__}")
    if isinstance(articles, Article) or not isinstance(articles, Iterable):
        raise InputError(f"{owner} expects an iterable of Article objects, got {type(articles).__name__}")
    out = list(articles)
    for i, a in enumerate(out):
        if not isinstance(a, Article):
            raise InputError(f"{owner}: item {i} is a {type(a).__name__}, not an Article")
    return out


def _sort_key(a: Article) -> tuple[str, ...]:
    return (a.outlet, a.text, a.title or "", a.published or "", a.url or "", a.name or "", a.source_path or "")


def _parse_date(value: str | None) -> _dt.date | None:
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _check_weights(weights: object, owner: str) -> None:
    ok = (
        isinstance(weights, Sequence)
        and not isinstance(weights, str)
        and len(weights) == 2
        and all(is_real(w) and w >= 0 for w in weights)
        and sum(weights) > 0
    )
    check_parameter("weights", weights, "a pair (words, specifics) of finite numbers >= 0, not both 0", ok, owner)


def _check_options(threshold: object, date_window_days: object, weights: object, linkage: object) -> None:
    check_parameter(
        "threshold",
        threshold,
        "a float in the range (0.0, 1.0]",
        is_real(threshold) and 0.0 < threshold <= 1.0,  # type: ignore[operator]
        _OWNER,
    )
    check_parameter(
        "date_window_days",
        date_window_days,
        "None or a finite number >= 0",
        date_window_days is None or (is_real(date_window_days) and date_window_days >= 0),  # type: ignore[operator]
        _OWNER,
    )
    _check_weights(weights, _OWNER)
    check_parameter("linkage", linkage, f"one of {list(_LINKAGES)}", linkage in _LINKAGES, _OWNER)


def story_similarity(articles: Iterable[Article], *, weights: tuple[float, float] = DEFAULT_WEIGHTS) -> np.ndarray:
    """Pairwise story similarity in ``[0, 1]`` of ``articles``, in the order given.

    The weighted mean of the words and specifics channels (see the module docstring), each a
    cosine of TF-IDF vectors fitted on these articles; a pair is scored only on the channels in
    which both articles have features. The diagonal is 1.

    Parameters
    ----------
    articles : iterable of Article
        The pile; the matrix rows and columns follow its order.
    weights : (float, float), default (0.5, 0.5)
        Weights of the words and specifics channels.

    Returns
    -------
    numpy.ndarray of shape (n, n)
        Symmetric similarity matrix.

    Examples
    --------
    >>> from mediadiff.document import Article
    >>> a = Article("a", "Flooding closed the Tarn bridge in Albi on Monday; 40 homes were evacuated.")
    >>> b = Article("b", "In Albi, 40 homes were evacuated after flooding shut the Tarn bridge.")
    >>> c = Article("c", "The council of Rodez approved a new budget for its schools.")
    >>> s = story_similarity([a, b, c])
    >>> bool(s[0, 1] > 0.5 > s[0, 2])
    True
    """
    import numpy as np

    items = _as_articles(articles, "story_similarity")
    _check_weights(weights, "story_similarity")
    n = len(items)
    if n == 0:
        return np.zeros((0, 0))
    stop = _stop_words()
    word_docs = [_word_features((a.title or "") + "\n" + a.text, stop) for a in items]
    spec_docs = [_specific_features(a.title or "", a.text, stop) for a in items]
    w_words, w_spec = float(weights[0]), float(weights[1])
    s_words, h_words = _cosine(word_docs, sublinear=True, binary=False)
    s_spec, h_spec = _cosine(spec_docs, sublinear=False, binary=True, idf_power=2.0)
    m_words = np.outer(h_words, h_words) * w_words
    m_spec = np.outer(h_spec, h_spec) * w_spec
    total = m_words + m_spec
    with np.errstate(invalid="ignore", divide="ignore"):
        sim = np.where(total > 0, (m_words * s_words + m_spec * s_spec) / np.where(total > 0, total, 1.0), 0.0)
    sim = np.asarray(np.clip((sim + sim.T) / 2.0, 0.0, 1.0))
    np.fill_diagonal(sim, 1.0)
    return sim


def cluster_stories(
    articles: Iterable[Article],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    date_window_days: float | None = None,
    weights: tuple[float, float] = DEFAULT_WEIGHTS,
    linkage: Linkage = "average",
) -> list[list[Article]]:
    """Group ``articles`` into stories about the same event.

    Every article ends up in exactly one story (a story may hold a single article). The result
    does not depend on the order of ``articles``: members of a story are sorted by outlet id,
    then text (then the other fields), and stories by their first member.

    Parameters
    ----------
    articles : iterable of Article
        The pile to cluster. A bare string is rejected.
    threshold : float, default DEFAULT_THRESHOLD (0.2)
        Two groups are merged while their linkage similarity (see :func:`story_similarity`) is
        at least this; higher gives smaller, purer stories. Must be in ``(0, 1]``.
    date_window_days : float or None, default None
        If set, two articles whose ``published`` ISO dates are more than this many days apart
        are never in the same story (articles without a readable date are not constrained).
    weights : (float, float), default (0.5, 0.5)
        Weights of the words and specifics channels.
    linkage : {"average", "complete", "single"}, default "average"
        How the similarity of two groups is computed from their members' pairs.

    Returns
    -------
    list of list of Article
        The stories, in canonical order.

    Raises
    ------
    InputError
        ``articles`` is a string, a single Article, or holds something that is not an Article.
    ParameterError
        An option is outside what it allows.

    Notes
    -----
    Time and memory grow with the square of the number of articles (a dense similarity matrix):
    a few thousand articles at once is fine; split larger piles first (by month, say).

    Examples
    --------
    >>> from mediadiff.document import Article
    >>> pile = [
    ...     Article("ledger", "Flooding closed the Tarn bridge in Albi on Monday; 40 homes were evacuated."),
    ...     Article("wire", "In Albi, 40 homes were evacuated after flooding shut the Tarn bridge."),
    ...     Article("ledger", "The council of Rodez approved a new budget for its schools."),
    ... ]
    >>> [[a.outlet for a in story] for story in cluster_stories(pile)]
    [['ledger', 'wire'], ['ledger']]
    """
    items = _as_articles(articles, _OWNER)
    _check_options(threshold, date_window_days, weights, linkage)
    if not items:
        return []
    items.sort(key=_sort_key)
    if len(items) == 1:
        return [items]

    import numpy as np
    from scipy.cluster.hierarchy import fcluster
    from scipy.cluster.hierarchy import linkage as scipy_linkage
    from scipy.spatial.distance import squareform

    n = len(items)
    dist = 1.0 - story_similarity(items, weights=weights)
    if date_window_days is not None:
        dates = [_parse_date(a.published) for a in items]
        ordinal = np.array([d.toordinal() if d else 0 for d in dates], dtype=float)
        known = np.array([d is not None for d in dates])
        apart = np.abs(ordinal[:, None] - ordinal[None, :]) > date_window_days
        # Large enough that any group holding such a pair stays above the cut, whatever the linkage.
        dist[apart & np.outer(known, known)] = 4.0 * n * n
    np.fill_diagonal(dist, 0.0)
    tree = scipy_linkage(squareform(dist, checks=False), method=linkage)
    labels = fcluster(tree, t=1.0 - threshold + 1e-12, criterion="distance")
    groups: dict[int, list[Article]] = {}
    for label, article in zip(labels.tolist(), items, strict=True):
        groups.setdefault(label, []).append(article)
    return sorted(groups.values(), key=lambda g: _sort_key(g[0]))
