"""Vietnamese dates (day before month) as ISO strings, and the place-and-date line of a header."""

from __future__ import annotations

import re

DATE_WORDS = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", re.IGNORECASE)
_DATE_SLASH = re.compile(r"ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", re.IGNORECASE)
_PLACE_WORD = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]*\.?|TP\.?|[a-zà-ỹđ]+)$")
_NUMBER_COLUMN = re.compile(r"^\s*số\s*:?\s*\S+\s+", re.IGNORECASE)
# A draft leaves the day blank: "Lào Cai, ngày     tháng     năm 2026".
# The month may be filled in already: "Cần Giờ, ngày    tháng 7 năm 2023".
_BLANK_DATE = re.compile(r"ngày[\s.…_]*tháng[\s.…_]*(?:\d{1,2}[\s.…_]*)?năm\s*(?:\d{4}|[.…_]*)",
                         re.IGNORECASE)
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
    """(place, date) of the "Hà Nội, ngày 15 tháng 5 năm 2016" line in ``header_text``; a
    draft's blank day gives the place alone."""
    # The first date of the header that follows a place, whether in words or with slashes
    # ("Hà Nội, ngày 21/11/2007"): a date further down (a session's dates) or one a subject
    # cites ("V/v thực hiện Công văn … ngày 12/3/2005") is not the header's.
    found = sorted((m for pattern in (DATE_WORDS, _DATE_SLASH)
                    for m in pattern.finditer(header_text)), key=lambda x: x.start())
    m = next((x for x in found if _place_before(header_text[: x.start()])),
             found[0] if found else None)
    date = iso_date(*m.groups()) if m else None
    m = m or _BLANK_DATE.search(header_text)
    if not m:
        return None, None
    return _place_before(header_text[: m.start()]), date


def without_place_date(line: str) -> str:
    """``line`` without the place-and-date clause its other column put on it ("V/v tăng cường
    công tác phòng, Cần Giờ, ngày    tháng 7 năm 2023" → "V/v tăng cường công tác phòng,")."""
    m = DATE_WORDS.search(line) or _DATE_SLASH.search(line) or _BLANK_DATE.search(line)
    if not m:
        return line
    before = line[: m.start()].rstrip()
    place = _place_before(before)
    if not place or not before[:-1].lower().endswith(place.lower()):
        return line
    start = len(before) - 1 - len(place)
    return (line[:start].rstrip() + " " + line[m.end():].lstrip()).strip()


def _place_before(text: str) -> str | None:
    """The place name ending ``text`` ("… Hà nội," → "Hà Nội"), or None without the comma
    unless the name is all the line holds before the date ("Hà Nội ngày 15 tháng 3 năm 2024",
    a copy that lost the comma)."""
    before = text.rstrip()
    if not before.endswith(","):
        line = text.split("\n")[-1]
        # The number's column may share the line ("Số 05-CT/TW Hà Nội ngày …").
        name = _NUMBER_COLUMN.sub("", line).split()
        if text[-1:] not in (" ", "\t") or not 1 <= len(name) <= 4 \
                or not name[0][:1].isupper() or not all(_PLACE_WORD.match(w) for w in name):
            return None
        before = " ".join(name) + ","
    words = before[:-1].split("\n")[-1].split()
    place: list[str] = []
    for word in reversed(words):
        if not _PLACE_WORD.match(word) or len(place) >= 4:
            break
        place.insert(0, word)
    while place and place[0][:1].islower():  # "… ban hành tại Hà Nội": the name is capitalised
        place.pop(0)
    if not place:
        return None
    # A legacy font that lost the capitals prints "Hà nội": names are written in title case.
    return " ".join(w if (w[:1].isupper() and not w.isupper()) or w.endswith(".")
                    else w[:1].upper() + w[1:].lower() for w in place)


# "Luật này đã được Quốc hội … khóa IX, kỳ họp thứ ba thông qua ngày 06 tháng 7 năm 1993."
_SELF_ADOPTED = re.compile(
    r"(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị\s+quyết|Hiến\s+pháp|Điều\s+lệ)\s+này\s+(?:đã\s+)?được\s+"
    r"(?P<body>[^.;]{3,200}?)\s+thông\s+qua\s+(?:vào\s+)?"
    r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})",
    re.IGNORECASE,
)
_BODY_END = re.compile(r"\s+(?:nước\s+Cộng|khóa|khoá|kỳ\s+họp|tại\s+kỳ|lần\s+thứ)\b|,",
                       re.IGNORECASE)
# Treaties close with "Ký tại Bắc Kinh ngày 11 tháng 10 năm 2011 …".
_SIGNED_AT = re.compile(r"\bKý\s+tại\s+((?:[^\W\d_]+\s+){0,3}?[^\W\d_]+)\s*(?:,|\s+ngày|\s+vào)")


def adoption(text: str) -> tuple[str, str | None] | None:
    """(body, date) of the closing sentence that adopts the document ("Luật này đã được Quốc hội
    … thông qua ngày …"); the last such sentence, None without one."""
    found = None
    for m in _SELF_ADOPTED.finditer(text):
        found = m
    if not found:
        return None
    body = _BODY_END.split(found.group("body"), 1)[0].strip()
    return body, iso_date(*found.groups()[1:])


def signed_at(text: str) -> str | None:
    """The place of a treaty's "Ký tại <place> ngày …" closing line, or None."""
    m = _SIGNED_AT.search(text[-20000:])
    if not m or not all(w[:1].isupper() for w in m.group(1).split()):
        return None
    return m.group(1).strip()
