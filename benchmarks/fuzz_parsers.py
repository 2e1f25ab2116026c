"""A longer fuzz run over the parsers than tests/test_fuzz.py: count what escapes and what is slow.

Each case is random bytes or a mutation (flipped, cut, inserted bytes, dropped tail) of a
small fixture from tests/data/parsers, saved under a random extension and read in this
process with choose_parser + parse. Anything but kb.errors.IngestError is a finding; a case
over --slow seconds is reported too (the sandbox's parse_timeout bounds those in real runs).

Usage: .venv/bin/python benchmarks/fuzz_parsers.py [--cases 2000] [--seed 1] [--slow 2]
"""

from __future__ import annotations

import argparse
import collections
import random
import signal
import tempfile
import time
from pathlib import Path

from common import ROOT

from kb.config import load_config
from kb.errors import IngestError
from kb.ingest.registry import choose_parser

SEEDS = sorted(p for p in (ROOT / "tests" / "data" / "parsers").iterdir()
               if p.is_file() and p.suffix != ".py")
SUFFIXES = [".pdf", ".docx", ".html", ".txt", ".doc", ".xls", ".xlsx", ".rtf", ".ppt", ""]


def mutate(rng: random.Random, data: bytes) -> bytes:
    """A few random edits of ``data``."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 10)):
        at = rng.randrange(max(1, len(buf)))
        kind = rng.choice(["flip", "cut", "truncate", "insert", "repeat"])
        if kind == "flip" and buf:
            buf[at] = rng.randrange(256)
        elif kind == "cut":
            del buf[at:at + rng.randint(1, 1024)]
        elif kind == "truncate":
            del buf[at:]
        elif kind == "insert":
            buf[at:at] = rng.randbytes(rng.randint(1, 128))
        else:
            buf[at:at] = buf[at:at + rng.randint(1, 64)] * rng.randint(2, 50)
    return bytes(buf)


class _Timeout(Exception):
    pass


def _alarm(_signum, _frame):
    raise _Timeout


def main() -> None:
    """Run the cases and print a Markdown summary."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--slow", type=float, default=2.0)
    ap.add_argument("--hang", type=int, default=30, help="seconds before a case counts as hung")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    config = load_config({"max_text_chars": 200_000}, environ={})
    outcomes: collections.Counter[str] = collections.Counter()
    findings: list[str] = []
    slow: list[tuple[float, str]] = []
    signal.signal(signal.SIGALRM, _alarm)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for case in range(args.cases):
            seed = rng.choice(SEEDS)
            data = rng.randbytes(rng.randint(0, 8192)) if rng.random() < 0.2 \
                else mutate(rng, seed.read_bytes())
            path = Path(tmp) / f"case{case}{rng.choice(SUFFIXES)}"
            path.write_bytes(data)
            label = f"case {case} ({seed.name} → {path.suffix or 'no suffix'})"
            t0 = time.perf_counter()
            signal.alarm(args.hang)
            try:
                choose_parser(path).parse(path, config)
                outcomes["text"] += 1
            except IngestError as exc:
                outcomes[type(exc).__name__] += 1
            except _Timeout:
                outcomes["HUNG"] += 1
                findings.append(f"{label}: no answer in {args.hang} s")
            except Exception as exc:  # noqa: BLE001 - that is what we are looking for
                outcomes["ESCAPED " + type(exc).__name__] += 1
                findings.append(f"{label}: {type(exc).__name__}: {exc}"[:200])
            finally:
                signal.alarm(0)
            took = time.perf_counter() - t0
            if took > args.slow:
                slow.append((took, label))
            path.unlink()
    total = time.perf_counter() - started
    print(f"# Parser fuzzing: {args.cases} cases, seed {args.seed}, {total:.1f} s\n")
    print("| outcome | cases |\n| --- | ---: |")
    for name, count in outcomes.most_common():
        print(f"| {name} | {count} |")
    print(f"\nFindings (exceptions other than IngestError, hangs): {len(findings)}")
    for line in findings[:30]:
        print(f"- {line}")
    print(f"\nCases slower than {args.slow:g} s: {len(slow)}")
    for took, label in sorted(slow, reverse=True)[:10]:
        print(f"- {took:.1f} s {label}")


if __name__ == "__main__":
    main()
