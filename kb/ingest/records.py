"""JSON, JSON Lines, CSV and TSV files read as records: one document per record.

A list of objects (at the top of a .json, under some key of an object wrapping it, or one object
per line of a .jsonl) and a table with a header row are records when they carry a title or a text
(:mod:`kb.ingest.record_fields` says which field is what); each record is keyed by its id field,
else its 1-based position. Anything else (a config, a single object, a list of words) is one
document of its readable string values, never raw JSON syntax.

Bad input: a malformed line of a .jsonl fails alone, named by its line number, and the other
lines are indexed; a malformed .json or CSV cannot be read past the error, so the file fails as
a whole, with the line (and column) of the error.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any, Iterable

from kb.errors import ParseError
from kb.ingest.base import ParsedDocument, ParsedRecords, RecordFailure, read_file
from kb.ingest.encoding import decode_bytes, looks_like_text
from kb.ingest.record_fields import (as_date, carries_text, known_name, readable_values,
                                     record_document, record_key, title_of)
from kb.ingest.text import finish_text

SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv"}
#: How deep under a wrapping object a list of records is looked for ({"data": {"items": [...]}}).
MAX_DEPTH = 3
#: A list under a key is the file's records only if it holds this share of its readable text.
WRAPPED_SHARE = 0.5
#: Records sampled to decide whether a collection carries text.
SAMPLE = 50
HEADER_MAX_CHARS, HEADER_MAX_WORDS = 40, 6
_NUMBER = re.compile(r"^[\d\s.,%+-]+$")

#: (position, line or None, sheet or None, record) of each record read from a file.
Item = tuple[int, "int | None", "str | None", dict]


class RecordsParser:
    """.json, .jsonl, .csv and .tsv: records when they hold some, else one document."""

    name = "records"

    def score(self, path: Path, head: bytes) -> float:
        """0.5 for a JSON file that opens with { or [, or a CSV/TSV with a header row; else 0."""
        fmt = SUFFIXES.get(Path(path).suffix.lower())
        if fmt is None or not looks_like_text(head):
            return 0.0
        if fmt in ("json", "jsonl"):
            start = head.decode("utf-8", "ignore").lstrip("\ufeff \t\r\n")[:1]
            return 0.5 if start and start in "{[" else 0.0
        whole_lines = head[: head.rfind(b"\n") + 1] or head
        sample, _ = decode_bytes(whole_lines)
        try:
            rows = [row for _, row in _csv_rows(sample, fmt)]
        except ParseError:
            return 0.0
        return 0.5 if has_header(rows, sample) else 0.0

    def parse(self, path: Path, limits: dict[str, Any]) -> ParsedDocument | ParsedRecords:
        """Read the records of the file, or its readable values as one document."""
        path = Path(path)
        fmt = SUFFIXES.get(path.suffix.lower(), "json")
        text, encoding = decode_bytes(read_file(path))
        extra = {"encoding": encoding}
        if fmt in ("csv", "tsv"):
            rows = _csv_rows(text, fmt, path, int(limits.get("max_text_chars") or 0))
            found = table_records(path, [(None, rows)], fmt, limits, extra, sample=text[:8192])
            if found is not None:
                return found
            plain = "\n".join("\t".join(row) for _, row in rows)
            return ParsedDocument(finish_text(plain, limits, extra), None, fmt, extra)
        if fmt == "json":
            try:
                value = json.loads(text)
            except json.JSONDecodeError as exc:
                if exc.msg != "Extra data":  # "Extra data": one value per line, read as JSONL
                    raise ParseError(str(path), f"invalid JSON at line {exc.lineno}, column "
                                     f"{exc.colno}: {exc.msg}", f"JSON không hợp lệ ở dòng "
                                     f"{exc.lineno}, cột {exc.colno}") from exc
            else:
                items, where = find_records(value)
                if items and _carry_text(items):
                    extra.update({"records_under": where} if where else {})
                    return build_records(path, items, [], fmt, limits, extra)
                return _one_document(path, value, fmt, limits, extra)
        items, failures = _json_lines(text)
        if not items and not failures:
            raise ParseError(str(path), "no JSON value in the file", "tệp không có dữ liệu JSON nào")
        return build_records(path, items, failures, "jsonl", limits, extra)


def _carry_text(items: list[Item]) -> bool:
    return any(carries_text(record) for _, _, _, record in items[:SAMPLE])


def _json_lines(text: str) -> tuple[list[Item], list[RecordFailure]]:
    """Records of a JSON Lines text; a line that is not JSON, or not an object, fails alone."""
    items: list[Item] = []
    failures: list[RecordFailure] = []
    position = 0
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        position += 1  # malformed lines count too, so positions stay when they are fixed
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            failures.append(RecordFailure(
                f"line {number}: invalid JSON ({exc.msg}, column {exc.colno})",
                f"dòng {number}: JSON không hợp lệ (cột {exc.colno}); các dòng khác vẫn được nạp"))
            continue
        if isinstance(value, str):
            value = {"text": value}
        if not isinstance(value, dict):
            failures.append(RecordFailure(f"line {number}: not a JSON object",
                                          f"dòng {number}: không phải một bản ghi (đối tượng JSON)"))
            continue
        items.append((position, number, None, value))
    return items, failures


def find_records(value: Any, depth: int = 0) -> tuple[list[Item], str]:
    """The records of a JSON value and the dotted key they sit under ("" at the top); ([], "")."""
    if isinstance(value, list):
        objects = [v for v in value if isinstance(v, dict)]
        if objects and len(objects) * 2 >= len(value):
            return [(i, None, None, v) for i, v in enumerate(value, 1) if isinstance(v, dict)], ""
        return [], ""
    if not isinstance(value, dict) or depth >= MAX_DEPTH:
        return [], ""
    best: tuple[list[Item], str] = ([], "")
    for key, inner in value.items():
        items, where = find_records(inner, depth + 1)
        if len(items) > len(best[0]):
            best = items, f"{key}.{where}" if where else str(key)
    if best[0] and depth == 0:
        # A config with a short list of objects in it is still one document.
        inside = sum(len(s) for s in readable_values([r for _, _, _, r in best[0]]))
        if inside < WRAPPED_SHARE * sum(len(s) for s in readable_values(value)):
            return [], ""
    return best


def has_header(rows: list[list[str]], sample: str = "") -> bool:
    """Whether the first of ``rows`` names the columns: short, distinct, non-numeric labels."""
    if len(rows) < 2:
        return False
    head = _trimmed([cell.strip() for cell in rows[0]])
    if len(head) < 2 or not all(head) or len(set(head)) < len(head):
        return False
    if any(len(c) > HEADER_MAX_CHARS or len(c.split()) > HEADER_MAX_WORDS or _NUMBER.match(c)
           or as_date(c) or c[-1] in ".!?…" for c in head):
        return False
    if any(known_name(c) for c in head):
        return True
    try:
        return csv.Sniffer().has_header(sample) if sample else False
    except csv.Error:
        return False


def table_records(path: Path, sheets: Iterable[tuple[str | None, list[tuple[int, list[str]]]]],
                  fmt: str, limits: dict[str, Any], extra: dict[str, Any],
                  sample: str = "") -> ParsedRecords | None:
    """The rows of tables with a header row as records; None when a table has none, or no text.

    ``sheets`` holds (sheet name or None, [(line, cells)]) for each table of the file;
    ``sample``, the start of a CSV text, lets csv.Sniffer judge a header of unknown names.
    """
    items: list[Item] = []
    sheets = [(name, rows) for name, rows in sheets if any(any(c.strip() for c in r) for _, r in rows)]
    for name, rows in sheets:
        rows = [(line, cells) for line, cells in rows if any(c.strip() for c in cells)]
        header = _trimmed([c.strip() for c in rows[0][1]])
        if not has_header([cells for _, cells in rows[:SAMPLE]], sample):
            return None
        for line, cells in rows[1:]:
            record = {h: c for h, c in zip(header, cells) if c.strip()}
            record.update({f"cột {i}": c for i, c in enumerate(cells[len(header):], len(header) + 1)
                           if c.strip()})
            if name is not None and len(sheets) > 1:
                record["sheet"] = name
            items.append((len(items) + 1, line, name, record))
    if not items or not _carry_text(items):
        return None
    return build_records(path, items, [], fmt, limits, extra)


def build_records(path: Path, items: list[Item], failures: list[RecordFailure], fmt: str,
                  limits: dict[str, Any], extra: dict[str, Any]) -> ParsedRecords:
    """Documents of ``items``, keyed by id else position; a repeated key fails that record."""
    records: list[ParsedDocument] = []
    failures = list(failures)
    places: dict[str, str] = {}
    for position, line, sheet, record in items:
        key = record_key(record) or str(position)
        place = (f"trang tính «{sheet}», " if sheet else "") + (f"dòng {line}" if line else f"bản ghi {position}")
        if key in places:
            failures.append(RecordFailure(f"{place}: key {key!r} repeats {places[key]}",
                                          f"{place}: mã «{key}» trùng với {places[key]}"))
            continue
        places[key] = place
        facts = {**extra, "position": position, **({"line": line} if line else {})}
        doc = record_document(record, key, fmt, limits, facts)
        if doc is not None:
            records.append(doc)
    if not records:
        reason = failures[0] if failures else RecordFailure("no record holds any text",
                                                            "không bản ghi nào có nội dung")
        raise ParseError(str(path), reason.reason, reason.user_reason)
    return ParsedRecords(records, failures)


def _trimmed(cells: list[str]) -> list[str]:
    """Cells without the empty ones at the end of the row (spreadsheets pad rows)."""
    while cells and not cells[-1]:
        cells = cells[:-1]
    return cells


def _one_document(path: Path, value: Any, fmt: str, limits: dict[str, Any],
                  extra: dict[str, Any]) -> ParsedDocument:
    """A JSON value that holds no records: its readable string values, one per line."""
    text = finish_text("\n".join(readable_values(value)), limits, extra)
    if not text:
        raise ParseError(str(path), "no readable text in the JSON", "tệp JSON không có nội dung chữ")
    title = title_of(value)
    return ParsedDocument(text, finish_text(title, {}, {}) if title else path.stem, fmt, extra)


def _csv_rows(text: str, fmt: str, path: Path | None = None,
              max_chars: int = 0) -> list[tuple[int, list[str]]]:
    """(line number, cells) of each row of a CSV/TSV text; csv errors name the line."""
    if fmt == "tsv":
        delimiter = "\t"
    else:
        try:
            delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    csv.field_size_limit(max(max_chars, 1 << 20))  # one long cell is a long text, not an error
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise ParseError(str(path or "?"), f"CSV unreadable at line {reader.line_num}: {exc}",
                         f"bảng CSV không đọc được ở dòng {reader.line_num}") from exc
    return rows
