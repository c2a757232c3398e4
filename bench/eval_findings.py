"""Evaluate the discrepancy findings against the gold of the bundled example stories.

For each story in ``mediadiff/data/stories/<story>/`` with a ``gold.json``, align the outlets
and print:

- omission precision and recall: a predicted omission (outlet, passage) is mapped to gold facts
  through mention overlap (each member of the passage votes for the fact whose mention it overlaps
  most); it is right when (outlet, fact) is a gold omission. A passage that maps to no fact counts
  as a wrong prediction. Several passages mapping to one (outlet, fact) count once.
- key omissions in the outlet's top three by weight.
- quote alterations found: a gold alteration is found when a predicted one of the same kind and
  outlet overlaps its text.
- conflicts found: a gold conflict is found when a predicted one has a value overlapping a gold
  value of one outlet and a value overlapping a gold value of another outlet. Numeric kinds
  (number, money, percent, date, vagueness) are listed apart.

A baseline runs beside it: "every passage carried by >= 2 others is an omission, with equal
weight" is what find_omissions is at its simplest; here the baseline is the same finder with
kind weights all 1 and no prominence, so the ratio shows what weighting adds to the ranking.

Usage: python bench/eval_findings.py [story ...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _gold import omission_figures, passage_facts  # noqa: E402

from mediadiff.align import align  # noqa: E402
from mediadiff.analysis.conflicts import find_conflicts  # noqa: E402
from mediadiff.analysis.omissions import find_omissions  # noqa: E402
from mediadiff.analysis.quotes import extract_quotes, find_quote_alterations  # noqa: E402
from mediadiff.document import Article  # noqa: E402

STORIES = ROOT / "mediadiff" / "data" / "stories"
NUMERIC = {"number", "money", "percent", "date", "vagueness"}


def load_story(story_dir: Path) -> tuple[list[Article], dict]:
    meta = json.loads((story_dir / "story.json").read_text(encoding="utf-8"))
    gold = json.loads((story_dir / "gold.json").read_text(encoding="utf-8"))
    articles = [
        Article(o["id"], (story_dir / o["file"]).read_text(encoding="utf-8"), name=o.get("name"))
        for o in meta["outlets"]
    ]
    return articles, gold


def locate(text: str, needle: str, occurrence: int | None = None) -> tuple[int, int] | None:
    starts = []
    i = text.find(needle)
    while i >= 0:
        starts.append(i)
        i = text.find(needle, i + 1)
    if not starts:
        return None
    k = (occurrence or 1) - 1
    if k >= len(starts):
        return None
    return starts[k], starts[k] + len(needle)


def fact_spans(gold: dict, texts: dict[str, str]) -> dict[str, list[tuple[str, int, int]]]:
    out: dict[str, list[tuple[str, int, int]]] = {}
    for f in gold["facts"]:
        for m in f["mentions"]:
            span = locate(texts[m["outlet"]], m["text"], m.get("occurrence"))
            if span:
                out.setdefault(f["id"], []).append((m["outlet"], *span))
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def evaluate(story_dir: Path) -> dict:
    articles, gold = load_story(story_dir)
    texts = {a.outlet: a.text for a in articles}
    alignment = align(articles)
    spans = fact_spans(gold, texts)
    pf = passage_facts(alignment.passages, spans)

    gold_pairs = {(g["outlet"], g["fact"]) for g in gold["omissions"]}
    keys = [(g["outlet"], g["fact"]) for g in gold["omissions"] if g.get("key")]

    def figures(omissions: list) -> dict:
        f = omission_figures(omissions, pf, gold_pairs, keys)
        f["precision"] = f["tp"] / f["predicted"] if f["predicted"] else 1.0
        f["recall"] = f["tp"] / f["gold"] if f["gold"] else 1.0
        return f

    omissions = figures(find_omissions(alignment))
    baseline = figures(
        find_omissions(
            alignment, response_weight=1.0, quote_weight=1.0, fact_weight=1.0, prominence_weight=0.0, voice_weight=0.0
        )
    )

    alterations = find_quote_alterations(alignment, extract_quotes(alignment))
    alt_found = []
    for g in gold["quote_alterations"]:
        span = locate(texts[g["outlet"]], g["text"], g.get("occurrence"))
        ok = span is not None and any(
            a.outlet == g["outlet"] and a.kind == g["kind"] and overlaps((a.start, a.end), span) for a in alterations
        )
        alt_found.append((g["outlet"], g["kind"], ok))
    gold_alt_spans = []
    for g in gold["quote_alterations"]:
        span = locate(texts[g["outlet"]], g["text"], g.get("occurrence"))
        if span:
            gold_alt_spans.append((g["outlet"], g["kind"], span))
    alt_extra = [
        (a.outlet, a.kind, a.text[:50])
        for a in alterations
        if not any(a.outlet == o and a.kind == k and overlaps((a.start, a.end), s) for o, k, s in gold_alt_spans)
    ]

    conflicts = find_conflicts(alignment)
    conf_found = []
    for g in gold["conflicts"]:
        vals = []
        for v in g["values"]:
            span = locate(texts[v["outlet"]], v["text"], v.get("occurrence"))
            if span:
                vals.append((v["outlet"], span))
        ok = False
        for c in conflicts:
            hit = {o for o, s in vals for cv in c.values if cv.outlet == o and overlaps((cv.start, cv.end), s)}
            if len(hit) >= 2:
                ok = True
                break
        conf_found.append((g["kind"], g.get("fact"), ok))
    return {
        "story": story_dir.name,
        "omissions": omissions,
        "baseline": baseline,
        "alterations": alt_found,
        "alterations_extra": alt_extra,
        "conflicts": conf_found,
        "conflicts_predicted": len(conflicts),
    }


def main(argv: list[str]) -> int:
    dirs = [STORIES / s for s in argv] if argv else sorted(p for p in STORIES.iterdir() if (p / "gold.json").is_file())
    for d in dirs:
        r = evaluate(d)
        o, b = r["omissions"], r["baseline"]
        print(f"== {r['story']}")
        print(
            f"omissions: precision {o['precision']:.2f} recall {o['recall']:.2f} "
            f"({o['predicted']} predicted, {o['gold']} gold); key omissions in top 3: {o['key_top3']}/{o['keys']} "
            f"(baseline, unweighted: {b['key_top3']}/{b['keys']})"
        )
        if o["missed"]:
            print(f"  missed: {o['missed']}")
        if o["wrong"]:
            print(f"  wrong:  {o['wrong']}")
        found = sum(ok for *_, ok in r["alterations"])
        print(
            f"quote alterations found: {found}/{len(r['alterations'])}  (extra predictions: {len(r['alterations_extra'])})"
        )
        for outlet, kind, ok in r["alterations"]:
            if not ok:
                print(f"  missed: {outlet} {kind}")
        for x in r["alterations_extra"]:
            print(f"  extra:  {x}")
        numeric = [c for c in r["conflicts"] if c[0] in NUMERIC]
        print(
            f"conflicts found: {sum(ok for *_, ok in r['conflicts'])}/{len(r['conflicts'])} "
            f"(numeric {sum(ok for *_, ok in numeric)}/{len(numeric)}; {r['conflicts_predicted']} predicted)"
        )
        for kind, fact, ok in r["conflicts"]:
            if not ok:
                print(f"  missed: {kind} ({fact})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
