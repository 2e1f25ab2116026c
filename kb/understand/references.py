"""Where an official document names itself: an appendix's caption and a republished copy's lead.

A copy that lost its header still says "(Kèm theo Hướng dẫn số 40-HD/BTGDVTW, ngày 27/11/2025
của Ban Tuyên giáo và Dân vận Trung ương)" over its appendix, and a government portal opens its
copy with "Ngày 9/9/2025, thay mặt Chính phủ, Phó Thủ tướng Hồ Đức Phớc đã ký ban hành Nghị
quyết số 05/2025/NQ-CP …". Both are read only for the document's own kind.
"""

from __future__ import annotations

import re

from kb.understand.dates import iso_date
from kb.understand.header import number
from kb.understand.layout import OFFICE
from kb.understand.signature import is_signer

_DATE = r"(\d{1,2})\s*(?:tháng|[/.-])\s*(\d{1,2})\s*(?:năm|[/.-])\s*(\d{4})"
_ANNEXED = re.compile(
    r"\(\s*(?:Ban\s+hành\s+)?[Kk]èm\s+theo\s+(?P<kind>[^\d()]{3,40}?)"
    r"\s+số\s*:?\s*(?P<number>[^\s,()]+)"
    r"\s*,?\s*ngày\s*" + _DATE + r"(?:\s+của\s+(?P<issuer>[^()]{3,150}?))?\s*\)",
    re.IGNORECASE,
)
_LEAD_DATE = re.compile(r"^Ngày\s+" + _DATE, re.IGNORECASE)
_LEAD_SIGNED = re.compile(r"(?P<before>(?:" + OFFICE.pattern + r")(?:\s+[^\W\d_]+){2,9}?)"
                          r"\s+(?:đã\s+|vừa\s+)?ký\s+ban\s+hành\s+(?P<kind>[^\d]{3,40}?)"
                          r"\s+số\s+(?P<number>[^\s,]+)",
                          re.IGNORECASE)


def annexed(text: str, kind: str) -> dict | None:
    """Number, date and issuer from an appendix caption naming a document of ``kind``."""
    for m in _ANNEXED.finditer(text):
        if " ".join(m.group("kind").split()).lower() != kind.lower():
            continue
        issuer = " ".join((m.group("issuer") or "").split()) or None
        return {"number": number(m.group("number"), ""), "date": iso_date(*m.group(3, 4, 5)),
                "issuer": issuer}
    return None


def attached_to(lines: list[str], kind: str) -> dict | None:
    """The document a text is issued with, named under its summary ("QUY ĐỊNH / về … / (Ban
    hành kèm theo Quyết định số 522/2002/QĐ.UB ngày …)"): kind, number, date and issuer of that
    other document, or None."""
    text = " ".join(lines)
    for m in _ANNEXED.finditer(text):
        other = " ".join(m.group("kind").split())
        if other.lower() == kind.lower():
            continue
        issuer = " ".join((m.group("issuer") or "").split()) or None
        return {"kind": other, "number": number(m.group("number"), ""),
                "date": iso_date(*m.group(3, 4, 5)), "issuer": issuer}
    return None


def lead(lines: list[str], kind: str) -> dict | None:
    """Date, number and signer from a portal's lead paragraph announcing a document of ``kind``."""
    for line in lines:
        m = _LEAD_SIGNED.search(line)
        if not m or " ".join(m.group("kind").split()).lower() != kind.lower():
            continue
        date = _LEAD_DATE.match(line)
        words = m.group("before").split()
        # "Chủ tịch Quốc hội Trần Thanh Mẫn": the name is the longest run of words ending it.
        name = next((" ".join(words[-n:]) for n in range(min(5, len(words)), 1, -1)
                     if is_signer(" ".join(words[-n:]))), None)
        return {"number": number(m.group("number").rstrip("."), ""),
                "date": iso_date(*date.groups()) if date else None, "signer": name}
    return None
