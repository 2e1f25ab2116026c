"""The signature block of an official document (signer and role lines) and its recipients.

The block is the capacity ("TM. CHÍNH PHỦ", "KT. BỘ TRƯỞNG"), the signer's title ("THỨ
TRƯỞNG"), maybe "(Đã ký)", then the name. Real copies depart from that: the block shares a
table cell with the recipients and comes out on one line, two columns are interleaved line by
line, a legacy font loses the capitals, a rank stands before the name ("Thượng tướng Tô Lâm"),
or a law ends with the name and "(Đã ký)" alone.
"""

from __future__ import annotations

import re

from kb.understand.kinds import RANKS, SURNAMES
from kb.understand.layout import (OFFICE, ORG_START, SEPARATOR, display_case, is_person,
                                  is_upper)

_PREFIX = r"(?:T/M|T/L|K/T|TM|KT|TL|TUQ|Q)"
_SIGN_PREFIX = re.compile(r"^(T/M|T/L|K/T|TUQ|TM|KT|TL|Q)(?:\s*[./]\s*|\s+)(\S.*)$", re.IGNORECASE)
RECIPIENTS = re.compile(r"^N[ơo]i\s+(?:nhận|gửi)\s*:?\s*(.*)$", re.IGNORECASE)
_SIGNED = re.compile(
    r"^[(\[]?\s*(?:đã\s+ký|ký\s+tên|đã\s+kí)(?:\s+và\s+đóng\s+dấu)?\s*[)\]]?\s*[.:]?$", re.IGNORECASE
)
_RANK = re.compile(
    r"^(?:" + "|".join(sorted(map(re.escape, RANKS), key=len, reverse=True)) + r")\s*", re.IGNORECASE
)
# Inside a capitalised line, where a second role begins: a capacity, or a deputy's title.
_ROLE_BREAK = re.compile(r"(?<=\S)\s+(?=(?:T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.|PHÓ\s|THỨ\s+TRƯỞNG\b))")
# A capacity or title line in any case ("kt. Thống đốc", "phó Thống đốc", "KT/Bộ trưởng Bộ …").
_ROLE_PHRASE = re.compile(
    r"^(?:" + _PREFIX + r"(?:\s*[./]\s*|\s+)\S.*|" + OFFICE.pattern + r"(?:\s+\S+){0,8})$",
    re.IGNORECASE,
)
# A capacity inside a line of the recipients' column ("- Lưu VP … KT/Bộ trưởng Bộ Tài chính").
_EMBEDDED_ROLE = re.compile(r"(?<=\S)\s+(" + _PREFIX + r"\s*[./]\s*\S.*)$", re.IGNORECASE)
# The head's title at the end of the recipients' last line ("- Lưu: VT. thủ tướng chính phủ").
_EMBEDDED_TITLE = re.compile(r"(?<=[.;,])\s+(" + OFFICE.pattern + r"(?:\s+\S+){0,5})$",
                             re.IGNORECASE)
_APPENDIX = re.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục)\b(?!\s+(?:này|kèm))")


def strip_rank(line: str) -> str:
    """A name without the rank or academic title printed before it ("Thượng tướng Tô Lâm")."""
    return _RANK.sub("", line).strip() if _RANK.match(line) else line


def is_signer(line: str) -> bool:
    """A Vietnamese personal name: two to five capitalised words, a family name first."""
    words = line.split()
    return 2 <= len(words) <= 5 and words[0] in SURNAMES and is_person(line)


def name_in_capitals(line: str) -> str | None:
    """A signer's name printed in capitals ("NGUYỄN THỊ KIM NGÂN") as it is written ("Nguyễn
    Thị Kim Ngân"); None for any other line."""
    words = line.split()
    if not 2 <= len(words) <= 5 or not is_upper(line) or not all(w.isalpha() for w in words):
        return None
    name = " ".join(w[:1] + w[1:].lower() for w in words)
    return name if is_signer(name) and not OFFICE.match(name) and not ORG_START.match(line) else None


def _is_role(line: str) -> bool:
    if line.startswith(("-", "–", "+")):
        return False
    return is_upper(line) or bool(_ROLE_PHRASE.match(line))


