"""Minutes of Party cell meetings: fields read from differently worded biên bản."""

from __future__ import annotations

import re

import pytest

from kb.understand.minutes import parse_minutes


def load(tests_data, name):
    return parse_minutes((tests_data / "minutes" / name).read_text(encoding="utf-8"))


def test_regular_meeting(tests_data):
    m = load(tests_data, "thuong-ky-van-phong.txt")
    assert m["unit"] == "Chi bộ Văn phòng Sở Nội vụ"
    assert m["meeting_type"] == "thường kỳ"
    assert (m["date"], m["time"]) == ("2024-03-05", "14:00")
    assert m["place"] == "Phòng họp tầng 2, trụ sở Sở Nội vụ"
    assert (m["chair"], m["secretary"]) == ("Nguyễn Văn Hùng", "Lê Thị Hoa")
    assert m["attendance"] == {"present": 13, "total": 15, "absent": 2, "absent_reasons": ["có lý do"]}
    assert len(m["agenda"]) == 3 and "Chỉ thị 05-CT/TW" in m["agenda"][1]
    assert m["conclusions"][0].startswith("Hoàn thành báo cáo tổng kết")
    assert "Giao đồng chí Trần Văn Nam theo dõi việc thu nộp đảng phí." in m["resolutions"]
    assert any("13/13" in r for r in m["resolutions"])


def test_thematic_meeting_with_markdown_and_other_wording(tests_data):
    m = load(tests_data, "chuyen-de-truong-hoc.md")
    assert m["unit"] == "Chi bộ Trường Tiểu học An Biên"
    assert m["meeting_type"] == "chuyên đề"
    assert (m["date"], m["time"]) == ("2024-05-15", "08:30")  # "Hồi 8h30' ngày 15 tháng 5 năm 2024"
    assert m["chair"] == "Phạm Thị Thu"  # "Chủ tọa: đ/c ..."
    att = m["attendance"]
    assert (att["present"], att["total"], att["absent"]) == (20, 22, 2)
    assert att["absent_reasons"] == ["đ/c Hoàng Văn An (ốm)", "đ/c Vũ Thị Bích (đi tập huấn)"]
    assert len(m["agenda"]) == 2 and len(m["conclusions"]) == 2


def test_cell_committee_meeting(tests_data):
    m = load(tests_data, "hop-chi-uy.txt")
    assert m["meeting_type"] == "chi ủy"  # "HỌP CHI UỶ", old tone placement
    assert (m["date"], m["time"], m["place"]) == ("2024-10-02", "07:30", "Nhà văn hóa thôn Đông")
    assert (m["chair"], m["secretary"]) == ("Vũ Văn Toàn", "Mai Thị Hạnh")
    assert m["conclusions"][1] == "Tổ chức Đại hội Chi bộ vào ngày 26/10/2024."
    assert m["agenda"] == ["Dự thảo báo cáo chính trị trình Đại hội.", "Dự kiến nhân sự Chi ủy khóa mới."]


def test_other_documents_are_not_minutes(seed_article):
    assert parse_minutes(seed_article.read_text(encoding="utf-8")) is None
    assert parse_minutes("Biên bản vi phạm hành chính về giao thông đường bộ.") is None


def test_bundled_minutes(corpus_dir):
    files = sorted((corpus_dir / "bien-ban").glob("*.*"))
    if not files:
        pytest.skip("corpus/bien-ban is empty")
    for path in files:
        m = parse_minutes(path.read_text(encoding="utf-8"))
        assert m is not None, path
        year, month = re.search(r"(\d{4})-(\d{2})", path.stem).groups()
        assert m["date"].startswith(f"{year}-{month}"), path
        assert m["unit"].startswith("Chi bộ") and m["chair"] and m["secretary"], path
        att = m["attendance"]
        assert att["present"] + att["absent"] == att["total"], path
        assert m["agenda"] and m["conclusions"], path
