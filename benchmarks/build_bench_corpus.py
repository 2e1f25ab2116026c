"""Build (once) the warm benchmark index of about 25,000 real documents under benchmarks/out/.

Documents: every article of laws/texts (split at each line starting "Điều N", titled with the
law's name and the article heading), the Dân trí and VietNews articles, and the ALQAC 2023
corpus. They go through kb's real analysis path: clean_text → Document → document_fields →
Whoosh writer with kb's schema. Prints the number of documents, MB of text and build time.

Usage: .venv/bin/python benchmarks/build_bench_corpus.py [--quick] [--force] [--procs N]
       [--compare-procs]   (checks that a procs=2 build answers queries exactly as procs=1)
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from collections import deque
from pathlib import Path

from common import OUT, bench_corpus, machine

from kb.analysis.normalize import clean_text
from kb.config import load_config
from kb.index import store
from kb.index.analyzers import remember
from kb.ingest.parallel import Analyzer
from kb.ingest.document import Document
from kb.ingest.pipeline import document_fields

MANIFEST = "bench-manifest.json"


def index_dir(quick: bool) -> Path:
    """Where the warm index of the full (or quick) corpus lives."""
    return OUT / ("bench-index-quick" if quick else "bench-index")


def build(target: Path, quick: bool, procs: int = 1, multisegment: bool = False) -> dict:
    """Index the benchmark corpus into ``target``; returns counts and timings."""
    if target.exists():
        shutil.rmtree(target)
    config = load_config({"index": str(target)})
    ix = store.create_index(target, config["title_boost"])
    docs, chars, nbytes = 0, 0, 0
    by_source: dict[str, int] = {}
    start = time.perf_counter()
    writer = ix.writer(procs=procs, limitmb=256, multisegment=multisegment) if procs > 1 \
        else ix.writer(limitmb=256)
    # procs=1: analysis in kb's own worker pool (kb.ingest.parallel), as `kb ingest` does.
    analyzer = Analyzer(2 if procs == 1 else 0)
    queue: deque = deque()

    def write(doc, future):
        if procs == 1:
            remember(doc.text, future.result()[0])
            remember(doc.title, future.result()[1])
        writer.add_document(**document_fields(doc))

    try:
        for item in bench_corpus(quick):
            text = clean_text(item.text)
            if not text.strip():
                continue
            title = clean_text(item.title) or text[:80]
            doc = Document(id=item.id, path=f"bench:{item.id}", content_hash="", title=title,
                           text=text, format="bench")
            queue.append((doc, analyzer.submit(doc.text, doc.title) if procs == 1 else None))
            while queue and (len(queue) > 64 or (queue[0][1] is not None and queue[0][1].done())):
                write(*queue.popleft())
            docs += 1
            chars += len(text)
            nbytes += len(text.encode("utf-8"))
            by_source[item.source] = by_source.get(item.source, 0) + 1
        while queue:
            write(*queue.popleft())
        analyzer.close()
    except BaseException:
        analyzer.close()
        writer.cancel()
        raise
    analysed = time.perf_counter() - start
    writer.commit()
    seconds = time.perf_counter() - start
    size = sum(f.stat().st_size for f in target.iterdir() if f.is_file())
    info = {"documents": docs, "by_source": by_source, "chars": chars, "mb_text": nbytes / 1e6,
            "build_seconds": round(seconds, 1), "commit_seconds": round(seconds - analysed, 1),
            "index_mb": size / 1e6, "procs": procs, "quick": quick, "machine": machine()}
    (target / MANIFEST).write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    return info


def ensure_index(quick: bool = False, procs: int = 1, force: bool = False) -> tuple[Path, dict]:
    """The warm index (built when missing or built with another schema) and its manifest."""
    target = index_dir(quick)
    manifest = target / MANIFEST
    if manifest.is_file() and not force and store.schema_is_current(target):
        return target, json.loads(manifest.read_text(encoding="utf-8"))
    return target, build(target, quick, procs)


def compare_procs(quick: bool = True) -> bool:
    """Build the sample with procs=1, procs=2 and procs=2 leaving one segment per process, and
    compare the top-10 answers (ids and scores) and totals of some queries."""
    from kb.index.search import Searcher

    queries = ["quyền và nghĩa vụ của công dân", "cu tru", "tội lừa đảo chiếm đoạt tài sản",
               '"hợp đồng lao động"', "xử phạt vi phạm hành chính", "Vinamilk thương hiệu",
               "bóng đá", "Điều 5 phạm vi điều chỉnh", "bảo hiểm xã hội bắt buộc", "ma túy"]
    answers = []
    for procs, multi in ((1, False), (2, False), (2, True)):
        target = OUT / f"compare-procs-{procs}{'-multisegment' if multi else ''}"
        info = build(target, quick, procs, multi)
        print(f"procs={procs} multisegment={multi}: {info['documents']} docs in "
              f"{info['build_seconds']} s "
              f"(commit {info['commit_seconds']} s), index {info['index_mb']:.1f} MB")
        with Searcher(load_config({"index": str(target)})) as searcher:
            answers.append([[(h.id, h.score) for h in searcher.search(q, snippets=False).results]
                            + [searcher.search(q, snippets=False).total] for q in queries])
    same = True
    for label, other in (("procs=2", answers[1]), ("procs=2 multisegment", answers[2])):
        ok = answers[0] == other
        same = same and ok
        print(f"{label}: {'identical answers' if ok else 'DIFFERENT answers'}", flush=True)
        for q, a, b in zip(queries, answers[0], other):
            if a != b:
                print("  ", q, a[:2], b[:2])
    return same


def main() -> None:
    """Command-line entry."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="a ~2,000-document sample")
    ap.add_argument("--force", action="store_true", help="rebuild even when cached")
    ap.add_argument("--procs", type=int, default=1, help="Whoosh writer processes")
    ap.add_argument("--compare-procs", action="store_true")
    args = ap.parse_args()
    print(machine())
    if args.compare_procs:
        compare_procs(quick=True)
        return
    target, info = ensure_index(args.quick, args.procs, args.force)
    print(f"{target}: {info['documents']:,} documents {info['by_source']}, "
          f"{info['mb_text']:.1f} MB of text, built in {info['build_seconds']} s "
          f"(procs={info['procs']}, commit {info['commit_seconds']} s), "
          f"index {info['index_mb']:.1f} MB")


if __name__ == "__main__":
    main()
