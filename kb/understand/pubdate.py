"""A web page's publication line: "(27/05/2011)", "04/01/2020 08:36", "Được đăng: Thứ bảy, 15
Tháng 10 2016 19:14", "Cập nhật lúc 08:30, Thứ Hai, 12/05/2025".

The page prints it near the headline, on a line of its own that holds nothing but the date
(a label, the weekday, the time and brackets aside). Dates inside sentences, in tables ("30/3/1982
|") or in ranges ("25/4/2006 – 19/1/2011", a term of office) are the story's, never the page's.
"""

from __future__ import annotations

import re

from kb.understand.dates import iso_date

_HEAD_LINES = 15  # the publication line sits among the page's first lines

_LABEL = (r"(?:Được\s+đăng|Ngày\s+đăng|Đăng\s+ngày|Đăng\s+lúc|Đăng\s+tải|Ngày\s+cập\s+nhật"
          r"|Cập\s+nhật(?:\s+lúc|\s+ngày)?|Ngày\s+xuất\s+bản|Xuất\s+bản|Thời\s+gian(?:\s+đăng)?"
          r"|Posted(?:\s+on)?|Published(?:\s+on)?|Updated)\s*:?")
_WEEKDAY = r"(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|[2-7])|Chủ\s+nhật|CN|T[2-7])"
_TIME = r"(?:\d{1,2}\s*[:hg]\s*\d{2}(?::\d{2})?(?:\s*(?:SA|CH|AM|PM))?(?:\s*\(?GMT\s*[+-]\s*\d{1,2}(?::?\d{2})?\)?)?)"
_DATE = (r"(?:ngày\s*)?(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
         r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s*,?\s*(?:năm\s+)?(?P<y2>\d{4}))")
_SEP = r"\s*[,|–-]?\s*"
_LINE = re.compile(
    rf"^[\s*•·>()\[\]-]*(?:{_LABEL}\s*)?(?:{_TIME}{_SEP})?(?:{_WEEKDAY}{_SEP})?"
    rf"{_DATE}(?:{_SEP}{_TIME})?[\s*()\[\].]*$",
    re.IGNORECASE,
)


def publication_line_date(line: str) -> str | None:
    """The ISO date of ``line`` when it is a publication line and nothing else, else None."""
    m = _LINE.match(line.strip())
    if not m:
        return None
    if m.group("d"):
        return iso_date(m.group("d"), m.group("m"), m.group("y"))
    return iso_date(m.group("d2"), m.group("m2"), m.group("y2"))


def publication_date(text: str) -> str | None:
    """The date of the first publication line among the first lines of ``text``, or None."""
    lines = [ln for ln in text.split("\n") if ln.strip()][:_HEAD_LINES]
    for line in lines:
        date = publication_line_date(line)
        if date:
            return date
    return None
