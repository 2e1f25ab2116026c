"""Snippets: the passage of a document that best matches the query, with matches marked.

What is marked is decided by :mod:`kb.index.highlight` (words by syllable, canonical tones,
folded when the query had no diacritics; numbers only as the number searched), so it needs no
second run of the segmenter; everything but the <mark> tags is HTML-escaped.
"""

from __future__ import annotations

import re
from html import escape

from kb.index.highlight import Highlight, find_marks, highlight_for

__all__ = ["Highlight", "best_passage", "highlight_for", "make_snippet", "section_at", "snippet_at"]

_SENTENCE = re.compile(r"[^.!?…\n]+[.!?…]*")
#: The empty cells of a table row read from a .docx ("UBND TỈNH | | CỘNG HOÀ …").
_EMPTY_CELLS = re.compile(r"[ \t]*\|(?:[ \t]*\|)+[ \t]*")


def best_passage(text: str, spec: Highlight, width: int = 240) -> tuple[int, int]:
    """(start, end) of the window of about ``width`` characters with the most distinct matches.

    One pass finds the matching syllables; windows start at sentence starts and are scored by
    the distinct matches they hold (a sliding window over the match list, not a re-read of
    the text per sentence, which cost a second on a whole law).
    """
    hits = [(start, key) for start, _, keys in find_marks(text, spec) for key in keys]
    if not hits:
        return 0, min(len(text), width)
    wanted = spec.wanted
    starts = [m.start() for m in _SENTENCE.finditer(text)] or [0]
    body = _body_start(text)
    # The best window of the header (before the body) and of the body; the header wins only
    # with more of the query's words: it names the place, number and kind of every document
    # ("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG … Số 245-BC/TU … BÁO CÁO") and its title is shown anyway.
    best = {False: ((starts[0], min(len(text), starts[0] + width)), -1), True: (None, -1)}
    first = 0
    for start in starts:
        while first < len(hits) and hits[first][0] < start:
            first += 1
        if first == len(hits):
            break
        end = min(len(text), start + width)
        found = set()
        for offset, token in hits[first:]:
            if offset >= end:
                break
            found.add(token)
        in_body = start >= body
        if len(found) > best[in_body][1]:
            best[in_body] = ((start, end), len(found))
            if in_body and len(found) >= wanted:
                break
    (head, head_score), (in_body, body_score) = best[False], best[True]
    return in_body if in_body is not None and body_score >= head_score else head


def _body_start(text: str, scan: int = 4000) -> int:
    """Where the running text starts: the first line that reads as prose (a sentence ending
    in punctuation, or a long line), after a header, number, date and title; 0 if none is
    near the top."""
    offset = 0
    for line in text[:scan].split("\n"):
        stripped = line.strip()
        if (len(stripped) >= 60 and stripped.endswith((".", ":", ";", "…"))) or len(stripped) >= 200:
            return offset
        offset += len(line) + 1
    return 0


def make_snippet(text: str, spec: Highlight, width: int = 240) -> str:
    """HTML of the best passage with each match (a syllable, a number) wrapped in <mark>."""
    return snippet_at(text, spec, width)[0]


def section_at(sections: list[dict] | None, offset: int) -> dict | None:
    """``{"anchor", "heading"}`` of the innermost section holding ``offset``, or None."""
    best = None
    for s in sections or []:
        if s["start"] <= offset < s["end"] and (best is None or s["start"] >= best["start"]):
            best = s  # sections come in reading order: a later start inside is deeper
    return {"anchor": best["anchor"], "heading": best["heading"]} if best else None


def snippet_at(text: str, spec: Highlight, width: int = 240) -> tuple[str, tuple[int, int]]:
    """make_snippet() and the (start, end) offsets of its passage in ``text``."""
    if not text:
        return "", (0, 0)
    start, end = best_passage(text, spec, width)
    span = (start, end)
    # Extend to a word boundary so no syllable is cut in half.
    while end < len(text) and text[end].isalnum():
        end += 1
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    passage = _EMPTY_CELLS.sub(" | ", text[start:end]).strip()
    out, cursor = [], 0
    for mark_start, mark_end, _ in find_marks(passage, spec):
        out.append(escape(passage[cursor:mark_start]))
        out.append(f"<mark>{escape(passage[mark_start:mark_end])}</mark>")
        cursor = mark_end
    out.append(escape(passage[cursor:]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return prefix + "".join(out).replace("\n", " ") + suffix, span
