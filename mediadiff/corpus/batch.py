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
ENGINES           the engine names.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import inspect
import json
import logging
import os
import re
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .._io import atomic_write
from ..analysis import finding_kinds
from ..analysis._kinds import OMISSION_KIND_NAMES
from ..document import Article
from ..errors import (
    InputError,
    MediadiffError,
    MediadiffWarning,
    OutputError,
    ParameterError,
    check_parameter,
    is_int,
    plain,
)

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

logger = logging.getLogger("mediadiff.corpus")

Engine = Literal["local", "dask"]
#: The engine names accepted by :func:`compare_corpus`.
ENGINES: tuple[str, ...] = ("local", "dask")

#: The omission kinds always present (as 0) in a score record's ``n_omissions`` (declared with
#: the omission kind; named here too for the docs).
OMISSION_KINDS: tuple[str, ...] = OMISSION_KIND_NAMES

_OWNER = "compare_corpus"
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
        yield from _read_jsonl(Path(self.out) / "scores.jsonl")

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
# Story ids and folders

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"COM{i}" for i in range(1, 10)] + [f"LPT{i}" for i in range(1, 10)]
)


def story_folder(story: str) -> str:
    """The folder name of a story under ``out/stories/``: safe on every file system.

    Letters, digits, ``.``, ``_`` and ``-`` are kept (at most 80 characters, no leading dot);
    anything else becomes ``_``, and then a hash of the original id is appended, so that two
    ids never share a folder and no id can name a path outside ``out/stories/``.

    >>> story_folder("kestrel_leak")
    'kestrel_leak'
    >>> story_folder("../../etc/passwd")
    'etc_passwd-936d7c04'
    >>> story_folder("a/b") != story_folder("a_b")
    True
    """
    cleaned = _UNSAFE.sub("_", story).lstrip("._-")[:80].rstrip(".")
    if cleaned == story and cleaned.split(".")[0].upper() not in _WINDOWS_RESERVED:
        return cleaned
    digest = hashlib.sha1(story.encode("utf-8")).hexdigest()[:8]
    return f"{cleaned}-{digest}" if cleaned else f"story-{digest}"


def _content_id(articles: Sequence[Article]) -> str:
    """A story id from its content: independent of the order of its articles."""
    h = hashlib.sha1()
    for outlet, text in sorted((a.outlet, a.text) for a in articles):
        h.update(outlet.encode("utf-8") + b"\0" + hashlib.sha1(text.encode("utf-8")).digest())
    return f"story-{h.hexdigest()[:12]}"


def _as_article_list(value: Any, where: str) -> list[Article]:
    if isinstance(value, (str, bytes, Article)) or not isinstance(value, Iterable):
        raise InputError(f"{where}: a story must be a list of mediadiff.Article, got {type(value).__name__}")
    items = list(value)
    for a in items:
        if not isinstance(a, Article):
            raise InputError(f"{where}: a story must hold mediadiff.Article objects, got {type(a).__name__}")
    return items


def _stories(
    stories_or_articles: Any, cluster_options: Mapping[str, Any] | None
) -> tuple[Iterator[tuple[str, list[Article] | str]], int | None]:
    """Normalise the input to ``(story id, articles)`` pairs, lazily; and the count when known."""
    data = stories_or_articles
    if isinstance(data, (str, bytes)):
        raise InputError("compare_corpus() expects a list of stories or of articles, got a single string")
    if isinstance(data, Article):
        raise InputError("compare_corpus() expects a list of stories or of articles, got a single Article")
    if isinstance(data, Mapping):
        data = list(data.items())
    if not isinstance(data, Iterable):
        raise InputError(f"compare_corpus() expects a list of stories or of articles, got {type(data).__name__}")
    total = len(data) if isinstance(data, Sequence) else None
    iterator = iter(data)
    try:
        first = next(iterator)
    except StopIteration:
        return iter(()), 0
    if isinstance(first, Article):
        from .cluster import cluster_stories

        pile = [first, *iterator]
        for a in pile:
            if not isinstance(a, Article):
                raise InputError(f"compare_corpus(): a pile of articles holds a {type(a).__name__}")
        clustered = cluster_stories(pile, **dict(cluster_options or {}))
        return _identified(iter(clustered)), len(clustered)
    return _identified(_chain(first, iterator)), total


