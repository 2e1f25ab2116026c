"""Run every benchmark and write its Markdown table into benchmarks/results/.

Builds the warm index first when it is missing (benchmarks/out/, git-ignored), then runs the
ingestion throughput and search latency benchmarks, each as its own process so that one does
not warm the caches of the other, then the load and hostile-request benchmarks against a
`kb serve` each starts on a free loopback port.

Usage: .venv/bin/python benchmarks/run_all.py [--quick] [--profile]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(script: str, *args: str) -> None:
    """Run one benchmark script with this interpreter; stop on failure."""
    print(f"== {script} {' '.join(args)}", flush=True)
    subprocess.run([sys.executable, str(HERE / script), *args], check=True)


def main() -> None:
    """Command-line entry."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="small samples (a few minutes)")
    ap.add_argument("--profile", action="store_true", help="add profiles to the results")
    args = ap.parse_args()
    quick = ["--quick"] if args.quick else []
    run("build_bench_corpus.py", *quick)
    run("ingest_throughput.py", *quick, *([] if args.profile else ["--no-profile"]))
    run("search_latency.py", *quick, *(["--profile"] if args.profile else []))
    run("load.py", *(["--requests", "96", "--name", "load_quick"] if args.quick else []))
    run("http_fuzz.py", "--index", str(HERE / "out" / "load-index"),
        *(["-n", "1000", "--name", "http_fuzz_quick"] if args.quick else []))
    print(f"results in {HERE / 'results'}")


if __name__ == "__main__":
    main()
