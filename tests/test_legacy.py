"""kb.ingest.legacy: TCVN3/VNI/VISCII/cp1258 mojibake becomes Unicode; Unicode stays as it is."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest

from kb.ingest.legacy import detect, fix_legacy, is_syllable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.legacy_accuracy import false_conversions  # noqa: E402


def latin1(raw: bytes) -> str:
    """What an extractor hands over for legacy bytes: each byte as the code point of its value."""
    return raw.decode("latin-1")


# Bytes typed with the ABC keyboard in a .VnTime font (TCVN 5712:1993 VN3).
TCVN3_CASES = [
    (b"C\xa8n c\xf8 Ph\xb8p l\xd6nh ph\xb8t h\xb5nh c\xabng tr\xb8i", "Căn cứ Pháp lệnh phát hành công trái"),
    (b"\xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c", "Độc lập - Tự do - Hạnh phúc"),
    (b"Ngh\xde \xae\xdanh c\xf1a Ch\xddnh ph\xf1 v\xd2 vi\xd6c qu\xb6n l\xfd", None),
    (b"B\xe9 tr\xad\xebng B\xe9 T\xb5i ch\xddnh quy\xd5t \xae\xdenh", "Bộ trưởng Bộ Tài chính quyết định"),
]


@pytest.mark.parametrize("raw,expected", [c for c in TCVN3_CASES if c[1]])
def test_tcvn3_lines_become_unicode(raw, expected):
    # given TCVN3 bytes read as latin-1, when fixed, then the Vietnamese text comes back in NFC
    text, encoding = fix_legacy(latin1(raw))
    assert encoding == "tcvn3"
    assert text == expected
    assert unicodedata.is_normalized("NFC", text)


def test_tcvn3_soft_hyphen_is_u_horn():
    # 0xAD is "ư" in TCVN3: the byte that catdoc deletes and clean_text would strip
    text, _ = fix_legacy(latin1(b"n\xad\xedc ngo\xb5i, Ng\xad\xeai lao \xae\xe9ng, tr\xad\xeang h\xeep"))
    assert text == "nước ngoài, Người lao động, trường hợp"


def test_vntimeh_heading_typed_in_capitals_stays_capital():
    # TCVN3 has no toned capitals: "CéNG" (C, TCVN3 lower-case ộ, N, G) is meant as "CỘNG"
    text, _ = fix_legacy(latin1(b"C\xe9NG HO\xb5 X\xb7 H\xe9I CH\xf1 NGH\xdcA VI\xd6T NAM"))
    assert text == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"


VNI_CASES = [
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp – Töï do – Haïnh phuùc", "Độc lập – Tự do – Hạnh phúc"),
    ("Teân ñôn vò ñöôïc giao nhieäm vuï quaûn lyù", "Tên đơn vị được giao nhiệm vụ quản lý"),
    ("BAÙO CAÙO ÑÒNH KYØ VEÀ BAÛO HOÄ", "BÁO CÁO ĐỊNH KỲ VỀ BẢO HỘ"),
]


@pytest.mark.parametrize("mojibake,expected", VNI_CASES)
def test_vni_two_byte_sequences_become_unicode(mojibake, expected):
    text, encoding = fix_legacy(mojibake)
    assert (text, encoding) == (expected, "vni")


def _cp1258_bytes(text: str) -> bytes:
    """Windows-1258 stores tones as separate combining marks after a (partly) precomposed base."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def test_windows_1258_read_as_cp1252_is_repaired():
    original = "Nghị quyết của Quốc hội về việc thành lập Ủy ban"
    mojibake = _cp1258_bytes(original).decode("cp1252")
    assert mojibake != original
    assert fix_legacy(mojibake) == (original, "cp1258")


def test_viscii_is_repaired():
    # VISCII (RFC 1456): ệ=AE ư=DF ơ=BD đ=F0 ạ=D5 ộ=B5 ố=AF ế=AA
    raw = b"Vi\xaet Nam c\xb5ng h\xf2a, \xf0\xb5c l\xa7p, t\xf1 do, h\xd5nh ph\xfac"
    text, encoding = fix_legacy(latin1(raw))
    assert encoding == "viscii"
    assert text == "Việt Nam cộng hòa, độc lập, tự do, hạnh phúc"


def test_mixed_document_converts_only_the_legacy_paragraphs():
    unicode_par = "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;"
    latin_only = "Bác và cá"  # valid Unicode Vietnamese made only of Latin-1 letters
    legacy_par = latin1(b"C\xa8n c\xf8 Ph\xb8p l\xd6nh ph\xb8t h\xb5nh c\xabng tr\xb8i x\xa9y d\xf9ng T\xe6 qu\xe8c")
    text, encoding = fix_legacy("\n".join([unicode_par, legacy_par, latin_only, unicode_par]))
    assert encoding == "tcvn3"
    assert text.split("\n") == [unicode_par, "Căn cứ Pháp lệnh phát hành công trái xây dựng Tổ quốc",
                                latin_only, unicode_par]


def test_document_with_tcvn3_and_vni_paragraphs():
    tcvn3 = latin1(b"C\xa8n c\xf8 Ph\xb8p l\xd6nh ph\xb8t h\xb5nh c\xabng tr\xb8i x\xa9y d\xf9ng T\xe6 qu\xe8c")
    vni = "Teân ñôn vò ñöôïc giao nhieäm vuï quaûn lyù"
    text, _ = fix_legacy(f"{tcvn3}\n{vni}\n{tcvn3}\n")
    assert text == ("Căn cứ Pháp lệnh phát hành công trái xây dựng Tổ quốc\n"
                    "Tên đơn vị được giao nhiệm vụ quản lý\n"
                    "Căn cứ Pháp lệnh phát hành công trái xây dựng Tổ quốc\n")


@pytest.mark.parametrize("text", [
    "Bác Hồ kính yêu",
    "Ông Tô Lâm, Ủy viên Bộ Chính trị",
    "Khóa II (1951–1960) | — Hồ Chí Minh",
    "−26.8 (−16.2) | tăng trưởng",
    "Étude économique du Viêt Nam, © 2004",
    "- À ô tô thì không.",
    "plain ASCII only",
])
def test_proper_text_is_never_touched(text):
    assert fix_legacy(text) == (text, None)


def test_french_latin1_text_is_not_vietnamese_mojibake():
    text = "La réforme économique et la stratégie de développement à long terme. " * 5
    assert detect(text) is None


def test_syllable_check():
    assert all(is_syllable(w) for w in ["nghiêng", "quốc", "giữa", "khuya", "gì", "ĐƯỜNG", "oẳn"])
    assert not any(is_syllable(w) for w in ["ChÝnh", "phñ", "qđ", "cáṕ", "vaø", "bật̀"])
    assert not is_syllable("các̃")  # two tones
    # Rhymes the language does not have: "ơ" closes only on m, n, p, t; "ă", "â", "ư" never on ch, nh.
    assert not any(is_syllable(w) for w in ["ớng", "ơnh", "ăch", "ânh", "ưnh"])
    assert all(is_syllable(w) for w in ["lớp", "hơn", "thương", "chứng", "tầng", "nắng"])


@pytest.mark.shared
def test_zero_false_conversions_on_real_unicode_text(shared_data):
    # given ~300 files of real Unicode Vietnamese (laws, party documents, news, HCM, ALQAC)
    checked, changed, names = false_conversions(shared_data, limit=300)
    assert checked >= 300
    assert changed == 0, names
