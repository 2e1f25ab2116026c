"""Index on several cores: worker processes analyse and index documents into segments of their own.

Segmenting words with underthesea and Whoosh's own indexing are both single-threaded Python.
With only the segmentation in worker processes, the main process still ran every posting
through Whoosh and wrote them all at commit, alone, while the other core idled. Here each worker
process holds a Whoosh ``SegmentWriter``: it analyses the documents it is sent, indexes them and
writes its segment when told. The main process parses files, deletes the documents that are
replaced or gone, and commits: the new table of contents lists the old segments and the
workers' new ones, so nothing is visible, and nothing is lost, before that commit.

At a checkpoint (:class:`kb.index.checkpoint.CheckpointWriter`) every worker writes its segment
and reports it; the main process commits them and only then sends more documents, which the
workers index into new segments. Nothing is written while the main process commits: Whoosh's
commit deletes every segment file its table of contents does not list.

A document whose analysis fails is reported (``failures``) and the version already in the index,
if any, is kept. A worker that dies loses the segment it was writing: the documents sent to it
since the last checkpoint are reported failed, and a new worker takes its place.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue as queues

from whoosh.writing import SegmentWriter

from kb.index.analyzers import cached_analyze
from kb.index.checkpoint import CheckpointWriter

log = logging.getLogger(__name__)

#: Below this many files, starting worker processes costs more than it saves.
MIN_FILES_FOR_POOL = 24
#: Documents waiting for each worker (bounds the memory of parsed texts in flight).
QUEUE_DEPTH = 32
#: Seconds to wait for a worker's segment after the last document before giving up on it.
FINISH_TIMEOUT = 3600
#: Workers started in place of dead ones, per worker, in one run (a crash loop stops here).
RESTARTS_PER_WORKER = 3
#: What tells a worker to write its segment and wait for the next documents.
FLUSH = "flush"
LOST = "tiến trình lập chỉ mục bị dừng"


def worker_count(setting: int, files: int) -> int:
    """How many indexing processes to use for ``files`` files: ``setting`` 0 means one per core
    (at most 4; each adds a segment), 1 means none (everything in this process)."""
    if files < MIN_FILES_FOR_POOL or setting == 1:
        return 0
    if setting > 1:
        return setting
    cores = os.cpu_count() or 1
    return min(4, cores) if cores > 1 else 0


def _drop_lock(fd: int | None) -> None:
    """Close this child's copy of the parent's write-lock descriptor.

    An flock is held while any copy of its descriptor is open: a worker outliving a killed
    parent would keep the index locked. /dev/null takes the number, so nothing can unlock the
    parent's lock through it by mistake.
    """
    if fd is None:
        return
    null = os.open(os.devnull, os.O_RDONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)


def _finish_segment(writer):
    """Write the worker's segment to disk; None when it holds no document."""
    if writer is None:
        return None
    if writer._added:
        return writer._finalize_segment()
    writer._close_segment()
    return None


def _work(ix, writer_args: dict, jobs, results, parent: int, lock_fd: int | None) -> None:
    """Body of a worker process: index the documents of ``jobs`` into a segment, written at
    each FLUSH and at the end (``parent``: the pid of the process that commits them)."""
    _drop_lock(lock_fd)
    writer = None
    try:
        while True:
            try:
                item = jobs.get(timeout=5.0)
            except queues.Empty:
                if os.getppid() != parent:  # the parent was killed: nobody will commit this
                    if writer is not None:  # not cancel(): it would empty the shared temp folder
                        writer._close_segment()
                    return
                continue
            if item is None or item == FLUSH:
                results.put(("segment", os.getpid(), _finish_segment(writer)))
                writer = None  # the next document starts a new segment, after the commit
                if item is None:
                    return
                continue
            try:
                # Analysed here, before Whoosh sees the document: a failure leaves no postings.
                cached_analyze(item["syl"])
                cached_analyze(item["title"])
            except Exception as exc:  # one document fails, not the batch
                results.put(("failed", item["id"], f"{type(exc).__name__}: {exc}"))
                continue
            if writer is None:
                writer = SegmentWriter(ix, _lk=False, **writer_args)
            writer.add_document(**item)
    except BaseException as exc:  # the segment is lost: say so, the parent reports its documents
        results.put(("crashed", os.getpid(), f"{type(exc).__name__}: {exc}"))


