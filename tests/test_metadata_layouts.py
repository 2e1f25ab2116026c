"""extract_metadata on the layouts real offices depart to, each an excerpt of a real document.

The excerpts come from the development folds of benchmarks/data/understanding (legacy TCVN3
files after decoding, gazette copies, portal copies, crawled Party documents) or from files
nobody labelled; none is from the held-out fold. Each test names the layout it pins.
"""

from __future__ import annotations

from kb.understand.metadata import extract_metadata

# legacy-encodings/…/tcvn3/2002-0112qd.doc: the .VnTimeH capitals decode as lower case.
LEGACY_DECISION = """Bộ Tài chính
Số: 12/2001/QĐ-BTC

cộng hoà xã hội chủ nghĩa Việt nam
Độc lập -Tự do - Hạnh phúc
==========&==========

Hà Nội, ngày 13 tháng 3 năm 2001
quyết định của bộ trưởng bộ tài chính
Về việc ban hành Chế độ kế toán áp dụng cho các đơn vị
ngoài công lập hoạt động trong lĩnh vực Giáo dục, Y tế, Văn hoá, Thể thao

bộ trưởng bộ tài chính

- Căn cứ Nghị định số 15/CP ngày 2/3/1993 của Chính phủ về nhiệm vụ, quyền hạn và trách nhiệm quản lý Nhà nước của các Bộ, cơ quan ngang Bộ;

Điều 4: Vụ trưởng Vụ Chế độ kế toán, Chánh Văn phòng Bộ chịu trách nhiệm hướng dẫn, kiểm tra việc thực hiện Quyết định này./.

Nơi gửi:
-Thủ tướng và các Phó Thủ tướng Chính phủ (để báo cáo);
- Các Bộ, cơ quan ngang Bộ, cơ quan thuộc CP;
- Công báo;
- Lưu VP (02), Vụ CĐKT. KT.Bộ trưởng bộ tài chính
Thứ trưởng

Trần Văn Tá
"""


def test_legacy_lower_case_kind_line_and_signature_beside_the_recipients():
    meta = extract_metadata(LEGACY_DECISION)
    assert (meta["kind"], meta["number"], meta["issuer"]) == ("Quyết định", "12/2001/QĐ-BTC",
                                                              "Bộ Tài chính")
    assert (meta["place"], meta["date"]) == ("Hà Nội", "2001-03-13")
    # "của bộ trưởng bộ tài chính" on the kind line names the issuer; the summary is below it.
    assert meta["title"].startswith("Về việc ban hành Chế độ kế toán áp dụng cho các đơn vị ngoài")
    # The capacity ends the recipients' last line; "Nơi gửi" heads the recipients too.
    assert (meta["signer"], meta["signer_role"]) == ("Trần Văn Tá",
                                                     "KT. Bộ trưởng Bộ Tài chính, Thứ trưởng")


# legacy-encodings/…/tcvn3/2003-A30.rtf: two columns read line by line across.
INTERLEAVED = """Bộ Tài chính cộng hoà xã hội chủ nghĩa Việt nam
- 0 - Độc lập - Tự do - Hạnh phúc
SỐ :117 /2000/TT-BTC ----------------------------
Hà nội, ngày 21 tháng 12 năm 2000

Thông tư

Bổ sung và sửa đổi một số điểm của Thông tư số 40/2000 /TT-BTC ngày 15/5/2000 của Bộ Tài chính
|

Căn cứ Quyết định số 176/1999/QĐ-TTg ngày 26/8/1999 của Thủ tướng Chính phủ;

Thông tư này có hiệu lực thi hành kể từ ngày ký./.

Nơi nhận: KT/bộ trưởng bộ tài chính
- Văn phòng TW Đảng thứ trưởng
. Văn phòng Quốc hội
- Viện kiểm sát nhân dân tối cao
- Công báo Vũ Văn Ninh
- UBND,Sở Tài chính, Cục thuế, Kho bạc
các tỉnh, thành phố trực thuộc TW.
- Lưu: VP (TH, HC).
"""


def test_signature_column_interleaved_with_the_recipients():
    meta = extract_metadata(INTERLEAVED)
    assert (meta["kind"], meta["number"], meta["issuer"]) == ("Thông tư", "117/2000/TT-BTC",
                                                              "Bộ Tài chính")
    # A legacy font lost the capitals of the place: "Hà nội" is Hà Nội.
    assert (meta["place"], meta["date"]) == ("Hà Nội", "2000-12-21")
    assert meta["title"].startswith("Bổ sung và sửa đổi một số điểm của Thông tư số 40/2000")
    assert (meta["signer"], meta["signer_role"]) == ("Vũ Văn Ninh",
                                                     "KT. Bộ trưởng Bộ Tài chính, Thứ trưởng")


