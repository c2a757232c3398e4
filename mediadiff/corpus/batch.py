"""Batch runs: compare every story of a corpus, on this machine or on a Dask cluster.

:func:`compare_corpus` runs :func:`mediadiff.compare.compare` once per story and streams the
results to an output folder::

    out/
      corpus.json               the options of the run (a resumed run must use the same ones)
      stories/<story>/report.json   one report per story (written by the worker, atomically)
      scores.jsonl              one line per story and outlet: scores and finding counts
      errors.jsonl              one line per story that failed: its error and message

Streaming
    Stories are taken from the input one at a time and at most a few per worker are in flight;
    a worker writes its story's ``report.json`` itself and sends back only the small score
    records, so the driver's memory does not grow with the size of the corpus (give a generator
    of stories to keep the input itself out of memory too).

Order
    ``scores.jsonl`` and ``errors.jsonl`` are written **in story order** (the order of the
    input), each story as soon as it and every story before it have finished: a story that
    finishes early waits in a small buffer, bounded by the number of stories in flight. So the
    files are byte-identical whichever engine ran them and however many workers it had.

Resume
    With ``resume=True`` (the default) a story whose ``report.json`` exists and whose score lines
    are all in ``scores.jsonl`` is skipped; a story whose report exists but whose lines are
    missing (the run stopped between the two) gets its lines back from the report without being
    compared again. Stories that failed are tried again (``errors.jsonl`` is rewritten by each
    run). Stories without an id get one from their content (``story-`` and a hash of the
    outlets and texts), so a resumed run recognises them even if the corpus was re-clustered.

Engines
    ``"local"``: processes on this machine (:class:`concurrent.futures.ProcessPoolExecutor`);
    ``n_jobs=1`` runs everything in this process. ``"dask"``: the same tasks on a Dask cluster
    (``client=`` a ``distributed.Client``, or ``scheduler=`` its address; neither starts a
    ``LocalCluster`` of ``n_jobs`` workers). Dask is an optional extra: ``pip install
    'mediadiff[dask]'``. Workers on other machines must see ``out`` at the same path (a shared
    file system) and have mediadiff installed.

Public names
------------
compare_corpus    stories (or a pile of articles) -> CorpusResult, streaming to ``out``.
iter_corpus       the same run as an iterator of StoryOutcome, one per story in story order.
CorpusResult      what a run did: counts, failures, where the files are; ``scores()`` reads them back.
StoryOutcome      one story's outcome: ``done``, ``recovered``, ``skipped`` or ``failed``.
StoryFailure      a story that failed: its id, the error's type and message.
score_records     a story's report dict -> its per-outlet score records (the lines of scores.jsonl).
story_folder      a story id -> the (safe) name of its folder under ``out/stories/``.
"""

from __future__ import annotations

import json
import os
import time
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .._io import atomic_write
from ..analysis import finding_kinds
from ..analysis.omissions import OMISSION_KIND_NAMES
from ..document import Article
from ..errors import MediadiffWarning
from ._engines import ENGINES, Engine, Runner, collect, start_engine
from ._files import Output, read_jsonl, story_folder
from ._input import check_options, stories
from ._progress import Progress

__all__ = [
    "ENGINES",
    "CorpusResult",
    "StoryFailure",
    "StoryOutcome",
    "compare_corpus",
    "iter_corpus",
    "score_records",
    "story_folder",
]

#: The omission kinds always present (as 0) in a score record's ``n_omissions`` (declared with
#: the omission kind; named here too for the docs).
OMISSION_KINDS: tuple[str, ...] = OMISSION_KIND_NAMES

_STATUSES = ("done", "recovered", "skipped", "failed")
Status = Literal["done", "recovered", "skipped", "failed"]


# --------------------------------------------------------------------------------------------
# Values


@dataclass(frozen=True, slots=True)
class StoryFailure:
    """A story whose comparison failed: ``error`` is the exception's type name."""

    story: str
    error: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """The line written to ``errors.jsonl``."""
        return {"story": self.story, "error": self.error, "message": self.message}


@dataclass(frozen=True, slots=True)
class StoryOutcome:
    """One story's outcome in a run, as yielded by :func:`iter_corpus`.

    ``status`` is ``"done"`` (compared now), ``"recovered"`` (its report was already written;
    its score lines were rebuilt from it), ``"skipped"`` (already complete in ``out``) or
    ``"failed"`` (see ``failure``). ``records`` are its score records (empty when skipped or
    failed); ``index`` is its position in the input.
    """

    index: int
    story: str
    status: Status
    records: tuple[dict[str, Any], ...] = ()
    failure: StoryFailure | None = None


