"""Who speaks a quotation: the clues around it that make it Hồ Chí Minh's words, or another's.

Read on the words before a quote (the clause that introduces it, and for a pronoun the persons
named earlier), the words after it, and the quote itself. "Bác", a capitalised "Người" inside a
sentence, "ông" when he is the last person named, and his names (not those of the places,
schools and campaigns named after him) stand for him; a named person, an official ("đồng chí",
"Tổng Bí thư"), a Party document, a proverb or a slogan stand for someone else.
"""

from __future__ import annotations

import re
from bisect import bisect_right

MAX_FRAGMENT_LEAD = 80  # characters between the attributing words and a lower-case fragment
BREAK = re.compile(r"[.!?](?=\s)|\n\s*\n|\n\s*[-*+#•]")  # sentence, paragraph or list item ends

from kb.understand.hcm_vocab import ACTS as _ACTS, ADVERBS, FULL_NAME, OBJECT as _OBJECT, SPEECH as _SPEECH
from kb.understand.hcm_vocab import ORGANISATIONS, PERSON_TITLES, UPPER as _UPPER, VERBS as _VERBS
from kb.understand.voices import QUOTES_ANOTHER, SAYING_OF_OLD
# His words as a thing he had or gave: "có năm lời khuyên", "để lại những lời căn dặn".
_HAS_WORDS = (r"(?:có|gửi|để lại|nêu|đưa ra|viết|ghi)\s+(?:\S+\s+){0,2}?(?:lời|điều|câu)"
              r"\s+(?:khuyên|dạy|căn dặn|dặn|dặn dò|nói|răn|nhắn nhủ|chỉ dẫn)")
# His verse or letter as the act that says the words: "Ông đã làm một bài thơ (...) thể hiện chí
# hướng:", "bản thân ông gửi thư khen ngợi “lòng kiên cường ...”".
_MADE_WORDS = (r"(?:(?:làm|viết|sáng tác|ngâm)\s+(?:\S+\s+){0,2}?(?:bài thơ|câu thơ|vần thơ|bài ca|câu đối)"
               r"|gửi\s+(?:bức |lá )?(?:thư|điện)(?:\s+(?:khen ngợi|khen|chúc mừng|cảm ơn|thăm hỏi|động viên"
               r"|biểu dương|chia buồn|ngợi khen))?)")
# Whom he speaks to, between a verb of saying and the quote: "ông đề nghị đồng bào “...”".
_TO_WHOM = (r"(?:tôi|chúng tôi|chú|các chú|cháu|các cháu|anh|các anh|chị|các chị|em|các em|cô|các cô"
            r"|mọi người|đồng chí|các đồng chí|đồng bào|toàn dân|anh em|bà con|cán bộ|bộ đội|chiến sĩ"
            r"|các chiến sĩ|đại biểu|các đại biểu|nhân dân|thanh niên|phụ nữ|chị em)")
