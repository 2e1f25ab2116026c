"""Folder watch: `kb watch DIR…` and `watch_dirs` queue the files added, changed or removed.

Given a watched folder of real Vietnamese text, when a report is added, rewritten and deleted,
then each settled batch of changes becomes one queued job whose run makes the new report
searchable, the rewritten one searchable by its new words only, and the deleted one gone;
editor temp files and ignored files queue nothing, and `kb serve` watches in one process only.
"""

from __future__ import annotations

import os
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest

from kb.config import load_config
from kb.index.search import Searcher
from kb.service import jobs
from kb.service.db import connect_instance
from kb.service.watch import Debouncer, FolderWatch, start_in_server, worth_queueing
from web_support import until as _until

#: Generous: the observer and an ingestion on a loaded 2-core machine.
WAIT_SECONDS = 30


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_events_coalesce_until_they_settle():
    clock = FakeClock()
    debouncer = Debouncer(2.0, clock)
    assert debouncer.due() == {}
    debouncer.add("/vb", "/vb/bao-cao.docx")
    clock.now += 1.5
    debouncer.add("/vb", "/vb/bao-cao.docx")  # saved again: the quiet period starts anew
    debouncer.add("/vb", "/vb/to-trinh.txt")
    clock.now += 1.5
    assert debouncer.due() == {}
    clock.now += 0.6
    assert debouncer.due() == {"/vb": ["/vb/bao-cao.docx", "/vb/to-trinh.txt"]}
    assert debouncer.due() == {}  # handed out once


def test_a_steady_stream_of_changes_is_queued_anyway():
    clock = FakeClock()
    debouncer = Debouncer(2.0, clock)  # at most 10 delays of waiting
    for _ in range(19):
        debouncer.add("/vb", "/vb/nhat-ky.txt")
        clock.now += 1.0
        assert debouncer.due() == {}
    debouncer.add("/vb", "/vb/nhat-ky.txt")
    clock.now += 1.0
    assert debouncer.due() == {"/vb": ["/vb/nhat-ky.txt"]}


def test_temp_hidden_and_ignored_files_queue_nothing(tmp_path):
    root = tmp_path / "van-ban"
    (root / "nhap").mkdir(parents=True)
    (root / ".kbignore").write_text("nhap/\n*.csv\n", encoding="utf-8")
    assert worth_queueing(root, root / "bao-cao-thang-5.docx")
    assert worth_queueing(root, root / "2024" / "nghi-quyet.pdf")
    for name in ("bao-cao.docx~", ".bao-cao.txt.swp", "~$bao-cao.docx", "#bao-cao.txt#",
                 "tai-ve.pdf.part", "bang.tmp", "README.md", "SOURCE.txt", "so-lieu.csv",
                 "nhap/du-thao.docx", ".git/config", "_tam/bao-cao.txt"):
        assert not worth_queueing(root, root / name), name
    assert not worth_queueing(root, tmp_path / "khac" / "bao-cao.txt")
    assert not worth_queueing(root, root)


def _wait_for_job(config, after: int, key: str, path: Path) -> jobs.Job:
    """The first finished watch job after id ``after`` whose report lists ``path`` under ``key``
    (waits up to WAIT_SECONDS, looking at the jobs table)."""
    deadline = time.monotonic() + WAIT_SECONDS
    with closing(connect_instance(config)) as conn:
        while time.monotonic() < deadline:
            for job in jobs.recent(conn):
                if job.id > after and job.kind == "watch" and job.status in jobs.FINISHED:
                    assert job.status == "done", job.error
                    if str(path) in job.report[key]:
                        return job
            time.sleep(0.1)  # another thread's rows: nothing to wait on
    raise AssertionError(f"no watch job listed {path} as {key} within {WAIT_SECONDS} s")


def _titles(config, query: str) -> list[str]:
    with Searcher(config) as searcher:
        return [r.path for r in searcher.search(query, limit=20).results]


@pytest.fixture
def watched(make_config, tmp_path):
    """A running folder watch on tmp_path/van-ban (short debounce): (config, folder)."""
    config = make_config(watch_debounce_seconds=0.3)
    folder = tmp_path / "van-ban"
    folder.mkdir()
    stop, ready = threading.Event(), threading.Event()
    watch = FolderWatch(config, [folder])
    thread = threading.Thread(target=watch.run, args=(stop, ready.set), daemon=True)
    thread.start()
    assert ready.wait(WAIT_SECONDS)
    yield config, folder.resolve()
    stop.set()
    thread.join(WAIT_SECONDS)


