"""One index Searcher per server thread, opened lazily and refreshed on every request.

Whoosh searchers are not safe to share between threads, and waitress serves requests from a
small pool of threads, so each thread keeps its own. Opening is lazy because the index may not
exist yet when the server starts (``kb ingest`` can be run afterwards without a restart).
"""

from __future__ import annotations

import logging
import threading

from kb.config import Config
from kb.errors import KbError
from kb.index.search import Searcher

log = logging.getLogger(__name__)


class SearcherPool:
    """Hands each thread its own up-to-date Searcher over one index."""

    def __init__(self, config: Config):
        self.config = config
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[Searcher] = []

    def get(self) -> Searcher:
        """This thread's Searcher, showing every commit made so far (raises KbError subclasses)."""
        searcher = getattr(self._local, "searcher", None)
        if searcher is not None:
            try:
                searcher.refresh()
                return searcher
            except Exception as exc:  # noqa: BLE001 - a rebuilt or deleted index: reopen below
                log.info("reopening the index after refresh failed: %r", exc)
                self._forget(searcher)
        searcher = Searcher(self.config)  # IndexMissingError / SchemaMismatchError go to the user
        self._local.searcher = searcher
        with self._lock:
            self._open.append(searcher)
        return searcher

    def _forget(self, searcher: Searcher) -> None:
        self._local.searcher = None
        with self._lock:
            if searcher in self._open:
                self._open.remove(searcher)
        try:
            searcher.close()
        except (KbError, OSError, ValueError):  # already half-closed by refresh
            pass

    def close_all(self) -> None:
        """Close every thread's Searcher (tests and shutdown)."""
        with self._lock:
            opened, self._open = self._open, []
        for searcher in opened:
            try:
                searcher.close()
            except (OSError, ValueError):
                pass
        self._local = threading.local()


def get_searcher() -> Searcher:
    """The current thread's Searcher for the running app, refreshed."""
    from flask import current_app

    return current_app.extensions["kb_searchers"].get()
