"""The realistic set's dev-fold misses: queries whose first result is not a document judged 2.

Prints, for each dev-fold query (folds 0–1; fold 2 is never shown) of the chosen batch that kb does
not answer with a grade-2 document first, its type, kb's top results with their grades, and the
rank of the first grade-2 document. For studying classes of failure, never for fitting one query.

    python benchmarks/realistic_failures.py [--batch 2] [--top 5]
"""

from __future__ import annotations

import argparse

import relevance
from folds import HELD_OUT, fold_of
from kb.index.search import Searcher


def main() -> None:
    """Command-line entry."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--batch", type=int, help="only this batch (1, 2, …; default: every batch)")
    ap.add_argument("--top", type=int, default=5, help="results shown per miss")
    args = ap.parse_args()
    judged = relevance.judged_sets()["realistic"]
    index = relevance.ensure_index(judged)
    member = judged.batches[f"b{args.batch}"] if args.batch else (lambda _id: True)
    grades: dict[str, dict[str, int]] = {}
    for q in judged.qrels:
        grades.setdefault(q.query_id, {})[q.doc_id] = q.relevance
    misses = total = 0
    with Searcher(relevance._config(index)) as searcher:
        for q in judged.queries:
            qid = str(q["_id"])
            if fold_of(qid) == HELD_OUT or not member(qid):
                continue
            total += 1
            hits = searcher.search(q["text"], limit=10, snippets=False).results
            ranked = [judged.result_id(h) for h in hits]
            if ranked and grades[qid].get(ranked[0]) == 2:
                continue
            misses += 1
            first = next((r for r, d in enumerate(ranked, 1) if grades[qid].get(d) == 2), None)
            print(f"{qid} [{q['type']}] {q['text']!r}  first grade-2 at {first or '>10'}")
            for rank, (hit, doc) in enumerate(zip(hits, ranked), 1):
                if rank > args.top:
                    break
                print(f"   {rank}. g{grades[qid].get(doc, 0)} {doc} | {(hit.title or '')[:70]}")
            for doc, grade in grades[qid].items():
                if grade == 2 and doc not in ranked[:args.top]:
                    print(f"   wanted: {doc}")
    print(f"{misses} misses of {total} dev queries")


if __name__ == "__main__":
    main()
