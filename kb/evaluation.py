"""Retrieval evaluation on a BEIR-layout benchmark (corpus.jsonl, queries.jsonl, qrels.tsv).

Builds a temporary index of the corpus with the normal analysis and schema, runs every query
through the normal search path and scores the run with ir-measures.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Iterable

import ir_measures
from ir_measures import Qrel, ScoredDoc, nDCG, RR, Success

from kb.analysis.normalize import clean_text
from kb.config import Config
from kb.index import store
from kb.ingest.document import Document
from kb.index.parallel_writer import worker_count
from kb.ingest.pipeline import document_fields

MEASURES = {"MRR@10": RR @ 10, "hit@1": Success @ 1, "hit@10": Success @ 10, "nDCG@10": nDCG @ 10}


def read_jsonl(path: Path) -> Iterable[dict]:
    """Rows of a JSON-lines file."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def read_qrels(path: Path) -> list[Qrel]:
    """Judgements of a BEIR qrels.tsv (a header row, then query-id, corpus-id, score)."""
    qrels = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines()):
        parts = line.split("\t")
        if len(parts) < 3 or (n == 0 and not parts[2].strip().lstrip("-").isdigit()):
            continue
        qrels.append(Qrel(parts[0], parts[1], int(parts[2])))
    return qrels


def build_corpus_index(corpus: Path, index_dir: Path, config: Config) -> int:
    """Index a BEIR corpus into ``index_dir``; returns the number of documents."""
    ix = store.create_index(index_dir, config["title_boost"])
    count = 0
    rows = list(read_jsonl(corpus))
    with store.writing(ix, index_dir, workers=worker_count(config["workers"], len(rows))) as writer:
        for row in rows:
            text = clean_text(row.get("text") or "")
            # Only a real title is indexed as one: the opening words of the text again (as a
            # stand-in title) would count the start of every answer twice.
            title = clean_text(row.get("title") or "")
            doc = Document(id=str(row["_id"]), path=f"beir:{row['_id']}", content_hash="",
                           title=title, text=text, format="beir")
            writer.add_document(**document_fields(doc))
            count += 1
    return count


def run_queries(searcher, queries: Iterable[dict], depth: int = 10) -> list[ScoredDoc]:
    """The ranked run of every query (without snippets)."""
    run = []
    for row in queries:
        response = searcher.search(row["text"], limit=depth, snippets=False)
        for rank, hit in enumerate(response.results):
            run.append(ScoredDoc(str(row["_id"]), hit.id, float(depth - rank)))
    return run


def score_run(qrels: list[Qrel], run: list[ScoredDoc]) -> dict[str, float]:
    """MRR@10, hit@1, hit@10 and nDCG@10 of a run."""
    values = ir_measures.calc_aggregate(list(MEASURES.values()), qrels, run)
    return {name: float(values.get(measure, 0.0)) for name, measure in MEASURES.items()}


def evaluate_beir(corpus: Path, queries: Path, qrels: Path, config: Config,
                  index_dir: Path | None = None) -> dict:
    """Build a temporary index of ``corpus`` and score ``queries`` against ``qrels``."""
    from kb.index.search import Searcher

    judged = read_qrels(qrels)
    judged_ids = {q.query_id for q in judged}
    rows = [r for r in read_jsonl(queries) if str(r["_id"]) in judged_ids]
    with tempfile.TemporaryDirectory(prefix="kb-eval-") as tmp:
        target = Path(index_dir or tmp)
        documents = build_corpus_index(corpus, target, config)
        with Searcher(Config({**config, "index": str(target)})) as searcher:
            run = run_queries(searcher, rows)
    return {"documents": documents, "queries": len(rows), **score_run(judged, run)}
