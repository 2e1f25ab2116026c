"""Structure of long documents: Phần, Chương, Mục, Điều, Roman and numbered headings.

A heading is recognised only at the start of a line and only in the shape headings take
("Điều 15. Quyền ...", "Chương II", "I- QUY ĐỊNH CHUNG"), so a reference in running text
("theo quy định tại Điều 5", or a wrapped line "Điều 11 của Luật này.") never splits a section.
Offsets refer to the text as given, which lets callers cut, link and highlight without copying.
"""

from __future__ import annotations

import re

_MARKUP = " \t*_#>"
_ORDINALS = {
    "nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10,
}
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_NUM = r"(\d{1,3}|[IVXLC]{1,6})"

_PHAN = re.compile(r"^phần\s+(thứ\s+\w+|" + _NUM + r")\b\s*[.:\-–]?\s*(.*)$", re.IGNORECASE)
_CHUONG = re.compile(r"^chương\s+" + _NUM + r"\b\s*[.:\-–]?\s*(.*)$", re.IGNORECASE)
_MUC = re.compile(r"^mục\s+" + _NUM + r"\b\s*[.:\-–]?\s*(.*)$", re.IGNORECASE)
# "Điều 15. Tên", "Điều 15: Tên", "Điều 15 Tên" or "Điều 15" alone; never "Điều 15 của ...", "Điều 8, ...".
_DIEU = re.compile(r"^Điều\s+(\d{1,4}[a-zđ]?)(?:\s*[.:]\s*(.*)|\s+(\S.*)|\s*)$")
_ROMAN = re.compile(r"^([IVXLC]{1,6})\s*[.\-–)]\s*(\S.*)$")
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,2})[.)]?\s+(\S.*)$")
_LETTERED = re.compile(r"^([a-zđ])\)\s+(\S.*)$")


def _roman_int(value: str) -> int:
    total = 0
    for i, ch in enumerate(value):
        v = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES[value[i + 1]] if i + 1 < len(value) else 0
        total += -v if v < nxt else v
    return total


def _number(value: str) -> str:
    value = value.strip()
    if value.upper().startswith("THỨ"):
        word = value.split()[-1].lower()
        return str(_ORDINALS.get(word, word))
    if re.fullmatch(r"[IVXLC]+", value.upper()) and not value.isdigit():
        return str(_roman_int(value.upper()))
    return value.lower()


def _short_title(text: str) -> bool:
    """A numbered line is a heading when short and not a sentence or a list item."""
    return len(text) <= 150 and not text.rstrip().endswith((".", ";", ":", ",", "…"))


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _classify(line: str, has_articles: bool):
    """(level, kind, number, label) for a heading line, or None."""
    s = line.strip().strip(_MARKUP).strip()
    if not s:
        return None
    m = _DIEU.match(s)
    if m:
        if m.group(3) is not None and not m.group(3)[:1].isupper():
            return None  # "Điều 11 của Luật này." is a wrapped sentence
        return 4, "dieu", m.group(1).lower(), s
    if len(s) > 300:
        return None
    for level, kind, pattern in ((1, "phan", _PHAN), (2, "chuong", _CHUONG), (3, "muc", _MUC)):
        m = pattern.match(s)
        if m and (m.group(1).isdigit() or m.group(1).upper() == m.group(1) or "thứ" in m.group(1).lower()):
            return level, kind, _number(m.group(1)), s
    m = _ROMAN.match(s)
    if m and (s.isupper() or _short_title(m.group(2))):
        return 2, "roman", str(_roman_int(m.group(1))), s
    if has_articles:
        return None  # inside laws, numbered lines are clauses (khoản, điểm), not headings
    m = _NUMBERED.match(s)
    if m and _short_title(m.group(2)) and m.group(2)[:1].isupper():
        depth = m.group(1).count(".")
        return 5 + depth, "numbered", m.group(1).replace(".", "-"), s
    m = _LETTERED.match(s)
    if m and _short_title(m.group(2)):
        return 8, "lettered", m.group(1), s
    return None


def split_sections(text: str) -> list[dict]:
    """Sections of ``text`` in reading order, each with anchor, heading, level, start, end and text.

    A section runs from its heading to the next heading of the same or a higher level, so a
    Chương contains its Điều; ``level`` (1 Phần ... 4 Điều ... 8 a/b) tells them apart. Text
    before the first heading belongs to no section.
    """
    lines = list(_lines(text))
    has_articles = any(_DIEU.match(line.strip().strip(_MARKUP).strip()) for _, line in lines)
    found = []
    last_article = 0
    for i, (start, line) in enumerate(lines):
        head = _classify(line, has_articles)
        if head is None:
            continue
        level, kind, number, label = head
        if kind == "dieu":
            value = int(re.match(r"\d+", number).group(0))
            # A bare "Điều 11" going back in numbering is a cell of an appendix table.
            if value < last_article and re.fullmatch(r"Điều\s+\S+", label):
                continue
            last_article = max(last_article, value)
        if line.lstrip().startswith("**") and line.count("**") == 1:
            # Crawled markdown wraps a bold heading: "**Điều 1. Phông lưu trữ Đảng Cộng\nsản ...**".
            for _, more in lines[i + 1:i + 4]:
                label = f"{label} {more.strip().strip(_MARKUP).strip()}"
                if "**" in more:
                    break
        # "Chương I" / "NHỮNG QUY ĐỊNH CHUNG": the name sits on the next line.
        if kind in {"phan", "chuong", "muc", "dieu"} and re.fullmatch(r"\S+\s+[\w ]+?[.:]?", label):
            nxt = next((ln.strip().strip(_MARKUP).strip() for _, ln in lines[i + 1:i + 3] if ln.strip()), "")
            if nxt and (nxt.isupper() or (kind == "dieu" and _short_title(nxt))) and len(nxt) < 200:
                if _classify(nxt, has_articles) is None:
                    label = f"{label.rstrip('.:')}. {nxt}"
        found.append((start, level, kind, number, label))

    sections: list[dict] = []
    stack: list[tuple[int, str, str]] = []  # (level, kind, anchor part)
    used: dict[str, int] = {}
    for idx, (start, level, kind, number, label) in enumerate(found):
        while stack and stack[-1][0] >= level:
            stack.pop()
        parts = [part for *_, part in stack]
        if kind == "dieu":
            # Article numbers are unique in a law; the chapter only makes the anchor readable.
            own = f"dieu-{number}"
            anchor = "-".join([p for _, k, p in stack if k == "chuong"][-1:] + [own])
        elif kind in {"phan", "chuong", "muc", "roman"}:
            own = f"{'s' if kind == 'roman' else kind}-{number}"
            anchor = "-".join(parts + [own])
        else:
            own = number
            anchor = "-".join(parts + [own]) if parts else f"s-{own}"
        stack.append((level, kind, own))
        if anchor in used:
            used[anchor] += 1
            anchor = f"{anchor}-{used[anchor]}"
        else:
            used[anchor] = 1
        end = len(text)
        for later in found[idx + 1:]:
            if later[1] <= level:
                end = later[0]
                break
        sections.append({
            "anchor": anchor, "heading": label, "level": level,
            "start": start, "end": end, "text": text[start:end].rstrip(),
        })
    return sections
