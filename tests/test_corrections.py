"""The values an editor types, checked before anything is kept, and the keys of sayings.

Given what editors type into the correction form (dates either way, partial dates, blanks,
impossible dates), when each is checked, then it is stored as kb stores it or refused with a
Vietnamese reason; and a saying quoted with other punctuation or tone-mark style keeps its key.
"""

from __future__ import annotations

import pytest

from kb.errors import CorrectionRefused
from kb.service.corrections import clean_value, parse_date, saying_id
from kb.ingest.document import Document
from kb.service.overlay import Overlay


@pytest.mark.parametrize("typed, stored", [
    ("2016-05-15", "2016-05-15"), ("15/05/2016", "2016-05-15"), ("5/6/2016", "2016-06-05"),
    ("15.05.2016", "2016-05-15"), ("15-05-2016", "2016-05-15"), (" 2016-5-1 ", "2016-05-01"),
    ("05/2016", "2016-05"), ("2016-05", "2016-05"), ("2016", "2016"), ("29/02/2024", "2024-02-29"),
])
def test_dates_typed_either_way(typed, stored):
    assert parse_date(typed) == stored


@pytest.mark.parametrize("typed, reason", [
    ("31/02/2016", "không có thật"), ("29/02/2023", "không có thật"), ("2016-13-01", "không có thật"),
    ("15/05/16", "không phải là ngày"), ("hôm qua", "không phải là ngày"), ("0999", "không có thật"),
])
def test_dates_that_are_no_dates_are_refused(typed, reason):
    with pytest.raises(CorrectionRefused) as err:
        parse_date(typed)
    assert reason in err.value.user_message()


def test_values_are_tidied_and_blanks_clear_all_but_the_title():
    assert clean_value("issuer", "  Ban   Bí thư ") == "Ban Bí thư"
    assert clean_value("signer", "") is None and clean_value("number", None) is None
    with pytest.raises(CorrectionRefused) as err:
        clean_value("title", "  ")
    assert "không được để trống" in err.value.user_message()
    with pytest.raises(CorrectionRefused):
        clean_value("path", "/etc/passwd")
    with pytest.raises(CorrectionRefused):
        clean_value("kind", 5)


def test_a_saying_keeps_its_key_however_it_is_punctuated():
    assert saying_id("Cán bộ là cái gốc của mọi công việc.") == saying_id("cán bộ là cái gốc của mọi công việc")
    assert saying_id("Hoà bình") == saying_id("Hòa bình")  # old and new tone-mark placement
    assert saying_id("Cán bộ là cái gốc của mọi công việc.") != saying_id("Cán bộ là cái gốc.")


def test_the_overlay_corrects_fields_and_sayings_of_a_document():
    doc = Document(id="7226d5d9033b", path="/vb/chi-thi.txt", content_hash="h", title="Chỉ thị",
                   text="…", format="txt", kind="Chỉ thị", date="2016-05-05", number="05-CT/TW",
                   meta={"issuer": "Bộ Chính trị", "sayings": [
                       {"text": "Cán bộ là cái gốc của mọi công việc.", "sectors": ["cán bộ đảng viên"]},
                       {"text": "Dễ trăm lần không dân cũng chịu.", "sectors": ["dân vận"]}]})
    overlay = Overlay(fields={"7226d5d9033b": {"date": "2016-05-15", "issuer": "Ban Bí thư"}},
                      sayings={saying_id("Cán bộ là cái gốc của mọi công việc"): {"not_saying": "1"},
                               saying_id("Dễ trăm lần không dân cũng chịu"): {"sectors": '["dân vận", "dân tộc, tôn giáo"]'}})
    overlay.apply(doc)
    assert (doc.date, doc.meta["issuer"], doc.kind) == ("2016-05-15", "Ban Bí thư", "Chỉ thị")
    assert [s["text"] for s in doc.meta["sayings"]] == ["Dễ trăm lần không dân cũng chịu."]
    assert doc.meta["sayings"][0]["sectors"] == ["dân vận", "dân tộc, tôn giáo"]
    assert [s["text"] for s in doc.meta["not_sayings"]] == ["Cán bộ là cái gốc của mọi công việc."]
    overlay.sayings.clear()
    overlay.sayings[saying_id("Cán bộ là cái gốc của mọi công việc")] = {"not_saying": "0"}
    overlay.apply(doc)  # the mark taken back: the saying returns from the stored document
    assert len(doc.meta["sayings"]) == 2 and "not_sayings" not in doc.meta
