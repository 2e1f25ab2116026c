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


# legacy-encodings/ocr/real-scans/2005-mpi-qd837.txt (fold 0): a scan's transcript, the summary
# wrapped at a capital ("… Văn phòng / Ban chỉ đạo …"), the enacting capacity over three lines.
SCANNED_DECISION = """BỘ KẾ HOẠCH VÀ ĐẦU TƯ
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số : 837 / QĐ - BKH

Hà Nội, ngày 26 tháng 8 năm 2005

QUYẾT ĐỊNH
Về việc ban hành Quy chế hoạt động của Văn phòng
Ban chỉ đạo điều phối phát triển các vùng kinh tế trọng điểm

BỘ TRƯỞNG BỘ KẾ HOẠCH VÀ ĐẦU TƯ
PHÓ TRƯỞNG BAN THƯỜNG TRỰC BAN CHỈ ĐẠO
ĐIỀU PHỐI PHÁT TRIỂN CÁC VÙNG KINH TẾ TRỌNG ĐIỂM

Căn cứ Nghị định số 61/NĐ-CP ngày 06 tháng 6 năm 2003 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Kế hoạch và Đầu tư;
"""

# legacy-encodings/ocr/real-scans/2005-mpi-tt01-ptbv.txt (fold 0): "THÔNG TƯ HƯỚNG DẪN", the
# summary under it.
GUIDING_CIRCULAR = """BỘ KẾ HOẠCH VÀ ĐẦU TƯ
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập – Tự do - Hạnh phúc

Số: 01 / 2005 /TT-BKH

Hà Nội, ngày 09 tháng 3 năm 2005

THÔNG TƯ HƯỚNG DẪN
Về việc: Triển khai thực hiện Quyết định của Thủ tướng Chính phủ
về Định hướng chiến lược phát triển bền vững ở Việt Nam
(Chương trình Nghị sự 21 của Việt Nam)

- Căn cứ Quyết định số 153/2004/ QĐ-TTg ngày 17 tháng 8 năm 2004 của Thủ tướng Chính phủ về việc ban hành “Định hướng Chiến lược phát triển bền vững ở Việt Nam “ (Chương trình Nghị sự 21 của Việt Nam);
"""

# corpus/dang/nghi-quyet-dang-uy-phuong-le-loi-nhiem-vu-2025.pdf: a PDF's lines, the body's
# first sentence wrapped under a one-line summary.
WARD_RESOLUTION = """ĐẢNG BỘ QUẬN NGÔ QUYỀN
ĐẢNG ỦY PHƯỜNG LÊ LỢI
Số 01-NQ/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Lê Lợi, ngày 08 tháng 01 năm 2025
NGHỊ QUYẾT
về lãnh đạo thực hiện nhiệm vụ chính trị năm 2025
Hội nghị Ban Chấp hành Đảng bộ phường Lê Lợi ngày 07/01/2025 đã thảo luận, thống
nhất đánh giá kết quả năm 2024 và quyết nghị nhiệm vụ năm 2025 như sau:
I. MỤC TIÊU
"""


def test_summary_wrapped_at_a_capital_is_read_whole():
    meta = extract_metadata(SCANNED_DECISION)
    assert meta["kind"] == "Quyết định"
    assert meta["number"] == "837/QĐ-BKH"
    assert meta["title"] == ("Về việc ban hành Quy chế hoạt động của Văn phòng Ban chỉ đạo điều "
                             "phối phát triển các vùng kinh tế trọng điểm")


def test_second_kind_word_is_not_the_summary():
    meta = extract_metadata(GUIDING_CIRCULAR)
    assert meta["kind"] == "Thông tư"
    assert meta["number"] == "01/2005/TT-BKH"
    assert meta["title"].startswith("Về việc: Triển khai thực hiện Quyết định")
    assert "bền vững ở Việt Nam" in meta["title"]


def test_body_sentence_under_a_summary_is_not_joined_to_it():
    meta = extract_metadata(WARD_RESOLUTION)
    assert meta["title"].lower() == "về lãnh đạo thực hiện nhiệm vụ chính trị năm 2025"


