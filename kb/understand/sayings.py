"""Sayings of Hồ Chí Minh quoted in a document, the work they come from and the sectors they address.

A quoted passage (kb.understand.quotes finds them however the page punctuates them) is a saying
only when the text around it attributes it to him: the clause before it ("Bác dạy:", "Chủ tịch
Hồ Chí Minh đã căn dặn", "như Người đã nói", "Theo Người,", "những lời ... của Người:", "Bác
không vui:"), the words after it (", Bác nói", "— Hồ Chí Minh", "như mong ước của Bác Hồ"), a
cited work "(Hồ Chí Minh toàn tập, tập 5, tr. 292)", a numbered footnote citing his works
(kb.understand.footnotes), a run of his quotes it continues, or a heading such as "LỜI BÁC HỒ
DẠY". "Bác" and a capitalised "Người" inside a sentence stand for him. Passages set off without
quotation marks after such a colon (a dialogue line, a list, a poem) count too.

Left out: words of others (a speaker named before or after the quote, "” - ông X kể lại"),
replies and questions put to him ("Thưa Bác, ..."), quotes naming him in the third person,
titles of works and campaigns, note lines, and one- to three-word quotes ("làm theo").
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kb.analysis.fold import fold
from kb.analysis.tones import canonical_tones
from kb.errors import ConfigError
from kb.understand.footnotes import footnotes, in_note, reference_after
from kb.understand.quotes import block_spans, quote_spans

MIN_WORDS = 4  # "làm theo", "học tập": shorter quotes are words, not sayings
MAX_CHARS = 2000  # an unclosed quote must not swallow the rest of the document

_VERBS = (
    r"(?:nói|dạy|căn dặn|dặn dò|dặn|viết|khẳng định|chỉ rõ|nhấn mạnh|yêu cầu|cho rằng|khuyên"
    r"|nhắc nhở|nhắc|huấn thị|chỉ ra|đúc kết|kêu gọi|tuyên bố|phát biểu|nêu rõ|xác định"
    r"|chỉ dẫn|răn dạy|nhận định|đòi hỏi|chủ trương|định nghĩa|giải thích|quan niệm|mong muốn"
    r"|nhận xét|chỉ thị|kết luận|trả lời|ví|coi|gọi|phân tích|cho biết|bảo|hỏi|hỏi thăm"
    r"|chấn chỉnh|reo lên|đọc|đáp|tâm sự|thừa nhận|lưu ý|phê bình|nhận thấy|mong|dạy bảo"
    r"|đề ra|đề nghị|nhắn|nhắn nhủ|ghi|thốt lên|cười|đi đến kết luận|đi đến luận điểm|cảnh báo"
    r"|chỉ thị|nêu|ân cần|vạch rõ|tiếp|thêm|nhận|kể|hứa|khuyến khích|động viên|biểu dương"
    r"|kiến nghị|đề xuất|tổng kết|dự báo|dự đoán|cảnh tỉnh|khuyên răn|lên án|tố cáo|vạch trần"
    r"|bày tỏ|phê phán|quán triệt|lập luận|trình bày|căn dặn)"
)
# Verbs that introduce words said or written, for the looser patterns (a name, then anything
# short, then the verb): "Người đã mừng rỡ đến trào nước mắt, đã reo lên".
_SPEECH = (
    r"(?:nói|dạy|căn dặn|dặn dò|dặn|viết|khẳng định|chỉ rõ|nhấn mạnh|hỏi|trả lời|bảo|reo lên|kêu gọi"
    r"|tuyên bố|nhắc nhở|khuyên|phát biểu|cho rằng|chỉ ra|nêu rõ|phân tích|kết luận|đi đến kết luận"
    r"|đi đến luận điểm|đáp|huấn thị|chỉ thị|viết rằng|nhận định|xác định|yêu cầu)"
)
# What a capitalised "Người" does when it is him ("Người ra Lời kêu gọi", "Người thể hiện"), not a
# noun phrase ("Người giàu cũng khóc", "Người dân").
_ACTS = r"(?:đã|vẫn|cũng|luôn|còn|lại|ra|gửi|có|thể hiện|đưa ra|nêu lên|đến|về|đi|bèn|liền|từng)"
_ADVERBS = (r"(?:\s+(?:đã|từng|thường|luôn|luôn luôn|cũng|lại|còn|rất|hay|nhiều lần|ân cần|có lần"
            r"|đã từng|đặc biệt|sinh thời|liền|vẫn|đều|mới|bèn|cũng đã|trịnh trọng|quay sang|nghiêm khắc"
            r"|tiếp tục|hóm hỉnh|vui vẻ|chân thành|thẳng thắn))*")
# A name that is always him, then anything short within the sentence, then a verb.
_FULL_NAME = (r"(?:Chủ tịch Hồ Chí Minh|Hồ Chủ tịch|Bác Hồ|Hồ Chí Minh|Nguyễn Ái Quốc|Nguyễn Tất Thành"
              r"|Chủ tịch Hồ Chí Minh|Chủ tịch nước Hồ Chí Minh|Cụ Hồ)")
_UPPER = "A-ZĐÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ"  # "Người Việt" (a newspaper), "Người Pháp": a name, not him
# Words before his name that make him the one spoken to or about, not the speaker.
_OBJECT = r"(?<!của )(?<!về )(?<!với )(?<!cho )(?<!hỏi )(?<!thưa )(?<!Thưa )(?<!tặng )(?<!gửi )(?<!kính )"
_BEFORE_MARKERS = [
    # ("con của Hồ Chí Minh và đã trả lời" is someone else speaking: no "của"/"và" around it).
    re.compile(rf"{_OBJECT}\b{_FULL_NAME}{_ADVERBS}\s+{_VERBS}\b"),
    re.compile(rf"{_OBJECT}\b{_FULL_NAME}(?:(?!\bvà\b)[^.!?;“”\"«»*\n]){{0,50}}?\b{_SPEECH}\b"),
    # "Bác", "Người": ambiguous words, so the verb must follow at once ("Người dân nói" is not him)...
    re.compile(rf"{_OBJECT}(?<!\w)(?:Bác(?! sĩ)|Người){_ADVERBS}\s+{_VERBS}\b"),
    # ...unless capitalised inside a sentence, where they can only be him ("khi đọc Luận cương,
    # Người đã mừng rỡ đến trào nước mắt, đã reo lên “...”"); "Bác" (not "bác sĩ") anywhere.
    re.compile(rf"(?:(?<=[\w,;] ){_OBJECT}Người(?=,|{_ADVERBS}\s+(?:{_VERBS}|{_ACTS})\b)"
               rf"|{_OBJECT}(?<!\w)Bác(?! sĩ))\b(?!\s+[{_UPPER}])(?:(?!\bvà\b)[^.!?;“”\"«»*\n]){{0,60}}?\b{_SPEECH}\b"),
    re.compile(
        r"lời (?:dạy|căn dặn|dặn|khuyên|nói|di huấn|chỉ dẫn|nhắc nhở) của (?:Bác|Người|Chủ tịch|Hồ Chủ tịch)"
        r"|(?:[Ll]ời|[Cc]âu nói|[Ll]ời dạy|ý|[Tt]ư tưởng|[Qq]uan điểm|[Ll]uận điểm|[Cc]âu|[Ll]ời văn)"
        r" (?:của )?(?:Bác|Người)\b(?! sĩ)"
        rf"|(?:[Ll]ời|[Cc]âu nói|[Ll]ời dạy|[Qq]uan điểm|[Ll]uận điểm|[Cc]âu) (?:của )?{_FULL_NAME}"
        rf"|[Tt]heo (?:lời )?(?:Bác|Người|{_FULL_NAME})\b(?! sĩ)"
        r"|như (?:Bác|Người|Chủ tịch Hồ Chí Minh|Bác Hồ)\b"
        r"|chuẩn mực đạo đức (?:của )?Bác"
        r"|(?:trong|theo) (?:bản )?Di chúc"
        r"|(?:LỜI BÁC|BÁC HỒ DẠY|BÁC DẠY)"
    ),
]
# After the quote: "- Bác Hồ", ", Người viết", "(Hồ Chí Minh toàn tập...)", "- Bác quay sang hỏi".
_AFTER_MARKER = re.compile(
    rf"^[\s|]*[,.;:!?–—-]*\s*(?:\(\s*)?(?:(?:Trích\s+)?(?:[^\n]{{0,40}}?\bcủa\s+)?{_FULL_NAME}(?=[\s\d\[\]()*_.]*(?:\n|\Z|\)))"
    rf"|(?:{_FULL_NAME}|Bác(?! sĩ)|Người){_ADVERBS}\s+{_VERBS}\b(?!\s*[,:])|lời Bác"
    rf"|của (?:Bác|Người|{_FULL_NAME})\b)"
)
# "”, đầu bếp Thiệu nhớ lại", "” - ông Hoàng Giáp tâm sự": a speaker named after the quote.
_AFTER_SPEAKER = re.compile(
    rf"^\s*[,.!?]?\s*[–—-]\s*([^.!?“”\"«»\n]{{2,40}}?)\s+(?:{_VERBS}|nhớ lại|kể lại|chia sẻ|cho hay|tâm sự)\b"
    rf"|^\s*,\s*([^.!?“”\"«»\n]{{2,40}}?)\s+(?:nhớ lại|kể lại|chia sẻ|cho hay|tâm sự|kể)\b"
)
# Replies and words addressed to him: "Thưa Bác, ...", "Dạ, ...".
_REPLY = re.compile(r"^[\s*_]*(?:Thưa|Kính thưa|Dạ|Vâng|Bẩm)\b")
# His name in the third person inside a quote: someone speaking about him.
_NAMED_INSIDE = re.compile(rf"Hồ Chủ [Tt]ịch|Chủ tịch Hồ Chí Minh|Hồ Chí Minh|Bác Hồ {_VERBS}\b")
_FOOTNOTE = re.compile(r"\*{0,2}\[\d{1,3}\]\*{0,2}|\(\d{1,3}\)|(?<=[”\"»])\d{1,3}\b|\*+|_+")
_OTHER_SPEAKER = re.compile(
    r"\b(?:đồng chí|Tổng Bí thư|Thủ tướng|Chủ tịch nước|Chủ tịch Quốc hội|Bộ trưởng|Bí thư|Phó Bí thư"
    r"|Chủ nhiệm|Giám đốc|Trưởng ban|ông|bà|Lênin|Lê-nin|Mác|C\.Mác|Ăngghen|Đảng ta|Nghị quyết"
    r"|Văn kiện|Cương lĩnh|Điều lệ|Chỉ thị|nhân dân ta|ông bà ta|tục ngữ|ca dao|người xưa|khẩu hiệu"
    r"|phương châm|chủ đề|phong trào|cuộc vận động|đề án|chương trình|dự án|mô hình|cuộc thi|hội thi"
    r"|giải thưởng|chuyên mục|tác phẩm|cuốn sách|bài viết|bài báo|tiêu đề|chuyên đề)\b",
    re.IGNORECASE,
)
# A cited work in parentheses right after the quote.
_WORK_AFTER = re.compile(r"^\s*[,.;:]?\s*\(([^()\n]{4,250})\)")
_HCM_WORK = re.compile(
    r"Hồ Chí Minh|HCM|[Tt]oàn tập|Sđd|sđd|Di chúc|Tuyên ngôn|Đường Kách mệnh|Sửa đổi lối làm việc"
    r"|Cần,? kiệm,? liêm,? chính|Đạo đức cách mạng"
)
_LETTER_WORK = re.compile(
    r"^(?:Trích\s+)?(?:Thư|Bài nói|Nói chuyện|Lời kêu gọi|Lời|Diễn văn|Điện|Huấn thị|Bài phát biểu"
    r"|Phát biểu|Báo cáo)\b.*(?:1[89]\d\d|\d{1,2}/\d{4})"
)
_WORK_BEFORE = re.compile(r"(?:[Tt]rong|[Tt]ại) ((?:bản )?Di chúc|tác phẩm [“\"«][^”\"»]{3,80}[”\"»]|(?:bức )?[Tt]hư gửi [^,:;“”\"]{3,80})")
_HEADING = re.compile(r"^(?:#+\s*.*|[^a-zà-ỹđ\n]{6,})$", re.MULTILINE)
# A heading over a list of his sayings: about him AND about words ("LỜI BÁC HỒ DẠY", "Bác dạy").
_HEADING_HCM = re.compile(r"BÁC|Bác|HỒ CHÍ MINH|Hồ Chí Minh|CHỦ TỊCH|Chủ tịch")
_HEADING_WORDS = re.compile(r"\b(?:LỜI|[Ll]ời|DẠY|[Dd]ạy|NÓI|[Nn]ói|CĂN DẶN|[Cc]ăn dặn|DANH NGÔN|[Dd]anh ngôn|TRÍCH|[Tt]rích|CÂU NÓI|[Cc]âu nói)\b")
_CHAIN_GAP = re.compile(r"^[\s,;:.–—-]*(?:và|hay|hoặc|cùng|rồi)?[\s,;:.–—-]*$")
_BREAK = re.compile(r"[.!?](?=\s)|\n\s*\n|\n\s*[-*+#•]")  # sentence, paragraph or list item ends
_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside every outermost quotation in ``text``."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for m in re.finditer(r"[“”«»\"]|\n\s*\n", text):
        ch, pos = m[0], m.start()
        if stack and pos - stack[0][1] > MAX_CHARS:
            stack.clear()
        if ch.startswith("\n"):
            # A paragraph break ends an unbalanced quote, unless the quote opened a block
            # ("Người viết:\n\n“Trời có bốn mùa...\n\nĐất có bốn phương...”").
            if not (len(stack) == 1 and re.search(r"(?:^|:|\n)[\s*_]*$", text[max(0, stack[0][1] - 20):stack[0][1]])):
                stack.clear()
        elif ch in "“«":
            stack.append((ch, pos))
        elif ch in "”»":
            if stack and stack[-1][0] != '"':
                _, start = stack.pop()
                if not stack:
                    spans.append((start + 1, pos))
            elif ch == "”" and (pos == 0 or not text[pos - 1].isalnum()) and text[pos + 1 : pos + 2].isalpha():
                stack.append(("“", pos))  # ”làm theo” typed with the closing mark
        else:  # straight quotes alternate
            if stack and stack[-1][0] == '"':
                _, start = stack.pop()
                if not stack:
                    spans.append((start + 1, pos))
            else:
                stack.append(('"', pos))
    return spans


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or line) around text[start:end], quote included."""
    left = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 400), start - 1):
        left = m.end()
    right = _SENTENCE_END.search(text, end + 1)
    return re.sub(r"\s+", " ", text[left : right.end() if right else len(text)]).strip(" -*+")


