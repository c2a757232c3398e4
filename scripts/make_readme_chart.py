"""Render the README's chart, docs/img/coverage.png, from the bundled demo with mediadiff's own code.

    python scripts/make_readme_chart.py [OUT.png]

Run it after a change to alignment, omissions or the coverage chart, and commit the PNG. The
output is deterministic (no timestamp in the PNG), so an unchanged chart gives an unchanged file.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402

import mediadiff  # noqa: E402
from mediadiff import plot  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[1] / "docs" / "img" / "coverage.png"


def main(out: str | Path = DEFAULT) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", mediadiff.InputWarning)
        comparison = mediadiff.compare(mediadiff.load_example("clinic_closure"))
    report = comparison.to_dict()
    shared = sum(1 for p in report["passages"] if p["support"] >= 2)
    fig = Figure(figsize=(9.0, 2.4 + 0.2 * shared), layout="constrained")
    with matplotlib.rc_context({"font.family": "DejaVu Sans"}):
        plot.coverage_matrix(report, ax=fig.add_subplot(), min_support=2)
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(out, dpi=110, metadata={"Software": None})
    return out


if __name__ == "__main__":
    print("wrote", main(*sys.argv[1:2]))