class ParallelWriter(CheckpointWriter):
    """A Whoosh writer whose added documents are indexed by ``workers`` processes.

    Deletions happen here, on the committed segments; additions go to the workers in turn.
    ``checkpoint`` and ``commit`` collect the workers' segments and write one table of contents;
    ``cancel`` stops them and leaves the index as its last commit left it.
    """

    def __init__(self, ix, workers: int, **writer_args):
        super().__init__(ix, **writer_args)
        self._ix = ix
        self._workers = workers
        self._writer_args = {k: v for k, v in writer_args.items() if k in ("limitmb", "codec")}
        self._procs: list = []
        self._jobs: list = []
        self._results = None
        self._context = None
        self._turn = 0
        self._restarts = 0
        self._given_up: set[int] = set()
        #: Per worker, the ids sent since the last checkpoint (lost with it if it dies).
        self._sent: list[list[str]] = [[] for _ in range(workers)]
        self._replaced: set[str] = set()
        #: id → reason of the documents that could not be indexed (known after each commit).
        self.failures: dict[str, str] = {}

    def _start(self) -> None:
        # The underthesea model is loaded before forking, so every worker shares it.
        cached_analyze("Khởi động bộ tách từ.")
        self._context = multiprocessing.get_context("fork")
        self._results = self._context.Queue()
        self._procs = [None] * self._workers
        self._jobs = [None] * self._workers
        for i in range(self._workers):
            self._spawn(i)

    def _spawn(self, i: int) -> None:
        jobs = self._context.Queue(QUEUE_DEPTH)
        # The parent's pid is taken here: a worker asking os.getppid() at its start could
        # already see init's, if the parent had been killed meanwhile.
        proc = self._context.Process(target=_work, daemon=True, args=(
            self._ix, self._writer_args, jobs, self._results, os.getpid(),
            getattr(self.writelock, "fd", None)))
        proc.start()
        self._procs[i], self._jobs[i], self._sent[i] = proc, jobs, []

    def _put(self, i: int, item) -> bool:
        """Queue ``item`` for worker ``i``; False when that worker has died."""
        while True:
            try:
                self._jobs[i].put(item, timeout=1.0)
                return True
            except queues.Full:
                if not self._procs[i].is_alive():
                    return False

    def _lost(self, i: int, why: str) -> None:
        """Worker ``i`` died: its documents since the last checkpoint fail."""
        log.error("index worker %s %s", self._procs[i].pid, why)
        for doc_id in self._sent[i]:
            self.failures.setdefault(doc_id, LOST)
        self._sent[i] = []

    def _replace(self, i: int) -> bool:
        """Start a new worker in place of dead worker ``i``, unless too many have died."""
        if self._restarts >= RESTARTS_PER_WORKER * self._workers:
            return False
        self._restarts += 1
        self._spawn(i)
        return True

    def _usable(self, i: int) -> bool:
        """Whether worker ``i`` can take documents (a dead one is replaced while it may be)."""
        if self._procs[i].is_alive():
            return True
        if i in self._given_up:
            return False
        self._lost(i, f"died (exit code {self._procs[i].exitcode})")
        self._procs[i].join(timeout=10)
        if self._replace(i):
            return True
        self._given_up.add(i)
        return False

    def add_document(self, **fields):
        """Send a document to the next live worker (the workers start with the first one)."""
        if not self._procs:
            self._start()
        for _ in range(len(self._procs)):
            i = self._turn
            self._turn = (i + 1) % len(self._procs)
            if self._usable(i) and self._put(i, fields):
                self._sent[i].append(fields["id"])
                return
        self.failures[fields["id"]] = LOST  # every worker is dead and none may be restarted

    def update_document(self, **fields):
        """Replace the document with this id (the old one is deleted only if the new one
        was indexed)."""
        self._replaced.add(fields["id"])
        self.add_document(**fields)

    def _collect(self, final: bool) -> list:
        """Have every worker write its segment; their segments (FLUSH, or the end if ``final``)."""
        if not self._procs:
            return []
        waiting, segments = {}, []
        for i, proc in enumerate(self._procs):
            if proc.is_alive() and self._put(i, None if final else FLUSH):
                waiting[proc.pid] = i
            elif self._sent[i]:
                self._lost(i, f"died (exit code {proc.exitcode})")
        while waiting:
            try:
                self._take(self._results.get(timeout=1.0), waiting, segments)
            except queues.Empty:
                dead = [pid for pid, i in waiting.items() if not self._procs[i].is_alive()]
                if dead:  # what a worker sent just before it exited is in the pipe: read it first
                    self._drain(waiting, segments)
                for pid in (p for p in dead if p in waiting):
                    i = waiting.pop(pid)
                    self._lost(i, f"died (exit code {self._procs[i].exitcode})")
        self._sent = [[] for _ in self._procs]
        if final:
            for proc in self._procs:
                proc.join(timeout=FINISH_TIMEOUT)
        return segments

    def _take(self, message: tuple, waiting: dict, segments: list) -> None:
        """Act on one message of a worker."""
        kind, key, value = message
        if kind == "failed":
            self.failures[key] = value
        elif kind == "segment" and key in waiting:
            del waiting[key]
            if value is not None:
                segments.append(value)
        elif kind == "crashed" and key in waiting:
            self._lost(waiting.pop(key), f"failed: {value}")

    def _drain(self, waiting: dict, segments: list) -> None:
        while True:
            try:
                self._take(self._results.get(timeout=0.2), waiting, segments)
            except queues.Empty:
                return

    def _gather(self, final: bool) -> list:
        """The workers' segments; then the replaced documents are deleted from the old ones
        (not those whose new version failed)."""
        segments = self._collect(final)
        for doc_id in self._replaced - set(self.failures):
            self.delete_by_term("id", doc_id)
        self._replaced.clear()
        return segments

    def cancel(self):
        """Stop the workers; the index keeps its last committed state."""
        for proc in self._procs:
            if proc.is_alive():
                proc.terminate()
        for proc in self._procs:
            proc.join(timeout=10)
        super().cancel()
