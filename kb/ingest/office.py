"""Parsers for legacy Office formats: .doc, .xls, .ppt (OLE2), .rtf and .xlsx.

Tools were chosen by measurement on viparse-corpus (METRIC.md, see benchmarks/legacy_accuracy.py):
.doc is read by our own piece-table reader (:mod:`kb.ingest.word97`; diacritic accuracy 0.992
against 0.938 for catdoc and 0.976 for LibreOffice, which is also ~4x slower), falling back to
catdoc for Word 6/95 files; .rtf by striprtf (1.000, catdoc 0.940); .xls by xlrd (0.997,
xls2csv 0.935); .ppt by catppt. Every parser keeps 8-bit text as raw code points and runs
:func:`kb.ingest.legacy.fix_legacy` on its output, recording ``extra["legacy_encoding"]``.
"""

from __future__ import annotations

import subprocess
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

from kb.errors import ParseError
from kb.ingest.base import ParsedDocument, ParsedRecords
from kb.ingest.legacy import fix_legacy
from kb.ingest.records import table_records
from kb.ingest.word97 import Word97Error, word97_text

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole_kind(path: Path) -> str | None:
    """"doc", "xls" or "ppt" for an OLE2 file, told apart by its streams; None otherwise."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            if ole.exists("WordDocument"):
                return "doc"
            if ole.exists("Workbook") or ole.exists("Book"):
                return "xls"
            if ole.exists("PowerPoint Document"):
                return "ppt"
    except (OSError, ValueError):  # olefile raises OSError subclasses on corrupt files
        return None
    return None


def _finish(path: Path, text: str, fmt: str, limits: dict[str, Any],
            extra: dict[str, Any] | None = None) -> ParsedDocument:
    """Convert legacy encodings, normalise to NFC, apply max_text_chars, wrap it up."""
    text, encoding = fix_legacy(text)
    text = unicodedata.normalize("NFC", text)
    extra = dict(extra or {})
    extra["legacy_encoding"] = encoding
    limit = int(limits.get("max_text_chars") or 0)
    if limit and len(text) > limit:
        text, extra["truncated"] = text[:limit], True
    if not text.strip():
        raise ParseError(str(path), "no text found in the file",
                         "không tìm thấy văn bản trong tệp")
    return ParsedDocument(text=text, title=None, format=fmt, extra=extra)


def _table_or_text(path: Path, sheets: list, fmt: str, limits: dict[str, Any],
                   extra: dict[str, Any] | None = None) -> ParsedDocument | ParsedRecords:
    """A workbook whose every sheet is a table with a header row as records, else its text.

    ``sheets`` holds (name, [(row number, cells)]); the text is one line per row, cells
    separated by tabs, sheets in order.
    """
    found = table_records(path, sheets, fmt, limits, dict(extra or {}))
    if found is not None:
        return found
    lines = []
    for _, rows in sheets:
        lines += ["\t".join(cells).rstrip() for _, cells in rows] + [""]
    return _finish(path, "\n".join(lines), fmt, limits, extra)


def _run(cmd: list[str], path: Path, limits: dict[str, Any]) -> str:
    """Run a converter; its stdout as text. Missing tool, timeout or failure -> ParseError."""
    timeout = float(limits.get("parse_timeout") or 120)
    try:
        result = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
    except FileNotFoundError as exc:
        raise ParseError(str(path), f"{cmd[0]} is not installed (run tools/install-sysdeps.sh)",
                         f"thiếu công cụ {cmd[0]}; hãy chạy tools/install-sysdeps.sh") from exc
    except subprocess.TimeoutExpired as exc:
        raise ParseError(str(path), f"{cmd[0]} took longer than {timeout:g} s",
                         f"đọc tệp quá {timeout:g} giây nên đã dừng") from exc
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip()[:200] or "unknown error"
        raise ParseError(str(path), f"{cmd[0]} failed: {reason}",
                         "tệp bị hỏng hoặc không đọc được")
    # -d utf-8 with -s cp1252 makes catdoc emit each 8-bit byte as the cp1252 character.
    return result.stdout.decode("utf-8", "replace")


class DocParser:
    """Word 97-2003 .doc (and Word 6/95 through catdoc)."""

    name = "doc"

    def score(self, path: Path, head: bytes) -> float:
        """0.95 for an OLE2 file holding a WordDocument stream."""
        return 0.95 if head.startswith(OLE_MAGIC) and ole_kind(path) == "doc" else 0.0

    def parse(self, path: Path, limits: dict[str, Any]) -> ParsedDocument:
        """Read the piece table; fall back to catdoc for files it does not understand."""
        try:
            text, tool = word97_text(str(path)), "word97"
        except (Word97Error, OSError, ValueError, IndexError) as exc:
            if "encrypted" in str(exc):
                raise ParseError(str(path), "document is password-protected",
                                 "tài liệu được đặt mật khẩu, không đọc được") from exc
            text, tool = _run(["catdoc", "-w", "-s", "cp1252", "-d", "utf-8", str(path)],
                              path, limits), "catdoc"
        return _finish(path, text, self.name, limits, {"extractor": tool})


class XlsParser:
    """Excel 97-2003 .xls, cell by cell with xlrd (text cells come back as raw code points).

    A workbook of tables with a header row is read as records, like a CSV (kb.ingest.records).
    """

    name = "xls"

    def score(self, path: Path, head: bytes) -> float:
        """0.95 for an OLE2 file holding a Workbook stream."""
        return 0.95 if head.startswith(OLE_MAGIC) and ole_kind(path) == "xls" else 0.0

    def parse(self, path: Path, limits: dict[str, Any]) -> ParsedDocument:
        """Records if every sheet is a table with a header row, else one line per row."""
        import xlrd

        try:
            book = xlrd.open_workbook(str(path), on_demand=True)
        except (xlrd.XLRDError, OSError, ValueError, AssertionError, KeyError) as exc:
            raise ParseError(str(path), f"xlrd cannot read it: {exc}",
                             "tệp Excel bị hỏng hoặc không đọc được") from exc
        sheets = [(sheet.name, [(row + 1, [_cell_text(cell) for cell in sheet.row(row)])
                                for row in range(sheet.nrows)]) for sheet in book.sheets()]
        book.release_resources()
        return _table_or_text(path, sheets, self.name, limits, {"sheets": book.nsheets})


def _cell_text(cell: Any) -> str:
    value = cell.value
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value) if value not in (None, "") else ""


class XlsxParser:
    """Excel 2007+ .xlsx with openpyxl (read-only, values not formulas); tables become records."""

    name = "xlsx"

    def score(self, path: Path, head: bytes) -> float:
        """0.95 for a zip holding xl/workbook.xml."""
        if not head.startswith(b"PK\x03\x04"):
            return 0.0
        try:
            with zipfile.ZipFile(path) as archive:
                return 0.95 if "xl/workbook.xml" in archive.namelist() else 0.0
        except (zipfile.BadZipFile, OSError):
            return 0.0

    def parse(self, path: Path, limits: dict[str, Any]) -> ParsedDocument:
        """Records or one line per row, as for .xls; refuses zip bombs (max_unzipped_mb)."""
        import openpyxl

        max_bytes = float(limits.get("max_unzipped_mb") or 200) * 1024 * 1024
        try:
            with zipfile.ZipFile(path) as archive:
                if sum(info.file_size for info in archive.infolist()) > max_bytes:
                    raise ParseError(str(path), "uncompressed size exceeds max_unzipped_mb",
                                     "tệp giải nén quá lớn, đã từ chối")
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
            raise ParseError(str(path), f"openpyxl cannot read it: {exc}",
                             "tệp Excel bị hỏng hoặc không đọc được") from exc
        sheets = [(sheet.title, [(n, ["" if v is None else (str(int(v)) if isinstance(v, float)
                                                          and v.is_integer() else str(v)) for v in row])
                                 for n, row in enumerate(sheet.iter_rows(values_only=True), 1)])
                  for sheet in book.worksheets]
        book.close()
        return _table_or_text(path, sheets, self.name, limits)


class RtfParser:
    """Rich Text Format, with striprtf; \\'xx bytes are decoded as cp1252 to stay raw."""

    name = "rtf"

    def score(self, path: Path, head: bytes) -> float:
        """0.95 for a file starting with {\\rtf."""
        return 0.95 if head.lstrip().startswith(b"{\\rtf") else 0.0

    def parse(self, path: Path, limits: dict[str, Any]) -> ParsedDocument:
        """Strip the RTF markup; fix_legacy then maps TCVN3/VNI bytes."""
        from striprtf.striprtf import rtf_to_text

        try:
            source = path.read_bytes().decode("latin-1")  # RTF is 7-bit; escapes carry bytes
            text = rtf_to_text(source, encoding="cp1252", errors="replace")
        except (OSError, ValueError, IndexError) as exc:
            raise ParseError(str(path), f"cannot read RTF: {exc}",
                             "tệp RTF bị hỏng hoặc không đọc được") from exc
        return _finish(path, text, self.name, limits)


class PptParser:
    """PowerPoint 97-2003 .ppt, through catppt (Debian package catdoc)."""

    name = "ppt"

    def score(self, path: Path, head: bytes) -> float:
        """0.95 for an OLE2 file holding a PowerPoint Document stream."""
        return 0.95 if head.startswith(OLE_MAGIC) and ole_kind(path) == "ppt" else 0.0

    def parse(self, path: Path, limits: dict[str, Any]) -> ParsedDocument:
        """Slide text as catppt prints it."""
        text = _run(["catppt", "-s", "cp1252", "-d", "utf-8", str(path)], path, limits)
        return _finish(path, text, self.name, limits)


_BY_SUFFIX = {".doc": DocParser, ".dot": DocParser, ".xls": XlsParser, ".xlsx": XlsxParser,
              ".rtf": RtfParser, ".ppt": PptParser}


def parser_for(path: Path) -> Any | None:
    """The office parser that scores highest on ``path`` (by content), or None."""
    head = Path(path).read_bytes()[:8192]
    best = max((cls() for cls in set(_BY_SUFFIX.values())),
               key=lambda parser: parser.score(Path(path), head))
    return best if best.score(Path(path), head) > 0 else None
