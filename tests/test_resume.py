"""A real ``kb ingest`` killed with SIGKILL: what it committed stays, the next run goes on.

Given a folder of 30 small Vietnamese reports ingested by ``python -m kb ingest`` with two
indexing processes and a checkpoint every 8 documents, when the process is killed after the
first checkpoint, in the middle of a segment, between writing segments and committing them, or
in its final commit, then the index opens with every committed document, the lock is free at
once, and the next run skips what was committed, adds the rest exactly once and leaves no file
that the index does not need.
"""

import re

import pytest

from conftest import TEST_SETTINGS
from crash_support import Halted, run_kb
from kb.config import load_config
from kb.index import store
from kb.index.lock import lock_state
from kb.index.orphans import orphan_files
from kb.index.search import Searcher

FILES = 30
EVERY = 8
SETTINGS = dict(KB_CHECKPOINT_DOCS=EVERY, KB_CHECKPOINT_SECONDS=0, KB_WORKERS=2)

pytestmark = pytest.mark.slow


def documents(index_dir):
    """(count, ids, paths) of the index, as a searcher sees it."""
    with Searcher(load_config({"index": str(index_dir), **TEST_SETTINGS}, environ={})) as s:
        docs = list(s.all_documents())
        return s.doc_count, [d["id"] for d in docs], {d["path"] for d in docs}


def segment_files(index_dir) -> set[str]:
    """The orphan files of segments (the temporary folder keeps its name from run to run)."""
    return {name for name in orphan_files(store.open_index(index_dir)) if name.startswith("MAIN_")}


def counts(output: str) -> dict[str, int]:
    """The summary line of ``kb ingest``: label → number."""
    return {label: int(n) for label, n in re.findall(r"(Thêm mới|Cập nhật|Xoá|Không đổi|Lỗi): (\d+)",
                                                     output)}


@pytest.mark.parametrize("point, committed", [
    ("checkpoint:1", EVERY),             # just after the first checkpoint committed
    ("document:12", EVERY),              # in the middle of the second segment
    ("segments-written:2", EVERY),       # second checkpoint: segments on disk, not committed
    ("segments-written:4", 3 * EVERY),   # the final commit, segments written
])
def test_killed_ingest_keeps_its_checkpoints_and_the_next_run_goes_on(
        point, committed, vietnamese_files, tmp_path):
    folder = vietnamese_files(FILES)
    index = tmp_path / "index"
    halted = Halted(point, "--index", index, "ingest", folder, **SETTINGS)
    assert halted.children, "the ingest should have started its indexing processes"
    halted.kill()

    ix = store.open_index(index)
    assert not lock_state(ix, index).held  # the workers still alive do not keep the lock
    count, ids, paths = documents(index)
    assert count == committed and len(set(ids)) == committed
    assert paths <= {str(p) for p in folder.iterdir()}
    if point.startswith("segments-written"):
        assert any(name.endswith(".seg") for name in orphan_files(ix))  # written, not committed
    halted.wait_children_gone()

    done = run_kb("--index", index, "ingest", folder, **SETTINGS)
    assert done.returncode == 0, done.stderr
    summary = counts(done.stdout)
    assert summary["Không đổi"] == committed and summary["Thêm mới"] == FILES - committed
    assert summary["Xoá"] == 0 and summary["Lỗi"] == 0
    count, ids, paths = documents(index)
    assert count == FILES and len(set(ids)) == FILES
    assert paths == {str(p) for p in folder.iterdir()}
    assert orphan_files(store.open_index(index)) == []
    with Searcher(load_config({"index": str(index), **TEST_SETTINGS}, environ={})) as s:
        assert s.search('"Báo cáo số 30/BC-CB"').total >= 1


def test_killed_rebuild_serves_every_document_once_and_the_next_run_finishes_it(
        vietnamese_files, tmp_path):
    folder = vietnamese_files(FILES)
    index = tmp_path / "index"
    assert run_kb("--index", index, "ingest", folder, **SETTINGS).returncode == 0
    gone = folder / "bao-cao-004.txt"
    gone.unlink()

    halted = Halted("checkpoint:2", "--index", index, "ingest", "--rebuild", folder, **SETTINGS)
    halted.kill()
    count, ids, paths = documents(index)
    assert count == FILES and len(set(ids)) == FILES  # old or new version, each once
    assert str(gone) in paths  # the old index still answers for what the rebuild did not reach
    halted.wait_children_gone()

    done = run_kb("--index", index, "ingest", folder, **SETTINGS)  # no --rebuild: it resumes
    assert done.returncode == 0, done.stderr
    assert "làm tiếp" in done.stdout
    assert counts(done.stdout)["Không đổi"] == 2 * EVERY and counts(done.stdout)["Xoá"] == 1
    count, ids, paths = documents(index)
    assert count == FILES - 1 and len(set(ids)) == FILES - 1
    assert paths == {str(p) for p in folder.iterdir()}
    assert "rebuild" not in store.read_meta(index)
    assert orphan_files(store.open_index(index)) == []


def test_files_of_killed_runs_do_not_pile_up(vietnamese_files, tmp_path):
    folder = vietnamese_files(FILES)
    index = tmp_path / "index"
    halted = Halted("segments-written:2", "--index", index, "ingest", folder, **SETTINGS)
    halted.kill()
    halted.wait_children_gone()
    left = segment_files(index)
    assert left
    for _ in range(2):  # killed again and again before committing anything
        halted = Halted("document:1", "--index", index, "ingest", folder, **SETTINGS)
        halted.kill()
        halted.wait_children_gone()
        now = segment_files(index)
        assert not now & left  # what the run before left was removed when this one started
        left = now
    count, _, _ = documents(index)
    assert count == EVERY
