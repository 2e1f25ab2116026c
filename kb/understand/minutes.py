"""Minutes of Party cell meetings (biên bản sinh hoạt chi bộ, họp chi ủy, hội nghị) as data.

Minutes follow a loose template: a header naming the cell, "BIÊN BẢN" and the kind of meeting,
an opening sentence with time, date and place, the chair, the secretary and attendance, then
numbered sections (NỘI DUNG, THẢO LUẬN, KẾT LUẬN, NGHỊ QUYẾT). Wording varies from cell to cell,
so each field has its own few patterns and any field may be missing.
"""

from __future__ import annotations

import re
import unicodedata

from kb.analysis.tones import canonical_tones
from kb.understand.dates import iso_date

_MARKUP = re.compile(r"[*_`]+|^#+\s*|^>\s*", re.MULTILINE)
_IS_MINUTES = re.compile(r"\bBIÊN BẢN\b", re.IGNORECASE)
_MEETING_WORDS = re.compile(r"chi bộ|chi ủy|chi uỷ|đảng ủy|đảng uỷ|hội nghị|sinh hoạt", re.IGNORECASE)

_TYPES = [  # first match wins, checked on the title lines after "BIÊN BẢN"
    ("chi ủy", re.compile(r"chi ủy|chi uỷ", re.IGNORECASE)),
    ("chuyên đề", re.compile(r"chuyên đề", re.IGNORECASE)),
    ("bất thường", re.compile(r"bất thường", re.IGNORECASE)),
    ("thường kỳ", re.compile(r"thường kỳ|thường kì|hằng tháng|hàng tháng", re.IGNORECASE)),
    ("hội nghị", re.compile(r"hội nghị", re.IGNORECASE)),
]
_DATE_NUM = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)\b")
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)", re.IGNORECASE)
_TIME = re.compile(r"\b(\d{1,2})\s*(?:giờ|h)\s*(?:(\d{1,2})\s*(?:phút|')?)?(?!\w)", re.IGNORECASE)
_OPENING = re.compile(r"(?:Vào lúc|Vào hồi|Hồi|Lúc|Thời gian)\s*:?\s*[^\n]{0,300}", re.IGNORECASE)
_PLACE = re.compile(
    r"(?:^|\n)\s*[-+•]?\s*Địa điểm\s*:\s*(?P<a>[^\n]+)"
    r"|\btại\s+(?P<b>[^\n]+?)(?=,\s*(?:Chi bộ|chi bộ|Chi ủy|Đảng ủy|Ban)\b|\.\s|\.$|;|\n)",
)
_PERSON = r"(?:đồng chí|đ/c|Đ/c|Đ/C|Đồng chí)?\s*(?P<name>[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){1,4})"
_CHAIR = re.compile(rf"(?:Chủ trì|Chủ tọa|Chủ toạ|Chủ trì hội nghị|Chủ trì cuộc họp)\s*:\s*{_PERSON}")
_SECRETARY = re.compile(rf"(?:Thư ký|Thư kí)(?: hội nghị| cuộc họp)?\s*:\s*{_PERSON}")
_TOTAL = re.compile(r"Tổng số (?:đảng viên|chi ủy viên)[^:\n]{0,30}:\s*(\d+)", re.IGNORECASE)
_PRESENT = re.compile(r"(?:có mặt|dự họp|đảng viên dự|tham dự|thành phần)\s*:?\s*(\d+)(?:\s*/\s*(\d+))?", re.IGNORECASE)
_ABSENT = re.compile(
    r"\bvắng(?: mặt)?\s*:?\s*(\d+)(?:\s*đồng chí)?\s*(?::\s*(?P<list>[^\n]+)|\((?P<paren>[^)]*)\))?",
    re.IGNORECASE,
)
_ITEM = re.compile(r"^\s*(?:\d+\s*[.)]|[a-zđ]\s*\)|[-+•*–])\s+(?P<text>.+)$", re.MULTILINE)
_VOTE = re.compile(r"^\s*[-+•]?\s*(?:Biểu quyết|Kết quả biểu quyết)\s*:\s*(?P<text>.+)$", re.MULTILINE | re.IGNORECASE)


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    return _MARKUP.sub("", text)


def _date(text: str) -> str | None:
    m = _DATE_NUM.search(text) or _DATE_WORDS.search(text)
    return iso_date(*m.groups()) if m else None


def _section_kind(title: str) -> str | None:
    """Which part of the minutes a heading opens, from its words."""
    folded = canonical_tones(title.lower())
    if re.search(r"nghị quyết|biểu quyết", folded):
        return "resolutions"
    if re.search(r"kết luận", folded):
        return "conclusions"
    if re.search(r"nội dung|chương trình", folded):
        return "agenda"
    if re.search(r"thảo luận|ý kiến|diễn biến|thành phần", folded):
        return "other"
    return None


