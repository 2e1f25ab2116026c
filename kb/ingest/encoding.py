"""Turn the bytes of a text file into Unicode: BOMs, UTF-8, UTF-16, then legacy code pages.

The order matters: a BOM is certain, strict UTF-8 almost never succeeds by accident, UTF-16
without a BOM shows itself by its NUL bytes, and only then do we guess among 8-bit code pages,
preferring Windows-1258 (Vietnamese) when its combining tone marks follow vowels.

Seam: legacy Vietnamese *font* encodings (TCVN3/ABC, VNI) look like valid cp1252/cp1258 text
with odd letters; ``decode_bytes`` does not try them. ``kb.ingest.legacy`` repairs such text
after decoding.
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

# Longest BOMs first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# cp1258 writes most toned vowels as base letter + combining mark:
# 0xCC grave, 0xD2 hook above, 0xDE tilde, 0xEC acute, 0xF2 dot below.
_CP1258_MARKS = frozenset(b"\xcc\xd2\xde\xec\xf2")
# ASCII vowels plus cp1258's precomposed â ê ô ơ ư ă (both cases).
_CP1258_VOWELS = frozenset(b"aeiouyAEIOUY\xe2\xea\xf4\xf5\xfd\xe3\xc2\xca\xd4\xd5\xdd\xc3")
_SAMPLE = 65536


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``data`` declares, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when the NUL pattern says so, else None.

    In UTF-16 every ASCII character (spaces, digits, punctuation; plenty even in Vietnamese)
    has a NUL high byte, so NULs crowd on one parity and are rare on the other.
    """
    sample = data[: _SAMPLE & ~1]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd > 0.2 and nul_even < 0.02:
        return "utf-16-le"
    if nul_even > 0.2 and nul_odd < 0.02:
        return "utf-16-be"
    return None


def cp1258_score(data: bytes) -> float:
    """Share of bytes that are cp1258 combining tone marks placed right after a vowel."""
    sample = data[:_SAMPLE]
    # Vietnamese is mostly ASCII letters; Cyrillic or Greek 8-bit text is not (and its
    # letters would otherwise count as "vowel + tone mark" pairs).
    ascii_letters = sum(1 for b in sample if 65 <= b <= 90 or 97 <= b <= 122)
    if ascii_letters < 0.4 * len(sample):
        return 0.0
    hits = sum(1 for prev, cur in zip(sample, sample[1:])
               if cur in _CP1258_MARKS and prev in _CP1258_VOWELS)
    return hits / max(len(sample), 1)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to NFC text; returns ``(text, encoding name)``.

    Never raises: undecodable bytes end up as U+FFFD with the encoding name ending in
    ``"(lossy)"``.
    """
    name = bom_encoding(data)
    if name:
        bom = next(b for b, n in _BOMS if n == name)
        codec = "utf-8" if name == "utf-8-sig" else name
        return _nfc(data[len(bom):].decode(codec, errors="replace")), name
    try:
        return _nfc(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    name = utf16_without_bom(data)
    if name:
        try:
            return _nfc(data.decode(name)), name
        except UnicodeDecodeError:
            pass
    # Two or more tone marks per thousand bytes after vowels: real Vietnamese prose has
    # dozens; Western text in cp1252 has ~none (Ì Ò Þ ì ò after a vowel are rare).
    if cp1258_score(data) > 0.002:
        return _nfc(data.decode("cp1258", errors="replace")), "cp1258"
    best = from_bytes(data[:_SAMPLE]).best()
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and not _latin_only(text):
            return _nfc(text), best.encoding
    # charset-normalizer picks among Latin code pages almost at random on short files
    # (cp1257 for French); cp1252 is what Vietnamese Windows text in TCVN3/VNI fonts is
    # read as, and the form kb.ingest.legacy expects to repair.
    try:
        return _nfc(data.decode("cp1252")), "cp1252"
    except UnicodeDecodeError:
        pass
    return _nfc(data.decode("utf-8", errors="replace")), "utf-8 (lossy)"


def looks_like_text(head: bytes) -> bool:
    """False for binary junk: NULs outside UTF-16/32, or many control characters."""
    if not head:
        return False
    if bom_encoding(head) or utf16_without_bom(head):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in b"\t\n\r\f\x1b") + head.count(0x7F)
    return controls / len(head) < 0.05


def _latin_only(text: str) -> bool:
    """True when every non-ASCII letter of ``text`` is a Latin letter."""
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "")
               for ch in set(text) if ord(ch) > 127)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
