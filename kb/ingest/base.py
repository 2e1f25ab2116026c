"""The parser contract: what every format parser provides and returns.

A parser says how well it fits a file (``score``, from the file's first bytes and its name) and
turns the file into a :class:`ParsedDocument`. Parsers raise :class:`kb.errors.ParseError` with
the path and a reason when a file cannot be read; anything else they raise is a bug, which the
ingestion pipeline still reports per file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from kb.errors import ParseError

#: How many leading bytes of a file are handed to ``Parser.score`` for sniffing.
SNIFF_BYTES = 8192


def read_file(path: Path) -> bytes:
    """The bytes of ``path``; an unreadable file is a ParseError naming it."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ParseError(str(path), f"cannot read file: {exc.strerror or exc}",
                         f"không đọc được tệp: {exc.strerror or exc}") from exc


@dataclass
class ParsedDocument:
    """What a parser extracts from one file, before analysis."""

    text: str
    """The document's text: NFC, paragraphs separated by blank lines or newlines."""
    title: str | None = None
    """A title the file itself declares (HTML <title>/<h1>, DOCX core title), if any."""
    format: str = "text"
    """Short name of the format that was read: text, html, docx, pdf, ..."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Format-specific facts worth keeping (encoding, pages, tables, ocr_pages...)."""


@runtime_checkable
class Parser(Protocol):
    """What a format parser provides."""

    name: str
    """Short format name, also written to ``ParsedDocument.format``."""

    def score(self, path: Path, head: bytes) -> float:
        """How well this parser fits the file: 0 for not at all, up to 1.0 for certain.

        ``head`` holds the first :data:`SNIFF_BYTES` bytes. Content decides; the extension
        only breaks ties (a PDF renamed to .txt is still read as a PDF).
        """
        ...

    def parse(self, path: Path, limits: dict[str, Any]) -> ParsedDocument:
        """Read the file. ``limits`` is the configuration (max_text_chars, max_unzipped_mb...)."""
        ...
