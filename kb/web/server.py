"""`kb serve`: waitress in one or more processes, each with a few threads, on one address.

A search is CPU-bound Python (analysis, snippets, the numpy engine's glue), and one process
runs Python on one core at a time (the GIL): more threads only queue. Measured with
benchmarks/load.py on 2 cores, 8 clients got 5.6 times the single-client p99 from one process.
So the address is bound once and ``serve_processes`` processes are forked to accept on it,
each serving ``serve_threads`` threads: a busy process is slower to accept, so new
connections go mostly to an idle one. underthesea's model is loaded before the fork (its pages
are shared); searchers, the postings cache and the per-index caches are each process's own. A
child whose parent is gone stops.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import threading
import time

log = logging.getLogger(__name__)

#: Seconds between a child's checks that the parent (which owns the lifetime) still runs.
PARENT_CHECK_SECONDS = 1.0


def process_count(setting: int) -> int:
    """``serve_processes`` as a number: 0 means one per core, at most 4."""
    if setting and setting > 0:
        return setting
    return max(1, min(4, os.cpu_count() or 1))


def serve(make_app, host: str, port: int, threads: int, processes: int) -> None:
    """Serve the app ``make_app()`` builds on host:port until interrupted."""
    from waitress import serve as waitress_serve

    if processes <= 1 or not hasattr(os, "fork"):
        waitress_serve(make_app(), host=host, port=port, threads=threads)
        return
    sock = _listening(host, port)  # once, in the parent: a taken address fails here
    children = []
    for _ in range(processes):
        pid = os.fork()
        if pid == 0:  # the child: its own app over the inherited socket
            code = 0
            try:
                _watch_parent(os.getppid())
                waitress_serve(make_app(), sockets=[sock], threads=threads)
            except KeyboardInterrupt:  # Ctrl+C reaches every process of the group
                pass
            except BaseException:  # noqa: BLE001 - whatever ends the child, it must not return
                log.exception("kb serve process %d stopped", os.getpid())
                code = 1
            finally:
                os._exit(code)
        children.append(pid)
    sock.close()
    _wait_for(children)


def _listening(host: str, port: int) -> socket.socket:
    """A listening socket on host:port."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(1024)
    return sock


def _watch_parent(parent: int) -> None:
    """Exit this child when its parent is gone (killed without the chance to stop it)."""

    def watch():
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)  # no event to wait on for another process's end
        os._exit(0)

    threading.Thread(target=watch, name="kb-parent-watch", daemon=True).start()


def _wait_for(children: list[int]) -> None:
    """Wait until a signal or a child's end; then stop every child and return."""

    def stop(signum, _frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        pid, status = os.wait()
        log.warning("kb serve process %d ended (status %d); stopping the others", pid, status)
        children.remove(pid)
    except KeyboardInterrupt:
        pass
    finally:
        for pid in children:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for pid in children:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
    sys.stdout.flush()
