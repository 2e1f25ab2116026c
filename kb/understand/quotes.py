"""Where quotations are in a text, however the page punctuates them.

Pages mix typographic quotes “…”, guillemets «…» and straight quotes "…", sometimes in one pair
("…” opened straight, closed curly), leave a quote unclosed, nest a quote in a quote, or run one
quote over several paragraphs after a colon. Each mark is read as opening or closing from the
characters around it, not from its shape alone, and the pairs are matched per paragraph.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kb.understand.hcm_vocab import SPEECH

MAX_CHARS = 2000  # an unclosed quote must not swallow the rest of the document

_MARKS = re.compile(r"[“”«»\"„]|\n[ \t]*\n")
_PARAGRAPH_OPENS = re.compile(r"[ \t*_>]*[“«„]")  # a paragraph opening with a quotation mark
_OPENERS_BEFORE = set("([{:–—-*_/|>") | {"\n", "\t", " "}
# A note mark right before a new opening mark: where the open quote ended.
_NOTE_REF_END = re.compile(r"[.:;,!?…]?\s?(?:\(\d{1,3}\)|\[\d{1,3}\])[.:;,]?\s*$")
_SENTENCE_END = re.compile(r"[.!?…](?=[\s*_]|$)")


def _is_opening(text: str, pos: int) -> bool:
    """Whether the quotation mark at ``pos`` opens a quotation (from its neighbours)."""
    ch = text[pos]
    before = text[pos - 1] if pos else "\n"
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    if ch in "“«„":
        # "chữ“ " typed after a word with a space after it closes (a slip of the keyboard).
        return not (before.isalnum() and (after.isspace() or after in ".,;:!?"))
    if ch in "”»":
        # ”làm theo” typed with the closing mark: after a space, before a letter.
        return (before in _OPENERS_BEFORE or pos == 0) and after.isalpha()
    return before in _OPENERS_BEFORE or pos == 0 or (before in "“«" and after.isalpha())


def _closes_later(text: str, pos: int, limit: int) -> bool:
    """Whether the next quotation mark after the paragraph break at ``pos`` (before ``limit``)
    closes a quote: the quote open before the break runs on to it."""
    for m in _MARKS.finditer(text, pos, min(limit, len(text))):
        if m[0].startswith("\n"):
            continue
        return not _is_opening(text, m.start())
    return False


def _cut_unclosed(text: str, start: int, end: int) -> int:
    """Where a quote left open ends: before the narrative that introduces the next quote."""
    body = text[start:end]
    tail = body.rstrip(" \t*_")
    if tail.endswith(":"):
        # "...phải xung phong. Rồi Bác hỏi: “…": the last sentence is the next quote's lead.
        ends = list(_SENTENCE_END.finditer(tail))
        if ends:
            return start + ends[-1].end()
    return start + len(body.rstrip())


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside every outermost quotation of ``text``."""
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []  # positions of the open marks
    continued: set[int] = set()  # opening marks that only continue an open quote in a new paragraph
    unclosed: list[tuple[int, int]] = []

    def close_open(limit: int) -> None:
        # Open marks that never close: each runs to the next mark it contains, else to ``limit``.
        marks = sorted({s - 1 for s, _ in pairs} | set(stack) | {limit})
        for opener in stack:
            # An opener past ``limit`` (a later one still open) runs at most MAX_CHARS.
            nxt = next((m for m in marks if m > opener), min(len(text), opener + MAX_CHARS))
            end = _cut_unclosed(text, opener + 1, nxt)
            if end > opener + 1:
                unclosed.append((opener + 1, end))
        stack.clear()

    for m in _MARKS.finditer(text):
        pos = m.start()
        if stack and pos - stack[0] > MAX_CHARS:
            close_open(stack[0] + MAX_CHARS)
        if m[0].startswith("\n"):
            # A paragraph break ends open quotes, unless one quote runs on to a closing mark in a
            # later paragraph ("Người viết:\n\n“Trời có bốn mùa...\n\nĐất có bốn phương...”",
            # "Người căn dặn “Đảng ta là một Đảng cầm quyền. ...\n\nPhải giữ gìn Đảng ta ...”").
            if len(stack) == 1:
                # A quote over several paragraphs may open each of them again and close only the
                # last ("Bác viết:\n\n“Cán bộ phải ...\n\n“Cán bộ phải ...”"): one quotation.
                again = _PARAGRAPH_OPENS.match(text, m.end())
                if again and _closes_later(text, again.end(), stack[0] + MAX_CHARS):
                    continued.add(again.end() - 1)
                    continue
            if not (len(stack) == 1 and _closes_later(text, pos, stack[0] + MAX_CHARS)):
                close_open(pos)
            continue
        if pos in continued:
            continue
        if _is_opening(text, pos):
            ref = _NOTE_REF_END.search(text, stack[-1] + 1, pos) if stack else None
            if ref:
                # “Một dân tộc biết Cần, Kiệm, ... tiến bộ: (7) “Cần, Kiệm, Liêm ...”: the note
                # mark ends the quote its closing mark was left off.
                pairs.append((stack.pop() + 1, ref.start()))
            stack.append(pos)
        elif stack:
            start = stack.pop()
            pairs.append((start + 1, pos))
    close_open(len(text))
    spans = sorted(pairs + unclosed)
    # Outermost only: a quote inside another quote is part of it.
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start >= out[-1][0] and end <= out[-1][1]:
            continue
        out.append((start, end))
    return out


