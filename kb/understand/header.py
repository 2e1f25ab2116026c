"""The header of an official document: issuing body, national motto, number, kind line.

Nghị định 30/2020/NĐ-CP and Hướng dẫn 36-HD/VPTW put the issuing body top left (its parent body
above it), the motto or "ĐẢNG CỘNG SẢN VIỆT NAM" top right, the number under the body, the place
and date under the motto, and the kind of document in capitals below them.
"""

from __future__ import annotations

import re

from kb.understand.dates import DATE_WORDS
from kb.understand.kindline import kind_line
from kb.understand.kinds import KINDS
from kb.understand.layout import (OFFICE, ORG_ANY, ORG_START, display_case, is_org_line, is_upper,
                                  roman)

MOTTO = re.compile(
    r"CỘNG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM"
    r"|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc"
    r"|^ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM\s*$|^ĐẢNG\s+CỘNG\s+SẢN$"
    r"|^ĐOÀN\s+(?:TNCS|THANH\s+NIÊN\s+CỘNG\s+SẢN)\s+HỒ\s+CHÍ\s+MINH\s*$"
    # The Democratic Republic's name heads the motto of 1945–1976 documents.
    r"|^(?-i:VIỆT\s+NAM\s+DÂN\s+CHỦ\s+CỘNG\s+H(?:ÒA|OÀ|OA))\s*$",
    re.IGNORECASE,
)
# The Party's (or the Youth Union's) name is its motto in capitals (or in a legacy font that
# lost them), not the "Đảng Cộng sản Việt Nam" of running text or of an encyclopedia's infobox.
_PARTY_NAME = re.compile(r"^(?:đảng\s+cộng\s+sản(?:\s+việt\s+nam)?"
                         r"|đoàn\s+(?:tncs|thanh\s+niên\s+cộng\s+sản)\s+hồ\s+chí\s+minh)\s*$",
                         re.IGNORECASE)
# The Party's name at the end of a header line is the right-hand column printed beside the body
# ("BAN CHẤP HÀNH TRUNG ƯƠNG        ĐẢNG CỘNG SẢN VIỆT NAM", spaces collapsed by clean-up).
# The Youth Union prints its name there as the Party does ("ĐOÀN TNCS HỒ CHÍ MINH").
TRAILING_PARTY = re.compile(r"(?<=\S)\s+(?:ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM"
                            r"|ĐOÀN\s+(?:TNCS|THANH\s+NIÊN\s+CỘNG\s+SẢN)\s+HỒ\s+CHÍ\s+MINH)\s*$")
