"""Scanned PDFs and damaged text layers: OCR with Tesseract (vie), homoglyph and spacing repair.

Given the real gov-docs PDFs (image-only, Cyrillic look-alikes, split syllables, clean), when
they are read, then their Vietnamese words can be searched; given a PDF with one scanned page,
when it is ingested, then its text layer is searchable before the OCR commit lands.
"""

from pathlib import Path

import pytest

from kb.ingest import ocr
from kb.ingest.pdf import PdfParser
from kb.ingest.repair import fix_homoglyphs, join_split_syllables, repair_text, syllable_share

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
needs_ocr = pytest.mark.skipif(ocr.available() is not None,
                               reason=f"OCR unavailable: {ocr.available()}")


def _parse(path: Path, config):
    return PdfParser().parse(path, config)


# --- repair: unit cases ----------------------------------------------------------------------

@pytest.mark.parametrize("broken, fixed", [
    ("Số: 24 /HDLN-ВСТ-ВТC", "Số: 24 /HDLN-BCT-BTC"),  # Cyrillic В, С, Т
    ("Тổng cục Hải quan", "Tổng cục Hải quan"),
    ("Thủ đô Москва của Nga", "Thủ đô Москва của Nga"),  # real Russian stays Cyrillic
    ("Công an ТР Москва", "Công an ТР Москва"),  # look-alikes beside Russian stay too
])
def test_homoglyphs_become_latin_only_inside_latin_text(broken, fixed):
    assert fix_homoglyphs(broken) == fixed


