"""The summary (trích yếu) under the kind line, where it runs past what a plain summary holds:
a treaty's parties after "GIỮA", a parenthesis closing the summary, and the layout's own
parentheses that are none of it. Excerpts of real documents."""

from __future__ import annotations

from kb.understand.metadata import extract_metadata
from kb.understand.title import summary

# gov-docs/Nghi-dinh-thu-Viet-Trung.pdf, its OCR's slips corrected: the name names both parties.
PROTOCOL = """NGHỊ ĐỊNH THƯ
GIỮA
CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
VÀ
CHÍNH PHỦ NƯỚC CỘNG HÒA NHÂN DÂN TRUNG HOA
VỀ VIỆC
THỰC HIỆN HIỆP ĐỊNH VẬN TẢI ĐƯỜNG BỘ
Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam và Chính phủ nước Cộng hòa nhân dân Trung Hoa, sau đây gọi tắt là “hai Bên ký kết”;
Đã thỏa thuận như sau:
"""

# legacy-encodings/ocr/real-scans/2005-mpi-tt01-ptbv.txt (the scan's transcript).
GUIDANCE = [
    "Về việc: Triển khai thực hiện Quyết định của Thủ tướng Chính phủ",
    "về Định hướng chiến lược phát triển bền vững ở Việt Nam",
    "(Chương trình Nghị sự 21 của Việt Nam)",
    "",
    "- Căn cứ Quyết định số 153/2004/ QĐ-TTg ngày 17 tháng 8 năm 2004 của Thủ tướng Chính phủ;",
]


def test_a_treaty_s_name_runs_through_its_parties():
    title = extract_metadata(PROTOCOL)["title"]
    assert title.lower() == ("giữa chính phủ nước cộng hòa xã hội chủ nghĩa việt nam và chính phủ "
                             "nước cộng hòa nhân dân trung hoa về việc thực hiện hiệp định vận tải "
                             "đường bộ")


def test_a_parenthesis_the_text_names_again_is_part_of_the_summary():
    # The grounds repeat "(Chương trình Nghị sự 21 của Việt Nam)": it names the subject.
    body = "\n".join(GUIDANCE) + ("\n- Căn cứ … “Định hướng Chiến lược phát triển bền vững ở Việt "
                                  "Nam“ (Chương trình Nghị sự 21 của Việt Nam);")
    assert summary(GUIDANCE, "Hướng dẫn", "", body) == (
        "Về việc: Triển khai thực hiện Quyết định của Thủ tướng Chính phủ về Định hướng chiến "
        "lược phát triển bền vững ở Việt Nam (Chương trình Nghị sự 21 của Việt Nam)")
    # Printed once, under the summary only, a parenthesis says something of the paper itself.
    assert summary(GUIDANCE, "Hướng dẫn", "", "\n".join(GUIDANCE)).endswith("ở Việt Nam")


def test_the_layout_s_own_parenthesis_is_not():
    # corpus/nha-nuoc/quyet-dinh-ubnd-hai-phong-123-2023-mot-cua.txt: the regulation issued with it.
    lines = ["Hoạt động của Bộ phận Một cửa các cấp trên địa bàn thành phố Hải Phòng",
             "(Ban hành kèm theo Quyết định số 123/QĐ-UBND ngày 16/01/2023 của Ủy ban nhân dân "
             "thành phố)", "", "Chương I"]
    assert summary(lines, "Quy chế", "") == \
        "Hoạt động của Bộ phận Một cửa các cấp trên địa bàn thành phố Hải Phòng"
    draft = ["Về việc tăng cường công tác phòng, chống tham nhũng", "(Dự thảo lần 2)"]
    assert summary(draft, "Chỉ thị", "") == "Về việc tăng cường công tác phòng, chống tham nhũng"
