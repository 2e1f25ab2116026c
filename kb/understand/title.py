"""The summary (trích yếu) printed under the kind of an official document, and law names."""

from __future__ import annotations

import re

from kb.understand.dates import without_place_date
from kb.understand.header import MOTTO
from kb.understand.kinds import KINDS
from kb.understand.layout import (BODY_START, OFFICE, OPEN_END, ORG_ANY, ORG_START, SEPARATOR,
                                  is_person, is_upper, title_case)

# Kinds whose summary is a name ("LUẬT / CƯ TRÚ" is "Luật Cư trú"), not a "về ..." clause.
# A capitalised line between the kind and a "về …" subject naming who issues the document.
_ISSUING = re.compile(r"^(?:CỦA\s|HỘI\s+NGHỊ\s+(?:LẦN\s+THỨ|BAN\s+CHẤP\s+HÀNH|TRUNG\s+ƯƠNG))")
# Sentences that open the body under a summary ("Để triển khai Quyết định …").
_OPENS_BODY = re.compile(r"^(?:Để|Nhằm|Ngày|Năm\s+\d|Hôm\s+nay|Vừa\s+qua|Theo|Trên\s+cơ\s+sở|Qua|"
                         r"Sau\s+khi|Hội\s+nghị|Tiếp\s+theo|Thi\s+hành|Thời\s+gian|Những\s+năm|"
                         r"Trong|Tại|Hiện\s+nay|Thực\s+hiện|Với|Nhìn\s+chung)\b")
# Capitals, then a subject in running text on the same line ("CỦA CHÍNH PHỦ Về đăng ký …").
_SUBJECT_AFTER = re.compile(r"^\s*(\S.*?)\s+((?:Về|V/v)\b.*)$")
# A subject's opening word, alone on its line when the subject wraps after it ("về / đẩy mạnh …").
_SUBJECT_START = re.compile(r"(?:về|v/v)(?:\s|$)", re.IGNORECASE)
NAMED_KINDS = {"Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp", "Điều lệ", "Sắc lệnh"}
# "của Quốc hội" ending a law's name line, or going on with the session that passed it.
_SESSION = re.compile(r"\s+CỦA\s+QUỐC\s+HỘI(?:\s*$|(?=[\s,.(]+(?:NƯỚC|KH[OÓ]A|KHOÁ|KỲ|SỐ|NGÀY|\d))).*$",
                      re.IGNORECASE)


