"""The web pages, through Flask's test client, over a small index of real Vietnamese text."""

from __future__ import annotations

import html
import re
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest

from web_support import (CORPUS, PAGE_SIZE, WEB_DATA, build_index, close, doc_id,
                         make_app)

CHI_THI_05 = "corpus/dang/chi-thi-05-ct-tw-2016.txt"
NGHI_QUYET_4 = "corpus/dang/nghi-quyet-04-nq-tw-2016.txt"
NGHI_DINH_32 = "corpus/nha-nuoc/nghi-dinh-32-2024-nd-cp-hoa-giai-co-so-trich.txt"
CHI_THI_07 = "corpus/nha-nuoc/chi-thi-07-ct-ttg-2024-lua-dao-truc-tuyen.txt"
MOT_CUA = "corpus/nha-nuoc/quyet-dinh-ubnd-hai-phong-123-2023-mot-cua.txt"
THONG_BAO = "tests/data/web/thong-bao-ky-tu-dac-biet.txt"


@pytest.fixture(scope="module")
def indexed(web_index):
    """Given the fixture files ingested once per session: (index dir, document count)."""
    return web_index


@pytest.fixture(scope="module")
def app(indexed):
    app = make_app(indexed[0])
    yield app
    close(app)


@pytest.fixture
def client(app):
    return app.test_client()


def page(client, url: str, status: int = 200) -> str:
    """GET ``url`` and return the page text, checking the status and that it is HTML in UTF-8."""
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.content_type == "text/html; charset=utf-8"
    return response.get_data(as_text=True)


def result_links(text: str) -> list[str]:
    """Document ids of the results listed on a search page, in order."""
    return re.findall(r'<h3><a href="/documents/([0-9a-f]+)', text)


def query_box(text: str) -> str:
    """The value shown in the search box."""
    return html.unescape(re.search(r'<input id="q"[^>]* value="([^"]*)"', text).group(1))


def pager_links(text: str) -> dict[str, dict]:
    """Label → query-string of each link in the pager."""
    nav = re.search(r'<nav class="pager".*?</nav>', text, re.S)
    assert nav, "no pager on the page"
    return {html.unescape(label).strip(): parse_qs(urlsplit(html.unescape(href)).query)
            for href, label in re.findall(r'<a[^>]*href="([^"]+)"[^>]*>(.*?)</a>', nav.group(0))}


# -- the empty search page ------------------------------------------------------------------

def test_empty_page_shows_index_size_examples_and_syntax(client, indexed):
    text = page(client, "/")
    assert '<html lang="vi">' in text and '<meta charset="utf-8">' in text
    assert f"Chỉ mục hiện có <strong>{indexed[1]}</strong> tài liệu" in text
    assert "Cú pháp tìm kiếm" in text and "cụm từ chính xác" in text
    for syntax in ("-biên bản", "OR", "kind:", "year:"):
        assert syntax in text
    examples = [html.unescape(q) for q in re.findall(r'class="example" href="/\?q=([^"]+)"', text)]
    assert len(examples) >= 3
    # Following an example link gives results.
    href = re.search(r'class="example" href="([^"]+)"', text).group(1)
    assert result_links(page(client, html.unescape(href)))


# -- results ------------------------------------------------------------------------------------

def test_search_keeps_query_and_lists_the_document_with_marked_snippet(client):
    text = page(client, "/?q=tin+nhắn+giả+mạo")
    assert query_box(text) == "tin nhắn giả mạo"
    assert "Tìm thấy <strong>1</strong> tài liệu" in text
    assert result_links(text) == [doc_id(THONG_BAO)]
    item = text[text.index('<li class="result">'):text.index("</li>", text.index('<li class="result">'))]
    assert "cảnh giác với tin nhắn giả mạo" in item  # title
    assert '<span class="kind">Thông báo</span>' in item and "14/08/2024" in item
    assert "<mark>giả</mark> <mark>mạo</mark>" in item or "<mark>giả mạo</mark>" in item
    assert "thong-bao-ky-tu-dac-biet.txt" in item  # the source file's name
    assert str(WEB_DATA) not in item  # ... not where it is on the server
    # The document's own "<script>" text is escaped in the snippet, only <mark> is live HTML.
    assert "<script>" not in item


@pytest.mark.parametrize("query, expected", [
    ("chỉ thị 05 bộ chính trị", CHI_THI_05),
    ("nghi quyet trung uong 4", NGHI_QUYET_4),
    ("hòa giải ở cơ sở", NGHI_DINH_32),
    ("lua dao truc tuyen", CHI_THI_07),
    ('"một cửa"', MOT_CUA),
    ("kind:chỉ-thị year:2024", CHI_THI_07),
])
def test_expected_document_on_first_page(client, query, expected):
    text = page(client, "/?" + "q=" + query.replace(" ", "+"))
    assert doc_id(expected) in result_links(text)