# The Nghị định 30/2020 layout of a letter read from a two-column PDF: the "V/v" subject in the
# left column shares its line with the right column's place and (draft) date.
LETTER_SUBJECT_BESIDE_DATE = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN CẦN GIỜ Độc lập - Tự do - Hạnh phúc
Số: /UBND-VP
V/v tăng cường công tác phòng, Cần Giờ, ngày tháng 7 năm 2023
chống thiên tai năm 2023

Kính gửi: Ủy ban nhân dân các xã, thị trấn.

Thực hiện Công văn số 123/UBND-KT của Ủy ban nhân dân Thành phố về công tác phòng, chống thiên tai.

Nơi nhận: KT. CHỦ TỊCH
- Như trên; PHÓ CHỦ TỊCH
- Lưu: VT.
Trần Thị Mai
"""

# The Hướng dẫn 36-HD/VPTW layout of a Central Committee resolution: the plenum named between
# the kind and the subject; and of a Secretariat directive whose body opens "Thời gian qua, …".
PLENUM_RESOLUTION = """BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 27-NQ/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 09 tháng 11 năm 2022
NGHỊ QUYẾT
HỘI NGHỊ LẦN THỨ SÁU BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII
về tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam
trong giai đoạn mới
I- TÌNH HÌNH VÀ NGUYÊN NHÂN
T/M BAN CHẤP HÀNH TRUNG ƯƠNG
TỔNG BÍ THƯ
Nguyễn Phú Trọng
"""
SECRETARIAT_DIRECTIVE = """BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 21-CT/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 20 tháng 01 năm 2023
CHỈ THỊ
CỦA BAN BÍ THƯ
về tiếp tục đẩy mạnh công tác phụ nữ trong tình hình mới
Thời gian qua, các cấp ủy, tổ chức đảng đã quan tâm lãnh đạo công tác phụ nữ.
T/M BAN BÍ THƯ
Võ Văn Thưởng
"""


def test_letter_subject_sharing_its_line_with_the_place_and_date():
    meta = extract_metadata(LETTER_SUBJECT_BESIDE_DATE)
    assert meta["kind"] == "Công văn"
    assert meta["number"] is None  # a draft's blank number
    assert meta["title"] == "V/v tăng cường công tác phòng, chống thiên tai năm 2023"
    assert meta["place"] == "Cần Giờ" and meta["date"] is None


def test_plenum_named_under_the_kind_is_not_the_subject():
    meta = extract_metadata(PLENUM_RESOLUTION)
    assert meta["issuer"] == "Ban Chấp hành Trung ương"
    assert meta["term"] == "XIII"  # read from the plenum's line, which the title leaves out
    assert meta["meeting"] == "Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII"
    assert meta["title"].lower().startswith("về tiếp tục xây dựng và hoàn thiện nhà nước pháp quyền")
    assert meta["title"].endswith("trong giai đoạn mới")


def test_directive_body_opening_is_not_joined_to_the_subject():
    meta = extract_metadata(SECRETARIAT_DIRECTIVE)
    assert meta["issuer"] == "Ban Bí thư"
    assert meta["title"].lower() == "về tiếp tục đẩy mạnh công tác phụ nữ trong tình hình mới"


def test_departments_are_spelt_with_each_field_capitalised():
    from kb.understand.layout import display_case
    assert display_case("UBND HUYỆN ĐÔNG ANH") == "UBND huyện Đông Anh"
    assert display_case("SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH LÂM ĐỒNG") == "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng"
    assert display_case("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI") == "Bộ Lao động - Thương binh và Xã hội"
    assert display_case("BỘ CÔNG AN - BỘ QUỐC PHÒNG") == "Bộ Công an - Bộ Quốc phòng"


# The Youth Union's layout: its name, not the national motto, heads the right-hand column.
YOUTH_UNION_PLAN = """BAN CHẤP HÀNH TỈNH ĐOÀN BÌNH DƯƠNG ĐOÀN TNCS HỒ CHÍ MINH
***
Số: 215-KH/TĐTN-TG Bình Dương, ngày 10 tháng 5 năm 2024
KẾ HOẠCH
Tổ chức các hoạt động kỷ niệm 134 năm Ngày sinh Chủ tịch Hồ Chí Minh
TM. BAN THƯỜNG VỤ TỈNH ĐOÀN
PHÓ BÍ THƯ
Nguyễn Thanh Tâm
"""


def test_youth_union_name_is_the_motto_not_part_of_the_issuer():
    meta = extract_metadata(YOUTH_UNION_PLAN)
    assert meta["kind"] == "Kế hoạch"
    assert meta["issuer"] == "Ban Chấp hành Tỉnh đoàn Bình Dương"
    assert meta["signer_role"] == "TM. Ban Thường vụ Tỉnh đoàn, Phó Bí thư"


def test_committee_of_a_department_names_the_department():
    from kb.understand.layout import display_case
    assert display_case("ĐẢNG ỦY SỞ Y TẾ") == "Đảng ủy Sở Y tế"
    assert display_case("CHI BỘ PHÒNG TƯ PHÁP") == "Chi bộ Phòng Tư pháp"
    assert display_case("ĐẢNG ỦY PHƯỜNG LÊ LỢI") == "Đảng ủy phường Lê Lợi"


# A letter's subject wrapped before a name ("… quy định chi tiết / Luật Đất đai năm 2024").
LETTER_SUBJECT_WRAPPED_AT_A_NAME = """BỘ TƯ PHÁP
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 1520/BTP-PLDSKT
V/v góp ý dự thảo Nghị định quy định chi tiết
Luật Đất đai năm 2024
Hà Nội, ngày 18 tháng 4 năm 2024
Kính gửi: Bộ Tài nguyên và Môi trường
Bộ Tư pháp nhận được Công văn số 2034/BTNMT-PC của Bộ Tài nguyên và Môi trường.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Đặng Hoàng Oanh
"""


def test_letter_subject_wrapped_at_a_name_is_read_whole_and_stops_at_the_date():
    meta = extract_metadata(LETTER_SUBJECT_WRAPPED_AT_A_NAME)
    assert meta["title"] == "V/v góp ý dự thảo Nghị định quy định chi tiết Luật Đất đai năm 2024"
    assert (meta["place"], meta["date"]) == ("Hà Nội", "2024-04-18")


# A trade union's header: the confederation above the union that issues the guidance.
UNION_GUIDANCE = """TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM
CÔNG ĐOÀN VIÊN CHỨC VIỆT NAM
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 312/CĐVC-TC
Hà Nội, ngày 20 tháng 3 năm 2024
HƯỚNG DẪN
Tổ chức Đại hội công đoàn cơ sở nhiệm kỳ 2023-2028
TM. BAN THƯỜNG VỤ
PHÓ CHỦ TỊCH
Nguyễn Thị Hồng
"""


def test_union_under_its_confederation_is_the_issuer():
    meta = extract_metadata(UNION_GUIDANCE)
    assert meta["issuer"].lower() == "công đoàn viên chức việt nam"
    assert meta["issuer_parent"] == "Tổng Liên đoàn Lao động Việt Nam"


# Hướng dẫn 36-HD/VPTW: a notice of the Politburo's conclusion, the conclusion in capitals
# heading its "về …" subject.
POLITBURO_CONCLUSION_NOTICE = """BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 188-TB/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 14 tháng 3 năm 2025
THÔNG BÁO
KẾT LUẬN CỦA BỘ CHÍNH TRỊ
về chủ trương sắp xếp đơn vị hành chính
Tại phiên họp ngày 11/3/2025, sau khi nghe Ban Tổ chức Trung ương báo cáo, Bộ Chính trị kết luận như sau:
T/M BỘ CHÍNH TRỊ
Trần Cẩm Tú
"""


def test_conclusion_in_capitals_heads_the_subject_of_a_notice():
    meta = extract_metadata(POLITBURO_CONCLUSION_NOTICE)
    assert meta["kind"] == "Thông báo"
    assert meta["issuer"] == "Bộ Chính trị"
    assert meta["title"] == "Kết luận của Bộ Chính trị về chủ trương sắp xếp đơn vị hành chính"


def test_plenum_resolution_is_listed_by_its_plenum_and_subject():
    from kb.ingest.describe import describe
    title = describe(PLENUM_RESOLUTION).title
    assert title.startswith("Nghị quyết 27-NQ/TW Hội nghị lần thứ sáu Ban Chấp hành Trung ương "
                            "Đảng khóa XIII về tiếp tục xây dựng")


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
    # Without the motto or a kind line, the row's number and the founder's name are no header.
    assert (meta["number"], meta["issuer"]) == (None, None)


def test_youth_union_name_in_an_infobox_is_no_motto():
    text = ("# Đội Thiếu niên Tiền phong Hồ Chí Minh\n\n| Lãnh tụ | Hồ Chí Minh |\n|---|---|\n"
            "| Phụ trách bởi | Đoàn Thanh niên Cộng sản Hồ Chí Minh |\n"
            "| Chủ tịch Hội đồng Đội Trung ương | Nguyễn Phạm Duy Trang |\n"
            "| Thành lập | 15 tháng 5 năm 1941 |\n\n**Đội Thiếu niên Tiền phong Hồ Chí Minh** là một"
            " tổ chức dành cho thiếu niên nhi đồng hoạt động tại Việt Nam.\n")
    meta = extract_metadata(text)
    assert (meta["kind"], meta["issuer"], meta["signer"]) == (None, None, None)


# Written after Hướng dẫn 36-HD/VPTW: a notice of the Politburo's conclusions signed by order
# ("T/L BỘ CHÍNH TRỊ") by the head of the Central Office; the conclusion heading names the body.
POLITBURO_NOTICE_BY_ORDER = """BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 45-TB/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 10 tháng 1 năm 2022
THÔNG BÁO
KẾT LUẬN CỦA BỘ CHÍNH TRỊ
về tình hình kinh tế - xã hội năm 2021
Ngày 07/01/2022, Bộ Chính trị đã họp, nghe báo cáo và kết luận như sau.
Nơi nhận:
- Các tỉnh ủy, thành ủy,
- Lưu Văn phòng Trung ương Đảng.
T/L BỘ CHÍNH TRỊ
CHÁNH VĂN PHÒNG
Lê Minh Hưng
"""


def test_notice_signed_by_order_of_the_politburo_is_the_politburo_s():
    meta = extract_metadata(POLITBURO_NOTICE_BY_ORDER)
    assert (meta["kind"], meta["number"], meta["issuer"]) == ("Thông báo", "45-TB/TW", "Bộ Chính trị")
    assert meta["title"] == "Kết luận của Bộ Chính trị về tình hình kinh tế - xã hội năm 2021"
    assert (meta["signer"], meta["signer_role"]) == ("Lê Minh Hưng",
                                                     "T/L Bộ Chính trị, Chánh Văn phòng")


def test_deputy_capacity_names_no_body():
    text = POLITBURO_NOTICE_BY_ORDER.replace("KẾT LUẬN CỦA BỘ CHÍNH TRỊ\n", "").replace(
        "T/L BỘ CHÍNH TRỊ\nCHÁNH VĂN PHÒNG", "K/T CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG")
    assert extract_metadata(text)["issuer"] == "Ban Chấp hành Trung ương"


# A directive whose body opens right under its one-line summary, with no rule between them.
DIRECTIVE_BODY_UNDER_SUMMARY = """BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 35-CT/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 14 tháng 6 năm 2024
CHỈ THỊ
CỦA BỘ CHÍNH TRỊ
về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng
Đại hội đảng bộ các cấp là sinh hoạt chính trị sâu rộng trong toàn Đảng.
Nơi nhận:
- Các tỉnh ủy, thành ủy,
- Lưu Văn phòng Trung ương Đảng.
T/M BỘ CHÍNH TRỊ
TỔNG BÍ THƯ
Nguyễn Phú Trọng
"""


def test_the_body_s_first_sentence_is_not_part_of_the_summary():
    meta = extract_metadata(DIRECTIVE_BODY_UNDER_SUMMARY)
    assert meta["issuer"] == "Bộ Chính trị"
    assert meta["title"] == ("về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc "
                             "lần thứ XIV của Đảng")


# Written after Nghị định 30/2020: a city decision whose signer's family name is a rare one.
CITY_DECISION_RARE_SURNAME = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THÀNH PHỐ HÀ NỘI Độc lập - Tự do - Hạnh phúc
Số: 5678/QĐ-UBND Hà Nội, ngày 15 tháng 11 năm 2021
QUYẾT ĐỊNH
Về việc thành lập Ban Chỉ đạo phòng, chống dịch bệnh trên địa bàn thành phố
CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Điều 1. Thành lập Ban Chỉ đạo.
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
(Đã ký)
Chử Xuân Dũng
"""