# "Số: 05-CT/TW"; a law's "Luật số 28/2004/QH11"; or the kind named before it with a colon, as
# the Quốc hội prints its resolutions ("Nghị quyết số: 103/2023/QH15").
NUMBER_LINE = re.compile(
    r"^(?:(?:bộ\s+)?luật\s+|pháp\s+lệnh\s+|(?:"
    + "|".join(sorted((re.escape(k.lower()) for k in KINDS), key=len, reverse=True))
    + r")\s+(?=số\s*:))?số\b\s*:?\s*(.*)$",
    re.IGNORECASE,
)
_NUMBER_TOKEN = re.compile(r"^(?:[0-9A-ZĐ/\-.]+|[0-9A-Za-zĐđ.]*[0-9/\-][0-9A-Za-zĐđ/\-.]*)$")
# OCR layers type Cyrillic look-alikes in reference numbers ("ВСТ" for "BCT").
_HOMOGLYPHS = str.maketrans("АВСЕНКМОРТХУаеорсух", "ABCEHKMOPTXYaeopcyx")
TERM = re.compile(r"\bkh(?:óa|oá|oa)\s+(?:thứ\s+)?([IVXLC]+|\d{1,2})\b", re.IGNORECASE)
# Where the header ends and the body begins: the grounds, the salutation, the first article.
ZONE_END = re.compile(
    r"^(?:[-–+•]\s*)?(?:Căn\s+cứ|Kính\s+gửi|Xét\s+(?:đề\s+nghị|tờ\s+trình)|Theo\s+đề\s+nghị"
    r"|Điều\s+1\b|Chương\s+(?:I|1)\b|Phần\s+thứ\s+nhất)",
    re.IGNORECASE,
)
# The motto cut at a line's end ("ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI") and its rest on the next line.
_MOTTO_HEAD = re.compile(
    r"(?:^|\s)(CỘNG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+HỘI(?:\s+CHỦ\s+NGHĨA)?|ĐẢNG\s+CỘNG\s+SẢN)\s*$",
    re.IGNORECASE,
)
_MOTTO_TAIL = re.compile(r"^(?:CHỦ\s+NGHĨA\s+)?VIỆT\s+NAM\s*$", re.IGNORECASE)
_HEADER_LINES = 30
_INLINE_NUMBER = re.compile(r"(?<=\S)\s+Số\s*:?\s*(?=\d)")
_RULE = re.compile(r"\s*[-–*_=]{3,}.*$")
_SUBJECT = re.compile(r"^(?:V/v|Về\s+việc)\b", re.IGNORECASE)
def number(rest: str, following: str) -> str | None:
    """The reference number after "Số:" ("05-CT/TW"), spaces dropped; None when blank."""
    rest = (rest.strip() or following).translate(_HOMOGLYPHS)
    rest = re.split(r",\s*ngày|\s+ngày\s", rest)[0]
    if rest.endswith("-") and following:  # number wrapped over two lines
        rest += following.translate(_HOMOGLYPHS)
    tokens = []
    for token in rest.replace(":", " ").split():
        if not _NUMBER_TOKEN.match(token) or token.lower() == "v/v":
            break
        tokens.append(token)
    value = "".join(tokens).strip(".-")
    # A document's number has a code of capitals after "/" or "-" ("05-CT/TW"); "số 105B phố
    # Quán Thánh" is an address.
    coded = re.search(r"[/-][^/-]*[A-ZĐ]{2}|[A-ZĐ]{2}[^/-]*[/-]", value)
    return value if coded and re.search(r"\d", value) else None


def issuers(units: list[str]) -> tuple[str | None, str | None, str | None]:
    """(issuer, issuer_parent, term) from the header lines above the number."""
    merged: list[str] = []
    for line in units:
        if merged and (not ORG_START.match(line.upper()) or merged[-1].endswith("-")):
            merged[-1] = f"{merged[-1]} {line}"
        else:
            merged.append(line)
    # A caption printed above the body ("VĂN BẢN QUY PHẠM PHÁP LUẬT") names no body, and a
    # body printed twice (a header table and its copy) is one.
    while len(merged) > 1 and not ORG_ANY.match(merged[0]):
        merged.pop(0)
    merged = [u for n, u in enumerate(merged) if not n or u.lower() != merged[n - 1].lower()]
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
_PARTY_ORGANISATION = re.compile(
    r"^Đảng bộ (tỉnh|thành phố|quận|huyện|thị xã|phường|xã|thị trấn) (.+)$"
)
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


def motto_split(line: str, pending: bool) -> tuple[str, bool, bool]:
    """(text left of the motto, whether the line holds motto, whether the motto goes on below).

    ``pending`` says the line above ended inside the motto ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT
    NAM", "ĐẢNG CỘNG SẢN" / "VIỆT NAM"): two-column headers wrap it. The country's or the
    Party's name inside running text or an infobox ("Chủ tịch Hội đồng Nhà nước Cộng hòa xã hội
    chủ nghĩa Việt Nam") is no motto: beside other text the motto is in capitals, or in the
    lower case of a legacy font that lost them ("Bộ tài chính cộng hoà xã hội chủ nghĩa Việt nam").
    """
    if pending and _MOTTO_TAIL.match(line):
        return "", True, False
    if _PARTY_NAME.match(line) and not (is_upper(line) or line.islower()):
        return line, False, False
    m = MOTTO.search(line) or TRAILING_PARTY.search(line)
    head = _MOTTO_HEAD.search(line)
    found = m or head
    if not found:
        return line, False, False
    left = line[: found.start()].strip(" -*")
    motto_text = found.group(0).strip()
    if left:
        if not (is_upper(left) or NUMBER_LINE.match(left) or (is_org_line(left) and (
                left.islower() or not OFFICE.match(left)))):
            return line, False, False  # "… tại Cộng hòa xã hội chủ nghĩa Việt Nam …": running text
        if not (is_upper(motto_text) or motto_text.startswith("Độc")
                or motto_text.split()[-1] in ("nam", "NAm")):
            return line, False, False
    goes_on = bool(head and head.end() == len(line.rstrip()))
    return left, True, goes_on


