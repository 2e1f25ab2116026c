"""Evaluate kb's queries over whole posting lists with numpy: match sets, BM25F scores, phrases.

Whoosh's matchers score a document at a time in Python; kb's queries (every syllable in several
views of the text) touch tens of thousands of postings, so the same arithmetic is done here one
term at a time over arrays (:mod:`kb.index.postings`). Scores equal Whoosh's BM25F to rounding
(``tests/test_engine.py`` compares them): ``boost × idf × w(K1+1) / (w + K1(1 − B + B·len/avg))``
summed over the terms, with Whoosh's idf, field lengths and average lengths.

Document numbers are the searcher's (segment offset added); deleted documents never match.
"""

from __future__ import annotations

import numpy as np
from whoosh import query as Q

from kb.index.postings import cached_lengths, cached_term

_EMPTY = np.zeros(0, dtype=np.int64)


class _Term:
    """A term's postings across the segments, in searcher document numbers."""

    __slots__ = ("ids", "weights", "parts")

    def __init__(self, ids, weights, parts):
        self.ids = ids
        self.weights = weights
        # [(TermPostings, postings file, first index in ids, kept indexes or None)]
        self.parts = parts

    def positions(self, i: int) -> list[int]:
        """Positions of the ``i``-th posting of :attr:`ids`."""
        for postings, postfile, first, kept in reversed(self.parts):
            if i >= first:
                j = i - first
                return postings.positions(int(kept[j]) if kept is not None else j, postfile)
        raise IndexError(i)


