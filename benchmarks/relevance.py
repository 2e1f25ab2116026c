"""The relevance lab: every judged set, kb beside the plain baseline, dev and held-out folds.

One command runs each judged set of ../shared/data (alqac2023, every set under retrieval/) and
our realistic set over ../shared's Party, Hồ Chí Minh and state documents
(benchmarks/data/realistic), and prints one table: per set and part (dev = folds 0–1, held-out =
fold 2, see benchmarks/folds.py) MRR@10, hit@1, hit@10 and nDCG@10 of kb and of the plain
baseline (BM25 over syllables and pairs, computed in the same run), and kb's query latency
p50/p95. On the realistic set hit@1 counts only the documents judged 2 ("the right document
first"). With ``--latency`` it also measures search latency on the ~25k-document benchmark index.

    python benchmarks/relevance.py [--sets alqac,zalo] [--latency] [--out FILE]

kb's indexes are cached in benchmarks/out/relevance/ under a key of the corpus and of kb's
analysis and ingestion sources, so a change of ranking alone re-runs in seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from common import DATA, OUT, ROOT, machine, md_table, write_result
from baseline import PlainBM25
from folds import HELD_OUT, fold_of

import ir_measures
from ir_measures import Qrel, ScoredDoc, RR, Success, nDCG

from kb.config import load_config
from kb.evaluation import build_corpus_index, read_jsonl, read_qrels
from kb.index import store
from kb.index.search import Searcher

SHARED = DATA.parent
CACHE = OUT / "relevance"
REALISTIC = ROOT / "benchmarks" / "data" / "realistic"
#: Sources whose change alters what an index holds (a change elsewhere only alters ranking).
#: A change of the analysis chain bumps SCHEMA_VERSION (kb/index/schema.py), which is in the key;
#: query-side analysis (question framing, number spellings) then re-runs without a rebuild.
BEIR_SOURCES = ["kb/index/schema.py", "kb/index/analyzers.py", "kb/index/parallel_writer.py",
                "kb/evaluation.py", "kb/ingest/pipeline.py", "kb/ingest/document.py",
                "stopwords/vi.txt"]
#: Real files go through every parser and the whole reading of documents.
FILE_SOURCES = BEIR_SOURCES + ["kb/ingest", "kb/understand", "kb/data"]
#: The realistic set's batches by query number (benchmarks/data/realistic/README.md): batch 1 was
#: written before kb's ranking was tuned on its dev folds, batch 2 after.
REALISTIC_BATCHES = [(1, 236), (237, 326), (327, 416), (417, 476)]
#: The folders of ../shared the realistic set's documents come from.
REALISTIC_FOLDERS = ["seed", "data/party-docs/docs", "data/hcm", "data/gov-docs"]


@dataclass
class JudgedSet:
    """A judged set: how to build kb's index, the documents for the baseline, queries, qrels."""

    name: str
    corpus_key: str
    build: Callable[[Path], None]
    baseline_docs: Callable[[Path], list[tuple[str, str]]]
    queries: list[dict]
    qrels: list[Qrel]
    result_id: Callable[[object], str]
    sources: list[str]
    first_grade: int = 1
    """The least grade that counts as "the right document" for hit@1."""
    batches: dict[str, Callable[[str], bool]] | None = None
    """Named batches of queries written at different times, reported apart besides the whole."""


def _beir(name: str, folder: Path) -> JudgedSet:
    qrels = read_qrels(folder / "qrels.tsv")
    judged = {q.query_id for q in qrels}
    queries = [r for r in read_jsonl(folder / "queries.jsonl") if str(r["_id"]) in judged]

    def build(index: Path) -> None:
        build_corpus_index(folder / "corpus.jsonl", index, _config(index))

    def docs(_: Path) -> list[tuple[str, str]]:
        return [(str(r["_id"]), r.get("text") or "") for r in read_jsonl(folder / "corpus.jsonl")]

    return JudgedSet(name, f"{name}:{_content_digest(folder / 'corpus.jsonl')}", build, docs,
                     queries,
                     qrels, lambda hit: hit.id, BEIR_SOURCES)


def _content_digest(path: Path) -> str:
    """sha1 of a file's bytes: what a cached index of it depends on (../shared is laid anew each
    session with new modification times and the same contents)."""
    digest = hashlib.sha1()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _shared_name(path: str) -> str:
    """A stored path as the judged sets name it: relative to ../shared, records kept."""
    file, _, key = path.partition("#")
    try:
        rel = Path(file).resolve().relative_to(SHARED.resolve()).as_posix()
    except ValueError:
        rel = file
    return f"{rel}#{key}" if key else rel


