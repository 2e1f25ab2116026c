"""The summary (trích yếu) printed under the kind of an official document, and law names."""

from __future__ import annotations

import re

from kb.understand.header import MOTTO, ORG_START
from kb.understand.layout import BODY_START, SEPARATOR, is_upper, title_case

# Kinds whose summary is a name ("LUẬT / CƯ TRÚ" is "Luật Cư trú"), not a "về ..." clause.
NAMED_KINDS = {"Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp", "Điều lệ", "Sắc lệnh"}


def summary(lines: list[str], kind: str, same_line: str) -> str | None:
    """The summary in the lines under the kind line (``same_line``: what follows the kind on it)."""
    following = [ln for ln in lines[:3] if ln]
    if same_line.upper().startswith("CỦA ") and kind not in NAMED_KINDS and following \
            and following[0].lower().startswith(("về ", "v/v")):
        same_line = ""  # "KẾT LUẬN CỦA BỘ CHÍNH TRỊ / về …": the issuer, then the subject
    parts = [same_line] if same_line else []
    for n, line in enumerate(lines[:6]):
        if not line:
            continue
        after = next((ln for ln in lines[n + 1:n + 3] if ln), "")
        if not parts and kind not in NAMED_KINDS and is_upper(line) and line.startswith("CỦA ") \
                and after.lower().startswith(("về ", "v/v")):
            # "CHỈ THỊ / CỦA BỘ CHÍNH TRỊ / về …": the middle line names the issuer, not the subject.
            continue
        # "Thực hiện …" opens the body; "thực hiện …" under the kind is the subject of the title.
        if SEPARATOR.match(line) or (BODY_START.match(line) and not line[:1].islower()):
            break
        if parts and is_upper(" ".join(parts)) != is_upper(line):
            break
        if parts and not is_upper(line) and not line[:1].islower():
            break
        if is_upper(line) and parts and (ORG_START.match(line) or MOTTO.search(line)):
            break
        if line.endswith((".", ";", ":")) and len(line) > 120:
            break
        parts.append(line)
    if not parts:
        return None
    title = " ".join(parts).strip(" :-")
    if kind in NAMED_KINDS:
        # Old laws repeat number and date in the name line: "THUẾ ... SỐ 23-L/CTN NGÀY 10/07/1993".
        title = re.sub(r"^CỦA\s+QUỐC\s+HỘI.*?\bVỀ\s+", "", title)
        title = re.sub(r"\s+SỐ\s+\S+.*$", "", title).strip()
        if not title:
            return None
        name = title_case(title) if is_upper(title) else title
        return f"{kind} {name}" if not name.lower().startswith(kind.lower()) else name
    if is_upper(title):
        first = title.split()[0].lower()
        return title_case(title, capitalise=first not in {"về", "của", "tại", "v/v"})
    return title


def law_name(text: str, title: str | None) -> str | None:
    """Prefer the law's own spelling from "Quốc hội ban hành Luật ..." when it names the same law."""
    if not title:
        return title
    m = re.search(r"ban\s+hành\s+((?:Bộ\s+luật|Luật)\s+[^.;,\n]+)", text[:6000])
    if m and m.group(1).lower().strip() == title.lower():
        kind, _, name = m.group(1).strip().rpartition("uật ")
        return f"{kind}uật {name[:1].upper()}{name[1:]}"
    return title
