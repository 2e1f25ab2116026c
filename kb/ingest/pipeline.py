"""Ingest files and folders into the index: add new, update changed, remove gone, skip unchanged.

Each file is read, parsed and analysed inside its own error boundary: a file that fails is
reported with its path and reason and the rest of the batch goes on. A file of records (a .jsonl
of quotations, a CSV with a header row) gives one document per record, stored as
``<file path>#<key>`` (:mod:`kb.ingest.reading`); it is skipped, replaced or removed as a
whole, like any other file. Inside folders, files matched by the ignore rules
(:mod:`kb.ingest.ignore`) are left out. The index is written by one writer that commits in
checkpoints (every ``checkpoint_docs`` documents or ``checkpoint_seconds`` seconds) and at the
end, so an interrupted run leaves the index as its last commit left it, and the next run goes on
from there (:mod:`kb.ingest.resume`). Files gone from a folder are removed only at the end, once
the whole folder was walked. On larger batches worker processes analyse and index the documents
into segments of their own
(:mod:`kb.index.parallel_writer`), committed together with the main process's deletions.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kb.config import Config
from kb.errors import IngestError, SchemaMismatchError, UnsupportedFormat
from kb import faults
from kb.index import store
from kb.index.checkpoint import Schedule
from kb.index.analyzers import cached_analyze
from kb.index.parallel_writer import ParallelWriter, worker_count
from kb.ingest.describe import kind_key
from kb.ingest.document import Document, content_hash
from kb.ingest.ignore import IgnoreRules
from kb.ingest import ocr, resume
from kb.ingest.known import indexed
from kb.ingest.reading import read_document, read_documents
from kb.service.db import connect_instance
from kb.service import corrections
from kb.service.overlay import Overlay
from kb.service.registry import Registry, entry_of, fingerprint
from kb.understand.enrich import cited_numbers

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    """What an ingestion run did, file by file."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    """Files of the folders left out by the ignore rules (default list, .kbignore, --exclude)."""
    failed: list[tuple[str, str]] = field(default_factory=list)
    rebuilt: bool = False
    resumed: bool = False
    """This run finished a rebuild that an earlier, killed run had left unfinished."""
    checkpoints: int = 0
    """Commits made before the final one."""
    ocr_pending: list[tuple[Path, list[int]]] = field(default_factory=list)
    ocr_skipped: list[tuple[str, list[int]]] = field(default_factory=list)
    """Scanned pages left unread because of ``ocr_max_pages``, by file."""

    @property
    def ok(self) -> bool:
        """True when no file failed."""
        return not self.failed


def iter_files(root: Path, exclude: Iterable[str] = (),
               excluded: list[str] | None = None) -> Iterator[Path]:
    """Regular files under ``root`` in a stable order, skipping hidden files and folders.

    In a folder, files the ignore rules match (kb's default list, ``.kbignore`` files,
    ``exclude`` patterns) are left out and appended to ``excluded``; a file given as ``root``
    itself is always yielded.
    """
    if root.is_file():
        yield root
        return
    rules = IgnoreRules(root, exclude)
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        for name in sorted(filenames):
            if not name.startswith((".", "~$")):
                path = Path(dirpath) / name
                if rules.skips(path):
                    if excluded is not None:
                        excluded.append(str(path))
                    continue
                yield path


def number_tokens(kind: str | None, number: str | None) -> str:
    """The document's own number as index tokens: "5-ct/tw" and "chithi:5" (for "Chỉ thị 05")."""
    from kb.analysis.docnum import canonical_docnum

    if not number:
        return ""
    token = canonical_docnum(number)
    serial = token.split("-")[0].split("/")[0]
    key = kind_key(kind)
    return ",".join([token] + ([f"{key}:{serial}"] if key and serial.isdigit() else []))


