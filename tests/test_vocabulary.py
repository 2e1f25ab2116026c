"""Query vocabulary: abbreviations, term numbers, user extensions."""

from __future__ import annotations

import pytest

from kb.errors import ConfigError
from kb.understand.vocabulary import expand_query_terms, from_roman, load_vocabulary, to_roman


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("khóa XII", "khóa 12"),
        ("khoá 12", "khoá XII"),
        ("Đại hội XIII", "Đại hội 13"),
        ("NQ TW4", "Nghị quyết Trung ương 4"),
        ("NQ TW 4 khóa 12", "Nghị quyết Trung ương 4 khóa XII"),
        ("BCT", "Bộ Chính trị"),
        ("BCH TW khóa XI", "Ban Chấp hành Trung ương khóa 11"),
        ("QĐ của UBND tỉnh", "Quyết định của Ủy ban nhân dân tỉnh"),
        ("QĐ của UBND tỉnh", "Quy định của Ủy ban nhân dân tỉnh"),
        ("kết quả CCHC", "kết quả cải cách hành chính"),
        ("phát triển KT-XH", "phát triển kinh tế - xã hội"),
        ("ĐTN và HĐND", "Đoàn Thanh niên và Hội đồng nhân dân"),
    ],
)
def test_expansions(query, expected):
    alternatives = expand_query_terms(query)
    assert alternatives[0] == query
    assert expected in alternatives


def test_document_numbers_are_not_expanded_inside():
    # "TW" inside 05-CT/TW is part of the number, not "Trung ương".
    alternatives = expand_query_terms("Chỉ thị 05-CT/TW của BCT")
    assert "Chỉ thị 05-CT/TW của Bộ Chính trị" in alternatives
    assert not any("CT/Trung ương" in a or "Chỉ thị/" in a for a in alternatives)


def test_plain_words_are_left_alone():
    # Lower-case words that happen to look like abbreviations ("tt", "ct") are not touched.
    assert expand_query_terms("học tập và làm theo") == ["học tập và làm theo"]


def test_roman_numbers_round_trip():
    for n in range(1, 21):
        assert from_roman(to_roman(n)) == n
    assert to_roman(12) == "XII" and to_roman(14) == "XIV"
    assert from_roman("ABC") is None


def test_user_file_extends_vocabulary(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[abbreviations]\n"ĐUK" = "Đảng ủy Khối"\n"BCT" = "Bộ Công Thương"\n',
                     encoding="utf-8")
    alternatives = expand_query_terms("ĐUK họp", extra_path=extra)
    assert "Đảng ủy Khối họp" in alternatives
    # Both meanings of BCT are now offered; the built-in file is unchanged for others.
    assert {"Bộ Chính trị", "Bộ Công Thương"} <= set(expand_query_terms("BCT", extra_path=extra))
    assert "Bộ Công Thương" not in expand_query_terms("BCT")


def test_broken_user_file_is_a_config_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[abbreviations\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.toml"):
        load_vocabulary(bad)
