"""The document registry in the instance database stands in for reading the whole index.

Given real Vietnamese text files ingested into an index, when ingestion runs again, then the
files' hashes come from the registry (the index's stored documents are not read), the registry
follows added, changed and removed files, and whenever it may be stale (another writer, a run
killed after a checkpoint, a lost instance folder) the index is read and the registry rebuilt.
"""

from __future__ import annotations

import shutil
from contextlib import closing

import pytest

import kb.ingest.known
from kb.config import instance_path
from kb.index import store
from kb.ingest.known import scan
from kb.ingest.pipeline import ingest
from kb.service.db import connect_instance
from kb.service.registry import Registry


def in_index(config) -> dict:
    """path → (id, hash) read from the index itself."""
    found, _ = scan(store.open_index(config["index"]), set())
    return dict(found)


def in_registry(config) -> dict:
    with closing(connect_instance(config)) as conn:
        return {e.path: (e.id, e.content_hash)
                for e in Registry(conn, config["index"]).entries()}


@pytest.fixture
def scans(monkeypatch):
    """Counts the runs that read the whole index."""
    calls = []

    def counted(ix, replacing):
        calls.append(1)
        return scan(ix, replacing)

    monkeypatch.setattr(kb.ingest.known, "scan", counted)
    return calls


def test_registry_follows_the_index_without_reading_it(vietnamese_files, make_config, scans):
    folder = vietnamese_files(30)
    config = make_config()
    first = ingest([folder], config)
    assert len(first.added) == 30 and len(scans) == 1  # a new index: read (it is empty)
    assert in_registry(config) == in_index(config)
    again = ingest([folder], config)
    assert len(again.unchanged) == 30 and len(scans) == 1  # the registry answered
    (folder / "bao-cao-003.txt").write_text("Báo cáo số 4/BC-CB đã sửa: chi bộ họp bàn "
                                            "công tác phát triển đảng viên.\n", encoding="utf-8")
    (folder / "bao-cao-007.txt").unlink()
    (folder / "bao-cao-moi.txt").write_text("Nghị quyết của chi bộ về chuyển đổi số.\n",
                                            encoding="utf-8")
    changed = ingest([folder], config)
    assert (len(changed.updated), len(changed.removed), len(changed.added)) == (1, 1, 1)
    assert len(scans) == 1
    assert in_registry(config) == in_index(config)
    assert len(ingest([folder], config).unchanged) == 30 and len(scans) == 1


def test_registry_rows_say_what_each_document_is(vietnamese_files, make_config):
    folder = vietnamese_files(2)
    config = make_config()
    ingest([folder], config)
    with closing(connect_instance(config)) as conn:
        rows = conn.execute("SELECT original_name, stored_path, added_at FROM documents "
                            "ORDER BY original_name").fetchall()
    assert [r["original_name"] for r in rows] == ["bao-cao-000.txt", "bao-cao-001.txt"]
    assert rows[0]["stored_path"] == str((folder / "bao-cao-000.txt").resolve())
    assert rows[0]["added_at"]


def test_another_writer_makes_the_next_run_read_the_index(vietnamese_files, make_config, scans):
    folder = vietnamese_files(5)
    config = make_config()
    ingest([folder], config)
    gone = str((folder / "bao-cao-002.txt").resolve())
    ix = store.open_index(config["index"])
    with store.writing(ix, config["index"]) as writer:  # as kb doctor --repair might
        writer.delete_by_term("path", gone)
    report = ingest([folder], config)
    assert report.added == [gone] and len(scans) == 2  # read again, not trusted
    assert in_registry(config) == in_index(config)


def test_a_run_killed_after_a_checkpoint_is_not_trusted(vietnamese_files, make_config, scans,
                                                        interrupt_after):
    folder = vietnamese_files(8)
    config = make_config(checkpoint_docs=2)
    with pytest.raises(KeyboardInterrupt):
        ingest([folder], config, progress=interrupt_after(5))
    report = ingest([folder], config)
    assert len(report.unchanged) == 4 and len(report.added) == 4
    assert in_registry(config) == in_index(config) and len(in_index(config)) == 8


def test_a_lost_instance_folder_is_rebuilt_from_the_index(vietnamese_files, make_config, scans):
    folder = vietnamese_files(4)
    config = make_config()
    ingest([folder], config)
    shutil.rmtree(instance_path(config))
    report = ingest([folder], config)
    assert len(report.unchanged) == 4 and len(scans) == 2
    assert in_registry(config) == in_index(config)


def test_a_rebuild_leaves_the_registry_equal_to_the_index(vietnamese_files, make_config):
    folder = vietnamese_files(6)
    config = make_config()
    ingest([folder], config)
    (folder / "bao-cao-001.txt").unlink()
    ingest([folder], config, rebuild=True)
    assert in_registry(config) == in_index(config) and len(in_index(config)) == 5
