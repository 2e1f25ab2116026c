"""The header of an official document: issuing body, national motto, number, kind line.

Nghị định 30/2020/NĐ-CP and Hướng dẫn 36-HD/VPTW put the issuing body top left (its parent body
above it), the motto or "ĐẢNG CỘNG SẢN VIỆT NAM" top right, the number under the body, the place
and date under the motto, and the kind of document in capitals below them.
"""

from __future__ import annotations

import re

from kb.understand.kinds import KINDS
from kb.understand.layout import display_case, roman

KIND_LINE = re.compile(
    r"^(" + "|".join(sorted(map(re.escape, KINDS), key=len, reverse=True)) + r")(?=\s|$|:)(.*)$"
)
MOTTO = re.compile(
    r"CỘNG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM"
    r"|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc"
    r"|^ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM\s*$|^ĐẢNG\s+CỘNG\s+SẢN$",
    re.IGNORECASE,
)
# The Party's name at the end of a header line is the right-hand column printed beside the body
# ("BAN CHẤP HÀNH TRUNG ƯƠNG        ĐẢNG CỘNG SẢN VIỆT NAM", spaces collapsed by clean-up).
TRAILING_PARTY = re.compile(r"(?<=\S)\s+ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM\s*$")
NUMBER_LINE = re.compile(r"^(?:(?:bộ\s+)?luật\s+|pháp\s+lệnh\s+)?số\b\s*:?\s*(.*)$", re.IGNORECASE)
_NUMBER_TOKEN = re.compile(r"^(?:[0-9A-ZĐ/\-.]+|[0-9A-Za-zĐđ.]*[0-9/\-][0-9A-Za-zĐđ/\-.]*)$")
# OCR layers type Cyrillic look-alikes in reference numbers ("ВСТ" for "BCT").
_HOMOGLYPHS = str.maketrans("АВСЕНКМОРТХУаеорсух", "ABCEHKMOPTXYaeopcyx")
TERM = re.compile(r"\bkh(?:óa|oá|oa)\s+(?:thứ\s+)?([IVXLC]+|\d{1,2})\b", re.IGNORECASE)
ORG_START = re.compile(
    r"^(BAN|BỘ|ỦY BAN|UỶ BAN|UBND|ĐẢNG BỘ|ĐẢNG ỦY|ĐẢNG UỶ|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|"
    r"HUYỆN ỦY|HUYỆN UỶ|QUẬN ỦY|QUẬN UỶ|THỊ ỦY|THỊ UỶ|VĂN PHÒNG|CHÍNH PHỦ|QUỐC HỘI|THỦ TƯỚNG|SỞ|CỤC|TỔNG CỤC|HỘI ĐỒNG|TÒA ÁN|"
    r"TOÀ ÁN|VIỆN|CHI BỘ|ĐẠI HỘI|CHỦ TỊCH|ĐOÀN|MẶT TRẬN|HỌC VIỆN|TRƯỜNG|CÔNG AN|CHI CỤC|PHÒNG)\b"
)


def number(rest: str, following: str) -> str | None:
    """The reference number after "Số:" ("05-CT/TW"), spaces dropped; None when blank."""
    rest = (rest.strip() or following).translate(_HOMOGLYPHS)
    rest = re.split(r",\s*ngày|\s+ngày\s", rest)[0]
    if rest.endswith("-") and following:  # number wrapped over two lines
        rest += following.translate(_HOMOGLYPHS)
    tokens = []
    for token in rest.replace(":", " ").split():
        if not _NUMBER_TOKEN.match(token):
            break
        tokens.append(token)
    value = "".join(tokens).strip(".-")
    return value if re.search(r"\d", value) and re.search(r"[A-ZĐ]", value) else None


def issuers(units: list[str]) -> tuple[str | None, str | None, str | None]:
    """(issuer, issuer_parent, term) from the header lines above the number."""
    merged: list[str] = []
    for line in units:
        if merged and (not ORG_START.match(line) or merged[-1].endswith("-")):
            merged[-1] = f"{merged[-1]} {line}"
        else:
            merged.append(line)
    term = None
    cleaned = []
    for unit in merged:
        m = TERM.search(unit)
        if m:
            term = roman(m.group(1))
            unit = unit[: m.start()].strip(" ,-")
        cleaned.append(display_case(unit))
    if not cleaned:
        return None, None, term
    parent = cleaned[-2] if len(cleaned) > 1 else None
    return qualified(cleaned[-1], parent), parent, term


#: The committee of a Party organisation by the level of its place ("Đảng bộ tỉnh" → "Tỉnh ủy").
_COMMITTEE_OF = {"tỉnh": "Tỉnh ủy", "thành phố": "Thành ủy", "quận": "Quận ủy", "huyện": "Huyện ủy",
                 "thị xã": "Thị ủy", "phường": "Đảng ủy phường", "xã": "Đảng ủy xã",
                 "thị trấn": "Đảng ủy thị trấn"}
_PARTY_ORGANISATION = re.compile(r"^Đảng bộ (tỉnh|thành phố|quận|huyện|thị xã|phường|xã|thị trấn) (.+)$")
_BARE_COMMITTEE = re.compile(r"^(?:Tỉnh|Thành|Quận|Huyện|Thị|Đảng) ủy$")
_COMMITTEE = re.compile(r"^(?:Tỉnh|Thành|Quận|Huyện|Thị) ủy \S|^Đảng ủy (?:phường|xã|thị trấn) \S")


def qualified(issuer: str, parent: str | None) -> str:
    """A committee or board named with its place, as readers and facets need it: "Thành ủy"
    under "Đảng bộ thành phố Hải Phòng" is "Thành ủy Hải Phòng", "Ban Thường vụ" under "Đảng bộ
    tỉnh Lào Cai" is "Ban Thường vụ Tỉnh ủy Lào Cai", "Ban Tuyên giáo" under "Thành ủy Hải
    Phòng" is "Ban Tuyên giáo Thành ủy Hải Phòng"."""
    if not parent:
        return issuer
    organisation = _PARTY_ORGANISATION.match(parent)
    committee = f"{_COMMITTEE_OF[organisation.group(1)]} {organisation.group(2)}" \
        if organisation else (parent if _COMMITTEE.match(parent) else None)
    if committee is None:
        return issuer
    if _BARE_COMMITTEE.match(issuer):
        return committee
    if issuer.startswith("Ban ") and len(issuer.split()) <= 4:
        return f"{issuer} {committee}"
    return issuer