# Where a match of his name may start: not inside a longer name ("của Chủ tịch Hồ Chí Minh" read
# from "Hồ Chí Minh" on would escape the "của" before it).
_NAME_START = r"(?<!tịch )(?<!nước )"
_BEFORE_MARKERS = [
    # ("con của Hồ Chí Minh và đã trả lời" is someone else speaking: no "của"/"và" around it).
    re.compile(rf"{_OBJECT}{_NAME_START}\b{FULL_NAME}{ADVERBS}\s+{_VERBS}\b"),
    re.compile(rf"{_OBJECT}{_NAME_START}\b{FULL_NAME}(?:(?!\bvà\b)[^.!?;“”\"«»*\n]){{0,50}}?\b{_SPEECH}\b"),
    # "Bác", "Người": ambiguous words, so the verb must follow at once ("Người dân nói" is not him)...
    re.compile(rf"{_OBJECT}(?<!\w)(?:Bác(?! sĩ)|Người){ADVERBS}\s+{_VERBS}\b"),
    # ...unless capitalised inside a sentence, where they can only be him ("khi đọc Luận cương,
    # Người đã mừng rỡ đến trào nước mắt, đã reo lên “...”"); "Bác" (not "bác sĩ") anywhere.
    re.compile(rf"(?:(?<=[\w,;] ){_OBJECT}Người(?=,|{ADVERBS}\s+(?:{_VERBS}|{_ACTS})\b)"
               rf"|{_OBJECT}(?<!\w)Bác(?! sĩ))\b(?!\s+[{_UPPER}])(?:(?!\bvà\b)[^.!?;“”\"«»*\n]){{0,60}}?\b{_SPEECH}\b"),
    re.compile(
        r"lời (?:dạy|căn dặn|dặn|khuyên|nói|di huấn|chỉ dẫn|nhắc nhở) của (?:Bác|Người|Chủ tịch|Hồ Chủ tịch)"
        r"|(?:[Ll]ời|[Cc]âu nói|[Ll]ời dạy|ý|[Tt]ư tưởng|[Qq]uan điểm|[Ll]uận điểm|[Cc]âu|[Ll]ời văn|[Cc]hân lý)"
        r" (?:bất hủ )?(?:của )?(?:Bác|Người)\b(?! sĩ)"
        rf"|(?:[Ll]ời|[Cc]âu nói|[Ll]ời dạy|[Qq]uan điểm|[Ll]uận điểm|[Cc]âu|[Cc]hân lý) (?:bất hủ )?(?:của )?{FULL_NAME}"
        # "Chủ tịch Hồ Chí Minh với chân lý “...”".
        rf"|{FULL_NAME} với (?:chân lý|tư tưởng|quan điểm|câu nói|lời dạy|luận điểm)(?: bất hủ| nổi tiếng)?"
        rf"|[Tt]heo (?:lời )?(?:Bác|Người|{FULL_NAME})\b(?! sĩ)"
        r"|như (?:Bác|Người|Chủ tịch Hồ Chí Minh|Bác Hồ)\b"
        r"|chuẩn mực đạo đức (?:của )?Bác"
        r"|(?:trong|theo) (?:bản )?Di chúc"
        r"|(?:LỜI BÁC|BÁC HỒ DẠY|BÁC DẠY)"
    ),
    # "Bác có năm lời khuyên:", "Chủ tịch Hồ Chí Minh đã để lại những lời căn dặn:".
    re.compile(rf"(?<!\w)(?:Bác(?! sĩ)|Người|{FULL_NAME}){ADVERBS}\s+{_HAS_WORDS}"),
    re.compile(rf"{_OBJECT}(?<!\w)(?:Bác(?! sĩ)|{FULL_NAME}){ADVERBS}\s+{_MADE_WORDS}"),
]
# After the quote: "- Bác Hồ", ", Người viết", "(Hồ Chí Minh toàn tập...)", "- Bác quay sang hỏi".
AFTER_MARKER = re.compile(
    rf"^(?:[\s|>]*[,.;:!?–—-]*)*\s*(?:\(\s*)?(?:(?:Trích\s+)?(?:[^\n]{{0,40}}?\bcủa\s+)?{FULL_NAME}(?=[\s\d\[\]()*_.|]*(?:\n|\Z|\)))"
    rf"|(?:{FULL_NAME}|Bác(?! sĩ)|Người){ADVERBS}\s+{_VERBS}\b(?!\s*[,:])|lời Bác"
    # "” - Những câu thơ Bác Hồ tặng thanh niên ...".
    rf"|(?:[Nn]hững |[Mm]ấy |[Cc]ác )?(?:câu thơ|vần thơ|bài thơ|lời|câu nói)"
    # "”, lời dạy của Chủ tịch Hồ Chí Minh ...", "” - lời kêu gọi của Bác Hồ năm 1948".
    rf"(?:\s+(?:dạy|căn dặn|dặn|kêu gọi|khuyên|nhắc nhở|nói|chỉ dẫn|di huấn|nhắn nhủ)(?:\s+(?:bất hủ|nổi tiếng|thiêng liêng|ấy|này))?)?"
    rf"\s+(?:của\s+)?(?:Bác(?! sĩ)|Người|{FULL_NAME})\b"
    rf"|của (?:Bác|Người|{FULL_NAME})\b)"
)
# "”, đầu bếp Thiệu nhớ lại", "” - ông Hoàng Giáp tâm sự": a speaker named after the quote.
_AFTER_SPEAKER = re.compile(
    rf"^\s*[,.!?]?\s*[–—-]\s*([^.!?“”\"«»\n]{{2,40}}?)\s+(?:{_VERBS}|nhớ lại|kể lại|chia sẻ|cho hay|tâm sự)\b"
    rf"|^\s*,\s*([^.!?“”\"«»\n,]{{2,40}}?)\s+(?:{_VERBS}|nhớ lại|kể lại|chia sẻ|cho hay|tâm sự|kể)\b"
)
# His name in the third person inside a quote: someone speaking about him.
# Or calls out to him: "Bác ơi", "Người ơi" (a poem, a letter to him).
NAMED_INSIDE = re.compile(rf"Hồ Chủ [Tt]ịch|Chủ tịch Hồ Chí Minh|Hồ Chí Minh|Bác Hồ {_VERBS}\b"
                          r"|(?:Bác|Người|Bác Hồ|Cha)\s+ơi\b")
