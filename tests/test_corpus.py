"""The bundled sample corpus: enough documents, every kind and format, clean text, fresh builds."""

from __future__ import annotations

import importlib.util
import re
import sys
import unicodedata
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEXT_SUFFIXES = {".txt", ".md", ".html"}


def _load_builder():
    spec = importlib.util.spec_from_file_location("build_corpus", ROOT / "tools" / "build_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while it loads
    spec.loader.exec_module(module)
    return module


builder = _load_builder()


class _HTMLText(HTMLParser):
    """Visible text of an HTML page, without <script> and <style>."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        elif tag in ("p", "h1", "h2", "h3", "li", "figcaption", "div"):
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(path)
    parts = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            parts.extend(" ".join(c.text for c in row.cells) for row in block.rows)
        else:
            parts.append(block.text)
    return "\n".join(parts)


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def extract(path: Path) -> str:
    """The text a reader sees in one corpus file, whatever its format."""
    if path.suffix == ".docx":
        return _docx_text(path)
    if path.suffix == ".pdf":
        return _pdf_text(path)
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        parser = _HTMLText()
        parser.feed(text)
        return "".join(parser.parts)
    return text


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


@pytest.fixture(scope="module")
def documents(corpus_dir: Path) -> dict[Path, str]:
    return {p: extract(p) for p in sorted(corpus_dir.rglob("*")) if p.is_file()}


def test_corpus_has_enough_documents(documents):
    assert len(documents) >= 40, f"only {len(documents)} documents in corpus/"


def test_no_readme_inside_corpus(corpus_dir):
    # A README there would be indexed and show up in search results as a document.
    assert not list(corpus_dir.rglob("README*"))


@pytest.mark.parametrize("suffix, minimum", [(".txt", 5), (".md", 5), (".html", 6), (".docx", 6), (".pdf", 5)])
def test_every_format_is_present(documents, suffix, minimum):
    count = sum(1 for p in documents if p.suffix == suffix)
    assert count >= minimum, f"{count} {suffix} files, want at least {minimum}"


# Kind -> pattern found in the text of a document of that kind (title lines as laid out in real ones).
KINDS = {
    "directive": r"(?m)^[#\s]*CHỈ THỊ\s*$",
    "resolution": r"(?m)^[#\s]*NGHỊ QUYẾT\s*$",
    "decision": r"(?m)^[#\s]*QUYẾT ĐỊNH\s*$",
    "plan": r"(?m)^[#\s]*KẾ HOẠCH\s*$",
    "report": r"(?m)^[#\s]*BÁO CÁO\s*$",
    "minutes": r"(?m)^[#\s]*BIÊN BẢN\s*$[\s\S]*Tổng số đảng viên: \d+; có mặt: \d+",
    "press": r"Ảnh: [A-ZĐ][^\n]*",
    "sayings": r"(?:“[^”]{10,}”\.?\s*\([^)]*\d{4}\)[\s\S]*){5}",
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_is_present(documents, kind):
    hits = [p.name for p, text in documents.items() if re.search(KINDS[kind], text)]
    assert hits, f"no document of kind {kind!r}"


def test_party_documents_carry_their_letterhead(documents):
    central = [t for t in documents.values() if "BAN CHẤP HÀNH TRUNG ƯƠNG" in t and "Số 05-CT/TW" in t]
    assert central, "Chỉ thị 05-CT/TW is missing"
    text = central[0]
    for part in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Hà Nội, ngày 15 tháng 5 năm 2016", "Nơi nhận:", "T/M BỘ CHÍNH TRỊ"):
        assert part in text


def test_both_tone_mark_styles_occur(documents):
    joined = "\n".join(documents.values())
    for old, new in (("hòa", "hoà"), ("khóa", "khoá"), ("Thủy", "Thuỷ")):
        assert old in joined and new in joined, (old, new)


@pytest.mark.parametrize("suffix", sorted(TEXT_SUFFIXES))
def test_text_files_are_utf8_nfc_vietnamese(corpus_dir, suffix):
    files = sorted(corpus_dir.rglob(f"*{suffix}"))
    assert files
    for path in files:
        text = path.read_bytes().decode("utf-8")  # raises on invalid UTF-8
        assert text == unicodedata.normalize("NFC", text), f"{path.name} is not NFC"
        assert re.search("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", text), path.name


@pytest.mark.parametrize("src", builder.all_sources(), ids=lambda s: s.target)
def test_generated_file_is_up_to_date(src, tmp_path, corpus_dir):
    committed = corpus_dir / src.target
    assert committed.exists(), f"run `make corpus`: {src.target} was never built"
    rebuilt = builder.build(src, tmp_path)
    assert _squash(extract(committed)) == _squash(extract(rebuilt)), f"run `make corpus`: {src.target} is stale"
    # The reader gets back exactly the Vietnamese source text, diacritics included.
    assert _squash(extract(rebuilt)) == _squash(builder.plain_text(src))


def test_docx_features_are_used(corpus_dir):
    import docx

    files = [docx.Document(p) for p in sorted(corpus_dir.rglob("*.docx"))]
    assert any(d.tables for d in files), "no DOCX with a table"
    assert any(d.sections[0].header.paragraphs[0].text.strip() for d in files), "no DOCX with a header"
    assert any(d.sections[0].footer.paragraphs[0].text.strip() for d in files), "no DOCX with a footer"


def test_three_cells_have_at_least_eight_minutes(documents):
    cells = Counter()
    for text in documents.values():
        if not re.search(KINDS["minutes"], text):
            continue
        for part in ("Vào lúc ", "Chủ trì:", "Thư ký:", "kết thúc vào lúc"):
            assert part in text
        cell = re.search(r"(?m)^CHI BỘ [^\n]+", text)
        assert cell, "minutes without a cell name"
        cells[cell.group(0).strip()] += 1
    full = [c for c, n in cells.items() if n >= 8]
    assert len(full) >= 3, dict(cells)
