"""Uploads and jobs for editors: /upload (many files or a .zip; POST /api/uploads with a token),
/jobs and /jobs/<id> (live through /api/jobs/<id>), /api/jobs."""

from __future__ import annotations

from pathlib import PurePath

from flask import (Blueprint, abort, current_app, g, jsonify, redirect, render_template, request,
                   url_for)

from kb.config import instance_path
from kb.errors import KbError, ServiceError
from kb.service import jobs
from kb.service.uploads import accept, submit_upload
from kb.web.access import require_role
from kb.web.instance import get_db
from kb.web.searchers import get_searcher

bp = Blueprint("uploads", __name__)

STATUS_LABELS = {"queued": "đang chờ", "running": "đang xử lý", "done": "xong",
                 "failed": "thất bại", "cancelled": "đã huỷ"}
KIND_LABELS = {"upload": "tải lên", "ingest": "kb ingest", "watch": "theo dõi thư mục",
               "rebuild": "tạo lại chỉ mục", "edit": "sửa tài liệu"}
OUTCOME_LABELS = {"added": "đã thêm", "updated": "đã cập nhật", "unchanged": "không đổi",
                  "failed": "lỗi"}


def _receive():
    """Store the request's files and queue their job (refusals raise before anything is kept)."""
    config = current_app.config["KB"]
    incoming = [(f.filename or "", f.stream) for f in request.files.getlist("files")
                if f.filename]
    stored = accept(instance_path(config), incoming, config)
    return submit_upload(get_db(), stored, user=g.user, address=request.remote_addr)


@bp.get("/upload")
@require_role("editor")
def upload_page():
    """The upload form: a file picker for many files (or a .zip), with drag and drop."""
    return _upload_form()


def _upload_form(error: str | None = None, status: int = 200):
    config = current_app.config["KB"]
    return render_template("upload.html", error=error, max_mb=config["upload_max_mb"],
                           max_files=config["upload_max_files"]), status


@bp.post("/upload")
@require_role("editor")
def upload():
    """Keep the files, queue them, and show their job."""
    try:
        job = _receive()
    except ServiceError as exc:
        return _upload_form(exc.user_message(), exc.status)
    return redirect(url_for("uploads.job_page", job_id=job.id), 303)


@bp.post("/api/uploads")
@require_role("editor")
def api_upload():
    """Multipart field ``files`` (repeated; a .zip is expanded): 202 with the queued job."""
    job = _receive()
    response = jsonify(job_dict(job))
    response.status_code = 202
    response.headers["Location"] = url_for("uploads.api_job", job_id=job.id)
    return response


def _job_or_404(job_id: int) -> jobs.Job:
    try:
        return jobs.get(get_db(), job_id)
    except ServiceError:
        abort(404)


@bp.get("/jobs")
@require_role("editor")
def jobs_page():
    """The latest jobs with their state; each links to its live page."""
    return render_template("jobs.html", jobs=[job_dict(j) for j in jobs.recent(get_db())],
                           labels=STATUS_LABELS, kinds=KIND_LABELS)


@bp.get("/jobs/<int:job_id>")
@require_role("editor")
def job_page(job_id: int):
    """One job: its files, done or failed with the reason (an edit job: the documents it
    re-indexed or removed); refreshes itself while it runs."""
    job = _job_or_404(job_id)
    report = (job.report or {}) if job.kind == "edit" else {}  # others' lists are paths
    edited = {"updated": report.get("updated") or [], "removed": report.get("removed") or [],
              "replaces": job.payload.get("replaces")}
    return render_template("job.html", job=job_dict(job), labels=STATUS_LABELS,
                           kinds=KIND_LABELS, outcomes=OUTCOME_LABELS, edited=edited)


@bp.get("/api/jobs")
@require_role("editor")
def api_jobs():
    """``{"jobs": [...]}``: the latest jobs, newest first."""
    return jsonify({"jobs": [job_dict(j) for j in jobs.recent(get_db())]})


@bp.get("/api/jobs/<int:job_id>")
@require_role("editor")
def api_job(job_id: int):
    """One job with its progress and files (what /jobs/<id> polls)."""
    return jsonify(job_dict(_job_or_404(job_id)))


def _outcomes(job: jobs.Job, report: dict) -> list[dict]:
    if report.get("files") is not None:
        return report["files"]
    if "failed" not in report:
        return []
    failed = dict((p, r) for p, r in report["failed"])
    rows = [{"name": PurePath(p).name, "status": key, "reason": None, "ocr_pages_skipped": 0}
            for key in ("added", "updated", "unchanged") for p in report.get(key, [])]
    return rows + [{"name": PurePath(p).name, "status": "failed", "reason": r,
                    "ocr_pages_skipped": 0} for p, r in failed.items()]


def _documents(ids: list[str]) -> list[dict]:
    """The documents a file became, with their titles and pages; those gone since are left out."""
    if not ids:
        return []
    try:
        searcher = get_searcher()
    except KbError:  # no index yet, or one being rebuilt: no links rather than an error page
        return []
    found = []
    for doc_id in ids:
        try:
            stored = searcher.document(doc_id)
        except KbError:
            continue
        found.append({"id": doc_id, "title": stored.get("title") or None,
                      "url": url_for("pages.document", doc_id=doc_id)})
    return found


def job_dict(job: jobs.Job) -> dict:
    """A job as the API gives it: state, counts of files done and failed (with reasons in
    Vietnamese), OCR pages left unread; server paths never appear."""
    report = job.report or {}
    files = [{**f, "documents": _documents(f.get("documents") or [])}
             for f in _outcomes(job, report)]
    total = len(job.payload.get("files") or []) or report.get("files_total") or len(files)
    if job.status == "running":
        done = report.get("files_seen", 0)
        failed = 0
    else:
        done = sum(1 for f in files if f["status"] != "failed")
        failed = sum(1 for f in files if f["status"] == "failed")
    pending = sum(len(pages) for _, pages in report.get("ocr_skipped", []))
    return {"id": job.id, "kind": job.kind, "status": job.status,
            "finished": job.status in jobs.FINISHED, "created_at": job.created_at,
            "started_at": job.started_at, "finished_at": job.finished_at, "error": job.error,
            "files_total": total, "files_done": done, "files_failed": failed,
            "ocr_pages_skipped": pending, "files": files,
            "links": {"page": url_for("uploads.job_page", job_id=job.id),
                      "api": url_for("uploads.api_job", job_id=job.id)}}
