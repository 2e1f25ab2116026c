"""Uploads: files from the web or the API checked against the limits, kept in the file store,
queued as one job; and the runner that ingests them in the worker.

Everything is staged first and checked (count, total size, a .zip expanded with its members
counted and its bytes measured as they come out, whatever its headers claim); only an upload
within the limits is moved into the store and queued, so a refused one leaves nothing behind.
"""

from __future__ import annotations

import os
import zipfile
from contextlib import closing
from pathlib import Path, PurePosixPath

from kb.errors import ServiceError, UploadRefused
from kb.service import audit, corrections, jobs
from kb.service.filestore import Stored, clean_name, staging_file, store_file, suffix_of

MB = 1024 * 1024
CHUNK = 1 << 16


class _Budget:
    """What is left of one upload's limits while it is staged."""

    def __init__(self, config):
        self.max_mb = config["upload_max_mb"]
        self.max_files = config["upload_max_files"]
        self.bytes_left = int(self.max_mb * MB)
        self.files = 0

    def one_more_file(self) -> None:
        self.files += 1
        if self.files > self.max_files:
            raise UploadRefused(f"more than {self.max_files} files",
                                f"Quá nhiều tệp: mỗi lần tải lên được tối đa {self.max_files} "
                                f"tệp (kể cả các tệp trong tệp .zip).")

    def spend(self, size: int) -> None:
        self.bytes_left -= size
        if self.bytes_left < 0:
            raise UploadRefused(f"more than {self.max_mb} MB",
                                f"Tải lên quá lớn: tổng dung lượng tối đa {self.max_mb:g} MB "
                                f"(tệp .zip tính theo dung lượng sau khi giải nén).")


def _stage(instance_dir: Path, stream, name: str, budget: _Budget, staged: list) -> None:
    budget.one_more_file()
    with staging_file(instance_dir) as out:
        staged.append((Path(out.name), name))
        for chunk in iter(lambda: stream.read(CHUNK), b""):
            budget.spend(len(chunk))
            out.write(chunk)


def _hidden(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return not parts or parts[0] == "__MACOSX" or parts[-1].startswith(".")


def _expand(instance_dir: Path, stream, budget: _Budget, staged: list) -> None:
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ServiceError(f"bad zip: {exc}", "Tệp .zip bị hỏng hoặc không phải tệp .zip.") from exc
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir() and not _hidden(m.filename)]
        if len(members) + budget.files > budget.max_files:
            budget.files += len(members)
            budget.one_more_file()  # refuses, with the message
        if sum(m.file_size for m in members) > budget.bytes_left:
            budget.spend(sum(m.file_size for m in members))  # refuses before expanding
        for member in members:
            try:
                with archive.open(member) as inner:  # sizes measured, not taken from headers
                    _stage(instance_dir, inner, member.filename, budget, staged)
            except (RuntimeError, NotImplementedError, zipfile.BadZipFile) as exc:
                raise ServiceError(f"cannot expand {member.filename}: {exc}",
                                   f"Không giải nén được «{clean_name(member.filename)}» "
                                   "(tệp có mật khẩu hoặc nén kiểu không hỗ trợ).") from exc


def accept(instance_dir: Path, incoming, config) -> list[Stored]:
    """Stage ``incoming`` ((name, binary stream) pairs; a ``.zip`` is expanded), check the
    limits, then keep the files in the store. Raises UploadRefused (nothing stored) when the
    upload breaks a limit or holds no file."""
    budget = _Budget(config)
    staged: list[tuple[Path, str]] = []
    try:
        for name, stream in incoming:
            if suffix_of(name) == ".zip":
                _expand(instance_dir, stream, budget, staged)
            else:
                _stage(instance_dir, stream, name, budget, staged)
        if not staged:
            raise UploadRefused("empty upload", "Chưa chọn tệp nào để tải lên.")
        return [store_file(instance_dir, path, name) for path, name in staged]
    finally:
        for path, _ in staged:
            if path.exists():
                os.unlink(path)


