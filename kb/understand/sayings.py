"""Sayings of Hồ Chí Minh quoted in a document, the work they come from and the sectors they address.

A quoted passage (kb.understand.quotes finds them however the page punctuates them) is a saying
only when the text around it attributes it to him: the clause before it ("Bác dạy:", "Chủ tịch
Hồ Chí Minh đã căn dặn", "như Người đã nói", "Theo Người,", "những lời ... của Người:", "Bác
không vui:"), the words after it (", Bác nói", "— Hồ Chí Minh", "như mong ước của Bác Hồ"), a
cited work "(Hồ Chí Minh toàn tập, tập 5, tr. 292)", a numbered footnote citing his works
(kb.understand.footnotes), a run of his quotes it continues, or a heading such as "LỜI BÁC HỒ
DẠY". "Bác" and a capitalised "Người" inside a sentence stand for him. Passages set off without
quotation marks after such a colon (a dialogue line, a list, a poem), marked lists under a
heading naming his words, lines after a speaker label ("– Nguyễn Tất Thành:") and his turns in
an interview ("Hồ Chủ tịch: ...") count too; so do his words quoted inside another quote or a
cited article's title.

Left out: words of others (a speaker named before or after the quote, "” - ông X kể lại", a new
subject after a comma), replies and questions put to him ("Thưa Bác, ...", "trả lời câu hỏi của
các nhà báo: “…?”"), words he cites (kb.understand.voices), translations of his verse, quotes
naming him in the third person or calling out to him ("Bác ơi"), titles of works and campaigns,
note lines, one- to three-word quotes ("làm theo"), and the whole of a text he signed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping

from kb.analysis.fold import fold
from kb.analysis.tones import canonical_tones
from kb.understand.attribution import (AFTER_MARKER, AS_HE_WISHED, FOOTNOTE_MARK, NAMED_INSIDE, OTHER_SPEAKER,
                                      SAID_INLINE, SPEAKER_LABEL, addressed, attributed_before, bare_title_as_him,
                                      goes_on_speaking,
                                      introduces_another, introduces_next, mask_namesakes, other_before,
                                      person_speaks, pronoun_is_him, said_by_other_after, speaks,
                                      subject_says)
from kb.understand.dialogue import his_replies, interview_answers
from kb.understand.footnotes import blank_sentence_notes, footnotes, in_note, is_citation, reference_after
from kb.understand.hcm_vocab import FULL_NAME, PEN_NAMES, UPPER, VERBS
from kb.understand.quotes import NARRATIVE_START, block_spans, heading_lists, join_broken_sentences, quoted_text
from kb.understand.sector_lexicon import load_sectors, match_sectors, quote_sectors
from kb.understand.speaker import his_words_noun, his_work_passage, other_subject, reported_speech
from kb.understand.voices import QUOTES_ANOTHER, REPLY, TRANSLATION_LEAD, question_to_him

MIN_WORDS = 4  # "làm theo", "học tập": shorter quotes are words, not sayings

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
# Between two quotes of one run: punctuation, a conjunction, a note in parentheses ("(tr. 14)",
# "(Bác gạch chân ... - PV)"), a stray quotation mark.
_CHAIN_GAP = re.compile(r"^[\s,;:.–—\"”“-]*(?:\([^()\n]{1,80}\))?[\s,;:.–—\"”“-]*(?:và|Và|hay|hoặc|cùng|rồi)?[\s,;:.–—-]*$")
_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")
# Inside a quote, the attribution its closing mark should have preceded: "...? - Bác hỏi".
_DASH_SPEAKER = re.compile(rf"(?<=[?!.…])\s+[-–—]\s+(?=(?:Bác(?! sĩ)|Người|{FULL_NAME})\b)")
_OWNED_AFTER = re.compile(r"^\s*(?:\(\s*)?của\b")
_LABELLED_LINE = re.compile(r"(?m)^" + SPEAKER_LABEL.pattern[1:] + r"(?P<said>[^\s“”\"«»*_][^\n]*)")
_NESTED = re.compile(r"[“”«»\"]")
_CUT_OPENING = re.compile(r"(?:\.{3}|…)\s*\w")  # a quotation that opens with an ellipsis



def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or line) around text[start:end], quote included."""
    left = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 400), start - 1):
        left = m.end()
    right = _SENTENCE_END.search(text, end + 1)
    return re.sub(r"\s+", " ", text[left : right.end() if right else len(text)]).strip(" -*+")



