"""Folder watch: files added, changed or removed in watched folders become queued jobs.

A watchdog observer reports file-system events; those the ingestion would not read anyway
(editor temp files, hidden files, files the ignore rules of kb.ingest.ignore skip) are dropped,
the rest go to a :class:`Debouncer`. Once no event has come for ``watch_debounce_seconds``
(or events kept coming for ten times that long) the changes so far become one ``watch`` job:
an ingestion of the watched folders they lie in, which reads new and changed files (unchanged
ones are skipped by their hash) and removes from the index the documents whose file is gone.
The job goes to the queue (kb.service.jobs); when no worker holds the writer lock, the watch
runs the queue itself, as ``kb ingest`` does.

``kb watch DIR...`` runs one; with ``watch_dirs`` set, ``kb serve`` runs one in a single of
its processes (the one that takes the instance's ``watch.lock``).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from contextlib import closing
from pathlib import Path
from typing import Callable, Iterable

from kb.config import Config, instance_path
from kb.ingest.ignore import IgnoreRules
from kb.service import jobs
from kb.service.db import connect_instance
from kb.service.writer_lock import WriterLock

log = logging.getLogger(__name__)

#: The lock file whose holder is the one process of ``kb serve`` that watches ``watch_dirs``.
WATCH_LOCK_FILE = "watch.lock"
#: Name endings of files editors and downloads write on the way to the real one.
TEMP_SUFFIXES = ("~", ".swp", ".swo", ".swx", ".tmp", ".temp", ".part", ".crdownload",
                 ".partial", ".kate-swp", ".bak")
#: Name beginnings of files ingestion never reads (hidden, Office owner files, Emacs autosaves).
SKIPPED_PREFIXES = (".", "~$", "#")
#: How long events may keep coming, in debounce delays, before their job is queued anyway.
MAX_WAIT_DELAYS = 10
#: Seconds between two looks at the debouncer.
TICK_SECONDS = 0.25


def worth_queueing(root: Path, path: Path) -> bool:
    """Whether a change at ``path`` (under the watched folder ``root``) is one ingestion would
    read: not the folder itself, not in a hidden or ``_`` folder, not an editor temp or hidden
    file, not a file the ignore rules (default list, ``.kbignore``) skip."""
    try:
        rel = Path(path).relative_to(root)
    except ValueError:
        return False
    if not rel.parts or any(p.startswith((".", "_")) for p in rel.parts[:-1]):
        return False
    name = rel.parts[-1]
    if name.startswith(SKIPPED_PREFIXES) or name.lower().endswith(TEMP_SUFFIXES):
        return False
    return not IgnoreRules(root).skips(Path(path))


class Debouncer:
    """Changed paths by watched folder, handed out together once the events have settled.

    ``clock`` gives seconds (``time.monotonic`` by default; tests pass their own).
    """

    def __init__(self, delay: float, clock: Callable[[], float] = time.monotonic,
                 max_wait: float | None = None):
        self.delay = delay
        self.max_wait = MAX_WAIT_DELAYS * delay if max_wait is None else max_wait
        self._clock = clock
        self._lock = threading.Lock()
        self._pending: dict[str, set[str]] = {}
        self._first: float | None = None
        self._last: float | None = None

    def add(self, root: str, path: str) -> None:
        """Note a change at ``path`` under the watched folder ``root``."""
        with self._lock:
            now = self._clock()
            if self._first is None:
                self._first = now
            self._last = now
            self._pending.setdefault(root, set()).add(path)

    def due(self) -> dict[str, list[str]]:
        """The pending changes (folder -> sorted paths) if no event came for ``delay`` seconds
        or the first one is ``max_wait`` old, and forget them; else an empty dict."""
        with self._lock:
            if self._last is None:
                return {}
            now = self._clock()
            if now - self._last < self.delay and now - self._first < self.max_wait:
                return {}
            batch = {root: sorted(paths) for root, paths in sorted(self._pending.items())}
            self._pending, self._first, self._last = {}, None, None
            return batch


def _event_paths(event) -> list[str]:
    """The paths a watchdog event is about (both ends of a move)."""
    if event.event_type in ("opened", "closed_no_write"):
        return []
    if event.is_directory and event.event_type in ("modified", "closed"):
        return []  # a folder's own time changed: the file events say what happened
    paths = [event.src_path, getattr(event, "dest_path", "") or ""]
    return [os.fsdecode(p) for p in paths if p]


class FolderWatch:
    """Watches ``roots`` and queues a ``watch`` job for each settled batch of changes.

    With ``run_jobs``, the queue is run here whenever no other process holds the writer lock.
    ``on_job`` sees each job queued (status queued) and each job this watch ran.
    """

    def __init__(self, config: Config, roots: Iterable[Path], run_jobs: bool = True,
                 on_job: Callable[[jobs.Job], None] | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.config = config
        self.roots = sorted({Path(r).resolve() for r in roots}, key=lambda p: -len(p.parts))
        self.debouncer = Debouncer(float(config["watch_debounce_seconds"]), clock)
        self.run_jobs = run_jobs
        self.on_job = on_job or (lambda job: None)

    def note(self, path: str) -> None:
        """Take one changed path from the observer (dropped unless worth queueing)."""
        for root in self.roots:  # deepest first: a nested watched folder owns its files
            if Path(path).is_relative_to(root):
                if worth_queueing(root, Path(path)):
                    self.debouncer.add(str(root), path)
                return

    def tick(self) -> jobs.Job | None:
        """Queue the settled changes as one job (and run the queue if nobody writes); returns
        the job queued, if any."""
        batch = self.debouncer.due()
        if not batch:
            return None
        with closing(connect_instance(self.config)) as conn:
            job = jobs.submit(conn, "watch", {
                "paths": list(batch), "changed": [p for paths in batch.values() for p in paths]})
        log.info("queued watch job %d for %d change(s)", job.id, len(job.payload["changed"]))
        self.on_job(job)
        if self.run_jobs:
            self.drain()
        return job

    def drain(self) -> int:
        """Run the queued jobs here if no other process holds the writer lock; how many ran."""
        from kb.service.worker import process_next

        lock = WriterLock(instance_path(self.config))
        if not lock.acquire():
            return 0  # a worker (or a kb ingest) writes: it runs the queue
        ran = 0
        with lock, closing(connect_instance(self.config)) as conn:
            jobs.requeue_running(conn)
            while (job := process_next(conn, self.config)) is not None:
                ran += 1
                self.on_job(job)
        return ran

    def run(self, stop: threading.Event, on_ready: Callable[[], None] | None = None) -> None:
        """Watch until ``stop`` is set; ``on_ready`` is called once the observer runs (changes
        from then on are seen)."""
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        watch = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event):
                for path in _event_paths(event):
                    watch.note(path)

        connect_instance(self.config).close()  # the instance folder holds the locks
        observer = Observer()
        for root in self.roots:
            observer.schedule(Handler(), str(root), recursive=True)
        observer.start()
        try:
            if on_ready is not None:
                on_ready()
            while not stop.wait(TICK_SECONDS):  # polls the debouncer: its deadline moves
                try:
                    self.tick()
                except Exception:  # noqa: BLE001 - a failed tick must not end the watch
                    log.exception("folder watch: could not queue the changes")
        finally:
            observer.stop()
            observer.join()


def start_in_server(config: Config, stop: threading.Event | None = None
                    ) -> threading.Thread | None:
    """In a ``kb serve`` process: watch ``watch_dirs`` in a background thread, unless another
    process already watches them (the holder of ``watch.lock``). Returns the thread or None.

    The thread's ingestions run without worker processes (no fork from a threaded server);
    it watches until ``stop`` is set (by default, for the process's life).
    """
    dirs = [Path(d) for d in config["watch_dirs"]]
    existing = [d for d in dirs if d.is_dir()]
    for missing in sorted(set(dirs) - set(existing)):
        log.warning("watch_dirs: %s is not a folder; not watched", missing)
    if not existing:
        return None
    connect_instance(config).close()
    lock = WriterLock(instance_path(config), WATCH_LOCK_FILE)
    if not lock.acquire():
        return None
    watch = FolderWatch(Config({**config, "workers": 1}), existing)

    def run():
        with lock:
            watch.run(stop or threading.Event())

    thread = threading.Thread(target=run, name="kb-folder-watch", daemon=True)
    thread.start()
    return thread
