"""Headlines read back from a page's address when the crawled copy lost them (kb.understand.slug)."""

import pytest

from kb.understand.press import parse_press
from kb.understand.slug import headline_from_slug, name_in_text, slug_words

ARTICLE = """Đội bóng của HLV Pirlo đã để thua 0-1 trước Benevento ngay trên sân nhà.
C.Ronaldo thi đấu mờ nhạt, không có cú sút nào trúng đích. Sự thất vọng toàn tập của
siêu sao người Bồ Đào Nha khiến Juventus bị đẩy xuống vực sâu trong cuộc đua top 4.
Trong dịp 30/4-1/5, sân vận động dự kiến kín chỗ."""


def test_slug_words_drop_the_section_the_id_and_the_suffix():
    url = "https://dantri.com.vn/the-thao/c-ronaldo-gay-that-vong-20210425230305968.htm"
    assert slug_words(url) == ["c", "ronaldo", "gay", "that", "vong"]
    # A section page or a numeric id is not a headline.
    assert slug_words("https://dantri.com.vn/the-thao.htm") == []
    assert slug_words("https://example.vn/news/123456.html") == []


def test_marks_and_inner_punctuation_come_from_the_article():
    words = "c-ronaldo-that-vong-toan-tap-juventus-xuong-vuc-dip-30415".split("-")
    # "xuống vực" and "thất vọng toàn tập" are runs of the article; "30415" is "30/4-1/5".
    assert headline_from_slug(words, ARTICLE) == (
        "C.Ronaldo thất vọng toàn tập Juventus xuống vực dịp 30/4-1/5")


def test_a_syllable_missing_from_the_article_is_spelt_as_usual():
    # "nhất" is not in the article: the usual spelling of "nhat" beside "lớn" is taken.
    assert headline_from_slug(["san", "van", "dong", "lon", "nhat"], ARTICLE) == "Sân vận động lớn nhất"


def test_of_two_spellings_of_a_word_the_commoner_is_taken():
    # Neither "cộng đồng" nor "công đồng" (a church council) is in the article: the word of the
    # commoner list wins over the rarer one whose syllable "công" the article happens to use.
    article = "Thông tin gây xôn xao, nhiều người bàn tán ở công ty và trên báo chí."
    assert headline_from_slug("cong-dong-xon-xao".split("-"), article) == "Cộng đồng xôn xao"


def test_overlapping_words_the_better_written_one_wins():
    # "dan do xo": "dẫn độ" (extradition) and "đổ xô" (to flock) overlap; the article writes
    # "đổ xô", so "dan" is spelt alone.
    article = "Trong dịp nghỉ lễ, người dân đổ xô đi du lịch, nhiều công ty hết vé."
    assert headline_from_slug("dan-do-xo-di-du-lich".split("-"), article) == "Dân đổ xô đi du lịch"


def test_a_file_name_that_the_text_spells_is_its_title():
    text = ("Hỡi đồng bào cả nước,\nLời bất hủ ấy ở trong bản Tuyên ngôn Độc lập năm 1776 của "
            "nước Mỹ.\nĐó là những lẽ phải không ai chối cãi được.")
    assert name_in_text("tuyen_ngon_doc_lap_1945__tnt305_32dcc95ba34c555b", text) == (
        "Tuyên ngôn Độc lập")
    # A hash, a short name or words the text does not hold give none.
    assert name_in_text("0f2c759132b91976", text) is None
    assert name_in_text("news_world_228", text) is None
    assert name_in_text("loi_keu_goi_khang_chien", text) is None


@pytest.mark.parametrize("doc,title", [
    # The copy opens with a lead paragraph (the headline is only in the address).
    ("news_business_027", "Ăn chực nằm chờ để được mua cát ở miền Tây"),
    # The copy opens with a subheading, "Vì tổ quốc quên mình", which stays in the body.
    ("news_society_170", "Ký ức của người chỉ huy trung đoàn đầu tiên đánh vào dinh Độc Lập"),
    # The copy opens with its headline, which the address spells: it is taken as written.
    ("news_business_013", "Xôn xao doanh nghiệp lắp đồng hồ tính thời gian nhân viên dùng nhà vệ sinh"),
    # Neither "người dân" nor "ống vôi": "đàn ông" is the commoner word.
    ("news_tech_171", "Người đàn ông với bộ sưu tập 395 chiếc smartphone"),
])
def test_dantri_copies_get_their_headline(shared_data, doc, title):
    text = (shared_data / "news/dantri/articles" / f"{doc}.txt").read_text(encoding="utf-8")
    article = parse_press(text)
    assert article["title"].lower() == title.lower()
    assert not article["body"].startswith(article["title"])


def test_of_two_overlapping_runs_of_the_article_the_longer_or_commoner_wins():
    # "khi con nguoi lien lac": "khi còn" and "con người" are both runs of the article; "con
    # người" is written more often, so "khi" is spelt alone (Dân trí, news_science_095).
    article = ("Giáo sư tin rằng con người sẽ tìm thấy người ngoài hành tinh, khi còn nhiều "
               "hành tinh chưa biết. Con người nên thận trọng khi liên lạc với người ngoài hành tinh.")
    assert headline_from_slug("canh-bao-khi-con-nguoi-lien-lac".split("-"), article) == (
        "Cảnh báo khi con người liên lạc")
    # A longer run starting inside a pair wins over the pair.
    article = "Nhiều người dân đổ xô đi mua. Người dân đổ xô đi du lịch dịp lễ, đi xa hơn."
    assert headline_from_slug("nguoi-dan-do-xo-di-du-lich".split("-"), article) == (
        "Người dân đổ xô đi du lịch")