def _sentence_before(masked: str, spans: list[tuple[int, int]], start: int) -> str:
    """The sentence leading to the quote at ``start``, earlier quotes in it blanked ("“…”")."""
    left = max(0, start - 400)
    pieces, pos = [], left
    for s, e in spans:
        if e < left or s >= start:
            continue
        pieces.append(masked[pos:max(pos, s)] + "…")
        pos = max(pos, e)
    pieces.append(masked[pos:max(pos, start - 1)])  # without the opening mark
    return re.split(r"[.!?](?=\s)|\n", "".join(pieces))[-1]


def _named_further(gap: str, earlier: str) -> bool:
    """Whether the sentence before a quote makes it his by a passage of his work or his words
    named as a charge he gave (kb.understand.speaker)."""
    tail = gap[-300:]
    before = earlier + gap[:len(gap) - len(tail)]
    return his_work_passage(tail, before) or his_words_noun(tail, before)


# A reference to his collected works that goes on to quote them: "Hồ Chí Minh: Toàn tập, T. 5,
# ..., tr. 40, Trích thư Hồ Chí Minh chia buồn với bác sĩ Vũ Đình Tụng:", "Hồ Chí Minh, Toàn
# tập, ..., tr. 171-172, trích:". The entry opens the line or follows a reference mark ("^").
_ENTRY_START = re.compile(r"\^|\n|\*\*\^\*\*")
# Or a work of his cited by author and year, then the page quoted: "Trần Dân Tiên (1994), tr. 12:".
_HIS_COLLECTED = re.compile(rf"^[\s*_\-]*(?:{FULL_NAME}|HCM|{PEN_NAMES})\b[^\n]{{0,12}}?"
                            r"(?:\b(?:[Tt]oàn tập|[Tt]uyển tập)\b|\(\d{4}\)[,.]?\s*(?:tr|trang)\.?\s*\d[\d\s,–-]*:[\s*_]*$)")
_QUOTED_FROM = re.compile(r"(?:\b[Tt]rích\b[^.!?:;“”\"«»\n]{0,90}:?|\btr(?:ang)?\.?\s*\d[\d\s,–-]*:)[\s*_]*$")


def _from_his_works(gap: str) -> bool:
    """Whether the words before a quote are a reference to a work of his quoting it."""
    entry = _ENTRY_START.split(gap[-400:])[-1]
    return (_HIS_COLLECTED.match(entry) is not None and is_citation(entry)
            and _QUOTED_FROM.search(entry) is not None and QUOTES_ANOTHER.search(entry) is None)


# A sentence reporting him: his name (or "Bác", "Người", "Theo Hồ Chí Minh,") opens it, maybe after
# a short adverbial ("Bởi vậy, Hồ Chí Minh chỉ rõ: …").
_HIS_SENTENCE = re.compile(rf"^[\s*_\-–—]*(?:[^,.;:“”\"«»\n]{{0,60}},\s*)?(?:[Tt]heo\s+)?(?:{FULL_NAME}|Bác(?! sĩ)|Người)\b")
_MAX_ARGUMENT_GAP = 600  # characters of the writer's words between two quotes of his argument


def _his_argument_goes_on(gap: str) -> bool:
    """Whether the words since his last quote (in a sentence reporting him) keep to his
    argument: the same paragraph, not long, nobody else named, speaking or quoted, no question
    put, no new act of saying (which the quote's own introduction is read for), and the quote
    not the object of a preposition ("một bộ trang phục của “…”": the writer's phrase)."""
    last = re.split(r"[.!?…](?=\s)", gap)[-1]
    return (len(gap) <= _MAX_ARGUMENT_GAP and not re.search(r"\n\s*\n|\?", gap)
            # "Đó là “…”", "Như vậy, …": the writer's comment on what was quoted.
            and NARRATIVE_START.match(last.lstrip()) is None
            and not re.search(rf"(?<!\w){VERBS}(?!\w)", gap, re.IGNORECASE)
            and not re.search(r"(?<!\w)(?:trong|của|vào|tới|đến|với|cho|bằng|từ|về|như)[\s*_]*$", gap)
            and OTHER_SPEAKER.search(gap) is None and not person_speaks(gap)
            and re.search(rf"(?<!\w)[{UPPER}]\w+(?:\s+[{UPPER}]\w+){{1,3}}(?!\w)",
                          re.sub(rf"{FULL_NAME}|^\W*\w+|(?<=[.!?…]\s)\w+", " ", gap)) is None)


