"""choose_parser: content decides the format, whatever the file is called."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kb.config import load_config
from kb.errors import ParseError, UnsupportedFormat
from kb.ingest.base import Parser
from kb.ingest.registry import choose_parser, parsers

DATA = Path(__file__).resolve().parent / "data" / "parsers"


def test_every_builtin_honours_the_parser_contract():
    names = [p.name for p in parsers()]
    assert {"pdf", "docx", "html", "text"} <= set(names)
    assert names[-1] == "text" or "text" in names  # the text parser is the low-scoring fallback
    assert all(isinstance(p, Parser) for p in parsers())


@pytest.mark.parametrize("name, fmt", [
    ("quyet-dinh.pdf", "pdf"),
    ("pdf-named.txt", "pdf"),  # a PDF renamed .txt is still a PDF
    ("encrypted-secret.pdf", "pdf"),  # accepted, then refused with a reason
    ("ke-hoach.docx", "docx"),
    ("corrupt.docx", "docx"),  # accepted so the user learns it is damaged
    ("tin-tuc.html", "html"),
    ("html-named.txt", "html"),  # markup wins over the .txt name
    ("tin-cp1258.html", "html"),
    ("ghi-chu.md", "text"),
    ("vn-utf8.txt", "text"),
    ("vn-utf16le-nobom.txt", "text"),
    ("vn-cp1258.txt", "text"),
])
def test_content_decides_the_parser(name, fmt):
    assert choose_parser(DATA / name).name == fmt


def test_docx_renamed_to_bin_is_still_docx(tmp_path):
    target = tmp_path / "ke-hoach.bin"
    shutil.copy(DATA / "ke-hoach.docx", target)
    parser = choose_parser(target)
    assert parser.name == "docx"
    assert "Cơ quan chủ trì" in parser.parse(target, load_config(environ={})).text


@pytest.mark.parametrize("name", ["junk.bin", "not-a-docx.zip"])
def test_binary_junk_and_foreign_zips_are_unsupported(name):
    with pytest.raises(UnsupportedFormat):
        choose_parser(DATA / name)


def test_empty_file_is_a_parse_error(tmp_path):
    (tmp_path / "rong.txt").write_bytes(b"")
    with pytest.raises(ParseError, match="empty file"):
        choose_parser(tmp_path / "rong.txt")


@pytest.mark.shared
@pytest.mark.parametrize("suffix, fmt", [(".docx", "docx"), (".pdf", "pdf")])
def test_real_gov_docs_go_to_their_parser(shared_data, suffix, fmt):
    files = sorted((shared_data / "gov-docs").glob("*" + suffix))
    assert files
    assert {choose_parser(path).name for path in files} == {fmt}
