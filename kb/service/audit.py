"""The audit log: who did what to which account or document, from where, and when."""

from __future__ import annotations

import json
import sqlite3

from kb.service.db import now


def record(conn: sqlite3.Connection, action: str, user=None, target: str | None = None,
           address: str | None = None, **detail) -> None:
    """Append one entry (``user``: the acting account, None for the command line)."""
    conn.execute("INSERT INTO audit_log (at, user_id, username, action, target, address, detail) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)",
                 (now(), getattr(user, "id", None), getattr(user, "username", None), action,
                  target, address, json.dumps(detail, ensure_ascii=False)))


def entries(conn: sqlite3.Connection, limit: int = 100) -> list[dict]:
    """The latest entries, newest first."""
    rows = conn.execute("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", (limit,))
    return [dict(r) | {"detail": json.loads(r["detail"])} for r in rows]