FOOTNOTE_MARK = re.compile(r"\*{0,2}\[\d{1,3}\]\*{0,2}|\(\d{1,3}\)|(?<=[”\"»])\d{1,3}\b|\*+|_+")
OTHER_SPEAKER = re.compile(
    r"\b(?:đồng chí|Tổng Bí thư|Thủ tướng|Chủ tịch nước|Chủ tịch Quốc hội|Bộ trưởng|Bí thư|Phó Bí thư"
    r"|Chủ nhiệm|Giám đốc|Trưởng ban|ông|bà|Lênin|Lê-nin|Mác|C\.Mác|Ăngghen|Đảng ta|Nghị quyết"
    r"|Văn kiện|Cương lĩnh|Điều lệ|Chỉ thị|nhân dân ta|ông bà ta|tục ngữ|ca dao|người xưa|khẩu hiệu"
    r"|phương châm|chủ đề|phong trào|cuộc vận động|đề án|chương trình|dự án|mô hình|cuộc thi|hội thi"
    r"|giải thưởng|chuyên mục|tác phẩm|cuốn sách|bài viết|bài báo|tiêu đề|chuyên đề)\b"
    # A person named with a title or trade ("nhà báo Trần Văn Hải", "Đại tướng Võ Nguyên Giáp"),
    # not his own ("đồng chí Hồ Chí Minh").
    rf"|\b{PERSON_TITLES}\s+(?-i:(?!{FULL_NAME}\b)[{_UPPER}]\w*)"
    # A body by its name: "Ban Tuyên giáo Trung ương", "Hội Liên hiệp Phụ nữ", "Bộ Chính trị".
    rf"|(?-i:\b{ORGANISATIONS}\s+[{_UPPER}]\w*)",
    re.IGNORECASE,
)

_TITLE_BEFORE = re.compile(
    r"\b(?:bài|bài thơ|bài hát|ca khúc|bộ phim|tiểu thuyết|vở kịch|chương trình|bài báo|bài viết|tác phẩm|cuốn|sách|phim|vở|tập thơ|báo|tạp chí"
    r"|khẩu hiệu|chủ đề|mang tên|có tên|tên là|tựa đề|nhan đề|tập|gọi là|danh hiệu)[\s*_:,]*$",
    re.IGNORECASE,
)


def attributed_before(gap: str, earlier: str = "", fragment: bool = False, long: bool = False) -> bool:
    """Whether the words before a quote (since the previous quote) attribute it to him.

    ``earlier`` is the text before ``gap``: a pronoun ("ông viết:") is him when the last person
    named before it is. A ``fragment`` (a quote starting in lower case, woven into the sentence)
    must follow the attributing words closely: "Người cho rằng “...”", not "Hồ Chí Minh nhấn mạnh
    vai trò của thanh niên trong “...”", where the quote marks are the writer's. A ``long`` quote
    after "bài thơ:" is the poem itself, not its title.
    """
    tail = gap[-300:]
    if _TITLE_BEFORE.search(tail) and not (long and tail.rstrip(" \t\n*_").endswith(":")):
        return False  # Bác Hồ đã viết bài “Nâng cao đạo đức cách mạng...”: a title, not a saying
    if QUOTES_ANOTHER.search(re.split(r"[.!?](?=\s)|\n", tail)[-1]):
        return False  # "Bác thường nhắc câu tục ngữ:", "Bác mượn lời Lênin:": words he quotes
    # "những tuyên bố đanh thép khác của Người: “...”", "Lời kêu gọi ... của Người có đoạn: “...”".
    colon = _COLON_SUBJECT.search(tail)
    if (colon and not speaks(colon["rest"]) and not _new_subject_after_comma(colon["rest"]) and not OTHER_SPEAKER.search(colon["rest"])
            and not re.search(r"\b(?:được|bị)\b", colon["rest"])):
        return True
    if _same_subject_says(tail, earlier + gap[:len(gap) - len(tail)]):
        return True
    if fragment and _same_subject_says(tail, earlier + gap[:len(gap) - len(tail)], fragment=True):
        return True
    possessed = _POSSESSED.search(tail.rstrip(" \t\n*_"))
    if possessed and (possessed["rest"].strip() == "" or possessed["rest"].rstrip().endswith(":")):
        head = re.split(r"[.!?,;](?=\s)|\n", tail[:possessed.start()])[-1]
        # Not "Nhớ lời dặn của Bác, ông A nói:", nor "Ông Trùm của Người phán xử bức xúc:".
        if not (speaks(possessed["rest"]) or _PERSON.search(possessed["rest"])
                or _PERSON.search(_strip_names(" " + head))
                or re.match(r"(?:ông|bà|anh|chị|đồng chí)\b", head.strip(), re.IGNORECASE)):
            return True
    last = None
    for pattern in _BEFORE_MARKERS:
        for m in pattern.finditer(tail):
            inside = m[0].split(None, 1)[1] if " " in m[0] else ""
            if (OTHER_SPEAKER.search(inside) or re.search(r"\b(?:được|bị)\b", inside)
                    or _PERSON.search(_strip_names(m[0]))):
                continue  # "Biết ý Bác, ông Máy Lỳ liền nói", "Bác Hồ được cho rằng", "..., Hà Huy Tập nói"
            if _new_subject_after_comma(m[0]):
                continue  # "Hồ Chí Minh sang Pháp, báo chí Pháp viết"
            if m[0].startswith("Người") and _NOUN_PHRASE_AFTER.match(tail, m.end()):
                continue  # "Người viết bài này còn nhớ:": the writer, a noun phrase
            if last is None or m.end() > last:
                last = m.end()
    for m in _PRONOUN.finditer(tail):
        if (last is None or m.end() > last) and _last_named_is_him(earlier + gap[:len(gap) - len(tail) + m.start()]):
            last = m.end()
    if last is None:
        return False
    between = tail[last:].rstrip(" \t\n:*_")  # "Người viết:\n\n“...": the break is the colon's
    if _TOPIC_END.search(between):
        return False  # "Quan điểm của Người về “...”": the topic, in the writer's words
    if fragment and _OBJECT_OF_PREPOSITION.search(between):
        return False  # "nhấn mạnh vai trò của thanh niên trong “...”": a phrase the writer marks
    # "Theo Hồ Chí Minh, <his view>, ... “...”": a sentence opened by "Theo <him>," is his view
    # throughout, so a fragment of his words may come later in it.
    frame = _VIEW_FRAME.search(tail)
    lead = 150 if (frame is not None and frame.end() == last) else MAX_FRAGMENT_LEAD
    if len(between) > (lead if fragment else 150):
        return False
    return not speaks(between) and not BREAK.search(between + " ")


