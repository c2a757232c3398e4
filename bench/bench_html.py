"""Article extraction from real web pages: mediadiff's own extractor beside trafilatura (if installed).

The pages are the 91 of the article-extraction benchmark shipped in ``../shared/eval/html``
(gzip-compressed HTML with the article body marked; see ``../shared/eval/README.md``, section
html/); nothing of them is copied into the project. Each extractor is scored as the benchmark
scores it: 4-word shingles (``\\w+`` tokens) of the extracted text against the true body, each
page's tp/fp/fn normalised to sum 1, precision and recall averaged over pages, F1 of the two
means. mediadiff's text is what a user of the library gets: the text of ``mediadiff.load(page)``
minus the boilerplate lines ``segment`` marks.

Figures are printed on all pages and on two halves (sorted keys, even and odd indexes), so
that a rule tuned on one half can be checked on the other; and the time per page of each
extractor (mediadiff: ``html_to_text`` alone, best of three runs, and with the boilerplate marks of ``segment``).

    python bench/bench_html.py
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mediadiff import load, segment  # noqa: E402
from mediadiff.load import decode, html_to_text  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "html"

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    t, p = shingles(true), shingles(pred)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (tp, fp, fn)


def scores(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Mean precision, mean recall and the F1 of the two, as the benchmark computes them."""

    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)

    p = statistics.mean([precision(*c) for c in counts if c[0] + c[1] > 0] or [0.0])
    r = statistics.mean([recall(*c) for c in counts if c[0] + c[2] > 0] or [0.0])
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def mediadiff_text(path: Path) -> str:
    """The text of ``mediadiff.load(path)`` without the boilerplate lines ``segment`` marks."""
    [article] = load(path)
    doc = segment(article)
    text, parts, at = article.text, [], 0
    for b in sorted(doc.boilerplate, key=lambda b: b.start):
        if b.start >= at:
            parts.append(text[at : b.start])
            at = b.end
    parts.append(text[at:])
    return "\n".join(parts)


def trafilatura_extractor() -> Callable[[str], str] | None:
    try:
        import trafilatura
    except ImportError as exc:
        print(
            f"trafilatura not installed ({exc}); measuring mediadiff alone "
            "(pip install trafilatura lxml_html_clean to measure it beside)"
        )
        return None
    version = getattr(trafilatura, "__version__", "?")
    print(f"trafilatura {version}: extract() with its defaults")

    def extract(html: str) -> str:
        return trafilatura.extract(html) or ""

    return extract


def best_time(function: Callable[[str], object], pages: list[str], repeats: int = 3) -> float:
    """Seconds per page, the best of a few runs (the machine is shared: the best is the least noisy)."""
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for page in pages:
            function(page)
        best = min(best, (time.perf_counter() - t0) / len(pages))
    return best


def main() -> None:
    if not DATA.is_dir():
        sys.exit(f"{DATA} not found: the benchmark pages live in ../shared/eval/html beside the repository")
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)
    pages = {k: decode(gzip.decompress((DATA / "html" / f"{k}.html.gz").read_bytes()), source=k)[0] for k in keys}
    halves = {"all": keys, "even": keys[0::2], "odd": keys[1::2]}
    results: dict[str, dict[str, tuple[float, float, float]]] = {}
    times: dict[str, float] = {}

    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        files = {}
        for k in keys:
            files[k] = Path(tmp) / f"{k}.html"
            files[k].write_text(pages[k], encoding="utf-8")
        times["mediadiff html_to_text"] = best_time(html_to_text, [pages[k] for k in keys])
        t0 = time.perf_counter()
        ours = {k: mediadiff_text(files[k]) for k in keys}
        times["mediadiff load+segment"] = (time.perf_counter() - t0) / len(keys)
    results["mediadiff"] = {k: tp_fp_fn(truth[k]["articleBody"], ours[k]) for k in keys}

    extract = trafilatura_extractor()
    if extract is not None:
        theirs = {k: extract(pages[k]) for k in keys}
        times["trafilatura extract"] = best_time(extract, [pages[k] for k in keys])
        results["trafilatura"] = {k: tp_fp_fn(truth[k]["articleBody"], theirs[k]) for k in keys}

    print(f"\n{len(keys)} pages; P/R/F1 (shingle matching, per-page means)")
    print(f"{'extractor':14s} " + " ".join(f"{h + f' ({len(v)})':>22s}" for h, v in halves.items()))
    for name, per_page in results.items():
        row = []
        for subset in halves.values():
            p, r, f = scores([per_page[k] for k in subset])
            row.append(f"{p:.3f}/{r:.3f}/{f:.3f}")
        print(f"{name:14s} " + " ".join(f"{cell:>22s}" for cell in row))
    print("\ntime per page")
    for name, seconds in times.items():
        print(f"  {name:24s} {seconds * 1000:7.1f} ms")
    if "-v" in sys.argv:  # the pages where mediadiff loses most against the truth
        worst = sorted(keys, key=lambda k: results["mediadiff"][k][0])[:15]
        print("\nworst pages for mediadiff (tp, fp, fn):")
        for k in worst:
            half = "even" if keys.index(k) % 2 == 0 else "odd"
            print(f"  {k[:16]} {half:4s} " + " ".join(f"{x:.2f}" for x in results["mediadiff"][k]))


if __name__ == "__main__":
    main()
