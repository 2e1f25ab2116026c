"""What a search marks: numbers as the number searched (never its digits elsewhere), words as words.

Given real Party and state texts of the bundled corpus, when a query names a document number
(05-CT/TW, 05/CT-TW, "chỉ thị 05") or a numbered part ("Điều 5") or plain words, then only
those are marked, in the snippets of the search and on its pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb.analysis.fold import fold, has_diacritics
from kb.index.analyzers import cached_analyze
from kb.index.highlight import find_marks, highlight_for
from kb.index.query import parse_query
from kb.index.snippets import make_snippet

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
DIRECTIVE = CORPUS / "dang/chi-thi-05-ct-tw-2016.txt"
REPORT = CORPUS / "bao-cao/bao-cao-thanh-uy-hai-phong-so-ket-5-nam-chi-thi-05-2021.txt"
DECREE = CORPUS / "nha-nuoc/nghi-dinh-32-2024-nd-cp-hoa-giai-co-so-trich.txt"


def _spec(query: str):
    """The spec the search builds: the query's content syllables, then highlight_for."""
    parsed = parse_query(query, 500)
    folded_mode = not has_diacritics(parsed.positive_text())
    exact, folded = set(), set()
    for clause in parsed.clauses:
        analysis = cached_analyze(clause.text, query=True)
        content = [s for p, s in analysis.syllables if p not in analysis.stopped]
        (folded if folded_mode else exact).update(fold(s) if folded_mode else s for s in content)
    return highlight_for(parsed, exact, folded)


def _marked(path: Path, query: str) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [re.sub(r"\s+", " ", text[start:end]) for start, end, _ in find_marks(text, _spec(query))]


NAMES_OF_05 = {"05-CT/TW", "Chỉ thị 05-CT/TW", "Chỉ thị số 05-CT/TW", "Chỉ thị 05", "Chỉ thị số 05"}


@pytest.mark.parametrize("query", ["05-CT/TW", "05/CT-TW", "5-ct/tw", "Chỉ thị 05", "chỉ thị số 05",
                                   "chi thi 05", "Chỉ thị số 05-CT/TW"])
def test_a_document_number_is_marked_whole_in_every_spelling(query):
    # The report says "Chỉ thị 05-CT/TW", "Chỉ thị 05" and "Chỉ thị số 05", and also
    # "trong 5 năm", "(5 năm qua ...": those fives are not the directive.
    marked = _marked(REPORT, query)
    assert {"Chỉ thị 05-CT/TW", "Chỉ thị 05", "Chỉ thị số 05"} <= set(marked)
    assert set(marked) <= NAMES_OF_05


def test_the_date_of_a_directive_is_not_its_number():
    # "Số 05-CT/TW  Hà Nội, ngày 15 tháng 5 năm 2016": before, a search for 05-CT/TW marked "5".
    text = DIRECTIVE.read_text(encoding="utf-8")
    assert "ngày 15 tháng 5 năm 2016" in text
    snippet = make_snippet(text, _spec("05-CT/TW"))
    assert "<mark>05-CT/TW</mark>" in snippet
    assert "tháng 5 năm" in snippet and "<mark>5</mark>" not in snippet
    # Other numbers of the family's kind are other documents: 03-CT/TW, 06-CT/TW stay plain.
    assert set(_marked(DIRECTIVE, "05-CT/TW")) <= NAMES_OF_05


def test_kind_and_serial_typed_marks_numbers_of_that_kind_only():
    text = "Thực hiện Chỉ thị 05/CT-TTg của Thủ tướng, Nghị quyết 05-NQ/TW và Điều 5, tháng 5."
    assert [text[s:e] for s, e, _ in find_marks(text, _spec("chỉ thị 05"))] == ["Chỉ thị 05/CT-TTg"]
    # The number typed names one document: the Prime Minister's 05/CT-TTg is another.
    assert find_marks(text, _spec("05-CT/TW")) == []


def test_a_numbered_part_marks_the_number_beside_its_word():
    # Nghị định 32/2024: "Điều 5. Bầu hòa giải viên", and list items "5." and "tháng 6".
    marked = _marked(DECREE, "điều 5")
    assert "Điều 5" in marked
    assert all(m.lower() in ("điều", "điều 5") for m in marked)
    assert "Điều 5" in _marked(DECREE, "dieu 5")  # typed without diacritics


def test_a_plain_word_query_marks_its_words():
    marked = {m.lower() for m in _marked(DIRECTIVE, "học tập và làm theo")}
    assert {"học", "tập", "làm"} <= marked
    assert marked <= {"học", "tập", "làm"}  # "và", "theo" are stop words, as in the search


def test_words_and_number_together():
    marked = _marked(REPORT, "Chỉ thị 05 đối thoại")
    assert "đối" in marked and "thoại" in marked and "Chỉ thị 05" in marked
    assert "5" not in marked and "Chỉ" not in marked  # "Chỉ đạo" is not the directive


def test_search_snippets_mark_the_number_searched_not_its_digits(searcher):
    response = searcher.search("05-CT/TW")
    assert response.total > 3
    snippets = " ".join(r.snippet for r in response.results)
    marks = set(re.findall(r"<mark>(.*?)</mark>", snippets))
    assert marks and marks <= NAMES_OF_05
    directive = next(r for r in response.results if r.title.startswith("Chỉ thị 05-CT/TW"))
    assert "<mark>05-CT/TW</mark>" in directive.snippet


def test_search_page_and_api_mark_the_number(client):
    page = client.get("/", query_string={"q": "chỉ thị 05"}).get_data(as_text=True)
    marks = set(re.findall(r"<mark>(.*?)</mark>", page))
    assert marks and marks <= NAMES_OF_05
    body = client.get("/api/search", query_string={"q": "05/CT-TW"}).get_json()
    marks = set(re.findall(r"<mark>(.*?)</mark>", " ".join(r["snippet"] for r in body["results"])))
    assert marks <= NAMES_OF_05 and "5" not in marks


def test_a_snippet_of_a_docx_header_table_shows_no_empty_cells(shared_data, make_config):
    from kb.ingest.reading import read_document

    # A provincial report whose header is a table with an empty middle column.
    doc = read_document(shared_data / "gov-docs" / "BC-tinh-ket-qua-Chi-thi-38-TTg.docx",
                        make_config())
    assert "| |" in doc.text  # the extracted text keeps the table's columns
    # Words only its header holds: the header is the passage shown.
    snippet = make_snippet(doc.text, _spec("Lào Cai cộng hoà xã hội chủ nghĩa độc lập tự do"))
    assert "<mark>CỘNG</mark> <mark>HOÀ</mark>" in snippet, snippet
    assert not re.search(r"\|\s*\|", snippet), snippet