_VIEW_FRAME = re.compile(rf"(?:^|[.!?]\s+|\n)[\s*_-]*[Tt]heo (?:lời )?(?:Bác(?! sĩ)|Người|{FULL_NAME})\b(?=\s*,)")
_NOUN_PHRASE_AFTER = re.compile(r"(?:\s+[a-zà-ỹđ]+){1,2}\s+(?:này|đó|ấy|kia)\b")
_TOPIC_END = re.compile(r"(?<!\w)(?:về|về vấn đề|về việc)$")
# A lower-case fragment that completes a noun phrase after the verb ("vai trò của thanh niên
# trong “...”") is the object of a preposition, not the words said.
_OBJECT_OF_PREPOSITION = re.compile(r"(?<!\w)\w+(?:\s+\w+)+\s+(?:trong|của|vào|tới|đến|với|cho|bằng|từ)$")
# "ông viết:", "Ông trả lời:": a pronoun, not "ông Nguyễn Văn A".
_PRONOUN = re.compile(rf"(?<!\w)(?:ông|Ông)(?!\s+[{_UPPER}]){ADVERBS}(?:\s+có)?\s+(?:{_SPEECH}\b|(?:ghi|ghi rõ|cho biết)\b|{_HAS_WORDS}"
                      # any verb of saying when it leads straight to the colon: "Về sau ông cho biết:"
                      rf"|{_VERBS}(?=[\s*_]*:[\s*_]*$)|{_MADE_WORDS}"
                      # or, whom it is said to right before the quote: "ông đề nghị đồng bào “...”"
                      rf"|{_VERBS}(?=\s+(?:với\s+|cho\s+)?{_TO_WHOM}[\s*_:]*$))")
# Someone else named with a title before the name ("nhà báo Trần Văn Hải", "ông Sainteny").
_NAMED_OTHER = rf"(?<!\w)(?i:{PERSON_TITLES})\s+(?!{FULL_NAME}\b)[{_UPPER}]\w*"
_NAMED_PERSON = re.compile(rf"(?P<him>{FULL_NAME})|{_NAMED_OTHER}")


def _last_match(pattern: re.Pattern, text: str) -> re.Match | None:
    """The last of ``pattern``'s matches in ``text``, if any."""
    last = None
    for last in pattern.finditer(text):
        pass
    return last


def _last_named_is_him(before: str) -> bool:
    """Whether the last person named in ``before`` (its last 1500 characters) is him."""
    last = _last_match(_NAMED_PERSON, before[-1500:])
    return last is not None and last["him"] is not None


def person_speaks(clause: str) -> bool:
    """Whether someone named in ``clause``, not him, says or issues something ("Lê Duẩn thay mặt
    Bộ Chính trị đã công bố ...:")."""
    for m in _PERSON.finditer(_strip_names(clause)):
        if re.fullmatch(r"[\s_]*", m[0]):
            continue
        verb = re.search(rf"^[^.!?:]{{0,60}}?\b(?:{_SPEECH}|công bố|đọc)\b", clause[m.end():])
        # "Nói chuyện với cán bộ tỉnh Thanh Hóa, Bác dạy:": he, named after the place, speaks.
        if verb and not re.search(rf"(?<!\w)(?:{FULL_NAME}|Bác(?! sĩ))\b", verb[0]):
            return True
    return False


def speaks(clause: str) -> bool:
    """Whether ``clause`` has someone else speaking ("đồng chí Bí thư nói"), not just named
    ("Bác hỏi đồng chí phục vụ")."""
    return any(re.search(rf"\b{_VERBS}\b", clause[m.end():m.end() + 60])
               for m in OTHER_SPEAKER.finditer(clause))


