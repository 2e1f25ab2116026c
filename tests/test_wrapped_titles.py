"""Summaries and law names wrapped over lines where a copy's width breaks them, read whole.

Real documents of ../shared/data (development folds of benchmarks/data/understanding), their
name or summary line broken as a PDF or a narrower page prints it: inside a name that looks like
a body ("GIÁO DỤC / ĐẠI HỌC", "TỔ CHỨC / TÒA ÁN NHÂN DÂN"), after a word that needs what follows
("… của / Văn phòng", "CỦA QUỐC HỘI / NƯỚC CỘNG HOÀ …"), or inside a name the text writes
again ("… thành phố Hải / Phòng", "CHÀO MỪNG / ĐẠI HỘI").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.understand.metadata import extract_metadata


def _read(shared_data: Path, rel: str) -> str:
    return (shared_data / rel).read_text(encoding="utf-8")


def _wrapped(text: str, line: str, cut: str) -> str:
    """``text`` with its line ``line`` broken before the words ``cut``."""
    assert line in text and cut in line
    head, _, tail = line.partition(cut)
    return text.replace(line, f"{head.rstrip()}\n{cut}{tail}", 1)


@pytest.mark.parametrize("rel, line, cut, title", [
    ("laws/texts/Luat-Giao-duc-dai-hoc-2012-142762.txt", "GIÁO DỤC ĐẠI HỌC", "ĐẠI HỌC",
     "Luật Giáo dục đại học"),
    ("laws/texts/Luat-to-chuc-Toa-an-nhan-dan-2014-259724.txt", "TỔ CHỨC TÒA ÁN NHÂN DÂN",
     "TÒA ÁN", "Luật Tổ chức Tòa án nhân dân"),
    ("laws/texts/Luat-quoc-phong-340395.txt", "LUẬT\nQUỐC PHÒNG", "PHÒNG", "Luật Quốc phòng"),
    # The gazette's line before the name, broken inside the Republic's name.
    ("laws/texts/Luat-Si-quan-Quan-doi-nhan-dan-Viet-Nam-1999-16-1999-QH10-46063.txt",
     "CỦA QUỐC HỘI NƯỚC CỘNG HOÀ", "NƯỚC CỘNG HOÀ", "Luật Sĩ quan Quân đội nhân dân Việt Nam"),
])
def test_a_law_name_wrapped_before_a_body_s_word_is_read_whole(shared_data, rel, line, cut, title):
    text = _read(shared_data, rel)
    assert extract_metadata(text)["title"].lower() == title.lower()
    meta = extract_metadata(_wrapped(text, line, cut))
    assert meta["title"].lower() == title.lower()
    assert (meta["kind"], meta["issuer"]) == ("Luật", "Quốc hội")


@pytest.mark.parametrize("rel, line, cut, title", [
    # After "của", a body's name: the summary needs it.
    ("legacy-encodings/ocr/real-scans/2005-mpi-qd837.txt",
     "Về việc ban hành Quy chế hoạt động của Văn phòng", "Văn phòng",
     "Về việc ban hành Quy chế hoạt động của Văn phòng Ban chỉ đạo điều phối phát triển các "
     "vùng kinh tế trọng điểm"),
    # After "ban hành", its object.
    ("legacy-encodings/ocr/real-scans/2005-mpi-qd837.txt",
     "Về việc ban hành Quy chế hoạt động của Văn phòng", "Quy chế",
     "Về việc ban hành Quy chế hoạt động của Văn phòng Ban chỉ đạo điều phối phát triển các "
     "vùng kinh tế trọng điểm"),
    # Inside a city's name, which the text writes again.
    ("party-docs/docs/ee18506c3853f01d.md",
     "**Về việc sắp xếp các đơn vị hành chính cấp xã của thành phố Hải Phòng năm 2025**",
     "Phòng năm 2025**",
     "Về việc sắp xếp các đơn vị hành chính cấp xã của thành phố Hải Phòng năm 2025"),
])
def test_a_summary_wrapped_inside_a_phrase_is_read_whole(shared_data, rel, line, cut, title):
    text = _read(shared_data, rel)
    if line.startswith("**"):  # a markdown copy bolds each line of the summary
        text = _wrapped(text, line, cut).replace(line.partition(cut)[0].rstrip(),
                                                 line.partition(cut)[0].rstrip() + "**", 1)
        text = text.replace(f"\n{cut}", f"\n**{cut}", 1)
    else:
        text = _wrapped(text, line, cut)
    assert extract_metadata(text)["title"].lower() == title.lower()


def test_a_plan_s_summary_in_capitals_wrapped_before_a_body_s_name(shared_data):
    # "… CHÀO MỪNG / ĐẠI HỘI LẦN THỨ XIV …": "Đại hội" opens a line as a body's name would.
    rel = "party-docs/docs/556b2fb4a0149576.md"
    text = _read(shared_data, rel)
    line = "PHÁT ĐỘNG ĐỢT THI ĐUA LẬP THÀNH TÍCH CHÀO MỪNG ĐẠI HỘI LẦN THỨ"
    before = extract_metadata(text)["title"]
    assert before.lower().startswith("phát động đợt thi đua lập thành tích chào mừng đại hội")
    assert extract_metadata(_wrapped(text, line, "ĐẠI HỘI"))["title"] == before


def test_a_body_under_a_finished_summary_is_still_left_out():
    # The enacting body under a summary that ends a phrase is no part of it.
    meta = extract_metadata("""BỘ TÀI CHÍNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/2001/QĐ-BTC
Hà Nội, ngày 13 tháng 3 năm 2001
QUYẾT ĐỊNH
Về việc ban hành Chế độ kế toán áp dụng cho các đơn vị ngoài công lập
BỘ TRƯỞNG BỘ TÀI CHÍNH
Căn cứ Nghị định số 15/CP ngày 2/3/1993 của Chính phủ;
""")
    assert meta["title"] == "Về việc ban hành Chế độ kế toán áp dụng cho các đơn vị ngoài công lập"
    assert meta["issuer"] == "Bộ Tài chính"


def test_a_kind_block_read_onto_one_line_keeps_the_subject_alone(shared_data):
    # legacy-encodings/ocr/real-scans/2005-mpi-tt01-ptbv.txt: "THÔNG TƯ HƯỚNG DẪN / Về việc: …";
    # a copy that reads the two lines as one still gives the subject without the kind word.
    rel = "legacy-encodings/ocr/real-scans/2005-mpi-tt01-ptbv.txt"
    text = (shared_data / rel).read_text(encoding="utf-8")
    before = extract_metadata(text)
    assert before["title"].startswith("Về việc: Triển khai thực hiện Quyết định")
    one_line = text.replace("THÔNG TƯ HƯỚNG DẪN\nVề việc:", "THÔNG TƯ HƯỚNG DẪN Về việc:", 1)
    assert one_line != text
    meta = extract_metadata(one_line)
    assert (meta["kind"], meta["title"]) == (before["kind"], before["title"])
    # "NGHỊ ĐỊNH CỦA CHÍNH PHỦ Về …": the issuer's words are not the subject either.
    decree = text.replace("THÔNG TƯ HƯỚNG DẪN\nVề việc:", "NGHỊ ĐỊNH CỦA CHÍNH PHỦ Về việc:", 1)
    assert extract_metadata(decree)["title"] == before["title"]
