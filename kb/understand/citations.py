"""Mentions of other documents in running text, and resolving them to documents of the index.

"Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị", "Chỉ thị 05 của Bộ Chính trị",
"Nghị quyết Trung ương 4 (khóa XII)", "NQ TW4 khoá 12", "Nghị định 32/2024/NĐ-CP",
"Luật Hóa chất" all become plain dicts; :func:`resolve` turns one into a document id through an
alias table built from the documents' own metadata and the well-known names of
``kb/data/aliases.toml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from kb.understand.vocabulary import load_vocabulary, term_number, to_roman

# Surface form of a kind (lower-cased, tone placement as typed) -> canonical kind.
_KINDS = {
    "chỉ thị": "Chỉ thị", "ct": "Chỉ thị",
    "nghị quyết": "Nghị quyết", "nq": "Nghị quyết",
    "nghị định": "Nghị định", "nđ": "Nghị định",
    "quyết định": "Quyết định",
    "quy định": "Quy định", "qui định": "Quy định",
    "thông tư liên tịch": "Thông tư liên tịch", "thông tư": "Thông tư",
    "kết luận": "Kết luận", "kl": "Kết luận",
    "hướng dẫn": "Hướng dẫn", "công văn": "Công văn", "kế hoạch": "Kế hoạch",
    "thông báo": "Thông báo", "báo cáo": "Báo cáo", "pháp lệnh": "Pháp lệnh",
    "đề án": "Đề án", "luật": "Luật", "bộ luật": "Bộ luật", "hiến pháp": "Hiến pháp", "điều lệ": "Điều lệ",
}
_KIND_WORDS = sorted((k for k in _KINDS if len(k) > 2), key=len, reverse=True)


def _cased(words: Iterable[str]) -> str:
    """Alternation accepting each word capitalised or in capitals ("Chỉ thị", "CHỈ THỊ")."""
    alts = []
    for w in words:
        alts += [re.escape(w[0].upper() + w[1:]), re.escape(w.upper())]
    return "|".join(alts)


_KIND_RE = rf"(?:{_cased(_KIND_WORDS)}|NQ|CT|NĐ|KL)"
_CODE = r"[A-ZĐ][A-Za-zĐđ]{0,11}"
# Party numbers (05-CT/TW, 08-QĐi/TW, 07-HD/BTGDVTW) and state numbers with or without a year
# (32/2024/NĐ-CP, 69/2025/QH15, 1074/QĐ-BXD, 07/CT-TTg).
_DOCNUM = (
    rf"\d{{1,5}}/(?:19|20)\d\d/{_CODE}\d{{0,2}}(?:-{_CODE}\d{{0,2}})*"
    rf"|\d{{1,5}}\s?-\s?{_CODE}/{_CODE}(?:-{_CODE})?"
    rf"|\d{{1,5}}/{_CODE}(?:-{_CODE}\d{{0,2}})+"
)
_DATE = r"\d{1,2}(?:\s?[/.-]\s?\d{1,2}\s?[/.-]\s?|\s+tháng\s+\d{1,2}\s+năm\s+)(?:19|20)\d\d"
_DATE_PARTS = re.compile(r"ngày\s+(\d{1,2})(?:\s?[/.-]\s?|\s+tháng\s+)(\d{1,2})(?:\s?[/.-]\s?|\s+năm\s+)(\d{4})")
_ROMAN_OR_NUM = r"[IVXL]{1,6}\b|\d{1,2}\b"
_TERM = rf"\(?\s*(?:[Kk]hóa|[Kk]hoá|KHÓA|KHOÁ)(?:\s+thứ)?\s+(?P<term>{_ROMAN_OR_NUM})\s*\)?"
_ORDINALS = {
    "nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "mười ba": 13, "mười bốn": 14,
    "mười lăm": 15, "mười sáu": 16, "mười bảy": 17, "mười tám": 18, "mười chín": 19,
}
_ORD_RE = "|".join(sorted(map(re.escape, _ORDINALS), key=len, reverse=True))
_TW = r"(?:Trung ương|TRUNG ƯƠNG|TW|T\.Ư|TƯ)"
_ISSUER = (
    r"Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương(?: Đảng)?|Trung ương Đảng"
    r"|Thủ tướng Chính phủ|Chính phủ|Ủy ban Thường vụ Quốc hội|Quốc hội|Chủ tịch nước"
    r"|Ban (?:Tuyên giáo|Tổ chức|Dân vận|Nội chính|Kinh tế|Đối ngoại)(?: và Dân vận)? Trung ương"
    r"|Văn phòng Trung ương Đảng|Ủy ban Kiểm tra Trung ương"
    r"|(?:Ban Thường vụ |Ban Chấp hành Đảng bộ )?(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng) ủy(?: [A-ZĐ]\w*){0,4}"
    r"|(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân)"
    r"(?: (?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường))?(?: [A-ZĐ]\w*){0,3}"
    r"|Bộ (?!Chính trị)[A-ZĐ]\w*(?: [a-zđ]\w*)?(?: và (?!Bộ\b)[A-ZĐ]\w*(?: [a-zđ]\w*)?)?"
)
_TAIL = (
    rf"(?:,?\s+ngày\s+{_DATE})?"
    rf"(?:\s+(?:của|do)\s+(?P<issuer>{_ISSUER}))?"
    rf"(?:\s*,?\s*{_TERM})?"
)

_NUMBERED_RE = re.compile(
    rf"(?<![\w])(?P<kind>{_KIND_RE}|chỉ thị|nghị quyết|nghị định|quyết định|quy định|thông tư)"
    rf"(?:\s+(?:số|Số|SỐ))?\s+(?P<num>{_DOCNUM}|\d{{1,4}}(?![\d/\-]))" + _TAIL
)
_PLENUM_RE = re.compile(
    rf"(?<![\w])(?P<kind>Nghị quyết|NGHỊ QUYẾT|NQ|Kết luận)\s+(?:của\s+)?(?:Hội nghị\s+|HỘI NGHỊ\s+|HN\s?)?"
    rf"(?:(?:lần|LẦN) (?:thứ|THỨ)\s+(?P<pword>{_ORD_RE}|\d{{1,2}})\s+)?"
    rf"(?:Ban Chấp hành\s+|BAN CHẤP HÀNH\s+)?{_TW}(?:\s+(?:Đảng|ĐẢNG))?"
    rf"(?:\s?(?P<pnum>\d{{1,2}})\b)?(?:\s*,?\s*{_TERM})?"
)
_CONGRESS_RE = re.compile(
    rf"(?<![\w])(?P<kind>Nghị quyết|NQ)\s+Đại hội(?:\s+đại biểu toàn quốc)?(?:\s+(?:lần\s+)?(?:thứ\s+)?"
    rf"(?P<term>{_ROMAN_OR_NUM}))?(?:\s+(?:của\s+)?Đảng(?! bộ))?(?! Đảng bộ)"
)
# Lower-case Vietnamese letters ("ở", "ấy"): [a-z] alone would cut "Luật Nhà ở" short.
_LOWER = "[a-zđ" + "".join(chr(c) for c in range(0xE0, 0x1EFA) if chr(c).islower() and chr(c).isalpha()) + "]"
_LAW_STOP = (
    "số năm ngày của do đã được có này về tại thì là để cũng sửa hiện mới trong với khi "
    "nhằm theo các những thi và ban"
).split() + ["quy định"]
_LAW_RE = re.compile(
    r"(?<![\w])(?P<kind>Bộ luật|Luật)\s+(?P<name>[A-ZĐ][\w]*(?:\s+(?!(?:"
    + "|".join(_LAW_STOP)
    + r")\b)(?:" + _LOWER + r"\w*|(?!(?:Nghị|Chỉ|Quyết|Quy|Thông|Luật|Bộ|Hiến|Kết|Hướng|Điều)\b)[A-ZĐ]\w*)){0,7})"
    r"(?:\s+(?:năm\s+)?(?P<y>(?:19|20)\d\d))?"
    rf"(?:\s+số\s+(?P<num>{_DOCNUM}))?(?:,?\s+ngày\s+{_DATE})?"
)
_BARE_DOCNUM_RE = re.compile(rf"(?<![\w/-])(?P<num>{_DOCNUM})(?![\w/])")
# Kind implied by the code of a bare number: 05-CT/TW, 32/2024/NĐ-CP, 1074/QĐ-BXD.
_CODE_KINDS = {
    "CT": "Chỉ thị", "NQ": "Nghị quyết", "NĐ": "Nghị định", "TT": "Thông tư", "KL": "Kết luận",
    "HD": "Hướng dẫn", "QĐi": "Quy định", "TTLT": "Thông tư liên tịch", "KH": "Kế hoạch",
    "TB": "Thông báo", "BC": "Báo cáo", "CV": "Công văn", "QH": "Luật", "ĐA": "Đề án",
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_FOLDED_CODE_KINDS = {_fold(code): kind for code, kind in _CODE_KINDS.items()}


def normalize_number(raw: str) -> str:
    """Canonical spelling of a document number: '5 - ct/tw' → '05-CT/TW', '08-qđi/tw' → '08-QĐi/TW'."""
    num = re.sub(r"\s+", "", raw)

    def code(m: re.Match) -> str:
        word = m[0]
        if _fold(word) == "qdi":
            return "QĐi"
        if _fold(word) == "ttg":
            return "TTg"
        return word.upper() if word.islower() else word

    num = re.sub(r"[A-Za-zĐđ]+", code, num)
    party = re.fullmatch(r"(\d+)-(.+/.+)", num)
    if party:
        num = f"{int(party[1]):02d}-{party[2]}"
    return num


def number_key(number: str) -> str:
    """Comparison key of a number: folded, lower case, no leading zeros ('05-CT/TW' → '5-ct/tw')."""
    return re.sub(r"^0+(?=\d)", "", _fold(re.sub(r"\s+", "", number)))


def _code_kind(number: str) -> str | None:
    """Kind implied by a bare number's code."""
    party = re.fullmatch(r"\d+-([^/]+)/.+", number)
    if party:
        code = party[1]
        return "Quy định" if code == "QĐ" else _CODE_KINDS.get(code)
    parts = number.split("/")
    code = parts[-1].split("-")[0]
    if code == "QĐ":
        return "Quyết định"
    return _CODE_KINDS.get(re.sub(r"\d+$", "", code))


