"""Who is asking, and what they may do: one hook for every request, one decorator for roles.

A request is signed in by its session cookie (pages) or by ``Authorization: Bearer <token>``
(scripts). Forms are checked for their CSRF token unless the request carries a bearer token
(a token is not sent by the browser on its own, so it cannot be forged across sites). Reading is
open to anonymous visitors when ``public_read`` is on; roles go reader < editor < admin.
"""

from __future__ import annotations

import functools

from flask import current_app, g, redirect, request, session, url_for
from flask_wtf.csrf import CSRFProtect

from kb.errors import AuthenticationRequired, Forbidden
from kb.service import tokens, users
from kb.web.errors import wants_json
from kb.web.instance import get_db

csrf = CSRFProtect()
#: Endpoints reachable without an account even when reading is closed.
OPEN_ENDPOINTS = {"auth.login", "static"}
#: Endpoints an account that must change its password may still reach.
PASSWORD_ENDPOINTS = {"auth.account", "auth.change_password", "auth.logout", "static"}


def _bearer() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def _session_user():
    uid = session.get("uid")
    if uid is None:
        return None
    user = users.get_user(get_db(), uid)
    if user is None or user.session_epoch != session.get("epoch"):
        session.clear()  # account gone or password changed since: that session ends
        return None
    return user


def load_user():
    """Before each request: set ``g.user`` and ``g.via_token``, check CSRF and reading access."""
    secret = _bearer()
    g.via_token = secret is not None
    if secret is not None:
        g.user = tokens.user_for_token(get_db(), secret)
        if g.user is None:
            raise AuthenticationRequired("invalid or revoked API token",
                                         "Mã truy cập API không hợp lệ hoặc đã bị thu hồi.")
    else:
        g.user = _session_user()
        # A forged or missing token: 400, before the view changes anything. An API call with
        # neither session nor token carries no one's authority to forge: it gets its 401.
        if (request.method not in ("GET", "HEAD", "OPTIONS") and request.routing_exception is None
                and not (g.user is None and wants_json())):
            csrf.protect()
    endpoint = request.endpoint or ""
    if g.user is None:
        if not current_app.config["KB"]["public_read"] and endpoint not in OPEN_ENDPOINTS:
            return _sign_in_first()
    elif g.user.must_change_password and not g.via_token and endpoint not in PASSWORD_ENDPOINTS:
        return redirect(url_for("auth.account"))
    return None


def _sign_in_first():
    if wants_json():
        raise AuthenticationRequired("sign-in required",
                                     "Cần đăng nhập hoặc mã truy cập API (Authorization: Bearer).")
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def require_role(role: str):
    """Decorator: the view runs only for an account whose role includes ``role``."""
    users.check_role(role)

    def decorate(view):
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            user = g.get("user")
            if user is None:
                if not wants_json() and request.method == "GET":
                    return _sign_in_first()
                raise AuthenticationRequired("sign-in required",
                                             "Cần đăng nhập để làm việc này.")
            if not user.can(role):
                raise Forbidden(f"{user.username} is {user.role}, needs {role}",
                                f"Tài khoản «{user.username}» ({users.ROLE_LABELS[user.role]}) "
                                f"không được làm việc này; cần vai trò "
                                f"{users.ROLE_LABELS[role]}.")
            return view(*args, **kwargs)

        return wrapped

    return decorate


def init_app(app) -> None:
    """Set up CSRF protection (checked in :func:`load_user`) and the per-request hook."""
    app.config.setdefault("WTF_CSRF_CHECK_DEFAULT", False)
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)  # bound to the session instead
    csrf.init_app(app)
    app.before_request(load_user)
