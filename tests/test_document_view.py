"""The document view on the corpus + seed index: citations both ways, sections, related documents."""

from __future__ import annotations

import re

import pytest

from kb.index.documents import document_view, text_blocks


def _id(searcher, name: str) -> str:
    for stored in searcher.all_documents():
        if stored["path"].endswith(name):
            return stored["id"]
    raise AssertionError(f"{name} is not in the index")


@pytest.fixture(scope="module")
def ids(searcher, seed_article):
    names = ("chi-thi-05-ct-tw-2016.txt", "nghi-quyet-04-nq-tw-2016.txt",
             "bao-cao-thanh-uy-hai-phong-so-ket-5-nam-chi-thi-05-2021.txt",
             "bao-cao-dang-uy-phuong-le-loi-chi-thi-05-nam-2024.docx",
             "nghi-dinh-32-2024-nd-cp-hoa-giai-co-so-trich.txt", seed_article.name)
    return {name: _id(searcher, name) for name in names}


def test_seed_cites_directive_05_and_resolution_tw4(searcher, ids, seed_article):
    # The article says "Chỉ thị 05 của Bộ Chính trị" and "Nghị quyết Trung ương 4 (khóa 12)".
    text = seed_article.read_text(encoding="utf-8")
    assert "Chỉ thị 05 của Bộ Chính trị" in text and "Nghị quyết Trung ương 4 (khóa 12)" in text
    view = document_view(searcher, ids[seed_article.name])
    cited = [c["id"] for c in view["cites"]["documents"]]
    # Newest first: Nghị quyết 04-NQ/TW (30/10/2016), then Chỉ thị 05-CT/TW (15/05/2016).
    assert cited == [ids["nghi-quyet-04-nq-tw-2016.txt"], ids["chi-thi-05-ct-tw-2016.txt"]]
    resolution, directive = view["cites"]["documents"]
    assert directive["mention"] == "Chỉ thị 05 của Bộ Chính trị"
    assert (directive["kind"], directive["number"], directive["date"]) == ("Chỉ thị", "05-CT/TW", "2016-05-15")
    assert resolution["title"].startswith("Nghị quyết 04-NQ/TW") and resolution["number"] == "04-NQ/TW"


def test_directive_cited_by_seed_and_hai_phong_reports(searcher, ids, seed_article):
    view = document_view(searcher, ids["chi-thi-05-ct-tw-2016.txt"])
    citing = {c["id"] for c in view["cited_by"]}
    assert ids[seed_article.name] in citing
    assert ids["bao-cao-thanh-uy-hai-phong-so-ket-5-nam-chi-thi-05-2021.txt"] in citing
    assert ids["bao-cao-dang-uy-phuong-le-loi-chi-thi-05-nam-2024.docx"] in citing
    assert ids["chi-thi-05-ct-tw-2016.txt"] not in citing  # its own number is no citation
    assert len(citing) == len(view["cited_by"])


def test_citations_missing_from_the_index_stay_plain_mentions(searcher, ids):
    # Chỉ thị 05 recalls Chỉ thị 03-CT/TW (2011), which the corpus does not hold.
    view = document_view(searcher, ids["chi-thi-05-ct-tw-2016.txt"])
    unresolved = {c["number"]: c["mention"] for c in view["cites"]["unresolved"]}
    assert unresolved["03-CT/TW"].startswith("Chỉ thị số 03-CT/TW")
    assert not any(c["number"] == "03-CT/TW" for c in view["cites"]["documents"])


def test_document_sections_anchor_and_cut_the_text(searcher, ids):
    view = document_view(searcher, ids["nghi-dinh-32-2024-nd-cp-hoa-giai-co-so-trich.txt"])
    anchors = [s["anchor"] for s in view["sections"]]
    assert any(a.endswith("dieu-1") for a in anchors) and len(set(anchors)) == len(anchors)
    blocks = text_blocks(view["text"], view["sections"])
    rebuilt = "".join((b["line"] + "\n" if b["line"] is not None else "") + b["text"] for b in blocks)
    assert rebuilt.split() == view["text"].split()
    article = next(b for b in blocks if b["anchor"] and b["anchor"].endswith("dieu-1"))
    assert article["line"].startswith("Điều 1")


def test_related_documents_share_the_subject(searcher, ids, seed_article):
    view = document_view(searcher, ids[seed_article.name])
    related = [r["id"] for r in view["related"]]
    assert 0 < len(related) <= 5 and ids[seed_article.name] not in related
    # An article on learning from Hồ Chí Minh's example is close to the directive about it.
    assert ids["chi-thi-05-ct-tw-2016.txt"] in related
    assert all(set(r) == {"id", "title", "kind", "date"} for r in view["related"])


def test_search_result_names_its_section(searcher):
    response = searcher.search("hòa giải viên nhiệm vụ")
    hit = next(r for r in response.results if "32/2024/NĐ-CP" in r.title)
    assert hit.section is not None
    assert hit.section["anchor"] and hit.section["heading"]


def test_document_page_links_citations_and_sections(searcher, ids, seed_article):
    from kb.web import create_app

    app = create_app({"index": searcher.config["index"], "TESTING": True})
    client = app.test_client()
    page = client.get(f"/documents/{ids['chi-thi-05-ct-tw-2016.txt']}").get_data(as_text=True)
    assert "Được trích dẫn bởi" in page and "Văn bản được trích dẫn" in page
    assert f'href="/documents/{ids[seed_article.name]}"' in page
    assert "Chỉ thị số 03-CT/TW" in page  # unresolved, shown as text
    assert 'id="s-1"' in page and 'href="#s-1"' in page
    assert re.search(r"<h2>Văn bản liên quan</h2>", page)
