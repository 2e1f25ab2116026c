"""What a page's title says of the query.

Given real pages of ../shared/data/party-docs: the Wikipedia page of the Central Inspection
Commission beside the page of its chairmen, whose longer title holds the same words, and pages
about Hồ Chí Minh's Tết of 1968 beside a crawled page that kept only its headline. When the query
names a page's whole subject, that page comes first; a page with nothing but its headline follows
the pages that tell the story, unless a lookup names its own number.
"""

from __future__ import annotations

DOCS = "party-docs/docs"
COMMISSION = "6cac198a20a903fd.md"  # Ủy ban Kiểm tra Trung ương Đảng Cộng sản Việt Nam
CHAIRMEN = "a57cb2947a983149.md"  # Chủ nhiệm Ủy ban Kiểm tra Trung ương Đảng Cộng sản Việt Nam
TET_1968 = "dde0aaa1efb3aac8.md"  # Bác Hồ với tết Mậu Thân năm ấy (a full article)
HEADLINE_ONLY = "76101dbf515935c2.md"  # "Bác Hồ với Tết Mậu Thân 1968" and nothing else
RESOLUTION_HEADLINE = "0cbb77093e442301.md"  # "Nghị quyết số 202/2025/QH15 …", headline only
OTHERS = ["1e4a70feff53bc7c.md", "b5766b5f7caa1268.md", "150c545237e4e3a2.md",
          "4e9c760605224c10.md", "3d44af2ac485eb6c.md"]


def _pages(shared_data, *names):
    return [shared_data / DOCS / n for n in (*names, *OTHERS)]


def test_a_query_naming_a_pages_whole_subject_brings_that_page_first(ranked_names, shared_data):
    names = ranked_names(_pages(shared_data, COMMISSION, CHAIRMEN), "Uỷ ban Kiểm tra Trung ương")
    assert names[:2] == [COMMISSION, CHAIRMEN]


def test_a_page_holding_only_its_headline_follows_the_page_that_tells_the_story(ranked_names,
                                                                                 shared_data):
    names = ranked_names(_pages(shared_data, TET_1968, HEADLINE_ONLY),
                         "Bác Hồ đón Tết Mậu Thân 1968 ở đâu")
    assert names.index(TET_1968) < names.index(HEADLINE_ONLY)


def test_a_lookup_by_number_still_finds_a_headline_only_page_first(ranked_names, shared_data):
    names = ranked_names(_pages(shared_data, RESOLUTION_HEADLINE), "NQ 202/2025/QH15")
    assert names[:1] == [RESOLUTION_HEADLINE]