def document_fields(doc: Document) -> dict:
    """The Whoosh fields of a document."""
    indexed = indexed_text(doc)
    return dict(
        id=doc.id, path=doc.path, content_hash=doc.content_hash, mtime=doc.mtime, size=doc.size,
        format=doc.format, title=doc.title, title_fold=doc.title, kind=doc.kind or "",
        kind_key=kind_key(doc.kind) or "", number=number_tokens(doc.kind, doc.number),
        date=doc.date or "", year=(doc.date or "")[:4], words=indexed, syl=indexed,
        fold=indexed, pairs=indexed, text=doc.text, meta={**doc.meta, "number": doc.number},
        issuer=doc.meta.get("issuer") or "", term=doc.meta.get("term") or "",
        unit=(doc.meta.get("minutes") or {}).get("unit") or "",
        sectors=",".join(sorted({s for saying in doc.meta.get("sayings", [])
                                 for s in saying.get("sectors", [])})),
        cites=",".join(cited_numbers(doc.meta.get("citations", []))),
    )


def ingest(paths: Iterable[Path], config: Config, rebuild: bool = False,
           progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
           exclude: Iterable[str] = (), names: dict[str, str] | None = None,
           changed: Iterable[str | Path] | None = None) -> IngestReport:
    """Bring the index in ``config.index`` up to date with ``paths`` (files or folders).

    The run commits in checkpoints (``checkpoint_docs``, ``checkpoint_seconds``): a killed run
    keeps what it committed and the next run goes on from there (kb.ingest.resume). Text layers
    are committed first; scanned pages are then OCR'd and their documents updated, so they are
    searchable by their other text meanwhile. ``exclude`` holds gitignore patterns of files to
    leave out of the folders. Editors' corrections are put on every document read
    (kb.service.overlay); ``names`` gives the original names of uploaded files (stored path →
    name), which a document without a title of its own is named by. ``changed`` (a folder
    watch's settled changes under the folders ``paths``) reads only those: a changed file as a
    member of its folder, a path that is gone by dropping its documents; a changed folder walks
    its watched folder whole.
    """
    index_dir = Path(config["index"])
    conn = connect_instance(config)
    try:
        return _ingest(paths, config, rebuild, progress, exclude, index_dir,
                       Registry(conn, index_dir), Overlay.load(conn, names),
                       None if changed is None else [Path(p) for p in changed])
    finally:
        conn.close()


def _ingest(paths, config, rebuild, progress, exclude, index_dir, registry,
            overlay: Overlay, changed: list[Path] | None = None) -> IngestReport:
    report = IngestReport()
    start = resume.open_for_ingest(index_dir, [Path(p).resolve() for p in paths], config, rebuild)
    ix, roots = start.ix, start.roots
    report.rebuilt, report.resumed = start.rebuild, start.resumed
    files: list[tuple[Path, bool]] = []
    walk, members, gone = _to_walk(roots, changed, start.rebuild or start.resumed)
    for root in walk:
        if not root.exists():
            report.failed.append((str(root), "không tồn tại (no such file or folder)"))
            continue
        files.extend((f, root.is_dir()) for f in iter_files(root, exclude, report.excluded))
    files += [(f, True) for f in members]  # read as their folder's files: its rules apply
    workers = worker_count(config["workers"], len(files))  # started at the first document
    written: dict[str, tuple[str, bool, object]] = {}
    schedule = Schedule(config["checkpoint_docs"], config["checkpoint_seconds"])
    with store.writing(ix, index_dir, workers=workers) as writer:
        resume.begin(start, writer, index_dir)
        if not start.rebuild:
            resume.record_roots(index_dir, roots)
        existing, replaced = indexed(ix, writer, registry)
        seen: set[str] = set()
        iterator = progress([f for f, _ in files]) if progress else (f for f, _ in files)
        walked = dict(files)
        for path in iterator:
            if schedule.due():  # here, not after the last file: the final commit follows that
                writer.checkpoint()
                schedule.done()
            prepared = _prepare(path.resolve(), walked[path], config, existing, seen, report,
                                overlay)
            if prepared is not None:
                _write(*prepared, writer, report, written)
                schedule.wrote()
                faults.reached("document")
        # Only now that every file was walked: a run stopped earlier must not delete what it
        # had not reached yet.
        for place in [r for r in walk if r.is_dir()] + gone:
            _drop_unseen(place, existing, seen, writer, report)
        report.removed += [p for p in replaced if p not in seen]  # dropped with their segments
    report.checkpoints = writer.checkpoints
    # Documents a worker process could not index (known once it has finished).
    for doc_id, reason in getattr(writer, "failures", {}).items():
        path, was_update, _ = written.pop(doc_id)
        (report.updated if was_update else report.added).remove(path)
        report.failed.append((path, f"lỗi khi phân tích văn bản: {reason}"))
        report.ocr_pending = [(p, pages) for p, pages in report.ocr_pending if str(p) != path]
    registry.record(fingerprint(*writer.committed), [entry for _, _, entry in written.values()],
                    report.removed, existing.scanned)
    if overlay.revived:
        corrections.revive(registry.conn, overlay.revived)
    meta_roots = set() if start.rebuild else set(store.read_meta(index_dir).get("roots", []))
    store.write_meta(index_dir, roots=sorted({str(r) for r in roots if r.is_dir()} | meta_roots),
                     **{resume.KEY: None})
    report.ocr_pending += _still_pending(ix, report.unchanged, config)
    if report.ocr_pending:
        _ocr_phase(report.ocr_pending, config, ix, index_dir, registry, overlay)
    return report


