"""The headline of a page without an official layout, when it is read from the text's first lines.

Copies of web pages put small things around the headline: a series kicker ending with a colon
on the line above ("40 năm Di chúc Bác Hồ:"), a section's name in brackets before it ("( Ban
thanh niên ) Đảng Cộng sản Việt Nam …"). The headline is what is left.
"""

from __future__ import annotations

import re

from kb.understand.pubdate import publication_line_date

_SECTION_PREFIX = re.compile(r"^[(\[]\s*[^()\[\]]{2,40}?\s*[)\]]\s*[-–:]?\s*(?=\S)")
# "Hỡi đồng bào cả nước,", "Thưa các đồng chí,", "Kính gửi: …": whom a speech or letter addresses
_SALUTATION = re.compile(r"^(?:Hỡi|Thưa|Kính\s+thưa|Kính\s+gửi|Thân\s+gửi|Gửi)\b.{0,80}[,:!]?$", re.IGNORECASE)
_KICKER_WORDS = 10
_HEADLINE_WORDS = 30


def is_kicker(line: str) -> bool:
    """Whether ``line`` is a series kicker above a headline ("40 năm Di chúc Bác Hồ:")."""
    return line.endswith(":") and len(line.split()) <= _KICKER_WORDS


def headline_shaped(line: str) -> bool:
    """Whether ``line`` could be a headline: a few words, no closing full stop or comma."""
    return 2 <= len(line.split()) <= _HEADLINE_WORDS and not line.endswith((".", ":", ";", ","))


def clean_headline(title: str) -> str:
    """``title`` without a bracketed section name before it ("( Ban thanh niên ) …")."""
    rest = _SECTION_PREFIX.sub("", title, count=1)
    return rest if len(rest.split()) >= 3 else title


def first_headline(text: str) -> str | None:
    """The first line of ``text`` as a headline: past salutations, and past a series kicker
    ending with a colon when a headline-shaped line follows it; None for an empty text."""
    # Emphasis marks of a markdown copy ("*Hỡi đồng bào cả nước,*") hide what a line is.
    raw = [ln.strip() for ln in text.split("\n") if len(ln.strip(" *_")) > 3]
    lines = [ln.strip(" *_") for ln in raw]
    while lines and _SALUTATION.match(lines[0]) and len(lines[0].split()) <= 12:
        del lines[0], raw[0]  # a salutation is no headline, nor the rest of it wrapped below
        while lines and lines[0][:1].islower() and len(lines[0].split()) <= 12:
            del lines[0], raw[0]
    if not lines:
        return None
    if is_kicker(lines[0]) and len(lines) > 1 and headline_shaped(lines[1]):
        return clean_headline(lines[1])
    if len(lines) > 1 and _label_over_heading(lines[0], raw[0], lines[1], raw[1]):
        return clean_headline(_cased_like(lines[1], lines[0]))
    return clean_headline(lines[0])


def _label_over_heading(first: str, first_raw: str, second: str, second_raw: str) -> bool:
    """Whether a plain first line is only a label ("Chủ tịch Hồ Chí Minh") over the page's
    headline set as a heading that repeats it ("**TIỂU SỬ CHỦ TỊCH HỒ CHÍ MINH (1890 - 1969)**")."""
    styled = second_raw.startswith(("**", "#")) or (second.isupper() and not first.isupper())
    plain = not first_raw.startswith(("**", "#"))
    return (plain and styled and headline_shaped(second) and len(first.split()) <= 6
            and len(second) > len(first) and first.lower() in second.lower())


def _cased_like(heading: str, label: str) -> str:
    """An ALL CAPS ``heading`` in sentence case, the words it shares with ``label`` cased as the
    label writes them ("TIỂU SỬ CHỦ TỊCH HỒ CHÍ MINH" under "Chủ tịch Hồ Chí Minh": "Tiểu sử Chủ
    tịch Hồ Chí Minh"); a heading not in capitals is returned as it is."""
    if not heading.isupper():
        return heading
    lowered = heading[:1] + heading[1:].lower()
    at = lowered.lower().find(label.lower())
    return lowered[:at] + label + lowered[at + len(label):] if at >= 0 else lowered


def headline_over_date(text: str, title: str | None) -> str | None:
    """The heading printed right above the page's publication line when ``title`` is a line
    above that one: the site's or section's name heads the page ("Làm theo gương Bác Hồ"), the
    article's headline sits over its date ("Được đăng: Thứ bảy, 15 Tháng 10 2016")."""
    if not title:
        return None
    lines = [ln.strip(" *_#") for ln in text.split("\n") if len(ln.strip(" *_#")) > 3][:15]
    for n, line in enumerate(lines):
        if publication_line_date(line):
            above = lines[n - 1] if n >= 2 else ""
            if headline_shaped(above) and above != title and title.strip() in lines[:n - 1]:
                return above
            return None
    return None
