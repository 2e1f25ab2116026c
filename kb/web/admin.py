"""Account management for admins (/admin/users): add, change role, reset password, remove."""

from __future__ import annotations

from flask import Blueprint, g, render_template, request

from kb.errors import AccountError
from kb.service import audit, users
from kb.web.access import require_role
from kb.web.instance import get_db

bp = Blueprint("admin", __name__, url_prefix="/admin")


def _page(status: int = 200, **context):
    context.setdefault("message", None)
    context.setdefault("error", None)
    context.setdefault("one_time", None)
    return render_template("admin/users.html", accounts=users.list_users(get_db()),
                           roles=users.ROLES, labels=users.ROLE_LABELS, **context), status


def _target(user_id: int):
    user = users.get_user(get_db(), user_id)
    if user is None:
        raise AccountError(f"no user {user_id}", f"Không có tài khoản số {user_id}.")
    return user


@bp.get("/users")
@require_role("admin")
def list_users():
    """Every account with its role and last sign-in."""
    return _page()


@bp.post("/users")
@require_role("admin")
def add_user():
    """Create an account with a one-time password, shown once on the answer."""
    conn = get_db()
    password = users.one_time_password()
    try:
        user = users.add_user(conn, request.form.get("username", ""), password,
                              request.form.get("role", "reader"), must_change=True)
    except AccountError as exc:
        return _page(400, error=exc.user_message())
    audit.record(conn, "user.add", user=g.user, target=user.username, role=user.role,
                 address=request.remote_addr)
    return _page(message=f"Đã tạo tài khoản «{user.username}».",
                 one_time=(user.username, password))


@bp.post("/users/<int:user_id>/role")
@require_role("admin")
def set_role(user_id: int):
    """Give an account another role."""
    conn = get_db()
    try:
        user = users.set_role(conn, _target(user_id).username, request.form.get("role", ""))
    except AccountError as exc:
        return _page(400, error=exc.user_message())
    audit.record(conn, "user.role", user=g.user, target=user.username, role=user.role,
                 address=request.remote_addr)
    return _page(message=f"«{user.username}» giờ là {users.ROLE_LABELS[user.role]}.")


@bp.post("/users/<int:user_id>/password")
@require_role("admin")
def reset_password(user_id: int):
    """Replace an account's password by a one-time one (its sessions end)."""
    conn = get_db()
    password = users.one_time_password()
    try:
        user = users.set_password(conn, _target(user_id).username, password, must_change=True)
    except AccountError as exc:
        return _page(400, error=exc.user_message())
    audit.record(conn, "user.passwd", user=g.user, target=user.username,
                 address=request.remote_addr)
    return _page(message=f"Đã đặt lại mật khẩu của «{user.username}».",
                 one_time=(user.username, password))


@bp.post("/users/<int:user_id>/remove")
@require_role("admin")
def remove_user(user_id: int):
    """Delete an account and its tokens (never the last admin)."""
    conn = get_db()
    try:
        user = users.remove_user(conn, _target(user_id).username)
    except AccountError as exc:
        return _page(400, error=exc.user_message())
    audit.record(conn, "user.remove", user=g.user, target=user.username,
                 address=request.remote_addr)
    return _page(message=f"Đã xoá tài khoản «{user.username}».")
