"""Draw mediadiff charts into your own matplotlib figure, next to your own plots.

    python examples/single_chart.py [OUT.png]      (default: ./single-chart.png)

Every function in ``mediadiff.plot`` takes a Comparison (or a loaded report.json dict) and an
``ax``, draws into it and returns it, so it composes with anything else you draw.
"""

from __future__ import annotations

import sys

import matplotlib

matplotlib.use("Agg")  # no window: write a file

import matplotlib.pyplot as plt  # noqa: E402

import mediadiff  # noqa: E402
from mediadiff import plot  # noqa: E402


def main(out: str = "single-chart.png") -> None:
    comparison = mediadiff.compare(mediadiff.load_example("clinic_closure"))
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 5), layout="constrained", width_ratios=(3, 2))
    plot.outlet_scores(comparison, ax=left)
    left.set_title("Omission and wording shift, by outlet")  # it is your Axes: restyle as you like
    plot.similarity_matrix(comparison, ax=right, annotate=True)
    fig.suptitle("Five outlets, one clinic closure")
    fig.savefig(out, dpi=120)
    plt.close(fig)
    print("wrote", out)


if __name__ == "__main__":
    main(*sys.argv[1:2])
