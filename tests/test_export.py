"""CSV export of a search result list.

Given the session index of the bundled corpus and the seed article, when a reader exports the
current search (its query, sort and date filters) as CSV, then the file is UTF-8 with a BOM that
the csv module reads back, one row per document in the order the search shows them, with kind,
number, issuer, date, title and a link to the document page; the number of rows is bounded.
"""

from __future__ import annotations

import csv
import io

import pytest

from kb.web.export import COLUMNS, to_csv


def read_csv(response) -> list[dict]:
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    assert response.data.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"), newline="")))
    return rows


def api_ids(client, url: str) -> list[str]:
    body = client.get(url).get_json()
    assert body["total"] <= body["page_size"], "the whole list fits one API page"
    return [r["id"] for r in body["results"]]


@pytest.mark.parametrize("query", ["chỉ thị 05", "chuyen doi so", "hội nghị kind:biên-bản"])
def test_rows_are_the_search_results_in_order(client, query):
    rows = read_csv(client.get("/search.csv", query_string={"q": query}))
    assert list(rows[0]) == list(COLUMNS)
    ids = [row["Liên kết"].rsplit("/", 1)[1] for row in rows]
    assert ids and ids == api_ids(client, f"/api/search?q={query}&limit=100")
    assert all(row["Liên kết"].startswith("http://localhost/documents/") for row in rows)


def test_the_directive_row_reads_as_in_the_document(client):
    rows = read_csv(client.get("/search.csv?q=chỉ thị 05-CT/TW"))
    first = rows[0]
    assert first["Loại văn bản"] == "Chỉ thị" and first["Số, ký hiệu"] == "05-CT/TW"
    assert first["Cơ quan ban hành"] == "Bộ Chính trị" and first["Ngày"] == "15/05/2016"
    assert first["Tiêu đề"] == ("Chỉ thị 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, "
                                "đạo đức, phong cách Hồ Chí Minh")


def test_filters_and_sort_of_the_page_apply(client):
    url = "/search.csv?q=chỉ thị 05&sort=newest&from=2021-01-01&to=2021-12-31"
    rows = read_csv(client.get(url))
    dates = [row["Ngày"] for row in rows]
    assert dates and all(d.endswith("/2021") for d in dates)
    iso = ["-".join(reversed(d.split("/"))) for d in dates]
    assert iso == sorted(iso, reverse=True)
    ids = [row["Liên kết"].rsplit("/", 1)[1] for row in rows]
    assert ids == api_ids(client, url.replace("/search.csv", "/api/search") + "&limit=100")


def test_the_search_page_links_its_export(client):
    page = client.get("/?q=chỉ thị 05&sort=newest&from=2016-01-01").get_data(as_text=True)
    assert ('href="/search.csv?q=ch%E1%BB%89+th%E1%BB%8B+05&amp;sort=newest&amp;from=2016-01-01"'
            in page)
    assert "Tải danh sách (CSV)" in page


def test_an_empty_query_is_an_empty_list(client):
    rows = read_csv(client.get("/search.csv"))
    assert rows == []


def test_the_export_is_bounded(corpus_index):
    from kb.web import create_app

    app = create_app({"index": corpus_index["index"], "max_export_rows": 3,
                      "max_page_size": 2, "TESTING": True})
    try:
        client = app.test_client()
        rows = read_csv(client.get("/search.csv?q=chỉ thị 05"))
        assert len(rows) == 3  # two pages of two, cut at three
        page = client.get("/?q=chỉ thị 05").get_data(as_text=True)
        assert "Tải danh sách (CSV), 3 kết quả đầu" in page
    finally:
        app.extensions["kb_searchers"].close_all()


def test_a_title_that_looks_like_a_formula_is_kept_as_text(tmp_path):
    from kb.web import create_app

    # The app keeps its instance folder beside the index: both under tmp_path, never the checkout.
    app = create_app({"index": str(tmp_path / "index"), "TESTING": True})
    with app.test_request_context():
        data = to_csv([{"id": "abc", "title": "=HYPERLINK(\"http://x\")", "kind": "+Chỉ thị",
                        "number": "05-CT/TW", "issuer": "Bộ Chính trị", "date": "2016-05-15"}])
    row = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[1]
    assert row[:5] == ["'+Chỉ thị", "05-CT/TW", "Bộ Chính trị", "15/05/2016", "'=HYPERLINK(\"http://x\")"]
