"""Snippets: the passage of a document that best matches the query, with matches marked.

Marking works on syllables (canonical tones, and folded when the query had no diacritics), so it
needs no second run of the segmenter; everything but the <mark> tags is HTML-escaped.
"""

from __future__ import annotations

import re
from html import escape

from kb.analysis.analyzer import canonical_token
from kb.analysis.fold import fold

_SENTENCE = re.compile(r"[^.!?…\n]+[.!?…]*")
_WORD = re.compile(r"[\w/-]+")


def _matches(word: str, exact: set[str], folded: set[str]) -> bool:
    token = canonical_token(word)
    return token in exact or fold(token) in folded


def best_passage(text: str, exact: set[str], folded: set[str], width: int = 240) -> tuple[int, int]:
    """(start, end) of the window of about ``width`` characters with the most distinct matches."""
    best, best_score = (0, min(len(text), width)), 0.0
    for m in _SENTENCE.finditer(text):
        start = m.start()
        end = min(len(text), start + width)
        found = {fold(canonical_token(w.group())) for w in _WORD.finditer(text, start, end)
                 if _matches(w.group(), exact, folded)}
        score = len(found) + (0.01 if found else 0)
        if score > best_score:
            best, best_score = (start, end), score
            if len(found) >= len(folded | {fold(e) for e in exact}):
                break
    return best


def make_snippet(text: str, exact: set[str], folded: set[str], width: int = 240) -> str:
    """HTML of the best passage with each matching syllable wrapped in <mark>."""
    return snippet_at(text, exact, folded, width)[0]


def section_at(sections: list[dict] | None, offset: int) -> dict | None:
    """``{"anchor", "heading"}`` of the innermost section holding ``offset``, or None."""
    best = None
    for s in sections or []:
        if s["start"] <= offset < s["end"] and (best is None or s["start"] >= best["start"]):
            best = s  # sections come in reading order: a later start inside is deeper
    return {"anchor": best["anchor"], "heading": best["heading"]} if best else None


def snippet_at(text: str, exact: set[str], folded: set[str],
               width: int = 240) -> tuple[str, tuple[int, int]]:
    """make_snippet() and the (start, end) offsets of its passage in ``text``."""
    if not text:
        return "", (0, 0)
    start, end = best_passage(text, exact, folded, width)
    span = (start, end)
    # Extend to a word boundary so no syllable is cut in half.
    while end < len(text) and text[end].isalnum():
        end += 1
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    passage = text[start:end].strip()
    out, cursor = [], 0
    for m in _WORD.finditer(passage):
        if _matches(m.group(), exact, folded):
            out.append(escape(passage[cursor:m.start()]))
            out.append(f"<mark>{escape(m.group())}</mark>")
            cursor = m.end()
    out.append(escape(passage[cursor:]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return prefix + "".join(out).replace("\n", " ") + suffix, span
