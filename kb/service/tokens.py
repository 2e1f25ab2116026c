"""API tokens for scripts (``Authorization: Bearer kb_...``): shown once, stored as SHA-256."""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from dataclasses import dataclass

from kb.errors import AccountError
from kb.service.db import now
from kb.service.users import User, get_user

PREFIX = "kb_"


@dataclass(frozen=True)
class Token:
    """A token as stored: never the token itself, only its first characters."""

    id: int
    user_id: int
    label: str
    prefix: str
    created_at: str
    last_used_at: str | None
    revoked_at: str | None


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _token(row) -> Token:
    return Token(row["id"], row["user_id"], row["label"], row["prefix"], row["created_at"],
                 row["last_used_at"], row["revoked_at"])


def create_token(conn: sqlite3.Connection, user: User, label: str = "") -> tuple[Token, str]:
    """A new token of ``user``: (its record, the token text, which is never stored)."""
    secret = PREFIX + secrets.token_urlsafe(32)
    cur = conn.execute("INSERT INTO api_tokens (user_id, label, token_hash, prefix, created_at) "
                       "VALUES (?, ?, ?, ?, ?)",
                       (user.id, label.strip()[:100], _hash(secret), secret[:10], now()))
    return get_token(conn, cur.lastrowid), secret


def get_token(conn: sqlite3.Connection, token_id: int) -> Token | None:
    """The token record with this id, or None."""
    row = conn.execute("SELECT * FROM api_tokens WHERE id = ?", (token_id,)).fetchone()
    return _token(row) if row else None


def list_tokens(conn: sqlite3.Connection, user: User | None = None) -> list[Token]:
    """The tokens of ``user`` (or of everyone), newest first."""
    if user is None:
        rows = conn.execute("SELECT * FROM api_tokens ORDER BY id DESC")
    else:
        rows = conn.execute("SELECT * FROM api_tokens WHERE user_id = ? ORDER BY id DESC",
                            (user.id,))
    return [_token(r) for r in rows]


def revoke_token(conn: sqlite3.Connection, token_id: int, owner: User | None = None) -> Token:
    """Revoke a token (of ``owner`` only, when given); it stops working at once."""
    token = get_token(conn, token_id)
    if token is None or (owner is not None and token.user_id != owner.id):
        raise AccountError(f"no token {token_id}", f"Không có mã truy cập số {token_id}.")
    conn.execute("UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?",
                 (now(), token_id))
    return get_token(conn, token_id)


def user_for_token(conn: sqlite3.Connection, secret: str) -> User | None:
    """The account a valid, unrevoked token belongs to, or None."""
    row = conn.execute("SELECT id, user_id FROM api_tokens WHERE token_hash = ? "
                       "AND revoked_at IS NULL", (_hash(secret.strip()),)).fetchone()
    if row is None:
        return None
    conn.execute("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", (now(), row["id"]))
    return get_user(conn, row["user_id"])
