"""Engines of a batch run: where the stories are compared.

Private to :mod:`mediadiff.corpus.batch`. An engine has ``n_workers``, ``submit(fn, arg)`` (a
future), ``wait_first(futures)`` (the finished ones) and ``close(cancel)``:

Inline   the one-process engine (``n_jobs=1``): runs each task when it is submitted.
Local    processes on this machine (:class:`concurrent.futures.ProcessPoolExecutor`).
Dask     a Dask cluster: a given client, a client to a scheduler, or a LocalCluster of its own.
"""

from __future__ import annotations

import concurrent.futures as cf
import os
from collections.abc import Callable, Iterable
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Literal, Protocol

from ..errors import MediadiffError, ParameterError

Engine = Literal["local", "dask"]
#: The engine names accepted by :func:`~mediadiff.corpus.batch.compare_corpus`.
ENGINES: tuple[str, ...] = ("local", "dask")


class Runner(Protocol):
    """What the run needs of an engine."""

    n_workers: int

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> Any: ...

    def wait_first(self, futures: Iterable[Any]) -> set[Any]: ...

    def close(self, cancel: bool = False) -> None: ...


def start_engine(engine: str, n_jobs: int | None, client: Any, scheduler: str | None) -> Runner:
    """The engine of a run: Dask, or processes on this machine (none beside this one for one job)."""
    if engine == "dask":
        return Dask(client, scheduler, n_jobs)
    workers = n_jobs or os.cpu_count() or 1
    return Inline() if workers == 1 else Local(workers)


def collect(future: Any, index: int, story: str) -> dict[str, Any]:
    """A finished task's result. A lost worker (e.g. Dask's KilledWorker) is that story's failure;
    a dead process pool stops the run."""
    try:
        result: dict[str, Any] = future.result()
        return result
    except BrokenProcessPool as exc:
        raise MediadiffError(
            f"a worker process died ({exc}); the stories written so far are kept: run again to resume"
        ) from exc
    except Exception as exc:  # the worker itself was lost
        return {
            "index": index,
            "story": story,
            "status": "failed",
            "error": type(exc).__name__,
            "message": str(exc) or repr(exc),
        }


class Inline:
    """The one-process engine: runs each task when it is submitted."""

    n_workers = 1

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> cf.Future[Any]:
        future: cf.Future[Any] = cf.Future()
        try:
            future.set_result(fn(arg))
        except BaseException as exc:  # pragma: no cover - batch._run_story catches its own errors
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


class Local:
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


class Dask:
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