def test_signer_is_read_by_place_under_the_capacity():
    meta = extract_metadata(CITY_DECISION_RARE_SURNAME)
    assert (meta["number"], meta["issuer"]) == ("5678/QĐ-UBND", "Ủy ban nhân dân thành phố Hà Nội")
    assert (meta["signer"], meta["signer_role"]) == ("Chử Xuân Dũng", "KT. Chủ tịch, Phó Chủ tịch")


# A text of 1945–1976 under the Democratic Republic's motto, with a section headed "VỀ VIỆC
# RIÊNG": no number line, no kind line, so neither a công văn nor a body's document.
DRV_PERSONAL_TEXT = """VIỆT NAM DÂN CHỦ CỘNG HÒA
Độc lập - Tự do - Hạnh phúc
Năm nay, tôi vừa 79 tuổi, đã là lớp người "xưa nay hiếm" nhưng tinh thần vẫn sáng suốt.
Trước hết nói về Đảng.
VỀ VIỆC RIÊNG
Suốt đời tôi hết lòng hết sức phục vụ Tổ quốc, phục vụ cách mạng, phục vụ nhân dân.
Hà Nội, ngày 10 tháng 5 năm 1969
"""


def test_a_heading_about_a_matter_is_no_letter_subject_without_a_number():
    meta = extract_metadata(DRV_PERSONAL_TEXT)
    assert (meta["kind"], meta["title"], meta["issuer"]) == (None, None, None)
    letter = DRV_PERSONAL_TEXT.replace("Năm nay", "Số: 12/VP\nV/v tổ chức lễ kỷ niệm\nNăm nay")
    assert extract_metadata(letter)["kind"] == "Công văn"
    # The Republic's name in the motto is no issuing body.
    decree = DRV_PERSONAL_TEXT.replace("Năm nay", "SẮC LỆNH\nvề việc lập các đoàn thể\nNăm nay")
    assert extract_metadata(decree)["issuer"] is None


