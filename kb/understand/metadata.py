"""Metadata of Party and state documents read from their printed layout.

Party documents follow Hướng dẫn 36-HD/VPTW and state documents Nghị định 30/2020/NĐ-CP: issuing
body top left, national motto (or "ĐẢNG CỘNG SẢN VIỆT NAM") top right, then the number, place and
date, the kind of document in capitals with its summary (trích yếu) below, and at the end the
recipients ("Nơi nhận") and the signer block. ``extract_metadata`` reads those places only, so a
press article or a wiki page that merely mentions a directive gets ``kind`` None.
"""

from __future__ import annotations

import re

from kb.analysis.normalize import clean_text
from kb.understand.dates import iso_date
from kb.understand.kinds import KINDS as _KINDS, PHRASES as _PHRASES, TITLE_PHRASES as _TITLE_PHRASES

KEYS = (
    "kind", "number", "issuer", "issuer_parent", "term", "place", "date", "title",
    "signer", "signer_role", "recipients",
)

# Kinds whose summary is a name ("LUẬT / CƯ TRÚ" is "Luật Cư trú"), not a "về ..." clause.
_NAMED_KINDS = {"Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp", "Điều lệ", "Sắc lệnh"}
_KIND_LINE = re.compile(
    r"^(" + "|".join(sorted(map(re.escape, _KINDS), key=len, reverse=True)) + r")(?=\s|$|:)(.*)$"
)

