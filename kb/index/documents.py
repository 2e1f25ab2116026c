"""Views of stored documents: the full record shown by ``kb show`` and the document page
(with its citations, sections and related documents), and index statistics."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from kb.index.citation_line import citation_line
from kb.index.citations_view import citations_of
from kb.index.related import related_documents
from kb.index.statecache import per_index_state
from kb.ingest.document import file_name

#: Stored fields returned to users, in order ("name" is the file's name, "path" where it is).
PUBLIC_FIELDS = ("id", "name", "path", "title", "kind", "number", "date", "format", "content_hash")


def document_view(searcher, doc_id: str, paths: bool = False) -> dict:
    """Metadata and clean text of the document with this id.

    ``paths`` adds where the file is on the server (``kb show``); readers see its name only.
    """
    stored = searcher.document(doc_id)
    stored["name"] = file_name(stored.get("path"))
    view = {key: (stored.get(key) or None) for key in PUBLIC_FIELDS if paths or key != "path"}
    meta = stored.get("meta") or {}
    view.update({k: v for k, v in meta.items() if k != "extra" and view.get(k) is None})
    if not paths and isinstance(view.get("record"), dict):
        # A record of a table or JSON file: readers see its key, not where the file is.
        view["record"] = {"key": view["record"].get("key")}
    view["extra"] = meta.get("extra", {})
    view["citation"] = citation_line(view)
    view["text"] = stored.get("text", "")
    view["sections"] = meta.get("sections") or []
    view.update(citations_of(searcher, stored["id"]))
    view["related"] = related_documents(searcher, stored["id"], view["text"])
    return view


def citation_for(stored: dict) -> str:
    """The citation line of a stored document, without building its whole view."""
    facts = dict(stored.get("meta") or {})
    facts.update({k: stored[k] for k in ("title", "kind", "number", "date") if stored.get(k)})
    facts["name"] = file_name(stored.get("path"))
    return citation_line(facts)


def text_blocks(text: str, sections: list[dict] | None) -> list[dict]:
    """The text cut at every section heading, in reading order.

    Sections nest (a Chương holds its Điều), so each block runs from one heading to the next
    heading of any level: ``{"anchor", "heading", "level", "line", "text"}`` where ``line`` is
    the heading as printed (all its lines, up to ``head_end``) and ``text`` the rest; the text
    before the first heading has no anchor and no line.
    """
    starts = sorted({s["start"]: s for s in sections or [] if 0 <= s["start"] < len(text)}.items())
    bounds = [(0, None)] + starts
    blocks = []
    for i, (start, section) in enumerate(bounds):
        end = bounds[i + 1][0] if i + 1 < len(bounds) else len(text)
        chunk = text[start:end]
        if section is None:
            if chunk.strip():
                blocks.append({"anchor": None, "heading": None, "level": None, "line": None,
                               "text": chunk})
            continue
        # A heading wrapped over lines is printed whole; older indexes know only its first line.
        cut = chunk.find("\n", min(max(section.get("head_end", start) - start, 0), len(chunk)))
        line, rest = (chunk, "") if cut < 0 else (chunk[:cut], chunk[cut + 1:])
        blocks.append({"anchor": section["anchor"], "heading": section["heading"],
                       "level": section["level"], "line": " ".join(line.split()), "text": rest})
    return blocks


def index_stats(searcher, paths: bool = False) -> dict:
    """Counts of documents by kind, format and year, and sizes (``paths``: the index folder)."""
    index_dir = Path(searcher.index_dir)
    found = {"index": str(index_dir.resolve())} if paths else {}
    # Counting reads every stored document (a quarter of a second on 700): once per state.
    return {**found, **per_index_state(searcher, "stats", lambda: _counts(searcher))}


def _counts(searcher) -> dict:
    kinds, formats, years = Counter(), Counter(), Counter()
    chars = 0
    for stored in searcher.all_documents():
        kinds[stored.get("kind") or "Khác"] += 1
        formats[stored.get("format") or "?"] += 1
        if stored.get("year"):
            years[stored["year"]] += 1
        chars += len(stored.get("text", ""))
    size = sum(f.stat().st_size for f in Path(searcher.index_dir).iterdir() if f.is_file())
    return {"documents": searcher.doc_count,
            "text_chars": chars, "index_bytes": size, "kinds": dict(kinds.most_common()),
            "formats": dict(formats.most_common()), "years": dict(sorted(years.items(), reverse=True))}