def _chain(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield first
    yield from rest


def _identified(items: Iterator[Any]) -> Iterator[tuple[str, list[Article] | str]]:
    """Give every story an id (its own, or one from its content); reject an id given twice.

    A story given as a folder path stays a path (its files are loaded by the worker).
    """
    seen: set[str] = set()
    for i, item in enumerate(items):
        where = f"story {i + 1}"
        articles: list[Article] | str
        if isinstance(item, tuple) and len(item) == 2 and not isinstance(item[0], Article):
            story_id, given = item
            if not isinstance(story_id, str) or not story_id.strip():
                raise InputError(f"{where}: a story id must be a non-empty string, got {story_id!r}")
            if story_id in seen:
                raise InputError(f"story id {story_id!r} is given twice; story ids must be unique")
            articles = (
                os.fspath(given)
                if isinstance(given, (str, os.PathLike))
                else _as_article_list(given, f"story {story_id!r}")
            )
        elif isinstance(item, (str, os.PathLike)):
            articles = os.fspath(item)
            story_id = Path(articles).name or articles
            if story_id in seen:
                raise InputError(f"story id {story_id!r} (folder {articles}) is given twice; story ids must be unique")
        else:
            articles = _as_article_list(item, where)
            story_id = base = _content_id(articles)
            n = 1
            while story_id in seen:  # the same articles given twice: keep both, numbered
                n += 1
                story_id = f"{base}-{n}"
        seen.add(story_id)
        yield story_id, articles


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
    outlets or None, and ``count``, most frequent first, at most :data:`MAX_TERMS`),
    ``n_quote_alterations`` and ``n_conflicts`` (conflicts the outlet takes part in).

    >>> report = {"outlets": [{"id": "a", "n_words": 10, "scores": {"omission": 0.5,
    ...     "wording_shift": 0.1, "loaded_language": 100.0}}, {"id": "b", "n_words": 12,
    ...     "scores": {"omission": 0.0, "wording_shift": 0.1, "loaded_language": 0.0}}],
    ...     "omissions": [{"outlet": "a", "kind": "response"}], "wording_shifts": [],
    ...     "loaded_language": [{"outlet": "a", "text": "Slammed", "category": "intensity",
    ...     "in_quote": False, "counterpart": "criticised"}], "quote_alterations": [], "conflicts": []}
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
            report = json.loads(Path(report_path).read_text(encoding="utf-8"))
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
# Engines: submit(fn, arg) -> future; wait_first(futures) -> the finished ones; close()


class _Inline:
    """The one-process engine: runs each task when it is submitted."""

    n_workers = 1

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> cf.Future[Any]:
        future: cf.Future[Any] = cf.Future()
        try:
            future.set_result(fn(arg))
        except BaseException as exc:  # pragma: no cover - _run_story catches its own errors
            future.set_exception(exc)
        return future

    def wait_first(self, futures: Iterable[Any]) -> set[Any]:
        return set(futures)

    def close(self, cancel: bool = False) -> None:
        pass


def _warm_up() -> None:
    """Load in the driver what every comparison needs (scikit-learn, the lexicon, textstat's
    pronunciation dictionary), so that forked workers share it instead of each loading it."""
    import warnings

    from ..compare import compare
    from ..document import Article

    text = "The council voted on Monday to close the bridge. Officials said repairs would take six weeks."
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a two-sentence text is "very short": expected here
        compare([Article("warm_a", text), Article("warm_b", text.replace("Monday", "Tuesday"))])


