"""Vietnamese dates (day before month) as ISO strings, and the place-and-date line of a header."""

from __future__ import annotations

import re

DATE_WORDS = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", re.IGNORECASE)
_DATE_SLASH = re.compile(r"ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", re.IGNORECASE)
_PLACE_WORD = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]*\.?|TP\.?)$")
# Laws end with "... Quốc hội ... khóa XIV, kỳ họp thứ 10 thông qua ngày ...".
ADOPTED = re.compile(
    r"Quốc\s+hội[^.]{0,120}?thông\s+qua\s+ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})",
    re.IGNORECASE,
)


def iso_date(day: str, month: str, year: str) -> str | None:
    """"15", "5", "2016" → "2016-05-15"; None when it is not a plausible calendar date."""
    d, m, y = int(day), int(month), int(year)
    if 1 <= d <= 31 and 1 <= m <= 12 and 1800 <= y <= 2100:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def place_date(header_text: str) -> tuple[str | None, str | None]:
    """(place, date) of the "Hà Nội, ngày 15 tháng 5 năm 2016" line in ``header_text``."""
    m = DATE_WORDS.search(header_text) or _DATE_SLASH.search(header_text)
    if not m:
        return None, None
    date = iso_date(*m.groups())
    before = header_text[: m.start()].rstrip()
    if not before.endswith(","):
        return None, date
    words = before[:-1].split("\n")[-1].split()
    place: list[str] = []
    for word in reversed(words):
        if not _PLACE_WORD.match(word) or len(place) >= 4:
            break
        place.insert(0, word)
    return " ".join(place) or None, date
