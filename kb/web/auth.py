"""Sign-in, sign-out and the account page (password, API tokens), in Vietnamese."""

from __future__ import annotations

import time

from flask import (Blueprint, current_app, g, redirect, render_template, request, session,
                   url_for)

from kb.errors import AccountError, LoginThrottled
from kb.service import audit, throttle, tokens, users
from kb.web.instance import get_db

bp = Blueprint("auth", __name__)


def _clock() -> float:
    return current_app.config.get("KB_CLOCK", time.time)()


def _address() -> str:
    return request.remote_addr or "?"


def _safe_next(target: str | None) -> str | None:
    """A local path to go back to after signing in (never another site)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


@bp.route("/login", methods=["GET", "POST"])
def login():
    """The sign-in form; a wrong password counts towards the throttle of this account+address."""
    next_url = _safe_next(request.values.get("next"))
    if request.method == "GET":
        return render_template("auth/login.html", next=next_url, username="")
    username = request.form.get("username", "").strip()
    password = request.form.get("password", "")
    settings = current_app.config["KB"]
    conn = get_db()
    try:
        throttle.check(conn, username, _address(), _clock())
    except LoginThrottled as exc:
        response = current_app.make_response((render_template(
            "auth/login.html", next=next_url, username=username,
            error=exc.user_message()), 429))
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    user = users.authenticate(conn, username, password) if username else None
    if user is None:
        throttle.failed(conn, username, _address(), _clock(), settings["login_attempts"],
                        settings["login_delay_seconds"])
        audit.record(conn, "login.failed", target=username, address=_address())
        return render_template("auth/login.html", next=next_url, username=username,
                               error="Sai tên đăng nhập hoặc mật khẩu."), 401
    throttle.succeeded(conn, username, _address())
    audit.record(conn, "login", user=user, address=_address())
    session.clear()
    session["uid"], session["epoch"] = user.id, user.session_epoch
    if user.must_change_password:
        return redirect(url_for("auth.account"))
    return redirect(next_url or url_for("pages.search"))


@bp.post("/logout")
def logout():
    """End the session."""
    if g.user is not None:
        audit.record(get_db(), "logout", user=g.user, address=_address())
    session.clear()
    return redirect(url_for("pages.search"))


def _account_page(status: int = 200, **context):
    if g.user is None:
        return redirect(url_for("auth.login", next=url_for("auth.account")))
    context.setdefault("message", None)
    context.setdefault("error", None)
    return render_template("auth/account.html", user=g.user,
                           role_label=users.ROLE_LABELS[g.user.role],
                           tokens=tokens.list_tokens(get_db(), g.user),
                           new_token=context.pop("new_token", None), **context), status


@bp.get("/account")
def account():
    """The account page: role, password change, API tokens."""
    return _account_page()


@bp.post("/account/password")
def change_password():
    """Change one's own password (the current one is asked again)."""
    if g.user is None:
        return redirect(url_for("auth.login"))
    conn = get_db()
    current = request.form.get("current", "")
    new, again = request.form.get("new", ""), request.form.get("again", "")
    if users.authenticate(conn, g.user.username, current, sign_in=False) is None:
        return _account_page(400, error="Mật khẩu hiện tại không đúng.")
    if new != again:
        return _account_page(400, error="Hai lần nhập mật khẩu mới không giống nhau.")
    if new == current:
        return _account_page(400, error="Mật khẩu mới phải khác mật khẩu hiện tại.")
    try:
        user = users.set_password(conn, g.user.username, new)
    except AccountError as exc:
        return _account_page(400, error=exc.user_message())
    audit.record(conn, "user.passwd", user=user, target=user.username, address=_address())
    session["epoch"] = user.session_epoch  # this session goes on; the others end
    g.user = user
    return _account_page(message="Đã đổi mật khẩu.")


@bp.post("/account/tokens")
def create_token():
    """Create an API token; it is shown once, on the page this answers with."""
    if g.user is None:
        return redirect(url_for("auth.login"))
    conn = get_db()
    token, secret = tokens.create_token(conn, g.user, request.form.get("label", ""))
    audit.record(conn, "token.create", user=g.user, token=token.id, address=_address())
    return _account_page(new_token=secret, message=f"Đã tạo mã truy cập số {token.id}.")


@bp.post("/account/tokens/<int:token_id>/revoke")
def revoke_token(token_id: int):
    """Revoke one of one's own tokens."""
    if g.user is None:
        return redirect(url_for("auth.login"))
    conn = get_db()
    try:
        tokens.revoke_token(conn, token_id, owner=g.user)
    except AccountError as exc:
        return _account_page(404, error=exc.user_message())
    audit.record(conn, "token.revoke", user=g.user, token=token_id, address=_address())
    return _account_page(message=f"Đã thu hồi mã truy cập số {token_id}.")
