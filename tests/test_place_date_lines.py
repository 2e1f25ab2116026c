"""The place-and-date line in the forms copies give it: the comma after the place lost, the
number's column beside it, markdown italics with underscores. Real documents of ../shared/data
and corpus/ (development folds of benchmarks/data/understanding)."""

from __future__ import annotations

from pathlib import Path

from kb.understand.dates import place_date
from kb.understand.metadata import extract_metadata

ROOT = Path(__file__).resolve().parent.parent


def test_a_place_whose_comma_was_lost_is_still_the_place(shared_data):
    text = (shared_data / "laws/texts/Luat-Canh-ve-2017-280117.txt").read_text(encoding="utf-8")
    line = "Hà Nội, ngày 20 tháng 6 năm 2017"
    assert line in text
    meta = extract_metadata(text.replace(line, line.replace(",", ""), 1))
    assert (meta["place"], meta["date"]) == ("Hà Nội", "2017-06-20")


def test_a_place_beside_the_number_s_column_without_a_comma():
    # corpus/dang/chi-thi-05-ct-tw-2016.txt prints "Số 05-CT/TW      Hà Nội, ngày …" on one line.
    text = (ROOT / "corpus/dang/chi-thi-05-ct-tw-2016.txt").read_text(encoding="utf-8")
    meta = extract_metadata(text.replace("Hà Nội, ngày 15", "Hà Nội ngày 15", 1))
    assert (meta["number"], meta["place"], meta["date"]) == ("05-CT/TW", "Hà Nội", "2016-05-15")


def test_running_text_before_a_date_names_no_place():
    assert place_date("Ban hành tại Hà Nội ngày 15 tháng 3 năm 2024")[0] is None
    assert place_date("QUYẾT ĐỊNH\nngày 15 tháng 3 năm 2024")[0] is None
    assert place_date("Hà nội ngày 14 tháng 7 năm 1998") == ("Hà Nội", "1998-07-14")


def test_a_place_and_date_line_in_underscore_italics(shared_data):
    # party-docs/docs/556b2fb4a0149576.md sets it in asterisks; other converters use underscores.
    text = (shared_data / "party-docs/docs/556b2fb4a0149576.md").read_text(encoding="utf-8")
    before = extract_metadata(text)
    assert before["place"] == "Đắk Lắk"
    italic = text.replace("*Đắk Lắk, ngày 18\ntháng 11 năm 2025*", "_Đắk Lắk, ngày 18 tháng 11 năm 2025_", 1)
    assert italic != text
    meta = extract_metadata(italic)
    assert (meta["place"], meta["date"]) == ("Đắk Lắk", before["date"])