# Someone else's name (two to four capitalised syllables) between his name and the verb.
_PERSON = re.compile(rf"(?<!\w)[{_UPPER}]\w+(?:\s+[{_UPPER}]\w+){{1,3}}(?!\w)")


def _strip_names(clause: str) -> str:
    """``clause`` without his own names (which are capitalised too)."""
    return re.sub(rf"{FULL_NAME}|\b(?:Bác|Người)\b|^\S+", lambda m: " " * len(m[0]), clause)


# "mong ước của Bác Hồ kính yêu “...”": honorifics after his name are part of it.
_POSSESSED = re.compile(rf"\bcủa (?:{FULL_NAME}|Người|Bác(?! sĩ))\b"
                        rf"(?:\s+(?:kính yêu|kính mến|vĩ đại|muôn vàn kính yêu|thân yêu|đáng kính))?"
                        rf"(?P<rest>[^.!?;“”\"«»\n]{{0,30}})$")


# The sentence's subject is him and a later verb of it, before a colon, introduces the quote:
# "Do đó, Người hướng tới nghiên cứu ... và xác định ..., đồng thời khẳng định: “...”",
# "Bác lấy gói cơm nắm ... rồi bảo đồng chí cảnh vệ: “...”".
_SUBJECT = re.compile(rf"(?:^|[.!?]\s+|\n|,\s+)(?:Người(?=,|{ADVERBS}\s+(?:{_VERBS}|{_ACTS})\b)|Bác(?! sĩ)|{FULL_NAME})\b"
                      # "Do đó, Người hướng tới ...": capitalised after a comma, only him.
                      rf"|(?<=,\s)Người(?=\s+(?!(?:ta|dân|nào|này|đó|kia|ấy)\b)[a-zà-ỹđ])"
                      rf"(?!\s+[{_UPPER}])")
_VERB_COLON = re.compile(rf"\b(?:{_SPEECH}|đọc|ghi|cho biết|tâm sự|phân tích)\b(?P<object>[^.!?;:“”\"«»\n]{{0,40}})(?::|\brằng:?)[\s*_]*$")


# "được"/"bị" right after the subject make it passive ("Bác Hồ được cho rằng"); after another
# verb "được" is "able to" ("Hồ Chí Minh không biết được hết tình hình và có hỏi ...").
_PASSIVE = re.compile(r"\s*(?:\S+\s+)?(?:được|bị)\b")


# "Ông mang di chúc ra viết và dặn lại Vũ Kỳ:": "ông" opening the sentence, him when he is the
# last person named before it.
_PRONOUN_SUBJECT = re.compile(rf"^[\s*_-]*(?:[^,]{{0,40}},\s*)?[Ôô]ng(?!\s+[{_UPPER}])\b")


# A lower-case fragment right after a verb of saying or judging and its short object, "là"
# maybe between: "... và xác định chủ nghĩa Mác - Lênin “là chủ nghĩa chân chính nhất ...”",
# "ông dự đoán thời gian ở Pháp là “...có khi một tháng, có khi hơn”".
_VERB_FRAGMENT = re.compile(rf"\b(?:{_SPEECH}|coi|gọi|ví|dự đoán|dự báo|quan niệm)\b"
                            rf"(?P<object>[^.!?;:,“”\"«»\n]{{0,50}}?)(?:\s+là)?[\s*_]*$")


def _same_subject_says(tail: str, earlier: str | None = None, fragment: bool = False) -> bool:
    """Whether the sentence before a quote has him as subject and ends in "<speech verb> ...:".

    With ``earlier`` (the text before ``tail``), a sentence opened by "ông" has him as subject
    when he is the last person named before it. A ``fragment`` (a lower-case quote woven into
    the sentence) may follow the verb and its short object with no colon.
    """
    sentence = re.split(r"[.!?](?=\s)|\n", tail)[-1]
    verb = (_VERB_FRAGMENT if fragment else _VERB_COLON).search(sentence)
    if verb is not None and fragment and (_OBJECT_OF_PREPOSITION.search(verb["object"].rstrip())
                                          or _TOPIC_END.search(verb["object"].rstrip())
                                          or re.search(r"\b(?:về|của)\b", verb["object"])):
        return False  # "nhấn mạnh vai trò của thanh niên trong “...”": the writer's words
    if verb is None:
        return False
    subjects = [m for m in _SUBJECT.finditer(sentence, 0, verb.start())]
    pronoun = _PRONOUN_SUBJECT.match(sentence, 0, verb.start()) if earlier is not None else None
    if not subjects and pronoun and _last_named_is_him(earlier + tail[:len(tail) - len(sentence)]):
        subjects = [pronoun]
    if not subjects:
        return False
    between = sentence[subjects[-1].end():verb.start()]
    if _new_subject_after_comma(between):
        return False  # "Hồ Chí Minh sang Pháp, báo chí Pháp viết:": a new subject after the comma
    return not (_speaker_at_verb(between)
                or _PASSIVE.match(between) or OTHER_SPEAKER.search(verb["object"]) and speaks(verb["object"]))