def summary(lines: list[str], kind: str, same_line: str, body: str = "") -> str | None:
    """The summary in the lines under the kind line (``same_line``: what follows the kind on it;
    ``body``: the document's text, where a parenthesis of the summary is found again)."""
    following = [ln for ln in lines[:3] if ln]
    joined = _SUBJECT_AFTER.match(same_line)
    if joined and is_upper(joined.group(1)) and (joined.group(1).startswith("CỦA ")
                                                 or joined.group(1) in KINDS):
        # "NGHỊ ĐỊNH CỦA CHÍNH PHỦ Về đăng ký kinh doanh", "THÔNG TƯ HƯỚNG DẪN Về việc: …": the
        # lines of the kind block read onto one; the subject begins at its "Về".
        same_line = joined.group(2)
    if same_line.upper().startswith("CỦA ") and kind not in NAMED_KINDS and following \
            and _new_phrase(following[0]):
        same_line = ""  # "KẾT LUẬN CỦA BỘ CHÍNH TRỊ / về …": the issuer, then the subject
    if same_line.upper() in KINDS and following and not is_upper(following[0]) \
            and following[0].lower().startswith(("về", "v/v")):
        same_line = ""  # "THÔNG TƯ HƯỚNG DẪN / Về việc: …": a second kind word, then the subject
    parts = [same_line] if same_line else []
    for n, line in enumerate(lines[:10]):
        if not line:
            continue
        after = next((ln for ln in lines[n + 1:n + 3] if ln), "")
        if not parts and kind not in NAMED_KINDS and is_upper(line) and _ISSUING.match(line) \
                and not is_upper(after) and _SUBJECT_START.match(after):
            # "CHỈ THỊ / CỦA BỘ CHÍNH TRỊ / về …", "NGHỊ QUYẾT / HỘI NGHỊ LẦN THỨ SÁU BAN CHẤP
            # HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII / về …": the middle line names who issues it.
            continue
        # "Thực hiện …" opens the body; "thực hiện …" under the kind is the subject of the title.
        if SEPARATOR.match(line) or (BODY_START.match(line) and not line[:1].islower()
                                     and not (parts and (_open_ended(parts, kind) or _aside(parts, line, body)))):
            break
        if parts and is_upper(" ".join(parts)) and not is_upper(line) \
                and _SUBJECT_START.match(line) and line[:1].islower() and kind not in NAMED_KINDS:
            # "THÔNG BÁO / KẾT LUẬN CỦA BỘ CHÍNH TRỊ / về …": the capitals head the subject.
            parts = [title_case(" ".join(parts)), line]
            continue
        if parts and _open_ended(parts, kind) and not line.endswith(":") and (
                is_upper(line) == is_upper(" ".join(parts)) or not line[:1].isalpha()):
            parts.append(line)  # "… của / Bộ Chính trị", "… Nghị định số: / 89/2002/NĐ-CP"
            continue
        if parts and is_upper(" ".join(parts)) != is_upper(line) and not _aside(parts, line, body):
            break
        if parts and not is_upper(line) and not _continues(line) \
                and not _wrapped(parts, line) and not _aside(parts, line, body) \
                and not _rejoined(parts, line, body):
            break
        if is_upper(line) and parts and (ORG_START.match(line) or MOTTO.search(line)) \
                and not _open_ended(parts, kind) and not _rejoined(parts, line, body):
            break
        if parts and line.islower() and ORG_ANY.match(line) and len(line.split()) <= 6 \
                and (not after or re.match(r"(?:[-–+•*]\s*)?(?:căn\s+cứ|xét)\b", after, re.I)):
            break  # the enacting body above the grounds, its capitals lost ("ủy ban thường vụ quốc hội")
        if line.endswith((".", ";", ":")) and len(line) > 120:
            break
        if parts and line.lower() == parts[-1].lower():
            continue  # a header table's cell copied twice by the crawl
        parts.append(line)
    if not parts:
        return None
    title = " ".join(parts).strip(" :-")
    if kind in NAMED_KINDS:
        # Old laws repeat number and date in the name line: "THUẾ ... SỐ 23-L/CTN NGÀY 10/07/1993".
        # Legacy fonts lose the capitals ("của quốc hội … về …"): the cases are read alike.
        title = re.sub(r"^CỦA\s+QUỐC\s+HỘI.*?\bVỀ\s+", "", title, flags=re.IGNORECASE)
        # "SỐ 18-L/CTN NGÀY 06/07/1993 CỦA QUỐC HỘI VỀ DẦU KHÍ": the gazette's line before the name.
        title = re.sub(r"^SỐ\s+\S+\s+NGÀY\s+\S+(?:\s+CỦA\s+QUỐC\s+HỘI)?(?:\s+VỀ)?\s+", "", title,
                       flags=re.IGNORECASE)
        title = re.sub(r"\s+SỐ\s+\d\S*.*$", "", title, flags=re.IGNORECASE)  # not "TẦN SỐ VÔ TUYẾN"
        # "LÝ LỊCH TƯ PHÁP / CỦA QUỐC HỘI KHÓA XII, KỲ HỌP THỨ 5": the session, not the name; in
        # "HOẠT ĐỘNG GIÁM SÁT CỦA QUỐC HỘI VÀ HỘI ĐỒNG NHÂN DÂN" the body is part of the name.
        title = _SESSION.sub("", title).strip()
        if not title:
            return None
        name = title_case(title) if is_upper(title) or _case_lost(title) else title
        return f"{kind} {name}" if not name.lower().startswith(kind.lower()) else name
    if is_upper(title):
        first = title.split()[0].lower()
        return title_case(title, capitalise=first not in {"về", "của", "tại", "v/v"})
    return title


