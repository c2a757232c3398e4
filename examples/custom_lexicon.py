"""Use your own loaded-language lexicon: add a category of terms to mediadiff's and compare with it.

    python examples/custom_lexicon.py [OUT_DIR]      (default: ./custom-lexicon-report)

The lexicon is a plain tab-separated file anyone can edit (see docs/lexicon.md). Here we write
a small one with a new category, "taxpayer_framing" (wording that frames public spending as the
taxpayer's loss), merge it with the lexicon that ships with mediadiff, and compare.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import mediadiff
from mediadiff.loaded import Lexicon

MY_LEXICON = """\
# term <TAB> category <TAB> strength (0-1) <TAB> part of speech
@category\ttaxpayer_framing\tWording that frames public spending as a loss to taxpayers.
taxpayer-funded\ttaxpayer_framing\t0.7\tadj
=taxpayers\ttaxpayer_framing\t0.6\tnoun
boondoggle\ttaxpayer_framing\t0.9\tnoun
"""


def main(out_dir: str = "custom-lexicon-report") -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "my_lexicon.tsv"
    path.write_text(MY_LEXICON, encoding="utf-8")
    lexicon = Lexicon.default().merged(Lexicon.load(path))  # yours wins on the same term
    comparison = mediadiff.compare(mediadiff.load_example("clinic_closure"), lexicon=lexicon)
    comparison.write(out_dir, ["json", "html"])
    spans = comparison.to_dict()["loaded_language"]  # the report's plain records (docs/schema.md)
    found = Counter((s["outlet"], s["category"]) for s in spans)
    for (outlet, category), n in sorted(found.items()):
        print(f"{outlet:20} {category:18} {n}")
    mine = [s for s in spans if s["category"] == "taxpayer_framing"]
    print(f"{len(mine)} spans in the new category:", ", ".join(sorted({s["text"] for s in mine})))
    print("wrote", out / "report.json", "and", out / "report.html")


if __name__ == "__main__":
    main(*sys.argv[1:2])
