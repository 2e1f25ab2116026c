"""The pages people see: the search page (/) and the document page (/documents/<id>)."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request, url_for

from kb.errors import IndexError_
from kb.index.documents import document_view, text_blocks
from kb.index.facets import FACET_FILTERS, filter_value
from kb.web.files import shown_name
from kb.web.instance import get_db
from kb.web.params import clean_query, form_dates, search_args, with_dates
from kb.web.searchers import get_searcher

bp = Blueprint("pages", __name__)

#: Example queries offered on the empty search page (with and without diacritics).
EXAMPLES = ("chỉ thị 05", "phụng công thủ pháp", "nghi quyet trung uong 4",
            '"cải cách hành chính"', "chuyển đổi số year:2024", "hội nghị kind:biên-bản")
SORT_LABELS = (("relevance", "Liên quan"), ("newest", "Mới nhất"), ("oldest", "Cũ nhất"))
FACET_LABELS = {"kind": "Loại văn bản", "issuer": "Cơ quan ban hành", "year": "Năm",
                "unit": "Chi bộ", "sectors": "Ngành, lĩnh vực"}


@bp.get("/")
def search():
    """Search box, results with snippets, paging and sorting; index facts when empty."""
    config = current_app.config["KB"]
    args = search_args(request.args, config)
    args["limit"] = config["page_size"]
    dates = form_dates(request.args)
    typed = args["raw_query"]
    args["raw_query"] = with_dates(typed, dates)
    context = {"q": typed, "sort": args["sort"], "sorts": SORT_LABELS, "dates": dates,
               "examples": EXAMPLES, "response": None, "doc_count": None,
               "export_max": config["max_export_rows"]}
    try:
        searcher = get_searcher()
    except IndexError_ as exc:  # no index yet, or an old one: say what to run
        return render_template("search.html", index_error=exc.reader_message(), **context), exc.status
    if args["raw_query"]:
        response = searcher.search(**args, facets=True)
        context.update(response=response, facet_groups=facet_links(response, typed, args["sort"],
                                                                   dates),
                       pages=page_numbers(response.page, response.pages),
                       first=(response.page - 1) * response.page_size + 1)
    else:
        context["doc_count"] = searcher.doc_count
    return render_template("search.html", **context)


@bp.get("/documents/<doc_id>")
def document(doc_id: str):
    """Metadata table and full clean text of one document (corrected fields marked; for
    editors, the editing links, its sayings and its history)."""
    from kb.web.editing import page_extras

    view = document_view(get_searcher(), doc_id)
    view["name"] = shown_name(get_db(), view["id"], view["name"])
    back = clean_query(request.args.get("q"), current_app.config["KB"]["max_query_chars"])
    return render_template("document.html", doc=view, q=back, **page_extras(view),
                           blocks=text_blocks(view["text"], view.get("sections")))


def facet_links(response, typed: str, sort: str, dates: dict) -> list[dict]:
    """Facets as groups of links, each adding its filter (e.g. ``year:2024``) to the query."""
    groups = []
    lowered = typed.lower()
    for name, values in response.facets.items():
        prefix = FACET_FILTERS[name]
        if len(values) < 2 and f"{prefix}:" in lowered:
            continue  # already narrowed to this value
        links = [{"value": v["value"], "count": v["count"],
                  "href": url_for("pages.search", q=f"{typed} {prefix}:{filter_value(v['value'])}",
                                  sort=sort, **dates)} for v in values]
        groups.append({"name": name, "label": FACET_LABELS.get(name, name), "links": links})
    return groups


def page_numbers(page: int, pages: int, around: int = 2) -> list[int | None]:
    """Page links to show: first, last and ``around`` each side of ``page``; None is a gap."""
    wanted = {1, pages, *range(page - around, page + around + 1)}
    shown: list[int | None] = []
    for n in sorted(p for p in wanted if 1 <= p <= pages):
        if shown and shown[-1] is not None and n > shown[-1] + 1:
            shown.append(None)
        shown.append(n)
    return shown
