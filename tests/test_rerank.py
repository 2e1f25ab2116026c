"""The learned reranking of the leading candidates (kb.index.rerank): its features on real text,
the tiers it never crosses (a number lookup's own document), and what it lifts."""

from __future__ import annotations

import numpy as np
import pytest

from kb.index import rerank
from kb.index.search import Searcher
from kb.ingest.pipeline import ingest

TOGETHER = ("Bác dạy cán bộ tư pháp phải phụng công thủ pháp, chí công vô tư, "
            "gần dân và hiểu dân.\n")
SCATTERED = ("Cán bộ phải công tâm, tận tụy phụng sự nhân dân, giữ nghiêm pháp luật và làm "
             "đúng thủ tục hành chính.\n")


def _index(make_config, tmp_path, texts: dict[str, str]):
    folder = tmp_path / "van-ban"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    config = make_config()
    assert ingest([folder], config).ok
    return config


def _reranking(config) -> Searcher:
    """A Searcher with the reranking stage on (it is off by default: kb.index.query_builder)."""
    searcher = Searcher(config)
    searcher.weights["rerank"] = 1.0
    return searcher


def _features_by_name(searcher, query):
    response = searcher.search(query, snippets=False)
    docnums, X, tiers = searcher.last_features
    names = [searcher.reader().stored_fields(int(d))["path"].rsplit("/", 1)[-1] for d in docnums]
    return response, {n: dict(zip(rerank.FEATURES, row)) for n, row in zip(names, X)}, tiers


def test_features_tell_words_together_from_words_scattered(make_config, tmp_path, monkeypatch):
    # Without a model every feature is computed (as benchmarks/fit_reranker.py sees them).
    monkeypatch.setattr(rerank, "load_model", lambda *a, **k: None)
    config = _index(make_config, tmp_path, {"tu-phap.txt": TOGETHER, "cong-tam.txt": SCATTERED})
    with _reranking(config) as searcher:
        _, found, tiers = _features_by_name(searcher, "phụng công thủ pháp")
    together, scattered = found["tu-phap.txt"], found["cong-tam.txt"]
    # Both hold every syllable of the query...
    assert together["text_cov"] == pytest.approx(1.0)
    assert scattered["text_cov"] == pytest.approx(1.0)
    # ...but only one holds its syllable pairs and the phrase.
    assert together["pairs_cov"] == pytest.approx(1.0) and scattered["pairs_cov"] == 0.0
    assert together["prox"] == pytest.approx(1.0) and scattered["prox"] == 0.0
    assert together["kb"] == pytest.approx(1.0) and together["kb_rr"] == 1.0
    # The best passage holds the whole query in one, its syllables apart in the other.
    assert together["passage"] == pytest.approx(1.0) and scattered["passage"] < 0.8
    # The rare syllables side by side in one; in the other the shortest run covering them is
    # most of the sentence.
    assert together["span"] == pytest.approx(1.0) and scattered["span"] < 0.5
    # Query likelihood, another family than BM25, prefers the text that says it.
    assert together["lm"] == pytest.approx(0.0) and scattered["lm"] < 0.0
    assert list(tiers) == [0, 0]


