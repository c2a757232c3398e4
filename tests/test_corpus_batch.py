"""Batch runs: streaming to a folder, resume, failures recorded, the same results on every engine, the CLI."""

from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediadiff.cli import main
from mediadiff.corpus.batch import compare_corpus, iter_corpus, score_records, story_folder
from mediadiff.document import Article
from mediadiff.errors import InputError, ParameterError
from mediadiff.examples import example_stories, load_example


def _short(article: Article, paragraphs: int = 7) -> Article:
    """The first paragraphs of a bundled article: the same kind of story, compared faster."""
    parts = article.text.split("\n\n")
    return dataclasses.replace(article, text="\n\n".join(parts[:paragraphs]) + "\n")


def _small_stories() -> list[tuple[str, list[Article]]]:
    """Three bundled stories, three outlets each, shortened."""
    return [
        (s, [_short(a) for a in sorted(load_example(s), key=lambda a: a.outlet)[:3]]) for s in example_stories()[:3]
    ]


STORIES = _small_stories()


def _files(out: Path) -> dict[str, bytes]:
    """Every result file of a run (reports and scores), by relative path."""
    found = {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.glob("stories/*/report.json"))}
    found["scores.jsonl"] = (out / "scores.jsonl").read_bytes()
    return found


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One whole run in this process: the baseline every other run must reproduce."""
    out = tmp_path_factory.mktemp("reference")
    result = compare_corpus(STORIES, n_jobs=1, out=out, progress=False)
    assert (result.n_done, result.n_failed) == (3, 0)
    return out


def test_layout_and_score_lines_in_story_order(reference: Path) -> None:
    lines = [json.loads(x) for x in (reference / "scores.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["story"], r["outlet"]) for r in lines] == [(s, a.outlet) for s, articles in STORIES for a in articles]
    for story, _ in STORIES:
        report = json.loads((reference / "stories" / story / "report.json").read_text(encoding="utf-8"))
        assert [r for r in lines if r["story"] == story] == score_records(story, report)
    first = lines[0]
    assert set(first["n_omissions"]) >= {"fact", "quote", "response"}
    assert 0.0 <= first["omission"] <= 1.0 and 0.0 <= first["wording_shift"] <= 1.0
    assert first["n_outlets"] == 3
    assert json.loads((reference / "corpus.json").read_text())["compare_options"] == {}
    assert (reference / "errors.jsonl").read_text() == ""


def test_resume_skips_finished_stories(reference: Path, tmp_path: Path) -> None:
    first = compare_corpus(STORIES[:2], n_jobs=1, out=tmp_path, progress=False)
    assert first.n_done == 2
    stamps = {s: (tmp_path / "stories" / s / "report.json").stat().st_mtime_ns for s, _ in STORIES[:2]}
    second = compare_corpus(STORIES, n_jobs=1, out=tmp_path, progress=False)
    assert (second.n_skipped, second.n_done, second.n_failed) == (2, 1, 0)
    assert {s: (tmp_path / "stories" / s / "report.json").stat().st_mtime_ns for s, _ in STORIES[:2]} == stamps
    assert _files(tmp_path) == _files(reference)  # as if never interrupted


def test_resume_rebuilds_lost_score_lines_without_comparing_again(reference: Path, tmp_path: Path) -> None:
    compare_corpus(STORIES, n_jobs=1, out=tmp_path, progress=False)
    last = STORIES[-1][0]
    stamp = (tmp_path / "stories" / last / "report.json").stat().st_mtime_ns
    # A run killed while writing the last story's lines: one line whole, the next cut short.
    scores = tmp_path / "scores.jsonl"
    lines = scores.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [x for x in lines if json.loads(x)["story"] != last]
    ours = [x for x in lines if json.loads(x)["story"] == last]
    scores.write_text("".join(kept) + ours[0] + ours[1][:25], encoding="utf-8")
    again = compare_corpus(STORIES, n_jobs=1, out=tmp_path, progress=False)
    assert (again.n_skipped, again.n_recovered, again.n_done) == (2, 1, 0)
    assert (tmp_path / "stories" / last / "report.json").stat().st_mtime_ns == stamp
    assert _files(tmp_path) == _files(reference)


def test_resume_recomputes_a_story_whose_report_is_missing(reference: Path, tmp_path: Path) -> None:
    compare_corpus(STORIES, n_jobs=1, out=tmp_path, progress=False)
    (tmp_path / "stories" / STORIES[0][0] / "report.json").unlink()
    again = compare_corpus(STORIES, n_jobs=1, out=tmp_path, progress=False)
    assert (again.n_skipped, again.n_done) == (2, 1)
    # The recomputed story now comes last in scores.jsonl (appended), with the same lines.
    got = sorted((tmp_path / "scores.jsonl").read_text(encoding="utf-8").splitlines())
    assert got == sorted((reference / "scores.jsonl").read_text(encoding="utf-8").splitlines())


def test_a_failing_story_is_recorded_and_the_run_goes_on(reference: Path, tmp_path: Path) -> None:
    lonely = ("lonely", [STORIES[0][1][0]])  # one article: nothing to compare it with
    twice = ("twice", [STORIES[0][1][0], STORIES[0][1][0]])  # the same outlet twice
    stories = [STORIES[0], lonely, STORIES[1], twice, STORIES[2]]
    result = compare_corpus(stories, n_jobs=1, out=tmp_path, progress=False)
    assert (result.n_done, result.n_failed) == (3, 2)
    assert [f.story for f in result.failures] == ["lonely", "twice"]
    assert {f.error for f in result.failures} == {"InputError"}
    errors = [json.loads(x) for x in (tmp_path / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [e["story"] for e in errors] == ["lonely", "twice"]
    assert "at least 2" in errors[0]["message"]
    assert not (tmp_path / "stories" / "lonely" / "report.json").exists()
    assert _files(tmp_path) == _files(reference)
    # A resumed run tries the failed stories again, and only those.
    again = compare_corpus(stories, n_jobs=1, out=tmp_path, progress=False)
    assert (again.n_skipped, again.n_failed, again.n_done) == (3, 2, 0)
    assert len((tmp_path / "errors.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_a_story_folder_that_cannot_be_read_is_a_failure(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    good = corpus / "good"
    good.mkdir(parents=True)
    for a in STORIES[0][1]:
        (good / f"{a.outlet}.txt").write_text(a.text, encoding="utf-8")
    (corpus / "empty").mkdir()
    result = compare_corpus([str(corpus / "empty"), str(good)], n_jobs=1, out=tmp_path / "out", progress=False)
    assert result.n_done == 1
    assert [(f.story, f.error) for f in result.failures] == [("empty", "InputError")]


def test_without_out_the_records_are_returned(reference: Path) -> None:
    result = compare_corpus(STORIES[:1], n_jobs=1, progress=False)
    expected = [json.loads(x) for x in (reference / "scores.jsonl").read_text(encoding="utf-8").splitlines()]
    assert list(result.scores()) == [r for r in expected if r["story"] == STORIES[0][0]]
    assert result.scores_path is None


def test_iter_corpus_yields_outcomes_in_story_order(tmp_path: Path) -> None:
    outcomes = list(iter_corpus(STORIES[:2], n_jobs=1, out=tmp_path, progress=False))
    assert [(o.index, o.story, o.status) for o in outcomes] == [(0, STORIES[0][0], "done"), (1, STORIES[1][0], "done")]
    assert len(outcomes[0].records) == 3


def test_a_pile_of_articles_is_clustered_first_whatever_its_order() -> None:
    pile = [a for _, articles in STORIES[:2] for a in articles]
    ids = []
    for seed in (0, 1):
        shuffled = pile[:]
        random.Random(seed).shuffle(shuffled)
        result = compare_corpus(shuffled, n_jobs=1, progress=False)
        assert (result.n_stories, result.n_failed) == (2, 0)
        ids.append(sorted({r["story"] for r in result.scores()}))
    assert ids[0] == ids[1] and all(s.startswith("story-") for s in ids[0])


def test_story_ids_cannot_escape_the_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = compare_corpus([("../../escape", STORIES[0][1])], n_jobs=1, out=out, progress=False)
    assert result.n_done == 1
    reports = list(tmp_path.rglob("report.json"))
    assert reports == [out / "stories" / story_folder("../../escape") / "report.json"]
    assert result.report_path("../../escape") == reports[0]


@given(st.text(min_size=1, max_size=120))
def test_story_folder_is_one_safe_path_component(story: str) -> None:
    name = story_folder(story)
    assert name and name not in (".", "..") and not name.startswith(".")
    assert "/" not in name and "\\" not in name and "\0" not in name and len(name) <= 90
    assert all(c.isascii() and (c.isalnum() or c in "._-") for c in name)


def test_distinct_ids_get_distinct_folders() -> None:
    ids = ["a/b", "a_b", "a b", "a\\b", "../a_b", "CON", "con.txt", "é", "e"]
    assert len({story_folder(s) for s in ids}) == len(ids)


def test_bad_input_and_options_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="single string"):
        compare_corpus("not a corpus", n_jobs=1, progress=False)
    with pytest.raises(InputError, match="given twice"):
        compare_corpus([("s", STORIES[0][1]), ("s", STORIES[1][1])], n_jobs=1, progress=False)
    with pytest.raises(InputError, match="Article"):
        compare_corpus([["text, not an article", "another"]], n_jobs=1, progress=False)
    with pytest.raises(ParameterError, match="'engine' parameter of compare_corpus"):
        compare_corpus(STORIES, engine="spark", progress=False)
    with pytest.raises(ParameterError, match="'n_jobs'"):
        compare_corpus(STORIES, n_jobs=0, progress=False)
    with pytest.raises(ParameterError, match="min_support"):
        compare_corpus(STORIES, n_jobs=1, progress=False, compare_options={"min_suport": 2})
    with pytest.raises(ParameterError, match="engine='dask'"):
        compare_corpus(STORIES, scheduler="tcp://127.0.0.1:8786", progress=False)


def test_resuming_with_other_compare_options_is_refused(tmp_path: Path) -> None:
    compare_corpus(STORIES[:1], n_jobs=1, out=tmp_path, progress=False)
    with pytest.raises(ParameterError, match=r"other compare options.*resume=False \(on the command line: --restart\)"):
        compare_corpus(STORIES[:1], n_jobs=1, out=tmp_path, progress=False, compare_options={"min_support": 1})
    restarted = compare_corpus(
        STORIES[:1], n_jobs=1, out=tmp_path, progress=False, resume=False, compare_options={"min_support": 1}
    )
    assert (restarted.n_done, restarted.n_skipped) == (1, 0)


def test_dask_missing_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    with pytest.raises(ParameterError, match=r"pip install 'mediadiff\[dask\]'"):
        compare_corpus(STORIES, engine="dask", progress=False)


# --- the same results whichever engine runs them -----------------------------------------


def test_local_processes_give_identical_files(reference: Path, tmp_path: Path) -> None:
    result = compare_corpus(STORIES, n_jobs=2, out=tmp_path, progress=False)
    assert (result.n_done, result.n_failed) == (3, 0)
    assert _files(tmp_path) == _files(reference)


def test_dask_cluster_gives_identical_files(reference: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed (mediadiff[dask])")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            result = compare_corpus(STORIES, engine="dask", client=client, out=tmp_path / "a", progress=False)
            assert (result.n_done, result.n_failed) == (3, 0)
            assert _files(tmp_path / "a") == _files(reference)
            # By address, as on a multi-node cluster, with a failing story among them.
            stories = [STORIES[0], ("lonely", STORIES[1][1][:1]), *STORIES[1:]]
            by_address = compare_corpus(
                stories, engine="dask", scheduler=cluster.scheduler_address, out=tmp_path / "b", progress=False
            )
            assert [f.story for f in by_address.failures] == ["lonely"]
            assert _files(tmp_path / "b") == _files(reference)


def test_dask_without_a_client_starts_and_closes_its_own_cluster(reference: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="dask[distributed] is not installed (mediadiff[dask])")
    result = compare_corpus(STORIES, engine="dask", n_jobs=2, out=tmp_path, progress=False)
    assert (result.n_done, result.n_failed) == (3, 0)
    assert _files(tmp_path) == _files(reference)


# --- the command line ----------------------------------------------------------------------


def test_cli_on_a_small_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for story, articles in STORIES[:2]:
            for a in articles:  # the first story has its id, the second must be clustered
                record = {"outlet": a.outlet, "text": a.text, "title": a.title}
                if story == STORIES[0][0]:
                    record["story"] = story
                fh.write(json.dumps(record) + "\n")
    out = tmp_path / "out"
    assert main(["corpus", str(corpus), "--out", str(out), "--jobs", "1", "--no-progress"]) == 0
    assert "2 stories: 2 compared" in capsys.readouterr().out
    lines = [json.loads(x) for x in (out / "scores.jsonl").read_text(encoding="utf-8").splitlines()]
    stories = list(dict.fromkeys(r["story"] for r in lines))
    assert stories[0] == STORIES[0][0] and stories[1].startswith("story-")
    assert len(lines) == 6
    profiles = json.loads((out / "profiles.json").read_text(encoding="utf-8"))
    assert profiles["n_stories"] == 2 and len(profiles["outlets"]) == 6
    assert (out / "profiles.md").read_text(encoding="utf-8").startswith("# Outlet profiles")
    assert (out / "profiles.pdf").read_bytes().startswith(b"%PDF")
    # Run again: everything is already there.
    assert main(["corpus", str(corpus), "--out", str(out), "--jobs", "1", "--no-progress"]) == 0
    assert "0 compared, 2 already done" in capsys.readouterr().out


def test_cli_on_a_folder_of_story_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    for story, articles in STORIES[:2]:
        (corpus / story).mkdir(parents=True)
        for a in articles:
            (corpus / story / f"{a.outlet}.txt").write_text(a.text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["corpus", str(corpus), "--out", str(out), "--jobs", "1", "--quiet", "--no-profiles"]) == 0
    assert capsys.readouterr().out == ""
    assert sorted(p.name for p in (out / "stories").iterdir()) == sorted(s for s, _ in STORIES[:2])
    assert not (out / "profiles.json").exists()


def test_cli_refuses_unusable_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # with --debug the error itself comes out; without it, one line and exit status 2
    with pytest.raises(InputError, match="no such file"):
        main(["corpus", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o"), "--debug"])
    assert main(["corpus", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o")]) == 2
    assert "mediadiff: error: " in capsys.readouterr().err
    (tmp_path / "flat").mkdir()
    (tmp_path / "flat" / "a.txt").write_text("Some text.", encoding="utf-8")
    with pytest.raises(InputError, match="no story folders"):
        main(["corpus", str(tmp_path / "flat"), "--out", str(tmp_path / "o"), "--debug"])
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "An article without its outlet."}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="'outlet'"):
        main(["corpus", str(bad), "--out", str(tmp_path / "o"), "--debug"])
    with pytest.raises(SystemExit):
        main(["corpus", str(bad), "--out", str(tmp_path / "o"), "--jobs", "0"])


# --- progress --------------------------------------------------------------------------------


def test_progress_bar_shows_rate(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm", reason="tqdm is not installed (mediadiff[progress])")
    compare_corpus(STORIES[:1], n_jobs=1, progress=True)
    err = capsys.readouterr().err
    assert "1/1" in err and "story/s" in err


def test_without_tqdm_progress_goes_to_the_log(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "tqdm.auto", None)  # makes `from tqdm.auto import tqdm` fail
    with caplog.at_level("INFO", logger="mediadiff.corpus"):
        compare_corpus(STORIES[:1], n_jobs=1, progress=True)
    assert "mediadiff[progress]" in caplog.text and "1/1 stories" in caplog.text


def test_numpy_compare_options_are_accepted_and_stored_plain(tmp_path: Path) -> None:
    # review: compare() takes min_support=np.int64(2), compare_corpus refused it ("plain JSON values")
    np = pytest.importorskip("numpy")
    result = compare_corpus(
        STORIES[:1], n_jobs=1, out=tmp_path, progress=False, compare_options={"min_support": np.int64(2)}
    )
    assert (result.n_done, result.n_failed) == (1, 0)
    stored = json.loads((tmp_path / "corpus.json").read_text(encoding="utf-8"))["compare_options"]
    assert stored == {"min_support": 2}
    # the same run with a plain 2 resumes it: nothing left to do
    again = compare_corpus(STORIES[:1], n_jobs=1, out=tmp_path, progress=False, compare_options={"min_support": 2})
    assert (again.n_done, again.n_skipped) == (0, 1)


def test_docs_scripts_guard_their_workers_and_run_as_scripts(tmp_path: Path) -> None:
    """docs/corpus_batch.md (issue 20): every example that starts workers is guarded by
    ``if __name__ == "__main__":``, and the Dask one runs as a script (a LocalCluster's workers
    import the script: unguarded, it fails while the cluster starts)."""
    import re
    import subprocess
    import sys

    pytest.importorskip("distributed", reason="dask[distributed] is not installed (mediadiff[dask])")
    page = (Path(__file__).resolve().parents[1] / "docs" / "corpus_batch.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```python\n(.*?)```", page, re.S) if "compare_corpus(" in b]
    assert blocks and all('if __name__ == "__main__":' in b for b in blocks)
    [dask] = [b for b in blocks if 'engine="dask"' in b]
    for story, articles in STORIES[:2]:
        folder = tmp_path / "stories" / story
        folder.mkdir(parents=True)
        for a in articles:
            (folder / f"{a.outlet}.txt").write_text(a.text, encoding="utf-8")
    script = tmp_path / "run_dask.py"
    script.write_text(dask.replace("n_jobs=4", "n_jobs=2"), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split()[:2] == ["2", "0"]
    assert (tmp_path / "run" / "scores.jsonl").exists()
