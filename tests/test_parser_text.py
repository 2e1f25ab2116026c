"""TextParser and decode_bytes: Vietnamese text in every encoding a file system holds."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from kb.config import load_config
from kb.ingest.encoding import cp1258_score, decode_bytes, looks_like_text
from kb.ingest.text import TextParser, strip_markdown

DATA = Path(__file__).resolve().parent / "data" / "parsers"
SENTENCE = "Nghị quyết của Đảng về phát triển kinh tế - xã hội"
LIMITS = load_config(environ={})


@pytest.mark.parametrize("name, encoding", [
    ("vn-utf8.txt", "utf-8"),
    ("vn-utf8-bom.txt", "utf-8-sig"),
    ("vn-utf16le.txt", "utf-16-le"),
    ("vn-utf16be.txt", "utf-16-be"),
    ("vn-utf16le-nobom.txt", "utf-16-le"),
    ("vn-cp1258.txt", "cp1258"),
    ("vn-nfd.txt", "utf-8"),
])
def test_every_encoding_decodes_to_the_same_nfc_paragraph(name, encoding):
    text, found = decode_bytes((DATA / name).read_bytes())
    assert found == encoding
    assert text.startswith(SENTENCE)  # no BOM character left in front
    assert unicodedata.is_normalized("NFC", text)
    assert "Thường trực Tỉnh ủy" in text


def test_cp1258_is_recognised_by_its_tone_marks_not_read_as_cp1252():
    data = (DATA / "vn-cp1258.txt").read_bytes()
    assert cp1258_score(data) > 0.002
    assert cp1258_score(SENTENCE.encode("utf-8")) < 0.002
    # What a Western decoder would have made of it: the tone marks become Ì Ò Þ ì ò.
    assert "Ì" in data.decode("cp1252") and "Ì" not in decode_bytes(data)[0]


@pytest.mark.parametrize("sentence, codepage", [
    ("Café crème brûlée, déjà vu à Paris. ", "cp1252"),
    ("Привет, как дела? Это тест кодировки. ", "cp1251"),
])
def test_other_legacy_code_pages_are_not_taken_for_vietnamese(sentence, codepage):
    text, encoding = decode_bytes((sentence * 5).encode(codepage))
    assert text == sentence * 5
    assert encoding != "cp1258"


@pytest.mark.parametrize("name, is_text", [
    ("vn-utf8.txt", True), ("vn-utf16le-nobom.txt", True), ("vn-cp1258.txt", True),
    ("junk.bin", False), ("quyet-dinh.pdf", False),
])
def test_binary_junk_is_not_text(name, is_text):
    assert looks_like_text((DATA / name).read_bytes()[:8192]) is is_text
    score = TextParser().score(DATA / name, (DATA / name).read_bytes()[:8192])
    assert (score > 0) is is_text and score <= 0.15


def test_parse_cleans_text_and_records_the_encoding():
    doc = TextParser().parse(DATA / "vn-utf16be.txt", LIMITS)
    assert doc.format == "text" and doc.extra["encoding"] == "utf-16-be"
    assert doc.text.startswith(SENTENCE) and not doc.text.endswith("\n")
    assert doc.title is None


def test_markdown_syntax_is_stripped_but_words_stay():
    doc = TextParser().parse(DATA / "ghi-chu.md", LIMITS)
    assert doc.title == "Ghi chú về Nghị quyết số 12-NQ/TW"
    assert doc.format == "markdown"  # the document page says "Markdown", not plain text
    assert "toàn văn nghị quyết và ảnh hội nghị." in doc.text
    assert "Xây dựng, chỉnh đốn Đảng" in doc.text and "Phát huy dân chủ ở cơ sở" in doc.text
    assert "Ban Tuyên giáo Tuyên truyền, phổ biến" in doc.text
    assert "snake_case_id" in doc.text and "Đảng lãnh đạo" in doc.text
    for noise in ("#", "**", "](", "https://", "|", "---", "`", ">"):
        assert noise not in doc.text, noise


@pytest.mark.parametrize("markdown, plain", [
    ("## Điều 1. Phạm vi", "Điều 1. Phạm vi"),
    ("**Chỉ thị** và *Nghị quyết*", "Chỉ thị và Nghị quyết"),
    ("[Cổng thông tin](http://x.vn/a_b)", "Cổng thông tin"),
    ("| Tỉnh | Số |\n|---|---|\n| Lào Cai | 3 |", "Tỉnh\tSố\n\nLào Cai\t3"),
    ("a\n\n***\n\nb", "a\n\n\n\nb"),
    # party-docs 5442d166…: a crawled header table glues the kind and the law's name.
    ("**LUẬT****CÁN BỘ, CÔNG CHỨC**", "LUẬT\nCÁN BỘ, CÔNG CHỨC"),
])
def test_strip_markdown(markdown, plain):
    assert strip_markdown(markdown) == plain


def test_a_plain_txt_keeps_its_dashes_and_pipes():
    # Only .md gets Markdown stripping; a .txt with '---' rules is left as written.
    doc = TextParser().parse(DATA / "vn-utf8.txt", LIMITS)
    assert "kinh tế - xã hội" in doc.text and "markdown" not in doc.extra


def test_long_text_is_cut_and_marked_truncated():
    doc = TextParser().parse(DATA / "vn-cp1258.txt", {**LIMITS, "max_text_chars": 30})
    assert len(doc.text) == 30 and doc.extra["truncated"] is True
    assert "truncated" not in TextParser().parse(DATA / "vn-cp1258.txt", LIMITS).extra


@pytest.mark.shared
def test_real_party_markdown_loses_its_table_syntax(shared_data):
    doc = TextParser().parse(shared_data / "party-docs/docs/00ebdc32c8c0aec2.md", LIMITS)
    assert doc.title == "Ban Chỉ đạo Cải cách Tư pháp Trung ương Đảng Cộng sản Việt Nam"
    assert "Trưởng ban Lương Cường" in doc.text
    assert not any(line.startswith(("|", "#", "---")) for line in doc.text.splitlines())


@pytest.mark.shared
def test_real_law_text_is_read_unchanged(shared_data):
    path = shared_data / "laws/texts/Bo-Luat-lao-dong-2019-333670.txt"
    doc = TextParser().parse(path, LIMITS)
    assert doc.extra["encoding"] == "utf-8"
    assert doc.text.startswith("QUỐC HỘI") and "Bộ luật số: 45/2019/QH14" in doc.text