# Subjects other than him that take over a sentence after a comma: "Bác đến thăm, bà con nói:",
# "Hồ Chí Minh sang Pháp, báo chí Pháp viết:".
_OTHER_SUBJECT = re.compile(
    r"(?<!\w)(?:báo chí|báo|nhân dân|người dân|dân|mọi người|bà con|đồng bào|anh em|các cháu|cháu|ai|nhà báo"
    r"|phóng viên|họ|chúng tôi|tôi|cả làng|cả lớp|ông ấy|bà ấy|anh ấy|chị ấy|cô ấy|người ta"
    r"|tờ|tạp chí|đài|hãng|giới|dư luận|thế giới|kẻ thù|địch|đối phương|nhà thơ|nhà văn|tác giả|nhạc sĩ"
    r"|người viết|nhà nghiên cứu|nhà sử học|học giả|giáo sư|tiến sĩ|bạn bè|đồng chí|chúng ta|ta|cả nước"
    r"|toàn dân|nhiều người|có người|một người|mấy người|các em|em)(?!\w)")


def _new_subject_after_comma(clause: str) -> bool:
    """Whether the words after the last comma of ``clause`` open with a subject other than him
    ("..., bà con nói"; not "..., hỏi thăm bà con")."""
    if "," not in clause:
        return False
    seg = clause.rsplit(",", 1)[1]
    return _OTHER_SUBJECT.match(seg.lstrip()) is not None


def _speaker_at_verb(between: str) -> bool:
    """Whether someone else is named right before the verb that ends ``between`` ("..., đồng chí
    cảnh vệ đáp"), not in an object the verb is coordinated after ("tìm hiểu Cách mạng Tháng
    Mười Nga và xác định")."""
    others = list(OTHER_SPEAKER.finditer(between)) + list(_PERSON.finditer(_strip_names(between)))
    return any(len(between[m.end():].split()) <= 3
               and not re.search(r"\b(?:và|rồi|đồng thời)\b|[,;“”…]", between[m.end():])
               for m in others)


def subject_says(sentence: str) -> bool:
    """Whether a sentence running up to a quote, earlier quotes in it blanked out, has him as
    subject and a speech verb before the colon ("Người ... xác định “…”, đồng thời khẳng định:")."""
    return _same_subject_says(sentence) and not QUOTES_ANOTHER.search(sentence)


# After one of his quotes, a verb of saying with no new subject: "(tr. 287), và chỉ rõ:",
# "”, đồng thời khẳng định:", "”. Người còn viết:" is read by the other patterns.
_GOES_ON = re.compile(rf"^[\s,;.]*(?:\([^()\n]{{1,60}}\))?[\s,;.]*(?:và|đồng thời|rồi|sau đó|cũng|còn|lại)?"
                      rf"{ADVERBS}\s*{_SPEECH}\b(?P<object>[^.!?“”\"«»\n:]{{0,40}}):[\s*_]*$")


# A speaker label of a dialogue or an interview: "– Nguyễn Tất Thành:", "Hồ Chủ tịch (cười):".
SPEAKER_LABEL = re.compile(rf"^[ \t*_–—-]*(?:{FULL_NAME}|Bác(?! sĩ))(?:\s*\([^()\n]{{0,60}}\))?[ \t*_]*:[ \t*_]*")


def goes_on_speaking(gap: str) -> bool:
    """Whether the words between his quote and the next one are only a verb of saying of his."""
    m = _GOES_ON.match(gap)
    return m is not None and not speaks(m["object"]) and not _PERSON.search(m["object"])


def other_before(gap: str, earlier: str = "") -> bool:
    """Whether the clause right before a quote names someone else as the speaker.

    A bare "ông" is him when the last person named before it (in ``earlier`` and ``gap``) is.
    """
    clause = re.split(r"[.!?](?=\s)|\n", gap[-200:])[-1]
    if _BARE_PRONOUN.search(clause) and _last_named_is_him(earlier + gap[:len(gap) - len(clause)]):
        clause = _BARE_PRONOUN.sub(lambda m: " " * len(m[0]), clause)
    return speaks(clause) or SAYING_OF_OLD.search(clause) is not None


_BARE_PRONOUN = re.compile(rf"(?<!\w)(?:ông|Ông)(?!\s+[{_UPPER}])(?!\w)")


# "Bác không vui: “...”", "Người trầm ngâm: “...”": the subject of a clause ending in a colon.
_COLON_SUBJECT = re.compile(rf"(?:(?:^|[.!?]\s+|\n)[–—-]?\s*(?:Bác(?! sĩ)|{FULL_NAME})|,\s+(?:Bác(?! sĩ)|Người|{FULL_NAME}))"
                            rf"\b(?!\s+[{_UPPER}])(?P<rest>[^.!?;“”\"«»\n]{{0,40}}):[\s*_]*$")
