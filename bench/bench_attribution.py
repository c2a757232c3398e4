"""Attribution (whose words are these?) measured on PolNeAR, and what it costs segmentation.

Run: ``python bench/bench_attribution.py [--split dev|train]`` (default dev; train is where rules
may be tuned, dev is for figures: never tune on what you report).

For every article of the split (the first annotator's reading, so that no article counts
twice; ``--all-annotators`` scores every reading), with mediadiff's tokens (words and numbers):

- attributed content: token-level precision, recall and F1 of the tokens inside
  ``Document.attributions`` content against the tokens inside gold Content spans; beside it, in
  the same run, the quotation-marks-only baseline (tokens inside ``Document.quotations``) and
  mediadiff's direct attributions alone;
- sources: of the gold attributions that have a Source, the share whose content mediadiff
  attributes (the attribution overlapping its content most) to a source that overlaps the gold
  Source span or shares its last word (the same person named again), or, for a pronoun,
  the named person it resolves to, or the antecedent of a gold relative pronoun; beside it, the same share
  among the gold attributions whose content mediadiff attributes at all (source accuracy apart
  from content recall);
- cost: ``segment`` time on the five seeds with and without the attribution layer.
"""

from __future__ import annotations

import importlib
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import _polnear  # noqa: E402

segment_module = importlib.import_module("mediadiff.segment")
from mediadiff.document import Article, Span  # noqa: E402
from mediadiff.segment import segment  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _inside(spans, start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _overlaps(spans, start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def _same_source(text: str, gold: Sequence[tuple[int, int]], ours: Span | None) -> bool:
    """Whether ``ours`` names the gold source: it overlaps the gold span, shares its last word
    (the same person named again), or is the antecedent right before a gold relative pronoun
    ("Ruiz, who said": the gold marks "who")."""
    if ours is None:
        return False
    gold_words = {w.lower().strip(".,'’") for x, b in gold for w in text[x:b].split()}
    last = ours.text.split()[-1].lower().strip(".,'’") if ours.text.split() else ""
    if _overlaps(gold, ours.start, ours.end) or last in gold_words:
        return True
    start = min(x for x, _ in gold)
    relative = " ".join(text[x:b] for x, b in gold).strip().lower() in ("who", "which", "that")
    return relative and ours.end <= start and text[ours.end : start].strip(" ,") == ""


def score(items: list[_polnear.Item]) -> dict[str, tuple[float, float, float]]:
    counts = {name: [0, 0, 0] for name in ("mediadiff", "direct only", "quotation marks only")}
    found = total = detected = 0
    for it in items:
        doc = segment(Article("a", it.text))
        gold = [s for r in it.relations for s in r.content]
        ours = [(c.start, c.end) for a in doc.attributions for c in a.content]
        direct = [(c.start, c.end) for a in doc.attributions if a.kind == "direct" for c in a.content]
        quotes = [(q.start, q.end) for q in doc.quotations]
        for s in doc.sentences:
            for t in s.words:
                g = _overlaps(gold, t.start, t.end)
                for name, spans in (("mediadiff", ours), ("direct only", direct), ("quotation marks only", quotes)):
                    p = _inside(spans, t.start, t.end)
                    counts[name][0] += p and g
                    counts[name][1] += p
                    counts[name][2] += g
        for r in it.relations:
            if not r.source or not r.content:
                continue
            total += 1
            best, best_overlap = None, 0
            for a in doc.attributions:
                ov = sum(max(0, min(b, c.end) - max(x, c.start)) for x, b in r.content for c in a.content)
                if ov > best_overlap:
                    best, best_overlap = a, ov
            if best is None:
                continue
            detected += 1
            if best.source is None:
                continue
            if _same_source(it.text, r.source, best.source) or _same_source(it.text, r.source, best.resolved):
                found += 1
    out = {}
    for name, (tp, pred, gold) in counts.items():
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        out[name] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    out["sources found"] = (found / total if total else 0.0, found, total)
    out["sources of found content"] = (found / detected if detected else 0.0, found, detected)
    return out


def cost() -> None:
    if not SEEDS.is_dir():
        print("seeds not present: cost not measured")
        return
    articles = [Article(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    real = segment_module.find_attributions

    def timed() -> float:
        times = []
        for _ in range(7):
            t0 = time.perf_counter()
            for a in articles:
                segment(a)
            times.append(time.perf_counter() - t0)
        return statistics.median(times)

    with_layer = timed()
    segment_module.find_attributions = lambda *args, **kw: ()
    try:
        without = timed()
    finally:
        segment_module.find_attributions = real
    print(
        f"segment() on the five seeds: {without * 1000:.1f} ms without the attribution layer, "
        f"{with_layer * 1000:.1f} ms with it: +{(with_layer / without - 1) * 100:.0f}% (target <= 30%)"
    )


def main(argv: list[str]) -> int:
    split = argv[argv.index("--split") + 1] if "--split" in argv else "dev"
    items = _polnear.load(split)
    if not items:
        print(f"PolNeAR {split} not present under {_polnear.ROOT}: skipped")
        return 0
    if "--all-annotators" not in argv:
        items = _polnear.first_readings(items)
    result = score(items)
    print(f"## PolNeAR {split}: {len(items)} readings, attributed-content tokens")
    for name in ("mediadiff", "direct only", "quotation marks only"):
        p, r, f = result[name]
        print(f"  {name:22s} P {p:.3f} R {r:.3f} F1 {f:.3f}")
    share, found, total = result["sources found"]
    print(f"  sources found for {found} of {total} gold attributions with a source: {share:.3f} (target >= 0.80)")
    share, found, detected = result["sources of found content"]
    print(f"  of the {detected} whose content mediadiff attributes, right source for {found}: {share:.3f}")
    cost()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