# party-docs/docs/f0a3d9f100d0791b.md (a ministry's letter crawled from its portal): the header
# table with number, date and "V/v" is lost; the copy opens at the salutation.
HEADLESS_LETTER = """**Kính gửi:** Các cơ sở
đào tạo trực thuộc Bộ

Thực
hiện Thông báo số 460/TB-VPCP ngày 04/9/2025 về Kết luận của Thủ tướng Chính phủ
Phạm Minh Chính tại Hội nghị tổng kết năm học 2024 - 2025 (có Thông báo, Công văn gửi kèm). Bộ Văn hóa, Thể
thao và Du lịch (VHTTDL) đề nghị các cơ sở đào tạo trực thuộc Bộ (sau đây gọi
là cơ sở đào tạo) nghiêm túc thực hiện một số nhiệm vụ năm học 2025 - 2026 với
các nội dung chủ yếu như sau:

**I. NHIỆM VỤ CHUNG**

Nơi nhận:
- Như trên;
- Bộ trưởng *(để báo cáo);*
- Lưu: VT, KHCNĐTMT, TL 02.
|
**KT. BỘ TRƯỞNG **
THỨ TRƯỞNG
Phan Tâm
|
"""


def test_a_letter_that_lost_its_header_is_still_a_letter():
    meta = extract_metadata(HEADLESS_LETTER)
    assert (meta["kind"], meta["number"], meta["date"]) == ("Công văn", None, None)
    assert meta["issuer"] == "Bộ Văn hóa, Thể thao và Du lịch"
    assert (meta["signer"], meta["signer_role"]) == ("Phan Tâm", "KT. Bộ trưởng, Thứ trưởng")


