"""The JSON API: /api/search, /api/facets, /api/suggest, /api/documents/<id> (and its
citations), /api/stats (same shapes as the CLI's --json); described at /api/openapi.json."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request, url_for

from kb.index.citations_view import citations_of
from kb.index.documents import citation_for, document_view, index_stats
from kb.index.suggest import suggest as suggest_for
from kb.web.files import shown_name
from kb.web.instance import get_db
from kb.web.params import form_dates, search_args, with_dates
from kb.web.searchers import get_searcher

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search():
    """Search results, exactly ``SearchResponse.to_dict()`` (as ``kb search --json``).

    ``facets=1`` adds the counts by kind, issuer, year, unit and sector; ``from``/``to`` (ISO
    dates) narrow as on the search page; odd parameters are clamped.
    """
    args = search_args(request.args, current_app.config["KB"])
    args["raw_query"] = with_dates(args["raw_query"], form_dates(request.args))
    facets = request.args.get("facets", "") in ("1", "true", "yes")
    found = get_searcher().search(**args, facets=facets).to_dict()
    db = get_db()
    for result in found["results"]:  # an upload's file in the store is named by its hash
        result["name"] = shown_name(db, result["id"], result["name"])
    return jsonify(found)


@bp.get("/facets")
def facets():
    """``{"query", "total", "facets", "partial"}``: the filter counts the search page shows."""
    args = search_args(request.args, current_app.config["KB"])
    args.update(raw_query=with_dates(args["raw_query"], form_dates(request.args)), limit=1)
    response = get_searcher().search(**args, facets=True, snippets=False)
    return jsonify({"query": response.query, "total": response.total, "facets": response.facets,
                    "partial": response.partial})


@bp.get("/suggest")
def suggest():
    """``{"query", "suggestions": [{"label", "query", "id"}]}`` for what is typed so far.

    Document numbers by prefix, then titles; odd input gives an empty list, not an error.
    """
    typed = request.args.get("q", "")
    return jsonify({"query": typed, "suggestions": suggest_for(get_searcher(), typed)})


@bp.get("/documents/<doc_id>")
def document(doc_id: str):
    """Metadata, citation line and clean text of one document, with the links to its page and
    downloads and the fields editors corrected (404 JSON when the id is unknown)."""
    from kb.web.editing import corrected_view

    view = document_view(get_searcher(), doc_id)
    view["name"] = shown_name(get_db(), view["id"], view["name"])
    view["links"] = document_links(view["id"])
    view["corrected"] = {f: {"value": c.value, "editor": c.editor, "at": c.at}
                         for f, c in corrected_view(view, get_db()).items()}
    return jsonify(view)


@bp.get("/documents/<doc_id>/citations")
def citations(doc_id: str):
    """``{"id", "citation", "cites": {"documents", "unresolved"}, "cited_by"}`` of one document."""
    searcher = get_searcher()
    stored = searcher.document(doc_id)  # 404 for an unknown id
    return jsonify({"id": stored["id"], "citation": citation_for(stored),
                    **citations_of(searcher, stored["id"])})


def document_links(doc_id: str) -> dict:
    """Where a reader finds the document: its page, its original file and its clean text."""
    return {"page": url_for("pages.document", doc_id=doc_id),
            "original": url_for("downloads.original", doc_id=doc_id),
            "text": url_for("downloads.text", doc_id=doc_id)}


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI 3.1 description of this API (kb.web.openapi)."""
    from kb.web.openapi import spec

    return jsonify(spec())


@bp.get("/stats")
def stats():
    """Counts of documents by kind, format and year."""
    return jsonify(index_stats(get_searcher()))

