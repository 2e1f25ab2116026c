"""Document numbers (số hiệu) as single searchable tokens: 05-CT/TW, 32/2024/NĐ-CP, 07/CT-TTg.

A number is recognised in running text and in queries, however it is typed ("05-CT/TW",
"05-ct/tw", "05 CT TW", "5/CT/TW"), and reduced to one canonical token: lower case, folded
(Đ → d), leading zeros dropped, parts joined the way Party and state numbering writes them.
"""

from __future__ import annotations

import re

from kb.analysis.fold import fold

# Letter codes that appear in Vietnamese document numbers: kinds of document and issuers.
_CODE = r"[A-ZĐa-zđ][A-ZĐa-zđ]{0,11}"
# Party style: 05-CT/TW, 383-QĐ/TW, 07-KL/VPTW, 08-QĐi/TW, 11-CT/TU, 07-HD/BTGDVTW
_PARTY = rf"\d{{1,5}}-{_CODE}/{_CODE}(?:-{_CODE})?"
# State style: 32/2024/NĐ-CP, 69/2025/QH15, 07/CT-TTg, 1074/QĐ-BXD, 123/QĐ-UBND, 24/2012/TTLT-BCT-BTC
_STATE_YEAR = rf"\d{{1,5}}/(?:19|20)\d\d/{_CODE}\d{{0,2}}(?:-{_CODE}\d{{0,2}})*"
_STATE = rf"\d{{1,5}}/{_CODE}(?:-{_CODE}\d{{0,2}})+"

DOCNUM_RE = re.compile(rf"(?<![\w/-])(?:{_STATE_YEAR}|{_PARTY}|{_STATE})(?![\w/])")

# Typed loosely in a query: "05 CT TW", "05 ct/tw", "32 2024 nd cp". Only known kind codes
# are accepted so that ordinary words after a number are not swallowed.
KIND_CODES = (
    "ct nq qd qdi kl hd tb bc kh cv ttr nd tt ttlt qh ubtvqh pl ttg hd qc ctr da dc nq-tw"
).split()
_LOOSE_RE = re.compile(
    r"(?<![\w/])(\d{1,5})[\s\-/]+(?:((?:19|20)\d\d)[\s\-/]+)?([a-zđ]{1,5})[\s\-/]+([a-zđ]{2,10}\d{0,2})(?![\w/])",
    re.IGNORECASE,
)


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
    (number/year/KIND-ISSUER).
    """
    found = []
    for m in _LOOSE_RE.finditer(query):
        number, year, kind, issuer = m.groups()
        if fold(kind) not in KIND_CODES:
            continue
        raw = f"{number}/{year}/{kind}-{issuer}" if year else f"{number}-{kind}/{issuer}"
        found.append((m.start(), m.end(), canonical_docnum(raw)))
    return found
