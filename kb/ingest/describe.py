"""Title, kind, number and date of a document, from its text.

A first approximation that reads the header lines of Party and state documents and the source
line of press articles; kb.understand refines it.
"""

from __future__ import annotations

import re

from kb.analysis.docnum import DOCNUM_RE

#: Upper-case kind lines of official documents → display name.
KINDS = {
    "CHỈ THỊ": "Chỉ thị", "NGHỊ QUYẾT": "Nghị quyết", "QUYẾT ĐỊNH": "Quyết định",
    "QUY ĐỊNH": "Quy định", "KẾT LUẬN": "Kết luận", "HƯỚNG DẪN": "Hướng dẫn",
    "KẾ HOẠCH": "Kế hoạch", "BÁO CÁO": "Báo cáo", "THÔNG BÁO": "Thông báo",
    "CÔNG VĂN": "Công văn", "TỜ TRÌNH": "Tờ trình", "BIÊN BẢN": "Biên bản",
    "ĐỀ CƯƠNG": "Đề cương", "LUẬT": "Luật", "BỘ LUẬT": "Bộ luật", "NGHỊ ĐỊNH": "Nghị định",
    "THÔNG TƯ": "Thông tư", "THÔNG TƯ LIÊN TỊCH": "Thông tư liên tịch", "ĐIỀU LỆ": "Điều lệ",
    "QUY CHẾ": "Quy chế", "CHƯƠNG TRÌNH": "Chương trình", "PHÁP LỆNH": "Pháp lệnh",
    "HIẾN PHÁP": "Hiến pháp", "NGHỊ ĐỊNH THƯ": "Nghị định thư", "DI CHÚC": "Di chúc",
    "TUYÊN NGÔN ĐỘC LẬP": "Tuyên ngôn",
}
_KIND_LINE = re.compile(
    r"^(?:\W*)(" + "|".join(sorted(map(re.escape, KINDS), key=len, reverse=True)) + r")\b(.*)$"
)
_HEADER = re.compile(
    r"^(ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập|ĐỘC LẬP|Số\b|Số:|[-*_=]{3,}|"
    r".*, ngày \d{1,2} tháng|\d{1,2}/\d{1,2}/\d{4}$)"
)
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_PRESS_SOURCE = re.compile(r"^(Báo [^\d\n]{2,60}?|[A-ZĐ][\w ]{1,40}(?:Online|\.vn))\s*[,-]?\s*"
                           r"(\d{1,2})/(\d{1,2})/(\d{4})\s*$", re.MULTILINE)
_MINUTES = re.compile(r"BIÊN BẢN\s+(SINH HOẠT|HỌP|HỘI NGHỊ)", re.IGNORECASE)

_KIND_KEYS = {"Bài báo": "bai-bao", "Tài liệu": "tai-lieu"}


def kind_key(kind: str | None) -> str | None:
    """The filter key of a kind: "Chỉ thị" → "chithi" (folded, no spaces)."""
    from kb.analysis.fold import fold

    if not kind:
        return None
    return re.sub(r"[\W_]+", "", fold(kind))


def _iso(day: str, month: str, year: str) -> str | None:
    d, m, y = int(day), int(month), int(year)
    if 1 <= d <= 31 and 1 <= m <= 12 and 1900 <= y <= 2100:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def describe(text: str, declared_title: str | None = None) -> dict:
    """{"title", "kind", "number", "date"} read from the text's header (values may be None)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    head = lines[:40]
    kind, title = None, None
    for i, line in enumerate(head):
        m = _KIND_LINE.match(line)
        if m and line.upper() == line and len(line) < 120:
            kind = KINDS[m.group(1)]
            rest = m.group(2).strip(" :-")
            follow = [ln for ln in head[i + 1:i + 4] if ln[:1].islower() or ln.lower().startswith(("về", "v/v"))]
            subject = " ".join([rest] + follow[:2]).strip() if (rest or follow) else ""
            title = f"{kind} {subject}".strip() if subject else None
            break
    number = None
    for line in head[:15]:
        m = DOCNUM_RE.search(line)
        if m and line.lstrip().lower().startswith(("số", "luật số", "nghị quyết số")):
            number = m.group()
            break
    date = None
    for line in head:
        m = _DATE_WORDS.search(line)
        if m:
            date = _iso(*m.groups())
            break
    press = _PRESS_SOURCE.search(text)
    if _MINUTES.search("\n".join(head[:12])):
        kind = "Biên bản"
    elif kind is None and press:
        kind = "Bài báo"
    if date is None and press:
        date = _iso(press.group(2), press.group(3), press.group(4))
    if number and title and number not in title:
        title = title.replace(kind, f"{kind} {number}", 1) if kind else title
    if declared_title and len(declared_title.strip()) > 3:
        title = declared_title.strip()
    if not title:
        title = next((ln for ln in head if not _HEADER.match(ln)), lines[0] if lines else "")
    title = re.sub(r"\s+", " ", title).strip(" #*|")
    if len(title) > 160:
        title = title[:157].rsplit(" ", 1)[0] + "…"
    return {"title": title or "(không có tiêu đề)", "kind": kind, "number": number, "date": date}
