"""Build (once) the warm benchmark index of about 25,000 real documents under benchmarks/out/.

Documents: every article of laws/texts (split at each line starting "Điều N", titled with the
law's name and the article heading), the Dân trí and VietNews articles, and the ALQAC 2023
corpus. They go through kb's real analysis path: clean_text → Document → document_fields →
Whoosh writer with kb's schema. Prints the number of documents, MB of text and build time.

Usage: .venv/bin/python benchmarks/build_bench_corpus.py [--quick] [--force] [--workers N]
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

from common import OUT, bench_corpus, machine

from kb.analysis.normalize import clean_text
from kb.config import load_config
from kb.index import store
from kb.ingest.document import Document
from kb.ingest.pipeline import document_fields

MANIFEST = "bench-manifest.json"


def index_dir(quick: bool) -> Path:
    """Where the warm index of the full (or quick) corpus lives."""
    return OUT / ("bench-index-quick" if quick else "bench-index")


def build(target: Path, quick: bool, workers: int = 2) -> dict:
    """Index the benchmark corpus into ``target`` with kb's writer; returns counts and timings."""
    if target.exists():
        shutil.rmtree(target)
    config = load_config({"index": str(target)})
    ix = store.create_index(target, config["title_boost"])
    docs, chars, nbytes = 0, 0, 0
    by_source: dict[str, int] = {}
    start = time.perf_counter()
    # workers > 0: kb.index.parallel_writer analyses and indexes in processes, as `kb ingest` does.
    with store.writing(ix, target, workers=workers) as writer:
        for item in bench_corpus(quick):
            text = clean_text(item.text)
            if not text.strip():
                continue
            title = clean_text(item.title) or text[:80]
            doc = Document(id=item.id, path=f"bench:{item.id}", content_hash="", title=title,
                           text=text, format="bench")
            writer.add_document(**document_fields(doc))
            docs += 1
            chars += len(text)
            nbytes += len(text.encode("utf-8"))
            by_source[item.source] = by_source.get(item.source, 0) + 1
    seconds = time.perf_counter() - start
    size = sum(f.stat().st_size for f in target.iterdir() if f.is_file())
    info = {"documents": docs, "by_source": by_source, "chars": chars, "mb_text": nbytes / 1e6,
            "build_seconds": round(seconds, 1), "index_mb": size / 1e6, "workers": workers,
            "segments": len(ix.reader().leaf_readers()) if hasattr(ix.reader(), "leaf_readers")
            else 1, "quick": quick, "machine": machine()}
    (target / MANIFEST).write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    return info


def ensure_index(quick: bool = False, workers: int = 2, force: bool = False) -> tuple[Path, dict]:
    """The warm index (built when missing or built with another schema) and its manifest."""
    target = index_dir(quick)
    manifest = target / MANIFEST
    if manifest.is_file() and not force and store.schema_is_current(target):
        return target, json.loads(manifest.read_text(encoding="utf-8"))
    return target, build(target, quick, workers)


def main() -> None:
    """Command-line entry."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="a ~2,000-document sample")
    ap.add_argument("--force", action="store_true", help="rebuild even when cached")
    ap.add_argument("--workers", type=int, default=2, help="indexing processes (0: inline)")
    args = ap.parse_args()
    print(machine())
    target, info = ensure_index(args.quick, args.workers, args.force)
    print(f"{target}: {info['documents']:,} documents {info['by_source']}, "
          f"{info['mb_text']:.1f} MB of text, built in {info['build_seconds']} s "
          f"(workers={info.get('workers')}), index {info['index_mb']:.1f} MB")


if __name__ == "__main__":
    main()
