"""The parser contract: what every format parser provides and returns.

A parser says how well it fits a file (``score``, from the file's first bytes and its name) and
turns the file into a :class:`ParsedDocument`, or, for a file holding many records (a .jsonl of
quotations, a table with a header row), into :class:`ParsedRecords`: one ParsedDocument per
record, each with its ``key``, and the records that could not be read. Parsers raise :class:`kb.errors.ParseError` with
the path and a reason when a file cannot be read; anything else they raise is a bug, which the
ingestion pipeline still reports per file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Protocol, runtime_checkable

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
    key: str | None = None
    """For one record of a file of records: its key (its id field, else its 1-based position);
    the document is stored as ``<file path>#<key>``."""
    date: str | None = None
    """A date the file declares (ISO ``YYYY-MM-DD``, or a year), preferred to one read from the text."""
    meta: dict[str, Any] = field(default_factory=dict)
    """Facts the file declares, stored with the document: a record's ``fields``, its ``author``
    and ``work``, and a ``quotation`` ({"text", "author", "work", "year"}) when it is one."""


class RecordFailure(NamedTuple):
    """A record of a file that could not be read, while the file's other records were."""

    reason: str
    """What went wrong and where in the file ("line 7: invalid JSON ..."), in English, for logs."""
    user_reason: str
    """The same in Vietnamese, for people ("dòng 7: JSON không hợp lệ ...")."""


@dataclass
class ParsedRecords:
    """What a parser extracts from a file of records: one ParsedDocument per record."""

    records: list[ParsedDocument]
    failures: list[RecordFailure] = field(default_factory=list)


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

    def parse(self, path: Path, limits: dict[str, Any]) -> ParsedDocument | ParsedRecords:
        """Read the file. ``limits`` is the configuration (max_text_chars, max_unzipped_mb...)."""
        ...
