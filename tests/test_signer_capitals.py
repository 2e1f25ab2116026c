"""A signer's name printed in capitals, as many offices and PDF copies set it, is the signer,
written as a name is written. Real documents of ../shared/data (development folds)."""

from __future__ import annotations

import pytest

from kb.understand.metadata import extract_metadata
from kb.understand.signature import name_in_capitals


@pytest.mark.parametrize("rel, name, role", [
    ("laws/texts/Luat-Canh-ve-2017-280117.txt", "Nguyễn Thị Kim Ngân", "Chủ tịch Quốc hội"),
    ("party-docs/docs/ca9ba61fc61bf961.md", "Trần Cẩm Tú", "T/M Ban Bí thư"),
    ("party-docs/docs/556b2fb4a0149576.md", "Đào Mỹ", "KT. Chủ tịch, Phó Chủ tịch"),
])
def test_a_name_in_capitals_under_the_role_is_the_signer(shared_data, rel, name, role):
    text = (shared_data / rel).read_text(encoding="utf-8")
    assert (extract_metadata(text)["signer"], extract_metadata(text)["signer_role"]) == (name, role)
    at = text.rindex(name)
    capitals = text[:at] + name.upper() + text[at + len(name):]
    meta = extract_metadata(capitals)
    assert (meta["signer"], meta["signer_role"]) == (name, role)


def test_capitals_that_are_no_name_are_not_taken_for_one():
    assert name_in_capitals("NGUYỄN THÀNH SINH") == "Nguyễn Thành Sinh"
    assert name_in_capitals("PHÓ CHỦ TỊCH") is None  # a title
    assert name_in_capitals("ĐOÀN THANH NIÊN") is None  # a body's name
    assert name_in_capitals("Nguyễn Thành Sinh") is None  # not in capitals
    assert name_in_capitals("BỘ TRƯỞNG BỘ TÀI CHÍNH") is None