@dataclass(frozen=True)
class CorpusResult:
    """What :func:`compare_corpus` did.

    Only counts and failures are kept in memory when ``out`` is set: read the per-outlet scores
    back with :meth:`scores` (streamed from ``scores.jsonl``). Without ``out`` nothing is written
    and the records are kept in ``records``.
    """

    out: str | None
    n_stories: int
    n_done: int
    n_recovered: int
    n_skipped: int
    failures: tuple[StoryFailure, ...]
    engine: str
    seconds: float = field(compare=False)
    records: tuple[dict[str, Any], ...] = ()

    @property
    def n_failed(self) -> int:
        """How many stories failed."""
        return len(self.failures)

    @property
    def scores_path(self) -> Path | None:
        """``out/scores.jsonl`` (None without ``out``)."""
        return None if self.out is None else Path(self.out) / "scores.jsonl"

    @property
    def errors_path(self) -> Path | None:
        """``out/errors.jsonl`` (None without ``out``)."""
        return None if self.out is None else Path(self.out) / "errors.jsonl"

    def report_path(self, story: str) -> Path | None:
        """Where the report of ``story`` is (or would be) written (None without ``out``)."""
        return None if self.out is None else Path(self.out) / "stories" / story_folder(story) / "report.json"

    def scores(self) -> Iterator[dict[str, Any]]:
        """The score records, one per story and outlet, in story order (read lazily from the file)."""
        if self.out is None:
            yield from self.records
            return
        yield from read_jsonl(Path(self.out) / "scores.jsonl")

    def to_dict(self) -> dict[str, Any]:
        """A summary of the run as plain data (no scores)."""
        return {
            "out": self.out,
            "engine": self.engine,
            "n_stories": self.n_stories,
            "n_done": self.n_done,
            "n_recovered": self.n_recovered,
            "n_skipped": self.n_skipped,
            "n_failed": self.n_failed,
            "failures": [f.to_dict() for f in self.failures],
            "seconds": round(self.seconds, 3),
        }


# --------------------------------------------------------------------------------------------
# Score records


