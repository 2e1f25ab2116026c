"""One file into its Documents: parsed in the sandbox, described, enriched, identified.

A file gives one Document, stored under its absolute path; a file of records (kb.ingest.records)
gives one per record, stored as ``<absolute path>#<key>`` with an id derived from that, and
lists the records that failed while the others are kept. What a parser declares (a record's
date, fields, author, quotation) is preferred to what is read from the text.
"""

from __future__ import annotations

import os
from pathlib import Path

from kb.analysis.normalize import clean_text
from kb.config import Config
from kb.errors import ParseError
from kb.ingest import ocr, sandbox
from kb.ingest.base import ParsedDocument, ParsedRecords, RecordFailure
from kb.ingest.describe import describe
from kb.ingest.document import Document, content_hash, document_id, record_id
from kb.ingest.pdf import fix_artefacts, join_pages
from kb.ingest.registry import READERS_VERSION
from kb.understand.enrich import enrich
from kb.understand.webkind import ARTICLE_KIND


def read_documents(path: Path, config: Config, ocr_text: dict[int, str] | None = None,
                   data_hash: str | None = None) -> tuple[list[Document], list[RecordFailure]]:
    """Parse one file into its Documents and the records of it that failed; raises IngestError.

    Most files give one Document; a file of records gives one per record (``<path>#<key>``),
    and a malformed record is listed as failed while the others are kept. The parser runs in
    a sandboxed child process (kb.ingest.sandbox). Scanned PDF pages are listed in
    ``extra["ocr_pending"]``; the OCR phase calls again with ``ocr_text`` (page → recognised
    text), which takes those pages' place. ``data_hash`` is the file's content hash when the
    caller has it already.
    """
    stat = path.stat()
    if stat.st_size > config["max_file_mb"] * 1024 * 1024:
        raise ParseError(str(path), f"file larger than {config['max_file_mb']} MB",
                         f"tệp lớn hơn giới hạn {config['max_file_mb']} MB")
    parsed = sandbox.parse(path, config)
    data_hash = data_hash or content_hash(path)
    if isinstance(parsed, ParsedRecords):
        docs, failures = [], list(parsed.failures)
        for record in parsed.records:
            try:
                docs.append(_document(path, record, stat, data_hash))
            except ParseError as exc:
                failures.append(RecordFailure(f"record {record.key}: {exc.reason}",
                                              f"bản ghi {record.key}: {exc.user_reason}"))
        if not docs:
            raise ParseError(str(path), "no record could be read", "không đọc được bản ghi nào")
        return docs, failures
    _apply_ocr(parsed, config, ocr_text)
    return [_document(path, parsed, stat, data_hash)], []


def read_document(path: Path, config: Config, ocr_text: dict[int, str] | None = None,
                  data_hash: str | None = None) -> Document:
    """Parse one file into a Document (the first, for a file of records); see read_documents."""
    return read_documents(path, config, ocr_text, data_hash)[0][0]


def _apply_ocr(parsed: ParsedDocument, config: Config, ocr_text: dict[int, str] | None) -> None:
    """Put recognised pages in place of scanned ones, or list the pages still to OCR."""
    pages = parsed.extra.pop("page_texts", None)
    if pages and ocr_text is not None:
        wanted = ocr.pending_pages(parsed.extra, config)
        for page, recognised in ocr_text.items():
            pages[page - 1] = fix_artefacts(recognised)
        parsed.text = join_pages(pages, config, parsed.extra)
        parsed.extra["ocr_pages"] = sorted(ocr_text)
        if set(wanted) - set(ocr_text):
            parsed.extra["ocr_failed"] = sorted(set(wanted) - set(ocr_text))
    elif pages and ocr.pending_pages(parsed.extra, config):
        parsed.extra["ocr_pending"] = ocr.pending_pages(parsed.extra, config)
    if pages and ocr.skipped_pages(parsed.extra, config):
        parsed.extra["ocr_skipped"] = ocr.skipped_pages(parsed.extra, config)


def _document(path: Path, parsed: ParsedDocument, stat: os.stat_result, data_hash: str) -> Document:
    """The Document of one parsed file or record: its facts read from the text and declared."""
    text = clean_text(parsed.text)
    if not text.strip() and not parsed.extra.get("ocr_pending"):
        raise ParseError(str(path), "no text could be extracted", "không trích xuất được văn bản nào")
    facts = describe(text, parsed.title, path.stem if parsed.key is None else None)
    if facts.kind is None and parsed.extra.get("article"):  # a page that declares itself one
        facts.kind = ARTICLE_KIND
    facts.title = facts.title or path.stem  # an image-only PDF waiting for OCR
    declared = dict(parsed.meta)
    facts.meta.update(enrich(facts.text, facts.kind, declared.pop("quotation", None)))
    facts.meta.update(declared)
    resolved = str(path.resolve())
    if parsed.key is not None:
        doc_id, doc_path = record_id(path, parsed.key), f"{resolved}#{parsed.key}"
        facts.meta["record"] = {"file": resolved, "key": parsed.key}
    else:
        doc_id, doc_path = document_id(path), resolved
    return Document(
        id=doc_id, path=doc_path, content_hash=data_hash,
        title=facts.title, text=facts.text, format=parsed.format, kind=facts.kind,
        date=parsed.date or facts.date, number=facts.number, size=stat.st_size,
        mtime=stat.st_mtime, index_extra=facts.index_extra,
        meta={**facts.meta, "extra": {**parsed.extra, "readers": READERS_VERSION}},
    )
