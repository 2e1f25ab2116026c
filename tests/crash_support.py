"""Shared by the crash tests: run a real ``python -m kb`` and kill it at a named point.

The process is stopped by kb.faults (``KB_HALT_AT``): it prints a marker on stderr and waits, so
the test kills it exactly there, whatever the speed of the machine.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from kb.faults import ENV, MARKER
from kb.index.lock import alive

ROOT = Path(__file__).resolve().parent.parent
#: Generous: a loaded two-core machine may take long to start underthesea in a fresh process.
TIMEOUT = 600


def kb_env(**settings) -> dict:
    """The environment of a kb subprocess: this checkout, no progress bar, no stray kb.toml."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KB_")}
    env.update(PYTHONPATH=str(ROOT), KB_PROGRESS="never", KB_CONFIG=os.devnull)
    env.update({k: str(v) for k, v in settings.items()})
    return env


def run_kb(*args, **settings) -> subprocess.CompletedProcess:
    """Run ``python -m kb ARGS`` to the end."""
    return subprocess.run([sys.executable, "-m", "kb", *map(str, args)], cwd=ROOT,
                          env=kb_env(**settings), capture_output=True, text=True,
                          timeout=TIMEOUT)


class Halted:
    """A ``python -m kb`` process stopped at ``point`` (``name`` or ``name:n``), then killed."""

    def __init__(self, point: str, *args, **settings):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kb", *map(str, args)], cwd=ROOT,
            env=kb_env(**settings, **{ENV: point}), stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True)
        self._lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.stderr: list[str] = []
        self._wait_marker(point.split(":")[0])
        self.children = self._children()

    def _read(self) -> None:
        with self.proc.stderr:
            for line in self.proc.stderr:
                self._lines.put(line)
        self._lines.put(None)

    def _wait_marker(self, name: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = self._lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line is None:
                raise AssertionError(f"kb ended before {name}: {''.join(self.stderr)[-2000:]}")
            self.stderr.append(line)
            if line.strip() == f"{MARKER} {name}":
                return
        self.proc.kill()
        raise AssertionError(f"kb did not reach {name} in {TIMEOUT} s")

    def _children(self) -> list[int]:
        path = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        try:
            return [int(p) for p in path.read_text().split()]
        except OSError:
            return []

    def kill(self) -> None:
        """SIGKILL the process (not its children: they are left as a real kill leaves them)."""
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=TIMEOUT)

    def wait_children_gone(self) -> None:
        """Wait until the killed process's children have exited (they notice within seconds)."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline and any(alive(p) for p in self.children):
            time.sleep(0.2)
        assert not any(alive(p) for p in self.children), "workers outlived their parent"