_TITLE_BEFORE = re.compile(
    r"\b(?:bài|bài thơ|bài hát|ca khúc|bộ phim|tiểu thuyết|vở kịch|chương trình|bài báo|bài viết|tác phẩm|cuốn|sách|phim|vở|tập thơ|báo|tạp chí"
    r"|khẩu hiệu|chủ đề|mang tên|có tên|tên là|tựa đề|nhan đề|tập|gọi là|danh hiệu)[\s*_:,]*$",
    re.IGNORECASE,
)


def _attributed_before(gap: str, earlier: str = "") -> bool:
    """Whether the words before a quote (since the previous quote) attribute it to him.

    ``earlier`` is the text before ``gap``: a pronoun ("ông viết:") is him when the last person
    named before it is.
    """
    tail = gap[-300:]
    if _TITLE_BEFORE.search(tail):
        return False  # Bác Hồ đã viết bài “Nâng cao đạo đức cách mạng...”: a title, not a saying
    # "những tuyên bố đanh thép khác của Người: “...”", "Lời kêu gọi ... của Người có đoạn: “...”".
    colon = _COLON_SUBJECT.search(tail)
    if (colon and not _speaks(colon["rest"]) and not _OTHER_SPEAKER.search(colon["rest"])
            and not re.search(r"\b(?:được|bị)\b", colon["rest"])):
        return True
    possessed = _POSSESSED.search(tail.rstrip(" \t\n*_"))
    if possessed and (possessed["rest"].strip() == "" or possessed["rest"].rstrip().endswith(":")):
        return True
    last = None
    for pattern in _BEFORE_MARKERS:
        for m in pattern.finditer(tail):
            inside = m[0].split(None, 1)[1] if " " in m[0] else ""
            if (_OTHER_SPEAKER.search(inside) or re.search(r"\b(?:được|bị)\b", inside)
                    or _PERSON.search(_strip_names(m[0]))):
                continue  # "Biết ý Bác, ông Máy Lỳ liền nói", "Bác Hồ được cho rằng", "..., Hà Huy Tập nói"
            if last is None or m.end() > last:
                last = m.end()
    for m in _PRONOUN.finditer(tail):
        if (last is None or m.end() > last) and _last_named_is_him(earlier + gap[:len(gap) - len(tail) + m.start()]):
            last = m.end()
    if last is None:
        return False
    between = tail[last:].rstrip(" \t\n:*_")  # "Người viết:\n\n“...": the break is the colon's
    if len(between) > 150:
        return False
    return not _speaks(between) and not _BREAK.search(between + " ")


