"""Document numbers (số hiệu) as single searchable tokens: 05-CT/TW, 32/2024/NĐ-CP, 07/CT-TTg.

A number is recognised in running text and in queries, however it is typed ("05-CT/TW",
"05-ct/tw", "05 CT TW", "5/CT/TW"), and reduced to one canonical token: lower case, folded
(Đ → d), leading zeros dropped, parts joined the way Party and state numbering writes them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kb.analysis.fold import fold

# Letter codes that appear in Vietnamese document numbers: kinds of document and issuers.
_CODE = r"[A-ZĐa-zđ][A-ZĐa-zđ]{0,11}"
# Party style: 05-CT/TW, 383-QĐ/TW, 07-KL/VPTW, 08-QĐi/TW, 11-CT/TU, 07-HD/BTGDVTW
_PARTY = rf"\d{{1,5}}-{_CODE}/{_CODE}(?:-{_CODE})?"
# State style: 32/2024/NĐ-CP, 69/2025/QH15, 07/CT-TTg, 1074/QĐ-BXD, 123/QĐ-UBND, 24/2012/TTLT-BCT-BTC
_STATE_YEAR = rf"\d{{1,5}}/(?:19|20)\d\d/{_CODE}\d{{0,2}}(?:-{_CODE}\d{{0,2}})*"
_STATE = rf"\d{{1,5}}/{_CODE}(?:-{_CODE}\d{{0,2}})+"

DOCNUM_RE = re.compile(rf"(?<![\w/-])(?:{_STATE_YEAR}|{_PARTY}|{_STATE})(?![\w/])")
# A number as printed, wherever it starts: what follows a kind code glued to it ("NQ74/NQ-CP").
_PRINTED_AT = re.compile(rf"(?:{_STATE_YEAR}|{_PARTY}|{_STATE})(?![\w/])")

# Typed loosely in a query: "05 CT TW", "05 ct/tw", "32 2024 nd cp". Only known kind codes
# are accepted so that ordinary words after a number are not swallowed.
KIND_CODES = (
    "ct nq qd qdi kl hd tb bc kh cv ttr nd tt ttlt qh ubtvqh pl ttg hd qc ctr da dc nq-tw"
).split()
_LOOSE_RE = re.compile(
    r"(?<![\w/])(\d{1,5})[\s\-/]+(?:((?:19|20)\d\d)[\s\-/]+)?([a-zđ]{1,5})[\s\-/]+([a-zđ]{2,10}\d{0,2})(?![\w/])",
    re.IGNORECASE,
)
# Typed with spaces or hyphens, a state number whose one code after the year is an issuer
# numbered by its term: "67 2025 UBTVQH15", "80-2025-QH15" (printed 67/2025/UBTVQH15,
# 80/2025/QH15). A law or a resolution of the National Assembly has no kind code, so the
# Assembly's own "qh" (its term may be left off) is read with the other loose forms; the other
# term-numbered issuers by find_loose_term_docnums.
_LOOSE_TERM_RE = re.compile(
    r"(?<![\w/])(\d{1,5})[\s\-/]+((?:19|20)\d\d)[\s\-/]+([a-zđ]{2,8}?)(\d{0,2})(?![\w/])",
    re.IGNORECASE,
)
_ASSEMBLY = "qh"


def canonical_docnum(raw: str) -> str:
    """The canonical token of a document number: '05-CT/TW' → '5-ct/tw'."""
    token = fold(raw.strip())
    return re.sub(r"(?<![\d/])0+(\d)", r"\1", token, count=1)


def find_docnums(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical token) of each document number written properly in ``text``."""
    return [(m.start(), m.end(), canonical_docnum(m.group())) for m in DOCNUM_RE.finditer(text)]


def find_loose_docnums(query: str) -> list[tuple[int, int, str]]:
    """Document numbers typed loosely in a query ("05 CT TW"), as canonical Party-style tokens.

    A loose match is read as Party style (number-KIND/ISSUER) or, with a year, state style
    (number/year/KIND-ISSUER), or as the National Assembly's number/year/QH<term>.
    """
    found = []
    for m in _LOOSE_RE.finditer(query):
        number, year, kind, issuer = m.groups()
        if fold(kind) not in KIND_CODES:
            continue
        raw = f"{number}/{year}/{kind}-{issuer}" if year else f"{number}-{kind}/{issuer}"
        found.append((m.start(), m.end(), canonical_docnum(raw)))
    for m in _LOOSE_TERM_RE.finditer(query):
        number, year, code, term = m.groups()
        if fold(code).lower() == _ASSEMBLY and not any(s < m.end() and m.start() < e
                                                       for s, e, _ in found):
            found.append((m.start(), m.end(), canonical_docnum(f"{number}/{year}/{code}{term}")))
    return sorted(found)


