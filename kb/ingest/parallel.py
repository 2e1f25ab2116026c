"""Word segmentation on the other cores while the main process parses and writes the index.

underthesea's segmentation is most of the cost of ingestion and Whoosh's writing most of the
rest; both are single-threaded, so segmentation runs in a small pool of worker processes and
the writer consumes their results in order. When a pool cannot be had (or is not worth its
start-up on a few files) the same function runs inline.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from kb.analysis.analyzer import Analysis, analyze

log = logging.getLogger(__name__)

#: Below this many files to (re)index, starting worker processes costs more than it saves.
MIN_FILES_FOR_POOL = 24


def analyze_texts(texts: tuple[str, ...]) -> list[Analysis]:
    """Analyses of several texts (runs in a worker process)."""
    return [analyze(text) for text in texts]


def worker_count(setting: int, files: int) -> int:
    """How many worker processes to use: ``setting`` 0 means one per core beyond the first."""
    if files < MIN_FILES_FOR_POOL or setting == 1:
        return 0
    if setting > 1:
        return setting
    return max(0, min(2, (os.cpu_count() or 1)))


class Analyzer:
    """Submits texts for analysis, to a process pool when there is one, else inline."""

    def __init__(self, workers: int):
        self.pool = None
        if workers > 0:
            # Loading the segmenter's model once here lets forked workers inherit it.
            analyze("Khởi động bộ tách từ.")
            context = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
            self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)

    def submit(self, *texts: str) -> Future:
        """A future of the analyses of ``texts``."""
        if self.pool is not None:
            try:
                return self.pool.submit(analyze_texts, texts)
            except (BrokenProcessPool, RuntimeError) as exc:
                log.warning("analysis pool unavailable (%s); analysing inline", exc)
                self.pool = None
        future: Future = Future()
        try:
            future.set_result(analyze_texts(texts))
        except Exception as exc:  # reported per file by the caller
            future.set_exception(exc)
        return future

    def close(self) -> None:
        """Stop the workers."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None