def _realistic() -> JudgedSet | None:
    if not (REALISTIC / "qrels.tsv").is_file():
        return None
    from kb.ingest.pipeline import ingest

    qrels = read_qrels(REALISTIC / "qrels.tsv")
    judged = {q.query_id for q in qrels}
    queries = [r for r in read_jsonl(REALISTIC / "queries.jsonl") if str(r["_id"]) in judged]
    folders = [SHARED / f for f in REALISTIC_FOLDERS]

    def build(index: Path) -> None:
        report = ingest(folders, _config(index))
        for failure in report.failed:
            print(f"  realistic: could not read {failure}", file=sys.stderr)

    def docs(index: Path) -> list[tuple[str, str]]:
        with Searcher(_config(index)) as searcher:
            return [(_shared_name(f["path"]), f.get("text") or "")
                    for f in searcher.all_documents()]

    stamp = hashlib.sha1()
    for folder in folders:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                stamp.update(f"{p.relative_to(SHARED)}:{_content_digest(p)}".encode())
    return JudgedSet("realistic", f"realistic:{stamp.hexdigest()}", build, docs, queries, qrels,
                     lambda hit: _shared_name(hit.path), FILE_SOURCES, first_grade=2,
                     batches={f"b{n}": _id_range(low, high)
                              for n, (low, high) in enumerate(REALISTIC_BATCHES, 1)})


def _id_range(low: int, high: int) -> Callable[[str], bool]:
    """Whether a realistic query id (``r123``) falls in ``low..high``."""
    return lambda query_id: low <= int(query_id[1:]) <= high


def judged_sets() -> dict[str, JudgedSet]:
    """Every judged set that is present, by short name."""
    found = {}
    if (DATA / "alqac2023" / "qrels.tsv").is_file():
        found["alqac"] = _beir("alqac", DATA / "alqac2023")
    for folder in sorted((DATA / "retrieval").glob("*")):
        if (folder / "qrels.tsv").is_file():
            found[folder.name.split("-")[0]] = _beir(folder.name, folder)
    realistic = _realistic()
    if realistic:
        found["realistic"] = realistic
    return found


def _config(index: Path):
    """kb's settings for a judged index: the query time budget off, so that the ranking measured
    is the ranking, whatever the machine's load (a busy machine cut a cold first query short)."""
    return load_config({"index": str(index), "progress": "never", "query_budget_ms": 0},
                       environ={})


def _sources_digest(sources: list[str]) -> str:
    digest = hashlib.sha1(store.SCHEMA_VERSION.encode())
    for entry in sources:
        base = ROOT / entry
        files = sorted(base.rglob("*")) if base.is_dir() else [base]
        for p in files:
            if p.is_file() and "__pycache__" not in p.parts:
                digest.update(p.relative_to(ROOT).as_posix().encode())
                digest.update(p.read_bytes())
    return digest.hexdigest()[:16]


def ensure_index(judged: JudgedSet) -> Path:
    """kb's index of the set's corpus, built once per corpus and the sources that fill it."""
    digest = _sources_digest(judged.sources)
    key = hashlib.sha1(f"{judged.corpus_key}:{digest}".encode()).hexdigest()[:16]
    index = CACHE / f"{judged.name}-{key}"
    if (index / "done").is_file():
        return index
    for old in CACHE.glob(f"{judged.name}-*"):
        shutil.rmtree(old, ignore_errors=True)
    index.mkdir(parents=True)
    start = time.perf_counter()
    judged.build(index)
    (index / "done").write_text(f"{time.perf_counter() - start:.1f}\n")
    print(f"  built {judged.name} index in {time.perf_counter() - start:.0f} s", flush=True)
    return index


def run_kb(judged: JudgedSet, index: Path, searcher: Searcher | None = None):
    """kb's ranked run of every query and the milliseconds each took."""
    run, millis = [], {}
    own = searcher is None
    searcher = searcher or Searcher(_config(index))
    try:
        for q in judged.queries[:20]:  # warm-up: model, index files
            searcher.search(q["text"], limit=10, snippets=False)
        for q in judged.queries:
            start = time.perf_counter()
            response = searcher.search(q["text"], limit=10, snippets=False)
            millis[str(q["_id"])] = (time.perf_counter() - start) * 1000
            for rank, hit in enumerate(response.results):
                run.append(ScoredDoc(str(q["_id"]), judged.result_id(hit), float(10 - rank)))
    finally:
        if own:
            searcher.close()
    return run, millis


def run_baseline(judged: JudgedSet, index: Path) -> list[ScoredDoc]:
    """The plain baseline's ranked run of every query."""
    bm25 = PlainBM25(judged.baseline_docs(index))
    return [ScoredDoc(str(q["_id"]), doc, score)
            for q in judged.queries for doc, score in bm25.search(q["text"], depth=10)]


