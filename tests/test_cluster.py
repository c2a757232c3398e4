"""Story clustering: look-alike stories separate, every article once, order and hash independence."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediadiff.corpus import cluster_stories
from mediadiff.corpus.cluster import story_similarity
from mediadiff.document import Article
from mediadiff.errors import InputError, ParameterError

SHARED = Path(__file__).resolve().parents[2] / "shared"
REPO = Path(__file__).resolve().parents[1]

# Three made-up events in one town, all about the same mayor and council (shared actors), each
# told by three outlets in their own words. Only what happened differs.
EVENTS: dict[str, dict[str, str]] = {
    "bridge": {
        "ledger": (
            "Mayor Ilse Varga opened the new Kessler Bridge over the Orva river on Saturday, two years "
            "after floods swept the old crossing away. The span cost 14 million euros, most of it paid by "
            "the regional fund. Varga cut the ribbon before a crowd of several hundred residents. "
            "Engineers from Halvard Construction said the deck can carry lorries of up to 40 tonnes."
        ),
        "wire": (
            "Varga inaugurated the Kessler Bridge across the Orva on Saturday. The 14 million euro "
            "crossing replaces the one destroyed by the 2021 floods. Halvard Construction, which built it, "
            "said lorries of up to 40 tonnes may use the deck. The mayor thanked the regional fund."
        ),
        "dispatch": (
            "After two years of detours, the Orva river has a crossing again: the Kessler Bridge, "
            "opened by Mayor Varga on Saturday. Critics on the council noted the 14 million euro bill, "
            "though the regional fund paid most of it. Halvard Construction finished the work early."
        ),
    },
    "inquiry": {
        "ledger": (
            "Prosecutors opened an inquiry on Tuesday into the harbour dredging contract that Mayor Ilse "
            "Varga's office awarded to Dorn Logistics. The contract, worth 3.2 million euros, was signed "
            "without a public tender. Varga denied any wrongdoing and said she would cooperate with the "
            "anti-fraud office."
        ),
        "wire": (
            "The anti-fraud office is investigating how Dorn Logistics won a 3.2 million euro dredging "
            "contract for the harbour without a tender, prosecutors said Tuesday. Mayor Varga said the "
            "award followed the rules and that she welcomed the inquiry."
        ),
        "dispatch": (
            "Was the harbour dredging deal rigged? Prosecutors think it worth asking. On Tuesday they "
            "opened an inquiry into the 3.2 million euro contract the mayor's office gave Dorn Logistics "
            "with no tender. Varga, who denies wrongdoing, faces questions from the council."
        ),
    },
    "schools": {
        "ledger": (
            "The city council voted 21 to 14 on Thursday to close two primary schools, Birchwood and "
            "Lindenhof, at the end of the school year. Mayor Ilse Varga said falling enrolment left the "
            "buildings half empty. Parents protested outside the council chamber during the vote."
        ),
        "wire": (
            "Councillors approved the closure of Birchwood and Lindenhof primary schools on Thursday by "
            "21 votes to 14. Varga argued enrolment had fallen by a third in a decade. About 200 parents "
            "protested outside the chamber."
        ),
        "dispatch": (
            "Birchwood and Lindenhof will close. The council's 21 to 14 vote on Thursday ended months of "
            "campaigning by parents, who gathered outside the chamber. The mayor blamed falling enrolment; "
            "parents blamed the budget."
        ),
    },
}

ARTICLES = [Article(outlet, text) for event in EVENTS.values() for outlet, text in event.items()]
EVENT_OF = {a: name for name, event in EVENTS.items() for a in ARTICLES if a.text in event.values()}


def as_events(stories: list[list[Article]]) -> list[set[str]]:
    return [{EVENT_OF[a] + "/" + a.outlet for a in story} for story in stories]


def test_lookalike_stories_with_shared_actors_separate():
    stories = cluster_stories(ARTICLES)
    expected = [{f"{name}/{outlet}" for outlet in event} for name, event in EVENTS.items()]
    assert sorted(as_events(stories), key=sorted) == sorted(expected, key=sorted)


def test_stories_are_in_canonical_order():
    stories = cluster_stories(ARTICLES)
    for story in stories:
        keys = [(a.outlet, a.text) for a in story]
        assert keys == sorted(keys)
    firsts = [(s[0].outlet, s[0].text) for s in stories]
    assert firsts == sorted(firsts)


def test_same_event_scores_above_lookalikes():
    sim = story_similarity(ARTICLES)
    events = [EVENT_OF[a] for a in ARTICLES]
    same = [sim[i, j] for i in range(9) for j in range(i + 1, 9) if events[i] == events[j]]
    other = [sim[i, j] for i in range(9) for j in range(i + 1, 9) if events[i] != events[j]]
    assert min(same) > max(other)
    assert (sim == sim.T).all() and (sim.diagonal() == 1.0).all()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(order=st.permutations(ARTICLES), keep=st.lists(st.booleans(), min_size=9, max_size=9))
def test_every_article_once_and_order_does_not_matter(order, keep):
    pile = [a for a, k in zip(order, keep, strict=True) if k] or order[:1]
    stories = cluster_stories(pile)
    members = [a for story in stories for a in story]
    assert sorted(members, key=lambda a: (a.outlet, a.text)) == sorted(pile, key=lambda a: (a.outlet, a.text))
    assert all(story for story in stories)
    canonical = sorted(pile, key=lambda a: (a.outlet, a.text))
    assert stories == cluster_stories(canonical)
    assert stories == cluster_stories(reversed(canonical))


def test_repeated_calls_and_hash_seeds_give_the_same_result():
    code = (
        "import sys; sys.path.insert(0, 'tests'); from test_cluster import ARTICLES, as_events;"
        "from mediadiff.corpus import cluster_stories; print([sorted(s) for s in as_events(cluster_stories(ARTICLES[::-1]))])"
    )
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert cluster_stories(ARTICLES) == cluster_stories(ARTICLES)


def test_date_window_splits_far_apart_articles():
    text_a, text_b = EVENTS["bridge"]["ledger"], EVENTS["bridge"]["wire"]
    early = Article("ledger", text_a, published="2023-03-04")
    late = Article("wire", text_b, published="2023-04-20T09:00:00")
    undated = Article("dispatch", EVENTS["bridge"]["dispatch"])
    assert len(cluster_stories([early, late, undated])) == 1
    apart = cluster_stories([early, late, undated], date_window_days=7)
    assert len(apart) == 2
    assert sorted(len(s) for s in apart) == [1, 2]
    near = Article("wire", text_b, published="2023-03-06")
    assert len(cluster_stories([early, near], date_window_days=7)) == 1


def test_unrelated_and_identical_articles():
    a = Article("a", "Quartz lanterns glimmer beside frozen orchards.")
    b = Article("b", "Parliament debated fishing quotas yesterday evening.")
    assert cluster_stories([a, b]) == [[a], [b]]
    assert cluster_stories([a, a]) == [[a, a]]
    assert cluster_stories([]) == []
    assert cluster_stories([b]) == [[b]]


def test_threshold_controls_granularity():
    assert len(cluster_stories(ARTICLES, threshold=1.0)) == 9
    assert len(cluster_stories(ARTICLES, threshold=1e-9)) == 1


@pytest.mark.parametrize("bad", ["three stories", b"bytes", ARTICLES[0], 42, [ARTICLES[0], "text"]])
def test_bad_input_raises_input_error(bad):
    with pytest.raises(InputError, match="cluster_stories"):
        cluster_stories(bad)


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("threshold", 0),
        ("threshold", 1.5),
        ("threshold", True),
        ("threshold", "0.2"),
        ("date_window_days", -1),
        ("date_window_days", "7"),
        ("date_window_days", float("inf")),  # review: accepted, unlike every other number option
        ("date_window_days", float("nan")),
        ("weights", (0, 0)),
        ("weights", (float("inf"), 1.0)),
        ("weights", (1.0,)),
        ("weights", (-1, 2)),
        ("linkage", "ward"),
    ],
)
def test_bad_options_raise_parameter_error(option, value):
    with pytest.raises(ParameterError, match=f"The '{option}' parameter of cluster_stories must be"):
        cluster_stories(ARTICLES, **{option: value})


def test_package_import_does_not_load_scikit_learn():
    code = "import sys, mediadiff.corpus; print('sklearn' in sys.modules, 'scipy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]


def test_basil_events_are_recovered():
    root = SHARED / "eval" / "basil" / "articles"
    if not root.is_dir():
        pytest.skip("../shared/eval/basil not present")
    from sklearn.metrics import adjusted_rand_score

    gold = {}
    for path in sorted(root.glob("*/*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        text = "\n\n".join(" ".join(p) for p in d["body-paragraphs"])
        article = Article(d["source"].lower(), text, title=d.get("title"), published=d.get("date"))
        gold[article] = d["triplet-uuid"]
    assert len(gold) == 90
    stories = cluster_stories(gold)
    pred = {a: i for i, story in enumerate(stories) for a in story}
    assert adjusted_rand_score([gold[a] for a in gold], [pred[a] for a in gold]) >= 0.95


def test_numpy_numbers_are_accepted_and_story_similarity_names_itself():
    import numpy as np

    assert len(cluster_stories(ARTICLES, threshold=np.float64(0.2), date_window_days=np.int64(3))) == 3
    assert (
        len(
            cluster_stories(
                ARTICLES,
                threshold=np.float32(0.2),
                date_window_days=np.float32(3.0),
                weights=(np.float32(0.5), np.int64(1)),
            )
        )
        == 3
    )
    with pytest.raises(ParameterError, match="'weights' parameter of story_similarity"):
        story_similarity(ARTICLES, weights=(0, 0))
    with pytest.raises(InputError, match="story_similarity expects"):
        story_similarity("text")
