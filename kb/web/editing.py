"""Editing from the web for editors: correct a document's fields (/documents/<id>/edit) or its
sayings, delete it, replace its file; and what the document page shows of it (corrected
fields, history). The JSON twins under /api are in kb.web.editing_api."""

from __future__ import annotations

from flask import (Blueprint, current_app, flash, g, redirect, render_template, request,
                   url_for)

from kb.config import instance_path
from kb.errors import CorrectionRefused, ServiceError
from kb.index.citation_line import citation_line
from kb.service import corrections, edits
from kb.service.uploads import accept
from kb.web.access import require_role
from kb.web.instance import get_db
from kb.web.searchers import get_searcher

bp = Blueprint("editing", __name__)

#: What the audit log and the history call each action.
ACTION_LABELS = {"document.correct": "sửa thông tin", "saying.correct": "sửa lời Bác",
                 "document.delete": "xoá tài liệu", "document.replace": "thay tệp",
                 "upload": "tải lên", "document.add": "đưa vào kho", "login": "đăng nhập", "login.failed": "đăng nhập sai",
                 "logout": "đăng xuất", "user.add": "thêm tài khoản",
                 "user.role": "đổi vai trò", "user.passwd": "đổi mật khẩu",
                 "user.remove": "xoá tài khoản", "token.create": "tạo mã API",
                 "token.revoke": "thu hồi mã API"}
SAYING_FIELD_LABELS = {"sectors": "ngành, lĩnh vực", "not_saying": "không phải lời Bác"}


@bp.app_template_filter("change_value")
def change_value(value: str | None, field: str) -> str:
    """A value of the audit log as people read it: sectors listed, the mark said in words."""
    if value is None:
        return "—"
    if field == "sectors":
        return "; ".join(corrections.sector_list(value)) or "—"
    if field == "not_saying":
        return "có" if value == "1" else "không"
    return value


def stored_or_404(doc_id: str) -> dict:
    """The stored document (DocumentNotFound, a 404, when the id is unknown)."""
    return get_searcher().document(doc_id)


def corrected_view(view: dict, conn) -> dict[str, corrections.Correction]:
    """Put on a document view the corrections the index may not hold yet; returns them."""
    found = corrections.latest(conn, view["id"])
    for field, correction in found.items():
        if field in corrections.FIELDS:
            view[field] = correction.value
    if found:
        view["citation"] = citation_line(view)
    return found


def page_extras(view: dict) -> dict:
    """What the document page adds for editing: corrected fields for everyone; for editors,
    the sayings to correct and the document's history."""
    conn = get_db()
    context = {"corrected": corrected_view(view, conn), "can_edit": False, "history": [],
               "sayings": [], "sector_names": [], "action_labels": ACTION_LABELS,
               "field_labels": {**corrections.FIELDS, **SAYING_FIELD_LABELS}}
    user = g.get("user")
    if user is not None and user.can("editor"):
        from kb.understand.sayings import load_sectors

        stored = get_searcher().document(view["id"])
        context.update(can_edit=True, history=corrections.history(conn, view["id"]),
                       sayings=edits.document_sayings(stored, conn),
                       sector_names=list(load_sectors()))
    return context


def _address() -> str | None:
    return request.remote_addr


def saved_message(what: str, job) -> str:
    """The notice after a change: saved, and whether the index already shows it."""
    if job is None or job.status == "done":
        return f"Đã lưu: {what}."
    if job.status == "failed":
        return f"Đã lưu: {what}, nhưng chưa cập nhật được chỉ mục: {job.error}"
    return (f"Đã lưu: {what}. Chỉ mục sẽ được cập nhật khi bộ nạp chạy tới tác vụ số "
            f"{job.id}.")


def _form(doc: dict, values: dict, error: str | None = None, status: int = 200):
    return render_template("edit.html", doc=doc, values=values, error=error,
                           labels=corrections.FIELDS), status


@bp.get("/documents/<doc_id>/edit")
@require_role("editor")
def edit(doc_id: str):
    """The form of the fields an editor corrects, filled with their current values."""
    stored = stored_or_404(doc_id)
    return _form(stored, edits.current_values(stored, get_db()))


