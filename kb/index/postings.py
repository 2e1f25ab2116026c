"""Posting lists as numpy arrays, decoded in bulk and kept while their segment lives.

Whoosh walks postings one at a time in Python, which is what made frequent syllables slow: "quy"
is in 15,650 of 25,000 documents. Here the document numbers and weights of a term are decoded block
by block into numpy arrays once and kept in a cache bounded in bytes (least recently used out
first). Positions, which only phrases need, are decoded per block on demand and kept with the term.

The block layout read here is Whoosh 3's codec (``whoosh.codec.whoosh3``): each block is a
pickled ``(ids, weights, values)`` tuple, the ids delta-encoded. Lists in any other form (inlined
single postings) are read through Whoosh's own matcher. ``tests/test_postings.py`` checks both
against Whoosh's matchers, so an upgrade that changes the layout fails there, not in a search.
"""

from __future__ import annotations

import pickle
import threading
import zlib
from bisect import bisect_right
from collections import OrderedDict

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.util.numeric import byte_to_length

from kb.index import postings_files

#: byte → field length, as Whoosh decodes its one-byte length column.
_LENGTH_OF_BYTE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


class TermPostings:
    """The postings of one term in one segment: sorted ids, weights, positions on demand."""

    __slots__ = ("ids", "weights", "_starts", "_blocks", "_values", "_format", "_inline",
                 "_flat", "nbytes")

    def __init__(self, ids, weights, starts, blocks, values, format_, flat=None):
        self.ids = ids
        self.weights = weights
        self._starts = starts
        self._blocks = blocks
        self._values = values
        self._inline = bool(values)  # values read with the postings: never read again
        self._format = format_
        self._flat = flat  # positions mapped from kb.index.postings_files, when it has them
        self.nbytes = ids.nbytes + weights.nbytes + 64 * len(blocks) + 200

    def __len__(self) -> int:
        return len(self.ids)

    def positions(self, i: int, postfile) -> list[int]:
        """Word positions of the ``i``-th posting (the field must store positions), read
        through ``postfile``, the postings file of the caller's own reader: an entry of the
        cache outlives the reader that filled it, and file reads are not shared across threads."""
        if self._flat is not None:
            return self._flat.of(i)
        block = bisect_right(self._starts, i) - 1
        values = self._values.get(block)
        if values is None:
            values = block_values(postfile, *self._blocks[block])
            self._values[block] = values
            self.nbytes += sum(len(v) for v in values) + 40 * len(values)
        return self._format.decode_positions(values[i - self._starts[block]])

    def forget_positions(self) -> None:
        """Free the decoded positions (they are read again when needed)."""
        if not self._inline:
            self._values = {}


def block_values(postfile, offset: int, length: int, compressed: bool) -> list:
    """The encoded values (positions) of one Whoosh 3 block of postings."""
    data = postfile.get(offset, length)
    return pickle.loads(zlib.decompress(data) if compressed else data)[2]


def read_term(reader, fieldname: str, text: str) -> TermPostings | None:
    """The postings of ``fieldname:text`` in a segment reader, deleted documents included.

    Long lists come from the segment's flat files (:mod:`kb.index.postings_files`) when it has
    them, others from Whoosh's blocks.
    """
    fieldobj = reader.schema[fieldname]
    files = postings_files.for_reader(reader)
    if files is not None:
        found = files.get(fieldname, text)
        if found is not None:
            ids, weights, starts, blocks, flat = found
            return TermPostings(ids, weights, starts, blocks, {}, fieldobj.format, flat)
    try:
        tbytes = fieldobj.to_bytes(text)
    except ValueError:
        return None
    if (fieldname, tbytes) not in reader:
        return None
    terms = getattr(reader, "_terms", None)
    matcher = terms.matcher(fieldname, tbytes, fieldobj.format) if terms is not None \
        else reader.postings(fieldname, tbytes)
    if isinstance(matcher, W3LeafMatcher) and not matcher._byteids:
        return _read_blocks(matcher, fieldobj.format)
    return _read_matcher(matcher, fieldobj.format)


