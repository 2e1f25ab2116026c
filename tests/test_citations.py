"""Citations of other documents: extraction from running text and resolution to documents."""

from __future__ import annotations

import pytest

from kb.analysis.normalize import clean_text
from kb.understand.citations import build_alias_table, extract_citations, resolve


def one(text: str) -> dict:
    found = extract_citations(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chỉ thị 05-CT/TW", {"kind": "Chỉ thị", "number": "05-CT/TW"}),
        ("thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh",
         {"kind": "Chỉ thị", "number": "05-CT/TW", "issuer": "Bộ Chính trị", "date": "2016-05-15"}),
        ("theo Chỉ thị số 05 về", {"kind": "Chỉ thị", "number": None, "serial": "05"}),
        ("Chỉ thị 05 của Bộ Chính trị", {"kind": "Chỉ thị", "serial": "05", "issuer": "Bộ Chính trị"}),
        ("Nghị quyết Trung ương 4 (khóa XII)", {"kind": "Nghị quyết", "plenum": "4", "term": "XII"}),
        ("Nghị quyết Trung ương 4 khóa XII về", {"kind": "Nghị quyết", "plenum": "4", "term": "XII"}),
        ("NQ TW4 khoá 12", {"kind": "Nghị quyết", "plenum": "4", "term": "XII"}),
        ("Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
         {"plenum": "4", "term": "XII"}),
        ("Nghị định 32/2024/NĐ-CP", {"kind": "Nghị định", "number": "32/2024/NĐ-CP"}),
        ("Quyết định số 1074/QĐ-BXD ngày 29/6/2026 của Bộ Xây dựng",
         {"kind": "Quyết định", "number": "1074/QĐ-BXD", "issuer": "Bộ Xây dựng"}),
        ("Quyết định số 29-QĐ/TW", {"kind": "Quy định", "number": "29-QĐ/TW"}),
        ("thực hiện Quy định số 8 - QĐi/TW", {"kind": "Quy định", "number": "08-QĐi/TW"}),
        ("tuân thủ Luật Hóa chất và", {"kind": "Luật", "name": "Luật Hóa chất", "number": None}),
        ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 ngày 19 tháng 02 năm 2025;",
         {"name": "Luật Ban hành văn bản quy phạm pháp luật", "number": "64/2025/QH15",
          "date": "2025-02-19"}),
        ("Nghị quyết Đại hội XIII của Đảng", {"term": "XIII", "issuer": "Đại hội Đảng"}),
        ("tại Điều 76 Luật Nhà ở 2023, cụ thể", {"kind": "Luật", "name": "Luật Nhà ở"}),
        ("ở Đề án số 360/ĐA-CP ngày 09 tháng 05 năm 2025 của Chính phủ",
         {"kind": "Đề án", "number": "360/ĐA-CP", "issuer": "Chính phủ", "date": "2025-05-09"}),
        ("báo cáo kết quả 05-CT/TW năm 2024", {"kind": "Chỉ thị", "number": "05-CT/TW"}),
    ],
)
def test_extract(text, expected):
    cit = one(text)
    for key, value in expected.items():
        assert cit[key] == value, (key, cit)
    assert text[cit["start"]:cit["end"]] == cit["mention"]


def test_provincial_congress_is_not_the_party_congress():
    assert extract_citations("Nghị quyết Đại hội Đảng bộ tỉnh Phú Thọ lần thứ I") == []


def test_ordinary_words_are_not_citations():
    text = "Cán bộ học tập chỉ thị 2 lần mỗi năm; luật chơi được quy định rõ; khóa học 12 buổi."
    assert extract_citations(text) == []


def test_seed_article(seed_article):
    text = clean_text(seed_article.read_text(encoding="utf-8"))
    found = extract_citations(text)
    ct05 = [c for c in found if c["kind"] == "Chỉ thị" and c["serial"] == "05"]
    nq4 = [c for c in found if c["plenum"] == "4"]
    assert len(ct05) >= 4 and any(c["issuer"] == "Bộ Chính trị" for c in ct05)
    # "Nghị quyết Trung ương 4 (khóa 12)" and "(khoá 12)": both read as term XII.
    assert len(nq4) == 2 and {c["term"] for c in nq4} == {"XII"}


def test_party_doc_cites_directive_05(shared_data):
    text = (shared_data / "party-docs/docs/6e4d7759e03163f7.md").read_text(encoding="utf-8")
    numbers = {c["number"] for c in extract_citations(text)}
    assert {"05-CT/TW", "07-KL/VPTW", "57-NQ/TW", "11-QĐi/TW"} <= numbers


