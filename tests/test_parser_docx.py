"""DocxParser: body and tables in document order, headers, footers, footnotes, bad zips."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.config import load_config
from kb.errors import ParseError
from kb.ingest.docx import DocxParser

DATA = Path(__file__).resolve().parent / "data" / "parsers"
LIMITS = load_config(environ={})


@pytest.fixture(scope="module")
def plan():
    return DocxParser().parse(DATA / "ke-hoach.docx", LIMITS)


def test_body_and_table_come_in_document_order(plan):
    lines = plan.text.splitlines()
    opening = lines.index("Mở đầu: triển khai Chỉ thị về quản lý khoáng sản.")
    header_row = lines.index("STT | Nội dung công việc | Cơ quan chủ trì")
    closing = lines.index("Kết luận: các đơn vị báo cáo kết quả trước ngày 15/12.")
    assert opening < header_row < closing


def test_merged_cells_are_written_once(plan):
    assert "2 | Kiểm tra việc chấp hành pháp luật về khoáng sản" in plan.text.splitlines()
    assert plan.text.count("Kiểm tra việc chấp hành") == 1


def test_header_footer_once_though_two_sections_share_them(plan):
    assert plan.extra["headers"] == ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI"]
    assert plan.extra["footers"] == ["Trang chân: Văn phòng Ủy ban"]
    assert plan.text.count("ỦY BAN NHÂN DÂN TỈNH LÀO CAI") == 1
    assert plan.text.count("Trang chân") == 1


def test_footnote_text_is_kept_and_separators_skipped(plan):
    note = "Chỉ thị số 11-CT/TU ngày 20/5/2024 của Ban Thường vụ Tỉnh ủy."
    assert plan.extra["footnotes"] == [note]
    assert plan.text.endswith(note)


def test_core_title_and_format(plan):
    assert plan.title == "Kế hoạch triển khai Chỉ thị số 11-CT/TU"
    assert plan.format == "docx" and plan.extra["tables"] == 1


@pytest.mark.parametrize("name, expected", [
    ("ke-hoach.docx", 1.0),
    ("corrupt.docx", 0.3),  # accepted so that the user hears why it cannot be read
    ("not-a-docx.zip", 0.0),
    ("vn-utf8.txt", 0.0),
])
def test_score_looks_inside_the_zip(name, expected):
    path = DATA / name
    assert DocxParser().score(path, path.read_bytes()[:8192]) == expected


def test_corrupt_docx_is_a_parse_error_with_a_reason():
    with pytest.raises(ParseError) as err:
        DocxParser().parse(DATA / "corrupt.docx", LIMITS)
    assert "corrupt DOCX" in err.value.reason and "bị hỏng" in err.value.user_reason
    assert err.value.path.endswith("corrupt.docx")


def test_zip_bomb_guard_uses_max_unzipped_mb():
    with pytest.raises(ParseError) as err:
        DocxParser().parse(DATA / "ke-hoach.docx", {**LIMITS, "max_unzipped_mb": 0.01})
    assert "zip bomb" in err.value.reason and "vượt giới hạn" in err.value.user_reason


def test_text_is_cut_at_max_text_chars():
    doc = DocxParser().parse(DATA / "ke-hoach.docx", {**LIMITS, "max_text_chars": 50})
    assert len(doc.text) == 50 and doc.extra["truncated"] is True


def _gov(shared_data: Path, name: str):
    return DocxParser().parse(shared_data / "gov-docs" / name, LIMITS)


@pytest.mark.shared
def test_real_directive_reads_as_a_directive(shared_data):
    doc = _gov(shared_data, "CT-07-2012-TTg-chan-chinh-KKT-KCN-CCN.docx")
    assert "Số: 07/CT-TTg | Hà Nội, ngày 02 tháng 03 năm 2012" in doc.text
    assert "CHỈ THỊ" in doc.text and "Chỉ thị" in doc.text
    assert "khu công nghiệp (KCN)" in doc.text


@pytest.mark.shared
def test_real_plan_tables_and_footnote_appear(shared_data):
    doc = _gov(shared_data, "KH-UBND-trien-khai-Chi-thi-11-CT-TU-QLNN-khoang-san.docx")
    lines = doc.text.splitlines()
    assert doc.extra["tables"] == 3
    assert ("TT | Tên nhiệm vụ | Sở, ngành chủ trì tham mưu | Đơn vị phối hợp thực hiện"
            " | Thời gian thực hiện | Ghi chú") in lines
    assert any(line.startswith("1 | Tổ chức quán triệt sâu rộng Chỉ thị") for line in lines)
    # The footnote lists the documents the plan rests on.
    assert any("Nghị quyết số 10-NQ/TW" in note for note in doc.extra["footnotes"])
    assert doc.extra["headers"] == []  # the only header is a page number


@pytest.mark.shared
@pytest.mark.parametrize("name, phrase", [
    ("BC-tinh-ket-qua-Chi-thi-38-TTg.docx", "Chỉ thị số 38"),
    ("Luat-Hoa-chat-69-2025-QH15.docx", "LUẬT"),
    ("ND-32-2024-quan-ly-phat-trien-CCN.docx", "cụm công nghiệp"),
    ("TT-14-2024-che-do-bao-cao-mau-van-ban-CCN.docx", "THÔNG TƯ"),
])
def test_every_real_docx_gives_clean_vietnamese(shared_data, name, phrase):
    doc = _gov(shared_data, name)
    assert phrase in doc.text
    assert len(doc.text) > 10_000
    assert doc.title != "Word Document"  # a template's leftover is not a title
