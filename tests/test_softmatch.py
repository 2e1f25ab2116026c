"""Word vectors trained on an index's own texts (kb.index.softmatch): trained once, kept beside
the index, and a soft match that credits a text for the query's neighbours it holds."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from kb.index import softmatch
from kb.index.search import Searcher


def test_vectors_are_trained_once_and_kept_beside_the_index(corpus_index, monkeypatch):
    with Searcher(corpus_index) as searcher:
        reader = searcher._searcher
        softmatch._MODELS.clear()
        first = softmatch.vectors(reader)
        assert len(first.index) > 100
        assert list((Path(corpus_index["index"]) / softmatch.FOLDER).glob("syl-*.npz"))
        softmatch._MODELS.clear()
        monkeypatch.setattr(softmatch, "train", lambda *a, **k: (_ for _ in ()).throw(
            AssertionError("trained again")))
        again = softmatch.vectors(reader)
        assert again.index == first.index
        np.testing.assert_allclose(again.vin, first.vin)


def test_a_text_holding_the_query_matches_fully_and_the_best_desm_is_zero(corpus_index):
    with Searcher(corpus_index) as searcher:
        reader = searcher._searcher
        v = softmatch.vectors(reader)
        word = next(iter(v.index))
        holders = [r for r in range(len(v.starts) - 1)
                   if v.index[word] in v.ids[v.starts[r]:v.starts[r + 1]]]
        docnums = np.flatnonzero(v.row >= 0)[:20]
        desm, soft = v.features([word], np.array([1.0]), docnums)
        for n, d in enumerate(docnums):
            if v.row[d] in holders:
                assert soft[n] == np.float64(1.0) or abs(soft[n] - 1.0) < 1e-5
            assert soft[n] <= 1.0 + 1e-5
        assert desm.max() == 0.0
