"""One writer: the ingestion worker runs queued jobs in order; `kb ingest` defers to it.

Given small real-Vietnamese text folders, when jobs are queued (as `kb ingest`, uploads and
the folder watch will), then one worker runs them one at a time in the order they came, a
second worker refuses to start, and jobs a stopped worker left running run again.
"""

from __future__ import annotations

import threading
import time
from contextlib import closing

import pytest
from click.testing import CliRunner

from kb.cli import cli
from kb.config import instance_path
from kb.errors import InstanceError
from kb.index.search import Searcher
from kb.service import jobs
from kb.service.db import connect_instance
from kb.service.worker import process_next, run_worker
from kb.service.writer_lock import WriterLock


@pytest.fixture
def config(make_config):
    return make_config()


@pytest.fixture
def db(config):
    with closing(connect_instance(config)) as conn:
        yield conn


def test_jobs_run_in_the_order_they_came(config, db, vietnamese_files):
    first, second = vietnamese_files(3, "dot-1"), vietnamese_files(2, "dot-2")
    a = jobs.submit(db, "ingest", {"paths": [str(first)]})
    b = jobs.submit(db, "ingest", {"paths": [str(second)]})
    missing = jobs.submit(db, "ingest", {"paths": [str(first.parent / "khong-co")]})
    ran = []
    assert run_worker(config, once=True, on_job=ran.append) == 3
    assert [j.id for j in ran] == [a.id, b.id, missing.id]
    done = [jobs.get(db, j.id) for j in (a, b, missing)]
    assert [j.status for j in done] == ["done", "done", "done"]
    assert len(done[0].report["added"]) == 3 and len(done[1].report["added"]) == 2
    assert done[0].started_at and done[0].finished_at
    assert not done[2].report["ok"] and "không tồn tại" in done[2].report["failed"][0][1]
    with Searcher(config) as searcher:
        assert searcher.doc_count == 5


def test_a_job_that_cannot_run_fails_alone(config, db, vietnamese_files):
    # Every kind has a runner now; a job whose payload its runner cannot use stands for a
    # runner that breaks (a watch job naming no folder).
    bad = jobs.submit(db, "watch", {"changed": ["/tmp/khong-co.txt"]})
    good = jobs.submit(db, "ingest", {"paths": [str(vietnamese_files(1))]})
    run_worker(config, once=True)
    assert jobs.get(db, bad.id).status == "failed"
    assert "lỗi không mong đợi" in jobs.get(db, bad.id).error
    assert jobs.get(db, good.id).status == "done"


def test_only_one_worker_at_a_time(config, db):
    held = WriterLock(instance_path(config))
    assert held.acquire()
    try:
        with pytest.raises(InstanceError) as err:
            run_worker(config, once=True)
        assert "Chỉ được chạy một bộ nạp" in err.value.user_message()
    finally:
        held.release()
    assert run_worker(config, once=True) == 0


def test_jobs_a_stopped_worker_left_running_run_again(config, db, vietnamese_files):
    job = jobs.submit(db, "ingest", {"paths": [str(vietnamese_files(2))]})
    assert jobs.claim_next(db).id == job.id  # the worker that took it died here
    assert jobs.claim_next(db) is None
    assert run_worker(config, once=True) == 1
    assert jobs.get(db, job.id).status == "done"


def _ingest_in_a_thread(config, db, folder):
    """Start `kb ingest folder` in a thread; return once it has queued its job (up to 60 s)."""
    result = {}

    def run_cli():
        result["out"] = CliRunner().invoke(cli, ["--index", config["index"], "ingest",
                                                 str(folder)], catch_exceptions=False)

    thread = threading.Thread(target=run_cli)
    thread.start()
    deadline = time.monotonic() + 60
    while not jobs.recent(db) and time.monotonic() < deadline:
        time.sleep(0.05)  # waiting for the other thread's row to appear
    return thread, result


def test_kb_ingest_hands_its_work_to_the_running_worker(config, db, vietnamese_files):
    folder = vietnamese_files(2)
    worker = WriterLock(instance_path(config))  # a worker is running
    assert worker.acquire()
    thread, result = _ingest_in_a_thread(config, db, folder)
    try:
        (job,) = jobs.recent(db)
        assert job.payload["paths"] == [str(folder.resolve())]
        assert process_next(db, config).status == "done"  # what the worker does
        thread.join(timeout=60)
    finally:
        worker.release()
    out = result["out"]
    assert out.exit_code == 0
    assert f"đã xếp tác vụ số {job.id} vào hàng đợi" in out.output
    assert "Thêm mới: 2" in out.output


def test_a_waiting_kb_ingest_runs_the_queue_once_the_writer_is_gone(config, db,
                                                                    vietnamese_files):
    folder = vietnamese_files(3)
    other = WriterLock(instance_path(config))  # another `kb ingest`, which runs no queue
    assert other.acquire()
    thread, result = _ingest_in_a_thread(config, db, folder)
    other.release()  # that run ends without touching the queue
    thread.join(timeout=120)
    assert not thread.is_alive()
    out = result["out"]
    assert out.exit_code == 0 and "Thêm mới: 3" in out.output
    assert [j.status for j in jobs.recent(db)] == ["done"]


def test_kb_ingest_without_a_worker_writes_itself(config, vietnamese_files):
    out = CliRunner().invoke(cli, ["--index", config["index"], "ingest",
                                   str(vietnamese_files(2))], catch_exceptions=False)
    assert out.exit_code == 0 and "Thêm mới: 2" in out.output and "hàng đợi" not in out.output
    lock = WriterLock(instance_path(config))
    assert lock.acquire()  # the run let the writer lock go
    lock.release()
