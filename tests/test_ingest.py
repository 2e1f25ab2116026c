"""Ingestion end to end: incremental re-ingest, broken files in a batch, locks and schema changes.

Given a folder of real Vietnamese documents, when it is ingested, changed and ingested again,
then only what changed is touched and nothing already in the index is lost.
"""

import shutil
from pathlib import Path

import pytest

from kb.errors import IndexLockedError, SchemaMismatchError
from kb.index import store
from kb.index.search import Searcher
from kb.ingest.pipeline import ingest

DIRECTIVE = "dang/chi-thi-05-ct-tw-2016.txt"
RESOLUTION = "dang/nghi-quyet-04-nq-tw-2016.txt"
MINUTES = "bien-ban/bien-ban-chi-bo-phong-tu-phap-2023-02.txt"
DOCX = "bao-cao/bao-cao-dang-uy-phuong-le-loi-chi-thi-05-nam-2024.docx"
PDF = "bao-cao/bao-cao-quan-uy-ngo-quyen-5-nam-nq-tw4-khoa-12-2021.pdf"
HTML = "bao-chi/nganh-y-te-hai-phong-luong-y-phai-nhu-tu-mau-2025.html"


@pytest.fixture
def folder(tmp_path, corpus_dir):
    target = tmp_path / "docs"
    for rel in (DIRECTIVE, RESOLUTION, MINUTES, DOCX, PDF, HTML):
        dest = target / Path(rel).name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(corpus_dir / rel, dest)
    return target


def titles(config, query):
    with Searcher(config) as s:
        return [r.title for r in s.search(query, limit=20).results]


def test_every_format_is_ingested_with_metadata(folder, make_config):
    config = make_config()
    report = ingest([folder], config)
    assert report.ok and len(report.added) == 6
    with Searcher(config) as s:
        formats = {d["format"] for d in s.all_documents()}
        directive = s.search("05-CT/TW").results[0]
    assert formats == {"text", "docx", "pdf", "html"}
    assert directive.kind == "Chỉ thị" and directive.date == "2016-05-15"
    assert directive.path == str((folder / "chi-thi-05-ct-tw-2016.txt").resolve())


def test_reingest_adds_updates_removes_and_skips(folder, make_config, corpus_dir):
    config = make_config()
    ingest([folder], config)
    (folder / "nghi-quyet-04-nq-tw-2016.txt").unlink()
    minutes = folder / "bien-ban-chi-bo-phong-tu-phap-2023-02.txt"
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\nBổ sung: chi bộ thống nhất xây dựng "
                       "mô hình “Dân vận khéo” trong hòa giải cơ sở.\n", encoding="utf-8")
    shutil.copy(corpus_dir / "dang/quy-dinh-08-qdi-tw-2018.txt", folder / "quy-dinh.txt")

    report = ingest([folder], config)
    assert [Path(p).name for p in report.added] == ["quy-dinh.txt"]
    assert [Path(p).name for p in report.updated] == [minutes.name]
    assert [Path(p).name for p in report.removed] == ["nghi-quyet-04-nq-tw-2016.txt"]
    assert len(report.unchanged) == 4 and report.ok
    with Searcher(config) as s:
        assert s.search("04-NQ/TW").results == [] or all(
            "nghi-quyet-04" not in r.path for r in s.search("04-NQ/TW").results)
        assert "bien-ban-chi-bo-phong-tu-phap-2023-02" in s.search('"Dân vận khéo"').results[0].path
        assert s.doc_count == 6

    again = ingest([folder], config)
    assert len(again.unchanged) == 6 and not (again.added or again.updated or again.removed)


def test_broken_files_fail_alone_and_keep_the_index(folder, make_config, tests_data):
    config = make_config()
    ingest([folder], config)
    (folder / "hong.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nstream\x00\x01garbage")
    (folder / "hong.docx").write_bytes(b"PK\x03\x04 this is not a real zip")
    (folder / "rong.txt").write_bytes(b"")
    (folder / "moi.txt").write_text("Nghị quyết mới của chi bộ về chuyển đổi số.", encoding="utf-8")

    report = ingest([folder], config)
    failed = {Path(p).name: reason for p, reason in report.failed}
    assert set(failed) == {"hong.pdf", "hong.docx", "rong.txt"}
    assert all(reason for reason in failed.values())
    assert [Path(p).name for p in report.added] == ["moi.txt"]
    assert len(report.unchanged) == 6
    assert "chi-thi-05" in titles(config, "05-CT/TW")[0].lower().replace(" ", "-") or \
        titles(config, "05-CT/TW")[0].startswith("Chỉ thị 05-CT/TW")


