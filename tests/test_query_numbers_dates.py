"""A number inside a longer query, a date typed with slashes, a saying pasted whole.

Given the pages of ../shared/data/party-docs that name the Central Propaganda and Mass
Mobilisation Commission (one of them its guidance 37-HD/BTGDVTW) or Hồ Chí Minh's Declaration
of Independence beside pages that tell its story, when the query names the guidance by kind
abbreviation and serial amid other words, or the Declaration with its date as 2/9/1945, the
document meant is found and ranked first.
"""

from __future__ import annotations

import pytest

from kb.index.query_builder import is_date_token

GUIDANCE = "8bfc5490255c4de0.md"  # Hướng dẫn 37-HD/BTGDVTW
DECLARATION = "tuyen_ngon_doc_lap_1945__tnt305_32dcc95ba34c555b.md"
STORIES = ["4fb3c78bf20d20ff.md", "d64e03afc72c6b7a.md"]  # pages that write 2/9/1945


@pytest.mark.parametrize("query", [
    "HD 37 ban tuyên giáo và dân vận",
    "hướng dẫn 37 của ban tuyên giáo và dân vận trung ương",
])
def test_a_kind_and_serial_inside_a_longer_query_bring_that_document_first(ranked_names,
                                                                          query):
    names = ranked_names({
        "huong-dan-37.txt": (
            "BAN TUYÊN GIÁO VÀ DÂN VẬN TRUNG ƯƠNG\nSố 37-HD/BTGDVTW\nHà Nội, ngày 12 tháng 6 năm 2025"
            "\n\nHƯỚNG DẪN\nvề việc đổi mới, nâng cao chất lượng, hiệu quả công tác tuyên truyền\n\n"
            "Thực hiện chương trình công tác năm 2025, các cấp ủy tổ chức học tập, quán triệt, "
            "tuyên truyền sâu rộng trong cán bộ, đảng viên và nhân dân.\n"),
        "ban-tuyen-giao.txt": (
            "Ban Tuyên giáo và Dân vận Trung ương\n\nBan Tuyên giáo và Dân vận Trung ương là cơ "
            "quan tham mưu của Ban Chấp hành Trung ương về công tác tuyên giáo và dân vận. Ban "
            "Tuyên giáo và Dân vận được thành lập năm 2025 trên cơ sở hợp nhất Ban Tuyên giáo "
            "Trung ương và Ban Dân vận Trung ương; Trưởng ban Tuyên giáo và Dân vận do Bộ Chính "
            "trị phân công. Có 37 đơn vị trực thuộc.\n")}, query)
    assert names[:1] == ["huong-dan-37.txt"]


def test_a_date_typed_with_slashes_is_not_required_of_the_text(ranked_names, shared_data):
    # The Declaration never writes "2/9/1945"; the pages about it do.
    docs = shared_data / "party-docs" / "docs"
    files = [shared_data / "hcm" / "hcm_texts" / DECLARATION] + [docs / n for n in STORIES]
    names = ranked_names(files, "tuyen ngon doc lap 2/9/1945")
    assert DECLARATION in names


@pytest.mark.parametrize("token, is_date", [
    ("2/9/1945", True), ("19/5/1890", True), ("9/2025", True),
    ("37-hd/btgdvtw", False), ("32/2024/nd-cp", False), ("13/2025", False), ("40/9/1945", False),
])
def test_which_tokens_are_dates(token, is_date):
    assert is_date_token(token) is is_date


def test_a_long_query_keeps_the_number_it_names_as_its_own():
    from kb.index.query import parse_query
    from kb.index.query_builder import WEIGHTS, QueryBuilder

    built = QueryBuilder(WEIGHTS).build(parse_query("HD 37 ban tuyên giáo và dân vận"), False)
    assert built.long
    assert "huongdan:37" in {t.text for t in built.own_numbers}


@pytest.mark.parametrize("query", ["dang ta la mot dang cam quyen", "Đảng ta là một Đảng cầm quyền"])
def test_a_text_holding_the_pasted_saying_whole_beats_one_holding_its_pieces(
        ranked_names, shared_data, query):
    # 27038661… quotes the Testament ("Đảng ta là một Đảng cầm quyền"); b959073a… speaks of "một
    # Đảng cầm quyền" and of "Đảng ta" apart, many times over.
    docs = shared_data / "party-docs" / "docs"
    files = [docs / "27038661d915cf9a.md", docs / "b959073a15c75291.md"]
    names = ranked_names(files, query)
    assert names[:1] == ["27038661d915cf9a.md"]


@pytest.mark.parametrize("query", ["80-2025-QH15", "luật 80 2025 qh15"])
def test_a_law_number_typed_with_hyphens_or_spaces_finds_the_law(ranked_names, shared_data,
                                                                 query):
    # As file names write it ("Luat-Hoa-chat-69-2025-QH15.docx"): number, year and the National
    # Assembly's term, without the slashes.
    docs = shared_data / "party-docs" / "docs"
    names = ranked_names([docs / "5442d166b03566fa.md",   # Luật Cán bộ, công chức 80/2025/QH15
                          docs / "7f4a15771553654e.md",   # Luật Việc làm 74/2025/QH15
                          docs / "1764255d4fdeb289.md"],  # a page full of other 2025 numbers
                         query)
    assert names[:1] == ["5442d166b03566fa.md"]


def test_a_long_query_ranks_the_texts_that_write_its_number_above_those_sharing_its_words(
        ranked_names):
    # A news page on the plan quotes its number once; a page on the same reorganisation never
    # writes it and repeats every other word of the query.
    names = ranked_names({
        "ke-hoach.txt": "Ngày 14/4/2025, Ban Chỉ đạo Trung ương đã ký ban hành Kế hoạch số "
                        "47-KH/BCĐ của Ban Chỉ đạo về thực hiện sắp xếp, sáp nhập đơn vị hành "
                        "chính và tổ chức chính quyền địa phương hai cấp.",
        "sap-nhap.txt": "Bộ Chính trị giao Đảng ủy Chính phủ định hướng sáp nhập tỉnh, sáp nhập "
                        "xã; kế hoạch sắp xếp đơn vị hành chính cấp tỉnh, cấp xã.",
        "khac.txt": "Kế hoạch số 12-KH/TU về công tác tuyên giáo năm 2025.",
    }, "kế hoạch 47-KH/BCĐ sắp xếp sáp nhập tỉnh xã")
    assert names[:1] == ["ke-hoach.txt"]
