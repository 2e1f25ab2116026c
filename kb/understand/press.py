"""Press articles: publication, date, headline, subheadings and photo captions, minus page furniture.

Copies of newspaper pages carry a dateline ("Báo Hải Phòng 12/04/2018"), captions ending in
"Ảnh: <name>", and whatever the page printed around the article: related headlines cut with "…",
cookie notices, share buttons. ``parse_press`` keeps the article and sets the rest apart so that
furniture is neither indexed nor shown.
"""

from __future__ import annotations

import re

from kb.analysis.normalize import clean_text
from kb.understand.dates import iso_date
from kb.understand.headline import headline_shaped, is_kicker
from kb.understand.slug import folded_words, headline_from_slug, slug_words

# "Báo Hải Phòng 12/04/2018", "Theo Báo Nhân Dân - 3/2/2020": day comes before month in Vietnamese.
_SOURCE_LINE = re.compile(
    r"^(?:Theo\s+)?((?:Báo|Tạp chí|Tạp Chí|Đài|Cổng thông tin|Thông tấn xã|TTXVN|Tuổi Trẻ|Thanh Niên"
    r"|Nhân Dân|Dân trí|VnExpress|Vietnamplus|VOV|VTV)[^\d\n]{0,60}?)\s*[-–,:(]?\s*"
    r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\)?\s*$"
)
# "Thứ Năm, 12/04/2018", "Chủ nhật, 3/2/2020 08:15": the page's date line, not the headline.
_PAGE_DATE = re.compile(
    r"^(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|2|3|4|5|6|7)|Chủ\s+nhật|CN)\s*,?\s*(?:ngày\s*)?"
    r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s*[-–,|]?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:\(?GMT[+\d:]*\)?)?)?$",
    re.IGNORECASE,
)
_HEADER = re.compile(r"^#\s*(\w+)\s*=\s*(.*)$")  # "# url = https://dantri.com.vn/..." (UNC corpus)
_CAPTION = re.compile(r"^(.*?)[\s.]*\(?\s*Ảnh\s*:\s*([^():]{2,60}?)\s*\)?\s*\.?$")
_FURNITURE = re.compile(
    r"^(?:This website uses cookies|We use cookies|Read More|Read more|Xem thêm|Xem tiếp|Chia sẻ"
    r"|Facebook|Twitter|Zalo|Bình luận|Tin liên quan|Tin cùng chuyên mục|Bài viết liên quan"
    r"|Tin khác|In bài|Gửi bài|Quay lại|Về đầu trang|Trang chủ|Đăng nhập|Theo dõi|Like|Share"
    r"|Tags?\s*:|Từ khóa\s*:)",
    re.IGNORECASE,
)
_DOMAINS = {
    "dantri.com.vn": "Dân trí", "vnexpress.net": "VnExpress", "tuoitre.vn": "Tuổi Trẻ",
    "thanhnien.vn": "Thanh Niên", "nhandan.vn": "Nhân Dân", "baohaiphong.com.vn": "Báo Hải Phòng",
    "vietnamplus.vn": "Vietnamplus", "qdnd.vn": "Quân đội nhân dân", "tienphong.vn": "Tiền Phong",
}
_OFFICIAL = re.compile(r"CỘNG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+HỘI\s+CHỦ\s+NGHĨA|^ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM$")
_END_PUNCT = tuple(".!?…:;,\"”'»)")


def _is_related_headline(line: str) -> bool:
    """A teaser cut by the page: short, ends with an ellipsis."""
    return len(line) <= 160 and line.rstrip().endswith(("…", "..."))


def _looks_like_headline(line: str) -> bool:
    return 3 <= len(line.split()) <= 30 and len(line) <= 200 and not line.endswith(_END_PUNCT[:6])


def _is_subheading(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 15 and len(line) <= 100 and line[:1].isupper()
        and not line.endswith(_END_PUNCT)
    )