@bp.post("/documents/<doc_id>/edit")
@require_role("editor")
def save(doc_id: str):
    """Keep the corrections and re-index the document; the form again, with the reason,
    when a value is wrong (nothing is kept then)."""
    stored = stored_or_404(doc_id)
    wanted = {f: request.form.get(f, "") for f in corrections.FIELDS if f in request.form}
    conn = get_db()
    try:
        changes, job = edits.correct_document(conn, current_app.config["KB"], stored, wanted,
                                              user=g.user, address=_address())
    except CorrectionRefused as exc:
        return _form(stored, {**edits.current_values(stored, conn), **wanted},
                     exc.user_message(), 400)
    if changes:
        flash(saved_message(", ".join(corrections.FIELDS[f].lower() for f in changes), job))
    else:
        flash("Không có gì thay đổi.")
    return redirect(url_for("pages.document", doc_id=stored["id"]), 303)


@bp.post("/documents/<doc_id>/sayings")
@require_role("editor")
def save_saying(doc_id: str):
    """Change a saying's sectors (``action=sectors``), mark it as no saying of his
    (``action=not_saying``) or take the mark back (``action=restore``)."""
    stored = stored_or_404(doc_id)
    action = request.form.get("action", "")
    sectors = request.form.getlist("sectors") if action == "sectors" else None
    mark = {"not_saying": True, "restore": False}.get(action)
    back = redirect(url_for("pages.document", doc_id=stored["id"], _anchor="loi-bac"), 303)
    if sectors is None and mark is None:
        flash("Yêu cầu sửa lời Bác không hợp lệ.")
        return back
    try:
        changes, job = edits.correct_saying(get_db(), current_app.config["KB"], stored,
                                            request.form.get("saying", ""), sectors=sectors,
                                            not_saying=mark, user=g.user, address=_address())
    except CorrectionRefused as exc:
        flash(exc.user_message())
        return back
    flash(saved_message(", ".join(SAYING_FIELD_LABELS[f] for f in changes), job)
          if changes else "Không có gì thay đổi.")
    return back


@bp.get("/documents/<doc_id>/delete")
@require_role("editor")
def confirm_delete(doc_id: str):
    """Ask once more before deleting."""
    return render_template("delete.html", doc=stored_or_404(doc_id))


@bp.post("/documents/<doc_id>/delete")
@require_role("editor")
def delete(doc_id: str):
    """Take the document out of the index (its version stays in the audit log)."""
    stored = stored_or_404(doc_id)
    job = edits.delete_document(get_db(), current_app.config["KB"], stored, user=g.user,
                                address=_address())
    title = stored.get("title") or stored["id"]
    if job.status == "done":
        flash(f"Đã xoá tài liệu «{title}» khỏi chỉ mục; bản cũ được giữ trong nhật ký.")
    else:
        flash(saved_message(f"yêu cầu xoá tài liệu «{title}»", job))
    return redirect(url_for("pages.search"), 303)


@bp.get("/documents/<doc_id>/replace")
@require_role("editor")
def replace_form(doc_id: str):
    """The form to upload a new file in place of the document's."""
    return render_template("replace.html", doc=stored_or_404(doc_id), error=None)


def receive_replacement(stored: dict):
    """Keep the request's one file and queue it as the document's new file."""
    config = current_app.config["KB"]
    incoming = [(f.filename or "", f.stream) for f in request.files.getlist("files")
                if f.filename]
    if len(incoming) != 1 or incoming[0][0].lower().endswith(".zip"):
        raise CorrectionRefused("replace needs one file",
                                "Hãy chọn đúng một tệp (không phải tệp .zip) để thay tệp cũ.")
    new = accept(instance_path(config), incoming, config)[0]
    return edits.replace_document(get_db(), stored, new, user=g.user, address=_address())


@bp.post("/documents/<doc_id>/replace")
@require_role("editor")
def replace(doc_id: str):
    """Queue the new file; its job page follows the ingestion."""
    stored = stored_or_404(doc_id)
    try:
        job = receive_replacement(stored)
    except ServiceError as exc:
        return render_template("replace.html", doc=stored, error=exc.user_message()), exc.status
    return redirect(url_for("uploads.job_page", job_id=job.id), 303)


@bp.get("/audit")
@require_role("admin")
def audit_page():
    """The audit log, newest first: who, when, what, on which document or account."""
    from kb.service import audit

    entries = audit.entries(get_db(), limit=500)
    for entry in entries:
        target = entry.get("target") or ""
        entry["doc_id"] = target.split(" ", 1)[1] if target.startswith("document ") else None
    return render_template("audit.html", entries=entries, labels=ACTION_LABELS,
                           field_labels={**corrections.FIELDS, **SAYING_FIELD_LABELS})
