"""Boilerplate classes of pasted text: per-class precision and recall, and content survival.

Reads ``bench/boilerplate_lines.tsv``: lines of page chrome by class (donation appeals, cookie
notices, sign-up walls, upsells, sponsored and "readers also viewed" lists, audio/video player
labels, market-data disclaimers, wire credit lines, comment counters, correction and update
stamps) and look-alike content lines that must survive, all written for mediadiff. Each line is
set as a paragraph of its own in the middle of a short article (a headline, two paragraphs
before it, two after) and run through the pipeline's own entry point,
``segment(Article(...))``; the line counts as flagged when the document's boilerplate spans
cover it (a block of several lines, a list header and its links, only when they cover every
line of it).

Figures per class:

- recall: the share of the class's lines flagged, by any rule;
- precision: the class's flagged lines over those plus the content lines flagged by the rules
  that report the class (:data:`CLASS_RULES`); a chrome line of another class caught by the
  rule counts against no one;
- content survival: the share of content lines that no rule flags, and how many lines of the
  surrounding article were flagged (each should be 0).

The set has two halves: ``dev``, looked at while the rules were written, and ``held``, written
before the rules changed and not looked at while tuning. ``--details`` lists the misses and
the content lines taken; it shows the dev half only unless ``--half held`` is given.

    python bench/bench_boilerplate.py [--half dev|held|all] [--details]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mediadiff import Article, segment  # noqa: E402

DATA = Path(__file__).with_name("boilerplate_lines.tsv")

#: The rules that report each class (a chrome class may be reported by older rules too).
CLASS_RULES: dict[str, set[str]] = {
    "appeal": {"appeal"},
    "cookies": {"cookies"},
    "signup": {"subscribe"},
    "upsell": {"upsell"},
    "promoted": {"promoted", "advert", "navigation", "related"},
    "player": {"player"},
    "market": {"market"},
    "wire_credit": {"credit"},
    "comments": {"comments"},
    "update": {"update", "byline"},
}

_BEFORE = (
    "Council approves harbour budget\n\n"
    "The city council voted 7-2 on Tuesday to approve a budget of $48 million for the harbour district, "
    "ending months of debate.\n\n"
    "Supporters said the plan would repair the sea wall and reopen the ferry terminal, while critics warned "
    "that it relied on optimistic tax forecasts.\n\n"
)
_AFTER = (
    "\n\nWork on the sea wall is expected to begin in the spring and take two years, according to the "
    "public works department.\n\n"
    "The mayor is expected to sign the budget on Friday, a spokeswoman said."
)


@dataclass(frozen=True)
class Item:
    cls: str
    half: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    flagged: bool
    rules: tuple[str, ...]
    collateral: int  # lines of the surrounding article flagged


def read_items(path: Path = DATA) -> list[Item]:
    rows = (row for row in path.read_text(encoding="utf-8").splitlines() if row and not row.startswith("#"))
    reader = csv.reader(rows, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    assert header == ["class", "half", "line"], header
    return [Item(cls, half, tuple(line.split("\\n"))) for cls, half, line in reader]


def run(item: Item) -> Outcome:
    block = "\n".join(item.lines)
    text = _BEFORE + block + _AFTER
    doc = segment(Article("bench", text))
    spans = [(b.start, b.end, getattr(b, "rule", "")) for b in doc.boilerplate]
    start, rules, covered = len(_BEFORE), [], 0
    for line in item.lines:
        end = start + len(line)
        hit = [rule for s, e, rule in spans if s <= start and end <= e]
        if hit:
            covered += 1
            rules.append(hit[0])
        start = end + 1
    lo, hi = len(_BEFORE), len(_BEFORE) + len(block)
    collateral = sum(1 for s, e, _ in spans if e <= lo or s >= hi)
    return Outcome(covered == len(item.lines), tuple(rules), collateral)


def report(items: list[Item], outcomes: list[Outcome], *, title: str) -> None:
    content = [(i, o) for i, o in zip(items, outcomes, strict=True) if i.cls == "content"]
    taken_by = Counter(o.rules[0] for _, o in content if o.rules)
    print(f"\n{title}")
    print(f"{'class':<12} {'lines':>5} {'recall':>7} {'precision':>9}")
    for cls, rules in CLASS_RULES.items():
        mine = [o for i, o in zip(items, outcomes, strict=True) if i.cls == cls]
        if not mine:
            continue
        tp = sum(o.flagged for o in mine)
        fp = sum(n for rule, n in taken_by.items() if rule in rules)
        precision = f"{tp / (tp + fp):.2f}" if tp + fp else "-"  # nothing flagged: no precision to tell
        print(f"{cls:<12} {len(mine):>5} {tp / len(mine):>7.2f} {precision:>9}")
    chrome = [o for i, o in zip(items, outcomes, strict=True) if i.cls != "content"]
    print(f"{'all chrome':<12} {len(chrome):>5} {sum(o.flagged for o in chrome) / len(chrome):>7.2f}")
    survived = sum(not o.rules for _, o in content)
    print(
        f"content survival: {survived}/{len(content)} = {survived / len(content):.3f}"
        + (f"  (taken by {dict(taken_by)})" if taken_by else "")
    )
    print(f"surrounding article lines flagged: {sum(o.collateral for o in outcomes)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("dev", "held", "all"), default="all")
    parser.add_argument("--details", action="store_true", help="list misses and content lines taken")
    args = parser.parse_args()
    items = read_items()
    outcomes = [run(i) for i in items]
    halves = ("dev", "held") if args.half == "all" else (args.half,)
    for half in halves:
        pick = [k for k, i in enumerate(items) if i.half == half]
        report([items[k] for k in pick], [outcomes[k] for k in pick], title=f"half: {half} ({len(pick)} lines)")
    if args.half == "all":
        report(items, outcomes, title=f"both halves ({len(items)} lines)")
    if args.details:
        shown = "dev" if args.half == "all" else args.half
        by_class: dict[str, list[str]] = defaultdict(list)
        for item, out in zip(items, outcomes, strict=True):
            if item.half != shown:
                continue
            if item.cls == "content" and out.rules:
                by_class["content taken"].append(f"[{out.rules[0]}] {item.lines[0]}")
            elif item.cls != "content" and not out.flagged:
                by_class[f"{item.cls} missed"].append(" / ".join(item.lines))
        for key, lines in by_class.items():
            print(f"\n{key} ({shown}):")
            for line in lines:
                print(f"  {line}")


if __name__ == "__main__":
    main()
