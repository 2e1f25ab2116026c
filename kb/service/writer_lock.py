"""The writer lock of an instance: whoever holds it is the one process that writes the index.

The ingestion worker holds it for its whole life; a ``kb ingest`` run without a worker holds it
while it runs. It is an flock on ``writer.lock`` in the instance folder, so it ends with the
process that held it, however it ended.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

LOCK_FILE = "writer.lock"


class WriterLock:
    """A non-blocking exclusive lock on the instance's ``writer.lock`` (or on another lock file
    of the instance, ``name``); ``role`` says who holds it ("worker" holds it for its life)."""

    def __init__(self, instance_dir: Path, name: str = LOCK_FILE, role: str = ""):
        self.path = Path(instance_dir) / name
        self.role = role
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock if nobody holds it; False when another holder has it."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {self.role}".strip().encode() + b"\n")
        self._fd = fd
        return True

    def holder_role(self) -> str:
        """The role the present holder wrote ("" when unknown or none)."""
        try:
            parts = self.path.read_text(encoding="utf-8").split()
        except OSError:
            return ""
        return parts[1] if len(parts) > 1 else ""

    def release(self) -> None:
        """Let go of the lock (also done by the process's end)."""
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.release()
