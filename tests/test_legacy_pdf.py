"""PDFs pypdf cannot read: the .VnTime decree with a '/Fl' filter comes out as Vietnamese.

Given the real 2006 TCVN3 PDF of viparse-corpus, whose ToUnicode streams name their filter
'/Fl' (refused by pypdf 7), when kb parses it, then the text matches the ground-truth
transcript (METRIC.md accuracy), read by pypdf after the filter names are expanded or by
pdftotext when they are not. A clean Unicode PDF keeps the pypdf text it always had.
"""

from __future__ import annotations

import shutil
import sys
import unicodedata
from pathlib import Path

import pytest

import kb.ingest.pdf_text as pdf_text
from kb.ingest.pdf import PdfParser, fix_artefacts, join_pages
from kb.ingest.repair import repair_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.legacy_accuracy import char_accuracy, diacritic_accuracy  # noqa: E402

LIMITS = {"parse_timeout": 60, "max_text_chars": 0}
DECREE = "2006-1E499_ND109veDKKD_dacotrenmucPTDNN-V"
# Measured with benchmarks/legacy_accuracy.py: pypdf path 0.996 char / 0.996 diacritic,
# pdftotext path 0.996 / 0.999. The bar leaves a small margin below both.
BAR = 0.99


def _decree(data: Path) -> tuple[Path, str]:
    corpus = data / "legacy-encodings"
    truth = (corpus / "ground-truth" / f"{DECREE}.txt").read_text(encoding="utf-8")
    return corpus / "corpus/public-domain/tcvn3" / f"{DECREE}.pdf", truth


@pytest.mark.shared
def test_tcvn3_decree_with_abbreviated_filter_is_read_by_pypdf(shared_data):
    path, truth = _decree(shared_data)
    doc = PdfParser().parse(path, LIMITS)
    assert doc.extra["extractor"] == "pypdf" and doc.extra["legacy_encoding"] == "tcvn3"
    assert doc.extra["pages"] == 30 and "failed_pages" not in doc.extra
    assert "NGHỊ ĐỊNH CỦA CHÍNH PHỦ" in doc.text and "Về đăng ký kinh doanh" in doc.text
    assert unicodedata.is_normalized("NFC", doc.text)
    assert char_accuracy(doc.text, truth) >= BAR
    assert diacritic_accuracy(doc.text, truth) >= BAR


@pytest.mark.shared
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pages_pypdf_cannot_read_come_from_pdftotext(shared_data, monkeypatch):
    path, truth = _decree(shared_data)
    monkeypatch.setattr(pdf_text, "expand_filter_names", lambda *args: 0)  # pypdf fails again
    doc = PdfParser().parse(path, LIMITS)
    assert doc.extra["extractor"] == "pdftotext" and doc.extra["legacy_encoding"] == "tcvn3"
    assert doc.extra["pdftotext_pages"] == list(range(1, 31))
    assert "Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001" in doc.text
    assert unicodedata.is_normalized("NFC", doc.text)
    assert char_accuracy(doc.text, truth) >= BAR
    assert diacritic_accuracy(doc.text, truth) >= BAR


@pytest.mark.shared
def test_without_pdftotext_the_unreadable_pages_are_listed(shared_data, monkeypatch):
    path, _ = _decree(shared_data)
    monkeypatch.setattr(pdf_text, "expand_filter_names", lambda *args: 0)
    monkeypatch.setattr(pdf_text.shutil, "which", lambda name: None)
    with pytest.raises(Exception) as err:  # every page failed: a ParseError, in Vietnamese
        PdfParser().parse(path, LIMITS)
    assert "không đọc được trang nào" in err.value.user_reason


@pytest.mark.shared
def test_clean_unicode_pdf_is_still_pypdf_text_unchanged(shared_data):
    from pypdf import PdfReader

    path = shared_data / "gov-docs/QD-1074-QD-BXD-29-6-2026.pdf"
    doc = PdfParser().parse(path, LIMITS)
    assert doc.extra["extractor"] == "pypdf" and "legacy_encoding" not in doc.extra
    # the text layer as kb read it before the fallback and the legacy pass existed
    pages = [fix_artefacts(repair_text(p.extract_text() or "").strip())
             for p in PdfReader(path).pages]
    assert doc.text == join_pages(pages, LIMITS, {})
    assert "Điều 2. Quyết định này có hiệu lực kể từ ngày ký." in doc.text
