"""Facets over the matched documents, the filters they turn into, and the date inputs of the form.

Given the session index of the bundled corpus (Party and state documents, cell minutes, press
articles) plus the seed article, when a query is run with facets, then the counts describe the
whole matched set and each facet value, used as a filter, narrows the results to exactly it.
"""

from __future__ import annotations

import html
import re
from collections import Counter

import pytest

from kb.index.facets import FACET_FILTERS, filter_value


def _all_results(searcher, query):
    """Every result of ``query`` (paging through), as (response of page 1, results)."""
    first = searcher.search(query, limit=100, facets=True, snippets=False)
    results = list(first.results)
    page = 2
    while len(results) < first.total:
        more = searcher.search(query, limit=100, page=page, snippets=False).results
        assert more
        results += more
        page += 1
    return first, results


@pytest.mark.parametrize("query", ["chỉ thị 05", "hội nghị", "chi bo", "đảng viên"])
def test_kind_facet_counts_equal_the_results_by_kind(searcher, query):
    response, results = _all_results(searcher, query)
    assert response.total > 5
    by_kind = Counter(r.kind for r in results if r.kind)
    assert {f["value"]: f["count"] for f in response.facets["kind"]} == dict(by_kind)


def test_year_and_issuer_facets_describe_the_matched_documents(searcher):
    response, results = _all_results(searcher, "chỉ thị 05")
    years = Counter((r.date or "")[:4] for r in results if r.date)
    assert {f["value"]: f["count"] for f in response.facets["year"]} == dict(years)
    issuers = Counter(searcher.document(r.id).get("issuer") for r in results)
    issuers.pop("", None)
    for facet in response.facets["issuer"]:
        assert issuers[facet["value"]] == facet["count"]


@pytest.mark.parametrize("facet", ["kind", "year", "issuer", "unit"])
def test_a_facet_value_used_as_filter_narrows_to_its_count(searcher, facet):
    response = searcher.search("hội nghị", facets=True)
    value = response.facets[facet][0]
    narrowed, results = _all_results(
        searcher, f"hội nghị {FACET_FILTERS[facet]}:{filter_value(value['value'])}")
    assert 0 < narrowed.total == value["count"] < response.total
    field = {"kind": "kind", "year": "year", "issuer": "issuer", "unit": "unit"}[facet]
    for r in results:
        stored = searcher.document(r.id)
        shown = stored.get(field) if field != "unit" else stored["meta"]["minutes"]["unit"]
        assert shown == value["value"]


def test_issuer_filter_ignores_accents_case_and_dashes(searcher):
    typed = searcher.search('issuer:"Chi bộ phòng tư pháp"', snippets=False)
    folded = searcher.search("issuer:chi-bo-phong-tu-phap", snippets=False)
    assert typed.total == folded.total == 9
    assert {r.id for r in typed.results} == {r.id for r in folded.results}


def test_issuer_filter_by_part_of_the_name_takes_every_issuer_containing_it(searcher):
    response = searcher.search("issuer:le-loi", facets=True, snippets=False)
    issuers = {f["value"] for f in response.facets["issuer"]}
    assert issuers == {"Đảng ủy phường Lê Lợi", "Ủy ban nhân dân phường Lê Lợi"}


def test_unknown_issuer_finds_nothing(searcher):
    assert searcher.search("chỉ thị issuer:bo-ngoai-giao").total == 0


def test_sector_filter_keeps_documents_with_sayings_of_that_sector(searcher):
    response = searcher.search("Bác sector:y-tế", facets=True, snippets=False)
    assert response.total >= 1
    assert any(f["value"] == "y tế" for f in response.facets["sectors"])
    for r in response.results:
        sectors = {s for saying in searcher.document(r.id)["meta"].get("sayings", [])
                   for s in saying.get("sectors", [])}
        assert "y tế" in sectors


def test_facets_only_when_asked(searcher):
    assert searcher.search("chỉ thị 05").facets == {}


def _count(page: str) -> int:
    return int(re.search(r"Tìm thấy <strong>([\d.]+)</strong>", page).group(1).replace(".", ""))


def test_facet_link_on_the_page_adds_the_filter_and_narrows(client):
    page = client.get("/?q=hội nghị").get_data(as_text=True)
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="facet-count">(\d+)', page)
    assert links and "Loại văn bản" in page and "Cơ quan ban hành" in page
    href, label, count = links[0]
    narrowed = client.get(html.unescape(href)).get_data(as_text=True)
    assert "kind:" in html.unescape(href)
    assert _count(narrowed) == int(count) < _count(page)


def test_date_inputs_restrict_the_results_and_stay_filled(client):
    everything = client.get("/?q=chỉ thị 05").get_data(as_text=True)
    recent = client.get("/?q=chỉ thị 05&from=2021-01-01&to=2021-12-31").get_data(as_text=True)
    assert 0 < _count(recent) < _count(everything)
    assert 'value="2021-01-01"' in recent and 'value="chỉ thị 05"' in recent
    years = re.findall(r'facet-year.*?</section>', recent, re.S)[0]
    assert re.findall(r">(\d{4})</a>", years) == ["2021"]


def test_api_search_carries_facets(client):
    body = client.get("/api/search?q=chi bo&facets=1").get_json()
    assert client.get("/api/search?q=chi bo").get_json()["facets"] == {}
    kinds = {f["value"]: f["count"] for f in body["facets"]["kind"]}
    assert kinds["Biên bản"] >= 9 and body["suggestion"] is None


@pytest.mark.parametrize("typed", ["term:XII", "term:12", "khoa:xii"])
def test_term_filter_reads_roman_and_arabic_numbers(searcher, typed):
    response = searcher.search(f"nghị quyết {typed}", limit=50, snippets=False)
    assert response.total > 0
    assert any("04-NQ/TW" in r.title for r in response.results)
    for r in response.results:
        assert searcher.document(r.id).get("term") == "XII"