# A line ending in a colon, a note mark after it ("... là:1", "... dạy:[2]").
_INTRO_LINE = re.compile(r"(?<![^\n])[^\n]*:(?:\d{1,2}|\[\d{1,3}\])?[ \t*_]*\n"
                         # A short line ending on its verb of saying, the colon left off: an
                         # encyclopedia's block quote ("[182]Ông xác định\n\nChỉ có chủ nghĩa ...").
                         rf"|(?<![^\n])(?:\[\d{{1,3}}\])?[^\n.!?:;“”\"«»]{{2,60}}\b{SPEECH}[ \t*_]*\n(?=[ \t]*\n)")
_LIST_MARK = re.compile(r"[ \t]*(?:>[ \t>]*)?(?:[-–—+•*]|\d{1,2}[.)]|[a-zđ][.)])?[ \t]*")
_MARKED = re.compile(r"[ \t]*(?:[-–—+•*]|\d{1,2}[.)]|[a-zđ][.)])[ \t]")  # a line with its list mark
MAX_ITEM_WORDS = 20  # a line this short, among others like it, is a list item


def block_spans(text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Passages set off without quotation marks after a line ending in a colon.

    Each is ``(intro_start, intro_end, items)``: the introducing line, then either the dialogue
    line or paragraph right after it ("Bác nói:\\n\\n– Dịp Nô-en ..."), or a list of short lines
    ("Chỉ thị của Bác là:\\n\\nKế hoạch phải thật tỉ mỉ\\n\\nHợp đồng phải thật ăn khớp ..."), one
    item per line. A block that opens with a quotation mark is left to :func:`quote_spans`.
    """
    out = []
    for m in _INTRO_LINE.finditer(text):
        lines: list[tuple[int, int]] = []
        pos = m.end()
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            if line.strip():
                lines.append((pos, end))
            elif lines and len(lines) >= 1 and not _short(text, lines[-1]):
                break
            pos = end + 1
            if len(lines) > 12:
                break
        if not lines:
            continue
        turn = _NEXT_TURN.search(text, lines[0][0], lines[0][1])
        if turn:
            # "Tôi muốn đi ra ngoài ... với tôi không? - – Anh bạn:": the next speaker's turn (or
            # the narrator's) begins inside the line.
            lines = [(lines[0][0], turn.start())]
        first = text[lines[0][0]:lines[0][1]].strip(" \t*_")
        if first.startswith(">") and not first.lstrip("> \t")[:1] in ("“", "«", '"', "”", ""):
            first = first.lstrip("> \t")  # a block quote ("> Cán bộ phải ..."), its mark dropped
        if not first or first[0] in "“«\"”#|>" or first.endswith(":"):
            continue
        dialogue = first[:1] in "–—"  # one line of a dialogue: the next may be someone else's
        if not dialogue and _short(text, lines[0]) and len(lines) > 1 and _short(text, lines[1]):
            items = []
            marked = _MARKED.match(text, *lines[0]) is not None
            for span in lines:
                line = text[span[0]:span[1]]
                if not _short(text, span) or ":" in line:
                    break
                if marked and not _MARKED.match(line):
                    break  # "1. ...", "2. ...", then the narrative again
                if items and _narrative_after(text, items, line):
                    break
                items.append(_strip_mark(text, span))
        else:
            items = [_strip_mark(text, lines[0])]
        if items:
            # The intro is the last turn of its line ("... không? - – Anh bạn:" is "– Anh bạn:").
            turns = list(_NEXT_TURN.finditer(text, m.start(), m.end()))
            out.append((turns[-1].start() if turns else m.start(), m.end(), items))
    return out


_HEADING_LINE = re.compile(r"^(?:#{1,6}[ \t]+\S[^\n]*|[^a-zà-ỹđ\n]{6,})$", re.MULTILINE)


def heading_lists(text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Marked lists right under a heading ("## Câu nói của Bác về thanh niên\n\n- ...\n- ...").

    Each is ``(heading_start, heading_end, items)``, the items without their marks; the list ends
    at its first unmarked line.
    """
    out = []
    for m in _HEADING_LINE.finditer(text):
        items: list[tuple[int, int]] = []
        pos = m.end() + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            if line.strip():
                if not _MARKED.match(line) or len(line.split()) > 2 * MAX_ITEM_WORDS:
                    break
                items.append(_strip_mark(text, (pos, end)))
            pos = end + 1
        if items:
            out.append((m.start(), m.end(), items))
    return out


# Inside one dialogue line, after a sentence's end, a dash that opens another turn or the narration.
_NEXT_TURN = re.compile(r"(?<=[.?!…])[.,]?\s+[-–—]\s+(?:[-–—]\s*)?\S")
# A line that takes the story up again after a list ("Sau đó, đoàn đại biểu ra về ..."), or the
# writer's comment on what was quoted (kb.understand.sayings reads it too).
NARRATIVE_START = re.compile(
    r"[ \t*_]*(?:Sau đó|Rồi|Từ đó|Hôm ấy|Hôm đó|Hôm sau|Lúc đó|Lúc ấy|Khi đó|Ngay sau đó|Nhớ lại|Họ"
    r"|Chúng tôi|Mọi người|Cuối cùng|Vào (?:ngày|năm|lúc|dịp)|(?:Năm|Ngày|Tháng) \d"
    # The writer's comment on what was quoted: "Đó là kết luận rút ra từ thực tiễn."
    r"|Đó là|Đây là|Như vậy|Qua đó|Vì vậy|Do đó|Chính vì thế|Có thể thấy|Những lời|Lời dạy|Câu nói"
    r"|Bài thơ|Câu thơ|Những câu thơ|Đoạn thơ|Đoạn trích)\b")


def _narrative_after(text: str, items: list[tuple[int, int]], line: str) -> bool:
    """Whether ``line``, after list ``items``, is narrative: it opens like a story's sentence, or
    it is a longer full sentence after items written without a full stop."""
    if NARRATIVE_START.match(line):
        return True
    bare = [text[s:e].rstrip(" \t*_") for s, e in items]
    longest = max(len(b.split()) for b in bare)
    return (not any(b.endswith((".", "!", "?", "…")) for b in bare)
            and line.rstrip(" \t*_").endswith(".") and len(line.split()) > longest + 3)


def _short(text: str, span: tuple[int, int]) -> bool:
    line = text[span[0]:span[1]]
    return len(line.split()) <= MAX_ITEM_WORDS and not line.lstrip().startswith("#")


def _strip_mark(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    m = _LIST_MARK.match(text, start, end)
    if m:
        start = m.end()
    return start, end


# Single quotation marks used as the outer marks of a quotation: ‘…’ (or '…'). A mark opens after
# a space, a colon, a dash, a bracket or an emphasis mark and before a word; it closes after a
# word or punctuation and before anything but a letter ("…của dân tộc’(2).", "…chi bộ tốt’"."),
# so an apostrophe inside a word ("d’Ivoire") is neither. The quote may run over paragraphs, as a
# double-quoted one may. Inside a double-quoted passage they are a quote within a quote and stay.
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s:(\[–—\-“\"«>*_]))([‘'])(?=[^\s‘’'])", re.MULTILINE)
_SINGLE_CLOSE = {"‘": re.compile(r"(?<=\S)’(?![^\W\d_])"), "'": re.compile(r"(?<=\S)'(?![^\W\d_])")}
_SINGLE_MIN, _SINGLE_MAX = 8, MAX_CHARS


def single_quotes_as_double(text: str) -> str:
    """``text`` with single-quoted passages outside double quotes marked “…” (same length, so
    offsets hold), for :func:`quote_spans` to read like any other quotation."""
    spans = quote_spans(text)
    out = list(text)
    pos = 0
    for m in _SINGLE_OPEN.finditer(text):
        if m.start() < pos or any(s <= m.start() < e for s, e in spans):
            continue
        close = _SINGLE_CLOSE[m[1]].search(text, m.end(), m.end() + _SINGLE_MAX)
        if close is None or close.start() - m.end() < _SINGLE_MIN:
            continue
        inner = text[m.end():close.start()]
        # Another opening single mark before it closes: not one pair (an apostrophe, a typo).
        if _SINGLE_OPEN.search(inner) and m[1] == "‘" and "‘" in inner:
            continue
        out[m.start(1)] = "“"
        out[close.start()] = "”"
        pos = close.end()
    return "".join(out)


# Emphasis set where quotation marks would be: a run in italics or bold right after a colon, on
# its line ("Người căn dặn: *Trước nhất là cán bộ ...*"), four words at least, not itself quoted.
# Emphasised lines under a colon line are a block (block_spans), maybe a list of several.
_EMPHASIS = re.compile(r"(?<=:)[ \t]*(?P<open>\*{1,2}|_{1,2})"
                       r"(?P<body>[^\s*_“”\"«»‘’'][^*_\n]*?[^\s*_])(?P=open)(?![*_\w])")


def emphasis_as_quotes(text: str) -> str:
    """``text`` with emphasis used as quotation marks after a colon turned to “…” (the mark next
    to the words replaced, so offsets hold)."""
    out = list(text)
    for m in _EMPHASIS.finditer(text):
        if len(m["body"].split()) < 4:
            continue
        out[m.start("body") - 1] = "“"
        out[m.end("body")] = "”"
    return "".join(out)


# A quotation box of a crawled encyclopedia page, rendered as a table: its opening cell
# ("| “ | Nhiệm vụ của thanh niên ..."), lone pipes closing its rows, its closing cell ("” |")
# and the signature cell ("| — Hồ Chí Minh |"). The pipes are layout, not text.
_BOX_OPEN = re.compile(r"(?m)^\|([ \t]*[“«\"][ \t]*)\|")
_BOX_PIPE = re.compile(r"(?m)^([ \t]*-?[ \t]*)\|[ \t]*$")
_BOX_CLOSE = re.compile(r"(?m)^([”»\"][ \t]*)\|")
_BOX_SIGNED = re.compile(r"(?m)^\|([ \t]*[—–][^\n|]{2,200}?)\|[ \t]*$")


def unbox_quotes(text: str) -> str:
    """``text`` with the table furniture of crawled quotation boxes blanked (same length, so
    offsets hold): "| “ | Nhiệm vụ ...\\n|\\n” |\\n| — Hồ Chí Minh |" reads as the quotation
    “Nhiệm vụ ...” signed "— Hồ Chí Minh"."""
    text = _BOX_OPEN.sub(lambda m: " " + m[1] + " ", text)
    text = _BOX_PIPE.sub(lambda m: m[1] + " " * (len(m[0]) - len(m[1])), text)
    text = _BOX_CLOSE.sub(lambda m: m[1] + " ", text)
    return _BOX_SIGNED.sub(lambda m: " " + m[1] + " " * (len(m[0]) - len(m[1]) - 1), text)


# A paragraph break inside a sentence: crawled pages break a line at an emphasised title
# ("Ông viết trên tạp chí\n\n*Các vấn đề phương Đông*(Liên Xô), dẫn lại ...:"). The line before
# ends in a word (no full stop, colon or other mark) and is no heading, list item or table row;
# the next paragraph opens with emphasis or in lower case, or the line before is prose (a
# sentence ends inside it, which a heading's line never does) and the next opens with a word.
_NOT_PROSE = r"(?![ \t]*(?:#|\||>|[-+•*][ \t]|\d{1,2}[.)][ \t]))"
_BROKEN_BEFORE_EMPHASIS = re.compile(rf"(?m)^{_NOT_PROSE}[^\n]*\w(\n[ \t]*\n)(?=[ \t]*(?:[*_]+[^\s*_]|(?P<first>\w)))")
_BROKEN_PROSE = re.compile(rf"(?m)^{_NOT_PROSE}[^\n]*[.!?…][\"”»)\]\d]*[ \t][^\n]*\w(\n[ \t]*\n)(?=[ \t]*{_NOT_PROSE}[*_]*\w)")


def join_broken_sentences(text: str) -> str:
    """``text`` with paragraph breaks inside a sentence turned to spaces (same length), for
    reading the words that introduce a quotation across them."""
    out = list(text)
    breaks = [m for m in _BROKEN_BEFORE_EMPHASIS.finditer(text) if not m["first"] or m["first"].islower()]
    for m in breaks + list(_BROKEN_PROSE.finditer(text)):
        for i in range(m.start(1), m.end(1)):
            out[i] = " "
    return "".join(out)


@lru_cache(maxsize=8)
def quoted_text(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``text`` with its quotations marked as :func:`quote_spans` reads them (boxed quotes
    unboxed, emphasised ones and single quotes given double marks), and their spans. Cached:
    the sayings and the echo candidates of one document are read from the same result."""
    text = single_quotes_as_double(emphasis_as_quotes(unbox_quotes(text)))
    return text, tuple(quote_spans(text))
