"""Suggestions as one types: numbers by prefix however typed, titles by folded word runs, the API.

Given the bundled corpus and the seed article indexed once per session (conftest), when a user
types the start of a document number or a few words of a title, then the right documents are
offered first; odd input gives an empty list, never an error.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.index.search import Searcher
from kb.index.suggest import suggest
from kb.ingest.pipeline import ingest
from web_support import close, make_app

SUGGESTION_KEYS = {"label", "query", "id"}

# Typed (any case, accents or not, leading zeros or not) → the number offered first.
NUMBERS = [
    ("05-", "05-CT/TW"),
    ("05-CT/TW", "05-CT/TW"),
    ("5-ct", "05-CT/TW"),
    ("05 ct tw", "05-CT/TW"),
    ("số 05-CT", "05-CT/TW"),
    ("8-QDI", "08-QĐi/TW"),
    ("08-qđi/tw", "08-QĐi/TW"),
    ("1-kl", "01-KL/TW"),
    ("32/2024", "32/2024/NĐ-CP"),
    ("32/2024/nd-cp", "32/2024/NĐ-CP"),
    ("123/qd", "123/QĐ-UBND"),
    ("07/ct-ttg", "07/CT-TTg"),
    ("245-bc", "245-BC/TU"),
]

# Typed words of a title (folded or not) → a word of the title offered first.
TITLES = [
    ("chi thi 05", "Chỉ thị 05-CT/TW về đẩy mạnh học tập"),
    ("CHỈ THỊ 5", "Chỉ thị 05-CT/TW về đẩy mạnh học tập"),
    ("lương y", "Lương y phải như từ mẫu"),
    ("luong y phai", "Lương y phải như từ mẫu"),
    ("hoa giai o co", "Luật Hòa giải ở cơ sở"),
    ("nêu gươ", "trách nhiệm nêu gương"),
]

ODD = ["", "   ", "\x00", "\x00\x00 \x00", "😀", "🇻🇳🇻🇳", "a" * 2000, "05-" * 700, "%%%", "<>", "\u200b"]


@pytest.mark.parametrize("typed, number", NUMBERS)
def test_numbers_by_prefix_however_typed(searcher, typed, number):
    found = suggest(searcher, typed)
    assert found, typed
    assert found[0]["query"] == number
    assert found[0]["label"].startswith(number + " · ")
    assert searcher.document(found[0]["id"])["meta"]["number"] == number


def test_a_number_being_typed_offers_only_numbers(searcher):
    # "05-" must not bring "… tháng 5 năm 2024" minutes up under the directive.
    found = suggest(searcher, "05-")
    assert [s["query"] for s in found] == ["05-CT/TW"]


def test_a_short_prefix_offers_every_number_starting_with_it(searcher):
    queries = [s["query"] for s in suggest(searcher, "32")]
    assert set(queries) == {"32-CT/TU", "32/2024/NĐ-CP"}
    assert not any(s["query"].startswith("321") for s in suggest(searcher, "32"))


def test_a_number_missing_from_the_index_is_not_offered(searcher):
    # No document of the corpus is numbered 383-QĐ/TW; 38-BC/ĐU shares digits but not the prefix.
    assert suggest(searcher, "383-qd") == []
    assert [s["query"] for s in suggest(searcher, "38-")] == ["38-BC/ĐU"]


@pytest.mark.parametrize("typed, words", TITLES)
def test_titles_by_folded_word_runs(searcher, typed, words):
    found = suggest(searcher, typed)
    assert found, typed
    assert words in found[0]["query"]
    assert searcher.document(found[0]["id"])["title"] == found[0]["query"]


def test_the_directive_comes_before_titles_that_only_mention_it(searcher):
    found = suggest(searcher, "chi thi 05")
    titles = [s["query"] for s in found]
    assert titles[0].startswith("Chỉ thị 05-CT/TW")
    # Reports on the directive are offered too, after it.
    assert any(t.startswith("Báo cáo") and "Chỉ thị 05" in t for t in titles[1:])


def test_words_must_follow_each_other(searcher):
    # "Biên bản Sinh hoạt chi bộ chuyên đề": the words are there but not in a row.
    assert suggest(searcher, "bien ban chuyen de") == []
    assert suggest(searcher, "chi bo chuyen de")


def test_limit_and_no_repeats(searcher):
    many = suggest(searcher, "bien ban")
    assert len(many) == 8
    assert len({s["query"] for s in many}) == len(many)
    assert len({s["id"] for s in many}) == len(many)
    assert len(suggest(searcher, "bien ban", limit=3)) == 3
    assert suggest(searcher, "bien ban", limit=0) == []


def test_untitled_kind_names_carry_their_number(make_config, tmp_path):
    # Plans whose title is only "KẾ HOẠCH" are told apart by their numbers.
    config = make_config()
    for number in ("09-KH/ĐU", "10-KH/ĐU"):
        (tmp_path / f"ke-hoach-{number[:2]}.md").write_text(
            f"ĐẢNG BỘ PHƯỜNG LÊ LỢI\nĐẢNG ỦY\n*\nSố {number}\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
            "# KẾ HOẠCH\n\nThực hiện chương trình công tác năm, Đảng ủy xây dựng kế hoạch.\n",
            encoding="utf-8")
    assert ingest([tmp_path / "ke-hoach-09.md", tmp_path / "ke-hoach-10.md"], config).ok
    with Searcher(config) as s:
        offered = sorted((x["label"], x["query"]) for x in suggest(s, "ke hoach", limit=20))
    # chosen, each searches its own number
    assert offered == [("09-KH/ĐU · Kế hoạch", "09-KH/ĐU"), ("10-KH/ĐU · Kế hoạch", "10-KH/ĐU")]


@pytest.mark.parametrize("typed", ODD)
def test_odd_input_gives_nothing(searcher, typed):
    assert suggest(searcher, typed) == []


def test_the_list_follows_new_documents(make_config, tmp_path):
    config = make_config()
    first = tmp_path / "chi-thi-1.txt"
    first.write_text("Số 11-CT/TU\nCHỈ THỊ\nvề tăng cường công tác dân vận\n\nNội dung chỉ thị.\n",
                     encoding="utf-8")
    assert ingest([first], config).ok
    with Searcher(config) as s:
        assert [x["query"] for x in suggest(s, "11-ct")] == ["11-CT/TU"]
        assert suggest(s, "12-ct") == []
        second = tmp_path / "chi-thi-2.txt"
        second.write_text("Số 12-CT/TU\nCHỈ THỊ\nvề công tác phòng chống thiên tai\n\nNội dung.\n",
                          encoding="utf-8")
        assert ingest([second], config).ok
        s.refresh()
        assert [x["query"] for x in suggest(s, "12-ct")] == ["12-CT/TU"]
        assert [x["query"] for x in suggest(s, "1")] == ["11-CT/TU", "12-CT/TU"]


# --- the API and the page ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def client(corpus_index):
    app = make_app(Path(corpus_index["index"]))
    yield app.test_client()
    close(app)


def test_api_shape(client):
    response = client.get("/api/suggest", query_string={"q": "5-CT"})
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert list(body) == ["query", "suggestions"]
    assert body["query"] == "5-CT"
    assert body["suggestions"][0]["query"] == "05-CT/TW"
    assert all(set(s) == SUGGESTION_KEYS for s in body["suggestions"])
    # Vietnamese stays readable in the JSON.
    assert "Chỉ thị" in response.get_data(as_text=True)


@pytest.mark.parametrize("typed", ODD + [None])
def test_api_odd_input_is_an_empty_list(client, typed):
    response = client.get("/api/suggest", query_string={} if typed is None else {"q": typed})
    assert response.status_code == 200
    assert response.get_json() == {"query": typed or "", "suggestions": []}


def test_page_offers_the_datalist_and_its_script(client):
    page = client.get("/").get_data(as_text=True)
    assert 'list="goi-y"' in page
    assert '<datalist id="goi-y" data-url="/api/suggest">' in page
    assert '<script src="/static/suggest.js" defer></script>' in page
    script = client.get("/static/suggest.js")
    text = script.get_data(as_text=True)
    script.close()
    assert script.status_code == 200
    # The script reads the API address from the page and fills that datalist.
    assert 'getElementById("goi-y")' in text and 'getAttribute("data-url")' in text
