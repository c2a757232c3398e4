"""Benchmark batch runs: stories per second on each engine, and the driver's memory as the corpus grows.

    python bench/bench_corpus.py                    # 1,000 stories; memory at 1,000 and 4,000
    python bench/bench_corpus.py --stories 100 --memory 100,400 --skip-dask

Synthetic stories of five outlets are made from the bundled example corpus (mediadiff/data/stories/):
each story takes one bundled story that has five outlets and varies every outlet's text with a
seeded generator (paragraphs dropped, words swapped for synonyms, numbers changed), so that no two
stories are the same text yet each is a realistic comparison. Stories are generated lazily: the
driver never holds the corpus.

Each measured run is a fresh Python process (``--_run``), so every engine pays its own start-up
(imports, worker processes, a Dask cluster) and reports its own peak memory:

* throughput: one process (``n_jobs=1``), ``local`` with 2 workers, ``dask`` on a 2-worker
  ``LocalCluster``, on the same stories, one after the other in this run; stories per second over
  the whole run (start-up included), and the start-up (time to the first finished story, less
  one story's steady time);
* memory: ``local`` with 2 workers at two corpus sizes; the driver's peak resident memory
  (``ru_maxrss``) and peak Python allocation (``tracemalloc``; with it on, workers are started by
  forkserver, not forked, so they are not traced).
* CPU seconds per story (driver + workers, from ``getrusage``): a figure the other jobs on a
  shared machine do not change, unlike the wall-clock rates.

Targets (issue 8): 2 workers >= 1.7x one process; the driver's peak memory at 4,000 stories within
1.25x of that at 1,000; no engine slower than one process by more than its start-up cost.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mediadiff.document import Article  # noqa: E402
from mediadiff.examples import example_stories, load_example  # noqa: E402

sys.path.insert(0, str(REPO / "bench"))
from synth import SYNONYMS  # noqa: E402

_WORD = re.compile(r"[A-Za-z]+")
_NUMBER = re.compile(r"\b\d+\b")


def _vary(text: str, rng: random.Random) -> str:
    """One outlet's text, varied: some later paragraphs dropped, synonyms, numbers changed."""
    paragraphs = text.split("\n\n")
    kept = paragraphs[:2] + [p for p in paragraphs[2:] if rng.random() > 0.15]

    def synonym(m: re.Match[str]) -> str:
        w = m.group(0)
        rep = SYNONYMS.get(w.lower())
        if rep is None or rng.random() > 0.3:
            return w
        return rep.capitalize() if w[0].isupper() else rep

    shift = rng.randint(0, 9)

    def number(m: re.Match[str]) -> str:
        return str(int(m.group(0)) + shift) if rng.random() < 0.5 else m.group(0)

    return _NUMBER.sub(number, _WORD.sub(synonym, "\n\n".join(kept)))


def synthetic_stories(n: int, *, seed: int = 0) -> Iterator[tuple[str, list[Article]]]:
    """``n`` stories of five outlets, ``(story id, articles)``, made one at a time (deterministic)."""
    bases = [load_example(s) for s in example_stories()]
    bases = [articles for articles in bases if len(articles) >= 5]
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        base = bases[i % len(bases)]
        articles = [dataclasses.replace(a, text=_vary(a.text, rng), source_path=None) for a in base[:5]]
        yield f"synth-{i:05d}", articles


def _run(engine: str, n_jobs: int, n: int, out: str, trace: bool) -> dict[str, float]:
    """One measured run in this (fresh) process; returns its figures."""
    import tracemalloc

    from mediadiff.corpus.batch import iter_corpus

    if trace:
        tracemalloc.start()
    kwargs: dict[str, object] = {"engine": engine, "n_jobs": n_jobs, "out": out, "progress": False}
    start = time.perf_counter()
    first = None
    count = failed = 0
    for outcome in iter_corpus(synthetic_stories(n), **kwargs):  # type: ignore[arg-type]
        if first is None:
            first = time.perf_counter() - start
        count += 1
        failed += outcome.status == "failed"
    wall = time.perf_counter() - start
    traced = tracemalloc.get_traced_memory()[1] if trace else 0
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "driver_cpu": me.ru_utime + me.ru_stime,
        "workers_cpu": children.ru_utime + children.ru_stime,
        "engine": engine,
        "n_jobs": n_jobs,
        "stories": count,
        "failed": failed,
        "wall": wall,
        "first": first or 0.0,
        "driver_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "driver_traced_peak_mb": traced / 2**20,
    }