# A parenthesis the layout adds under a summary, which is none of it.
_FURNITURE = re.compile(r"^\((?:ban\s+hành\s+kèm|kèm\s+theo|dự\s+thảo|lần\s|đã\s+ký|tài\s+liệu)",
                        re.IGNORECASE)


def _rejoined(parts: list[str], line: str, body: str) -> bool:
    """A summary wrapped inside a name ("… thành phố Hải / Phòng năm 2025", "… phong cách /
    Hồ Chí Minh", "CHÀO MỪNG / ĐẠI HỘI …"): the words on either side of the break are written
    together again elsewhere in the text."""
    above, below = " ".join(parts).split(), line.split()
    if not above or not below or not below[0][:1].isupper() or not body:
        return False
    pair = f" {above[-1]} {below[0]} ".lower()
    return (" " + " ".join(body.split()).lower() + " ").count(pair) >= 2


def _open_ended(parts: list[str], kind: str | None = None) -> bool:
    """Whether the summary so far stops on a word that needs what follows (a treaty's "GIỮA"),
    or is a gazette's line before a law's name that has not reached the name ("CỦA QUỐC HỘI /
    NƯỚC CỘNG HOÀ … SỐ 16/1999/QH10 VỀ SĨ QUAN …")."""
    text = " ".join(parts).rstrip(" ,:")
    if kind in NAMED_KINDS and re.match(r"CỦA\s+QUỐC(?:\s+HỘI)?\b", text, re.IGNORECASE) \
            and not re.search(r"\bVỀ\b", text, re.IGNORECASE):
        return True
    return bool(OPEN_END.search(text))


def _aside(parts: list[str], line: str, body: str) -> bool:
    """A parenthesis closing on its line under a summary that names what the summary speaks of
    ("(Chương trình Nghị sự 21 của Việt Nam)"): the text names it so again. The layout's own
    ("(Ban hành kèm theo …)", "(Dự thảo)") is no part of the summary."""
    if not (line.startswith("(") and line.endswith(")") and len(line) <= 150) \
            or _FURNITURE.match(line) or is_upper(" ".join(parts)):
        return False
    inner = re.sub(r"\s+", " ", line[1:-1]).strip().lower()
    return len(inner.split()) >= 2 and re.sub(r"\s+", " ", body).lower().count(inner) >= 2


def _new_phrase(line: str) -> bool:
    """Whether the line under "… CỦA <body>" starts the subject rather than going on."""
    return bool(_SUBJECT_START.match(line)) or (not is_upper(line) and line[:1].isupper())


def _continues(line: str) -> bool:
    """A summary line going on from the one above: lower case, or a lower-case quotation."""
    first = line[:1]
    return first.islower() or first.isdigit() or (first in "\"“'‘«" and line[1:2].islower())


def _wrapped(parts: list[str], line: str) -> bool:
    """A capitalised line going on from a summary wrapped in the middle of a phrase ("… của Văn
    phòng / Ban chỉ đạo điều phối …"): the text above ends no sentence and is still short, the
    line is a fragment no wider than the summary's lines, not a whole sentence, not one opening the body ("Để
    triển khai …", "Hội nghị … đã thảo luận"), a date line, nor the enacting body or office
    ("Bộ trưởng Bộ Tài chính", "Chính phủ")."""
    above = " ".join(parts)
    if re.search(r"[.;:!?]$", above) or len(above) > 400:
        return False
    if len(line) > min(90, max(map(len, parts)) + 25) or line.endswith(":"):
        return False
    if line.endswith((".", "!", "?")) and len(line.split()) >= 8:
        return False  # a whole sentence: the body's first paragraph, printed under the summary
    if _OPENS_BODY.match(line) or re.search(r"\bđã\s|\bnhư\s+sau\b|,\s*ngày\b", line):
        return False
    if re.match(r"^(?:\S+\s+){0,2}\S+,", line):
        return False  # "Thời gian qua, …", "Vừa qua, …": an adverbial opening a sentence
    if is_person(line) or (ORG_ANY.match(line) and len(line.split()) <= 5):
        return False
    return not (OFFICE.match(line) and len(line.split()) <= 8 and "," not in line)


