"""Generated hostile requests against a running `kb serve`: status counts and the slowest requests.

Every route and parameter of the web UI and the API is requested with values drawn from
families of odd input (a seeded generator, so a run can be repeated): long runs of one syllable
(with and without spaces, ă and its look-alike ǎ), a phrase repeated hundreds of times,
control characters and NUL, invalid percent-encoding and UTF-8, path traversal, markup, huge and
negative numbers, every filter of the query language with absurd values, real document ids
and broken ones. A good server answers each with a 2xx, a 404 or a 405, in bounded time.

Usage:
  python benchmarks/http_fuzz.py --url http://127.0.0.1:5000 [-n 10000] [--seed 11]
  python benchmarks/http_fuzz.py --index .kb-index        # starts its own `kb serve`
Only loopback servers are accepted. Results: benchmarks/results/http_fuzz.md (--name to change).
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import quote

from common import md_table, percentile, write_result
from serving import kb_serve, require_loopback

SYLLABLES = ("ă", "ǎ", "a", "chỉ", "thị", "nghị", "quyết", "đảng", "bộ", "khu", "dân", "cư",
             "người", "nghiêng", "Ủy", "ban", "x", "1", "05")
WORDS = ("chỉ thị 05", "nghị quyết trung ương 4", "phụng công thủ pháp", "trồng người",
         "chi bộ khu dân cư số 3", "y tế", "học tập và làm theo Bác", "05-CT/TW", "BCT",
         "chuyển đổi số", "lương y như từ mẫu", "cải cách hành chính", "biên bản")
FILTERS = ("kind", "loai", "year", "nam", "from", "to", "number", "so", "issuer", "unit",
           "donvi", "sector", "linhvuc", "term", "khoa")
NASTY = ("\x00", "\x00abc", "\x1b[31m", "\r\n", "\t", "../../etc/passwd", "/etc/passwd",
         "..%2f..%2fetc%2fpasswd", "C:\\Windows\\win.ini", "<script>alert(1)</script>",
         "\" onmouseover=\"x", "{{7*7}}", "%s%s%s%n", "' OR 1=1 --", "\u202e\u200b\ufeff",
         "NaN", "inf", "-1", "0", "1e309", "9" * 40, "-" * 50, "*", "?", "#", "&", "=", "%",
         "OR OR OR", '"""', "“", "a:", ":", "kind:", "-\"\"", "\ud800", "🙂" * 20)


def value(rng: random.Random) -> str:
    """One hostile (or ordinary) parameter value."""
    family = rng.randrange(12)
    if family == 0:
        return rng.choice(WORDS)
    if family == 1:  # a long run of one syllable, glued or spaced
        s = rng.choice(SYLLABLES)
        return (s if rng.random() < 0.5 else s + " ") * rng.choice((10, 100, 1000, 5000))
    if family == 2:  # a phrase repeated hundreds of times
        return (rng.choice(WORDS) + " ") * rng.choice((30, 300, 3000))
    if family == 3:
        return rng.choice(NASTY)
    if family == 4:  # random code points, all planes
        return "".join(chr(rng.choice((rng.randrange(0x20, 0x7f), rng.randrange(0x80, 0x2000),
                                       rng.randrange(0x2000, 0x10ffff))))
                       for _ in range(rng.choice((1, 5, 50, 500))))
    if family == 5:  # filters of the query language with absurd values
        parts = [f"{rng.choice(FILTERS)}:{rng.choice((value_short(rng), chr(34) + value_short(rng) + chr(34)))}"
                 for _ in range(rng.randrange(1, 6))]
        return " ".join(parts + [rng.choice(WORDS)] * rng.randrange(2))
    if family == 6:  # many exclusions and alternatives
        n = rng.choice((5, 50, 300))
        return " ".join(rng.choice(("-", "OR ", "", '"')) + rng.choice(SYLLABLES) for _ in range(n))
    if family == 7:
        return str(rng.choice((-(10 ** 30), -1, 0, 1, 2, 10 ** 6, 10 ** 30, 2 ** 63)))
    if family == 8:
        return ""
    if family == 9:  # a real word with combining marks stacked on it
        return rng.choice(WORDS) + "\u0301" * rng.choice((1, 50, 2000))
    if family == 10:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randrange(1, 40)))
    return rng.choice(SYLLABLES) * rng.randrange(1, 30)


def value_short(rng: random.Random) -> str:
    return rng.choice((rng.choice(WORDS), rng.choice(NASTY), "x" * rng.choice((1, 100, 5000)),
                       str(rng.randrange(-10 ** 6, 10 ** 9)), "2024-13-45", "15/5/2016"))


def encode(text: str, rng: random.Random) -> str:
    """``text`` percent-encoded; now and then with broken escapes or invalid UTF-8 bytes."""
    encoded = quote(text.encode("utf-8", "surrogatepass"), safe="")
    if rng.random() < 0.05:
        return encoded + rng.choice(("%", "%z", "%ff%fe", "%c3", "%00"))
    return encoded


ROUTES = {
    "/": ("q", "page", "sort", "from", "to", "limit"),
    "/api/search": ("q", "page", "limit", "sort", "facets"),
    "/api/suggest": ("q",),
    "/api/minutes": ("unit", "q"),
    "/minutes": ("unit", "q"),
    "/api/sayings": ("sector", "q"),
    "/sayings": ("sector", "q"),
    "/documents/<id>": ("q",),
    "/api/documents/<id>": (),
    "/api/stats": (),
    "/static/<file>": (),
    "/<junk>": ("q",),
}