# "ông viết:", "Ông trả lời:": a pronoun, not "ông Nguyễn Văn A".
_PRONOUN = re.compile(rf"(?<!\w)(?:ông|Ông)(?!\s+[{_UPPER}]){_ADVERBS}\s+{_SPEECH}\b")
_NAMED_PERSON = re.compile(rf"(?P<him>{_FULL_NAME})|(?<!\w)(?:ông|bà|cụ|anh|chị|đồng chí|Ông|Bà|Cụ)\s+[{_UPPER}]\w*")


def _last_named_is_him(before: str) -> bool:
    """Whether the last person named in ``before`` (its last 1500 characters) is him."""
    last = None
    for last in _NAMED_PERSON.finditer(before[-1500:]):
        pass
    return last is not None and last["him"] is not None


def _person_speaks(clause: str) -> bool:
    """Whether someone named in ``clause``, not him, says or issues something ("Lê Duẩn thay mặt
    Bộ Chính trị đã công bố ...:")."""
    return any(re.search(rf"^[^.!?:]{{0,60}}?\b(?:{_SPEECH}|công bố|đọc)\b", clause[m.end():])
               for m in _PERSON.finditer(_strip_names(clause)) if not re.fullmatch(r"[\s_]*", m[0]))


def _speaks(clause: str) -> bool:
    """Whether ``clause`` has someone else speaking ("đồng chí Bí thư nói"), not just named
    ("Bác hỏi đồng chí phục vụ")."""
    return any(re.search(rf"\b{_VERBS}\b", clause[m.end():m.end() + 60])
               for m in _OTHER_SPEAKER.finditer(clause))