def scores(judged: JudgedSet, run: list[ScoredDoc], ids: set[str]) -> dict[str, float]:
    """MRR@10, hit@1 (at the set's first grade), hit@10, nDCG@10 over the queries ``ids``."""
    qrels = [q for q in judged.qrels if q.query_id in ids]
    run = [r for r in run if r.query_id in ids]
    measures = {"MRR@10": RR @ 10, "hit@1": Success(rel=judged.first_grade) @ 1,
                "hit@10": Success @ 10, "nDCG@10": nDCG @ 10}
    values = ir_measures.calc_aggregate(list(measures.values()), qrels, run) if run else {}
    return {name: float(values.get(m, 0.0)) for name, m in measures.items()}


def parts(judged: JudgedSet) -> dict[str, set[str]]:
    """The query ids of the dev folds and of the held-out fold, then of each batch's (if any)."""
    ids = [str(q["_id"]) for q in judged.queries]
    found = {"dev": {i for i in ids if fold_of(i) != HELD_OUT},
             "held-out": {i for i in ids if fold_of(i) == HELD_OUT}}
    for batch, member in (judged.batches or {}).items():
        for part in ("dev", "held-out"):
            found[f"{batch} {part}"] = {i for i in found[part] if member(i)}
    return found


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))] \
        if ordered else 0.0


HEADER = ["set", "part", "queries", "kb MRR@10", "base MRR@10", "Δ", "kb hit@1", "base hit@1",
          "kb hit@10", "base hit@10", "kb nDCG@10", "base nDCG@10", "p50 ms", "p95 ms"]


def evaluate(judged: JudgedSet) -> tuple[list[list], dict]:
    """Table rows of one set (dev and held-out) and the raw runs."""
    index = ensure_index(judged)
    kb_run, millis = run_kb(judged, index)
    base_run = run_baseline(judged, index)
    rows = []
    for part, ids in parts(judged).items():
        if not ids:
            continue
        k, b = scores(judged, kb_run, ids), scores(judged, base_run, ids)
        ms = [millis[i] for i in ids]
        rows.append([judged.name, part, len(ids), f"{k['MRR@10']:.3f}", f"{b['MRR@10']:.3f}",
                     f"{k['MRR@10'] - b['MRR@10']:+.3f}", f"{k['hit@1']:.3f}", f"{b['hit@1']:.3f}",
                     f"{k['hit@10']:.3f}", f"{b['hit@10']:.3f}", f"{k['nDCG@10']:.3f}",
                     f"{b['nDCG@10']:.3f}", f"{statistics.median(ms):.1f}",
                     f"{percentile(ms, 95):.1f}"])
        print(" | ".join(map(str, rows[-1])), flush=True)
    return rows, {"kb": kb_run, "baseline": base_run, "millis": millis}


def main() -> None:
    """Command-line entry."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", help="comma-separated short names (default: every set present)")
    ap.add_argument("--latency", action="store_true",
                    help="also measure latency on the ~25k-document benchmark index")
    ap.add_argument("--runs", type=Path, help="write kb's and the baseline's runs as JSON here")
    ap.add_argument("--no-write", action="store_true", help="do not write benchmarks/results/")
    args = ap.parse_args()
    available = judged_sets()
    chosen = args.sets.split(",") if args.sets else list(available)
    missing = [s for s in chosen if s not in available]
    if missing:
        sys.exit(f"no such judged set: {', '.join(missing)} (present: {', '.join(available)})")
    rows, raw = [], {}
    for name in chosen:
        print(f"== {name}", flush=True)
        set_rows, raw[name] = evaluate(available[name])
        rows += set_rows
    # write_result heads the file with the machine and its load; the printout says it here.
    print(f"Machine: {machine()}.")
    body = ("kb beside the plain baseline (BM25 k1=1.2 b=0.75 over "
            "lower-cased syllables and syllable pairs, computed in the same run). dev = folds 0–1 "
            "(used for tuning), held-out = fold 2 (never used for tuning); on `realistic` hit@1 "
            "counts only documents judged 2. Latency is kb's, snippets off, warm index.\n\n"
            + md_table(HEADER, rows) + "\n")
    if args.latency:
        import search_latency

        index, info = search_latency.ensure_index(False)
        lat_rows, _ = search_latency.run_benchmark(index, False)
        body += (f"\nSearch latency on {info['documents']:,} documents (cold postings):\n\n"
                 + md_table(search_latency.HEADER, lat_rows) + "\n")
    print(body)
    if args.runs:
        args.runs.write_text(json.dumps(
            {name: {"kb": [(r.query_id, r.doc_id, r.score) for r in data["kb"]],
                    "baseline": [(r.query_id, r.doc_id, r.score) for r in data["baseline"]],
                    "millis": data["millis"]} for name, data in raw.items()}))
    if not args.no_write and not args.sets:
        print(f"wrote {write_result('relevance', 'Relevance lab', body)}")


if __name__ == "__main__":
    main()
