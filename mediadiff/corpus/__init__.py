"""Corpus scale: many stories at once.

Public names
------------
cluster_stories     group a pile of articles into stories about the same event.
compare_corpus      run compare() per story, streaming reports and scores (local processes or Dask).
iter_corpus         the same, yielding one result per story as it finishes.
CorpusResult        what compare_corpus returns: counts, failures, where the files are.
StoryOutcome, StoryFailure, score_records, story_folder, ENGINES
profile_outlets     per-outlet behaviour across stories, with bootstrap confidence intervals.
OutletProfiles, OutletProfile, Estimate, LoadedTerm, MEASURES
"""

from __future__ import annotations

from .batch import (
    ENGINES,
    CorpusResult,
    StoryFailure,
    StoryOutcome,
    compare_corpus,
    iter_corpus,
    score_records,
    story_folder,
)
from .cluster import cluster_stories
from .profiles import MEASURES, Estimate, LoadedTerm, OutletProfile, OutletProfiles, profile_outlets

__all__ = [
    "ENGINES",
    "MEASURES",
    "CorpusResult",
    "Estimate",
    "LoadedTerm",
    "OutletProfile",
    "OutletProfiles",
    "StoryFailure",
    "StoryOutcome",
    "cluster_stories",
    "compare_corpus",
    "iter_corpus",
    "profile_outlets",
    "score_records",
    "story_folder",
]
