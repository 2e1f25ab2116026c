"""No answer of any route shows where the server keeps its files.

Given the web app over the session index of the bundled corpus and the seed article, when every
page, JSON answer, clean-text download and CSV export is requested, then none holds the absolute
folder of the index, of the repository (the corpus) or of the seed article. Given a table of
records ingested into an index of its own, its records' answers do not name the table's folder,
and downloading a record gives the whole table it came from.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.ingest.document import document_id, record_id

ROOT = Path(__file__).resolve().parent.parent
CHI_THI_05 = document_id(ROOT / "corpus" / "dang" / "chi-thi-05-ct-tw-2016.txt")
PDF = document_id(ROOT / "corpus" / "bao-cao" / "bao-cao-dang-uy-phuong-may-chai-chuyen-doi-so-2023.pdf")


def urls(seed_id: str) -> list[str]:
    """Every reader-facing route, with real parameters (originals are the files themselves)."""
    found = ["/", "/?q=chỉ thị 05&sort=newest&from=2016-01-01", "/?q=lương y",
             "/minutes", "/minutes?unit=khu dan cu so 3", "/sayings", "/sayings?q=lương y",
             "/api/search?q=chỉ thị 05&facets=1", "/api/facets?q=chỉ thị 05", "/api/suggest?q=05-",
             "/api/stats", "/api/minutes", "/api/minutes?q=chỉ thị 05", "/api/sayings",
             "/api/sayings/sectors", "/api/openapi.json", "/search.csv?q=chỉ thị 05",
             "/documents/000000000000/original", "/api/documents/000000000000", "/khong-co"]
    for doc in (CHI_THI_05, PDF, seed_id):
        found += [f"/documents/{doc}", f"/api/documents/{doc}", f"/api/documents/{doc}/citations",
                  f"/documents/{doc}/text"]
    return found


def folders(*paths) -> set[str]:
    return {str(Path(p).resolve()) for p in paths}


def test_no_route_shows_the_servers_folders(client, corpus_index, seed_article):
    hidden = folders(ROOT, corpus_index["index"], seed_article.parent, ROOT / "corpus")
    for url in urls(document_id(seed_article)):
        with client.get(url) as response:
            text = response.get_data().decode("utf-8-sig", errors="replace")
        assert response.status_code in (200, 404), url
        leaked = [f for f in hidden if f in text]
        assert not leaked, (url, leaked)
        if response.mimetype == "application/json":
            assert '"path":' not in text, url


@pytest.fixture
def record_app(tmp_path, make_config):
    """Given a CSV table of two directives ingested as records, an app over its index."""
    from kb.ingest.pipeline import ingest
    from kb.web import create_app

    table = tmp_path / "Thư mục riêng" / "van-ban.csv"
    table.parent.mkdir()
    table.write_text("Số hiệu,Tiêu đề,Ngày ban hành,Nội dung\n"
                     "05-CT/TW,Chỉ thị về đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh,"
                     "15/05/2016,\"Tiếp tục đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, "
                     "phong cách Hồ Chí Minh trong toàn Đảng, toàn dân.\"\n", encoding="utf-8")
    config = make_config()
    assert ingest([table.parent], config).ok
    app = create_app({"index": config["index"], "TESTING": True})
    yield app.test_client(), table
    app.extensions["kb_searchers"].close_all()


def test_a_record_names_its_key_not_its_table_folder(record_app):
    client, table = record_app
    doc = record_id(table, "1")
    body = client.get(f"/api/documents/{doc}").get_json()
    assert body["record"] == {"key": "1"}
    for url in (f"/api/documents/{doc}", f"/documents/{doc}", f"/api/documents/{doc}/citations"):
        assert str(table.parent) not in client.get(url).get_data(as_text=True), url
    with client.get(f"/documents/{doc}/original") as response:
        assert response.status_code == 200 and response.data == table.read_bytes()
        assert response.headers["Content-Disposition"] == "attachment; filename=van-ban.csv"
    text = client.get(f"/documents/{doc}/text")
    assert "Tiếp tục đẩy mạnh việc học tập" in text.get_data(as_text=True)
