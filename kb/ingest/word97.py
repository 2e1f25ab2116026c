"""Text of a Word 97-2003 (.doc) file, read from its piece table with olefile.

Why not a converter tool: catdoc, antiword and LibreOffice map 8-bit text through a charset
and drop or change bytes on the way (catdoc deletes 0xAD, which TCVN3 uses for "ư"). Reading
the pieces ourselves gives every 8-bit byte back as the code point of the same value (cp1252
for 0x80-0x9F, as Word does), which is what :func:`kb.ingest.legacy.fix_legacy` needs.
Layout follows [MS-DOC] 2.8 (FIB), 2.9.38 (Clx) and 2.9.178 (Pcd).
"""

from __future__ import annotations

import struct

import olefile

# Word's control characters in the text stream, and what they become in plain text.
_CONTROL = {
    0x07: "\t",   # table cell / row end
    0x0B: "\n",   # manual line break
    0x0C: "\n",   # page or section break
    0x0D: "\n",   # paragraph end
    0x1E: "-",    # non-breaking hyphen
    0x1F: "",     # optional hyphen
    0xA0: " ",    # non-breaking space
}
_DROP = {0x01, 0x02, 0x03, 0x04, 0x05, 0x08}  # pictures, footnote marks, drawn objects


class Word97Error(ValueError):
    """The file is not a Word 97+ document this reader understands."""


def _pieces(ole: olefile.OleFileIO) -> tuple[bytes, list[tuple[int, int, int, bool]], int]:
    """(WordDocument stream, [(cp_start, cp_end, fc, compressed)], main-text length in CPs)."""
    word = ole.openstream("WordDocument").read()
    if len(word) < 0x1AA or struct.unpack_from("<H", word, 0)[0] != 0xA5EC:
        raise Word97Error("no Word 97 file information block")
    flags = struct.unpack_from("<H", word, 0x0A)[0]
    if flags & 0x0100:
        raise Word97Error("document is encrypted")
    table_name = "1Table" if flags & 0x0200 else "0Table"
    if not ole.exists(table_name):
        raise Word97Error(f"missing {table_name} stream")
    table = ole.openstream(table_name).read()
    # FibRgLw97 starts at 0x40 after the 32 bytes of FibBase and csw/fibRgW; ccpText is its
    # 4th field. fcClx/lcbClx sit at 0x1A2/0x1A6 of the FIB in Word 97 and later.
    ccp_text = struct.unpack_from("<i", word, 0x4C)[0]
    ccp_total = sum(struct.unpack_from("<7i", word, 0x4C))
    fc_clx, lcb_clx = struct.unpack_from("<II", word, 0x1A2)
    clx = table[fc_clx:fc_clx + lcb_clx]
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc entries: formatting, skipped
        pos += 3 + struct.unpack_from("<H", clx, pos + 1)[0]
    if pos >= len(clx) or clx[pos] != 0x02:
        raise Word97Error("no piece table")
    lcb = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5:pos + 5 + lcb]
    n = (lcb - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}i", plc, 0)
    pieces = []
    for i in range(n):
        fc_raw = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * i + 2)[0]
        compressed = bool(fc_raw & 0x40000000)
        fc = (fc_raw & 0x3FFFFFFF) // 2 if compressed else fc_raw & 0x3FFFFFFF
        pieces.append((cps[i], cps[i + 1], fc, compressed))
    return word, pieces, max(ccp_text, 0) or ccp_total


def _chars(word: bytes, pieces: list[tuple[int, int, int, bool]], limit: int) -> str:
    out = []
    for cp_start, cp_end, fc, compressed in pieces:
        if cp_start >= limit:
            break
        count = min(cp_end, limit) - cp_start
        if compressed:
            # 8-bit piece: cp1252 bytes; decode 0x80-0x9F as cp1252, the rest as their own value.
            raw = word[fc:fc + count]
            out.append("".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b)
                               if 0x80 <= b < 0xA0 else chr(b) for b in raw))
        else:
            out.append(word[fc:fc + 2 * count].decode("utf-16-le", errors="replace"))
    return "".join(out)


def _clean(text: str) -> str:
    """Drop field instructions (between 0x13 and 0x14) and map Word's control characters."""
    out, depth, in_code = [], 0, []
    for ch in text:
        code = ord(ch)
        if code == 0x13:
            depth += 1
            in_code.append(True)
            continue
        if code == 0x14:
            if in_code:
                in_code[-1] = False
            continue
        if code == 0x15:
            if in_code:
                in_code.pop()
            depth = max(0, depth - 1)
            continue
        if in_code and in_code[-1]:
            continue
        if code in _CONTROL:
            out.append(_CONTROL[code])
        elif code in _DROP or code < 0x09:
            continue
        else:
            out.append(ch)
    return "".join(out)


def word97_text(path: str) -> str:
    """The main text of a Word 97-2003 file, 8-bit bytes kept as code points (see module doc)."""
    with olefile.OleFileIO(path) as ole:
        if not ole.exists("WordDocument"):
            raise Word97Error("no WordDocument stream")
        word, pieces, limit = _pieces(ole)
        return _clean(_chars(word, pieces, limit))
