"""Whose words a quote is when the sentence around it, not the words right before it, says so.

kb.understand.attribution reads the clause that introduces a quote; these read further: a
passage of a work of his named as such ("Trong thư có đoạn:" after "Hồ Chí Minh đã gửi thư"),
his words named as a charge he gave ("... với lời dặn “…”"), the clause his "<verb> rằng"
reports, and a sentence whose speaking subject is someone else who quoted him.
"""

from __future__ import annotations

import re

from kb.understand.attribution import (_PERSON, _UPPER, _last_named_is_him, _new_subject_after_comma,
                                      _same_subject_says, _strip_names, person_speaks, speaks)
from kb.understand.hcm_vocab import ADVERBS, FULL_NAME, SPEECH as _SPEECH
from kb.understand.voices import QUOTES_ANOTHER


# A passage of a work introduced by the work itself: "Trong thư có đoạn:", "Mở đầu bản di chúc
# năm 1965 có đoạn:", "Bức thư viết:". The work is his when it is owned by him ("thư của Bác")
# or when a sentence just before makes him its author ("Hồ Chí Minh đã gửi thư chúc mừng ...").
_WORK_NOUN = (r"(?:thư|bức thư|lá thư|di chúc|bản di chúc|bài viết|bài báo|bài nói|lời kêu gọi|diễn văn"
              r"|báo cáo|điện|bức điện|lời chúc|thư chúc mừng|tác phẩm|lời tựa|lời kết)")
_PASSAGE = re.compile(rf"(?:^|[,;]\s+|\b(?:[Tt]rong|[Mm]ở đầu|[Cc]uối|[Pp]hần (?:đầu|cuối)|[Đđ]oạn (?:đầu|cuối)|[Tt]ại)\s+)"
                      rf"(?P<work>{_WORK_NOUN})\b(?P<rest>[^.!?:;“”\"«»\n]{{0,60}}?)"
                      rf"\b(?:có đoạn|có câu|có những câu|có đoạn viết|viết|ghi|nêu rõ|khẳng định)\b"
                      rf"[^.!?:;“”\"«»\n]{{0,20}}:[\s*_]*$"
                      # "Nội dung (trong) thư đã trở thành ... của Đội:": the content of the work.
                      rf"|\b[Nn]ội dung\s+(?:của\s+|trong\s+)?(?P<work2>{_WORK_NOUN})\b(?P<rest2>[^.!?:;“”\"«»\n]{{0,100}}?):[\s*_]*$",
                      re.IGNORECASE)
# "ông có bài nói chuyện với ...": "ông" is him when he is the last person named (checked below).
_AUTHORED = re.compile(rf"(?:{FULL_NAME}|Bác(?! sĩ)|Người|(?<!\w)[Ôô]ng(?!\s+[{_UPPER}])){ADVERBS}\s+(?:viết|gửi|đọc|ra|ký|soạn|để lại|thảo|sửa|có)"
                       rf"\b[^.!?“”\"«»\n]{{0,40}}?\b(?P<work>{_WORK_NOUN})\b")


# An aside in parentheses or a note mark in the clause before a colon: "Trong bài nói chuyện này
# có đoạn (tổng thống Mỹ John F. Kennedy sau này cũng có ý tưởng tương tự ...):[191]".
_ASIDE = re.compile(r"\s*\((?![^()\n]*(?:Bác|Người|Hồ Chí Minh|Hồ Chủ tịch))[^()\n]{1,200}\)|\[\d{1,3}\]")


def _without_asides(clause: str) -> str:
    """``clause`` without its parenthesised asides (unless they name him) and note marks."""
    return _ASIDE.sub("", clause)


def his_work_passage(tail: str, earlier: str = "") -> bool:
    """Whether the clause before a quote introduces a passage of a work of his ("Trong thư có
    đoạn:" after "Hồ Chí Minh đã gửi thư chúc mừng vị Giám mục"; "Mở đầu bản di chúc có đoạn:")."""
    tail = _without_asides(tail).rstrip()  # an aside naming someone is no author of the work
    clause = re.split(r"[.!?](?=\s)|\n", tail)[-1]
    m = _PASSAGE.search(clause)
    if m is None:
        return False
    work, rest = (m["work"], m["rest"]) if m["work"] else (m["work2"], m["rest2"])
    if speaks(rest) or _PERSON.search(_strip_names(" " + rest)):
        return False
    if re.search(rf"\bcủa (?:{FULL_NAME}|Bác(?! sĩ)|Người)\b", rest):
        return True
    noun = work.lower().split()[-1]
    if noun == "chúc" and "di chúc" in work.lower():
        return True  # "the testament", unowned, is his, as "(trong|theo) Di chúc" above
    # The sentences just before: him the author of a work of the same kind, nobody else named after.
    before = (earlier + tail[:len(tail) - len(clause)])[-400:]
    authored = [a for a in _AUTHORED.finditer(before) if a["work"].lower().split()[-1] == noun]
    return bool(authored) and _last_named_is_him(before)