def _trailing_name(line: str) -> tuple[str, str] | None:
    """("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Nguyễn Thành Sinh") for a line ending with a name."""
    words = line.split()
    for n in range(min(5, len(words) - 1), 1, -1):
        name, rest = " ".join(words[-n:]), " ".join(words[:-n])
        if is_signer(name):
            return rest, name
    return None


def _cells(lines: list[str]) -> list[str]:
    """Lines with a signature block that shares one line split back into its lines."""
    out = []
    for n, line in enumerate(lines):
        below = lines[n + 1] if n + 1 < len(lines) else ""
        split = _trailing_name(line)
        title = _EMBEDDED_TITLE.search(line) if _SIGNED.match(below) or is_signer(below) else None
        if title and line.startswith(("-", "–", "+")):
            out += [line[: title.start()], title.group(1)]
        elif split and is_upper(split[0]):
            out += _ROLE_BREAK.split(split[0]) + [split[1]]
        elif is_upper(line) and _SIGN_PREFIX.match(line):
            out += _ROLE_BREAK.split(line)
        elif line.startswith(("-", "–", "+")) and _EMBEDDED_ROLE.search(line):
            m = _EMBEDDED_ROLE.search(line)  # "- Lưu VP … KT/Bộ trưởng Bộ Tài chính"
            out += [line[: m.start()], m.group(1)]
        else:
            out.append(line)
    return out


def _right_column(lines: list[str]) -> list[str]:
    """The signature column of a block printed beside the recipients and read line by line
    across both columns: capacities, titles and names cut out of the recipients' lines."""
    out = []
    for line in lines:
        for piece in re.split(r";\s*|\s+-\s+", line):
            piece = RECIPIENTS.sub(r"\1", piece.strip()).strip(" -–.,")
            if not piece:
                continue
            if _SIGNED.match(piece) or (_ROLE_PHRASE.match(piece) and len(piece.split()) <= 10):
                out.append(piece)
                continue
            m = _EMBEDDED_ROLE.search(piece)
            if m:
                out.append(m.group(1))
                continue
            title = re.search(r"(?<=\S)\s+(" + OFFICE.pattern + r")$", piece, re.IGNORECASE)
            if title and piece[: title.start()].strip()[:1].isupper():
                out.append(title.group(1))
                continue
            split = _trailing_name(piece)
            if split:
                out.append(split[1])
            elif is_signer(piece):
                out.append(piece)
    return out


def signer(lines: list[str]) -> tuple[str | None, str | None]:
    """(signer, signer_role): the role lines above a person's name, joined by ", ".

    The block sits beside the recipients ("Nơi nhận") of the main text, or just before the
    first appendix; forms may follow, so those places are tried before the last lines of the
    file. A name with "(Đã ký)" and no role line gives a None role.
    """
    content = [ln for ln in lines if ln and not SEPARATOR.match(ln)]
    windows, beside = [], []
    first = next((i for i, ln in enumerate(content) if RECIPIENTS.match(ln)), None)
    if first is not None:
        start = max(0, first - 40)
        ends = [i for i in range(start, first) if content[i].rstrip().endswith("./.")]
        windows.append(content[(ends[-1] + 1 if ends else start): first + 45])
        beside = [content[max(0, first - 3): first + 30]]
    appendix = next((i for i, ln in enumerate(content) if i > 30 and _APPENDIX.match(ln)), None)
    if appendix is not None:
        windows.append(content[max(0, appendix - 25): appendix])
    tail = content[-40:]
    for window in windows:
        found = _signer_in(_cells(window), forward=True)
        if found[0]:
            return found
    found = _signer_in(_cells(tail), forward=False)
    if found[0]:
        return found
    for window in beside:  # only the recipients' lines can hide a column beside them
        found = _signer_in(_right_column(window), forward=True)
        if found[0]:
            return found
    for window in windows + [tail]:
        name = _signed_name(window)
        if name:
            return name, None
    return None, None


