"""What the conflict finders compare and what they hand back, before :mod:`.conflicts` makes records.

The figure finder (:mod:`._conflict_figures`) and the people finder (:mod:`._conflict_people`)
read values and return clashes; :func:`mediadiff.analysis.conflicts.find_conflicts` turns each
clash into a :class:`~mediadiff.analysis.conflicts.Conflict` with its explanation.

Names
-----
ConflictKind    the kinds of conflict ("number", "money", ..., "title", "name").
Reason          why values clash: which explanation the conflict gets.
Stated          one value an outlet states: a figure, a title or a name, with its offsets.
Clash           values that disagree in one slot, by outlet and offset.
disagree        whether two outlets have values of which none agrees with any of the other's.
in_text_order   the order of (outlet, value) pairs: by outlet, then offset.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

__all__ = ["Clash", "ConflictKind", "Reason", "Stated", "disagree", "in_text_order"]

ConflictKind = Literal["number", "money", "percent", "date", "vagueness", "title", "name"]

#: Why values clash: different figures, an exact figure against a vague one, different titles,
#: a name spelled differently, different first names, or a name in another's place in the same words.
Reason = Literal["figures", "vagueness", "title", "spelling", "first names", "same words"]

T = TypeVar("T")


class _Placed(Protocol):
    @property
    def start(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Stated:
    """One value an outlet states in ``[start, end)`` of its article.

    ``kind`` is number / money / percent / date / vague for a figure, title or name otherwise;
    ``unit`` the unit or slot compared; ``low``/``high`` the range a figure allows after its
    ``qualifier`` (``None`` for titles and names; ``high`` infinite for an open range).
    """

    kind: str
    unit: str
    value: float | str
    low: float | None
    high: float | None
    start: int
    end: int
    qualifier: str


@dataclass(frozen=True, slots=True)
class Clash:
    """Values that disagree in one slot: ``(outlet, value)`` pairs, by outlet and offset."""

    kind: ConflictKind
    unit: str
    values: tuple[tuple[str, Stated], ...]
    reason: Reason


def disagree(groups: Mapping[str, Collection[T]], agree: Callable[[T, T], bool]) -> bool:
    """Whether two outlets of ``groups`` (outlet -> its values) clash: none of one's values
    agrees with any of the other's.

    >>> disagree({"a": [1, 2], "b": [2]}, lambda x, y: x == y)
    False
    >>> disagree({"a": [1], "b": [2], "c": [1]}, lambda x, y: x == y)
    True
    """
    names = sorted(groups)
    return any(
        not any(agree(a, b) for a in groups[oa] for b in groups[ob])
        for ia, oa in enumerate(names)
        for ob in names[ia + 1 :]
    )


def in_text_order(item: tuple[str, _Placed]) -> tuple[str, int]:
    """The order of ``(outlet, value)`` pairs (a Stated value or a name): by outlet, then offset."""
    return (item[0], item[1].start)
