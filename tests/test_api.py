"""The JSON API, through Flask's test client: shapes pinned, odd parameters clamped, errors as JSON."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import cli
from kb.config import load_config
from web_support import PAGE_SIZE, build_index, close, corpus_files, doc_id, make_app

CHI_THI_05 = "corpus/dang/chi-thi-05-ct-tw-2016.txt"
THONG_BAO = "tests/data/web/thong-bao-ky-tu-dac-biet.txt"
RESPONSE_KEYS = {"query", "total", "results", "page", "page_size", "relaxed", "facets",
                 "suggestion", "corrected", "partial"}
#: Readers get the file's name, never its path on the server.
RESULT_KEYS = {"id", "name", "title", "kind", "date", "score", "snippet", "section"}
ERROR_KEYS = {"ok", "error", "status"}
DEFAULTS = load_config({})


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


def get_json(client, url, status=200, **kwargs):
    """GET ``url``; check the status and the JSON content type; return the decoded body."""
    response = client.get(url, **kwargs)
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    assert response.mimetype == "application/json"
    return response.get_json()


def assert_error(body, status, *words):
    assert set(body) == ERROR_KEYS
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    for word in words:
        assert word in body["error"]


# -- /api/search --------------------------------------------------------------------------------

def test_search_shape_is_pinned(client):
    body = get_json(client, "/api/search?q=chỉ+thị+05")
    assert set(body) == RESPONSE_KEYS
    assert body["query"] == "chỉ thị 05" and body["page"] == 1 and body["relaxed"] is False
    assert body["page_size"] == PAGE_SIZE and body["total"] > PAGE_SIZE
    assert len(body["results"]) == PAGE_SIZE
    for result in body["results"]:
        assert set(result) == RESULT_KEYS
        assert isinstance(result["score"], float) and result["score"] > 0
    assert any("<mark>" in r["snippet"] for r in body["results"])


def test_search_is_the_same_as_the_cli_json_but_for_server_paths(client, indexed):
    api = get_json(client, "/api/search?q=hòa+giải+ở+cơ+sở&limit=5")
    out = CliRunner().invoke(cli, ["--index", str(indexed[0]), "search", "--json", "--limit", "5",
                                   "hòa giải ở cơ sở"])
    assert out.exit_code == 0, out.output
    cli_json = json.loads(out.output)
    for result in cli_json["results"]:
        assert Path(result.pop("path")).name == result["name"]  # the operator sees where it is
    assert api == cli_json and api["results"]


def test_search_keeps_vietnamese_readable_in_utf8(client):
    response = client.get("/api/search?q=tin+nhắn+giả+mạo")
    raw = response.get_data()
    assert "cảnh giác với tin nhắn giả mạo".encode("utf-8") in raw and b"\\u" not in raw
    body = response.get_json()
    assert [r["id"] for r in body["results"]] == [doc_id(THONG_BAO)]
    assert body["results"][0]["kind"] == "Thông báo" and body["results"][0]["date"] == "2024-08-14"
    # The document says "<script>"; the snippet carries it escaped.
    assert "<script>" not in body["results"][0]["snippet"]


@pytest.mark.parametrize("params, limit, page", [
    ("limit=abc", PAGE_SIZE, 1),
    ("limit=", PAGE_SIZE, 1),
    ("limit=-5", 1, 1),
    ("limit=0", 1, 1),
    ("limit=2.0", 2, 1),
    ("limit=99999999999999999999999", DEFAULTS["max_page_size"], 1),
    ("limit=1e400", PAGE_SIZE, 1),
    ("limit=" + "9" * 5000, PAGE_SIZE, 1),
    ("page=abc", PAGE_SIZE, 1),
    ("page=-3", PAGE_SIZE, 1),
    ("page=0", PAGE_SIZE, 1),
    ("page=2", PAGE_SIZE, 2),
    ("page=NaN&limit=nan", PAGE_SIZE, 1),
    ("page=1000000000000", PAGE_SIZE, 1000),
    ("limit=5&page=2&sort=sideways", 5, 2),
])
def test_bad_paging_values_are_clamped(client, params, limit, page):
    body = get_json(client, "/api/search?q=chi+bộ&" + params)
    assert set(body) == RESPONSE_KEYS
    assert (body["page_size"], body["page"]) == (limit, page)
    expected = max(0, min(limit, body["total"] - (page - 1) * limit))
    assert len(body["results"]) == expected


def test_unknown_sort_falls_back_to_relevance(client):
    plain = get_json(client, "/api/search?q=nghị+quyết")
    odd = get_json(client, "/api/search?q=nghị+quyết&sort=%3Cx%3E")
    newest = get_json(client, "/api/search?q=nghị+quyết&sort=newest")
    assert odd == plain
    dates = [r["date"] for r in newest["results"] if r["date"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("query", [
    '"chỉ thị 05', "OR", "-", "!?" * 1000, "🙂 chỉ thị 🙏", "chỉ\x00thị", "\x00\x00",
    "<script>alert(1)</script>", "kind:", "chỉ thị " * 600, "",
])
def test_strange_queries_give_the_normal_shape(client, query):
    body = get_json(client, "/api/search", query_string={"q": query})
    assert set(body) == RESPONSE_KEYS and isinstance(body["results"], list)
    assert "\x00" not in body["query"]


def test_parallel_requests_each_get_a_full_answer(app):
    """Waitress serves from several threads; each keeps its own Searcher."""
    def fetch(_):
        with app.test_client() as client:
            return client.get("/api/search?q=chuyển+đổi+số&limit=10").get_json()

    with ThreadPoolExecutor(max_workers=6) as pool:
        bodies = list(pool.map(fetch, range(24)))
    assert bodies[0]["total"] > 0
    assert all(body == bodies[0] for body in bodies)


# -- /api/documents and /api/stats --------------------------------------------------------------

def test_document_json(client):
    body = get_json(client, f"/api/documents/{doc_id(CHI_THI_05)}")
    assert {"id", "name", "title", "kind", "number", "date", "format", "content_hash",
            "extra", "text"} <= set(body) and "path" not in body
    assert body["id"] == doc_id(CHI_THI_05) and body["kind"] == "Chỉ thị"
    assert body["date"] == "2016-05-15" and body["name"] == "chi-thi-05-ct-tw-2016.txt"
    assert "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" in body["text"]


def test_unknown_document_is_a_json_404(client):
    body = get_json(client, "/api/documents/khong-co", status=404)
    assert_error(body, 404, "Không tìm thấy tài liệu", "khong-co")


def test_stats(client, indexed):
    body = get_json(client, "/api/stats")
    assert body["documents"] == indexed[1]
    assert sum(body["kinds"].values()) == indexed[1]
    assert body["kinds"]["Biên bản"] >= 6 and body["years"]["2016"] == 2


# -- errors -------------------------------------------------------------------------------------

def test_unknown_api_route_is_json_404(client):
    assert_error(get_json(client, "/api/khong-co", status=404), 404, "/api/search")
    assert_error(get_json(client, "/api", status=404), 404)


def test_wrong_method_is_json_405(client):
    response = client.post("/api/search", data={"q": "chỉ thị"})
    assert response.status_code == 405 and "GET" in response.headers["Allow"]
    assert_error(response.get_json(), 405, "không được hỗ trợ")


def test_unexpected_error_is_json_500_for_api_and_html_for_pages(app, monkeypatch, caplog):
    from kb.index.search import Searcher

    def broken(self, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(Searcher, "search", broken)
    client = app.test_client()
    assert_error(get_json(client, "/api/search?q=chi", status=500), 500, "lỗi không mong đợi")
    page = client.get("/?q=chi")
    assert page.status_code == 500 and page.mimetype == "text/html"
    assert "Có lỗi xảy ra" in page.get_data(as_text=True) and "boom" not in page.get_data(as_text=True)
    assert "boom" in caplog.text  # the traceback goes to the log, not to the user


def test_missing_index_is_a_json_503_that_says_to_ingest(tmp_path):
    app = make_app(tmp_path / "chua-co")
    try:
        client = app.test_client()
        for url in ("/api/search?q=chỉ+thị", "/api/stats", "/api/documents/abc"):
            assert_error(get_json(client, url, status=503), 503, "kb ingest")
        build_index(tmp_path / "chua-co", [p for p in corpus_files() if p.name.startswith("chi-thi-05")])
        assert get_json(client, "/api/stats")["documents"] == 1
    finally:
        close(app)
