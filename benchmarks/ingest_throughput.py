"""Ingestion throughput of kb's full path beside underthesea's word_tokenize alone, and a profile.

A sample of real documents (by default 1,000 law articles + 500 news articles) is written as .txt
files to a temporary folder and ingested with ``kb.ingest.pipeline.ingest`` into a fresh index.
In the same run underthesea's ``word_tokenize`` is timed on the same cleaned text, line by line
(as kb calls it) and on whole documents. Caches (segment_line's lru_cache, the analysis cache)
are cleared before every run so that no run profits from an earlier one. Reports medians.

Then one ingest run is profiled with pyinstrument and the functions outside underthesea are
ranked by their time *excluding* what they spend inside underthesea (tree-exact).

Usage: .venv/bin/python benchmarks/ingest_throughput.py [--quick] [--runs N] [--no-profile]
"""

from __future__ import annotations

import argparse
import re
import os
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from common import (dantri_articles, law_articles, machine, md_table, median, vietnews_articles,
                    write_result)

from kb.analysis import segment as seg
from kb.analysis.normalize import clean_text
from kb.config import load_config
from kb.index import analyzers
from kb.index.parallel_writer import worker_count
from kb.ingest.pipeline import ingest

_NEWLINES = re.compile(r"\n+")


def write_sample(folder: Path, laws: int, news: int) -> list[str]:
    """Write the sample as .txt files; returns the cleaned texts (what kb will analyse)."""
    items = list(law_articles(laws))
    items += list(dantri_articles(news // 2)) + list(vietnews_articles(news - news // 2))
    texts = []
    for n, item in enumerate(items):
        body = item.text if item.source != "laws" else item.title + "\n" + item.text
        (folder / f"{n:05d}.txt").write_text(body, encoding="utf-8")
        texts.append(clean_text(body))
    return texts


def clear_caches() -> None:
    """Forget every cached segmentation and analysis."""
    seg.segment_line.cache_clear()
    analyzers._CACHE.clear()


def _cpu_with_children() -> float:
    """CPU seconds of this process and of its finished children (kb's indexing workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def time_kb(folder: Path, work: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds of one full ingest of ``folder`` into a fresh index; index size."""
    index = work / "index"
    shutil.rmtree(index, ignore_errors=True)
    config = load_config({"index": str(index), "progress": "never"})
    clear_caches()
    start, cpu = time.perf_counter(), _cpu_with_children()
    report = ingest([folder], config)
    seconds, cpu = time.perf_counter() - start, _cpu_with_children() - cpu
    assert not report.failed, report.failed[:3]
    size = sum(f.stat().st_size for f in index.iterdir() if f.is_file())
    return seconds, cpu, size


def time_tokenize(texts: list[str], per_line: bool) -> tuple[float, float]:
    """Wall and CPU seconds of underthesea's word_tokenize alone over ``texts``."""
    tokenize = seg._word_tokenize()
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        if per_line:
            for line in _NEWLINES.split(text):
                if line.strip():
                    tokenize(line)
        else:
            tokenize(text)
    return time.perf_counter() - start, time.process_time() - cpu


def _tokenize_lines(texts: list[str]) -> None:
    tokenize = seg._word_tokenize()
    for text in texts:
        for line in _NEWLINES.split(text):
            if line.strip():
                tokenize(line)


def time_tokenize_processes(texts: list[str], procs: int) -> tuple[float, float]:
    """Wall and CPU seconds (children included) of word_tokenize line by line, the texts shared
    out among ``procs`` forked processes: the floor for kb's parallel ingest on these cores."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    shares = [texts[i::procs] for i in range(procs)]
    start, cpu = time.perf_counter(), _cpu_with_children()
    workers = [context.Process(target=_tokenize_lines, args=(share,)) for share in shares]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.perf_counter() - start, _cpu_with_children() - cpu


def profile_ingest(folder: Path, work: Path, top: int = 10) -> tuple[list[str], float, float]:
    """Profile one ingest; returns Markdown tables of the top functions outside underthesea
    (by inclusive time minus underthesea below, and by self time) and the total/inside times."""
    from pyinstrument import Profiler

    index = work / "index-profiled"
    shutil.rmtree(index, ignore_errors=True)
    config = load_config({"index": str(index), "progress": "never", "workers": 1})
    clear_caches()
    profiler = Profiler(interval=0.0005)
    profiler.start()
    ingest([folder], config)
    session = profiler.stop()
    root = session.root_frame()
    own: dict[str, float] = defaultdict(float)   # time minus underthesea below, per function
    self_time: dict[str, float] = defaultdict(float)
    total = root.time
    inside = 0.0

    def is_tokenizer(frame) -> bool:
        path = frame.file_path or ""
        return "underthesea" in path or "crfsuite" in path or "pycrfsuite" in path

    def walk(frame, stack: frozenset) -> float:
        """Returns the underthesea time under ``frame``; credits non-underthesea time upward."""
        nonlocal inside
        if is_tokenizer(frame):
            inside += frame.time
            return frame.time
        under = sum(walk(child, stack | {_key(frame)}) for child in frame.children)
        key = _key(frame)
        if key not in stack:  # recursion: count a function once per path
            own[key] += frame.time - under
        self_time[key] += frame.total_self_time
        return under

    walk(root, frozenset())
    beyond = total - inside
    tables = []
    for data in (own, self_time):
        rows = sorted(data.items(), key=lambda kv: -kv[1])
        shown = [(k, v) for k, v in rows if not any(x in k for x in _WRAPPERS)][:top]
        tables.append(md_table(["function (file:line)", "s outside underthesea",
                                "% of time beyond tokenizer"],
                               [[f"`{k}`", round(v, 2), f"{100 * v / beyond:.0f}%"]
                                for k, v in shown]))
    picked = [(label, sum(v for k, v in own.items() if all(x in k for x in pattern)))
              for label, pattern in _STAGES]
    tables.append(md_table(["stage", "s outside underthesea", "% of time beyond tokenizer"],
                           [[label, round(v, 2), f"{100 * v / beyond:.0f}%"]
                            for label, v in picked]))
    return tables, total, inside


#: Stages of the ingest path, as (label, substrings of the profiled function's key).
_STAGES = (
    ("whoosh commit (sort and write postings)", ("commit (", "whoosh/writing.py")),
    ("whoosh add_document (incl. kb's analysis streams)", ("add_document (", "whoosh/writing.py")),
    ("kb StreamTokenizer streams (inside add_document)", ("__call__ (", "kb/index/analyzers.py")),
    ("kb analyze() chain minus underthesea", ("analyze (", "kb/analysis/analyzer.py")),
    ("  of which segment() (docnum regexes, splitting)", ("segment (", "kb/analysis/segment.py")),
    ("  of which canonical_token()", ("canonical_token (", "kb/analysis/analyzer.py")),
    ("read_document (read, parse, clean, describe)", ("read_document (", "kb/ingest/pipeline.py")),
    ("  of which describe()", ("describe (", "kb/ingest/describe.py")),
    ("  of which the parser", ("parse (", "kb/ingest/")),
    ("content_hash (sha256, done twice per file)", ("content_hash (", "kb/ingest/document.py")),
    ("document_fields()", ("document_fields (", "kb/ingest/pipeline.py")),
)

_WRAPPERS = ("benchmarks/", "contextlib.py", "pyinstrument", "[self]", "<module>", "[await]",
             "ingest (kb/ingest/pipeline.py")


def _key(frame) -> str:
    path = (frame.file_path or "").replace(str(Path(__file__).resolve().parent.parent) + "/", "")
    path = re.sub(r".*site-packages/", "", path)
    return f"{frame.function} ({path}:{frame.line_no})"


def main() -> None:
    """Command-line entry."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="200 law articles + 100 news, 1 run")
    ap.add_argument("--runs", type=int, default=None)
    ap.add_argument("--no-profile", action="store_true")
    args = ap.parse_args()
    laws, news = (200, 100) if args.quick else (1000, 500)
    runs = args.runs or (1 if args.quick else 3)
    print(machine(), flush=True)
    work = Path(tempfile.mkdtemp(prefix="kb-bench-ingest-"))
    try:
        folder = work / "docs"
        folder.mkdir()
        texts = write_sample(folder, laws, news)
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        lines = [ln for t in texts for ln in _NEWLINES.split(t) if ln.strip()]
        print(f"sample: {len(texts)} documents, {mb:.2f} MB, {len(lines)} lines "
              f"({len(set(lines))} distinct)", flush=True)
        seg._word_tokenize()("khởi động")  # load the model outside the timings
        procs = worker_count(0, len(texts))
        walls: dict[str, list[float]] = defaultdict(list)
        cpus: dict[str, list[float]] = defaultdict(list)
        sizes = []
        for run in range(runs):
            wall, cpu, size = time_kb(folder, work)
            walls["kb"].append(wall)
            cpus["kb"].append(cpu)
            sizes.append(size)
            for name, per_line in (("line", True), ("doc", False)):
                wall, cpu = time_tokenize(texts, per_line)
                walls[name].append(wall)
                cpus[name].append(cpu)
            wall, cpu = time_tokenize_processes(texts, procs)
            walls["procs"].append(wall)
            cpus["procs"].append(cpu)
            print(f"run {run + 1}: " + ", ".join(f"{k} {walls[k][-1]:.1f} s wall / "
                                                 f"{cpus[k][-1]:.1f} s CPU" for k in walls),
                  flush=True)
        n = len(texts)
        labels = {"kb": f"kb ingest (parse, analyse, index, commit; {procs} indexing processes)",
                  "line": "underthesea word_tokenize, line by line (as kb calls it)",
                  "doc": "underthesea word_tokenize, whole document",
                  "procs": f"underthesea word_tokenize, line by line, in {procs} processes"}
        rows = []
        for key, label in labels.items():
            c, w = median(cpus[key]), median(walls[key])
            rows.append([label, round(c, 2), round(w, 2), round(n / w, 1), round(mb / w, 3),
                         round(n / c, 1)])
        k, tl = median(cpus["kb"]), median(cpus["line"])
        kw, tlw, tpw = median(walls["kb"]), median(walls["line"]), median(walls["procs"])
        body = (f"Sample: {n} documents ({laws} law articles, {news} news articles), "
                f"{mb:.2f} MB of UTF-8 text, {len(lines)} non-empty lines "
                f"({len(set(lines))} distinct). Median of {runs} run(s); caches cleared each run. "
                f"docs/s and MB/s are per wall-clock second; CPU seconds include kb's worker "
                f"processes (the machine is shared, wall time varies with load).\n\n"
                + md_table(["path", "CPU s", "wall s", "docs/s", "MB/s", "docs per CPU s"], rows)
                + f"\n\nOverhead of kb over tokenizing line by line: "
                f"**{100 * (kw / tlw - 1):.0f}% in wall time** (kb analyses and indexes in "
                f"{procs} worker processes while the main process parses) and "
                f"**{100 * (k / tl - 1):.0f}% in CPU time** (all processes); target ≤ 25%. "
                f"Against tokenization spread over the same {procs} processes: "
                f"{100 * (kw / tpw - 1):.0f}% in wall time.\n"
                f"Index size: {median(sizes) / 1e6:.1f} MB for {mb:.2f} MB of "
                f"text (**{median(sizes) / 1e6 / mb:.1f} MB of index per MB of text**).\n")
        print(body, flush=True)
        if not args.no_profile:
            (cumulative, own_time, stages), total, inside = profile_ingest(folder, work)
            prof = (f"\n## Profile of one ingest in a single process (pyinstrument, workers=1)\n\nTotal {total:.1f} s, of which "
                    f"{inside:.1f} s inside underthesea ({100 * inside / total:.0f}%) and "
                    f"{total - inside:.1f} s elsewhere. Top functions by time spent outside "
                    f"underthesea (own time plus callees, minus underthesea below them):\n\n"
                    + cumulative + "\n\nTop functions by self time (outside underthesea):\n\n"
                    + own_time + "\n\nBy stage (nested stages overlap):\n\n" + stages + "\n")
            print(prof, flush=True)
            body += prof
        target = write_result("ingest_throughput" + ("_quick" if args.quick else ""),
                              "Ingestion throughput", body)
        print(f"wrote {target}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