# Someone else's name (two to four capitalised syllables) between his name and the verb.
_PERSON = re.compile(rf"(?<!\w)[{_UPPER}]\w+(?:\s+[{_UPPER}]\w+){{1,3}}(?!\w)")


def _strip_names(clause: str) -> str:
    """``clause`` without his own names (which are capitalised too)."""
    return re.sub(rf"{_FULL_NAME}|\b(?:Bác|Người)\b|^\S+", lambda m: " " * len(m[0]), clause)


_POSSESSED = re.compile(rf"\bcủa (?:Người|Bác(?! sĩ)|{_FULL_NAME})\b(?P<rest>[^.!?;“”\"«»\n]{{0,30}})$")


def _other_before(gap: str) -> bool:
    """Whether the clause right before a quote names someone else as the speaker."""
    return _speaks(re.split(r"[.!?](?=\s)|\n", gap[-200:])[-1])


# "Bác không vui: “...”", "Người trầm ngâm: “...”": the subject of a clause ending in a colon.
_COLON_SUBJECT = re.compile(rf"(?:(?:^|[.!?]\s+|\n)[–—-]?\s*(?:Bác(?! sĩ)|{_FULL_NAME})|,\s+(?:Bác(?! sĩ)|Người|{_FULL_NAME}))"
                            rf"\b(?!\s+[{_UPPER}])(?P<rest>[^.!?;“”\"«»\n]{{0,40}}):[\s*_]*$")
