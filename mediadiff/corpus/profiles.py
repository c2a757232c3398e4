"""Outlet profiles: how each outlet behaves across the stories of a corpus, with uncertainty.

:func:`profile_outlets` reads the per-story per-outlet score records of a batch run (the lines
of ``scores.jsonl``, see :func:`mediadiff.corpus.batch.compare_corpus`) and sums them up per
outlet: how many stories it carried, its mean omission, wording-shift and loaded-language
scores with percentile-bootstrap confidence intervals (stories resampled with replacement;
seeded, so the same records always give the same intervals), the kinds of passage it most
often leaves out, and its most frequent loaded terms with the wording other outlets used.

A story is the unit of resampling: the interval says how much an outlet's mean could move had
other stories of the same kind been collected, not how certain each story's score is. With few
stories (under 20 or so) the intervals are wide and themselves rough.

Public names
------------
profile_outlets   score records (a CorpusResult, a scores.jsonl path, or dicts) -> OutletProfiles.
OutletProfiles    every outlet's profile; ``to_dict``, ``to_json``, ``to_markdown``, ``plot``, ``to_pdf``.
OutletProfile     one outlet's profile.
Estimate          a mean with its bootstrap confidence interval.
LoadedTerm        a loaded term of an outlet's own voice, with counterparts and counts.
MEASURES          the three scores profiled, in order.
"""

from __future__ import annotations

import json
import os
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, OutputError, check_parameter, is_int, is_real

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["MEASURES", "Estimate", "LoadedTerm", "OutletProfile", "OutletProfiles", "profile_outlets"]

#: The scores profiled, in the order they are shown: (key in a score record, label).
MEASURES: tuple[tuple[str, str], ...] = (
    ("omission", "Omission (0-1)"),
    ("wording_shift", "Wording shift (0-1)"),
    ("loaded_language", "Loaded language (per 1,000 own words)"),
)

_OWNER = "profile_outlets"
_TOP_TERMS = 10
_TOP_COUNTERPARTS = 3


@dataclass(frozen=True, slots=True)
class Estimate:
    """A mean over ``n`` stories with its bootstrap interval ``[low, high]`` (all None when n = 0)."""

    mean: float | None
    low: float | None
    high: float | None
    n: int

    def to_dict(self) -> dict[str, Any]:
        """Plain data, floats rounded to six decimals."""
        return {"mean": _round(self.mean), "low": _round(self.low), "high": _round(self.high), "n": self.n}