def kind_of_number(number: str) -> str | None:
    """Kind a document number's code implies, however it is spelled: '5-ct/tw' → 'Chỉ thị'.

    Folded and lower-cased spellings (canonical index tokens) are read as the printed ones.
    """
    key = number_key(number)
    party = re.fullmatch(r"\d+-([a-z]+)/.+", key)
    code = party[1] if party else key.split("/")[-1].split("-")[0]
    if code == "qd":
        return "Quy định" if party else "Quyết định"
    return _FOLDED_CODE_KINDS.get(code if party else re.sub(r"\d+$", "", code))


def _term(raw: str | None) -> str | None:
    n = term_number(raw) if raw else None
    return to_roman(n) if n else None


def _date(m: re.Match) -> str | None:
    found = _DATE_PARTS.search(m[0])
    if not found:
        return None
    d, mo, y = (int(x) for x in found.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= d <= 31 and 1 <= mo <= 12 else None


def _tidy_issuer(issuer: str | None) -> str | None:
    if not issuer:
        return None
    if issuer in ("Trung ương Đảng", "Ban Chấp hành Trung ương Đảng"):
        return "Ban Chấp hành Trung ương"
    return issuer.replace("Uỷ", "Ủy")


def _citation(kind: str, m: re.Match, **extra) -> dict:
    kind = _KINDS.get(kind.lower(), kind)
    groups = m.groupdict()
    raw = groups.get("num")
    full = raw and not raw.isdigit()
    serial = re.match(r"\d+", raw)[0] if raw else None
    out = {
        "kind": kind,
        "number": normalize_number(raw) if full else None,
        "serial": f"{int(serial):02d}" if serial else None,
        "issuer": _tidy_issuer(groups.get("issuer")),
        "term": _term(groups.get("term")),
        "plenum": None,
        "date": _date(m),
        "name": None,
        "mention": m[0].rstrip(" ,"),
        "start": m.start(),
        "end": m.start() + len(m[0].rstrip(" ,")),
    }
    out.update(extra)
    return out


def extract_citations(text: str) -> list[dict]:
    """Every mention of another document in ``text``, in reading order, without overlaps.

    Each is ``{"kind", "number", "serial", "issuer", "term", "plenum", "date", "name",
    "mention", "start", "end"}``; absent parts are None.
    """
    found: list[dict] = []
    for m in _PLENUM_RE.finditer(text):
        plenum = m["pnum"] or m["pword"]
        if not plenum:
            continue
        plenum = int(plenum) if plenum.isdigit() else _ORDINALS[plenum.lower()]
        found.append(_citation(m["kind"], m, plenum=str(plenum), issuer="Ban Chấp hành Trung ương"))
    for m in _CONGRESS_RE.finditer(text):
        found.append(_citation(m["kind"], m, issuer="Đại hội Đảng"))
    for m in _NUMBERED_RE.finditer(text):
        kind = m["kind"]
        if kind.islower() and m["num"].isdigit():
            continue  # "học tập chỉ thị 2 lần": lower case needs a full number to be a citation
        cit = _citation(kind, m)
        if cit["number"] and cit["kind"] == "Quyết định" and "/TW" in cit["number"]:
            cit["kind"] = "Quy định"  # Party "QĐ/TW" documents are regulations
        found.append(cit)
    for m in _LAW_RE.finditer(text):
        found.append(_citation(m["kind"], m, name=f"{m['kind']} {m['name']}"))
    for m in _BARE_DOCNUM_RE.finditer(text):
        cit = _citation("", m)
        cit["kind"] = _code_kind(cit["number"])
        found.append(cit)
    # Longest mention wins where two patterns cover the same words.
    found.sort(key=lambda c: (c["start"], -(c["end"] - c["start"])))
    out: list[dict] = []
    for cit in found:
        if out and cit["start"] < out[-1]["end"]:
            continue
        out.append(cit)
    return out


# --- resolving -----------------------------------------------------------------------------

_ISSUER_CODES = {
    "bo chinh tri": "TW", "ban bi thu": "TW", "ban chap hanh trung uong": "TW",
    "trung uong": "TW", "chinh phu": "CP", "thu tuong chinh phu": "TTg", "quoc hoi": "QH",
    "uy ban thuong vu quoc hoi": "UBTVQH",
}


def issuer_code(issuer: str | None) -> str | None:
    """Short code an issuer signs its numbers with: Bộ Chính trị → TW, Bộ Xây dựng → BXD."""
    if not issuer:
        return None
    folded = _fold(issuer).strip()
    if folded in _ISSUER_CODES:
        return _ISSUER_CODES[folded]
    if folded.startswith(("ubnd", "uy ban nhan dan")):
        return "UBND"
    if folded.startswith(("hdnd", "hoi dong nhan dan")):
        return "HĐND"
    if re.match(r"(ban thuong vu )?(tinh|thanh) uy", folded):
        return "TU"
    if folded.startswith("bo "):
        words = [w for w in issuer.split() if w not in ("và", "-", ",")]
        return "".join(w[0].upper() for w in words)
    return None


def _issuer_of_number(number: str) -> str | None:
    """Issuer code at the end of a number: 05-CT/TW → TW, 1074/QĐ-BXD → BXD, 32/2024/NĐ-CP → CP."""
    tail = number.split("/")[-1]
    return tail.split("-")[-1] if "-" in tail else re.sub(r"\d+$", "", tail)


def citation_keys(cit: dict) -> list[tuple]:
    """Alias-table keys a citation (or a document's own metadata) answers to, most precise first."""
    kind = cit.get("kind")
    keys: list[tuple] = []
    if cit.get("number"):
        keys.append(("#", number_key(cit["number"])))
    if kind == "Nghị quyết" and cit.get("plenum") and cit.get("term"):
        keys.append(("Nghị quyết TW", str(cit["plenum"]), cit["term"]))
    serial = cit.get("serial") or (re.match(r"\d+", cit["number"])[0] if cit.get("number") else None)
    code = issuer_code(cit.get("issuer"))
    if code is None and cit.get("number"):
        code = _issuer_of_number(cit["number"])
    if kind and serial and code:
        keys.append((kind, str(int(serial)), _fold(code)))
    if kind == "Luật" and cit.get("name"):
        keys.append(("Luật", _fold(cit["name"])))
    return keys


def build_alias_table(docs: Iterable[tuple[str, dict]]) -> dict[tuple, set[str]]:
    """Map of citation keys to document ids, from (doc_id, metadata) pairs.

    Metadata may hold ``kind``, ``number``, ``issuer``, ``term``, ``title``; a title such as
    "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII" adds the plenum key.
    """
    table: dict[tuple, set[str]] = {}
    for doc_id, meta in docs:
        cit = {k: meta.get(k) for k in ("kind", "number", "issuer", "term")}
        if cit["number"]:
            cit["number"] = normalize_number(cit["number"])
        cit["term"] = _term(cit["term"]) if cit["term"] else None
        variants = [cit]
        for found in extract_citations(meta.get("title") or "")[:1]:
            if found["kind"] == cit["kind"] or not cit["kind"]:
                variants.append({**found, **{k: v for k, v in cit.items() if v}})
        for variant in variants:
            for key in citation_keys(variant):
                table.setdefault(key, set()).add(doc_id)
    return table


@lru_cache(maxsize=4)
def _well_known(extra_path: str | None = None) -> dict[tuple, str]:
    """Keys of the well-known names of aliases.toml → their numbers."""
    vocab = load_vocabulary(extra_path)
    out: dict[tuple, str] = {}
    for name, number in {**vocab.documents, **vocab.famous_numbers}.items():
        for cit in extract_citations(name)[:1]:
            for key in citation_keys(cit)[::-1]:
                out[key] = normalize_number(number)
            if name in vocab.famous_numbers and cit["serial"]:
                out[("famous", cit["kind"], str(int(cit["serial"])))] = normalize_number(number)
    return out


def well_known_number(cit: dict, extra_path: str | None = None) -> str | None:
    """The number of a citation given by a well-known name ("Nghị quyết Trung ương 4 khóa XII")."""
    if cit.get("number"):
        return cit["number"]
    known = _well_known(extra_path)
    for key in citation_keys(cit):
        if key in known:
            return known[key]
    if cit.get("serial") and not cit.get("issuer"):
        return known.get(("famous", cit["kind"], str(int(cit["serial"]))))
    return None


def bind_bare(citations: list[dict]) -> list[dict]:
    """The citations of one document, a bare kind and serial ("Chỉ thị 05") given the number
    the same document cites in full for that kind and serial ("Chỉ thị 05/CT-UBND năm 2025"):
    the text names its own Chỉ thị 05, not the best-known one."""
    full: dict[tuple, dict] = {}
    for cit in citations:
        if cit.get("number") and cit.get("kind") and cit.get("serial"):
            full.setdefault((cit["kind"], str(int(cit["serial"]))), cit)
    out = []
    for cit in citations:
        named = (full.get((cit.get("kind"), str(int(cit["serial"]))))
                 if cit.get("serial") and not cit.get("number") and not cit.get("issuer")
                 and not cit.get("plenum") else None)
        out.append({**cit, "number": named["number"], "issuer": named.get("issuer")} if named else cit)
    return out


def resolve(cit: dict, alias_table: dict[tuple, set[str]], extra_path: str | None = None) -> str | None:
    """The one document id a citation points to, or None when unknown or ambiguous."""
    keys = citation_keys(cit)
    number = well_known_number(cit, extra_path)
    if number and not cit.get("number"):
        keys.insert(0, ("#", number_key(number)))
    for key in keys:
        ids = alias_table.get(key)
        if ids and len(ids) == 1:
            return next(iter(ids))
    return None