_MOTTO = re.compile(
    r"CỘNG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM"
    r"|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc"
    r"|^ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM\s*$|^ĐẢNG\s+CỘNG\s+SẢN$",
    re.IGNORECASE,
)
# The Party's name at the end of a header line is the right-hand column printed beside the body
# ("BAN CHẤP HÀNH TRUNG ƯƠNG        ĐẢNG CỘNG SẢN VIỆT NAM", spaces collapsed by clean-up).
_TRAILING_PARTY = re.compile(r"(?<=\S)\s+ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM\s*$")
_NUMBER_LINE = re.compile(r"^(?:(?:bộ\s+)?luật\s+|pháp\s+lệnh\s+)?số\b\s*:?\s*(.*)$", re.IGNORECASE)
_NUMBER_TOKEN = re.compile(r"^(?:[0-9A-ZĐ/\-.]+|[0-9A-Za-zĐđ.]*[0-9/\-][0-9A-Za-zĐđ/\-.]*)$")
# OCR layers type Cyrillic look-alikes in reference numbers ("ВСТ" for "BCT").
_HOMOGLYPHS = str.maketrans("АВСЕНКМОРТХУаеорсух", "ABCEHKMOPTXYaeopcyx")
_DATE_WORDS = re.compile(
    r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", re.IGNORECASE
)
_DATE_SLASH = re.compile(r"ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", re.IGNORECASE)
_PLACE_WORD = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]*\.?|TP\.?)$")
_TERM = re.compile(r"\bkh(?:óa|oá|oa)\s+(?:thứ\s+)?([IVXLC]+|\d{1,2})\b", re.IGNORECASE)
_ADOPTED = re.compile(
    r"Quốc\s+hội[^.]{0,120}?thông\s+qua\s+ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"^[\s\-–_*=|.~]*$")
_BODY_START = re.compile(
    r"^(?:[-–+•]\s*)?(?:Căn\s+cứ|Kính\s+gửi|Thực\s+hiện|Xét\s+(?:đề\s+nghị|tờ\s+trình)|Theo\s+đề\s+nghị"
    r"|Chương\s+[IVXLC\d]|Phần\s+thứ|Điều\s+\d|Mục\s+\d|Trong\s+(?:thời\s+gian|những\s+năm)|\()",
    re.IGNORECASE,
)
_SIGN_PREFIX = re.compile(r"^(T/M|T/L|K/T|TM|KT|TL|TUQ|Q|Q/|TUQ/)\s*[./]?\s+(.+)$", re.IGNORECASE)
_PERSON = re.compile(r"^(?:[^\W\d_][^\W\d_]*\s+){1,5}[^\W\d_]+$")
_RECIPIENTS = re.compile(r"^N[ơo]i\s+nhận\s*:?\s*(.*)$", re.IGNORECASE)

_PHRASE_RE = re.compile(
    r"(?<!\w)(" + "|".join(sorted(map(re.escape, _PHRASES), key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)
_PHRASE_CANON = {p.lower(): p for p in _PHRASES + _TITLE_PHRASES}
_TITLE_PHRASE_RE = re.compile(
    r"(?<!\w)(" + "|".join(sorted(map(re.escape, _TITLE_PHRASES), key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)
_ROMAN_AFTER = re.compile(r"\b(thứ|khóa|khoá)\s+([ivxlc]+)\b")
# "Đảng" alone is the Party; "đảng viên", "đảng bộ", "tổ chức đảng" are common nouns.
_PARTY = re.compile(r"(?<!chức )\bđảng\b(?!\s+(?:viên|bộ|ủy|uỷ|phí|vụ|đoàn|tịch|tính|kỳ|phái))")
# Names of places follow these words and are written in title case.
_PLACE_AFTER = re.compile(r"\b(tỉnh ủy|thành ủy|quận ủy|huyện ủy|thị ủy|tỉnh|thành phố|huyện|quận|"
                          r"thị xã|xã|phường)\s+(.+)$")
# A ministry, department or Party board is named by the word after it ("Bộ Xây dựng").
_BODY_HEAD = re.compile(r"(?<!\w)(Bộ|Sở|Cục|Tổng cục|Ban|Vụ|Học viện|Báo)\s+(\w)")
_ORG_START = re.compile(
    r"^(BAN|BỘ|ỦY BAN|UỶ BAN|UBND|ĐẢNG BỘ|ĐẢNG ỦY|ĐẢNG UỶ|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|"
    r"HUYỆN ỦY|HUYỆN UỶ|QUẬN ỦY|QUẬN UỶ|THỊ ỦY|THỊ UỶ|VĂN PHÒNG|CHÍNH PHỦ|QUỐC HỘI|THỦ TƯỚNG|SỞ|CỤC|TỔNG CỤC|HỘI ĐỒNG|TÒA ÁN|"
    r"TOÀ ÁN|VIỆN|CHI BỘ|ĐẠI HỘI|CHỦ TỊCH|ĐOÀN|MẶT TRẬN|HỌC VIỆN|TRƯỜNG|CÔNG AN|CHI CỤC|PHÒNG)\b"
)
_ROMAN = {1: "I", 4: "IV", 5: "V", 9: "IX", 10: "X", 40: "XL", 50: "L"}


def strip_markup(text: str) -> list[str]:
    """Lines of ``text`` without markdown emphasis, table pipes and headings marks.

    Crawled pages wrap a bold header over two lines ("**BAN CHẤP HÀNH\\nTRUNG ƯƠNG**"); such a
    span becomes one line so a header unit is not read as two bodies.
    """
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
        lines.append(re.sub(r"\s+", " ", line).strip())
    return lines


def _is_person(line: str) -> bool:
    """A signer's name: two to six words, each capitalised and the rest lower case."""
    words = line.split()
    return bool(_PERSON.match(line)) and all(w[0].isupper() and w[1:].islower() for w in words)


def _is_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


def _roman(value: str) -> str:
    if not value.isdigit():
        return value.upper()
    n, out = int(value), ""
    for v in (50, 40, 10, 9, 5, 4, 1):
        while n >= v:
            out, n = out + _ROMAN[v], n - v
    return out


def _canon_phrases(text: str, pattern: re.Pattern = _PHRASE_RE) -> str:
    text = pattern.sub(lambda m: _PHRASE_CANON.get(m.group(1).lower(), m.group(1)), text)
    text = _PARTY.sub("Đảng", text)
    return _ROMAN_AFTER.sub(lambda m: f"{m.group(1)} {m.group(2).upper()}", text)


def display_case(upper: str) -> str:
    """Readable spelling of a capitalised body or role ("BỘ XÂY DỰNG" -> "Bộ Xây dựng")."""
    if " - " in upper:  # joint issuers: "BỘ CÔNG AN - BỘ QUỐC PHÒNG"
        return " - ".join(display_case(part) for part in upper.split(" - ") if part.strip())
    text = upper.lower()
    place = _PLACE_AFTER.search(text)
    if place:
        name = " ".join(w[:1].upper() + w[1:] for w in place.group(2).split())
        text = text[: place.start(2)] + name
    text = text[:1].upper() + text[1:]
    text = _BODY_HEAD.sub(lambda m: f"{m.group(1)} {m.group(2).upper()}", text)
    return _canon_phrases(text)


def title_case(upper: str, capitalise: bool = True) -> str:
    """Sentence case for a capitalised summary, keeping proper names ("Việt Nam", "Quốc hội")."""
    text = upper.lower()
    if capitalise:
        text = text[:1].upper() + text[1:]
    return _canon_phrases(text, _TITLE_PHRASE_RE)


def _number(rest: str, following: str) -> str | None:
    rest = (rest.strip() or following).translate(_HOMOGLYPHS)
    rest = re.split(r",\s*ngày|\s+ngày\s", rest)[0]
    if rest.endswith("-") and following:  # number wrapped over two lines
        rest += following.translate(_HOMOGLYPHS)
    tokens = []
    for token in rest.replace(":", " ").split():
        if not _NUMBER_TOKEN.match(token):
            break
        tokens.append(token)
    number = "".join(tokens).strip(".-")
    return number if re.search(r"\d", number) and re.search(r"[A-ZĐ]", number) else None


def _issuers(units: list[str]) -> tuple[str | None, str | None, str | None]:
    """(issuer, issuer_parent, term) from the header lines above the number."""
    merged: list[str] = []
    for line in units:
        if merged and (not _ORG_START.match(line) or merged[-1].endswith("-")):
            merged[-1] = f"{merged[-1]} {line}"
        else:
            merged.append(line)
    term = None
    cleaned = []
    for unit in merged:
        m = _TERM.search(unit)
        if m:
            term = _roman(m.group(1))
            unit = unit[: m.start()].strip(" ,-")
        cleaned.append(display_case(unit))
    if not cleaned:
        return None, None, term
    parent = cleaned[-2] if len(cleaned) > 1 else None
    return _qualified(cleaned[-1], parent), parent, term


#: The committee of a Party organisation by the level of its place ("Đảng bộ tỉnh" → "Tỉnh ủy").
_COMMITTEE_OF = {"tỉnh": "Tỉnh ủy", "thành phố": "Thành ủy", "quận": "Quận ủy", "huyện": "Huyện ủy",
                 "thị xã": "Thị ủy", "phường": "Đảng ủy phường", "xã": "Đảng ủy xã",
                 "thị trấn": "Đảng ủy thị trấn"}
_PARTY_ORGANISATION = re.compile(r"^Đảng bộ (tỉnh|thành phố|quận|huyện|thị xã|phường|xã|thị trấn) (.+)$")
_BARE_COMMITTEE = re.compile(r"^(?:Tỉnh|Thành|Quận|Huyện|Thị|Đảng) ủy$")
_COMMITTEE = re.compile(r"^(?:Tỉnh|Thành|Quận|Huyện|Thị) ủy \S|^Đảng ủy (?:phường|xã|thị trấn) \S")


def _qualified(issuer: str, parent: str | None) -> str:
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


def _title(lines: list[str], kind: str, same_line: str) -> str | None:
    following = [ln for ln in lines[:3] if ln]
    if same_line.upper().startswith("CỦA ") and kind not in _NAMED_KINDS and following \
            and following[0].lower().startswith(("về ", "v/v")):
        same_line = ""  # "KẾT LUẬN CỦA BỘ CHÍNH TRỊ / về …": the issuer, then the subject
    parts = [same_line] if same_line else []
    for n, line in enumerate(lines[:6]):
        if not line:
            continue
        after = next((ln for ln in lines[n + 1:n + 3] if ln), "")
        if not parts and kind not in _NAMED_KINDS and _is_upper(line) and line.startswith("CỦA ") \
                and after.lower().startswith(("về ", "v/v")):
            # "CHỈ THỊ / CỦA BỘ CHÍNH TRỊ / về …": the middle line names the issuer, not the subject.
            continue
        # "Thực hiện …" opens the body; "thực hiện …" under the kind is the subject of the title.
        if _SEPARATOR.match(line) or (_BODY_START.match(line) and not line[:1].islower()):
            break
        if parts and _is_upper(" ".join(parts)) != _is_upper(line):
            break
        if parts and not _is_upper(line) and not line[:1].islower():
            break
        if _is_upper(line) and parts and (_ORG_START.match(line) or _MOTTO.search(line)):
            break
        if line.endswith((".", ";", ":")) and len(line) > 120:
            break
        parts.append(line)
    if not parts:
        return None
    title = " ".join(parts).strip(" :-")
    if kind in _NAMED_KINDS:
        # Old laws repeat number and date in the name line: "THUẾ ... SỐ 23-L/CTN NGÀY 10/07/1993".
        title = re.sub(r"^CỦA\s+QUỐC\s+HỘI.*?\bVỀ\s+", "", title)
        title = re.sub(r"\s+SỐ\s+\S+.*$", "", title).strip()
        if not title:
            return None
        name = title_case(title) if _is_upper(title) else title
        return f"{kind} {name}" if not name.lower().startswith(kind.lower()) else name
    if _is_upper(title):
        first = title.split()[0].lower()
        return title_case(title, capitalise=first not in {"về", "của", "tại", "v/v"})
    return title


def _signer(lines: list[str]) -> tuple[str | None, str | None]:
    """(signer, signer_role): role lines in capitals above a person's name.

    The block sits beside the recipients ("Nơi nhận") of the main text; appendices and forms
    may follow it, so that place is tried before the last lines of the file.
    """
    first = next((i for i, ln in enumerate(lines) if _RECIPIENTS.match(ln)), None)
    if first is not None:
        window = [ln for ln in lines[max(0, first - 15): first + 45] if ln and not _SEPARATOR.match(ln)]
        found = _signer_in(window, range(len(window)))
        if found[0]:
            return found
    tail = [ln for ln in lines[-40:] if ln and not _SEPARATOR.match(ln)]
    return _signer_in(tail, range(len(tail) - 1, max(len(tail) - 12, -1), -1))


def _signer_in(tail: list[str], order: range) -> tuple[str | None, str | None]:
    for i in order:
        name = tail[i]
        if not _is_person(name):
            continue
        roles: list[str] = []
        j = i - 1
        while j >= 0 and len(roles) < 4:
            line = tail[j]
            if re.match(r"^\(?\s*(đã ký|ký tên|đã kí)", line, re.IGNORECASE):
                j -= 1
                continue
            if not _is_upper(line) or line.startswith("-"):
                break
            roles.insert(0, line)
            j -= 1
        if not roles:
            continue
        pretty = []
        for role in roles:
            m = _SIGN_PREFIX.match(role)
            if m:
                prefix = m.group(1).upper()
                prefix = prefix if "/" in prefix else prefix + "."
                pretty.append(f"{prefix} {display_case(m.group(2))}")
            else:
                pretty.append(display_case(role))
        # A role wrapped over two lines ("K/T CHÁNH" / "VĂN PHÒNG") has no prefix on the 2nd line
        # and ends the first one mid-phrase; join such halves back.
        joined: list[str] = []
        for role, raw in zip(pretty, roles):
            if joined and re.search(r"\b(Chánh|Phó)$", joined[-1]):
                joined[-1] = _canon_phrases(f"{joined[-1]} {role.lower()}")
            else:
                joined.append(role)
        return name, ", ".join(joined)
    return None, None


def _recipients(lines: list[str]) -> list[str] | None:
    for i, line in enumerate(lines):
        m = _RECIPIENTS.match(line)
        if not m:
            continue
        items: list[str] = []
        rest = [m.group(1)] if m.group(1) else []
        for item in rest + lines[i + 1:]:
            if not item:
                continue
            if _SEPARATOR.match(item):
                if items:
                    break
                continue
            if item.startswith(("-", "–", "+", "•")):
                items.append(item.lstrip("-–+• ").rstrip(",;."))
            elif items and not _is_upper(item) and not _is_person(item):
                items[-1] = f"{items[-1]} {item.rstrip(',;.')}"  # wrapped recipient line
            else:
                break
        return [x for x in items if x] or None
    return None


def extract_metadata(text: str) -> dict:
    """Kind, number, issuer, term, place, date, title, signer and recipients of an official text.

    Every key of ``KEYS`` is present; a value is None (``recipients``: None) when the document
    does not state it. Text that lacks the official header yields ``kind`` None.
    """
    meta: dict = dict.fromkeys(KEYS)
    lines = strip_markup(clean_text(_excerpt(text)))
    content = [ln for ln in lines if ln and not _SEPARATOR.match(ln)]
    head = content[:40]

    issuer_lines: list[str] = []
    seen_motto = number_seen = False
    kind_at = None
    for i, line in enumerate(head):
        motto = (_MOTTO.search(line) or _TRAILING_PARTY.search(line)) if len(line) < 120 else None
        before = line[: motto.start()].strip(" -*") if motto else line
        m_num = _NUMBER_LINE.match(line)
        if m_num and meta["number"] is None and len(line) < 80:
            following = head[i + 1] if i + 1 < len(head) else ""
            meta["number"] = _number(m_num.group(1), following)
            # A blank draft number ("Số:    /KH-UBND") still marks the official layout.
            number_seen = meta["number"] is not None or "/" in line
        m_kind = _KIND_LINE.match(line)
        if m_kind and _is_upper(m_kind.group(1)) and (_is_upper(line) or m_kind.group(2)[:1] in " :"):
            kind_at = i
            break
        if motto:
            seen_motto = True
            before = re.sub(r"\s*[-–*_=]{3,}.*$", "", before)
            # The left column goes on beside the motto's lines ("ỦY BAN NHÂN DÂN / THÀNH PHỐ
            # HẢI PHÒNG" beside "CỘNG HÒA … / Độc lập - Tự do - Hạnh phúc").
            if before and not number_seen and _is_upper(before) and not _DATE_WORDS.search(before):
                issuer_lines.append(before)
            continue
        if not number_seen and _is_upper(line) and not _DATE_WORDS.search(line) \
                and (not seen_motto or len(issuer_lines) < 3):
            # "QUỐC HỘI -------": the rule printed under the body name is not part of it.
            issuer_lines.append(re.sub(r"\s*[-–*_=]{3,}.*$", "", line))

    official = seen_motto or number_seen
    if kind_at is not None and official:
        m_kind = _KIND_LINE.match(head[kind_at])
        meta["kind"] = _KINDS[m_kind.group(1)]
        same_line = m_kind.group(2).strip(" :")
        meta["title"] = _title(head[kind_at + 1:], meta["kind"], same_line)
        if meta["kind"] in {"Luật", "Bộ luật"}:
            meta["title"] = _law_name(text, meta["title"])
    if official:
        issuer, parent, term = _issuers(issuer_lines[:6])
        meta["issuer"], meta["issuer_parent"], meta["term"] = \
            _as_written(issuer, text), _as_written(parent, text), term
        header_text = "\n".join(head[: (kind_at or 12) + 1])
        _place_date(meta, header_text)
        # Laws end with "... Quốc hội ... khóa XIV, kỳ họp thứ 10 thông qua ngày ...".
        adopted = _ADOPTED.search(text[-3000:])
        if meta["date"] is None and adopted and meta["kind"] in {"Luật", "Bộ luật", "Pháp lệnh"}:
            meta["date"] = iso_date(*adopted.groups())
        if meta["term"] is None:
            m_term = _TERM.search(header_text + " " + (meta["title"] or "")) or (
                _TERM.search(adopted.group(0)) if adopted else None
            )
            if m_term:
                meta["term"] = _roman(m_term.group(1))
        meta["signer"], meta["signer_role"] = _signer(lines)
        meta["recipients"] = _recipients(lines)
    return meta


def _as_written(name: str | None, text: str) -> str | None:
    """``name`` spelt as the document writes it in running text ("Chi bộ phòng tư pháp", read
    from a header in capitals, is "Chi bộ Phòng Tư pháp" in the minutes themselves)."""
    words = (name or "").split()
    if len(words) < 2:
        return name
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)
    for m in pattern.finditer(text[:20000]):
        found = " ".join(m.group(0).split())
        if found != name and found[:1].isupper() and not _is_upper(found):
            return found
    return name


def _excerpt(text: str) -> str:
    """Header, recipients/signer and ending of a long text: the only places metadata lives."""
    if len(text) <= 20000:
        return text
    parts = [text[:8000]]
    recipients = re.search(r"N[ơo]i\s+nhận", text, re.IGNORECASE)
    if recipients and 8000 < recipients.start() < len(text) - 5000:
        parts.append(text[recipients.start() - 3000: recipients.start() + 6000])
    parts.append(text[-5000:])
    return "\n".join(parts)


def _place_date(meta: dict, header_text: str) -> None:
    m = _DATE_WORDS.search(header_text) or _DATE_SLASH.search(header_text)
    if not m:
        return
    meta["date"] = iso_date(*m.groups())
    before = header_text[: m.start()].rstrip()
    if before.endswith(","):
        words = before[:-1].split("\n")[-1].split()
        place: list[str] = []
        for word in reversed(words):
            if not _PLACE_WORD.match(word) or len(place) >= 4:
                break
            place.insert(0, word)
        meta["place"] = " ".join(place) or None


def _law_name(text: str, title: str | None) -> str | None:
    """Prefer the law's own spelling from "Quốc hội ban hành Luật ..." when it names the same law."""
    if not title:
        return title
    m = re.search(r"ban\s+hành\s+((?:Bộ\s+luật|Luật)\s+[^.;,\n]+)", text[:6000])
    if m and m.group(1).lower().strip() == title.lower():
        kind, _, name = m.group(1).strip().rpartition("uật ")
        return f"{kind}uật {name[:1].upper()}{name[1:]}"
    return title
