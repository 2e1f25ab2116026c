"""kb.ingest.office: legacy Office files come out as Unicode Vietnamese, Unicode ones untouched."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kb.errors import ParseError
from kb.ingest.office import (DocParser, PptParser, RtfParser, XlsParser, XlsxParser, _run,
                              parser_for)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.legacy_accuracy import diacritic_accuracy  # noqa: E402

LIMITS = {"parse_timeout": 60, "max_text_chars": 5_000_000, "max_unzipped_mb": 200}

# Real legacy files with their METRIC.md diacritic accuracy measured by
# benchmarks/legacy_accuracy.py (all measured at 0.993-1.000); the bar is 0.97.
REAL_FILES = [
    ("tcvn3/2004-0328NDCP.doc", DocParser, "tcvn3"),
    ("tcvn3/2004-NghiDinh114_2003.doc", DocParser, "tcvn3"),
    ("vni/2009-download.doc", DocParser, "vni"),
    ("tcvn3/2003-A04.rtf", RtfParser, "tcvn3"),
    ("tcvn3/2005-FDILangson.xls", XlsParser, "tcvn3"),
    ("vni/2006-Mau21_CKTC_NSH.xls", XlsParser, "vni"),
]


@pytest.mark.shared
@pytest.mark.parametrize("name,parser_cls,encoding", REAL_FILES)
def test_real_legacy_files_recover_diacritics(shared_data, name, parser_cls, encoding):
    # given a pre-Unicode government file and its transcript
    root = shared_data / "legacy-encodings"
    path = root / "corpus" / "public-domain" / name
    truth = (root / "ground-truth" / (path.stem + ".txt")).read_text(encoding="utf-8")
    # when kb picks a parser by content and reads it
    parser = parser_for(path)
    assert isinstance(parser, parser_cls)
    doc = parser.parse(path, LIMITS)
    # then the legacy encoding is named and the diacritics come back
    assert doc.extra["legacy_encoding"] == encoding
    assert diacritic_accuracy(doc.text, truth) >= 0.97


@pytest.mark.shared
def test_tcvn3_decree_reads_as_vietnamese(shared_data):
    path = shared_data / "legacy-encodings/corpus/public-domain/tcvn3/2004-0328NDCP.doc"
    text = DocParser().parse(path, LIMITS).text
    assert "Căn cứ Pháp lệnh phát hành công trái xây dựng Tổ quốc" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text


@pytest.mark.shared
@pytest.mark.parametrize("name,phrases", [
    ("TT-15-2026-BCT-text.doc", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                 "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15",
                                 "Nghị định số 40/2025/NĐ-CP"]),
    ("TT-16-2018-BCA-tienchat.doc", ["Quy định chi tiết một số điều của Luật Quản lý",
                                     "sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ",
                                     "Theo đề nghị của Tổng cục trưởng Tổng cục Cảnh sát"]),
])
def test_unicode_doc_is_read_and_not_converted(shared_data, name, phrases):
    # given a modern .doc holding Unicode text (it still names .VnTime-era fonts in places)
    path = shared_data / "gov-docs" / name
    doc = parser_for(path).parse(path, LIMITS)
    assert doc.format == "doc"
    assert doc.extra["legacy_encoding"] is None
    for phrase in phrases:
        assert phrase in doc.text


def test_rtf_fixture_in_vntime(tests_data):
    doc = RtfParser().parse(tests_data / "legacy" / "tcvn3.rtf", LIMITS)
    assert doc.text.split("\n")[:2] == ["Căn cứ Pháp lệnh phát hành công trái xây dựng Tổ quốc",
                                        "Độc lập - Tự do - Hạnh phúc"]
    assert doc.extra["legacy_encoding"] == "tcvn3"


def test_xlsx_with_tcvn3_cells(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "T\xaan d\xf9 \xb8n", "\xa7\xdea \xaei\xd3m"])  # Tên dự án | Địa điểm
    sheet.append([1, "Th\xa8m d\xdf v\xb5 khai th\xb8c v\xb5ng", 5900000.0])
    path = tmp_path / "bang.xlsx"
    book.save(path)
    assert isinstance(parser_for(path), XlsxParser)
    doc = XlsxParser().parse(path, LIMITS)
    assert "Thăm dò và khai thác vàng\t5900000" in doc.text
    assert "Tên dự án\tĐịa điểm" in doc.text


def test_office_sniffing_ignores_the_extension(tmp_path, tests_data):
    # an RTF renamed to .doc is still read as RTF; random bytes named .doc are nobody's
    renamed = tmp_path / "van-ban.doc"
    renamed.write_bytes((tests_data / "legacy" / "tcvn3.rtf").read_bytes())
    assert isinstance(parser_for(renamed), RtfParser)
    junk = tmp_path / "junk.doc"
    junk.write_bytes(b"not an office file at all")
    assert parser_for(junk) is None


def test_corrupt_ole_file_raises_parse_error(tmp_path):
    bad = tmp_path / "hong.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(ParseError) as info:
        DocParser().parse(bad, LIMITS)
    assert str(bad) in str(info.value)


def test_missing_tool_is_a_clear_parse_error(tmp_path):
    with pytest.raises(ParseError) as info:
        _run(["kb-no-such-converter", "x"], tmp_path / "a.ppt", LIMITS)
    assert "not installed" in str(info.value)
    assert "install-sysdeps" in info.value.user_message()


def test_converter_timeout_is_a_parse_error(tmp_path):
    # A converter that never finishes (it waits on an event nobody sets) is stopped at the
    # limit, whatever the machine's speed.
    never = [sys.executable, "-c", "import threading; threading.Event().wait()"]
    with pytest.raises(ParseError) as info:
        _run(never, tmp_path / "a.ppt", {"parse_timeout": 0.2})
    assert "longer than" in str(info.value) and "quá 0.2 giây" in info.value.user_message()


@pytest.mark.shared
def test_ppt_files_in_corpus_are_sniffed(shared_data):
    ppts = sorted((shared_data / "legacy-encodings" / "corpus").rglob("*.ppt"))
    if not ppts:
        pytest.skip("no .ppt in this copy of the corpus")
    assert isinstance(parser_for(ppts[0]), PptParser)
    assert PptParser().parse(ppts[0], LIMITS).text.strip()
