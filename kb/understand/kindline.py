"""The kind line of an official document and what is printed under it.

The kind in capitals ("QUYẾT ĐỊNH") or, in gazette copies and legacy fonts that lost the
capitals, in running text ("Nghị định của Chính phủ số 115/2003/NĐ-CP ngày 10/10/2003 về …");
under it the summary, then the line naming who enacts the document ("CHÍNH PHỦ", "BỘ TRƯỞNG BỘ
XÂY DỰNG") just above the grounds ("Căn cứ …").
"""

from __future__ import annotations

import re

from kb.understand.dates import iso_date
from kb.understand.kinds import KINDS
from kb.understand.layout import OFFICE, OPEN_END, ORG_ANY, SEPARATOR, display_case, is_upper

KIND_LINE = re.compile(
    r"^(" + "|".join(sorted(map(re.escape, KINDS), key=len, reverse=True)) + r")(?=\s|$|:)(.*)$"
)
# Kind lines in any case: "thông tư", "quyết định của bộ trưởng bộ tài chính" (legacy fonts),
# "Nghị định của Chính phủ số 115/2003/NĐ-CP ngày 10/10/2003 về …" (Công báo copies).
_KIND_ANY = re.compile(
    r"^(" + "|".join(sorted((re.escape(k.lower()) for k in KINDS), key=len, reverse=True))
    + r")(?=\s|$|:|\.)(.*)$", re.IGNORECASE
)
_GAZETTE = re.compile(
    r"^(?P<joint>liên\s+tịch\s+)?(?:của\s+)?(?P<issuer>(?:(?!\s(?:về|v/v)\s).){2,160}?)"
    r"\s+số\s*:?\s*(?P<number>[^\s,]+)\s*,?\s*"
    r"ngày\s*(?P<d>\d{1,2})\s*(?:tháng|[/.-])\s*(?P<m>\d{1,2})\s*(?:năm|[/.-])\s*(?P<y>\d{4})"
    r"\s*[,:.-]?\s*(?P<title>.*)$",
    re.IGNORECASE | re.DOTALL,
)


def kind_line(line: str) -> tuple[str, str] | None:
    """(kind as printed in capitals, the rest of the line) when ``line`` states the kind.

    In capitals ("QUYẾT ĐỊNH", "CHỈ THỊ CỦA BỘ CHÍNH TRỊ") or, where a legacy font lost the
    capitals or a gazette printed it in running text, as a line holding the kind alone, the kind
    followed by "của …" or "liên tịch …", or a line without a single capital; never a question.
    """
    m = KIND_LINE.match(line)
    if m and is_upper(m.group(1)) and (is_upper(line) or m.group(2)[:1] in " :"):
        return m.group(1), m.group(2)
    m = _KIND_ANY.match(line)
    if not m:
        return None
    key, rest = m.group(1).upper(), m.group(2).strip()
    if key not in KINDS:
        return None
    if "?" in line:
        return None  # a question about the document ("Nghị quyết 71 … nhằm mục đích gì?")
    if not rest.strip(" :.") or re.match(r"(?:của|liên\s+tịch)\b", rest, re.IGNORECASE) \
            or not any(c.isupper() for c in line):
        return key, rest
    return None


def authority(head: list[str], start: int, end: int) -> int | None:
    """Index of the line naming who enacts the document ("CHÍNH PHỦ", "BỘ TRƯỞNG BỘ XÂY DỰNG"):
    printed between the summary and the grounds ("Căn cứ …")."""
    k = end - 1
    while k > start and SEPARATOR.match(head[k]):
        k -= 1
    if k <= start + 1 or end >= len(head):  # the summary comes first ("LUẬT / THANH TRA")
        return None
    line, above = head[k], head[k - 1]
    if OPEN_END.search(above.rstrip(" ,")):
        return None  # the summary's last line, wrapped after a word that needs it
    if len(line.split()) <= 12 and not re.search(r"\d|[.;,:]\s*$", line) \
            and (ORG_ANY.match(line) or OFFICE.match(line)) \
            and (is_upper(line) != is_upper(above) or OFFICE.match(line) or len(line.split()) <= 5):
        return k
    return None


def enacting_body(line: str) -> str:
    """The body an enacting line names: "Bộ trưởng Bộ Tài chính" → "Bộ Tài chính" (the Prime
    Minister enacts in his own name: "Thủ tướng Chính phủ" stays)."""
    text = display_case(line) if is_upper(line) or line.islower() else line
    m = OFFICE.match(text)
    if m and not text.lower().startswith("thủ tướng") and ORG_ANY.match(text[m.end():].strip()):
        return text[m.end():].strip()
    return text


def gazette(rest: str) -> dict | None:
    """Issuer, number (as printed), date and summary of a gazette kind line ("… của Chính phủ số
    115/2003/NĐ-CP ngày 10/10/2003 về chế độ công chức dự bị"), or None."""
    m = _GAZETTE.match(rest)
    if not m:
        return None
    issuer = m.group("issuer").strip(" ,-")
    issuer = re.sub(r"^(?:liên\s+tịch\s+)?(?:của\s+)?", "", issuer, flags=re.IGNORECASE)
    if len(issuer.split()) > 14 or not (ORG_ANY.match(issuer) or OFFICE.match(issuer)
                                        or len(issuer.split()) <= 6):
        return None
    joint = bool(m.group("joint") or re.match(r"liên\s+tịch\b", m.group("issuer"), re.IGNORECASE))
    title = m.group("title").strip(" .;")
    return {"issuer": display_case(issuer) if is_upper(issuer) or issuer.islower() else issuer,
            "number": m.group("number"), "joint": joint,
            "date": iso_date(m.group("d"), m.group("m"), m.group("y")),
            "title": title[:1].upper() + title[1:] if title else None}
