"""CSV export of a search: the results of the search page, with its filters, for Excel.

UTF-8 with a byte-order mark (without it Excel reads Vietnamese as Windows-1252 mojibake), one
row per document in the order the search page shows them, at most ``max_export_rows``.
"""

from __future__ import annotations

import csv
import io

from flask import Blueprint, current_app, request, send_file, url_for

from kb.index.citations_view import citation_graph
from kb.web.filters import vn_date
from kb.web.params import form_dates, search_args, with_dates
from kb.web.searchers import get_searcher

bp = Blueprint("export", __name__)

#: Column titles, in order: kind, number, issuer, date, title, link.
COLUMNS = ("Loại văn bản", "Số, ký hiệu", "Cơ quan ban hành", "Ngày", "Tiêu đề", "Liên kết")
#: A cell starting with one of these is a formula to a spreadsheet: an ingested title must not
#: run anything on the reader's computer.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_rows(searcher, raw_query: str, sort: str, exact: bool, max_rows: int) -> list[dict]:
    """The first ``max_rows`` results of a search as cards (id, kind, number, issuer, date, title)."""
    if not raw_query or max_rows < 1:
        return []
    cards = citation_graph(searcher).cards
    page_size = searcher.config["max_page_size"]
    rows: list[dict] = []
    page = 1
    while len(rows) < max_rows:
        response = searcher.search(raw_query, limit=page_size, page=page, sort=sort,
                                   snippets=False, exact=exact)
        for result in response.results:
            card = cards.get(result.id) or {"id": result.id, "title": result.title,
                                            "kind": result.kind, "date": result.date}
            rows.append(card)
        if len(response.results) < response.page_size or page * page_size >= response.total:
            break
        page += 1
    return rows[:max_rows]


def _cell(value) -> str:
    text = " ".join(str(value or "").split())
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(rows: list[dict]) -> bytes:
    """The rows as CSV bytes in UTF-8 with BOM; the link column holds each document's page."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(row.get("kind")), _cell(row.get("number")), _cell(row.get("issuer")),
                         vn_date(row.get("date")), _cell(row.get("title")),
                         url_for("pages.document", doc_id=row["id"], _external=True)])
    return out.getvalue().encode("utf-8-sig")


@bp.get("/search.csv")
def search_csv():
    """The current search (query, sort, dates, as on the search page) as a CSV file."""
    config = current_app.config["KB"]
    args = search_args(request.args, config)
    rows = export_rows(get_searcher(), with_dates(args["raw_query"], form_dates(request.args)),
                       args["sort"], args["exact"], config["max_export_rows"])
    return send_file(io.BytesIO(to_csv(rows)), mimetype="text/csv", as_attachment=True,
                     download_name="ket-qua-tim-kiem.csv")
