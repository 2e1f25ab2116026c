"""Long posting lists kept beside each segment as flat arrays, so a cold search does not unpickle.

A search that meets a frequent syllable for the first time in a process used to decode its list
from Whoosh's blocks: one ``zlib`` + ``pickle`` round per 128 postings, in Python. For long
questions on 25,000 documents that decoding was nine tenths of the time (benchmarks/
search_latency.py, "cold postings"). When a writer commits, every list of at least
:data:`MIN_POSTINGS` documents of each new segment is written once more, here, as plain arrays
(document numbers, weights) with the table of its Whoosh blocks; readers map the arrays and take
a term's slice without decoding anything. Shorter lists, most of the terms and a small share of
the postings, are still read through Whoosh.

Files live in ``<index>/postings/``: ``<segment>.json`` (the term table; written last, so its
presence means the arrays are complete) and four arrays ``<segment>.<name>.npy``: ``ids``,
``weights``, ``positions`` (every posting's word positions, one after the other) and ``ends``
(where each posting's positions end).
Segments are immutable, so the files never change; those of segments a merge removed are
deleted by the next writer (:func:`remove_stale`). Deleted documents are left out later, by
:class:`kb.index.engine.Engine`, exactly as for lists read through Whoosh.
"""

from __future__ import annotations

import json
import logging
import os
import struct
import threading
import time
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

#: Lists shorter than this are cheap to decode through Whoosh (a few blocks) and are not kept.
MIN_POSTINGS = 256
FOLDER = "postings"
#: Bumped when the layout of the files changes; older files are then rebuilt.
LAYOUT = 2
#: Offset of the document frequency in Whoosh 3's packed term info ("!BfIBBfII").
_DOC_FREQ = struct.Struct("!I")


def _folder(index_dir: Path) -> Path:
    return Path(index_dir) / FOLDER


def storage_folder(storage) -> str | None:
    """The folder of a segment reader's storage (a compound segment's overlays the folder's)."""
    folder = getattr(storage, "folder", None)
    if folder is not None:
        return str(folder)
    for inner in (getattr(storage, "b", None), getattr(storage, "a", None)):
        if inner is not None and inner is not storage:
            found = storage_folder(inner)
            if found is not None:
                return found
    return None


def _segment_id(reader) -> str | None:
    segment = getattr(reader, "_segment", None)
    return segment.segment_id() if segment is not None else None


def write_segment(reader, index_dir: Path) -> Path | None:
    """Write the long lists of one segment reader; returns the table's path (None: nothing to
    do, the segment is not in Whoosh 3's layout or its files exist already)."""
    from kb.index.postings import _read_blocks
    from whoosh.codec.whoosh3 import W3LeafMatcher

    segid = _segment_id(reader)
    terms = getattr(reader, "_terms", None)
    tindex = getattr(terms, "_tindex", None)
    if segid is None or tindex is None:
        return None
    folder = _folder(index_dir)
    table_path = folder / f"{segid}.json"
    if table_path.is_file():
        return None
    schema = reader.schema
    table: dict[str, dict[str, list]] = {}
    ids, weights, counts, positions, start = [], [], [], [], 0
    for keybytes, valbytes in tindex.items():
        if _DOC_FREQ.unpack_from(valbytes, 5)[0] < MIN_POSTINGS:
            continue
        fieldname, tbytes = terms._keydecoder(keybytes)
        if fieldname not in schema:
            continue
        fieldobj = schema[fieldname]
        matcher = terms.matcher(fieldname, tbytes, fieldobj.format)
        if not isinstance(matcher, W3LeafMatcher) or matcher._byteids:
            continue
        postings = _read_blocks(matcher, fieldobj.format)
        n = len(postings.ids)
        table.setdefault(fieldname, {})[fieldobj.from_bytes(tbytes)] = \
            [start, n, postings._starts, [list(b) for b in postings._blocks]]
        ids.append(postings.ids.astype(np.uint32))
        weights.append(postings.weights)
        if fieldobj.format.supports("positions"):
            lists = _all_positions(postings, matcher._postfile)
            counts.append(np.fromiter((len(x) for x in lists), dtype=np.int64, count=n))
            positions.append(np.fromiter((p for lst in lists for p in lst), dtype=np.int32,
                                         count=int(counts[-1].sum())))
        else:
            counts.append(np.zeros(n, dtype=np.int64))
        start += n
    folder.mkdir(exist_ok=True)
    all_weights = np.concatenate(weights) if weights else np.zeros(0)
    narrow = all_weights.astype(np.float32)
    if np.array_equal(narrow, all_weights):  # term frequencies: exact in 32 bits
        all_weights = narrow
    tmp = f".{os.getpid()}.{threading.get_ident()}.tmp"
    ends = np.cumsum(np.concatenate(counts)) if counts else np.zeros(0, np.int64)
    if not len(ends) or ends[-1] < 2 ** 32:
        ends = ends.astype(np.uint32)
    flat = np.concatenate(positions) if positions else np.zeros(0, np.int32)
    for suffix, array in (("ids", np.concatenate(ids) if ids else np.zeros(0, np.uint32)),
                          ("weights", all_weights),
                          ("ends", ends),
                          ("positions", flat)):
        part = folder / f"{segid}.{suffix}.npy{tmp}"
        with open(part, "wb") as fh:
            np.save(fh, array)
        os.replace(part, folder / f"{segid}.{suffix}.npy")
    part = folder / f"{segid}.json{tmp}"
    part.write_text(json.dumps({"layout": LAYOUT, "min_postings": MIN_POSTINGS,
                                "postings": start, "terms": table}), encoding="utf-8")
    os.replace(part, table_path)
    return table_path


