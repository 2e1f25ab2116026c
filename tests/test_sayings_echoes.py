"""His words quoted without attribution, recognised from what the index knows (kb.understand.echoes).

Given a page that quotes "Không có gì quý hơn độc lập, tự do" as the spirit of a war, without
saying whose words they are, when the index also holds a record declaring them his (or his own
text, or two other pages attributing them to him), then the sayings view lists the page among the
saying's sources; a slogan, or words only one other page gives him, is not taken.
"""

from __future__ import annotations

import json

import pytest

from conftest import index_texts
from kb.index.search import Searcher
from kb.index.sayings_view import collect_sayings
from kb.understand.echoes import KnownSayings, echoed_sayings, own_sentences, quote_candidates
from kb.understand.sayings import saying_key

INDEPENDENCE = "Không có gì quý hơn độc lập, tự do"
# A history page: the maxim and the 1969 poem line as the spirit of the war, nobody named.
WAR_PAGE = ("Từ năm 1965, khi đế quốc Mỹ tiến hành chiến tranh phá hoại miền Bắc, cả nước ta tiến hành "
            "cuộc kháng chiến chống Mỹ, cứu nước. Với tinh thần \"Không có gì quý hơn độc lập tự do!\", "
            "\"đánh cho Mỹ cút, đánh cho ngụy nhào\", nhân dân ta đã vượt qua mọi khó khăn, gian khổ. "
            "Khẩu hiệu \"Toàn thắng ắt về ta\" vang khắp nơi.\n")


def candidates(text: str) -> list[dict]:
    return quote_candidates(text, [])


def test_a_quotation_of_a_declared_saying_is_his():
    known = KnownSayings()
    known.add(INDEPENDENCE, "record-1", trusted=True)
    [echo] = echoed_sayings(candidates(WAR_PAGE), known, "war-page")
    assert saying_key(echo["text"]) == saying_key("Không có gì quý hơn độc lập tự do")
    assert echo["echo_of"] == INDEPENDENCE


def test_a_slogan_of_a_few_words_is_no_candidate():
    assert "Toàn thắng ắt về ta" not in [c["text"] for c in candidates(WAR_PAGE)]


def test_words_one_other_page_gives_him_are_not_trusted_two_pages_are():
    poem = "đánh cho Mỹ cút, đánh cho ngụy nhào"
    known = KnownSayings()
    known.add(poem, "page-a")
    assert echoed_sayings(candidates(WAR_PAGE), known, "war-page") == []
    known.add(poem, "page-a")  # a copy of the same page counts once
    assert echoed_sayings(candidates(WAR_PAGE), known, "war-page") == []
    known.add(poem, "page-b")
    assert [e["text"] for e in echoed_sayings(candidates(WAR_PAGE), known, "war-page")] == [poem]


def test_the_page_itself_does_not_vouch_for_its_own_words():
    poem = "đánh cho Mỹ cút, đánh cho ngụy nhào"
    known = KnownSayings()
    known.add(poem, "war-page")
    known.add(poem, "page-a")
    assert echoed_sayings(candidates(WAR_PAGE), known, "war-page") == []


def test_his_own_text_vouches_for_its_sentences_not_for_what_it_quotes():
    declaration = ("\"Tất cả mọi người đều sinh ra có quyền bình đẳng. Tạo hóa cho họ những quyền không ai "
                   "có thể xâm phạm được\". Lời bất hủ ấy ở trong bản Tuyên ngôn Độc lập năm 1776 của nước "
                   "Mỹ.\nNước Việt Nam có quyền hưởng tự do và độc lập, và sự thật đã thành một nước tự do "
                   "độc lập.\n")
    sentences = own_sentences(declaration)
    assert any(s.startswith("Nước Việt Nam có quyền hưởng tự do") for s in sentences)
    assert not any("Tạo hóa" in s for s in sentences)


def test_a_quotation_already_among_the_sayings_is_no_candidate():
    text = "Bác dạy: \"Không có gì quý hơn độc lập, tự do\". Tinh thần \"không có gì quý hơn độc lập, tự do\" ấy."
    assert candidates(text) and quote_candidates(text, [{"text": INDEPENDENCE}]) == []


@pytest.fixture(scope="module")
def echo_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("echoes")
    record = {"id": "q1", "vi": INDEPENDENCE + ".", "author": "Hồ Chí Minh"}
    config = index_texts(root, {"danh-ngon.jsonl": json.dumps(record, ensure_ascii=False) + "\n",
                                "khang-chien-chong-my.md": "# Kháng chiến chống Mỹ\n\n" + WAR_PAGE})
    with Searcher(config) as searcher:
        yield collect_sayings(searcher)


def test_the_sayings_view_lists_the_page_that_quotes_a_declared_saying(echo_index):
    entries = [s for s in echo_index["sayings"] if saying_key(s["text"]) == saying_key(INDEPENDENCE)]
    assert len(entries) == 1
    names = {src["name"] for src in entries[0]["sources"]}
    assert "khang-chien-chong-my.md" in names and len(names) == 2
    # The poem line no trusted source gives him stays out.
    assert not any("ngụy nhào" in s["text"] for s in echo_index["sayings"])
