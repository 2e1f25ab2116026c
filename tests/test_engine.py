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
from kb.index.search import Searcher, _leaves
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
    reader = searcher._searcher.reader()
    expected = _whoosh_postings(reader, fieldname, text)
    assert expected, f"{fieldname}:{text} should be in the corpus"
    postings = read_term(reader, fieldname, text)
    assert postings.ids.tolist() == [d for d, _, _ in expected]
    assert postings.weights.tolist() == pytest.approx([w for _, w, _ in expected])
    if expected[0][2] is not None:
        assert [postings.positions(i) for i in range(len(expected))] == [p for _, _, p in expected]


def test_long_posting_lists_span_blocks(searcher):
    # "của" is in most documents: more than one block of 128 postings, so block joins count.
    reader = searcher._searcher.reader()
    assert len(read_term(reader, "syl", "của")) > 128 or reader.doc_count_all() < 130


@pytest.mark.parametrize("raw", [
    "chỉ thị 05", "phung cong thu phap", "Bộ Chính trị", "học tập và làm theo tư tưởng đạo đức",
    "biên bản sinh hoạt chi bộ tháng 3", "05-CT/TW", "hoà giải cơ sở",
])
def test_scores_and_matches_equal_whooshs(searcher, raw):
    built = searcher._build(parse_query(raw, 2000), relaxed=True)
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