class Engine:
    """Queries over one Whoosh searcher (one per search: it remembers the terms it read)."""

    def __init__(self, searcher, saturation: dict | None = None):
        self.searcher = searcher
        #: {field: (k1, b)} overriding the weighting's K1 and B for that field (query time).
        self.saturation = saturation or {}
        self.doc_count = searcher.doc_count_all()
        self._segments = [(sub.reader(), offset) for sub, offset in searcher.leaf_searchers()]
        self._terms: dict[tuple[str, str], _Term] = {}
        self._live = None

    # -- postings ---------------------------------------------------------------------------

    def term(self, fieldname: str, text: str) -> _Term:
        """Postings of ``fieldname:text`` over all segments, deleted documents left out."""
        key = (fieldname, text)
        found = self._terms.get(key)
        if found is not None:
            return found
        ids, weights, parts, first = [], [], [], 0
        if fieldname in self.searcher.schema:
            for reader, offset in self._segments:
                postings = cached_term(reader, fieldname, text)
                if postings is None or not len(postings):
                    continue
                local, w, kept = postings.ids, postings.weights, None
                if reader.has_deletions():
                    keep = self.live()[local + offset]
                    kept = np.flatnonzero(keep)
                    local, w = local[keep], w[keep]
                ids.append(local + offset)
                weights.append(w)
                postfile = getattr(getattr(reader, "_terms", None), "_postfile", None)
                parts.append((postings, postfile, first, kept))
                first += len(local)
        found = _Term(np.concatenate(ids) if ids else _EMPTY,
                      np.concatenate(weights) if weights else np.zeros(0), parts)
        self._terms[key] = found
        return found

    def lengths(self, fieldname: str) -> np.ndarray:
        """Field length of every document (searcher numbering)."""
        parts = [cached_lengths(reader, fieldname) for reader, _ in self._segments]
        return parts[0] if len(parts) == 1 else np.concatenate(parts)

    def live(self) -> np.ndarray:
        """Boolean mask of the documents not deleted."""
        if self._live is None:
            live = np.ones(self.doc_count, dtype=bool)
            for reader, offset in self._segments:
                if reader.has_deletions():
                    dead = np.fromiter(reader.deleted_docs_set, dtype=np.int64)
                    live[dead + offset] = False
            self._live = live
        return self._live

    # -- matching ---------------------------------------------------------------------------

    def docs(self, q) -> np.ndarray:
        """Sorted document numbers matching ``q`` (Term, And, Or, Phrase, Every; others via
        Whoosh)."""
        if q is None or q is Q.NullQuery or isinstance(q, Q.NullQuery.__class__):
            return _EMPTY
        if isinstance(q, Q.Term):
            return self.term(q.fieldname, q.text).ids
        if isinstance(q, Q.And):
            parts = sorted((self.docs(sub) for sub in q.subqueries), key=len)
            found = parts[0] if parts else _EMPTY
            for other in parts[1:]:
                if not len(found):
                    break
                found = np.intersect1d(found, other, assume_unique=True)
            return found
        if isinstance(q, Q.Or):
            parts = [self.docs(sub) for sub in q.subqueries]
            parts = [p for p in parts if len(p)]
            if not parts:
                return _EMPTY
            return parts[0] if len(parts) == 1 else np.unique(np.concatenate(parts))
        if isinstance(q, Q.Phrase):
            candidates = self.docs(Q.And([Q.Term(q.fieldname, w) for w in q.words]))
            counts = self.phrase_counts(q.fieldname, q.words, candidates)
            return candidates[counts > 0]
        if isinstance(q, Q.Every):
            return np.flatnonzero(self.live()).astype(np.int64)
        found = np.fromiter(self.searcher.docs_for_query(q), dtype=np.int64)
        found.sort()
        return found

    @staticmethod
    def locate(t: _Term, docnums: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each of ``docnums`` (sorted or not): its index in ``t.ids`` (meaningful where
        held) and whether it holds the term."""
        idx = np.searchsorted(t.ids, docnums)
        inside = idx < len(t.ids)
        hit = np.zeros(len(docnums), dtype=bool)
        hit[inside] = t.ids[idx[inside]] == docnums[inside]
        return idx, hit

    def phrase_counts(self, fieldname: str, words: list[str], docnums: np.ndarray) -> np.ndarray:
        """How often ``words`` stand next to each other, in order, in each of ``docnums``."""
        counts = np.zeros(len(docnums), dtype=np.int64)
        if not len(words) or not len(docnums):
            return counts
        terms = [self.term(fieldname, w) for w in words]
        where, present = [], np.ones(len(docnums), dtype=bool)
        for t in terms:
            idx, hit = self.locate(t, docnums)
            present &= hit
            where.append(idx)
        for row in np.flatnonzero(present):
            starts = set(terms[0].positions(int(where[0][row])))
            for i in range(1, len(terms)):
                if not starts:
                    break
                following = terms[i].positions(int(where[i][row]))
                starts &= {p - i for p in following}
            counts[row] = len(starts)
        return counts

    # -- scoring ----------------------------------------------------------------------------

    def scores(self, leaves: list, boost: float = 1.0,
               budget=None) -> tuple[np.ndarray, np.ndarray]:
        """BM25F score of every document for the sum of ``leaves`` (Terms), and which matched.

        Past ``budget`` (a :class:`kb.index.budget.Budget`) the leaves left are not added; the
        first always is, so that a late start still ranks by something.
        """
        total = np.zeros(self.doc_count)
        hit = np.zeros(self.doc_count, dtype=bool)
        for n, leaf in enumerate(leaves):
            if n and budget is not None and budget.cut():
                break
            if not isinstance(leaf, Q.Term):
                hit[self.docs(leaf)] = True
                continue
            t = self.term(leaf.fieldname, leaf.text)
            if not len(t.ids):
                continue
            hit[t.ids] = True
            s = self.bm25(leaf.fieldname, leaf.text, t.ids, t.weights)
            total[t.ids] += s * (leaf.boost * boost)  # a term's ids are unique
        return total, hit

    def bm25(self, fieldname: str, text: str, docnums: np.ndarray,
             weights: np.ndarray) -> np.ndarray:
        """Unboosted BM25F of ``fieldname:text`` for ``docnums`` holding it ``weights`` times."""
        weighting = self.searcher.weighting
        K1, B = self.saturation.get(fieldname) or (
            weighting.K1, getattr(weighting, "_field_B", {}).get(fieldname, weighting.B))
        idf = self.searcher.idf(fieldname, text)
        avg = self.searcher.avg_field_length(fieldname) or 1
        lengths = self.lengths(fieldname)[docnums]
        return idf * ((weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * lengths / avg)))


def top(scores: np.ndarray, candidates: np.ndarray, depth: int) -> list[tuple[int, float]]:
    """The ``depth`` best of ``candidates`` by score, ties to the lower document number."""
    if not len(candidates):
        return []
    values = scores[candidates]
    if len(candidates) > depth:
        best = np.argpartition(-values, depth - 1)[:depth]
        # Keep every candidate tied with the last kept score, then cut after ordering.
        floor = values[best].min()
        best = np.flatnonzero(values >= floor)
        candidates, values = candidates[best], values[best]
    order = np.lexsort((candidates, -values))[:depth]
    return [(int(candidates[i]), float(values[i])) for i in order]
