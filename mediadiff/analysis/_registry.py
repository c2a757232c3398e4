"""The registry of finding kinds: every kind, in the order of the report.

``compare`` runs the finders in this order (a finder may read the kinds before it: quote
alterations read the quotations), ``report.json`` writes their lists in it, and the reports,
charts, corpus score records and the command line iterate over it. Each built-in kind is
declared once, as ``KIND`` at the bottom of its analyser module (``ALTERATION_KIND`` beside
``KIND`` in ``quotes``; loaded language's in :mod:`mediadiff.loaded.contrast`); a new kind is
one line in :data:`_BUILT_IN` (docs/architecture.md); a kind made elsewhere is added with
:func:`register_kind`.

Public names (re-exported by :mod:`mediadiff.analysis`)
--------------------------------------------------------
finding_kinds     the registered kinds, in order.
register_kind     add a kind (at the end, or before another).
unregister_kind   remove a kind by name.
"""

from __future__ import annotations

from ..errors import ParameterError, check_parameter
from ..findings import FindingKind
from ..loaded.contrast import KIND as LOADED_LANGUAGE
from .conflicts import KIND as CONFLICTS
from .omissions import KIND as OMISSIONS
from .placement import KIND as PLACEMENT_SHIFTS
from .quotes import ALTERATION_KIND as QUOTE_ALTERATIONS
from .quotes import KIND as QUOTES
from .wording import KIND as WORDING_SHIFTS

__all__ = ["finding_kinds", "register_kind", "unregister_kind"]

#: The built-in kinds in the order of report.json.
_BUILT_IN: tuple[FindingKind, ...] = (
    OMISSIONS,
    WORDING_SHIFTS,
    LOADED_LANGUAGE,
    QUOTES,
    QUOTE_ALTERATIONS,
    CONFLICTS,
    PLACEMENT_SHIFTS,
)

_registry: list[FindingKind] = list(_BUILT_IN)


def finding_kinds() -> tuple[FindingKind, ...]:
    """The registered finding kinds, in the order of ``report.json``.

    >>> [k.name for k in finding_kinds()][:3]
    ['omissions', 'wording_shifts', 'loaded_language']
    """
    return tuple(_registry)


def register_kind(kind: FindingKind, *, before: str | None = None) -> FindingKind:
    """Add a finding kind to every comparison and report from now on; return it.

    It goes at the end, or before the kind named ``before``. A name already registered, or one
    that is a report field of its own (``outlets``, ``passages``, ...), is refused.
    """
    check_parameter(
        "kind", kind, "a mediadiff.findings.FindingKind", isinstance(kind, FindingKind), owner="register_kind"
    )
    reserved = {"schema_version", "generator", "title", "options", "outlets", "similarity", "passages", "warnings"}
    names = [k.name for k in _registry]
    if kind.name in names or kind.name in reserved:
        raise ParameterError(f"a finding kind named {kind.name!r} is already in the report")
    if before is None:
        _registry.append(kind)
    elif before in names:
        _registry.insert(names.index(before), kind)
    else:
        check_parameter("before", before, f"None or one of {', '.join(names)}", False, owner="register_kind")
    return kind


def unregister_kind(name: str) -> FindingKind:
    """Remove the finding kind called ``name``; return it (a ParameterError if there is none)."""
    for i, kind in enumerate(_registry):
        if kind.name == name:
            return _registry.pop(i)
    raise ParameterError(f"no finding kind named {name!r} is registered")
