"""HtmlParser: the article of a Vietnamese news page, without the page around it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.config import load_config
from kb.ingest.html import HtmlParser, decode_html
from kb.ingest.html_meta import strip_site_name

DATA = Path(__file__).resolve().parent / "data" / "parsers"
LIMITS = load_config(environ={})


@pytest.fixture(scope="module")
def news():
    return HtmlParser().parse(DATA / "tin-tuc.html", LIMITS)


@pytest.mark.parametrize("kept", [
    "Sáng 12/4, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị lần thứ 15.",
    # The source's line break inside the <p> is a space, as a browser shows it.
    "Hội nghị đã thảo luận, cho ý kiến vào dự thảo báo cáo chính trị trình Đại hội.",
    "Xây dựng Đảng",
])
def test_article_text_is_kept(news, kept):
    assert kept in news.text


def test_table_rows_stay_rows_with_cells_side_by_side(news):
    lines = news.text.splitlines()
    assert "Chỉ tiêu Kết quả" in lines and "Tăng trưởng 7,5%" in lines


@pytest.mark.parametrize("dropped", [
    "Đoạn mã theo dõi",  # <script>
    "font-family",  # <style>
    "Trang chủ",  # <nav> and breadcrumb
    "Kinh tế\n", "Xã hội",  # class="menu"
    "Chia sẻ Facebook",  # class="share-buttons"
    "Theo dõi chúng tôi",  # class="social-links"
    "Bình luận",  # id="comments" and <noscript>
    "Đọc nhiều", "Tin khác",  # <aside class="sidebar">
    "Tin liên quan",  # class="related-news"
    "Tìm kiếm",  # <form>
    "cookie",  # class="cookie-consent"
    "Bản quyền",  # page <footer>
])
def test_page_chrome_is_dropped(news, dropped):
    assert dropped not in news.text


def test_title_is_the_articles_h1_and_blocks_become_lines(news):
    assert news.title == "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15"
    assert news.format == "html" and news.extra["main"] == "article"
    assert "nhấn mạnh:\n" in news.text  # <br> breaks the line
    assert news.text.splitlines()[0] == news.title


def test_html_named_txt_is_sniffed_as_html_and_title_loses_site_suffix():
    path = DATA / "html-named.txt"
    assert HtmlParser().score(path, path.read_bytes()) > 0.5
    doc = HtmlParser().parse(path, LIMITS)
    assert doc.title == "Thông báo"
    assert doc.text == ("Văn phòng Tỉnh ủy thông báo lịch tiếp công dân tháng 5.\n\n"
                        "Địa điểm: trụ sở Tỉnh ủy.")


@pytest.mark.parametrize("head, is_html", [
    (b"<!DOCTYPE html><html>", True),
    (b"\n\n  <HTML><BODY>", True),
    (b"<div class='x'>Chi bo</div>", True),
    (b"<p>Nghi quyet</p>", True),
    (b"Nghi quyet so 12 <khong phai the>", False),
    (b"%PDF-1.7 <html>", True),  # the PDF parser outbids it; see test_registry
    (b"a < b va c > d", False),
])
def test_markup_sniffing(head, is_html):
    assert (HtmlParser().score(Path("x.txt"), head) > 0) is is_html


def test_meta_charset_decides_the_encoding():
    # tin-cp1258.html declares windows-1258 and writes tones as combining marks.
    doc = HtmlParser().parse(DATA / "tin-cp1258.html", LIMITS)
    assert doc.extra["encoding"] == "windows-1258"
    assert doc.text.startswith("Nghị quyết của Đảng về phát triển kinh tế - xã hội")
    assert doc.title == "Chi bộ"


def test_declared_labels_are_used_and_latin1_means_cp1252():
    data = "<meta charset='utf-8'><p>Chi bộ</p>".encode("utf-8")
    assert decode_html(data) == ("<meta charset='utf-8'><p>Chi bộ</p>", "utf-8")
    # iso-8859-1 is read as cp1252 (as browsers do), which accepts these bytes too.
    latin = "<meta charset='iso-8859-1'><p>Café</p>".encode("cp1252")
    assert decode_html(latin)[0].endswith("Café</p>")
    # ... unless the bytes are plainly UTF-8: a stale template label, not cp1252 mojibake.
    stale = "<meta charset='iso-8859-1'><p>Chi bộ</p>".encode("utf-8")
    assert decode_html(stale) == ("<meta charset='iso-8859-1'><p>Chi bộ</p>", "utf-8")


def test_deeply_nested_divs_do_not_recurse(tmp_path):
    depth = 20_000  # far past Python's recursion limit of 1000
    page = "<html><body>" + "<div class='khung'>" * depth + "<p>Nội dung sâu</p>" \
        + "</div>" * depth + "</body></html>"
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    assert HtmlParser().parse(tmp_path / "deep.html", LIMITS).text == "Nội dung sâu"


def test_long_page_is_truncated():
    doc = HtmlParser().parse(DATA / "tin-tuc.html", {**LIMITS, "max_text_chars": 40})
    assert len(doc.text) == 40 and doc.extra["truncated"] is True


def test_a_news_page_declares_its_headline_and_publication_date():
    """Given a news page whose head states og:title, og:site_name and article:published_time,
    when it is parsed, the headline comes without the site's name and the date is the
    publication's, not the birth date or the event's date told in the story."""
    doc = HtmlParser().parse(DATA / "bao-dien-tu.html", LIMITS)
    assert doc.title == "Hà Nội ra quân dọn dẹp vệ sinh môi trường sau mưa bão"
    assert doc.date == "2024-09-09"
    assert doc.extra["site"] == "Báo Hà Nội Mới"


def test_a_page_that_declares_no_date_gets_none():
    """A speech transcript with no publication metadata: the dates of its story stay out."""
    doc = HtmlParser().parse(DATA / "bai-phat-bieu.html", LIMITS)
    assert doc.date is None
    assert doc.title == "Bài phát biểu tại Lễ kỷ niệm 70 năm Ngày giải phóng Thủ đô"


@pytest.mark.parametrize("title,names,headline", [
    ("Tổng Bí thư dự hội nghị - Báo Nhân Dân", [], "Tổng Bí thư dự hội nghị"),
    ("Tổng Bí thư dự hội nghị - Nhân Dân điện tử", ["Báo Nhân Dân điện tử"], "Tổng Bí thư dự hội nghị"),
    ("Tạp chí Cộng sản | Xây dựng Đảng vững mạnh", [], "Xây dựng Đảng vững mạnh"),
    ("Xây dựng Đảng - Tin tức | VnExpress", ["vnexpress.net"], "Xây dựng Đảng"),
    # A headline's own dash stays when the other side is no site name.
    ("Đà Nẵng - điểm đến hấp dẫn", [], "Đà Nẵng - điểm đến hấp dẫn"),
    ("Hà Nội – Thủ đô ngàn năm văn hiến", ["hanoimoi.vn"], "Hà Nội – Thủ đô ngàn năm văn hiến"),
])
def test_site_name_is_taken_off_a_title(title, names, headline):
    assert strip_site_name(title, names) == headline


def test_a_page_that_calls_itself_a_news_article_is_one():
    """JSON-LD NewsArticle makes even a short page a press article (kind "Bài báo")."""
    from kb.ingest.pipeline import read_document
    doc = read_document(DATA / "bao-dien-tu.html", load_config({"progress": "never"}, environ={}))
    assert (doc.kind, doc.date) == ("Bài báo", "2024-09-09")
    speech = read_document(DATA / "bai-phat-bieu.html", load_config({"progress": "never"}, environ={}))
    assert (speech.kind, speech.date) == (None, None)
