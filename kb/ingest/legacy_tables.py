"""Byte tables of the pre-Unicode Vietnamese encodings, for :mod:`kb.ingest.legacy`.

Each table maps a byte value (0-255) to Unicode text. Byte values are what the legacy text
looks like after being decoded as cp1252/latin-1: ``"C¨n"`` is the bytes 43 A8 6E.
"""

from __future__ import annotations

import unicodedata

# TCVN 5712:1993, table VN3 (the ".VnTime"/ABC font encoding): the lower-case letters and the
# seven accented capitals without tone (A1-A7), plus the five combining tone marks (B0-B4).
# Cross-checked against glibc's TCVN5712-1 (VN1) table, of which VN3 is the 8-bit subset.
# VN1 also puts toned capitals at A0-FF slots (AF, BA, BF-C5, CD, D9-DB, E0, F0, FF); .VnTime
# fonts render those slots as capitals too, so they are included. The C0 controls and 80-9F
# capitals of VN1 are left out: in Word files those bytes are cp1252 punctuation (– “ ” ’).
_TCVN3 = (
    "A1Ă A2Â A3Ê A4Ô A5Ơ A6Ư A7Đ A8ă A9â AAê ABô ACơ ADư AEđ AFẰ "
    "B0\u0300 B1\u0309 B2\u0303 B3\u0301 B4\u0323 B5à B6ả B7ã B8á B9ạ BAẲ BBằ BCẳ BDẵ BEắ "
    "BFẴ C0Ắ C1Ầ C2Ẩ C3Ẫ C4Ấ C5Ề C6ặ C7ầ C8ẩ C9ẫ CAấ CBậ CCè CDỂ CEẻ CFẽ "
    "D0é D1ẹ D2ề D3ể D4ễ D5ế D6ệ D7ì D8ỉ D9Ễ DAẾ DBỒ DCĩ DDí DEị DFò "
    "E0Ổ E1ỏ E2õ E3ó E4ọ E5ồ E6ổ E7ỗ E8ố E9ộ EAờ EBở ECỡ EDớ EEợ EFù "
    "F0Ỗ F1ủ F2ũ F3ú F4ụ F5ừ F6ử F7ữ F8ứ F9ự FAỳ FBỷ FCỹ FDý FEỵ FFỐ"
)

# VISCII (RFC 1456), generated from glibc iconv's VISCII table. Byte positions not listed
# equal Latin-1.
_VISCII = (
    "02Ẳ 05Ẵ 06Ẫ 14Ỷ 19Ỹ 1EỴ 80Ạ 81Ắ 82Ằ 83Ặ 84Ấ 85Ầ 86Ẩ 87Ậ 88Ẽ 89Ẹ 8AẾ 8BỀ 8CỂ 8DỄ 8EỆ "
    "8FỐ 90Ồ 91Ổ 92Ỗ 93Ộ 94Ợ 95Ớ 96Ờ 97Ở 98Ị 99Ỏ 9AỌ 9BỈ 9CỦ 9DŨ 9EỤ 9FỲ A0Õ A1ắ A2ằ A3ặ "
    "A4ấ A5ầ A6ẩ A7ậ A8ẽ A9ẹ AAế ABề ACể ADễ AEệ AFố B0ồ B1ổ B2ỗ B3Ỡ B4Ơ B5ộ B6ờ B7ở B8ị "
    "B9Ự BAỨ BBỪ BCỬ BDơ BEớ BFƯ C4Ả C5Ă C6ẳ C7ẵ CBẺ CEĨ CFỳ D0Đ D1ứ D5ạ D6ỷ D7ừ D8ử DBỹ "
    "DCỵ DEỡ DFư E4ả E5ă E6ữ E7ẫ EBẻ EEĩ EFỉ F0đ F1ự F6ỏ F7ọ F8ụ FBũ FCủ FEợ FFỮ"
)


def _parse(spec: str) -> dict[int, str]:
    return {int(item[:2], 16): item[2:] for item in spec.split(" ")}


TCVN3: dict[int, str] = _parse(_TCVN3)
VISCII: dict[int, str] = _parse(_VISCII)

# VNI-Windows (VNI Software's font encoding; no published standard, the table below follows
# the VNI-Times font layout and is checked against the VNI documents of viparse-corpus).
# A toned vowel is an ASCII base letter followed by one modifier byte; a few letters are one byte.
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE = "\u0302", "\u0306"
_VNI_MODIFIERS = {
    "ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT,
    "â": _CIRC, "á": _CIRC + _ACUTE, "à": _CIRC + _GRAVE, "å": _CIRC + _HOOK,
    "ã": _CIRC + _TILDE, "ä": _CIRC + _DOT,
    "ê": _BREVE, "é": _BREVE + _ACUTE, "è": _BREVE + _GRAVE, "ú": _BREVE + _HOOK,
    "ü": _BREVE + _TILDE, "ë": _BREVE + _DOT,
}
_VNI_SINGLE = {
    "ñ": "đ", "ô": "ơ", "ö": "ư", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
}


def _vni_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(pairs, singles): two-character and one-character VNI sequences -> Unicode letter."""
    singles: dict[str, str] = {}
    for src, dst in _VNI_SINGLE.items():
        singles[src] = dst
        singles[src.upper()] = dst.upper()
    pairs: dict[str, str] = {}
    bases = {"a": "a", "e": "e", "o": "o", "u": "u", "y": "y", "i": "i", "ô": "ơ", "ö": "ư"}
    for src_base, base in bases.items():
        for mod, marks in _VNI_MODIFIERS.items():
            if src_base in "ôö" and (_CIRC in marks or _BREVE in marks):
                continue
            letter = unicodedata.normalize("NFC", base + marks)
            if len(letter) != 1:
                continue  # e.g. breve on e: not a Vietnamese letter
            for b_case, m_case, out in ((str.lower, str.lower, letter),
                                        (str.upper, str.upper, letter.upper()),
                                        (str.upper, str.lower, letter.upper()),
                                        (str.lower, str.upper, letter)):
                pairs[b_case(src_base) + m_case(mod)] = out
    return pairs, singles


VNI_PAIRS, VNI_SINGLES = _vni_tables()
