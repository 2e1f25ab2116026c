"""Query understanding: numbers in every spelling, tone marks corrected from the index.

Given the session's corpus index (corpus/ plus the seed article), when a user types a kind
abbreviation with a serial in any spelling, the document bearing that number comes first; when
one syllable carries the wrong tone mark, kb searches the spelling the index knows and says so,
and the exact form stays one click away.
"""

from __future__ import annotations

import pytest

from kb.analysis.docnum import respell_kind_serials, swapped_docnum


@pytest.mark.parametrize("typed, spaced", [
    ("CT05", "CT 05"), ("ct-05", "CT 05"), ("NQ04", "NQ 04"), ("KL01", "KL 01"),
    ("qđ383 năm 2025", "QĐ 383 năm 2025"), ("TB.1894", "TB 1894"),
    # glued to a whole printed number: the number is left whole
    ("NQ74/NQ-CP 2025", "NQ 74/NQ-CP 2025"), ("QĐ383-QĐ/TW", "QĐ 383-QĐ/TW"),
    ("nđ32/2024/NĐ-CP", "NĐ 32/2024/NĐ-CP"),
])
def test_kind_abbreviations_glued_to_a_serial_are_spaced(typed, spaced):
    assert respell_kind_serials(typed) == spaced


@pytest.mark.parametrize("text", ["phòng 05", "năm 2024", "ABC05", "Điều 5", "05-CT/TW",
                                  "abc74/NQ-CP"])
def test_words_and_proper_numbers_are_left_alone(text):
    assert respell_kind_serials(text) == text


def test_the_other_numbering_style_of_a_number():
    assert swapped_docnum("5/ct-tw") == "5-ct/tw"
    assert swapped_docnum("7-ct/ttg") == "7/ct-ttg"
    assert swapped_docnum("32/2024/nd-cp") is None


@pytest.mark.parametrize("query, number", [
    ("CT05", "05-CT/TW"), ("CT-05", "05-CT/TW"), ("CT 05", "05-CT/TW"), ("ct05", "05-CT/TW"),
    ("05/CT-TW", "05-CT/TW"), ("chỉ thị 05", "05-CT/TW"), ("chi thi so 5", "05-CT/TW"),
    ("NQ04", "04-NQ/TW"), ("KL01", "01-KL/TW"), ("KL 01", "01-KL/TW"), ("01/KL-TW", "01-KL/TW"),
    ("CT07", "07/CT-TTg"), ("07-CT/TTg", "07/CT-TTg"),
])
def test_a_lookup_by_number_brings_the_document_itself_first(searcher, query, number):
    response = searcher.search(query, limit=3)
    assert response.results, query
    first = searcher.document(response.results[0].id)
    assert (first.get("meta") or {}).get("number") == number


@pytest.mark.parametrize("typed, meant", [
    ("chỉ thi 05", "chỉ thị 05"),
    ("lương y như từ mẩu", "lương y như từ mẫu"),
    ("phòng chống tham nhủng", "phòng chống tham nhũng"),
    ("sinh hoạt chi bô", "sinh hoạt chi bộ"),
])
def test_one_wrong_tone_mark_is_searched_as_meant_and_said(searcher, typed, meant):
    response = searcher.search(typed)
    assert response.corrected == meant
    assert response.query == typed
    assert response.total == searcher.search(meant).total


@pytest.mark.parametrize("query", [
    "phòng chống tham nhũng", "thi đua yêu nước", "học tập và làm theo tư tưởng",
    "chuyển đổi số", "chi thi 05", "kind:chithi chỉ thị 05",
])
def test_a_query_spelt_as_the_index_spells_it_is_not_corrected(searcher, query):
    assert searcher.search(query).corrected is None


def test_the_exact_form_stays_searchable(searcher):
    exact = searcher.search("chỉ thi 05", exact=True)
    assert exact.corrected is None
    assert exact.total < searcher.search("chỉ thi 05").total


