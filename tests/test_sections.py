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


def _ingested(path):
    """The text kb indexes for ``path``: parsed (Markdown stripped, PDF/DOC read) and cleaned."""
    from kb.analysis.normalize import clean_text
    from kb.ingest.registry import choose_parser

    return clean_text(choose_parser(path).parse(path, {}).text)


def _headings(text):
    return [s["heading"] for s in split_sections(text)]


@pytest.mark.parametrize("name, expected", [
    # Quy định 383-QĐ/TW as ingested: the Markdown bold that marked the heading's end is gone.
    ("party-docs/docs/056a116c77fe4047.md", [
        "Điều 1. Phông lưu trữ Đảng Cộng sản Việt Nam",  # "Cộng" / "sản": cut in a name
        "Điều 2. Giá trị của tài liệu Phông lưu trữ Đảng Cộng sản Việt Nam",  # capitalised name
        "Điều 4. Cán bộ làm nhiệm vụ lưu trữ",
        "II- QUẢN LÝ TÀI LIỆU LƯU TRỮ VÀ CƠ SỞ DỮ LIỆU TÀI LIỆU LƯU TRỮ",  # capitals go on
        "Điều 6. Hệ thống các cơ quan quản lý tài liệu lưu trữ và cơ sở dữ liệu tài liệu lưu trữ"
        " Phông lưu trữ Đảng Cộng sản Việt Nam",  # three lines
        # An article with no title: its first sentence, "ngày" / "06/12/2014 ..." carried on.
        "Điều 20. Quy định này thay thế Quy định số 270-QĐ/TW, ngày 06/12/2014 của Ban Bí thư về"
        " Phông lưu trữ Đảng Cộng sản Việt Nam và có hiệu lực thi hành kể từ ngày ký.",
    ]),
    ("party-docs/docs/ca9ba61fc61bf961.md", ["Điều 7. Chia sẻ dữ liệu nội bộ giữa các cơ quan đảng"]),
    ("party-docs/docs/aa9bb8226e3d4c71.md", [
        "II. QUY ĐỊNH CƠ CẤU, SỐ LƯỢNG BÁO CÁO VIÊN CÁC CẤP", "2. Báo cáo viên cấp tỉnh và tương đương"]),
    ("laws/texts/Luat-Kinh-doanh-bao-hiem-2000-24-2000-QH10-47229.txt", [
        "Điều 2. Áp dụng Luật kinh doanh bảo hiểm, pháp luật có liên quan, điều ước quốc tế,"
        " tập quán quốc tế"]),
    ("laws/texts/Luat-Xay-dung-2014-238644.txt", [
        "Điều 156. Điều kiện của tổ chức tư vấn quản lý chi phí đầu tư xây dựng"]),
    ("gov-docs/TT-16-2018-BCA-tienchat.doc", [
        "Mục 1. NGHIÊN CỨU, CHẾ TẠO, SẢN XUẤT, BẢO QUẢN, SỬ DỤNG VẬT LIỆU NỔ QUÂN DỤNG",
        "Chương III. TRÁCH NHIỆM TRONG QUẢN LÝ VŨ KHÍ, VẬT LIỆU NỔ, CÔNG CỤ HỖ TRỢ VÀ CHẾ ĐỘ KIỂM TRA,"
        " THỐNG KÊ, BÁO CÁO"]),
])
def test_headings_wrapped_over_lines_are_joined(shared_data, name, expected):
    headings = _headings(_ingested(shared_data / name))
    for heading in expected:
        assert heading in headings


def test_wrapped_heading_ends_where_its_last_line_ends(shared_data):
    text = _ingested(shared_data / "party-docs/docs/056a116c77fe4047.md")
    article = next(s for s in split_sections(text) if s["heading"].startswith("Điều 1."))
    assert text[article["start"]:article["head_end"]] == "Điều 1. Phông lưu trữ Đảng Cộng\nsản Việt Nam"
    assert text[article["head_end"]:].lstrip().startswith("Phông lưu trữ Đảng Cộng sản Việt Nam gồm")


@pytest.mark.parametrize("name", [
    "Luat-68-2020-QH14-cu-tru-435315.txt", "Bo-luat-dan-su-2015-296215.txt", "Luat-thu-y-2015-282384.txt",
])
def test_law_body_on_the_next_line_is_not_joined(shared_data, name):
    # Laws print one paragraph a line: "Điều 1. Phạm vi điều chỉnh" / "Luật này quy định ...".
    text = (shared_data / LAWS / name).read_text(encoding="utf-8")
    articles = _articles(split_sections(text))
    assert len(articles) > 30
    for article in articles:
        assert article["heading"] == text[article["start"]:].split("\n", 1)[0].strip()


def test_list_items_and_labels_of_their_own_are_not_joined(shared_data):
    # A book's chapter list: "Chương 12: Nô lệ thức tỉnh" / "Phụ lục: Gửi thanh niên Việt Nam".
    headings = _headings(_ingested(shared_data / "party-docs/docs/3cfa57d579d3881a.md"))
    assert "Chương 12: Nô lệ thức tỉnh" in headings
    # Numbered paragraphs wrapped over lines are sentences, not titles, once read whole.
    headings = _headings(_ingested(shared_data / "party-docs/docs/8bfc5490255c4de0.md"))
    assert "1. Bản tin sinh hoạt thường kỳ, tập trung vào các nhóm nội dung" in headings
    assert not any(h.startswith("1. Nâng cao nhận thức của các cấp ủy") for h in headings)
    headings = _headings(_ingested(shared_data / "gov-docs/Huong-dan-lien-nganh-24-N2O.pdf"))
    assert not any(h.startswith("1. Dinito monoxit") for h in headings)


@pytest.mark.parametrize("text, heading", [
    # The body goes on right under the heading, wrapped, with no blank line between.
    ("Điều 1. Phạm vi\nPhông lưu trữ Đảng Cộng sản Việt Nam gồm toàn bộ\ntài liệu lưu trữ.\n",
     "Điều 1. Phạm vi"),
    ("Điều 5. Hội đồng Quốc gia\nHội đồng Quốc gia có nhiệm vụ tư vấn.\n\nĐiều 6. Khác", "Điều 5. Hội đồng Quốc gia"),
    ("Điều 3. Giải thích từ ngữ\na) Động vật trên cạn\n", "Điều 3. Giải thích từ ngữ"),
    ("I. MỤC ĐÍCH, YÊU CẦU\nA. MỤC ĐÍCH\n", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("Điều 4. Áp dụng.\nthực hiện theo Luật này.\n", "Điều 4. Áp dụng."),
])
def test_body_after_a_heading_stays_body(text, heading):
    assert _headings(text)[0] == heading
