"""Refit the learned pair score of alignment (``mediadiff/data/pair_model.json``).

Run: ``python bench/fit_pair_model.py`` (from the repository root; needs ``../shared/eval``).
``--check`` refits and compares with the shipped file without writing it.

Data: public real news only, the real stories with same-fact gold of ``bench/_gold.py``
(the BASIL triplets of ``../shared/eval/alignment`` and those annotated by this project in
``bench/real_gold``). For every story, mediadiff cuts the articles into pieces and draws
candidate pairs exactly as :func:`mediadiff.align` does with its defaults; a pair is positive
when the two pieces overlap mentions of one gold fact most (``_gold.piece_facts``). The model
is a logistic regression (scikit-learn, L2, ``C = 0.1``, standardised features) over the
features of ``mediadiff._pairmodel.FEATURES``. Nothing is fitted at run time; mediadiff reads
the parameters written here.

``fit(stories)`` is also what ``bench/bench_real.py`` calls to score each story with a model
fitted on the other stories only (leave-one-story-out).
"""

from __future__ import annotations

import datetime
import importlib
import inspect
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _gold import Story, piece_facts, real_stories  # noqa: E402

import mediadiff  # noqa: E402

align_module = importlib.import_module("mediadiff.align")
linkage_module = importlib.import_module("mediadiff._linkage")
scoring_module = importlib.import_module("mediadiff._scoring")
from mediadiff._pairmodel import FEATURES, PairModel  # noqa: E402

TARGET = Path(__file__).resolve().parents[1] / "mediadiff" / "data" / "pair_model.json"
#: Inverse regularisation strength of the logistic regression.
C = 0.1


def pair_table(story: Story) -> tuple[Any, Any]:
    """The feature rows and same-fact labels of a story's candidate pairs (align's defaults)."""
    import numpy as np

    defaults = {
        k: p.default
        for k, p in inspect.signature(align_module.align).parameters.items()
        if p.default is not inspect.Parameter.empty
    }
    documents = align_module.as_documents(story.articles())
    pieces, owners = linkage_module.cut_pieces(
        documents, clauses=defaults["clauses"], min_clause_words=defaults["min_clause_words"]
    )
    table: list[Any] = []
    (ii, jj, _), _, _ = scoring_module.score_pieces(
        documents,
        pieces,
        owners,
        table=table,
        pair_model=None,
        **{
            k: defaults[k]
            for k in (
                "context",
                "word_weight",
                "char_weight",
                "anchor_weight",
                "near_copy",
                "neighbors",
                "threshold",
                "quote_weight",
            )
        },
    )
    facts = [piece_facts(story, documents[p.outlet].outlet, p.start, p.end) for p in pieces]
    labels = np.array([bool(facts[i] & facts[j]) for i, j in zip(ii.tolist(), jj.tolist(), strict=True)])
    return table[0], labels


def fit(stories: list[Story], tables: dict[str, tuple[Any, Any]] | None = None) -> PairModel:
    """A pair model fitted on the candidate pairs of ``stories``."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    tables = tables if tables is not None else {}
    for s in stories:
        if s.name not in tables:
            tables[s.name] = pair_table(s)
    x = np.vstack([tables[s.name][0] for s in stories])
    y = np.concatenate([tables[s.name][1] for s in stories])
    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    model = LogisticRegression(C=C, max_iter=5000).fit((x - scaler.mean_) / scale, y)
    provenance = {
        "fitted": datetime.date.today().isoformat(),
        "mediadiff": mediadiff.__version__,
        "method": f"logistic regression (scikit-learn, L2, C={C}) on standardised features",
        "data": "same-fact gold of real news: BASIL (Fan et al. 2019) dev triplets, annotated with "
        "../shared/eval/alignment/GUIDE.md (bench/_gold.py)",
        "stories": [s.name for s in stories],
        "pairs": int(len(y)),
        "positive_pairs": int(y.sum()),
        "refit": "python bench/fit_pair_model.py",
    }
    return PairModel(
        FEATURES,
        tuple(map(float, scaler.mean_)),
        tuple(map(float, scale)),
        tuple(map(float, model.coef_[0])),
        float(model.intercept_[0]),
        provenance,
    )


def main(argv: list[str]) -> int:
    stories = real_stories()
    if not stories:
        print("../shared/eval not present: nothing to fit on")
        return 1
    model = fit(stories)
    print(
        f"fitted on {len(stories)} stories, {model.provenance['pairs']} candidate pairs "
        f"({model.provenance['positive_pairs']} same-fact)"
    )
    for name, c in sorted(zip(FEATURES, model.coef, strict=True), key=lambda x: -abs(x[1])):
        print(f"  {name:18s} {c:+.3f}")
    if "--check" in argv:
        shipped = json.loads(TARGET.read_text(encoding="utf-8"))
        same = shipped["coef"] == list(model.coef)
        print("shipped file matches" if same else "shipped file differs from a refit")
        return 0
    TARGET.write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {TARGET.relative_to(Path.cwd()) if TARGET.is_relative_to(Path.cwd()) else TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
