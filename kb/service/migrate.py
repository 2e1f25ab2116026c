"""Schema migrations: numbered SQL files (migrations/0001_initial.sql...) and SQLite's user_version.

Each file is applied once, in order, in its own transaction together with the new user_version,
so a failed migration leaves the database as it was. Two processes starting at once do not both
apply a file: the version is read again under the write lock.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from kb.errors import InstanceError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_NAME = re.compile(r"(\d{4})_[\w-]+\.sql")


def migrations(folder: Path = MIGRATIONS) -> list[tuple[int, Path]]:
    """The migration files of ``folder`` as (number, path), in order; numbers must run 1, 2, 3..."""
    found = sorted((int(m.group(1)), p) for p in Path(folder).iterdir()
                   if (m := _NAME.fullmatch(p.name)))
    if [n for n, _ in found] != list(range(1, len(found) + 1)):
        raise InstanceError(f"migrations in {folder} are not numbered 0001, 0002...",
                            f"Các tệp chuyển đổi CSDL trong {folder} không được đánh số liên tục.")
    return found


def version(conn: sqlite3.Connection) -> int:
    """The schema version of the database (0: empty)."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def statements(script: str) -> list[str]:
    """The SQL statements of ``script``, split where SQLite says a statement is complete."""
    found, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                found.append(current.strip())
            current = ""
    if current.strip() and not all(l.strip().startswith("--") or not l.strip()
                                   for l in current.splitlines()):
        raise InstanceError("unterminated SQL statement in a migration",
                            "Tệp chuyển đổi CSDL có câu lệnh SQL chưa kết thúc.")
    return found


def migrate(conn: sqlite3.Connection, folder: Path = MIGRATIONS) -> list[int]:
    """Apply the migrations the database lacks; returns their numbers."""
    files = migrations(folder)
    latest = len(files)
    applied = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = version(conn)
        if current > latest:
            raise InstanceError(
                f"database schema {current} is newer than this kb knows ({latest})",
                f"Cơ sở dữ liệu được tạo bởi phiên bản kb mới hơn (lược đồ {current}, "
                f"bản này biết đến {latest}). Hãy cập nhật kb.")
        for number, path in files[current:]:
            for statement in statements(path.read_text(encoding="utf-8")):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            applied.append(number)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return applied
