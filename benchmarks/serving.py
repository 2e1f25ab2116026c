"""A `kb serve` for the HTTP benchmarks: started on a free loopback port, watched through /proc.

The HTTP benchmarks only ever talk to loopback addresses (:func:`require_loopback`): they send
thousands of requests and must not be pointed at someone else's server by mistake.
"""

from __future__ import annotations

import http.client
import ipaddress
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from common import ROOT

#: How long a freshly started server may take to answer (underthesea loads on first query).
START_TIMEOUT = 120.0


def require_loopback(url: str) -> tuple[str, int]:
    """(host, port) of ``url``; exits unless the host is a loopback address."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if parts.scheme != "http" or not loopback:
        sys.exit(f"refusing {url!r}: only http://127.0.0.1, ::1 or localhost servers are benchmarked")
    return host, parts.port or 80


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(host: str, port: int, timeout: float = START_TIMEOUT, process=None) -> None:
    """Block until the server answers /api/stats (raises RuntimeError after ``timeout``)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"kb serve exited with {process.returncode}")
        try:
            conn = http.client.HTTPConnection(host, port, timeout=10)
            conn.request("GET", "/api/stats")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)  # polling a process we do not control; the deadline bounds it
    raise RuntimeError(f"kb serve on {host}:{port} did not answer within {timeout:.0f} s")


@contextmanager
def kb_serve(index: Path, env: dict | None = None):
    """Run `kb serve` over ``index`` on a free 127.0.0.1 port; yields (url, process).

    ``env`` adds settings (``KB_SERVE_PROCESSES``...) to the server's environment.
    """
    port = free_port()
    environ = {**os.environ, "PYTHONPATH": str(ROOT), "KB_LOG_LEVEL": "ERROR", **(env or {})}
    command = [sys.executable, "-m", "kb", "--index", str(index), "serve",
               "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, cwd=ROOT, env=environ, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    try:
        wait_ready("127.0.0.1", port, process=process)
        yield f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _children(pid: int) -> list[int]:
    """Pids whose parent is ``pid`` (from /proc/*/stat)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may hold spaces, so split after its ")".
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _status(pid: int) -> dict:
    facts = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("Threads:"):
                facts["threads"] = int(line.split()[1])
            elif line.startswith("VmRSS:"):
                facts["rss_mb"] = int(line.split()[1]) / 1024
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                facts["pss_mb"] = int(line.split()[1]) / 1024
    except OSError:
        pass
    return facts


def process_facts(pid: int) -> dict:
    """{"processes", "threads", "rss_mb", "pss_mb"} of process ``pid`` and its children, summed
    (from /proc; PSS counts pages shared after a fork once; empty when unreadable)."""
    total: dict = {}
    for one in [pid] + _children(pid):
        facts = _status(one)
        if not facts:
            continue
        total["processes"] = total.get("processes", 0) + 1
        for key, value in facts.items():
            total[key] = total.get(key, 0) + value
    return total
