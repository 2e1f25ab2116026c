"""What an editor asks for, from the web or the API: correct a document's fields or a saying,
delete a document, replace its file. Each records who and when (corrections, audit log) and
queues the edit or upload job that brings the index along (kb.service.editing)."""

from __future__ import annotations

import json
from pathlib import Path

from kb.errors import CorrectionRefused
from kb.service import audit, corrections, jobs
from kb.service.editing import submit_edit
from kb.service.registry import original_of
from kb.service.worker import run_now_or_queue


def current_values(stored: dict, conn) -> dict[str, str | None]:
    """The fields an editor corrects as readers now see them: the index's values, with the
    corrections an edit job has not yet put there."""
    meta = stored.get("meta") or {}
    values = {"kind": stored.get("kind") or None, "number": meta.get("number") or None,
              "issuer": meta.get("issuer") or None, "date": stored.get("date") or None,
              "title": stored.get("title") or None, "signer": meta.get("signer") or None}
    values.update({f: c.value for f, c in corrections.latest(conn, stored["id"]).items()
                   if f in values})
    return values


def check_fields(wanted: dict) -> dict[str, str | None]:
    """The typed values checked field by field; raises CorrectionRefused naming every field
    in error (nothing is kept then)."""
    cleaned, errors = {}, []
    for field, raw in wanted.items():
        try:
            cleaned[field] = corrections.clean_value(field, raw)
        except CorrectionRefused as exc:
            errors.append(exc.user_message())
    if errors:
        raise CorrectionRefused("; ".join(errors), " ".join(errors))
    return cleaned


def correct_document(conn, config, stored: dict, wanted: dict, user=None,
                     address: str | None = None) -> tuple[dict, jobs.Job | None]:
    """Correct the fields ``wanted`` ({field: typed value}) of a stored document; returns the
    changes ({field: (old, new)}) and the job re-indexing it (None: nothing changed)."""
    cleaned = check_fields(wanted)
    current = current_values(stored, conn)
    changes = {f: (current[f], v) for f, v in cleaned.items() if v != current[f]}
    if not changes:
        return {}, None
    corrections.record(conn, stored["id"], changes, user=user, address=address)
    job = submit_edit(conn, "correct", user=user, ids=[stored["id"]])
    return changes, run_now_or_queue(conn, job, config)


def document_sayings(stored: dict, conn) -> list[dict]:
    """The sayings a stored document quotes, each with its key, its sectors and whether it
    is marked as no saying, as an editor now sees them (corrections not yet indexed too)."""
    meta = stored.get("meta") or {}
    fixed = corrections.sayings(conn)
    found = []
    for saying in (meta.get("sayings") or []) + (meta.get("not_sayings") or []):
        key = corrections.saying_id(saying["text"])
        done = fixed.get(key, {})
        sectors = saying.get("sectors") or []
        if "sectors" in done:
            sectors = corrections.sector_list(done["sectors"])
        hidden = done.get("not_saying", "1" if saying in (meta.get("not_sayings") or []) else "0")
        found.append({"key": key, "text": saying["text"], "sectors": sectors,
                      "not_saying": hidden == "1"})
    return found


def clean_sectors(raw) -> list[str]:
    """Sectors picked (a list) or typed (one name, or names separated by ";") in the
    lexicon's spelling; raises CorrectionRefused for a sector kb does not know."""
    from kb.index.sayings_view import known_sector
    from kb.understand.sayings import load_sectors

    if isinstance(raw, list):
        names = raw
    else:  # "dân tộc, tôn giáo" is one sector: commas do not separate
        names = [str(raw or "")] if known_sector(str(raw or "")) else str(raw or "").split(";")
    found = []
    for name in (str(n).strip() for n in names):
        if not name:
            continue
        known = known_sector(name)
        if known is None:
            raise CorrectionRefused(f"unknown sector {name!r}",
                                    f"Không có ngành, lĩnh vực «{name}». Các ngành: "
                                    f"{', '.join(load_sectors())}.")
        found.append(known)
    if not found:
        raise CorrectionRefused("no sector", "Hãy chọn ít nhất một ngành, lĩnh vực.")
    return list(dict.fromkeys(found))


def correct_saying(conn, config, stored: dict, key: str, sectors=None,
                   not_saying: bool | None = None, user=None,
                   address: str | None = None) -> tuple[dict, jobs.Job | None]:
    """Change the sectors of the saying ``key`` quoted in a stored document, or mark it as no
    saying of his (``not_saying``; False takes the mark back): in every document quoting it."""
    saying = next((s for s in document_sayings(stored, conn) if s["key"] == key), None)
    if saying is None:
        raise CorrectionRefused(f"no saying {key} in {stored['id']}",
                                "Tài liệu này không trích lời Bác đó (hãy tải lại trang).")
    changes = {}
    if sectors is not None:
        new = clean_sectors(sectors)
        if new != saying["sectors"]:
            changes["sectors"] = (json.dumps(saying["sectors"], ensure_ascii=False),
                                  json.dumps(new, ensure_ascii=False))
    if not_saying is not None and bool(not_saying) != saying["not_saying"]:
        changes["not_saying"] = ("1" if saying["not_saying"] else "0",
                                 "1" if not_saying else "0")
    if not changes:
        return {}, None
    corrections.record(conn, stored["id"], changes, user=user, address=address, saying=key,
                       target=f"document {stored['id']}")
    job = submit_edit(conn, "saying", user=user, saying=key)
    return changes, run_now_or_queue(conn, job, config)


def version_of(stored: dict, conn) -> dict:
    """What the audit log keeps of a document's version before it is deleted or replaced:
    its metadata and where its file is (the file stays in the file store)."""
    meta = stored.get("meta") or {}
    original = original_of(conn, stored["id"])
    return {"title": stored.get("title"), "kind": stored.get("kind"), "number": meta.get("number"),
            "issuer": meta.get("issuer"), "date": stored.get("date"),
            "signer": meta.get("signer"), "format": stored.get("format"),
            "content_hash": stored.get("content_hash"), "path": stored.get("path"),
            "original_name": original[0] if original else Path(stored.get("path") or "").name,
            "stored_path": original[1] if original else stored.get("path")}


def delete_document(conn, config, stored: dict, user=None,
                    address: str | None = None) -> jobs.Job:
    """Take a document out of the index and the registry; the audit log keeps its version."""
    audit.record(conn, "document.delete", user=user, target=f"document {stored['id']}",
                 address=address, version=version_of(stored, conn))
    job = submit_edit(conn, "delete", user=user, id=stored["id"])
    return run_now_or_queue(conn, job, config)


def replace_document(conn, stored: dict, new, user=None, address: str | None = None) -> jobs.Job:
    """Queue the ingestion of ``new`` (a file just kept in the store) as the document's new
    file: it keeps the document's id; the audit log keeps the old version."""
    corrections.pin(conn, str(Path(new.path).resolve()), stored["id"])
    files = [{"name": new.name, "sha256": new.sha256, "stored": str(new.path), "size": new.size}]
    job = jobs.submit(conn, "upload", {"files": files, "replaces": stored["id"],
                                       "replaced_path": stored.get("path")}, user=user)
    audit.record(conn, "document.replace", user=user, target=f"document {stored['id']}",
                 address=address, job=job.id, new_name=new.name, new_sha256=new.sha256,
                 version=version_of(stored, conn))
    return job
