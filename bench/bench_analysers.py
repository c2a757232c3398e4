"""Quote alterations and wording shifts on stories of many outlets: fast paths against all pairs.

For synthetic stories of N outlets (``bench/synth.py``, seed 1) and for a story of N outlets
that quote a few statements with many variants (:func:`quote_story`), prints the time of

* ``find_quote_alterations`` against :func:`all_pairs_alterations`, the straightforward
  computation it replaced (every pair of versions diffed, the reference chosen by summing over
  the whole group); the two must give identical results, and the script says so;
* ``find_wording_shifts`` + ``wording_shift_scores`` against the same two functions with the
  reference chosen by :func:`all_pairs_reference` (the rule before: a Dice pre-ranking over all
  pairs of members, then each of 12 candidates diffed against every member). Above 12 members
  the two rules may pick different references: the script counts those passages and gives the
  mean difflib ratio of the chosen references to the other members under each rule (higher is
  a more central reference).

Both are measured in the same run, and the ratio is printed. Alignment is not timed.

    python bench/bench_analysers.py [--outlets 50,100,200]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import synthetic_story  # noqa: E402

from mediadiff._tokens import match_key  # noqa: E402
from mediadiff.align import Alignment, align  # noqa: E402
from mediadiff.analysis import _quote_changes as quote_changes  # noqa: E402
from mediadiff.analysis import _quote_versions as quote_versions  # noqa: E402
from mediadiff.analysis import _wording_reference as wording_reference  # noqa: E402
from mediadiff.analysis import quotes, wording  # noqa: E402
from mediadiff.document import Article  # noqa: E402

# --------------------------------------------------------------------------------------------
# the straightforward computations (baselines; the tests check the fast paths against them)


def all_pairs_alterations(
    alignment: Alignment,
    found_quotes: Sequence[quotes.Quote],
    *,
    min_words: int = 3,
    min_similarity: float = 0.6,
    min_truncated: int = 3,
) -> list[quotes.QuoteAlteration]:
    """:func:`~mediadiff.analysis.quotes.find_quote_alterations` computed over every pair of versions."""
    docs = {d.outlet: d for d in alignment.documents}
    versions = quote_versions.quote_versions(
        alignment, sorted(found_quotes, key=lambda q: (q.outlet, q.start, q.end)), min_words
    )
    bags = {v.keys: Counter(v.keys) for v in versions}

    def shared(a: quote_versions.Version, b: quote_versions.Version) -> int:
        return sum((bags[a.keys] & bags[b.keys]).values())

    by_outlet: dict[str, list[quote_versions.Version]] = {}
    for v in versions:
        by_outlet.setdefault(v.quote.outlet, []).append(v)
    splices = {}
    for idx, v in enumerate(versions):
        apart, joined = [], 1
        outlets = sorted(o for o in by_outlet if o != v.quote.outlet)
        for outlet in outlets:
            pieces, whole = [], False
            for r in by_outlet[outlet]:
                if shared(v, r) < 3:
                    continue
                m, blocks = quote_versions.matched(v.keys, r.keys)
                if m >= 3 and m >= 0.8 * len(r.keys) and m < 0.8 * len(v.keys):
                    pieces.append((blocks[0][0], r))
                elif m >= 3 and m >= min_similarity * len(v.keys):
                    whole = True
            pieces.sort(key=lambda x: x[0])
            if len(pieces) >= 2 and not whole and sum(len(r.keys) for _, r in pieces) >= 0.8 * len(v.keys):
                if quote_changes.only_attribution(docs[outlet].text, pieces[0][1].quote.end, pieces[-1][1].quote.start):
                    joined += 1
                else:
                    apart.append((pieces[0][1], pieces[-1][1]))
            elif whole:
                joined += 1
        if apart and len(apart) >= joined:
            splices[idx] = (v, *apart[0], len(apart) > joined)
    found = [quotes._spliced(v, first, second, docs, majority) for v, first, second, majority in splices.values()]
    rest = [i for i in range(len(versions)) if i not in splices]
    parent = {i: i for i in rest}

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for x, i in enumerate(rest):
        for j in rest[x + 1 :]:
            a, b = versions[i], versions[j]
            if (
                a.quote.outlet != b.quote.outlet
                and shared(a, b) >= 3
                and quote_versions.same_speaker(a.quote.speaker, b.quote.speaker)
            ):
                m, _ = quote_versions.matched(a.keys, b.keys)
                if m >= 3 and m >= min_similarity * min(len(a.keys), len(b.keys)):
                    parent[find(j)] = find(i)
    groups: dict[int, list[quote_versions.Version]] = {}
    for i in rest:
        groups.setdefault(find(i), []).append(versions[i])
    for group in groups.values():
        if len({v.quote.outlet for v in group}) < 2:
            continue

        def rank(v: quote_versions.Version, group: list[quote_versions.Version] = group) -> tuple[int, int, str, int]:
            support = len({o.quote.outlet for o in group if o.keys == v.keys and o.quote.outlet != v.quote.outlet})
            return (-support, -len(v.keys), v.quote.outlet, v.quote.start)

        for v in group:
            pool = [
                r
                for r in group
                if r is v
                or (
                    r.quote.outlet != v.quote.outlet
                    and any(
                        m >= 3 and m >= min_similarity * min(len(v.keys), len(r.keys))
                        for m in (quote_versions.matched(v.keys, r.keys)[0], quote_versions.matched(r.keys, v.keys)[0])
                    )
                )
            ]
            ref = min(pool, key=lambda x, pool=pool: rank(x, pool))
            if v.quote.outlet != ref.quote.outlet and v.keys != ref.keys:
                same = [o for o in versions if o.quote.outlet == v.quote.outlet]
                give = {k: len({r.quote.outlet for r in pool if r.keys == k}) for k in (v.keys, ref.keys)}
                majority = give[ref.keys] > give[v.keys]
                found.extend(
                    quotes._compare(
                        v, ref, docs, min_similarity, min_truncated, same, quote_versions.Quotations([]), majority
                    )
                )
    found.sort(key=lambda a: (a.outlet, a.start, a.end, a.kind, a.reference_outlet, a.reference_start))
    return found


def all_pairs_reference(keys: dict[str, tuple[str, ...]]) -> tuple[str, dict[str, float]]:
    """The wording reference chosen as before: above 12 members, the 12 with the best summed Dice
    score over all pairs of members are the candidates; each is diffed against every member."""
    outlets = sorted(keys)
    candidates = outlets
    if len(outlets) > wording.EXACT_REFERENCE_LIMIT:
        bags = {o: Counter(keys[o]) for o in outlets}

        def dice(a: str, b: str) -> float:
            size = len(keys[a]) + len(keys[b])
            return 2 * sum((bags[a] & bags[b]).values()) / size if size else 1.0

        candidates = sorted(outlets, key=lambda o: (-sum(dice(o, x) for x in outlets if x != o), o))
        candidates = candidates[: wording.EXACT_REFERENCE_LIMIT]
    ratios = {o: {x: wording_reference.ratio(keys[o], keys[x]) for x in outlets if x != o} for o in candidates}
    ref = min(candidates, key=lambda o: (-(sum(ratios[o].values()) / len(ratios[o])), -len(keys[o]), o))
    return ref, ratios[ref]


# --------------------------------------------------------------------------------------------
# stories


def quote_story(n_outlets: int, *, seed: int = 0) -> list[Article]:
    """``n_outlets`` short articles quoting five statements: most give them word for word (wire
    copies), the others drop, add or change a word, stop short, or run two together."""
    rng = random.Random(seed)
    statements = [
        "We will test the water at every school before the children come back in the autumn",
        "Nobody should have to wonder whether the water that comes out of the tap is safe to drink",
        "We are going to get answers and we are going to share every one of them with the public",
        "The corrosion we found on the tank was exactly the problem that leads to a rupture",
        "This plant has operated safely for forty years and it will go on operating safely",
    ]
    fillers = "quickly really simply all now".split()
    articles = []
    for k in range(n_outlets):
        parts = []
        for i, s in enumerate(statements):
            words = s.split()
            r = rng.random()
            if r < 0.1:
                continue
            if r < 0.65:
                pass
            elif r < 0.72:
                del words[rng.randrange(1, len(words))]
            elif r < 0.79:
                words.insert(rng.randrange(1, len(words)), rng.choice(fillers))
            elif r < 0.86:
                words[rng.randrange(1, len(words))] = rng.choice(fillers)
            elif r < 0.93:
                words = words[: rng.randint(5, len(words) - 4)]
            elif i + 1 < len(statements):
                words = words + [w.lower() for w in statements[i + 1].split()]
            parts.append(f"“{' '.join(words)},” the director said. The hearing went on.")
        articles.append(Article(f"outlet_{k:03d}", " ".join(parts) or "No comment."))
    return articles


# --------------------------------------------------------------------------------------------
# timing


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def mean_ratio(keys: dict[str, tuple[str, ...]], ref: str) -> float:
    others = [wording_reference.ratio(keys[ref], keys[x]) for x in keys if x != ref]
    return sum(others) / len(others)


def run(label: str, alignment: Alignment) -> None:
    found = quotes.extract_quotes(alignment)
    t_new, new = timed(lambda: quotes.find_quote_alterations(alignment, found))
    t_old, old = timed(lambda: all_pairs_alterations(alignment, found))
    print(
        f"{label:22s} quote alterations  all pairs {t_old:7.2f} s  fast {t_new:6.2f} s  "
        f"x{t_old / max(t_new, 1e-9):6.1f}  ({len(new)} found, identical: {'yes' if new == old else 'NO'})",
        flush=True,
    )

    def both() -> tuple[list[wording.WordingShift], dict[str, float]]:
        return wording.find_wording_shifts(alignment), wording.wording_shift_scores(alignment)

    t_new, _ = timed(both)
    with mock.patch.object(wording, "choose_reference", all_pairs_reference):
        t_old, _ = timed(both)
    changed, ours, before = 0, [], []
    for p in alignment.passages:
        if p.support > wording.EXACT_REFERENCE_LIMIT:
            keys = {
                o: tuple(match_key(t) for t in ts) for o, ts in wording_reference.outlet_tokens(alignment, p).items()
            }
            a, b = wording_reference.choose_reference(keys)[0], all_pairs_reference(keys)[0]
            changed += a != b
            ours.append(mean_ratio(keys, a))
            before.append(mean_ratio(keys, b))
    central = (
        f"mean ratio to the others {sum(before) / len(before):.4f} -> {sum(ours) / len(ours):.4f}"
        if ours
        else "no passage above 12 members"
    )
    print(
        f"{label:22s} wording (both)     all pairs {t_old:7.2f} s  fast {t_new:6.2f} s  "
        f"x{t_old / max(t_new, 1e-9):6.1f}  (reference changed in {changed} of {len(ours)} passages "
        f"of > 12 members; {central})",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--outlets", default="50,100", help="comma-separated story sizes (default 50,100)")
    args = parser.parse_args()
    for n in (int(x) for x in args.outlets.split(",")):
        run(f"synthetic, {n} outlets", align(synthetic_story(n, seed=1)))
        run(f"quotes, {n} outlets", align(quote_story(n, seed=1)))


if __name__ == "__main__":
    main()
