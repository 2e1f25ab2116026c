"""A law's name read from its name line: the session line under it is left out, a body the name
itself holds ("… của Quốc hội và Hội đồng nhân dân") is kept. Excerpts of real laws of
../shared/data/laws/texts."""

from __future__ import annotations

from kb.understand.metadata import extract_metadata

_HEAD = """QUỐC HỘI --------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------
Luật số: {number}
Hà Nội, ngày 20 tháng 11 năm 2015
"""

# Luat-hoat-dong-giam-sat-cua-Quoc-hoi-va-Hoi-dong-nhan-dan-2015-298366.txt
SUPERVISION = _HEAD.format(number="87/2015/QH13") + """LUẬT
HOẠT ĐỘNG GIÁM SÁT CỦA QUỐC HỘI VÀ HỘI ĐỒNG NHÂN DÂN
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Quốc hội ban hành Luật hoạt động giám sát của Quốc hội và Hội đồng nhân dân.
Chương I
NHỮNG QUY ĐỊNH CHUNG
"""

# Luat-ly-lich-tu-phap-2009-28-2009-QH12-90615.txt: the session printed under the name.
RECORDS = """QUỐC HỘI
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Luật số: 28/2009/QH12
LUẬT
LÝ LỊCH TƯ PHÁP
CỦA QUỐC HỘI KHÓA XII, KỲ HỌP THỨ 5
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992 đã được sửa đổi, bổ sung một số điều theo Nghị quyết số 51/2001/QH10;
Quốc hội ban hành Luật lý lịch tư pháp.
"""


def test_a_body_inside_the_law_s_name_is_kept():
    assert extract_metadata(SUPERVISION)["title"] == \
        "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân"


def test_a_name_line_ending_at_the_body_takes_the_enactment_s_whole_name():
    # The 2003 law of the same name: "LUẬT / HOẠT ĐỘNG GIÁM SÁT CỦA QUỐC HỘI".
    text = SUPERVISION.replace(" VÀ HỘI ĐỒNG NHÂN DÂN", "").replace(
        " và Hội đồng nhân dân", "")
    assert extract_metadata(text)["title"] == "Luật Hoạt động giám sát của Quốc hội"


def test_the_session_under_the_name_is_not_part_of_it():
    assert extract_metadata(RECORDS)["title"] == "Luật Lý lịch tư pháp"


def test_a_session_on_the_name_line_is_cut_without_an_enactment_naming_it():
    text = RECORDS.replace("LÝ LỊCH TƯ PHÁP\nCỦA", "LÝ LỊCH TƯ PHÁP CỦA").replace(
        "Quốc hội ban hành Luật lý lịch tư pháp.\n", "")
    assert extract_metadata(text)["title"] == "Luật Lý lịch tư pháp"
