"""Lines of an official document and how to read their case.

Headers, kind lines and signatures are printed in capitals; readers want them in the spelling of
running text ("BỘ XÂY DỰNG" is "Bộ Xây dựng"). These helpers are shared by the header, title and
signature readers of kb.understand.metadata.
"""

from __future__ import annotations

import re

from kb.analysis.fold import fold
from kb.understand.kinds import OFFICES, ORG_WORDS, PHRASES, TITLE_PHRASES

SEPARATOR = re.compile(r"^[\s\-–_*=|.~]*$")
# Where the body of the document starts: the grounds ("Căn cứ"), the salutation, the articles.
BODY_START = re.compile(
    r"^(?:[-–+•]\s*)?(?:Căn\s+cứ|Kính\s+gửi|Thực\s+hiện|Xét\s+(?:đề\s+nghị|tờ\s+trình)|Theo\s+đề\s+nghị"
    r"|Chương\s+[IVXLC\d]|Phần\s+thứ|Điều\s+\d|Mục\s+\d|Trong\s+(?:thời\s+gian|những\s+năm)|\()",
    re.IGNORECASE,
)
_ORG_WORDS = "|".join(sorted(map(re.escape, ORG_WORDS), key=len, reverse=True))
# A body's name in capitals at the start of a header line ("BỘ CÔNG AN").
ORG_START = re.compile(r"^(" + _ORG_WORDS.upper() + r")\b")
# A body's name in any case: legacy fonts lose the capitals of a header ("Bộ tài chính").
ORG_ANY = re.compile(r"^(?:" + _ORG_WORDS + r")(?!\w)", re.IGNORECASE)
OFFICE = re.compile(r"(?:Phó\s+)?(?:" + "|".join(sorted(map(re.escape, OFFICES), key=len, reverse=True))
                    + r")(?!\w)", re.IGNORECASE)
# Words a summary cannot end on: the name goes on with the parties ("GIỮA / CHÍNH PHỦ … / VÀ /
# CHÍNH PHỦ …"), the object of a preposition or of a verb ("Về việc phê duyệt / Kế hoạch …"),
# a number ("Nghị định số: / 89/2002/NĐ-CP"), or the name of a document its kind word announces
# ("… CỦA LUẬT CẢNH VỆ VÀ LUẬT / CÔNG AN NHÂN DÂN": the body's name there is the law's).
OPEN_END = re.compile(r"(?:^|\s)(?:GIỮA|VÀ|VỚI|CỦA|VỀ\s+VIỆC|VỀ|TẠI|CHO|ĐỐI\s+VỚI|SỐ"
                      r"|BAN\s+HÀNH|PHÊ\s+DUYỆT|TẶNG|THÀNH\s+LẬP|CÔNG\s+NHẬN|BỔ\s+NHIỆM"
                      r"|(?:BỘ\s+)?LUẬT|PHÁP\s+LỆNH|NGHỊ\s+ĐỊNH|NGHỊ\s+QUYẾT|THÔNG\s+TƯ"
                      r"|QUYẾT\s+ĐỊNH|HIẾN\s+PHÁP|CHỈ\s+THỊ)$",
                      re.IGNORECASE)
_PERSON = re.compile(r"^(?:[^\W\d_][^\W\d_]*\s+){1,5}[^\W\d_]+$")

