"""``kb doctor``: find, and on request repair, what killed or interrupted runs leave in an index.

Checks: the write lock (held by a live writer, or stale: its writer is dead and leftover child
processes still hold it), files no commit needs (a killed writer's segments), documents whose
source file is gone, the schema stamp (an old one needs ``kb ingest --rebuild``), a rebuild
left unfinished (the next ``kb ingest`` finishes it), and segments without the flat copies of
their long posting lists (kb.index.postings_files). Messages are Vietnamese, for people.
"""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import IndexMissingError
from kb.index import postings_files, store
from kb.index.fileindex import open_dir
from kb.index.lock import lock_state
from kb.index.orphans import orphan_files
from kb.index.schema import SCHEMA_VERSION

#: Paths shown for a finding that concerns many files.
SHOWN = 10
#: Seconds to wait for the holders of a stale lock to exit, after SIGTERM and after SIGKILL.
LOCK_WAIT = 10.0


@dataclass
class Finding:
    """One thing the doctor noticed; ``problem`` ones make the index unhealthy until repaired."""

    code: str
    message: str
    problem: bool = True
    repaired: bool = False
    advice: str = ""
    items: list[str] = field(default_factory=list)


@dataclass
class Diagnosis:
    """Everything found in one index folder."""

    index_dir: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        """True when no problem is left unrepaired."""
        return not any(f.problem and not f.repaired for f in self.findings)


def examine(index_dir: Path, repair: bool = False) -> Diagnosis:
    """Check the index in ``index_dir``; with ``repair``, fix what can be fixed safely."""
    index_dir = Path(index_dir)
    if not store.index_exists(index_dir):
        raise IndexMissingError(str(index_dir))
    found = Diagnosis(str(index_dir))
    ix = open_dir(str(index_dir))  # not store.open_index: an old schema must not stop the check
    meta = store.read_meta(index_dir)
    stamp = meta.get("schema_version", "không rõ")
    if stamp != SCHEMA_VERSION:
        found.findings.append(Finding(
            "schema", f"Chỉ mục được tạo với lược đồ phiên bản {stamp}, kb hiện cần {SCHEMA_VERSION}.",
            advice="Hãy tạo lại chỉ mục: kb ingest --rebuild THƯ_MỤC"))
    if meta.get("rebuild"):
        found.findings.append(Finding(
            "rebuild", "Lần lập lại chỉ mục trước bị dừng giữa chừng (tài liệu cũ vẫn tìm được).",
            advice="Chạy kb ingest THƯ_MỤC để làm tiếp phần còn lại."))
    writable = _check_lock(ix, index_dir, found, repair)
    missing = _missing_sources(ix)
    if missing:
        found.findings.append(Finding(
            "missing", f"{len(missing)} tài liệu có tệp nguồn không còn tồn tại.",
            advice="kb doctor --repair xoá chúng khỏi chỉ mục (nếu ổ đĩa chứa tệp chỉ tạm "
                   "thời chưa gắn, đừng sửa).", items=sorted(missing)))
    if not writable:
        return found
    orphans = orphan_files(ix)
    if orphans:
        found.findings.append(Finding(
            "orphans", f"{len(orphans)} tệp thừa do một lần ghi bị dừng đột ngột để lại.",
            advice="kb doctor --repair xoá chúng (hoặc lần kb ingest sau).", items=orphans))
    if repair and (orphans or missing):
        _repair_files(ix, index_dir, found, missing)
    lacking = postings_files.segments_without_files(ix, index_dir)
    if lacking:
        finding = Finding(
            "postings", f"{len(lacking)} phân đoạn của chỉ mục chưa có bản sao phẳng của các danh "
            "sách dài (tìm kiếm vẫn đúng nhưng chậm hơn).", problem=False,
            advice="kb doctor --repair tạo chúng (lần kb ingest sau cũng vậy).", items=lacking)
        found.findings.append(finding)
        if repair:
            postings_files.write_missing(ix, index_dir)
            finding.repaired = not postings_files.segments_without_files(ix, index_dir)
    return found


def _check_lock(ix, index_dir: Path, found: Diagnosis, repair: bool) -> bool:
    """Report the write lock; True when no live writer holds it (after repair, if asked)."""
    state = lock_state(ix, index_dir)
    pid = state.owner.get("pid")
    if state.held and not state.stale:
        found.findings.append(Finding(
            "writing", f"Đang có tiến trình ghi chỉ mục (PID {pid}); chưa kiểm tra tệp thừa.",
            problem=False, advice="Chạy lại kb doctor khi tiến trình đó xong."))
        return False
    if not state.held:
        if pid and not state.owner_alive:
            found.findings.append(Finding(
                "interrupted", f"Lần ghi trước (PID {pid}) đã dừng đột ngột, không kịp kết thúc.",
                problem=False))
        return True
    who = ", ".join(map(str, state.holders)) or "không xác định được"
    finding = Finding(
        "stale-lock", f"Khoá ghi còn bị giữ dù tiến trình ghi (PID {pid or '?'}) đã dừng; "
        f"tiến trình còn giữ khoá: {who}.",
        advice="kb doctor --repair dừng các tiến trình đó để mở khoá.")
    found.findings.append(finding)
    if repair and state.holders:
        finding.repaired = _free(ix, index_dir, state.holders)
        if not finding.repaired:
            finding.advice = "Không mở được khoá; hãy dừng các tiến trình trên rồi chạy lại."
    return finding.repaired


def _free(ix, index_dir: Path, holders: list[int]) -> bool:
    """Stop the leftover processes that hold a stale lock; True once it is free."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in holders:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + LOCK_WAIT
        while time.monotonic() < deadline:
            if not lock_state(ix, index_dir).held:
                return True
            time.sleep(0.1)
    return False


def _missing_sources(ix) -> dict[str, str]:
    """path → id of the documents whose source file no longer exists."""
    with ix.reader() as reader:
        return {f["path"]: f["id"] for _, f in reader.iter_docs()
                if f.get("path") and not os.path.exists(f["path"])}


def _repair_files(ix, index_dir: Path, found: Diagnosis, missing: dict[str, str]) -> None:
    """Take the lock (which removes the orphan files) and delete the documents of gone files."""
    with store.writing(ix, index_dir) as writer:
        for doc_id in missing.values():
            writer.delete_by_term("id", doc_id)
    for finding in found.findings:
        if finding.code in ("orphans", "missing"):
            finding.repaired = True