def test_a_salutation_without_a_capacity_signature_is_no_letter():
    # A reader's letter to a newspaper: salutation and a name, but nobody signs for a body.
    text = ("Kính gửi: Ban biên tập báo Nhân Dân\n\nTôi là cựu chiến binh, xin phản ánh việc sửa "
            "đường ở xã.\n\nNơi nhận:\n- Như trên.\n\nNgười viết\nNguyễn Văn Bình\n")
    assert extract_metadata(text)["kind"] is None


# laws/texts/Luat-de-dieu-2006-79-2006-QH11-15872.txt as a portal's markdown copy would print it:
# asterisk rules under the body and the motto, the kind and the name in bold, the date with
# slashes, and the session's dates under the header.
LAW_MARKDOWN_COPY = """QUỐC HỘI ******
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ************
Luật số: 79/2006/QH 11
Hà Nội, ngày 29/11/2006
QUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Khoá XI, kỳ họp thứ 10
(Từ ngày 17 tháng 10 đến ngày 29 tháng 11 năm 2006)
**LUẬT**
**ĐÊ ĐIỀU**
Căn cứ vào Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992; Luật này quy định về đê điều.
Chương I
**NHỮNG QUY ĐỊNH CHUNG**
Điều 1. Phạm vi điều chỉnh
"""