def _case_lost(text: str) -> bool:
    """Capitals and lower-case words mixed at random, as a legacy font leaves a name
    ("THUẾ tiêu thụ đặc biệt")."""
    words = [w for w in text.split() if w.isalpha() and len(w) > 1]
    return any(w.isupper() for w in words) and any(w.islower() for w in words)


def subject(lines: list[str]) -> str | None:
    """A letter's subject ("V/v trao đổi về …"), wrapped lines joined."""
    parts = [without_place_date(lines[0])] if lines else []
    for line in lines[1:4]:
        if SEPARATOR.match(line) or is_upper(line) or BODY_START.match(line):
            break
        if not line[:1].islower() and not _wrapped(parts, line):
            break  # "V/v góp ý dự thảo Nghị định … / Luật Đất đai năm 2024": wrapped at a name
        parts.append(without_place_date(line))
    return " ".join(parts).strip(" :-") or None


def issuer_clause(same_line: str) -> str | None:
    """The body a kind line names after "của" ("quyết định của bộ trưởng bộ tài chính")."""
    m = re.match(r"của\s+(.+?)(?:\s+(?:Về|V/v)\b.*)?$", same_line.strip(), re.IGNORECASE)
    if m and (ORG_ANY.match(m.group(1)) or OFFICE.match(m.group(1))):
        return m.group(1).strip(" .,")
    return None


def law_name(text: str, title: str | None) -> str | None:
    """The law's own spelling from "Quốc hội ban hành Luật ..." when it names the same law."""
    if not title:
        return title
    m = re.search(r"ban\s+hành\s+((?:Bộ\s+luật|Luật)\s+[^.;\n]+)", text[:6000])
    named = m.group(1).strip() if m else ""
    if named.lower().startswith(title.lower()) and re.match(
            r"\s+của\s+Quốc\s+hội\b", named[len(title):], re.IGNORECASE) and title.lower() \
            .startswith(("luật ", "bộ luật ")):
        # The enactment names the law with its body ("Luật hoạt động giám sát của Quốc hội và
        # Hội đồng nhân dân"): the name line ended at the body, which belongs to the name.
        named = re.sub(r",\s*$", "", named)
        kind, _, name = named.rpartition("uật ")
        return f"{kind}uật {name[:1].upper()}{name[1:]}"
    # The clause spells the name in running text ("Luật sửa đổi, bổ sung một số điều của Luật
    # Cảnh vệ và Luật Công an nhân dân"), which the name line printed in capitals.
    named = re.sub(r"\s+số\s+\d\S*.*$", "", named)  # "… của Luật Cảnh vệ số 13/2017/QH14"
    whole = named.rstrip(" ,")
    spelt = next((name for name in (whole, named.split(",")[0].strip())
                  if name and name.lower() == title.lower()), None)
    if spelt is None and m and whole.lower().startswith(title.lower()) and len(whole) > len(title):
        # A name line wrapped where the rest looks like a body ("GIÁO DỤC / ĐẠI HỌC", "TỔ CHỨC /
        # TÒA ÁN NHÂN DÂN") lost its second line: the clause names the whole law, which the
        # header printed over its lines above the clause.
        above = " ".join(text[: m.start()].split()).lower()
        rest = whole.partition("uật ")[2]
        spelt = whole if rest and " ".join(rest.split()).lower() in above else None
    if spelt:
        kind, _, name = spelt.partition("uật ")
        return f"{kind}uật {name[:1].upper()}{name[1:]}"
    return title