@dataclass(frozen=True, slots=True)
class LoadedTerm:
    """A loaded term of an outlet's own voice: how often, and what others wrote instead."""

    term: str
    category: str | None
    count: int
    counterparts: tuple[tuple[str, int], ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return {
            "term": self.term,
            "category": self.category,
            "count": self.count,
            "counterparts": [{"text": t, "count": n} for t, n in self.counterparts],
        }


@dataclass(frozen=True, slots=True)
class OutletProfile:
    """One outlet across the corpus.

    ``coverage`` is how many stories it carried, ``share`` that over all stories of the records;
    ``omitted_kinds`` the kinds of passage it left out with their counts, most first;
    ``loaded_terms`` its most frequent own-voice loaded terms.
    """

    outlet: str
    coverage: int
    share: float
    omission: Estimate
    wording_shift: Estimate
    loaded_language: Estimate
    omitted_kinds: tuple[tuple[str, int], ...]
    loaded_terms: tuple[LoadedTerm, ...]

    def estimate(self, measure: str) -> Estimate:
        """The estimate of one of :data:`MEASURES` by key."""
        check_parameter(
            "measure",
            measure,
            f"one of {', '.join(k for k, _ in MEASURES)}",
            measure in dict(MEASURES),
            owner="OutletProfile.estimate",
        )
        value: Estimate = getattr(self, measure)
        return value

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        total = sum(n for _, n in self.omitted_kinds)
        return {
            "outlet": self.outlet,
            "coverage": self.coverage,
            "share": _round(self.share),
            **{key: self.estimate(key).to_dict() for key, _ in MEASURES},
            "omitted_kinds": [
                {"kind": k, "count": n, "share": _round(n / total if total else 0.0)} for k, n in self.omitted_kinds
            ],
            "loaded_terms": [t.to_dict() for t in self.loaded_terms],
        }


@dataclass(frozen=True)
class OutletProfiles:
    """The profiles of every outlet of a corpus, sorted by outlet id.

    ``n_stories`` is the number of distinct stories in the records; ``confidence`` the level of
    the intervals; ``n_bootstrap`` and ``seed`` how they were drawn.
    """

    profiles: tuple[OutletProfile, ...]
    n_stories: int
    n_bootstrap: int
    seed: int
    confidence: float = 0.95

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlet ids, sorted."""
        return tuple(p.outlet for p in self.profiles)

    def __getitem__(self, outlet: str) -> OutletProfile:
        for p in self.profiles:
            if p.outlet == outlet:
                return p
        raise KeyError(outlet)

    def __len__(self) -> int:
        return len(self.profiles)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "n_stories": self.n_stories,
            "confidence": self.confidence,
            "n_bootstrap": self.n_bootstrap,
            "seed": self.seed,
            "outlets": [p.to_dict() for p in self.profiles],
        }

    def to_json(self) -> str:
        """The profiles as JSON text (two-space indent; identical input gives identical text)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, allow_nan=False) + "\n"

    def to_markdown(self) -> str:
        """A Markdown summary: a table of scores with intervals, then omitted kinds and loaded terms."""
        pct = f"{self.confidence:.0%}"
        lines = [
            "# Outlet profiles",
            "",
            f"{self.n_stories} stories. Means with {pct} bootstrap intervals over stories "
            f"({self.n_bootstrap} resamples, seed {self.seed}).",
            "",
            "| outlet | stories | omission | wording shift | loaded language | most omitted |",
            "|---|---:|---|---|---|---|",
        ]
        for p in self.profiles:
            kinds = ", ".join(f"{k} ({n})" for k, n in p.omitted_kinds if n) or "—"
            cells = [_md(p.outlet), f"{p.coverage} ({p.share:.0%})"]
            cells += [_fmt_estimate(p.estimate(key)) for key, _ in MEASURES]
            cells.append(_md(kinds))
            lines.append("| " + " | ".join(cells) + " |")
        lines += ["", "## Loaded terms in each outlet's own voice", ""]
        for p in self.profiles:
            if not p.loaded_terms:
                lines.append(f"- **{_md(p.outlet)}**: none")
                continue
            terms = []
            for t in p.loaded_terms:
                others = ", ".join(f"“{_md(c)}” ({n})" for c, n in t.counterparts)
                terms.append(f"“{_md(t.term)}” ×{t.count}" + (f" (others: {others})" if others else ""))
            lines.append(f"- **{_md(p.outlet)}**: " + "; ".join(terms))
        return "\n".join(lines) + "\n"

    def plot(self, ax: Axes | None = None, *, measure: str = "omission") -> Axes:
        """Draw one measure's per-outlet means with their intervals (horizontal bars); return the Axes.

        ``measure`` is one of ``"omission"``, ``"wording_shift"``, ``"loaded_language"``.
        matplotlib is imported here, only when called.
        """
        check_parameter(
            "measure",
            measure,
            f"one of {', '.join(k for k, _ in MEASURES)}",
            measure in dict(MEASURES),
            owner="OutletProfiles.plot",
        )
        if ax is None:
            import matplotlib.pyplot as plt

            _, ax = plt.subplots()
        rows = [(p.outlet, p.estimate(measure)) for p in self.profiles]
        rows = [(o, e) for o, e in rows if e.mean is not None and e.low is not None and e.high is not None]
        y = list(range(len(rows)))
        means = [float(e.mean or 0.0) for _, e in rows]
        err = [
            [m - float(e.low or 0.0) for m, (_, e) in zip(means, rows, strict=True)],
            [float(e.high or 0.0) - m for m, (_, e) in zip(means, rows, strict=True)],
        ]
        ax.barh(y, means, color="#4c72b0", alpha=0.8)
        ax.errorbar(means, y, xerr=err, fmt="none", ecolor="black", capsize=3, linewidth=1)
        ax.set_yticks(y)
        ax.set_yticklabels([f"{o} (n={e.n})" for o, e in rows])
        ax.invert_yaxis()
        ax.set_xlabel(dict(MEASURES)[measure])
        ax.set_title(f"{dict(MEASURES)[measure].split(' (')[0]}: mean, {self.confidence:.0%} CI")
        return ax

    def plot_omitted_kinds(self, ax: Axes | None = None) -> Axes:
        """Draw, per outlet, the share of its omissions of each kind (stacked bars); return the Axes."""
        if ax is None:
            import matplotlib.pyplot as plt

            _, ax = plt.subplots()
        kinds = sorted({k for p in self.profiles for k, _ in p.omitted_kinds})
        y = list(range(len(self.profiles)))
        left = [0.0] * len(self.profiles)
        colours = ["#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860"]
        for i, kind in enumerate(kinds):
            shares = []
            for p in self.profiles:
                counts = dict(p.omitted_kinds)
                total = sum(counts.values())
                shares.append(counts.get(kind, 0) / total if total else 0.0)
            ax.barh(y, shares, left=left, label=kind, color=colours[i % len(colours)])
            left = [a + b for a, b in zip(left, shares, strict=True)]
        ax.set_yticks(y)
        ax.set_yticklabels([p.outlet for p in self.profiles])
        ax.invert_yaxis()
        ax.set_xlim(0, 1)
        ax.set_xlabel("share of the outlet's omissions")
        ax.set_title("Kinds of passage left out")
        if kinds:
            # beside the axes, not on them: the stacked bars fill the axes' whole width (issue 20)
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0, fontsize="small", frameon=False)
        return ax

    def to_pdf(self, path: str | os.PathLike[str]) -> str:
        """Write one A4 page of charts (the three measures and the omitted kinds); return the path.

        The PDF carries no creation date, so the same profiles give the same bytes.
        """
        from matplotlib.figure import Figure

        fig = Figure(figsize=(8.27, 11.69))
        axes = fig.subplots(4, 1)
        for ax, (key, _) in zip(axes[:3], MEASURES, strict=True):
            self.plot(ax, measure=key)
        self.plot_omitted_kinds(axes[3])
        fig.suptitle(f"Outlet profiles: {self.n_stories} stories")
        fig.tight_layout(rect=(0, 0, 1, 0.97))
        target = Path(path)
        try:
            fig.savefig(target, format="pdf", metadata={"CreationDate": None})
        except OSError as exc:
            raise OutputError(f"{target}: cannot be written ({exc.strerror or exc})") from exc
        return str(target)


