"""Load: 1, 8 and 32 concurrent clients against `kb serve` over the corpus and the party documents.

The script builds (or brings up to date) an index of corpus/ plus ../shared/data/party-docs in
benchmarks/out/load-index, starts `kb serve` on a free 127.0.0.1 port, and for each number of
clients runs a fixed mix of requests (searches short and long, with and without diacritics,
facets, sorting, document pages and their JSON, suggestions, sayings, minutes), each client on
its own keep-alive connection, every client starting at another place in the mix. Reported per
level: requests/s, p50/p99/max latency, errors (anything but a 200), and the server's thread
count and resident memory (RSS) read from /proc while the level runs.

Usage: python benchmarks/load.py [--requests 320] [--clients 1 8 32] [--processes N] [--threads N]
Results: benchmarks/results/load.md (--name to change).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlencode

from common import DATA, OUT, ROOT, md_table, percentile, write_result
from serving import kb_serve, process_facts, require_loopback

SOURCES = [ROOT / "corpus", DATA / "party-docs"]
#: (label, path and query) of the mix; "{id}" is replaced by a real document id.
MIX = [
    ("search short", "/api/search?" + urlencode({"q": "chỉ thị 05"})),
    ("search folded", "/api/search?" + urlencode({"q": "nghi quyet trung uong 4 khoa XII"})),
    ("page search", "/?" + urlencode({"q": "học tập và làm theo tư tưởng đạo đức phong cách Hồ Chí Minh"})),
    ("search facets", "/api/search?" + urlencode({"q": "chuyển đổi số", "facets": "1"})),
    ("page phrase newest", "/?" + urlencode({"q": '"cải cách hành chính"', "sort": "newest"})),
    ("search long", "/api/search?" + urlencode({"q": (
        "trách nhiệm của người đứng đầu cấp ủy trong việc kiểm tra giám sát và kỷ luật đảng "
        "viên vi phạm những điều đảng viên không được làm theo quy định của Ban Chấp hành "
        "Trung ương")})),
    ("page document", "/documents/{id}"),
    ("api document", "/api/documents/{id}"),
    ("suggest number", "/api/suggest?" + urlencode({"q": "05-"})),
    ("suggest title", "/api/suggest?" + urlencode({"q": "chi thi"})),
    ("page sayings", "/sayings?" + urlencode({"q": "trồng người"})),
    ("api minutes", "/api/minutes?" + urlencode({"unit": "khu dan cu so 3"})),
    ("page minutes", "/minutes"),
    ("search page 2", "/api/search?" + urlencode({"q": "Bộ Chính trị", "page": "2"})),
]


def build_index(index: Path) -> None:
    """`kb ingest` the sources into ``index`` (unchanged files are skipped on a second run)."""
    missing = [str(p) for p in SOURCES if not p.is_dir()]
    if missing:
        sys.exit(f"missing source folders: {', '.join(missing)}")
    command = [sys.executable, "-m", "kb", "--index", str(index), "ingest", *map(str, SOURCES)]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KB_PROGRESS": "never"}
    done = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit(f"kb ingest failed: {done.stderr[-2000:]}")


def document_ids(host: str, port: int) -> list[str]:
    """Ids of documents the mix opens (from two searches)."""
    conn = http.client.HTTPConnection(host, port, timeout=120)
    ids = []
    for q in ("chỉ thị", "nghị quyết"):
        conn.request("GET", "/api/search?limit=10&q=" + quote(q))
        ids += [r["id"] for r in json.loads(conn.getresponse().read())["results"]]
    conn.close()
    return ids


def client(host: str, port: int, targets: list[tuple[str, str]], timeout: float) -> list[dict]:
    """Send ``targets`` one after another on one keep-alive connection; one row per request."""
    rows, conn = [], None
    for label, target in targets:
        if conn is None:
            conn = http.client.HTTPConnection(host, port, timeout=timeout)
        start = time.perf_counter()
        try:
            conn.request("GET", target)
            response = conn.getresponse()
            response.read()
            status = response.status
            if response.will_close:
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException) as exc:
            status = type(exc).__name__
            conn.close()
            conn = None
        rows.append({"label": label, "status": status, "ms": (time.perf_counter() - start) * 1000})
    if conn is not None:
        conn.close()
    return rows


class Sampler(threading.Thread):
    """Reads the server's thread count and RSS every ``every`` seconds until stopped."""

    def __init__(self, pid: int, every: float = 0.25):
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.samples: list[dict] = []
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            facts = process_facts(self.pid)
            if facts:
                self.samples.append(facts)
            self.done.wait(self.every)

    def peak(self, key: str):
        return max((s[key] for s in self.samples if key in s), default=None)


