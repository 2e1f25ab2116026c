"""The ingestion queue: jobs in the ``jobs`` table, taken strictly in the order they came.

Whatever wants the index written (``kb ingest``, and the web uploads and folder watch to come)
submits a job; the one ingestion worker (kb.service.worker) runs them one at a time.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from kb.errors import ServiceError
from kb.service.db import now, transaction

KINDS = ("upload", "ingest", "watch", "rebuild", "edit")
#: States a job ends in.
FINISHED = ("done", "failed", "cancelled")


@dataclass(frozen=True)
class Job:
    """One job as stored; ``payload`` and ``report`` decoded from JSON."""

    id: int
    kind: str
    status: str
    payload: dict
    submitted_by: int | None
    created_at: str
    started_at: str | None
    finished_at: str | None
    report: dict | None
    error: str | None


def _job(row) -> Job:
    return Job(row["id"], row["kind"], row["status"], json.loads(row["payload"]),
               row["submitted_by"], row["created_at"], row["started_at"], row["finished_at"],
               json.loads(row["report"]) if row["report"] else None, row["error"])


def submit(conn: sqlite3.Connection, kind: str, payload: dict, user=None) -> Job:
    """Queue a job behind those already waiting."""
    if kind not in KINDS:
        raise ValueError(f"unknown job kind {kind!r}")
    cur = conn.execute("INSERT INTO jobs (kind, payload, submitted_by, created_at) "
                       "VALUES (?, ?, ?, ?)", (kind, json.dumps(payload, ensure_ascii=False),
                                               getattr(user, "id", None), now()))
    return get(conn, cur.lastrowid)


def get(conn: sqlite3.Connection, job_id: int) -> Job:
    """The job with this id."""
    row = conn.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
    if row is None:
        raise ServiceError(f"no job {job_id}", f"Không có tác vụ số {job_id}.")
    return _job(row)


def recent(conn: sqlite3.Connection, limit: int = 50) -> list[Job]:
    """The latest jobs, newest first."""
    return [_job(r) for r in conn.execute("SELECT * FROM jobs ORDER BY id DESC LIMIT ?",
                                          (limit,))]


def claim_next(conn: sqlite3.Connection, kind: str | None = None) -> Job | None:
    """Mark the oldest queued job (of ``kind``, when given) running and return it (None when
    none waits)."""
    with transaction(conn):
        row = conn.execute("SELECT id FROM jobs WHERE status = 'queued' AND "
                           "(? IS NULL OR kind = ?) ORDER BY id LIMIT 1", (kind, kind)).fetchone()
        if row is None:
            return None
        conn.execute("UPDATE jobs SET status = 'running', started_at = ? WHERE id = ?",
                     (now(), row["id"]))
    return get(conn, row["id"])


def claim(conn: sqlite3.Connection, job_id: int) -> Job | None:
    """Mark this job running if it is still queued and return it (None: someone took it)."""
    with transaction(conn):
        taken = conn.execute("UPDATE jobs SET status = 'running', started_at = ? "
                             "WHERE id = ? AND status = 'queued'", (now(), job_id)).rowcount
    return get(conn, job_id) if taken else None


def finish(conn: sqlite3.Connection, job_id: int, report: dict) -> None:
    """The job ran to its end (its files may still have failed one by one: see ``report``)."""
    conn.execute("UPDATE jobs SET status = 'done', finished_at = ?, report = ? WHERE id = ?",
                 (now(), json.dumps(report, ensure_ascii=False), job_id))


def set_progress(conn: sqlite3.Connection, job_id: int, progress: dict) -> None:
    """While the job runs: what it has done so far, shown as its report until it finishes."""
    conn.execute("UPDATE jobs SET report = ? WHERE id = ? AND status = 'running'",
                 (json.dumps(progress, ensure_ascii=False), job_id))


def fail(conn: sqlite3.Connection, job_id: int, error: str) -> None:
    """The job stopped on an error before its end."""
    conn.execute("UPDATE jobs SET status = 'failed', finished_at = ?, error = ? WHERE id = ?",
                 (now(), error, job_id))


def requeue_running(conn: sqlite3.Connection) -> int:
    """Put back in the queue, in their place, the jobs a stopped worker left running (only the
    worker holding the writer lock calls this, so no other is running them)."""
    return conn.execute("UPDATE jobs SET status = 'queued', started_at = NULL "
                        "WHERE status = 'running'").rowcount
