"""Choose the parser for a file by sniffing its content.

Built-in parsers are imported lazily; third-party parsers come through the ``kb.parsers``
entry-point group. Adding a format means adding one module and one line to ``BUILTIN``.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import Path

from kb.errors import ParseError, UnsupportedFormat
from kb.ingest.base import SNIFF_BYTES, Parser

#: "module:ClassName" of each built-in parser.
BUILTIN = (
    "kb.ingest.pdf:PdfParser",
    "kb.ingest.docx:DocxParser",
    "kb.ingest.html:HtmlParser",
    "kb.ingest.office:DocParser",
    "kb.ingest.office:XlsParser",
    "kb.ingest.office:XlsxParser",
    "kb.ingest.office:RtfParser",
    "kb.ingest.office:PptParser",
    "kb.ingest.records:RecordsParser",
    "kb.ingest.text:TextParser",
)

#: Bump when the built-in parsers read files differently (a new format, records instead of one
#: text). Every document keeps the version that read it (``extra["readers"]``); the next
#: ``kb ingest`` re-reads a file whose documents have another, even if its bytes are unchanged,
#: and replaces what the old parsers made of it.
READERS_VERSION = "1"


def _load(spec: str) -> Parser:
    module_name, _, class_name = spec.partition(":")
    return getattr(importlib.import_module(module_name), class_name)()


@lru_cache(maxsize=1)
def parsers() -> tuple[Parser, ...]:
    """All available parsers, built-ins first, then plug-ins."""
    found = [_load(spec) for spec in BUILTIN]
    for ep in entry_points(group="kb.parsers"):
        found.append(ep.load()())
    return tuple(found)


def choose_parser(path: Path) -> Parser:
    """The best parser for ``path``; raises UnsupportedFormat when none fits."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError as exc:
        raise ParseError(str(path), f"cannot read file: {exc.strerror or exc}",
                         f"không đọc được tệp: {exc.strerror or exc}") from exc
    if not head:
        raise ParseError(str(path), "empty file", "tệp rỗng")
    best, best_score = None, 0.0
    for parser in parsers():
        score = parser.score(path, head)
        if score > best_score:
            best, best_score = parser, score
    if best is None:
        raise UnsupportedFormat(str(path), "unsupported or unrecognised file format",
                                "định dạng tệp không được hỗ trợ hoặc không nhận ra")
    return best
