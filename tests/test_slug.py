"""Headlines read back from a page's address when the crawled copy lost them (kb.understand.slug)."""

import pytest

from kb.understand.press import parse_press
from kb.understand.slug import headline_from_slug, slug_words

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


@pytest.mark.parametrize("doc,title", [
    # The copy opens with a lead paragraph (the headline is only in the address).
    ("news_business_027", "Ăn chực nằm chờ để được mua cát ở miền Tây"),
    # The copy opens with a subheading, "Vì tổ quốc quên mình", which stays in the body.
    ("news_society_170", "Ký ức của người chỉ huy trung đoàn đầu tiên đánh vào dinh Độc Lập"),
    # The copy opens with its headline, which the address spells: it is taken as written.
    ("news_business_013", "Xôn xao doanh nghiệp lắp đồng hồ tính thời gian nhân viên dùng nhà vệ sinh"),
])
def test_dantri_copies_get_their_headline(shared_data, doc, title):
    text = (shared_data / "news/dantri/articles" / f"{doc}.txt").read_text(encoding="utf-8")
    article = parse_press(text)
    assert article["title"].lower() == title.lower()
    assert not article["body"].startswith(article["title"])
