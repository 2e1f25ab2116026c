"""Headlines read from a page's first lines (kb.understand.headline)."""

from kb.config import load_config
from kb.ingest.pipeline import read_document
from kb.understand.headline import clean_headline, first_headline


def test_a_series_kicker_is_not_the_headline():
    text = "40 năm Di chúc Bác Hồ:\nBác Hồ chỉ nói về mục tiêu kinh tế\nTrong Di chúc, Cụ viết: …"
    assert first_headline(text) == "Bác Hồ chỉ nói về mục tiêu kinh tế"


def test_a_salutation_is_not_the_headline():
    text = "Hỡi đồng bào cả nước,\nThưa các đồng chí,\nLời kêu gọi toàn quốc kháng chiến\nChúng ta muốn hòa bình."
    assert first_headline(text) == "Lời kêu gọi toàn quốc kháng chiến"


def test_an_emphasised_salutation_is_not_the_headline():
    text = "*Hỡi đồng bào cả nước,*\n**Lời kêu gọi toàn quốc kháng chiến**\nChúng ta muốn hòa bình."
    assert first_headline(text) == "Lời kêu gọi toàn quốc kháng chiến"


def test_a_text_without_a_headline_is_titled_by_the_name_it_is_kept_under(shared_data):
    config = load_config({"progress": "never"}, environ={})
    doc = read_document(shared_data / "hcm/hcm_texts/tuyen_ngon_doc_lap_1945__tnt305_32dcc95ba34c555b.md",
                        config)
    assert doc.title.lower() == "tuyên ngôn độc lập"


def test_a_bracketed_section_name_goes():
    assert clean_headline("( Ban thanh niên ) Đảng Cộng sản Việt Nam do Chủ tịch Hồ Chí Minh sáng lập") == (
        "Đảng Cộng sản Việt Nam do Chủ tịch Hồ Chí Minh sáng lập")
    # A headline that is only brackets and a word or two keeps them.
    assert clean_headline("(Video) Toàn cảnh") == "(Video) Toàn cảnh"


def test_party_docs_pages_get_their_headline(shared_data):
    config = load_config({"progress": "never"}, environ={})
    kicker = read_document(shared_data / "party-docs/docs/8dfebc47fc7f6cd6.md", config)
    assert kicker.title == "Bác Hồ chỉ nói về mục tiêu kinh tế"
    section = read_document(shared_data / "party-docs/docs/9f2dfc5b60ded9bf.md", config)
    assert section.title.startswith("Đảng Cộng sản Việt Nam do Chủ tịch Hồ Chí Minh sáng lập")
    dated = read_document(shared_data / "party-docs/docs/3df08bc7a3c65673.md", config)
    assert dated.date == "2011-05-27"  # its "(27/05/2011)" line, not 19.9.1910 of the story


def test_a_salutation_wrapped_over_two_lines_is_not_the_headline():
    text = "Kính gửi: Các cơ sở\nđào tạo trực thuộc Bộ\nKế hoạch năm học 2025 - 2026 của các trường\nNội dung."
    assert first_headline(text) == "Kế hoạch năm học 2025 - 2026 của các trường"


def test_the_heading_over_the_publication_line_is_the_headline(shared_data):
    # party-docs/docs/d6fd65694d33a9f4.md: "# Làm theo gương Bác Hồ" is the site's name; the
    # headline is the heading right above "Được đăng: Thứ bảy, 15 Tháng 10 2016 19:14".
    from kb.config import load_config
    from kb.ingest.pipeline import read_document

    config = load_config({"progress": "never"}, environ={})
    doc = read_document(shared_data / "party-docs/docs/d6fd65694d33a9f4.md", config)
    assert doc.title == ("Tư tưởng Hồ Chí Minh về giải phóng dân tộc, giải phóng giai cấp, "
                         "giải phóng con người")
    assert doc.date == "2016-10-15"


def test_a_headline_with_its_date_under_it_stays():
    from kb.understand.headline import headline_over_date

    text = "Bác Hồ với Hải Phòng\n04/01/2020 08:36\nNăm 1946, Bác về thăm Hải Phòng."
    assert headline_over_date(text, "Bác Hồ với Hải Phòng") is None
    text = "Báo Hải Phòng\nBác Hồ với Hải Phòng\n04/01/2020 08:36\nNăm 1946, Bác về thăm."
    assert headline_over_date(text, "Báo Hải Phòng") == "Bác Hồ với Hải Phòng"
    # A sentence above the date is no headline.
    text = "Báo Hải Phòng\nNăm 1946, Bác về thăm Hải Phòng.\n04/01/2020 08:36"
    assert headline_over_date(text, "Báo Hải Phòng") is None


def test_a_label_line_over_the_headline_set_as_a_heading():
    # A party-docs copy of the official biography: the site's label first, the headline in bold
    # capitals below it, repeating the label.
    text = ("Chủ tịch Hồ Chí Minh\n\n\n\n**TIỂU SỬ CHỦ TỊCH HỒ CHÍ MINH (1890 - 1969)**\n\n"
            "Chủ tịch Hồ Chí Minh (tên lúc nhỏ là Nguyễn Sinh Cung) sinh ngày 19-5-1890 ở làng Kim Liên.\n")
    assert first_headline(text) == "Tiểu sử Chủ tịch Hồ Chí Minh (1890 - 1969)"


def test_a_headline_over_a_bold_lead_that_does_not_repeat_it_stays():
    text = ("Bác Hồ với ngành giáo dục\n\n**NHỮNG LỜI DẠY CÒN NGUYÊN GIÁ TRỊ**\n\n"
            "Sinh thời, Bác luôn quan tâm đến sự nghiệp giáo dục.\n")
    assert first_headline(text) == "Bác Hồ với ngành giáo dục"


def test_a_label_over_a_heading_that_opens_with_it_and_after_a_salutation():
    text = "Chủ tịch Hồ Chí Minh\n\n**CHỦ TỊCH HỒ CHÍ MINH VỚI NGÀNH GIÁO DỤC**\n\nBài viết.\n"
    assert first_headline(text) == "Chủ tịch Hồ Chí Minh với ngành giáo dục"
    # The salutation dropped before it must not shift which line is read as styled.
    text = "Thưa các đồng chí,\nBác Hồ với ngành giáo dục\n**NHỮNG LỜI DẠY**\nSinh thời, Bác luôn quan tâm.\n"
    assert first_headline(text) == "Bác Hồ với ngành giáo dục"
