"""Fit kb's learned reranker (kb/index/rerank.py) on the dev folds of every judged set.

    python benchmarks/fit_reranker.py            # dump features once, fit, report dev and LOSO
    python benchmarks/fit_reranker.py --features kb,passage --method pairwise   # other models
    python benchmarks/fit_reranker.py --held-out # also report the held-out fold (read it once)
    python benchmarks/fit_reranker.py --dump     # re-run the searches (after a ranking change)
    python benchmarks/fit_reranker.py --no-write # do not write kb/index/reranker.json

Each set's queries are searched once with the model switched off; the leading candidates'
features (kb.index.rerank.features), tiers and judged grades are kept in
benchmarks/out/rerank/<set>.npz, so that fitting again takes seconds. The shipped model (the
default) is LightGBM's LambdaMART over the CHOSEN features, started from kb's own order; the
linear alternatives are one grid weight per feature (``--method sweep``), coordinate ascent on the
mean of the sets' dev MRR@10 (``ca``, RankLib's method) and a pairwise logistic loss with L2
(``pairwise``); every set weighs the same.
Only folds 0 and 1 are fitted on; "LOSO" fits on the dev folds of all sets but one and scores the
dev folds of the one left out: the estimate of how the model carries to a set it never saw.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np
from scipy.optimize import minimize

import relevance
from common import OUT, ROOT
from folds import HELD_OUT, fold_of

from kb.config import load_config
from kb.index import rerank
from kb.index.search import Searcher

DUMPS = OUT / "rerank"
#: Sources whose change alters the candidates or their features: a change re-runs the dump.
RANKING_SOURCES = ["kb/index", "kb/analysis", "kb/understand", "stopwords"]
#: L2 regularization strengths tried (chosen by leave-one-set-out on the dev folds).
LAMBDAS = [0.01, 0.1, 1.0, 10.0]
#: The features and method of the shipped model (kb/index/reranker.json "uses"), so that the
#: script with no options fits it again: LambdaMART over these 13, chosen by leave-one-set-out
#: on the dev folds (see the README's learned-reranking section).
CHOSEN = ["kb", "kb_rr", "text", "text_cov", "prox", "window", "loglen", "number", "passage", "lm",
          "pl2", "span", "lead"]
METHOD = "lambdamart"
#: Whether pairs weigh by the change of 1/rank their swap makes (else every pair the same).
TOP_WEIGHTED = False


def _ranking_digest() -> str:
    digest = hashlib.sha1()
    for entry in RANKING_SOURCES:
        for p in sorted((ROOT / entry).rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts and p.name != rerank.MODEL_FILE.name:
                digest.update(p.relative_to(ROOT).as_posix().encode() + p.read_bytes())
    return digest.hexdigest()[:12]


def dump(name: str, judged, force: bool) -> dict:
    """The candidates' features, tiers and grades of every query of ``judged`` (cached)."""
    path = DUMPS / f"{name}-{_ranking_digest()}.npz"
    if path.is_file() and not force:
        data = np.load(path, allow_pickle=True)
        return {k: data[k] for k in data.files}
    DUMPS.mkdir(parents=True, exist_ok=True)
    grades: dict[str, dict[str, int]] = {}
    for q in judged.qrels:
        grades.setdefault(q.query_id, {})[q.doc_id] = q.relevance
    index = relevance.ensure_index(judged)
    start = time.perf_counter()
    rows = {"qid": [], "fold": [], "X": [], "tiers": [], "grades": []}
    original = rerank.load_model
    rerank.load_model = lambda *a, **k: None  # kb's own order: the candidates as they stand
    try:
        # No time budget: a search cut short on a loaded machine would skip the reranking.
        config = load_config({"index": str(index), "progress": "never", "query_budget_ms": 0},
                             environ={})
        with Searcher(config) as searcher:
            searcher.weights["rerank"] = 1.0  # features computed (the model switched off above)
            reader = searcher._searcher
            for q in judged.queries:
                qid = str(q["_id"])
                searcher.last_features = None
                searcher.search(q["text"], limit=10, snippets=False)
                found = searcher.last_features
                if found is None:
                    docnums, X, tiers = np.zeros(0, int), np.zeros((0, len(rerank.FEATURES))), \
                        np.zeros(0, int)
                else:
                    docnums, X, tiers = found
                ids = [judged.result_id(SimpleNamespace(**reader.stored_fields(int(d))))
                       for d in docnums]
                rows["qid"].append(qid)
                rows["fold"].append(fold_of(qid))
                rows["X"].append(X)
                rows["tiers"].append(tiers)
                rows["grades"].append(np.array([grades.get(qid, {}).get(i, 0) for i in ids]))
    finally:
        rerank.load_model = original
    data = {"qid": np.array(rows["qid"]), "fold": np.array(rows["fold"]),
            "X": np.array(rows["X"], dtype=object), "tiers": np.array(rows["tiers"], dtype=object),
            "grades": np.array(rows["grades"], dtype=object),
            "first_grade": np.array(judged.first_grade)}
    np.savez(path, **data)
    print(f"  dumped {name}: {len(rows['qid'])} queries in {time.perf_counter() - start:.0f} s",
          flush=True)
    return data


