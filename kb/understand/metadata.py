"""Metadata of Party and state documents read from their printed layout.

Party documents follow Hướng dẫn 36-HD/VPTW and state documents Nghị định 30/2020/NĐ-CP: issuing
body top left, national motto (or "ĐẢNG CỘNG SẢN VIỆT NAM") top right, then the number, place and
date, the kind of document in capitals with its summary (trích yếu) below, and at the end the
recipients ("Nơi nhận") and the signer block. ``extract_metadata`` reads those places only, so a
press article or a wiki page that merely mentions a directive gets ``kind`` None. The header,
the summary, the signature and the dates each have their own module.
"""

from __future__ import annotations

import re

from kb.analysis.normalize import clean_text
from kb.understand.dates import ADOPTED, adoption, place_date, signed_at
from kb.understand.header import TERM, ZONE_END, issuers, number, read_header
from kb.understand.kindline import authority, enacting_body, gazette, kind_line
from kb.understand.kinds import KINDS
from kb.understand.layout import SEPARATOR, display_case, is_upper, roman, strip_markup, title_case
from kb.understand.letter import headless_letter
from kb.understand.references import annexed, attached_to, lead
from kb.understand.signature import recipients, signer
from kb.understand.title import NAMED_KINDS, issuer_clause, law_name, subject, summary

__all__ = ["KEYS", "display_case", "extract_metadata", "strip_markup", "title_case"]

KEYS = (
    "kind", "number", "issuer", "issuer_parent", "term", "place", "date", "title", "meeting",
    "signer", "signer_role", "recipients",
)
# Kinds dated by the vote that adopts them ("… thông qua ngày …"), whatever a header copy says.
_ADOPTED_KINDS = {"Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp"}
# A kind line heads an official text without the header when the body's grounds follow it.
_GROUNDS = re.compile(
    r"^(?:[-–+•]\s*)?(?:Căn\s+cứ|Xét|Theo\s+đề\s+nghị|Để|Thực\s+hiện|Nhằm)\s|^GIỮA$", re.IGNORECASE
)
_PLENUM = re.compile(r"^HỘI\s+NGHỊ\s+(?:LẦN\s+THỨ|BAN\s+CHẤP\s+HÀNH|TRUNG\s+ƯƠNG)")
_CENTRAL = {"Ban Chấp hành Trung ương", "Ban Chấp hành Trung ương Đảng"}
_ORGANS = {"bộ chính trị": "Bộ Chính trị", "ban bí thư": "Ban Bí thư"}


