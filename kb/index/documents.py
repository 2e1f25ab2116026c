"""Views of stored documents: the full record shown by ``kb show`` and the document page,
and index statistics."""

from __future__ import annotations


from collections import Counter
from pathlib import Path

#: Stored fields returned to users, in order.
PUBLIC_FIELDS = ("id", "path", "title", "kind", "number", "date", "format", "content_hash")


def document_view(searcher, ref: str) -> dict:
    """Metadata and clean text of the document with this id or path."""
    stored = searcher.document(ref)
    view = {key: (stored.get(key) or None) for key in PUBLIC_FIELDS}
    meta = stored.get("meta") or {}
    view.update({k: v for k, v in meta.items() if k != "extra" and view.get(k) is None})
    view["extra"] = meta.get("extra", {})
    view["text"] = stored.get("text", "")
    return view


def index_stats(searcher) -> dict:
    """Counts of documents by kind, format and year, and sizes."""
    kinds, formats, years = Counter(), Counter(), Counter()
    chars = 0
    for stored in searcher.all_documents():
        kinds[stored.get("kind") or "Khác"] += 1
        formats[stored.get("format") or "?"] += 1
        if stored.get("year"):
            years[stored["year"]] += 1
        chars += len(stored.get("text", ""))
    index_dir = Path(searcher.index_dir)
    size = sum(f.stat().st_size for f in index_dir.iterdir() if f.is_file())
    return {"index": str(index_dir.resolve()), "documents": searcher.doc_count,
            "text_chars": chars, "index_bytes": size, "kinds": dict(kinds.most_common()),
            "formats": dict(formats.most_common()), "years": dict(sorted(years.items(), reverse=True))}