def test_gazette_header_names_issuer_number_date_and_summary():
    # legacy-encodings/…/2004-NghiDinh115_2003.doc (Công báo copy: no motto, no number line)
    meta = extract_metadata("""Nghị định của Chính phủ số 115/2003/NĐ-CP
ngày 10/10/2003 về chế độ công chức dự bị.

Chính phủ

Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;

Căn cứ Pháp lệnh Cán bộ, công chức ngày 26 tháng 02 năm1998;
""")
    assert (meta["kind"], meta["number"], meta["issuer"]) == ("Nghị định", "115/2003/NĐ-CP",
                                                              "Chính phủ")
    # the date of the gazette line, not the one of the law in "Căn cứ Luật … ngày 25 tháng 12"
    assert meta["date"] == "2003-10-10"
    assert meta["title"] == "Về chế độ công chức dự bị"


def test_joint_circular_in_gazette_style():
    # legacy-encodings/…/2004-A33.rtf
    meta = extract_metadata("""Thông tư
liên tịch của Bộ Tài chính - Công nghiệp -
Tổng cục Hải quan số 176/1998/TTLT-BTC-BCN-TCHQ
ngày 25 tháng 12 năm1998 Hướng dẫn thực hiện chính sách thuế theo tỷ lệ nội địa hoá đối với các sản phẩm, phụ tùng thuộc ngành cơ khí - điện - điện tử

Căn cứ ý kiến của Thủ tướng Chính phủ tại các Công văn số 4830/KTTH ngày 24/9/1997;
""")
    assert meta["kind"] == "Thông tư liên tịch"
    assert meta["number"] == "176/1998/TTLT-BTC-BCN-TCHQ"
    assert meta["issuer"] == "Bộ Tài chính - Công nghiệp - Tổng cục Hải quan"
    assert meta["date"] == "1998-12-25"
    assert meta["title"].startswith("Hướng dẫn thực hiện chính sách thuế theo tỷ lệ nội địa hoá")


# party-docs/docs/1662311553c66bda.md: a resolution copied without the motto.
STANDING_COMMITTEE = """Số: 1664/NQ-UBTVQH15

NGHỊ QUYẾT

Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Gia Lai năm 2025

ỦY BAN THƯỜNG VỤ QUỐC HỘI

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;

Căn cứ Nghị quyết số 202/2025/QH15 ngày 12 tháng 6 năm 2025 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh;

Điều 2. Hiệu lực thi hành

1. Nghị quyết này có hiệu lực thi hành từ ngày được thông qua.

Nghị quyết này được Ủy ban Thường vụ Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV thông qua ngày 16 tháng 6 năm 2025.

(đã ký)
"""


def test_copy_without_motto_takes_issuer_from_enacting_line_and_date_from_adoption():
    meta = extract_metadata(STANDING_COMMITTEE)
    assert (meta["kind"], meta["number"]) == ("Nghị quyết", "1664/NQ-UBTVQH15")
    assert meta["issuer"] == "Ủy ban Thường vụ Quốc hội"
    assert meta["date"] == "2025-06-16"  # not the 12 June of the resolution it is based on
    assert meta["title"] == "Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Gia Lai năm 2025"
    assert meta["signer"] is None  # "(đã ký)" with no name


def test_portal_copy_lead_gives_date_number_and_signer():
    # party-docs/docs/dcde3ff61cba152e.md (chinhphu.vn: a lead, then the text without header)
    meta = extract_metadata("""Ngày 9/9/2025, thay mặt Chính phủ, Phó Thủ tướng Hồ Đức Phớc đã ký ban hành Nghị quyết số 05/2025/NQ-CP của Chính phủ về việc triển khai thí điểm thị trường tài sản mã hóa tại Việt Nam. Cổng TTĐT Chính phủ trân trọng giới thiệu toàn văn Nghị quyết.

NGHỊ QUYẾT

Về việc triển khai thí điểm thị trường tài sản mã hóa tại Việt Nam

CHÍNH PHỦ

Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;
""")
    assert (meta["kind"], meta["number"], meta["issuer"]) == ("Nghị quyết", "05/2025/NQ-CP",
                                                              "Chính phủ")
    assert meta["date"] == "2025-09-09"
    assert meta["title"] == "Về việc triển khai thí điểm thị trường tài sản mã hóa tại Việt Nam"
    assert meta["signer"] == "Hồ Đức Phớc"


