"""Whoosh's FileIndex with a reader refresh that shows the index as committed.

A long-lived searcher follows new commits with ``searcher.refresh()``, which opens a reader of
the new table of contents reusing the readers of unchanged segments. In whoosh-reloaded 2.7.5
that reuse adds every segment of the old reader missing from the new list (so the documents of
merged segments are counted twice after a merge) and reuses a segment's reader although the
segment has gained deletions since (so deleted and replaced documents stay visible). Ingestion in
checkpoints merges and deletes while servers refresh, so both showed at once. Here only the new
table of contents lists segments, and a reader is reused only for a segment in the same state
(same id, same number of deleted documents: deletions are never undone).
"""

from __future__ import annotations

from whoosh.filedb.filestore import FileStorage
from whoosh.index import _DEF_INDEX_NAME, FileIndex
from whoosh.reading import EmptyReader, MultiReader, SegmentReader


def _state(segment) -> tuple:
    return segment.segment_id(), segment.deleted_count()


class KbFileIndex(FileIndex):
    """A FileIndex whose refreshed readers list exactly the committed segments."""

    @classmethod
    def _reader(cls, storage, schema, segments, generation, reuse=None):
        if not segments:
            return EmptyReader(schema)
        reusable = {}
        if reuse is not None:
            for leaf, _ in reuse.leaf_readers():
                segment = leaf.segment()
                if segment is not None:
                    reusable[_state(segment)] = leaf
        readers = []
        try:
            for segment in segments:
                old = reusable.pop(_state(segment), None)
                if old is not None:
                    old._gen = generation  # it reads this generation now (refresh compares it)
                    readers.append(old)
                else:
                    readers.append(SegmentReader(storage, schema, segment, generation=generation))
        finally:
            for leaf in reusable.values():  # segments merged away or changed: no longer read
                leaf.close()
        if len(readers) == 1:
            return readers[0]
        return MultiReader(readers, generation=generation)


def open_dir(index_dir: str, indexname: str = _DEF_INDEX_NAME) -> KbFileIndex:
    """Open the Whoosh index in ``index_dir`` (like whoosh.index.open_dir)."""
    return KbFileIndex(FileStorage(index_dir), indexname=indexname)