def indexed_text(doc: Document) -> str:
    """The text the index searches: the body plus what is searched but not shown (captions)."""
    return doc.text + ("\n" + doc.index_extra if doc.index_extra else "")


def _to_walk(roots: list[Path], changed: list[Path] | None,
             whole: bool) -> tuple[list[Path], list[Path], list[Path]]:
    """The roots to walk whole, the changed files to read alone, the changed paths now gone.

    Without ``changed`` (or when a rebuild must read everything) every root is walked. With it,
    a root is walked only where a folder changed (its ignore rules and nested files are the
    walk's to apply); changed files elsewhere are read one by one (the watch has already left
    out what the ignore rules skip).
    """
    if changed is None or whole:
        return roots, [], []
    resolved = list(dict.fromkeys(p.resolve() for p in changed))
    walk = [r for r in roots if any(p.is_dir() and p.is_relative_to(r) for p in resolved)]
    members = [p for p in resolved if p.is_file() and not any(p.is_relative_to(r) for r in walk)]
    gone = [p for p in resolved if not p.exists() and not any(p.is_relative_to(r) for r in walk)]
    return walk, members, gone


def _drop_unseen(place: Path, existing, seen: set[str], writer, report) -> None:
    """Delete the documents of ``place`` (a walked folder, or a watched path now gone) and of
    the files under it that this run did not meet."""
    prefix = str(place) + os.sep
    for path, (doc_id, _) in existing.items():
        if (path == str(place) or path.startswith(prefix)) and path not in seen:
            writer.delete_by_term("id", doc_id)
            report.removed.append(path)


def _prepare(path, in_folder, config, existing, seen, report, overlay):
    """Read one file unless unchanged: (documents with their old entries, old documents gone).

    Failures are recorded in ``report`` and give None; the file's documents then stay as they
    were. Records a file no longer holds are removed, unless some of its records failed (a
    broken record may be one of them): they go once the file reads cleanly.
    """
    key = str(path)
    seen.add(key)
    records = existing.records.get(key, {})
    seen.update(records)
    try:
        data_hash = content_hash(path)
        old = existing.get(key) or next((existing[p] for p in records), None)
        if old and old[1] == data_hash:
            report.unchanged.append(key)
            return None
        docs, failures = read_documents(path, config, data_hash=data_hash)
        # The editors' corrections win; what they deleted stays out of the folders.
        docs = [overlay.apply(doc) for doc in docs if overlay.keeps(doc, in_folder)]
        for failure in failures:
            report.failed.append((key, failure.user_reason))
            log.warning("failed %s: %s", key, failure.reason)
        before = {p: existing[p][0] for p in [key, *records] if p in existing}
        kept = {doc.path for doc in docs}
        gone = [(p, i) for p, i in before.items()
                if p not in kept and not (failures and p in records)]
        return [(doc, existing.get(doc.path)) for doc in docs], gone
    except UnsupportedFormat as exc:
        if in_folder:
            report.skipped.append(key)
        else:
            report.failed.append((key, exc.user_reason))
        log.info("skipped %s: %s", key, exc.reason)
    except IngestError as exc:
        report.failed.append((key, exc.user_reason))
        log.warning("failed %s: %s", key, exc.reason)
    except Exception as exc:  # a parser bug must not stop the batch
        report.failed.append((key, f"lỗi không mong đợi: {type(exc).__name__}: {exc}"))
        log.exception("unexpected error on %s", key)
    return None


