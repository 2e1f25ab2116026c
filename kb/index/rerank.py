"""A learned reranking of the leading candidates: generic features, one linear model.

The ranking by terms, phrases and windows (kb.index.ranking) puts the candidates in order; the
leading RERANK_DEPTH are then scored by a linear model over features that mean the same on any
collection: kb's own score and rank, BM25 of each view of the text, the share of the query's idf
mass each view covers, the phrase and window evidence, the document's length. Every feature is
normalized within the query (a score over the query's best, a share, a rank), so the weights,
fitted on the dev folds of every judged set together (benchmarks/fit_reranker.py), carry across
sets. The model is a small JSON file beside this module (reranker.json), read once: linear
weights, or gradient-boosted trees (LightGBM's LambdaMART) added to kb's own score.

A document found by its own number, and the leading run of documents of the kind a query opens
with, keep their place ahead of the others: the model reorders within those tiers only.
"""

from __future__ import annotations

import json
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np
from whoosh import query as Q

#: How many leading candidates the model reorders.
RERANK_DEPTH = 50

#: The fitted model (benchmarks/fit_reranker.py writes it).
MODEL_FILE = Path(__file__).with_name("reranker.json")

#: The features, in the model's order.
FEATURES = ["kb", "kb_rr", "text", "pairs", "words", "title", "base", "text_cov", "pairs_cov",
            "words_cov", "title_cov", "prox", "window", "loglen", "number", "passage",
            "lm", "pl2", "span", "lead"]

#: How many of the leading candidates get the features that read positions (passage, span,
#: lead).
PASSAGE_DEPTH = 20

#: The leading syllables of a text the lead feature looks in.
LEAD = 100

#: At most this many of the query's rarest syllables make the span feature.
SPAN_TERMS = 8


class Linear:
    """A linear model: the features' weighted sum."""

    def __init__(self, weights):
        self.weights = np.asarray(weights, dtype=np.float64)
        self.needed = {f for f, w in zip(FEATURES, self.weights) if w}

    def __call__(self, X: np.ndarray, tiers: np.ndarray) -> np.ndarray:
        """The model's score of each row of ``X``."""
        return X @ self.weights


class Boosted:
    """Gradient-boosted trees (LightGBM, LambdaMART) over some features and the tier, added to
    ``alpha`` × kb's score: the trees learn what to change of kb's order, from kb's order."""

    def __init__(self, booster, uses: list[str], alpha: float):
        self.booster, self.uses, self.alpha = booster, list(uses), float(alpha)
        # One prediction at a time: LightGBM's predictor locks within a call, but the server's
        # threads share this booster and a Python lock costs nothing beside ~50 rows.
        self._lock = threading.Lock()
        self._columns = [FEATURES.index(f) for f in self.uses]
        self.needed = set(self.uses) | {"kb"}

    def inputs(self, X: np.ndarray, tiers: np.ndarray) -> np.ndarray:
        """The trees' input: the used features' columns and the tier."""
        return np.column_stack([X[:, self._columns], tiers])

    def __call__(self, X: np.ndarray, tiers: np.ndarray) -> np.ndarray:
        """The model's score of each row of ``X``."""
        if not len(X):
            return np.zeros(0)
        with self._lock:
            trees = self.booster.predict(self.inputs(X, tiers), num_threads=1)
        return self.alpha * X[:, FEATURES.index("kb")] + trees


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_FILE) -> Linear | Boosted | None:
    """The fitted model (a callable scoring the features, with ``needed``: the features it
    reads), or None when there is none or it was fitted on other features."""
    try:
        model = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if model.get("features") != FEATURES:
        return None  # fitted on other features: refit with benchmarks/fit_reranker.py
    if "booster" in model:
        import lightgbm  # only a boosted model needs it

        return Boosted(lightgbm.Booster(model_str=model["booster"]), model["uses"],
                       model["alpha"])
    if len(model.get("weights", [])) != len(FEATURES):
        return None
    return Linear(model["weights"])


def _over_max(values: np.ndarray) -> np.ndarray:
    top = values.max() if len(values) else 0.0
    return values / top if top > 0 else np.zeros_like(values)


def _field(engine, fieldname: str, texts: list[str], docnums: np.ndarray):
    """BM25 (unboosted) of ``texts`` in ``fieldname`` for each of ``docnums``, and the share of
    the texts' idf mass each document holds."""
    bm25 = np.zeros(len(docnums))
    held = np.zeros(len(docnums))
    if not texts or fieldname not in engine.searcher.schema:
        return bm25, held
    mass = 0.0
    for text in texts:
        idf = engine.searcher.idf(fieldname, text)
        mass += idf
        t = engine.term(fieldname, text)
        if not len(t.ids):
            continue
        idx, hit = engine.locate(t, docnums)
        bm25[hit] += engine.bm25(fieldname, text, docnums[hit], t.weights[idx[hit]])
        held += idf * hit
    return bm25, (held / mass if mass > 0 else held)


