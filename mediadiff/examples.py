"""The bundled example corpus: fictional stories written for mediadiff, each with a gold file.

Each story is a folder ``mediadiff/data/stories/<story>/`` with one ``.txt`` file per outlet,
``story.json`` (title, description, outlet names) and ``gold.json`` (which sentences report which
fact, omissions, loaded spans, quote alterations, conflicts and boilerplate). The gold names
spans by their exact text; :func:`load_gold` resolves them to character offsets.

Public names
------------
example_stories   the ids of the bundled stories.
load_example      one story's articles.
load_gold         one story's gold, with offsets resolved.
story_info        one story's ``story.json``.
"""

from __future__ import annotations

import json
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from .document import Article
from .errors import InputError

__all__ = ["example_stories", "load_example", "load_gold", "story_info"]


def _stories_root() -> Traversable:
    return resources.files("mediadiff").joinpath("data/stories")


def example_stories() -> list[str]:
    """The ids of the bundled example stories, sorted.

    >>> "kestrel_leak" in example_stories()
    True
    """
    return sorted(p.name for p in _stories_root().iterdir() if p.is_dir() and p.joinpath("story.json").is_file())


def _story_dir(story: str) -> Traversable:
    if story not in example_stories():
        raise InputError(f"no bundled story {story!r}; the stories are: {', '.join(example_stories())}")
    return _stories_root().joinpath(story)


def story_info(story: str) -> dict[str, Any]:
    """The ``story.json`` of a bundled story: ``id``, ``title``, ``description``, ``outlets``."""
    info: dict[str, Any] = json.loads(_story_dir(story).joinpath("story.json").read_text(encoding="utf-8"))
    return info


def load_example(story: str | None = None) -> list[Article]:
    """The articles of a bundled story (default: the first story), with outlet display names.

    >>> [a.outlet for a in load_example("kestrel_leak")][:2]
    ['regional_wire', 'ardley_gazette']
    """
    story = story or example_stories()[0]
    folder = _story_dir(story)
    info = story_info(story)
    from .load import _title_of_plain_text

    articles = []
    for outlet in info["outlets"]:
        text = folder.joinpath(outlet["file"]).read_text(encoding="utf-8")
        articles.append(
            Article(
                outlet=outlet["id"],
                text=text,
                title=_title_of_plain_text(text),
                name=outlet.get("name"),
                source_path=f"{story}/{outlet['file']}",
            )
        )
    return articles


def _locate(text: str, needle: str, occurrence: int, where: str) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        if start < 0:
            raise InputError(f"gold {where}: {needle!r} (occurrence {occurrence}) is not in the text")
    return start, start + len(needle)


def load_gold(story: str) -> dict[str, Any]:
    """A bundled story's gold annotations, each quoted text given ``start``/``end`` offsets.

    Every entry that names an ``outlet`` and a ``text`` (fact mentions, loaded spans,
    boilerplate, conflict values, quote alterations and their ``reference_text``) gains
    ``start`` and ``end`` into that outlet's article text.
    """
    gold: dict[str, Any] = json.loads(_story_dir(story).joinpath("gold.json").read_text(encoding="utf-8"))
    texts = {a.outlet: a.text for a in load_example(story)}

    def resolve(
        entry: dict[str, Any], where: str, outlet_key: str = "outlet", text_key: str = "text", prefix: str = ""
    ) -> None:
        outlet = entry[outlet_key]
        if outlet not in texts:
            raise InputError(f"gold {where}: unknown outlet {outlet!r}")
        occurrence = int(entry.get(f"{prefix}occurrence", 1))
        entry[f"{prefix}start"], entry[f"{prefix}end"] = _locate(texts[outlet], entry[text_key], occurrence, where)

    for fact in gold.get("facts", []):
        for mention in fact["mentions"]:
            resolve(mention, f"{story} fact {fact['id']}")
    for i, entry in enumerate(gold.get("loaded", [])):
        resolve(entry, f"{story} loaded[{i}]")
    for i, entry in enumerate(gold.get("boilerplate", [])):
        resolve(entry, f"{story} boilerplate[{i}]")
    for i, conflict in enumerate(gold.get("conflicts", [])):
        for value in conflict["values"]:
            resolve(value, f"{story} conflicts[{i}]")
    for i, entry in enumerate(gold.get("quote_alterations", [])):
        resolve(entry, f"{story} quote_alterations[{i}]")
        resolve(entry, f"{story} quote_alterations[{i}] reference", "reference_outlet", "reference_text", "reference_")
    return gold
