"""Sweep one ranking weight over the judged sets: dev and held-out MRR@10 and hit@1 per value.

Fitting a weight: choose on the dev folds only (``--dev`` runs and prints nothing else), then
read the held-out row once. ``--fix`` holds other weights at a value meanwhile (a grid is a few
sweeps), ``--sample`` runs a fixed share of a large set's dev queries.

    python benchmarks/sweep.py kind 0,0.2,0.5 [--sets realistic,alqac] [--dev] [--fix b=0.5]
"""

from __future__ import annotations

import argparse
import dataclasses

import relevance
from folds import HELD_OUT, fold_of
from kb.index.search import Searcher


def dev_queries(judged: relevance.JudgedSet, sample: int | None) -> relevance.JudgedSet:
    """``judged`` with only its dev queries, at most ``sample`` of them (a fixed choice)."""
    queries = [q for q in judged.queries if fold_of(str(q["_id"])) != HELD_OUT]
    if sample and len(queries) > sample:
        step = len(queries) / sample
        queries = [queries[int(i * step)] for i in range(sample)]
    return dataclasses.replace(judged, queries=queries)


def main() -> None:
    """Command-line entry."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("weight")
    ap.add_argument("values", help="comma-separated values")
    ap.add_argument("--sets", help="comma-separated short names (default: every set present)")
    ap.add_argument("--dev", action="store_true", help="run and print the dev folds only")
    ap.add_argument("--fix", action="append", default=[], metavar="NAME=VALUE",
                    help="hold another weight at a value (repeatable)")
    ap.add_argument("--sample", type=int, help="with --dev: at most this many queries per set")
    args = ap.parse_args()
    available = relevance.judged_sets()
    chosen = args.sets.split(",") if args.sets else list(available)
    fixed = {k: float(v) for k, v in (f.split("=", 1) for f in args.fix)}
    for name in chosen:
        judged = available[name]
        index = relevance.ensure_index(judged)
        if args.dev:
            judged = dev_queries(judged, args.sample)
        with Searcher(relevance._config(index)) as searcher:
            searcher.weights.update(fixed)
            for value in [float(v) for v in args.values.split(",")]:
                searcher.weights[args.weight] = value
                run, _ = relevance.run_kb(judged, index, searcher)
                cells = []
                for part, ids in relevance.parts(judged).items():
                    if not ids:
                        continue
                    got = relevance.scores(judged, run, ids)
                    cells.append(f"{part} MRR {got['MRR@10']:.3f} hit@1 {got['hit@1']:.3f}")
                extra = "".join(f" {k}={v}" for k, v in fixed.items())
                print(f"{name}{extra} {args.weight}={value}: " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
