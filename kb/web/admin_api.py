"""The JSON twins of the account pages: GET /api/account (one's own role and API tokens, any
signed-in account), GET /api/audit (the audit log) and GET /api/users (the accounts), for an
admin's session or API token (``Authorization: Bearer``)."""

from __future__ import annotations

from flask import Blueprint, g, jsonify, request

from kb.service import audit, tokens, users
from kb.web.access import require_role
from kb.web.instance import get_db

bp = Blueprint("admin_api", __name__, url_prefix="/api")

#: Most audit entries one answer holds (the page shows as many).
AUDIT_LIMIT = 500


@bp.get("/audit")
@require_role("admin")
def audit_log():
    """``{"entries": [{"at", "username", "action", "target", "detail"}]}``, newest first."""
    try:
        limit = max(1, min(int(request.args.get("limit", AUDIT_LIMIT)), AUDIT_LIMIT))
    except ValueError:
        limit = AUDIT_LIMIT
    return jsonify({"entries": [{k: e[k] for k in ("at", "username", "action", "target", "detail")}
                                for e in audit.entries(get_db(), limit=limit)]})


@bp.get("/users")
@require_role("admin")
def accounts():
    """``{"users": [{"username", "role", "created_at", "last_login_at"}]}``, by name."""
    return jsonify({"users": [{"username": u.username, "role": u.role,
                               "created_at": u.created_at, "last_login_at": u.last_login_at}
                              for u in users.list_users(get_db())]})


@bp.get("/account")
@require_role("reader")
def own_account():
    """``{"username", "role", "tokens": [{"id", "label", "prefix", "created_at", "last_used_at",
    "revoked_at"}]}``: what /account shows (never a token's secret)."""
    return jsonify({"username": g.user.username, "role": g.user.role,
                    "tokens": [{"id": t.id, "label": t.label, "prefix": t.prefix,
                                "created_at": t.created_at, "last_used_at": t.last_used_at,
                                "revoked_at": t.revoked_at}
                               for t in tokens.list_tokens(get_db(), g.user)]})
