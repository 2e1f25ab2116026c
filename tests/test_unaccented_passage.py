"""A long passage typed without diacritics finds the text that holds it, as typed with them does.

A query typed with diacritics carries its word order in the pairs field; one typed without has
only folded syllables, which collide with unrelated words and titles ("chu" is chủ, chú and
chứ; "lai" is lại and Lai): kb reads the order of its folded syllables in the leading texts
instead (query_builder, fold_pairs_long).
"""

from __future__ import annotations

import pytest

from kb.analysis.fold import fold

TUYEN_NGON = "hcm/hcm_texts/tuyen_ngon_doc_lap_1945__tnt305_32dcc95ba34c555b.md"
#: Pages whose titles or words share the passage's folded syllables: "Dân chủ tại Việt Nam",
#: the 1946 Constitution, Chu Ân Lai, the Wikipedia page about the declaration.
NEIGHBOURS = ["d2954295cb2d4d7d", "d5856f98c5144557", "e24eb5ee12e442a7", "7e81c869c3952912"]

PASSAGE = "Dân ta lấy lại nước Việt Nam từ tay Nhật chứ không phải từ tay Pháp"


@pytest.fixture
def files(shared_data):
    found = {"tuyen-ngon.md": shared_data / TUYEN_NGON}
    for key in NEIGHBOURS:
        found[f"{key}.md"] = shared_data / "party-docs/docs" / f"{key}.md"
    return found


def test_unaccented_passage_finds_its_source(ranked_names, files):
    assert ranked_names(files, fold(PASSAGE))[0] == "tuyen-ngon.md"


def test_unaccented_passage_ranks_like_the_accented_one(ranked_names, files):
    accented = ranked_names(files, PASSAGE)
    assert accented[0] == "tuyen-ngon.md"
    assert ranked_names(files, fold(PASSAGE).upper())[0] == accented[0]


def test_short_unaccented_lookup_still_goes_by_title(ranked_names, shared_data):
    # A short lookup is not a passage: the page named by the words comes first.
    docs = shared_data / "party-docs/docs"
    files = {"dan-chu.md": docs / "d2954295cb2d4d7d.md", "tuyen-ngon.md": shared_data / TUYEN_NGON}
    assert ranked_names(files, "dan chu tai viet nam")[0] == "dan-chu.md"


def test_unaccented_testament_passage_finds_the_testament(ranked_names, shared_data):
    # Another text and other neighbours: the Di chúc among the pages about it and about
    # Hồ Chí Minh's thought, which share most of its words (found first before the folded
    # pairs too: they must not pull the pages about it ahead).
    docs = shared_data / "party-docs/docs"
    files = {"di-chuc.txt": shared_data
             / "hcm/hcm_texts/di_chuc_1969_published_version__index_id_46828226642.txt"}
    for key in ("132dabc207245cdc", "4e9c760605224c10", "25022dd451e87e54", "27038661d915cf9a"):
        files[f"{key}.md"] = docs / f"{key}.md"
    query = fold("Nhân dân lao động ta ở miền xuôi cũng như ở miền núi, đã bao đời chịu đựng "
                 "gian khổ, bị chế độ phong kiến và thực dân áp bức bóc lột")
    assert ranked_names(files, query)[0] == "di-chuc.txt"
