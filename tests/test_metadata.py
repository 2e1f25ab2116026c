"""extract_metadata on real Party and state documents (../shared/data), checked by reading each one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb.understand.metadata import KEYS, extract_metadata


def _docx_text(path: Path) -> str:
    """Paragraphs and table cells in body order: enough for the header and the signer block."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    out: list[str] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(element, document).text)
        elif tag == "tbl":
            for row in Table(element, document).rows:
                seen = []
                for cell in row.cells:
                    if cell._tc not in seen:  # merged cells repeat
                        seen.append(cell._tc)
                        out.append(cell.text)
    return "\n".join(out)


def _read(shared_data: Path, rel: str) -> str:
    path = shared_data / rel
    if path.suffix == ".docx":
        return _docx_text(path)
    if path.suffix == ".pdf":
        import pypdf

        return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)
    return path.read_text(encoding="utf-8")


# file -> kind, number, issuer, date, title prefix, signer (None: the document does not state it).
CASES = [
    ("gov-docs/CT-07-2012-TTg-chan-chinh-KKT-KCN-CCN.docx", "Chỉ thị", "07/CT-TTg",
     "Thủ tướng Chính phủ", "2012-03-02", "về việc chấn chỉnh công tác quản lý", "Nguyễn Tấn Dũng"),
    ("gov-docs/ND-32-2024-quan-ly-phat-trien-CCN.docx", "Nghị định", "32/2024/NĐ-CP",
     "Chính phủ", "2024-03-15", "về quản lý, phát triển cụm công nghiệp", "Trần Hồng Hà"),
    ("gov-docs/TT-14-2024-che-do-bao-cao-mau-van-ban-CCN.docx", "Thông tư", "14/2024/TT-BCT",
     "Bộ Công Thương", "2024-08-15", "Quy định chế độ báo cáo định kỳ", "Phan Thị Thắng"),
    ("gov-docs/Luat-Hoa-chat-69-2025-QH15.docx", "Luật", "69/2025/QH15",
     "Quốc hội", "2025-06-14", "Luật Hóa chất", "Trần Thanh Mẫn"),
    # Unsigned drafts: "Số:    /KH-UBND" and "ngày   tháng   năm 2026" carry no number or day.
    ("gov-docs/KH-UBND-trien-khai-Chi-thi-11-CT-TU-QLNN-khoang-san.docx", "Kế hoạch", None,
     "Ủy ban nhân dân tỉnh Lào Cai", None, "Triển khai thực hiện Chỉ thị số 11-CT/TU",
     "Nguyễn Thành Sinh"),
    ("gov-docs/BC-tinh-ket-qua-Chi-thi-38-TTg.docx", "Báo cáo", None,
     "Uỷ ban nhân dân tỉnh Lào Cai", None, "Kết quả thực hiện các nhiệm vụ trong Chỉ thị",
     "Nguyễn Thành Sinh"),
    ("gov-docs/QD-1074-QD-BXD-29-6-2026.pdf", "Quyết định", "1074/QĐ-BXD",
     "Bộ Xây dựng", "2026-06-29", "Ban hành các giải pháp kỹ thuật", "Phạm Minh Hà"),
    ("party-docs/docs/b5766b5f7caa1268.md", "Điều lệ", None,
     "Đại hội đại biểu toàn quốc lần thứ XI", "2011-01-19", "Điều lệ Đảng Cộng sản Việt Nam", None),
    # Under the Central Committee's header, signed "T/M BAN BÍ THƯ": the Secretariat issues it.
    ("party-docs/docs/056a116c77fe4047.md", "Quy định", "383-QĐ/TW",
     "Ban Bí thư", "2025-11-19", "về phông lưu trữ Đảng Cộng sản Việt Nam",
     "Trần Cẩm Tú"),
    ("party-docs/docs/6e4d7759e03163f7.md", "Kết luận", "07-KL/VPTW",
     "Văn phòng", "2025-12-01", "của đồng chí Chánh Văn phòng Trung ương Đảng", "Lê Khánh Toàn"),
    ("laws/texts/Luat-68-2020-QH14-cu-tru-435315.txt", "Luật", "68/2020/QH14",
     "Quốc hội", "2020-11-13", "Luật Cư trú", "Nguyễn Thị Kim Ngân"),
    ("laws/texts/Bo-luat-dan-su-2015-296215.txt", "Bộ luật", "91/2015/QH13",
     "Quốc hội", "2015-11-24", "Bộ luật Dân sự", "Nguyễn Sinh Hùng"),
    # A law is dated by its adoption ("… thông qua ngày 29 tháng 11 năm 2006"), not by the
    # copy's wrong header date (29/6).
    ("laws/texts/Luat-Binh-dang-gioi-2006-73-2006-QH11-15866.txt", "Luật", "73/2006/QH11",
     "Quốc hội", "2006-11-29", "Luật Bình đẳng giới", "Nguyễn Phú Trọng"),
    # The name printed with "(Đã ký)" and no role line is the signer.
    ("laws/texts/Luat-Bao-ve-suc-khoe-nhan-dan-1989-21-LCT-HDNN8-37690.txt", "Luật",
     "21-LCT/HĐNN8", "Quốc hội", "1989-06-30", "Luật Bảo vệ sức khoẻ nhân dân", "Võ Chí Công"),
    ("laws/texts/Luat-Bau-cu-dai-bieu-Quoc-hoi-va-dai-bieu-Hoi-dong-nhan-dan-2015-282376.txt",
     "Luật", "85/2015/QH13", "Quốc hội", "2015-06-25",
     "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân", "Nguyễn Sinh Hùng"),
]


