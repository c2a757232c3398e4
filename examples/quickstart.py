"""Quickstart: compare the outlets of a bundled example story and write every report format.

    python examples/quickstart.py [OUT_DIR]      (default: ./quickstart-report)

Writes report.json, report.html, report.md and charts.pdf, and prints the key findings.
"""

from __future__ import annotations

import sys

import mediadiff


def main(out_dir: str = "quickstart-report") -> None:
    articles = mediadiff.load_example("clinic_closure")  # five fictional outlets, one story
    comparison = mediadiff.compare(articles)
    paths = comparison.write(out_dir)
    print(
        f"{len(comparison.outlets)} outlets, {len(comparison.passages)} passages, {len(comparison.omissions)} omissions"
    )
    for sentence in comparison.key_findings():
        print(" -", sentence)
    for path in paths:
        print("wrote", path)


if __name__ == "__main__":
    main(*sys.argv[1:2])
