"""`kb serve` in several processes: one address, every process answering, none left behind.

Given the session's corpus index, when `kb serve` runs with serve_processes=2 on a free port,
then two worker processes run under the one started and answer every concurrent request; when
it is stopped (SIGTERM), no worker is left running; and a second server on the same port stops
with a Vietnamese message instead of sharing it. Waits are on conditions with generous limits.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from web_support import until

ROOT = Path(__file__).resolve().parent.parent
#: Generous: a loaded machine may take long to start Python and load underthesea's model.
START_SECONDS = 180


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"



def get(port: int, target: str) -> int:
    """The status of GET ``target``."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request("GET", target)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def answers(port: int) -> bool:
    try:
        return get(port, "/api/stats") == 200
    except OSError:
        return False


def start(index: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KB_SERVE_PROCESSES": "2",
           "KB_SERVE_THREADS": "2"}
    return subprocess.Popen([sys.executable, "-m", "kb", "--index", index, "serve", "--port",
                             str(port)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir() or not hasattr(os, "fork"),
                    reason="needs fork and /proc")
def test_two_processes_serve_one_address_and_stop_together(corpus_index):
    port = free_port()
    server = start(corpus_index["index"], port)
    workers = []
    try:
        assert until(lambda: answers(port) or server.poll() is not None, START_SECONDS)
        assert server.poll() is None, server.stderr.read()
        workers = children(server.pid)
        assert len(workers) == 2

        def search(n: int) -> int:
            return get(port, "/api/search?q=ch%E1%BB%89%20th%E1%BB%8B%2005&page=" + str(n % 3 + 1))

        with ThreadPoolExecutor(max_workers=8) as pool:
            assert set(pool.map(search, range(24))) == {200}

        second = start(corpus_index["index"], port)
        out, err = second.communicate(timeout=START_SECONDS)
        assert second.returncode != 0 and f"Không mở được cổng 127.0.0.1:{port}" in err
        assert answers(port)  # the first server still owns the port
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=120)
    assert until(lambda: not any(alive(p) for p in workers), 60)
