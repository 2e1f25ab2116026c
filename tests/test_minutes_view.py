"""Views over Party cell minutes: cells, a cell's meetings by date, search within minutes.

Given the bundled corpus (corpus/bien-ban: three cells, nine meetings each, whose dates, types and
attendance are read from the files below) ingested once per session, when a secretary lists the
cells, opens one cell's timeline or asks when a thematic session on Chỉ thị 05 was last held,
then the library, ``kb minutes``, the /minutes page and /api/minutes answer alike.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import cli
from kb.index import minutes_view
from kb.index.minutes_view import attendance_label, list_units, unit_matches, unit_timeline
from web_support import close, doc_id, make_app

KDC3 = "Chi bộ Khu dân cư số 3"
#: (cell, file prefix, first meeting, last meeting), as written in the opening lines of the files.
CELLS = [
    (KDC3, "bien-ban-chi-bo-khu-dan-cu-3", "2024-01-05", "2024-12-04"),
    ("Chi bộ Phòng Tư pháp", "bien-ban-chi-bo-phong-tu-phap", "2023-01-09", "2023-12-11"),
    ("Chi bộ Trường THCS Chu Văn An", "bien-ban-chi-bo-thcs-chu-van-an", "2024-01-08", "2024-12-16"),
]
#: The two thematic sessions of Khu dân cư số 3 on Chỉ thị 05 ("Chuyên đề: … Chỉ thị 05 …").
THEMATIC_05 = [("2024-09-05", "corpus/bien-ban/bien-ban-chi-bo-khu-dan-cu-3-2024-09.md"),
               ("2024-03-05", "corpus/bien-ban/bien-ban-chi-bo-khu-dan-cu-3-2024-03.md")]
MEETING_KEYS = {"id", "name", "title", "unit", "date", "time", "meeting_type", "place", "subject",
                "topics", "conclusions", "resolutions", "attendance", "chair", "secretary"}
ATTENDANCE_KEYS = {"present", "total", "absent", "absent_reasons"}


def cell_files(prefix: str) -> list[Path]:
    root = Path(__file__).resolve().parent.parent / "corpus" / "bien-ban"
    return sorted(root.glob(prefix + "-*"))


# -- the cells --------------------------------------------------------------------------------

def test_three_cells_with_nine_meetings_and_their_date_range(searcher):
    units = list_units(searcher)
    assert [u["unit"] for u in units] == sorted(c[0] for c in CELLS)
    by_name = {u["unit"]: u for u in units}
    for name, prefix, first, last in CELLS:
        assert by_name[name] == {"unit": name, "meetings": len(cell_files(prefix)), "first": first,
                                 "last": last}
        assert by_name[name]["meetings"] == 9


# -- one cell's timeline ------------------------------------------------------------------------

@pytest.mark.parametrize("name,prefix", [(c[0], c[1]) for c in CELLS])
def test_timeline_has_every_meeting_of_the_cell_newest_first(searcher, name, prefix):
    data = unit_timeline(searcher, unit=name)
    files = cell_files(prefix)
    assert data["total"] == len(files) == len(data["meetings"])
    assert {m["id"] for m in data["meetings"]} == {doc_id(f"corpus/bien-ban/{f.name}") for f in files}
    dates = [m["date"] for m in data["meetings"]]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) == len(dates)
    for m in data["meetings"]:
        assert m["unit"] == name
        # The month of each meeting is the one its file is named after (…-2024-03.md).
        assert Path(m["name"]).stem.endswith(m["date"][:7])
        assert m["meeting_type"] in ("thường kỳ", "chuyên đề")
        assert m["topics"] and m["conclusions"]
    assert data["units"] == [name]


@pytest.mark.parametrize("typed", ["Khu dân cư số 3", "khu dan cu so 3", "Khu dan cu so 3",
                                   "KHU DÂN CƯ SỐ 3", "chi bo khu dan cu so 3", "  Khu  dân cư số 3 "])
def test_unit_is_matched_without_diacritics_case_or_prefix(searcher, typed):
    data = unit_timeline(searcher, unit=typed)
    assert data["total"] == 9 and {m["unit"] for m in data["meetings"]} == {KDC3}


@pytest.mark.parametrize("typed", ["khu dân cư số 30", "so 4", "Chi bộ Phòng Văn hoá"])
def test_unknown_unit_gives_no_meetings(searcher, typed):
    data = unit_timeline(searcher, unit=typed)
    assert data["total"] == 0 and data["meetings"] == [] and data["units"] == []


def test_unit_matching_is_on_whole_words():
    assert unit_matches(KDC3, "số 3") and unit_matches(KDC3, "dan cu")
    assert not unit_matches("Chi bộ Khu dân cư số 30", "số 3")
    assert not unit_matches(KDC3, "") and not unit_matches(None, "số 3")


def test_attendance_reads_as_present_over_total(searcher):
    march = next(m for m in unit_timeline(searcher, unit="khu dan cu so 3")["meetings"]
                 if m["date"] == "2024-03-05")
    # "Tổng số đảng viên: 15; có mặt: 13; vắng: 2 (đồng chí Đinh Văn Khoa ốm, …)"
    assert attendance_label(march["attendance"]) == "13/15 có mặt"
    assert march["attendance"]["absent"] == 2
    assert march["attendance"]["absent_reasons"][0] == "đồng chí Đinh Văn Khoa ốm"
    assert march["chair"] == "Trần Văn Bình" and march["secretary"] == "Phạm Thị Lan"
    assert attendance_label({"present": 7, "total": None}) == "7 có mặt"
    assert attendance_label(None) == ""


# -- search within minutes --------------------------------------------------------------------

def test_last_thematic_session_on_chi_thi_05_comes_first(searcher):
    data = unit_timeline(searcher, unit="Khu dân cư số 3", query="chuyên đề chỉ thị 05")
    assert not data["relaxed"]
    assert [(m["date"], m["id"]) for m in data["meetings"]] == \
        [(date, doc_id(path)) for date, path in THEMATIC_05]
    for m in data["meetings"]:
        assert m["meeting_type"] == "chuyên đề"
        assert "Chỉ thị 05" in m["subject"]
        assert "<mark>" in m["snippet"]
    # The December meeting also names Chỉ thị 05, but it was a regular one, not thematic.
    assert "2024-12-04" not in [m["date"] for m in data["meetings"]]


def test_query_without_diacritics_finds_the_same_thematic_sessions(searcher):
    data = unit_timeline(searcher, unit="khu dan cu so 3", query="chuyen de chi thi 05")
    dates = [m["date"] for m in data["meetings"]]
    assert {d for d, _ in THEMATIC_05} <= set(dates)
    assert dates == sorted(dates, reverse=True) and dates[0] == THEMATIC_05[0][0]


def test_query_across_cells_keeps_to_minutes(searcher):
    data = unit_timeline(searcher, query="chuyên đề chỉ thị 05")
    assert data["total"] >= 3 and set(data["units"]) <= {c[0] for c in CELLS}
    assert len(data["units"]) >= 2
    assert all(m["name"].startswith("bien-ban-") for m in data["meetings"])
    dates = [m["date"] for m in data["meetings"]]
    assert dates == sorted(dates, reverse=True)
    # Chỉ thị 05 itself (corpus/dang) matches the words but is not minutes.
    assert doc_id("corpus/dang/chi-thi-05-ct-tw-2016.txt") not in {m["id"] for m in data["meetings"]}


def test_unit_is_kept_when_the_query_language_has_no_unit_filter(searcher, monkeypatch):
    monkeypatch.setattr(minutes_view, "FILTERS", {})
    data = unit_timeline(searcher, unit="Khu dan cu so 3", query="chuyên đề chỉ thị 05")
    assert [m["date"] for m in data["meetings"]] == [d for d, _ in THEMATIC_05]


def test_json_shape_is_pinned(searcher):
    plain = unit_timeline(searcher, unit="Phòng Tư pháp")
    assert list(plain) == ["total", "unit", "query", "relaxed", "units", "meetings"]
    assert all(set(m) == MEETING_KEYS for m in plain["meetings"])
    assert all(set(m["attendance"]) == ATTENDANCE_KEYS for m in plain["meetings"])
    searched = unit_timeline(searcher, unit="Phòng Tư pháp", query="hoà giải")
    assert searched["total"] >= 1 and searched["query"] == "hoà giải"
    assert all(set(m) == MEETING_KEYS | {"snippet"} for m in searched["meetings"])
    json.dumps(plain, ensure_ascii=False)  # plain data only


# -- kb minutes -------------------------------------------------------------------------------

def run(corpus_index, *args):
    return CliRunner().invoke(cli, ["--index", corpus_index["index"], "minutes", *args],
                              catch_exceptions=False)


def test_cli_lists_cells_with_counts_and_dates(corpus_index):
    result = run(corpus_index)
    assert result.exit_code == 0
    assert "3 chi bộ có biên bản" in result.output
    assert f"{KDC3}: 9 cuộc họp, từ 05/01/2024 đến 04/12/2024" in result.output
    units = json.loads(run(corpus_index, "--json").output)["units"]
    assert [u["meetings"] for u in units] == [9, 9, 9]


def test_cli_answers_when_the_last_thematic_session_was(corpus_index, searcher):
    result = run(corpus_index, "--unit", "Khu dân cư số 3", "chuyên đề chỉ thị 05")
    assert result.exit_code == 0
    out = result.output
    assert out.startswith("2 cuộc họp")
    assert out.index("05/09/2024 · 14:00 · chuyên đề · 14/15 có mặt") < out.index("05/03/2024")
    assert "Chuyên đề: Phòng, chống tham nhũng" in out
    data = json.loads(run(corpus_index, "--unit", "Khu dân cư số 3", "chuyên đề chỉ thị 05",
                          "--json").output)
    assert data == unit_timeline(searcher, unit="Khu dân cư số 3", query="chuyên đề chỉ thị 05",
                                 paths=True)


def test_cli_says_when_nothing_is_found(corpus_index):
    result = run(corpus_index, "--unit", "khu dân cư số 30")
    assert result.exit_code == 0
    assert "Không tìm thấy biên bản nào của chi bộ «khu dân cư số 30»." in result.output


# -- the web page and the API -----------------------------------------------------------------

@pytest.fixture(scope="module")
def client(corpus_index):
    app = make_app(Path(corpus_index["index"]))
    yield app.test_client()
    close(app)


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    assert response.content_type == "text/html; charset=utf-8"
    return response.get_data(as_text=True)


def test_page_lists_cells_with_links_counts_and_dates(client):
    text = page(client, "/minutes")
    rows = re.findall(r'<a class="unit" href="([^"]+)">([^<]+)</a></td>\s*<td class="n">(\d+)</td>'
                      r'\s*<td>([^<]*)</td>\s*<td>([^<]*)</td>', text)
    assert [(html.unescape(r[1]), r[2], r[3], r[4]) for r in rows] == \
        [(name, "9", "/".join(reversed(first.split("-"))), "/".join(reversed(last.split("-"))))
         for name, _, first, last in sorted(CELLS)]
    # Following a cell's link opens its timeline.
    timeline = page(client, html.unescape(rows[0][0]))
    assert len(re.findall(r'<li class="meeting">', timeline)) == 9


def test_page_timeline_shows_dates_types_attendance_and_links(client):
    text = page(client, "/minutes?unit=khu+dan+cu+so+3")
    headings = re.findall(r'<h2><a href="/documents/([0-9a-f]+)">(\d\d/\d\d/\d{4})', text)
    assert len(headings) == 9
    iso = ["-".join(reversed(d.split("/"))) for _, d in headings]
    assert iso == sorted(iso, reverse=True)
    march = doc_id(THEMATIC_05[1][1])
    block = text[text.index(f'/documents/{march}'):]
    block = block[:block.index("</li>\n")]
    assert "05/03/2024" in block and '<span class="type">chuyên đề</span>' in block
    assert "13/15 có mặt" in block and "Kết luận" in block
    assert "Biên bản chi bộ" in text  # the footer link


def test_page_search_keeps_the_query_and_the_unit(client):
    text = page(client, "/minutes?unit=Khu+d%C3%A2n+c%C6%B0+s%E1%BB%91+3&q=chuy%C3%AAn+%C4%91%E1%BB%81"
                        "+ch%E1%BB%89+th%E1%BB%8B+05")
    assert html.unescape(re.search(r'<input id="q"[^>]* value="([^"]*)"', text).group(1)) \
        == "chuyên đề chỉ thị 05"
    assert '<input type="hidden" name="unit" value="Khu dân cư số 3">' in text
    ids = re.findall(r'<h2><a href="/documents/([0-9a-f]+)"', text)
    assert ids == [doc_id(path) for _, path in THEMATIC_05]
    assert "<mark>" in text


def test_page_escapes_what_was_typed(client):
    text = page(client, "/minutes?unit=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "<script>alert(1)" not in text and "&lt;script&gt;" in text
    assert "Không tìm thấy biên bản nào" in text


def test_api_gives_the_cli_json(client, searcher):
    assert client.get("/api/minutes").get_json() == {"units": list_units(searcher)}
    response = client.get("/api/minutes", query_string={"unit": "Khu dan cu so 3",
                                                        "q": "chuyên đề chỉ thị 05"})
    assert response.status_code == 200 and response.content_type == "application/json"
    data = response.get_json()
    assert data == unit_timeline(searcher, unit="Khu dan cu so 3", query="chuyên đề chỉ thị 05")
    assert [m["date"] for m in data["meetings"]] == [d for d, _ in THEMATIC_05]


def test_a_question_as_long_as_allowed_still_keeps_to_minutes(searcher, client):
    # The query is cut at max_query_chars; the filter keeping to minutes must not be cut off
    # with it (the directive itself was listed as a meeting).
    long_one = ("chuyên đề chỉ thị 05 " * 100)[:searcher.config["max_query_chars"]]
    data = unit_timeline(searcher, query=long_one)
    short = unit_timeline(searcher, query="chuyên đề chỉ thị 05")
    assert [m["id"] for m in data["meetings"]] == [m["id"] for m in short["meetings"]]
    assert all(m["name"].startswith("bien-ban-") for m in data["meetings"]) and data["total"] >= 3


def test_a_unit_longer_than_any_cell_name_names_none(client):
    body = client.get("/api/minutes", query_string={"unit": "khu dân cư " * 500,
                                                   "q": "chỉ thị 05"}).get_json()
    assert body["total"] == 0 and body["meetings"] == []
