"""Exceptions and warnings raised by mediadiff.

The exception tree::

    MediadiffError            base of every error mediadiff raises on purpose
    ├── InputError            an article or file cannot be used (names the file and the reason)
    │   └── DecodingError     bytes that are not text in any encoding we accept
    ├── ParameterError        an option has a value outside what it allows (also a ValueError)
    └── OutputError           a report cannot be written where it was asked

    MediadiffWarning          base of mediadiff's warnings (UserWarning)
    ├── EncodingFallbackWarning  a legacy-encoding fallback was used to decode a file
    └── InputWarning             input that is usable but suspicious (very short, not English, ...)

Every message names the file or article concerned and the reason, so that the CLI can print it
as one line (``mediadiff: error: ...``).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping

__all__ = [
    "DecodingError",
    "EncodingFallbackWarning",
    "InputError",
    "InputWarning",
    "MediadiffError",
    "MediadiffWarning",
    "OutputError",
    "ParameterError",
]


class MediadiffError(Exception):
    """Base class of every error that mediadiff raises on purpose."""


class InputError(MediadiffError):
    """An article, file or directory cannot be used; the message says which and why."""


class DecodingError(InputError):
    """A file's bytes could not be decoded as text (binary data, or an unknown encoding)."""


class ParameterError(MediadiffError, ValueError):
    """An option was given a value outside what it allows."""


class OutputError(MediadiffError):
    """A report or chart could not be written to the requested place."""


class MediadiffWarning(UserWarning):
    """Base class of mediadiff's warnings."""


class EncodingFallbackWarning(MediadiffWarning):
    """A file was not valid UTF-8/UTF-16 and was decoded with the legacy fallback (cp1252)."""


class InputWarning(MediadiffWarning):
    """Input that mediadiff can use but that may give poor results (very short, not English, ...)."""


def check_parameter(name: str, value: object, allowed: str, ok: bool, owner: str = "compare") -> None:
    """Raise :class:`ParameterError` in one house style unless ``ok``.

    The message follows scikit-learn: ``The 'min_support' parameter of compare must be an int
    >= 1. Got 0 instead.``
    """
    if not ok:
        raise ParameterError(f"The {name!r} parameter of {owner} must be {allowed}. Got {value!r} instead.")


def is_real(value: object) -> bool:
    """Whether ``value`` is a finite real number and not a bool: what a numeric option accepts.

    NumPy scalars count (``numpy.float32(0.2)``), so values computed with NumPy can be passed.

    >>> is_real(0.2), is_real(True), is_real(float("nan"))
    (True, False, False)
    """
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)


def is_int(value: object) -> bool:
    """Whether ``value`` is an integer and not a bool: what a count option accepts.

    >>> is_int(3), is_int(True), is_int(3.0)
    (True, False, False)
    """
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def plain(value: object) -> object:
    """A value as plain Python for JSON: NumPy numbers as ``int`` or ``float``, also inside
    dicts, lists and tuples; anything else (bools, None, strings) as it is.

    >>> import numpy as np
    >>> plain(np.int64(3)), plain(np.float32(0.5)), plain(True), plain("x")
    (3, 0.5, True, 'x')
    >>> plain({"min_support": np.int64(2), "align_options": {"threshold": np.float32(0.5)}})
    {'min_support': 2, 'align_options': {'threshold': 0.5}}
    """
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    if type(value) is list:
        return [plain(v) for v in value]
    if type(value) is tuple:
        return tuple(plain(v) for v in value)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return value
    return int(value) if isinstance(value, numbers.Integral) else float(value)