@pytest.mark.parametrize("rel,kind,number,issuer,date,title,signer", CASES,
                         ids=[Path(c[0]).stem[:30] for c in CASES])
def test_official_documents(shared_data, rel, kind, number, issuer, date, title, signer):
    meta = extract_metadata(_read(shared_data, rel))
    assert set(meta) == set(KEYS)
    assert meta["kind"] == kind
    assert meta["number"] == number
    assert meta["issuer"] == issuer
    assert meta["date"] == date
    assert meta["title"] is not None and meta["title"].startswith(title), meta["title"]
    assert meta["signer"] == signer


def test_signer_roles_and_recipients(shared_data):
    decree = extract_metadata(_read(shared_data, "gov-docs/ND-32-2024-quan-ly-phat-trien-CCN.docx"))
    assert decree["signer_role"] == "TM. Chính phủ, KT. Thủ tướng, Phó Thủ tướng"
    assert decree["recipients"][0] == "Ban Bí thư Trung ương Đảng"
    assert decree["recipients"][-1].startswith("Lưu: VT")

    conclusion = extract_metadata(_read(shared_data, "party-docs/docs/6e4d7759e03163f7.md"))
    assert conclusion["issuer_parent"] == "Ban Chấp hành Trung ương"
    assert conclusion["signer_role"] == "K/T Chánh Văn phòng, Phó Chánh Văn phòng"
    # A recipient wrapped over two lines in the crawl comes back as one item.
    assert "Các đồng chí lãnh đạo Văn phòng Trung ương Đảng" in conclusion["recipients"]

    rule = extract_metadata(_read(shared_data, "party-docs/docs/056a116c77fe4047.md"))
    assert rule["signer_role"] == "T/M Ban Bí thư"
    assert len(rule["recipients"]) == 6


def test_law_term_place_and_adoption(shared_data):
    law = extract_metadata(_read(shared_data, "laws/texts/Luat-68-2020-QH14-cu-tru-435315.txt"))
    assert (law["term"], law["place"], law["signer_role"]) == ("XIV", "Hà Nội", "Chủ tịch Quốc hội")


def test_scanned_joint_guidance_number_is_repaired(shared_data):
    """The OCR layer types Cyrillic В/С/Т inside the number, which is wrapped over two lines."""
    meta = extract_metadata(_read(shared_data, "gov-docs/Huong-dan-lien-nganh-24-N2O.pdf"))
    assert meta["kind"] == "Hướng dẫn"
    assert meta["number"] == "24/HDLN-BCA-BQP-BYT-BCT-BTC-VKSNDTC-TANDTC"
    assert meta["date"] == "2026-06-25"


@pytest.mark.parametrize("rel", [
    "party-docs/docs/9f2dfc5b60ded9bf.md",  # study material about the Party, no official header
    "party-docs/docs/e1e9d8b1f2ec7c8b.md",  # a self-review form
    "../seed/000_c9b1ee8dafa85ddc.txt",     # a press article that cites Chỉ thị 05
])
def test_documents_without_official_header_get_no_kind(shared_data, rel):
    meta = extract_metadata(_read(shared_data, rel))
    assert meta["kind"] is None and meta["number"] is None and meta["signer"] is None


PARTY_HEADER = """ĐẢNG BỘ TỈNH LÀO CAI
BAN THƯỜNG VỤ
*
ĐẢNG CỘNG SẢN VIỆT NAM
Số 11-CT/TU
Lào Cai, ngày 4/1/2026
CHỈ THỊ
VỀ TĂNG CƯỜNG SỰ LÃNH ĐẠO CỦA ĐẢNG ĐỐI VỚI CÔNG TÁC QUẢN LÝ NHÀ NƯỚC VỀ KHOÁNG SẢN
Thời gian qua, công tác quản lý nhà nước về khoáng sản đạt nhiều kết quả.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Đặng Xuân Phong
"""

CENTRAL_HEADER = """BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA 12
ĐẢNG CỘNG SẢN VIỆT NAM
Số: 04 - NQ/TW
Hà Nội, ngày 30 tháng 10 năm 2016
NGHỊ QUYẾT
HỘI NGHỊ LẦN THỨ TƯ BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XII
về tăng cường xây dựng, chỉnh đốn Đảng
"""


