"""Login throttling: after ``login_attempts`` wrong passwords for one account from one address,
each further try must wait, twice as long after each further wrong one.

The wait is stored (per account and address) and enforced by refusing early tries with 429 and
Retry-After, never by sleeping a server thread. The clock is a parameter, for tests.
"""

from __future__ import annotations

import math
import sqlite3

from kb.errors import LoginThrottled
from kb.service.db import transaction

#: The longest wait, in seconds.
MAX_DELAY = 3600.0


def check(conn: sqlite3.Connection, username: str, address: str, clock_now: float) -> None:
    """Raise LoginThrottled while this account and address must wait."""
    row = conn.execute("SELECT blocked_until FROM login_failures WHERE username = ? "
                       "AND address = ?", (username.strip(), address)).fetchone()
    if row and row["blocked_until"] > clock_now:
        raise LoginThrottled(username, address, math.ceil(row["blocked_until"] - clock_now))


def delay(failures: int, attempts: int, base: float) -> float:
    """Seconds to wait after ``failures`` wrong passwords in a row (0 below ``attempts``)."""
    if failures < attempts:
        return 0.0
    return min(MAX_DELAY, base * 2 ** (failures - attempts))


def failed(conn: sqlite3.Connection, username: str, address: str, clock_now: float,
           attempts: int, base: float) -> int:
    """Count a wrong password; returns the failures in a row so far."""
    key = (username.strip(), address)
    with transaction(conn):
        row = conn.execute("SELECT failures FROM login_failures WHERE username = ? AND "
                           "address = ?", key).fetchone()
        failures = (row["failures"] if row else 0) + 1
        wait = delay(failures, attempts, base)
        conn.execute("INSERT INTO login_failures (username, address, failures, last_failure_at, "
                     "blocked_until) VALUES (?, ?, ?, ?, ?) ON CONFLICT (username, address) DO "
                     "UPDATE SET failures = excluded.failures, last_failure_at = "
                     "excluded.last_failure_at, blocked_until = excluded.blocked_until",
                     (*key, failures, clock_now, clock_now + wait if wait else 0))
    return failures


def succeeded(conn: sqlite3.Connection, username: str, address: str) -> None:
    """A right password: forget this account and address's failures."""
    conn.execute("DELETE FROM login_failures WHERE username = ? AND address = ?",
                 (username.strip(), address))