def _title_like(quote: str) -> bool:
    """Whether a quote is shaped like a title: capitalised, at most eight words, unpunctuated."""
    return quote[:1].isupper() and len(quote.split()) <= 8 and not re.search(r"[,.;:!?…]", quote)


def _title(text: str) -> str:
    """The document's first line when it is short enough to be its title ("5 điều Bác Hồ dạy")."""
    first = text.lstrip().split("\n", 1)[0].strip(" #*_")
    return first if len(first.split()) <= 12 else ""


def _under_hcm_heading(text: str, start: int) -> bool:
    """Whether a quote opening a line sits under a heading about him ("LỜI BÁC HỒ DẠY")."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start - 1].strip(" -*+•0123456789.)") != "":
        return False
    heads = [h[0] for h in _HEADING.finditer(text, 0, line_start)]
    # The nearest heading ("## Y tế") or the document's title ("# LỜI BÁC HỒ DẠY ...").
    return any(_HEADING_HCM.search(h) and _HEADING_WORDS.search(h)
               for h in heads[:1] + heads[-1:] + [_title(text)])


def _section_heading(text: str, start: int) -> str:
    """The short heading right above a quote ("## Y tế"), which names its sector; else ''."""
    heads = list(_HEADING.finditer(text, max(0, start - 3000), start))
    if heads and len(heads[-1][0].split()) <= 8:
        return heads[-1][0].lstrip("# ")
    return ""


_HIS_NAME = re.compile(rf"(?<!\w)(?:{FULL_NAME}|Bác(?! sĩ)|Người)(?!\w)")
_POEM_INTRO = re.compile(r"\b(?:thơ|ngâm|vần|câu đối|chúc Tết|[Nn]guyên văn|bài ca)\b")



def extract_sayings(text: str) -> list[dict]:
    """Quotations of Hồ Chí Minh in ``text``: ``{"text", "context", "work", "sectors"}`` each.

    None in a text he signed (a letter, his testament): every sentence of it is his, and what it
    quotes is what he cites from others.
    """
    if signed_by_him(text):
        return []
    text, spans = quoted_text(text)
    sectors = load_sectors()
    found: list[tuple[int, dict]] = []
    prev_end, prev_saying, prev_quote = 0, False, ""
    prev_his_sentence = False  # the last saying's sentence has him as its subject
    seen: set[str] = set()
    notes = footnotes(text)
    # Attribution is read on this: "TP. Hồ Chí Minh" is a city; a sentence broken over two
    # paragraphs by the crawl is one, and a sentence ends at its full stop, reference marks after it.
    masked = blank_sentence_notes(join_broken_sentences(bare_title_as_him(mask_namesakes(text), spans)))
    for start, end in spans:
        cut = _DASH_SPEAKER.search(masked, start, end)
        if cut:
            end = cut.start()  # “Đây là đội tỉnh nào? - Bác quay sang hỏi ...: the mark left off
        # Without the marks that open its later paragraphs again.
        quote = re.sub(r"\s+", " ", re.sub(r"(\n[ \t]*\n[ \t*_>]*)[“«„]", r"\1", text[start:end])).strip(" *_")
        gap = masked[prev_end:start - 1]
        raw_after = masked[end + 1 : end + 301]
        note = notes.get(reference_after(raw_after) or -1)
        after = FOOTNOTE_MARK.sub("", re.sub(r"^\d{1,3}\b", "", raw_after))
        work_m = _WORK_AFTER.match(after)
        work = work_m[1].strip() if work_m else None
        # A lower-case fragment woven into a sentence needs one word more to count.
        # "...có khi một tháng": a fragment cut at its start is woven in all the same.
        woven = quote.lstrip("*_ .…")[:1].islower()
        min_words = MIN_WORDS + (1 if woven else 0)
        # Named clues (the words before it, a note, a cited work, a heading) outweigh a speaker
        # named after the quote; the weaker ones (a run of his quotes, a tag after it) do not.
        named = (
            (note is not None and note[1])
            or attributed_before(gap, masked[max(0, prev_end - 1500):prev_end],
                                 fragment=woven, long=len(quote.split()) >= 10)
            or _named_further(gap, masked[max(0, prev_end - 1500):prev_end])
            or _from_his_works(gap)
            or (work is not None and (_HCM_WORK.search(work) or _LETTER_WORK.match(work)) is not None)
            or _under_hcm_heading(text, start)
            # The sentence's subject named before an earlier quote of the same sentence.
            or (not woven and subject_says(_sentence_before(masked, spans, start)))
            # Inside the clause a verb of his reports ("tuyên bố rằng ... “chặt đầu kẻ phản bội”").
            or reported_speech(_sentence_before(masked, spans, start), masked[max(0, start - 1500):start])
            # "..., đồng thời khẳng định:" goes on with his words, unless the sentence is someone
            # else's ("Tổng Bí thư nhấn mạnh lời dạy của Bác: “…”, đồng thời yêu cầu: “…”").
            or (prev_saying and goes_on_speaking(FOOTNOTE_MARK.sub("", gap))
                and not other_subject(_sentence_before(masked, spans, start)))
        )
        weak = (
            (prev_saying and _CHAIN_GAP.match(FOOTNOTE_MARK.sub("", gap)) is not None
             # After his question the next quote is the answer, not his; after "như Đỗ Phủ nói"
             # it is Đỗ Phủ's.
             and not prev_quote.rstrip(" .*_”\"").endswith("?") and not introduces_another(prev_quote))
            or (AFTER_MARKER.match(after) is not None and not introduces_next(after) and not other_before(gap)
                # "Tập thơ “Nhật ký trong tù” của Bác": a short title owned by him, not his words
                and not (_title_like(quote) and _OWNED_AFTER.match(after)))
            or (AS_HE_WISHED.match(after) is not None and not other_before(gap))
            # A fragment further on in the paragraph that reports his argument: "Hồ Chí Minh chỉ
            # rõ: “…”, “…”… Tức là ... Nhưng ta đi lên CNXH từ ..., thì đó “là một cuộc biến đổi
            # khó khăn và sâu sắc nhất”".
            or (prev_saying and prev_his_sentence and woven
                and _his_argument_goes_on(FOOTNOTE_MARK.sub("", gap)))
        )
        is_saying = bool(
            len(quote.split()) >= min_words
            # The text between two quotes, not a quote; "… dân tộc cách mạng …" (a cut) is one.
            and (quote[:1] not in ".,;:)]" or _CUT_OPENING.match(quote) is not None)
            and not in_note(text, start)
            and not REPLY.match(quote) and not NAMED_INSIDE.search(masked[start:end])
            and not question_to_him(gap, quote)
            and not TRANSLATION_LEAD.search(gap[-80:])  # a translator's words, not his
            and (note is None or note[1])  # a note citing another's work: theirs
            and (named or (weak and not said_by_other_after(after)))
        )
        if work and not (_HCM_WORK.search(work) or _LETTER_WORK.match(work)):
            work = None
        if work is None and note is not None and note[1]:
            work = note[0]
        if is_saying and work is None:
            before = _WORK_BEFORE.search(gap[-200:])
            work = before[1] if before else None
        # In a dialogue a reply to him ("Dạ, ...") does not end the run of his lines.
        prev_end, prev_saying = end + 1, is_saying or (prev_saying and REPLY.match(quote) is not None)
        prev_quote = quote
        if is_saying:
            prev_his_sentence = _HIS_SENTENCE.match(_sentence_before(masked, spans, start)) is not None
        if not is_saying:
            if _NESTED.search(text, start, end):
                # An article's title, a witness's words: his quoted inside them are his
                # ("“Ngày 14-5-1966: Bác Hồ căn dặn: “Đảng mạnh là do chi bộ tốt””").
                found += [(start, s) for s in extract_sayings(text[start:end])]
            continue
        context = _sentence(text, start, end)
        # Sectors come from the saying and the words that lead to it, not the rest of the
        # sentence (which often goes on about something else).
        # The introducing words are those since the previous quote (and within its sentence).
        lead = re.split(r"[.!?](?=\s)|\n\s*\n", gap[-250:])[-1]
        if AFTER_MARKER.match(after):
            # The words after it that make it his name whom it is for too: "” - Những câu thơ
            # Bác Hồ tặng thanh niên đã trở thành ...".
            lead += " \n " + re.split(r"[.!?“”\"«»\n]", after.lstrip(" \t.,;!?…*_-–—"), maxsplit=1)[0]
        found.append((start, {"text": quote, "context": context, "work": work,
                              "sectors": quote_sectors(lead, quote, work, _section_heading(text, start), sectors)}))
    for intro_start, intro_end, items in block_spans(text):
        intro = masked[intro_start:intro_end]
        earlier = masked[max(0, intro_start - 1500):intro_start]
        # The sentence that ends on the colon introduces the block. When it names him as the one
        # speaking ("Người căn dặn:"), someone else speaking in an earlier sentence of its
        # paragraph does not take the block over; when it does not ("Ông nói:", "có nhiều vấn đề
        # trong Di chúc không công bố:"), anyone else speaking in the paragraph does.
        last = re.split(r"[.!?…](?=\s)", intro.rstrip())[-1]
        head = earlier + intro[:len(intro) - len(last)]
        long = sum(len(text[s:e].split()) for s, e in items) >= 10
        names_him = (_HIS_NAME.search(last) is not None and attributed_before(last, head, long=long))
        if (not (attributed_before(intro, earlier, long=long)
                 or _named_further(intro, earlier)
                 or _from_his_works(intro.rstrip("\n"))
                 or _under_hcm_heading(text, intro_start + 1)
                 or SPEAKER_LABEL.fullmatch(intro.rstrip("\n")) is not None)
                or other_before(last.rstrip(" \t\n*_:"), head) or person_speaks(last)
                or (not names_him and (other_before(intro.rstrip(" \t\n*_:"), earlier) or person_speaks(intro)))):
            continue
        if len(items) > 1 and _POEM_INTRO.search(intro):
            # A poem set off line by line is one saying, its lines kept.
            items = [(items[0][0], items[-1][1])]
        for start, end in items:
            # Quoted (read above) when a quotation holds most of it; a short quote inside the
            # block ("… có dịp “dĩ công vi tư”...") leaves it a block.
            if any(min(end, e) - max(start, s) > (end - start) / 2 for s, e in spans):
                continue
            saying = re.sub(r"[ \t]*\n\s*", "\n", text[start:end]).strip(" *_\n")
            saying = re.sub(r"[ \t]+", " ", saying) if "\n" in saying else re.sub(r"\s+", " ", saying)
            # A line set off in a list may be shorter than a quote ("Phải siêng học").
            # Footnote marks ("Đội viên[3]") are no words.
            if (len(re.findall(r"\w+", FOOTNOTE_MARK.sub(" ", saying))) < (MIN_WORDS - 1 if len(items) > 1 else MIN_WORDS)
                    or REPLY.match(saying) or is_citation(saying)
                    or NAMED_INSIDE.search(masked[start:end])):
                continue
            context = re.sub(r"\s+", " ", text[intro_start:intro_end] + " " + saying).strip()
            found.append((start, {"text": saying, "context": context, "work": None,
                                  "sectors": quote_sectors(intro, saying, None, _section_heading(text, start),
                                                           sectors)}))
    for head_start, head_end, items in heading_lists(text):
        heading = masked[head_start:head_end]
        if not (_HEADING_HCM.search(heading) and _HEADING_WORDS.search(heading)) or other_before(heading):
            continue
        for start, end in items:
            saying = re.sub(r"\s+", " ", text[start:end]).strip(" *_")
            if (any(s <= end and start <= e for s, e in spans) or len(saying.split()) < MIN_WORDS - 1
                    or REPLY.match(saying) or is_citation(saying) or NAMED_INSIDE.search(masked[start:end])):
                continue  # a quoted item is read above
            found.append((start, {"text": saying, "context": heading.strip("# ") + ": " + saying,
                                  "work": None, "sectors": quote_sectors(heading, saying, None, "", sectors)}))
    for m in _LABELLED_LINE.finditer(masked):
        # "Hồ Chủ tịch: Tình hình đã khá hơn trước ...": his turn in an interview's transcript.
        said = text[m.start("said"):m.end("said")].strip(" *_")
        # A title "Hồ Chí Minh: Tiểu sử và sự nghiệp" is no turn: a turn is a sentence.
        if (len(said.split()) >= MIN_WORDS and not REPLY.match(said) and not is_citation(said)
                and (said.rstrip("”\"»)").endswith((".", "!", "?", "…")) or len(said.split()) >= 12)
                and not any(s <= m.end("said") and m.start("said") <= e for s, e in spans)):
            found.append((m.start("said"), {"text": said, "context": re.sub(r"\s+", " ", text[m.start():m.end()]),
                                            "work": None, "sectors": _spoken_sectors(said, text, m.start(), sectors)}))
    for start, end in interview_answers(masked, spans):
        said = text[start:end].strip(" *_")
        if len(re.findall(r"\w+", said)) >= MIN_WORDS and not is_citation(said):
            found.append((start, {"text": said, "context": said, "work": None,
                                  "sectors": _spoken_sectors(said, text, start, sectors)}))
    for start, end in his_replies(text, spans):
        said = text[start:end].strip(" *_")
        if len(re.findall(r"\w+", said)) >= MIN_WORDS and not REPLY.match(said):
            found.append((start, {"text": said, "context": said, "work": None,
                                  "sectors": _spoken_sectors(said, text, start, sectors)}))
    for m in SAID_INLINE.finditer(masked):
        if (OTHER_SPEAKER.search(m["to"]) and speaks(m["to"])) or not addressed(m["to"]):
            continue
        if m["pronoun"] and not pronoun_is_him(masked[max(0, m.start() - 1500):m.start()]):
            continue  # "ông trả lời:" of someone else
        start = m.start("said")
        said = re.split(r"(?<=[.!?…])\s", text[start:m.end("said")], maxsplit=1)[0].strip()
        if (len(re.findall(r"\w+", said)) >= MIN_WORDS and not REPLY.match(said)
                and not any(s <= start + len(said) and start <= e for s, e in spans)):
            context = re.sub(r"\s+", " ", text[m.start():start] + said)
            found.append((start, {"text": said, "context": context, "work": None,
                                  "sectors": quote_sectors(masked[m.start():start], said, None,
                                                           _section_heading(text, start), sectors)}))
    out: list[dict] = []
    bags: list[Counter] = []
    for _, saying in sorted(found, key=lambda f: f[0]):
        key = saying_key(saying["text"])
        bag = Counter(key.split())
        # Quoted again further down (or the page printed twice), maybe punctuated or cut a little
        # differently: listed once, where it first appears.
        if key not in seen and not any(_same_words(bag, other) for other in bags):
            seen.add(key)
            bags.append(bag)
            out.append(saying)
    return out


def _spoken_sectors(said: str, text: str, start: int, sectors) -> list[str]:
    """Sectors of his words set down without an introducing sentence (a turn of a dialogue or an
    interview): those its opening words or the heading above name, or it comes back to."""
    return quote_sectors("", said, None, _section_heading(text, start), sectors)


def _same_words(a: Counter, b: Counter) -> bool:
    """Whether two sayings share at least 0.8 of the longer one's words: one saying twice."""
    longer = max(sum(a.values()), sum(b.values()))
    return longer > 0 and sum((a & b).values()) / longer >= 0.8


_SIGNATURE = re.compile(r"[\s*_]*(?:\(?(?:đã ký|Đã ký|ĐÃ KÝ)\)?\s*)?(?:(?:Chủ tịch|CHỦ TỊCH)\s+)?"
                        r"(?:Hồ Chí Minh|HỒ CHÍ MINH)[\s*_.]*(?:\(?(?:đã ký|Đã ký|ĐÃ KÝ)\)?)?[\s*_.]*")


def signed_by_him(text: str) -> bool:
    """Whether ``text`` is his own: it ends with his signature, alone on one of its last three
    lines, after no quotation (not "“…”\\n\\nHồ Chí Minh" under a quote), and names him nowhere else."""
    lines = [line for line in text.rstrip().splitlines() if line.strip()]
    for i in range(max(1, len(lines) - 3), len(lines)):
        if _SIGNATURE.fullmatch(lines[i]) and not lines[i - 1].rstrip(" *_").endswith(("”", '"', "»")):
            return len(re.findall(r"Hồ Chí Minh|HỒ CHÍ MINH", text)) == 1
    return False


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
    return {"text": text, "context": text, "work": work, "year": year, "declared": True,
            "sectors": match_sectors(" \n ".join([text, work or ""]))}


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
