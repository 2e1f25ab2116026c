"""The numpy query engine against Whoosh's own matchers, on real Vietnamese documents.

Given the session index of the bundled corpus, when kb reads posting lists in bulk and scores
queries over arrays, then it reads the same documents, weights and positions as Whoosh's
matchers, matches the same documents and gives the same BM25F scores; and when documents are
deleted from a segment, they are never found again.
"""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from whoosh import query as Q
from whoosh.query.compound import PreloadedOr

from kb.index.engine import Engine, top
from kb.index.postings import CACHE, PostingsCache, read_term
from kb.index.query import parse_query
from kb.index.query_builder import QueryBuilder, leaves as _leaves
from kb.index.search import Searcher
from kb.ingest.pipeline import ingest

TERMS = [("syl", "của"), ("syl", "đảng"), ("fold", "chi"), ("fold", "bo"), ("pairs", "chi_bộ"),
         ("words", "chính_trị"), ("syl", "phụng"), ("number", "5-ct/tw"), ("cites", "5-ct/tw"), ("title", "chỉ")]


def _whoosh_postings(reader, fieldname, text):
    m = reader.postings(fieldname, text)
    found = []
    while m.is_active():
        positions = m.value_as("positions") if m.supports("positions") else None
        found.append((m.id(), m.weight(), positions))
        m.next()
    return found


@pytest.mark.parametrize("fieldname, text", TERMS)
def test_bulk_postings_equal_whooshs(searcher, fieldname, text):
    found = 0
    for sub, _ in searcher._searcher.leaf_searchers():  # one segment per indexing process
        reader = sub.reader()
        expected = _whoosh_postings(reader, fieldname, text) \
            if (fieldname, text) in reader else []
        found += len(expected)
        postings = read_term(reader, fieldname, text)
        if not expected:
            assert postings is None
            continue
        assert postings.ids.tolist() == [d for d, _, _ in expected]
        assert postings.weights.tolist() == pytest.approx([w for _, w, _ in expected])
        if expected[0][2] is not None:
            postfile = reader._terms._postfile
            assert [postings.positions(i, postfile) for i in range(len(expected))] == \
                [p for _, _, p in expected]
    assert found, f"{fieldname}:{text} should be in the corpus"


def test_long_posting_lists_span_blocks(tmp_path, make_config, corpus_dir):
    # 300 paragraphs of the corpus as documents, in one segment: "của" has more than one block
    # of 128 postings, so joining blocks and finding positions in later blocks are exercised.
    folder = tmp_path / "paragraphs"
    folder.mkdir()
    text = (corpus_dir / "dang" / "chi-thi-05-ct-tw-2016.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n") if " của " in p] * 40
    for n, paragraph in enumerate(paragraphs[:300]):
        (folder / f"{n:03d}.txt").write_text(f"Đoạn {n}. {paragraph}", encoding="utf-8")
    config = make_config(workers=1)
    assert ingest([folder], config).ok
    with Searcher(config) as s:
        reader = s._searcher.reader()
        expected = _whoosh_postings(reader, "syl", "của")
        postings = read_term(reader, "syl", "của")
        assert len(expected) > 256 and len(postings._blocks) > 1
        assert postings.ids.tolist() == [d for d, _, _ in expected]
        last = len(expected) - 1
        assert [postings.positions(i, reader._terms._postfile) for i in (0, 150, last)] == \
            [expected[i][2] for i in (0, 150, last)]


@pytest.mark.parametrize("raw", [
    "chỉ thị 05", "phung cong thu phap", "Bộ Chính trị", "học tập và làm theo tư tưởng đạo đức",
    "biên bản sinh hoạt chi bộ tháng 3", "05-CT/TW", "hoà giải cơ sở",
])
def test_scores_and_matches_equal_whooshs(searcher, raw):
    built = QueryBuilder(searcher.weights).build(parse_query(raw, 2000), relaxed=True)
    whoosh_searcher = searcher._searcher
    leaves = list(_leaves(built.query))
    collector = whoosh_searcher.collector(limit=None, optimize=False, terms=False)
    whoosh_searcher.search_with_collector(PreloadedOr(leaves, boost=built.query.boost), collector)
    expected = {hit.docnum: hit.score for hit in collector.results()}
    scores, hit = Engine(whoosh_searcher).scores(leaves, built.query.boost)
    assert set(np.flatnonzero(hit).tolist()) == set(expected)
    for docnum, score in expected.items():
        assert scores[docnum] == pytest.approx(score, rel=1e-6)


@pytest.mark.parametrize("required", [
    Q.Phrase("syl", ["chi", "bộ"]), Q.Phrase("fold", ["phung", "cong", "thu", "phap"]),
    Q.And([Q.Term("syl", "chỉ"), Q.Or([Q.Term("syl", "thị"), Q.Term("fold", "05")])]),
])
def test_required_sets_equal_whooshs(searcher, required):
    whoosh_searcher = searcher._searcher
    expected = sorted(whoosh_searcher.docs_for_query(required))
    assert expected
    assert Engine(whoosh_searcher).docs(required).tolist() == expected


def test_top_orders_by_score_then_document_number():
    scores = np.array([0.5, 2.0, 2.0, 1.0, 0.0])
    assert top(scores, np.arange(5), 3) == [(1, 2.0), (2, 2.0), (3, 1.0)]
    assert top(scores, np.array([], dtype=np.int64), 3) == []


def test_cache_keeps_within_its_budget():
    cache = PostingsCache(max_bytes=1000)

    class Blob:
        nbytes = 400

    for key in range(5):
        cache.get(key, Blob)
    assert cache.size <= 1000 and cache.get(4, lambda: None) is not None
    assert cache.get(0, lambda: "reloaded") == "reloaded"  # the oldest went first


def test_deleted_documents_are_never_found(tmp_path, make_config, corpus_dir):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("nghi-quyet-04-nq-tw-2016.txt", "chi-thi-05-ct-tw-2016.txt",
                 "bien-ban-chi-bo-phong-tu-phap-2023-02.txt"):
        shutil.copy(next(corpus_dir.rglob(name)), folder / name)
    config = make_config()
    ingest([folder], config)
    with Searcher(config) as s:
        before = s.search("nghị quyết", limit=50).total
        s.search("04-NQ/TW")  # the postings of the segment are now cached
    (folder / "nghi-quyet-04-nq-tw-2016.txt").unlink()
    ingest([folder], config)
    with Searcher(config) as s:
        readers = [sub.reader() for sub, _ in s._searcher.leaf_searchers()]
        response = s.search("nghị quyết", limit=50)
        assert all("nghi-quyet-04" not in r.path for r in response.results)
        assert response.total == before - 1
        assert all("nghi-quyet-04" not in r.path for r in s.search("04-NQ/TW").results)
        assert any(r.has_deletions() for r in readers)  # the case under test: a segment with deletions
    CACHE.clear()


def test_cached_postings_outlive_the_searcher_that_read_them(corpus_index):
    # A web worker's searcher is refreshed (closed) while the process cache keeps what it read;
    # the next searcher must read positions through its own files.
    CACHE.clear()
    with Searcher(corpus_index) as first:
        expected = [(r.id, r.score) for r in first.search('"phụng công thủ pháp"').results]
    assert expected
    with Searcher(corpus_index) as second:
        CACHE.forget_positions()
        found = [(r.id, r.score) for r in second.search('"phụng công thủ pháp"').results]
    assert found == expected
