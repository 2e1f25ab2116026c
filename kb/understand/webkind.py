"""Whether a page with no official layout is an article ("Bài báo"): essays, reportage,
interviews and memoirs copied from news sites, as opposed to encyclopedia entries, question and
answer pages, book prefaces, speeches and letters, which keep no kind.

An article is running prose: several long paragraphs, few section headings, none of the
reference sections an encyclopedia entry ends with ("Tham khảo", "Chú thích", "Liên kết
ngoài") nor its edit links ("[sửa | sửa mã nguồn]"), a headline that is no disambiguated entry
name ("Dân quân tự vệ (Việt Nam)"), no string of questions opening it, and a first line that
neither greets an audience ("Thưa các đồng chí", "Hỡi đồng bào") nor names a part of a book
("Lời giới thiệu").
"""

from __future__ import annotations

import re

from kb.understand.kinds import PROCLAMATIONS

ARTICLE_KIND = "Bài báo"

_REFERENCE_SECTION = re.compile(
    r"^(?:Tham khảo|Chú thích|Liên kết ngoài|Thư mục|Nguồn tham khảo|Đọc thêm|Ghi chú"
    r"|Tài liệu tham khảo)$", re.IGNORECASE)
# An encyclopedia's own furniture: edit links, a page in another namespace, a disambiguated name.
_ENCYCLOPEDIA = re.compile(r"\[\s*sửa\s*\|\s*sửa mã nguồn\s*\]|^\[?sửa mã nguồn\]?$", re.IGNORECASE)
_ENTRY_TITLE = re.compile(r"^(?:Thảo luận|Bản mẫu|Thể loại|Wikipedia|Chủ đề)(?:\s+[^:]{0,20})?:|\([^()]{2,40}\)$")
_BOOK_PART = re.compile(r"^(?:Lời giới thiệu|Lời nói đầu|Lời tựa|Lời bạt|Mục lục|Chương\s+[IVXLC\d]+"
                        r"|Phần\s+(?:thứ\s+)?[IVXLC\d]+)\b", re.IGNORECASE)
_GREETING = re.compile(r"^(?:Thưa|Kính thưa|Kính gửi|Hỡi|Gửi|Các đồng chí|Đồng bào)\b", re.IGNORECASE)
_PROSE_CHARS = 120  # a paragraph (or a sentence on its own line) of running prose
_MIN_PROSE_CHARS = 1000  # prose an article has at least
_MAX_HEADINGS_SHARE = 1.5  # short lines per paragraph of prose, beyond which it is a list


def _is_prose(line: str) -> bool:
    return len(line) >= _PROSE_CHARS


def _is_heading(line: str) -> bool:
    return 0 < len(line) <= 100 and len(line.split()) <= 15 and line[-1:] not in ".!?…:;,"


def article_kind(text: str, title: str | None) -> str | None:
    """"Bài báo" when ``text`` (a page without an official layout) reads as an article, else None."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not lines:
        return None
    first = lines[0]
    if _GREETING.match(first) or _BOOK_PART.match(first):
        return None
    # A question-and-answer page opens with questions (a news headline may be one question).
    questions = sum(len(ln) <= 300 and ln.rstrip(" *").endswith("?") for ln in lines[:10])
    if questions + bool(title and title.rstrip().endswith("?") and title not in lines[:10]) >= 2:
        return None
    if any(_REFERENCE_SECTION.match(ln) or _ENCYCLOPEDIA.search(ln) for ln in lines):
        return None
    if _ENTRY_TITLE.search((title or first).strip()):
        return None
    prose = sum(_is_prose(ln) for ln in lines)
    if sum(len(ln) for ln in lines if _is_prose(ln)) < _MIN_PROSE_CHARS:
        return None
    headings = sum(_is_heading(ln) for ln in lines[1:])
    if headings > _MAX_HEADINGS_SHARE * max(prose, 1):
        return None
    return ARTICLE_KIND


def proclaimed_kind(text: str, title: str | None) -> str | None:
    """The kind a page's own title names when it is a proclamation in its author's voice
    ("Tuyên ngôn độc lập" is a Tuyên ngôn), unless the page is an encyclopedia entry about it."""
    if not title:
        return None
    kind = next((k for k in PROCLAMATIONS
                 if re.match(re.escape(k) + r"(?:\s+\w|$)", title.strip(), re.IGNORECASE)), None)
    if kind is None or _ENTRY_TITLE.search(title.strip()):
        return None
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if any(_REFERENCE_SECTION.match(ln) or _ENCYCLOPEDIA.search(ln) for ln in lines):
        return None
    return kind
