"""Hồ Chí Minh's sayings quoted in the indexed documents: the /sayings page, /api/sayings and
/api/sayings/sectors."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, render_template, request

from kb.errors import IndexError_
from kb.index.sayings_view import (cited_work, collect_sayings, copy_text, known_sector, page_of,
                                   sector_counts)
from kb.web.pages import page_numbers
from kb.web.params import MAX_PAGE, clamp_int, clean_query
from kb.web.searchers import get_searcher

bp = Blueprint("sayings", __name__)


def _args() -> tuple[str, str]:
    """(sector, query) from the query string, without control characters."""
    limit = current_app.config["KB"]["max_query_chars"]
    return clean_query(request.args.get("sector"), limit), clean_query(request.args.get("q"), limit)


def _paging() -> tuple[int, int]:
    """(page, per_page) from the query string, clamped like the search page's."""
    config = current_app.config["KB"]
    return (clamp_int(request.args.get("page"), 1, 1, MAX_PAGE),
            clamp_int(request.args.get("per_page"), config["page_size"], 1, config["max_page_size"]))


@bp.get("/sayings")
def page():
    """Sayings by sector (facets with counts), a search box, sources and a copy control each."""
    sector, q = _args()
    context = {"sector": sector, "q": q, "sectors": {}, "data": None, "copy_text": copy_text,
               "cited_work": cited_work}
    try:
        searcher = get_searcher()
    except IndexError_ as exc:  # no index yet, or an old one: say what to run
        return render_template("sayings.html", index_error=exc.reader_message(), **context), exc.status
    data = page_of(collect_sayings(searcher, sector=sector, query=q), *_paging())
    context.update(data=data, pages=page_numbers(data["page"], data["pages"]),
                   first=(data["page"] - 1) * data["per_page"] + 1,
                   # A page size other than the default is kept by the pager's links.
                   per_page_arg=(data["per_page"] if data["per_page"] != current_app.config["KB"]["page_size"]
                                 else None),
                   sectors=sector_counts(searcher, query=q),
                   sector_name=known_sector(sector) if sector else None)
    return render_template("sayings.html", **context)


@bp.get("/api/sayings")
def api():
    """``{"total", "page", "per_page", "pages", "sayings": [...]}``: one page of ``kb sayings --json``."""
    sector, q = _args()
    return jsonify(page_of(collect_sayings(get_searcher(), sector=sector, query=q), *_paging()))


@bp.get("/api/sayings/sectors")
def api_sectors():
    """``{"query", "sectors": {name: count}}``: the sector list of the /sayings page."""
    _, q = _args()
    return jsonify({"query": q, "sectors": sector_counts(get_searcher(), query=q)})