def run_level(host: str, port: int, pid: int, clients: int, requests: int, ids: list[str],
              timeout: float) -> dict:
    """``requests`` requests of the mix spread over ``clients`` concurrent clients."""
    mix = [(label, target.replace("{id}", ids[i % len(ids)]))
           for i, (label, target) in enumerate(MIX * (1 + len(ids)))]
    per_client = max(1, requests // clients)
    plans = [[mix[(c * 5 + k) % len(mix)] for k in range(per_client)] for c in range(clients)]
    sampler = Sampler(pid)
    sampler.start()
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = list(pool.map(lambda plan: client(host, port, plan, timeout), plans))
    wall = time.perf_counter() - start
    sampler.done.set()
    sampler.join()
    rows = [r for rs in results for r in rs]
    times = [r["ms"] for r in rows]
    errors = [r for r in rows if r["status"] != 200]
    return {"clients": clients, "requests": len(rows), "errors": len(errors),
            "error_kinds": sorted({f"{r['label']}: {r['status']}" for r in errors}),
            "rps": len(rows) / wall, "p50": percentile(times, 50), "p99": percentile(times, 99),
            "max": max(times), "threads": sampler.peak("threads"), "rss_mb": sampler.peak("rss_mb"),
            "pss_mb": sampler.peak("pss_mb"), "processes": sampler.peak("processes"),
            "slowest": sorted(rows, key=lambda r: -r["ms"])[:3],
            "by_label": {label: percentile([r["ms"] for r in rows if r["label"] == label], 50)
                         for label in sorted({r["label"] for r in rows})}}


def report(levels: list[dict], args, docs: int) -> str:
    """The Markdown body: the table, then per-level details."""
    first = levels[0]
    setting = lambda value: "default" if value is None else value  # noqa: E731
    lines = [f"Index: corpus/ plus ../shared/data/party-docs, {docs:,} documents. `kb serve` on "
             f"127.0.0.1 (waitress; serve_processes {setting(args.processes)}, serve_threads "
             f"{setting(args.threads)}); each level sends about {args.requests} requests of a "
             f"fixed mix of {len(MIX)} kinds (searches, pages, documents, suggestions, sayings, "
             "minutes), each client on its own keep-alive connection. Errors: any answer but "
             "200. Server processes, threads, RSS and PSS: the server's processes summed, peak "
             "during the level (/proc; PSS counts the pages the processes share once).", "",
             md_table(["clients", "requests", "errors", "req/s", "p50 ms", "p99 ms", "max ms",
                       "p99 / 1-client p99", "processes", "threads", "RSS MB", "PSS MB"],
                      [[lv["clients"], lv["requests"], lv["errors"], lv["rps"], lv["p50"], lv["p99"],
                        lv["max"], lv["p99"] / first["p99"], lv["processes"], lv["threads"],
                        lv["rss_mb"], lv["pss_mb"]] for lv in levels]), ""]
    lines += ["Median ms by kind of request, per number of clients:", "",
              md_table(["request"] + [str(lv["clients"]) for lv in levels],
                       [[label] + [lv["by_label"].get(label, 0.0) for lv in levels]
                        for label in levels[0]["by_label"]]), ""]
    for lv in levels:
        if lv["error_kinds"]:
            lines.append(f"- {lv['clients']} clients, errors: " + "; ".join(lv["error_kinds"][:10]))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=320, help="requests per level")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--processes", type=int, default=None,
                        help="server processes (default: kb's serve_processes setting)")
    parser.add_argument("--threads", type=int, default=None,
                        help="threads per process (default: kb's serve_threads setting)")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--index", type=Path, default=OUT / "load-index")
    parser.add_argument("--name", default="load")
    args = parser.parse_args()
    build_index(args.index)
    env = {name: str(value) for name, value in (("KB_SERVE_PROCESSES", args.processes),
                                                 ("KB_SERVE_THREADS", args.threads))
           if value is not None}
    with kb_serve(args.index, env=env) as (url, process):
        host, port = require_loopback(url)
        ids = document_ids(host, port)
        conn = http.client.HTTPConnection(host, port, timeout=120)
        conn.request("GET", "/api/stats")
        docs = json.loads(conn.getresponse().read())["documents"]
        conn.close()
        # Warm-up: every kind of request on 8 connections at once, so that every server
        # process has built its per-index caches (sayings, citations, suggestions) before timing.
        warm = [(label, t.replace("{id}", ids[0])) for label, t in MIX]
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(lambda _: client(host, port, warm, args.timeout), range(8)))
        levels = []
        for clients in args.clients:
            levels.append(run_level(host, port, process.pid, clients, args.requests, ids,
                                    args.timeout))
            lv = levels[-1]
            print(f"{clients:3d} clients: {lv['rps']:.1f} req/s, p50 {lv['p50']:.0f} ms, "
                  f"p99 {lv['p99']:.0f} ms, errors {lv['errors']}, processes {lv['processes']}, "
                  f"threads {lv['threads']}, PSS {lv['pss_mb'] or 0:.0f} MB", flush=True)
    body = report(levels, args, docs)
    print(body)
    print(write_result(args.name, "Load: concurrent clients against kb serve", body))


if __name__ == "__main__":
    main()
