"""The progress of a batch run: a tqdm bar, or log lines on the ``mediadiff.corpus`` logger.

Private to :mod:`mediadiff.corpus.batch`.
"""

from __future__ import annotations

import logging
import time
from typing import Any

logger = logging.getLogger("mediadiff.corpus")


class Progress:
    """A tqdm bar (rate, ETA) when tqdm is installed; else a log line every 5% or 30 seconds."""

    def __init__(self, enabled: bool, total: int | None) -> None:
        self.bar: Any = None
        self.enabled = enabled
        self.total = total
        self.count = 0
        self.start = self.last = time.monotonic()
        if not enabled:
            return
        try:
            from tqdm.auto import tqdm
        except ImportError:
            logger.info(
                "mediadiff: %s stories to compare (pip install 'mediadiff[progress]' for a progress bar)",
                total if total is not None else "unknown number of",
            )
            return
        self.bar = tqdm(total=total, unit="story", desc="mediadiff corpus", smoothing=0.1, dynamic_ncols=True)

    def update(self, status: str) -> None:
        if not self.enabled:
            return
        self.count += 1
        if self.bar is not None:
            self.bar.update(1)
            return
        now = time.monotonic()
        step = max(1, (self.total or 0) // 20)
        if self.count % step == 0 or now - self.last >= 30 or self.count == self.total:
            self.last = now
            rate = self.count / max(now - self.start, 1e-9)
            eta = f", about {(self.total - self.count) / rate:.0f} s left" if self.total and rate > 0 else ""
            logger.info("mediadiff: %d/%s stories (%.2f/s%s)", self.count, self.total or "?", rate, eta)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
