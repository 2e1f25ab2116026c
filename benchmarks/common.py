"""Shared pieces of the benchmarks: the machine line, the real-data corpus readers, timing helpers
and Markdown output.

The corpus is read from /work/shared/data (never copied into the repository): laws split into
articles at each line starting "Điều N", Dân trí and VietNews articles, and the ALQAC 2023 corpus.
"""

from __future__ import annotations

import json
import os
import platform
import re
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = Path(os.environ.get("KB_SHARED_DATA", ROOT.parent / "shared" / "data"))
OUT = ROOT / "benchmarks" / "out"
RESULTS = ROOT / "benchmarks" / "results"

_ARTICLE = re.compile(r"^Điều \d+[a-zđ]?\b", re.M)
_LAW_HEAD = re.compile(r"^(BỘ LUẬT|LUẬT)\s*\n(.+)$", re.M)


@dataclass
class BenchDoc:
    """A document of the benchmark corpus (title and clean text, plus where it came from)."""

    id: str
    title: str
    text: str
    source: str


def machine() -> str:
    """One line describing the machine: CPU model, cores, RAM, Python version."""
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.0f} GB"
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} cores, {ram} RAM, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def law_name(text: str, fallback: str) -> str:
    """'Luật Cư trú' from the printed heading ("LUẬT" then "CƯ TRÚ" on the next line)."""
    m = _LAW_HEAD.search(text[:3000])
    if not m:
        return fallback
    kind = "Bộ luật" if m.group(1) == "BỘ LUẬT" else "Luật"
    return f"{kind} {m.group(2).strip().capitalize()}"


def law_articles(limit: int | None = None) -> Iterator[BenchDoc]:
    """Every article of every law in laws/texts, titled "<law> – Điều N. <heading>"."""
    count = 0
    for path in sorted((DATA / "laws" / "texts").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        name = law_name(text, path.stem)
        starts = [m.start() for m in _ARTICLE.finditer(text)]
        for i, start in enumerate(starts):
            body = text[start:starts[i + 1] if i + 1 < len(starts) else len(text)].strip()
            heading = body.split("\n", 1)[0][:160]
            yield BenchDoc(f"law:{path.stem}:{i}", f"{name} – {heading}", body, "laws")
            count += 1
            if limit is not None and count >= limit:
                return


def dantri_articles(limit: int | None = None) -> Iterator[BenchDoc]:
    """Dân trí articles: '# key = value' header lines, a title line, then one sentence a line."""
    paths = sorted((DATA / "news" / "dantri" / "articles").glob("*.txt"))
    for path in paths[:limit]:
        lines = path.read_text(encoding="utf-8").splitlines()
        body = [ln for ln in lines if not ln.startswith("# ")]
        if not body:
            continue
        yield BenchDoc(f"dantri:{path.stem}", body[0].strip(), "\n".join(body).strip(), "dantri")


def vietnews_articles(limit: int | None = None) -> Iterator[BenchDoc]:
    """VietNews test articles (title, summary, body; the text is pre-tokenised with spaces)."""
    count = 0
    for path in sorted((DATA / "news" / "vietnews").glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                row = json.loads(line)
                text = "\n".join(p for p in (row.get("title"), row.get("summary"),
                                             row.get("body")) if p)
                yield BenchDoc(f"vietnews:{row['id']}", row.get("title") or text[:80], text,
                               "vietnews")
                count += 1
                if limit is not None and count >= limit:
                    return


def alqac_articles(limit: int | None = None) -> Iterator[BenchDoc]:
    """The ALQAC 2023 corpus (law articles), titled like the laws above."""
    count = 0
    with open(DATA / "alqac2023" / "corpus.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            title = f"{row.get('law_id', '')} – Điều {row.get('article_id', '')}. {row.get('title', '')}"
            yield BenchDoc(f"alqac:{row['_id']}", title.strip(), row.get("text") or "", "alqac")
            count += 1
            if limit is not None and count >= limit:
                return


def bench_corpus(quick: bool = False) -> Iterator[BenchDoc]:
    """The whole benchmark corpus (about 25,000 documents), or a ~2,000-document sample."""
    if quick:
        yield from law_articles(1200)
        yield from dantri_articles(300)
        yield from vietnews_articles(300)
        yield from alqac_articles(200)
        return
    yield from law_articles()
    yield from dantri_articles()
    yield from vietnews_articles()
    yield from alqac_articles()


def read_jsonl(path: Path) -> list[dict]:
    """Rows of a JSON-lines file."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def median(values) -> float:
    """Median of a non-empty sequence."""
    return statistics.median(values)


def percentile(values, p: float) -> float:
    """The p-th percentile (nearest rank, 0 < p <= 100) of a non-empty sequence."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[k]


def md_table(header: list[str], rows: list[list]) -> str:
    """A Markdown table."""
    def cell(v):
        if isinstance(v, float):
            return f"{v:,.1f}" if abs(v) >= 10 else f"{v:.2f}"
        return str(v)

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def write_result(name: str, title: str, body: str) -> Path:
    """Write benchmarks/results/<name>.md with a title, the machine line and ``body``."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / f"{name}.md"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    target.write_text(f"# {title}\n\nMachine: {machine()}. Load average when written: {load} "
                      f"(the machine is shared; CPU-time columns are the steadier figures).\n\n"
                      f"{body.strip()}\n", encoding="utf-8")
    return target
