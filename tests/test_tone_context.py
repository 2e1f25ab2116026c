"""A tone correction only where the user's spelling is unlikely, not wherever another is common.

Given an index of answers written the way a ministry writes them (Bộ Công an, tội phạm, nhân
dân, Tỉnh ủy Nam Định: words that a user's question spells differently, "bố tôi", "nhẫn nại",
"năm 2025"), when a user types a correct word whose other spelling is frequent beside one of
its neighbours, kb searches what was typed and does not say it corrected anything; a syllable
the index does not hold ("tham nhủng", "nhà nưóc") is still searched as meant.
"""

from __future__ import annotations

import pytest
from conftest import index_texts

ANSWERS = {
    **{f"tra-loi-{i:02}.txt": (
        f"Trả lời câu hỏi số {i}\n\nTheo quy định của Bộ Công an, người thực hiện hành vi "
        f"{'của tội phạm' if i % 3 == 0 else 'phạm tội'} sẽ bị xử lý theo pháp luật. Cơ quan "
        "công an cùng chính quyền và nhân dân "
        "phòng ngừa tội phạm; nhiều lần tái phạm là tình tiết tăng nặng. Cán bộ phải đấu tranh "
        "phòng chống tham nhũng.\n") for i in range(1, 45)},
    **{f"tinh-uy-{i}.txt": (
        f"Tỉnh ủy Nam Định họp phiên thứ {i}\n\nTỉnh ủy Nam Định tổ chức hội nghị sơ kết công "
        "tác xây dựng Đảng của nhà nước và nhân dân.\n") for i in range(1, 5)},
    **{f"bao-cao-{i}.txt": (
        f"Báo cáo số {i}\n\nBáo cáo tổng kết công tác năm 2025 của văn phòng. Tôi đề nghị bố "
        "trí thêm cán bộ; bố mẹ các cháu được mời dự.\n") for i in range(1, 5)},
    "danh-ngon.txt": "Kiên trì và nhẫn nại, không chịu lùi một phân, vật chất tuy đau khổ "
                     "không nao núng tinh thần.\n",
}


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    from kb.index.search import Searcher

    config = index_texts(tmp_path_factory.mktemp("tone-context"), ANSWERS, ocr="off")
    with Searcher(config) as s:
        yield s


@pytest.mark.parametrize("query, switches, wrong", [
    # a number beside the word is a neighbour: "năm 2025" is not "Nam (Định) 2025"
    ("báo cáo tỉnh ủy năm 2025", ["tone_context"], "báo cáo tỉnh ủy nam 2025"),
    # the neighbour that holds the typed spelling outweighs the one that holds another, and
    # "nhẫn nại" is a word of the language
    ("kiên trì và nhẫn nại", ["tone_context", "tone_words"], "kiên trì và nhân nại"),
    # a word of the language with its neighbour ("bao nhiêu") is kept
    ("phạt bao nhiêu lần", ["tone_words"], "phạt bao nhiều lần"),
    # in a question, a word the index holds is no typo, whatever its neighbours say
    ("xin hỏi giấy tờ của bố tôi bị mất thì làm lại thế nào", ["tone_long_rare"],
     "xin hỏi giấy tờ của bộ tôi bị mất thì làm lại thế nào"),
])
def test_a_correct_word_is_searched_as_typed(searcher, query, switches, wrong):
    assert searcher.search(query).corrected is None
    saved = dict(searcher.weights)
    try:
        searcher.weights.update(dict.fromkeys(switches, 0))  # the mechanism is what keeps it
        assert searcher.search(query).corrected == wrong
    finally:
        searcher.weights.update(saved)


def test_in_a_question_an_index_word_whose_neighbours_only_repeat_its_rarity_is_kept(searcher):
    # "tôi" is in 4 of 52 texts and "tội" in 44; "của tội" (14 of them) against "của tôi"
    # (none) says no more than that: the prior, not the context.
    query = "xin hỏi giấy tờ của tôi bị mất thì làm lại thế nào"
    saved = dict(searcher.weights)
    try:
        searcher.weights["tone_long_rare"] = 0  # the prior alone
        assert searcher.search(query).corrected is None
        searcher.weights["tone_prior"] = 0
        assert searcher.search(query).corrected == \
            "xin hỏi giấy tờ của tội bị mất thì làm lại thế nào"
    finally:
        searcher.weights.update(saved)


def test_a_short_lookup_is_left_to_its_neighbours(searcher):
    # "giấy tờ của tôi" is no question: the prior does not hold its correction back
    saved = dict(searcher.weights)
    try:
        searcher.weights["tone_prior"] = 0
        without = searcher.search("giấy tờ của tôi").corrected
    finally:
        searcher.weights.update(saved)
    assert searcher.search("giấy tờ của tôi").corrected == without


@pytest.mark.parametrize("typed, meant", [
    ("phòng chống tham nhủng", "phòng chống tham nhũng"),
    ("công tác xây dựng Đảng của nhà nưóc và nhân dân trong năm",
     "công tác xây dựng Đảng của nhà nước và nhân dân trong năm"),
])
def test_a_spelling_the_index_does_not_hold_is_still_corrected(searcher, typed, meant):
    assert searcher.search(typed).corrected == meant
