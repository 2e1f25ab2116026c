"""The write endpoints of the JSON API, for editors (``Authorization: Bearer <token>``):
PATCH and DELETE /api/documents/<id>, POST /api/documents/<id>/sayings (a saying's sectors or
"not a saying"), POST /api/documents/<id>/file (a new file), GET /api/documents/<id>/history."""

from __future__ import annotations

from flask import Blueprint, current_app, g, jsonify, request, url_for

from kb.errors import CorrectionRefused, InvalidDocumentId
from kb.ingest.document import is_document_id
from kb.service import corrections, edits
from kb.web.access import require_role
from kb.web.editing import receive_replacement, stored_or_404
from kb.web.errors import error_response
from kb.web.instance import get_db
from kb.web.uploads import job_dict

bp = Blueprint("editing_api", __name__, url_prefix="/api")


def _body() -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise CorrectionRefused("body is not a JSON object",
                                "Nội dung yêu cầu phải là một đối tượng JSON, ví dụ "
                                '{"date": "2016-05-15"}.')
    return body


def _answer(doc_id: str, changes: dict, job, **more):
    """200 when the index already shows the change, 202 while its job waits for the worker,
    503 when the job failed (the correction is kept: the next ingestion of the file puts it in
    the index)."""
    if job is not None and job.status == "failed":
        return error_response(f"Đã lưu nhưng chưa cập nhật được chỉ mục: {job.error}", 503)
    body = {"ok": True, "id": doc_id,
            "changed": {f: {"old": old, "new": new} for f, (old, new) in changes.items()},
            **more, "job": job_dict(job) if job is not None else None}
    response = jsonify(body)
    response.status_code = 202 if job is not None and job.status != "done" else 200
    return response


def corrections_of(doc_id: str) -> dict:
    """The document's corrected fields: field → {value, editor, at}."""
    return {f: {"value": c.value, "editor": c.editor, "at": c.at}
            for f, c in corrections.latest(get_db(), doc_id).items()}


@bp.patch("/documents/<doc_id>")
@require_role("editor")
def correct(doc_id: str):
    """Correct fields: a JSON object of kind, number, issuer, date, title, signer (null or ""
    clears one; a date as 2016-05-15 or 15/05/2016). 400 with the reason, nothing changed."""
    stored = stored_or_404(doc_id)
    changes, job = edits.correct_document(get_db(), current_app.config["KB"], stored, _body(),
                                          user=g.user, address=request.remote_addr)
    return _answer(stored["id"], changes, job, corrections=corrections_of(stored["id"]))


@bp.delete("/documents/<doc_id>")
@require_role("editor")
def delete(doc_id: str):
    """Take the document out of the index and the registry (its version stays in the audit
    log, its file in the store)."""
    stored = stored_or_404(doc_id)
    job = edits.delete_document(get_db(), current_app.config["KB"], stored, user=g.user,
                                address=request.remote_addr)
    return _answer(stored["id"], {}, job)


@bp.post("/documents/<doc_id>/sayings")
@require_role("editor")
def correct_saying(doc_id: str):
    """``{"saying": key or text, "sectors": [...]}`` and/or ``{"not_saying": true}``."""
    stored = stored_or_404(doc_id)
    body = _body()
    key = str(body.get("saying") or "")
    known = {s["key"] for s in edits.document_sayings(stored, get_db())}
    if key not in known:  # the saying's text works as well as its key
        key = corrections.saying_id(key)
    not_saying = body.get("not_saying")
    if not_saying is not None and not isinstance(not_saying, bool):
        raise CorrectionRefused("not_saying is not a boolean",
                                "«not_saying» phải là true hoặc false.")
    changes, job = edits.correct_saying(get_db(), current_app.config["KB"], stored, key,
                                        sectors=body.get("sectors"), not_saying=not_saying,
                                        user=g.user, address=request.remote_addr)
    return _answer(stored["id"], changes, job, saying=key)


@bp.post("/documents/<doc_id>/file")
@require_role("editor")
def replace(doc_id: str):
    """Multipart field ``files`` (one file): 202 with the upload job that ingests it as the
    document's new file, under the same id."""
    stored = stored_or_404(doc_id)
    job = receive_replacement(stored)
    response = jsonify(job_dict(job))
    response.status_code = 202
    response.headers["Location"] = url_for("uploads.api_job", job_id=job.id)
    return response


@bp.get("/documents/<doc_id>/history")
@require_role("editor")
def history(doc_id: str):
    """``{"id", "corrections", "history": [{"at", "username", "action", "detail"}]}``."""
    if not is_document_id(doc_id):
        raise InvalidDocumentId(doc_id)
    entries = corrections.history(get_db(), doc_id)
    return jsonify({"id": doc_id, "corrections": corrections_of(doc_id),
                    "history": [{k: e[k] for k in ("at", "username", "action", "detail")}
                                for e in entries]})