def test_an_asterisk_rule_does_not_pair_with_a_bold_span():
    meta = extract_metadata(LAW_MARKDOWN_COPY)
    assert (meta["kind"], meta["number"], meta["issuer"]) == ("Luật", "79/2006/QH11", "Quốc hội")
    assert meta["title"] == "Luật Đê điều"


def test_the_header_s_date_with_slashes_wins_over_a_session_s_dates_in_words():
    meta = extract_metadata(LAW_MARKDOWN_COPY)
    assert (meta["place"], meta["date"]) == ("Hà Nội", "2006-11-29")


# party-docs/docs/dcde3ff61cba152e.md (the government portal's copy of a resolution) with its
# lead paragraph wrapped over several lines, as a PDF print or a narrow crawl leaves it.
PORTAL_COPY_WRAPPED_LEAD = """Ngày 9/9/2025, thay mặt Chính phủ, Phó Thủ tướng Hồ Đức Phớc đã ký ban
hành Nghị quyết số 05/2025/NQ-CP của Chính phủ về việc triển khai thí điểm
thị trường tài sản mã hóa tại Việt Nam. Nghị quyết này có hiệu lực thi hành
kể từ ngày 9/9/2025; thời gian thực hiện thí điểm là 5 năm. Cổng TTĐT Chính
phủ trân trọng giới thiệu toàn văn Nghị quyết.

**NGHỊ QUYẾT**

**Về việc triển khai thí điểm thị trường tài sản mã hóa tại Việt Nam**

**CHÍNH PHỦ**

*Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;*

**QUYẾT NGHỊ:**

Điều 1. Phạm vi điều chỉnh
"""


def test_a_portal_lead_wrapped_over_lines_is_one_paragraph():
    meta = extract_metadata(PORTAL_COPY_WRAPPED_LEAD)
    assert (meta["kind"], meta["number"], meta["issuer"]) == ("Nghị quyết", "05/2025/NQ-CP", "Chính phủ")
    assert meta["title"] == "Về việc triển khai thí điểm thị trường tài sản mã hóa tại Việt Nam"
    assert meta["signer"] == "Hồ Đức Phớc"


# laws/texts/Luat-Si-quan-Quan-doi-nhan-dan-Viet-Nam-1999-16-1999-QH10-46063.txt as a legacy
# font leaves it, capitals lost: the gazette line before the name is still not the name.
LEGACY_LAW_LOST_CAPITALS = """quốc hội ********
cộng hoà xã hội chủ nghĩa việt nam độc lập - tự do - hạnh phúc ********
Số: 16/1999/QH10
Hà Nội, ngày 21 tháng 12 năm 1999
luật
của quốc hội nước cộng hoà xã hội chủ nghĩa việt nam số 16/1999/qh10 về sĩ quan quân đội nhân dân việt nam
Để xây dựng đội ngũ sĩ quan Quân đội nhân dân Việt Nam vững mạnh; Luật này quy định về sĩ quan Quân đội nhân dân Việt Nam.
Chương 1:
"""

# party-docs/docs/1662311553c66bda.md with its capitals lost: the enacting body under the summary.
RESOLUTION_LOST_CAPITALS = """Số: 1664/NQ-UBTVQH15 |
|

nghị quyết

về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Gia Lai năm 2025

ủy ban thường vụ quốc hội

*Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;*
"""


def test_a_law_name_under_a_gazette_line_in_lost_capitals():
    meta = extract_metadata(LEGACY_LAW_LOST_CAPITALS)
    assert (meta["kind"], meta["number"]) == ("Luật", "16/1999/QH10")
    assert meta["title"].lower() == "luật sĩ quan quân đội nhân dân việt nam"


def test_the_enacting_body_in_lost_capitals_is_not_part_of_the_summary():
    meta = extract_metadata(RESOLUTION_LOST_CAPITALS)
    assert meta["title"].lower() == "về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh gia lai năm 2025"


