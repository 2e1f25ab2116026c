"""What repair and OCR recover from the gov-docs PDFs, and what the parse sandbox costs per file.

Table 1, per PDF of /work/shared/data/gov-docs: characters of text, share of letter tokens
that are valid Vietnamese syllables and count of Cyrillic letters in pypdf's raw text layer
("before") and in kb's final text after repair and OCR ("after"), pages OCR'd, seconds (parse
+ OCR). "chars after" also reflects clean_text's whitespace tidying, even for untouched pages.

Table 2: the sandbox's per-file overhead, parsing each gov-docs file and the small parser
fixtures in this process (parse_here) and through the reused worker process (sandbox.parse):
median of --repeat runs per file.

Usage: .venv/bin/python benchmarks/gov_docs_yield.py [--repeat 5] [--no-ocr]
"""

from __future__ import annotations

import argparse
import statistics
import time

from common import DATA, ROOT, machine

from kb.config import load_config
from kb.ingest import ocr, sandbox
from kb.ingest.pipeline import read_document
from kb.ingest.repair import syllable_share

GOV = DATA / "gov-docs"


def raw_text(path) -> str:
    """pypdf's text layer, untouched (what kb read before repair and OCR)."""
    from pypdf import PdfReader

    return "\n\n".join((page.extract_text() or "") for page in PdfReader(str(path)).pages)


def _cyrillic(text: str) -> int:
    return sum(1 for c in text if "\u0400" <= c <= "\u04ff")


def yield_table(config, use_ocr: bool) -> None:
    """Print table 1."""
    print("| file | pages | chars before | chars after | valid syllables before | after "
          "| Cyrillic letters before | after | pages repaired | pages OCR'd | seconds |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |")
    for path in sorted(GOV.glob("*.pdf")):
        before = raw_text(path)
        t0 = time.perf_counter()
        doc = read_document(path, config)
        extra = doc.meta["extra"]
        if use_ocr and extra.get("ocr_pending"):
            texts = ocr.ocr_pages(path, extra["ocr_pending"], float(config["ocr_timeout"]))
            doc = read_document(path, config, ocr_text=texts)
            extra = doc.meta["extra"]
        took = time.perf_counter() - t0
        share_before = f"{syllable_share(before):.3f}" if before.strip() else "–"
        print(f"| {path.name} | {extra['pages']} | {len(before.strip())} | {len(doc.text)} "
              f"| {share_before} | {syllable_share(doc.text):.3f} "
              f"| {_cyrillic(before)} | {_cyrillic(doc.text)} "
              f"| {extra.get('repaired_pages', [])} | {extra.get('ocr_pages', [])} | {took:.1f} |")


def overhead_table(config, repeat: int) -> None:
    """Print table 2."""
    files = sorted(p for p in GOV.iterdir() if p.suffix in {".pdf", ".docx", ".doc"})
    files += sorted(p for p in (ROOT / "tests" / "data" / "parsers").iterdir()
                    if p.suffix in {".docx", ".html", ".txt"} and "not" not in p.name
                    and "corrupt" not in p.name)
    sandbox.shutdown()  # table 1 started one: time a fresh start
    t0 = time.perf_counter()
    sandbox.parse(files[0], config)  # start the worker once
    startup = time.perf_counter() - t0
    inproc, boxed = [], []
    for path in files:
        for runner, out in ((sandbox.parse_here, inproc), (sandbox.parse, boxed)):
            runs = []
            for _ in range(repeat):
                t = time.perf_counter()
                runner(path, config)
                runs.append(time.perf_counter() - t)
            out.append(statistics.median(runs))
    extra = [b - i for b, i in zip(boxed, inproc)]
    print(f"\nSandbox worker start (once per run): {startup * 1000:.0f} ms")
    print(f"\n| {len(files)} files, median of {repeat} | in process | sandbox worker | overhead |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| median per file | {statistics.median(inproc) * 1000:.1f} ms "
          f"| {statistics.median(boxed) * 1000:.1f} ms | {statistics.median(extra) * 1000:.1f} ms |")
    print(f"| largest overhead | | | {max(extra) * 1000:.1f} ms |")


def main() -> None:
    """Run both tables."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-ocr", action="store_true")
    args = ap.parse_args()
    config = load_config({"index": "/nonexistent", "progress": "never"}, environ={})
    print(f"# gov-docs yield: repair and OCR\n\n{machine()}\n")
    yield_table(config, not args.no_ocr)
    overhead_table(config, args.repeat)


if __name__ == "__main__":
    main()
