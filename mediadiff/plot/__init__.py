"""Charts of a comparison, for research code and for ``charts.pdf``.

One function per chart, in the manner of scikit-learn's and seaborn's plotting functions: each
takes a :class:`~mediadiff.Comparison` (or its report dict, e.g. a loaded ``report.json``), draws
into ``ax`` (a new figure sized to the data when ``ax`` is None) and returns the Axes.
matplotlib is imported inside the functions, so ``import mediadiff`` never loads it.

Every chart draws the report's own figures (the loaded-language rate is ``scores.loaded_language``,
the number the HTML and Markdown reports give), so a number reads the same in every format.
Colours come from the Okabe–Ito palette and the cividis/viridis maps, which stay distinct under
the common colour-vision deficiencies; omissions are also marked with a cross and paraphrases
with ≈, so the coverage matrix reads in greyscale too. A loaded-language category has one colour
everywhere (the HTML report's ``CATEGORY_COLOURS``, by a fixed order of categories). Outlet
names longer than ``max_label`` (28) characters are cut in the middle with an ellipsis (names
that share a beginning stay distinct), the same way on the PDF's title page; label sizes shrink
with the number of outlets and passages (2-30 outlets stay legible). Text from the input is drawn
as plain text (a ``$`` never starts mathtext).

Public names
------------
coverage_matrix     passages x outlets: carried, omitted, said in other words, or not carried.
outlet_scores       omission and wording-shift scores per outlet.
similarity_matrix   pairwise content similarity of the outlets (share of text in shared passages).
loaded_language     loaded terms per 1,000 own words per outlet, stacked by category.
placement           where each outlet places each shared passage (0 = lead, 1 = end).
readability         grade-level measures per outlet; Dale-Chall on its own scale.
findings            number of findings of each kind per outlet, one column (and scale) per kind.
render_pdf          Comparison -> bytes of a multi-page vector PDF, every page A4 portrait.
CHARTS              the chart functions, in the order of the PDF.
PALETTE             the Okabe-Ito colours.

Modules (private)
-----------------
_style       colours, label sizes, titles and captions, figure sizes: what every chart shares.
_matrices    coverage_matrix, similarity_matrix, placement.
_per_outlet  outlet_scores, loaded_language, readability, findings (one row per outlet).
_pdf         render_pdf: the title page, the page plan of CHARTS, page headers.
"""

from __future__ import annotations

from ._matrices import coverage_matrix, placement, similarity_matrix
from ._pdf import CHARTS, render_pdf
from ._per_outlet import findings, loaded_language, outlet_scores, readability
from ._style import PALETTE

__all__ = [
    "CHARTS",
    "PALETTE",
    "coverage_matrix",
    "findings",
    "loaded_language",
    "outlet_scores",
    "placement",
    "readability",
    "render_pdf",
    "similarity_matrix",
]