def find_loose_term_docnums(query: str) -> list[tuple[int, int, str]]:
    """State numbers with a year and a term-numbered issuer typed with spaces ("67 2025
    UBTVQH15"), as (start, end, canonical token "67/2025/ubtvqh15").

    The issuer must be a known code ("qh", "ubtvqh") followed by its term, so that a number and
    a year followed by an ordinary word are not read as a document number.
    """
    printed = [(start, end) for start, end, _ in find_docnums(query) + find_loose_docnums(query)]
    found = []
    for m in _LOOSE_TERM_RE.finditer(query):
        number, year, code, term = m.groups()
        if not term or any(start < m.end() and m.start() < end for start, end in printed):
            continue  # no term, or read already ("67/2025/UBTVQH15", "80 2025 QH15")
        if fold(code).lower() in KIND_CODES:
            found.append((m.start(), m.end(), canonical_docnum(f"{number}/{year}/{code}{term}")))
    return found


_VOWELS = set("aăâeêioôơuưy")


@lru_cache(maxsize=1)
def _kind_codes() -> dict[str, str]:
    """Folded kind abbreviations ("ct", "nq", "qd") → their spelling in the vocabulary ("QĐ").

    Only codes without a vowel: none of them is a Vietnamese syllable, so "ct05" or "tb 1894"
    can only be a kind and a serial number.
    """
    from kb.understand.kinds import KINDS
    from kb.understand.vocabulary import load_vocabulary

    kinds = {fold(k).lower() for k in KINDS.values()}
    codes = {}
    for code, meanings in load_vocabulary().abbreviations.items():
        folded = fold(code).lower()
        if " " in code or _VOWELS & set(folded) or not folded.isalpha():
            continue
        if any(fold(m).lower() in kinds for m in meanings):
            codes.setdefault(folded, code)
    return codes


_KIND_SERIAL_RE = re.compile(r"(?<![\w/-])([a-zđ]{2,5})[\s.\-_]*(\d{1,5})(?![\w/-])", re.IGNORECASE)
_GLUED_KIND_RE = re.compile(r"(?<![\w/-])([a-zđ]{2,5})(?=\d)", re.IGNORECASE)


def respell_kind_serials(text: str) -> str:
    """A kind abbreviation glued or hyphened to a serial, spaced as the vocabulary knows it.

    "CT05", "ct-05", "CT.05", "nq04", "KL01", "qđ383" → "CT 05", "NQ 04", "KL 01", "QĐ 383", so
    that the abbreviation expands to its kind ("Chỉ thị 05") and the serial stands alone. A
    kind glued to a whole printed number ("NQ74/NQ-CP", "QĐ383-QĐ/TW") is spaced from it the
    same way, so that the number is read as one ("NQ 74/NQ-CP").
    """
    codes = _kind_codes()

    def respell(m: re.Match) -> str:
        code = codes.get(fold(m.group(1)).lower())
        return f"{code} {m.group(2)}" if code else m.group(0)

    def unglue(m: re.Match) -> str:
        code = codes.get(fold(m.group(1)).lower())
        return f"{code} " if code and _PRINTED_AT.match(text, m.end()) else m.group(0)

    return _KIND_SERIAL_RE.sub(respell, _GLUED_KIND_RE.sub(unglue, text))


def swapped_docnum(token: str) -> str | None:
    """The other numbering style of a canonical number without a year, or None.

    People write a Party number the state way and back ("05/CT-TW" for 05-CT/TW, "07-CT/TTg"
    for 07/CT-TTg); the index holds only the printed style, so a query tries both.
    """
    m = re.fullmatch(r"(\d{1,5})([-/])([a-zđ]{1,12})([-/])([a-zđ]{1,12}\d{0,2})", token)
    if not m or m.group(2) == m.group(4):
        return None
    number, first, kind, _, issuer = m.groups()
    return f"{number}/{kind}-{issuer}" if first == "-" else f"{number}-{kind}/{issuer}"