def submit_upload(conn, stored: list[Stored], user=None, address: str | None = None) -> jobs.Job:
    """Queue one job ingesting the stored files (and say so in the audit log)."""
    files = [{"name": s.name, "sha256": s.sha256, "stored": str(s.path), "size": s.size}
             for s in stored]
    job = jobs.submit(conn, "upload", {"files": files}, user=user)
    audit.record(conn, "upload", user=user, target=f"job {job.id}", address=address,
                 files=[s.name for s in stored])
    return job


def _progress(config, job_id: int, total: int):
    from kb.service.db import connect_instance

    def wrap(paths):
        with closing(connect_instance(config)) as conn:
            for done, path in enumerate(paths):
                jobs.set_progress(conn, job_id, {"files_total": total, "files_seen": done})
                yield path
            jobs.set_progress(conn, job_id, {"files_total": total, "files_seen": total})

    return wrap


def run_upload(job: jobs.Job, config) -> dict:
    """The runner of an upload job: ingest its stored files, then give their documents their
    original names in the registry (a job ``replaces`` a document: its one file took that
    document's id). The report adds ``files``: each original name with what
    happened to it (added, updated, unchanged, failed with the reason)."""
    from kb.ingest.pipeline import ingest
    from kb.service.db import connect_instance
    from kb.service.worker import report_dict

    files = job.payload.get("files") or []
    paths = [Path(f["stored"]) for f in files]
    names = {str(Path(f["stored"]).resolve()): f["name"] for f in files}
    report = ingest(paths, config, progress=_progress(config, job.id, len(paths)), names=names)
    with closing(connect_instance(config)) as conn:
        replaced = job.payload.get("replaces")
        new_path = str(Path(files[0]["stored"]).resolve()) if files else None
        if replaced and conn.execute("UPDATE documents SET stored_path = path, original_name = ? "
                                     "WHERE id = ? AND path = ?",
                                     (files[0]["name"], replaced, new_path)).rowcount:
            # The new file took the document's id (kb.service.overlay); the old one is retired.
            old = job.payload.get("replaced_path")
            if old and old != new_path:
                corrections.retire(conn, old, replaced, "replaced")
        conn.executemany("UPDATE documents SET original_name = ?, "
                         "added_by = COALESCE(added_by, ?) WHERE stored_path = ?",
                         [(f["name"], job.submitted_by, str(Path(f["stored"]).resolve()))
                          for f in files])
        documents = {str(Path(f["stored"]).resolve()): documents_of(conn, f["stored"])
                     for f in files}
    result = report_dict(report)
    result["files"] = file_outcomes(files, result, documents)
    return result


def documents_of(conn, stored: str) -> list[str]:
    """Ids of the registered documents read from the stored file (several for a record file),
    in the order they were registered."""
    return [row["id"] for row in conn.execute(
        "SELECT id FROM documents WHERE stored_path = ? ORDER BY rowid",
        (str(Path(stored).resolve()),))]


def file_outcomes(files: list[dict], report: dict,
                  documents: dict[str, list[str]] | None = None) -> list[dict]:
    """Each uploaded file (by its original name), what its ingestion did, and the ids of the
    documents it became."""
    failed = {path: reason for path, reason in report["failed"]}
    pending = {path: pages for path, pages in report["ocr_skipped"]}
    outcomes = []
    for f in files:
        path = str(Path(f["stored"]).resolve())
        status = "failed" if path in failed else next(
            (key for key in ("added", "updated", "unchanged")
             if any(p == path or p.startswith(path + "#") for p in report[key])), "unchanged")
        outcomes.append({"name": f["name"], "status": status, "reason": failed.get(path),
                         "ocr_pages_skipped": len(pending.get(path, [])),
                         "documents": [] if status == "failed" else
                         (documents or {}).get(path, [])})
    return outcomes
