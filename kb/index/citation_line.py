"""The citation line of a document, in the style Vietnamese official papers cite each other.

"Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng,
đạo đức, phong cách Hồ Chí Minh": kind, "số" number, "ngày" date, "của" issuer, then the
subject (trích yếu). Every part that is not known is left out; a paper without kind or number
(a press article, a collection) is cited by its title, publication and date.
"""

from __future__ import annotations

import re

_ISO = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
# A conference resolution names its issuing body in its own subject: "Nghị quyết Hội nghị lần
# thứ tư Ban Chấp hành Trung ương Đảng khóa XII" is "của Hội nghị …", not "của Ban Chấp hành".
_BODY_SUBJECT = re.compile(r"^Hội nghị\b")


def citation_date(value: str | None) -> str:
    """'2016-05-15' → '15/5/2016' as papers write it: the day on two digits, months 1 and 2 on
    two (so that no digit can be added), other months bare; a year or a month alone is kept."""
    m = _ISO.match(str(value or "").strip())
    if not m:
        return str(value or "").strip()
    year, month, day = m.group(1), m.group(2), m.group(3)
    if not month:
        return f"năm {year}"
    shown_month = month if int(month) <= 2 else str(int(month))
    if not day:
        return f"tháng {shown_month}/{year}"
    return f"{day}/{shown_month}/{year}"


def _subject(view: dict) -> str:
    """The trích yếu: the document's own subject line, else its title without kind and number."""
    subject = (view.get("document_title") or "").strip()
    if not subject:
        subject = (view.get("title") or "").strip()
        lead = " ".join(x for x in (view.get("kind"), view.get("number")) if x)
        for prefix in (lead, view.get("kind") or ""):
            if prefix and subject.lower().startswith(prefix.lower() + " "):
                subject = subject[len(prefix):].strip()
                break
    subject = " ".join(subject.split()).rstrip(" .;,")
    # Inside a sentence the subject starts lower case ("về việc ban hành …", "quy định chi
    # tiết …"), unless its first word is a name: a capital followed by another capital word.
    words = subject.split(" ", 2)
    if words and words[0][:1].isupper() and not words[0].isupper() \
            and not (len(words) > 1 and words[1][:1].isupper()) and not _BODY_SUBJECT.match(subject):
        subject = subject[0].lower() + subject[1:]
    return subject


def citation_line(view: dict) -> str:
    """The line a reader copies to cite the document (``view`` as ``document_view`` builds it)."""
    kind, number = (view.get("kind") or "").strip(), (view.get("number") or "").strip()
    date = citation_date(view.get("date"))
    issuer = (view.get("issuer") or "").strip()
    if not number and not (kind and issuer):
        # A press article or an untyped paper: its title, then where and when it appeared.
        title = (view.get("title") or view.get("name") or "").strip()
        parts = [f"“{title}”" if title else ""]
        source = (view.get("source") or "").strip(" -—–|·")
        parts += [source, f"ngày {date}" if date and "/" in date else date]
        return ", ".join(p for p in parts if p)
    subject = _subject(view)
    parts = [kind or "Văn bản", f"số {number}" if number else ""]
    if date:
        parts.append(f"ngày {date}" if "/" in date else date)
    if _BODY_SUBJECT.match(subject):
        parts.append(f"của {subject}")
    else:
        parts += [f"của {issuer}" if issuer else "", subject]
    return " ".join(p for p in parts if p)
