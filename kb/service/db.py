"""The instance database: one SQLite file in the instance folder, opened the same way everywhere.

WAL mode lets readers go on while one connection writes; foreign keys are on (SQLite leaves them
off by default); a busy timeout makes a second writer wait for the first instead of failing.
Connections are in autocommit mode: writes that belong together go through :func:`transaction`.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from kb.errors import InstanceError

DB_FILE = "kb.sqlite3"
#: Milliseconds a connection waits for another one's write lock.
BUSY_TIMEOUT_MS = 10_000


def db_path(instance_dir: Path) -> Path:
    """The database file of an instance folder."""
    return Path(instance_dir) / DB_FILE


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the database at ``path`` (rows as sqlite3.Row, autocommit)."""
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                               timeout=BUSY_TIMEOUT_MS / 1000)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error as exc:
        raise InstanceError(f"cannot open {path}: {exc}",
                            f"Không mở được cơ sở dữ liệu {path}: {exc}") from exc
    return conn


def open_instance(instance_dir: Path) -> Path:
    """Create the instance folder if needed (owner-only) and bring its database up to date."""
    from kb.service.migrate import migrate

    instance_dir = Path(instance_dir)
    try:
        instance_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise InstanceError(f"cannot create {instance_dir}: {exc}",
                            f"Không tạo được thư mục dữ liệu {instance_dir}: "
                            f"{exc.strerror or exc}") from exc
    path = db_path(instance_dir)
    conn = connect(path)
    try:
        migrate(conn)
    finally:
        conn.close()
    if path.exists():
        os.chmod(path, 0o600)
    return path


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction (taken at once, so it never fails halfway on a lock): commit or roll back."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def now() -> str:
    """The current UTC time as ISO 8601 text (seconds)."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def connect_instance(config) -> sqlite3.Connection:
    """A connection to the up-to-date database of the instance folder ``config`` names."""
    from kb.config import instance_path

    return connect(open_instance(instance_path(config)))
