"""Ingestion in checkpoints: searchers see each one, nothing is deleted early, rebuilds resume.

Given small Vietnamese reports ingested with a checkpoint every few documents, when a searcher
refreshes during the run, or the run is interrupted (as Ctrl+C does) after some checkpoints,
then the searcher sees each checkpoint as it is committed, an interrupted run keeps what it
committed and deletes nothing it had not reached, and an interrupted rebuild is finished by the
next run.
"""

import pytest

import kb.index.parallel_writer as parallel
from kb.index import store
from kb.index.checkpoint import Schedule
from kb.index.search import Searcher
from kb.ingest.pipeline import ingest


def watching(config, seen):
    """A progress callback that records what a long-lived searcher sees before each file."""
    def progress(paths):
        with Searcher(config) as searcher:
            for path in paths:
                searcher.refresh()
                seen.append(searcher.doc_count)
                yield path
    return progress


@pytest.mark.parametrize("workers", [1, 2])
def test_a_running_searcher_sees_each_checkpoint(workers, vietnamese_files, make_config,
                                                 monkeypatch):
    monkeypatch.setattr(parallel, "MIN_FILES_FOR_POOL", 1)
    config = make_config(checkpoint_docs=3, checkpoint_seconds=0, workers=workers)
    ingest([vietnamese_files(1, "dau-tien")], config)
    seen: list[int] = []
    report = ingest([vietnamese_files(10)], config, progress=watching(config, seen))
    assert report.ok and len(report.added) == 10 and report.checkpoints == 3
    assert seen == [1, 1, 1, 1, 4, 4, 4, 7, 7, 7]
    with Searcher(config) as s:
        assert s.doc_count == 11
        assert s.search('"Báo cáo số 10/BC-CB"').total >= 1


def test_an_interrupted_run_keeps_its_checkpoints_and_deletes_nothing(
        vietnamese_files, make_config, interrupt_after):
    config = make_config(checkpoint_docs=2, checkpoint_seconds=0)
    folder = vietnamese_files(10)
    ingest([folder], config)
    files = sorted(folder.iterdir())
    for path in files:
        path.write_text(path.read_text(encoding="utf-8") + "Bổ sung: chi bộ họp thêm.\n",
                        encoding="utf-8")
    files[8].unlink()  # gone, but the interrupted run never gets that far
    with pytest.raises(KeyboardInterrupt):
        ingest([folder], config, progress=interrupt_after(5))
    with Searcher(config) as s:
        assert s.doc_count == 10  # nothing deleted: the walk did not finish
        assert s.search('"chi bộ họp thêm"').total == 4  # two checkpoints of two
        assert s.document_at(str(files[8]))
    report = ingest([folder], config)
    assert len(report.unchanged) == 4 and len(report.updated) == 5
    assert report.removed == [str(files[8])]
    with Searcher(config) as s:
        assert s.doc_count == 9 and s.search('"chi bộ họp thêm"').total == 9


def test_interrupted_rebuild_is_finished_by_the_next_run(vietnamese_files, make_config,
                                                         interrupt_after):
    config = make_config(checkpoint_docs=2, checkpoint_seconds=0)
    folder = vietnamese_files(8)
    ingest([folder], config)
    gone = sorted(folder.iterdir())[6]
    gone.unlink()
    seen: list[int] = []
    with pytest.raises(KeyboardInterrupt):
        ingest([folder], config, rebuild=True, progress=_then(watching(config, seen),
                                                               interrupt_after(5)))
    assert seen and all(count == 8 for count in seen)  # every document once, old or new
    with Searcher(config) as s:
        assert s.doc_count == 8 and s.document_at(str(gone))
    assert store.read_meta(config["index"])["rebuild"]["replacing"]

    report = ingest([folder], config)  # not asked to rebuild: finishes the rebuild
    assert report.rebuilt and report.resumed
    assert len(report.unchanged) == 4 and len(report.added) == 3
    assert report.removed == [str(gone)]
    with Searcher(config) as s:
        assert s.doc_count == 7
    assert "rebuild" not in store.read_meta(config["index"])
    again = ingest([folder], config)
    assert not again.rebuilt and len(again.unchanged) == 7


def test_many_checkpoints_keep_few_segments(vietnamese_files, make_config):
    config = make_config(checkpoint_docs=1, checkpoint_seconds=0)
    report = ingest([vietnamese_files(40)], config)
    assert report.checkpoints == 39
    ix = store.open_index(config["index"])
    assert len(ix._segments()) <= 8  # Whoosh's MERGE_SMALL merges them as they come
    with Searcher(config) as s:
        assert s.doc_count == 40


def test_schedule_counts_documents_and_time():
    now = [0.0]
    schedule = Schedule(docs=3, seconds=60, clock=lambda: now[0])
    schedule.wrote(2)
    assert not schedule.due()
    schedule.wrote()
    assert schedule.due()
    schedule.done()
    now[0] = 100.0
    assert not schedule.due()  # time alone: nothing to commit
    schedule.wrote()
    assert schedule.due()
    off = Schedule(docs=0, seconds=0, clock=lambda: now[0])
    off.wrote(10_000)
    assert not off.due()


def _then(first, second):
    def progress(paths):
        return second(first(paths))
    return progress


def test_a_refreshed_searcher_sees_replaced_and_merged_documents_once(vietnamese_files,
                                                                      make_config):
    config = make_config(checkpoint_docs=1, checkpoint_seconds=0)
    folder = vietnamese_files(3)
    ingest([folder], config)
    old = sorted(folder.iterdir())
    vietnamese_files(9)  # six more files in the same folder
    for path in old:
        path.write_text(path.read_text(encoding="utf-8") + "Nghị quyết về chuyển đổi số.\n",
                        encoding="utf-8")
    seen = []

    def progress(paths):
        with Searcher(config) as searcher:
            for path in paths:
                searcher.refresh()
                ids = [d["id"] for d in searcher.all_documents()]
                seen.append((searcher.doc_count, len(set(ids)), len(ids)))
                yield path

    report = ingest([folder], config, progress=progress)
    assert len(report.updated) == 3 and len(report.added) == 6
    # replaced versions leave, merged segments are not read twice
    assert [count for count, _, _ in seen] == [3, 3, 3, 3, 3, 4, 5, 6, 7]
    assert all(count == distinct == listed for count, distinct, listed in seen)
