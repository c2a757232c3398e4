"""Engine-level tests of the analysers' internals, each against a plain reference: the sources a
sentence cites, the reference member of a passage (wording), how versions of one quotation are
linked into groups, and the structure of the boilerplate navigation rule.

This is one of the (at most three) test files allowed to import private names (issue 18): what
it checks is how an analyser works inside (a private function, a rule's source), which no user
sees directly. What users see of the same analysers (omissions and their silenced sources,
wording shifts and their references, quotation alterations, boilerplate lines) is tested
through the public API in tests/test_omissions.py, test_wording.py, test_quotes.py and
test_boilerplate.py; when an analyser's inside is reorganised, this file is the one to follow it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any

import pytest
from _shared import bench_module
from hypothesis import given, settings
from hypothesis import strategies as st

from mediadiff._boilerplate_rules import LIST_LABEL
from mediadiff.align import Alignment
from mediadiff.analysis import _quote_versions as quote_versions
from mediadiff.analysis import _wording_reference as wording_reference
from mediadiff.analysis.quotes import extract_quotes
from mediadiff.boilerplate import RULES
from mediadiff.document import Article
from mediadiff.segment import segment

try:  # the regex parser, to read the rules' alternatives
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

BENCH = bench_module("bench_analysers")  # its all-pairs computations are the reference here


# --- omissions: which sources a sentence cites (feeds ``Omission.silenced``)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Nadia Ferrante disputed the audit.", [["Ferrante"]]),
        ("The county audit found high costs.", [["audit"]]),
        ("Costs rose, according to the report.", [["report"]]),
        ("Dr. Ann Lee said so. “We are fine,” said Board Chair Gail Hendrick.", [["Lee"], ["Hendrick"]]),
        # a sentence-initial word is a name when the articles capitalise it mid-sentence too
        ("Dr. Ann Lee spoke. Lee said so.", [[], ["Lee"]]),
        # a pronoun stands for the source of the sentence before, in its paragraph
        ("Dr. Ann Lee disputed the audit. “Our costs are average,” she said.", [["Lee"], ["Lee"]]),
        ("Dr. Ann Lee disputed it.\n\n“Our costs are average,” she said.", [["Lee"], ["Lee"]]),
        # a quotation that goes on without attribution of its own has the speaker before it
        ("Dr. Ann Lee disputed it. “We are fine,” she said. “The ward stays open.”", [["Lee"], ["Lee"], ["Lee"]]),
        # passive: the households are told, they tell nothing; plural nouns are not names
        ("Households were told not to drink the water. Officials said it was safe.", [[], []]),
        # names with an apostrophe or a hyphen
        ("The plan failed, said Terry O'Neill. Rep. Ana Ruiz-Soto said so.", [["O'Neill"], ["Ruiz-Soto"]]),
        # a name after the verb is a source only when it ends the clause (an inversion); the
        # object of "told" is the listener; a subject that names no source ends the search
        ("Dr. Ann Lee spoke. Residents said on Tuesday that Lee had lied.", [[], []]),
        ("Dr. Ann Lee spoke. The mayor told Lee to resign.", [[], []]),
        ("Dr. Ann Lee spoke. Officials said Lee would resign.", [[], []]),
        ("After the audit, nurses said it was late.", [[]]),
        ("The study shows costs rose, said Dr. Ann Lee.", [["study", "Lee"]]),
        ("Dr. Ann Lee spoke. It is over, said Sen. Ann Lee of Ohio.", [[], ["Lee"]]),
        # appositions before the verb
        ("Longtime resident Dolores Fenn, 71, said she could smell it.", [["Fenn"]]),
        ("Eastgate's medical director, Dr. Nadia Ferrante, said so.", [["Ferrante"]]),
        ("An audit released last month that found high costs.", [["audit"]]),
        # words inside quotation marks are the quotation, not its source
        ("“Raman said nothing,” a nurse said.", [[]]),
    ],
)
def test_cited_sources(text, expected):
    from mediadiff.analysis._common import cited_sources

    doc = segment(Article("a", text))
    assert [[t.text for t in cited_sources(doc, s)] for s in doc.content_sentences] == expected


# --- wording: the reference member of a passage


_KEYS = st.dictionaries(
    st.sampled_from([f"o{i}" for i in range(30)]),
    st.lists(st.sampled_from("the fire hit twelve homes on main street".split()), max_size=8).map(tuple),
    min_size=2,
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(keys=_KEYS)
def test_reference_rule(keys):
    got, ratios = wording_reference.choose_reference(keys)
    assert set(ratios) == set(keys) - {got}
    assert all(ratios[o] == wording_reference.ratio(keys[got], keys[o]) for o in ratios)
    if len(keys) <= wording_reference.EXACT_REFERENCE_LIMIT:  # exactly the all-pairs medoid, as before
        assert (got, ratios) == BENCH.all_pairs_reference(keys)
    else:  # the most central of the 12 wordings closest to the centroid; the smallest id of its members
        assert got == min(o for o in keys if keys[o] == keys[got])
        close = wording_reference.closeness(dict(Counter(keys.values())))
        first = {k: min(o for o in keys if keys[o] == k) for k in close}
        candidates = sorted(close, key=lambda k: (-close[k], first[k]))[: wording_reference.EXACT_REFERENCE_LIMIT]

        def mean(k: tuple[str, ...]) -> float:
            return sum(wording_reference.ratio(k, keys[o]) for o in keys if o != first[k]) / (len(keys) - 1)

        assert keys[got] in candidates
        assert all(mean(keys[got]) >= mean(k) - 1e-12 for k in candidates)


@settings(max_examples=60, deadline=None)
@given(keys=_KEYS)
def test_closeness_is_the_sum_of_cosines_to_the_others(keys):
    counts = Counter(keys.values())
    close = wording_reference.closeness(dict(counts))

    def cosine(a: tuple[str, ...], b: tuple[str, ...]) -> float:
        x, y = Counter(a), Counter(b)
        norm = math.sqrt(sum(v * v for v in x.values()) * sum(v * v for v in y.values()))
        return sum(v * y[w] for w, v in x.items()) / norm if norm else 0.0

    for o, k in keys.items():
        assert close[k] == pytest.approx(sum(cosine(k, keys[x]) for x in keys if x != o), abs=1e-9)


# --- quotes: how versions of a quotation are linked into groups


def test_link_diffs_the_earlier_version_first_as_all_pairs_does():
    # difflib is not symmetric: "b a d d a b" matches 3 words of "a a d a d b a b" but the other
    # way round 5 (of at least 0.6 x 6 needed). Comparing every pair diffs the earlier version
    # first, so o2's version is linked to o3's (not to o1's), and all three make one group.
    a, b = "we we water we water will we will", "will we water water we will"
    al = Alignment(
        tuple(segment(Article(o, f"“{t},” she said.")) for o, t in (("o1", b), ("o2", a), ("o3", b))),
        (),
        ((1.0,) * 3,) * 3,
    )
    versions = quote_versions.quote_versions(al, extract_quotes(al), 3)
    memo = quote_versions.Quotations(versions)
    assert memo.matched(versions[0].keys, versions[1].keys)[0] == 3
    assert memo.matched(versions[1].keys, versions[0].keys)[0] == 5
    groups = quote_versions.group_versions(versions, [0, 1, 2], 0.6, memo)
    assert [[v.quote.outlet for v in g] for g in groups] == [["o1", "o2", "o3"]]


# --- boilerplate: the structure of the navigation rule


def _phrases(items: Any) -> set[str]:
    """The strings a parsed regex matches, an open-ended part (``\\w+``, ``[^.]*``) standing as "\\x00"."""
    c = _sre
    out = {""}
    for op, av in items:
        if op is c.LITERAL:
            parts = {chr(av)}
        elif op is c.IN and all(kind is c.LITERAL for kind, _ in av):
            parts = {chr(ch) for _, ch in av}
        elif op is c.BRANCH:
            parts = set().union(*(_phrases(alt) for alt in av[1]))
        elif op is c.SUBPATTERN:
            parts = _phrases(av[3])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, high, sub = av
            one = _phrases(sub)
            parts = set()
            for k in range(low, min(high, low + 1) + 1):
                seqs = {""}
                for _ in range(k):
                    seqs = {a + b for a in seqs for b in one}
                parts |= seqs
        else:  # a class, a category, an anchor: open-ended
            parts = {"\x00"}
        out = {a + b for a in out for b in parts}
    return out


def test_navigation_lists_each_label_once() -> None:
    # review: the navigation rule repeated "related ...", "(top|latest|trending) (stories|news)" and
    # "more (news|stories)", which LIST_LABEL (also part of it) already matches
    pattern = RULES["navigation"].pattern
    assert pattern.count("|" + LIST_LABEL) == 1
    [(_, (_, [first, _tags]))] = _sre_parse.parse(pattern.replace("|" + LIST_LABEL, ""), re.I)
    [(_, (_, alternatives)), _punctuation] = first  # (?:...)[.:!]? (a plain group is inlined)
    label = re.compile(LIST_LABEL, re.I)
    repeated = sorted(p for alt in alternatives for p in _phrases(alt) if label.fullmatch(p))
    assert repeated == []
    assert len(alternatives) >= 5  # the parse found the rule's own alternatives
