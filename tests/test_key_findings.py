"""Key findings never put words in an outlet's mouth, and the omission rules that keep them honest.

Every quoted string in every key finding is a substring of the article of the outlet the sentence
gives it to, on every story at hand: the bundled stories, the seeds and the real stories of
``../shared/eval/alignment`` (those two skip cleanly when ``../shared`` is absent). Also here: an
article from another story is set aside with a warning, two outlets give differences rather
than omissions, and "never names" is only said of a source the outlet never names.
"""

from __future__ import annotations

import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from _shared import EVAL, seed_paths

import mediadiff
from mediadiff.document import Article

_QUOTE = re.compile(r"“([^“”]*)”")
_MARKS = str.maketrans({c: "'" for c in '"“”‘’'})


def _flat(text: str) -> str:
    """White space collapsed and every quotation mark made one, as the findings rewrite them."""
    return " ".join(text.translate(_MARKS).split())


def _owners(sentence: str, names: dict[str, str]) -> list[tuple[str, list[str]]]:
    """Each quoted string of a sentence with the outlets it is given to: the outlet named last
    before it (outside quotation marks), or, in a conflict sentence, every outlet named in its
    clause; a quotation right after another (``“a” or “b”``) belongs to the same outlets."""
    found: list[tuple[str, list[str]]] = []
    conflict = sentence.startswith("The outlets disagree")
    previous: list[str] = []
    at = 0
    for m in _QUOTE.finditer(sentence):
        segment = sentence[at : m.start()]
        if conflict:
            segment = re.split(r"[;:]", segment)[-1]
        named = sorted(((segment.rfind(n), o) for o, n in names.items() if n in segment), reverse=True)
        owners = [o for _, o in (named if conflict else named[:1])] or previous
        found.append((m.group(1), owners))
        previous, at = owners, m.end()
    return found


