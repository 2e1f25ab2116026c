"""Indexing in worker processes: each document fails alone, a dead worker loses nothing silently.

Given a folder of real Vietnamese documents ingested with two indexing processes, when the
analysis of one document fails, or a worker process dies, or the run is interrupted, then the
failed documents are reported with their paths, the others are searchable, the version of a
document already in the index is kept, and no worker process is left behind.
"""

import multiprocessing
import os
import shutil

import pytest

import kb.index.parallel_writer as parallel
from kb.index.search import Searcher
from kb.ingest.pipeline import ingest

FILES = ["dang/chi-thi-05-ct-tw-2016.txt", "dang/nghi-quyet-04-nq-tw-2016.txt",
         "bien-ban/bien-ban-chi-bo-phong-tu-phap-2023-02.txt",
         "bien-ban/bien-ban-chi-bo-phong-tu-phap-2023-03.txt",
         "dang/quy-dinh-08-qdi-tw-2018.txt",
         "bao-chi/nganh-y-te-hai-phong-luong-y-phai-nhu-tu-mau-2025.html"]
POISON = "Đoạn văn bản làm bộ tách từ gặp lỗi."


@pytest.fixture
def folder(tmp_path, corpus_dir, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_FILES_FOR_POOL", 1)
    target = tmp_path / "docs"
    target.mkdir()
    for rel in FILES:
        shutil.copy(corpus_dir / rel, target / os.path.basename(rel))
    return target


def _failing_on(marker: str, action):
    real = parallel.cached_analyze

    def analyze(text, query=False):
        if marker in text:
            action()
        return real(text, query=query)
    return analyze


def _raise():
    raise RuntimeError("bộ tách từ lỗi")


def _die():
    os._exit(3)


def test_failed_analysis_fails_that_file_and_keeps_its_old_version(folder, make_config,
                                                                   monkeypatch):
    config = make_config(workers=2)
    assert ingest([folder], config).ok
    minutes = folder / "bien-ban-chi-bo-phong-tu-phap-2023-02.txt"
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\n" + POISON + "\n", encoding="utf-8")
    directive = folder / "chi-thi-05-ct-tw-2016.txt"
    directive.write_text(directive.read_text(encoding="utf-8") + "\nBổ sung: thi đua làm theo "
                         "gương Bác trong toàn Đảng bộ.\n", encoding="utf-8")
    monkeypatch.setattr(parallel, "cached_analyze", _failing_on(POISON, _raise))

    report = ingest([folder], config)
    assert [os.path.basename(p) for p, _ in report.failed] == [minutes.name]
    assert "bộ tách từ lỗi" in report.failed[0][1]
    assert [os.path.basename(p) for p in report.updated] == [directive.name]
    with Searcher(config) as s:
        assert s.doc_count == len(FILES)
        assert s.search('"thi đua làm theo gương Bác"').results[0].path == str(directive)
        # the minutes are still found, in their previous version
        assert s.search("chi bộ phòng Tư pháp tháng 2").total >= 1
        assert s.document_at(str(minutes))["content_hash"] != ""
        assert POISON not in s.document_at(str(minutes))["text"]


def test_a_worker_that_dies_fails_its_documents_and_keeps_the_rest(folder, make_config,
                                                                   monkeypatch):
    victim = folder / "quy-dinh-08-qdi-tw-2018.txt"
    victim.write_text(victim.read_text(encoding="utf-8") + "\n" + POISON + "\n", encoding="utf-8")
    monkeypatch.setattr(parallel, "cached_analyze", _failing_on(POISON, _die))
    config = make_config(workers=2)

    report = ingest([folder], config)
    failed = {os.path.basename(p) for p, _ in report.failed}
    assert victim.name in failed
    assert len(failed) + len(report.added) == len(FILES) and report.added
    with Searcher(config) as s:
        assert s.doc_count == len(report.added)
        found = {os.path.basename(d["path"]) for d in s.all_documents()}
    assert found == {os.path.basename(p) for p in report.added}
    assert not multiprocessing.active_children()


def test_interrupted_run_leaves_the_index_and_no_workers(folder, make_config, interrupt_after):
    config = make_config(workers=2)
    assert ingest([folder], config).ok
    for path in folder.iterdir():
        path.write_text(path.read_text(encoding="utf-8") + "\nThêm một dòng.\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        ingest([folder], config, progress=interrupt_after(4))
    assert not multiprocessing.active_children()
    with Searcher(config) as s:
        assert s.doc_count == len(FILES)
        assert all("Thêm một dòng" not in d["text"] for d in s.all_documents())
    again = ingest([folder], config)
    assert again.ok and len(again.updated) == len(FILES)


def test_worker_count_follows_the_setting_and_batch_size(monkeypatch):
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 8)
    assert parallel.worker_count(0, 1000) == 4
    assert parallel.worker_count(0, 5) == 0
    assert parallel.worker_count(1, 1000) == 0
    assert parallel.worker_count(3, 1000) == 3
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 1)
    assert parallel.worker_count(0, 1000) == 0


def test_workers_of_a_killed_ingest_do_not_linger(folder, make_config, tmp_path):
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "ingest_then_die.py"
    script.write_text(f"""
import os, sys
import kb.index.parallel_writer as parallel
from kb.config import load_config
from kb.index import store
parallel.MIN_FILES_FOR_POOL = 1
config = load_config({{"index": {str(tmp_path / "ix")!r}, "progress": "never"}}, environ={{}})
ix = store.open_or_create(config["index"])
writer = parallel.ParallelWriter(ix, 2)
writer.add_document(id="a", path="a", syl="Chi bộ họp.", title="Chi bộ")
print(" ".join(str(p.pid) for p in writer._procs), flush=True)
os.kill(os.getpid(), {int(signal.SIGKILL)})
""", encoding="utf-8")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "PYTHONPATH": root})
    pids = [int(p) for p in done.stdout.split()]
    assert len(pids) == 2
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.5)
    assert not any(_alive(p) for p in pids)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as fh:  # a zombie waiting for init to reap it is gone
        return fh.read().split()[2] != "Z"
