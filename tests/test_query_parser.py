"""How typed queries are read: phrases, exclusions, OR, filters, and odd input as plain words."""

import pytest

from kb.index.query import parse_query


def test_plain_words_form_one_clause():
    q = parse_query("chỉ thị 05 hải phòng")
    assert [c.text for c in q.clauses] == ["chỉ thị 05 hải phòng"] and not q.excluded


def test_phrase_exclusion_and_filters():
    q = parse_query('"phụng công thủ pháp" -"Hải Phòng" -tư kind:chithi year:2016')
    assert q.clauses[0].phrase and q.clauses[0].text == "phụng công thủ pháp"
    assert [(c.text, c.phrase) for c in q.excluded] == [("Hải Phòng", True), ("tư", False)]
    assert q.filters == {"kind_key": "chithi", "year": "2016"}


def test_or_joins_the_runs_of_words_on_either_side():
    q = parse_query("giáo dục OR y tế")
    assert len(q.clauses) == 1
    assert q.clauses[0].text == "giáo dục" and [a.text for a in q.clauses[0].alternatives] == ["y tế"]


def test_vietnamese_quotes_work_like_straight_quotes():
    q = parse_query("“làm theo lời Bác”")
    assert q.clauses[0].phrase and q.clauses[0].text == "làm theo lời Bác"


@pytest.mark.parametrize("raw, words", [
    ('"không đóng', ["không đóng"]),
    ("OR", []), ("a OR", ["a"]), ("OR b", ["b"]), ("- -", []), ("!!!", []),
    ("kind:", ["kind:"]), ("", []), (None, []),
])
def test_odd_input_falls_back_to_plain_words(raw, words):
    q = parse_query(raw)
    assert [c.text for c in q.clauses] == words


def test_long_input_is_cut():
    assert len(parse_query("x" * 10_000, max_chars=1000).clauses[0].text) == 1000


@pytest.mark.parametrize("raw, words", [
    ("ă ă ă ă ă", ["ă"]),
    ("chỉ thị Chỉ thị chỉ thị 05", ["chỉ thị 05"]),
    ("NQ TW4 khóa XII " * 50 + "năm 2016", ["NQ TW4 khóa XII năm 2016"]),
    ("học tập và làm theo", ["học tập và làm theo"]),  # nothing repeated: left alone
    ("giáo dục year:2020 giáo dục", ["giáo dục"]),  # the same clause twice counts once
])
def test_words_repeated_back_to_back_are_read_once(raw, words):
    assert [c.text for c in parse_query(raw).clauses] == words


def test_text_from_old_sites_is_repaired_like_documents():
    assert parse_query("Đảng ǎn \u200bmừng").clauses[0].text == "Đảng ăn mừng"
    assert [c.text for c in parse_query("-x -x -x y").excluded] == ["x"]
