"""Party cell minutes: the /minutes page (cells, then one cell's meetings) and /api/minutes."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, render_template, request

from kb.errors import IndexError_
from kb.index.minutes_view import attendance_label, list_units, unit_timeline
from kb.web.params import clean_query
from kb.web.searchers import get_searcher

bp = Blueprint("minutes", __name__)


def _args() -> tuple[str, str]:
    """(unit, query) from the query string, without control characters."""
    limit = current_app.config["KB"]["max_query_chars"]
    return clean_query(request.args.get("unit"), limit), clean_query(request.args.get("q"), limit)


def _data(searcher, unit: str, q: str) -> dict:
    """What ``kb minutes --json`` prints: the cells when nothing is asked, else the meetings."""
    if not unit and not q:
        return {"units": list_units(searcher)}
    return unit_timeline(searcher, unit=unit, query=q)


@bp.get("/minutes")
def page():
    """Cells with their meeting counts and dates; or one cell's meetings, newest first."""
    unit, q = _args()
    context = {"unit": unit, "q": q, "data": None, "attendance_label": attendance_label}
    try:
        searcher = get_searcher()
    except IndexError_ as exc:  # no index yet, or an old one: say what to run
        return render_template("minutes.html", index_error=exc.reader_message(), **context), exc.status
    context["data"] = _data(searcher, unit, q)
    return render_template("minutes.html", **context)


@bp.get("/api/minutes")
def api():
    """``{"units": [...]}`` without parameters, else ``{"total", "meetings": [...]}``."""
    unit, q = _args()
    return jsonify(_data(get_searcher(), unit, q))