def _pairs(data: dict, folds: set[int]) -> tuple[np.ndarray, np.ndarray]:
    """Difference vectors (better − worse) of one set's queries in ``folds``, and their weights
    (each query 1 in all, the set 1 in all)."""
    diffs, weights, queries = [], [], 0
    for X, tiers, grades, fold in zip(data["X"], data["tiers"], data["grades"], data["fold"]):
        if int(fold) not in folds or not len(grades) or grades.max() == 0:
            continue
        better = grades[:, None] > grades[None, :]
        better &= tiers[:, None] == tiers[None, :]
        i, j = np.nonzero(better)
        if not len(i):
            continue
        # TOP_WEIGHTED: as LambdaRank weighs a pair, by what swapping the two in kb's order
        # changes 1/rank, so that the top of the ranking counts most.
        w = np.abs(1.0 / (1.0 + i) - 1.0 / (1.0 + j)) if TOP_WEIGHTED else np.ones(len(i))
        diffs.append(X[i] - X[j])
        weights.append(w / w.sum())
        queries += 1
    if not diffs:
        return np.zeros((0, len(rerank.FEATURES))), np.zeros(0)
    return np.vstack(diffs), np.concatenate(weights) / queries


def fit(sets: list[dict], folds: set[int], lam: float, mask: np.ndarray) -> np.ndarray:
    """Linear weights minimizing the weighted pairwise logistic loss plus lam·|w|²."""
    parts = [_pairs(d, folds) for d in sets]
    D = np.vstack([p[0] for p in parts])[:, mask]
    W = np.concatenate([p[1] / len(parts) for p in parts])

    # kb's own score (the first feature) is not penalized: a strong penalty leaves kb's order,
    # a weak one the other features' say; leave-one-set-out chooses between them.
    penalty = np.ones(D.shape[1])
    if mask[0]:
        penalty[0] = 0.0

    def loss(w):
        z = D @ w
        value = np.sum(W * np.logaddexp(0.0, -z)) + lam * (penalty * w) @ w
        grad = -(D.T @ (W / (1.0 + np.exp(np.clip(z, -50, 50))))) + 2 * lam * penalty * w
        return value, grad

    start = np.zeros(mask.sum())
    if mask[0]:
        start[0] = 1.0  # from kb's own order
    found = minimize(loss, start, jac=True, method="L-BFGS-B")
    weights = np.zeros(len(mask))
    weights[mask] = found.x
    return weights