@pytest.mark.parametrize("broken, fixed", [
    ("Cộng hòa xã h ộ i chủ nghĩa V iệ t N am", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("cùng có lợ i, thúc đẩy về kin h tế, thương m ại", "cùng có lợi, thúc đẩy về kinh tế, thương mại"),
    ("Hai Bên k ý kết, C hính phủ", "Hai Bên ký kết, Chính phủ"),
    # legacy-encodings/…/tcvn3/2006-19412_QD115.04TTg_BLTch_DNNVV.pdf: "ơ" never closes on "ng".
    ("ngày 20 tháng 12 năm 2001 của Thủ tư ớng Chính phủ", "ngày 20 tháng 12 năm 2001 của Thủ tướng Chính phủ"),
])
def test_split_syllables_are_rejoined(broken, fixed):
    assert join_split_syllables(broken) == fixed


@pytest.mark.parametrize("clean", [
    "Theo điểm a khoản 1 Điều 5, điểm đ khoản 2 và Phụ lục I",
    "TP Hà Nội, y tế, ô tô, ở nhà, ông A và bà B",
    "Mục I, II, III; tiết i) và ii) của Nghị định số 26/2026/NĐ-CP",
])
def test_clean_text_is_left_alone(clean):
    assert repair_text(clean) == clean


# --- repair on the real gov-docs PDFs --------------------------------------------------------

def test_cyrillic_lookalikes_in_real_pdf_are_repaired(shared_data, make_config):
    path = shared_data / "gov-docs" / "Huong-dan-lien-nganh-24-N2O.pdf"
    doc = _parse(path, make_config())
    # The repaired code is whole again: the line break at its hyphen is joined too.
    assert "24 /HDLN-BCA-BQP-BYT-BCT-BTC-VKSNDTC-TANDTC" in doc.text
    assert "(BCA, BQP, VKSNDTC, TANDTC, BYT, BCT, BTC), C04-BCA." in doc.text
    assert "ВСТ" not in doc.text and not any("\u0400" <= c <= "\u04ff" for c in doc.text)
    assert doc.extra["repaired_pages"]


def test_split_syllables_in_real_pdf_are_rejoined(shared_data, make_config):
    path = shared_data / "gov-docs" / "Nghi-dinh-thu-Viet-Trung.pdf"
    doc = _parse(path, make_config())
    assert "xã hội chủ nghĩa Việt Nam" in doc.text
    assert "V iệ t" not in doc.text and "h ộ i" not in doc.text
    assert syllable_share(doc.text) > 0.95
    assert "broken_pages" not in doc.extra  # repaired well enough: no page needs OCR


def test_clean_pdf_text_is_untouched(shared_data, make_config):
    from pypdf import PdfReader

    path = shared_data / "gov-docs" / "QD-1074-QD-BXD-29-6-2026.pdf"
    doc = _parse(path, make_config())
    assert "repaired_pages" not in doc.extra and "broken_pages" not in doc.extra
    for page in PdfReader(str(path)).pages:
        raw = page.extract_text()
        assert repair_text(raw) == raw
    assert "Số: 1074/QĐ-BXD" in doc.text


# --- OCR -------------------------------------------------------------------------------------

@needs_ocr
def test_image_only_pdf_is_recognised(shared_data, make_config):
    from kb.ingest.pipeline import read_document

    path = shared_data / "gov-docs" / "CV-813-CucHoaChat.pdf"
    config = make_config()
    first = read_document(path, config)
    assert first.meta["extra"]["ocr_pending"] == [1, 2]
    assert first.text == "" and first.title == "CV-813-CucHoaChat"
    texts = ocr.ocr_pages(path, [1, 2], timeout=120)
    doc = read_document(path, config, ocr_text=texts)
    # Words read on the rendered page image (page 1 and page 2).
    for words in ("Kính gửi: Cục Hải quan", "Công văn số 13821/CHQ-GSQL",
                  "Cục Hóa chất có ý kiến như sau", "Nghị định số 26/2026/NĐ-CP",
                  "Quy định về miễn trừ đối với sản phẩm"):
        assert words in doc.text
    assert doc.meta["extra"]["ocr_pages"] == [1, 2]
    assert "ocr_pending" not in doc.meta["extra"] and "page_texts" not in doc.meta["extra"]


def test_ocr_never_leaves_a_scanned_pdf_unread(shared_data, make_config):
    from kb.errors import ParseError
    from kb.ingest.pipeline import read_document

    with pytest.raises(ParseError) as err:
        read_document(shared_data / "gov-docs" / "CV-813-CucHoaChat.pdf", make_config(ocr="never"))
    assert err.value.user_reason == "không trích xuất được văn bản nào"


def _half_scanned_pdf(folder: Path) -> Path:
    """Page 1 with a text layer, page 2 only an image of a Vietnamese sentence."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1700, 400), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 56)
    draw.text((60, 80), "Biên bản kiểm tra phòng cháy", font=font, fill=0)
    draw.text((60, 200), "tại kho hóa chất Đông Anh", font=font, fill=0)
    png = folder / "trang2.png"
    image.save(png)
    pdf = FPDF()
    pdf.add_font("dejavu", fname=FONT)
    pdf.set_font("dejavu", size=12)
    pdf.add_page()
    pdf.multi_cell(0, 8, "Ủy ban nhân dân huyện chỉ đạo rà soát an toàn hoá chất trên địa bàn.")
    pdf.add_page()
    pdf.image(str(png), x=10, y=20, w=190)
    out = folder / "bien-ban.pdf"
    pdf.output(str(out))
    png.unlink()
    return out


@needs_ocr
def test_text_layer_is_searchable_while_ocr_runs(tmp_path, make_config, monkeypatch, capsys):
    from kb.index.search import Searcher
    from kb.ingest.pipeline import ingest

    folder = tmp_path / "docs"
    folder.mkdir()
    _half_scanned_pdf(folder)
    config = make_config(progress="always")
    seen_during_ocr = {}
    real_ocr_page = ocr.ocr_page

    def watching(path, page, timeout, dpi=ocr.DPI):
        with Searcher(config) as searcher:
            seen_during_ocr["text layer"] = searcher.search("rà soát an toàn hoá chất").total
            seen_during_ocr["scanned page"] = searcher.search("Đông Anh").total
        return real_ocr_page(path, page, timeout, dpi)

    monkeypatch.setattr(ocr, "ocr_page", watching)
    report = ingest([folder], config)
    assert report.ok and len(report.added) == 1
    assert seen_during_ocr == {"text layer": 1, "scanned page": 0}
    assert "Đang nhận dạng chữ (OCR) trang 1/1: bien-ban.pdf (trang 2)" in capsys.readouterr().err
    with Searcher(config) as searcher:
        found = searcher.search("Đông Anh")
        assert found.total == 1
        doc = searcher.document(found.results[0].id)
    assert doc["meta"]["extra"]["ocr_pages"] == [2]


def test_ocr_settings_choose_the_pages(make_config):
    extra = {"empty_pages": [5, 2, 9], "broken_pages": [3]}
    assert ocr.pending_pages(extra, make_config(ocr="never")) == []
    if ocr.available() is None:
        assert ocr.pending_pages(extra, make_config()) == [2, 3, 5, 9]
        assert ocr.pending_pages(extra, make_config(ocr_max_pages=2)) == [2, 3]
        assert ocr.skipped_pages(extra, make_config(ocr_max_pages=2)) == [5, 9]
        assert ocr.skipped_pages(extra, make_config()) == []
    assert ocr.skipped_pages(extra, make_config(ocr="never", ocr_max_pages=1)) == []


@needs_ocr
def test_scanned_pages_past_the_cap_are_reported_and_shown(tmp_path, make_config):
    from click.testing import CliRunner

    from kb.cli import cli
    from kb.web import create_app

    folder = tmp_path / "docs"
    folder.mkdir()
    _half_scanned_pdf(folder)
    config = make_config(ocr_max_pages=0)
    result = CliRunner().invoke(cli, ["--index", config["index"], "ingest", str(folder)],
                                env={"KB_OCR_MAX_PAGES": "0", "KB_PROGRESS": "never"})
    assert result.exit_code == 0, result.output
    assert "Chưa nhận dạng chữ 1 trang quét (vượt giới hạn ocr_max_pages = 0)" in result.output
    app = create_app({"index": config["index"], "TESTING": True})
    with app.test_client() as client:
        listing = client.get("/api/search?q=rà soát an toàn hoá chất").get_json()
        page = client.get(f"/documents/{listing['results'][0]['id']}").get_data(as_text=True)
    app.extensions["kb_searchers"].close_all()
    assert "Có 1 trang quét chưa được nhận dạng chữ" in page and "trang 2." in page


@needs_ocr
def test_a_garbage_text_layer_is_recognised_again(tmp_path, make_config):
    """A page whose text layer is mostly not Vietnamese is replaced by what OCR reads."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    from kb.ingest.pipeline import read_document

    image = Image.new("L", (1700, 300), 255)
    ImageDraw.Draw(image).text((60, 100), "Biên bản kiểm tra tại kho Đông Anh",
                               font=ImageFont.truetype(FONT, 56), fill=0)
    image.save(tmp_path / "anh.png")
    pdf = FPDF()
    pdf.add_font("dejavu", fname=FONT)
    pdf.set_font("dejavu", size=10)
    pdf.add_page()
    pdf.image(str(tmp_path / "anh.png"), x=10, y=20, w=190)
    pdf.set_xy(10, 20)
    pdf.text_mode = "INVISIBLE"  # an OCR layer under the scan, as scanners write it
    pdf.multi_cell(0, 6, " ".join(["Bzq xrtk vwqp ngh jjk"] * 8))  # what a bad OCR left
    path = tmp_path / "bien-ban-hong.pdf"
    pdf.output(str(path))
    config = make_config()
    first = read_document(path, config)
    assert first.meta["extra"]["broken_pages"] == [1]
    assert first.meta["extra"]["ocr_pending"] == [1]
    doc = read_document(path, config, ocr_text=ocr.ocr_pages(path, [1], timeout=120))
    assert "kho Đông Anh" in doc.text and "xrtk" not in doc.text


@needs_ocr
def test_an_interrupted_ocr_phase_resumes_on_the_next_run(tmp_path, make_config, monkeypatch):
    from kb.index.search import Searcher
    from kb.ingest.pipeline import ingest

    folder = tmp_path / "docs"
    folder.mkdir()
    _half_scanned_pdf(folder)
    config = make_config()

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(ocr, "ocr_pages", interrupted)
        with pytest.raises(KeyboardInterrupt):
            ingest([folder], config)
    with Searcher(config) as searcher:  # the text layer was committed before the interruption
        assert searcher.search("rà soát an toàn hoá chất").total == 1
        assert searcher.search("Đông Anh").total == 0
    report = ingest([folder], config)
    assert len(report.unchanged) == 1
    with Searcher(config) as searcher:
        assert searcher.search("Đông Anh").total == 1
