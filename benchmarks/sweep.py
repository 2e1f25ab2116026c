"""Sweep one ranking weight over the judged sets: dev and held-out MRR@10 and hit@1 per value.

Fitting a weight: choose on the dev folds only, then read the held-out row once.

    python benchmarks/sweep.py kind 0,0.2,0.5 [--sets realistic,alqac]
"""

from __future__ import annotations

import argparse

import relevance
from kb.index.search import Searcher


def main() -> None:
    """Command-line entry."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("weight")
    ap.add_argument("values", help="comma-separated values")
    ap.add_argument("--sets", help="comma-separated short names (default: every set present)")
    args = ap.parse_args()
    available = relevance.judged_sets()
    chosen = args.sets.split(",") if args.sets else list(available)
    for name in chosen:
        judged = available[name]
        index = relevance.ensure_index(judged)
        with Searcher(relevance._config(index)) as searcher:
            for value in [float(v) for v in args.values.split(",")]:
                searcher.weights[args.weight] = value
                run, _ = relevance.run_kb(judged, index, searcher)
                cells = []
                for part, ids in relevance.parts(judged).items():
                    got = relevance.scores(judged, run, ids)
                    cells.append(f"{part} MRR {got['MRR@10']:.3f} hit@1 {got['hit@1']:.3f}")
                print(f"{name} {args.weight}={value}: " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
