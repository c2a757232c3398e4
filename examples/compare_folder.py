"""Compare every article in a folder (one file per outlet) and write the reports.

    python examples/compare_folder.py FOLDER [OUT_DIR] [--format json,html,md,pdf]

FOLDER holds .txt, .md, .html, .json, .jsonl or .csv files; each file's name is its outlet id
(for instance ``../shared/seeds``). OUT_DIR defaults to ``./<folder name>-report`` in the current
folder (``./seeds-report`` for ``../shared/seeds``): the input folder is only read, never written to.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import mediadiff


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("out_dir", nargs="?")
    parser.add_argument("--format", default=None, help="comma-separated formats (default: all)")
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    out_dir = args.out_dir or f"{folder.resolve().name}-report"  # in the current folder, not beside the input
    articles = mediadiff.load(folder)
    print(f"loaded {len(articles)} articles: {', '.join(a.outlet for a in articles)}")
    comparison = mediadiff.compare(articles)
    formats = args.format.split(",") if args.format else None
    for path in comparison.write(out_dir, formats):
        print("wrote", Path(path).resolve())
    for outlet in comparison.outlets:
        scores = comparison.scores[outlet]
        print(f"{outlet:30} omission {scores['omission']:.2f}  wording shift {scores['wording_shift']:.2f}")


if __name__ == "__main__":
    main()
