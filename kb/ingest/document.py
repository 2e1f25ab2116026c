"""The ingested document: what the index stores about one file, or one record of a file."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

#: What a document id can look like: kb's own are 12 hex digits, a BEIR corpus brings its own
#: (letters, digits, "_", ".", ":", "-"). Anything else cannot name a document.
_DOCUMENT_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z_.:-]{0,127}")


def document_id(path: Path) -> str:
    """A stable id derived from the absolute path (survives edits of the file)."""
    return hashlib.sha1(str(Path(path).resolve()).encode("utf-8")).hexdigest()[:12]


def record_id(path: Path, key: str) -> str:
    """The id of record ``key`` of the file at ``path``: derived from ``<absolute path>#<key>``."""
    return hashlib.sha1(f"{Path(path).resolve()}#{key}".encode("utf-8")).hexdigest()[:12]
def is_document_id(text: str) -> bool:
    """True when ``text`` has the shape of a document id (see _DOCUMENT_ID)."""
    return isinstance(text, str) and _DOCUMENT_ID.fullmatch(text) is not None


def file_name(path: str | None) -> str:
    """The name of a stored source path, as readers see it (the server's folders left out)."""
    return PurePath(path).name if path else ""


def content_hash(path: Path) -> str:
    """SHA-256 of the file's bytes, read in chunks: tells changed files from unchanged ones."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class Document:
    """One ingested file: identity, metadata and clean text."""

    id: str
    path: str
    content_hash: str
    title: str
    text: str
    format: str
    kind: str | None = None
    date: str | None = None
    number: str | None = None
    size: int = 0
    mtime: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)
    index_extra: str = ""
    """Text searched but not shown as the body (photo captions)."""
