"""Which pages without an official layout are articles ("Bài báo") (kb.understand.webkind)."""

import pytest

from kb.config import load_config
from kb.ingest.pipeline import read_document
from kb.understand.webkind import article_kind, proclaimed_kind

PARAGRAPH = ("Trong những năm qua, phong trào thi đua yêu nước ở địa phương đã có nhiều chuyển "
             "biến rõ rệt, nhiều mô hình hay, cách làm sáng tạo được nhân rộng trong toàn tỉnh. ")


def test_running_prose_is_an_article():
    text = "Bác Hồ với tết Mậu Thân năm ấy\n" + "\n".join([PARAGRAPH * 2] * 4)
    assert article_kind(text, "Bác Hồ với tết Mậu Thân năm ấy") == "Bài báo"


def test_a_headline_asking_a_question_is_still_an_article():
    text = "\n".join([PARAGRAPH * 2] * 4)
    assert article_kind(text, "Ngày Thơ Việt Nam lần thứ 15 có gì mới?") == "Bài báo"


@pytest.mark.parametrize("first", ["Hỡi đồng bào cả nước,", "Thưa các đồng chí,", "LỜI GIỚI THIỆU TẬP 1"])
def test_a_speech_a_letter_or_a_book_preface_is_not(first):
    assert article_kind(first + "\n" + "\n".join([PARAGRAPH * 2] * 4), None) is None


def test_an_encyclopedia_entry_or_a_short_note_is_not():
    entry = "\n".join([PARAGRAPH * 2] * 4 + ["Tham khảo", "1. Báo Nhân Dân, 2015."])
    assert article_kind(entry, "Huy hiệu Bác Hồ") is None
    assert article_kind(PARAGRAPH, "Ghi chú") is None


@pytest.mark.parametrize("doc,kind", [
    ("728e9b822ccab753", "Bài báo"),  # an essay by a minister, with footnotes ("Chú thích:")
    ("dde0aaa1efb3aac8", "Bài báo"),  # a secretary's memoir, dialogue and a poem inside
    ("47cb430aabf68f6f", None),  # an encyclopedia entry ("5 điều Bác Hồ dạy")
    ("016a162686f2f383", None),  # a question-and-answer page of a legal site
    ("d5bbfbd926de7bad", None),  # the publisher's foreword to a volume of the Toàn tập
])
def test_kind_of_party_docs_pages(shared_data, doc, kind):
    config = load_config({"progress": "never"}, environ={})
    assert read_document(shared_data / "party-docs/docs" / f"{doc}.md", config).kind == kind


def test_encyclopedia_furniture_marks_an_entry():
    body = "\n".join([PARAGRAPH * 2] * 4)
    assert article_kind(body + "\n[sửa | sửa mã nguồn]Ngày 18 tháng 6 năm 1922, …", "Con rồng tre") is None
    assert article_kind(body, "Dân quân tự vệ (Việt Nam)") is None
    assert article_kind(body, "Thảo luận Bản mẫu:Tuyên ngôn độc lập Việt Nam") is None


def test_a_proclamation_named_by_its_title_is_of_that_kind(shared_data):
    # The Declaration of Independence, kept under a file name that spells its title; it opens on
    # "Hỡi đồng bào cả nước," and prints no kind line.
    config = load_config({"progress": "never"}, environ={})
    path = shared_data / "hcm/hcm_texts/tuyen_ngon_doc_lap_1945__tnt305_32dcc95ba34c555b.md"
    assert read_document(path, config).kind == "Tuyên ngôn"


def test_an_encyclopedia_entry_about_a_proclamation_keeps_no_kind(shared_data):
    config = load_config({"progress": "never"}, environ={})
    assert read_document(shared_data / "party-docs/docs/7e81c869c3952912.md", config).kind is None
    body = "Hỡi đồng bào cả nước,\n" + "\n".join([PARAGRAPH * 2] * 4)
    assert proclaimed_kind(body, "Tuyên ngôn độc lập") == "Tuyên ngôn"
    assert proclaimed_kind(body + "\nTham khảo\n1. Báo Nhân Dân.", "Tuyên ngôn độc lập") is None
    assert proclaimed_kind(body, "Tuyên ngôn độc lập (Việt Nam Dân chủ Cộng hòa)") is None