def test_appendix_caption_names_a_copy_that_lost_its_header():
    # party-docs/docs/aa9bb8226e3d4c71.md
    meta = extract_metadata("""HƯỚNG DẪN

XÂY DỰNG, KIỆN
TOÀN ĐỘI NGŨ BÁO CÁO VIÊN CÁC CẤP

-----

Căn cứ Quy định số 294-QĐ/TW, ngày
26/5/2025 của Ban Chấp hành Trung ương Đảng khóa XIII về thi hành Điều lệ Đảng;

Hướng dẫn này thay thế Hướng dẫn
số 31-HD/BTGTW, ngày 30/12/2011 của Ban Tuyên giáo Trung ương và có hiệu lực kể
từ ngày ký./.

Nơi nhận:
Ban Bí thư Trung ương Đảng (để b/c),
Lưu HC-TĐKT.

K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN
Phạm Tất Thắng

PHỤ LỤC

(Kèm theo Hướng dẫn số 40-HD/BTGDVTW, ngày 27/11/2025 của Ban Tuyên giáo và
Dân vận Trung ương)
""")
    assert meta["kind"] == "Hướng dẫn"
    assert meta["title"] == "Xây dựng, kiện toàn đội ngũ báo cáo viên các cấp"
    assert (meta["number"], meta["date"]) == ("40-HD/BTGDVTW", "2025-11-27")
    assert meta["issuer"] == "Ban Tuyên giáo và Dân vận Trung ương"
    assert (meta["signer"], meta["signer_role"]) == ("Phạm Tất Thắng",
                                                     "K/T Trưởng ban, Phó Trưởng ban")


def test_central_committee_header_with_the_secretariat_signing():
    # party-docs/docs/ca9ba61fc61bf961.md: the Party's name wrapped over two lines
    meta = extract_metadata("""BAN CHẤP HÀNH
TRUNG ƯƠNG
ĐẢNG CỘNG SẢN
VIỆT NAM
Số 384-QĐ/TW
Hà Nội, ngày 19
tháng 11 năm 2025
QUY ĐỊNH
VỀ
KẾT NỐI, CHIA SẺ DỮ LIỆU GIỮA CÁC CƠ QUAN ĐẢNG VỚI CÁC CƠ QUAN, TỔ CHỨC KHÁC
Căn cứ Điều lệ Đảng;
Quy định này có hiệu lực kể từ ngày ký.
Nơi nhận:
Các cơ quan đảng ở Trung ương,
Lưu Văn phòng Trung ương Đảng.
T/M BAN BÍ THƯ
Trần Cẩm Tú
""")
    assert (meta["issuer"], meta["issuer_parent"]) == ("Ban Bí thư", None)
    assert (meta["number"], meta["date"]) == ("384-QĐ/TW", "2025-11-19")
    assert (meta["signer"], meta["signer_role"]) == ("Trần Cẩm Tú", "T/M Ban Bí thư")


def test_motto_wrapped_beside_the_issuer_is_not_part_of_its_name():
    # party-docs/docs/556b2fb4a0149576.md
    meta = extract_metadata("""ỦY BAN NHÂN DÂN
TỈNH ĐẮK LẮK
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 0124/KH-UBND
Đắk Lắk, ngày 18
tháng 11 năm 2025
KẾ HOẠCH
PHÁT ĐỘNG ĐỢT THI ĐUA LẬP THÀNH TÍCH CHÀO MỪNG ĐẠI HỘI LẦN THỨ
XIV CỦA ĐẢNG
Thực hiện Quyết định số 2437/QĐ-TTg ngày 04/11/2025 của Thủ tướng Chính phủ.
""")
    assert meta["issuer"] == "Ủy ban nhân dân tỉnh Đắk Lắk"
    assert (meta["number"], meta["place"], meta["date"]) == ("0124/KH-UBND", "Đắk Lắk", "2025-11-18")


def test_signature_sharing_the_recipients_cell_and_a_blank_draft_date():
    # gov-docs/BC-tinh-ket-qua-Chi-thi-38-TTg.docx: a draft; the signature cell comes out on
    # one line after the recipients' cell.
    meta = extract_metadata("""UỶ BAN NHÂN DÂN TỈNH LÀO CAI
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc
Số: /BC-UBND
Lào Cai, ngày tháng năm 2026
BÁO CÁO
Kết quả thực hiện các nhiệm vụ trong Chỉ thị số 38/CT-TTg ngày 29/9/2020 của Thủ tướng Chính phủ
Kính gửi: Bộ Nông nghiệp và Môi trường
Ủy ban nhân dân tỉnh Lào Cai trân trọng báo cáo./.
Nơi nhận: - Như trên; - Chủ tịch UBND tỉnh; - PCT UBND tỉnh Nguyễn Thành Sinh; - Lưu: VT.
KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Thành Sinh
""")
    assert (meta["kind"], meta["number"], meta["date"]) == ("Báo cáo", None, None)
    assert meta["place"] == "Lào Cai"
    assert (meta["signer"], meta["signer_role"]) == ("Nguyễn Thành Sinh", "KT. Chủ tịch, Phó Chủ tịch")


