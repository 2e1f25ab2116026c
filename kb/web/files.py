"""Where the bytes of a document's original file are: the one place downloads ask.

Today the original is the file the document was ingested from (its stored ``path``; for a
record of a table or JSON file, that file). A content-addressed store can take its place here
without touching the routes: they only call :func:`original_file`.
"""

from __future__ import annotations

import codecs
import mimetypes
from dataclasses import dataclass
from pathlib import Path, PurePath

from kb.errors import OriginalFileMissing

#: Content types by suffix for the formats kb reads (the system's table may lack some).
CONTENT_TYPES = {
    ".txt": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown",
    ".html": "text/html", ".htm": "text/html", ".pdf": "application/pdf",
    ".doc": "application/msword", ".rtf": "application/rtf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".json": "application/json", ".jsonl": "application/jsonl", ".csv": "text/csv",
    ".tsv": "text/tab-separated-values",
}


@dataclass(frozen=True)
class Original:
    """An original file ready to send: where it is (server side only) and how to offer it."""

    path: Path
    name: str
    content_type: str


def _source(doc: dict) -> str:
    record = (doc.get("meta") or {}).get("record")
    if isinstance(record, dict) and record.get("file"):
        return str(record["file"])  # a record is downloaded as the whole file it came from
    return str(doc.get("path") or "")


def content_type(name: str, encoding: str | None = None) -> str:
    """The Content-Type of a file called ``name``; text types name the encoding it was read in."""
    suffix = PurePath(name).suffix.lower()
    mimetype = CONTENT_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
    if mimetype.startswith("text/") and encoding:
        try:
            charset = codecs.lookup(encoding).name
        except LookupError:  # a legacy font encoding (TCVN3, VNI): no charset to announce
            return mimetype
        return f"{mimetype}; charset={'utf-8' if charset == 'utf-8-sig' else charset}"
    return mimetype


def original_file(doc: dict) -> Original:
    """The original file of ``doc`` (stored fields, as ``Searcher.document`` gives them).

    Raises OriginalFileMissing when the file is gone; nothing of the request is ever a path.
    """
    source = _source(doc)
    path = Path(source) if source else None
    if path is None or not path.is_file():
        raise OriginalFileMissing(doc.get("id", ""), source)
    encoding = ((doc.get("meta") or {}).get("extra") or {}).get("encoding")
    return Original(path=path, name=path.name, content_type=content_type(path.name, encoding))