def _measure(engine: str, n_jobs: int, n: int, *, trace: bool = False) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bench_corpus_") as out:
        cmd = [sys.executable, __file__, "--_run", json.dumps([engine, n_jobs, n, out, trace])]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"run {engine} x{n_jobs} failed:\n{done.stderr[-3000:]}")
        figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
        return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=1000, help="stories for the throughput runs (default 1000)")
    parser.add_argument(
        "--memory", default="1000,4000", help="two corpus sizes for the memory runs (default 1000,4000)"
    )
    parser.add_argument("--skip-dask", action="store_true", help="leave out the Dask engine")
    parser.add_argument("--skip-memory", action="store_true", help="leave out the memory runs")
    parser.add_argument("--skip-throughput", action="store_true", help="only the memory runs")
    parser.add_argument("--_run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._run:
        engine, n_jobs, n, out, trace = json.loads(args._run)
        print(json.dumps(_run(engine, n_jobs, n, out, trace)))
        return

    n = args.stories
    print(
        f"mediadiff batch benchmark: synthetic stories of 5 outlets; {os.cpu_count()} CPUs; "
        f"load average {os.getloadavg()[0]:.1f} at start"
    )
    if not args.skip_throughput:
        _throughput(n, skip_dask=args.skip_dask)
    if not args.skip_memory:
        _memory(*(int(x) for x in args.memory.split(",")))


def _throughput(n: int, *, skip_dask: bool) -> None:
    print(f"Throughput on {n} stories:")
    runs = [("one process", "local", 1), ("local, 2 workers", "local", 2)]
    if not skip_dask:
        try:
            import distributed  # noqa: F401

            runs.append(("dask, 2-worker LocalCluster", "dask", 2))
        except ImportError:
            print("(dask[distributed] not installed: the dask engine is skipped)")
    results = {}
    for label, engine, jobs in runs:
        r = _measure(engine, jobs, n)
        results[label] = r
        print(
            f"  {label:30s} {r['wall']:8.1f} s  {r['stories'] / r['wall']:6.2f} stories/s  "
            f"first story after {r['first']:5.1f} s  failed {int(r['failed'])}  "
            f"driver peak RSS {r['driver_maxrss_mb']:.0f} MB",
            flush=True,
        )
    base = results["one process"]
    steady = base["wall"] / base["stories"]  # one story's time in one process
    print("\nCPU time (load-independent): seconds of CPU per story, driver + workers")
    one_cpu = (base["driver_cpu"] + base["workers_cpu"]) / base["stories"]
    for label, r in results.items():
        per_story = (r["driver_cpu"] + r["workers_cpu"]) / r["stories"]
        print(
            f"  {label:30s} {per_story:6.3f} s/story  (driver {r['driver_cpu']:7.1f} s, workers "
            f"{r['workers_cpu']:7.1f} s)  CPU efficiency vs one process {one_cpu / per_story:5.2f}"
        )
    print("\nAgainst one process (same stories, same run):")
    for label, r in results.items():
        speed = base["wall"] / r["wall"]
        startup = max(0.0, r["first"] - steady)
        slower_by = r["wall"] - base["wall"]
        ok = slower_by <= startup + 1e-9
        print(
            f"  {label:30s} speed-up {speed:5.2f}x  start-up {startup:5.1f} s  "
            f"slower than one process by {max(0.0, slower_by):6.1f} s (<= start-up: {'yes' if ok else 'NO'})"
        )
    two = results["local, 2 workers"]
    print(
        f"  target: local 2 workers >= 1.7x one process: {base['wall'] / two['wall']:.2f}x "
        f"({'met' if base['wall'] / two['wall'] >= 1.7 else 'NOT met'})"
    )
    if "dask, 2-worker LocalCluster" in results:
        d = results["dask, 2-worker LocalCluster"]
        print(f"  (dask 2 workers: {base['wall'] / d['wall']:.2f}x one process)")


def _memory(small: int, large: int) -> None:
    print(f"\nMemory, local engine with 2 workers (driver traced with tracemalloc), {small} vs {large} stories:")
    mem = {}
    for size in (small, large):
        r = _measure("local", 2, size, trace=True)
        mem[size] = r
        print(
            f"  {size:6d} stories: {r['wall']:7.1f} s  driver peak RSS {r['driver_maxrss_mb']:6.1f} MB  "
            f"driver peak Python allocation {r['driver_traced_peak_mb']:6.2f} MB",
            flush=True,
        )
    rss = mem[large]["driver_maxrss_mb"] / mem[small]["driver_maxrss_mb"]
    traced = mem[large]["driver_traced_peak_mb"] / mem[small]["driver_traced_peak_mb"]
    print(
        f"  ratio {large} / {small}: driver RSS {rss:.3f}x, driver Python allocation {traced:.3f}x "
        f"(target <= 1.25x: {'met' if rss <= 1.25 and traced <= 1.25 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