def extract_metadata(text: str) -> dict:
    """Kind, number, issuer, term, place, date, title, signer and recipients of an official text.

    Every key of ``KEYS`` is present; a value is None (``recipients``: None) when the document
    does not state it. Text that lacks the official header yields ``kind`` None.
    """
    meta: dict = dict.fromkeys(KEYS)
    lines = [_unspaced(ln) for ln in strip_markup(clean_text(_excerpt(text)))]
    head = [ln for ln in lines if ln and not SEPARATOR.match(ln)][:40]
    header = read_header(head)
    kind_at = header["kind_at"]
    meta["number"] = header["number"]
    found: dict = {}
    if kind_at is not None:
        found = _kind_block(head, kind_at, text)
        if not found:  # the header saw a kind where the kind line's own reading sees none
            kind_at = None
    official = header["motto"] or header["number_seen"] or (
        kind_at is not None and _paragraphs_before(lines, head[kind_at]) <= 2
        and (found.get("gazette") or found.get("grounds")))
    if kind_at is not None and not is_upper(head[kind_at]) and not (
            header["issuer_lines"] or header["number_seen"] or found.get("gazette")
            or found.get("grounds")):
        # A kind line out of capitals under the motto alone is a blank form ("thông báo / thay
        # đổi vốn điều lệ …" for a company to fill in), not a document issued by a body.
        official = False
    # A letter's "V/v …" subject sits under its number ("Số: 813/HC-CNHC"); a heading "VỀ VIỆC
    # RIÊNG" in a text with no number line is a section of that text, not a công văn's subject.
    letter = header["subject"] is not None and header["number_seen"]
    if not official or (kind_at is None and not letter and not header["motto"]):
        # A number, a body's name or a signature without the motto or a kind line (an
        # encyclopedia's infobox: "| Quyết định | Số 1570/VH-QĐ |") is no document's header;
        # a letter that opens at its salutation lost its header in the copy.
        meta.update(headless_letter(lines) or {})
        return meta
    if kind_at is not None:
        meta["kind"], meta["title"] = found["kind"], found["title"]
        meta["meeting"] = found.get("meeting")
    elif letter:
        meta["kind"] = "Công văn"  # a letter headed "V/v …" under its number prints no kind
        block = head[header["subject"]: header["end"]]
        if header.get("subject_text"):
            block = [header["subject_text"]] + block[1:]
        meta["title"] = subject(block)
    gazette_facts = found.get("gazette") or {}
    meta["number"] = meta["number"] or number(gazette_facts.get("number") or "", "")
    issuer, parent, term = issuers(header["issuer_lines"][:6])
    issuer = issuer or found.get("authority") or gazette_facts.get("issuer") or found.get("clause")
    header_text = "\n".join(header["zone"])
    meta["place"], meta["date"] = place_date(header_text)
    meta["date"] = meta["date"] or gazette_facts.get("date")
    adopted = adoption(text)
    if adopted:
        body, date = adopted
        issuer = issuer or body
        if meta["kind"] in _ADOPTED_KINDS or meta["date"] is None:
            meta["date"] = date
    if kind_at is not None:
        # A regulation issued with a decision has no number of its own and bears its date.
        decision = attached_to(head[kind_at + 1: kind_at + 10], meta["kind"])
        if decision:
            meta["date"] = meta["date"] or decision["date"]
            if meta["number"] == decision["number"]:
                meta["number"] = None
    if meta["kind"]:
        meta["issuer"] = issuer
        _self_references(meta, text, lines)
        issuer = meta["issuer"]
    if meta["place"] is None:
        meta["place"] = signed_at(text)
    meta["signer"], meta["signer_role"] = signer(lines)
    if meta["signer"] is None and meta.get("lead_signer"):
        meta["signer"] = meta["lead_signer"]
    meta.pop("lead_signer", None)
    if issuer in _CENTRAL:
        issuer = _organ(found.get("same_line", ""), head[kind_at + 1] if kind_at is not None
                        and kind_at + 1 < len(head) else "", meta["signer_role"]) or issuer
    meta["issuer"], meta["issuer_parent"] = _as_written(issuer, text), _as_written(parent, text)
    meta["term"] = term
    if meta["term"] is None:
        m_adopted = ADOPTED.search(text[-3000:])
        # The plenum named under the kind ("HỘI NGHỊ LẦN THỨ TƯ … KHÓA XII") is not the title.
        kind_block = " ".join(head[kind_at: kind_at + 3]) if kind_at is not None else ""
        m_term = TERM.search(header_text + " " + (meta["title"] or "") + " " + kind_block) or (
            TERM.search(m_adopted.group(0)) if m_adopted else None
        )
        if m_term:
            meta["term"] = roman(m_term.group(1))
    meta["recipients"] = recipients(lines)
    return meta


def _unspaced(line: str) -> str:
    """A kind printed letter-spaced ("Q U Y Ế T   Đ Ị N H", spaces collapsed by clean-up) as the
    kind's name; any other line as it is."""
    letters = line.split()
    if len(letters) < 3 or any(len(x) != 1 for x in letters) or not line.isupper():
        return line
    joined = "".join(letters)
    return next((key for key in KINDS if key.replace(" ", "") == joined), line)


def _paragraphs_before(lines: list[str], kind_line: str) -> int:
    """How many paragraphs (runs of lines between blank ones) come before the kind line: a
    press copy's lead wrapped over several lines is one paragraph."""
    count, in_paragraph = 0, False
    for line in lines:
        if line == kind_line:
            return count
        if line and not SEPARATOR.match(line):
            count += not in_paragraph
            in_paragraph = True
        elif not line:
            in_paragraph = False
    return count


def _kind_block(head: list[str], kind_at: int, text: str) -> dict:
    """Kind, summary and what else the kind line and the lines under it say ({} if the line,
    read on its own, states no kind)."""
    stated = kind_line(head[kind_at])
    if stated is None:
        return {}
    key, same_line = stated
    kind = KINDS[key]
    end = next((i for i in range(kind_at + 1, len(head)) if ZONE_END.match(head[i])
                and not head[i][:1].islower()), None)
    grounds = any(_GROUNDS.match(ln) for ln in head[kind_at + 1: kind_at + 13])
    end = end if end is not None else min(len(head), kind_at + 12)
    auth = authority(head, kind_at, end)
    block = head[kind_at + 1: auth if auth is not None else end]
    rest = same_line.strip(" :")
    found = {"kind": kind, "grounds": grounds, "same_line": rest,
             "authority": enacting_body(head[auth]) if auth is not None else None,
             "clause": _body_name(issuer_clause(rest))}
    gazette_text = " ".join(([rest] if rest else []) + block[:8])
    if kind not in NAMED_KINDS and re.match(r"(?:của|liên\s+tịch|số)\b", gazette_text, re.IGNORECASE):
        facts = gazette(gazette_text)
        if facts:
            found["gazette"] = facts
            if facts["joint"]:
                kind = KINDS.get(f"{key} LIÊN TỊCH", kind)
            found["kind"], found["title"] = kind, facts["title"]
            return found
    if not rest and block and re.match(r"liên\s+tịch\b", block[0], re.IGNORECASE):
        found["kind"] = KINDS.get(f"{key} LIÊN TỊCH", kind)
        block = block[1:]
    if not rest and len(block) > 1 and is_upper(block[0]) and _PLENUM.match(block[0]) \
            and block[1].lower().startswith("về "):
        # "NGHỊ QUYẾT / HỘI NGHỊ LẦN THỨ TƯ BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XII / về …": the
        # plenum is part of the document's name, not of its summary.
        found["meeting"] = title_case(block[0])
    title = summary(block, kind, rest, text)
    if kind in {"Luật", "Bộ luật"}:
        title = law_name(text, title)
    found["title"] = title
    return found