def _round(value: float | None) -> float | None:
    if value is None:
        return None
    rounded = round(value, 6)
    return 0.0 if rounded == 0 else rounded


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _fmt_estimate(e: Estimate) -> str:
    if e.mean is None:
        return "—"
    return f"{e.mean:.3g} [{e.low:.3g}, {e.high:.3g}]"


def _records(source: Any) -> Iterable[Mapping[str, Any]]:
    """The score records of a CorpusResult, a scores.jsonl path (or its folder), or an iterable of dicts."""
    from ._files import read_jsonl
    from .batch import CorpusResult

    if isinstance(source, CorpusResult):
        return source.scores()
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if path.is_dir():
            path = path / "scores.jsonl"
        if not path.is_file():
            raise InputError(f"{path}: no such scores file (expected the scores.jsonl of a compare_corpus run)")
        return read_jsonl(path)
    if isinstance(source, (bytes, Mapping)) or not isinstance(source, Iterable):
        raise InputError(
            "profile_outlets() expects a CorpusResult, the path of a scores.jsonl, or score records (dicts); "
            f"got {type(source).__name__}"
        )
    return source


def _bootstrap(values: list[float], *, n_bootstrap: int, confidence: float, seed: int, key: str) -> Estimate:
    """Mean and percentile-bootstrap interval, from a random stream fixed by ``seed`` and ``key``."""
    import numpy as np

    n = len(values)
    if n == 0:
        return Estimate(None, None, None, 0)
    x = np.asarray(values, dtype=float)
    mean = float(x.mean())
    rng = np.random.default_rng([seed, zlib.crc32(key.encode("utf-8"))])
    means = np.empty(n_bootstrap)
    chunk = max(1, 2_000_000 // n)  # bound the resample matrix to about 16 MB
    for start in range(0, n_bootstrap, chunk):
        stop = min(n_bootstrap, start + chunk)
        idx = rng.integers(0, n, size=(stop - start, n))
        means[start:stop] = x[idx].mean(axis=1)
    tail = (1.0 - confidence) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return Estimate(mean, float(low), float(high), n)


def profile_outlets(
    results_or_scores: Any,
    *,
    n_bootstrap: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
    top_terms: int = _TOP_TERMS,
) -> OutletProfiles:
    """Profile every outlet across the stories of a batch run.

    Parameters
    ----------
    results_or_scores : CorpusResult, path, or iterable of dict
        The result of :func:`~mediadiff.corpus.batch.compare_corpus`, the path of its
        ``scores.jsonl`` (or of its output folder), or score records as that file holds them.
    n_bootstrap : int, default 1000
        Bootstrap resamples of the stories for each interval.
    seed : int, default 0
        Seed of the resampling; each outlet and measure draws its own stream from it, so an
        outlet's interval does not depend on which other outlets are in the records, nor on
        their order.
    confidence : float, default 0.95
        Level of the percentile intervals.
    top_terms : int, default 10
        How many loaded terms to keep per outlet.

    Returns
    -------
    OutletProfiles

    Examples
    --------
    >>> records = [
    ...     {"story": "s1", "outlet": "a", "omission": 0.2, "wording_shift": 0.1, "loaded_language": 0.0,
    ...      "n_omissions": {"fact": 1, "response": 1}, "loaded_terms": []},
    ...     {"story": "s2", "outlet": "a", "omission": 0.4, "wording_shift": 0.3, "loaded_language": 2.0,
    ...      "n_omissions": {"response": 2}, "loaded_terms": [{"term": "slammed", "category": "intensity",
    ...      "counterpart": "criticised", "count": 1}]},
    ... ]
    >>> p = profile_outlets(records, n_bootstrap=200)["a"]
    >>> p.coverage, round(p.omission.mean, 3), p.omitted_kinds[0], p.loaded_terms[0].term
    (2, 0.3, ('response', 3), 'slammed')
    >>> p.omission.low <= p.omission.mean <= p.omission.high
    True
    """
    check_parameter("n_bootstrap", n_bootstrap, "an int >= 1", is_int(n_bootstrap) and n_bootstrap >= 1, owner=_OWNER)
    check_parameter("seed", seed, "an int >= 0", is_int(seed) and seed >= 0, owner=_OWNER)
    check_parameter(
        "confidence",
        confidence,
        "a float in the range (0, 1)",
        is_real(confidence) and 0 < confidence < 1,
        owner=_OWNER,
    )
    check_parameter("top_terms", top_terms, "an int >= 0", is_int(top_terms) and top_terms >= 0, owner=_OWNER)
    # NumPy numbers as plain ones: they are written to JSON with the profiles
    n_bootstrap, seed, confidence, top_terms = int(n_bootstrap), int(seed), float(confidence), int(top_terms)

    stories: set[str] = set()
    per_outlet: dict[str, dict[str, Any]] = {}
    for i, rec in enumerate(_records(results_or_scores)):
        if not isinstance(rec, Mapping) or not isinstance(rec.get("outlet"), str) or "story" not in rec:
            raise InputError(f"score record {i + 1}: expected a dict with 'story' and 'outlet', got {rec!r:.80}")
        story, outlet = str(rec["story"]), rec["outlet"]
        stories.add(story)
        acc = per_outlet.setdefault(outlet, {"stories": {}, "kinds": Counter(), "terms": {}})
        if story in acc["stories"]:
            raise InputError(f"score record {i + 1}: outlet {outlet!r} appears twice in story {story!r}")
        acc["stories"][story] = tuple(_number(rec.get(key), key, i) for key, _ in MEASURES)
        for kind, n in (rec.get("n_omissions") or {}).items():
            acc["kinds"][str(kind)] += int(n)
        for t in rec.get("loaded_terms") or ():
            entry = acc["terms"].setdefault((t.get("term", ""), t.get("category")), [0, Counter()])
            count = int(t.get("count", 1))
            entry[0] += count
            if t.get("counterpart"):
                entry[1][t["counterpart"]] += count
    profiles = []
    for outlet in sorted(per_outlet):
        acc = per_outlet[outlet]
        ordered = [acc["stories"][s] for s in sorted(acc["stories"])]  # story order: input order does not matter
        estimates = [
            _bootstrap(
                [v[j] for v in ordered if v[j] is not None],
                n_bootstrap=n_bootstrap,
                confidence=confidence,
                seed=seed,
                key=f"{outlet}\0{key}",
            )
            for j, (key, _) in enumerate(MEASURES)
        ]
        kinds = tuple(sorted(acc["kinds"].items(), key=lambda kv: (-kv[1], kv[0])))
        terms = sorted(acc["terms"].items(), key=lambda kv: (-kv[1][0], kv[0][0], kv[0][1] or ""))[:top_terms]
        loaded = tuple(
            LoadedTerm(
                term, category, count, tuple(sorted(cps.items(), key=lambda kv: (-kv[1], kv[0]))[:_TOP_COUNTERPARTS])
            )
            for (term, category), (count, cps) in terms
        )
        coverage = len(acc["stories"])
        omission, wording_shift, loaded_language = estimates
        profiles.append(
            OutletProfile(
                outlet, coverage, coverage / len(stories), omission, wording_shift, loaded_language, kinds, loaded
            )
        )
    return OutletProfiles(tuple(profiles), len(stories), n_bootstrap, seed, confidence)


def _number(value: Any, key: str, i: int) -> float | None:
    if value is None:
        return None
    if not is_real(value):
        raise InputError(f"score record {i + 1}: {key!r} must be a finite number or null, got {value!r}")
    return float(value)
