"""Clean text as people read it: Unicode NFC and the repairs copies from old websites need.

``clean_text`` is applied to every extracted document before anything else; it changes how text
is encoded, never what it says.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that look right on screen but break matching.
_CHAR_FIXES = {
    "\u01ce": "ă",  # ǎ (a with caron) typed for ă on old Vietnamese sites
    "\u01cd": "Ă",
    "\u00d0": "Đ",  # Ð (Icelandic eth) typed for Đ
    "\u0110": "Đ",
    "\u00f0": "đ",  # ð for đ
    "\u00a0": " ",  # non-breaking space
    "\u2007": " ",
    "\u202f": " ",
    "\u3000": " ",
    "\u2028": "\n",
    "\u2029": "\n\n",
    "\u201a": ",",
    # Odd quotation marks from old sites and word processors become the common curly pair.
    "\u201e": "“", "\u201f": "“", "\u301d": "“", "\u301e": "”", "\u301f": "”",
    "\u2033": "”", "\uff02": '"', "\u201b": "‘",
}
# Zero-width and soft characters that should simply vanish.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"), None)
_TRANSLATE = {**{ord(k): v for k, v in _CHAR_FIXES.items()}, **_INVISIBLE}
_SPACES = re.compile(r"[ \t\f\v]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Return ``text`` in NFC with Vietnamese-specific repairs and tidy whitespace."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = text.translate(_TRANSLATE).replace("``", "“").replace("''", "”")
    text = unicodedata.normalize("NFC", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
