"""Legacy Vietnamese encodings are converted whatever the container: plain text, HTML, DOCX.

Given a file typed in a TCVN3 (.VnTime) or VNI font and saved without Unicode, when kb ingests
it, then the text people search and read is Unicode Vietnamese.
"""

from pathlib import Path


from kb.config import load_config
from kb.ingest.legacy_tables import TCVN3
from kb.ingest.registry import choose_parser

SENTENCE = "Căn cứ Pháp lệnh phát hành công trái xây dựng Tổ quốc, Bộ Tài chính quyết định"


def tcvn3_bytes(text: str) -> bytes:
    """``text`` as a TCVN3 font file stores it (one byte per character)."""
    reverse = {char: code for code, char in TCVN3.items()}
    return bytes(reverse.get(ch, ord(ch)) for ch in text)


def parse(path: Path):
    return choose_parser(path).parse(path, load_config(environ={}))


def test_tcvn3_plain_text_becomes_unicode(tmp_path):
    path = tmp_path / "quyet-dinh.txt"
    path.write_bytes(tcvn3_bytes(SENTENCE + ".\n"))
    parsed = parse(path)
    assert parsed.text == SENTENCE + "."
    assert parsed.extra["legacy_encoding"] == "tcvn3"


def test_tcvn3_html_page_becomes_unicode(tmp_path):
    path = tmp_path / "trang.html"
    path.write_bytes(b"<html><head><meta charset='windows-1252'></head><body><p>"
                     + tcvn3_bytes(SENTENCE) + b"</p></body></html>")
    assert SENTENCE in parse(path).text


def test_unicode_text_is_left_alone(tmp_path):
    path = tmp_path / "unicode.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    parsed = parse(path)
    assert parsed.text == SENTENCE and "legacy_encoding" not in parsed.extra


def test_vni_docx_from_the_legacy_corpus_becomes_unicode(shared_data):
    files = sorted((shared_data / "legacy-encodings/corpus/synthetic").glob("*.docx"))
    assert files
    parsed = parse(files[0])
    assert parsed.extra["legacy_encoding"] == "vni"
    assert "Bộ Tài chính" in parsed.text and "Hạnh phúc" in parsed.text
