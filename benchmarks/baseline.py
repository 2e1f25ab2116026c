"""The plain reference ranking every judged set is compared with.

BM25 (k1=1.2, b=0.75) over lower-cased NFC syllables and adjacent syllable pairs, one bag per
document, as the SOURCE.txt files of ../shared/data describe it: no stopwords, no folding, no
word segmentation, no title. It is built in memory with scipy's sparse matrices.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
from scipy import sparse

_SYLLABLE = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Lower-cased NFC syllables followed by every adjacent pair of them."""
    syllables = _SYLLABLE.findall(unicodedata.normalize("NFC", text or "").lower())
    return syllables + [f"{a} {b}" for a, b in zip(syllables, syllables[1:])]


class PlainBM25:
    """BM25 over ``tokens`` of each document; ``search`` returns the top ids with scores."""

    def __init__(self, docs: list[tuple[str, str]], k1: float = 1.2, b: float = 0.75):
        self.ids = [doc_id for doc_id, _ in docs]
        self.vocab: dict[str, int] = {}
        rows, cols = [], []
        for n, (_, text) in enumerate(docs):
            for tok in tokens(text):
                cols.append(self.vocab.setdefault(tok, len(self.vocab)))
                rows.append(n)
        tf = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)),
                               shape=(len(docs), len(self.vocab)))
        tf.sum_duplicates()
        lengths = np.asarray(tf.sum(axis=1)).ravel()
        norm = k1 * (1 - b + b * lengths / max(lengths.mean(), 1e-9))
        df = np.diff(tf.tocsc().indptr)
        self.idf = np.log(1 + (len(docs) - df + 0.5) / (df + 0.5))
        tf = tf.tocoo()
        weights = tf.data * (k1 + 1) / (tf.data + norm[tf.row])
        self.matrix = sparse.csc_matrix((weights, (tf.row, tf.col)), shape=tf.shape)

    def search(self, query: str, depth: int = 10) -> list[tuple[str, float]]:
        """The ``depth`` best documents for ``query`` (each query token counted once)."""
        cols = sorted({self.vocab[t] for t in tokens(query) if t in self.vocab})
        if not cols:
            return []
        scores = np.asarray(self.matrix[:, cols] @ self.idf[cols]).ravel()
        top = np.argpartition(-scores, min(depth, len(scores) - 1))[:depth]
        ranked = sorted(((int(i), float(scores[i])) for i in top if scores[i] > 0),
                        key=lambda x: (-x[1], x[0]))
        return [(self.ids[i], s) for i, s in ranked]
