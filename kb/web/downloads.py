"""Downloads of a document by its id: the original file and the clean (extracted) text.

Werkzeug's ``send_file`` writes the Content-Disposition: an ASCII ``filename`` and, for a
Vietnamese name, the RFC 5987 ``filename*=UTF-8''…`` that browsers prefer.
"""

from __future__ import annotations

import io
from pathlib import PurePath

from flask import Blueprint, send_file

from kb.ingest.document import file_name
from kb.web.files import original_file
from kb.web.searchers import get_searcher

bp = Blueprint("downloads", __name__)


@bp.get("/documents/<doc_id>/original")
def original(doc_id: str):
    """The bytes the document was ingested from, under its own name (404 when it is gone)."""
    found = original_file(get_searcher().document(doc_id))
    response = send_file(found.path, as_attachment=True, download_name=found.name,
                         mimetype=found.content_type.split(";")[0], conditional=True)
    response.headers["Content-Type"] = found.content_type  # send_file would claim utf-8
    return response


@bp.get("/documents/<doc_id>/text")
def text(doc_id: str):
    """The clean text kb extracted and searches, as UTF-8 plain text named after the file."""
    stored = get_searcher().document(doc_id)
    source = file_name(stored.get("path")).split("#")[0]  # a record: "bang.csv#12"
    name = (PurePath(source).stem or doc_id) + ".txt"
    body = io.BytesIO(stored.get("text", "").encode("utf-8"))
    return send_file(body, mimetype="text/plain", as_attachment=True, download_name=name)
