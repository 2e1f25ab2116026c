"""Editors' corrections: of a document's kind, number, issuer, date, title and signer, and of a
saying's sectors or whether it is one at all; kept in the ``corrections`` table with who and when.

The table is the truth: the latest row of a (document, saying, field) is the value the editor
wants. The values are checked here (:func:`clean_value`); the index is made to agree by the
overlay (kb.service.overlay) wherever a document is indexed.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from dataclasses import dataclass
from datetime import date as Date

from kb.errors import CorrectionRefused
from kb.service import audit
from kb.service.db import now, transaction

#: The document's fields an editor corrects, with their labels on the forms.
FIELDS = {"kind": "Loại văn bản", "number": "Số hiệu", "issuer": "Cơ quan ban hành",
          "date": "Ngày", "title": "Tiêu đề", "signer": "Người ký"}
#: Fields kept in the document's metadata rather than as its own attributes.
META_FIELDS = ("issuer", "signer")
#: A saying's corrections: its sectors (a JSON list: a sector's name may hold a comma, as
#: "dân tộc, tôn giáo") and "not a saying" ("1" or "0").
SAYING_FIELDS = ("sectors", "not_saying")
MAX_CHARS = {"title": 500}
DEFAULT_MAX_CHARS = 200

_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_VN = re.compile(r"(?:(\d{1,2})[/.-])?(\d{1,2})[/.-](\d{4})")


@dataclass(frozen=True)
class Correction:
    """The latest correction of one field: its value and who made it when."""

    field: str
    value: str | None
    old_value: str | None
    editor: str | None
    at: str


def parse_date(text: str) -> str:
    """A date typed as ``YYYY-MM-DD`` or ``DD/MM/YYYY`` (also a year, ``YYYY-MM`` or
    ``MM/YYYY``) as kb stores it (ISO, as precise as typed). Raises CorrectionRefused."""
    text = text.strip()
    iso, vn = _ISO.fullmatch(text), _VN.fullmatch(text)
    if iso:
        year, month, day = iso.groups()
    elif vn:
        day, month, year = vn.groups()
    else:
        raise CorrectionRefused(f"not a date: {text!r}",
                                f"«{text}» không phải là ngày: hãy gõ theo dạng 15/05/2016 "
                                "hoặc 2016-05-15.")
    try:
        Date(int(year), int(month or 1), int(day or 1))
        if not 1800 <= int(year) <= 2200:
            raise ValueError(year)
    except ValueError:
        raise CorrectionRefused(f"no such date: {text!r}",
                                f"Ngày «{text}» không có thật (kiểm tra ngày, tháng, năm).") from None
    return "-".join([year] + [f"{int(p):02d}" for p in (month, day) if p])


def clean_value(field: str, raw) -> str | None:
    """The value an editor typed for ``field``, checked and tidied; None clears the field.
    Raises CorrectionRefused with a Vietnamese message when it cannot be that field's value."""
    if field not in FIELDS:
        raise CorrectionRefused(f"unknown field {field!r}",
                                f"Không sửa được trường «{field}»; các trường sửa được: "
                                f"{', '.join(FIELDS)}.")
    if raw is not None and not isinstance(raw, str):
        raise CorrectionRefused(f"{field} is not text", f"{FIELDS[field]}: giá trị phải là chữ.")
    text = " ".join((raw or "").split())
    if not text:
        if field == "title":
            raise CorrectionRefused("empty title", "Tiêu đề không được để trống.")
        return None
    limit = MAX_CHARS.get(field, DEFAULT_MAX_CHARS)
    if len(text) > limit:
        raise CorrectionRefused(f"{field} longer than {limit}",
                                f"{FIELDS[field]} quá dài (tối đa {limit} ký tự).")
    return parse_date(text) if field == "date" else text


def sector_list(value: str | None) -> list[str]:
    """The sectors of a saying's correction (kept as a JSON list)."""
    import json

    try:
        found = json.loads(value or "[]")
    except ValueError:
        return []
    return [str(s) for s in found] if isinstance(found, list) else []


def saying_id(text: str) -> str:
    """The stable key of a saying: a hash of its normalized text (the same saying quoted with
    other punctuation, case or tone-mark style has the same key, in every document)."""
    from kb.understand.sayings import saying_key

    return hashlib.sha1(saying_key(text).encode("utf-8")).hexdigest()[:16]


