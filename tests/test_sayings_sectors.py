"""The sector of a saying, from its own words or the sentence that introduces it (issue 9, point 5).

Cases are sentences as real pages write them; each passes or fails on one mechanism of
kb.understand.sector_lexicon and the sayings reader.
"""

from __future__ import annotations

from kb.understand.sayings import extract_sayings
from kb.understand.sector_lexicon import match_sectors


def sectors_of(text: str) -> list[list[str]]:
    return [s["sectors"] for s in extract_sayings(text)]


def test_the_party_of_his_older_words_is_party_building():
    # "Đường Kách mệnh" spells "đảng cách mệnh"; "đầy tớ" is how many pages spell "đày tớ".
    text = ("Quan điểm của Người về Đảng cầm quyền thật giản dị: “Đảng vừa là người lãnh đạo vừa là "
            "người đầy tớ thật trung thành của nhân dân”.")
    assert sectors_of(text) == [["cán bộ đảng viên"]]
    assert match_sectors("Đảng vừa là người lãnh đạo vừa là người đầy tớ thật trung thành") == ["cán bộ đảng viên"]
    assert match_sectors("Trước hết phải có đảng cách mệnh") == ["cán bộ đảng viên"]


def test_collective_leadership_is_party_building():
    text = ("Hồ Chí Minh khẳng định: “Tập thể lãnh đạo là dân chủ. Cá nhân phụ trách là tập trung. "
            "Tập thể lãnh đạo, cá nhân phụ trách tức là dân chủ tập trung”(2).")
    assert sectors_of(text) == [["cán bộ đảng viên"]]


def test_industry_and_a_farming_country_are_the_economy():
    text = ("Bởi vậy, Hồ Chí Minh chỉ rõ: “phải dần dần biến nước ta từ một nước nông nghiệp lạc hậu "
            "thành một nước công nghiệp”.")
    assert "kinh tế" in sectors_of(text)[0]


def test_workers_and_peasants_together_are_the_workers():
    text = ("Phải nhớ: “Công nông là gốc cách mệnh, học trò, nhà buôn nhỏ, điền chủ nhỏ cũng bị tư sản "
            "áp bức, song không cực khổ bằng công nông”, Người viết trong Đường Kách mệnh.")
    assert match_sectors("Công nông là gốc cách mệnh") == ["công nhân"]
    assert "công nhân" in sectors_of(text)[0]


def test_the_masses_in_the_old_word_are_mass_mobilisation():
    text = ("Người đã chỉ ra, muốn làm cách mệnh “trước hết phải làm cho dân chúng giác ngộ... phải "
            "giảng giải lý luận và chủ nghĩa cho dân chúng hiểu”[3].")
    assert sectors_of(text) == [["dân vận"]]


def test_youth_volunteers_by_their_abbreviation_are_youth():
    text = ("Rồi Bác căn dặn: “Đã là TNXP thì bất cứ việc gì trên giao dù dễ hay khó, to hay nhỏ, ở "
            "lĩnh vực nào cũng đều phải xung phong.”")
    assert sectors_of(text) == [["thanh niên"]]


def test_a_trade_before_a_name_names_a_person_not_a_sector():
    # The doctor is whom the letter goes to; the saying speaks to no health worker.
    text = ("Truy cập ngày 4 tháng 1 năm 2021.^Hồ Chí Minh: Toàn tập, T. 5, Nhà Xuất bản Chính trị "
            "Quốc gia, Hà Nội, 1995, tr. 40, Trích thư Hồ Chí Minh chia buồn với bác sĩ Vũ Đình Tụng:"
            "\"Ngài biết rằng tôi không có gia đình, cũng không có con cái...\"^")
    assert sectors_of(text) == [[]]
    assert match_sectors("Bác gửi thư cho các bác sĩ, y tá của bệnh viện") == ["y tế"]


def test_a_turn_in_a_dialogue_takes_its_sector_from_its_opening_words_only():
    # His turn names France and "các nước" only in passing, deep in the turn: no foreign affairs.
    text = ("– Nguyễn Tất Thành: Tôi muốn đi ra ngoài, xem nước Pháp và các nước khác. Sau khi xem xét "
            "họ làm như thế nào, tôi sẽ trở về giúp đồng bào chúng ta.\n\n– Anh bạn: Tôi không đi.")
    found = extract_sayings(text)
    assert [s["text"][:22] for s in found] == ["Tôi muốn đi ra ngoài, "]
    assert found[0]["sectors"] == []


def test_the_words_after_a_quote_that_make_it_his_name_whom_it_is_for():
    # A press article: the verse first, then "- Những câu thơ Bác Hồ tặng thanh niên"; the
    # monument's heritage rank ("di tích lịch sử văn hóa") in the lead is no culture.
    text = ("Nơi đây đã có tấm bia công nhận di tích lịch sử văn hóa quốc gia và tượng đài hình cuốn "
            "sách mở, trên đó có bốn câu thơ bằng đồng.\n“Không có việc gì khó/ Chỉ sợ lòng không bền/ "
            "Đào núi và lấp biển/ Quyết chí ắt làm nên” - Những câu thơ Bác Hồ tặng thanh niên đã trở "
            "thành lời hiệu triệu.")
    assert sectors_of(text) == [["thanh niên"]]
    assert match_sectors("Bảo tàng là di tích lịch sử - văn hóa cấp quốc gia") == []
    assert match_sectors("xây dựng nền văn hóa mới") == ["văn hóa"]


def test_learning_is_education_but_the_campaign_named_after_it_is_not():
    text = ("Hành trang của cậu thủ khoa này là câu nói của Bác Hồ: \"Học tập là chiếc thang không có "
            "nấc cuối cùng\".")
    assert sectors_of(text) == [["giáo dục"]]
    # "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" is a campaign's name.
    campaign = ("Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, đồng chí nhắc "
                "lại lời Bác: “Một năm khởi đầu từ mùa xuân. Một đời khởi đầu từ tuổi trẻ”.")
    assert match_sectors("Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh") == []
    assert [s for s in sectors_of(campaign) if "giáo dục" in s] == []
