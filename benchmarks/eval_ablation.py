"""What each analysis choice adds or costs on ALQAC 2023 (MRR@10, hit@1, hit@10, nDCG@10).

Builds the ALQAC index once with kb's normal analysis and schema, then runs the 100 judged
questions with one view of the text switched off at a time, plus the reference baseline:
plain BM25 over lower-cased syllables and syllable pairs (no stopwords, folding, words or title).

    python benchmarks/eval_ablation.py [--data ../shared/data/alqac2023]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from common import DATA

from kb.config import load_config
from kb.evaluation import build_corpus_index, read_jsonl, read_qrels, run_queries, score_run
from kb.index.search import Searcher

HERE = Path(__file__).resolve().parent

VARIANTS = {
    "baseline: BM25 syllables + syllable pairs": dict(
        weights={"syl": 1.0, "pairs": 1.0, "fold": 0, "fold_only": 1.0, "words": 0, "title": 0,
                 "number": 0, "phrase": 0}, stopwords=False),
    "kb (all views)": {},
    "kb without word segmentation (words view)": dict(weights={"words": 0}),
    "kb without syllable pairs": dict(weights={"pairs": 0}),
    "kb without title boost": dict(weights={"title": 0}),
    "kb without folded fallback": dict(weights={"fold": 0}),
    "kb without stopword removal": dict(stopwords=False),
    "kb without proximity phrase": dict(weights={"phrase": 0}),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA / "alqac2023")
    args = parser.parse_args()
    qrels = read_qrels(args.data / "qrels.tsv")
    judged = {q.query_id for q in qrels}
    queries = [r for r in read_jsonl(args.data / "queries.jsonl") if r["_id"] in judged]
    with tempfile.TemporaryDirectory() as tmp:
        config = load_config({"index": tmp, "progress": "never"})
        build_corpus_index(args.data / "corpus.jsonl", Path(tmp), config)
        print("| variant | MRR@10 | hit@1 | hit@10 | nDCG@10 | ms/query |")
        print("|---|---|---|---|---|---|")
        with Searcher(config) as searcher:
            base_weights = dict(searcher.weights)
            for name, variant in VARIANTS.items():
                searcher.weights = {**base_weights, **variant.get("weights", {})}
                searcher.use_stopwords = variant.get("stopwords", True)
                start = time.perf_counter()
                scores = score_run(qrels, run_queries(searcher, queries))
                ms = (time.perf_counter() - start) * 1000 / len(queries)
                print(f"| {name} | {scores['MRR@10']:.4f} | {scores['hit@1']:.2f} | "
                      f"{scores['hit@10']:.2f} | {scores['nDCG@10']:.4f} | {ms:.0f} |")


if __name__ == "__main__":
    main()