def test_government_docx(shared_data):
    docx = pytest.importorskip("docx")
    path = shared_data / "gov-docs/TT-14-2024-che-do-bao-cao-mau-van-ban-CCN.docx"
    text = "\n".join(p.text for p in docx.Document(path).paragraphs)
    found = extract_citations(text)
    assert any(c["number"] == "32/2024/NĐ-CP" and c["kind"] == "Nghị định" for c in found)
    assert all(c["number"] is None or "/" in c["number"] for c in found)


def test_government_pdf(shared_data):
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(shared_data / "gov-docs/QD-1074-QD-BXD-29-6-2026.pdf")
    text = clean_text("\n".join(page.extract_text() or "" for page in reader.pages))
    found = extract_citations(text)
    assert any(c["number"] == "33/2025/NĐ-CP" for c in found)
    assert any((c["name"] or "").startswith("Luật Phòng cháy") for c in found)


DOCS = [
    ("ct05", {"kind": "Chỉ thị", "number": "05-CT/TW", "issuer": "Bộ Chính trị",
              "title": "Chỉ thị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"}),
    ("nq04", {"kind": "Nghị quyết", "number": "04-NQ/TW",
              "title": "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII về "
                       "tăng cường xây dựng, chỉnh đốn Đảng"}),
    ("nd32", {"kind": "Nghị định", "number": "32/2024/NĐ-CP", "issuer": "Chính phủ"}),
    ("qd1074", {"kind": "Quyết định", "number": "1074/QĐ-BXD", "issuer": "Bộ Xây dựng"}),
    ("hoachat", {"kind": "Luật", "number": "69/2025/QH15", "title": "Luật Hóa chất"}),
    # Two Chỉ thị 11 from different provinces: "Chỉ thị 11 của Tỉnh ủy" stays unresolved.
    ("ct11a", {"kind": "Chỉ thị", "number": "11-CT/TU", "issuer": "Tỉnh ủy Lào Cai"}),
    ("ct11b", {"kind": "Chỉ thị", "number": "11-CT/TU", "issuer": "Tỉnh ủy Yên Bái"}),
]


@pytest.mark.parametrize(
    ("mention", "doc_id"),
    [
        ("Chỉ thị 05-CT/TW", "ct05"),
        ("Chỉ thị số 5-CT/TW", "ct05"),
        ("Chỉ thị 05 của Bộ Chính trị", "ct05"),
        ("Chỉ thị 05", "ct05"),  # well known, aliases.toml
        ("Nghị quyết Trung ương 4 (khóa XII)", "nq04"),
        ("NQ TW4 khoá 12", "nq04"),
        ("Nghị định 32 của Chính phủ", "nd32"),
        ("Nghị định số 32/2024/NĐ-CP", "nd32"),
        ("Quyết định 1074 của Bộ Xây dựng", "qd1074"),
        ("Luật Hóa chất", "hoachat"),
        ("Nghị quyết Trung ương 4 khóa XI", None),  # 12-NQ/TW is not among the documents
        ("Chỉ thị 11-CT/TU", None),  # ambiguous
        ("Nghị định 33/2025/NĐ-CP", None),
    ],
)
def test_resolve(mention, doc_id):
    table = build_alias_table(DOCS)
    assert resolve(one(mention), table) == doc_id


def test_user_aliases(tmp_path):
    extra = tmp_path / "aliases.toml"
    extra.write_text('[famous_numbers]\n"Nghị định 32" = "32/2024/NĐ-CP"\n', encoding="utf-8")
    table = build_alias_table(DOCS)
    assert resolve(one("theo Nghị định 32 về cụm công nghiệp"), table) is None
    assert resolve(one("theo Nghị định 32 về cụm công nghiệp"), table, str(extra)) == "nd32"


def test_a_bare_kind_and_serial_is_the_one_the_document_names_in_full(shared_data):
    # A legal site's page on the city's fire-safety directive: its headline says "Chỉ thị 05:",
    # its text "Chỉ thị 05/CT-UBND năm 2025"; the bare mention is that directive, not 05-CT/TW.
    from kb.understand.enrich import enrich

    text = (shared_data / "party-docs/docs/e5016435461f5572.md").read_text(encoding="utf-8")
    numbers = {c.get("number") for c in enrich(text, None)["citations"]
               if c.get("kind") == "Chỉ thị" and c.get("serial") == "05"}
    assert numbers == {"05/CT-UBND"}
    # Alone, "Chỉ thị 05" is still the Politburo's directive, the best-known one.
    alone = enrich("Chi bộ tổ chức học tập Chỉ thị 05 trong tháng 5.", None)["citations"]
    assert [c.get("number") for c in alone] == ["05-CT/TW"]
