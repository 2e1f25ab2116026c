"""Question framing: how a question asks ("gì", "như thế nào", a final "không") neither has to
occur in the documents nor weighs on the ranking; what it asks about does."""

from __future__ import annotations

import pytest

from kb.analysis.analyzer import analyze


def _content(text: str) -> list[str]:
    a = analyze(text, query=True)
    return [s for p, s in a.syllables if p not in a.stopped]


@pytest.mark.parametrize("question, asked_about", [
    ("đảng viên có những quyền gì", ["đảng", "viên", "có", "quyền"]),
    ("Điều lệ Đảng quy định nhiệm vụ của đảng viên như thế nào",
     ["điều", "lệ", "đảng", "quy", "định", "nhiệm", "vụ", "đảng", "viên"]),
    ("thời gian dự bị của đảng viên là bao lâu", ["thời", "gian", "dự", "bị", "đảng", "viên"]),
    ("đảng viên có được làm kinh tế tư nhân không",
     ["đảng", "viên", "có", "được", "làm", "kinh", "tế", "tư", "nhân"]),
    ("xin hỏi thủ tục cấp căn cước ra sao", ["thủ", "tục", "cấp", "căn", "cước"]),
])
def test_question_words_are_left_out_of_what_is_searched(question, asked_about):
    assert _content(question) == asked_about


def test_negation_inside_a_question_stays():
    assert "không" in _content("đảng viên không đóng đảng phí thì bị xử lý")
    assert "không" in _content("không đóng đảng phí 3 tháng")


def test_pairs_and_words_with_question_words_are_not_scored():
    a = analyze("Bác Hồ dạy gì về y đức", query=True)
    assert not [p for p in a.pairs if "gì" in p.split("_")]
    assert "gì" not in a.words


def test_documents_are_analysed_as_written():
    a = analyze("Người hỏi: đồng chí cần gì?", query=False)
    assert not a.asked and "gì" in [s for _, s in a.syllables]


def test_a_query_of_question_words_only_is_searched_as_typed():
    assert _content("bao giờ") == ["bao", "giờ"]


def test_framing_does_not_change_what_a_question_finds_first(searcher):
    asked = searcher.search("Bác Hồ dạy gì về y đức", limit=1)
    plain = searcher.search("Bác Hồ dạy về y đức", limit=1)
    assert asked.results and asked.results[0].id == plain.results[0].id


def test_a_word_a_long_question_repeats_weighs_more(make_config, tmp_path):
    """A citizen's question that comes back to "tạm trú" three times is about tạm trú, though it
    also names "thường trú" once (BM25's query-term frequency, kb.index.query_builder.query_tf)."""
    from kb.index.query_builder import WEIGHTS
    from kb.index.search import Searcher
    from kb.ingest.pipeline import ingest

    folder = tmp_path / "hoi-dap"
    folder.mkdir()
    (folder / "tam-tru.txt").write_text(
        "Hồ sơ đăng ký tạm trú gồm tờ khai thay đổi thông tin cư trú; người đăng ký nộp hồ sơ "
        "tại công an cấp xã nơi dự kiến ở và được cấp giấy xác nhận.\n", encoding="utf-8")
    (folder / "thuong-tru.txt").write_text(
        "Hồ sơ đăng ký thường trú gồm tờ khai thay đổi thông tin cư trú; người đăng ký nộp hồ sơ "
        "tại công an cấp xã nơi dự kiến ở và được cấp giấy xác nhận.\n", encoding="utf-8")
    config = make_config()
    assert ingest([folder], config).ok
    question = ("Tôi về ở nhà người thân, xin hỏi đăng ký tạm trú cần giấy tờ gì, tạm trú được "
                "bao lâu, hết hạn tạm trú thì sao, hay tôi phải chuyển thường trú về đây?")
    assert WEIGHTS["qtf"] > 0
    with Searcher(config) as searcher:
        counted = searcher.search(question, snippets=False).results
        searcher.weights["qtf"] = 0.0  # every term once
        once = searcher.search(question, snippets=False).results
    assert [r.name for r in counted][:1] == ["tam-tru.txt"]
    by_name = {r.name: r.score for r in counted}
    by_name_once = {r.name: r.score for r in once}
    assert by_name["tam-tru.txt"] / by_name["thuong-tru.txt"] > \
        by_name_once["tam-tru.txt"] / by_name_once["thuong-tru.txt"]