# "“...” để Bắc - Nam sum họp một nhà như mong ước của Bác Hồ": words after it, in its sentence.
_AS_HE_WISHED = re.compile(
    rf"^[^.!?“”\"«»\n]{{0,120}}?\bnhư (?:lời|mong ước|tâm nguyện|ước nguyện|lời dạy|lời căn dặn|di huấn"
    rf"|mong muốn|điều|lời khuyên|lời nói)(?: (?:của|mà))? (?:Bác(?! sĩ)|Người|{_FULL_NAME})\b")


def _said_by_other_after(after: str) -> bool:
    """Whether the words after a quote name another speaker ("” - ông Hoàng Giáp tâm sự")."""
    m = _AFTER_SPEAKER.match(after)
    return m is not None and not re.match(rf"(?:Bác|Người|{_FULL_NAME})\b", m[1] or m[2])


def _introduces_next(after: str) -> bool:
    """Whether the clause after a quote ends in a colon: it leads to the next quote, not this one."""
    clause = re.split(r"[.!?“”\"«»\n]", after.lstrip(" \t.,;!?…*_"), maxsplit=1)[0]
    return clause.rstrip(" *_").endswith(":")


def _under_hcm_heading(text: str, start: int) -> bool:
    """Whether a quote opening a line sits under a heading about him ("LỜI BÁC HỒ DẠY")."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start - 1].strip(" -*+•0123456789.)") != "":
        return False
    heads = list(_HEADING.finditer(text, 0, line_start))
    # The nearest heading ("## Y tế") or the document's title ("# LỜI BÁC HỒ DẠY ...").
    return any(_HEADING_HCM.search(h[0]) and _HEADING_WORDS.search(h[0]) for h in heads[:1] + heads[-1:])


def _section_heading(text: str, start: int) -> str:
    """The short heading right above a quote ("## Y tế"), which names its sector; else ''."""
    heads = list(_HEADING.finditer(text, max(0, start - 3000), start))
    if heads and len(heads[-1][0].split()) <= 8:
        return heads[-1][0].lstrip("# ")
    return ""


_POEM_INTRO = re.compile(r"\b(?:thơ|ngâm|vần|câu đối|chúc Tết|[Nn]guyên văn|bài ca)\b")
# "Bác bảo tôi: Chú mở cái băng ... với." — words said, set off by a colon only.
_SAID_INLINE = re.compile(rf"(?:Bác(?! sĩ)|Người|{_FULL_NAME}){_ADVERBS}\s+(?:nói|bảo|hỏi|trả lời|dặn|đáp|căn dặn)"
                          r"(?P<to>[^.!?:;“”\"«»\n]{0,30}):[ \t*_]*(?P<said>[^\s“”\"«»\-–—*_][^\n]*)")


# Places, schools, campaigns and bodies named after him: "TP. Hồ Chí Minh", "Trường THPT
# Nguyễn Tất Thành", "chiến dịch Hồ Chí Minh", "tư tưởng, đạo đức, phong cách Hồ Chí Minh".
_NAMESAKE = re.compile(
    r"(?i:thành phố|tp\.?|trường(?: thpt| thcs| đại học)?|thpt|thcs|đội(?: thiếu niên tiền phong)?|đoàn"
    r"|chiến dịch|đường|lăng|bảo tàng|di tích|học viện|giải(?: thưởng)?|huy hiệu|quỹ|nhà xuất bản"
    r"|đại học|quận|hội|tư tưởng|phong cách|đạo đức|tấm gương|khu|nhà lưu niệm|sân bay|cộng sản"
    r"|tiền phong|thanh niên cộng sản|mang tên|tên|chuyên)[\s,]+(?:Chủ tịch |Bác )?"
    r"(?P<name>Hồ Chí Minh|Nguyễn Tất Thành|Nguyễn Ái Quốc)"
)


def _mask_namesakes(text: str) -> str:
    """``text`` with the names in namesakes blanked out (same length, so offsets hold)."""
    return _NAMESAKE.sub(lambda m: m[0][: m.start("name") - m.start()] + "_" * len(m["name"]), text)


def extract_sayings(text: str) -> list[dict]:
    """Quotations of Hồ Chí Minh in ``text``: ``{"text", "context", "work", "sectors"}`` each."""
    sectors = load_sectors()
    found: list[tuple[int, dict]] = []
    prev_end, prev_saying = 0, False
    seen: set[str] = set()
    notes = footnotes(text)
    spans = quote_spans(text)
    masked = _mask_namesakes(text)  # attribution is read on this: "TP. Hồ Chí Minh" is a city
    for start, end in spans:
        quote = re.sub(r"\s+", " ", text[start:end]).strip(" *_")
        gap = masked[prev_end:start - 1]
        raw_after = masked[end + 1 : end + 301]
        note = notes.get(reference_after(raw_after) or -1)
        after = _FOOTNOTE.sub("", re.sub(r"^\d{1,3}\b", "", raw_after))
        work_m = _WORK_AFTER.match(after)
        work = work_m[1].strip() if work_m else None
        # A lower-case fragment woven into a sentence needs one word more to count.
        min_words = MIN_WORDS + (1 if quote.lstrip("*_ ")[:1].islower() else 0)
        is_saying = (
            len(quote.split()) >= min_words
            and quote[:1] not in ".,;:)]"  # the text between two quotes, not a quote
            and not in_note(text, start)
            and not _REPLY.match(quote) and not _NAMED_INSIDE.search(masked[start:end])
            and not _said_by_other_after(after)
            and (note is None or note[1])  # a note citing another's work: theirs
            and (
                (note is not None and note[1])
                or (prev_saying and _CHAIN_GAP.match(_FOOTNOTE.sub("", gap)) is not None)
                or _attributed_before(gap, masked[max(0, prev_end - 1500):prev_end])
                or (_AFTER_MARKER.match(after) is not None and not _introduces_next(after)
                    and not _other_before(gap))
                or (_AS_HE_WISHED.match(after) is not None and not _other_before(gap))
                or (work is not None and (_HCM_WORK.search(work) or _LETTER_WORK.match(work)))
                or _under_hcm_heading(text, start)
            )
        )
        if work and not (_HCM_WORK.search(work) or _LETTER_WORK.match(work)):
            work = None
        if work is None and note is not None and note[1]:
            work = note[0]
        if is_saying and work is None:
            before = _WORK_BEFORE.search(gap[-200:])
            work = before[1] if before else None
        # In a dialogue a reply to him ("Dạ, ...") does not end the run of his lines.
        prev_end, prev_saying = end + 1, is_saying or (prev_saying and _REPLY.match(quote) is not None)
        if not is_saying:
            continue
        context = _sentence(text, start, end)
        # Sectors come from the saying and the words that lead to it, not the rest of the
        # sentence (which often goes on about something else).
        # The introducing words are those since the previous quote (and within its sentence).
        lead = re.split(r"[.!?](?=\s)|\n\s*\n", gap[-250:])[-1]
        clues = " \n ".join([lead, quote, work or "", _section_heading(text, start)])
        found.append((start, {"text": quote, "context": context, "work": work,
                              "sectors": match_sectors(clues, sectors)}))
    for intro_start, intro_end, items in block_spans(text):
        intro = masked[intro_start:intro_end]
        if (not _attributed_before(intro, masked[max(0, intro_start - 1500):intro_start])
                or _other_before(intro.rstrip(" \t\n*_:")) or _person_speaks(intro)):
            continue
        if len(items) > 1 and _POEM_INTRO.search(intro):
            # A poem set off line by line is one saying, its lines kept.
            items = [(items[0][0], items[-1][1])]
        for start, end in items:
            if any(s <= end and start <= e for s, e in spans):
                continue  # quoted: read above
            saying = re.sub(r"[ \t]*\n\s*", "\n", text[start:end]).strip(" *_\n")
            saying = re.sub(r"[ \t]+", " ", saying) if "\n" in saying else re.sub(r"\s+", " ", saying)
            if (len(re.findall(r"\w+", saying)) < MIN_WORDS or _REPLY.match(saying)
                    or _NAMED_INSIDE.search(masked[start:end])):
                continue
            context = re.sub(r"\s+", " ", text[intro_start:intro_end] + " " + saying).strip()
            found.append((start, {"text": saying, "context": context, "work": None,
                                  "sectors": match_sectors(context + " \n " + _section_heading(text, start),
                                                           sectors)}))
    for m in _SAID_INLINE.finditer(masked):
        if _OTHER_SPEAKER.search(m["to"]) and _speaks(m["to"]):
            continue
        start = m.start("said")
        said = re.split(r"(?<=[.!?…])\s", text[start:m.end("said")], maxsplit=1)[0].strip()
        if (len(re.findall(r"\w+", said)) >= MIN_WORDS and not _REPLY.match(said)
                and not any(s <= start + len(said) and start <= e for s, e in spans)):
            context = re.sub(r"\s+", " ", text[m.start():start] + said)
            found.append((start, {"text": said, "context": context, "work": None,
                                  "sectors": match_sectors(context, sectors)}))
    out: list[dict] = []
    for _, saying in sorted(found, key=lambda f: f[0]):
        key = saying_key(saying["text"])
        if key not in seen:  # quoted again further down (or the page printed twice): listed once
            seen.add(key)
            out.append(saying)
    return out


# His names, folded: an author field may be typed without marks ("Ho Chi Minh").
_HCM_NAME = re.compile(r"\b(?:ho chi minh|ho chu tich|bac ho|nguyen ai quoc|nguyen tat thanh)\b")


def is_hcm(name: str | None) -> bool:
    """Whether an author's name is Hồ Chí Minh ("Hồ Chí Minh", "Tác giả: Bác Hồ", "Nguyen Ai Quoc")."""
    return bool(name) and _HCM_NAME.search(" ".join(fold(w) for w in str(name).split())) is not None