def test_pagination_keeps_query_and_sort(client):
    first = page(client, "/?q=chi+bộ&sort=newest")
    total = int(re.search(r"Tìm thấy <strong>([\d.]+)</strong>", first).group(1).replace(".", ""))
    assert total > 2 * PAGE_SIZE
    assert f"trang 1/{-(-total // PAGE_SIZE)}" in first
    links = pager_links(first)
    assert "« Trang trước" not in links
    assert links["Trang sau »"] == {"q": ["chi bộ"], "sort": ["newest"], "page": ["2"]}
    assert links["2"]["page"] == ["2"] and all(v["q"] == ["chi bộ"] for v in links.values())

    second = page(client, "/?q=chi+bộ&sort=newest&page=2")
    assert query_box(second) == "chi bộ"
    links2 = pager_links(second)
    assert links2["« Trang trước"]["page"] == ["1"] and links2["1"]["q"] == ["chi bộ"]
    assert '<span class="current" aria-current="page">2</span>' in second
    assert '<ol class="results" start="4">' in second
    ids1, ids2 = result_links(first), result_links(second)
    assert len(ids1) == len(ids2) == PAGE_SIZE and not set(ids1) & set(ids2)


def test_page_past_the_end_offers_the_first_page(client):
    text = page(client, "/?q=chi+bộ&page=999")
    assert not result_links(text)
    assert "Trang 999 không có kết quả" in text and "Về trang đầu" in text


def _dates(text: str) -> list[str]:
    return ["-".join(reversed(d.split("/"))) for d in re.findall(r'<span class="date">([\d/]+)<', text)]


@pytest.mark.parametrize("sort, label, newest_first", [("newest", "Mới nhất", True),
                                                       ("oldest", "Cũ nhất", False)])
def test_sort_selector_orders_by_date(client, sort, label, newest_first):
    text = page(client, f"/?q=nghị+quyết&sort={sort}")
    assert f'<option value="{sort}" selected>{label}</option>' in text
    dates = _dates(text)
    assert len(dates) >= 2 and dates == sorted(dates, reverse=newest_first)


def test_relevance_is_the_default_sort(client):
    text = page(client, "/?q=nghị+quyết")
    assert '<option value="relevance" selected>Liên quan</option>' in text


def test_no_results_message_in_vietnamese_with_tips(client):
    text = page(client, "/?q=ngoằn+ngoèo")
    assert "Không tìm thấy tài liệu nào phù hợp với «ngoằn ngoèo»" in text
    assert "bỏ dấu" in text and "Bớt từ" in text
    assert not result_links(text) and query_box(text) == "ngoằn ngoèo"


def test_relaxed_notice_when_not_every_word_is_found(client):
    text = page(client, "/?q=chuyển+đổi+số+kỳ+lân")
    assert "Không có tài liệu chứa tất cả các từ; dưới đây là các kết quả gần đúng" in text
    assert result_links(text)
    assert "Không có tài liệu chứa tất cả" not in page(client, "/?q=chuyển+đổi+số")


@pytest.mark.parametrize("query", [
    '"chỉ thị 05', '"', "OR", "OR OR chi", "-", "- -", "--", "-chỉ", '-"', "kind:", "year:abc",
    "!@#$%^&*()_+{}|:<>?~`" * 100,  # 2,000 characters of punctuation
    "🙂🇻🇳 chỉ thị 🙏", "chỉ\x00thị", "\x00", "a" * 5000, "chỉ thị " * 600,
    "<script>alert(1)</script>", "' OR 1=1 --", "%00%ff", "\u202e\u200b",
])
def test_strange_queries_never_give_an_error_page(client, query):
    response = client.get("/", query_string={"q": query})
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert '<form class="search"' in text and "Có lỗi xảy ra" not in text
    assert "<script>alert" not in text


