"""Soft matching of a query's syllables to a text's: word vectors trained on the index's texts.

A question and its answer often say the same thing in other words, and BM25 sees only the words
they share. Here skip-gram word2vec (gensim) is trained on the syllables of the index's own
documents (never on queries), once per index and field, and kept beside the index
(``<index>/softmatch/``) until its segments change. Two signals of a (query, document) pair come
of it: DESM (Mitra et al. 2016: the mean over the query's syllables of the cosine of their input
vectors to the document's centroid of output vectors), and the idf-weighted mean over the query's
syllables of their best cosine to any syllable of the document (1 for one it holds).
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import numpy as np

from kb.analysis.analyzer import canonical_token
from kb.analysis.fold import fold
from kb.index.postings import segment_key
from kb.index.postings_files import storage_folder

#: word2vec's settings: small corpora (a few hundred thousand syllables) want skip-gram, a
#: small window and more passes.
SETTINGS = {"vector_size": 100, "window": 5, "min_count": 2, "sg": 1, "negative": 5,
            "sample": 1e-4, "seed": 1, "workers": 2}
#: Passes over the texts: enough for about this many syllables in all, within EPOCHS_RANGE.
TARGET_TOKENS, EPOCHS_RANGE = 20_000_000, (5, 30)
FOLDER = "softmatch"
_WORD = re.compile(r"\w+")

_MODELS: dict[tuple, "Vectors"] = {}
_LOCK = threading.Lock()


class Vectors:
    """The vectors of one index's field: input vectors (unit length) by syllable, and for each
    document its distinct syllables' ids and the centroid of their output vectors (unit)."""

    def __init__(self, vocab: list[str], vin: np.ndarray, centroids: np.ndarray,
                 starts: np.ndarray, ids: np.ndarray, docnums: np.ndarray):
        self.index = {w: i for i, w in enumerate(vocab)}
        self.vin, self.centroids = vin, centroids
        self.starts, self.ids = starts, ids
        self.row = np.full(int(docnums.max()) + 1 if len(docnums) else 0, -1, dtype=np.int64)
        self.row[docnums] = np.arange(len(docnums))

    def features(self, texts: list[str], idfs: np.ndarray,
                 docnums: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(DESM less the query's best, soft coverage) of ``texts`` for each of ``docnums``."""
        desm, soft = np.zeros(len(docnums)), np.zeros(len(docnums))
        known = [(self.index[t], w) for t, w in zip(texts, idfs) if t in self.index]
        if not known or not len(docnums):
            return desm, soft
        q = self.vin[[i for i, _ in known]]
        w = np.array([w for _, w in known])
        sims = q @ self.vin.T  # query syllables × vocabulary
        rows = np.where(docnums < len(self.row), self.row[np.minimum(docnums, len(self.row) - 1)],
                        -1)
        for n, r in enumerate(rows.tolist()):
            if r < 0:
                continue
            desm[n] = float((q @ self.centroids[r]).mean())
            ids = self.ids[self.starts[r]:self.starts[r + 1]]
            if len(ids) and w.sum() > 0:
                soft[n] = float((sims[:, ids].max(axis=1) * w).sum() / w.sum())
        held = rows >= 0
        if held.any():
            desm[held] -= desm[held].max()
        return desm, soft


def _documents(searcher, folded: bool):
    """(searcher docnum, syllables) of every live document's stored text."""
    for sub, offset in searcher.leaf_searchers():
        for docnum, fields in sub.reader().iter_docs():
            text = (fields.get("title") or "") + "\n" + (fields.get("text") or "")
            tokens = [canonical_token(t) for t in _WORD.findall(text)]
            yield docnum + offset, [fold(t) for t in tokens] if folded else tokens


def train(searcher, folded: bool = False) -> Vectors:
    """word2vec over the syllables of every document of ``searcher``, and each document's
    centroid and distinct syllables."""
    from gensim.models import Word2Vec  # only a search that reads these features needs it

    docnums, texts = [], []
    for d, tokens in _documents(searcher, folded):
        docnums.append(d)
        texts.append(tokens)
    total = sum(len(t) for t in texts) or 1
    epochs = int(np.clip(TARGET_TOKENS // total, *EPOCHS_RANGE))
    model = Word2Vec(texts, epochs=epochs, **SETTINGS)
    vocab = list(model.wv.index_to_key)
    vin = model.wv.vectors.astype(np.float32)
    vin /= np.maximum(np.linalg.norm(vin, axis=1, keepdims=True), 1e-9)
    vout = model.syn1neg.astype(np.float32)
    vout /= np.maximum(np.linalg.norm(vout, axis=1, keepdims=True), 1e-9)
    index = {w: i for i, w in enumerate(vocab)}
    centroids = np.zeros((len(texts), vin.shape[1]), dtype=np.float32)
    starts, ids = [0], []
    for r, tokens in enumerate(texts):
        known = np.array([index[t] for t in tokens if t in index], dtype=np.int64)
        if len(known):
            c = vout[known].mean(axis=0)
            centroids[r] = c / max(float(np.linalg.norm(c)), 1e-9)
        distinct = np.unique(known)
        ids.append(distinct)
        starts.append(starts[-1] + len(distinct))
    return Vectors(vocab, vin, centroids, np.array(starts, dtype=np.int64),
                   np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64),
                   np.array(docnums, dtype=np.int64))


def _stamp(searcher) -> tuple:
    return tuple(segment_key(sub.reader()) for sub, _ in searcher.leaf_searchers()) + (
        searcher.doc_count(),)


def _cache_file(searcher, folded: bool) -> Path | None:
    subs = searcher.leaf_searchers()
    if not subs:
        return None
    folder = storage_folder(getattr(subs[0][0].reader(), "_storage", None))
    if folder is None:
        return None
    import hashlib

    name = hashlib.sha1(repr((_stamp(searcher), SETTINGS, TARGET_TOKENS)).encode()).hexdigest()
    return Path(folder) / FOLDER / f"{'fold' if folded else 'syl'}-{name[:16]}.npz"


def vectors(searcher, folded: bool = False) -> Vectors:
    """The index's vectors for the syllable (or folded) view: trained on first use, kept on disk
    beside the index and in memory while its segments stay the same."""
    key = (_stamp(searcher), folded)
    with _LOCK:
        found = _MODELS.get(key)
        if found is not None:
            return found
        path = _cache_file(searcher, folded)
        found = _load(path) if path is not None and path.is_file() else None
        if found is None:
            found = train(searcher, folded)
            if path is not None:
                _save(found, path)
        while len(_MODELS) >= 2:  # one index's two views at most: they are large
            _MODELS.pop(next(iter(_MODELS)))
        _MODELS[key] = found
        return found


def _save(v: Vectors, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    vocab = sorted(v.index, key=v.index.get)
    docnums = np.flatnonzero(v.row >= 0)
    docnums = docnums[np.argsort(v.row[docnums])]
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, vocab=np.array(vocab), vin=v.vin, centroids=v.centroids, starts=v.starts,
             ids=v.ids, docnums=docnums)
    tmp.replace(path)


def _load(path: Path) -> Vectors | None:
    try:
        data = np.load(path)
        return Vectors(data["vocab"].tolist(), data["vin"], data["centroids"], data["starts"],
                       data["ids"], data["docnums"])
    except (OSError, ValueError, KeyError):
        return None
