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
from kb.understand.dates import ADOPTED, DATE_WORDS, iso_date, place_date
from kb.understand.header import (KIND_LINE, MOTTO, NUMBER_LINE, TERM, TRAILING_PARTY, issuers,
                                  number)
from kb.understand.kinds import KINDS
from kb.understand.layout import SEPARATOR, display_case, is_upper, roman, strip_markup, title_case
from kb.understand.signature import recipients, signer
from kb.understand.title import law_name, summary

__all__ = ["KEYS", "display_case", "extract_metadata", "strip_markup", "title_case"]

KEYS = (
    "kind", "number", "issuer", "issuer_parent", "term", "place", "date", "title",
    "signer", "signer_role", "recipients",
)


def extract_metadata(text: str) -> dict:
    """Kind, number, issuer, term, place, date, title, signer and recipients of an official text.

    Every key of ``KEYS`` is present; a value is None (``recipients``: None) when the document
    does not state it. Text that lacks the official header yields ``kind`` None.
    """
    meta: dict = dict.fromkeys(KEYS)
    lines = strip_markup(clean_text(_excerpt(text)))
    content = [ln for ln in lines if ln and not SEPARATOR.match(ln)]
    head = content[:40]

    issuer_lines: list[str] = []
    seen_motto = number_seen = False
    kind_at = None
    for i, line in enumerate(head):
        motto = (MOTTO.search(line) or TRAILING_PARTY.search(line)) if len(line) < 120 else None
        before = line[: motto.start()].strip(" -*") if motto else line
        m_num = NUMBER_LINE.match(line)
        if m_num and meta["number"] is None and len(line) < 80:
            following = head[i + 1] if i + 1 < len(head) else ""
            meta["number"] = number(m_num.group(1), following)
            # A blank draft number ("Số:    /KH-UBND") still marks the official layout.
            number_seen = meta["number"] is not None or "/" in line
        m_kind = KIND_LINE.match(line)
        if m_kind and is_upper(m_kind.group(1)) and (is_upper(line) or m_kind.group(2)[:1] in " :"):
            kind_at = i
            break
        if motto:
            seen_motto = True
            before = re.sub(r"\s*[-–*_=]{3,}.*$", "", before)
            # The left column goes on beside the motto's lines ("ỦY BAN NHÂN DÂN / THÀNH PHỐ
            # HẢI PHÒNG" beside "CỘNG HÒA … / Độc lập - Tự do - Hạnh phúc").
            if before and not number_seen and is_upper(before) and not DATE_WORDS.search(before):
                issuer_lines.append(before)
            continue
        if not number_seen and is_upper(line) and not DATE_WORDS.search(line) \
                and (not seen_motto or len(issuer_lines) < 3):
            # "QUỐC HỘI -------": the rule printed under the body name is not part of it.
            issuer_lines.append(re.sub(r"\s*[-–*_=]{3,}.*$", "", line))

    official = seen_motto or number_seen
    if kind_at is not None and official:
        m_kind = KIND_LINE.match(head[kind_at])
        meta["kind"] = KINDS[m_kind.group(1)]
        same_line = m_kind.group(2).strip(" :")
        meta["title"] = summary(head[kind_at + 1:], meta["kind"], same_line)
        if meta["kind"] in {"Luật", "Bộ luật"}:
            meta["title"] = law_name(text, meta["title"])
    if official:
        issuer, parent, term = issuers(issuer_lines[:6])
        meta["issuer"], meta["issuer_parent"], meta["term"] = \
            _as_written(issuer, text), _as_written(parent, text), term
        header_text = "\n".join(head[: (kind_at or 12) + 1])
        meta["place"], meta["date"] = place_date(header_text)
        adopted = ADOPTED.search(text[-3000:])
        if meta["date"] is None and adopted and meta["kind"] in {"Luật", "Bộ luật", "Pháp lệnh"}:
            meta["date"] = iso_date(*adopted.groups())
        if meta["term"] is None:
            m_term = TERM.search(header_text + " " + (meta["title"] or "")) or (
                TERM.search(adopted.group(0)) if adopted else None
            )
            if m_term:
                meta["term"] = roman(m_term.group(1))
        meta["signer"], meta["signer_role"] = signer(lines)
        meta["recipients"] = recipients(lines)
    return meta


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
    """Header, recipients/signer and ending of a long text: the only places metadata lives."""
    if len(text) <= 20000:
        return text
    parts = [text[:8000]]
    recipients_at = re.search(r"N[ơo]i\s+nhận", text, re.IGNORECASE)
    if recipients_at and 8000 < recipients_at.start() < len(text) - 5000:
        parts.append(text[recipients_at.start() - 3000: recipients_at.start() + 6000])
    parts.append(text[-5000:])
    return "\n".join(parts)
