"""Hồ Chí Minh's sayings across the bundled corpus and the seed: merged, by sector, searched.

Given the session index of corpus/ plus the Báo Hải Phòng seed article, when the sayings stored
at ingestion are gathered, then each saying appears once with every document quoting it, sector
names match with or without diacritics, and the CLI, the page and the API agree on one shape.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from urllib.parse import quote_plus

import pytest
from click.testing import CliRunner

from kb.cli import cli
from kb.index.sayings_view import collect_sayings, copy_text, sector_counts
from kb.understand.sayings import saying_key

SAYING_KEYS = {"text", "sectors", "work", "year", "sources"}
SOURCE_KEYS = {"id", "name", "title"}
PHUNG_CONG = "Cán bộ tư pháp phải phụng công thủ pháp"
LUONG_Y = "Lương y phải như từ mẫu"


def find(data: dict, text: str) -> list[dict]:
    """The sayings of ``data`` whose key equals that of ``text`` (tone style and punctuation aside)."""
    return [s for s in data["sayings"] if saying_key(s["text"]) == saying_key(text)]


def source_files(saying: dict) -> set[str]:
    return {src["name"] for src in saying["sources"]}


@pytest.fixture(scope="module")
def everything(searcher) -> dict:
    return collect_sayings(searcher)


def test_seed_saying_is_in_sector_tu_phap_with_the_seed_as_source(searcher, seed_article):
    data = collect_sayings(searcher, sector="tư pháp")
    [saying] = find(data, PHUNG_CONG)
    assert "tư pháp" in saying["sectors"]
    assert seed_article.name in source_files(saying)


def test_a_saying_quoted_by_several_documents_is_listed_once_with_all_sources(everything):
    entries = find(everything, LUONG_Y + ".")
    assert len(entries) == 1
    files = source_files(entries[0])
    # The health-sector press article and the reference list by sector both quote it.
    assert {"nganh-y-te-hai-phong-luong-y-phai-nhu-tu-mau-2025.html",
            "loi-bac-day-theo-nganh-linh-vuc.md"} <= files
    assert entries[0]["work"] and "y tế" in entries[0]["work"]
    # No other entry is the same saying spelled differently.
    keys = [saying_key(s["text"]) for s in everything["sayings"]]
    assert len(keys) == len(set(keys))


def test_sayings_quoted_most_come_first(everything):
    counts = [len(s["sources"]) for s in everything["sayings"]]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] >= 3  # "Việc gì có lợi cho dân..." is quoted by three documents


@pytest.mark.parametrize("typed", ["y tế", "y te", "Y TẾ", " y  te "])
def test_sector_matches_with_or_without_diacritics(searcher, typed):
    data = collect_sayings(searcher, sector=typed)
    assert data == collect_sayings(searcher, sector="y tế")
    assert find(data, LUONG_Y)
    assert all("y tế" in s["sectors"] for s in data["sayings"])


def test_sector_filter_keeps_only_that_sector(searcher, everything):
    tu_phap = collect_sayings(searcher, sector="tu phap")
    assert 0 < tu_phap["total"] < everything["total"]
    assert not find(tu_phap, LUONG_Y)
    assert collect_sayings(searcher, sector="không có ngành này")["total"] == 0


@pytest.mark.parametrize("not_a_saying", ["làm theo", "Dân vận khéo",
                                          "Lấy sự hài lòng của người dân làm thước đo"])
def test_words_slogans_and_campaign_names_are_not_sayings(everything, not_a_saying):
    assert not find(everything, not_a_saying)


@pytest.mark.parametrize("query, expected_first", [
    ("phụng công thủ pháp", PHUNG_CONG),
    ("phung cong thu phap", PHUNG_CONG),
    ("luong y", LUONG_Y + "."),
    ("trồng người", "Vì lợi ích mười năm thì phải trồng cây, vì lợi ích trăm năm thì phải trồng người."),
])
def test_search_within_sayings_ranks_the_saying_itself_first(searcher, query, expected_first):
    data = collect_sayings(searcher, query=query)
    assert data["total"] >= 1
    assert saying_key(data["sayings"][0]["text"]) == saying_key(expected_first)


def test_search_ignores_tone_mark_style(searcher):
    # "khoẻ" (old style) finds "mạnh khỏe" (new style) and the reverse.
    old = collect_sayings(searcher, query="mạnh khoẻ")
    new = collect_sayings(searcher, query="mạnh khỏe")
    assert old == new and old["total"] >= 1


def test_search_and_sector_combine(searcher):
    data = collect_sayings(searcher, sector="y te", query="phụng công")
    assert data["total"] == 0
    data = collect_sayings(searcher, sector="tư pháp", query="phụng công")
    assert find(data, PHUNG_CONG)


def test_sector_counts_agree_with_the_filter(searcher):
    counts = sector_counts(searcher)
    assert counts["tư pháp"] == collect_sayings(searcher, sector="tư pháp")["total"]
    assert counts["y tế"] == collect_sayings(searcher, sector="y te")["total"]
    assert list(counts.values()) == sorted(counts.values(), reverse=True)


def test_copy_text_quotes_the_saying_and_cites_its_source(searcher, seed_article):
    [saying] = find(collect_sayings(searcher, query="phụng công thủ pháp"), PHUNG_CONG)
    title = saying["sources"][0]["title"]
    assert copy_text(saying) == f"“{PHUNG_CONG}” (Hồ Chí Minh; nguồn: {title})"
    [luong_y] = find(collect_sayings(searcher, query="lương y"), LUONG_Y)
    assert copy_text(luong_y).startswith(f"“{luong_y['text']}” (Hồ Chí Minh, {luong_y['work']}; nguồn: ")


# --- the CLI -------------------------------------------------------------------------------

def run(corpus_index, *args):
    return CliRunner().invoke(cli, ["--index", corpus_index["index"], "sayings", *args],
                              catch_exceptions=False)


def assert_shape(data: dict, paths: bool = False) -> None:
    assert set(data) == {"total", "sayings"}
    assert data["total"] == len(data["sayings"])
    for saying in data["sayings"]:
        assert set(saying) == SAYING_KEYS
        assert isinstance(saying["sectors"], list)
        assert saying["work"] is None or isinstance(saying["work"], str)
        assert saying["year"] is None or isinstance(saying["year"], str)
        for source in saying["sources"]:
            if not paths:  # readers see the file's name, not where it is on the server
                assert set(source) == SOURCE_KEYS
                continue
            assert set(source) == SOURCE_KEYS | {"path"}
            assert Path(source["path"]).is_absolute() and Path(source["path"]).exists()
            assert Path(source["path"]).name == source["name"]


def test_cli_json_shape_is_pinned(corpus_index, everything):
    result = run(corpus_index, "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert_shape(data, paths=True)  # the CLI is the server's operator: it shows where files are
    for saying in data["sayings"]:
        for source in saying["sources"]:
            del source["path"]
    assert data == everything


def test_cli_sector_with_and_without_diacritics_gives_the_same_list(corpus_index):
    with_marks = json.loads(run(corpus_index, "--sector", "y tế", "--json").output)
    without = json.loads(run(corpus_index, "--sector", "y te", "--json").output)
    assert with_marks == without and find(with_marks, LUONG_Y)


def test_cli_human_output_is_vietnamese(corpus_index, seed_article):
    result = run(corpus_index, "--sector", "tu phap", "phụng công thủ pháp")
    assert result.exit_code == 0
    assert "lời Bác dạy" in result.output
    assert f"“{PHUNG_CONG}”" in result.output
    assert "Ngành, lĩnh vực: tư pháp" in result.output
    assert f"({seed_article.resolve()})" in result.output or seed_article.name in result.output


def test_cli_unknown_sector_lists_the_known_ones(corpus_index):
    result = CliRunner().invoke(cli, ["--index", corpus_index["index"], "sayings", "--sector", "xyz"])
    assert result.exit_code != 0
    assert "Không có ngành, lĩnh vực «xyz»" in result.output and "tư pháp" in result.output


# --- the page and the API ------------------------------------------------------------------

def test_api_returns_the_cli_shape_without_server_paths(client, searcher):
    response = client.get("/api/sayings", query_string={"sector": "y te"})
    assert response.status_code == 200
    data = dict(response.json)
    assert (data.pop("page"), data.pop("pages")) == (1, 1) and data.pop("per_page") == 10
    assert_shape(data)
    assert data == collect_sayings(searcher, sector="y tế")
    searched = client.get("/api/sayings", query_string={"q": "phung cong thu phap"}).json
    assert saying_key(searched["sayings"][0]["text"]) == saying_key(PHUNG_CONG)


def test_page_lists_sectors_sayings_sources_and_copy_text(client, searcher):
    response = client.get("/sayings", query_string={"sector": "tu phap"})
    assert response.status_code == 200
    text = html.unescape(response.get_data(as_text=True))
    assert "Lời Bác dạy" in text and "Sao chép" in text
    [saying] = find(collect_sayings(searcher, sector="tư pháp"), PHUNG_CONG)
    assert copy_text(saying) in text
    for source in saying["sources"]:
        assert f'href="/documents/{source["id"]}"' in text
    # Facets: every sector with its count links to its own list.
    for name, count in sector_counts(searcher).items():
        assert f"({count})" in text and name in text
    assert "/sayings?sector=y+t" in text
    assert LUONG_Y not in text  # another sector's saying is not listed


def test_api_pages_through_every_saying_once(client, everything):
    """Given more sayings than fit a page, when the pages are read in turn, then each saying
    comes once, in the unpaged order, and a page past the end gives the last one."""
    assert everything["total"] >= 3
    seen = []
    for page in range(1, everything["total"] + 1):
        data = client.get("/api/sayings", query_string={"page": page, "per_page": 2}).json
        assert data["total"] == everything["total"] and data["per_page"] == 2
        assert data["pages"] == (everything["total"] + 1) // 2
        if page > data["pages"]:
            assert data["page"] == data["pages"]
            break
        assert data["page"] == page and 1 <= len(data["sayings"]) <= 2
        seen += data["sayings"]
    assert seen == everything["sayings"]
    odd = client.get("/api/sayings", query_string={"page": "abc", "per_page": "0"}).json
    assert (odd["page"], odd["per_page"]) == (1, 1)


def test_page_shows_one_page_with_links_to_the_others(client, searcher, everything):
    first, second = everything["sayings"][0]["text"], everything["sayings"][1]["text"]
    text = html.unescape(client.get("/sayings", query_string={"per_page": 1}).get_data(as_text=True))
    second_page = html.unescape(client.get("/sayings", query_string={"per_page": 1, "page": 2})
                                .get_data(as_text=True))
    assert f"“{second}”" in second_page and f"“{first}”" not in second_page
    assert 'rel="prev"' in second_page and 'start="2"' in second_page
    assert f"“{first}”" in text and f"“{second}”" not in text
    assert f"{everything['total']} lời Bác dạy" in text  # the count is of all, not of the page
    assert 'aria-label="Phân trang"' in text and 'rel="next"' in text and "Trang sau" in text
    assert "per_page=1&page=2" in text  # the links keep the page size (and the filters)
    sector = next(name for name, n in sector_counts(searcher).items() if n >= 2)
    text = html.unescape(client.get("/sayings", query_string={"per_page": 1, "sector": sector})
                         .get_data(as_text=True))
    assert f"sector={quote_plus(sector)}&per_page=1&page=2" in text


def test_page_search_box_and_no_inline_script(client):
    response = client.get("/sayings", query_string={"q": "lương y"})
    text = response.get_data(as_text=True)
    assert 'value="lương y"' in text
    assert LUONG_Y in text and PHUNG_CONG not in text
    assert "<script>" not in text and 'src="/static/sayings.js"' in text
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    script = client.get("/static/sayings.js")
    script.close()  # a file response keeps its file open until closed
    assert script.status_code == 200


def test_nav_link_to_the_sayings_page(client):
    assert 'href="/sayings">Lời Bác dạy</a>' in client.get("/").get_data(as_text=True)


def test_the_list_follows_new_documents(make_config, tmp_path):
    """Given a cached list, when a document quoting a new saying is ingested, then it is listed."""
    from kb.index.search import Searcher
    from kb.ingest.pipeline import ingest

    config = make_config()
    first = tmp_path / "bai-1.txt"
    first.write_text("Sinh thời, Bác Hồ dạy: “Lương y phải như từ mẫu”. Ngành y tế thành phố "
                     "luôn ghi nhớ lời dạy ấy.\n", encoding="utf-8")
    assert ingest([first], config).ok
    with Searcher(config) as searcher:
        before = collect_sayings(searcher)
        assert [s["text"] for s in before["sayings"]] == ["Lương y phải như từ mẫu"]
        before["sayings"][0]["sources"].clear()  # callers may change what they got
        second = tmp_path / "bai-2.txt"
        second.write_text("Bác Hồ căn dặn: “Cán bộ tư pháp phải phụng công thủ pháp, chí công "
                          "vô tư”. Chi bộ Sở Tư pháp học tập và làm theo.\n", encoding="utf-8")
        assert ingest([second], config).ok
        searcher.refresh()
        after = collect_sayings(searcher)
    assert after["total"] == 2
    assert find(after, "Cán bộ tư pháp phải phụng công thủ pháp, chí công vô tư")[0]["sectors"][0] == "tư pháp"
    assert source_files(find(after, LUONG_Y)[0]) == {"bai-1.txt"}
