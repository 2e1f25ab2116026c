"""Flat posting files beside each segment: the same postings as Whoosh's, the same results.

Given an index of real documents whose lists of at least a few postings are kept flat (the
threshold lowered so that a small corpus has many), when a search reads them, then every id,
weight and position equals what Whoosh's own matchers decode, every ranking equals the ranking
without the files, and a damaged or stale file is ignored or removed instead of failing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from kb.index import postings, postings_files, store
from kb.index.postings import CACHE
from kb.index.search import Searcher
from kb.ingest.pipeline import ingest

QUERIES = [
    "học tập và làm theo tư tưởng đạo đức phong cách Hồ Chí Minh",
    "chi bộ", "sinh hoat chi bo", "kiểm tra giám sát đảng viên", "Chỉ thị 05-CT/TW",
    '"xây dựng Đảng"', "cán bộ phải thật sự là công bộc của dân, trung thành với Tổ quốc",
    "quy định về kết nạp đảng viên như thế nào",
]


@pytest.fixture(scope="module")
def flat_index(tmp_path_factory, corpus_dir):
    """An index of two corpus folders whose lists of 3+ postings are kept flat (built once)."""
    from kb.config import load_config

    from conftest import TEST_SETTINGS

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(postings_files, "MIN_POSTINGS", 3)
        config = load_config({"index": str(tmp_path_factory.mktemp("flat") / "index"),
                              **TEST_SETTINGS}, environ={})
        report = ingest([corpus_dir / "dang", corpus_dir / "ho-chi-minh"], config)
    assert report.ok, report.failed
    return config


@pytest.fixture
def own_copy(flat_index, tmp_path):
    """A copy of the flat index that a test may damage or write to."""
    from kb.config import load_config

    from conftest import TEST_SETTINGS

    shutil.copytree(flat_index["index"], tmp_path / "index")
    return load_config({"index": str(tmp_path / "index"), **TEST_SETTINGS}, environ={})


def _leaves(ix):
    reader = ix.reader()
    return reader, ([r for r, _ in reader.leaf_readers()] if not reader.is_atomic() else [reader])


def _whoosh_postings(leaf, fieldname, text):
    """Decode a list through Whoosh's matcher only (the flat files bypassed)."""
    fieldobj = leaf.schema[fieldname]
    matcher = leaf._terms.matcher(fieldname, fieldobj.to_bytes(text), fieldobj.format)
    return postings._read_blocks(matcher, fieldobj.format)


def test_every_flat_list_equals_whooshs_own_decoding(flat_index):
    index_dir = Path(flat_index["index"])
    files = sorted(p.name for p in (index_dir / postings_files.FOLDER).iterdir())
    assert any(name.endswith(".json") for name in files)
    ix = store.open_index(index_dir)
    reader, leaves = _leaves(ix)
    checked = with_positions = 0
    try:
        for leaf in leaves:
            flat = postings_files.for_reader(leaf)
            assert flat is not None
            for fieldname, terms in flat.terms.items():
                for text in terms:
                    mine = postings.read_term(leaf, fieldname, text)
                    theirs = _whoosh_postings(leaf, fieldname, text)
                    assert np.array_equal(mine.ids, theirs.ids), (fieldname, text)
                    assert np.array_equal(mine.weights, theirs.weights), (fieldname, text)
                    if mine._flat is not None:
                        postfile = leaf._terms._postfile
                        for i in range(len(mine.ids)):
                            assert mine.positions(i, postfile) == theirs.positions(i, postfile)
                        with_positions += 1
                    checked += 1
    finally:
        reader.close()
    assert checked > 500 and with_positions > 100


def test_rankings_are_the_same_with_and_without_the_files(flat_index, monkeypatch):
    with Searcher(flat_index) as searcher:
        CACHE.clear()
        with_files = [[(r.id, r.score) for r in searcher.search(q, snippets=False).results]
                      for q in QUERIES]
        monkeypatch.setattr(postings_files, "for_reader", lambda reader: None)
        CACHE.clear()
        without = [[(r.id, r.score) for r in searcher.search(q, snippets=False).results]
                   for q in QUERIES]
    CACHE.clear()
    assert with_files == without
    assert all(with_files), "every query finds something in the corpus"


def test_a_damaged_file_is_ignored_and_searches_still_answer(own_copy, monkeypatch):
    folder = Path(own_copy["index"]) / postings_files.FOLDER
    for path in folder.glob("*.ids.npy"):
        path.write_bytes(path.read_bytes()[:100])  # cut short
    monkeypatch.setattr(postings_files, "_OPEN", {})
    monkeypatch.setattr(postings_files, "_MISSING", {})
    CACHE.clear()
    with Searcher(own_copy) as searcher:
        found = searcher.search("chi bộ", snippets=False)
    CACHE.clear()
    assert found.total > 0


def test_files_of_segments_the_index_no_longer_has_are_removed_by_the_next_writer(own_copy):
    index_dir = Path(own_copy["index"])
    folder = index_dir / postings_files.FOLDER
    kept = sorted(p.name for p in folder.iterdir())
    for name in ("MAIN_mergedaway0000.json", "MAIN_mergedaway0000.ids.npy",
                 "MAIN_x.ids.npy.123.456.tmp"):
        (folder / name).write_bytes(b"left by a merge or a killed writer")
    ix = store.open_index(index_dir)
    with store.writing(ix, index_dir):
        pass  # the next writer cleans up when it takes the lock
    assert sorted(p.name for p in folder.iterdir()) == kept


def test_doctor_reports_segments_without_files_and_repair_writes_them(own_copy):
    from kb.index.doctor import examine

    index_dir = Path(own_copy["index"])
    shutil.rmtree(index_dir / postings_files.FOLDER)
    found = examine(index_dir)
    lacking = [f for f in found.findings if f.code == "postings"]
    assert lacking and lacking[0].items and "chậm hơn" in lacking[0].message
    assert found.healthy  # slower, never wrong
    repaired = examine(index_dir, repair=True)
    assert [f.repaired for f in repaired.findings if f.code == "postings"] == [True]
    assert not [f for f in examine(index_dir).findings if f.code == "postings"]
