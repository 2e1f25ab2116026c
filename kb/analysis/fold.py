"""Diacritic folding: "Chỉ thị Hải Phòng" → "chi thi hai phong", for queries typed without marks."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_COMBINING = {chr(c) for c in range(0x300, 0x370)}


@lru_cache(maxsize=200_000)
def fold(token: str) -> str:
    """``token`` lower-cased, without any diacritic, đ as d."""
    decomposed = unicodedata.normalize("NFD", token.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if c not in _COMBINING)


def has_diacritics(token: str) -> bool:
    """True when ``token`` carries a Vietnamese mark (so its folded form differs)."""
    return fold(token) != token.lower()
