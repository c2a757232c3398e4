"""Corpus scale: many stories at once.

Public names
------------
cluster_stories     group a pile of articles into stories about the same event.
"""

from __future__ import annotations

from .cluster import cluster_stories

__all__ = ["cluster_stories"]