def record(conn: sqlite3.Connection, doc_id: str, changes: dict, user=None,
           address: str | None = None, saying: str = "", target: str | None = None) -> None:
    """Keep ``changes`` ({field: (old value, new value)}) of document ``doc_id`` (or of the
    saying ``saying`` met there) and say so in the audit log, in one transaction."""
    stamp = now()
    with transaction(conn):
        conn.executemany(
            "INSERT INTO corrections (document_id, saying, field, old_value, new_value, "
            "editor_id, editor_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, saying, f, old, new, getattr(user, "id", None),
              getattr(user, "username", None), stamp) for f, (old, new) in changes.items()])
        audit.record(conn, "saying.correct" if saying else "document.correct", user=user,
                     target=target or f"document {doc_id}", address=address,
                     **({"saying": saying} if saying else {}),
                     changes={f: {"old": old, "new": new} for f, (old, new) in changes.items()})


def _latest(rows) -> dict[str, Correction]:
    found: dict[str, Correction] = {}
    for r in rows:  # oldest first: a later row wins
        found[r["field"]] = Correction(r["field"], r["new_value"], r["old_value"],
                                       r["editor_name"], r["created_at"])
    return found


def latest(conn: sqlite3.Connection, doc_id: str) -> dict[str, Correction]:
    """The document's corrected fields: field → its latest correction."""
    return _latest(conn.execute(
        "SELECT * FROM corrections WHERE document_id = ? AND saying = '' ORDER BY id",
        (str(doc_id),)))


def all_fields(conn: sqlite3.Connection) -> dict[str, dict[str, str | None]]:
    """Every corrected document: id → {field: value}."""
    return _last_values(conn, "document_id", "saying = ''")


def sayings(conn: sqlite3.Connection) -> dict[str, dict[str, str | None]]:
    """Every corrected saying: key → {"sectors": '["a", "b"]', "not_saying": "1" | "0"}."""
    return _last_values(conn, "saying", "saying != ''")


def _last_values(conn: sqlite3.Connection, key: str,
                 where: str) -> dict[str, dict[str, str | None]]:
    """The last value of each field, by ``key`` (a column), over the rows matching ``where``."""
    found: dict[str, dict[str, str | None]] = {}
    for r in conn.execute(f"SELECT {key} AS key, field, new_value FROM corrections "
                          f"WHERE {where} ORDER BY id"):
        found.setdefault(r["key"], {})[r["field"]] = r["new_value"]
    return found


def history(conn: sqlite3.Connection, doc_id: str, limit: int = 200) -> list[dict]:
    """What was done to the document, newest first: the audit entries that name it, and last
    its entry into the registry (who added it, when, under which name; no one for kb ingest)."""
    import json

    rows = conn.execute("SELECT * FROM audit_log WHERE target = ? ORDER BY id DESC LIMIT ?",
                        (f"document {doc_id}", limit))
    found = [dict(r) | {"detail": json.loads(r["detail"])} for r in rows]
    added = conn.execute("SELECT d.added_at, d.original_name, u.username FROM documents d "
                         "LEFT JOIN users u ON u.id = d.added_by WHERE d.id = ?",
                         (str(doc_id),)).fetchone()
    if added is not None:
        found.append({"at": added["added_at"], "username": added["username"],
                      "action": "document.add", "target": f"document {doc_id}",
                      "detail": {"files": [added["original_name"]]}})
    return found


def pin(conn: sqlite3.Connection, path: str, doc_id: str) -> None:
    """Documents read from ``path`` (a file replacing that document's) keep the id ``doc_id``."""
    conn.execute("INSERT INTO document_pins (path, document_id, created_at) VALUES (?, ?, ?) "
                 "ON CONFLICT (path) DO UPDATE SET document_id = excluded.document_id",
                 (str(path), str(doc_id), now()))


def pins(conn: sqlite3.Connection) -> dict[str, str]:
    """Path → the id its document keeps."""
    return {r["path"]: r["document_id"] for r in conn.execute("SELECT * FROM document_pins")}


def retire(conn: sqlite3.Connection, path: str, doc_id: str, reason: str) -> None:
    """The document read from ``path`` was deleted or replaced (``reason``): left out when
    its folder is ingested again."""
    conn.execute("INSERT INTO retired_files (path, document_id, reason, retired_at) "
                 "VALUES (?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET "
                 "document_id = excluded.document_id, reason = excluded.reason, "
                 "retired_at = excluded.retired_at", (str(path), str(doc_id), reason, now()))


def retired(conn: sqlite3.Connection) -> set[str]:
    """Paths of the documents deleted or replaced by editors."""
    return {r["path"] for r in conn.execute("SELECT path FROM retired_files")}


def revive(conn: sqlite3.Connection, paths) -> None:
    """These paths were ingested on purpose again: no longer left out."""
    conn.executemany("DELETE FROM retired_files WHERE path = ?", [(str(p),) for p in paths])