def declared_saying(quotation: Mapping | None) -> dict | None:
    """A quotation a record declares (``{"text", "author", "work", "year"}``) as one of his sayings.

    None unless its author is Hồ Chí Minh: the record is then the saying itself, with its work
    and year as the record gives them.
    """
    if not quotation or not is_hcm(quotation.get("author")) or not quotation.get("text"):
        return None
    text = re.sub(r"\s+", " ", str(quotation["text"])).strip()
    work = quotation.get("work") or None
    year = str(quotation["year"]) if quotation.get("year") else None
    return {"text": text, "context": text, "work": work, "year": year,
            "sectors": match_sectors(" \n ".join([text, work or ""]))}


# --- sectors -------------------------------------------------------------------------------

def _norm(text: str) -> str:
    """Lower case, NFC, canonical tone placement: what sector keywords are matched on."""
    text = unicodedata.normalize("NFC", text.lower())
    return canonical_tones(re.sub(r"\s+", " ", text))


@lru_cache(maxsize=8)
def load_sectors(extra_path: str | Path | None = None) -> dict[str, re.Pattern]:
    """Sector → keyword regex, from kb/data/sectors.toml plus ``extra_path`` when given (cached)."""
    data = tomllib.loads(resources.files("kb.data").joinpath("sectors.toml").read_text("utf-8"))
    merged = {name: list(words) for name, words in data.items()}
    if extra_path is not None:
        try:
            with open(extra_path, "rb") as fh:
                extra = tomllib.load(fh)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{extra_path}: cannot read sector lexicon ({exc})") from exc
        for name, words in extra.items():
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise ConfigError(f"{extra_path}: sector {name!r} must map to a list of keywords")
            merged.setdefault(name, []).extend(words)
    return {
        name: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(_norm(w)) for w in words) + r")(?!\w)")
        for name, words in merged.items() if words
    }


