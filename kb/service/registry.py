"""The document registry: what the index holds, path by path, kept in the instance database.

Every ingestion needs the (id, content hash) of each indexed path to skip unchanged files. Read
from the index, that meant loading every stored document (texts included) at every run. The
registry keeps it in the ``documents`` table instead, with the index state it matches: the
generation and segments (id, deletions) of the commit that wrote it. Segment ids are random, so
that fingerprint names one commit of one index. An ingestion under the write lock compares it
with the index it is about to write: equal, the registry is used; different (a run killed after
a checkpoint, another writer such as ``kb doctor --repair``, a new or replaced index, an older
kb), the index is read as before and the registry is written anew from it at the end.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kb.ingest.document import Document
from kb.service.db import now, transaction


def fingerprint(generation: int, segments) -> str:
    """The identity of one committed state of an index: generation and (segment, deletions)."""
    parts = sorted(f"{s.segment_id()}/{s.deleted_count()}" for s in segments)
    return f"{generation}:{','.join(parts)}"


@dataclass(frozen=True)
class Entry:
    """One indexed document as the registry knows it."""

    id: str
    path: str
    content_hash: str | None
    readers_version: str | None
    record_file: str | None = None


def entry_of(doc: Document) -> Entry:
    """The registry entry of a document just indexed."""
    record = doc.meta.get("record") or {}
    return Entry(doc.id, doc.path, doc.content_hash, (doc.meta.get("extra") or {}).get("readers"),
                 record.get("file"))


class Registry:
    """The registry of the index in ``index_dir``, over an instance database connection."""

    def __init__(self, conn: sqlite3.Connection, index_dir: Path):
        self.conn = conn
        self.index_dir = str(Path(index_dir).resolve())

    def synced_with(self) -> str | None:
        """The fingerprint of the index state the registry matches (None: never synced)."""
        row = self.conn.execute("SELECT fingerprint FROM index_sync WHERE index_dir = ?",
                                (self.index_dir,)).fetchone()
        return row["fingerprint"] if row else None

    def entries(self) -> list[Entry]:
        """Every registered document."""
        rows = self.conn.execute("SELECT id, path, content_hash, readers_version, record_file "
                                 "FROM documents")
        return [Entry(*tuple(r)) for r in rows]

    def record(self, state: str, written: list[Entry], removed: list[str],
               scanned: list[Entry] | None = None) -> None:
        """After a commit that left the index in ``state``: register ``written`` documents,
        forget the ``removed`` paths, and, when the run read the index (``scanned``: what it
        held and kept), first make the registry exactly that."""
        stamp = now()
        with transaction(self.conn):
            if scanned is not None:
                self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS kept (path TEXT PRIMARY KEY)")
                self.conn.execute("DELETE FROM kept")
                self.conn.executemany("INSERT OR IGNORE INTO kept VALUES (?)",
                                      [(e.path,) for e in scanned])
                self.conn.execute("DELETE FROM documents WHERE path NOT IN (SELECT path FROM kept)")
                self._upsert(scanned, stamp)
            self.conn.executemany("DELETE FROM documents WHERE path = ?", [(p,) for p in removed])
            self._upsert(written, stamp)
            self.conn.execute("INSERT INTO index_sync (index_dir, fingerprint, synced_at) "
                              "VALUES (?, ?, ?) ON CONFLICT (index_dir) DO UPDATE SET "
                              "fingerprint = excluded.fingerprint, synced_at = excluded.synced_at",
                              (self.index_dir, state, stamp))

    def advance(self, before: str, after: str) -> None:
        """A commit that changed no registered fact (OCR text of known documents) moved the
        index from ``before`` to ``after``; followed only if the registry matched ``before``."""
        self.conn.execute("UPDATE index_sync SET fingerprint = ?, synced_at = ? WHERE "
                          "index_dir = ? AND fingerprint = ?",
                          (after, now(), self.index_dir, before))

    def _upsert(self, entries: list[Entry], stamp: str) -> None:
        # A path is one document: a row of that path under another id is an older record.
        self.conn.executemany("DELETE FROM documents WHERE path = ? AND id != ?",
                              [(e.path, e.id) for e in entries])
        self.conn.executemany(
            "INSERT INTO documents (id, path, original_name, stored_path, record_file, "
            "content_hash, readers_version, added_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "path = excluded.path, record_file = excluded.record_file, "
            "content_hash = excluded.content_hash, readers_version = excluded.readers_version, "
            "updated_at = excluded.updated_at",
            [(e.id, e.path, Path(e.record_file or e.path).name, e.record_file or e.path,
              e.record_file, e.content_hash, e.readers_version, stamp, stamp) for e in entries])