def _sections(text: str) -> dict[str, list[str]]:
    """Lines of each recognised section, keyed agenda / conclusions / resolutions."""
    out: dict[str, list[str]] = {"agenda": [], "conclusions": [], "resolutions": []}
    current = None
    for line in text.split("\n"):
        stripped = line.strip()
        head = re.match(r"^(?:[IVX]+\s*[.)-]|[A-Z]\s*[.)]|\d+\s*[.)])?\s*(.{2,60}?)\s*:?\s*$", stripped)
        # A heading: short, in capitals or ending with a colon, naming a known section.
        if head and (head[1].upper() == head[1] or stripped.endswith(":")):
            kind = _section_kind(head[1])
            if kind or head[1].upper() == head[1] and len(head[1].split()) <= 6:
                current = kind
                continue
        if current in out and stripped:
            out[current].append(stripped)
        if re.match(r"(?:Buổi|Cuộc họp|Hội nghị|Buổi sinh hoạt)\b.*kết thúc", stripped):
            current = None
    return out


def _items(lines: list[str]) -> list[str]:
    """Numbered or bulleted items of a section, else its sentences as they stand."""
    items = [m["text"].strip() for line in lines if (m := _ITEM.match(line))]
    return items or [line for line in lines if not _VOTE.match(line)]


def _attendance(text: str) -> dict:
    total = _TOTAL.search(text)
    present = _PRESENT.search(text)
    absent = _ABSENT.search(text)
    out = {"present": None, "total": int(total[1]) if total else None, "absent": None,
           "absent_reasons": []}
    if present:
        out["present"] = int(present[1])
        if present[2] and out["total"] is None:
            out["total"] = int(present[2])
    if absent:
        out["absent"] = int(absent[1])
        detail = absent["list"] or absent["paren"] or ""
        out["absent_reasons"] = [p.strip(" .") for p in re.split(r"[;,](?![^()]*\))", detail) if p.strip(" .")]
    if out["absent"] is None and out["present"] is not None and out["total"] is not None:
        out["absent"] = out["total"] - out["present"]
    if out["present"] is None and out["absent"] is not None and out["total"] is not None:
        out["present"] = out["total"] - out["absent"]
    return out


def _unit(text: str, head: str) -> str | None:
    body = re.search(r"\b(Chi bộ [A-ZĐÀ-Ỹ0-9][^,.;:\n]*?)\s+(?:tiến hành|tổ chức|họp|sinh hoạt)\b", text)
    if body:
        return body[1].strip()
    line = re.search(r"^\s*(CHI BỘ [^\n]+?)\s*$", head, re.MULTILINE)
    if line:
        return "Chi bộ " + line[1][7:].title()
    return None


def parse_minutes(text: str) -> dict | None:
    """Fields of meeting minutes, or None when ``text`` is not minutes of a Party meeting.

    Returns ``{"unit", "meeting_type", "date", "time", "place", "chair", "secretary",
    "attendance": {"present", "total", "absent", "absent_reasons"}, "agenda", "conclusions",
    "resolutions"}``; fields the text does not give are None or empty lists.
    """
    text = _clean(text)
    head = text[:1500]
    marker = _IS_MINUTES.search(head)
    if not marker or not _MEETING_WORDS.search(head):
        return None
    title = head[marker.start(): marker.start() + 200]
    meeting_type = next((name for name, rx in _TYPES if rx.search(title)), None)
    opening = _OPENING.search(text)
    opening_text = opening[0] if opening else ""
    time_m = _TIME.search(opening_text)
    place = _PLACE.search(text)
    chair = _CHAIR.search(text)
    secretary = _SECRETARY.search(text)
    sections = _sections(text)
    resolutions = _items(sections["resolutions"])
    resolutions += [m["text"].strip() for m in _VOTE.finditer(text) if m["text"].strip() not in resolutions]
    return {
        "unit": _unit(text, head),
        "meeting_type": meeting_type,
        "date": _date(opening_text) or _date(head[: marker.start()]) or _date(head),
        "time": f"{int(time_m[1]):02d}:{int(time_m[2] or 0):02d}" if time_m else None,
        "place": (place["a"] or place["b"]).strip(" .") if place else None,
        "chair": chair["name"] if chair else None,
        "secretary": secretary["name"] if secretary else None,
        "attendance": _attendance(text),
        "agenda": _items(sections["agenda"]),
        "conclusions": [c for c in _items(sections["conclusions"]) if not c.endswith(":")],
        "resolutions": [r for r in resolutions if not r.endswith(":")],
    }