def test_a_letter_spaced_kind_line_is_read_as_its_kind():
    # Word files space the kind's letters out ("N G H Ị  Q U Y Ế T"); clean-up collapses the gaps.
    text = RESOLUTION_LOST_CAPITALS.replace("nghị quyết", "N G H Ị Q U Y Ế T")
    meta = extract_metadata(text)
    assert (meta["kind"], meta["number"]) == ("Nghị quyết", "1664/NQ-UBTVQH15")
    law = LAW_MARKDOWN_COPY.replace("**LUẬT**", "L U Ậ T")
    assert (extract_metadata(law)["kind"], extract_metadata(law)["title"]) == ("Luật", "Luật Đê điều")


# The Prime Minister's telegram after Nghị định 30/2020/NĐ-CP, Phụ lục III, mẫu 1.6: its "Về
# việc …" subject sits under the number as a letter's does, but the kind line names it.
TELEGRAM = """THỦ TƯỚNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 105/CĐ-TTg
Hà Nội, ngày 06 tháng 10 năm 2025
CÔNG ĐIỆN
Về việc tập trung khắc phục hậu quả mưa lũ sau bão số 11
THỦ TƯỚNG CHÍNH PHỦ điện:
- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Thái Nguyên, Cao Bằng, Lạng Sơn;
- Các Bộ trưởng: Quốc phòng, Công an, Nông nghiệp và Môi trường.
Trong những ngày qua, do ảnh hưởng của bão số 11, khu vực Bắc Bộ đã có mưa rất to.
Văn phòng Chính phủ theo dõi, đôn đốc theo chức năng, nhiệm vụ được giao./.
Nơi nhận:
- Như trên;
- Lưu: VT, NN (2).
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Trần Hồng Hà
"""


def test_a_telegram_is_a_cong_dien_not_a_letter():
    meta = extract_metadata(TELEGRAM)
    assert (meta["kind"], meta["number"], meta["issuer"]) == ("Công điện", "105/CĐ-TTg",
                                                              "Thủ tướng Chính phủ")
    assert meta["title"] == "Về việc tập trung khắc phục hậu quả mưa lũ sau bão số 11"
    assert (meta["date"], meta["signer"]) == ("2025-10-06", "Trần Hồng Hà")
    # An invitation (mẫu 1.7) is named by its kind line as well, its subject under it.
    invitation = TELEGRAM.replace("CÔNG ĐIỆN", "GIẤY MỜI").replace(
        "Về việc tập trung khắc phục hậu quả mưa lũ sau bão số 11",
        "Dự Hội nghị tổng kết công tác phòng, chống thiên tai năm 2025")
    meta = extract_metadata(invitation)
    assert meta["kind"] == "Giấy mời"
    assert meta["title"] == "Dự Hội nghị tổng kết công tác phòng, chống thiên tai năm 2025"


# The Quốc hội prints its resolutions' number with the kind before it, as its laws ("Luật số:").
ASSEMBLY_RESOLUTION = """QUỐC HỘI
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Nghị quyết số: 103/2023/QH15
Hà Nội, ngày 10 tháng 11 năm 2023
NGHỊ QUYẾT
VỀ DỰ TOÁN NGÂN SÁCH NHÀ NƯỚC NĂM 2024
QUỐC HỘI
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13;
QUYẾT NGHỊ:
Điều 1. Thông qua dự toán ngân sách nhà nước năm 2024.
Nghị quyết này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 6 thông qua ngày 10 tháng 11 năm 2023.
CHỦ TỊCH QUỐC HỘI
Vương Đình Huệ
"""


def test_a_number_line_naming_the_kind_gives_the_number():
    meta = extract_metadata(ASSEMBLY_RESOLUTION)
    assert (meta["kind"], meta["number"], meta["issuer"]) == ("Nghị quyết", "103/2023/QH15",
                                                              "Quốc hội")
    assert meta["title"].lower() == "về dự toán ngân sách nhà nước năm 2024"
    assert (meta["date"], meta["signer"], meta["signer_role"]) == (
        "2023-11-10", "Vương Đình Huệ", "Chủ tịch Quốc hội")
    # A reference to another document in running text is no number line.
    body = ASSEMBLY_RESOLUTION.replace("Nghị quyết số: 103/2023/QH15\n", "")
    assert extract_metadata(body)["number"] is None