# His words named as a thing he gave, right before the quote, in a sentence he is the subject
# of: "... ông bàn giao quyền lãnh đạo cho Huỳnh Thúc Kháng với lời dặn “...”".
_WORDS_NOUN = re.compile(r"\b(?:với|bằng|qua|kèm)?\s*(?:lời|câu|những lời|mấy lời|lời nhắn)\s+"
                         r"(?:dặn|dặn dò|căn dặn|nhắn|nhắn nhủ|khuyên|dạy|chúc|hứa|tuyên bố|nói)"
                         r"(?:\s+(?:nổi tiếng|bất hủ|ngắn gọn|giản dị))?[\s*_:]*$")
_CLAUSE_SUBJECT = re.compile(rf"^\s*(?:[^,]{{0,60}},\s*)?(?:(?P<him>{FULL_NAME}|Bác(?! sĩ))|(?P<pronoun>ông|Ông)(?!\s+[{_UPPER}]))\b")


def his_words_noun(tail: str, earlier: str = "") -> bool:
    """Whether the quote follows "với lời dặn", "câu nói" in a sentence whose subject is him
    (his name, "Bác", or "ông" when he is the last person named); persons named in it only as
    whom he addresses ("cho Huỳnh Thúc Kháng") do not take the words over."""
    sentence = re.split(r"[.!?](?=\s)|\n", tail)[-1]
    words = _WORDS_NOUN.search(sentence)
    subject = _CLAUSE_SUBJECT.match(sentence)
    if words is None:
        return False
    if subject is None:
        # No subject of his: the words are still his when nobody else is named or speaks in the
        # sentence and the last person named before it is he ("Hồ Chí Minh đã gửi một lá thư ...
        # Sau đó là lời kêu gọi ... kèm lời căn dặn “…”").
        head = sentence[:words.start()]
        return not (speaks(head) or person_speaks(head) or _PERSON.search(_strip_names(" " + head))
                    or re.search(r"\b(?:được|bị)\b", head)) and _last_named_is_him(
            earlier + tail[:len(tail) - len(sentence)])
    if subject["pronoun"] and not _last_named_is_him(earlier + tail[:len(tail) - len(sentence)]):
        return False
    between = sentence[subject.end():words.start()]
    between = re.sub(rf"\b(?:cho|với|tới|đến|gửi|tặng)\s+(?:[{_UPPER}]\w*\s*)+", " ", between)
    return not (speaks(between) or _PERSON.search(_strip_names(" " + between)) or _new_subject_after_comma(between)
                or re.search(r"\b(?:được|bị)\b", between))


# Reported speech: "Hồ Chí Minh tuyên bố rằng thanh kiếm ... sẽ được dùng để “chặt đầu kẻ phản
# bội”", "Ông ... và cảnh báo rằng người Việt “kiên quyết chống lại ...”": a quote inside the
# clause his verb of saying reports is his, however far into the clause it comes.
_REPORTED = re.compile(rf"(?:(?<![\w,])(?P<him>{FULL_NAME}|Bác(?! sĩ))|(?<=,\s)Người|(?<!\w)(?P<pronoun>ông|Ông)(?!\s+[{_UPPER}]))"
                       rf"{ADVERBS}(?:\s+có)?\s+{_SPEECH}\s+rằng\b")


def reported_speech(sentence: str, earlier: str = "") -> bool:
    """Whether ``sentence`` (running up to a quote) has him report words with "<verb> rằng" and
    nobody else speak after that verb; "ông" must stand for him (the last person named)."""
    found = None
    for found in _REPORTED.finditer(sentence):
        pass
    if found is None:
        return False
    if found["pronoun"] and not _last_named_is_him(earlier + sentence[:found.start()]):
        return False
    head = sentence[:found.start()]
    if _PERSON.search(_strip_names(" " + re.split(r",", head)[-1])) or re.search(r"\b(?:được|bị)\s*$", head):
        return False
    rest = sentence[found.end():]
    # Another speaker taking over in the reported clause ("rằng ông A nói", "theo X").
    return not (speaks(rest) or person_speaks(rest) or QUOTES_ANOTHER.search(rest)
                or re.search(rf"\b(?:theo|như)\s+(?:lời\s+)?(?!Bác|Người)[{_UPPER}]", rest))


def other_subject(sentence: str) -> bool:
    """Whether someone else, not he, is the speaking subject of ``sentence`` (earlier quotes
    blanked): "Phát biểu tại hội nghị, Tổng Bí thư nhấn mạnh lời dạy của Bác: …, đồng thời yêu cầu:"."""
    subject = _CLAUSE_SUBJECT.match(sentence.lstrip(" \t*_-–—"))
    if _same_subject_says(sentence) or (subject is not None and subject["him"] is not None):
        return False  # his sentence
    first = re.split(r"…|“|\"", sentence, maxsplit=1)[0]
    return speaks(first) or person_speaks(first)
