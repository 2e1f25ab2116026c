"""Values derived from the whole index (merged sayings, suggestion lists, the citation graph),
built once per index state and shared by the threads of a server."""

from __future__ import annotations

import threading
from typing import Callable, TypeVar

T = TypeVar("T")

_CACHE: dict[tuple, object] = {}
_LOCK = threading.Lock()
#: States kept per kind of value: one index per process in practice, a few for tests/rebuilds.
_KEEP = 4


def per_index_state(searcher, name: str, build: Callable[[], T]) -> T:
    """``build()`` once for the current state of the index ``searcher`` reads (see Searcher.state)."""
    return per_state(searcher.state, name, build)


def per_state(state: tuple | None, name: str, build: Callable[[], T]) -> T:
    """``build()`` once per index ``state`` (a Searcher.state value; None builds afresh)."""
    if state is None:
        return build()  # unknown state: build afresh rather than risk a stale value
    key = (name, state)
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]  # type: ignore[return-value]
    value = build()
    with _LOCK:
        same = [k for k in _CACHE if k[0] == name]
        for old in same[: max(0, len(same) - _KEEP + 1)]:
            del _CACHE[old]
        _CACHE[key] = value
    return value