def _write(docs: list, gone: list[tuple[str, str]], writer, report, written: dict) -> None:
    """Index the documents of one file and delete those it no longer gives."""
    for path, doc_id in gone:
        writer.delete_by_term("id", doc_id)
        report.removed.append(path)
    for doc, old in docs:
        _write_one(doc, old, writer, report, written)


def _write_one(doc: Document, old, writer, report, written: dict) -> None:
    """Index one document (the analysis errors of one file fail that file alone)."""
    if not isinstance(writer, ParallelWriter):
        try:  # analysed before Whoosh sees the document, so a failure leaves no postings
            cached_analyze(indexed_text(doc))
            cached_analyze(doc.title)
        except Exception as exc:
            report.failed.append((doc.path, f"lỗi khi phân tích văn bản: {type(exc).__name__}: {exc}"))
            log.exception("analysis failed on %s", doc.path)
            return
    writer.update_document(**document_fields(doc))
    written[doc.id] = (doc.path, bool(old), entry_of(doc))
    (report.updated if old else report.added).append(doc.path)
    if doc.meta["extra"].get("ocr_pending"):
        report.ocr_pending.append((Path(doc.path), doc.meta["extra"]["ocr_pending"]))
    if doc.meta["extra"].get("ocr_skipped"):
        report.ocr_skipped.append((doc.path, doc.meta["extra"]["ocr_skipped"]))


def _still_pending(ix, unchanged: list[str], config: Config) -> list[tuple[Path, list[int]]]:
    """Unchanged PDFs whose OCR an earlier, interrupted run left pending."""
    found = []
    with ix.searcher() as searcher:
        for path in (p for p in unchanged if p.lower().endswith(".pdf")):
            stored = searcher.document(path=path) or {}
            pages = (stored.get("meta") or {}).get("extra", {}).get("ocr_pending")
            if pages and ocr.pending_pages({"empty_pages": pages}, config):  # OCR still on
                found.append((Path(path), pages))
    return found


def _ocr_phase(pending: list[tuple[Path, list[int]]], config: Config, ix, index_dir: Path,
               registry: Registry, overlay: Overlay) -> None:
    """OCR the pending pages and update their documents, in checkpoints like the text phase
    (a killed run leaves the rest pending: the next run finds them)."""
    shown = ocr.Progress(config, total=sum(len(pages) for _, pages in pending))
    schedule = Schedule(config["checkpoint_docs"], config["checkpoint_seconds"])
    with store.writing(ix, index_dir) as writer:
        before = fingerprint(*writer.committed)
        for path, pages in pending:
            if schedule.due():
                writer.checkpoint()
                schedule.done()
            texts = ocr.ocr_pages(path, pages, float(config["ocr_timeout"]), shown.for_file(path))
            try:
                doc = overlay.apply(read_document(path, config, ocr_text=texts))
            except IngestError as exc:  # the text-layer version stays in the index
                log.warning("OCR update of %s failed: %s", path, exc.reason)
                continue
            writer.update_document(**document_fields(doc))
            schedule.wrote()
    registry.advance(before, fingerprint(*writer.committed))  # same files, same hashes


__all__ = ["IngestReport", "ingest", "read_document", "read_documents", "iter_files",
           "SchemaMismatchError"]
