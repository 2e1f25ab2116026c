"""Regenerate the binary and re-encoded parser fixtures in this folder.

Run from the repository root: ``.venv/bin/python tests/data/parsers/make_fixtures.py``.
The outputs are committed; the tests never run this script. The Vietnamese sentences are
written for these tests (no third-party text). Needs python-docx, fpdf2, pypdf (+cryptography)
and the DejaVu Sans font.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

PARAGRAPH = (
    "Nghị quyết của Đảng về phát triển kinh tế - xã hội nhấn mạnh việc đẩy mạnh công nghiệp "
    "hoá, hiện đại hoá đất nước; xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh. "
    "Ủy ban nhân dân tỉnh chỉ đạo các sở, ban, ngành triển khai thực hiện nghiêm túc, "
    "định kỳ báo cáo kết quả về Thường trực Tỉnh ủy trước ngày 15 tháng 12 hằng năm.\n"
)


_TONES = "\u0300\u0301\u0303\u0309\u0323"  # the marks cp1258 writes separately


def to_cp1258(text: str) -> bytes:
    """Encode NFC text the way Vietnamese Windows does: precomposed base + combining tone."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


def make_texts() -> None:
    (HERE / "vn-utf8.txt").write_bytes(PARAGRAPH.encode("utf-8"))
    (HERE / "vn-utf8-bom.txt").write_bytes(PARAGRAPH.encode("utf-8-sig"))
    (HERE / "vn-utf16le.txt").write_bytes(PARAGRAPH.encode("utf-16"))  # BOM + LE
    (HERE / "vn-utf16be.txt").write_bytes(b"\xfe\xff" + PARAGRAPH.encode("utf-16-be"))
    (HERE / "vn-utf16le-nobom.txt").write_bytes(PARAGRAPH.encode("utf-16-le"))
    (HERE / "vn-cp1258.txt").write_bytes(to_cp1258(PARAGRAPH))
    # Decomposed (NFD) UTF-8, as macOS tools write it.
    (HERE / "vn-nfd.txt").write_bytes(unicodedata.normalize("NFD", PARAGRAPH).encode("utf-8"))
    page = ("<html><head><meta http-equiv='Content-Type' content='text/html; "
            "charset=windows-1258'><title>Chi bộ</title></head><body><p>" + PARAGRAPH
            + "</p></body></html>")
    (HERE / "tin-cp1258.html").write_bytes(to_cp1258(page))
    (HERE / "junk.bin").write_bytes(bytes(range(256)) * 8)


def make_docx() -> None:
    from docx import Document

    doc = Document()
    doc.core_properties.title = "Kế hoạch triển khai Chỉ thị số 11-CT/TU"
    section = doc.sections[0]
    section.header.paragraphs[0].text = "ỦY BAN NHÂN DÂN TỈNH LÀO CAI"
    section.footer.paragraphs[0].text = "Trang chân: Văn phòng Ủy ban"
    doc.add_paragraph("KẾ HOẠCH", style="Title")
    doc.add_paragraph("Mở đầu: triển khai Chỉ thị về quản lý khoáng sản. FOOTNOTE_MARK")
    table = doc.add_table(rows=3, cols=3)
    rows = [("STT", "Nội dung công việc", "Cơ quan chủ trì"),
            ("1", "Rà soát giấy phép khai thác khoáng sản", "Sở Tài nguyên và Môi trường"),
            ("2", "Kiểm tra việc chấp hành pháp luật", "")]
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values):
            cell.text = value
    # Row 3: the last two cells merged horizontally, written once.
    merged = table.cell(2, 1).merge(table.cell(2, 2))
    merged.text = "Kiểm tra việc chấp hành pháp luật về khoáng sản"
    doc.add_paragraph("Kết luận: các đơn vị báo cáo kết quả trước ngày 15/12.")
    doc.add_section()  # second section inherits the same header/footer
    doc.add_paragraph("Phụ lục: danh sách mỏ đá.")
    buf = io.BytesIO()
    doc.save(buf)
    _add_footnote(buf.getvalue(), HERE / "ke-hoach.docx")


_FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    '</w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Chỉ thị số 11-CT/TU ngày '
    '20/5/2024 của Ban Thường vụ Tỉnh ủy.</w:t></w:r></w:p></w:footnote>'
    '</w:footnotes>'
)


def _add_footnote(data: bytes, out: Path) -> None:
    """Write the footnotes part, its relationship, content type and a reference by hand."""
    src = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "word/document.xml":
                body = body.replace(
                    b" FOOTNOTE_MARK</w:t></w:r>",
                    b"</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r>")
            elif info.filename == "word/_rels/document.xml.rels":
                body = body.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>"))
            elif info.filename == "[Content_Types].xml":
                body = body.replace(b"</Types>", (
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>'))
            dst.writestr(info.filename, body)
        dst.writestr("word/footnotes.xml", _FOOTNOTES.encode("utf-8"))
    assert b"FOOTNOTE_MARK" not in zipfile.ZipFile(out).read("word/document.xml")


def make_zips() -> None:
    with zipfile.ZipFile(HERE / "not-a-docx.zip", "w") as z:
        z.writestr("ghi-chu.txt", PARAGRAPH)
    good = (HERE / "ke-hoach.docx").read_bytes()
    (HERE / "corrupt.docx").write_bytes(good[: len(good) // 2])


def make_pdfs() -> None:
    from fpdf import FPDF
    from pypdf import PdfReader, PdfWriter

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=FONT)
    pdf.set_font("DejaVu", size=12)
    pdf.set_title("Quyết định về việc phê duyệt quy hoạch cụm công nghiệp")
    pdf.add_page()
    pdf.multi_cell(0, 8, "QUYẾT ĐỊNH\nVề việc phê duyệt quy hoạch cụm công nghiệp\n" + PARAGRAPH)
    pdf.add_page()  # deliberately blank: a page a scanner would leave without text
    pdf.add_page()
    pdf.multi_cell(0, 8, "Căn cứ Quyết định số 1074/QĐ-\nBXD của Bộ Xây dựng.\n"
                         "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.")
    plain = bytes(pdf.output())
    (HERE / "quyet-dinh.pdf").write_bytes(plain)
    (HERE / "pdf-named.txt").write_bytes(plain)
    # Cut inside the page content: the trailer and the later objects are gone.
    (HERE / "truncated.pdf").write_bytes(plain[: len(plain) // 3])
    for name, user, algorithm in (("encrypted-empty.pdf", "", "AES-128"),
                                  ("encrypted-secret.pdf", "mat-khau", "AES-128")):
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
        writer.encrypt(user_password=user, owner_password="chu-so-huu", algorithm=algorithm)
        with open(HERE / name, "wb") as fh:
            writer.write(fh)


if __name__ == "__main__":
    make_texts()
    make_docx()
    make_zips()
    make_pdfs()
    print("fixtures written to", HERE)