def match_sectors(text: str, sectors: Mapping[str, re.Pattern] | None = None) -> list[str]:
    """Names of the sectors whose keywords occur in ``text``, in lexicon order."""
    sectors = load_sectors() if sectors is None else sectors
    normed = _norm(text)
    return [name for name, pattern in sectors.items() if pattern.search(normed)]


# --- one saying quoted by many documents ---------------------------------------------------

def saying_key(text: str) -> str:
    """Key equal for the same saying despite punctuation, case, spacing and tone-mark style."""
    text = unicodedata.normalize("NFC", text.lower())
    text = re.sub(r"[^\w\s]|_", " ", text)
    return canonical_tones(" ".join(text.split()))


def merge_sayings(per_doc: Mapping[str, list[dict]]) -> list[dict]:
    """One entry per distinct saying across documents: ``{"text", "work", "year", "sectors", "sources"}``.

    The longest spelling is kept as the text, the first cited work (and year) as the work, and
    the sectors of every quotation are united; ``sources`` lists the documents in the order given.
    """
    merged: dict[str, dict] = {}
    for doc_id, sayings in per_doc.items():
        for saying in sayings:
            key = saying_key(saying["text"])
            entry = merged.setdefault(
                key, {"text": saying["text"], "work": None, "year": None, "sectors": [], "sources": []}
            )
            if len(saying["text"]) > len(entry["text"]):
                entry["text"] = saying["text"]
            entry["work"] = entry["work"] or saying.get("work")
            entry["year"] = entry["year"] or saying.get("year")
            entry["sectors"] += [s for s in saying.get("sectors", []) if s not in entry["sectors"]]
            if doc_id not in entry["sources"]:
                entry["sources"].append(doc_id)
    return list(merged.values())
