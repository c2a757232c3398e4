"""The row limits of the HTML and Markdown reports: checked alike, combined alike.

Public names (private module)
-----------------------------
check_limits   check ``max_rows`` and ``max_shifts`` of a renderer.
fewest         the smaller of two limits, None meaning no limit.
"""

from __future__ import annotations

from ..errors import check_parameter, is_int

__all__ = ["check_limits", "fewest"]


def check_limits(max_rows: object, max_shifts: object, *, owner: str) -> None:
    """Raise :class:`~mediadiff.errors.ParameterError` unless both are None or an int >= 0."""
    for name, value in (("max_rows", max_rows), ("max_shifts", max_shifts)):
        ok = value is None or (is_int(value) and isinstance(value, int) and value >= 0)
        check_parameter(name, value, "None or an int >= 0", ok, owner=owner)


def fewest(a: int | None, b: int | None) -> int | None:
    """The smaller of two limits, None meaning no limit.

    >>> fewest(None, 20), fewest(50, 20), fewest(None, None)
    (20, 20, None)
    """
    return b if a is None else a if b is None else min(a, b)
