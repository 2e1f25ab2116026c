"""Downloads and the citation line of a document.

Given the session index of the bundled corpus and the seed article, when a reader downloads a
document by its id, then they get exactly the bytes that were ingested (or the clean text), with
its own name and content type; a Vietnamese file name comes as RFC 5987 ``filename*``; a file
gone from the server is a Vietnamese 404 that does not say where it was. The document page and
its JSON carry the citation line in the official style.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from kb.index.citation_line import citation_date, citation_line
from kb.ingest.document import document_id

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
CHI_THI_05 = CORPUS / "dang" / "chi-thi-05-ct-tw-2016.txt"
#: One file of each binary format the corpus holds, and a web page.
ORIGINALS = {
    "dang/chi-thi-05-ct-tw-2016.txt": "text/plain; charset=utf-8",
    "bao-cao/bao-cao-dang-uy-phuong-le-loi-chi-thi-05-nam-2024.docx":
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "bao-cao/bao-cao-dang-uy-phuong-may-chai-chuyen-doi-so-2023.pdf": "application/pdf",
    "bao-chi/hai-phong-lan-toa-mo-hinh-hoc-va-lam-theo-bac-o-khu-dan-cu-2023.html":
        "text/html; charset=utf-8",
    "bao-cao/ke-hoach-thanh-uy-hai-phong-thuc-hien-ket-luan-01-2021.md":
        "text/markdown; charset=utf-8",
}


def download(client, url):
    """GET ``url`` and close the response (a sent file stays open until then)."""
    with client.get(url) as response:
        response.data  # read while open
    return response


@pytest.mark.parametrize("relative, content_type", sorted(ORIGINALS.items()))
def test_the_original_is_the_ingested_bytes_under_its_own_name(client, relative, content_type):
    path = CORPUS / relative
    response = download(client, f"/documents/{document_id(path)}/original")
    assert response.status_code == 200
    assert response.data == path.read_bytes()
    assert response.headers["Content-Type"] == content_type
    assert response.headers["Content-Disposition"] == f"attachment; filename={path.name}"


def test_the_seed_article_downloads_as_ingested(client, seed_article):
    response = download(client, f"/documents/{document_id(seed_article)}/original")
    assert response.status_code == 200 and response.data == seed_article.read_bytes()


def test_the_clean_text_is_what_the_document_page_shows(client):
    doc = document_id(CHI_THI_05)
    response = client.get(f"/documents/{doc}/text")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert response.headers["Content-Disposition"] == "attachment; filename=chi-thi-05-ct-tw-2016.txt"
    text = response.data.decode("utf-8")
    assert text == client.get(f"/api/documents/{doc}").get_json()["text"]
    assert "Chỉ thị số 06-CT/TW, ngày 07/11/2006 của Bộ Chính trị" in text


def test_the_document_page_links_both_downloads_and_the_json_too(client):
    doc = document_id(CHI_THI_05)
    page = client.get(f"/documents/{doc}").get_data(as_text=True)
    assert f'href="/documents/{doc}/original"' in page and f'href="/documents/{doc}/text"' in page
    links = client.get(f"/api/documents/{doc}").get_json()["links"]
    assert links == {"page": f"/documents/{doc}", "original": f"/documents/{doc}/original",
                     "text": f"/documents/{doc}/text"}


@pytest.mark.parametrize("what", ["original", "text"])
def test_an_unknown_or_malformed_id_downloads_nothing(client, what):
    assert client.get(f"/documents/000000000000/{what}").status_code == 404
    response = client.get(f"/documents/{quote('../../etc/passwd', safe='')}/{what}")
    assert response.status_code == 404 and b"root:" not in response.data


@pytest.fixture
def own_index(tmp_path, make_config):
    """Given a folder with a directive saved under a Vietnamese name and a copy of another, ingested."""
    from kb.ingest.pipeline import ingest

    folder = tmp_path / "Văn bản đến"
    folder.mkdir()
    vietnamese = folder / "Chỉ thị 05 của Bộ Chính trị.txt"
    shutil.copy(CHI_THI_05, vietnamese)
    doomed = folder / "nghi-dinh-32.txt"
    shutil.copy(CORPUS / "nha-nuoc" / "nghi-dinh-32-2024-nd-cp-hoa-giai-co-so-trich.txt", doomed)
    config = make_config()
    assert ingest([folder], config).ok
    from kb.web import create_app

    app = create_app({"index": config["index"], "TESTING": True})
    yield app.test_client(), vietnamese, doomed
    app.extensions["kb_searchers"].close_all()


def test_a_vietnamese_file_name_comes_as_rfc_5987(own_index):
    client, vietnamese, _ = own_index
    response = download(client, f"/documents/{document_id(vietnamese)}/original")
    assert response.status_code == 200 and response.data == vietnamese.read_bytes()
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment; filename=")
    assert "filename*=UTF-8''" + quote("Chỉ thị 05 của Bộ Chính trị.txt", safe="") in disposition
    text = client.get(f"/documents/{document_id(vietnamese)}/text")
    assert "filename*=UTF-8''" + quote("Chỉ thị 05 của Bộ Chính trị.txt", safe="") \
        in text.headers["Content-Disposition"]


@pytest.mark.parametrize("prefix", ["/documents/", "/api/documents/"])
def test_a_file_gone_from_the_server_is_a_vietnamese_404_without_its_folder(own_index, prefix):
    client, _, doomed = own_index
    doc = document_id(doomed)
    doomed.unlink()
    response = client.get(f"/documents/{doc}/original")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "Tệp gốc của tài liệu này không còn trên máy chủ" in page
    assert str(doomed.parent) not in page and "Văn bản đến" not in page
    # The clean text is still there, and the document itself too.
    assert client.get(f"/documents/{doc}/text").status_code == 200
    assert client.get(f"{prefix}{doc}").status_code == 200


# -- the citation line ------------------------------------------------------------------------

def test_the_citation_line_of_chi_thi_05_in_page_and_json(client):
    doc = document_id(CHI_THI_05)
    expected = ("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm "
                "theo tư tưởng, đạo đức, phong cách Hồ Chí Minh")
    assert client.get(f"/api/documents/{doc}").get_json()["citation"] == expected
    page = client.get(f"/documents/{doc}").get_data(as_text=True)
    assert f'<textarea id="trich-dan" readonly rows="2">{expected}</textarea>' in page
    assert 'data-copy="trich-dan"' in page and "Sao chép" in page
    assert "document.js" in page


@pytest.mark.parametrize("relative, expected", [
    # A decision: "về việc" starts lower case inside the sentence; January keeps its zero.
    ("nha-nuoc/quyet-dinh-ubnd-hai-phong-123-2023-mot-cua.txt",
     "Quyết định số 123/QĐ-UBND ngày 16/01/2023 của Ủy ban nhân dân thành phố Hải Phòng về việc "
     "ban hành Quy chế hoạt động của Bộ phận Một cửa các cấp trên địa bàn thành phố Hải Phòng"),
    # A decree whose subject is a verb phrase: no "về" added, lower case.
    ("nha-nuoc/nghi-dinh-32-2024-nd-cp-hoa-giai-co-so-trich.txt",
     "Nghị định số 32/2024/NĐ-CP ngày 15/3/2024 của Chính phủ quy định chi tiết một số điều và "
     "biện pháp thi hành Luật Hòa giải ở cơ sở"),
    # A plenum's resolution: the plenum is who issued it.
    ("dang/nghi-quyet-04-nq-tw-2016.txt",
     "Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Hội nghị lần thứ tư Ban Chấp hành Trung ương "
     "Đảng khóa XII"),
])
def test_citation_lines_of_corpus_documents(client, relative, expected):
    body = client.get(f"/api/documents/{document_id(CORPUS / relative)}").get_json()
    assert body["citation"] == expected


def test_a_press_article_is_cited_by_title_paper_and_date(client, seed_article):
    body = client.get(f"/api/documents/{document_id(seed_article)}").get_json()
    assert body["citation"].startswith("“2 năm qua, Chỉ thị 05 của Bộ Chính trị")
    assert body["citation"].endswith("”, Báo Hải Phòng, ngày 12/4/2018")


@pytest.mark.parametrize("view, expected", [
    ({"kind": "Chỉ thị", "number": "05-CT/TW", "title": "Chỉ thị 05-CT/TW về đẩy mạnh"},
     "Chỉ thị số 05-CT/TW về đẩy mạnh"),  # no date, no issuer, no subject line
    ({"kind": "Công văn", "issuer": "Văn phòng Thành ủy", "date": "2024-02-03"},
     "Công văn ngày 03/02/2024 của Văn phòng Thành ủy"),
    ({"number": "12/BC", "date": "2019"}, "Văn bản số 12/BC năm 2019"),
    ({"title": "Lời Bác dạy", "name": "loi-bac.txt"}, "“Lời Bác dạy”"),
    ({"name": "ghi-chu.txt"}, "“ghi-chu.txt”"),
    ({}, ""),
])
def test_missing_fields_are_left_out(view, expected):
    assert citation_line(view) == expected


@pytest.mark.parametrize("iso, shown", [("2016-05-15", "15/5/2016"), ("2006-11-07", "07/11/2006"),
                                        ("2023-01-16", "16/01/2023"), ("2024-02-03", "03/02/2024"),
                                        ("2021-12", "tháng 12/2021"), ("2019", "năm 2019")])
def test_citation_dates_as_papers_write_them(iso, shown):
    assert citation_date(iso) == shown
