"""Query expansion from the vocabulary of Party writing (kb/data/aliases.toml).

Given the session index of the bundled corpus plus the seed article (Báo Hải Phòng, 12/04/2018,
which writes "Nghị quyết Trung ương 4 khoá 12" and "Bộ Chính trị"), when a query uses another
phrasing of the same thing — Roman term numbers, "NQ TW4", "BCT", "UBND" — then the documents
written the other way are found too.
"""

from __future__ import annotations

import pytest

from kb.index.query import Clause
from kb.index.query_builder import _expansions


def _paths(searcher, query):
    response = searcher.search(query, limit=100, snippets=False)
    return response, [r.path for r in response.results]


def _text(searcher, path):
    return next(d for d in searcher.all_documents() if d["path"] == path)["text"]


def test_the_seed_writes_khoa_12_not_khoa_xii(searcher, seed_article):
    text = seed_article.read_text(encoding="utf-8")
    assert "khoá 12" in text and "XII" not in text


@pytest.mark.parametrize("query", ["khóa XII", "Nghị quyết Trung ương 4 khóa XII",
                                   "NQ TW4 khóa XII", "nghị quyết trung ương 4 khóa 12"])
def test_seed_article_is_found_by_every_phrasing_of_the_term(searcher, seed_article, query):
    response, paths = _paths(searcher, query)
    assert not response.relaxed
    assert str(seed_article.resolve()) in paths


def test_bct_finds_documents_that_only_say_bo_chinh_tri(searcher, seed_article):
    response, paths = _paths(searcher, "BCT")
    assert str(seed_article.resolve()) in paths
    spelled_out = [p for p in paths if "BCT" not in _text(searcher, p)]
    assert spelled_out and all("bộ chính trị" in _text(searcher, p).lower()
                           for p in spelled_out)


def test_ubnd_finds_uy_ban_nhan_dan(searcher):
    response, paths = _paths(searcher, "UBND Lào Cai")
    assert any("quyet-dinh-ubnd-tinh-lao-cai" in p for p in paths)
    assert all("Ủy ban nhân dân" in _text(searcher, p) or "UBND" in _text(searcher, p)
               for p in paths[:5])


@pytest.mark.parametrize("text, expected", [
    ("khóa XII", ["khóa 12"]),
    ("NQ TW4", ["Nghị quyết Trung ương 4"]),
    ("BCT", ["Bộ Chính trị"]),
    ("chỉ thị 05", []),            # nothing to expand: the query is left alone
    ("phụng công thủ pháp", []),
])
def test_expansions_are_alternative_clauses(text, expected):
    alternatives = [c.text for c in _expansions(Clause(text))]
    assert all(e in alternatives for e in expected)
    assert bool(alternatives) == bool(expected)


def test_phrase_stays_a_phrase_in_its_expansions():
    assert all(c.phrase for c in _expansions(Clause("khóa XII", phrase=True)))
