"""Repair a damaged PDF text layer: Cyrillic look-alikes and syllables split by stray spaces.

Scanners' OCR engines and some PDF writers leave two kinds of damage in Vietnamese text:

* Cyrillic letters that look like Latin ones ("ВСТ" for "BCT", "Тổng" with a Cyrillic Т):
  the word is invisible to search. They are mapped to Latin only inside tokens whose other
  letters are Latin (or, for an all-look-alike token, on a line with no genuine Cyrillic word),
  so real Russian text is left alone.
* Syllables cut by spaces ("V iệ t N am", "xã h ộ i"): neighbouring pieces are joined when
  the joined piece is a valid Vietnamese syllable and at least one piece is not a word on
  its own. The syllable validator is :func:`kb.ingest.legacy.is_syllable`.

:func:`syllable_share` scores a text layer; a page scoring below ``REOCR_BELOW`` after repair
is worth recognising again from its image.
"""

from __future__ import annotations

import re

from kb.ingest.legacy import is_syllable

#: Cyrillic letters drawn like Latin ones, upper and lower case.
HOMOGLYPHS = str.maketrans({
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "Ј": "J", "К": "K", "М": "M",
    "О": "O", "Р": "P", "Ѕ": "S", "Т": "T", "Х": "X", "Ү": "Y", "а": "a", "с": "c", "е": "e",
    "і": "i", "ј": "j", "о": "o", "р": "p", "ѕ": "s", "х": "x", "у": "y", "һ": "h", "ԁ": "d",
})
_LOOKALIKE = frozenset(k for k in "АВСЕНІЈКМОРЅТХҮасеіјорѕхуһԁ")
_CYRILLIC = re.compile(r"[\u0400-\u04ff\u0500-\u052f]")
_LETTERS = re.compile(r"[^\W\d_]+")
#: A page whose share of valid syllables stays below this after repair is OCR'd again.
REOCR_BELOW = 0.6
# A page needs this many letter tokens before its syllable share says anything.
_MIN_TOKENS_TO_JUDGE = 20
# Single letters that are words of their own ("y tế", "ô tô", "ở"); a toneless "i" is not.
_WEAK_SINGLE = re.compile(r"^[^\W\d_]$")
_WORD_SINGLES = frozenset("aáàảãạăâeéèêếềểễệoóòôồốổỗộơờởớưứừửyýỳỷ")


def _is_latin_token(token: str) -> bool:
    return any(c.isalpha() and not _CYRILLIC.match(c) for c in token)


def fix_homoglyphs(text: str) -> str:
    """Map Cyrillic look-alikes to Latin inside Latin/Vietnamese tokens; keep real Cyrillic."""
    if not _CYRILLIC.search(text):
        return text
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if not _CYRILLIC.search(line):
            continue
        tokens = _LETTERS.findall(line)
        # A line holding a Cyrillic letter with no Latin twin is Russian (or similar): keep it.
        russian = any(_CYRILLIC.match(c) and c not in _LOOKALIKE for t in tokens for c in t)
        latin_line = any(_is_latin_token(t) for t in tokens)

        def fix(match: re.Match[str]) -> str:
            token = match.group(0)
            cyr = [c for c in token if _CYRILLIC.match(c)]
            if not cyr or any(c not in _LOOKALIKE for c in cyr):
                return token
            if _is_latin_token(token) or (latin_line and not russian):
                return token.translate(HOMOGLYPHS)
            return token

        lines[n] = _LETTERS.sub(fix, line)
    return "\n".join(lines)


def _weak(piece: str) -> bool:
    """A piece that is not a word on its own: not a syllable, or a stray single letter."""
    if not is_syllable(piece):
        return True
    return bool(_WEAK_SINGLE.match(piece)) and piece.lower() not in _WORD_SINGLES


def _case_ok(word: str) -> bool:
    return word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())


_TAIL = re.compile(r"([^\W\d_]+)$")
_HEAD = re.compile(r"^([^\W\d_]+)")


def _join_line(line: str) -> str:
    chunks = line.split(" ")
    out: list[str] = []
    i = 0
    while i < len(chunks):
        current = chunks[i]
        i += 1
        while i < len(chunks):
            tail = _TAIL.search(current)
            if not tail or tail.start() > 0 and current[tail.start() - 1] in "-/":
                break
            merged = False
            # Longest first: "V iệ t" must become "Việt", not stop at an invalid "Việ".
            for k in (3, 2, 1):
                parts = chunks[i:i + k]
                if len(parts) < k or any(not _HEAD.match(p) for p in parts):
                    continue
                # Every part but the last must be pure letters to be glued through.
                if any(_HEAD.match(p).group(0) != p for p in parts[:-1]):
                    continue
                last = _HEAD.match(parts[-1]).group(0)
                pieces = [tail.group(1)] + parts[:-1] + [last]
                word = "".join(pieces)
                if (is_syllable(word) and _case_ok(word) and any(_weak(p) for p in pieces)):
                    current = current + "".join(parts)
                    i += k
                    merged = True
                    break
            if not merged:
                break
        out.append(current)
    return " ".join(out)


def join_split_syllables(text: str) -> str:
    """Rejoin syllables cut by stray spaces ("V iệ t N am" → "Việt Nam")."""
    return "\n".join(_join_line(line) for line in text.split("\n"))


def repair_text(text: str) -> str:
    """Both repairs, homoglyphs first (a Cyrillic letter would hide a split syllable)."""
    return join_split_syllables(fix_homoglyphs(text))


def syllable_share(text: str) -> float:
    """Share of letter tokens that are valid Vietnamese syllables (1.0 for no tokens)."""
    tokens = _LETTERS.findall(text)
    if not tokens:
        return 1.0
    return sum(1 for t in tokens if is_syllable(t)) / len(tokens)


def too_broken(text: str) -> bool:
    """True when a (repaired) page is mostly not Vietnamese syllables: worth OCR'ing again."""
    tokens = _LETTERS.findall(text)
    if len(tokens) < _MIN_TOKENS_TO_JUDGE:
        return False
    return sum(1 for t in tokens if is_syllable(t)) / len(tokens) < REOCR_BELOW
