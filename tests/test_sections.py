"""split_sections on laws, Party documents and a provincial plan from ../shared/data."""

from __future__ import annotations

import re

import pytest

from kb.understand.sections import split_sections

LAWS = "laws/texts"
ARTICLE_LINE = re.compile(r"^Điều \d+", re.MULTILINE)


def _articles(sections):
    return [s for s in sections if s["heading"].startswith("Điều")]


@pytest.mark.parametrize("name", [
    "Luat-68-2020-QH14-cu-tru-435315.txt",
    "Bo-luat-dan-su-2015-296215.txt",
    "Bo-Luat-lao-dong-2019-333670.txt",
    "Luat-Dien-Luc-2004-28-2004-QH11-18056.txt",
    "Luat-thu-y-2015-282384.txt",
])
def test_every_article_is_a_section(shared_data, name):
    text = (shared_data / LAWS / name).read_text(encoding="utf-8")
    sections = split_sections(text)
    articles = _articles(sections)
    assert len(articles) == len(ARTICLE_LINE.findall(text))
    numbers = [int(re.match(r"Điều (\d+)", a["heading"]).group(1)) for a in articles]
    assert numbers == sorted(numbers) and numbers[0] == 1
    for section in sections:
        assert text[section["start"]:section["end"]].rstrip() == section["text"]
        assert section["text"].lstrip("* ").startswith(section["heading"].split(".")[0])
    assert len({s["anchor"] for s in sections}) == len(sections)


def test_article_anchor_heading_and_extent(shared_data):
    text = (shared_data / LAWS / "Luat-68-2020-QH14-cu-tru-435315.txt").read_text(encoding="utf-8")
    sections = {s["anchor"]: s for s in split_sections(text)}
    article = sections["chuong-3-dieu-15"]
    assert article["heading"].startswith("Điều 15. Nơi cư trú của người học tập")
    assert article["level"] == 4
    assert "Điều 16." not in article["text"]
    chapter = sections["chuong-3"]
    assert chapter["heading"] == "Chương III. NƠI CƯ TRÚ"
    assert chapter["start"] < article["start"] < article["end"] <= chapter["end"]


def test_references_in_running_text_do_not_split(shared_data):
    # Line 140 of this law is a wrapped sentence starting "Điều 11 của Luật này."
    text = (shared_data / LAWS / "Luat-Ngan-hang-Nha-nuoc-Viet-Nam-2010-108078.txt").read_text("utf-8")
    headings = [a["heading"] for a in _articles(split_sections(text))]
    assert "Điều 11 của Luật này." not in headings
    assert len(headings) == len(re.findall(r"^Điều \d+\.", text, re.MULTILINE))
    # The planning law ends with a table listing amended articles ("Điều 11" alone in a cell).
    text = (shared_data / LAWS / "Luat-quy-hoach-322935.txt").read_text(encoding="utf-8")
    numbers = [int(re.match(r"Điều (\d+)", a["heading"]).group(1)) for a in _articles(split_sections(text))]
    assert numbers == list(range(1, 60))


def test_inline_reference_in_a_sentence():
    text = ("Điều 4. Áp dụng\nViệc xử lý thực hiện theo quy định tại Điều 5 của Luật này.\n"
            "Điều 5 của Luật này được áp dụng cho mọi trường hợp.\nĐiều 5. Xử lý vi phạm\nNội dung.")
    assert [s["heading"] for s in split_sections(text)] == ["Điều 4. Áp dụng", "Điều 5. Xử lý vi phạm"]


def test_party_regulation_roman_parts_and_wrapped_bold_headings(shared_data):
    text = (shared_data / "party-docs/docs/056a116c77fe4047.md").read_text(encoding="utf-8")
    sections = split_sections(text)
    assert sections[0]["heading"] == "I- QUY ĐỊNH CHUNG" and sections[0]["anchor"] == "s-1"
    assert sections[1]["heading"] == "Điều 1. Phông lưu trữ Đảng Cộng sản Việt Nam"
    assert sections[0]["start"] < sections[1]["start"] < sections[0]["end"]


def test_plan_numbered_headings_nest_under_roman(shared_data):
    import docx

    path = shared_data / "gov-docs/KH-UBND-trien-khai-Chi-thi-11-CT-TU-QLNN-khoang-san.docx"
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    sections = {s["anchor"]: s for s in split_sections(text)}
    assert sections["s-1"]["heading"] == "I. MỤC ĐÍCH, YÊU CẦU"
    assert sections["s-1-1"]["heading"] == "1. Mục đích"
    assert sections["s-2-1"]["heading"].startswith("1. Công tác tuyên truyền")
    assert sections["s-2-1"]["level"] > sections["s-2"]["level"]