def test_rank_before_the_name_and_signature_before_the_appendices():
    # gov-docs/TT-16-2018-BCA-tienchat.doc: no recipients; the appendices follow the signature.
    body = "\n".join(f"Điều {n}. Quy định thứ {n} về quản lý vũ khí." for n in range(1, 40))
    appendix = "\n".join(f"{n} Súng trường bắn đạn nổ Anschutz; Walther" for n in range(1, 60))
    meta = extract_metadata(f"""VĂN BẢN QUY PHẠM PHÁP LUẬT
BỘ CÔNG AN
BỘ CÔNG AN
Số: 16/2018/TT-BCA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 15 tháng 5 năm 2018
THÔNG TƯ
Quy định chi tiết một số điều của Luật Quản lý,
sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ
Căn cứ Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ ngày 20 tháng 6 năm 2017;
{body}
Trong quá trình thực hiện Thông tư này, nếu có khó khăn, vướng mắc, Công an các đơn vị, địa phương báo cáo về Bộ Công an để kịp thời hướng dẫn./.

BỘ TRƯỞNG

Thượng tướng Tô Lâm

Phụ lục I
DANH MỤC VŨ KHÍ THỂ THAO
{appendix}
""")
    # a site's caption and a body printed twice are not a parent body
    assert (meta["issuer"], meta["issuer_parent"]) == ("Bộ Công an", None)
    assert (meta["signer"], meta["signer_role"]) == ("Tô Lâm", "Bộ trưởng")


def test_old_law_signed_with_name_and_signed_mark_only():
    # laws/texts/Luat-Dau-khi-1993-18-L-CTN-38474.txt
    meta = extract_metadata("""QUỐC HỘI
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc
Số: 18-L/CTN
Hà Nội, ngày 06 tháng 7 năm 1993
LUẬT
SỐ 18-L/CTN NGÀY 06/07/1993 CỦA QUỐC HỘI VỀ DẦU KHÍ
Để bảo vệ, khai thác và sử dụng có hiệu quả nguồn tài nguyên dầu khí;
Điều 51
Luật này có hiệu lực từ ngày 01 tháng 9 năm 1993.
Luật này đã được Quốc hội nước Cộng hoà xã hội chủ nghĩa Việt Nam khoá IX, kỳ họp thứ ba thông qua ngày 06 tháng 7 năm 1993.
Lê Đức Anh
(Đã ký)
""")
    assert meta["title"] == "Luật Dầu khí"
    assert (meta["signer"], meta["signer_role"]) == ("Lê Đức Anh", None)


def test_joint_guidance_scan_repairs_ocr_marks_and_keeps_one_signers_block():
    # gov-docs/Huong-dan-lien-nganh-24-N2O.pdf: the OCR layer reads "TÓI" for "TỐI".
    meta = extract_metadata("""BỘ CÔNG AN - BỘ QUỐC PHÒNG -
BỘ Y TẾ - BỘ CÔNG THƯƠNG -
BỘ TÀI CHÍNH - VIỆN KIỂM SÁT
NHÂN DÂN TÓI CAO - TÒA ÁN
NHÂN DÂN TÓI CAO
Số: 24 /HDLN-BCA-BQP-BYT-BCT-BTC-VKSNDTC-TANDTC
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 25 tháng 6 năm 2026
HƯỚNG DẪN LIÊN NGÀNH
Về việc xử lý đối với hành vi vi phạm liên quan đến
sản xuất, buôn bán, vận chuyển, tàng trữ N2O
- Căn cứ mục 2.2, Nghị quyết số 173/2024/QH15 ngày 30/11/2024 của
và tổ chức thực hiện Hướng dẫn này./.A
KT. BỘ TRƯỞNG
BỘ QUỐC PHÒNG
THỨ TRƯỞNG
KT. BỘ TRƯỞNG
BỘ CÔNG AN
THỨ TRƯỞNG
Y
a
Thượng tướng Nguyễn Văn Gấu
KT. BỘ TRƯỞNG
BỘ Y TẾ
THỨ TRƯỞNG
Thượng tướng Nguyễn Văn Long
Nơi nhận:
- Bộ Công an;
""")
    assert meta["issuer"] == ("Bộ Công an - Bộ Quốc phòng - Bộ Y tế - Bộ Công Thương - Bộ Tài chính"
                              " - Viện kiểm sát nhân dân tối cao - Tòa án nhân dân tối cao")
    assert (meta["signer"], meta["signer_role"]) == ("Nguyễn Văn Gấu",
                                                     "KT. Bộ trưởng Bộ Công an, Thứ trưởng")


