"""Write docs/api.md from the docstrings and signatures of every public name.

python scripts/make_api_docs.py          # rewrite docs/api.md
python scripts/make_api_docs.py --check  # exit 1 if docs/api.md is out of date (used by the tests)
"""

from __future__ import annotations

import importlib
import inspect
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: Modules documented beside the top level, with the names they make public (their __all__).
MODULES = [
    "mediadiff",
    "mediadiff.load",
    "mediadiff.segment",
    "mediadiff.attribution",
    "mediadiff.mentions",
    "mediadiff.names",
    "mediadiff.vocabulary",
    "mediadiff.boilerplate",
    "mediadiff.align",
    "mediadiff.analysis",
    "mediadiff.findings",
    "mediadiff.loaded",
    "mediadiff.datasets",
    "mediadiff.corpus",
    "mediadiff.report",
    "mediadiff.report.json",
    "mediadiff.plot",
    "mediadiff.examples",
    "mediadiff.errors",
]


def _summary(obj: object) -> str:
    doc = inspect.getdoc(obj) or ""
    return doc.split("\n\n")[0].replace("\n", " ").strip()


class _Shown:
    """A default value shown by a fixed text (sets print in hash order, which changes per run)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _signature(obj: object) -> str:
    try:
        signature = inspect.signature(obj)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""
    params = [
        p.replace(default=_Shown(f"<{type(p.default).__name__} of {len(p.default)}>"))
        if isinstance(p.default, (set, frozenset))
        else p
        for p in signature.parameters.values()
    ]
    return str(signature.replace(parameters=params))


def _heading(name: str, sig: str) -> list[str]:
    """A function's heading; a long signature goes below it, one parameter a line, in full."""
    if len(name) + len(sig) <= 100:
        return [f"### `{name}{sig}`"]
    params, _, returns = sig[1:].rpartition(")")
    parts, depth, current = [], 0, ""
    for ch in params:  # split on top-level commas (defaults may hold brackets)
        depth += (ch in "([{") - (ch in ")]}")
        if ch == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    parts.append(current.strip())
    body = "\n".join(f"    {p}," for p in parts if p)
    return [f"### `{name}`", "", "```python", f"{name}(\n{body}\n){returns}", "```"]


def render() -> str:
    lines = [
        "# API reference",
        "",
        "Generated from the docstrings by `python scripts/make_api_docs.py`; the test suite checks it is current.",
        "Each entry gives the signature and the first paragraph of the docstring; `help(name)` has the rest.",
        "",
    ]
    documented: set[int] = set()
    for modname in MODULES:
        try:
            module = importlib.import_module(modname)
        except ImportError:
            continue
        names = list(getattr(module, "__all__", []))
        if not names:
            continue
        lines += [f"## `{modname}`", "", _summary(module), ""]
        for name in sorted(names):
            obj = getattr(module, name)
            if name == "__version__" or inspect.ismodule(obj):
                continue
            if (
                modname != "mediadiff"
                and id(obj) in documented
                and not isinstance(obj, (str, int, float, dict, tuple, frozenset))
            ):
                lines.append(f"- `{modname}.{name}`: see above.")
                continue
            if callable(obj) or inspect.isclass(obj):
                documented.add(id(obj))
            kind = "class" if inspect.isclass(obj) else ("function" if callable(obj) else "constant")
            sig = _signature(obj) if kind != "constant" else ""
            lines += _heading(name, sig) if kind == "function" else [f"### `{name}` ({kind})"]
            lines.append("")
            summary = _summary(obj) if kind != "constant" else ""
            if kind == "class" and sig:
                long_form = _heading(name, sig)[2:]  # the code block of a long signature
                lines += [*(long_form or [f"`{name}{sig}`"]), ""]
            if summary:
                lines.append(summary)
                lines.append("")
            if kind == "class":
                members = []
                for attr, value in sorted(vars(obj).items()):
                    if attr.startswith("_") or not (callable(value) or isinstance(value, property)):
                        continue
                    target = value.fget if isinstance(value, property) else value
                    target = getattr(target, "__func__", target)
                    doc = _summary(target)
                    if doc:
                        sig = (
                            ""
                            if isinstance(value, property)
                            else _signature(target).replace("(self, ", "(").replace("(self)", "()")
                        )
                        members.append(f"- `{attr}{sig}`: {doc}")
                if members:
                    lines += members + [""]
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    target = ROOT / "docs" / "api.md"
    text = render()
    if "--check" in sys.argv:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print("docs/api.md is out of date: run python scripts/make_api_docs.py")
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