def test_added_changed_and_deleted_files_reach_the_index(watched):
    config, folder = watched
    report = folder / "bao-cao-chi-bo.txt"
    report.write_text("Báo cáo kết quả sinh hoạt chi bộ tháng 5\nChi bộ đã tổ chức học tập "
                      "nghị quyết về công tác phòng chống tham nhũng, lãng phí.\n",
                      encoding="utf-8")
    (folder / "bao-cao-chi-bo.txt~").write_text("bản sao của trình soạn thảo", encoding="utf-8")
    added = _wait_for_job(config, 0, "added", report)
    assert added.payload["changed"] == [str(report)]  # the editor's copy queued nothing
    assert _titles(config, "tham nhũng") == [str(report)]

    report.write_text("Báo cáo kết quả sinh hoạt chi bộ tháng 6\nChi bộ đã bàn về công tác "
                      "chuyển đổi số và cải cách hành chính.\n", encoding="utf-8")
    updated = _wait_for_job(config, added.id, "updated", report)
    assert _titles(config, "chuyển đổi số") == [str(report)]
    assert _titles(config, "tham nhũng") == []

    report.unlink()
    _wait_for_job(config, updated.id, "removed", report)
    assert _titles(config, "chuyển đổi số") == []


def test_serve_watches_in_one_process_only(make_config, tmp_path):
    folder = tmp_path / "van-ban"
    folder.mkdir()
    config = make_config(watch_dirs=[str(folder)])
    stop = threading.Event()
    first = start_in_server(config, stop)
    try:
        assert first is not None and first.is_alive()
        assert start_in_server(config, stop) is None  # another process of the server
    finally:
        stop.set()
        first.join(WAIT_SECONDS)
    assert not first.is_alive()
    assert start_in_server(make_config(), stop) is None  # nothing to watch


def test_watch_dirs_from_the_environment():
    config = load_config(environ={"KB_WATCH_DIRS": "/srv/van-ban:/srv/bien-ban"})
    assert config["watch_dirs"] == ("/srv/van-ban", "/srv/bien-ban")
    assert load_config(environ={})["watch_dirs"] == ()


def test_a_job_queued_while_a_worker_writes_waits_for_it(make_config, tmp_path,
                                                           vietnamese_files):
    from kb.config import instance_path
    from kb.service.worker import run_worker
    from kb.service.writer_lock import WriterLock

    config = make_config()
    folder = vietnamese_files(2).resolve()
    clock = FakeClock()
    watch = FolderWatch(config, [folder], clock=clock)
    for path in sorted(folder.iterdir()):
        watch.note(str(path))
    assert watch.tick() is None  # not settled yet
    clock.now += 5
    connect_instance(config).close()
    worker = WriterLock(instance_path(config))
    assert worker.acquire()
    try:
        job = watch.tick()
    finally:
        worker.release()
    assert job is not None and len(job.payload["changed"]) == 2
    with closing(connect_instance(config)) as conn:
        assert jobs.get(conn, job.id).status == "queued"  # left to the worker
        assert run_worker(config, once=True) == 1
        done = jobs.get(conn, job.id)
    assert done.status == "done" and len(done.report["added"]) == 2



@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_serve_in_two_processes_watches_once_and_indexes_new_files(make_config, tmp_path):
    import http.client
    import signal
    import socket
    import subprocess
    import sys
    from urllib.parse import quote

    from kb.ingest.pipeline import ingest

    folder = tmp_path / "van-ban"
    folder.mkdir()
    (folder / "to-trinh.txt").write_text("Tờ trình về việc kiện toàn ban chấp hành chi bộ\n"
                                         "Đề nghị bổ sung một đồng chí chi ủy viên.\n",
                                         encoding="utf-8")
    config = make_config()
    assert ingest([folder], config).ok
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root), "KB_SERVE_PROCESSES": "2",
           "KB_SERVE_THREADS": "2", "KB_WATCH_DIRS": str(folder),
           "KB_WATCH_DEBOUNCE_SECONDS": "0.3", "KB_PROGRESS": "never"}
    server = subprocess.Popen([sys.executable, "-m", "kb", "--index", config["index"], "serve",
                               "--port", str(port)], cwd=tmp_path, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def body(query: str) -> str:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            conn.request("GET", "/api/search?q=" + quote(query))
            return conn.getresponse().read().decode("utf-8")
        except OSError:
            return ""
        finally:
            conn.close()

    try:
        assert _until(lambda: "to-trinh.txt" in body("chi ủy viên") or server.poll() is not None,
                      180), "the server did not answer"
        assert server.poll() is None
        (folder / "nghi-quyet-dai-hoi.txt").write_text(
            "Nghị quyết đại hội chi bộ nhiệm kỳ 2025 – 2027\nĐại hội thống nhất đẩy mạnh "
            "phong trào thi đua yêu nước trong cơ quan.\n", encoding="utf-8")
        assert _until(lambda: "nghi-quyet-dai-hoi.txt" in body("thi đua yêu nước"), 120)
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=120)
    assert out.count("Đang theo dõi các thư mục trong watch_dirs") == 1, (out, err)


#: How long the watch may take to print its next line (the machine may be busy).
LINE_TIMEOUT_SECONDS = 600