def _read_blocks(m: W3LeafMatcher, format_) -> TermPostings:
    postfile = m._postfile
    ids, weights, starts, blocks = [], [], [], []
    start = 0
    while True:
        length = m._nextoffset - m._dataoffset
        data = postfile.get(m._dataoffset, length)
        block_ids, block_weights, _ = pickle.loads(zlib.decompress(data) if m._compression
                                                   else data)
        n = m._blocklength
        ids.append(np.cumsum(np.array(block_ids, dtype=np.int64)))
        if block_weights is None:
            weights.append(np.ones(n))
        elif isinstance(block_weights, float):
            weights.append(np.full(n, block_weights))
        else:
            weights.append(np.array(block_weights, dtype=np.float64))
        starts.append(start)
        blocks.append((m._dataoffset, length, bool(m._compression)))
        start += n
        if m._lastblock:
            break
        m._goto(m._nextoffset)
    return TermPostings(np.concatenate(ids), np.concatenate(weights), starts, blocks, {},
                        format_)


def _read_matcher(m, format_) -> TermPostings:
    ids, weights, values = [], [], []
    while m.is_active():
        ids.append(m.id())
        weights.append(m.weight())
        values.append(m.value() if format_.supports("positions") else None)
        m.next()
    return TermPostings(np.array(ids, dtype=np.int64), np.array(weights, dtype=np.float64),
                        [0], [None], {0: values}, format_)


def read_lengths(reader, fieldname: str) -> np.ndarray:
    """Length of ``fieldname`` in every document of a segment, as Whoosh scores with it."""
    count = reader.doc_count_all()
    perdoc = getattr(reader, "_perdoc", None)
    column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN) \
        if perdoc is not None and hasattr(perdoc, "_cached_reader") else None
    if column is not None and hasattr(column, "_basepos"):
        raw = np.frombuffer(column._dbfile.get(column._basepos, column._count), dtype=np.uint8)
        codes = np.zeros(count, dtype=np.uint8)
        codes[:min(count, len(raw))] = raw[:count]
        return _LENGTH_OF_BYTE[codes]
    return np.array([reader.doc_field_length(d, fieldname) or 0 for d in range(count)],
                    dtype=np.float64)


class PostingsCache:
    """Decoded postings and field lengths of segments, least recently used out first."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple, object] = OrderedDict()
        self._sizes: dict[tuple, int] = {}
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: tuple, load):
        """The cached value of ``key``, else ``load()`` (kept when it fits)."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]
            self.misses += 1
        value = load()
        if value is None or self.max_bytes <= 0:
            return value
        size = value.nbytes if hasattr(value, "nbytes") else 0
        with self._lock:
            self._items[key] = value
            self._sizes[key] = size
            self._trim()
        return value

    def _trim(self) -> None:
        total = sum(self._sizes.values())
        while total > self.max_bytes and len(self._items) > 1:
            key, _ = self._items.popitem(last=False)
            total -= self._sizes.pop(key)

    def forget_positions(self) -> None:
        """Free the memory of every decoded position (they are read again when needed)."""
        with self._lock:
            for value in self._items.values():
                if isinstance(value, TermPostings):
                    value.forget_positions()

    def clear(self) -> None:
        """Forget everything (benchmarks measure cold reads this way)."""
        with self._lock:
            self._items.clear()
            self._sizes.clear()

    @property
    def size(self) -> int:
        """Bytes held (positions decoded since an entry was added count once it is re-added)."""
        with self._lock:
            return sum(self._sizes.values())


#: One cache per process, shared by every searcher of every index (keys name the segment).
CACHE = PostingsCache(256 * 1024 * 1024)


def segment_key(reader) -> tuple:
    """What names a segment's files for the cache: the folder and the segment's id."""
    storage = getattr(reader, "_storage", None)
    segment = getattr(reader, "_segment", None)
    if segment is None:
        return ("reader", id(reader))
    # Segments never change once written, so decoded postings stay valid for every reader of
    # the segment (deleted documents are masked by the engine, not here).
    return (postings_files.storage_folder(storage) or id(storage), segment.segment_id())


def cached_term(reader, fieldname: str, text: str) -> TermPostings | None:
    """:func:`read_term` through the process cache."""
    return CACHE.get((segment_key(reader), "t", fieldname, text),
                     lambda: read_term(reader, fieldname, text))


def cached_lengths(reader, fieldname: str) -> np.ndarray:
    """:func:`read_lengths` through the process cache."""
    return CACHE.get((segment_key(reader), "l", fieldname),
                     lambda: read_lengths(reader, fieldname))
