"""Disjoint sets (union-find) over hashable items, for grouping by links (private)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

__all__ = ["DisjointSets"]

K = TypeVar("K", bound=Hashable)


class DisjointSets(Generic[K]):
    """Union-find with path halving.

    >>> sets = DisjointSets(range(4))
    >>> sets.union(0, 2); sets.union(3, 2)
    >>> [sets.find(i) for i in range(4)]
    [3, 1, 3, 3]
    """

    def __init__(self, items: Iterable[K]) -> None:
        self._parent: dict[K, K] = {i: i for i in items}

    def find(self, item: K) -> K:
        """The representative of the set holding ``item``."""
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, keep: K, other: K) -> None:
        """Join the sets of ``keep`` and ``other``; the representative of ``keep``'s set stays."""
        self._parent[self.find(other)] = self.find(keep)
