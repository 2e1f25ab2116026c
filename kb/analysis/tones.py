"""Tone-mark placement: one canonical spelling for hoà/hòa, khoá/khóa, thuỷ/thủy, qúy/quý.

Vietnamese allows two conventions for where the tone mark sits in open syllables with ``oa``,
``oe``, ``uy`` (the "old" hòa and the "new" hoà), and careless typing adds more (qúy). Matching
must not depend on it, so every syllable is rewritten with the tone mark where the modern rule
puts it. Only the analysis uses this; the text people read keeps its own spelling.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng
_VOWELS = set("aăâeêioôơuưy")
_MARKED_VOWELS = set("ăâêôơư")
_ON_SECOND = {"oa", "oe", "uy"}  # hoà, khoẻ, thuỷ (tone on the second vowel)


@lru_cache(maxsize=200_000)
def canonical_syllable(syllable: str) -> str:
    """``syllable`` with its tone mark moved to the canonical vowel (case is kept)."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) != 1:
        return syllable
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    pos = _tone_position(base.lower())
    if pos is None:
        return syllable
    placed = base[:pos] + unicodedata.normalize("NFC", base[pos] + tones[0]) + base[pos + 1 :]
    return unicodedata.normalize("NFC", placed)


def _tone_position(base: str) -> int | None:
    """Index in the toneless lower-case syllable ``base`` where the tone mark belongs."""
    start = 0
    while start < len(base) and base[start] not in _VOWELS:
        start += 1
    if start == len(base):
        return None
    # "qu" and "gi" (before another vowel) are consonants: qúy -> quý, giá stays giá.
    if base[start] == "u" and start > 0 and base[start - 1] == "q":
        start += 1
    elif base[start] == "i" and start > 0 and base[start - 1] == "g" and start + 1 < len(base) \
            and base[start + 1] in _VOWELS:
        start += 1
    end = start
    while end < len(base) and base[end] in _VOWELS:
        end += 1
    cluster = base[start:end]
    if not cluster:
        return None
    has_final = end < len(base)
    marked = [i for i, c in enumerate(cluster) if c in _MARKED_VOWELS]
    if marked:
        return start + marked[-1]
    if len(cluster) == 1:
        return start
    if has_final:
        return start + len(cluster) - 1
    if len(cluster) == 2:
        return start + (1 if cluster in _ON_SECOND else 0)
    return start + 1  # oai, oay, uya, uyu: the middle vowel


def canonical_tones(text: str) -> str:
    """Every space-separated syllable of ``text`` in canonical tone placement."""
    return " ".join(canonical_syllable(s) for s in text.split(" "))
