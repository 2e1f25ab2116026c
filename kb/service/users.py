"""Accounts: admin, editor, reader; passwords hashed with werkzeug's scrypt, never kept in clear."""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass

from werkzeug.security import check_password_hash, generate_password_hash

from kb.errors import AccountError
from kb.service.db import now, transaction

#: Roles from least to most: each may do what the ones before it may.
ROLES = ("reader", "editor", "admin")
ROLE_LABELS = {"reader": "người đọc", "editor": "biên tập viên", "admin": "quản trị viên"}
MIN_PASSWORD_CHARS = 10
#: A hash to check wrong user names against, so they take as long as wrong passwords.
_DUMMY_HASH = generate_password_hash("kb-no-such-user")


@dataclass(frozen=True)
class User:
    """One account as stored (without its password hash)."""

    id: int
    username: str
    role: str
    must_change_password: bool
    session_epoch: int
    created_at: str
    last_login_at: str | None

    def can(self, role: str) -> bool:
        """True when this account's role includes ``role``."""
        return ROLES.index(self.role) >= ROLES.index(role)


def _user(row) -> User:
    return User(row["id"], row["username"], row["role"], bool(row["must_change_password"]),
                row["session_epoch"], row["created_at"], row["last_login_at"])


def one_time_password() -> str:
    """A random password to hand over once (the account must change it at first login)."""
    return secrets.token_urlsafe(12)


def check_role(role: str) -> str:
    """``role`` when it is one of ROLES."""
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}",
                           f"Vai trò «{role}» không có. Các vai trò: {', '.join(ROLES)}.")
    return role


def check_password_strength(password: str) -> None:
    """Refuse passwords too short to resist guessing."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError("password too short",
                           f"Mật khẩu phải có ít nhất {MIN_PASSWORD_CHARS} ký tự.")


def add_user(conn: sqlite3.Connection, username: str, password: str, role: str,
             must_change: bool = False) -> User:
    """Create an account; the name must be new (any case) and the password long enough."""
    username = username.strip()
    if not username or len(username) > 64 or any(c.isspace() for c in username):
        raise AccountError(f"bad user name {username!r}",
                           "Tên đăng nhập phải có từ 1 đến 64 ký tự, không có khoảng trắng.")
    check_role(role)
    check_password_strength(password)
    try:
        with transaction(conn):
            cur = conn.execute(
                "INSERT INTO users (username, password_hash, role, must_change_password, "
                "created_at) VALUES (?, ?, ?, ?, ?)",
                (username, generate_password_hash(password), role, int(must_change), now()))
    except sqlite3.IntegrityError as exc:
        raise AccountError(f"user {username!r} exists",
                           f"Tài khoản «{username}» đã có.") from exc
    return get_user(conn, cur.lastrowid)


def get_user(conn: sqlite3.Connection, user_id: int) -> User | None:
    """The account with this id, or None."""
    row = conn.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()
    return _user(row) if row else None


def find_user(conn: sqlite3.Connection, username: str) -> User:
    """The account with this name (any case); AccountError when there is none."""
    row = conn.execute("SELECT * FROM users WHERE username = ?", (username.strip(),)).fetchone()
    if row is None:
        raise AccountError(f"no user {username!r}", f"Không có tài khoản «{username}».")
    return _user(row)


def list_users(conn: sqlite3.Connection) -> list[User]:
    """Every account, by name."""
    return [_user(r) for r in conn.execute("SELECT * FROM users ORDER BY username")]


def count_users(conn: sqlite3.Connection) -> int:
    """How many accounts there are."""
    return conn.execute("SELECT count(*) FROM users").fetchone()[0]


def authenticate(conn: sqlite3.Connection, username: str, password: str,
                 sign_in: bool = True) -> User | None:
    """The account when the password is right, else None (same work for unknown names);
    ``sign_in`` records the time as its last sign-in."""
    row = conn.execute("SELECT * FROM users WHERE username = ?", (username.strip(),)).fetchone()
    if row is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(row["password_hash"], password):
        return None
    if sign_in:
        conn.execute("UPDATE users SET last_login_at = ? WHERE id = ?", (now(), row["id"]))
    return _user(row)


def set_password(conn: sqlite3.Connection, username: str, password: str,
                 must_change: bool = False) -> User:
    """Give an account a new password; its open sessions end."""
    user = find_user(conn, username)
    check_password_strength(password)
    conn.execute("UPDATE users SET password_hash = ?, must_change_password = ?, "
                 "session_epoch = session_epoch + 1 WHERE id = ?",
                 (generate_password_hash(password), int(must_change), user.id))
    return get_user(conn, user.id)


def remove_user(conn: sqlite3.Connection, username: str) -> User:
    """Delete an account and its tokens; the last admin cannot be removed."""
    user = find_user(conn, username)
    with transaction(conn):
        if user.role == "admin":
            admins = conn.execute("SELECT count(*) FROM users WHERE role = 'admin'").fetchone()[0]
            if admins <= 1:
                raise AccountError("cannot remove the last admin",
                                   f"Không thể xoá «{user.username}»: đây là quản trị viên "
                                   "duy nhất. Hãy tạo một quản trị viên khác trước.")
        conn.execute("DELETE FROM users WHERE id = ?", (user.id,))
    return user


def ensure_first_admin(conn: sqlite3.Connection, username: str = "admin") -> str | None:
    """On an instance without accounts, create ``username`` as admin with a one-time password
    and return that password (to be shown once); None when accounts exist."""
    with transaction(conn):
        if count_users(conn):
            return None
        password = one_time_password()
        conn.execute(
            "INSERT INTO users (username, password_hash, role, must_change_password, created_at) "
            "VALUES (?, ?, 'admin', 1, ?)", (username, generate_password_hash(password), now()))
    return password


def set_role(conn: sqlite3.Connection, username: str, role: str) -> User:
    """Change an account's role; the last admin keeps theirs."""
    user = find_user(conn, username)
    check_role(role)
    with transaction(conn):
        if user.role == "admin" and role != "admin":
            admins = conn.execute("SELECT count(*) FROM users WHERE role = 'admin'").fetchone()[0]
            if admins <= 1:
                raise AccountError("cannot demote the last admin",
                                   f"«{user.username}» là quản trị viên duy nhất nên phải giữ "
                                   "vai trò này. Hãy tạo một quản trị viên khác trước.")
        conn.execute("UPDATE users SET role = ? WHERE id = ?", (role, user.id))
    return get_user(conn, user.id)