def test_lead_tells_a_text_about_the_subject_from_one_that_mentions_it_last(
        make_config, tmp_path, seed_article, monkeypatch):
    """Two halves of a long report, one opening with a paragraph on flood defences and the
    other ending with it: the lead feature sees the query's words in the first one's opening
    only."""
    monkeypatch.setattr(rerank, "load_model", lambda *a, **k: None)
    article = seed_article.read_text(encoding="utf-8")
    middle = article.index("\n", len(article) // 2)
    last = article.rstrip().rindex("\n")  # the paragraph goes before the closing one
    dykes = ("Mùa lũ năm nay, tỉnh gia cố đê điều, nạo vét kênh mương thủy lợi và di dời "
             "dân khỏi vùng sạt lở ven sông.\n")
    config = _index(make_config, tmp_path, {"mo-dau.txt": dykes + article[:middle],
                                             "cuoi-bai.txt": article[middle:last] + "\n" + dykes
                                             + article[last:]})
    with _reranking(config) as searcher:
        _, found, _ = _features_by_name(searcher, "gia cố đê điều mùa lũ")
    assert found["mo-dau.txt"]["lead"] == pytest.approx(1.0)
    assert found["cuoi-bai.txt"]["lead"] < 0.5
    # Both hold the query's words side by side: span and passage cannot tell them apart.
    assert found["mo-dau.txt"]["span"] == pytest.approx(found["cuoi-bai.txt"]["span"])


def test_a_number_lookup_keeps_its_own_document_first_whatever_the_model(corpus_index):
    """Even a model that would put "chỉ thị 05"'s own document last cannot move it."""
    with _reranking(corpus_index) as searcher:
        first = searcher.search("chỉ thị 05", snippets=False).results[0]
        docnums, X, tiers = searcher.last_features
    assert first.path.endswith("chi-thi-05-ct-tw-2016.txt")
    assert tiers[0] == 2 and (tiers[1:] < 2).all()
    against = -np.eye(len(rerank.FEATURES))[rerank.FEATURES.index("kb")]
    ranked = [(int(d), float(len(docnums) - i)) for i, d in enumerate(docnums)]
    reordered = rerank.reorder(ranked, X @ against, tiers)
    assert reordered[0][0] == int(docnums[0])
    assert [s for _, s in reordered] == sorted((s for _, s in ranked), reverse=True)


def test_tiers_keep_the_leading_run_of_the_wanted_kind():
    ranked = [(7, 9.0), (3, 8.0), (5, 7.0), (4, 6.0), (9, 5.0)]
    assert list(rerank.tiers_of(ranked, own={3}, kind_docs={7, 5, 9})) == [1, 2, 1, 0, 0]


def test_a_pasted_quotation_in_order_beats_its_words_scattered(make_config, tmp_path,
                                                                seed_article):
    """The seed article (a long report on Chỉ thị 05) quotes a saying in its middle; a short
    note uses the saying's words again and again, apart. The shipped model (trees that also
    weigh query likelihood, which likes short texts) keeps the text that holds the saying as
    pasted first: its passage, span and runs of the quotation say so."""
    quotation = ("Cán bộ là cái gốc của mọi công việc. Công việc thành công hoặc thất bại đều do "
                 "cán bộ tốt hoặc kém.")
    article = seed_article.read_text(encoding="utf-8")
    middle = article.index("\n", len(article) // 2)
    config = _index(make_config, tmp_path, {
        "bao-cao-chi-thi-05.txt": article[:middle] + "\nNgười dạy: " + quotation
        + article[middle:],
        "ghi-chu.txt":
            "Ghi chú của tổ công tác về đánh giá cán bộ năm nay. Tổ đã về từng thôn, gặp từng "
            "người, nghe ý kiến của chi bộ, của hội phụ nữ, của đoàn thanh niên và của quần "
            "chúng nơi cư trú. Nhiều cán bộ tốt được biểu dương trước hội nghị toàn thể. Ở xã "
            "bên, đường làng đã được bê tông hóa, trường học được sửa mái, trạm y tế có thêm "
            "bác sĩ, bà con phấn khởi. Một số cán bộ kém bị nhắc nhở vì chậm trễ. Mùa mưa năm "
            "nay đến sớm, đê điều được gia cố, lúa chiêm xuân được thu hoạch kịp thời. Tổ tổng "
            "hợp những việc thành công. Sau Tết, hợp tác xã mở thêm lò sấy chè, thương lái về "
            "mua tận nơi, giá ổn định. Tổ cũng ghi lại những việc thất bại. Người già trong xóm "
            "kể chuyện cũ bên bếp lửa, con cháu chăm chú nghe. Tổ tìm cái gốc của từng việc. "
            "Kết luận: mọi việc đều do cán bộ; công việc cán bộ phải làm thường xuyên. Cái "
            "gốc của thành công, cái gốc của thất bại. Đêm hội làng có hát chèo, trẻ con kéo "
            "nhau đi xem, sân đình rộn tiếng trống. Cán bộ tốt, cán bộ kém. Mùa gặt, máy cắt lúa "
            "chạy suốt ngày trên đồng, rơm phơi vàng hai bên đường. Công việc thành công, công "
            "việc thất bại. Chợ phiên họp sớm, hàng rau, hàng cá bày kín lối. Do cán bộ, do "
            "cán bộ tốt hoặc kém. Bến đò cuối làng nay đã có cầu, xe máy qua lại tấp nập. Mọi "
            "công việc, cái gốc là cán bộ. Vườn cam của hợp tác xã trĩu quả, người hái cười "
            "nói vui vẻ.\n",
    })
    with _reranking(config) as searcher:
        assert rerank.load_model() is not None
        found = searcher.search(quotation, snippets=False).results
        docnums, X, tiers = searcher.last_features
        scores = rerank.load_model()(X, tiers)
        names = [searcher.reader().stored_fields(int(d))["path"].rsplit("/", 1)[-1]
                 for d in docnums]
    assert [r.name for r in found] == ["bao-cao-chi-thi-05.txt", "ghi-chu.txt"]
    article, note = names.index("bao-cao-chi-thi-05.txt"), names.index("ghi-chu.txt")
    assert scores[article] > scores[note]
    for feature in ("passage", "span", "window"):
        column = rerank.FEATURES.index(feature)
        assert X[article, column] > X[note, column], feature
    # The language model alone would have put the short note first.
    assert X[note, rerank.FEATURES.index("lm")] > X[article, rerank.FEATURES.index("lm")]


def test_a_number_inside_a_long_query_makes_no_tier_of_its_own(corpus_index):
    """"báo cáo kết quả thực hiện chỉ thị 05" names the directive but wants the report: kb only
    scales the directive's score there, so the model may not lift it into a tier above the
    report the query opens with."""
    with _reranking(corpus_index) as searcher:
        first = searcher.search("báo cáo kết quả thực hiện chỉ thị 05", snippets=False).results[0]
        _, _, tiers = searcher.last_features
    assert (tiers < 2).all()
    assert first.kind == "Báo cáo"
