"""The Vietnamese analysis chain, stage by stage, on real Vietnamese text."""

import pytest

from kb.analysis.analyzer import analyze, canonical_token
from kb.analysis.docnum import canonical_docnum, find_docnums, find_loose_docnums
from kb.analysis.fold import fold, has_diacritics
from kb.analysis.normalize import clean_text
from kb.analysis.segment import segment
from kb.analysis.stopwords import load_stopwords
from kb.analysis.tones import canonical_syllable


@pytest.mark.parametrize("old, new", [
    ("hòa", "hoà"), ("khóa", "khoá"), ("thủy", "thuỷ"), ("qúy", "quý"), ("Hòa", "Hoà"),
    ("KHÓA", "KHOÁ"), ("lòe", "loè"), ("tùy", "tuỳ"),
])
def test_both_tone_mark_styles_reduce_to_one_spelling(old, new):
    assert canonical_syllable(old) == canonical_syllable(new)


@pytest.mark.parametrize("word", ["hoàng", "người", "giữ", "quốc", "tuyến", "ngoài", "của", "mùa", "gìn"])
def test_words_with_one_correct_spelling_are_unchanged(word):
    assert canonical_syllable(word) == word


def test_folding_removes_every_mark_and_maps_d_bar():
    assert fold("Đảng Cộng sản Việt Nam") == "dang cong san viet nam"
    assert has_diacritics("chỉ") and not has_diacritics("chi")


@pytest.mark.parametrize("text, token", [
    ("Chỉ thị số 05-CT/TW ngày 15/5/2016", "5-ct/tw"),
    ("Nghị quyết 04-NQ/TW", "4-nq/tw"),
    ("Nghị định 32/2024/NĐ-CP", "32/2024/nd-cp"),
    ("Chỉ thị 07/CT-TTg của Thủ tướng", "7/ct-ttg"),
    ("Quy định 383-QĐ/TW", "383-qd/tw"),
    ("Quy định 08-QĐi/TW", "8-qdi/tw"),
    ("Luật số 69/2025/QH15", "69/2025/qh15"),
])
def test_document_numbers_are_one_canonical_token(text, token):
    assert [t for _, _, t in find_docnums(text)] == [token]


@pytest.mark.parametrize("typed", ["05 CT TW", "05-ct/tw", "5 ct/tw", "05 ct tw"])
def test_loosely_typed_numbers_are_recognised_in_queries(typed):
    assert [t for _, _, t in find_loose_docnums(typed)] == [canonical_docnum("05-CT/TW")]


def test_ordinary_numbers_are_not_document_numbers():
    assert find_docnums("ngày 12/04/2018, 65/65 cấp ủy, 3/3 đoàn thể") == []
    assert find_loose_docnums("2 năm qua chi bộ có 15 đảng viên") == []


def test_segmentation_keeps_case_so_bo_chinh_tri_is_one_word():
    words = [w for w, _ in segment("Bộ Chính trị ban hành Chỉ thị 05-CT/TW.")]
    assert "Bộ Chính trị" in words
    assert ("5-ct/tw", True) in segment("Bộ Chính trị ban hành Chỉ thị 05-CT/TW.")


def test_analysis_streams_share_positions_and_keep_single_syllables():
    a = analyze("Bộ Chính trị ban hành Chỉ thị số 05-CT/TW")
    syllables = [s for _, s in a.syllables]
    assert "chính" in syllables and "trị" in syllables  # "chính" alone stays findable
    assert "bộ_chính_trị" in a.words
    assert "chính_trị" in a.pairs
    assert "5-ct/tw" in a.docnums
    assert [s for _, s in a.folded()][:3] == ["bo", "chinh", "tri"]


def test_stopwords_keep_the_words_this_domain_needs():
    stop = load_stopwords()
    for kept in ("không", "đảng", "nhà nước", "người", "chỉ"):
        assert kept not in stop
    for dropped in ("và", "của", "các", "những"):
        assert dropped in stop


def test_stopwords_leave_phrases_intact_but_not_word_scores():
    a = analyze("học tập và làm theo")
    assert "và" in [s for _, s in a.syllables]
    assert "và" not in a.words


def test_numbers_lose_leading_zeros():
    assert canonical_token("05") == "5"


def test_clean_text_repairs_copies_from_old_websites():
    assert clean_text("Nǎm 1969, ÐẢNG\u00a0ta\u200b") == "Năm 1969, ĐẢNG ta"
    decomposed = "Ho\u0300a bi\u0300nh"
    assert clean_text(decomposed) == "Hòa bình"


def test_clean_text_unifies_odd_quotation_marks():
    assert clean_text("Bác dạy: „Cần, kiệm, liêm, chính″ và ``chí công vô tư''") == \
        "Bác dạy: “Cần, kiệm, liêm, chính” và “chí công vô tư”"
