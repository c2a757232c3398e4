"""Sentence splitting on news hard cases: our RuleSplitter beside nupunkt (if installed), and pysbd/syntok if present.

Prints, per splitter, how many hand-written hard cases it splits exactly right, and the time to split
the bundled corpus. The cases are the ones in tests/test_segment.py (abbreviations, initialisms,
quotes after the full stop, attribution after a question mark, bullets, headings, CRLF).

    python bench/bench_segment.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from mediadiff import example_stories, load_example  # noqa: E402
from mediadiff.segment import RuleSplitter, nupunkt_splitter, split_sentences  # noqa: E402


def hard_cases() -> list[tuple[str, list[str]]]:
    import test_segment  # the parametrised cases of the unit tests

    marks = [m for m in test_segment.test_hard_cases.pytestmark if m.name == "parametrize"]
    return [tuple(case) for case in marks[0].args[1]]  # type: ignore[misc]


def main() -> None:
    splitters = {"mediadiff RuleSplitter": RuleSplitter()}
    try:
        splitters["nupunkt"] = nupunkt_splitter()
    except Exception as exc:  # noqa: BLE001 - optional
        print(f"nupunkt not available: {exc}")
    cases = hard_cases()
    texts = [a.text for s in example_stories() for a in load_example(s)] * 20
    base = None
    for name, splitter in splitters.items():
        right = sum([s.text for s in split_sentences(t, splitter=splitter)] == exp for t, exp in cases)
        t0 = time.perf_counter()
        for t in texts:
            split_sentences(t, splitter=splitter)
        dt = time.perf_counter() - t0
        base = base or dt
        print(f"{name:24s} hard cases right: {right}/{len(cases)}   corpus x20: {dt:.3f} s ({dt / base:.2f}x)")


if __name__ == "__main__":
    main()
