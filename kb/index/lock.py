"""The index's write lock, with a record of who holds it.

Whoosh's lock is an ``flock`` on ``MAIN_WRITELOCK``: the system releases it when the last
descriptor of it closes, so a killed writer frees it by itself, unless a child process it
forked still holds a copy (kb's indexing workers drop theirs at start, see
:mod:`kb.index.parallel_writer`). Beside the lock, ``kb-writer.json`` names the process that
took it, so that ``kb doctor`` can tell a running writer from a lock left to orphans.
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

OWNER_FILE = "kb-writer.json"
LOCK_NAME = "WRITELOCK"


class IndexLock:
    """The write lock of ``ix``; ``acquire`` records this process as its owner."""

    def __init__(self, ix, index_dir: Path):
        self._lock = ix.lock(LOCK_NAME)
        self._owner = Path(index_dir) / OWNER_FILE

    @property
    def fd(self) -> int | None:
        """The descriptor that holds the lock (a forked child must not keep a copy of it)."""
        return self._lock.fd

    def acquire(self) -> bool:
        """Take the lock without waiting; False when another process holds it."""
        if not self._lock.acquire(blocking=False):
            return False
        try:
            tmp = self._owner.with_suffix(".tmp")
            tmp.write_text(json.dumps({"pid": os.getpid(), "since": time.time(),
                                       "command": sys.argv[:4]}, ensure_ascii=False),
                           encoding="utf-8")
            tmp.replace(self._owner)
        except OSError:  # a read-only record must not stop the writer: it is only a hint
            pass
        return True

    def release(self) -> None:
        """Forget the owner record, then free the lock."""
        try:
            self._owner.unlink()
        except OSError:
            pass
        self._lock.release()


@dataclass
class LockState:
    """What ``kb doctor`` knows about the lock: free, held by a live writer, or stale."""

    held: bool
    owner: dict = field(default_factory=dict)
    owner_alive: bool = False
    holders: list[int] = field(default_factory=list)

    @property
    def stale(self) -> bool:
        """Held, but the process that took it is gone (its leftover children hold it)."""
        return self.held and not self.owner_alive


def read_owner(index_dir: Path) -> dict:
    """The owner record of the lock ({} when there is none)."""
    try:
        return json.loads((Path(index_dir) / OWNER_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def alive(pid: int) -> bool:
    """True when process ``pid`` exists and is not a zombie."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def holders(index_dir: Path, indexname: str = "MAIN") -> list[int]:
    """Processes with the lock file open (Linux /proc; [] where it cannot be read)."""
    target = os.path.realpath(Path(index_dir) / f"{indexname}_{LOCK_NAME}")
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            links = list((entry / "fd").iterdir())
        except OSError:
            continue
        for link in links:
            try:
                if os.readlink(link) == target:
                    found.append(int(entry.name))
                    break
            except OSError:
                continue
    return sorted(pid for pid in found if pid != os.getpid())


def lock_state(ix, index_dir: Path) -> LockState:
    """Whether the write lock is held, by whom, and whether that writer still lives."""
    probe = IndexLock(ix, index_dir)
    if probe._lock.acquire(blocking=False):  # free: give it back at once, record untouched
        probe._lock.release()
        held = False
    else:
        held = True
    owner = read_owner(index_dir)
    pid = owner.get("pid")
    return LockState(held=held, owner=owner, owner_alive=bool(pid) and alive(int(pid)),
                     holders=holders(index_dir, ix.indexname) if held else [])