def _held_positions(engine, fieldname: str, texts: list[str],
                    docnums: np.ndarray) -> list[list[tuple[int, np.ndarray]]]:
    """For each of the leading PASSAGE_DEPTH ``docnums``: (the index in ``texts``, its sorted
    positions) of every text the document holds."""
    terms = [engine.term(fieldname, t) for t in texts]
    found = []
    for d in docnums[:PASSAGE_DEPTH].tolist():
        held = []
        for n, t in enumerate(terms):
            i = int(np.searchsorted(t.ids, d))
            if i < len(t.ids) and t.ids[i] == d:
                held.append((n, np.sort(np.asarray(t.positions(i), dtype=np.int64))))
        found.append(held)
    return found


def _passage(idfs: np.ndarray, positions: list, count: int) -> np.ndarray:
    """The share of the query's idf mass (``idfs``, one per syllable) that the best passage of
    each document holds: a window of twice as many syllables as the query has terms (at least
    8), wherever it lies. ``positions`` from :func:`_held_positions`; ``count`` documents."""
    found = np.zeros(count)
    if not len(idfs) or idfs.sum() <= 0:
        return found
    width = max(8, 2 * len(idfs))
    for row, held in enumerate(positions):
        if not held:
            continue
        starts = np.unique(np.concatenate([p for _, p in held]))
        mass = np.zeros(len(starts))
        for n, p in held:
            j = np.searchsorted(p, starts)
            inside = j < len(p)
            hit = np.zeros(len(starts), dtype=bool)
            hit[inside] = p[j[inside]] < starts[inside] + width
            mass += idfs[n] * hit
        found[row] = mass.max() / idfs.sum()
    return found


def _span(idfs: np.ndarray, positions: list, count: int) -> np.ndarray:
    """How tightly each document holds the query's rare syllables: of the SPAN_TERMS rarest
    (those at least as rare as the query's median), the share of their idf mass held, times
    how many of them are held over the shortest run of syllables that covers them all (1 when
    they stand side by side, small when they lie pages apart)."""
    found = np.zeros(count)
    if not len(idfs) or idfs.max() <= 0:
        return found
    order, median = np.argsort(-idfs, kind="stable"), np.median(idfs)
    rare = [int(n) for n in order[:SPAN_TERMS] if idfs[n] >= median and idfs[n] > 0]
    mass = idfs[rare].sum()
    for row, held in enumerate(positions):
        lists = [(n, p) for n, p in held if n in rare and len(p)]
        if not lists:
            continue
        starts = np.unique(np.concatenate([p for _, p in lists]))
        end = starts.copy()
        covered = np.ones(len(starts), dtype=bool)
        for _, p in lists:
            j = np.searchsorted(p, starts)
            inside = j < len(p)
            covered &= inside
            end[inside] = np.maximum(end[inside], p[j[inside]])
        shortest = int((end - starts)[covered].min()) + 1
        found[row] = idfs[[n for n, _ in lists]].sum() / mass * len(lists) / shortest
    return found


def _lead(idfs: np.ndarray, positions: list, count: int) -> np.ndarray:
    """The share of the query's idf mass found in each document's first LEAD syllables (where
    a text says what it is about)."""
    found = np.zeros(count)
    if not len(idfs) or idfs.sum() <= 0:
        return found
    for row, held in enumerate(positions):
        found[row] = sum(idfs[n] for n, p in held if len(p) and p[0] < LEAD) / idfs.sum()
    return found


def _collection(engine, fieldname: str, texts: list[str], docnums: np.ndarray):
    """Each text's frequency in each of ``docnums`` (texts × documents), its share of all the
    field's syllables, the documents' lengths and the field's average length."""
    searcher = engine.searcher
    total = float(searcher.field_length(fieldname) or 1)
    tf = np.zeros((len(texts), len(docnums)))
    share = np.zeros(len(texts))
    for n, text in enumerate(texts):
        t = engine.term(fieldname, text)
        if not len(t.ids):
            continue
        idx, hit = engine.locate(t, docnums)
        tf[n, hit] = t.weights[idx[hit]]
        share[n] = float(t.weights.sum()) / total
    lengths = engine.lengths(fieldname)[docnums].astype(np.float64)
    return tf, share, lengths, float(searcher.avg_field_length(fieldname) or 1)


def _lm(tf, share, lengths, avg) -> np.ndarray:
    """Query likelihood with Dirichlet smoothing (μ = the field's average length), per query
    syllable, less the query's best: another family of evidence than BM25's saturation."""
    keep = share > 0
    if not keep.any() or not tf.shape[1]:
        return np.zeros(tf.shape[1])
    mu = avg
    score = np.log1p(tf[keep] / (mu * share[keep, None])).sum(axis=0)
    score += keep.sum() * np.log(mu / (lengths + mu))
    return (score - score.max()) / keep.sum()