class _Local:
    """Processes on this machine."""

    def __init__(self, n_workers: int) -> None:
        import multiprocessing
        import threading
        import tracemalloc

        # fork when this process runs no other thread: workers start with what the driver has
        # already imported and loaded (a warm start); else forkserver (fork is unsafe beside
        # threads such as a Dask client's or a GUI's), or spawn where neither exists. Not fork
        # either while tracemalloc traces the driver: forked workers would trace every allocation.
        methods = multiprocessing.get_all_start_methods()
        if "fork" in methods and threading.active_count() == 1 and not tracemalloc.is_tracing():
            method = "fork"
        else:
            method = "forkserver" if "forkserver" in methods else "spawn"
        if method == "fork" and n_workers > 1:
            _warm_up()
        self.n_workers = n_workers
        self.pool = cf.ProcessPoolExecutor(max_workers=n_workers, mp_context=multiprocessing.get_context(method))

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> cf.Future[Any]:
        return self.pool.submit(fn, arg)

    def wait_first(self, futures: Iterable[Any]) -> set[Any]:
        done, _ = cf.wait(list(futures), return_when=cf.FIRST_COMPLETED)
        return done

    def close(self, cancel: bool = False) -> None:
        self.pool.shutdown(wait=True, cancel_futures=cancel)


class _Dask:
    """A Dask cluster: the given client, a client to ``scheduler``, or a LocalCluster of our own."""

    def __init__(self, client: Any, scheduler: str | None, n_jobs: int | None) -> None:
        try:
            import distributed
        except ImportError as exc:
            raise ParameterError(
                "engine='dask' needs Dask's distributed scheduler, which is not installed: "
                "pip install 'mediadiff[dask]' (or pip install 'dask[distributed]')"
            ) from exc
        self._distributed = distributed
        self._own: list[Any] = []
        if client is None:
            if scheduler is not None:
                try:
                    client = distributed.Client(scheduler, timeout="30s")
                except (OSError, TimeoutError) as exc:
                    raise ParameterError(f"cannot connect to the Dask scheduler at {scheduler!r}: {exc}") from exc
            else:
                import dask

                # Dask's statistical profiler samples every worker thread each 10 ms: a steady
                # cost on pure-Python work such as ours, and no use in a batch run.
                with dask.config.set({"distributed.worker.profile.enabled": False}):
                    cluster = distributed.LocalCluster(
                        n_workers=n_jobs or os.cpu_count() or 1,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                    )
                client = distributed.Client(cluster)
                self._own.append(cluster)
            self._own.insert(0, client)
        self.client = client
        self.n_workers = max(1, sum(client.nthreads().values()))

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> Any:
        return self.client.submit(fn, arg, pure=False)

    def wait_first(self, futures: Iterable[Any]) -> set[Any]:
        done, _ = self._distributed.wait(list(futures), return_when="FIRST_COMPLETED")
        return set(done)

    def close(self, cancel: bool = False) -> None:
        for thing in self._own:
            thing.close()


# --------------------------------------------------------------------------------------------
# Output folder: options, resume state, in-order writers


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.endswith("\n") and line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError:
                    continue


def _check_run_options(out: Path, options: dict[str, Any], resume: bool) -> None:
    """Write ``out/corpus.json``; refuse to resume a run made with other compare options."""
    from .. import __version__

    path = out / "corpus.json"
    wanted = {"compare_options": options}
    if resume and path.exists():
        try:
            had = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            had = None
        if isinstance(had, dict) and had.get("compare_options") != json.loads(json.dumps(options)):
            raise ParameterError(
                f"{out}: holds a run made with other compare options ({had.get('compare_options')!r}, now "
                f"{options!r}); start again with resume=False (on the command line: --restart), or use another folder"
            )
    record = {**wanted, "mediadiff_version": __version__}
    atomic_write(path, (json.dumps(record, sort_keys=True, indent=2) + "\n").encode("utf-8"), make_parents=True)


