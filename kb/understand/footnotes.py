"""Footnotes of a page: which work a numbered reference after a quotation cites.

Essays quoting Hồ Chí Minh put a mark after each quotation ("…”[3]", "…”(7)", "…”2") and list
the notes at the end: "[3] Hồ Chí Minh toàn tập, Nxb CTQG, tập 2, tr.128", "(7) Sđd - T5 - tr
641", "8. Đảng Cộng sản Việt Nam: Văn kiện ...". A note citing his works tells whose words the
quotation is; "Sđd" (the work cited before) is resolved to the note it repeats.
"""

from __future__ import annotations

import re

# One note line, numbered "[3]", "(7)", "8." or "8)"; one line may carry several numbers
# ("1, 2. Hồ Chí Minh: Toàn tập ...", "(2), (3). Sđd ...", "(1). Hồ Chí Minh toàn tập").
_NUM = r"(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3})"
_NOTE = re.compile(rf"^[ \t*_>]*(?P<nums>{_NUM}(?:\s*[,;–-]\s*{_NUM}){{0,9}})"
                   rf"(?:(?<=[\])])[.:]?|[.)])[ \t*_]+(?P<body>\S.{{2,300}})$", re.MULTILINE)
# What a note must look like to be a citation, not a numbered list item of the body.
_CITATION = re.compile(r"\b(?:tr|t|tập|trang|Nxb|[Tt]oàn tập|Sđd|sđd|Tlđd|[Tt]ập|T)\s*[.:]?\s*\d"
                       r"|\b(?:Sđd|Tlđd|Nxb|Toàn tập|toàn tập)\b")
_SAME_WORK = re.compile(r"^[\s*_]*(?:Xem\s+)?(?:Sđd|sđd|Tlđd|Nt|Như trên|Sách đã dẫn|Tài liệu đã dẫn|Ibid)\b",
                        re.IGNORECASE)
_HIS_WORK = re.compile(r"^[\s*_]*(?:Xem\s+)?(?:Hồ Chí Minh|HCM|Hồ Chủ tịch|Nguyễn Ái Quốc|Chủ tịch Hồ Chí Minh)\b")
# A reference right after the closing mark: "”[3]", "”.(7)", "”**[1]**", "”2".
_REF = re.compile(r"^[.,;:!?…*_]{0,4}(?:\s?\[(\d{1,3})\]|\s?\((\d{1,3})\)"
                  r"|(\d{1,3})(?![\d/.,:-]?\d)(?!\s*(?:năm|tháng|ngày|giờ|%|tuổi)))")


def footnotes(text: str) -> dict[int, tuple[str, bool]]:
    """Note number → (note text, whether it cites his works), "Sđd" notes resolved."""
    notes: dict[int, tuple[str, bool]] = {}
    previous_his: bool | None = None
    for m in _NOTE.finditer(text):
        numbers = [int(n) for n in re.findall(r"\d{1,3}", m["nums"])]
        body = m["body"].strip()
        if not _CITATION.search(body) and not _HIS_WORK.search(body):
            continue
        if _SAME_WORK.match(body):
            if previous_his is None:
                continue  # "Sđd" of a work this page never named: whose it is stays unknown
            his = previous_his
        else:
            his = _HIS_WORK.search(body) is not None
            previous_his = his
        for number in numbers:
            notes.setdefault(number, (body, his))
    return notes


# A reference of a bibliography: the publisher, an archived copy, an access date, an ISBN.
_PUBLICATION = re.compile(r"\b(?:Nhà xuất bản|NXB|Bản gốc lưu trữ|Lưu trữ bản gốc|Truy cập ngày|ISBN|ISSN)\b"
                          r"|\(\d{4}\)\.")


def is_citation(line: str) -> bool:
    """Whether ``line`` reads as a bibliographic citation ("Toàn tập, tập 5, Nxb CTQG, tr. 120",
    "Hồ Chí Minh: Tiểu sử. Hà Nội: Nhà xuất bản Chính trị quốc gia")."""
    return _CITATION.search(line) is not None or _PUBLICATION.search(line) is not None


def in_note(text: str, pos: int) -> bool:
    """Whether ``pos`` lies on a note line ("[25] Ý của nhà văn ... trong bài “...”")."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    m = _NOTE.match(text, line_start, line_end if line_end >= 0 else len(text))
    return m is not None and bool(_CITATION.search(m["body"]) or _HIS_WORK.search(m["body"]))


def reference_after(after: str) -> int | None:
    """The footnote number written right after a quotation's closing mark, if any."""
    m = _REF.match(after)
    return int(next(g for g in m.groups() if g)) if m else None


# Reference marks right after a full stop of the narrative ("... bị dập tắt.[135] Trước đó, ..."):
# they hide the sentence's end from a reader that looks for ". " (not after a quotation's
# closing mark, where the mark names the quotation's source).
_NOTES_AFTER_STOP = re.compile(r"(?<=[^”\"»*_\s][.!?])(?:\[\d{1,3}\])+(?=\s)")


def blank_sentence_notes(text: str) -> str:
    """``text`` with reference marks after a sentence's full stop blanked (same length)."""
    return _NOTES_AFTER_STOP.sub(lambda m: " " * len(m[0]), text)
