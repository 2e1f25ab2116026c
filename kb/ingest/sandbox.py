"""Run parsers in a child process with a memory cap and a wall-clock timeout.

A hostile or broken file (a zip bomb, a PDF whose object graph loops, a deeply nested page)
may make a parser allocate without end, recurse until the interpreter dies, or never return.
Parsing therefore happens in one long-lived worker process (a fresh interpreter, so it
holds none of the parent's index handles), whose address space is capped with
``RLIMIT_AS`` (setting ``max_parse_memory_mb``). The parent waits at most ``parse_timeout``
seconds for an answer; a worker that runs over, runs out of memory or dies is killed and a
fresh one serves the next file, so the batch goes on. Reusing the worker keeps the per-file
cost to one round trip instead of a new interpreter per file.

Only parsing runs in the child: the text comes back as a :class:`ParsedDocument` (or the
:class:`ParsedRecords` of a file of records) and the analysis (underthesea) stays in the parent.
"""

from __future__ import annotations

import atexit
import logging
import os
import subprocess
import sys
import threading
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Mapping

from kb.errors import IngestError, ParseError, UnsupportedFormat
from kb.ingest.base import ParsedDocument, ParsedRecords

log = logging.getLogger(__name__)

_ERRORS = {"UnsupportedFormat": UnsupportedFormat, "ParseError": ParseError}


def _limit_memory(megabytes: float) -> None:
    import resource

    cap = int(megabytes * 1024 * 1024)
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def parse_here(path: Path, limits: Mapping[str, Any]) -> ParsedDocument | ParsedRecords:
    """Choose the parser and parse in this process; any failure becomes an IngestError."""
    from kb.ingest.registry import choose_parser

    try:
        return choose_parser(path).parse(path, dict(limits))
    except IngestError:
        raise
    except MemoryError as exc:
        raise ParseError(str(path), "parser ran out of memory",
                         "tệp cần quá nhiều bộ nhớ để đọc (có thể là tệp độc hại)") from exc
    except RecursionError as exc:
        raise ParseError(str(path), "structure nested too deeply for the parser",
                         "cấu trúc tệp lồng nhau quá sâu, không đọc được") from exc
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file must not stop a batch
        raise ParseError(str(path), f"parser failed: {type(exc).__name__}: {exc}",
                         "tệp bị hỏng hoặc có cấu trúc lạ, không đọc được") from exc


def _worker(conn, memory_mb: float) -> None:
    """Child main loop: receive (path, limits), answer ("ok", doc) or ("error", ...)."""
    _limit_memory(memory_mb)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        path, limits = request
        try:
            doc = parse_here(Path(path), limits)
            conn.send(("ok", doc))
        except IngestError as exc:
            # After a MemoryError the heap may be fragmented beyond use: say so and quit, so
            # that the parent starts a fresh worker for the next file.
            quitting = isinstance(exc.__cause__, MemoryError)
            conn.send(("error", type(exc).__name__, exc.path, exc.reason, exc.user_reason,
                       quitting))
            if quitting:
                return


class ParseWorker:
    """One reusable child process that parses files; restarted after a crash or timeout.

    The child is ``python -m kb.ingest.sandbox`` talking over two pipes, not a
    multiprocessing child: those re-import the caller's ``__main__`` (the CLI itself).
    """

    def __init__(self, memory_mb: float):
        self.memory_mb = memory_mb
        self._process = None
        self._conn = None
        self._lock = threading.Lock()

    def _start(self) -> None:
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        self._process = subprocess.Popen(
            [sys.executable, "-m", "kb.ingest.sandbox", str(to_child_r), str(from_child_w),
             str(self.memory_mb)],
            pass_fds=(to_child_r, from_child_w), stdin=subprocess.DEVNULL,
            cwd=os.getcwd(), env={**os.environ, "PYTHONPATH": _import_path()})
        os.close(to_child_r)
        os.close(from_child_w)
        self._conn = _Duplex(Connection(from_child_r, writable=False),
                             Connection(to_child_w, readable=False))

    def close(self) -> None:
        """Stop the child (politely, then by force)."""
        if self._process is None:
            return
        try:
            self._conn.send(None)
        except (OSError, ValueError):
            pass
        try:
            self._process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._conn.close()
        self._process = self._conn = None

    def _kill(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._conn.close()
        self._process = self._conn = None

    def parse(self, path: Path, limits: Mapping[str, Any],
              timeout: float) -> ParsedDocument | ParsedRecords:
        """Parse ``path`` in the child; IngestError on failure, timeout or a dead child."""
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._start()
            try:
                self._conn.send((str(path), dict(limits)))
                ready = self._conn.poll(timeout)
                answer = self._conn.recv() if ready else None
            except (EOFError, OSError, BrokenPipeError):
                code = self._process.poll() if self._process else None
                self._kill()
                log.warning("parse worker died on %s (exit code %s)", path, code)
                raise ParseError(str(path), f"parser process died (exit code {code})",
                                 "trình đọc tệp bị dừng đột ngột (tệp hỏng hoặc quá lớn)")
            if answer is None:
                self._kill()
                raise ParseError(str(path), f"parsing took longer than {timeout:g} s",
                                 f"đọc tệp quá {timeout:g} giây, đã dừng")
            if answer[0] == "ok":
                return answer[1]
            _, kind, err_path, reason, user_reason, quitting = answer
            if quitting:
                self._kill()
            raise _ERRORS.get(kind, ParseError)(err_path, reason, user_reason)


class _Duplex:
    """One reading and one writing Connection used as a single two-way channel."""

    def __init__(self, reader: Connection, writer: Connection):
        self.reader, self.writer = reader, writer

    def send(self, obj) -> None:
        self.writer.send(obj)

    def recv(self):
        return self.reader.recv()

    def poll(self, timeout: float) -> bool:
        return self.reader.poll(timeout)

    def close(self) -> None:
        self.reader.close()
        self.writer.close()


def _import_path() -> str:
    """PYTHONPATH for the child: the folder holding this kb package first (kb may not be installed)."""
    root = str(Path(__file__).resolve().parents[2])
    rest = os.environ.get("PYTHONPATH")
    return root + (os.pathsep + rest if rest else "")


_WORKER: ParseWorker | None = None
_WORKER_LOCK = threading.Lock()


def parse(path: Path, config: Mapping[str, Any]) -> ParsedDocument | ParsedRecords:
    """Parse one file in the shared sandboxed worker, under the configured limits."""
    global _WORKER
    memory = float(config["max_parse_memory_mb"])
    with _WORKER_LOCK:
        if _WORKER is None or _WORKER.memory_mb != memory:
            if _WORKER is not None:
                _WORKER.close()
            _WORKER = ParseWorker(memory)
        worker = _WORKER
    return worker.parse(path, config, float(config["parse_timeout"]))


def shutdown() -> None:
    """Stop the shared worker (also done at interpreter exit)."""
    global _WORKER
    with _WORKER_LOCK:
        if _WORKER is not None:
            _WORKER.close()
            _WORKER = None


atexit.register(shutdown)


if __name__ == "__main__":  # the child: python -m kb.ingest.sandbox FD_IN FD_OUT MEMORY_MB
    _worker(_Duplex(Connection(int(sys.argv[1]), writable=False),
                    Connection(int(sys.argv[2]), readable=False)), float(sys.argv[3]))