def test_missing_path_is_reported(make_config, tmp_path):
    report = ingest([tmp_path / "khong-co"], make_config())
    assert not report.ok and "khong-co" in report.failed[0][0]


def test_second_writer_gets_a_clear_lock_error(folder, make_config):
    config = make_config()
    ingest([folder], config)
    ix = store.open_index(Path(config["index"]))
    with store.writing(ix, Path(config["index"])):
        with pytest.raises(IndexLockedError) as err:
            ingest([folder], config)
    assert "kb ingest" in err.value.user_message() or "tiến trình" in err.value.user_message()
    assert titles(config, "05-CT/TW")  # still searchable afterwards


def test_writer_cancels_on_error(folder, make_config):
    config = make_config()
    ingest([folder], config)
    index_dir = Path(config["index"])
    ix = store.open_index(index_dir)
    with pytest.raises(RuntimeError):
        with store.writing(ix, index_dir) as writer:
            writer.delete_by_term("format", "pdf")
            raise RuntimeError("boom")
    with Searcher(config) as s:
        assert s.doc_count == 6


def test_schema_change_is_detected_and_rebuilt(folder, make_config):
    config = make_config()
    ingest([folder], config)
    store.write_meta(Path(config["index"]))
    meta_file = Path(config["index"]) / store.META_FILE
    meta_file.write_text(meta_file.read_text().replace('"schema_version": "', '"schema_version": "old-'))
    with pytest.raises(SchemaMismatchError) as err:
        Searcher(config)
    assert "kb ingest" in err.value.user_message()
    report = ingest([folder], config)
    assert report.rebuilt and len(report.added) == 6
    with Searcher(config) as s:
        assert s.doc_count == 6


def test_press_page_furniture_is_not_indexed(make_config, seed_article):
    config = make_config()
    ingest([seed_article], config)
    with Searcher(config) as s:
        assert s.search('"Read More"').total == 0
        assert s.search("cookies").total == 0
        doc = s.document_at(str(seed_article))
    assert "This website uses cookies" not in doc["text"]
    assert "Ảnh: Đỗ Hiền" not in doc["text"]
    assert doc["meta"]["source"] == "Báo Hải Phòng" and doc["date"] == "2018-04-12"


def test_worker_processes_index_the_same_as_inline(folder, make_config, tmp_path, monkeypatch):
    import kb.index.parallel_writer as parallel

    monkeypatch.setattr(parallel, "MIN_FILES_FOR_POOL", 1)
    inline = make_config(workers=1)
    pooled = make_config(workers=2, index=str(tmp_path / "pooled"))
    ingest([folder], inline)
    report = ingest([folder], pooled)
    assert report.ok and len(report.added) == 6
    for query in ("05-CT/TW", "lương y phải như từ mẫu", "chi bo sinh hoat"):
        with Searcher(inline) as a, Searcher(pooled) as b:
            ra, rb = a.search(query), b.search(query)
        assert [(r.id, r.score) for r in ra.results] == [(r.id, r.score) for r in rb.results]
        assert ra.total > 0


def test_rebuild_keeps_the_old_index_searchable_until_it_commits(folder, make_config):
    config = make_config()
    ingest([folder], config)
    (folder / "nghi-quyet-04-nq-tw-2016.txt").unlink()
    seen_during = []

    def watching(paths):
        for path in paths:
            with Searcher(config) as s:  # what a running server sees meanwhile
                seen_during.append((s.doc_count, s.search("04-NQ/TW").total))
            yield path

    report = ingest([folder], config, rebuild=True, progress=watching)
    assert report.rebuilt and report.ok and len(report.added) == 5
    assert seen_during and all(count == 6 and found >= 1 for count, found in seen_during)
    with Searcher(config) as s:
        assert s.doc_count == 5
        assert all("nghi-quyet-04" not in r.path for r in s.search("04-NQ/TW").results)


def test_interrupted_rebuild_leaves_the_old_index(folder, make_config, interrupt_after):
    config = make_config()
    ingest([folder], config)
    with pytest.raises(KeyboardInterrupt):
        ingest([folder], config, rebuild=True, progress=interrupt_after(3))
    with Searcher(config) as s:
        assert s.doc_count == 6 and s.search("05-CT/TW").total >= 1
