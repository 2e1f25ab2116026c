"""Named points where a test can stop a running ``kb ingest`` to kill it there.

Crash tests must kill a real ingest at a chosen moment (after a checkpoint, in the middle of a
segment, between writing a segment and committing it) without depending on the speed of the
machine. With ``KB_HALT_AT=point`` (or ``point:n``, the n-th time the point is reached) in the
environment, the process prints ``KB_HALTED point`` on stderr when it gets there and waits
until it is killed; the test reads that line, then sends the signal. Without the variable the
points cost one dictionary lookup.
"""

from __future__ import annotations

import os
import sys
import time

ENV = "KB_HALT_AT"
MARKER = "KB_HALTED"

_seen: dict[str, int] = {}


def reached(point: str) -> None:
    """Halt here when ``KB_HALT_AT`` names ``point`` (and this is its n-th arrival)."""
    wanted = os.environ.get(ENV)
    if not wanted:
        return
    name, _, nth = wanted.partition(":")
    if name != point:
        return
    _seen[point] = _seen.get(point, 0) + 1
    if _seen[point] != int(nth or 1):
        return
    sys.stderr.write(f"{MARKER} {point}\n")
    sys.stderr.flush()
    while True:  # until the test kills this process
        time.sleep(3600)