def score_records(story: str, report: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The per-outlet score records of one story, from its report dict (``report.json``).

    One record per outlet, in the report's outlet order, with: ``story``, ``outlet``,
    ``n_outlets`` (outlets in the story), ``n_words``, the scores every finding kind gives
    (``omission``, ``wording_shift`` and ``loaded_language``), then each kind's own fields
    (:attr:`mediadiff.findings.FindingKind.score_line`), in the order of the kinds:
    ``n_omissions`` by kind (``fact``, ``quote``, ``response``, ...), ``n_wording_shifts``,
    ``n_loaded`` (own-voice loaded spans, quotations excluded) and ``loaded_terms`` (the outlet's
    own-voice loaded terms, lower case, with ``category``, the ``counterpart`` wording of other
    outlets (the findings' ``reference_text``) or None, and ``count``, most frequent first, at most :data:`MAX_TERMS`),
    ``n_quote_alterations`` and ``n_conflicts`` (conflicts the outlet takes part in).

    >>> report = {"outlets": [{"id": "a", "n_words": 10, "scores": {"omission": 0.5,
    ...     "wording_shift": 0.1, "loaded_language": 100.0}}, {"id": "b", "n_words": 12,
    ...     "scores": {"omission": 0.0, "wording_shift": 0.1, "loaded_language": 0.0}}],
    ...     "omissions": [{"outlet": "a", "kind": "response"}], "wording_shifts": [],
    ...     "loaded_language": [{"outlet": "a", "text": "Slammed", "category": "intensity",
    ...     "in_quote": False, "reference_text": "criticised"}], "quote_alterations": [], "conflicts": []}
    >>> rec = score_records("s1", report)[0]
    >>> rec["n_omissions"], rec["loaded_terms"]
    ({'fact': 0, 'figure': 0, 'quote': 0, 'response': 1}, [{'term': 'slammed', 'category': 'intensity', 'counterpart': 'criticised', 'count': 1}])
    """
    outlets = [o["id"] for o in report["outlets"]]
    kinds = finding_kinds()
    lines = [kind.line([r for r in report.get(kind.name, ()) if isinstance(r, Mapping)], outlets) for kind in kinds]
    records = []
    for o in report["outlets"]:
        oid = o["id"]
        scores = o.get("scores", {})
        record = {"story": story, "outlet": oid, "n_outlets": len(outlets), "n_words": o.get("n_words")}
        record.update({s.key: scores.get(s.key) for kind in kinds for s in kind.scores})
        for line in lines:
            record.update(line.get(oid, {}))
        records.append(record)
    return records


# --------------------------------------------------------------------------------------------
# The work of one story (runs in a worker: module-level, picklable, returns small values)


def _run_story(task: tuple[int, str, list[Article] | str | None, str | None, dict[str, Any]]) -> dict[str, Any]:
    """Compare one story (or rebuild its records from its report when ``articles`` is None).

    ``articles`` may be the path of a folder (or file) of articles, loaded here with
    :func:`mediadiff.load.load`, so that a load error is this story's failure.

    Returns ``{"index", "story", "status", "records"}`` or, on failure, ``{"index", "story",
    "status": "failed", "error", "message"}``: never raises for a story's own error.
    """
    index, story, articles, report_path, options = task
    try:
        if articles is None:  # recover: the report was written, the score lines were not
            assert report_path is not None
            from ..report.json import upgrade_report

            report = upgrade_report(json.loads(Path(report_path).read_text(encoding="utf-8")))
            return {"index": index, "story": story, "status": "recovered", "records": score_records(story, report)}
        from ..compare import compare
        from ..report.json import dumps

        with warnings.catch_warnings():
            # Input warnings are kept in the report's "warnings"; a worker has no one to show them to.
            warnings.simplefilter("ignore", MediadiffWarning)
            if isinstance(articles, str):
                from ..load import load

                articles = load(articles)
            comparison = compare(articles, **options)
        report = comparison.to_dict()
        records = score_records(story, report)
        if report_path is not None:
            atomic_write(Path(report_path), dumps(report).encode("utf-8"), make_parents=True)
        return {"index": index, "story": story, "status": "done", "records": records}
    except Exception as exc:  # a story's failure is recorded, the run goes on
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
        return {"index": index, "story": story, "status": "failed", "error": type(exc).__name__, "message": message}


# --------------------------------------------------------------------------------------------
# The run


def iter_corpus(
    stories_or_articles: Iterable[Any] | Mapping[str, Sequence[Article]],
    *,
    engine: Engine = "local",
    n_jobs: int | None = None,
    out: str | os.PathLike[str] | None = None,
    progress: bool = True,
    client: Any = None,
    scheduler: str | None = None,
    resume: bool = True,
    compare_options: Mapping[str, Any] | None = None,
    cluster_options: Mapping[str, Any] | None = None,
    max_in_flight: int | None = None,
) -> Iterator[StoryOutcome]:
    """Run :func:`compare_corpus`'s work and yield one :class:`StoryOutcome` per story, in story order.

    Takes the same parameters as :func:`compare_corpus` (plus ``max_in_flight``: how many
    stories may be submitted and not yet written, default four per worker). The files in
    ``out`` are written as the outcomes are yielded; stopping the iteration early stops the
    run (what was written stays, and a later run resumes from it).
    """
    options = check_options(engine, n_jobs, out, compare_options, client, scheduler, max_in_flight)
    given, total = stories(stories_or_articles, cluster_options)
    output = Output(None if out is None else Path(out), options, resume)
    runner = start_engine(engine, n_jobs, client, scheduler)
    window = max_in_flight or 4 * runner.n_workers
    bar = Progress(progress, total)
    cancel = True
    try:
        output.open()
        for raw in _in_story_order(runner, given, output, options, window):
            outcome = _outcome(raw)
            output.write(outcome.records, None if outcome.failure is None else outcome.failure.to_dict())
            bar.update(outcome.status)
            yield outcome
        cancel = False
    finally:
        bar.close()
        runner.close(cancel=cancel)
        output.close()


def _in_story_order(
    runner: Runner,
    given: Iterator[tuple[str, list[Article] | str]],
    output: Output,
    options: dict[str, Any],
    window: int,
) -> Iterator[dict[str, Any]]:
    """Submit the stories to the engine and yield their raw results in story order.

    The workers are kept busy, but never more than ``window`` stories run ahead of the writer: a
    story that finishes early waits in ``ready`` until every story before it has finished. A
    story complete in ``out`` is not submitted (its result is "skipped").
    """
    pending: dict[Any, tuple[int, str]] = {}
    ready: dict[int, dict[str, Any]] = {}
    next_out = next_in = 0
    exhausted = False
    while True:
        while not exhausted and len(pending) < window and next_in - next_out < window:
            try:
                story, articles = next(given)
            except StopIteration:
                exhausted = True
                break
            index, next_in = next_in, next_in + 1
            task = output.task(story, articles)
            if task is None:
                ready[index] = {"index": index, "story": story, "status": "skipped", "records": []}
                continue
            pending[runner.submit(_run_story, (index, story, *task, options))] = (index, story)
        while next_out in ready:
            raw = ready.pop(next_out)
            next_out += 1
            yield raw
        if not pending:
            if exhausted and not ready:
                return
            continue
        for future in runner.wait_first(pending):
            index, story = pending.pop(future)
            ready[index] = collect(future, index, story)


def _outcome(raw: dict[str, Any]) -> StoryOutcome:
    failure = None
    if raw["status"] == "failed":
        failure = StoryFailure(raw["story"], raw["error"], raw["message"])
    return StoryOutcome(raw["index"], raw["story"], raw["status"], tuple(raw.get("records", ())), failure)


def compare_corpus(
    stories_or_articles: Iterable[Any] | Mapping[str, Sequence[Article]],
    *,
    engine: Engine = "local",
    n_jobs: int | None = None,
    out: str | os.PathLike[str] | None = None,
    progress: bool = True,
    client: Any = None,
    scheduler: str | None = None,
    resume: bool = True,
    compare_options: Mapping[str, Any] | None = None,
    cluster_options: Mapping[str, Any] | None = None,
) -> CorpusResult:
    """Compare every story of a corpus, streaming the reports and scores to ``out``.

    Parameters
    ----------
    stories_or_articles : iterable
        Stories, each a list of :class:`~mediadiff.document.Article` (one per outlet), or
        ``(story_id, articles)`` pairs, or a dict ``{story_id: articles}``; a generator keeps
        the corpus out of memory. Or a flat list of articles: they are grouped into stories
        first with :func:`mediadiff.corpus.cluster.cluster_stories`. A story without an id gets
        ``story-`` and a hash of its content. A story may also be the path of a folder of
        article files (``(story_id, path)``, or a bare path whose name is the id): the worker
        loads it with :func:`mediadiff.load.load`, so a folder that cannot be read is that
        story's failure, and the driver never holds its text.
    engine : {"local", "dask"}, default "local"
        ``"local"``: worker processes on this machine; ``"dask"``: a Dask cluster (optional
        extra ``mediadiff[dask]``).
    n_jobs : int or None, default None
        Worker processes for ``"local"`` (None: ``os.cpu_count()``; 1: no extra process, all in
        this one). For ``"dask"`` without ``client``/``scheduler``: the size of the LocalCluster
        started for the run.
    out : path or None, default None
        The output folder (see the module docstring for its layout). None writes nothing and
        keeps the score records in the result (then the whole corpus's records are in memory).
    progress : bool, default True
        Show a progress bar with rate and ETA (tqdm, extra ``mediadiff[progress]``); without
        tqdm, log lines on the ``mediadiff.corpus`` logger.
    client : distributed.Client or None
        The Dask client to run on (``engine="dask"``); it is left open.
    scheduler : str or None
        The address of a Dask scheduler (``"tcp://host:8786"``) to connect to (``engine="dask"``).
    resume : bool, default True
        Skip stories already complete in ``out``; False computes every story again and starts
        ``scores.jsonl`` afresh.
    compare_options : dict or None
        Keyword options for :func:`mediadiff.compare.compare` (``min_support``, ...), the same
        for every story; plain JSON values (recorded in ``out/corpus.json``).
    cluster_options : dict or None
        Keyword options for ``cluster_stories`` when given a flat list of articles.

    Returns
    -------
    CorpusResult
        Counts, failures (also in ``out/errors.jsonl``) and where the files are.

    Raises
    ------
    InputError
        The input is not stories or articles, or a story id is given twice.
    ParameterError
        An option is outside what it allows; Dask is missing for ``engine="dask"``; ``out``
        holds a run made with other ``compare_options`` (and ``resume`` is true).
    OutputError
        ``out`` cannot be created.

    Examples
    --------
    >>> from mediadiff.examples import load_example
    >>> result = compare_corpus({"leak": load_example("kestrel_leak")}, n_jobs=1, progress=False)
    >>> result.n_done, result.n_failed, sorted({r["outlet"] for r in result.scores()})[:2]
    (1, 0, ['ardley_gazette', 'daily_ledger'])
    """
    started = time.monotonic()
    counts = dict.fromkeys(_STATUSES, 0)
    failures: list[StoryFailure] = []
    records: list[dict[str, Any]] = []
    for outcome in iter_corpus(
        stories_or_articles,
        engine=engine,
        n_jobs=n_jobs,
        out=out,
        progress=progress,
        client=client,
        scheduler=scheduler,
        resume=resume,
        compare_options=compare_options,
        cluster_options=cluster_options,
    ):
        counts[outcome.status] += 1
        if outcome.failure is not None:
            failures.append(outcome.failure)
        if out is None:
            records.extend(outcome.records)
    return CorpusResult(
        out=None if out is None else str(out),
        n_stories=sum(counts.values()),
        n_done=counts["done"],
        n_recovered=counts["recovered"],
        n_skipped=counts["skipped"],
        failures=tuple(failures),
        engine=engine,
        seconds=time.monotonic() - started,
        records=tuple(records),
    )
