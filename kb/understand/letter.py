"""A letter (công văn) whose header a crawled copy lost.

Nghị định 30/2020/NĐ-CP gives the công văn a salutation ("Kính gửi: …") under its header, and
crawls of portals often keep the letter from that salutation on, dropping the header table with
the number, the date and the "V/v" subject. What is left still says what it is: the salutation
opens the text, the recipients ("Nơi nhận") and a signature with a capacity ("KT. BỘ TRƯỞNG")
close it, and the first sentence names the sender ("Bộ Văn hóa, Thể thao và Du lịch đề nghị …").
"""

from __future__ import annotations

import re

from kb.understand.layout import ORG_ANY
from kb.understand.signature import RECIPIENTS, signer

_SALUTATION = re.compile(r"^Kính\s+gửi\s*:", re.IGNORECASE)
_CAPACITY = re.compile(r"^(?:T/M|T/L|K/T|TM\.|KT\.|TL\.|TUQ\.|Q\.)\s", re.IGNORECASE)
# The sender as the subject of the letter's request: "<body> (<abbreviation>) đề nghị …".
_SENDER = re.compile(r"(?:^|[.;]\s+|\)\.?\s+)([A-ZĐ][^.;:()\n]{3,80}?)\s*(?:\([^)\n]{1,20}\)\s*)?"
                     r"(?:đề\s+nghị|hướng\s+dẫn|thông\s+báo|yêu\s+cầu|trân\s+trọng)\b")


def headless_letter(lines: list[str]) -> dict | None:
    """Kind, issuer, signer and role of a letter that opens at its salutation (None when the
    text is not one: no salutation first, no recipients, or no signer acting in a capacity)."""
    content = [ln for ln in lines if ln.strip()]
    if not content or not _SALUTATION.match(content[0]):
        return None
    if not any(RECIPIENTS.match(ln) for ln in content):
        return None
    name, role = signer(lines)
    if not name or not role or not _CAPACITY.match(role):
        return None
    return {"kind": "Công văn", "issuer": _sender(" ".join(content[1:40])[:1500]),
            "signer": name, "signer_role": role}


def _sender(opening: str) -> str | None:
    """The body the letter's first sentences name as making the request."""
    for m in _SENDER.finditer(opening):
        words = m.group(1).split()
        for n in range(len(words)):  # the body's name is the last part of the clause
            candidate = " ".join(words[n:])
            if ORG_ANY.match(candidate) and candidate[:1].isupper():
                return candidate.strip(" ,")
    return None
