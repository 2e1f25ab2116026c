"""A Whoosh writer that commits in checkpoints, and the schedule that says when.

A long ingestion used to commit once, at the end: a run killed at 95 % kept nothing, and a
server saw none of it before the end. :class:`CheckpointWriter` can ``checkpoint()``: commit what
it has written so far (a new table of contents that searchers pick up) and go on in a new
segment, keeping the write lock, so that no other writer slips in between two checkpoints.

Segments: every checkpoint adds at least one, so each commit runs Whoosh's merge policy
(``MERGE_SMALL``: small segments are merged once there are enough of them, by a Fibonacci rule).
A rebuild passes the segments it replaces as ``replacing``: they are never merged (their
documents are deleted one by one as their new versions are committed) and the final commit
drops them, with whatever they still hold (documents whose file is gone).
"""

from __future__ import annotations

import time

from whoosh.writing import MERGE_SMALL, PostingPool, SegmentWriter

from kb import faults


class Schedule:
    """Checkpoints every ``docs`` documents or ``seconds`` seconds, whichever comes first
    (0 turns that limit off); nothing is due while nothing was written."""

    def __init__(self, docs: int, seconds: float, clock=time.monotonic):
        self.docs, self.seconds, self._clock = int(docs), float(seconds), clock
        self.pending = 0
        self._since = clock()

    def wrote(self, n: int = 1) -> None:
        """Count ``n`` more documents written since the last checkpoint."""
        self.pending += n

    def due(self) -> bool:
        """True when a checkpoint should be committed now."""
        if not self.pending:
            return False
        return ((self.docs > 0 and self.pending >= self.docs)
                or (self.seconds > 0 and self._clock() - self._since >= self.seconds))

    def done(self) -> None:
        """A checkpoint was committed: start counting again."""
        self.pending = 0
        self._since = self._clock()


class CheckpointWriter(SegmentWriter):
    """A SegmentWriter whose ``checkpoint`` commits and goes on writing under the same lock."""

    def __init__(self, ix, replacing=(), limitmb=128, compound=True, **kwargs):
        super().__init__(ix, limitmb=limitmb, compound=compound, **kwargs)
        self._limitmb, self._compound_wanted = limitmb, compound
        #: Segment ids a rebuild replaces: kept apart from merges, dropped by the final commit.
        self.replacing = set(replacing)
        #: Checkpoints committed so far.
        self.checkpoints = 0
        #: (generation, segments) of the index before this writer, then of its last commit:
        #: what the document registry (kb.service.registry) records it matches.
        self.committed = (self.generation - 1, list(self.segments))

    def checkpoint(self) -> None:
        """Commit everything written so far, then go on in a new segment (lock kept)."""
        self._check_state()
        segments = self._commit_all(final=False)
        self._restart(segments)
        self.checkpoints += 1
        faults.reached("checkpoint")

    def commit(self, mergetype=None, optimize=None, merge=None):
        """The final commit: what ``replacing`` names is dropped; the lock is released."""
        self._check_state()
        self._commit_all(final=True, mergetype=mergetype)
        self._finish()

    def _gather(self, final: bool) -> list:
        """Segments written elsewhere (by worker processes) to commit with this writer's."""
        return []

    def _commit_all(self, final: bool, mergetype=None) -> list:
        extra = self._gather(final)
        if mergetype is not None:
            kept = mergetype(self, self.segments)
        else:
            apart = [s for s in self.segments if s.segment_id() in self.replacing]
            rest = [s for s in self.segments if s.segment_id() not in self.replacing]
            kept = MERGE_SMALL(self, rest) + ([] if final else apart)
        if self._added:
            kept.append(self._finalize_segment())
        else:
            self._close_segment()
        segments = kept + extra
        faults.reached("segments-written")  # everything is on disk, nothing committed yet
        self._commit_toc(segments)
        self.committed = (self.generation, list(segments))
        return segments

    def _restart(self, segments: list) -> None:
        """Become a writer of the next generation over ``segments``, as Whoosh's __init__ does."""
        if self._searcher is not None:  # a searcher of the old segment list (deletions use it)
            self._searcher._orig_close()
            self._searcher = None
        self.generation += 1
        self.segments = segments
        self.replacing &= {s.segment_id() for s in segments}
        self.docnum = self.docbase = 0
        self._setup_doc_offsets()
        self.newsegment = self.codec.new_segment(self.storage, self.indexname)
        self.compound = self._compound_wanted and self.newsegment.should_assemble()
        self._added = False
        self.pool = PostingPool(self._tempstorage, self.newsegment, limitmb=self._limitmb)
        self.perdocwriter = self.codec.per_document_writer(self.storage, self.newsegment)
        self.fieldwriter = self.codec.field_writer(self.storage, self.newsegment)
