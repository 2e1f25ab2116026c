"""Where an ingestion starts: the index as it is, a rebuild, or the rebuild a killed run left.

An ingestion commits in checkpoints, so a killed run leaves everything up to its last checkpoint
in the index, and the next run skips those files as unchanged (same path, same content hash).

A rebuild (``--rebuild``, or an index of an older schema) cannot tell its own new documents from
the old ones by their hash: it records in kb-index.json the segments it replaces and the folders
it reads. Those segments stay searchable until the rebuild's final commit drops them; each
document leaves them when its new version is committed, so searchers see every document once,
old or new, all along. A run that finds such a record finishes that rebuild first, whatever it
was asked: the documents outside the recorded segments are done, the others are read again.
A schema change cannot keep the old segments (they were written with another analysis), so it
starts from an empty index, recorded the same way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from kb.config import Config
from kb.index import store

log = logging.getLogger(__name__)
KEY = "rebuild"


@dataclass
class Start:
    """How an ingestion run begins."""

    ix: object
    roots: list[Path]
    rebuild: bool = False
    resumed: bool = False
    #: Segments a pending rebuild replaces, as recorded (None: take all current ones).
    replacing: list[str] | None = field(default=None)


def open_for_ingest(index_dir: Path, roots: list[Path], config: Config, rebuild: bool) -> Start:
    """Open or create the index and decide whether this run rebuilds (or resumes a rebuild)."""
    meta = store.read_meta(index_dir)
    pending = meta.get(KEY) if store.index_exists(index_dir) else None
    if store.index_exists(index_dir) and not store.schema_is_current(index_dir):
        log.warning("index %s has an old schema; rebuilding", index_dir)
        ix = store.create_index(index_dir, config["title_boost"])
        return Start(ix, _with_known(roots, meta, {}), rebuild=True, replacing=[])
    if pending:
        log.warning("finishing the rebuild of %s an earlier run left unfinished", index_dir)
        return Start(store.open_index(index_dir), _with_known(roots, meta, pending), rebuild=True,
                     resumed=True, replacing=list(pending.get("replacing", [])))
    if rebuild:
        roots = _with_known(roots, meta, {})
        if store.index_exists(index_dir):
            return Start(store.open_index(index_dir), roots, rebuild=True)
        return Start(store.create_index(index_dir, config["title_boost"]), roots, rebuild=True,
                     replacing=[])
    ix = store.open_or_create(index_dir, config["title_boost"])
    return Start(ix, roots)


def begin(start: Start, writer, index_dir: Path) -> None:
    """Under the write lock: set the segments the rebuild replaces, and record them."""
    if not start.rebuild:
        return
    current = {s.segment_id() for s in writer.segments}
    replacing = current if start.replacing is None else current & set(start.replacing)
    writer.replacing = set(replacing)
    store.write_meta(index_dir, **{KEY: {
        "replacing": sorted(replacing),
        "roots": sorted(str(r) for r in start.roots if r.is_dir())}})


def record_roots(index_dir: Path, roots: list[Path]) -> None:
    """Add the folders of this run to kb-index.json now, so that a rebuild after a killed run
    knows them (written only when they are new: every write makes servers reopen the index)."""
    known = set(store.read_meta(index_dir).get("roots", []))
    folders = {str(r) for r in roots if r.is_dir()}
    if not folders <= known:
        store.write_meta(index_dir, roots=sorted(known | folders))


def _with_known(roots: list[Path], meta: dict, pending: dict) -> list[Path]:
    """``roots`` and the folders the index was built from (those that still exist)."""
    known = [Path(r) for r in list(meta.get("roots", [])) + list(pending.get("roots", []))]
    return list(dict.fromkeys(roots + [r for r in known if r.exists()]))