def test_provincial_party_header_parent_and_slash_date():
    meta = extract_metadata(PARTY_HEADER)
    # "Ban Thường vụ" alone names no one among the provinces: it is qualified by its committee.
    assert (meta["issuer_parent"], meta["issuer"]) == ("Đảng bộ tỉnh Lào Cai",
                                                       "Ban Thường vụ Tỉnh ủy Lào Cai")
    assert (meta["number"], meta["place"], meta["date"]) == ("11-CT/TU", "Lào Cai", "2026-01-04")
    assert meta["title"].startswith("về tăng cường sự lãnh đạo của Đảng")
    assert (meta["signer"], meta["signer_role"]) == ("Đặng Xuân Phong", "T/M Ban Thường vụ, Bí thư")


def test_central_committee_term_in_roman_numerals():
    meta = extract_metadata(CENTRAL_HEADER)
    assert meta["issuer"] == "Ban Chấp hành Trung ương Đảng"
    assert meta["term"] == "XII"
    assert meta["number"] == "04-NQ/TW"
    assert meta["kind"] == "Nghị quyết"


def test_number_normalisation_removes_spaces():
    assert re.fullmatch(r"\S+", extract_metadata(CENTRAL_HEADER)["number"])


@pytest.mark.parametrize("rel, issuer, parent", [
    # the Party's name printed beside the body on the same line is the motto, not the body's
    # name; under the Central Committee's header "CHỈ THỊ CỦA BỘ CHÍNH TRỊ" is the Politburo's
    ("dang/chi-thi-05-ct-tw-2016.txt", "Bộ Chính trị", None),
    ("dang/nghi-quyet-tinh-uy-lao-cai-chuyen-doi-so-2021.txt", "Ban Thường vụ Tỉnh ủy Lào Cai",
     "Đảng bộ tỉnh Lào Cai"),
    ("bao-cao/bao-cao-thanh-uy-hai-phong-so-ket-5-nam-chi-thi-05-2021.txt", "Thành ủy Hải Phòng",
     "Đảng bộ thành phố Hải Phòng"),
    # the body's name goes on beside the motto's second line
    ("nha-nuoc/quyet-dinh-ubnd-hai-phong-123-2023-mot-cua.txt",
     "Ủy ban nhân dân thành phố Hải Phòng", None),
    # a header in capitals is spelt as the document writes the name in running text
    ("bien-ban/bien-ban-chi-bo-phong-tu-phap-2023-02.txt", "Chi bộ Phòng Tư pháp",
     "Đảng bộ cơ quan chính quyền quận Ngô Quyền"),
    ("bien-ban/bien-ban-chi-bo-thcs-chu-van-an-2024-01.md", "Chi bộ Trường THCS Chu Văn An",
     "Đảng bộ phường Máy Chai"),
])
def test_issuer_as_readers_name_it(corpus_dir, rel, issuer, parent):
    meta = extract_metadata((corpus_dir / rel).read_text(encoding="utf-8"))
    assert (meta["issuer"], meta["issuer_parent"]) == (issuer, parent)


@pytest.mark.parametrize("rel, title", [
    # the subject under the kind starts in lower case: it is the title, not the body's "Thực hiện"
    ("bao-cao/ke-hoach-thanh-uy-hai-phong-thuc-hien-ket-luan-01-2021.md",
     "Kế hoạch 72-KH/TU thực hiện Kết luận số 01-KL/TW của Bộ Chính trị"),
    # "Về việc …" goes on the sentence after kind and number
    ("nha-nuoc/quyet-dinh-ubnd-hai-phong-123-2023-mot-cua.txt",
     "Quyết định 123/QĐ-UBND về việc ban hành Quy chế hoạt động"),
    # a kind of its own, not "Chương trình" with the subject "Hành động"
    ("dang/chuong-trinh-hanh-dong-quan-uy-ngo-quyen-nq-tw4-2017.docx",
     "Chương trình hành động 21-CTr/QU thực hiện Nghị quyết Hội nghị lần thứ tư"),
    # a compilation titled in capitals reads in sentence case, proper names kept
    ("ho-chi-minh/loi-bac-day-can-bo-dang-vien.txt",
     "Những lời Bác Hồ dạy về đạo đức cán bộ, đảng viên"),
    # the page's "Thứ Năm, 12/04/2018" is not the headline
    ("bao-chi/may-chai-dan-van-kheo-giai-phong-mat-bang-2018.txt",
     "Phường Máy Chai: “Dân vận khéo” trong giải phóng mặt bằng"),
])
def test_titles_as_results_list_them(corpus_dir, make_config, rel, title):
    from kb.ingest.pipeline import read_document

    doc = read_document(corpus_dir / rel, make_config())
    assert doc.title.startswith(title), doc.title
