"""A state number typed with spaces: "NQ 67 2025 UBTVQH15" for Nghị quyết 67/2025/UBTVQH15.

Given pages of ../shared/data/party-docs on resolutions of the National Assembly's Standing
Committee (67/2025/UBTVQH15 on judges' ranks, 78/2025/UBTVQH15 on social insurance, 1682/NQ-
UBTVQH15 on communes), when a user types the number with spaces instead of slashes, the
resolution of that number comes first, not another resolution of the same year and issuer.
"""

from __future__ import annotations

import pytest

from kb.analysis.docnum import find_loose_term_docnums

DOCS = {"67": "713b7084e3e77b79.md", "78": "02e3500261658fdd.md", "1682": "ac8c98d5bbbe2be0.md"}


@pytest.mark.parametrize("query, token", [
    ("NQ 67 2025 UBTVQH15", "67/2025/ubtvqh15"),
    ("nghị quyết 1402 2025 UBTVQH15", "1402/2025/ubtvqh15"),
    ("nghị quyết 67-2025-ubtvqh15 nâng bậc thẩm phán", "67/2025/ubtvqh15"),
    ("nghi quyet so 078 2025 ubtvqh15", "78/2025/ubtvqh15"),
])
def test_a_spaced_number_with_a_term_numbered_issuer_is_read_as_that_number(query, token):
    assert [t for _, _, t in find_loose_term_docnums(query)] == [token]


@pytest.mark.parametrize("query", [
    "kế hoạch 5 năm 2021 2025",            # years, no issuer
    "giai đoạn 2021 2025 và 2030",          # a word after the year, not a code
    "đợt 2 2025 đại hội 14",                # "đại" is not an issuer code
    "NQ 67/2025/UBTVQH15",                  # printed properly: read by the ordinary number rule
    "luật 74 2025 QH15",                    # the Assembly's own loose form, read by that rule
])
def test_numbers_and_years_among_words_are_not_document_numbers(query):
    assert find_loose_term_docnums(query) == []


@pytest.mark.parametrize("query, wanted", [
    ("NQ 67 2025 UBTVQH15", "67"),
    ("nghị quyết 67 2025 ubtvqh15", "67"),
    ("NQ 78 2025 UBTVQH15", "78"),
])
def test_the_resolution_of_the_spaced_number_comes_first(ranked_names, shared_data, query, wanted):
    docs = shared_data / "party-docs" / "docs"
    names = ranked_names([docs / name for name in DOCS.values()], query)
    assert names[:1] == [DOCS[wanted]]