# "“...” để Bắc - Nam sum họp một nhà như mong ước của Bác Hồ": words after it, in its sentence.
AS_HE_WISHED = re.compile(
    rf"^[^.!?“”\"«»\n]{{0,120}}?\bnhư (?:lời|mong ước|tâm nguyện|ước nguyện|lời dạy|lời căn dặn|di huấn"
    rf"|mong muốn|điều|lời khuyên|lời nói)(?: (?:của|mà))? (?:Bác(?! sĩ)|Người|{FULL_NAME})\b")


def said_by_other_after(after: str) -> bool:
    """Whether the words after a quote name another speaker ("” - ông Hoàng Giáp tâm sự")."""
    m = _AFTER_SPEAKER.match(after)
    # "”, lời dạy của Bác ...": his words named, not a speaker ("lời" is no one).
    return m is not None and not re.match(rf"(?:Bác|Người|{FULL_NAME}|(?:những |các )?(?:lời|câu nói|câu)\b)\b", m[1] or m[2])


_SPEECH_AT_END = re.compile(rf"\b{_SPEECH}\s*:?[\s*_]*$")


def introduces_another(quote: str) -> bool:
    """Whether a quote ends by introducing someone else's words ("…, tôi cũng không may như Đỗ
    Phủ nói"): the quote after it is theirs, not a run of his."""
    tail = re.split(r"[.!?;]", quote)[-1]
    return _SPEECH_AT_END.search(tail) is not None and (
        person_speaks(tail) or speaks(tail) or _PERSON.search(_strip_names(" " + tail)) is not None)


def introduces_next(after: str) -> bool:
    """Whether the clause after a quote ends in a colon: it leads to the next quote, not this one."""
    clause = re.split(r"[.!?“”\"«»\n]", after.lstrip(" \t.,;!?…*_"), maxsplit=1)[0]
    return clause.rstrip(" *_").endswith(":")




# "Bác bảo tôi: Chú mở cái băng ... với." — words said, set off by a colon only.
SAID_INLINE = re.compile(rf"(?:Bác(?! sĩ)|Người|{FULL_NAME}|(?P<pronoun>(?<!\w)(?:ông|Ông)(?!\s+[{_UPPER}])))"
                         rf"{ADVERBS}\s+(?:nói|bảo|hỏi|trả lời|dặn|đáp|căn dặn|đọc|dạy)"
                          r"(?P<to>[^.!?:;“”\"«»\n]{0,30}):[ \t*_]*(?P<said>[^\s“”\"«»\-–—*_][^\n]*)")
# Whom words are said to, between the verb and its colon ("Bác bảo tôi:", "Người nói với các
# cháu:"); any other words there make the verb something else ("ông nói thành thạo các thứ
# tiếng gồm: Nga, Pháp ..." lists languages he speaks).
_ADDRESSEE = re.compile(
    r"\s*(?:rằng\s*)?(?:(?:với|cho|lại|lại với|thêm|tiếp|ngay)\s*)?(?:(?:tôi|chúng tôi|chú|các chú|cháu|các cháu|anh|các anh"
    r"|chị|các chị|em|các em|cô|các cô|bác|các bác|mọi người|đồng chí|các đồng chí|đồng bào|anh em|bà con"
    r"|cán bộ|bộ đội|chiến sĩ|các chiến sĩ|đại biểu|các đại biểu|ông|bà|họ|ông ấy|bà ấy|mình|nhân dân|hội nghị"
    r"|đoàn|phái đoàn|cảnh vệ|đồng chí cảnh vệ|thư ký|nhà báo|phóng viên)\b[^,;]{0,20})?\s*")


def addressed(to: str) -> bool:
    """Whether the words between a speech verb and its colon only name whom he speaks to."""
    return _ADDRESSEE.fullmatch(to) is not None


# Places, schools, campaigns and bodies named after him: "TP. Hồ Chí Minh", "Trường THPT
# Nguyễn Tất Thành", "chiến dịch Hồ Chí Minh", "tư tưởng, đạo đức, phong cách Hồ Chí Minh".
_NAMESAKE = re.compile(
    r"(?i:thành phố|tp\.?|trường(?: thpt| thcs| đại học)?|thpt|thcs|đội(?: thiếu niên tiền phong)?|đoàn"
    r"|chiến dịch|đường|lăng|bảo tàng|di tích|học viện|giải(?: thưởng)?|huy hiệu|quỹ|nhà xuất bản"
    r"|đại học|quận|hội|tư tưởng|phong cách|đạo đức|tấm gương|khu|nhà lưu niệm|sân bay|cộng sản"
    r"|tiền phong|thanh niên cộng sản|mang tên|tên|chuyên)[ \t]+"
    # The institution's own capitalised words may come between: "Học viện Chính trị Quốc gia Hồ
    # Chí Minh", "Đại học Quốc gia Thành phố Hồ Chí Minh".
    rf"(?:(?!Chủ tịch\b|Bác\b|Hồ\b|Nguyễn\b)[{_UPPER}]\w*(?:[ \t]+(?![{_UPPER}])\w+)?[ \t]+){{0,4}}(?:Chủ tịch |Bác )?"
    r"(?P<name>Hồ Chí Minh|Nguyễn Tất Thành|Nguyễn Ái Quốc)"
)


