""""Did you mean" on real Vietnamese queries.

Given the session index of the bundled corpus plus the seed article, when a query holds a
syllable that no document has (neither as typed nor without diacritics), then the search
offers the query with that syllable replaced by the nearest index syllable that fits its
neighbours; queries typed without diacritics, or fully found, get no suggestion.
"""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("query, expected", [
    ("nghi quyeet", "nghi quyet"),
    ("nghị quyêết trung ương", "nghị quyết trung ương"),
    ("Nghi quyet truung uong", "Nghi quyet trung uong"),
    ("cải cáck hành chính", "cải cách hành chính"),
    ("phụng cônh thủ pháp", "phụng công thủ pháp"),
    ("chuyen doi soo", "chuyen doi so"),
])
def test_misspelled_syllable_gets_a_correction(searcher, query, expected):
    response = searcher.search(query)
    assert response.suggestion == expected
    assert searcher.search(expected).total >= 1


@pytest.mark.parametrize("query", [
    "phung cong thu phap",    # without diacritics: matched folded, not a typo
    "chỉ thi 05",             # a missing mark is not a typo either
    "network security",       # no Vietnamese syllable is near: never an English "correction"
    "hoc tap lam theo bac xyzq",  # one word cannot be fixed: no half-corrected query
    "văn bản CQ",             # an unknown abbreviation is not "corrected" ("Co")
])
def test_no_suggestion_when_nothing_is_misspelled_or_fixable(searcher, query):
    assert searcher.search(query).suggestion is None


def test_correction_keeps_filters_and_finds_more(searcher):
    typo = searcher.search("nghi quyeet year:2016")
    assert typo.suggestion == "nghi quyet year:2016"
    fixed = searcher.search(typo.suggestion)
    assert not fixed.relaxed and fixed.total >= 1


def test_page_offers_the_correction_as_a_link(client):
    page = client.get("/?q=cải cáck hành chính").get_data(as_text=True)
    m = re.search(r'Có phải bạn muốn tìm: <a href="([^"]+)">([^<]+)</a>', page)
    assert m and m.group(2) == "cải cách hành chính"
    assert "Có phải bạn muốn tìm" not in client.get("/?q=cải cách hành chính").get_data(as_text=True)