def _all_positions(postings, postfile) -> list[list[int]]:
    """Word positions of every posting of a list, block by block."""
    from kb.index.postings import block_values

    decode = postings._format.decode_positions
    found = []
    for block in postings._blocks:
        found.extend(decode(v) for v in block_values(postfile, *block))
    return found


def write_missing(ix, index_dir: Path) -> int:
    """Write the files of every segment of ``ix`` that has none; returns how many were written.

    Failures are logged and leave searches on Whoosh's own decoding: the files only save time.
    """
    written = 0
    try:
        with ix.reader() as reader:
            leaves = [r for r, _ in reader.leaf_readers()] if not reader.is_atomic() else [reader]
            for leaf in leaves:
                if write_segment(leaf, index_dir):
                    written += 1
    except Exception as exc:  # noqa: BLE001 - an optimisation never fails a commit
        log.warning("postings files of %s not written: %s", index_dir, exc)
    return written


def segments_without_files(ix, index_dir: Path) -> list[str]:
    """Ids of the index's segments that have no flat files (yet)."""
    folder = _folder(index_dir)
    return [s.segment_id() for s in ix._read_toc().segments
            if not (folder / f"{s.segment_id()}.json").is_file()]


def remove_stale(ix, index_dir: Path) -> list[str]:
    """Delete the files of segments the index no longer has (a merge replaced them)."""
    folder = _folder(index_dir)
    if not folder.is_dir():
        return []
    wanted = {s.segment_id() for s in ix._read_toc().segments}
    removed = []
    for path in folder.iterdir():
        if path.name.split(".")[0] not in wanted or path.name.endswith(".tmp"):
            path.unlink(missing_ok=True)
            removed.append(path.name)
    return removed


class SegmentPostings:
    """The long lists of one segment, mapped from its files."""

    def __init__(self, table: dict, arrays: dict[str, np.ndarray]):
        self.terms = table["terms"]
        self.ids = arrays["ids"]
        self.weights = arrays["weights"]
        self.ends = arrays["ends"]
        self.positions = arrays["positions"]

    def get(self, fieldname: str, text: str):
        """(ids, weights, block starts, block table, positions) of a long list, or None;
        positions is a :class:`FlatPositions` (None when the field keeps none)."""
        entry = self.terms.get(fieldname, {}).get(text)
        if entry is None:
            return None
        start, n, starts, blocks = entry
        ends = self.ends[start:start + n]
        first = int(self.ends[start - 1]) if start else 0
        flat = FlatPositions(self.positions, first, ends) if n and ends[-1] > first else None
        return (np.asarray(self.ids[start:start + n], dtype=np.int64),
                np.asarray(self.weights[start:start + n], dtype=np.float64),
                starts, [tuple(b) for b in blocks], flat)


class FlatPositions:
    """The word positions of a list's postings, as slices of one mapped array."""

    __slots__ = ("_all", "_first", "_ends")

    def __init__(self, positions: np.ndarray, first: int, ends: np.ndarray):
        self._all, self._first, self._ends = positions, first, ends

    def of(self, i: int) -> list[int]:
        """Positions of the ``i``-th posting."""
        begin = int(self._ends[i - 1]) if i else self._first
        return self._all[begin:int(self._ends[i])].tolist()


_OPEN: dict[tuple[str, str], SegmentPostings] = {}
#: When a segment was last found without files: looked for again only after RETRY seconds.
_MISSING: dict[tuple[str, str], float] = {}
RETRY = 5.0
_LOCK = threading.Lock()


def for_reader(reader) -> SegmentPostings | None:
    """The mapped long lists of a segment reader, or None when it has no files (yet)."""
    segid = _segment_id(reader)
    folder = storage_folder(getattr(reader, "_storage", None))
    if segid is None or folder is None:
        return None
    key = (str(folder), segid)
    with _LOCK:
        found = _OPEN.get(key)
        if found is not None:
            return found
        if time.monotonic() - _MISSING.get(key, -RETRY) < RETRY:
            return None
    found = _load(_folder(Path(folder)), segid)
    with _LOCK:
        if found is None:
            _MISSING[key] = time.monotonic()
        else:
            _OPEN[key] = found
            _MISSING.pop(key, None)
    return found


def _load(folder: Path, segid: str) -> SegmentPostings | None:
    try:
        table = json.loads((folder / f"{segid}.json").read_text(encoding="utf-8"))
        if table.get("layout") != LAYOUT:
            return None
        arrays = {name: np.load(folder / f"{segid}.{name}.npy", mmap_mode="r")
                  for name in ("ids", "weights", "ends", "positions")}
    except (OSError, ValueError):
        return None
    if any(len(arrays[name]) != table["postings"] for name in ("ids", "weights", "ends")):
        return None
    return SegmentPostings(table, arrays)