def test_kb_watch_reports_in_vietnamese_and_stops_on_ctrl_c(make_config, tmp_path):
    import queue
    import signal
    import subprocess
    import sys

    folder = tmp_path / "bien-ban"
    folder.mkdir()
    config = make_config()
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONUNBUFFERED": "1",
           "KB_WATCH_DEBOUNCE_SECONDS": "0.3", "KB_PROGRESS": "never"}
    # A shell without job control starts background commands with SIGINT ignored, and a child
    # inherits that (Python then installs no KeyboardInterrupt handler): give the watch the
    # default disposition a terminal's Ctrl+C meets.
    proc = subprocess.Popen([sys.executable, "-m", "kb", "--index", config["index"], "watch",
                             str(folder)], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    lines: queue.Queue = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout],
                              daemon=True)
    reader.start()

    def wait_for(text: str) -> str:
        # Generous: a first ingest on a loaded machine loads the segmenter and the parsers'
        # sandbox; only a watch that never answers fails.
        seen = []
        while True:
            try:
                line = lines.get(timeout=LINE_TIMEOUT_SECONDS)
            except queue.Empty:
                raise AssertionError(f"{text!r} not printed; got {seen}") from None
            seen.append(line)
            if text in line:
                return line

    try:
        wait_for("Đang theo dõi")
        (folder / "bien-ban-hop-chi-bo.txt").write_text(
            "Biên bản họp chi bộ tháng 3\nChi bộ thảo luận kế hoạch kết nạp đảng viên mới.\n",
            encoding="utf-8")
        wait_for("Đã xếp tác vụ số 1 vào hàng đợi (1 tệp thay đổi)")
        assert "thêm 1, cập nhật 0, xoá 0, lỗi 0" in wait_for("Tác vụ số 1 (watch) xong")
    except BaseException:
        proc.kill()  # what failed is the step above: report it, not a stop that cannot come
        proc.wait(timeout=120)
        raise
    try:
        proc.send_signal(signal.SIGINT)
        wait_for("Đã dừng theo dõi")
        assert proc.wait(timeout=LINE_TIMEOUT_SECONDS) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=120)
        reader.join(120)
        proc.stdout.close()
    assert _titles(config, "kết nạp đảng viên") == [str(folder.resolve() / "bien-ban-hop-chi-bo.txt")]


def _run_watch_job(config, folder: Path, changed: list[Path]) -> dict:
    """Queue a watch job for ``changed`` under ``folder``, let the worker run it; its report."""
    from kb.service.worker import run_worker

    with closing(connect_instance(config)) as conn:
        job = jobs.submit(conn, "watch", {"paths": [str(folder)],
                                          "changed": [str(p) for p in changed]})
        assert run_worker(config, once=True) == 1
        return jobs.get(conn, job.id).report


def test_a_watch_job_reads_only_what_changed(make_config, tmp_path):
    """A settled batch of changes reads the changed files and drops the deleted ones; the rest
    of a large watched folder is not read again (its files are not even looked at)."""
    from kb.ingest.pipeline import ingest

    config = make_config()
    folder = (tmp_path / "van-ban").resolve()
    (folder / "2024").mkdir(parents=True)
    for i in range(5):
        (folder / "2024" / f"bien-ban-{i}.txt").write_text(
            f"Biên bản sinh hoạt chi bộ tháng {i + 1}\nChi bộ học tập chuyên đề năm 2024.\n",
            encoding="utf-8")
    assert ingest([folder], config).ok
    edited, removed = folder / "2024" / "bien-ban-0.txt", folder / "2024" / "bien-ban-1.txt"
    edited.write_text("Biên bản sinh hoạt chi bộ tháng 1\nChi bộ bàn về chuyển đổi số.\n",
                      encoding="utf-8")
    removed.unlink()
    added = folder / "bao-cao.txt"
    added.write_text("Báo cáo kết quả thực hiện cải cách hành chính của chi bộ.\n",
                     encoding="utf-8")
    report = _run_watch_job(config, folder, [edited, removed, added])
    assert (report["updated"], report["removed"], report["added"]) == \
        ([str(edited)], [str(removed)], [str(added)])
    assert report["unchanged"] == []  # the three other minutes were not read again
    assert _titles(config, "chuyển đổi số") == [str(edited)]
    assert _titles(config, "cải cách hành chính") == [str(added)]
    assert str(removed) not in _titles(config, "biên bản sinh hoạt chi bộ")


def test_a_new_folder_in_a_watch_walks_the_watched_folder(make_config, tmp_path):
    """A folder moved in is read whole, with the ignore rules of the watched folder."""
    from kb.ingest.pipeline import ingest

    config = make_config()
    folder = (tmp_path / "van-ban").resolve()
    folder.mkdir()
    (folder / ".kbignore").write_text("nhap/\n", encoding="utf-8")
    (folder / "ke-hoach.txt").write_text("Kế hoạch học tập nghị quyết.\n", encoding="utf-8")
    assert ingest([folder], config).ok
    moved = folder / "2025"
    (moved / "nhap").mkdir(parents=True)
    (moved / "to-trinh.txt").write_text("Tờ trình về công tác dân vận.\n", encoding="utf-8")
    (moved / "nhap" / "ban-nhap.txt").write_text("Bản nháp về công tác dân vận.\n",
                                                 encoding="utf-8")
    report = _run_watch_job(config, folder, [moved])
    assert report["added"] == [str(moved / "to-trinh.txt")]
    assert _titles(config, "công tác dân vận") == [str(moved / "to-trinh.txt")]
