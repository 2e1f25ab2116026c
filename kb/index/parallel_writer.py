"""Index on several cores: worker processes analyse and index documents into segments of their own.

Segmenting words with underthesea and Whoosh's own indexing are both single-threaded Python.
With only the segmentation in worker processes, the main process still ran every posting
through Whoosh and wrote them all at commit, alone, while the other core idled. Here each worker
process holds a Whoosh ``SegmentWriter``: it analyses the documents it is sent, indexes them and,
at the end, writes its own segment. The main process parses files, deletes the documents that
are replaced or gone, and commits once: the new table of contents lists the old segments and the
workers' new ones, so nothing is visible, and nothing is lost, before that commit.

A document whose analysis fails is reported (``failures``) and the version already in the index,
if any, is kept. A worker that dies loses its segment: its documents are reported failed.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue as queues

from whoosh.writing import SegmentWriter

from kb.index.analyzers import cached_analyze

log = logging.getLogger(__name__)

#: Below this many files, starting worker processes costs more than it saves.
MIN_FILES_FOR_POOL = 24
#: Documents waiting for each worker (bounds the memory of parsed texts in flight).
QUEUE_DEPTH = 32
#: Seconds to wait for a worker's segment after the last document before giving up on it.
FINISH_TIMEOUT = 3600


def worker_count(setting: int, files: int) -> int:
    """How many indexing processes to use for ``files`` files: ``setting`` 0 means one per core
    (at most 4; each adds a segment), 1 means none (everything in this process)."""
    if files < MIN_FILES_FOR_POOL or setting == 1:
        return 0
    if setting > 1:
        return setting
    cores = os.cpu_count() or 1
    return min(4, cores) if cores > 1 else 0


def _work(ix, writer_args: dict, jobs, results, parent: int) -> None:
    """Body of a worker process: index the documents of ``jobs`` into one new segment
    (``parent``: the pid of the process that will commit it)."""
    writer = SegmentWriter(ix, _lk=False, **writer_args)
    try:
        while True:
            try:
                fields = jobs.get(timeout=5.0)
            except queues.Empty:
                if os.getppid() != parent:  # the parent was killed: nobody will commit this
                    writer.cancel()
                    return
                continue
            if fields is None:
                break
            try:
                # Analysed here, before Whoosh sees the document: a failure leaves no postings.
                cached_analyze(fields["syl"])
                cached_analyze(fields["title"])
            except Exception as exc:  # one document fails, not the batch
                results.put(("failed", fields["id"], f"{type(exc).__name__}: {exc}"))
                continue
            writer.add_document(**fields)
            results.put(("ok", fields["id"], None))
        segment = writer._finalize_segment() if writer._added else None
        if segment is None:
            writer._close_segment()
        results.put(("segment", os.getpid(), segment))
    except BaseException as exc:  # the segment is lost: say so, the parent reports its documents
        results.put(("crashed", os.getpid(), f"{type(exc).__name__}: {exc}"))


class ParallelWriter(SegmentWriter):
    """A Whoosh writer whose added documents are indexed by ``workers`` processes.

    Deletions happen here, on the segments that existed when the writer was opened; additions
    go to the workers in turn. ``commit`` waits for the workers' segments and writes one table
    of contents; ``cancel`` stops them and leaves the index as it was.
    """

    def __init__(self, ix, workers: int, **writer_args):
        super().__init__(ix, **writer_args)
        self._ix = ix
        self._workers = workers
        self._writer_args = {k: v for k, v in writer_args.items() if k in ("limitmb", "codec")}
        self._procs: list = []
        self._jobs: list = []
        self._results = None
        self._turn = 0
        self._sent: list[list[str]] = [[] for _ in range(workers)]
        self._replaced: set[str] = set()
        #: id → reason of the documents that could not be indexed (known after commit).
        self.failures: dict[str, str] = {}

    def _start(self) -> None:
        # The underthesea model is loaded before forking, so every worker shares it.
        cached_analyze("Khởi động bộ tách từ.")
        context = multiprocessing.get_context("fork")
        self._results = context.Queue()
        self._jobs = [context.Queue(QUEUE_DEPTH) for _ in range(self._workers)]
        # The parent's pid is taken here: a worker asking os.getppid() at its start could
        # already see init's, if the parent had been killed meanwhile.
        self._procs = [context.Process(target=_work, daemon=True,
                                       args=(self._ix, self._writer_args, jobs, self._results,
                                             os.getpid()))
                       for jobs in self._jobs]
        for proc in self._procs:
            proc.start()

    def add_document(self, **fields):
        """Send a document to the next worker (the workers start with the first one)."""
        if not self._procs:
            self._start()
        i = self._turn
        self._turn = (i + 1) % len(self._jobs)
        self._sent[i].append(fields["id"])
        self._jobs[i].put(fields)

    def update_document(self, **fields):
        """Replace the document with this id (the old one is deleted only if the new one
        was indexed)."""
        self._replaced.add(fields["id"])
        self.add_document(**fields)

    def _gather(self) -> list:
        if not self._procs:
            return []
        for jobs in self._jobs:
            jobs.put(None)
        done, segments, crashed = set(), [], set()
        pids = {proc.pid: i for i, proc in enumerate(self._procs)}
        while len(done | crashed) < len(self._procs):
            try:
                kind, key, value = self._results.get(timeout=1.0)
            except queues.Empty:
                for pid, i in pids.items():
                    if pid not in done | crashed and not self._procs[i].is_alive():
                        crashed.add(pid)
                        log.error("index worker %s died (exit code %s)", pid,
                                  self._procs[i].exitcode)
                continue
            if kind == "failed":
                self.failures[key] = value
            elif kind == "segment":
                done.add(key)
                if value is not None:
                    segments.append(value)
            elif kind == "crashed":
                crashed.add(key)
                log.error("index worker %s failed: %s", key, value)
        for proc in self._procs:
            proc.join(timeout=FINISH_TIMEOUT)
        for pid in crashed:
            for doc_id in self._sent[pids[pid]]:
                self.failures.setdefault(doc_id, "tiến trình lập chỉ mục bị dừng")
        return segments

    def commit(self, mergetype=None, optimize=None, merge=None):
        """Wait for the workers' segments, delete what they replace, write one new table of
        contents."""
        self._check_state()
        try:
            segments = self._gather()
        except BaseException:
            self.cancel()
            raise
        for doc_id in self._replaced - set(self.failures):
            self.delete_by_term("id", doc_id)
        finalsegments = self._merge_segments(mergetype, optimize, merge)
        if self._added:
            finalsegments.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(finalsegments + segments)
        self._finish()

    def cancel(self):
        """Stop the workers; the index keeps its last committed state."""
        for proc in self._procs:
            if proc.is_alive():
                proc.terminate()
        for proc in self._procs:
            proc.join(timeout=10)
        super().cancel()