def test_script_in_query_is_shown_escaped(client):
    text = page(client, "/?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script>alert(1)</script>" not in text
    assert query_box(text) == "<script>alert(1)</script>"


def test_pages_forbid_inline_scripts(client):
    policy = client.get("/?q=chi").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy


def test_stylesheet_is_served_locally(client):
    text = page(client, "/")
    assert "https://" not in re.sub(r"<footer.*", "", text, flags=re.S)
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "@media" in css.get_data(as_text=True)
    css.close()


# -- document page ------------------------------------------------------------------------------

def test_document_page_shows_metadata_and_paragraphs(client):
    text = page(client, f"/documents/{doc_id(CHI_THI_05)}")
    rows = {html.unescape(k): html.unescape(re.sub(r"<[^>]+>", "", v)).strip() for k, v in
            re.findall(r'<th scope="row">(.*?)</th>\s*<td>(.*?)</td>', text, re.S)}
    assert rows["Loại văn bản"] == "Chỉ thị"
    assert rows["Số hiệu"] == "05-CT/TW"  # as printed, not the canonical search key
    assert rows["Ngày"] == "15/05/2016"
    assert rows["Định dạng"] == "Văn bản thuần (TXT)"
    assert rows["Tệp gốc"] == "chi-thi-05-ct-tw-2016.txt"
    assert str(CORPUS) not in text
    assert rows["Mã"] == doc_id(CHI_THI_05)
    assert "<h1>Chỉ thị 05-CT/TW" in text
    paragraphs = re.findall(r"<p>(.*?)</p>", text, re.S)
    assert len(paragraphs) > 5
    assert any("học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" in p for p in paragraphs)


def test_document_text_is_escaped(client):
    text = page(client, f"/documents/{doc_id(THONG_BAO)}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script>alert(1)" not in text
    assert "mã OTP &amp; mật khẩu" in text


def test_document_page_links_back_to_the_results(client):
    search = page(client, "/?q=tin+nhắn+giả+mạo")
    href = html.unescape(re.search(r'<h3><a href="([^"]+)"', search).group(1))
    text = page(client, href)
    assert "Quay lại kết quả cho «tin nhắn giả mạo»" in text


def test_unknown_document_is_a_vietnamese_404_page(client):
    text = page(client, "/documents/khong-co-ma-nay", status=404)
    assert "Không tìm thấy tài liệu «khong-co-ma-nay»" in text and 'lang="vi"' in text


def test_unknown_page_is_a_vietnamese_404(client):
    text = page(client, "/trang-khong-ton-tai", status=404)
    assert "Không tìm thấy trang này." in text


# -- the index changes under a running app ------------------------------------------------------

def test_missing_index_page_tells_to_run_ingest_then_works_without_restart(tmp_path):
    app = make_app(tmp_path / "chua-co")
    try:
        client = app.test_client()
        text = page(client, "/?q=hòa+giải", status=503)
        assert "Chưa có chỉ mục" in text and "kb ingest" in text
        assert str(tmp_path) not in text  # readers are not told where the server keeps it
        assert query_box(text) == "hòa giải"
        build_index(tmp_path / "chua-co", [CORPUS / "nha-nuoc" / NGHI_DINH_32.split("/")[-1]])
        assert result_links(page(client, "/?q=hòa+giải")) == [doc_id(NGHI_DINH_32)]
    finally:
        close(app)


def test_concurrent_ingest_is_visible_on_the_next_request(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(CORPUS / "dang" / "chi-thi-05-ct-tw-2016.txt", folder)
    build_index(tmp_path / "ix", [folder])
    app = make_app(tmp_path / "ix")
    try:
        client = app.test_client()
        assert "Chỉ mục hiện có <strong>1</strong> tài liệu" in page(client, "/")
        new_id = doc_id(str(folder / "thong-bao-ky-tu-dac-biet.txt"))
        assert new_id not in result_links(page(client, "/?q=tin+nhắn+giả+mạo"))
        # Another process (here: the same library call) ingests a new file while the app runs.
        shutil.copy(WEB_DATA / "thong-bao-ky-tu-dac-biet.txt", folder)
        build_index(tmp_path / "ix", [folder])
        assert result_links(page(client, "/?q=tin+nhắn+giả+mạo"))[0] == new_id
        assert "Chỉ mục hiện có <strong>2</strong> tài liệu" in page(client, "/")
    finally:
        close(app)


def test_rebuild_under_a_running_app_shows_the_new_index(tmp_path):
    """`kb ingest --rebuild` restarts Whoosh's generation numbers; the app must not keep the old."""
    from kb.config import load_config
    from kb.ingest.pipeline import ingest

    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(CORPUS / "dang" / "chi-thi-05-ct-tw-2016.txt", folder)
    build_index(tmp_path / "ix", [folder])
    app = make_app(tmp_path / "ix")
    try:
        client = app.test_client()
        old_id = doc_id(str(folder / "chi-thi-05-ct-tw-2016.txt"))
        assert old_id in result_links(page(client, "/?q=chỉ+thị+05"))
        (folder / "chi-thi-05-ct-tw-2016.txt").unlink()
        shutil.copy(WEB_DATA / "thong-bao-ky-tu-dac-biet.txt", folder)
        report = ingest([folder], load_config({"index": str(tmp_path / "ix")}), rebuild=True)
        assert report.rebuilt and report.ok
        assert old_id not in result_links(page(client, "/?q=chỉ+thị+05"))
        new_id = doc_id(str(folder / "thong-bao-ky-tu-dac-biet.txt"))
        assert result_links(page(client, "/?q=tin+nhắn+giả+mạo")) == [new_id]
        assert "Chỉ mục hiện có <strong>1</strong> tài liệu" in page(client, "/")
    finally:
        close(app)
