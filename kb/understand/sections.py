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


# A heading wrapped by hard line breaks goes on for at most this many lines.
_MAX_WRAP = 4
_SENTENCE_END = (".", ";", ":", "!", "?", "…")
# List items and markers that start a line of their own: "1.", "2)", "a)", "A.", "-", "+", "•", "(1)".
_LIST_ITEM = re.compile(r"^(?:\d{1,3}[.)]|[A-Za-zĐđ][.)]|[-+•–—]|\(\w{1,4}\))(?:\s|$)")
# "06/12/2014 của ...", "33/2024/QH15": a date or number that a line ending in "ngày", "số" carries on.
_NUMBER_START = re.compile(r"^\d{1,4}[/\-]\w")
# Headings named by a word (Phần, Chương, Mục, Điều) may go on with a capitalised name.
_NAMED_KINDS = frozenset({"phan", "chuong", "muc", "dieu"})


def _wrap_continues(so_far: str, nxt: str, closes: bool, named: bool) -> bool:
    """Whether line ``nxt`` carries on the heading ``so_far`` (both stripped of markup).

    A line starting in lower case carries on a cut phrase ("Điều 7. Chia sẻ dữ liệu nội bộ" /
    "giữa các cơ quan đảng"); a heading in capitals goes on in capitals ("II. QUY ĐỊNH CƠ" /
    "CẤU, SỐ LƯỢNG ..."); a date or number carries on a word ("ngày" / "06/12/2014 của ...").
    A line starting with a capital is ambiguous (a name, "Điều 2. Giá trị của tài liệu" /
    "Phông lưu trữ Đảng Cộng sản Việt Nam", or the body's first sentence), so it is taken only
    after a Phần/Chương/Mục/Điều (``named``), when a blank line closes the paragraph right
    after it (``closes``) and it is not a sentence or a "Phụ lục: ..." label of its own.
    """
    first = nxt[0]
    if first.islower():
        return True
    if first.isdigit():
        return bool(_NUMBER_START.match(nxt)) and so_far.split()[-1].isalpha() and so_far.split()[-1].islower()
    if not first.isupper():
        return False
    if so_far.isupper() and nxt.isupper():
        return True
    return (named and closes and len(nxt) <= 80 and ":" not in nxt
            and not nxt.endswith(_SENTENCE_END))


def _wrapped(label: str, following: list[str], has_articles: bool, named: bool) -> tuple[list[str], bool]:
    """The lines of ``following`` that continue the heading ``label``, and whether it ended.

    Text from word processors, PDFs and crawled pages breaks long headings over lines. A line
    continues the heading when the heading does not end a sentence yet and the line is not a
    heading, list item or table row of its own (see :func:`_wrap_continues` for the rest).
    The heading has ended unless it was still going on after ``_MAX_WRAP`` lines.
    """
    more: list[str] = []
    if "\t" in label or "|" in label:
        return more, True  # a table row, not prose
    for k, raw in enumerate(following[:_MAX_WRAP]):
        nxt = raw.strip().strip(_MARKUP).strip()
        so_far = " ".join([label, *more]).rstrip()
        if (not nxt or so_far.endswith(_SENTENCE_END) or "\t" in raw or "|" in raw
                or _LIST_ITEM.match(nxt) or _classify(raw, has_articles)):
            return more, True
        closes = k + 1 < len(following) and not following[k + 1].strip()
        if not _wrap_continues(so_far, nxt, closes, named):
            return more, True
        more.append(nxt)
    return more, len(following) <= _MAX_WRAP


def split_sections(text: str) -> list[dict]:
    """Sections of ``text`` in reading order: anchor, heading, level, start, head_end, end, text.

    A section runs from its heading to the next heading of the same or a higher level, so a
    Chương contains its Điều; ``level`` (1 Phần ... 4 Điều ... 8 a/b) tells them apart. Text
    before the first heading belongs to no section. A heading broken over lines is joined into
    one ``heading``; ``head_end`` is where its last line ends in ``text``.
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
        last = i  # the last line the heading takes
        if line.lstrip().startswith("**") and line.count("**") == 1:
            # Crawled markdown wraps a bold heading: "**Điều 1. Phông lưu trữ Đảng Cộng\nsản ...**".
            for j in range(i + 1, min(i + 4, len(lines))):
                more = lines[j][1]
                label, last = f"{label} {more.strip().strip(_MARKUP).strip()}", j
                if "**" in more:
                    break
        # "Chương I" / "NHỮNG QUY ĐỊNH CHUNG": the name sits on the next line.
        if kind in {"phan", "chuong", "muc", "dieu"} and re.fullmatch(r"\S+\s+[\w ]+?[.:]?", label):
            j = next((j for j in range(i + 1, min(i + 3, len(lines))) if lines[j][1].strip()), None)
            nxt = lines[j][1].strip().strip(_MARKUP).strip() if j is not None else ""
            if nxt and (nxt.isupper() or (kind == "dieu" and _short_title(nxt))) and len(nxt) < 200:
                if _classify(nxt, has_articles) is None:
                    label, last = f"{label.rstrip('.:')}. {nxt}", j
        if kind != "numbered" or re.match(r"\d+(\.\d+)*[.)]", label):  # "21 Triệu Tài Vinh": a table row
            following = [ln for _, ln in lines[last + 1:last + 2 + _MAX_WRAP]]
            more, ended = _wrapped(label, following, has_articles, kind in _NAMED_KINDS)
            label = " ".join([label, *more])
            last += len(more)
            if more and kind not in _NAMED_KINDS and (
                    not ended or len(label) > 250 or label.endswith(_SENTENCE_END)
                    or re.search(r"[.;!?]\s", " ".join(more))):
                continue  # joined up, "1. Dinito monoxit ..." is a list item's sentence, not a title
        head_end = lines[last][0] + len(lines[last][1])
        found.append((start, level, kind, number, label, head_end))

    sections: list[dict] = []
    stack: list[tuple[int, str, str]] = []  # (level, kind, anchor part)
    used: dict[str, int] = {}
    for idx, (start, level, kind, number, label, head_end) in enumerate(found):
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
            "start": start, "head_end": head_end, "end": end, "text": text[start:end].rstrip(),
        })
    return sections