_PHRASE_RE = re.compile(
    r"(?<!\w)(" + "|".join(sorted(map(re.escape, PHRASES), key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)
_PHRASE_CANON = {p.lower(): p for p in PHRASES + TITLE_PHRASES}
_TITLE_PHRASE_RE = re.compile(
    r"(?<!\w)(" + "|".join(sorted(map(re.escape, TITLE_PHRASES), key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)
_ROMAN_AFTER = re.compile(r"\b(thứ|khóa|khoá)\s+([ivxlc]+)\b")
# "Đảng" alone is the Party; "đảng viên", "đảng bộ", "tổ chức đảng" are common nouns.
_PARTY = re.compile(r"(?<!chức )\bđảng\b(?!\s+(?:viên|bộ|ủy|uỷ|phí|vụ|đoàn|tịch|tính|kỳ|phái))")
# Names of places follow these words and are written in title case.
_PLACE_AFTER = re.compile(r"\b(tỉnh ủy|thành ủy|quận ủy|huyện ủy|thị ủy|tỉnh đoàn|thành đoàn|huyện đoàn|"
                          r"quận đoàn|tỉnh|thành phố|huyện|quận|"
                          r"thị xã|xã(?!\s+hội\b)|phường)\s+(.+)$")
# A ministry, department or Party board is named by the word after it ("Bộ Xây dựng").
_BODY_HEAD = re.compile(r"(?<!\w)(Bộ|Sở|Cục|Tổng cục|Ban|Vụ|Học viện|Báo|Phòng)\s+(\w)")
_BODY_UNDER_COMMITTEE = re.compile(r"^((?:Đảng ủy|Đảng uỷ|Chi bộ|Đảng bộ|Công đoàn|Chi đoàn)\s+)"
                                   r"(bộ|sở|cục|tổng cục|ban|vụ|phòng|khối|học viện)(?!\w)")
# After a head's title the body is a name: "Bộ trưởng bộ tài chính" is "Bộ trưởng Bộ Tài chính".
_BODY_AFTER_TITLE = re.compile(r"(?<=trưởng )(bộ|tổng cục|cục|vụ|sở) (\w)")
# Abbreviated bodies printed in capitals in any header ("UBND HUYỆN ĐÔNG ANH").
_ACRONYM = re.compile(r"(?<!\w)(?:ubnd|hđnd|ubmttq|mttq|thcs|thpt|đhqg|tncs|bch)(?!\w)",
                     re.IGNORECASE)
_ROMAN = {1: "I", 4: "IV", 5: "V", 9: "IX", 10: "X", 40: "XL", 50: "L"}
# Long names of bodies, matched without diacritics to undo OCR's wrong marks ("tói cao").
_REPAIRABLE: dict[str, str] = {}
for _p in PHRASES:
    if len(_p.split()) >= 4:
        _REPAIRABLE.setdefault(fold(_p), _p)
_KNOWN = {p.lower() for p in PHRASES}
_REPAIR_RE = re.compile(
    r"(?<!\w)(" + "|".join(sorted(map(re.escape, _REPAIRABLE), key=len, reverse=True)) + r")(?!\w)"
)


def strip_markup(text: str) -> list[str]:
    """Lines of ``text`` without markdown emphasis, table pipes and headings marks.

    Crawled pages wrap a bold header over two lines ("**BAN CHẤP HÀNH\\nTRUNG ƯƠNG**"); such a
    span becomes one line so a header unit is not read as two bodies.
    """
    # A rule of asterisks under a body's name ("QUỐC HỘI *****") is a rule, not the opening of
    # a bold span that would pair with the next one and glue the header's lines together.
    text = re.sub(r"(?m)(?:(?<=\s)|^)\*{3,}(?=[ \t]*$)", lambda m: "-" * len(m.group(0)), text)
    # Two bold spans glued ("**LUẬT****CÁN BỘ, CÔNG CHỨC**") are two lines of a header table.
    text = re.sub(r"(?<=[^\s*])\*{4}(?=[^\s*])", "**\n**", text)
    text = re.sub(
        r"\*\*((?:(?!\*\*)[^\n]|\n(?!\s*\n)){1,300}?)\*\*",
        lambda m: m.group(1).replace("\n", " "),
        text,
    )
    text = text.replace("|", "\n")
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"^#+\s+", "", line)
        line = line.replace("**", "").replace("__", "")
        line = re.sub(r"^\*+\s*|\s*\*+$", "", line.strip())
        line = re.sub(r"^_(?!_)(.*[^_\s])_$", r"\1", line)  # "_Hà Nội, ngày …_": italics
        lines.append(re.sub(r"\s+", " ", line).strip())
    return lines


def is_person(line: str) -> bool:
    """A signer's name: two to six words, each capitalised and the rest lower case."""
    words = line.split()
    return bool(_PERSON.match(line)) and all(w[0].isupper() and w[1:].islower() for w in words)


def is_upper(line: str) -> bool:
    """Whether ``line`` is printed in capitals (a few lower-case letters are forgiven)."""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


def roman(value: str) -> str:
    """A term as Roman numerals ("12" → "XII"; "xii" → "XII")."""
    if not value.isdigit():
        return value.upper()
    n, out = int(value), ""
    for v in (50, 40, 10, 9, 5, 4, 1):
        while n >= v:
            out, n = out + _ROMAN[v], n - v
    return out


def canon_phrases(text: str, pattern: re.Pattern = _PHRASE_RE) -> str:
    """``text`` with the fixed spelling of bodies and titles ("ủy ban nhân dân" → "Ủy ban …")."""
    text = pattern.sub(lambda m: _PHRASE_CANON.get(m.group(1).lower(), m.group(1)), text)
    text = _PARTY.sub("Đảng", text)
    return _ROMAN_AFTER.sub(lambda m: f"{m.group(1)} {m.group(2).upper()}", text)


def display_case(upper: str) -> str:
    """Readable spelling of a capitalised body or role ("BỘ XÂY DỰNG" -> "Bộ Xây dựng")."""
    parts = [part for part in upper.split(" - ") if part.strip()]
    if len(parts) > 1 and all(ORG_ANY.match(part.strip()) for part in parts[1:]):
        # joint issuers: "BỘ CÔNG AN - BỘ QUỐC PHÒNG" (not "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI")
        return " - ".join(display_case(part) for part in parts)
    text = upper.lower()
    place = _PLACE_AFTER.search(text)
    if place:
        name = " ".join(w[:1].upper() + w[1:] for w in place.group(2).split())
        text = text[: place.start(2)] + name
    text = text[:1].upper() + text[1:]
    # "Đảng ủy sở y tế" is the committee of a body: "Đảng ủy Sở Y tế", "Chi bộ Phòng Tư pháp".
    text = _BODY_UNDER_COMMITTEE.sub(lambda m: m.group(1) + m.group(2).capitalize(), text)
    text = _BODY_AFTER_TITLE.sub(lambda m: f"{m.group(1).capitalize()} {m.group(2).upper()}", text)
    text = _BODY_HEAD.sub(lambda m: f"{m.group(1)} {m.group(2).upper()}", text)
    text = _ACRONYM.sub(lambda m: m.group(0).upper(), text)  # "UBND huyện", not "Ubnd huyện"
    text = _fields_named(text)
    return canon_phrases(repair_marks(text))


def _fields_named(text: str) -> str:
    """A ministry, department or office named by the fields it covers capitalises each field:
    "Bộ Kế hoạch và đầu tư" → "Bộ Kế hoạch và Đầu tư", "Sở Văn hóa, thể thao và du lịch" →
    "Sở Văn hóa, Thể thao và Du lịch" (up to the place: "… tỉnh Lâm Đồng")."""
    if not re.match(r"^(?:Bộ|Sở|Phòng)\s+\w", text):
        return text
    text = text[:text.index(" ") + 1] + text[text.index(" ") + 1].upper() + text[text.index(" ") + 2:]
    place = re.search(r"\s(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã(?!\s+hội\b)|phường)\s", text)
    end = place.start() if place else len(text)
    name = re.sub(r"(\svà\s|,\s|\s-\s)(\w)", lambda g: g.group(1) + g.group(2).upper(), text[:end])
    return name + text[end:]


def repair_marks(text: str) -> str:
    """``text`` with the long names of bodies respelt where only their marks differ (OCR)."""
    folded = "".join(fold(c) or c for c in text)
    if len(folded) != len(text):
        return text
    out, last = [], 0
    for m in _REPAIR_RE.finditer(folded):
        if text[m.start(): m.end()].lower() in _KNOWN:
            continue
        out += [text[last: m.start()], _REPAIRABLE[m.group(1)]]
        last = m.end()
    return "".join(out + [text[last:]]) if out else text


def title_case(upper: str, capitalise: bool = True) -> str:
    """Sentence case for a capitalised summary, keeping proper names ("Việt Nam", "Quốc hội")."""
    text = upper.lower()
    if capitalise:
        text = text[:1].upper() + text[1:]
    return canon_phrases(text, _TITLE_PHRASE_RE)


def is_org_line(line: str) -> bool:
    """A body's name in any case ("Bộ tài chính"): short, no digits, not a sentence."""
    short = len(line.split()) <= 10 and not re.search(r"\d|[.;:]\s*$", line)
    return short and bool(ORG_ANY.match(line))
