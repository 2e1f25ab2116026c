"""His turns in a dialogue or an interview set down without quotation marks.

A dash dialogue ("–Thưa Bác, thơ à?" then "– Chú cứ viết tiếp: ...") gives him the turn that
answers one put to him; an interview he gives ("Chủ tịch Hồ Chí Minh trả lời phỏng vấn ...",
then "Hỏi: ..." and "Trả lời: ..." lines) gives him its answers, never its questions.
"""

from __future__ import annotations

import re

from kb.understand.hcm_vocab import FULL_NAME


# An interview he gives: "Hồ Chủ tịch trả lời phỏng vấn ...", "phỏng vấn Chủ tịch Hồ Chí Minh".
_HE_ANSWERS = re.compile(rf"(?:{FULL_NAME}|Bác(?! sĩ)|Người)(?:\s+(?:đã|lần lượt))?\s+trả lời\s+(?:phỏng vấn|các câu hỏi|câu hỏi"
                         rf"|những câu hỏi|nhà báo|các nhà báo|phóng viên|báo)"
                         rf"|phỏng vấn (?:{FULL_NAME}|Bác(?! sĩ)|Người)\b")
_AN_INTERVIEW = re.compile(r"\btrả lời (?:phỏng vấn|các câu hỏi|câu hỏi|những câu hỏi)|\bphỏng vấn\b")
# The answer lines of its transcript: "Trả lời: ...", "**Đáp:** ...", "TL: ...".
_ANSWER_LINE = re.compile(r"(?m)^[ \t*_]*(?:Trả lời|TRẢ LỜI|Đáp|ĐÁP|TL)[ \t*_]*[:.–—-][ \t*_]*(?P<said>\S[^\n]*)$")
_QUESTION_LINE = re.compile(r"(?m)^[ \t*_]*(?:Hỏi|HỎI)[ \t*_]*[:.–—-]")


def interview_answers(masked: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The "Trả lời:" lines of an interview he gives (a "Hỏi:" line before each, the interview
    named within the 1,500 characters before): his answers; the questions are not his."""
    out = []
    for m in _ANSWER_LINE.finditer(masked):
        before = masked[max(0, m.start() - 1500):m.start()]
        interviews = list(_AN_INTERVIEW.finditer(before))
        # The interview named last before the answer must be his, not another's on the page.
        if not _QUESTION_LINE.search(before) or not interviews or not any(
                h.end() >= interviews[-1].start() for h in _HE_ANSWERS.finditer(before)):
            continue
        if any(s <= m.end("said") and m.start("said") <= e for s, e in spans):
            continue  # quoted: read above
        out.append((m.start("said"), m.end("said")))
    return out


# One turn of a dash dialogue, on a line of its own: "– Chú cứ viết tiếp: ...".
_DASH_TURN = re.compile(r"(?m)^[ \t]*[–—-][ \t]*(?P<said>\S[^\n]*)$")
# A turn put to him: "–Thưa Bác, thơ à?", "– Bác ơi, ...".
_TO_HIM = re.compile(r"^(?:Thưa|Kính thưa|Dạ|Bẩm)\s+(?:Bác|Người|Chủ tịch|Cụ)\b|^(?:Bác|Cụ) ơi\b")


def his_replies(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Dash turns of a dialogue that answer a turn put to him ("–Thưa Bác, thơ à?" then "– Chú
    cứ viết tiếp: ..."): the next turn, with no narration between, is his."""
    out = []
    turns = list(_DASH_TURN.finditer(text))
    for prev, turn in zip(turns, turns[1:]):
        between = text[prev.end():turn.start()]
        if between.strip() or not _TO_HIM.match(prev["said"].strip(" *_")):
            continue
        if any(s <= turn.end("said") and turn.start("said") <= e for s, e in spans):
            continue  # quoted: read above
        out.append((turn.start("said"), turn.end("said")))
    return out