def _derived_title(lead: str, words: int = 14) -> str:
    """A short title from the lead sentence: its first clause, cut at a word boundary."""
    sentence = re.split(r"(?<=[.!?…])\s", lead, maxsplit=1)[0].rstrip(".…")
    parts = sentence.split()
    return sentence if len(parts) <= words else " ".join(parts[:words]).rstrip(",;:") + "…"


def _slug_headline(slug: list[str], body_lines: list[str], article: str) -> str:
    """The headline of a page whose address spells it: the first line when it is that headline
    (taken out of the body), else the slug with marks and punctuation read from the text."""
    key, first = "".join(slug), folded_words(body_lines[0])
    if first == key or (first.startswith(key) and _looks_like_headline(body_lines[0])):
        return body_lines.pop(0) if len(body_lines) > 1 else body_lines[0]
    return headline_from_slug(slug, article)


def parse_press(text: str) -> dict | None:
    """Split a press article into body, title, source, date, subheadings and captions.

    Returns None for text that shows no sign of being a press article (no dateline, no
    ``# url`` header, no photo credit) and for official documents.
    """
    if any(_OFFICIAL.search(ln) for ln in clean_text(text[:3000]).split("\n")[:15]):
        return None
    lines = clean_text(text).split("\n")
    header: dict[str, str] = {}
    removed: list[str] = []
    source = date = None
    kept: list[str] = []
    after_source = False
    for line in lines:
        if not line:
            continue
        m = _HEADER.match(line)
        if m and not kept:
            header[m.group(1).lower()] = m.group(2).strip()
            continue
        m = _SOURCE_LINE.match(line)
        if m and source is None:
            source, date = m.group(1).strip(" -–,"), iso_date(*m.group(2, 3, 4))
            after_source = True
            continue
        if _FURNITURE.match(line) and len(line) <= 120:
            removed.append(line)
            continue
        m = _PAGE_DATE.match(line)
        if m:
            date = date or iso_date(*m.group(1, 2, 3))
            removed.append(line)
            continue
        if after_source and _is_related_headline(line):
            removed.append(line)
            continue
        kept.append(line)

    if source is None and "url" in header:
        host = re.sub(r"^https?://(?:www\.)?", "", header["url"]).split("/")[0]
        source = _DOMAINS.get(host, host or None)
    if date is None and re.fullmatch(r"\d{8}", header.get("date", "")):
        d = header["date"]
        date = iso_date(d[6:8], d[4:6], d[:4])

    captions: list[dict] = []
    body_lines: list[str] = []
    for line in kept:
        m = _CAPTION.match(line)
        if m and m.group(1) and len(line) <= 400:
            captions.append({"text": m.group(1).rstrip(" .,(") + ".", "credit": m.group(2).strip()})
        else:
            body_lines.append(line)
    if source is None and not captions and not header:
        return None
    if not body_lines:
        return None

    title = None
    slug = slug_words(header.get("url", ""))
    if slug:
        title = _slug_headline(slug, body_lines, "\n".join(kept))
    elif len(body_lines) > 2 and is_kicker(body_lines[0]) and headline_shaped(body_lines[1]):
        # Under the series kicker "40 năm Di chúc Bác Hồ:"; both stay in the body, which the
        # sayings reader needs whole ("Cụ viết" is Bác Hồ's only by the headline above it).
        title = body_lines[1]
    elif _looks_like_headline(body_lines[0]):
        title = body_lines.pop(0) if len(body_lines) > 1 else body_lines[0]
    else:
        title = _derived_title(body_lines[0])

    subheadings = [
        line for i, line in enumerate(body_lines)
        if 0 < i < len(body_lines) - 1 and _is_subheading(line)
        and not _is_subheading(body_lines[i - 1]) and not _is_subheading(body_lines[i + 1])
    ]
    return {
        "body": "\n".join(body_lines),
        "title": title,
        "source": source,
        "date": date,
        "subheadings": subheadings,
        "captions": captions,
        "removed": removed,
    }