def read_header(head: list[str]) -> dict:
    """What the header lines above the kind line state.

    Keys: ``issuer_lines``, ``number``, ``number_seen`` (a number line, blank in drafts),
    ``motto``, ``kind_at`` (index of the kind line or None), ``zone`` (the header's lines, for
    the place and date), ``subject`` (a "V/v …" line under the number), ``end`` (where the body
    begins).
    """
    out = {"issuer_lines": [], "number": None, "number_seen": False, "motto": False,
           "kind_at": None, "zone": [], "subject": None, "end": len(head)}
    pending = continues = False
    lines = out["issuer_lines"]
    for i, line in enumerate(head):
        if ZONE_END.match(line) and not line[:1].islower():
            out["end"] = i
            break
        if i >= _HEADER_LINES and not (out["motto"] or out["number_seen"]):
            # No motto and no number in the first lines: the kind line alone can still head a
            # copy, but nothing further down is read as a header.
            out["end"] = i
            break
        numbered = out["number_seen"]  # the body's name is printed above its number
        inline = None if i >= _HEADER_LINES or NUMBER_LINE.match(line) else _INLINE_NUMBER.search(line)
        if inline and out["number"] is None and len(line) < 160:
            # "… Độc lập - Tự do - Hạnh phúc Số:155/1998/TT/BTC": columns read across.
            out["number"] = number(line[inline.end():], "")
            out["number_seen"] = out["number"] is not None
            line = line[: inline.start()]
        left, motto, pending = motto_split(line, pending) if len(line) < 120 and i < _HEADER_LINES \
            else (line, False, False)
        out["motto"] = out["motto"] or motto
        m_num = NUMBER_LINE.match(line) if i < _HEADER_LINES else None
        if m_num and out["number"] is None and len(line) < 160:
            out["zone"].append(line)
            inline_subject = re.search(r"\s(V/v\s.*)$", line)
            if inline_subject:  # "Số: 813/HC-CNHC V/v trao đổi …": the columns read across
                out["subject_text"] = inline_subject.group(1)
                out["subject"] = i
            following = head[i + 1] if i + 1 < len(head) else ""
            out["number"] = number(m_num.group(1), following)
            # A blank draft number ("Số:    /KH-UBND") still marks the official layout.
            out["number_seen"] = out["number"] is not None or "/" in line
            continues = False
            continue
        if out["kind_at"] is None and (i < 25 or is_upper(line)) and kind_line(line):
            out["kind_at"] = i
            break
        out["zone"].append(line)
        if _SUBJECT.match(line) and out["subject"] is None:
            out["subject"] = i
            continues = False
            continue
        if motto:
            left = _RULE.sub("", left)
            # The left column goes on beside the motto's lines ("ỦY BAN NHÂN DÂN / THÀNH PHỐ
            # HẢI PHÒNG" beside "CỘNG HÒA … / Độc lập - Tự do - Hạnh phúc").
            if left and not numbered and (is_upper(left) or is_org_line(left)) \
                    and not DATE_WORDS.search(left):
                lines.append(left)
            continues = bool(left)
            continue
        if out["number_seen"] or DATE_WORDS.search(line):
            continues = False
            continue
        if is_upper(line) and (not out["motto"] or len(lines) < 3):
            # "QUỐC HỘI -------": the rule printed under the body name is not part of it.
            lines.append(_RULE.sub("", line))
            continues = True
        elif is_org_line(line) or (continues and len(line.split()) <= 5 and not re.search(r"\d", line)
                                   and line.islower()):
            lines.append(_RULE.sub("", line))  # a header in a legacy font that lost its capitals
            continues = True
        else:
            continues = False
    return out