def _check(articles: list[Article]) -> int:
    """Assert the rule on one story's key findings; return how many quoted strings were checked."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        comparison = mediadiff.compare(articles)
        report = comparison.to_dict()
        sentences = comparison.key_findings()
    texts = {a.outlet: _flat(a.text) for a in articles}
    names = {o["id"]: o.get("name") or o["id"] for o in report["outlets"]}
    checked = 0
    for sentence in sentences:
        for quoted, owners in _owners(sentence, names):
            assert owners, f"a quotation with no outlet named before it: {sentence!r}"
            for piece in (p.strip(" .,;:") for p in quoted.split("…")):
                if len(piece) < 3:
                    continue
                assert any(_flat(piece) in texts[o] for o in owners), (
                    f"{quoted!r} is given to {owners} but is not in their articles: {sentence!r}"
                )
                checked += 1
    return checked


@pytest.mark.parametrize("story", mediadiff.example_stories())
def test_key_findings_quote_only_the_named_outlets_words_bundled(story: str) -> None:
    assert _check(mediadiff.load_example(story)) > 0


def test_key_findings_quote_only_the_named_outlets_words_seeds() -> None:
    articles = [Article(p.stem, p.read_text(encoding="utf-8")) for p in seed_paths()]
    assert _check(articles) > 0


def _real_stories() -> list[Path]:
    root = EVAL / "alignment"
    return sorted(p for p in root.glob("*") if (p / "gold.json").is_file()) if root.is_dir() else []


@pytest.mark.parametrize("story", _real_stories() or [None], ids=lambda p: p.name if p else "absent")
def test_key_findings_quote_only_the_named_outlets_words_real(story: Path | None) -> None:
    if story is None:
        pytest.skip(f"../shared/eval/alignment not present at {EVAL / 'alignment'}")
    articles = [Article(p.stem, p.read_text(encoding="utf-8")) for p in sorted(story.glob("*.txt"))]
    assert _check(articles) > 0


def test_the_checker_catches_words_given_to_the_wrong_outlet() -> None:
    """The rule above can fail: a quotation given to an outlet that never printed it is caught."""
    names = {"a": "Alpha", "b": "Beta"}
    [(quoted, owners)] = _owners("Alpha omits the response that Beta reports as “We deny it.”, carried by 2.", names)
    assert (quoted, owners) == ("We deny it.", ["b"])
    assert _owners("The outlets disagree on a number: Alpha says “3”; Beta says “4” or “four”.", names) == [
        ("3", ["a"]),
        ("4", ["b"]),
        ("four", ["b"]),
    ]


STORY = [
    "Harbor bridge closes for repairs",
    "The city closed the Harbor bridge on Monday for six weeks of repairs costing $2 million.",
    "Drivers must use the north crossing until the work ends, the transport office said.",
    "Mayor Ana Ruiz called the closure overdue and promised weekly updates.",
]
UNRELATED = [
    "Orchard festival draws record crowd",
    "The apple festival in the valley drew a record crowd of families this weekend.",
    "Bakers sold cider doughnuts and pies from stalls along the river path.",
    "Organisers plan to add a second day of music next autumn.",
]


def _article(outlet: str, lines: list[str]) -> Article:
    return Article(outlet, "\n\n".join(lines) + "\n")


def test_an_article_from_another_story_is_set_aside_with_a_warning() -> None:
    retold = [STORY[0], STORY[1].replace("The city closed", "Officials shut"), STORY[2], STORY[3]]
    short = STORY[:3]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = mediadiff.compare(
            [_article("alpha", STORY), _article("beta", retold), _article("gamma", short), _article("zeta", UNRELATED)]
        )
    assert any(
        issubclass(w.category, mediadiff.InputWarning)
        and str(w.message).startswith("zeta: shares almost nothing with the other articles")
        for w in caught
    )
    assert not any("shares almost nothing" in str(w.message) for w in caught if not str(w.message).startswith("zeta"))
    assert not any(o.outlet == "zeta" for o in c.omissions)  # it omits nothing ...
    assert all("zeta" not in o.carried_by for o in c.omissions)  # ... and carries nothing for the others
    assert c.scores["zeta"]["omission"] == 0.0
    assert any(o.outlet == "gamma" for o in c.omissions)  # gamma still omits the mayor's words
    assert any("zeta" in w for w in c.to_dict()["warnings"])


def _compare(articles: list[Article]) -> mediadiff.Comparison:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", mediadiff.InputWarning)  # short articles
        return mediadiff.compare(articles)


def test_two_outlets_report_their_differences_labelled_as_such() -> None:
    short = STORY[:3]
    c = _compare([_article("alpha", STORY), _article("beta", short)])
    [mayor] = [
        o
        for o in c.omissions
        if "Ruiz"
        in c.alignment.document("alpha").text[
            min(m.start for p in c.passages if p.id == o.passage for m in p.members) :
        ]
    ]
    assert (mayor.outlet, mayor.consensus, mayor.carried_by) == ("beta", False, ("alpha",))
    assert "difference between the two" in mayor.explanation
    sentence = next(s for s in c.key_findings() if s.startswith("beta leaves out"))
    assert "not an omission by consensus" in sentence
    assert c.scores["beta"]["omission"] > 0.0


def test_a_source_the_outlet_names_elsewhere_is_not_said_to_be_silenced() -> None:
    cited = "The closure is overdue, Mayor Ana Ruiz said."
    for_b = [STORY[0], STORY[1], STORY[2], "Ruiz has led the city since 2019."]
    texts = [
        _article("alpha", [*STORY[:3], cited]),
        _article("beta", for_b),
        _article("gamma", [*STORY[:3], cited]),
        _article("delta", STORY[:3]),
    ]
    c = _compare(texts)
    by = {
        o.outlet: o
        for o in c.omissions
        if "overdue" in " ".join(m.text for p in c.passages if p.id == o.passage for m in p.members)
    }
    assert by["beta"].silenced == ()  # beta names Ruiz elsewhere: it does not silence her
    assert by["delta"].silenced == ("Ruiz",) and "delta never names Ruiz" in by["delta"].explanation


def test_the_command_line_and_the_report_name_an_off_story_article(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    retold = [STORY[0], STORY[1].replace("The city closed", "Officials shut"), *STORY[2:]]
    for name, lines in (("alpha", STORY), ("beta", retold), ("gamma", STORY[:3]), ("zeta", UNRELATED)):
        (folder / f"{name}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mediadiff", "compare", str(folder), "--out", str(tmp_path / "out"), "--format", "md"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "mediadiff: warning: zeta: shares almost nothing with the other articles" in done.stderr
    assert "zeta: shares almost nothing" in (tmp_path / "out" / "report.md").read_text(encoding="utf-8")


def test_no_key_finding_says_which_outlet_departs_most_from_the_shared_wording():
    """A blind review of five real stories found the sentence "X departs most from the shared
    wording" wrong five times in five (it counts the aligner's errors as rewording): the score
    stays in the outlet table, but no key finding claims it."""
    from _report_fixture import shown_key_findings

    shift = {
        "passage": "P1",
        "reference_outlet": "a",
        "start": 0,
        "end": 1,
        "text": "x",
        "reference_start": 0,
        "reference_end": 1,
        "reference_text": "y",
        "kind": "hedging",
        "weight": 0.8,
    }
    report = {
        "outlets": [
            {"id": "long", "name": "The Long Read", "scores": {"wording_shift": 0.12}},
            {"id": "short", "name": "Brief News", "scores": {"wording_shift": 0.41}},
        ],
        "wording_shifts": [{**shift, "outlet": "short"}, {**shift, "outlet": "long"}],
    }
    assert not [s for s in shown_key_findings(report) if "departs" in s or "Brief News" in s]
    # and the summary does not say that nothing was found
    assert shown_key_findings(report) == [
        "No finding is certain enough to be a key finding; the tables below list 2 wording shifts."
    ]


def _loaded_report(spans_a: int) -> dict:
    span = {"start": 0, "end": 4, "text": "slam", "category": "force", "score": 0.9, "in_quote": False}
    return {
        "outlets": [
            {"id": "a", "name": "Alpha", "scores": {"loaded_language": 12.5}},
            {"id": "b", "name": "Beta", "scores": {"loaded_language": 0.0}},
        ],
        "loaded_language": [{**span, "outlet": "a", "text": f"slam{i}"} for i in range(spans_a)],
    }


def test_one_loaded_word_does_not_make_an_outlet_the_most_loaded():
    """A rate resting on one word is no pattern; an outlet without a span is said to have none
    found in its own voice (the lexicon does not know every loaded word), not to use none."""
    from _report_fixture import shown_key_findings

    assert not [s for s in shown_key_findings(_loaded_report(1)) if "most loaded" in s]
    [sentence] = [s for s in shown_key_findings(_loaded_report(2)) if "most loaded" in s]
    assert sentence == (
        "Alpha uses the most loaded language in its own voice: 12.5 loaded terms per 1,000 of its own "
        "words, outside quotations (e.g. “slam0”, “slam1”); none found in the own voice of Beta."
    )


def test_the_parts_of_one_omitted_quotation_are_told_once():
    """A quotation the aligner cut into two passages, which the same outlet omits both of, is
    one key finding, not two."""
    from _report_fixture import shown_key_findings

    quote = "We will not close the pier. We will fight for every job on it."
    first, second = quote.index("We will not"), quote.index("We will fight")

    def member(start: int, end: int, sentence: int) -> dict:
        return {"outlet": "b", "start": start + 1, "end": end + 1, "sentence": sentence, "text": quote[start:end]}

    report = {
        "outlets": [{"id": o, "name": o.upper()} for o in "abc"],
        "passages": [
            {"id": "P1", "support": 2, "members": [member(first, second - 1, 0)]},
            {"id": "P2", "support": 2, "members": [member(second, len(quote), 1)]},
        ],
        "quotes": [{"outlet": "b", "start": 1, "end": len(quote) + 1, "text": quote}],
        "omissions": [
            {"outlet": "c", "passage": p, "weight": w, "kind": "quote", "carried_by": ["a", "b"]}
            for p, w in (("P1", 0.6), ("P2", 0.5))
        ],
    }
    said = [s for s in shown_key_findings(report) if " omits " in s]
    assert said == ["C omits the quotation that B reports as “We will not close the pier.”, carried by 2 of 3 outlets."]


@pytest.mark.filterwarnings("ignore::mediadiff.errors.InputWarning")
def test_a_sentence_left_out_of_a_quotation_the_outlet_runs_is_no_key_finding():
    """An outlet that quotes a statement and marks a cut with "…" has not omitted the statement:
    the missing sentence stays in the omissions table but is no key finding. An outlet that
    quotes none of it omits the quotation, and that is said."""
    lead = "The county reopened the Elm Street wells on Monday after a week of testing. "
    tail = " Residents had complained about a metallic taste since early May."
    full = (
        lead + "“The water is safe to drink again. We tested every single well in the county twice. "
        "Nobody should worry about it,” Mayor Ann Lee said at the town hall." + tail
    )
    cut = (
        lead
        + "“The water is safe to drink again … Nobody should worry about it,” Mayor Ann Lee said at the town hall."
        + tail
    )
    excerpt = mediadiff.compare([Article("a", full), Article("b", full), Article("c", cut)])
    assert [(o.outlet, o.kind) for o in excerpt.omissions] == [("c", "quote")]
    assert not any(" omits " in line for line in excerpt.key_findings())
    silent = mediadiff.compare([Article("a", full), Article("b", full), Article("c", lead + tail.strip())])
    assert any(line.startswith("c omits the quotation") for line in silent.key_findings())


@pytest.mark.parametrize(
    ("partial", "key"),
    [
        ("a reckless gamble", False),
        ("reckless gamble", False),
        ("the vote", True),
        ("gamble", True),
        ("with our", True),
    ],
)
def test_a_statement_the_outlet_quotes_in_part_is_no_key_omission(partial, key):
    """An outlet that reports a remark in its own words with a piece of it in quotation marks
    ("spoke of 'a reckless gamble'") tells it in part: the full quotation it lacks is no key
    finding. A quoted phrase that is not the statement's words, a single quoted word (a scare
    quote says too little) or function words alone change nothing."""
    from _report_fixture import shown_key_findings

    quote = "This plan is a reckless gamble with our harbour."
    member = {"outlet": "b", "start": 1, "end": len(quote) + 1, "sentence": 0, "text": quote}
    report = {
        "outlets": [{"id": o, "name": o.upper()} for o in "abc"],
        "passages": [{"id": "P1", "support": 2, "members": [member]}],
        "quotes": [
            {"outlet": "b", "start": 1, "end": len(quote) + 1, "text": quote},
            {"outlet": "c", "start": 40, "end": 40 + len(partial), "text": partial},
        ],
        "omissions": [{"outlet": "c", "passage": "P1", "weight": 0.6, "kind": "quote", "carried_by": ["a", "b"]}],
    }
    said = [s for s in shown_key_findings(report) if s.startswith("C omits")]
    assert bool(said) is key
