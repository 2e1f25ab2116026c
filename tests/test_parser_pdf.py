"""PdfParser: text layer per page, empty pages listed, passwords and damaged files."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from kb.config import load_config
from kb.errors import ParseError
from kb.ingest.pdf import PdfParser, fix_artefacts

DATA = Path(__file__).resolve().parent / "data" / "parsers"
LIMITS = load_config(environ={})


@pytest.mark.parametrize("name", ["quyet-dinh.pdf", "encrypted-empty.pdf", "pdf-named.txt"])
def test_text_layer_pages_and_title(name):
    doc = PdfParser().parse(DATA / name, LIMITS)
    assert doc.format == "pdf"
    assert doc.text.startswith("QUYẾT ĐỊNH\nVề việc phê duyệt quy hoạch cụm công nghiệp")
    assert "Thường trực Tỉnh ủy" in doc.text
    assert doc.extra["pages"] == 3 and doc.extra["empty_pages"] == [2]
    assert doc.title == "Quyết định về việc phê duyệt quy hoạch cụm công nghiệp"
    # Page 1 and page 3 are separated by one blank line.
    assert "hằng năm.\n\nCăn cứ Quyết định" in doc.text


def test_document_code_broken_at_its_hyphen_is_joined():
    doc = PdfParser().parse(DATA / "quyet-dinh.pdf", LIMITS)
    assert "Quyết định số 1074/QĐ-BXD của Bộ Xây dựng." in doc.text


@pytest.mark.parametrize("raw, fixed", [
    ("số 1074/QĐ-\nBXD ngày", "số 1074/QĐ-BXD ngày"),
    ("Nghị định 33/2025/NĐ-\nCP", "Nghị định 33/2025/NĐ-CP"),
    ("infor-\nmation", "information"),
    ("Độc lập - Tự do -\nHạnh phúc", "Độc lập - Tự do -\nHạnh phúc"),  # a dash, not a split
    ("kinh tế-\nxã hội", "kinh tế-\nxã hội"),  # Vietnamese words are never re-joined
])
def test_fix_artefacts(raw, fixed):
    assert fix_artefacts(raw) == fixed


def test_password_protected_pdf_is_refused_with_a_vietnamese_reason():
    with pytest.raises(ParseError) as err:
        PdfParser().parse(DATA / "encrypted-secret.pdf", LIMITS)
    assert err.value.reason == "encrypted PDF, password required"
    assert err.value.user_reason == "tệp PDF được mã hoá, cần mật khẩu"


def test_truncated_pdf_is_a_parse_error_without_warnings():
    # pytest turns warnings into errors: a leaked pypdf warning would fail differently.
    with pytest.raises(ParseError) as err:
        PdfParser().parse(DATA / "truncated.pdf", LIMITS)
    assert "truncated" in err.value.reason and "bị hỏng" in err.value.user_reason


@pytest.mark.parametrize("head, score", [
    (b"%PDF-1.7\n", 1.0),
    (b"\r\n" + b" " * 500 + b"%PDF-1.4", 1.0),  # junk before the signature
    (b" " * 1100 + b"%PDF-1.4", 0.0),
    (b"Nghi quyet %PD", 0.0),
])
def test_signature_is_looked_for_in_the_first_kilobyte(head, score):
    assert PdfParser().score(Path("x.bin"), head) == score


def test_long_pdf_text_is_cut():
    doc = PdfParser().parse(DATA / "quyet-dinh.pdf", {**LIMITS, "max_text_chars": 20})
    assert doc.text == "QUYẾT ĐỊNH\nVề việc p" and doc.extra["truncated"] is True


@pytest.mark.shared
def test_real_born_digital_decision_is_clean_vietnamese(shared_data):
    doc = PdfParser().parse(shared_data / "gov-docs/QD-1074-QD-BXD-29-6-2026.pdf", LIMITS)
    assert "Số: 1074/QĐ-BXD Hà Nội, ngày 29 tháng 6 năm 2026" in doc.text
    assert "Điều 2. Quyết định này có hiệu lực kể từ ngày ký." in doc.text
    assert "Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15" in doc.text
    assert unicodedata.is_normalized("NFC", doc.text) and "\ufffd" not in doc.text
    assert doc.extra["empty_pages"] == [] and doc.title is None  # no /Title in the file


@pytest.mark.shared
def test_image_only_scan_lists_every_page_for_ocr(shared_data):
    doc = PdfParser().parse(shared_data / "gov-docs/CV-813-CucHoaChat.pdf", LIMITS)
    assert doc.text == ""
    assert doc.extra["empty_pages"] == list(range(1, doc.extra["pages"] + 1))


@pytest.mark.shared
def test_scanned_pdf_with_ocr_layer_gives_its_text(shared_data):
    doc = PdfParser().parse(shared_data / "gov-docs/Nghi-dinh-thu-Viet-Trung.pdf", LIMITS)
    assert doc.extra["pages"] == 14 and doc.extra["empty_pages"] == []
    assert "Trung Quốc" in doc.text