def pronoun_is_him(before: str) -> bool:
    """Whether "ông" at the end of ``before`` stands for him (the last person named is him)."""
    return _last_named_is_him(before)


# His name inside a phrase that describes another subject, not as the subject: "Ủy ban khởi
# nghĩa do Chủ tịch Hồ Chí Minh đứng đầu đã ra lời kêu gọi", "viên tướng ..., người mà sau này
# Hồ Chí Minh có nhiều quan hệ, đã từng nói".
_MODIFIER = re.compile(
    rf"\bdo (?P<name>{FULL_NAME}|Bác(?! sĩ)|Người)\s+(?:trực tiếp\s+)?(?:đứng đầu|lãnh đạo|chủ trì|sáng lập"
    rf"|thành lập|khởi xướng|chỉ đạo|phụ trách|dẫn đầu|giới thiệu|cử|tổ chức)\b"
    rf"|(?:người|nơi|những người) mà (?=[^,.;:!?\n]{{0,60}}?(?P<name2>{FULL_NAME}|Bác(?! sĩ)))"
)


def mask_namesakes(text: str) -> str:
    """``text`` with the names in namesakes blanked out (same length, so offsets hold), and his
    name where it only modifies another subject ("do Chủ tịch Hồ Chí Minh đứng đầu")."""
    text = _NAMESAKE.sub(lambda m: m[0][: m.start("name") - m.start()] + "_" * len(m["name"]), text)
    out = list(text)
    for m in _MODIFIER.finditer(text):
        key = "name" if m["name"] else "name2"
        for i in range(m.start(key), m.end(key)):
            out[i] = "_"
    return "".join(out)


# "Chủ tịch" alone, standing for him on a page that has just named him ("Chủ tịch nói:"): not
# with its holder's name ("Chủ tịch Tôn Đức Thắng") or body ("Chủ tịch xã", "Chủ tịch nước"),
# nor a deputy's ("Phó Chủ tịch"), nor inside "Hồ Chủ tịch" (his name already).
_BARE_CHAIRMAN = re.compile(
    rf"(?<![Pp]hó )(?<!Hồ )(?<!\w)Chủ tịch(?!\s+(?:[{_UPPER}]|(?i:nước|quốc hội|xã|phường|thị trấn|huyện|quận"
    r"|thị xã|tỉnh|thành phố|ủy ban|uỷ ban|ubnd|hđnd|hội đồng|mặt trận|hội|công đoàn|tập đoàn|công ty"
    r"|liên đoàn|hđqt|đoàn|của|câu lạc bộ)\b))(?!\w)")


# A chairman named with his or her name: "Chủ tịch Hồ Chí Minh", "Hồ Chủ tịch", "Chủ tịch nước
# Lương Cường", "Chủ tịch xã Nguyễn Văn A".
_CHAIRMAN_NAMED = re.compile(rf"(?<![Pp]hó )(?:(?P<him>Hồ Chủ tịch)|Chủ tịch(?:\s+(?:nước|Quốc hội|quốc hội|xã|phường"
                             rf"|huyện|quận|tỉnh|thành phố|UBND|HĐND))?\s+(?P<name>[{_UPPER}]\w*))")


_MENTION = re.compile(rf"(?P<him>{FULL_NAME}|(?<!\w)Bác(?! sĩ)(?!\s+[{_UPPER}])\b|(?<=[\w,;] )Người\b(?!\s+[{_UPPER}]))"
                      rf"|{_NAMED_OTHER}")


def _last_mentioned_is_him(before: str) -> bool:
    """Whether the last person mentioned in ``before`` is he, "Bác" and a capitalised "Người"
    inside a sentence counting as mentions of him."""
    last = _last_match(_MENTION, before)
    return last is not None and last["him"] is not None


def bare_title_as_him(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with a bare "Chủ tịch" outside quotations written "Bác" (same length, so offsets
    hold) where it stands for him: the last person named before it is he, or the last chairman
    named with a name is ("Chủ tịch Hồ Chí Minh ... Chủ tịch nói:"); read like his other names."""
    out = list(text)
    # The chairmen named with a name, read once: the last one ending before each bare title.
    named = list(_CHAIRMAN_NAMED.finditer(text))
    ends = [n.end() for n in named]
    for m in _BARE_CHAIRMAN.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        i = bisect_right(ends, m.start())
        chairman_is_him = i > 0 and (named[i - 1]["him"] is not None or named[i - 1]["name"] == "Hồ")
        if not (chairman_is_him or _last_mentioned_is_him(text[max(0, m.start() - 1500):m.start()])):
            continue
        out[m.start():m.end()] = " " * (len(m[0]) - 3) + "Bác"
    return "".join(out)
