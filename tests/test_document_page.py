"""The document page and /api/documents/<id>: citation lists and wrapped headings, on real files.

Given Chỉ thị 05-CT/TW ingested twice (two copies of the file), the Hải Phòng report on it
ingested twice (the second copy with a line added: another hash, the same number, issuer and
date), minutes of three cells that share one title, the seed article and an undated press
article, when the directive's page is shown, then each citing document appears once, newest
first (undated last), with kind, number, issuer and date telling same-titled ones apart.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from web_support import CORPUS, build_index, close, make_app

DIRECTIVE = CORPUS / "dang/chi-thi-05-ct-tw-2016.txt"
REPORT = CORPUS / "bao-cao/bao-cao-thanh-uy-hai-phong-so-ket-5-nam-chi-thi-05-2021.txt"
MINUTES = [CORPUS / "bien-ban/bien-ban-chi-bo-khu-dan-cu-3-2024-09.md",
           CORPUS / "bien-ban/bien-ban-chi-bo-thcs-chu-van-an-2024-04.md",
           CORPUS / "bien-ban/bien-ban-chi-bo-phong-tu-phap-2023-02.txt"]
UNDATED = CORPUS / "bao-chi/hoc-va-lam-theo-bac-xay-dung-don-vi-vung-manh-2022.html"
CARD_KEYS = {"id", "title", "kind", "number", "issuer", "date"}


@pytest.fixture(scope="module")
def site(tmp_path_factory, seed_article):
    folder = tmp_path_factory.mktemp("copies")
    shutil.copy(DIRECTIVE, folder / "chi-thi-05.txt")
    shutil.copy(DIRECTIVE, folder / "chi-thi-05-ban-sao.txt")  # the same bytes
    shutil.copy(REPORT, folder / "bao-cao-245.txt")
    # Reposted with a line added: another content hash, the same number, issuer and date.
    (folder / "bao-cao-245-dang-lai.txt").write_text(
        REPORT.read_text(encoding="utf-8") + "\n(Đăng lại từ Cổng thông tin Thành ủy.)\n", encoding="utf-8")
    for path in MINUTES + [UNDATED, seed_article]:
        shutil.copy(path, folder / path.name)
    index_dir = tmp_path_factory.mktemp("copies-index")
    assert build_index(index_dir, [folder]) == 9
    app = make_app(index_dir)
    client = app.test_client()
    documents = client.get("/api/stats").get_json()
    assert documents["documents"] == 9
    yield app, client
    close(app)


def _id(app, name: str) -> str:
    searcher = app.extensions["kb_searchers"].get()
    return next(d["id"] for d in searcher.all_documents() if d["path"].endswith(name))


def test_cited_by_lists_each_document_once_with_its_facts(site, seed_article):
    app, client = site
    body = client.get(f"/api/documents/{_id(app, 'chi-thi-05.txt')}").get_json()
    cited_by = body["cited_by"]
    assert all(set(c) == CARD_KEYS for c in cited_by)  # no server path among them
    reports = [c for c in cited_by if c["number"] == "245-BC/TU"]
    assert len(reports) == 1 and reports[0]["issuer"] == "Thành ủy Hải Phòng"
    assert reports[0]["date"] == "2021-03-26" and reports[0]["kind"] == "Báo cáo"
    # The copy of the directive is the directive: it does not cite itself.
    assert _id(app, "chi-thi-05-ban-sao.txt") not in {c["id"] for c in cited_by}
    minutes = [c for c in cited_by if c["kind"] == "Biên bản"]
    assert {c["title"] for c in minutes} == {"Biên bản Sinh hoạt chi bộ chuyên đề"}  # one title
    assert len({(c["issuer"], c["date"]) for c in minutes}) == len(minutes) == 3
    assert {c["issuer"] for c in minutes} == {
        "Chi bộ Khu dân cư số 3", "Chi bộ Trường THCS Chu Văn An", "Chi bộ Phòng Tư pháp"}
    assert len(cited_by) == 6  # report, 3 minutes, seed article, undated article


def test_cited_by_is_newest_first_and_undated_last(site):
    app, client = site
    cited_by = client.get(f"/api/documents/{_id(app, 'chi-thi-05.txt')}").get_json()["cited_by"]
    dates = [c["date"] for c in cited_by]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    assert dates[-1] is None and dates.index(None) == len(dated)
    assert dates[:2] == ["2024-09-05", "2024-04-22"]


def test_a_copy_shows_the_citations_of_its_document(site):
    app, client = site
    first = client.get(f"/api/documents/{_id(app, 'chi-thi-05.txt')}").get_json()
    copy = client.get(f"/api/documents/{_id(app, 'chi-thi-05-ban-sao.txt')}").get_json()
    assert first["cited_by"] and copy["cited_by"] == first["cited_by"]


def test_citation_of_a_document_ingested_twice_is_resolved(site, seed_article):
    # Two copies used to make "Chỉ thị 05 của Bộ Chính trị" ambiguous, hence unresolved.
    app, client = site
    cites = client.get(f"/api/documents/{_id(app, seed_article.name)}").get_json()["cites"]
    directive = [c for c in cites["documents"] if c["number"] == "05-CT/TW"]
    assert len(directive) == 1 and directive[0]["mention"] == "Chỉ thị 05 của Bộ Chính trị"
    assert set(directive[0]) == CARD_KEYS | {"mention"}
    assert not any(c["number"] == "05-CT/TW" for c in cites["unresolved"])


def test_document_page_tells_same_titled_citing_documents_apart(site):
    app, client = site
    page = client.get(f"/documents/{_id(app, 'chi-thi-05.txt')}").get_data(as_text=True)
    listing = page[page.index("Được trích dẫn bởi"):]
    listing = listing[:listing.index("</section>")]
    items = re.findall(r"<li>(.*?)</li>", listing, re.S)
    assert len(items) == 6
    same_title = [i for i in items if "Biên bản Sinh hoạt chi bộ chuyên đề" in i]
    assert len(same_title) == 3
    assert "Chi bộ Khu dân cư số 3 · 05/09/2024" in same_title[0]
    assert "Chi bộ Trường THCS Chu Văn An · 22/04/2024" in same_title[1]
    assert "Chi bộ Phòng Tư pháp · 06/02/2023" in same_title[2]
    assert "Báo cáo 245-BC/TU · Thành ủy Hải Phòng · 26/03/2021" in listing
    assert listing.count("245-BC/TU ·") == 1


def test_document_page_prints_a_wrapped_heading_whole(tmp_path, shared_data):
    # Quy định 383-QĐ/TW: "Điều 1. Phông lưu trữ Đảng Cộng" / "sản Việt Nam".
    source = shared_data / "party-docs/docs/056a116c77fe4047.md"
    build_index(tmp_path / "index", [source])
    app = make_app(tmp_path / "index")
    try:
        client = app.test_client()
        doc_id = _id(app, source.name)
        page = client.get(f"/documents/{doc_id}").get_data(as_text=True)
        assert '">Điều 1. Phông lưu trữ Đảng Cộng sản Việt Nam</a>' in page  # table of contents
        assert '<p class="heading">Điều 1. Phông lưu trữ Đảng Cộng sản Việt Nam</p>' in page
        assert "<p>sản Việt Nam" not in page
        sections = client.get(f"/api/documents/{doc_id}").get_json()["sections"]
        assert "II- QUẢN LÝ TÀI LIỆU LƯU TRỮ VÀ CƠ SỞ DỮ LIỆU TÀI LIỆU LƯU TRỮ" in [s["heading"] for s in sections]
    finally:
        close(app)


def _stored(doc_id, content_hash, number=None, issuer=None, date=None, title="Nghị quyết", citations=()):
    return {"id": doc_id, "content_hash": content_hash, "title": title, "kind": "Nghị quyết",
            "issuer": issuer, "date": date,
            "meta": {"number": number, "issuer": issuer, "citations": list(citations)}}


def test_copies_are_one_document_only_with_number_issuer_and_date():
    from kb.index.citations_view import build_graph

    graph = build_graph([
        _stored("b", "h1", "01-NQ/ĐU", "Đảng ủy phường Lê Lợi", "2025-01-08"),
        _stored("a", "h2", "01-NQ/ĐU", "Đảng ủy phường Lê Lợi", "2025-01-08"),  # reposted
        _stored("c", "h2"),  # the same bytes as "a": joins the group through it
        # The same number by another cell, and by the same cell with no date: other documents.
        _stored("d", "h3", "01-NQ/ĐU", "Đảng ủy phường Máy Chai", "2025-01-08"),
        _stored("e", "h4", "01-NQ/ĐU", "Đảng ủy phường Lê Lợi"),
        _stored("f", "h5", "01-NQ/ĐU", "Đảng ủy phường Lê Lợi"),
    ])
    assert graph.same == {"a": "a", "b": "a", "c": "a", "d": "d", "e": "e", "f": "f"}


def test_a_board_printed_bare_is_listed_with_its_committee():
    # party-docs/docs/6e4d7759e03163f7.md prints "BAN CHẤP HÀNH TRUNG ƯƠNG / VĂN PHÒNG": its card
    # in "Được trích dẫn bởi" reads "Văn phòng Trung ương", not a bare "Văn phòng".
    from kb.index.citations_view import build_graph

    kl = _stored("k", "h1", "07-KL/VPTW", "Văn phòng", "2025-12-01", title="Kết luận 07-KL/VPTW")
    kl["issuer_parent"] = "Ban Chấp hành Trung ương"
    hd = _stored("h", "h2", "45-HD/BTGTU", "Ban Tuyên giáo", "2024-01-25", title="Hướng dẫn 45-HD/BTGTU")
    hd["meta"]["issuer_parent"] = "Thành ủy Hải Phòng"
    cuc = _stored("c", "h3", "813/HC-CNHC", "Cục Hóa chất", "2026-04-22", title="Công văn 813")
    cuc["issuer_parent"] = "Bộ Công Thương"
    cards = build_graph([kl, hd, cuc]).cards
    assert [cards[x]["issuer"] for x in "khc"] == [
        "Văn phòng Trung ương", "Ban Tuyên giáo Thành ủy Hải Phòng", "Cục Hóa chất"]