def _placed_name(block: list[str], i: int, name: str) -> bool:
    """A name whose family name the list lacks ("Chử Xuân Dũng"), told by its place: two to four
    single syllables, right under a capacity or a title in capitals (past "(Đã ký)")."""
    words = name.split()
    if not (2 <= len(words) <= 4 and is_person(name)) or any(len(w) > 7 for w in words):
        return False
    if OFFICE.match(name) or ORG_START.match(name.upper()):
        return False
    j = i - 1
    while j >= 0 and (_SIGNED.match(block[j]) or sum(c.isalpha() for c in block[j]) <= 2):
        j -= 1
    return j >= 0 and is_upper(block[j]) and bool(_SIGN_PREFIX.match(block[j])
                                                  or OFFICE.match(block[j]))


def _signer_in(block: list[str], forward: bool) -> tuple[str | None, str | None]:
    order = range(len(block)) if forward else range(len(block) - 1, max(len(block) - 12, -1), -1)
    for i in order:
        name = strip_rank(block[i])
        if not (is_signer(name) or _placed_name(block, i, name)):
            name = name_in_capitals(strip_rank(display_case(block[i])) if is_upper(block[i])
                                    and _RANK.match(display_case(block[i])) else block[i])
            if name is None or not i:
                continue
        roles: list[str] = []
        j = i - 1
        while j >= 0 and len(roles) < 5:
            line = block[j]
            if _SIGNED.match(line) or sum(c.isalpha() for c in line) <= 2:
                j -= 1  # "(Đã ký)", or a stamp's letters read by OCR
                continue
            if not _is_role(line):
                break
            # Above a capacity ("KT. BỘ TRƯỞNG") only another capacity ("TM. CHÍNH PHỦ") belongs
            # to the same block: a title line there ends the block of the signer beside it.
            if roles and _SIGN_PREFIX.match(roles[0]) and not _SIGN_PREFIX.match(line):
                break
            roles.insert(0, line)
            j -= 1
        if roles:
            return name, _role_text(roles)
    return None, None


def _role_text(roles: list[str]) -> str:
    """"KT. Bộ trưởng Bộ Tài chính, Thứ trưởng" from the role lines as printed."""
    groups: list[list[str]] = []
    for role in roles:
        if groups and not _SIGN_PREFIX.match(role) and (
                not OFFICE.match(role) or re.search(r"\b(?:CHÁNH|PHÓ|chánh|phó)$", groups[-1][-1])):
            # A body or a name cut over two lines ("KT. BỘ TRƯỞNG" / "BỘ CÔNG AN", "K/T CHÁNH" /
            # "VĂN PHÒNG") continues the role above it.
            groups[-1].append(role)
        else:
            groups.append([role])
    out = []
    for group in groups:
        text = " ".join(group)
        m = _SIGN_PREFIX.match(text)
        if m:
            prefix = m.group(1).upper()
            prefix = prefix if "/" in prefix else prefix + "."
            out.append(f"{prefix} {display_case(m.group(2))}")
        else:
            out.append(display_case(text))
    return ", ".join(out)


def _signed_name(block: list[str]) -> str | None:
    """A name next to "(Đã ký)", printed without any role (old laws: "Lê Đức Anh / (Đã ký)")."""
    for i, line in enumerate(block):
        if not _SIGNED.match(line):
            continue
        for near in (block[i - 1] if i else "", block[i + 1] if i + 1 < len(block) else ""):
            name = strip_rank(near)
            if is_signer(name):
                return name
            if name_in_capitals(name):
                return name_in_capitals(name)
    return None


def recipients(lines: list[str]) -> list[str] | None:
    """The items listed under "Nơi nhận:", wrapped items joined; None when there is no such list."""
    for i, line in enumerate(lines):
        m = RECIPIENTS.match(line)
        if not m:
            continue
        items: list[str] = []
        rest = [m.group(1)] if m.group(1) else []
        for item in rest + lines[i + 1:]:
            if not item:
                continue
            if SEPARATOR.match(item):
                if items:
                    break
                continue
            if item.startswith(("-", "–", "+", "•")):
                items.append(item.lstrip("-–+• ").rstrip(",;."))
            elif items and not is_upper(item) and not is_person(item):
                items[-1] = f"{items[-1]} {item.rstrip(',;.')}"  # wrapped recipient line
            else:
                break
        return [x for x in items if x] or None
    return None