def test_the_page_says_what_it_searched_and_links_the_exact_form(client):
    page = client.get("/?q=tham+nh%E1%BB%A7ng").get_data(as_text=True)
    assert "Có phải bạn muốn tìm" in page and "tham nhũng" in page
    assert "exact=1" in page
    exact = client.get("/?q=tham+nh%E1%BB%A7ng&exact=1").get_data(as_text=True)
    assert "Đang hiển thị kết quả cho" not in exact


def test_the_api_reports_the_correction(client):
    data = client.get("/api/search?q=ch%E1%BB%89+thi+05").get_json()
    assert data["query"] == "chỉ thi 05" and data["corrected"] == "chỉ thị 05"


@pytest.mark.parametrize("query", ["chuyển hoá", "chuyển hóa", "chuyen hoa"])
def test_a_word_as_typed_beats_its_syllables_scattered(ranked_names, query):
    names = ranked_names({
        "tu-chuyen-hoa.txt": 'Biểu hiện suy thoái, "tự diễn biến", "tự chuyển hóa" trong nội bộ '
                             'phải được ngăn chặn.\n',
        "hoa-don.txt": "Doanh nghiệp chuyển giao hồ sơ, chuyển khoản thanh toán, xuất hoá đơn "
                       "điện tử, lưu hoá đơn giấy; chuyển dữ liệu hoá đơn về cơ quan thuế. "
                       "Chuyển tiếp hoá đơn cho kế toán.\n"}, query)
    assert names[:1] == ["tu-chuyen-hoa.txt"]


@pytest.mark.parametrize("query, kind", [
    ("kế hoạch học tập và làm theo tư tưởng đạo đức phong cách Hồ Chí Minh", "Kế hoạch"),
    ("báo cáo kết quả thực hiện chỉ thị 05", "Báo cáo"),
    ("KẾ HOẠCH HỌC TẬP VÀ LÀM THEO TƯ TƯỞNG ĐẠO ĐỨC PHONG CÁCH HỒ CHÍ MINH", "Kế hoạch"),
])
def test_a_query_opening_with_a_kind_wants_a_document_of_that_kind(searcher, query, kind):
    # The directive shares these words and, without the kind, came first for both queries.
    first = searcher.search(query, snippets=False).results[0]
    assert first.kind == kind


def test_a_kind_word_inside_a_phrase_is_not_an_opening_kind():
    from kb.index.query_builder import _opening_kind

    assert _opening_kind("Luật Việc làm 2025") == ["luat"]
    assert _opening_kind("hình thức kỷ luật đảng viên") == []
    assert _opening_kind("Luật") == []  # a kind alone is a filter, not a title


@pytest.mark.parametrize("query", ["05-CT/TW", "05/CT-TW", "05-ct/tw"])
def test_a_number_whose_document_is_absent_ranks_what_cites_it_not_its_serial(ranked_names,
                                                                              query):
    # The directive itself is not in this index: the two texts that cite it are found, the one
    # citing it throughout first; the serial "5" of every "19/5" and "5 năm" counts for nothing.
    names = ranked_names({
        "bao-cao.txt": "Báo cáo kết quả thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị. Chi bộ "
                       "đã quán triệt Chỉ thị 05-CT/TW đến từng đảng viên; mỗi đảng viên đăng ký "
                       "việc làm theo Chỉ thị 05-CT/TW gắn với nhiệm vụ của cơ quan.\n",
        "loi-chuc.txt": "Lời chúc mừng sinh nhật Bác 19/5. Ngày 19/5/1890 Bác sinh ra ở Kim Liên. "
                        "Tháng 5 năm nay, trong 5 năm thực hiện Chỉ thị số 05-CT/TW, đoàn viên "
                        "dâng hoa lúc 5 giờ sáng 19/5; 5 chi đoàn, 5 tổ, 5 đội cùng hát mừng "
                        "ngày 19/5.\n"}, query)
    assert names == ["bao-cao.txt", "loi-chuc.txt"]
