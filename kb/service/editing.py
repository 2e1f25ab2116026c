"""Edit jobs: correct, hide or delete documents in the index, run by the index's one writer.

A request never writes the index itself: it records the editor's wish (kb.service.corrections,
the audit log) and queues an ``edit`` job, which the worker runs in its turn, or the request
runs at once when no worker is there (kb.service.worker.run_now_or_queue). The job re-indexes
the stored documents concerned through the overlay, the same step ingestion uses, so the index
and a later re-ingest agree.
"""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from kb.errors import ServiceError
from kb.index import store
from kb.service import corrections, jobs
from kb.service.db import connect_instance
from kb.service.overlay import Overlay, stored_document
from kb.service.registry import Registry, fingerprint

ACTIONS = ("correct", "saying", "delete")


def submit_edit(conn, action: str, user=None, **payload) -> jobs.Job:
    """Queue an edit job: ``correct`` (``ids``: documents to re-index with their corrections),
    ``saying`` (``saying``: the key of a corrected saying; every document quoting it) or
    ``delete`` (``id``)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown edit action {action!r}")
    return jobs.submit(conn, "edit", {"action": action, **payload}, user=user)


def _quoting(searcher, key: str) -> list[str]:
    """Ids of the documents that quote the saying with this key (shown or hidden)."""
    found = []
    for stored in searcher.all_stored_fields():
        meta = stored.get("meta") or {}
        if any(corrections.saying_id(s["text"]) == key
               for s in (meta.get("sayings") or []) + (meta.get("not_sayings") or [])):
            found.append(stored["id"])
    return found


def run_edit(job: jobs.Job, config) -> dict:
    """The runner of an edit job (only the holder of the writer lock calls it); its report:
    ``{"action", "updated": [ids], "removed": [ids]}``."""
    from kb.ingest.pipeline import document_fields

    action = job.payload.get("action")
    index_dir = Path(config["index"])
    ix = store.open_index(index_dir)
    updated, removed = [], []
    with closing(connect_instance(config)) as conn:
        registry = Registry(conn, index_dir)
        overlay = Overlay.load(conn)
        with store.writing(ix, index_dir) as writer:
            before = fingerprint(*writer.committed)
            with ix.searcher() as searcher:
                if action == "delete":
                    gone = searcher.document(id=job.payload["id"])
                    if gone is not None:
                        writer.delete_by_term("id", gone["id"])
                        corrections.retire(conn, gone["path"], gone["id"], "deleted")
                        removed.append(gone["id"])
                    ids = []
                elif action == "saying":
                    ids = _quoting(searcher, job.payload["saying"])
                elif action == "correct":
                    ids = list(job.payload.get("ids") or [])
                else:
                    raise ServiceError(f"unknown edit action {action!r}",
                                       f"Không hiểu việc sửa «{action}».")
                for doc_id in ids:
                    stored = searcher.document(id=doc_id)
                    if stored is None:  # deleted since: nothing to correct in the index
                        continue
                    doc = overlay.apply(stored_document(dict(stored)))
                    writer.update_document(**document_fields(doc))
                    updated.append(doc_id)
        if removed:
            conn.executemany("DELETE FROM documents WHERE id = ?", [(i,) for i in removed])
        # The registry's facts (ids, paths, hashes) of the other documents are unchanged.
        registry.advance(before, fingerprint(*writer.committed))
    return {"action": action, "updated": updated, "removed": removed}