def _body_name(name: str | None) -> str | None:
    return display_case(name) if name and (is_upper(name) or name.islower()) else name


def _organ(same_line: str, next_line: str, role: str | None) -> str | None:
    """Bộ Chính trị or Ban Bí thư where the Central Committee's header heads their document:
    named under the kind ("CHỈ THỊ CỦA BỘ CHÍNH TRỊ") or in the signer's capacity ("T/M BAN BÍ
    THƯ")."""
    for text in (same_line, next_line):
        # "của Bộ Chính trị" under the kind, or a heading naming what the body concluded
        # ("THÔNG BÁO / KẾT LUẬN CỦA BỘ CHÍNH TRỊ / về …").
        m = re.match(r"^(?:[A-ZĐÀ-Ỹ]+\s+){0,3}của\s+(bộ\s+chính\s+trị|ban\s+bí\s+thư)\b",
                     text.strip(), re.IGNORECASE)
        if m and (text is same_line or is_upper(text) or text.strip()[:1].islower()):
            return _ORGANS[" ".join(m.group(1).lower().split())]
    # The collective the signer acts for ("T/M BỘ CHÍNH TRỊ") or by whose order ("T/L BAN BÍ
    # THƯ"); a deputy's "K/T" names a person's title, never a body.
    m = re.match(r"^(?:T/?M|T/?L)\.?\s+(Bộ Chính trị|Ban Bí thư)\b", role or "", re.IGNORECASE)
    return _ORGANS[m.group(1).lower()] if m else None


def _self_references(meta: dict, text: str, lines: list[str]) -> None:
    """Fill number, date and signer from where the document names itself: an appendix's "(Kèm
    theo Hướng dẫn số …, ngày … của …)", a republished copy's lead ("… đã ký ban hành Nghị
    quyết số …")."""
    for facts in (annexed(text, meta["kind"]), lead(_first_paragraphs(lines, 6), meta["kind"])):
        if not facts:
            continue
        for key in ("number", "date", "issuer", "signer"):
            target = "lead_signer" if key == "signer" else key
            if meta.get(target) is None and facts.get(key):
                meta[target] = facts[key]


def _first_paragraphs(lines: list[str], n: int) -> list[str]:
    """The first ``n`` paragraphs, each on one line (a portal's lead wrapped over lines)."""
    paragraphs: list[str] = []
    joined = False
    for line in lines:
        if not line:
            joined = False
        elif joined and len(paragraphs[-1]) < 1200:  # a text without blank lines stays lines
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            if len(paragraphs) == n:
                break
            paragraphs.append(line)
            joined = True
    return paragraphs


def _as_written(name: str | None, text: str) -> str | None:
    """``name`` spelt as the document writes it in running text ("Chi bộ phòng tư pháp", read
    from a header in capitals, is "Chi bộ Phòng Tư pháp" in the minutes themselves)."""
    words = (name or "").split()
    if len(words) < 2:
        return name
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)
    for m in pattern.finditer(text[:20000]):
        found = " ".join(m.group(0).split())
        if found != name and found[:1].isupper() and not is_upper(found):
            return found
    return name


def _excerpt(text: str) -> str:
    """Header, recipients/signer, the end of the main text before its appendices, and the
    ending of a long text: the only places metadata lives."""
    if len(text) <= 20000:
        return text
    parts = [text[:8000]]
    recipients_at = re.search(r"N[ơo]i\s+nhận", text, re.IGNORECASE)
    if recipients_at and 8000 < recipients_at.start() < len(text) - 5000:
        parts.append(text[recipients_at.start() - 3000: recipients_at.start() + 6000])
    appendix = re.compile(r"^[ \t*#]*(?:PHỤ\s+LỤC|Phụ\s+lục)\b", re.MULTILINE).search(text, 8000)
    if appendix and appendix.start() < len(text) - 5000 and (
            not recipients_at or abs(appendix.start() - recipients_at.start()) > 6000):
        parts.append(text[appendix.start() - 3000: appendix.start() + 200])
    parts.append(text[-5000:])
    return "\n".join(parts)
