"""parse_press on the seed article (Báo Hải Phòng) and on Dân trí articles of ../shared/data."""

from __future__ import annotations

import pytest

from kb.understand.press import parse_press


@pytest.fixture(scope="module")
def seed(seed_article):
    article = parse_press(seed_article.read_text(encoding="utf-8"))
    assert article is not None
    return article


def test_seed_source_and_date_read_day_first(seed):
    assert seed["source"] == "Báo Hải Phòng"
    assert seed["date"] == "2018-04-12"


def test_seed_captions_are_kept_apart_with_their_credits(seed):
    assert [c["credit"] for c in seed["captions"]] == ["Đỗ Hiền", "Phương Linh"]
    assert seed["captions"][0]["text"].startswith("Cán bộ, công chức Khối thi đua")
    assert "Ảnh:" not in seed["body"]
    assert "Ngày hội hiến máu" not in seed["body"]


def test_seed_subheadings(seed):
    assert seed["subheadings"] == ["Có nhiều nét mới", "Xuất hiện ngày càng nhiều điển hình"]


def test_seed_page_furniture_is_removed_from_the_body(seed):
    body = seed["body"]
    for furniture in ("This website uses cookies", "Read More", "Chiều 22/11, trong khuôn khổ",
                      "Ngày 20/11, tại Trụ sở Trung ương Đảng", "Báo Hải Phòng 12/04/2018"):
        assert furniture not in body
    assert "Read More" in seed["removed"]
    assert sum(line.endswith("…") for line in seed["removed"]) == 6
    # The article itself is intact, from the lead to its last sentence.
    assert body.startswith("2 năm qua, Chỉ thị 05 của Bộ Chính trị")
    assert body.endswith("đã tạo ra sự lan toả mạnh mẽ.")


def test_seed_title_is_derived_from_the_lead(seed):
    """The copy has no headline: the first line is the lead paragraph."""
    assert seed["title"].startswith("2 năm qua, Chỉ thị 05 của Bộ Chính trị")
    assert len(seed["title"]) < 80


DANTRI = [
    ("news_society_010", "Sạt lở Trà Leng: “Không khóc nổi” bên nấm mồ của bố mẹ", "2020-11-01"),
    ("news_world_015", "Gần 100.000 ca Covid-19 tại Mỹ chỉ trong 1 ngày, Anh tái phong tỏa cả nước",
     "2020-11-01"),
]


@pytest.mark.parametrize("doc,title,date", DANTRI)
def test_dantri_title_and_date(shared_data, doc, title, date):
    path = shared_data / "news/dantri/articles" / f"{doc}.txt"
    article = parse_press(path.read_text(encoding="utf-8"))
    assert (article["title"], article["date"], article["source"]) == (title, date, "Dân trí")
    assert "# url" not in article["body"] and not article["body"].startswith(title)


def test_dantri_subheadings_and_captions(shared_data):
    world = parse_press((shared_data / "news/dantri/articles/news_world_015.txt").read_text("utf-8"))
    assert "Mỹ đang trải qua làn sóng Covid-19 thứ 3" in world["subheadings"]
    sand = parse_press((shared_data / "news/dantri/articles/news_business_027.txt").read_text("utf-8"))
    assert {"text": "Giá cát tăng cao nhiều doanh nghiệp khóc ròng.", "credit": "Bảo Kỳ"} in sand["captions"]
    # That copy starts with its lead paragraph, not a headline: the headline is read back from
    # the address (".../an-chuc-nam-cho-de-duoc-mua-cat-o-mien-tay-2021...htm") and the article.
    assert sand["title"] == "Ăn chực nằm chờ để được mua cát ở miền Tây"
    assert sand["body"].startswith("Thời điểm này, giá cát xây dựng")


def test_official_documents_and_plain_pages_are_not_press(shared_data):
    rule = (shared_data / "party-docs/docs/056a116c77fe4047.md").read_text(encoding="utf-8")
    law = (shared_data / "laws/texts/Luat-68-2020-QH14-cu-tru-435315.txt").read_text(encoding="utf-8")
    study = (shared_data / "party-docs/docs/9f2dfc5b60ded9bf.md").read_text(encoding="utf-8")
    assert parse_press(rule) is None
    assert parse_press(law) is None
    assert parse_press(study) is None
