"""What the index already holds before an ingestion: from the document registry when it
matches the index, else read from the index itself (kb.service.registry says when)."""

from __future__ import annotations

from kb.ingest.registry import READERS_VERSION
from kb.service.registry import Entry, Registry, fingerprint


class Indexed(dict):
    """path → (id, content_hash) of every indexed document; ``records``: file → {record path:
    id}; ``scanned``: the registry entries read from the index (None: taken from the registry)."""

    def __init__(self):
        super().__init__()
        self.records: dict[str, dict[str, str]] = {}
        self.scanned: list[Entry] | None = None

    def add(self, entry: Entry) -> None:
        """Know one indexed document (its hash only when read by the current parsers)."""
        current = entry.readers_version == READERS_VERSION
        self[entry.path] = (entry.id, entry.content_hash if current else None)
        if entry.record_file:
            self.records.setdefault(entry.record_file, {})[entry.path] = entry.id


def indexed(ix, writer, registry: Registry | None) -> tuple[Indexed, dict[str, str]]:
    """(What the index holds and keeps, path → id of what a rebuild replaces), under the lock.

    A document read by older parsers has no hash: it is read again. Documents in the segments
    a rebuild replaces (kb.ingest.resume) go with them at the final commit.
    """
    if (registry is not None and not writer.replacing
            and registry.synced_with() == fingerprint(*writer.committed)):
        found = Indexed()
        for entry in registry.entries():
            found.add(entry)
        return found, {}
    return scan(ix, writer.replacing)


def scan(ix, replacing: set[str]) -> tuple[Indexed, dict[str, str]]:
    """:func:`indexed` read from the stored fields of every document of the index."""
    found, old = Indexed(), {}
    found.scanned = []
    with ix.reader() as reader:
        for leaf, _ in reader.leaf_readers():
            segment = leaf.segment()
            replaced = segment is not None and segment.segment_id() in replacing
            for _, f in leaf.iter_docs():
                if replaced:
                    old[f["path"]] = f["id"]
                    continue
                meta = f.get("meta") or {}
                entry = Entry(f["id"], f["path"], f["content_hash"],
                              (meta.get("extra") or {}).get("readers"),
                              (meta.get("record") or {}).get("file"))
                found.add(entry)
                found.scanned.append(entry)
    return found, old
