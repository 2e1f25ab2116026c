"""The signature block of an official document (signer and role lines) and its recipients."""

from __future__ import annotations

import re

from kb.understand.layout import SEPARATOR, canon_phrases, display_case, is_person, is_upper

_SIGN_PREFIX = re.compile(r"^(T/M|T/L|K/T|TM|KT|TL|TUQ|Q|Q/|TUQ/)\s*[./]?\s+(.+)$", re.IGNORECASE)
RECIPIENTS = re.compile(r"^N[ơo]i\s+nhận\s*:?\s*(.*)$", re.IGNORECASE)


def signer(lines: list[str]) -> tuple[str | None, str | None]:
    """(signer, signer_role): role lines in capitals above a person's name.

    The block sits beside the recipients ("Nơi nhận") of the main text; appendices and forms
    may follow it, so that place is tried before the last lines of the file.
    """
    first = next((i for i, ln in enumerate(lines) if RECIPIENTS.match(ln)), None)
    if first is not None:
        window = [ln for ln in lines[max(0, first - 15): first + 45] if ln and not SEPARATOR.match(ln)]
        found = _signer_in(window, range(len(window)))
        if found[0]:
            return found
    tail = [ln for ln in lines[-40:] if ln and not SEPARATOR.match(ln)]
    return _signer_in(tail, range(len(tail) - 1, max(len(tail) - 12, -1), -1))


def _signer_in(tail: list[str], order: range) -> tuple[str | None, str | None]:
    for i in order:
        name = tail[i]
        if not is_person(name):
            continue
        roles: list[str] = []
        j = i - 1
        while j >= 0 and len(roles) < 4:
            line = tail[j]
            if re.match(r"^\(?\s*(đã ký|ký tên|đã kí)", line, re.IGNORECASE):
                j -= 1
                continue
            if not is_upper(line) or line.startswith("-"):
                break
            roles.insert(0, line)
            j -= 1
        if not roles:
            continue
        pretty = []
        for role in roles:
            m = _SIGN_PREFIX.match(role)
            if m:
                prefix = m.group(1).upper()
                prefix = prefix if "/" in prefix else prefix + "."
                pretty.append(f"{prefix} {display_case(m.group(2))}")
            else:
                pretty.append(display_case(role))
        # A role wrapped over two lines ("K/T CHÁNH" / "VĂN PHÒNG") has no prefix on the 2nd line
        # and ends the first one mid-phrase; join such halves back.
        joined: list[str] = []
        for role, raw in zip(pretty, roles):
            if joined and re.search(r"\b(Chánh|Phó)$", joined[-1]):
                joined[-1] = canon_phrases(f"{joined[-1]} {role.lower()}")
            else:
                joined.append(role)
        return name, ", ".join(joined)
    return None, None


def recipients(lines: list[str]) -> list[str] | None:
    """The items listed under "Nơi nhận:", wrapped items joined; None when there is no such list."""
    for i, line in enumerate(lines):
        m = RECIPIENTS.match(line)
        if not m:
            continue
        items: list[str] = []
        rest = [m.group(1)] if m.group(1) else []
        for item in rest + lines[i + 1:]:
            if not item:
                continue
            if SEPARATOR.match(item):
                if items:
                    break
                continue
            if item.startswith(("-", "–", "+", "•")):
                items.append(item.lstrip("-–+• ").rstrip(",;."))
            elif items and not is_upper(item) and not is_person(item):
                items[-1] = f"{items[-1]} {item.rstrip(',;.')}"  # wrapped recipient line
            else:
                break
        return [x for x in items if x] or None
    return None