def test_letter_headed_v_v_is_a_cong_van():
    # The layout of Nghị định 30/2020/NĐ-CP's model letter (Phụ lục III, mẫu 1.4).
    meta = extract_metadata("""BỘ TÀI CHÍNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1234/BTC-NSNN V/v hướng dẫn lập dự toán
ngân sách nhà nước năm 2025
Hà Nội, ngày 05 tháng 7 năm 2024
Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương
Bộ Tài chính hướng dẫn như sau.
""")
    assert (meta["kind"], meta["number"], meta["issuer"]) == ("Công văn", "1234/BTC-NSNN",
                                                              "Bộ Tài chính")
    assert meta["title"] == "V/v hướng dẫn lập dự toán ngân sách nhà nước năm 2025"
    assert meta["date"] == "2024-07-05"


def test_blank_form_and_encyclopedia_infobox_are_not_official():
    # legacy-encodings/…/2006-Mau-MTB-10M-Von-CtyCP.doc: a form for a company to fill in
    form = extract_metadata("""cộng hòa xã hội chủ nghĩa việt nam
Độc lập - Tự do - Hạnh phúc
thông báo
thay đổi vốn điều lệ của công ty cổ phần
Kính gửi: Phòng Đăng ký kinh doanh tỉnh, thành phố ……
""")
    assert form["kind"] is None
    # party-docs/docs/235a5e80aef4f957.md: the Party's name in an infobox is no motto
    page = extract_metadata("""Vũ Lệ Mỹ
Quốc tịch
Việt Nam
Tên khác
Đoàn Mỹ Hương
Đảng phái chính trị
Đảng Cộng sản Việt Nam
Vũ Lệ Mỹ có tên đầy đủ là Vũ Thị Lệ Mỹ với bút danh Đoàn Mỹ Hương là nữ đạo diễn, nhà làm phim tài liệu người Việt Nam. Bà được phong tặng danh hiệu Nghệ sĩ nhân dân vào năm 2012.
""")
    assert (page["kind"], page["issuer"]) == (None, None)


def test_regulation_issued_with_a_decision_has_its_date_and_no_number():
    # The layout of a regulation issued with a decision (Nghị định 30/2020/NĐ-CP, Phụ lục III).
    meta = extract_metadata("""ỦY BAN NHÂN DÂN
TỈNH LÀO CAI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
QUY CHẾ
Phối hợp quản lý nhà nước về khoáng sản trên địa bàn tỉnh
(Ban hành kèm theo Quyết định số 25/2024/QĐ-UBND ngày 15 tháng 3 năm 2024 của Ủy ban nhân dân tỉnh Lào Cai)
Chương I
QUY ĐỊNH CHUNG
""")
    assert (meta["kind"], meta["number"], meta["date"]) == ("Quy chế", None, "2024-03-15")
    assert meta["title"] == "Phối hợp quản lý nhà nước về khoáng sản trên địa bàn tỉnh"
    assert meta["issuer"] == "Ủy ban nhân dân tỉnh Lào Cai"


def test_an_infobox_row_naming_a_decision_is_not_taken_for_the_kind_line():
    # A crawled encyclopedia page: the infobox table ends with a row "Quyết định | Số …". The
    # header saw a kind there that the kind line, read alone, does not state; reading used to
    # crash ("cannot unpack non-iterable NoneType") and the file failed to ingest.
    from kb.understand.metadata import extract_metadata

    text = ("# Đền thờ Chủ tịch Hồ Chí Minh (xã Long Đức)\n\n| Đền thờ | |\n|---|---|\n"
            "| Di tích quốc gia | |\n| Thành lập | 26 tháng 1 năm 1971 |\n"
            "| Người sáng lập | Chi bộ đảng xã Long Đức |\n| Ngày công nhận | 5 tháng 9 năm 1989 |\n"
            "| Quyết định | Số 1570/VH-QĐ |\n\n**Đền thờ** tọa lạc ở ấp Vĩnh Hội, xã Long Đức.\n")
    meta = extract_metadata(text)
    assert meta["kind"] is None
