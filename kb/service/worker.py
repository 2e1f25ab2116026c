"""The one ingestion worker: takes jobs from the queue in order and runs them, so that only
one process ever writes the index (no two writers race for Whoosh's lock).

It holds the instance's writer lock (kb.service.writer_lock) for its whole life: a second
worker refuses to start, and ``kb ingest`` hands its work to the running worker instead of
writing itself. Jobs a stopped worker left running are queued again, in their place, by the
next one.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from kb.config import Config, instance_path
from kb.errors import InstanceError, KbError
from kb.service import jobs
from kb.service.db import connect_instance
from kb.service.writer_lock import WriterLock

log = logging.getLogger(__name__)
#: Seconds a request waits for the writer lock held by another short writer (not a worker)...
EDIT_WAIT_SECONDS = 5.0
#: ...looking again this often.
LOCK_POLL_SECONDS = 0.05


def report_dict(report) -> dict:
    """An IngestReport as JSON-ready data (what a job keeps and ``kb ingest`` prints)."""
    return {"added": report.added, "updated": report.updated, "removed": report.removed,
            "unchanged": report.unchanged, "skipped": report.skipped,
            "excluded": report.excluded, "failed": [list(f) for f in report.failed],
            "ocr_skipped": [[p, pages] for p, pages in report.ocr_skipped],
            "rebuilt": report.rebuilt, "resumed": report.resumed, "ok": report.ok}


def run_job(job: jobs.Job, config: Config) -> dict:
    """Do what one job asks; returns its report."""
    from kb.ingest.pipeline import ingest

    if job.kind in ("ingest", "rebuild", "watch"):
        # A watch job reads what changed in its watched folders, not the folders whole.
        report = ingest([Path(p) for p in job.payload["paths"]], config,
                        rebuild=job.kind == "rebuild" or bool(job.payload.get("rebuild")),
                        exclude=job.payload.get("exclude", ()),
                        changed=job.payload.get("changed") if job.kind == "watch" else None)
        return report_dict(report)
    if job.kind == "upload":
        from kb.service.uploads import run_upload

        return run_upload(job, config)
    if job.kind == "edit":
        from kb.service.editing import run_edit

        return run_edit(job, config)
    raise InstanceError(f"job kind {job.kind!r} has no runner yet",
                        f"Chưa chạy được loại tác vụ «{job.kind}».")


def process_next(conn, config: Config) -> jobs.Job | None:
    """Run the oldest queued job to its end (done or failed); None when none was waiting.

    Only the holder of the writer lock may call this.
    """
    job = jobs.claim_next(conn)
    return None if job is None else run_claimed(conn, job, config)


def run_claimed(conn, job: jobs.Job, config: Config) -> jobs.Job:
    """Run a job this writer has claimed to its end (done or failed); returns it as it ended."""
    try:
        jobs.finish(conn, job.id, run_job(job, config))
    except KbError as exc:
        jobs.fail(conn, job.id, exc.user_message())
    except Exception as exc:  # one broken job must not stop the queue
        log.exception("job %d failed", job.id)
        jobs.fail(conn, job.id, f"lỗi không mong đợi: {type(exc).__name__}: {exc}")
    return jobs.get(conn, job.id)


def run_queued_edits(conn, config: Config) -> int:
    """Run the queued edit jobs (only the holder of the writer lock calls this); how many ran.
    Whoever writes the index without being the worker runs them before letting it go."""
    done = 0
    while (claimed := jobs.claim_next(conn, kind="edit")) is not None:
        run_claimed(conn, claimed, config)
        done += 1
    return done


def run_now_or_queue(conn, job: jobs.Job, config: Config,
                     wait_seconds: float = EDIT_WAIT_SECONDS) -> jobs.Job:
    """Run a queued edit job now unless a worker will: with the writer lock free (or freed
    within ``wait_seconds``, as after another request's edit), run every queued edit job, this
    one included, and release it; while a worker holds the lock, leave the job to it. Returns
    the job as it is then."""
    lock = WriterLock(instance_path(config), role="edit")
    deadline = time.monotonic() + wait_seconds
    while True:
        if lock.acquire():
            with lock:  # edits are short; uploads and ingestions are left to the worker
                run_queued_edits(conn, config)
            return jobs.get(conn, job.id)
        if lock.holder_role() == "worker" or time.monotonic() >= deadline:
            return jobs.get(conn, job.id)
        time.sleep(LOCK_POLL_SECONDS)  # the holder is another process: nothing to wait on


def run_worker(config: Config, stop: threading.Event | None = None, once: bool = False,
               poll_seconds: float = 1.0, on_job=None) -> int:
    """Take jobs until ``stop`` is set (or, with ``once``, until the queue is empty); returns
    how many ran. Raises InstanceError when another worker holds the writer lock."""
    stop = stop or threading.Event()
    lock = WriterLock(instance_path(config), role="worker")
    conn = connect_instance(config)  # creates the instance folder the lock lives in
    try:
        if not lock.acquire():
            raise InstanceError(f"another process holds {lock.path}",
                                "Đã có một bộ nạp (kb worker) hoặc một lệnh kb ingest đang ghi "
                                "chỉ mục này. Chỉ được chạy một bộ nạp.")
        with lock:
            again = jobs.requeue_running(conn)
            if again:
                log.warning("queued again %d job(s) a stopped worker left running", again)
            done = 0
            while not stop.is_set():
                job = process_next(conn, config)
                if job is None:
                    if once:
                        break
                    stop.wait(poll_seconds)  # a new row has no event to wait on
                    continue
                done += 1
                if on_job is not None:
                    on_job(job)
            return done
    finally:
        conn.close()
