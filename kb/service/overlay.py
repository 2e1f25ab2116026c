"""The one place where editors' corrections override what the readers extracted.

Every document on its way into the index passes :meth:`Overlay.apply` (the ingestion pipeline,
its OCR phase, and the edit jobs that re-index a stored document), so a correction survives any
re-ingest of the same file: it is keyed by the document's id, and a saying's by its own key.
The overlay also names an uploaded document without a title by its original name (not by the
hash its file is stored under), and gives a replacing file the id of the document it replaces.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from kb.ingest.document import Document
from kb.service import corrections


@dataclass
class Overlay:
    """Corrections, pinned ids and original names, read once per ingestion run."""

    fields: dict[str, dict] = field(default_factory=dict)
    sayings: dict[str, dict] = field(default_factory=dict)
    pins: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    retired: set[str] = field(default_factory=set)
    #: Retired paths this run ingested on purpose (named on their own): to be forgotten.
    revived: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, conn: sqlite3.Connection, names: dict[str, str] | None = None) -> "Overlay":
        """The overlay of the instance database; ``names``: stored path → original name of
        files being uploaded (the registry knows those of files uploaded before)."""
        known = {r["stored_path"]: r["original_name"] for r in conn.execute(
            "SELECT stored_path, original_name FROM documents")}
        return cls(corrections.all_fields(conn), corrections.sayings(conn),
                   corrections.pins(conn), {**known, **(names or {})}, corrections.retired(conn))

    def keeps(self, doc: Document, in_folder: bool) -> bool:
        """False for a document an editor deleted or replaced, met again in a folder; one
        named on its own (an upload, ``kb ingest FILE``) is kept and no longer retired."""
        if doc.path not in self.retired:
            return True
        if in_folder:
            return False
        self.revived.add(doc.path)
        return True

    def apply(self, doc: Document) -> Document:
        """Put the corrections on ``doc`` (in place; also returned)."""
        source = (doc.meta.get("record") or {}).get("file") or doc.path
        if doc.path in self.pins:
            doc.id = self.pins[doc.path]
        name = self.names.get(source)
        if name and doc.title == Path(source).stem and Path(name).name != Path(source).name:
            doc.title = PurePath(name.replace("\\", "/")).stem
        for key, value in self.fields.get(doc.id, {}).items():
            if key in corrections.META_FIELDS:
                doc.meta[key] = value
            elif key in corrections.FIELDS:
                setattr(doc, key, value)
        if self.sayings and (doc.meta.get("sayings") or doc.meta.get("not_sayings")):
            self._sayings(doc)
        return doc

    def _sayings(self, doc: Document) -> None:
        kept, dropped = [], []
        for saying in (doc.meta.get("sayings") or []) + (doc.meta.get("not_sayings") or []):
            fixed = self.sayings.get(corrections.saying_id(saying["text"]), {})
            if "sectors" in fixed:
                saying["sectors"] = corrections.sector_list(fixed["sectors"])
            (dropped if fixed.get("not_saying") == "1" else kept).append(saying)
        doc.meta["sayings"] = kept
        if dropped:
            doc.meta["not_sayings"] = dropped
        else:
            doc.meta.pop("not_sayings", None)


def stored_document(stored: dict) -> Document:
    """The Document an index entry was written from (the edit jobs re-index it corrected)."""
    meta = dict(stored.get("meta") or {})
    number = meta.pop("number", None)
    extra = ""
    if "captions" in meta:  # a press article: its source and captions are searched too
        extra = "\n".join([meta.get("source") or ""]
                          + [c.get("text", "") for c in meta.get("captions") or []])
    return Document(id=stored["id"], path=stored.get("path") or "",
                    content_hash=stored.get("content_hash") or "", title=stored.get("title") or "",
                    text=stored.get("text") or "", format=stored.get("format") or "",
                    kind=stored.get("kind") or None, date=stored.get("date") or None,
                    number=number, size=stored.get("size") or 0, mtime=stored.get("mtime") or 0.0,
                    meta=meta, index_extra=extra)