def doc_id(rng: random.Random, real: list[str]) -> str:
    """A document id: often a real one, else a broken one."""
    if real and rng.random() < 0.4:
        return rng.choice(real)
    return rng.choice((value(rng), "0" * 12, "ffffffffffff", (rng.choice(real) if real else "x") + "x",
                       "..", ".", "%2e%2e", "a/b", "\x00", "x" * 5000))


def request_for(rng: random.Random, real_ids: list[str]) -> tuple[str, str, str]:
    """(method, route, target) of one generated request."""
    route = rng.choice(list(ROUTES))
    path = route
    if "<id>" in route:
        path = route.replace("<id>", encode(doc_id(rng, real_ids), rng))
    elif route == "/static/<file>":
        path = "/static/" + encode(rng.choice(("style.css", "app.js", "../kb/config.py", value(rng))), rng)
    elif route == "/<junk>":
        path = "/" + encode(value(rng), rng)
    params = [p for p in ROUTES[route] if rng.random() < 0.7]
    if rng.random() < 0.1:
        params += [rng.choice(ROUTES[route] or ("x",))] * 2 + ["unknown"]  # repeated and unknown
    query = "&".join(f"{p}={encode(value(rng), rng)}" for p in params)
    method = "GET" if rng.random() < 0.95 else rng.choice(("HEAD", "POST", "DELETE", "OPTIONS"))
    return method, route, path + ("?" + query if query else "")


def real_ids(host: str, port: int) -> list[str]:
    """Ids of a few indexed documents (from a search), so that document routes are hit too."""
    conn = http.client.HTTPConnection(host, port, timeout=120)
    ids = []
    for q in ("chỉ thị", "nghị quyết", "biên bản", "Bác Hồ"):
        conn.request("GET", "/api/search?limit=20&q=" + quote(q))
        body = json.loads(conn.getresponse().read())
        ids += [r["id"] for r in body.get("results", [])]
    conn.close()
    return sorted(set(ids))


def run(host: str, port: int, n: int, seed: int, timeout: float) -> dict:
    """Send ``n`` generated requests one after another; returns every outcome."""
    rng = random.Random(seed)
    ids = real_ids(host, port)
    outcomes = []
    conn = None
    for _ in range(n):
        method, route, target = request_for(rng, ids)
        if conn is None:
            conn = http.client.HTTPConnection(host, port, timeout=timeout)
        start = time.perf_counter()
        try:
            conn.request(method, target)
            response = conn.getresponse()
            response.read()
            status = str(response.status)
            if response.will_close:
                conn.close()
                conn = None
        except (socket.timeout, TimeoutError):
            status = "timeout"
            conn.close()
            conn = None
        except (OSError, http.client.HTTPException) as exc:
            status = f"error:{type(exc).__name__}"
            conn.close()
            conn = None
        outcomes.append({"method": method, "route": route, "target": target, "status": status,
                         "seconds": time.perf_counter() - start})
    return {"ids": len(ids), "outcomes": outcomes}


def describe(target: str, width: int = 90) -> str:
    """A request target shortened for a table: long values become "<N chars: start…>"."""
    path, _, query = target.partition("?")
    parts = []
    for item in ([path] + (query.split("&") if query else [])):
        parts.append(item if len(item) <= 40 else f"{item[:24]}…<{len(item)} chars>")
    text = path if not query else parts[0] + "?" + "&".join(parts[1:])
    return text[:width].replace("|", "%7C")


def report(result: dict, n: int, seed: int, wall: float) -> str:
    """The Markdown body: status counts, per-route figures, slowest requests, 5xx examples."""
    outcomes = result["outcomes"]
    statuses = Counter(o["status"] for o in outcomes)
    lines = [f"{n:,} generated requests (seed {seed}), sent one after another, in {wall:.0f} s; "
             f"{result['ids']} real document ids among the candidates.", "",
             md_table(["status", "requests"], [[s, c] for s, c in sorted(statuses.items())]), ""]
    by_route = defaultdict(list)
    for o in outcomes:
        by_route[o["route"]].append(o)
    rows = []
    for route, items in sorted(by_route.items()):
        times = [o["seconds"] * 1000 for o in items]
        bad = sum(1 for o in items if not o["status"][0] in "234")
        rows.append([route, len(items), bad, percentile(times, 50), percentile(times, 99), max(times)])
    lines += [md_table(["route", "requests", "5xx/errors", "p50 ms", "p99 ms", "max ms"], rows), ""]
    slowest = sorted(outcomes, key=lambda o: -o["seconds"])[:10]
    lines += ["Slowest requests:", "",
              md_table(["ms", "status", "request"],
                       [[o["seconds"] * 1000, o["status"], f"`{o['method']} {describe(o['target'])}`"]
                        for o in slowest]), ""]
    failed = [o for o in outcomes if not o["status"][0] in "234"]
    if failed:
        lines += ["First failures:", ""] + [f"- {o['status']} `{o['method']} {describe(o['target'])}`"
                                          for o in failed[:10]]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--url", help="a running kb serve (loopback only)")
    where.add_argument("--index", type=Path, help="start kb serve over this index")
    parser.add_argument("-n", type=int, default=10_000, help="requests to send (default 10,000)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a request "
                        "counts as timed out (default 60)")
    parser.add_argument("--name", default="http_fuzz", help="results file name")
    args = parser.parse_args()
    start = time.perf_counter()
    if args.url:
        host, port = require_loopback(args.url)
        result = run(host, port, args.n, args.seed, args.timeout)
    else:
        with kb_serve(args.index) as (url, _):
            host, port = require_loopback(url)
            result = run(host, port, args.n, args.seed, args.timeout)
    body = report(result, args.n, args.seed, time.perf_counter() - start)
    print(body)
    print(write_result(args.name, "HTTP fuzz: generated hostile requests against kb serve", body))


if __name__ == "__main__":
    main()
