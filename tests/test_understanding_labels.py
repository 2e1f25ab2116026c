"""The hand labels of benchmarks/data/understanding and the rules that compare kb's values with them."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.folds import HELD_OUT, fold_of  # noqa: E402
from benchmarks.understanding_labels import (ALLOWED_FIELDS, MINIMUM, OFFICIAL_FIELDS,  # noqa: E402
                                             is_iso_date, load, matches, pair_sayings, resolve,
                                             sayings_of, sector_right)

LABELS = ROOT / "benchmarks" / "data" / "understanding"
RECORDS = load(LABELS)


def _where(record: dict) -> str:
    return f"{record['file']}:{record['line']} ({record.get('path')})"


def _values(value) -> list:
    return value if isinstance(value, list) else [value]


@pytest.mark.shared
def test_every_labelled_path_names_an_existing_file(shared_data):
    missing = [_where(r) for r in RECORDS if not resolve(r["path"], ROOT, shared_data.parent).is_file()]
    assert not missing, missing


def test_records_have_a_path_a_group_and_only_known_fields():
    for record in RECORDS:
        assert isinstance(record.get("path"), str) and record["path"], _where(record)
        assert "\\" not in record["path"] and not record["path"].startswith("/"), _where(record)
        assert isinstance(record.get("group"), str) and record["group"], _where(record)
        assert record.get("round", 1) in (1, 2, 3, 4, 5, 6), _where(record)  # the labelling round
        fields = record.get("fields")
        assert isinstance(fields, dict) and fields, _where(record)
        assert set(fields) <= ALLOWED_FIELDS, (_where(record), set(fields) - ALLOWED_FIELDS)
        for name, value in fields.items():
            if name == "sayings":
                continue
            for option in _values(value):
                assert option is None or (isinstance(option, str) and option.strip()), (_where(record), name)


def test_official_records_carry_official_fields_and_a_kind():
    for record in RECORDS:
        if record["group"] in MINIMUM:
            assert set(record["fields"]) <= set(OFFICIAL_FIELDS), _where(record)
            assert "kind" in record["fields"], _where(record)


def test_dates_are_real_iso_dates():
    for record in RECORDS:
        for option in _values(record["fields"].get("date")):
            assert option is None or is_iso_date(option), (_where(record), option)
    assert not is_iso_date("2025-02-30") and not is_iso_date("19/11/2025")


def test_sayings_lists_are_well_formed():
    for record in RECORDS:
        for saying in sayings_of(record) or []:
            assert isinstance(saying.get("text"), str) and len(saying["text"].split()) >= 2, _where(record)
            assert saying.get("sector") is None or isinstance(saying["sector"], (str, list)), _where(record)


def test_each_group_is_big_enough_and_has_held_out_documents():
    groups = Counter(r["group"] for r in RECORDS)
    for group, minimum in MINIMUM.items():
        assert groups[group] >= minimum, (group, groups[group])
    for group, count in groups.items():
        if count >= 6:  # a group this big must not fall wholly on one side of the split
            assert any(fold_of(r["path"]) == HELD_OUT for r in RECORDS if r["group"] == group), group


def test_no_document_is_labelled_twice_in_a_group():
    seen = Counter((r["group"], r["path"]) for r in RECORDS)
    assert [k for k, n in seen.items() if n > 1] == []


# --- comparison rules -------------------------------------------------------------------------

@pytest.mark.parametrize("field, expected, got", [
    ("issuer", "Ủy ban nhân dân tỉnh Lào Cai", "UỶ BAN NHÂN DÂN TỈNH LÀO CAI"),  # case, tone place
    ("title", "Về quản lý, phát triển cụm công nghiệp", "về quản lý,  phát triển cụm công nghiệp."),
    ("title", "V/v trao đổi về một số quy định", "Về việc trao đổi về một số qui định"),
    ("signer_role", "KT. Chủ tịch, Phó Chủ tịch", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"),
    ("signer", "Tô Lâm", "Thượng tướng Tô Lâm"),
    ("number", "28/2004/QH11", "28/2004/QH 11"),
    ("kind", ["Hướng dẫn liên ngành", "Hướng dẫn"], "Hướng dẫn"),
    ("number", None, None),
])
def test_spelling_differences_are_forgiven(field, expected, got):
    assert matches(field, expected, got)


@pytest.mark.parametrize("field, expected, got", [
    ("issuer", "Bộ Tài chính", "Bo Tai chinh"),  # diacritics are content
    ("issuer", "Viện kiểm sát nhân dân tối cao", "Viện kiểm sát nhân dân tói cao"),
    ("number", "05-CT/TW", "05/CT-TW"),
    ("number", "05-CT/TW", "5-CT/TW"),
    ("date", "2006-11-29", "2006-06-29"),
    ("title", "Sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị \"về đẩy mạnh học tập\"",
     "sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị"),
    ("issuer", "Bộ Chính trị", None),  # missed
    ("number", None, "12/2001/QĐ-BTC"),  # invented where the document has none
])
def test_wrong_content_is_not_forgiven(field, expected, got):
    assert not matches(field, expected, got)


def test_sayings_pair_by_token_overlap_one_to_one():
    labelled = [{"text": "Vì lợi ích mười năm thì phải trồng cây, vì lợi ích trăm năm thì phải trồng người",
                 "sector": "giáo dục"},
                {"text": "Lương y phải như từ mẫu", "sector": "y tế"}]
    extracted = [{"text": "vì lợi ích mười năm thì phải trồng cây, vì lợi ích trăm năm thì phải trồng người.",
                  "sectors": ["giáo dục"]},
                 {"text": "Không có gì quý hơn độc lập, tự do", "sectors": []}]
    pairs = pair_sayings(labelled, extracted)
    assert [(a["sector"], b["text"][:6]) for a, b in pairs] == [("giáo dục", "vì lợi")]
    assert sector_right(*pairs[0])
    assert not sector_right({"text": "x", "sector": "y tế"}, {"text": "x", "sectors": ["giáo dục"]})
    assert sector_right({"text": "x", "sector": None}, {"text": "x", "sectors": []})


def test_saying_found_whole_whatever_the_punctuation_but_not_as_a_fragment():
    label = [{"text": "Vì lợi ích mười năm thì phải trồng cây, vì lợi ích trăm năm thì phải trồng người",
              "sector": "giáo dục"}]
    # Other quotation marks, an ellipsis, a line break: still the whole saying.
    punctuated = [{"text": "“Vì lợi ích mười năm thì phải trồng cây,\nvì lợi ích trăm năm thì phải "
                           "trồng người…”", "sectors": []}]
    assert len(pair_sayings(label, punctuated)) == 1
    # Half of it is a fragment, and a passage running far past it is not it either.
    assert pair_sayings(label, [{"text": "vì lợi ích trăm năm thì phải trồng người", "sectors": []}]) == []
    longer = label[0]["text"] + ". Chúng ta phải học tập, rèn luyện không ngừng để xây dựng đất nước ngày càng giàu mạnh"
    assert pair_sayings(label, [{"text": longer, "sectors": []}]) == []