def padded(data: dict, folds: set[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """One set's queries in ``folds`` as arrays (queries × depth × features, grades padded with
    −1, tiers), and how many queries there are (those without candidates count as misses)."""
    rows = [(X, t, g) for X, t, g, f in zip(data["X"], data["tiers"], data["grades"],
                                             data["fold"]) if int(f) in folds]
    depth = rerank.RERANK_DEPTH
    Xs = np.zeros((len(rows), depth, len(rerank.FEATURES)))
    G = np.full((len(rows), depth), -1)
    T = np.full((len(rows), depth), -1)
    for n, (X, t, g) in enumerate(rows):
        Xs[n, :len(g)], G[n, :len(g)], T[n, :len(g)] = X[:depth], g[:depth], t[:depth]
    return Xs, G, T, len(rows)


def fast_mrr(pad, weights: np.ndarray | None) -> float:
    """MRR@10 of the padded set under ``weights`` (None: kb's order)."""
    Xs, G, T, n = pad
    if weights is None:
        ranked = G
    else:
        model = Xs @ weights
        index = np.broadcast_to(np.arange(G.shape[1]), G.shape)
        order = np.lexsort((index, -model, -T), axis=-1)
        ranked = np.take_along_axis(G, order, axis=1)
    top = ranked[:, :10] >= 1
    first = np.argmax(top, axis=1)
    rr = np.where(top.any(axis=1), 1.0 / (first + 1), 0.0)
    return float(rr.sum() / max(n, 1))


def fast_hit1(pad, weights: np.ndarray | None, first_grade: int) -> float:
    """hit@1 (at ``first_grade``) of the padded set under ``weights`` (None: kb's order)."""
    Xs, G, T, n = pad
    if weights is None:
        lead = G[:, 0]
    else:
        model = Xs @ weights
        index = np.broadcast_to(np.arange(G.shape[1]), G.shape)
        lead = G[np.arange(len(G)), np.lexsort((index, -model, -T), axis=-1)[:, 0]]
    return float((lead >= first_grade).sum() / max(n, 1))


def fit_ca(sets: list[dict], folds: set[int], mask: np.ndarray, rounds: int = 3) -> np.ndarray:
    """Coordinate ascent on the mean of the sets' MRR@10 + hit@1 (RankLib's method for linear models),
    from kb's own order; a step is kept only when it gains."""
    pads = [(padded(d, folds), int(d["first_grade"])) for d in sets]
    weights = np.zeros(len(mask))
    weights[0], weights[1] = 1.0, 0.0

    def objective(w):
        # MRR@10 and hit@1 both: the right document first is what a reader sees.
        return float(np.mean([fast_mrr(p, w) + fast_hit1(p, w, g) for p, g in pads]))

    best = objective(weights)
    for _ in range(rounds):
        improved = False
        for f in np.flatnonzero(mask):
            for step in (-1.0, -0.3, -0.1, -0.03, 0.03, 0.1, 0.3, 1.0):
                trial = weights.copy()
                trial[f] += step
                value = objective(trial)
                if value > best + 1e-4:
                    best, weights, improved = value, trial, True
        if not improved:
            break
    return weights


#: The weights of each feature beside kb's own score tried by ``--method sweep``.
GRID = [-0.3, -0.1, 0.0, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0]


def fit_sweep(sets: list[dict], folds: set[int], mask: np.ndarray) -> np.ndarray:
    """kb's own score plus one weight for each other chosen feature in turn: the grid value whose
    worst set gains most in MRR@10 + hit@1 over kb's order, then the best mean (one parameter
    per feature, and no set may pay for another's gain: a change is kept when it loses on none).
    """
    pads = [(padded(d, folds), int(d["first_grade"])) for d in sets]
    weights = np.zeros(len(mask))
    weights[0] = 1.0
    before = [fast_mrr(p, None) + fast_hit1(p, None, g) for p, g in pads]

    def objective(w):
        gains = [fast_mrr(p, w) + fast_hit1(p, w, g) - b for (p, g), b in zip(pads, before)]
        return min(gains) + 1e-3 * float(np.mean(gains))

    for f in np.flatnonzero(mask)[1:]:
        values = []
        for value in GRID:
            trial = weights.copy()
            trial[f] = value
            values.append((objective(trial), -value, trial))
        weights = max(values, key=lambda x: (x[0], x[1]))[2]
    return weights


#: LightGBM's settings for ``--method lambdamart``, chosen by leave-one-set-out on dev.
BOOSTED = {"objective": "lambdarank", "num_leaves": 3, "learning_rate": 0.05,
           "min_data_in_leaf": 200, "num_threads": 1, "verbose": -1, "seed": 1}
#: Boosting rounds and the weight of kb's own score the trees start from.
ROUNDS, ALPHA = 50, 10.0


def fit_boosted(sets: list[dict], folds: set[int], mask: np.ndarray) -> rerank.Boosted:
    """LambdaMART trees over the chosen features and the tier, boosted from ALPHA × kb's score
    (so that they learn what to change of kb's order); every set weighs the same."""
    import lightgbm

    uses = [f for f, m in zip(rerank.FEATURES, mask) if m]
    shell = rerank.Boosted(None, uses, ALPHA)
    inputs, labels, groups, weights, start = [], [], [], [], []
    for data in sets:
        rows = [(X, t, g) for X, t, g, f in zip(data["X"], data["tiers"], data["grades"],
                                                data["fold"])
                if int(f) in folds and len(g) and g.max() > 0]
        for X, t, g in rows:
            inputs.append(shell.inputs(X, t))
            labels.append(g)
            groups.append(len(g))
            weights.append(np.full(len(g), 100.0 * len(sets) / len(rows)))
            start.append(ALPHA * X[:, rerank.FEATURES.index("kb")])
    train = lightgbm.Dataset(np.vstack(inputs), np.concatenate(labels), group=groups,
                             weight=np.concatenate(weights), init_score=np.concatenate(start))
    return rerank.Boosted(lightgbm.train(BOOSTED, train, num_boost_round=ROUNDS), uses, ALPHA)


def measure(data: dict, folds: set[int], model) -> dict:
    """MRR@10 and hit@1 (at the set's first grade) of kb's order (model None) or the model's
    (linear weights, or a callable of the features and tiers)."""
    if model is not None and not callable(model):
        model = rerank.Linear(model)
    rr, hit1, n = 0.0, 0.0, 0
    first = int(data["first_grade"])
    for X, tiers, grades, fold in zip(data["X"], data["tiers"], data["grades"], data["fold"]):
        if int(fold) not in folds:
            continue
        n += 1
        if not len(grades):
            continue
        if model is None:
            order = np.arange(len(grades))
        else:
            scores = model(X, tiers)
            order = np.array(sorted(range(len(grades)), key=lambda i: (-tiers[i], -scores[i], i)))
        top = grades[order][:10]
        found = np.flatnonzero(top >= 1)
        rr += 1.0 / (found[0] + 1) if len(found) else 0.0
        hit1 += float(top[0] >= first) if len(top) else 0.0
    return {"MRR@10": rr / max(n, 1), "hit@1": hit1 / max(n, 1), "n": n}


def loso(data: dict, train) -> dict[str, tuple[float, float]]:
    """Leave-one-set-out on the dev folds: for each set, the model ``train`` fits on the other
    sets' dev folds, and its (MRR@10, hit@1) gain over kb's order on the left-out set's."""
    dev = {f for f in range(3) if f != HELD_OUT}
    gains = {}
    for name in data:
        w = train([data[o] for o in data if o != name])
        a, b = measure(data[name], dev, None), measure(data[name], dev, w)
        gains[name] = (b["MRR@10"] - a["MRR@10"], b["hit@1"] - a["hit@1"])
    return gains


def select(data: dict, start: list[str]) -> list[str]:
    """Greedy forward selection of features beside ``start`` by ``--method sweep``: each round
    adds the feature whose leave-one-set-out worst MRR@10 gain on dev is best, while it gains."""
    dev = {f for f in range(3) if f != HELD_OUT}
    chosen = list(start)

    def score(names):
        mask = np.array([f in names for f in rerank.FEATURES])
        gains = loso(data, lambda sets: fit_sweep(sets, dev, mask))
        worst = min(g[0] for g in gains.values())
        return worst + 1e-3 * float(np.mean([g[0] for g in gains.values()])), gains

    best, gains = score(chosen)
    print(f"start {chosen}: {best:+.4f}", flush=True)
    while True:
        trials = []
        for f in rerank.FEATURES:
            if f in chosen:
                continue
            value, g = score(chosen + [f])
            print(f"  + {f}: worst {value:+.4f} " + ", ".join(f"{k} {v[0]:+.3f}/{v[1]:+.3f}"
                                                           for k, v in g.items()), flush=True)
            trials.append((value, f, g))
        if not trials:
            break
        value, f, g = max(trials)
        if value <= best + 1e-4:
            break
        best, gains, chosen = value, g, chosen + [f]
        print(f"chose {f}: {chosen} worst {best:+.4f}", flush=True)
    return chosen


def main() -> None:
    """Command-line entry."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", help="comma-separated short names (default: every set present)")
    ap.add_argument("--dump", action="store_true", help="re-run the searches")
    ap.add_argument("--held-out", action="store_true", help="also score the held-out fold")
    ap.add_argument("--no-write", action="store_true", help="do not write the model")
    ap.add_argument("--features", default=",".join(CHOSEN),
                    help="comma-separated features the model uses (default: %(default)s)")
    ap.add_argument("--method", choices=["sweep", "ca", "pairwise", "lambdamart"],
                    default=METHOD,
                    help="one grid weight per feature beside kb's score, coordinate ascent on "
                         "MRR + hit@1, a pairwise logistic loss, or LightGBM's LambdaMART trees "
                         "from kb's score (default: %(default)s, the shipped model's)")
    ap.add_argument("--select", action="store_true",
                    help="choose features greedily by leave-one-set-out on dev (sweep), then fit")
    ap.add_argument("--top-weighted", action="store_true",
                    help="weigh pairs by the change of 1/rank their swap makes")
    args = ap.parse_args()
    global TOP_WEIGHTED
    TOP_WEIGHTED = args.top_weighted
    available = relevance.judged_sets()
    chosen = args.sets.split(",") if args.sets else list(available)
    data = {name: dump(name, available[name], args.dump) for name in chosen}
    dev = {f for f in range(3) if f != HELD_OUT}
    features = args.features.split(",")
    if args.select:
        features = select(data, ["kb"])
        print(f"selected: {','.join(features)}", flush=True)
    mask = np.array([f in features for f in rerank.FEATURES])
    # The regularization chosen by leave-one-set-out on dev: the mean MRR gain over kb's order.
    best = None
    train = {"ca": lambda sets, lam: fit_ca(sets, dev, mask),
             "sweep": lambda sets, lam: fit_sweep(sets, dev, mask),
             "pairwise": lambda sets, lam: fit(sets, dev, lam, mask),
             "lambdamart": lambda sets, lam: fit_boosted(sets, dev, mask)}[args.method]
    for lam in (LAMBDAS if args.method == "pairwise" else [0.0]):
        gains = {}
        for name in chosen:
            others = [data[o] for o in chosen if o != name]
            w = train(others, lam)
            gains[name] = measure(data[name], dev, w)["MRR@10"] - \
                measure(data[name], dev, None)["MRR@10"]
        mean = float(np.mean(list(gains.values())))
        print(f"lambda {lam}: LOSO dev MRR gain " + ", ".join(f"{k} {v:+.3f}"
                                                             for k, v in gains.items())
              + f" (mean {mean:+.3f}, worst {min(gains.values()):+.3f})", flush=True)
        if best is None or mean > best[1]:
            best = (lam, mean, gains)
    lam, _, loso = best
    weights = train(list(data.values()), lam)
    if isinstance(weights, rerank.Boosted):
        print(f"\nLambdaMART from {ALPHA} × kb over {', '.join(weights.uses)}")
    else:
        print(f"\nchosen lambda {lam}; weights: "
              + ", ".join(f"{f} {w:+.3f}" for f, w in zip(rerank.FEATURES, weights)))
    print("\n| set | part | queries | kb MRR@10 | reranked MRR@10 | Δ | kb hit@1 | reranked hit@1 |")
    print("|---|---|---|---|---|---|---|---|")
    for name in chosen:
        parts = [("dev", dev)] + ([("held-out", {HELD_OUT})] if args.held_out else [])
        for part, folds in parts:
            a, b = measure(data[name], folds, None), measure(data[name], folds, weights)
            print(f"| {name} | {part} | {a['n']} | {a['MRR@10']:.3f} | {b['MRR@10']:.3f} | "
                  f"{b['MRR@10'] - a['MRR@10']:+.3f} | {a['hit@1']:.3f} | {b['hit@1']:.3f} |")
        print(f"| {name} | LOSO dev | | | | {loso[name]:+.3f} | | |")
    if not args.no_write:
        model = {"features": rerank.FEATURES}
        if isinstance(weights, rerank.Boosted):
            model.update(uses=weights.uses, alpha=ALPHA, rounds=ROUNDS,
                         settings={k: v for k, v in BOOSTED.items() if k != "verbose"})
        else:
            model.update(weights=[round(float(w), 6) for w in weights], **{"lambda": lam})
        model.update(sets=chosen, fitted_on="folds 0-1 of " + ", ".join(chosen))
        if isinstance(weights, rerank.Boosted):
            model["booster"] = weights.booster.model_to_string()
        rerank.MODEL_FILE.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n")
        print(f"wrote {rerank.MODEL_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
