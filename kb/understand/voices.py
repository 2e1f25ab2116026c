"""Voices in a quote that are not his: replies and questions put to him, translations of his
verse, words he cites from others (a proverb, Lênin, the 1776 Declaration).
"""

from __future__ import annotations

import re

from kb.understand.hcm_vocab import FULL_NAME, UPPER

# Replies and words addressed to him: "Thưa Bác, ...", "Dạ, ...".
REPLY = re.compile(r"^[\s*_]*(?:Thưa|Kính thưa|Dạ|Vâng|Bẩm)\b")
# A question put to him: the lead names a question or an interview ("trả lời câu hỏi của các nhà
# báo:", "phóng viên hỏi Bác:"), or the question addresses him ("Có phải Chủ tịch cho rằng ...?",
# "Thưa Người, ...?", "Ngài có ...?").
_ASKED_LEAD = re.compile(
    rf"\b(?:[Tt]rả lời (?:các |những |mấy )?câu hỏi|[Cc]âu hỏi của|[Pp]hỏng vấn|hỏi (?:Bác|Người|Chủ tịch|Cụ|{FULL_NAME})"
    rf"|(?:[Nn]hà báo|[Pp]hóng viên|[Kk]ý giả)[^.!?“”\"«»\n]{{0,40}}?\b(?:hỏi|đặt câu hỏi|thắc mắc))\b"
    rf"[^.!?“”\"«»\n]{{0,60}}:?[\s*_]*$")
_ADDRESSES_HIM = re.compile(r"\b(?:Chủ tịch|Ngài|thưa (?:Bác|Người|Chủ tịch|Cụ|Ngài))\b")


# A translation set after his words: "Dịch thơ:", "Bản dịch của Nam Trân:", "tạm dịch".
TRANSLATION_LEAD = re.compile(r"(?<!\w)(?:[Dd]ịch thơ|[Dd]ịch nghĩa|[Bb]ản dịch|[Dd]ịch là|[Tt]ạm dịch|[Nn]gười dịch)"
                              r"(?!\w)[^.!?“”\"«»\n]{0,25}[\s:(*_]*$")


def question_to_him(lead: str, quote: str) -> bool:
    """Whether ``quote`` is a question put to him (by a journalist, a visitor), not his words."""
    if not quote.rstrip(" .…*_”\"»)").endswith("?"):
        return False
    return _ASKED_LEAD.search(lead[-160:]) is not None or _ADDRESSES_HIM.search(quote) is not None


# He quotes someone else: "nhắc câu tục ngữ", "dẫn lời Khổng Tử", "mượn câu thơ của Nguyễn Du".
QUOTES_ANOTHER = re.compile(
    r"\b(?:nhắc|dẫn|trích|mượn|nhắc lại|dẫn ra|trích dẫn|dẫn lại|vận dụng)\s+(?:lại\s+)?"
    r"(?:(?:câu|lời|ý|đoạn|mấy câu|bài thơ|câu thơ|bản|câu nói|lời nói)\s+(?:[^\s:“”\"«»]+\s+){0,6}?(?:của\s+)?)?"
    rf"(?:(?:tục ngữ|ca dao|thành ngữ|ngạn ngữ|người xưa|cổ nhân|ông bà ta|dân gian)\b"
    rf"|(?<=câu |lời |của |bản )(?:(?:nước|nhà thơ|nhà văn|triết gia|cụ|ông)\s+)?(?!Bác\b|Người\b|Hồ\b)[{UPPER}]\w+)")
# "Tục ngữ có câu “...”", "Ông bà ta dạy: “...”": the people's words, whoever repeats them.
SAYING_OF_OLD = re.compile(r"\b(?:[Tt]ục ngữ|[Cc]a dao|[Tt]hành ngữ|[Nn]gạn ngữ|[Nn]gười xưa|[Cc]ổ nhân|[Ôô]ng bà ta"
                            r"|[Dd]ân gian|[Cc]ha ông ta)\b(?:\s+\S+){0,3}?\s+(?:có câu|nói|dạy|bảo|từng nói|thường nói)\b")