def _pl2(tf, share, lengths, avg) -> np.ndarray:
    """DFR PL2 (Poisson model, Laplace after-effect, length normalization 2, c = 1), over the
    query's best."""
    keep = share > 0
    if not keep.any() or not tf.shape[1]:
        return np.zeros(tf.shape[1])
    lam = (share[keep] * avg)[:, None]  # collection frequency / N: share × total / N
    tfn = tf[keep] * np.log2(1.0 + avg / np.maximum(lengths, 1.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        gain = (tfn * np.log2(tfn / lam) + (lam - tfn) * np.log2(np.e)
                + 0.5 * np.log2(2 * np.pi * tfn)) / (tfn + 1.0)
    gain = np.where(tfn > 0, np.maximum(gain, 0.0), 0.0)
    return _over_max(gain.sum(axis=0))


def features(engine, built, docnums: np.ndarray, scores: np.ndarray, tiers: np.ndarray,
             bonus: np.ndarray, share: np.ndarray, needed: set | None = None) -> np.ndarray:
    """The feature matrix (one row per document of ``docnums``, in kb's order, FEATURES columns).

    ``scores`` are kb's, ``tiers`` from :func:`tiers_of`, ``bonus`` the phrase
    (proximity) score added, ``share`` the share of a long query's three-syllable runs held.
    Only the features in ``needed`` (all when None) are computed; the others are 0: a search
    computes what its model weighs, the fitting script everything.
    """
    from kb.index.query_builder import leaves
    from kb.index.ranking import OWN_NUMBER_TIER

    terms: dict[str, list[str]] = {}
    for leaf in leaves(built.query):
        if isinstance(leaf, Q.Term) and leaf.text not in terms.setdefault(leaf.fieldname, []):
            terms[leaf.fieldname].append(leaf.text)
    text_field, title_field = ("fold", "title_fold") if built.folded else ("syl", "title")
    text_terms = [t for t in terms.get(text_field, []) if "/" not in t]
    views = {"text": text_field, "pairs": "pairs", "words": "words", "title": title_field}
    cached: dict[str, tuple] = {}
    idfs = np.array([engine.searcher.idf(text_field, t) for t in text_terms])

    def positions():
        if "positions" not in cached:
            cached["positions"] = _held_positions(engine, text_field, text_terms, docnums)
        return cached["positions"]

    def collection():
        if "collection" not in cached:
            cached["collection"] = _collection(engine, text_field, text_terms, docnums)
        return cached["collection"]

    def view(name):
        if name not in cached:
            fieldname = views[name]
            cached[name] = _field(engine, fieldname, text_terms if name == "text"
                                  else terms.get(fieldname, []), docnums)
        return cached[name]

    def number():
        found = np.zeros(len(docnums))
        for fieldname in ("number", "cites"):
            found = np.maximum(found, _field(engine, fieldname, terms.get(fieldname, []),
                                             docnums)[1] > 0)
        return found

    def loglen():
        lengths = np.log1p(engine.lengths(text_field)[docnums].astype(np.float64))
        return lengths - lengths.mean() if len(lengths) else lengths

    compute = {
        "kb": lambda: _over_max(np.maximum(scores - OWN_NUMBER_TIER * (tiers == 2), 0.0)),
        "kb_rr": lambda: 1.0 / (1.0 + np.arange(len(docnums))),
        "base": lambda: _over_max(view("text")[0] + view("pairs")[0]),
        "prox": lambda: _over_max(bonus), "window": lambda: share,
        "loglen": loglen, "number": number,
        "passage": lambda: _passage(idfs, positions(), len(docnums)),
        "span": lambda: _span(idfs, positions(), len(docnums)),
        "lead": lambda: _lead(idfs, positions(), len(docnums)),
        "lm": lambda: _lm(*collection()),
        "pl2": lambda: _pl2(*collection()),
    }
    for name in views:
        compute[name] = lambda name=name: _over_max(view(name)[0])
        compute[f"{name}_cov"] = lambda name=name: view(name)[1]
    X = np.zeros((len(docnums), len(FEATURES)))
    for column, name in enumerate(FEATURES):
        if needed is None or name in needed:
            X[:, column] = compute[name]()
    return X


def tiers_of(ranked: list[tuple[int, float]], own: set, kind_docs: set) -> np.ndarray:
    """2 for a document found by its own number, 1 for the leading run of the wanted kind (after
    those), 0 for the others: the model reorders within a tier, never across."""
    tiers = np.zeros(len(ranked), dtype=np.int64)
    leading_kind = bool(kind_docs)
    for i, (d, _) in enumerate(ranked):
        if d in own:
            tiers[i] = 2
        elif leading_kind and d in kind_docs:
            tiers[i] = 1
        else:
            leading_kind = False
    return tiers


def reorder(ranked: list[tuple[int, float]], model: np.ndarray,
            tiers: np.ndarray) -> list[tuple[int, float]]:
    """``ranked`` ordered by tier, then the model's score (one per document), then kb's order;
    the scores shown stay kb's leading scores, in order."""
    order = sorted(range(len(ranked)), key=lambda i: (-tiers[i], -model[i], i))
    return [(ranked[i][0], ranked[j][1]) for j, i in enumerate(order)]