def _complete_stories(out: Path) -> set[str]:
    """Stories whose report exists and whose score lines are all in ``scores.jsonl``.

    ``scores.jsonl`` is rewritten without any other line: a run that stopped may leave a story's
    lines half written (those lines, and a last line cut short, are dropped so that the story is
    written again whole), and a story whose report was deleted is compared again.
    """
    path = out / "scores.jsonl"
    if not path.exists():
        return set()
    counts: dict[str, list[int]] = {}
    for rec in _read_jsonl(path):
        story, n = rec.get("story"), rec.get("n_outlets")
        if isinstance(story, str) and isinstance(n, int):
            counts.setdefault(story, [0, n])[0] += 1
    complete = {
        s
        for s, (seen, n) in counts.items()
        if seen == n and (out / "stories" / story_folder(s) / "report.json").is_file()
    }
    fd, tmp = tempfile.mkstemp(prefix=".scores.jsonl.", suffix=".tmp", dir=out)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as dst, path.open(encoding="utf-8") as src:
        for line in src:
            if not line.endswith("\n") or not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if rec.get("story") in complete:
                dst.write(line)
    os.replace(tmp, path)
    return complete


def _dumps_line(record: Mapping[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"


def _check_options(engine: Any, n_jobs: Any, out: Any, compare_options: Any) -> dict[str, Any]:
    check_parameter("engine", engine, f"one of {', '.join(map(repr, ENGINES))}", engine in ENGINES, owner=_OWNER)
    check_parameter(
        "n_jobs",
        n_jobs,
        "None or an int >= 1",
        n_jobs is None or (is_int(n_jobs) and n_jobs >= 1),
        owner=_OWNER,
    )
    check_parameter(
        "out", out, "None or a folder path", out is None or isinstance(out, (str, os.PathLike)), owner=_OWNER
    )
    check_parameter(
        "compare_options",
        compare_options,
        "None or a dict of compare() options",
        compare_options is None or isinstance(compare_options, Mapping),
        owner=_OWNER,
    )
    # NumPy numbers as plain ones, for corpus.json
    options: dict[str, Any] = {k: plain(v) for k, v in dict(compare_options or {}).items()}
    from ..compare import compare

    allowed = sorted(
        name
        for name, p in inspect.signature(compare).parameters.items()
        if p.kind is inspect.Parameter.KEYWORD_ONLY and name != "progress"
    )
    for key in sorted(options):
        check_parameter(
            "compare_options",
            key,
            f"a dict whose keys are compare() options ({', '.join(allowed)})",
            key in allowed,
            owner=_OWNER,
        )
    try:
        json.dumps(options)
    except (TypeError, ValueError) as exc:
        raise ParameterError(
            f"The 'compare_options' parameter of {_OWNER} must hold plain JSON values "
            f"(so that a resumed run can check them). Got {options!r} instead."
        ) from exc
    return dict(sorted(options.items()))


class _Progress:
    """A tqdm bar (rate, ETA) when tqdm is installed; else a log line every 5% or 30 seconds."""

    def __init__(self, enabled: bool, total: int | None) -> None:
        self.bar: Any = None
        self.enabled = enabled
        self.total = total
        self.count = 0
        self.start = self.last = time.monotonic()
        if not enabled:
            return
        try:
            from tqdm.auto import tqdm
        except ImportError:
            logger.info(
                "mediadiff: %s stories to compare (pip install 'mediadiff[progress]' for a progress bar)",
                total if total is not None else "unknown number of",
            )
            return
        self.bar = tqdm(total=total, unit="story", desc="mediadiff corpus", smoothing=0.1, dynamic_ncols=True)

    def update(self, status: str) -> None:
        if not self.enabled:
            return
        self.count += 1
        if self.bar is not None:
            self.bar.update(1)
            return
        now = time.monotonic()
        step = max(1, (self.total or 0) // 20)
        if self.count % step == 0 or now - self.last >= 30 or self.count == self.total:
            self.last = now
            rate = self.count / max(now - self.start, 1e-9)
            eta = f", about {(self.total - self.count) / rate:.0f} s left" if self.total and rate > 0 else ""
            logger.info("mediadiff: %d/%s stories (%.2f/s%s)", self.count, self.total or "?", rate, eta)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


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
    options = _check_options(engine, n_jobs, out, compare_options)
    check_parameter(
        "scheduler",
        scheduler,
        "None or an address such as 'tcp://host:8786'",
        scheduler is None or isinstance(scheduler, str),
        owner=_OWNER,
    )
    check_parameter(
        "max_in_flight",
        max_in_flight,
        "None or an int >= 1",
        max_in_flight is None or (is_int(max_in_flight) and max_in_flight >= 1),
        owner=_OWNER,
    )
    if engine == "local" and (client is not None or scheduler is not None):
        raise ParameterError("client= and scheduler= are for engine='dask'; the 'local' engine uses this machine")
    stories, total = _stories(stories_or_articles, cluster_options)

    out_dir = Path(out) if out is not None else None
    complete: set[str] = set()
    scores_fh = errors_fh = None
    if out_dir is not None:
        try:
            (out_dir / "stories").mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{out_dir}: cannot create the output folder ({exc.strerror or exc})") from exc
        _check_run_options(out_dir, options, resume)
        if resume:
            complete = _complete_stories(out_dir)
        else:
            (out_dir / "scores.jsonl").unlink(missing_ok=True)

    if engine == "dask":
        runner: Any = _Dask(client, scheduler, n_jobs)
    elif (n_jobs or os.cpu_count() or 1) == 1:
        runner = _Inline()
    else:
        runner = _Local(n_jobs or os.cpu_count() or 1)
    window = max_in_flight or 4 * runner.n_workers
    bar = _Progress(progress, total)
    pending: dict[Any, tuple[int, str]] = {}
    ready: dict[int, dict[str, Any]] = {}
    next_out = next_in = 0
    exhausted = False
    cancel = True
    try:
        if out_dir is not None:
            scores_fh = (out_dir / "scores.jsonl").open("a", encoding="utf-8", newline="\n")
            errors_fh = (out_dir / "errors.jsonl").open("w", encoding="utf-8", newline="\n")
        while True:
            # Keep the workers busy, but never run more than `window` stories ahead of the writer.
            while not exhausted and len(pending) < window and next_in - next_out < window:
                try:
                    story, given = next(stories)
                except StopIteration:
                    exhausted = True
                    break
                index, next_in = next_in, next_in + 1
                articles: list[Article] | str | None = given
                report_path = None
                if out_dir is not None:
                    report = out_dir / "stories" / story_folder(story) / "report.json"
                    report_path = str(report)
                    if resume and report.exists():
                        if story in complete:
                            ready[index] = {"index": index, "story": story, "status": "skipped", "records": []}
                            continue
                        articles = None  # recover the score lines from the report
                pending[runner.submit(_run_story, (index, story, articles, report_path, options))] = (index, story)
            # Write every finished story that all earlier stories have also finished.
            while next_out in ready:
                outcome = _outcome(ready.pop(next_out))
                next_out += 1
                if scores_fh is not None and outcome.status in ("done", "recovered"):
                    scores_fh.write("".join(_dumps_line(r) for r in outcome.records))
                    scores_fh.flush()
                if errors_fh is not None and outcome.failure is not None:
                    errors_fh.write(_dumps_line(outcome.failure.to_dict()))
                    errors_fh.flush()
                bar.update(outcome.status)
                yield outcome
            if not pending:
                if exhausted and not ready:
                    break
                continue
            for future in runner.wait_first(pending):
                index, story = pending.pop(future)
                try:
                    ready[index] = future.result()
                except BrokenProcessPool as exc:
                    raise MediadiffError(
                        f"a worker process died ({exc}); the stories written so far are kept: run again to resume"
                    ) from exc
                except Exception as exc:  # the worker itself was lost (e.g. Dask's KilledWorker)
                    ready[index] = {
                        "index": index,
                        "story": story,
                        "status": "failed",
                        "error": type(exc).__name__,
                        "message": str(exc) or repr(exc),
                    }
        cancel = False
    finally:
        bar.close()
        runner.close(cancel=cancel)
        for fh in (scores_fh, errors_fh):
            if fh is not None:
                fh.close()


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
